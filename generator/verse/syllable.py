"""Vietnamese syllables: initial, medial, rhyme (vần) and tone; verse-line tokens.

A written syllable is read as ``initial + medial + nucleus + final`` with one
tone mark. The analysis works on any Unicode normalization form and on both
tone-mark placements ("hoà"/"hòa", "thuỷ"/"thủy", "quý"/"qúy"), because the
tone is taken off the letters before the spelling is read.

Conventions:

- ``qu`` is one written initial (the glide is part of it), so "quốc" is
  ``qu`` + ``ôc`` with no medial; ``gi`` is an initial when followed by a vowel
  ("giá" = ``gi`` + ``a``) and keeps its ``i`` otherwise ("gì" = ``gi`` + ``i``,
  "gìn" = ``gi`` + ``in``, "giếng" = ``gi`` + ``iêng``).
- ``y`` as a main vowel is spelled ``i`` in the rhyme ("ly" and "li", "kỹ" and
  "kĩ", "quy" and "qui" have the rhyme ``i``; "yên" has ``iên``); the ``y`` of
  ``ay``/``ây`` is a final and stays.
- Typing slips are read as meant: ``ưo`` as ``ươ`` ("nưóc"), ð as đ; of two
  tone marks the first counts.
- Tokens of a line are split on whitespace and hyphens and stripped of
  punctuation and quotes. Anything inside parentheses is a filler (the "hò ơ",
  "ơ", "ờ", "à", "í a" of sung verse): it is kept for display and dropped from
  the syllable count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class Tone(Enum):
    """The six tones, named as in Vietnamese."""

    NGANG = "ngang"
    HUYEN = "huyền"
    SAC = "sắc"
    HOI = "hỏi"
    NGA = "ngã"
    NANG = "nặng"

    @property
    def is_bang(self) -> bool:
        """True for the level (bằng) tones ngang and huyền."""
        return self in (Tone.NGANG, Tone.HUYEN)

    @property
    def tone_class(self) -> str:
        """Return "bằng" or "trắc"."""
        return "bằng" if self.is_bang else "trắc"


_TONE_MARKS: dict[str, Tone] = {
    "\u0300": Tone.HUYEN,
    "\u0301": Tone.SAC,
    "\u0309": Tone.HOI,
    "\u0303": Tone.NGA,
    "\u0323": Tone.NANG,
}
_LOOKALIKES = str.maketrans({"ð": "đ", "Ð": "đ", "Đ": "đ"})
_INITIALS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "kh",
    "ph",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)
_VOWELS = frozenset("aăâeêioôơuưy")
_NUCLEI = frozenset(
    [
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "iê",
        "ia",
        "uô",
        "ua",
        "ươ",
        "ưa",
        "oo",
    ]
)
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u", "")
_LETTERS = re.compile(r"^[a-zđăâêôơư]+$")


class SyllableError(ValueError):
    """The text is not a Vietnamese syllable."""


@dataclass(frozen=True)
class Syllable:
    """One analysed syllable; spelling parts are lowercase and toneless."""

    text: str
    initial: str
    medial: str
    nucleus: str
    final: str
    tone: Tone

    @property
    def rhyme(self) -> str:
        """Return the vần: main vowel and final, without the medial."""
        return self.nucleus + self.final

    @property
    def is_bang(self) -> bool:
        """True when the tone is level (bằng)."""
        return self.tone.is_bang


def split_tone(text: str) -> tuple[str, Tone]:
    """Return ``text`` lowercased without its tone mark (NFC), and the tone."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LOOKALIKES).lower())
    tone = Tone.NGANG
    kept: list[str] = []
    for char in decomposed:
        mark = _TONE_MARKS.get(char)
        if mark is None:
            kept.append(char)
        elif tone is Tone.NGANG:
            tone = mark
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _split_initial(base: str) -> tuple[str, str]:
    if base.startswith("qu") and len(base) > 2:
        return "qu", base[2:]
    if base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS:
        rest = base[2:]
        return "gi", "i" + rest if rest.startswith("ê") else rest
    if base.startswith("gi"):
        return "gi", base[1:]
    for initial in _INITIALS:
        if base.startswith(initial):
            return initial, base[len(initial) :]
    return "", base


def _split_medial(vowels: str, initial: str) -> tuple[str, str]:
    if initial == "qu":
        return "", vowels
    if len(vowels) > 1 and vowels[0] == "o" and vowels[1] in "aăe":
        return "o", vowels[1:]
    if len(vowels) > 1 and vowels[0] == "u" and vowels[1] in "yêâơă":
        return "u", vowels[1:]
    return "", vowels


def _split_final(rhyme: str) -> tuple[str, str]:
    for final in _FINALS:
        if rhyme.endswith(final):
            nucleus = rhyme[: len(rhyme) - len(final)]
            if nucleus in _NUCLEI:
                return nucleus, final
    raise SyllableError(rhyme)


@lru_cache(maxsize=8192)
def parse_syllable(text: str) -> Syllable:
    """Analyse one written syllable; raise ``SyllableError`` if it is not one."""
    base, tone = split_tone(text)
    if not _LETTERS.match(base):
        raise SyllableError(text)
    initial, vowels = _split_initial(base)
    if not vowels or vowels[0] not in _VOWELS:
        raise SyllableError(text)
    medial, rhyme = _split_medial(vowels, initial)
    if rhyme.startswith("y"):
        rhyme = "i" + rhyme[1:]
    rhyme = rhyme.replace("ưo", "ươ")
    try:
        nucleus, final = _split_final(rhyme)
    except SyllableError:
        raise SyllableError(text) from None
    return Syllable(unicodedata.normalize("NFC", text), initial, medial, nucleus, final, tone)


def try_parse_syllable(text: str) -> Syllable | None:
    """Analyse one written syllable, or return None if it is not one."""
    try:
        return parse_syllable(text)
    except SyllableError:
        return None


@dataclass(frozen=True)
class Word:
    """One token of a verse line: its text without punctuation, and what it is."""

    text: str
    filler: bool
    syllable: Syllable | None
    pause: bool = False


_FILLER = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_PAUSES = frozenset(",;:.!?\u2026")


def split_fillers(line: str) -> list[tuple[str, bool]]:
    """Split ``line`` into (text, is_filler) runs; filler runs lose their parentheses."""
    runs: list[tuple[str, bool]] = []
    start = 0
    for match in _FILLER.finditer(line):
        if match.start() > start:
            runs.append((line[start : match.start()], False))
        runs.append((match.group(1), True))
        start = match.end()
    if start < len(line):
        runs.append((line[start:], False))
    return runs


def _strip_word(token: str) -> tuple[str, bool]:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end], any(char in _PAUSES for char in token[end:])


def tokenize_line(line: str) -> list[Word]:
    """Return the words of a verse line, fillers included and marked."""
    words: list[Word] = []
    for text, filler in split_fillers(unicodedata.normalize("NFC", line)):
        for token in _SEPARATORS.split(text):
            word, pause = _strip_word(token)
            if word:
                words.append(Word(word, filler, try_parse_syllable(word), pause))
    return words


def line_words(line: str) -> list[Word]:
    """Return the counted words of a verse line (fillers dropped)."""
    return [word for word in tokenize_line(line) if not word.filler]
