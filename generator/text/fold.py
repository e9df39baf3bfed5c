"""Vietnamese-aware folding: search tokens, and heading slugs that keep đ as d.

Search tokens are plain ASCII so that the search engine adds no folding, splitting or
stemming of its own. Each word gives a *folded* token (every mark dropped, đ → d) and, when
it carries marks, an *exact* token (marks kept, tone marks moved to the end so that
``hòa`` = ``hoà``). A query word typed without marks looks for folded tokens, one typed
with marks for exact ones only: ``dong`` finds «đóng», ``hệ`` never finds «hè».

Tokens form a prefix-free code: ``a``–``z`` stand for themselves, a digit d is ``3d``,
đ and the Vietnamese marks are ``2`` + a letter (``SHORT``), any other character is ``8`` +
its code point in octal + ``8``, and a token ends in ``0`` (folded) or ``1`` (exact). No
token is the beginning of another, so a prefix search finds whole words only.
``themes/default/assets/search/search.js`` holds the same rules for the query.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# grave, acute, tilde, hook above, dot below: the five Vietnamese tone marks in NFD.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
FOLDED, EXACT = "0", "1"
# đ, circumflex, breve, horn, then the tones with their Telex letters.
SHORT = {
    "đ": "2d",
    "\u0302": "2c",
    "\u0306": "2b",
    "\u031b": "2h",
    "\u0300": "2f",
    "\u0301": "2s",
    "\u0303": "2x",
    "\u0309": "2r",
    "\u0323": "2j",
}


def words(text: str) -> list[str]:
    """Split text into lower-case NFC words: runs of letters, marks and digits."""
    normal = unicodedata.normalize("NFC", text).lower()
    out: list[str] = []
    current: list[str] = []
    for ch in normal:
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _spell_char(ch: str) -> str:
    if "a" <= ch <= "z":
        return ch
    if "0" <= ch <= "9":
        return "3" + ch
    return SHORT.get(ch) or f"8{ord(ch):o}8"


def _spell(chars: str) -> str:
    return "".join(_spell_char(ch) for ch in chars)


def fold(word: str) -> str:
    """Return a word without any mark, đ as d: «Đóng» → dong."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))


def exact(word: str) -> str:
    """Return a word in NFD with its tone marks moved to the end: «hòa» = «hoà»."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(ch for ch in decomposed if ch in TONE_MARKS)
    return "".join(ch for ch in decomposed if ch not in TONE_MARKS) + tones


def word_tokens(word: str) -> list[str]:
    """Return the index tokens of one word: its folded token, and its exact one if marked."""
    return list(_word_tokens(word))


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    # A site says the same few thousand words on every page: each is spelled once.
    folded, kept = fold(word), exact(word)
    if kept != folded:
        return (_spell(folded) + FOLDED, _spell(kept) + EXACT)
    return (_spell(folded) + FOLDED,)


def index_tokens(text: str) -> list[str]:
    """Return the tokens to index for a text, word by word."""
    return [token for word in words(text) for token in _word_tokens(word)]


def query_tokens(text: str) -> list[str]:
    """Return the tokens a query looks for: folded for a bare word, exact for a marked one."""
    tokens = []
    for word in words(text):
        folded, kept = fold(word), exact(word)
        token = _spell(folded) + FOLDED if kept == folded else _spell(kept) + EXACT
        if token not in tokens:
            tokens.append(token)
    return tokens


def slugify(value: str, separator: str) -> str:
    """Return a heading's anchor: «Điều cần nhớ» → dieu-can-nho (Python-Markdown's toc API)."""
    plain = fold(value)
    parts = re.split(r"[^a-z0-9]+", "".join(ch if ch.isascii() else " " for ch in plain))
    return separator.join(part for part in parts if part)
