"""Rules for dates, months, times, ordinals, Roman numerals and ranges.

Choices (the same in every region):

- a day is read as a cardinal: "1/7/2025" → ngày một tháng bảy năm hai nghìn
  không trăm hai mươi lăm (announcements say "ngày một", not "mùng một"); a
  full date may also be written "1-7-2025", "01.07.2025" or "2025-07-01";
- months use the civil names of ``regions.yml``: "tháng 1" → tháng một,
  "tháng 4" → tháng tư, "tháng 12" → tháng mười hai; "m/yyyy", "tháng 6-2024"
  and "tháng 8.2023" → tháng ... năm ...;
- "d/m" alone is a date ("Từ 1/7" → Từ ngày một tháng bảy) unless it is a
  fraction (see ``rules_numbers.fraction``); "d-m" and "d.m", as southern and
  central papers write them, are dates after a word that announces one:
  "sáng 15-4", "ngày 2.9" always; after "từ", "đến", "trước" ... when no count
  follows ("từ 5-10 người" is a range) and either a pause or a word that goes
  on with a date follows ("đến 30-6, ...", "từ 15-4 đến ...") or the first
  number is not below the second (a range goes up: "từ 2-3 hecta" is a range,
  "từ 15-4 các đại lý" a date). Elsewhere "36.1" stays a section number and
  "5-10" a range. "từ 3 đến 9-10" → từ ngày ba đến ngày chín tháng mười;
- a street named after a date is a proper name: "đường 30/4" → đường Ba Mươi
  Tháng Tư; after "số" a bare "d/m" is a number, never a date: "Văn bản số 12/5"
  → số mười hai trên năm;
- a date followed at once by a time gets a comma (a pause): "1/7/2025 7h30";
- times: "6h30", "6g30", "6:30" → sáu giờ ba mươi phút; "6h", "19:00" → giờ only;
  "17g" is an hour only next to a word of time ("lúc 17g", "17g ngày 30-6"),
  since "20g" is also a weight;
- "thứ 1" → thứ nhất, "thứ 4" → thứ tư, and so after "thứ" in Roman numerals
  ("lần thứ IV" → lần thứ tư); Roman numerals after "quý", "khóa", "chương",
  "phần", "mục", "đợt", "giai đoạn", "đại hội", "thế kỷ" as cardinals;
- ranges: "5:00–6:00" → từ năm giờ đến sáu giờ, dates likewise with "từ" (not
  repeated after a written "từ"); number ranges take "đến" only: "3 - 4 người"
  → ba đến bốn người.
"""

from __future__ import annotations

import re

from generator.speech.context import (
    Context,
    Rule,
    count_after,
    date_cue_before,
    date_goes_on,
    from_before,
    place_before,
    text_before,
)
from generator.speech.numbers import read_int, read_month, read_ordinal, roman_to_int
from generator.speech.result import Hit

_PRE_DAY = r"(?:(?P<pre>ngày|Ngày|NGÀY)\s+)?"
_DAY = _PRE_DAY + r"(?P<d>\d{1,2})"
_END = r"(?![\w/]|[.,\-]\d)"
_FULL_DATES = (
    re.compile(_DAY + r"(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/])"),
    re.compile(_PRE_DAY + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w/\-])"),
    re.compile(
        r"(?:(?P<pre>tháng|Tháng|THÁNG)\s+)?(?P<m>\d{1,2})"
        r"(?:/|[.\-](?=(?:19|20)\d\d))(?P<y>\d{4})(?![\w/])"
    ),
    re.compile(_DAY + r"/(?P<m>\d{1,2})(?![\w/]|[.,]\d)"),
)
_DAY_MONTH_MARKED = re.compile(_DAY + r"[.\-](?P<m>\d{1,2})" + _END)
# "số 12/5": a number with a slash (a document, a house), not the 12th of May.
_NUMBER_WORD_BEFORE = re.compile(r"(?<!\w)số\s+\Z", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"[ \t]+(?=\d{1,2}(?:[hHgG:]\d|[hH](?!\w)))")


def _valid(match: re.Match[str]) -> bool:
    """Say whether the day and month of a match exist in the calendar."""
    groups = match.groupdict()
    day_ok = not groups.get("d") or 1 <= int(groups["d"]) <= 31
    return 1 <= int(groups["m"]) <= 12 and day_ok


def _read_date(match: re.Match[str], ctx: Context, named: bool = False) -> str:
    """Read a valid match of a date pattern; ``named`` reads a street name ("Ba Tháng Hai")."""
    groups = match.groupdict()
    month_number = int(groups["m"])
    month_words = read_month(month_number, ctx.words)
    if named:
        return f"{read_int(int(groups['d']), ctx.words)} tháng {month_words}".title()
    if not groups.get("d"):
        spoken = [match["pre"] or "tháng", month_words]
    else:
        spoken = [match["pre"] or "ngày", read_int(int(groups["d"]), ctx.words)]
        spoken += ["tháng", month_words]
    if groups.get("y"):
        spoken += ["năm", read_int(int(groups["y"]), ctx.words)]
    return " ".join(spoken)


def _marked_day_month(ctx: Context, pos: int) -> re.Match[str] | None:
    """Match "15-4" or "2.9" when the words around it make it a day and a month."""
    match = _DAY_MONTH_MARKED.match(ctx.text, pos)
    if match is None or not _valid(match):
        return None
    if match["pre"] or date_cue_before(ctx, pos, strong=True) or place_before(ctx, pos):
        return match
    if not date_cue_before(ctx, pos) or count_after(ctx, match.end()):
        return None
    descending = int(match["d"]) >= int(match["m"])
    return match if descending or date_goes_on(ctx, match.end()) else None


def _date_match(ctx: Context, pos: int) -> re.Match[str] | None:
    """Find the first date pattern that matches a calendar date at ``pos``."""
    for pattern in _FULL_DATES:
        match = pattern.match(ctx.text, pos)
        if match and _valid(match):
            return match
    return _marked_day_month(ctx, pos)


def date(ctx: Context, pos: int) -> Hit | None:
    """Read a date or a month ("1/7/2025", "tháng 6-2024", "sáng 15-4", "đường 30/4")."""
    match = _date_match(ctx, pos)
    if match is None:
        return None
    bare = not match["pre"] and not match.groupdict().get("y")
    if bare and _NUMBER_WORD_BEFORE.search(text_before(ctx, pos, 8)):
        return None
    named = not match["pre"] and not match.groupdict().get("y") and place_before(ctx, pos)
    spoken = _read_date(match, ctx, named=named and bool(match.groupdict().get("d")))
    if _CLOCK_AFTER.match(ctx.text, match.end()) and time(ctx, _skip_blanks(ctx, match.end())):
        spoken += ","
    return Hit(match.end(), spoken, "date")


def _skip_blanks(ctx: Context, pos: int) -> int:
    """Return the first position at or after ``pos`` that is no space or tab."""
    while pos < len(ctx.text) and ctx.text[pos] in " \t":
        pos += 1
    return pos


_DAY_THEN_DATE = re.compile(r"(?P<d>\d{1,2})(?:\s+(?:đến|tới)\s+|\s*[-–]\s*)")


def first_day(ctx: Context, pos: int) -> Hit | None:
    """Read the bare first day of "từ 3 đến 9-10" as "ngày ba", the second being a date."""
    match = _DAY_THEN_DATE.match(ctx.text, pos)
    if match is None or not from_before(ctx, pos) or not 1 <= int(match["d"]) <= 31:
        return None
    second = _date_match(ctx, match.end())
    if second is None or not second.groupdict().get("d"):
        return None
    return Hit(match.end("d"), f"ngày {read_int(int(match['d']), ctx.words)}", "date")


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[hH](?P<hm>\d{2})?|[gG](?P<gm>\d{2})|:(?P<cm>\d{2}))(?![\w:])"
)


# "17g" alone is an hour in southern papers ("17g ngày 30-6", "lúc 8g") but a
# weight elsewhere ("500g", "20g muối"): an hour only next to a word of time.
_BARE_G = re.compile(r"(?P<h>\d{1,2})[gG](?![\w:])")
_HOUR_BEFORE = re.compile(
    r"(?:(?<!\w)(?:lúc|từ|đến|tới|trước|sau|khoảng|vào|hạn chót|hạn cuối)\s+"
    r"|\d[gGhH]\d{0,2}\s*[-–]\s*)\Z",
    re.IGNORECASE,
)
_HOUR_AFTER = re.compile(
    r"\s*(?:[-–]\s*\d{1,2}[gG](?!\w)|\s(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|hằng|mỗi|cùng)(?!\w))",
    re.IGNORECASE,
)


def _bare_hour(ctx: Context, pos: int) -> re.Match[str] | None:
    """Match "17g" when a word of time stands before or after it, else None."""
    match = _BARE_G.match(ctx.text, pos)
    if match is None:
        return None
    if _HOUR_BEFORE.search(ctx.text[max(0, pos - 20) : pos]) or _HOUR_AFTER.match(
        ctx.text, match.end()
    ):
        return match
    return None


def time(ctx: Context, pos: int) -> Hit | None:
    """Read a time of day: "6h30", "6h", "6g30", "19:00"; "17g" next to a word of time."""
    match = _CLOCK.match(ctx.text, pos) or _bare_hour(ctx, pos)
    if match is None:
        return None
    hours = int(match["h"])
    found = match.groupdict()
    minutes = int(found.get("hm") or found.get("gm") or found.get("cm") or 0)
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
    r"(?P<w>(?i:quý|khóa|khoá|chương|phần|mục|đợt|giai đoạn|đại hội|thế kỷ|thứ))\s+"
    r"(?P<r>[IVXLC]+)(?:/(?P<y>\d{4}))?(?!\w)"
)


def roman(ctx: Context, pos: int) -> Hit | None:
    """Read a Roman numeral after "quý", "khóa" ...: "quý IV/2025" → quý bốn năm ..."""
    match = _ROMAN_AFTER.match(ctx.text, pos)
    value = roman_to_int(match["r"]) if match else None
    if match is None or value is None:
        return None
    is_ordinal = match["w"].lower() == "thứ"
    reading = read_ordinal(value, ctx.words) if is_ordinal else read_int(value, ctx.words)
    spoken = f"{match['w']} {reading}"
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
        spoken = f"{first.text.rstrip(',')} {ctx.words.range_to} {second.text}"
        if opening and not from_before(ctx, pos):
            spoken = _open_range(ctx.words.range_from, spoken)
        return Hit(second.end, spoken, first.kind, first.warnings + second.warnings)

    return rule
