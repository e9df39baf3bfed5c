"""Lục bát, strict (the written form) and relaxed (hò and the lục bát of vè).

Strict rules, each an error:

- odd lines have 6 syllables, even lines 8; the verse ends on an 8-line;
- 6-line: syllable 2 bằng, 4 trắc, 6 bằng; 8-line: 2 bằng, 4 trắc, 6 bằng, 8 bằng;
- when syllables 6 and 8 of the 8-line are both bằng, one is ngang and the other
  huyền (the 6th is blamed);
- the 6th of a 6-line rhymes with the 6th of the next 8-line, the 8th of an
  8-line with the 6th of the next 6-line (see ``generator.verse.rhyme``).

Variants, each a warning instead of an error:

- a 6-line read 3/3 moves its first accent from syllable 2 to 3: with a pause
  after syllable 3 the 2nd may be trắc ("Mai cốt cách, tuyết tinh thần"); when
  the second half echoes the first (the same word at positions 1 and 4, 2 and
  5, or 3 and 6: "Khi tựa gối khi cúi đầu", "Người một nơi hỏi một nơi")
  the 2nd may be trắc and the 4th bằng;
- vần lưng: the 6th of the 6-line rhymes with the 4th of the 8-line, which is
  bằng while the 8-line's 6th is trắc ("Con cò mà đi ăn đêm / Đậu phải cành
  mềm lộn cổ xuống ao"); syllables 2, 4 and 6 are then not checked.

Folk (``generator.verse.tradition``): the licences of ``generator.verse.licence``
become warnings naming them; regional rhymes count in every mode.

Relaxed (hò): fillers are already out; lengths and tones become warnings, and
a rhyme that falls elsewhere in the 8-line is a warning; only a rhyme found
nowhere is an error. Syllables 1, 3, 5 and 7 are free in both.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n import _
from generator.verse import licence
from generator.verse.diagnostic import Severity, VerseDiagnostic, diagnostic
from generator.verse.licence import LONG_LINES
from generator.verse.meter import (
    Anchor,
    RhymeGraph,
    VerseLine,
    anchor,
    check_count,
    check_tone,
    end_position,
    moved_rhyme,
    rhyme_match,
    rhymes,
)
from generator.verse.rhyme import RhymeMatch
from generator.verse.syllable import Tone
from generator.verse.tradition import STRICT, Tradition

SIX_TONES: tuple[tuple[int, bool], ...] = ((2, True), (4, False), (6, True))
EIGHT_TONES: tuple[tuple[int, bool], ...] = ((2, True), (4, False), (6, True), (8, True))
# Positions, counted from the end, that stay bằng in a long line (lục bát biến thể).
_LONG_TONES: dict[int, tuple[int, ...]] = {6: (6,), 8: (6, 8)}


def _keep(found: list[VerseDiagnostic], item: VerseDiagnostic | None) -> None:
    if item is not None:
        found.append(item)


def three_three_free(line: VerseLine) -> frozenset[int]:
    """Return the positions a 6-line read 3/3 frees: 2 after a pause, 2 and 4 if echoed."""
    if line.count != 6:
        return frozenset()
    words = [word.text.lower() for word in line.words]
    if any(words[index] == words[index + 3] for index in range(3)):
        return frozenset({2, 4})
    if line.words[2].pause:
        return frozenset({2})
    return frozenset()


def _variant_tone(line: VerseLine, position: int, level: bool) -> VerseDiagnostic | None:
    syllable = line.syllable(position)
    if syllable is None or syllable.is_bang == level:
        return None
    return diagnostic(
        line.number,
        position,
        "warning",
        "tone-variant",
        _(
            "«{syllable}» has the {tone} tone ({found}) where {expected} is usual; "
            "tolerated because the line is read 3/3 (lục bát variant)"
        ),
        syllable=line.word(position),
        tone=syllable.tone.value,
        found=syllable.tone.tone_class,
        expected="bằng" if level else "trắc",
    )


def _tone(
    line: VerseLine, position: int, level: bool, severity: Severity, folk: bool
) -> VerseDiagnostic | None:
    problem = check_tone(line, position, level, severity)
    if problem is None or not folk:
        return problem
    if position == 2:
        return licence.trac_at_2(line) or problem
    if position == 4:
        return licence.bang_at_4(line) or problem
    return problem


def _check_long(line: VerseLine, expected: int, severity: Severity) -> list[VerseDiagnostic]:
    found = [licence.long_line(line, expected)]
    for position in _LONG_TONES[expected]:
        actual = end_position(line, expected, position)
        if actual is not None:
            _keep(found, check_tone(line, actual, True, severity))
    return found


def check_six_line(
    line: VerseLine, severity: Severity = "error", tradition: Tradition = STRICT
) -> list[VerseDiagnostic]:
    """Check the length and tones of a 6-syllable line."""
    folk = tradition.folk and severity == "error"
    if folk and line.count in LONG_LINES[6]:
        return _check_long(line, 6, severity)
    found: list[VerseDiagnostic] = []
    count = check_count(line, 6, severity)
    if count is not None:
        return [count]
    free = three_three_free(line) if severity == "error" else frozenset()
    for position, level in SIX_TONES:
        if position in free:
            _keep(found, _variant_tone(line, position, level))
        else:
            _keep(found, _tone(line, position, level, severity, folk))
    return found


def _check_ngang_huyen(line: VerseLine, severity: Severity, folk: bool) -> VerseDiagnostic | None:
    sixth, eighth = line.syllable(6), line.syllable(8)
    if sixth is None or eighth is None or sixth.tone is not eighth.tone:
        return None
    if folk and sixth.is_bang:
        return licence.ngang_huyen(line)
    if sixth.tone is Tone.HUYEN:
        template = _(
            "«{syllable}» needs the ngang tone because syllable {other_position} "
            "«{other}» already has the huyền tone"
        )
    elif sixth.tone is Tone.NGANG:
        template = _(
            "«{syllable}» needs the huyền tone because syllable {other_position} "
            "«{other}» already has the ngang tone"
        )
    else:
        return None
    return diagnostic(
        line.number,
        6,
        severity,
        "tone-ngang-huyen",
        template,
        syllable=line.word(6),
        other=line.word(8),
        other_position=8,
    )


def _waist_rhyme(
    line: VerseLine, rhyme: Anchor | None, region: str | None
) -> VerseDiagnostic | None:
    fourth, sixth = line.syllable(4), line.syllable(6)
    if rhyme is None or fourth is None or sixth is None:
        return None
    if not fourth.is_bang or sixth.is_bang or not rhymes(rhyme, Anchor(line, 4), region):
        return None
    return diagnostic(
        line.number,
        4,
        "warning",
        "waist-rhyme",
        _(
            "lục bát variant (vần lưng): «{syllable}» rhymes with «{other}» (line {other_line}, "
            "syllable {other_position}) at syllable 4 instead of 6, with the tones of "
            "syllables 2, 4 and 6 swapped"
        ),
        syllable=line.word(4),
        other=rhyme.word,
        other_line=rhyme.line.number,
        other_position=rhyme.position,
    )


def _moved_rhyme(
    line: VerseLine, rhyme: Anchor, expected: Anchor, folk: bool, region: str | None
) -> tuple[Anchor, VerseDiagnostic] | None:
    last = line.count if folk else line.count - 1
    for position in range(last, 0, -1):
        candidate = Anchor(line, position)
        if position == expected.position:
            continue
        if folk and rhyme_match(rhyme, candidate, region) is RhymeMatch.EXACT:
            return candidate, moved_rhyme(candidate, rhyme, expected.position, folk=True)
        if not folk and rhymes(rhyme, candidate, region):
            return candidate, moved_rhyme(candidate, rhyme, expected.position)
    return None


def _rhyme_partner(
    line: VerseLine,
    rhyme: Anchor | None,
    relaxed: bool,
    found: list[VerseDiagnostic],
    tradition: Tradition,
) -> Anchor | None:
    folk = tradition.folk and not relaxed
    region = tradition.rhyme_region
    expected = anchor(line, 8, 6, stretch=relaxed or folk)
    if rhyme is None or expected is None or not (relaxed or folk):
        return expected
    match = rhyme_match(rhyme, expected, region)
    if match.sound or (folk and match is RhymeMatch.LOOSE):
        return expected
    moved = _moved_rhyme(line, rhyme, expected, folk, region)
    if moved is None:
        return expected
    found.append(moved[1])
    return moved[0]


def check_eight_line(
    line: VerseLine,
    rhyme: Anchor | None,
    graph: RhymeGraph,
    relaxed: bool = False,
    tradition: Tradition = STRICT,
) -> list[VerseDiagnostic]:
    """Check an 8-syllable line and link its 6th (or moved) syllable to ``rhyme``."""
    severity: Severity = "warning" if relaxed else "error"
    folk = tradition.folk and not relaxed
    found: list[VerseDiagnostic] = []
    if folk and line.count in LONG_LINES[8]:
        found = _check_long(line, 8, severity)
        graph.link(rhyme, _rhyme_partner(line, rhyme, relaxed, found, tradition))
        return found
    count = check_count(line, 8, severity)
    if count is not None:
        found.append(count)
        graph.link(rhyme, _rhyme_partner(line, rhyme, relaxed, found, tradition))
        return found
    waist = _waist_rhyme(line, rhyme, tradition.rhyme_region)
    if waist is not None:
        _keep(found, check_tone(line, 8, True, severity))
        graph.link(rhyme, Anchor(line, 4))
        return [waist, *found]
    for position, level in EIGHT_TONES:
        _keep(found, _tone(line, position, level, severity, folk))
    _keep(found, _check_ngang_huyen(line, severity, folk))
    graph.link(rhyme, _rhyme_partner(line, rhyme, relaxed, found, tradition))
    return found


def check_luc_bat(
    lines: Sequence[VerseLine], relaxed: bool = False, tradition: Tradition = STRICT
) -> list[VerseDiagnostic]:
    """Check lines as a lục bát chain; ``relaxed`` turns meter errors into warnings."""
    severity: Severity = "warning" if relaxed else "error"
    stretch = relaxed or tradition.folk
    found: list[VerseDiagnostic] = []
    graph = RhymeGraph(region=tradition.rhyme_region)
    previous: Anchor | None = None
    for index in range(0, len(lines), 2):
        six = lines[index]
        found.extend(check_six_line(six, severity, tradition))
        six_rhyme = anchor(six, 6, 6, stretch=stretch)
        graph.link(previous, six_rhyme)
        if index + 1 == len(lines):
            found.append(
                diagnostic(
                    six.number,
                    None,
                    severity,
                    "missing-line",
                    _("a 6-syllable line must be followed by an 8-syllable line"),
                )
            )
            break
        eight = lines[index + 1]
        found.extend(check_eight_line(eight, six_rhyme, graph, relaxed, tradition))
        previous = anchor(eight, 8, 8, stretch=stretch)
    found.extend(graph.diagnostics())
    return found
