"""Rules for dates, months, times, ordinals, Roman numerals and ranges.

Choices (the same in every region):

- a day is read as a cardinal: "1/7/2025" → ngày một tháng bảy năm hai nghìn
  không trăm hai mươi lăm (announcements say "ngày một", not "mùng một"); a
  full date may also be written "1-7-2025" or "01.07.2025";
- months use the civil names of ``regions.yml``: "tháng 1" → tháng một,
  "tháng 4" → tháng tư, "tháng 12" → tháng mười hai;
- "d/m" alone is a date ("Từ 1/7" → Từ ngày một tháng bảy) and "m/yyyy" a month
  ("9/2021" → tháng chín năm ...): fractions written with a slash are rare in
  campaign material and would be misread;
- times: "6h30", "6g30", "6:30" → sáu giờ ba mươi phút; "6h", "19:00" → giờ only;
- "thứ 1" → thứ nhất, "thứ 4" → thứ tư; Roman numerals after "quý", "khóa",
  "chương", "phần", "mục", "đợt", "giai đoạn", "đại hội", "thế kỷ" as cardinals;
- ranges: "5:00–6:00" → từ năm giờ đến sáu giờ, dates likewise with "từ" (not
  repeated after a written "từ"); number ranges take "đến" only: "3 - 4 người"
  → ba đến bốn người.
"""

from __future__ import annotations

import re

from generator.speech.context import Context, Rule, from_before
from generator.speech.numbers import read_int, read_month, read_ordinal, roman_to_int
from generator.speech.result import Hit

_DAY = r"(?:(?P<pre>ngày|Ngày|NGÀY)\s+)?(?P<d>\d{1,2})"
_DATES = (
    re.compile(_DAY + r"(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/])"),
    re.compile(r"(?:(?P<pre>tháng|Tháng|THÁNG)\s+)?(?P<m>\d{1,2})/(?P<y>\d{4})(?![\w/])"),
    re.compile(_DAY + r"/(?P<m>\d{1,2})(?![\w/]|[.,]\d)"),
)


def _read_date(match: re.Match[str], ctx: Context) -> str | None:
    """Read a match of one of ``_DATES``, or None when it is no calendar date."""
    groups = match.groupdict()
    month_number = int(groups["m"])
    day_number = int(groups["d"]) if groups.get("d") else None
    if not 1 <= month_number <= 12 or (day_number is not None and not 1 <= day_number <= 31):
        return None
    month_words = f"tháng {read_month(month_number, ctx.words)}"
    if day_number is None:
        spoken = [match["pre"] or "tháng", read_month(month_number, ctx.words)]
    else:
        spoken = [match["pre"] or "ngày", read_int(day_number, ctx.words), month_words]
    if groups.get("y"):
        spoken += ["năm", read_int(int(groups["y"]), ctx.words)]
    return " ".join(spoken)


def date(ctx: Context, pos: int) -> Hit | None:
    """Read "d/m/yyyy", "m/yyyy" and "d/m", with or without "ngày"/"tháng" before them."""
    for pattern in _DATES:
        match = pattern.match(ctx.text, pos)
        spoken = _read_date(match, ctx) if match else None
        if match and spoken:
            return Hit(match.end(), spoken, "date")
    return None


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[hH](?P<hm>\d{2})?|[gG](?P<gm>\d{2})|:(?P<cm>\d{2}))(?![\w:])"
)


def time(ctx: Context, pos: int) -> Hit | None:
    """Read a time of day: "6h30", "6h", "6g30", "19:00"."""
    match = _CLOCK.match(ctx.text, pos)
    if match is None:
        return None
    hours = int(match["h"])
    minutes = int(match["hm"] or match["gm"] or match["cm"] or 0)
    if hours > 24 or minutes > 59:
        return None
    spoken = f"{read_int(hours, ctx.words)} giờ"
    if minutes:
        spoken += f" {read_int(minutes, ctx.words)} phút"
    return Hit(match.end(), spoken, "time")


_ORDINAL = re.compile(r"(?P<w>thứ|Thứ|THỨ)\s+(?P<n>\d{1,3})(?![\w/]|[.,]\d)")
_MONTH = re.compile(r"(?P<w>tháng|Tháng|THÁNG)\s+(?P<n>\d{1,2})(?![\w/]|[.,]\d)")


def ordinal(ctx: Context, pos: int) -> Hit | None:
    """Read "thứ 2" → thứ hai, "lần thứ 1" → thứ nhất, "thứ 4" → thứ tư."""
    match = _ORDINAL.match(ctx.text, pos)
    if match is None:
        return None
    return Hit(match.end(), f"{match['w']} {read_ordinal(int(match['n']), ctx.words)}", "ordinal")


def month(ctx: Context, pos: int) -> Hit | None:
    """Read "tháng 4" → tháng tư; a number above 12 ("tháng 13") as a cardinal."""
    match = _MONTH.match(ctx.text, pos)
    if match is None:
        return None
    value = int(match["n"])
    spoken = read_month(value, ctx.words) if 1 <= value <= 12 else read_int(value, ctx.words)
    return Hit(match.end(), f"{match['w']} {spoken}", "date")


_ROMAN_AFTER = re.compile(
    r"(?P<w>(?i:quý|khóa|khoá|chương|phần|mục|đợt|giai đoạn|đại hội|thế kỷ))\s+"
    r"(?P<r>[IVXLC]+)(?:/(?P<y>\d{4}))?(?!\w)"
)


def roman(ctx: Context, pos: int) -> Hit | None:
    """Read a Roman numeral after "quý", "khóa" ...: "quý IV/2025" → quý bốn năm ..."""
    match = _ROMAN_AFTER.match(ctx.text, pos)
    value = roman_to_int(match["r"]) if match else None
    if match is None or value is None:
        return None
    spoken = f"{match['w']} {read_int(value, ctx.words)}"
    if match["y"]:
        spoken += f" năm {read_int(int(match['y']), ctx.words)}"
    return Hit(match.end(), spoken, "ordinal")


_DASH = re.compile(r"\s*[-–—]\s*")


def _open_range(word: str, spoken: str) -> str:
    """Put ``word`` ("từ") before a range, moving a capital to it: "Ngày ..." → "Từ ngày ..."."""
    if spoken[:1].isupper():
        return f"{word[:1].upper()}{word[1:]} {spoken[:1].lower()}{spoken[1:]}"
    return f"{word} {spoken}"


def ranged(base: Rule, opening: bool) -> Rule:
    """Make ``base`` also read "X – Y" as "X đến Y", or "từ X đến Y" when ``opening``."""

    def rule(ctx: Context, pos: int) -> Hit | None:
        first = base(ctx, pos)
        dash = _DASH.match(ctx.text, first.end) if first else None
        second = base(ctx, dash.end()) if dash else None
        if first is None or second is None:
            return first
        spoken = f"{first.text} {ctx.words.range_to} {second.text}"
        if opening and not from_before(ctx, pos):
            spoken = _open_range(ctx.words.range_from, spoken)
        return Hit(second.end, spoken, first.kind, first.warnings + second.warnings)

    return rule
