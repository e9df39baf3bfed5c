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
from generator.model.policy import current_voluntary
from generator.model.region import DEFAULT_REGION, REGIONS, Region
from generator.model.theme import Theme
from generator.render.escape import front_matter, html_text, markdown_link
from generator.render.loudspeaker.scripts import render_operator_page
from generator.render.social.render import og_image_url
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
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import LABELS, label
from generator.verse.layout import render_verse_html


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


def render_web(
    project: Project, theme: Theme, locale: str, pictures: Mapping[str, Picture] | None = None
) -> dict[str, str]:
    """Return every Markdown page of one locale, keyed by its path in the docs folder."""
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
        "index.md": render("home.md.j2", regions=_campaigns_by_region(project)),
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
            **_campaign_context(project, theme, campaign, locale, testimonials, calculator),
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
            "verse.md.j2", verse=verse, campaigns=users, verse_html=_verse_html(verse, locale)
        )
    if any("loudspeaker" in c.outputs for c in project.campaigns):
        pages["loudspeaker.md"] = render_operator_page(project, theme, locale)
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
) -> dict[str, Any]:
    _ = translator(locale, theme.locale_dirs)
    text = LocaleText(locale, project.site.default_locale)
    page_url = f"{project.site.base_url}{locale_prefix(project, locale)}campaigns/{campaign.id}/"
    views = [view_figure(f) for f in campaign.figures]
    chosen = [testimonials[t] for t in campaign.testimonials if t in testimonials]
    voluntary = current_voluntary(project.policy)
    sentences = [
        text.plain(campaign.title),
        text.plain(campaign.summary),
        *(text.plain(m) for m in campaign.messages),
        *(figure_sentence(v, text, locale, _) for v in views),
        contribution_sentence(voluntary, locale, _),
        *(label("mode", mode, _) for mode in campaign.payment_modes),
        _("Questions? Call the hotline") + " " + project.site.hotline,
    ]
    return {
        "campaign": campaign,
        "figures": views,
        "testimonials": chosen,
        "verses": [
            (project.verses[v], _verse_html(project.verses[v], locale)) for v in campaign.verses
        ],
        "policy": project.policy,
        "contribution": contribution_sentence(voluntary, locale, _),
        "voluntary": voluntary,
        "page_url": page_url,
        "share_title": text.plain(campaign.title),
        "og_image": og_image_url(project, locale, campaign),
        "speech": Markup(spoken_page(sentences, locale, campaign.region)),
        "charts": {v.figure.id: _chart(v, text, locale, _) for v in views},
        "calculator_html": calculator_html,
    }


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
