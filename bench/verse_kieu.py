"""Benchmark the lục bát checker on Truyện Kiều; prints one JSON object.

Usage: ``.venv/bin/python bench/verse_kieu.py [CORPUS]`` (default
``../shared/corpus/truyen-kieu.txt`` relative to the repository).

Reported:

- ``couplets`` and ``share_without_error``: couplets (6-line + 8-line) on
  which the whole-poem check reports no error (warnings allowed);
- ``seconds``: one check of the whole poem with empty caches, and the best of
  three further runs (``seconds_warm``);
- ``mutations``: from a fixed-seed sample of couplets, one variant per kind
  and couplet, each checked in a window of the couplet and its neighbours:

  - ``extra_syllable``: a syllable of the poem inserted anywhere in one line;
  - ``missing_syllable``: one syllable deleted;
  - ``tone_swap``: the syllable at a position the meter fixes (2, 4, 6 of the
    6-line; 2, 4, 6, 8 of the 8-line) replaced by one of the other tone class;
  - ``broken_rhyme``: a rhyming syllable (6th of the 6-line, 6th or 8th of the
    8-line) replaced by a bằng syllable of the same tone whose final (class)
    and vowel (a diphthong counting as its monophthong) both differ from those
    of every syllable it must rhyme with: a rhyme by no one's standard.

  A mutation is detected when the mutated window has an error at the changed
  line and position that the original window did not have. For a missing or
  extra syllable the expected position is null (the whole line).

Everything above is strict mode (composed verse). ``folk`` repeats the whole-poem
check and the mutation study in folk mode (``check_lines(..., folk=True)``),
where the tradition's licences are warnings: it shows what folk mode forgives
(a trắc 2nd syllable, a 9-syllable 8-line, ...) and what it still catches.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.verse.check import check_lines
from generator.verse.diagnostic import VerseDiagnostic
from generator.verse.rhyme import final_class, vowel_quality
from generator.verse.syllable import Syllable, parse_syllable, try_parse_syllable

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "../shared/corpus/truyen-kieu.txt"
SEED = 20240517
SAMPLE = 1000
TONE_POSITIONS = {0: (2, 4, 6), 1: (2, 4, 6, 8)}
_TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$")

Target = tuple[int, int | None]


@dataclass(frozen=True)
class Mutation:
    """A window of lines with one change, and where the error must be reported."""

    lines: list[str]
    target: Target


def _core(token: str) -> str:
    match = _TOKEN.match(token)
    return match.group(2) if match else token


def _replace(token: str, word: str) -> str:
    match = _TOKEN.match(token)
    return f"{match.group(1)}{word}{match.group(3)}" if match else word


def _window(lines: list[str], couplet: int) -> tuple[list[str], int]:
    start = max(0, couplet - 1) * 2
    end = min(len(lines), (couplet + 2) * 2)
    return lines[start:end], couplet * 2 - start


class Mutator:
    """Makes the four kinds of mutation from a fixed random sequence."""

    def __init__(self, lines: list[str], rng: random.Random) -> None:
        self.lines = lines
        self.rng = rng
        words = sorted({_core(token) for line in lines for token in line.split()})
        self.vocabulary = [
            (word, syllable) for word in words if (syllable := try_parse_syllable(word)) is not None
        ]

    def _pick(self, accept: Callable[[Syllable], bool]) -> str:
        return self.rng.choice([word for word, syllable in self.vocabulary if accept(syllable)])

    def _line(self, couplet: int) -> tuple[list[str], int, list[str]]:
        window, offset = _window(self.lines, couplet)
        index = offset + self.rng.randrange(2)
        return window, index, window[index].split()

    def extra(self, couplet: int) -> Mutation:
        window, index, tokens = self._line(couplet)
        tokens.insert(self.rng.randrange(len(tokens) + 1), self.rng.choice(self.vocabulary)[0])
        return self._made(window, index, tokens, None)

    def missing(self, couplet: int) -> Mutation:
        window, index, tokens = self._line(couplet)
        del tokens[self.rng.randrange(len(tokens))]
        return self._made(window, index, tokens, None)

    def tone_swap(self, couplet: int) -> Mutation:
        window, index, tokens = self._line(couplet)
        position = self.rng.choice(TONE_POSITIONS[index % 2])
        level = parse_syllable(_core(tokens[position - 1])).is_bang
        word = self._pick(lambda syllable: syllable.is_bang != level)
        tokens[position - 1] = _replace(tokens[position - 1], word)
        return self._made(window, index, tokens, position)

    def broken_rhyme(self, couplet: int) -> Mutation:
        window, offset = _window(self.lines, couplet)
        choices = [(offset, 6), (offset + 1, 6)]
        if offset + 2 < len(window):
            choices.append((offset + 1, 8))
        index, position = self.rng.choice(choices)
        partners = [_syllable(window, spot) for spot in _partners(window, index, position)]
        tokens = window[index].split()
        original = parse_syllable(_core(tokens[position - 1]))
        word = self._pick(lambda s: s.tone is original.tone and _unrelated(s, partners))
        tokens[position - 1] = _replace(tokens[position - 1], word)
        return self._made(window, index, tokens, position)

    @staticmethod
    def _made(window: list[str], index: int, tokens: list[str], position: int | None) -> Mutation:
        changed = list(window)
        changed[index] = " ".join(tokens)
        return Mutation(changed, (index + 1, position))


def _syllable(window: list[str], spot: tuple[int, int]) -> Syllable:
    return parse_syllable(_core(window[spot[0]].split()[spot[1] - 1]))


def _partners(window: list[str], index: int, position: int) -> list[tuple[int, int]]:
    if index % 2 == 0:
        spots = [(index + 1, 6)]
        return spots + ([(index - 1, 8)] if index > 0 else [])
    return [(index - 1, 6)] if position == 6 else [(index + 1, 6)]


def _unrelated(candidate: Syllable, partners: list[Syllable]) -> bool:
    return all(
        final_class(candidate) != final_class(partner)
        and vowel_quality(candidate) != vowel_quality(partner)
        for partner in partners
    )


def _errors_at(found: list[VerseDiagnostic], target: Target) -> bool:
    return any(item.severity == "error" and (item.line, item.position) == target for item in found)


def _study(lines: list[str], folk: bool = False) -> dict[str, object]:
    rng = random.Random(SEED)
    mutator = Mutator(lines, rng)
    couplets = sorted(rng.sample(range(len(lines) // 2), SAMPLE))
    kinds: dict[str, Callable[[int], Mutation]] = {
        "extra_syllable": mutator.extra,
        "missing_syllable": mutator.missing,
        "tone_swap": mutator.tone_swap,
        "broken_rhyme": mutator.broken_rhyme,
    }
    tally = {kind: [0, 0] for kind in kinds}
    for couplet in couplets:
        original = check_lines(_window(lines, couplet)[0], "luc_bat", folk=folk)
        for kind, make in kinds.items():
            mutation = make(couplet)
            found = check_lines(mutation.lines, "luc_bat", folk=folk)
            tally[kind][0] += 1
            if _errors_at(found, mutation.target) and not _errors_at(original, mutation.target):
                tally[kind][1] += 1
    made = sum(count for count, _hits in tally.values())
    detected = sum(hits for _count, hits in tally.values())
    return {
        "seed": SEED,
        "sample_couplets": SAMPLE,
        "kinds": {
            kind: {"made": count, "detected": hits, "share": round(hits / count, 4)}
            for kind, (count, hits) in tally.items()
        },
        "overall": {"made": made, "detected": detected, "share": round(detected / made, 4)},
    }


def _timed(lines: list[str]) -> tuple[float, list[VerseDiagnostic]]:
    start = time.perf_counter()
    found = check_lines(lines, "luc_bat")
    return time.perf_counter() - start, found


def _failing(found: list[VerseDiagnostic]) -> set[int]:
    return {(item.line - 1) // 2 for item in found if item.severity == "error"}


def _folk(lines: list[str]) -> dict[str, object]:
    failing = _failing(check_lines(lines, "luc_bat", folk=True))
    couplets = len(lines) // 2
    return {
        "couplets_without_error": couplets - len(failing),
        "share_without_error": round(1 - len(failing) / couplets, 4),
        "mutations": _study(lines, folk=True),
    }


def main(argv: list[str]) -> int:
    """Run the benchmark and print its JSON report."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parse_syllable.cache_clear()
    seconds, found = _timed(lines)
    warm = min(_timed(lines)[0] for _ in range(3))
    failing = _failing(found)
    couplets = len(lines) // 2
    report = {
        "corpus": str(path.resolve()),
        "lines": len(lines),
        "couplets": couplets,
        "couplets_without_error": couplets - len(failing),
        "share_without_error": round(1 - len(failing) / couplets, 4),
        "errors": sum(1 for item in found if item.severity == "error"),
        "warnings": sum(1 for item in found if item.severity == "warning"),
        "seconds": round(seconds, 3),
        "seconds_warm": round(warm, 3),
        "mutations": _study(lines),
        "folk": _folk(lines),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
