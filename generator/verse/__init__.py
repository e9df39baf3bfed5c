"""Vietnamese verse: syllables, rhyme, meter checks by form, and typesetting."""

from __future__ import annotations

from generator.verse.check import check_lines, check_verse, verse_lines
from generator.verse.diagnostic import VerseDiagnostic
from generator.verse.rhyme import RhymeMatch, match_rhyme
from generator.verse.syllable import (
    Syllable,
    SyllableError,
    Tone,
    Word,
    parse_syllable,
    tokenize_line,
)
from generator.verse.tradition import is_folk_verse

__all__ = [
    "RhymeMatch",
    "Syllable",
    "SyllableError",
    "Tone",
    "VerseDiagnostic",
    "Word",
    "check_lines",
    "check_verse",
    "is_folk_verse",
    "match_rhyme",
    "parse_syllable",
    "tokenize_line",
    "verse_lines",
]
