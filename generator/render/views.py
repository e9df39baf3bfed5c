"""What renderers share: theme templates, localized text, computed figures, locale addresses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

import jinja2
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)
from markupsafe import Markup

from generator.model import Campaign, Figure, LocalizedText, Project, VoluntaryInsurance
from generator.model.contacts import contacts_for
from generator.model.figures import percent
from generator.model.theme import ThemeFiles
from generator.render.escape import (
    MarkdownSafe,
    caption_text,
    markdown_paragraphs,
    markdown_text,
)
from generator.text.format import format_amount, format_percent

Escaping = Literal["text", "html", "markdown", "caption"]


# Where compiled templates are kept between builds (``keep_compiled_templates``), if anywhere.
_COMPILED: list[Path] = []


def keep_compiled_templates(folder: Path) -> None:
    """Keep the themes' compiled templates under ``folder`` from now on, in this process
    and the workers it forks: a build then compiles only the templates that changed.

    Jinja keys each compiled template by its name and file and checks it against the
    template's source; they are kept apart by Jinja's version. The text rendered is the same.
    """
    if folder not in _COMPILED:
        _COMPILED[:] = [folder]
        templates.cache_clear()


@cache
def templates(theme: ThemeFiles, subdir: str, escaping: Escaping = "text") -> Environment:
    """Return a Jinja environment over ``subdir`` of every theme in the chain (cached).

    ``escaping`` says what the templates write, and so how every printed value that is
    not already ``Markup`` is escaped: ``html`` (Jinja's autoescape), ``markdown`` (a web
    page: ``markdown_text``), ``caption`` (a social caption: ``caption_text``), or
    ``text`` for loudspeaker scripts, which are read, not parsed.
    """
    finalize = {"markdown": _markdown_value, "caption": _caption_value}.get(escaping)
    compiled = None
    if _COMPILED:
        # One folder per escaping: the same file compiles to other code under another.
        kind = f"{subdir.replace('/', '-')}.{escaping}"
        folder = _COMPILED[0] / f"jinja-{jinja2.__version__}" / kind
        folder.mkdir(parents=True, exist_ok=True)
        compiled = FileSystemBytecodeCache(str(folder))
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder / subdir)) for folder in theme.folders]),
        undefined=StrictUndefined,
        autoescape=escaping == "html",
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled,
    )


def _markdown_value(value: object) -> object:
    if isinstance(value, Markup) or value is None:
        return value
    return markdown_text(value)


def _caption_value(value: object) -> object:
    return value if value is None else caption_text(value)


def trusted(translate: Callable[[str], str]) -> Callable[[str], MarkdownSafe]:
    """Wrap a translator: the project's own messages may carry Markdown (``**.txt**``)."""
    return lambda message: MarkdownSafe(translate(message))


@dataclass(frozen=True)
class LocaleText:
    """Picks a localized text for one locale, marking fallbacks with their language."""

    locale: str
    default: str

    def __call__(self, value: LocalizedText | None) -> MarkdownSafe:
        """The text for a web page, escaped, a fallback marked with its language."""
        if value is None:
            return MarkdownSafe("")
        text, lang = self._pick(value)
        return self._mark(markdown_text(text), lang)

    def paragraphs(self, value: LocalizedText | None) -> MarkdownSafe:
        """Like calling it, for a text of several paragraphs (blank lines between them)."""
        if value is None:
            return MarkdownSafe("")
        text, lang = self._pick(value)
        return self._mark(markdown_paragraphs(text), lang)

    def _pick(self, value: LocalizedText) -> tuple[str, str]:
        if isinstance(value, str):
            return value, self.default
        if self.locale in value:
            return value[self.locale], self.locale
        return value.get(self.default) or next(iter(value.values())), self.default

    def plain(self, value: LocalizedText | None) -> str:
        """The text alone, without a language mark (for titles and attributes)."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return value.get(self.locale) or value.get(self.default) or next(iter(value.values()))

    def _mark(self, text: MarkdownSafe, lang: str) -> MarkdownSafe:
        if lang == self.locale:
            return text
        if "\n\n" in text:
            return MarkdownSafe('<div lang="{}" markdown>\n\n{}\n\n</div>').format(lang, text)
        return MarkdownSafe('<span lang="{}">{}</span>').format(lang, text)


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
    change_percent = (
        percent(change, figure.previous) if change is not None and figure.previous else None
    )
    return FigureView(figure, share, change, change_percent)


def locale_prefix(project: Project, locale: str) -> str:
    """Return the URL folder of a locale: '' for the default, 'en/' for English."""
    return "" if locale == project.site.default_locale else f"{locale}/"


def contribution_sentence(
    period: VoluntaryInsurance, locale: str, translate: Callable[[str], str]
) -> str:
    """Say how the contribution is set: the income range and the rate, for ``locale``."""
    return translate(
        "You choose a monthly income between {floor} and {ceiling}; the contribution is "
        "{rate} of it."
    ).format(
        floor=format_amount(period.income_floor, locale),
        ceiling=format_amount(period.income_ceiling, locale),
        rate=format_percent(period.contribution_rate_percent, locale),
    )


def campaign_view(project: Project, campaign: Campaign, needs: Iterable[str]) -> Project:
    """Return the project as one piece of a campaign's outputs sees it.

    The view holds the campaign, the site, the policy and, of ``needs``, the campaign's own
    ``testimonials``, ``verses``, ``contacts`` (its contact points), ``groups`` and
    ``progress``; nothing else. A piece rendered from its view and stored under a hash of
    the view cannot depend on anything its key misses.
    """
    needs, mine = frozenset(needs), campaign.id
    testimonials = {
        t: project.testimonials[t] for t in campaign.testimonials if t in project.testimonials
    }
    verses = {v: project.verses[v] for v in campaign.verses if v in project.verses}
    groups = {mine: project.groups[mine]} if mine in project.groups else {}
    progress = {mine: project.progress[mine]} if mine in project.progress else {}
    return project.model_copy(
        update={
            "campaigns": [campaign],
            "testimonials": testimonials if "testimonials" in needs else {},
            "verses": verses if "verses" in needs else {},
            "contacts": contacts_for(campaign, project.contacts) if "contacts" in needs else [],
            "groups": groups if "groups" in needs else {},
            "progress": progress if "progress" in needs else {},
            "pages": [],
        }
    )
