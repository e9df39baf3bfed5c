"""The web renderer: Markdown pages and an ordinary mkdocs.yml for each locale."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from generator.model.contacts import ContactPoint, by_commune, contacts_for, hours_text, nearest
from generator.model.policy import current_voluntary
from generator.model.progress import PROGRESS_FIGURE_ID
from generator.model.region import DEFAULT_REGION, REGIONS, Region
from generator.model.theme import Theme
from generator.render.escape import front_matter, html_text, markdown_link, markdown_text
from generator.render.loudspeaker.scripts import render_operator_page
from generator.render.social.render import og_image
from generator.render.views import (
    FigureView,
    LocaleText,
    contribution_sentence,
    locale_prefix,
    templates,
    trusted,
    view_figure,
)
from generator.render.web.calculator import calculator_context
from generator.render.web.charts import progress_svg
from generator.render.web.listen import spoken_page
from generator.render.web.media import Picture
from generator.render.web.progress import progress_line, render_progress_pages
from generator.render.web.residents import first_screen
from generator.text.fold import slugify
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import LABELS, label
from generator.verse.layout import render_verse_html

# How many contact points the first screen names; the rest are listed lower.
FIRST_SCREEN_PLACES = 2
# How many campaigns the home page shows per region, the latest first: the page stays the
# same size however many campaigns the site has; the campaigns page lists them all.
HOME_PER_REGION = 3


def _context(project: Project, theme: Theme, locale: str) -> dict[str, Any]:
    text = LocaleText(locale, project.site.default_locale)
    return {
        "site": project.site,
        "project": project,
        "locale": locale,
        "_": trusted(translator(locale, theme.locale_dirs)),
        "tr": text,
        "plain": text.plain,
        "paragraphs": text.paragraphs,
        "link": markdown_link,
        "num": lambda value: format_number(value, locale),
        "pct": lambda value: format_percent(value, locale),
        "amount": lambda value: format_amount(value, locale),
        "day": lambda value: format_day(value, locale),
        "labels": LABELS,
        "label": lambda kind, code: label(kind, code, translator(locale, theme.locale_dirs)),
        "yq": front_matter,
        "tel": "tel:" + "".join(ch for ch in project.site.hotline if ch.isdigit() or ch == "+"),
        "hours": lambda point: hours_text(point, locale, project.site.default_locale),
        "strong": lambda value: Markup("<strong>{}</strong>").format(markdown_text(value)),
        "first": first_screen(project.policy),
    }


def _published(testimonial: Testimonial) -> bool:
    return testimonial.consent.given and "web" in testimonial.consent.scope


def _verse_html(verse: Verse, locale: str) -> Markup:
    return Markup(render_verse_html(verse, locale, caption=False))


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
) -> dict[str, str]:
    """Return every Markdown page of one locale, keyed by its path in the docs folder.

    ``themes`` are the campaigns' own themes by name (their cards, hence their link
    previews, are drawn with them); a campaign without one uses ``theme``.
    """
    env = templates(theme, "templates/web", "markdown")
    context = _context(project, theme, locale)
    photos = pictures or {}

    def picture(name: str | None, alt: str, css_class: str, lazy: bool = True) -> Markup:
        if not name or name not in photos:
            return Markup("")
        return Markup(photos[name].html(alt, "../../", css_class, lazy))

    context["picture"] = picture

    def render(name: str, **extra: Any) -> str:
        return env.get_template(name).render(**context, **extra)

    testimonials = {k: v for k, v in project.testimonials.items() if _published(v)}
    pages = {
        "index.md": render(
            "home.md.j2",
            regions=home_regions(project, lambda region: context["label"]("region", region)),
        ),
        "campaigns/index.md": render("campaigns.md.j2", regions=_campaigns_by_region(project)),
        "testimonials/index.md": render("testimonials.md.j2", testimonials=testimonials),
        "verses/index.md": render("verses.md.j2", verses=project.verses),
    }
    calculator = _calculator_html(project, theme, locale)
    for campaign in project.campaigns:
        if "web" not in campaign.outputs:
            continue
        pages[f"campaigns/{campaign.id}.md"] = render(
            "campaign.md.j2",
            **_campaign_context(
                project,
                theme,
                campaign,
                locale,
                testimonials,
                calculator,
                (themes or {}).get(campaign.theme or "", theme),
            ),
        )
    for name, testimonial in testimonials.items():
        users = [c for c in project.campaigns if name in c.testimonials and "web" in c.outputs]
        pages[f"testimonials/{name}.md"] = render(
            "testimonial.md.j2",
            testimonial=testimonial,
            campaigns=users,
            **_testimonial_context(project, theme, testimonial, locale, users),
        )
    for name, verse in project.verses.items():
        users = [c for c in project.campaigns if name in c.verses and "web" in c.outputs]
        pages[f"verses/{name}.md"] = render(
            "verse.md.j2",
            verse=verse,
            campaigns=users,
            verse_html=_verse_html(verse, locale),
            campaign_link=f"../../campaigns/{users[0].id}/" if users else None,
        )
    if any("loudspeaker" in c.outputs for c in project.campaigns):
        pages["loudspeaker.md"] = render_operator_page(project, theme, locale)
    pages |= render_progress_pages(project, locale, translator(locale, theme.locale_dirs), render)
    for page in pages_for(project, locale):
        written_in = page.locale or project.site.default_locale
        pages[f"{page.id}.md"] = (
            page.markdown if written_in == locale else mark_language(page.markdown, written_in)
        )
    return dict(sorted(pages.items()))


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


def _campaign_context(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    locale: str,
    testimonials: dict[str, Testimonial],
    calculator_html: Markup,
    card_theme: Theme,
) -> dict[str, Any]:
    _ = translator(locale, theme.locale_dirs)
    text = LocaleText(locale, project.site.default_locale)
    page_url = f"{project.site.base_url}{locale_prefix(project, locale)}campaigns/{campaign.id}/"
    views = [view_figure(f) for f in campaign.figures if f.id != PROGRESS_FIGURE_ID]
    chosen = [testimonials[t] for t in campaign.testimonials if t in testimonials]
    voluntary = current_voluntary(project.policy)
    points = contacts_for(campaign, project.contacts)
    sentences = [
        text.plain(campaign.headline or campaign.title),
        contribution_sentence(voluntary, locale, _),
        *(label("mode", mode, _) for mode in campaign.payment_modes),
        *_places_sentences(points, _),
        _("Questions? Call the hotline") + " " + project.site.hotline,
        *(text.plain(m) for m in campaign.messages),
        text.plain(campaign.title),
        text.plain(campaign.summary),
        *(figure_sentence(v, text, locale, _) for v in views),
    ]
    return {
        "campaign": campaign,
        "headline": text(campaign.headline or campaign.title),
        "contacts": points,
        "contact_groups": by_commune(points),
        "nearest": nearest(points, FIRST_SCREEN_PLACES),
        "figures": views,
        "testimonials": chosen,
        "verses": [
            (project.verses[v], _verse_html(project.verses[v], locale)) for v in campaign.verses
        ],
        "policy": project.policy,
        "contribution": contribution_sentence(voluntary, locale, _),
        "voluntary": voluntary,
        "page_url": page_url,
        "share_title": text.plain(campaign.headline or campaign.title),
        "og_image": og_image(project, card_theme, locale, campaign),
        "speech": Markup(spoken_page(sentences, locale, campaign.region)),
        "charts": {v.figure.id: _chart(v, text, locale, _) for v in views},
        "calculator_html": calculator_html,
        "progress_line": progress_line(project, campaign, locale, _),
    }


def _places_sentences(points: list[ContactPoint], _: Callable[[str], str]) -> list[str]:
    """Say where to join, for the page read aloud: the nearest points by name."""
    if not points:
        return []
    names = ", ".join(point.name for point in nearest(points))
    return [_("Where to join: {places}.").format(places=names)]


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


def figure_sentence(
    view: FigureView, text: LocaleText, locale: str, _: Callable[[str], str]
) -> str:
    """Say one figure in a sentence: value, share of the plan, date."""
    f = view.figure
    value = format_amount(f.value, locale) if f.unit == "vnd" else format_number(f.value, locale)
    parts = [f"{text.plain(f.label)}: {value}"]
    if view.percent_of_target is not None:
        parts.append(
            _("{percent} of plan reached").format(
                percent=format_percent(view.percent_of_target, locale)
            )
        )
    parts.append(_("As of {date}.").format(date=format_day(f.as_of, locale)))
    return ", ".join(parts[:-1]) + ". " + parts[-1]


def _chart(view: FigureView, text: LocaleText, locale: str, _: Callable[[str], str]) -> Markup:
    if not view.figure.target:
        return Markup("")
    return progress_svg(
        text.plain(view.figure.label),
        view.figure.value,
        view.figure.target,
        figure_sentence(view, text, locale, _),
        f"chart-{view.figure.id}",
    )


def _calculator_html(project: Project, theme: Theme, locale: str) -> Markup:
    env = templates(theme, "templates/web", "markdown")
    context = _context(project, theme, locale)
    return Markup(
        env.get_template("partials/calculator.html.j2").render(
            **context,
            policy=project.policy,
            calculator=calculator_context(project.policy, locale),
            calculator_heading=False,
        )
    )


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
        nav.append({_("For loudspeaker operators"): "loudspeaker.md"})
    nav.extend({str(html_text(page.title)): f"{page.id}.md"} for page in pages_for(project, locale))
    return nav
