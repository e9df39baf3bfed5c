"""Song thất lục bát: quatrains of 7, 7, 6 and 8 syllables.

Errors (the rules every description of the form agrees on, e.g. Chinh phụ
ngâm: "Thuở trời đất nổi cơn gió bụi, / Khách má hồng nhiều nỗi truân chuyên."):

- lengths 7, 7, 6, 8; the verse ends on a whole quatrain;
- first 7-line: syllable 5 bằng, 7 trắc; second 7-line: 5 trắc, 7 bằng;
- the first line's 7th (trắc) rhymes with the second line's 5th (trắc); the
  second line's 7th rhymes with the 6-line's 6th; the lục bát couplet follows
  the lục bát rules; the 8-line's 8th rhymes with the 5th of the next
  quatrain's first line.

Warnings (the 3/4 split of the 7-line is a habit, not a law): syllable 3 of
the first 7-line trắc, of the second bằng; the 8-line's 8th rhyming with the
next first line's 3rd instead of its 5th.

Folk mode (the classical ngâm khúc: Chinh phụ ngâm, Cung oán ngâm khúc) drops
the syllable-3 habit, which those poems do not keep, and checks the lục bát
couplet with the folk licences (``generator.verse.licence``).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n import _
from generator.verse.diagnostic import VerseDiagnostic, diagnostic
from generator.verse.luc_bat import check_eight_line, check_six_line
from generator.verse.meter import (
    Anchor,
    RhymeGraph,
    VerseLine,
    anchor,
    check_count,
    check_tone,
    moved_rhyme,
    rhymes,
)
from generator.verse.tradition import STRICT, Tradition

# (position, wants bằng, is a firm rule) for the first and the second 7-line.
SevenRules = tuple[tuple[int, bool, bool], ...]
FIRST_SEVEN: SevenRules = ((3, False, False), (5, True, True), (7, False, True))
SECOND_SEVEN: SevenRules = ((3, True, False), (5, False, True), (7, True, True))


def _check_seven(line: VerseLine, rules: SevenRules, folk: bool) -> list[VerseDiagnostic]:
    count = check_count(line, 7, "error")
    if count is not None:
        return [count]
    found: list[VerseDiagnostic] = []
    for position, level, firm in rules:
        if folk and not firm:
            continue
        item = check_tone(line, position, level, "error" if firm else "warning")
        if item is not None:
            found.append(item)
    return found


def _opening_rhyme(
    previous: Anchor | None, line: VerseLine, found: list[VerseDiagnostic], region: str | None
) -> Anchor | None:
    fifth, third = anchor(line, 7, 5), anchor(line, 7, 3)
    if (
        previous is None
        or third is None
        or rhymes(previous, fifth, region)
        or not rhymes(previous, third, region)
    ):
        return fifth
    found.append(moved_rhyme(third, previous, 5))
    return third


def check_song_that(
    lines: Sequence[VerseLine], tradition: Tradition = STRICT
) -> list[VerseDiagnostic]:
    """Check lines as song thất lục bát quatrains."""
    found: list[VerseDiagnostic] = []
    graph = RhymeGraph(region=tradition.rhyme_region)
    previous: Anchor | None = None
    for start in range(0, len(lines), 4):
        quatrain = lines[start : start + 4]
        if len(quatrain) < 4:
            found.append(
                diagnostic(
                    quatrain[-1].number,
                    None,
                    "error",
                    "incomplete-quatrain",
                    _(
                        "song thất lục bát goes by quatrains of 7, 7, 6 and 8 syllables; "
                        "the last one has {count} lines"
                    ),
                    count=len(quatrain),
                )
            )
        first = quatrain[0]
        found.extend(_check_seven(first, FIRST_SEVEN, tradition.folk))
        graph.link(previous, _opening_rhyme(previous, first, found, graph.region))
        if len(quatrain) < 2:
            break
        second = quatrain[1]
        found.extend(_check_seven(second, SECOND_SEVEN, tradition.folk))
        graph.link(anchor(first, 7, 7), anchor(second, 7, 5))
        if len(quatrain) < 3:
            break
        six = quatrain[2]
        found.extend(check_six_line(six, "error", tradition))
        graph.link(anchor(second, 7, 7), anchor(six, 6, 6))
        if len(quatrain) < 4:
            break
        found.extend(check_eight_line(quatrain[3], anchor(six, 6, 6), graph, False, tradition))
        previous = anchor(quatrain[3], 8, 8)
    found.extend(graph.diagnostics())
    return found
