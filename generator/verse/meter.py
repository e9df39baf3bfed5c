"""Building blocks of the form checkers: lines, tone and length checks, rhyme links.

Rhyme links are collected in a ``RhymeGraph`` and judged together, because a
broken rhyme is a disagreement between two syllables and the third syllable of
the chain tells which one is wrong. In lục bát the 6th syllable of a 6-line
rhymes both backwards (with the 8th of the previous 8-line) and forwards (with
the 6th of the next 8-line). For each broken link:

1. if one end rhymes elsewhere and the other does not, the other is blamed;
2. otherwise the end with more broken links is blamed (a 6th syllable that
   rhymes with neither neighbour is the culprit);
3. otherwise the later syllable is blamed.

Each blamed syllable gets one diagnostic naming the syllables it fails to rhyme
with; a loose rhyme (vần ép) gets a warning on the later syllable, and so does
a regional rhyme (one that rhymes only as the verse's region says it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.i18n import _
from generator.verse.diagnostic import Severity, VerseDiagnostic, diagnostic
from generator.verse.rhyme import RhymeMatch, match_rhyme
from generator.verse.syllable import Syllable, Word, line_words


@dataclass(frozen=True)
class VerseLine:
    """One verse line with its counted words (fillers left out)."""

    number: int
    text: str
    words: tuple[Word, ...]

    @property
    def count(self) -> int:
        """Return the number of syllables, fillers not counted."""
        return len(self.words)

    def syllable(self, position: int) -> Syllable | None:
        """Return the analysed syllable at 1-based ``position``, if it is one."""
        if 1 <= position <= len(self.words):
            return self.words[position - 1].syllable
        return None

    def word(self, position: int) -> str:
        """Return the word at 1-based ``position`` as written."""
        return self.words[position - 1].text


def read_lines(texts: Sequence[str]) -> list[VerseLine]:
    """Tokenize verse lines, numbering them from 1."""
    return [
        VerseLine(number, text, tuple(line_words(text)))
        for number, text in enumerate(texts, start=1)
    ]


def check_words(lines: Sequence[VerseLine]) -> list[VerseDiagnostic]:
    """Warn about words that are not Vietnamese syllables (digits, abbreviations)."""
    found: list[VerseDiagnostic] = []
    for line in lines:
        for position, word in enumerate(line.words, start=1):
            if word.syllable is None:
                found.append(
                    diagnostic(
                        line.number,
                        position,
                        "warning",
                        "not-a-syllable",
                        _(
                            "«{word}» is not a Vietnamese syllable; write numbers and "
                            "abbreviations out in words"
                        ),
                        word=word.text,
                    )
                )
    return found


def check_count(line: VerseLine, expected: int, severity: Severity) -> VerseDiagnostic | None:
    """Report a line whose syllable count is not ``expected``."""
    if line.count == expected:
        return None
    return diagnostic(
        line.number,
        None,
        severity,
        "syllable-count",
        _("expected {expected} syllables, found {found}"),
        expected=expected,
        found=line.count,
    )


def check_tone(
    line: VerseLine, position: int, level: bool, severity: Severity = "error"
) -> VerseDiagnostic | None:
    """Report the syllable at ``position`` if its tone class is not the one wanted."""
    syllable = line.syllable(position)
    if syllable is None or syllable.is_bang == level:
        return None
    if level:
        code = "tone-level"
        template = _("«{syllable}» has the {tone} tone (trắc); a level (bằng) tone is needed here")
    else:
        code = "tone-oblique"
        template = _(
            "«{syllable}» has the {tone} tone (bằng); an oblique (trắc) tone is needed here"
        )
    return diagnostic(
        line.number,
        position,
        severity,
        code,
        template,
        syllable=line.word(position),
        tone=syllable.tone.value,
    )


def end_position(line: VerseLine, expected: int, position: int) -> int | None:
    """Return where ``position`` of an ``expected``-syllable line falls, counted from the end."""
    actual = position if line.count == expected else line.count - (expected - position)
    return actual if 1 <= actual <= line.count else None


@dataclass(frozen=True)
class Anchor:
    """A syllable that takes part in a rhyme."""

    line: VerseLine
    position: int

    @property
    def syllable(self) -> Syllable | None:
        """Return the analysed syllable, if it is one."""
        return self.line.syllable(self.position)

    @property
    def word(self) -> str:
        """Return the word as written."""
        return self.line.word(self.position)


def anchor(
    line: VerseLine | None, expected: int, position: int, stretch: bool = False
) -> Anchor | None:
    """Return the rhyme syllable at ``position`` of ``line``.

    A line of the wrong length has none, unless ``stretch`` (sung verse) counts
    the position from the end of the line.
    """
    if line is None or (line.count != expected and not stretch):
        return None
    actual = end_position(line, expected, position)
    return None if actual is None else Anchor(line, actual)


def rhyme_match(first: Anchor | None, second: Anchor | None, region: str | None) -> RhymeMatch:
    """Return how the two syllables rhyme in ``region``'s speech (NONE if one is missing)."""
    if first is None or second is None or first.syllable is None or second.syllable is None:
        return RhymeMatch.NONE
    return match_rhyme(first.syllable, second.syllable, region)


def rhymes(first: Anchor | None, second: Anchor | None, region: str | None = None) -> bool:
    """True when both syllables exist and rhyme exactly, nearly or in ``region``'s speech."""
    return rhyme_match(first, second, region).sound


class RhymeGraph:
    """Rhyme links between syllables, judged together when all are known."""

    def __init__(self, severity: Severity = "error", region: str | None = None) -> None:
        self._severity = severity
        self.region = region
        self._links: list[tuple[Anchor, Anchor, RhymeMatch]] = []

    def link(self, earlier: Anchor | None, later: Anchor | None) -> None:
        """Require ``earlier`` and ``later`` to rhyme."""
        if earlier is None or later is None:
            return
        first, second = earlier.syllable, later.syllable
        if first is None or second is None:
            return
        self._links.append((earlier, later, match_rhyme(first, second, self.region)))

    def diagnostics(self) -> list[VerseDiagnostic]:
        """Return a diagnostic per blamed syllable and a warning per loose rhyme."""
        found = [
            _loose(earlier, later, match, self.region)
            for earlier, later, match in self._links
            if match in (RhymeMatch.LOOSE, RhymeMatch.REGIONAL)
        ]
        partners: dict[Anchor, list[Anchor]] = {}
        for culprit, partner in self._blame():
            partners.setdefault(culprit, []).append(partner)
        for culprit, others in partners.items():
            found.append(_broken(culprit, others, self._severity))
        return found

    def _blame(self) -> list[tuple[Anchor, Anchor]]:
        good: Counter[Anchor] = Counter()
        bad: Counter[Anchor] = Counter()
        for earlier, later, match in self._links:
            counter = bad if match is RhymeMatch.NONE else good
            counter[earlier] += 1
            counter[later] += 1
        blamed: list[tuple[Anchor, Anchor]] = []
        for earlier, later, match in self._links:
            if match is not RhymeMatch.NONE:
                continue
            if good[earlier] and not good[later]:
                blamed.append((later, earlier))
            elif (good[later] and not good[earlier]) or bad[earlier] > bad[later]:
                blamed.append((earlier, later))
            else:
                blamed.append((later, earlier))
        return blamed


def _rhyme_of(point: Anchor) -> str:
    syllable = point.syllable
    return syllable.rhyme if syllable is not None else ""


def _where(other: Anchor) -> dict[str, object]:
    return {"other": other.word, "other_line": other.line.number, "other_position": other.position}


def _regional_template(region: str | None) -> str:
    if region == "central":
        return _(
            "«{syllable}» rhymes with «{other}» (line {other_line}, syllable {other_position}) "
            "as central speech says them: -{rhyme} against -{other_rhyme}"
        )
    return _(
        "«{syllable}» rhymes with «{other}» (line {other_line}, syllable {other_position}) "
        "as southern speech says them: -{rhyme} against -{other_rhyme}"
    )


def _loose(
    earlier: Anchor, later: Anchor, match: RhymeMatch, region: str | None
) -> VerseDiagnostic:
    if match is RhymeMatch.REGIONAL:
        code, template = "rhyme-regional", _regional_template(region)
    else:
        code = "rhyme-loose"
        template = _(
            "«{syllable}» only loosely rhymes (vần ép) with «{other}» "
            "(line {other_line}, syllable {other_position}): -{rhyme} against -{other_rhyme}"
        )
    return diagnostic(
        later.line.number,
        later.position,
        "warning",
        code,
        template,
        syllable=later.word,
        rhyme=_rhyme_of(later),
        other_rhyme=_rhyme_of(earlier),
        **_where(earlier),
    )


def _broken(culprit: Anchor, others: list[Anchor], severity: Severity) -> VerseDiagnostic:
    line, position = culprit.line.number, culprit.position
    others = sorted(others, key=lambda point: (point.line.number, point.position))
    if len(others) == 1:
        other = others[0]
        return diagnostic(
            line,
            position,
            severity,
            "rhyme",
            _(
                "«{syllable}» does not rhyme with «{other}» (line {other_line}, "
                "syllable {other_position}): -{rhyme} against -{other_rhyme}"
            ),
            syllable=culprit.word,
            rhyme=_rhyme_of(culprit),
            other_rhyme=_rhyme_of(other),
            **_where(other),
        )
    first, second = others[0], others[1]
    return diagnostic(
        line,
        position,
        severity,
        "rhyme",
        _(
            "«{syllable}» rhymes neither with «{first}» (line {first_line}, syllable "
            "{first_position}) nor with «{second}» (line {second_line}, syllable {second_position})"
        ),
        syllable=culprit.word,
        first=first.word,
        first_line=first.line.number,
        first_position=first.position,
        second=second.word,
        second_line=second.line.number,
        second_position=second.position,
    )


def moved_rhyme(
    found: Anchor, partner: Anchor, expected: int, *, folk: bool = False
) -> VerseDiagnostic:
    """Warn that the rhyme with ``partner`` falls on ``found`` instead of syllable ``expected``.

    ``folk``: said as the folk tradition's licence (``verse.folk.moved_rhyme``).
    """
    message = (
        _(
            "folk licence (moved rhyme): the rhyme with «{other}» (line {other_line}, syllable "
            "{other_position}) falls on «{syllable}» instead of syllable {expected}"
        )
        if folk
        else _(
            "the rhyme with «{other}» (line {other_line}, syllable {other_position}) "
            "falls on «{syllable}» instead of syllable {expected}"
        )
    )
    return diagnostic(
        found.line.number,
        found.position,
        "warning",
        "verse.folk.moved_rhyme" if folk else "rhyme-moved",
        message,
        other=partner.word,
        other_line=partner.line.number,
        other_position=partner.position,
        syllable=found.word,
        expected=expected,
    )
