"""Rhyme between two syllables: exact, near (vần thông), loose (vần ép) or none.

Rhyme looks at the vần only (main vowel and final); the initial, the medial
and the tone do not matter here (the forms check tones themselves).

The near-rhyme table is data, below. Two rhymes are *near* when their finals
are of the same class and their main vowels are in the same row of the vowel
chart (front i ê e iê, central ư ơ â a ă ươ, back u ô o uô oo), with two
amendments that Truyện Kiều needs throughout:

- before the palatal finals nh and ch the vowel a is front, so anh ~ inh ~ ênh
  (the commonest near rhyme in the poem, Trần Trọng Kim's example);
- before the glide i every vowel rhymes: ai ~ ơi ~ ôi ~ oi ~ ui ~ ươi ~ uôi.

Open diphthongs are the long vowels they spell: ia = iê, ua = uô, ưa = ươ, so
i ~ ia ~ ê and ơ ~ ưa. A *loose* rhyme (vần ép, a warning) has the same final
class but a vowel of another row (en ~ ơn, uông ~ ương), or the same vowel
(a diphthong counting as its monophthong: iê as ê) with a final differing in
one feature: a nasal or a stop at another place (an ~ ang, êm ~ iên, ênh ~
iêng), or ai ~ ay. Anything else does not rhyme: a different final and a
different vowel (ang ~ iên, ao ~ ai, a ~ ai).

Given a region, two syllables that rhyme only loosely or not at all as
written are compared again as that region says them
(``generator.verse.dialect``): an exact or near match then is a *regional*
rhyme (southern ân ~ ăng, ênh ~ in, rượu ~ ríu).
"""

from __future__ import annotations

from enum import Enum

from generator.verse.dialect import spoken
from generator.verse.syllable import Syllable


class RhymeMatch(Enum):
    """How well two syllables rhyme, best first."""

    EXACT = "exact"
    NEAR = "near"
    REGIONAL = "regional"
    LOOSE = "loose"
    NONE = "none"

    @property
    def rhymes(self) -> bool:
        """True unless the syllables do not rhyme at all."""
        return self is not RhymeMatch.NONE

    @property
    def sound(self) -> bool:
        """True for a rhyme the ear accepts: exact, near, or regional."""
        return self in (RhymeMatch.EXACT, RhymeMatch.NEAR, RhymeMatch.REGIONAL)


# The final of a syllable, as a class of sounds: o and u are both the glide /w/.
FINAL_CLASSES: dict[str, str] = {
    "": "open",
    "i": "i",
    "y": "y",
    "o": "w",
    "u": "w",
    "m": "m",
    "n": "n",
    "ng": "ng",
    "nh": "nh",
    "p": "p",
    "t": "t",
    "c": "c",
    "ch": "ch",
}

# The row of each main vowel; diphthongs written open count as their long vowel.
VOWEL_ROWS: dict[str, str] = {
    "i": "front",
    "ê": "front",
    "e": "front",
    "iê": "front",
    "ia": "front",
    "ư": "central",
    "ơ": "central",
    "â": "central",
    "a": "central",
    "ă": "central",
    "ươ": "central",
    "ưa": "central",
    "u": "back",
    "ô": "back",
    "o": "back",
    "uô": "back",
    "ua": "back",
    "oo": "back",
}

# Vowels whose row changes before a final class (a is front before nh and ch).
ROW_BEFORE_FINAL: dict[tuple[str, str], str] = {
    ("a", "nh"): "front",
    ("a", "ch"): "front",
}

# Final classes before which the vowel row does not matter.
ANY_ROW_FINALS: frozenset[str] = frozenset({"i"})

# Finals that differ in one feature (place of a nasal or a stop, the length the
# glide gives the vowel in ai/ay): after the same vowel, a loose rhyme.
FINAL_VARIANTS: tuple[frozenset[str], ...] = (
    frozenset({"m", "n", "ng", "nh"}),
    frozenset({"p", "t", "c", "ch"}),
    frozenset({"i", "y"}),
)

# Vowels counted as the same for FINAL_VARIANTS: a diphthong and its monophthong.
VOWEL_QUALITY: dict[str, str] = {"ia": "ê", "iê": "ê", "ua": "ô", "uô": "ô", "ưa": "ơ", "ươ": "ơ"}


def final_class(syllable: Syllable) -> str:
    """Return the class of the syllable's final ("open", "w", "ng", ...)."""
    return FINAL_CLASSES[syllable.final]


def vowel_row(syllable: Syllable) -> str:
    """Return "front", "central" or "back" for the syllable's main vowel."""
    key = (syllable.nucleus, syllable.final)
    return ROW_BEFORE_FINAL.get(key, VOWEL_ROWS[syllable.nucleus])


def vowel_quality(syllable: Syllable) -> str:
    """Return the main vowel with diphthongs merged into their monophthong (iê → ê)."""
    return VOWEL_QUALITY.get(syllable.nucleus, syllable.nucleus)


def _written_match(first: Syllable, second: Syllable) -> RhymeMatch:
    if first.rhyme == second.rhyme:
        return RhymeMatch.EXACT
    final_a, final_b = final_class(first), final_class(second)
    if final_a == final_b:
        if final_a in ANY_ROW_FINALS or vowel_row(first) == vowel_row(second):
            return RhymeMatch.NEAR
        return RhymeMatch.LOOSE
    if vowel_quality(first) == vowel_quality(second):
        for variants in FINAL_VARIANTS:
            if final_a in variants and final_b in variants:
                return RhymeMatch.LOOSE
    return RhymeMatch.NONE


def match_rhyme(first: Syllable, second: Syllable, region: str | None = None) -> RhymeMatch:
    """Return how well ``first`` and ``second`` rhyme, ignoring tones, in ``region``'s speech."""
    written = _written_match(first, second)
    if region is None or written in (RhymeMatch.EXACT, RhymeMatch.NEAR):
        return written
    said = _written_match(spoken(first, region), spoken(second, region))
    return RhymeMatch.REGIONAL if said in (RhymeMatch.EXACT, RhymeMatch.NEAR) else written
