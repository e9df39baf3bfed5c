"""Meter and rhyme diagnostics for a verse, by form.

``luc_bat`` is checked strictly, ``ho`` as relaxed lục bát after its fillers
(anything in parentheses) are dropped, ``song_that_luc_bat`` by quatrains,
``ve`` for line lengths and rhyme links, ``vong_co`` for the order of its parts
only, and ``free`` not at all. Each rule's severity is documented in the module
that checks it.

``folk`` turns the folk tradition's licences into warnings
(``generator.verse.licence``); ``region`` decides which sound merges of speech
count as rhyme (``generator.verse.dialect``). ``check_verse`` chooses both from
the verse when they are not given: folk for a folk or classical author
(``is_folk_verse``), the verse's own region.
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
from generator.verse.tradition import Tradition, is_folk_verse, parse_region

_METERED: frozenset[str] = frozenset({"luc_bat", "song_that_luc_bat", "ve", "ho"})


def _check_form(
    lines: list[VerseLine], form: VerseForm, tradition: Tradition
) -> list[VerseDiagnostic]:
    if form == "luc_bat":
        return check_luc_bat(lines, tradition=tradition)
    if form == "ho":
        return check_luc_bat(lines, relaxed=True, tradition=tradition)
    if form == "song_that_luc_bat":
        return check_song_that(lines, tradition)
    if form == "ve":
        return check_ve(lines, tradition)
    return []


def check_lines(
    lines: Sequence[str],
    form: VerseForm,
    *,
    folk: bool | None = None,
    region: str | None = None,
) -> list[VerseDiagnostic]:
    """Return the meter and rhyme diagnostics of verse ``lines`` in ``form``.

    ``folk`` None is strict; ``region`` None is the standard (northern) rhyme.
    An unknown region raises ``ValueError``.
    """
    tradition = Tradition(folk=bool(folk), region=parse_region(region))
    if not lines:
        return [diagnostic(1, None, "error", "empty", _("the verse has no lines"))]
    verse_lines = read_lines(lines)
    found: list[VerseDiagnostic] = []
    if form in _METERED:
        found.extend(check_words(verse_lines))
        found.extend(_check_form(verse_lines, form, tradition))
    return sorted_diagnostics(found)


def verse_lines(verse: Verse) -> list[str]:
    """Return the verse's lines in order: ``lines``, then each part's lines."""
    flat = list(verse.lines)
    for part in verse.parts:
        flat.extend(part.lines)
    return flat


def check_verse(
    verse: Verse, *, folk: bool | None = None, region: str | None = None
) -> list[VerseDiagnostic]:
    """Return the diagnostics of a verse, its parts flattened in order.

    ``folk`` None means folk mode when ``is_folk_verse(verse)``; ``region``
    None means the verse's own region (else the standard).
    """
    found = check_lines(
        verse_lines(verse),
        verse.form,
        folk=is_folk_verse(verse) if folk is None else folk,
        region=verse.region if region is None else region,
    )
    if verse.form == "vong_co":
        found = sorted_diagnostics([*found, *check_vong_co_parts(verse)])
    return found
