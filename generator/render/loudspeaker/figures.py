"""Reported figures said for the ear: their sentence words, their age, and rounding.

A listener hears a number once and cannot read it again, so a script says one
figure per sentence, rounds large figures when the theme asks for it
(``round_figures`` in ``loudspeaker/defaults.yml``: 18,679 → "gần 19.000") and
says how old a figure is.

A figure is *old* when its date is more than a year before the campaign's period
start, the day its broadcasts begin: that date is in the content, so a script
never depends on the clock, and a campaign's script does not change when
unrelated content is added. An old figure is said with its year ("Theo số liệu
năm 2021"), a recent one with its day ("Đến ngày 3/6/2021").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.model import Figure
from generator.render.views import LocaleText, view_figure

_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_QUALIFIER = re.compile(r"\b(trên|hơn|khoảng|gần|chừng|xấp xỉ)\b", re.IGNORECASE)
_COUNTED = ("Người ", "Hộ ", "Lượt ")
# Figures with at most this many significant digits are already easy to hear.
_PLAIN_DIGITS = 3


@dataclass(frozen=True)
class FigureWords:
    """A figure and the words of its sentences, made from its label."""

    figure: Figure
    subject: str
    qualifier: str
    goal: str
    share: Decimal | None
    change: int | None
    same_date: bool = False
    old: bool = False
    same_season: bool = False


def figure_words(figure: Figure, text: LocaleText, start: dt.date) -> FigureWords:
    """Make the subject of a figure's sentence from its label.

    "Người tham gia BHXH tự nguyện ở huyện Cao Lãnh so với kế hoạch năm 2021"
    gives "số người tham gia BHXH tự nguyện ở huyện Cao Lãnh" and the goal
    "kế hoạch năm 2021"; a note in brackets is dropped, except a word such as
    "trên" or "khoảng" that qualifies the number, and so is "năm 2021" when the
    figure is dated in 2021 (its sentence says the date). ``start`` is the campaign's
    period start, against which the figure's age is measured.
    """
    label = text.plain(figure.label)
    notes = " ".join(_PARENTHESIS.findall(label))
    core = " ".join(_PARENTHESIS.sub("", label).split())
    core, _sep, goal = core.partition(" so với ")
    # The sentence opens with the figure's date: "năm 2021" in the label would say the
    # year twice ("Đến ngày 31/12/2021, số người tham gia ... năm 2021 là ...").
    core = " ".join(re.sub(rf"\bnăm {figure.as_of.year}\b", " ", core).split())
    if core.startswith(_COUNTED):
        core = "số " + core[0].lower() + core[1:]
    qualifier = _QUALIFIER.search(notes)
    view = view_figure(figure)
    previous = figure.previous_as_of
    return FigureWords(
        figure,
        core,
        qualifier.group(1).lower() + " " if qualifier else "",
        goal or "kế hoạch",
        view.percent_of_target,
        view.change,
        old=figure.as_of < year_before(start),
        same_season=previous is not None and previous == year_before(figure.as_of),
    )


def said_alike(before: FigureWords, figure: FigureWords) -> bool:
    """Say whether a figure's date is said as the one before: same day, or both old in one year."""
    if before.figure.as_of == figure.figure.as_of:
        return True
    return before.old and figure.old and before.figure.as_of.year == figure.figure.as_of.year


def year_before(day: dt.date) -> dt.date:
    """Return the same day a year earlier (28 February for a 29 February)."""
    if (day.month, day.day) == (2, 29):
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


def figure_order(words: FigureWords) -> tuple[int, int]:
    """Figures measured against a target first, then those with a change, then the rest."""
    return (words.share is None, words.change is None)


def round_for_ear(value: int) -> int:
    """Round a large number the way it is said: 18,679 → 19,000; 105,300 → 105,000.

    Numbers of at most three significant digits stay as they are (1,740; 330,000;
    1,850,000). Others keep two significant digits, or the whole leading group of
    three digits where it has three (a hundred and five thousand, not a hundred and ten).
    """
    digits = str(abs(value))
    if len(digits.rstrip("0")) <= _PLAIN_DIGITS:
        return value
    keep = max(2, (len(digits) - 1) % 3 + 1)
    unit = Decimal(10) ** (len(digits) - keep)
    return int((Decimal(value) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit)


def round_percent(value: Decimal) -> Decimal:
    """Round a computed percentage to a whole number: 87.59 → 88."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def approximately(value: Decimal, rounded: Decimal, qualifier: str = "") -> str:
    """Say how a rounded count relates to the real one: "gần ", "hơn " or the label's word.

    Where the label already qualified the number ("trên 18.000") and rounding
    changed it, "khoảng " is the only word still true.
    """
    if rounded == value:
        return qualifier
    if qualifier:
        return "khoảng "
    return "gần " if rounded > value else "hơn "
