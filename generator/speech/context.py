"""What every reading rule sees: the input, the regional words and the abbreviation table."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.speech.regions import RegionWords
from generator.speech.result import Hit, SpeechWarning


@dataclass(frozen=True)
class Context:
    """The NFC input and the data one call of ``normalize`` reads it with.

    ``kinds`` maps the codes of kinds of documents ("QĐ", "CT") to their names.
    """

    text: str
    words: RegionWords
    table: Mapping[str, str]
    pattern: re.Pattern[str] | None
    kinds: Mapping[str, str] = field(default_factory=dict)


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


# Words after which "15-4", "2.9" or "1/4" name a day rather than a range, a
# section or a fraction. "Strong" cues always do; the others ("từ", "đến") also
# open ranges of counts, so a count word after the numbers ("5-10 năm") wins.
_STRONG_DATE_CUE = re.compile(
    r"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|khuya|mùng|mồng"
    # The press dateline "Sáng nay (15-4)", "Hôm qua (20.5)".
    r"|(?:sáng|chiều|tối|trưa|đêm|hôm|ngày)\s+(?:nay|qua|mai)\s*\()\s*\Z",
    re.IGNORECASE,
)
_DATE_CUE = re.compile(
    r"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|khuya|mùng|mồng|hôm|từ|đến|tới|trước|sau|hết"
    r"|hạn|dịp|lễ|vào|tết|kỷ niệm|quốc khánh)\s*\Z",
    re.IGNORECASE,
)
_COUNT_AFTER = re.compile(
    r"\s*(?:%|người|năm(?!\s+\d)|tháng|ngày|tuần|tuổi|hộ|lần|xã|huyện|tỉnh|triệu|nghìn"
    r"|ngàn|tỷ|đồng|giờ|phút|ha|km|kg|đơn vị|thành viên|cán bộ|lao động|hồ sơ|trường hợp"
    r"|thẻ|nhóm|điểm|lớp|đợt|buổi|cuộc)(?!\w)",
    re.IGNORECASE,
)
# What may follow a date: a pause, the end, or a word that goes on with a date.
_DATE_GOES_ON = re.compile(
    r"\s*(?:[,.;:!?)]|\Z|(?:đến|tới|và|lúc|tại|ở|vừa|này|hằng|các|mọi|những)(?!\w)|năm\s+\d)",
    re.IGNORECASE,
)
# Streets, squares and bridges named after a date: "đường 30/4", "đường 3-2".
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:đường|phố|quảng trường|công viên|cầu)\s+\Z", re.IGNORECASE)


def date_cue_before(ctx: Context, pos: int, strong: bool = False) -> bool:
    """Say whether a word that announces a date ("ngày", "sáng", "từ" ...) ends before ``pos``."""
    pattern = _STRONG_DATE_CUE if strong else _DATE_CUE
    return pattern.search(text_before(ctx, pos, 20)) is not None


def count_after(ctx: Context, pos: int) -> bool:
    """Say whether a word that counts things ("người", "năm", "%") follows ``pos``."""
    return _COUNT_AFTER.match(ctx.text, pos) is not None


def date_goes_on(ctx: Context, pos: int) -> bool:
    """Say whether what follows ``pos`` is a pause or a word that may follow a date."""
    return _DATE_GOES_ON.match(ctx.text, pos) is not None


def place_before(ctx: Context, pos: int) -> bool:
    """Say whether "đường", "phố" ... ends before ``pos`` (a street named after a date)."""
    return _PLACE_BEFORE.search(text_before(ctx, pos, 20)) is not None
