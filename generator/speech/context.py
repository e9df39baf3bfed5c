"""What every reading rule sees: the input, the regional words and the abbreviation table."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.speech.regions import RegionWords
from generator.speech.result import Hit, SpeechWarning


@dataclass(frozen=True)
class Context:
    """The NFC input and the data one call of ``normalize`` reads it with."""

    text: str
    words: RegionWords
    table: Mapping[str, str]
    pattern: re.Pattern[str] | None


# A rule reads the input at a position, or returns None when it does not apply there.
Rule = Callable[[Context, int], Hit | None]

# A number, maybe with a unit or one or two words after it, just before a position:
# "330.000 đồng", "330.000đ", "6 triệu đồng", "22%", "5 người", "66.000 đồng/người".
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|[^\W\d_]+)?(?:\s+[^\W\d_]+)?|(?<!\w)(?:đồng|VNĐ|VND|đ))"
    r"(?:\s*/\s*[^\W\d_]+)*\s*\Z"
)
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s*\Z", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"\s*(?:(?:thứ|tháng|ngày|năm)\s+)?\d", re.IGNORECASE)

LOOKBEHIND = 40


def amount_before(ctx: Context, pos: int) -> bool:
    """Say whether the input just before ``pos`` ends with a number or an amount."""
    return _AMOUNT_BEFORE.search(ctx.text[max(0, pos - LOOKBEHIND) : pos]) is not None


def number_after(ctx: Context, pos: int) -> bool:
    """Say whether a number (maybe after "thứ", "tháng", "ngày", "năm") follows ``pos``."""
    return _NUMBER_AFTER.match(ctx.text, pos) is not None


def from_before(ctx: Context, pos: int) -> bool:
    """Say whether the word just before ``pos`` is "từ"."""
    return _FROM_BEFORE.search(ctx.text[max(0, pos - 10) : pos]) is not None


def text_before(ctx: Context, pos: int, size: int = LOOKBEHIND) -> str:
    """Return up to ``size`` characters of input before ``pos``."""
    return ctx.text[max(0, pos - size) : pos]


def kept(ctx: Context, start: int, end: int, message: str, kind: str = "kept") -> Hit:
    """Keep ``start:end`` as written and warn about it with ``message`` (translated)."""
    fragment = ctx.text[start:end]
    return Hit(end, fragment, kind, (SpeechWarning(start, end, fragment, message),))
