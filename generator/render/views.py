"""What renderers share: theme templates, localized text, computed figures, locale addresses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.model import Figure, LocalizedText, Project, VoluntaryInsurance
from generator.model.figures import percent
from generator.model.theme import ThemeFiles
from generator.text.format import format_amount, format_percent


@cache
def templates(theme: ThemeFiles, subdir: str, autoescape: bool = False) -> Environment:
    """Return a Jinja environment over ``subdir`` of every theme in the chain (cached)."""
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder / subdir)) for folder in theme.folders]),
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


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
        return (
            text
            if lang == self.locale
            else str(Markup('<span lang="{}">{}</span>').format(lang, Markup(text)))
        )


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
