"""The web renderer: Markdown pages and an ordinary mkdocs.yml for each locale."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from markupsafe import Markup

from generator.i18n import translator
from generator.model import (
    Campaign,
    Page,
    Project,
    Testimonial,
    Verse,
)
from generator.model.region import DEFAULT_REGION, REGIONS, Region
from generator.model.theme import Theme
from generator.render import Memo, no_memo
from generator.render.escape import html_text
from generator.render.loudspeaker.scripts import OPERATOR_INDEX, render_operator_pages
from generator.render.views import (
    LocaleText,
    campaign_view,
    locale_prefix,
)
from generator.render.web.campaign_page import CAMPAIGN_PAGE_NEEDS, calculator_html, campaign_page
from generator.render.web.context import published, renderer, verse_html
from generator.render.web.listen import spoken_page
from generator.render.web.media import Picture
from generator.render.web.progress import render_progress_pages
from generator.text.fold import slugify
from generator.text.labels import label

# How many campaigns the home page shows per region, the latest first: the page stays the
# same size however many campaigns the site has; the campaigns page lists them all.
HOME_PER_REGION = 3


def _campaigns_by_region(project: Project) -> list[tuple[Region, list[Campaign]]]:
    groups = []
    for region in REGIONS:
        members = [c for c in project.campaigns if c.region == region and "web" in c.outputs]
        if members:
            groups.append((region, sorted(members, key=lambda c: (c.province, c.id))))
    return groups


def home_regions(
    project: Project, region_name: Callable[[Region], str]
) -> list[tuple[Region, list[Campaign], int, str]]:
    """Return what the home page shows of each region that has campaigns.

    Each item is (region, its ``HOME_PER_REGION`` latest campaigns by start date in the
    campaigns page's order, how many it has, the anchor of its heading on the campaigns
    page). ``region_name`` gives the heading's text, as that page writes it.
    """
    regions = []
    for region, members in _campaigns_by_region(project):
        latest = sorted(members, key=lambda c: c.period.start, reverse=True)[:HOME_PER_REGION]
        shown = {c.id for c in latest}
        anchor = slugify(region_name(region), "-")
        regions.append((region, [c for c in members if c.id in shown], len(members), anchor))
    return regions


def render_web(
    project: Project,
    theme: Theme,
    locale: str,
    pictures: Mapping[str, Picture] | None = None,
    themes: Mapping[str, Theme] | None = None,
    memo: Memo = no_memo,
) -> dict[str, str]:
    """Return every Markdown page of one locale, keyed by its path in the docs folder.

    ``themes`` are the campaigns' own themes by name (their cards, hence their link
    previews, are drawn with them); a campaign without one uses ``theme``. A campaign's,
    testimonial's or verse's page, a campaign's operator page and the progress pages are
    each rendered from a view of the project holding only what they read, through ``memo``
    with the view among its parts: a build remakes only the pages whose view changed.
    """
    photos = pictures or {}
    render = renderer(project, theme, locale, photos)
    testimonials = {k: v for k, v in project.testimonials.items() if published(v)}
    pages = {
        "index.md": render(
            "home.md.j2",
            regions=home_regions(project, _region_name(theme, locale)),
        ),
        "campaigns/index.md": render("campaigns.md.j2", regions=_campaigns_by_region(project)),
        "testimonials/index.md": render("testimonials.md.j2", testimonials=testimonials),
        "verses/index.md": render("verses.md.j2", verses=project.verses),
    }
    calculator = calculator_html(project, theme, locale)
    for campaign in project.campaigns:
        if "web" not in campaign.outputs:
            continue
        view = campaign_view(project, campaign, CAMPAIGN_PAGE_NEEDS)
        card_theme = (themes or {}).get(campaign.theme or "", theme)
        pages[f"campaigns/{campaign.id}.md"] = memo(
            ("campaign-page", locale, view, str(calculator)),
            partial(campaign_page, view, theme, locale, photos, calculator, card_theme),
        )
    for name in testimonials:
        view = _users_view(project, testimonials={name: testimonials[name]})
        pages[f"testimonials/{name}.md"] = memo(
            ("testimonial-page", locale, view),
            partial(_testimonial_page, view, theme, locale, photos),
        )
    for name, verse in project.verses.items():
        view = _users_view(project, verses={name: verse})
        pages[f"verses/{name}.md"] = memo(
            ("verse-page", locale, view), partial(_verse_page, view, theme, locale, photos)
        )
    if any("loudspeaker" in c.outputs for c in project.campaigns):
        pages |= render_operator_pages(project, theme, locale, memo)
    progress_view = project.model_copy(
        update={"testimonials": {}, "verses": {}, "contacts": [], "pages": []}
    )
    pages |= json.loads(
        memo(
            ("progress-pages", locale, progress_view),
            partial(_progress_pages, progress_view, theme, locale, photos),
        )
    )
    for page in pages_for(project, locale):
        written_in = page.locale or project.site.default_locale
        pages[f"{page.id}.md"] = (
            page.markdown if written_in == locale else mark_language(page.markdown, written_in)
        )
    return dict(sorted(pages.items()))


def _region_name(theme: Theme, locale: str) -> Callable[[Region], str]:
    """Return the name of a region as the campaigns page writes it in ``locale``."""
    _ = translator(locale, theme.locale_dirs)
    return lambda region: label("region", region, _)


def _users_view(
    project: Project,
    testimonials: dict[str, Testimonial] | None = None,
    verses: dict[str, Verse] | None = None,
) -> Project:
    """Return the view of a testimonial's or verse's page: it, and the campaigns showing it."""
    testimonials, verses = testimonials or {}, verses or {}
    users = [
        c
        for c in project.campaigns
        if "web" in c.outputs
        and (testimonials.keys() & set(c.testimonials) or verses.keys() & set(c.verses))
    ]
    return project.model_copy(
        update={
            "campaigns": users,
            "testimonials": testimonials,
            "verses": verses,
            "contacts": [],
            "groups": {},
            "progress": {},
            "pages": [],
        }
    )


def _testimonial_page(
    view: Project, theme: Theme, locale: str, photos: Mapping[str, Picture]
) -> str:
    testimonial = next(iter(view.testimonials.values()))
    return renderer(view, theme, locale, photos)(
        "testimonial.md.j2",
        testimonial=testimonial,
        campaigns=view.campaigns,
        **_testimonial_context(view, theme, testimonial, locale, view.campaigns),
    )


def _verse_page(view: Project, theme: Theme, locale: str, photos: Mapping[str, Picture]) -> str:
    verse = next(iter(view.verses.values()))
    users = view.campaigns
    return renderer(view, theme, locale, photos)(
        "verse.md.j2",
        verse=verse,
        campaigns=users,
        verse_html=verse_html(verse, locale),
        campaign_link=f"../../campaigns/{users[0].id}/" if users else None,
    )


def _progress_pages(view: Project, theme: Theme, locale: str, photos: Mapping[str, Picture]) -> str:
    """Return the staff progress pages of ``view``, as JSON {path: Markdown}."""
    render = renderer(view, theme, locale, photos)
    pages = render_progress_pages(view, locale, translator(locale, theme.locale_dirs), render)
    return json.dumps(pages, ensure_ascii=False)


def mark_language(markdown: str, lang: str) -> str:
    """Mark a whole hand-written page as written in ``lang`` (a fallback translation)."""
    lines = markdown.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("# "))
    title = f'{lines[index]} {{ lang="{lang}" }}'
    body = "\n".join(lines[index + 1 :]).strip("\n")
    before = "\n".join(lines[:index])
    return f'{before}\n{title}\n\n<div lang="{lang}" markdown>\n\n{body}\n\n</div>\n'.lstrip("\n")


def pages_for(project: Project, locale: str) -> list[Page]:
    """Return the hand-written pages of a locale: its own version, else the default one."""
    chosen: dict[str, Page] = {}
    for page in project.pages:
        if page.locale == locale or (page.locale is None and page.id not in chosen):
            chosen[page.id] = page
    return [chosen[name] for name in sorted(chosen)]


def _testimonial_context(
    project: Project,
    theme: Theme,
    testimonial: Testimonial,
    locale: str,
    campaigns: list[Campaign],
) -> dict[str, Any]:
    _ = translator(locale, theme.locale_dirs)
    text = LocaleText(locale, project.site.default_locale)
    region = campaigns[0].region if campaigns else DEFAULT_REGION
    sentences = [
        f"{testimonial.name}, {label('role', testimonial.role, _)}, {testimonial.place}",
        text.plain(testimonial.quote),
    ]
    return {
        "campaign_link": f"../../campaigns/{campaigns[0].id}/" if campaigns else None,
        "page_url": f"{project.site.base_url}{locale_prefix(project, locale)}"
        f"testimonials/{testimonial.id}/",
        "share_title": testimonial.name,
        "speech": Markup(spoken_page(sentences, locale, region)),
    }


def render_nav(project: Project, theme: Theme, locale: str) -> list[dict[str, str]]:
    """Return the small navigation every page shows; campaign pages are reached from lists."""
    _ = translator(locale, theme.locale_dirs)
    nav = [
        {_("Home"): "index.md"},
        {_("Campaigns"): "campaigns/index.md"},
        {_("Testimonials"): "testimonials/index.md"},
        {_("Verses"): "verses/index.md"},
    ]
    if any("loudspeaker" in c.outputs for c in project.campaigns):
        nav.append({_("For loudspeaker operators"): OPERATOR_INDEX})
    nav.extend({str(html_text(page.title)): f"{page.id}.md"} for page in pages_for(project, locale))
    return nav
