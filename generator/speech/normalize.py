"""Text as written → text as read aloud by a loudspeaker operator or a Vietnamese voice.

The input is NFC-normalized, then read from left to right: at each position the
first rule of ``RULES`` that applies reads a piece of it. What no rule can read
is kept as written and reported as a :class:`SpeechWarning` with its offsets in
the NFC input. Punctuation stays, because voices pause on it; whitespace
collapses, keeping line breaks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from generator.i18n import current_language
from generator.speech import rules_dates, rules_numbers, rules_phones, rules_text
from generator.speech.abbreviations import (
    compile_table,
    default_abbreviations,
    default_document_kinds,
)
from generator.speech.context import Context, Rule
from generator.speech.documents import document
from generator.speech.regions import DEFAULT_REGIONS, RegionName, region_words
from generator.speech.result import Hit, SpeechWarning, Spoken

Region = RegionName

RULES: tuple[Rule, ...] = (
    rules_text.whitespace,
    rules_text.bullet,
    rules_text.address,
    rules_text.defined_acronym,
    rules_text.abbreviation,
    rules_numbers.house_number,
    document,
    rules_phones.phone,
    rules_numbers.round_the_clock,
    rules_numbers.fraction,
    rules_dates.first_day,
    rules_dates.ranged(rules_dates.date, opening=True),
    rules_dates.ranged(rules_dates.time, opening=True),
    rules_dates.ordinal,
    rules_dates.month,
    rules_dates.roman,
    rules_dates.ranged(rules_numbers.number, opening=False),
    rules_numbers.scale_dong,
    rules_numbers.times_sign,
    rules_text.slash,
    rules_text.dash,
    rules_text.symbol,
    rules_text.punctuation,
    rules_text.word,
)

_SPACES = re.compile(r"[ \t]+")
_SPACE_BEFORE_PAUSE = re.compile(r" +([,.;:!?…)\]”»])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[“«]) +")
_DOUBLE_PAUSE = re.compile(r",\s*(?=[,.;:!?…])")
# What a left-out address leaves behind: "()" or a colon with nothing after it.
_EMPTY_BRACKETS = re.compile(r" ?\(\s*\)| ?\[\s*\]")
_HANGING_COLON = re.compile(r":\s*(?=[,.;!?…)])")
_LEADING_PAUSE = re.compile(r"^[,;\s]+")
_END_PAUSE = re.compile(r"[.,;:!?…]$")
_SENTENCE_START = re.compile(r"([.!?] +)(\w)")


def _capitalize_sentences(spoken: str) -> str:
    """Start every sentence after the first with a capital, as when «BHXH» opens one.

    A text-to-speech voice pauses properly at «. B» but may not at «. b».
    """
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), spoken)


def _read(ctx: Context, pos: int) -> Hit:
    """Read one piece of the input at ``pos`` with the first rule that applies."""
    for rule in RULES:
        hit = rule(ctx, pos)
        if hit is not None and hit.end > pos:
            return hit
    return rules_text.leftover(ctx, pos)


def _tidy(spoken: str) -> str:
    """Collapse spaces, drop spaces before pauses and empty lines."""
    lines = []
    for line in spoken.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        line = _HANGING_COLON.sub("", _EMPTY_BRACKETS.sub("", line))
        line = _SPACE_BEFORE_PAUSE.sub(r"\1", line)
        line = _SPACE_AFTER_OPENING.sub(r"\1", line)
        line = _LEADING_PAUSE.sub("", _DOUBLE_PAUSE.sub("", line))
        if line:
            lines.append(line)
    return "\n".join(lines)


def normalize(
    text: str,
    region: Region = "north",
    abbreviations: Mapping[str, str] | None = None,
) -> Spoken:
    """Return ``text`` as it is read aloud in ``region``, with warnings for what was kept."""
    table = default_abbreviations() if abbreviations is None else abbreviations
    return _normalize(text, region, tuple(sorted(table.items())), current_language())


@lru_cache(maxsize=16384)
def _normalize(
    text: str, region: Region, entries: tuple[tuple[str, str], ...], language: str
) -> Spoken:
    """Normalize once per distinct text (and language of the warnings): texts repeat often."""
    source = unicodedata.normalize("NFC", text)
    table = dict(entries)
    words = region_words(region, DEFAULT_REGIONS)
    ctx = Context(source, words, table, compile_table(table), default_document_kinds())
    pieces: list[str] = []
    warnings: list[SpeechWarning] = []
    pos = 0
    while pos < len(source):
        hit = _read(ctx, pos)
        pieces.append(hit.text)
        warnings.extend(hit.warnings)
        pos = hit.end
    return Spoken(_capitalize_sentences(_tidy("".join(pieces))), tuple(warnings))


def say(text: str, region: Region = "north", abbreviations: Mapping[str, str] | None = None) -> str:
    """Return the spoken form of ``text`` on a single line (for ``ansinh say``)."""
    lines = normalize(text, region, abbreviations).text.split("\n")
    closed = [line if _END_PAUSE.search(line) else f"{line}." for line in lines[:-1]]
    return " ".join(closed + lines[-1:])


_SYLLABLE_SPLIT = re.compile(r"[\s\-–—]+")


def count_syllables(spoken_text: str) -> int:
    """Count the syllables of spoken Vietnamese text (words split on spaces and hyphens)."""
    return sum(1 for part in _SYLLABLE_SPLIT.split(spoken_text) if any(c.isalnum() for c in part))
