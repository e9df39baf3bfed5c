"""The web renderer: Markdown pages and an ordinary mkdocs.yml for each locale."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from generator.checks import region_of
from generator.format import format_amount, format_day, format_number, format_percent
from generator.i18n import translator
from generator.labels import LABELS
from generator.model import Campaign, Figure, LocalizedText, Page, Project, Testimonial, Verse
from generator.project import percent
from generator.theme import Theme

REGION_ORDER = ("north", "central", "south")


@dataclass(frozen=True)
class LocaleText:
    """Picks a localized text for one locale, marking fallbacks with their language."""

    locale: str
    default: str

    def __call__(self, value: LocalizedText | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return self._mark(value, self.default)
        if self.locale in value:
            return value[self.locale]
        fallback = value.get(self.default) or next(iter(value.values()))
        return self._mark(fallback, self.default)

    def plain(self, value: LocalizedText | None) -> str:
        """The text alone, without a language mark (for titles and attributes)."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return value.get(self.locale) or value.get(self.default) or next(iter(value.values()))

    def _mark(self, text: str, lang: str) -> str:
        return text if lang == self.locale else str(Markup('<span lang="{}">{}</span>').format(lang, Markup(text)))


@dataclass(frozen=True)
class FigureView:
    figure: Figure
    percent_of_target: Decimal | None
    change: int | None
    change_percent: Decimal | None


def view_figure(figure: Figure) -> FigureView:
    """Compute what a figure shows: share of target and change since the previous count."""
    share = percent(figure.value, figure.target) if figure.target else figure.percent_of_target
    change = figure.value - figure.previous if figure.previous is not None else None
    change_percent = (percent(change, figure.previous)
                      if change is not None and figure.previous else None)
    return FigureView(figure, share, change, change_percent)


def locale_prefix(project: Project, locale: str) -> str:
    """Return the URL folder of a locale: '' for the default, 'en/' for English."""
    return "" if locale == project.site.default_locale else f"{locale}/"


def _context(project: Project, theme: Theme, locale: str) -> dict[str, Any]:
    text = LocaleText(locale, project.site.default_locale)
    return {
        "site": project.site,
        "project": project,
        "locale": locale,
        "_": translator(locale, theme.locale_dirs),
        "tr": text,
        "plain": text.plain,
        "num": lambda value: format_number(value, locale),
        "pct": lambda value: format_percent(value, locale),
        "amount": lambda value: format_amount(value, locale),
        "day": lambda value: format_day(value, locale),
        "region_of": region_of,
        "labels": LABELS,
        "yq": lambda value: json.dumps(" ".join(str(value).split()), ensure_ascii=False),
        "tel": "tel:" + "".join(ch for ch in project.site.hotline if ch.isdigit() or ch == "+"),
    }


def _published(testimonial: Testimonial) -> bool:
    return testimonial.consent.given and "web" in testimonial.consent.scope


def _verse_html(verse: Verse, locale: str) -> str:
    from generator.verse.layout import render_verse_html

    return render_verse_html(verse, locale)


def _campaigns_by_region(project: Project) -> list[tuple[str, list[Campaign]]]:
    groups = []
    for region in REGION_ORDER:
        members = [c for c in project.campaigns if region_of(c) == region and "web" in c.outputs]
        if members:
            groups.append((region, sorted(members, key=lambda c: (c.province, c.id))))
    return groups


def render_web(project: Project, theme: Theme, locale: str) -> dict[str, str]:
    """Return every Markdown page of one locale, keyed by its path in the docs folder."""
    env = theme.environment("templates/web")
    context = _context(project, theme, locale)
    render: Callable[..., str] = lambda name, **extra: env.get_template(name).render(**context, **extra)
    testimonials = {k: v for k, v in project.testimonials.items() if _published(v)}
    pages = {
        "index.md": render("home.md.j2", regions=_campaigns_by_region(project)),
        "campaigns/index.md": render("campaigns.md.j2", regions=_campaigns_by_region(project)),
        "testimonials/index.md": render("testimonials.md.j2", testimonials=testimonials),
        "verses/index.md": render("verses.md.j2", verses=project.verses),
    }
    for campaign in project.campaigns:
        if "web" not in campaign.outputs:
            continue
        pages[f"campaigns/{campaign.id}.md"] = render(
            "campaign.md.j2", campaign=campaign,
            figures=[view_figure(f) for f in campaign.figures],
            testimonials=[testimonials[t] for t in campaign.testimonials if t in testimonials],
            verses=[(project.verses[v], _verse_html(project.verses[v], locale)) for v in campaign.verses],
            policy=project.policy.voluntary_social_insurance,
        )
    for name, testimonial in testimonials.items():
        users = [c for c in project.campaigns if name in c.testimonials and "web" in c.outputs]
        pages[f"testimonials/{name}.md"] = render("testimonial.md.j2", testimonial=testimonial,
                                                  campaigns=users)
    for name, verse in project.verses.items():
        users = [c for c in project.campaigns if name in c.verses and "web" in c.outputs]
        pages[f"verses/{name}.md"] = render("verse.md.j2", verse=verse, campaigns=users,
                                            verse_html=_verse_html(verse, locale))
    for page in pages_for(project, locale):
        written_in = page.locale or project.site.default_locale
        pages[f"{page.id}.md"] = (page.markdown if written_in == locale
                                  else mark_language(page.markdown, written_in))
    return dict(sorted(pages.items()))


def mark_language(markdown: str, lang: str) -> str:
    """Mark a whole hand-written page as written in ``lang`` (a fallback translation)."""
    lines = markdown.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("# "))
    title = f'{lines[index]} {{ lang="{lang}" }}'
    body = "\n".join(lines[index + 1:]).strip("\n")
    before = "\n".join(lines[:index])
    return f'{before}\n{title}\n\n<div lang="{lang}" markdown>\n\n{body}\n\n</div>\n'.lstrip("\n")


def pages_for(project: Project, locale: str) -> list[Page]:
    """Return the hand-written pages of a locale: its own version, else the default one."""
    chosen: dict[str, Page] = {}
    for page in project.pages:
        if page.locale == locale or (page.locale is None and page.id not in chosen):
            chosen[page.id] = page
    return [chosen[name] for name in sorted(chosen)]


def render_nav(project: Project, theme: Theme, locale: str) -> list[dict[str, str]]:
    """Return the small navigation every page shows; campaign pages are reached from lists."""
    _ = translator(locale, theme.locale_dirs)
    nav = [
        {_("Home"): "index.md"},
        {_("Campaigns"): "campaigns/index.md"},
        {_("Testimonials"): "testimonials/index.md"},
        {_("Verses"): "verses/index.md"},
    ]
    nav.extend({page.title: f"{page.id}.md"} for page in pages_for(project, locale))
    return nav
