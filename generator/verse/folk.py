"""Vè and vọng cổ: the folk and stage forms, checked for what is firm about them.

Vè: when most lines alternate 6 and 8 syllables the vè is lục bát and is
checked as relaxed lục bát. Otherwise its lines share one length (mostly 4 or
5): a line of another length is a warning. Consecutive lines are linked by
rhyme: the last syllable of a line rhymes with the last syllable of the next
(end rhyme, changing every couplet) or with any syllable inside it (waist
rhyme). A line linked to neither neighbour is an error; if its only links
are weak (a loose rhyme, or a bằng syllable against a trắc one), a warning.
The customary opening "Nghe vẻ nghe ve" is optional; a first line that starts
with it is exempt from both checks.

Vọng cổ: only the structure is checked, all as warnings: parts are a
"Nói lối" first, then "Câu 1" to "Câu 6" in increasing order; a count other
than 6 (an excerpt) is noted. The tone rules of vọng cổ bind the last word of
a khuôn (a 4-beat cell, e.g. khuôn Xề 24 of câu 6) and the text does not mark
where the khuôn fall, so no tone is checked.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from generator.i18n import _
from generator.model import Verse
from generator.verse.diagnostic import VerseDiagnostic, diagnostic
from generator.verse.luc_bat import check_luc_bat
from generator.verse.meter import VerseLine
from generator.verse.rhyme import match_rhyme
from generator.verse.tradition import STRICT, Tradition

VE_OPENING: tuple[str, ...] = ("nghe", "vẻ", "nghe", "ve")
FULL_VONG_CO = 6
_LUC_BAT_SHARE = 0.75


def is_ve_opening(line: VerseLine) -> bool:
    """True for a line opening with the customary "Nghe vẻ nghe ve"."""
    words = tuple(word.text.lower() for word in line.words[: len(VE_OPENING)])
    return words == VE_OPENING


def _looks_luc_bat(lines: Sequence[VerseLine]) -> bool:
    regular = sum(1 for index, line in enumerate(lines) if line.count == (6, 8)[index % 2])
    return len(lines) >= 2 and regular >= _LUC_BAT_SHARE * len(lines)


def _check_lengths(body: Sequence[VerseLine]) -> list[VerseDiagnostic]:
    counts = Counter(line.count for line in body if line.count)
    if not counts:
        return []
    usual = max(counts.items(), key=lambda item: (item[1], -item[0]))[0]
    return [
        diagnostic(
            line.number,
            None,
            "warning",
            "ve-length",
            _("the line has {found} syllables where the vè mostly has {expected}"),
            found=line.count,
            expected=usual,
        )
        for line in body
        if line.count and line.count != usual
    ]


_STRONG = "strong"
_WEAK = "weak"


def _link(first: VerseLine, second: VerseLine, region: str | None) -> tuple[str | None, int]:
    """Return how the end of ``first`` rhymes into ``second``, and where."""
    end = first.syllable(first.count)
    if end is None:
        return _STRONG, second.count
    weak: int | None = None
    for position in range(second.count, 0, -1):
        other = second.syllable(position)
        if other is None:
            continue
        match = match_rhyme(end, other, region)
        if match.sound and other.is_bang == end.is_bang:
            return _STRONG, position
        if match.rhymes and weak is None:
            weak = position
    return (None, 0) if weak is None else (_WEAK, weak)


def _weak_rhyme(first: VerseLine, second: VerseLine, position: int) -> VerseDiagnostic:
    return diagnostic(
        second.number,
        position,
        "warning",
        "ve-weak-rhyme",
        _(
            "«{syllable}» rhymes only weakly with «{other}» (line {other_line}, syllable "
            "{other_position}): a loose rhyme or a bằng against a trắc tone"
        ),
        syllable=second.word(position),
        other=first.word(first.count),
        other_line=first.number,
        other_position=first.count,
    )


def _orphan(line: VerseLine) -> VerseDiagnostic:
    return diagnostic(
        line.number,
        line.count,
        "error",
        "ve-no-rhyme",
        _("«{syllable}» ends a line that rhymes with neither the line before nor the line after"),
        syllable=line.word(line.count),
    )


def _check_links(lines: Sequence[VerseLine], region: str | None) -> list[VerseDiagnostic]:
    links = [_link(first, second, region) for first, second in itertools.pairwise(lines)]
    found: list[VerseDiagnostic] = []
    for index, line in enumerate(lines):
        if not line.count or (index == 0 and is_ve_opening(line)):
            continue
        around = [pair for pair in (index - 1, index) if 0 <= pair < len(links)]
        if any(links[pair][0] == _STRONG for pair in around):
            continue
        weak = [pair for pair in around if links[pair][0] == _WEAK]
        if weak:
            found.append(_weak_rhyme(lines[weak[0]], lines[weak[0] + 1], links[weak[0]][1]))
        else:
            found.append(_orphan(line))
    return found


def check_ve(lines: Sequence[VerseLine], tradition: Tradition = STRICT) -> list[VerseDiagnostic]:
    """Check a vè: relaxed lục bát if it is one, else lengths and rhyme links."""
    if _looks_luc_bat(lines):
        return check_luc_bat(lines, relaxed=True, tradition=tradition)
    body = [line for index, line in enumerate(lines) if index or not is_ve_opening(line)]
    if len(lines) < 2:
        return _check_lengths(body)
    return [*_check_lengths(body), *_check_links(lines, tradition.rhyme_region)]


def _plain(label: str) -> str:
    decomposed = unicodedata.normalize("NFD", label.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


_CAU = re.compile(r"^cau (\d+)$")
NOI_LOI = "noi loi"


def _cau_number(label: str) -> int | None:
    match = _CAU.match(_plain(label))
    return int(match.group(1)) if match is not None else None


def _check_part(label: str, line: int, previous: int) -> VerseDiagnostic | None:
    if _plain(label) == NOI_LOI:
        if not previous:
            return None
        return diagnostic(
            line,
            None,
            "warning",
            "vong-co-order",
            _("the nói lối comes after câu {previous}; it opens the vọng cổ"),
            previous=previous,
        )
    number = _cau_number(label)
    if number is None or not 1 <= number <= FULL_VONG_CO:
        return diagnostic(
            line,
            None,
            "warning",
            "vong-co-part",
            _("part «{part}» is neither a nói lối nor câu 1 to câu 6"),
            part=label,
        )
    if number <= previous:
        return diagnostic(
            line,
            None,
            "warning",
            "vong-co-order",
            _("«{part}» comes after câu {previous}"),
            part=label,
            previous=previous,
        )
    return None


def check_vong_co_parts(verse: Verse) -> list[VerseDiagnostic]:
    """Check the parts of a vọng cổ: a nói lối, then câu 1 to câu 6 in order."""
    first = len(verse.lines) + 1
    if not verse.parts:
        return [
            diagnostic(
                1,
                None,
                "warning",
                "vong-co-no-parts",
                _("a vọng cổ is written in parts: a «Nói lối», then «Câu 1» to «Câu 6»"),
            )
        ]
    found: list[VerseDiagnostic] = []
    if _plain(verse.parts[0].part) != NOI_LOI:
        found.append(
            diagnostic(
                first,
                None,
                "warning",
                "vong-co-no-noi-loi",
                _("the vọng cổ does not open with a nói lối"),
            )
        )
    line, previous, count = first, 0, 0
    for part in verse.parts:
        problem = _check_part(part.part, line, previous)
        if problem is not None:
            found.append(problem)
        number = _cau_number(part.part)
        if number is not None:
            count += 1
            previous = max(previous, number)
        line += len(part.lines)
    if count != FULL_VONG_CO:
        found.append(
            diagnostic(
                first,
                None,
                "warning",
                "vong-co-count",
                _("the vọng cổ has {count} câu; a full one has 6"),
                count=count,
            )
        )
    return found
