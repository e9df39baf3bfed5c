"""What every web page is rendered with: the page context and the template environment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup

from generator.i18n import translator
from generator.model import Project, Testimonial, Verse
from generator.model.contacts import hours_text
from generator.model.theme import Theme
from generator.render.escape import front_matter, markdown_link, markdown_text
from generator.render.views import LocaleText, templates, trusted
from generator.render.web.media import Picture
from generator.render.web.residents import first_screen
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import LABELS, label
from generator.verse.layout import render_verse_html


def page_context(project: Project, theme: Theme, locale: str) -> dict[str, Any]:
    """Return what every web template may use: the site, the locale, the translator, and
    the helpers that write model values as escaped Markdown (numbers, amounts in đồng,
    days, labels, opening hours)."""
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


def published(testimonial: Testimonial) -> bool:
    """Say whether the person's consent covers the website."""
    return testimonial.consent.given and "web" in testimonial.consent.scope


def verse_html(verse: Verse, locale: str) -> Markup:
    """Return a verse laid out for a page (its lines kept whole), without its caption."""
    return Markup(render_verse_html(verse, locale, caption=False))


def renderer(
    project: Project, theme: Theme, locale: str, photos: Mapping[str, Picture]
) -> Callable[..., str]:
    """Return ``render(template, **extra)`` over the web templates, with the page context."""
    env = templates(theme, "templates/web", "markdown")
    context = page_context(project, theme, locale)

    def picture(name: str | None, alt: str, css_class: str, lazy: bool = True) -> Markup:
        if not name or name not in photos:
            return Markup("")
        return Markup(photos[name].html(alt, "../../", css_class, lazy))

    context["picture"] = picture

    def render(name: str, **extra: Any) -> str:
        return env.get_template(name).render(**context, **extra)

    return render
