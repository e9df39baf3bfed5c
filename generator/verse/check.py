"""Meter and rhyme diagnostics for a verse, by form.

``luc_bat`` is checked strictly, ``ho`` as relaxed lục bát after its fillers
(anything in parentheses) are dropped, ``song_that_luc_bat`` by quatrains,
``ve`` for line lengths and rhyme links, ``vong_co`` for the order of its parts
only, and ``free`` not at all. Each rule's severity is documented in the module
that checks it.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n import _
from generator.model import Verse, VerseForm
from generator.verse.diagnostic import VerseDiagnostic, diagnostic, sorted_diagnostics
from generator.verse.folk import check_ve, check_vong_co_parts
from generator.verse.luc_bat import check_luc_bat
from generator.verse.meter import VerseLine, check_words, read_lines
from generator.verse.song_that import check_song_that

_METERED: frozenset[str] = frozenset({"luc_bat", "song_that_luc_bat", "ve", "ho"})


def _check_form(lines: list[VerseLine], form: VerseForm) -> list[VerseDiagnostic]:
    if form == "luc_bat":
        return check_luc_bat(lines)
    if form == "ho":
        return check_luc_bat(lines, relaxed=True)
    if form == "song_that_luc_bat":
        return check_song_that(lines)
    if form == "ve":
        return check_ve(lines)
    return []


def check_lines(lines: Sequence[str], form: VerseForm) -> list[VerseDiagnostic]:
    """Return the meter and rhyme diagnostics of verse ``lines`` in ``form``."""
    if not lines:
        return [diagnostic(1, None, "error", "empty", _("the verse has no lines"))]
    verse_lines = read_lines(lines)
    found: list[VerseDiagnostic] = []
    if form in _METERED:
        found.extend(check_words(verse_lines))
        found.extend(_check_form(verse_lines, form))
    return sorted_diagnostics(found)


def verse_lines(verse: Verse) -> list[str]:
    """Return the verse's lines in order: ``lines``, then each part's lines."""
    flat = list(verse.lines)
    for part in verse.parts:
        flat.extend(part.lines)
    return flat


def check_verse(verse: Verse) -> list[VerseDiagnostic]:
    """Return the diagnostics of a verse, its parts flattened in order."""
    found = check_lines(verse_lines(verse), verse.form)
    if verse.form == "vong_co":
        found = sorted_diagnostics([*found, *check_vong_co_parts(verse)])
    return found
