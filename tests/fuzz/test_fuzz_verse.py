"""Fuzz the verse checker: any lines in any form give diagnostics that point into them.

Properties, for any list of lines, each form, and each folk/region option the checker
offers (found from its signature, as the options are still being added):

* ``check_lines`` returns a list of ``VerseDiagnostic`` and never raises;
* every diagnostic's ``line`` is a line of the input (1 for an empty verse), and its
  ``position``, when given, is a counted syllable of that line: between 1 and the
  number of non-filler words ``tokenize_line`` finds in it;
* every diagnostic has a severity, a code and a non-empty message.
"""

from __future__ import annotations

import inspect
import unicodedata
from typing import Any

from hypothesis import event, example, given
from hypothesis import strategies as st

from generator.verse import VerseDiagnostic, check_lines, tokenize_line

FORMS = ("luc_bat", "song_that_luc_bat", "ve", "ho", "vong_co", "free")
REGIONS = (None, "north", "central", "south")
_OPTIONS = inspect.signature(check_lines).parameters


def check_verse_lines(lines: list[str], form: str, options: dict[str, Any]) -> None:
    found = check_lines(lines, form, **options)  # type: ignore[arg-type]
    assert isinstance(found, list)
    for code in sorted({item.code for item in found}):
        event(f"code: {code}")
    for item in found:
        assert isinstance(item, VerseDiagnostic), item
        assert item.severity in ("error", "warning"), item
        assert item.code and item.message.strip(), item
        if not lines:
            assert item.line == 1, item
            continue
        assert 1 <= item.line <= len(lines), item
        if item.position is not None:
            counted = [word for word in tokenize_line(lines[item.line - 1]) if not word.filler]
            assert 1 <= item.position <= len(counted), (item, counted)


ONSETS = (
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
    "ð",
)
MEDIALS = ("", "", "", "o", "u")
NUCLEI = (
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "y",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "iê",
    "yê",
    "ia",
    "uô",
    "ua",
    "ươ",
    "ưa",
    "ưo",
    "oo",
)
FINALS = ("", "", "ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u")
# No mark, then huyền, sắc, hỏi, ngã, nặng as combining marks.
TONES = ("", "", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """Return a syllable, often well formed, with its tone mark on a vowel (or anywhere)."""
    letters = draw(st.sampled_from(ONSETS)) + draw(st.sampled_from(MEDIALS))
    letters += draw(st.sampled_from(NUCLEI)) + draw(st.sampled_from(FINALS))
    at = draw(st.integers(0, len(letters)))
    syllable = letters[:at] + draw(st.sampled_from(TONES)) + letters[at:]
    case = draw(st.sampled_from(["lower", "lower", "lower", "title", "upper"]))
    syllable = getattr(syllable, case)() if case != "lower" else syllable
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFC", "NFD"])), syllable)


SEPARATORS = (" ", " ", " ", "  ", "-", " – ", ", ", "; ", ". ", "… ", "\t", "\u00a0")
NOISE = ("(", ")", "()", "(ơ…)", "(thì)", "((", "))", "12", "BHXH", "“", "”", "!", "?", "…", "")


@st.composite
def verse_line(draw: st.DrawFn, size: int | None = None) -> str:
    """Return a line of syllables, separators, fillers in parentheses and some noise."""
    count = size if size is not None else draw(st.integers(0, 10))
    parts: list[str] = []
    for _ in range(count):
        parts.append(draw(st.one_of(syllables(), syllables(), st.sampled_from(NOISE))))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    if draw(st.integers(0, 5)) == 0:
        filler = "(" + draw(syllables()) + ") "
        parts.insert(draw(st.integers(0, len(parts))), filler)
    return "".join(parts)


any_line = st.text(st.characters(exclude_categories=()), max_size=80)
metered_line = st.sampled_from([6, 8, 6, 8, 7, 7, 4, 5, 9]).flatmap(verse_line)
line = st.one_of(metered_line, metered_line, verse_line(), any_line)


@st.composite
def couplets(draw: st.DrawFn) -> list[str]:
    """Return lines in the 6-8 (or 7-7-6-8) pattern, so the rhyme checks run deep."""
    pattern = draw(st.sampled_from([(6, 8), (7, 7, 6, 8), (4, 4), (6, 8, 8)]))
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lines.extend(draw(verse_line(size)) for size in pattern)
    return lines


verses = st.one_of(st.lists(line, max_size=10), couplets())


@st.composite
def options(draw: st.DrawFn) -> dict[str, Any]:
    """Return keyword arguments for the options ``check_lines`` has today."""
    chosen: dict[str, Any] = {}
    if "folk" in _OPTIONS:
        chosen["folk"] = draw(st.sampled_from([None, False, True]))
    if "region" in _OPTIONS:
        chosen["region"] = draw(st.sampled_from(REGIONS))
    return chosen


@given(lines=verses, form=st.sampled_from(FORMS), chosen=options())
@example(lines=[], form="luc_bat", chosen={})
@example(lines=["", ""], form="song_that_luc_bat", chosen={})
@example(lines=["()", "(ơ…)"], form="ho", chosen={})
@example(lines=["Trăm năm trong cõi người ta,"] * 3, form="luc_bat", chosen={})
@example(lines=["a b c d e f", "(((( a ))))", "\ud800 ngườ\u0301i"], form="ve", chosen={})
def test_check_lines_any_lines(lines: list[str], form: str, chosen: dict[str, Any]) -> None:
    check_verse_lines(lines, form, chosen)
