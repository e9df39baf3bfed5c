"""What renderers share: localized text, computed figures, locale addresses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from generator.model import Figure, LocalizedText, Project
from generator.validate.project import percent


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
