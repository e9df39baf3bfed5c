"""Which written words a Vietnamese voice can read, and how symbols are said."""

from __future__ import annotations

import re
import unicodedata

# Tone marks; the vowel marks (circumflex, breve, horn) are kept.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")

_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnptk])?"
)

# Symbols read as words wherever they stand.
SYMBOL_WORDS = {
    "%": "phần trăm",
    "&": "và",
    "+": "cộng",
    "×": "nhân",
    "=": "bằng",
    "≥": "lớn hơn hoặc bằng",
    "≤": "nhỏ hơn hoặc bằng",
    ">": "lớn hơn",
    "<": "nhỏ hơn",
    "≈": "khoảng",
    "~": "khoảng",
    "°C": "độ xê",
    "°": "độ",
}

# Vietnamese names of the letters, for house numbers ("5A" → năm a) and spelled codes.
LETTER_NAMES = {
    "A": "a",
    "B": "bê",
    "C": "xê",
    "D": "dê",
    "Đ": "đê",
    "E": "e",
    "F": "ép",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "e-lờ",
    "M": "em-mờ",
    "N": "en-nờ",
    "O": "o",
    "P": "pê",
    "Q": "quy",
    "R": "e-rờ",
    "S": "ét-xì",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê-kép",
    "X": "ích-xì",
    "Y": "i-dài",
    "Z": "dét",
}

# Punctuation a text-to-speech voice turns into pauses: kept as written.
PAUSE_PUNCTUATION = set(".,;:!?…()[]\"“”‘’'«»")

DASHES = "-–—"


def strip_tones(word: str) -> str:
    """Return ``word`` in lower case without its tone marks."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    kept = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def is_vietnamese_syllable(word: str) -> bool:
    """Say whether ``word`` is spelled like one Vietnamese syllable."""
    return _SYLLABLE.fullmatch(strip_tones(word)) is not None


def is_readable_word(word: str) -> bool:
    """Say whether a voice can read a word of letters as Vietnamese.

    A word is readable when it is spelled like a Vietnamese syllable, or when it
    carries a Vietnamese letter or tone mark (local names such as "Krông", "Đắk").
    """
    if strip_tones(word) != word.lower() or any(c in _VIETNAMESE_LETTERS for c in word):
        return True
    return all(is_vietnamese_syllable(part) for part in re.split(r"['’]", word) if part)


def looks_like_acronym(word: str) -> bool:
    """Say whether ``word`` is two or more capitals that are no Vietnamese syllable."""
    return len(word) >= 2 and word.isupper() and not is_vietnamese_syllable(word)
