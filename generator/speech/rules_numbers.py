"""Rules for numbers: integers, decimals, percentages, amounts, units and fractions.

Written forms read here:

- "1.740", "1.443.793", "18679", "1,500,000" (English grouping, two commas or
  more), "1 500 000" grouped with no-break spaces (a plain space is not a
  thousands separator: "có 3 100 hộ" stays two numbers);
- "87,59", "1,05" with "phẩy"; "36.1" (a section number) with "chấm";
- a unit right after: "87,59%", "1,24 %" → phần trăm; "330.000đ", "330.000 đ" →
  đồng, and so are "VNĐ", "VND"; an attached entry of the abbreviation table ("330000VNĐ");
- a unit of the region's ``units`` (``regions.yml``), attached or after one
  space: "5 ha" → năm héc-ta, "15kg" → mười lăm ki-lô-gam (South: ký), "48h" →
  bốn mươi tám giờ, "50k" → năm mươi nghìn, "1,2 tr" → một phẩy hai triệu;
- a number with a leading zero and four digits or more is a code, read digit by
  digit; "05 người" is read "năm người";
- a minus sign ("-5", "−0,5%") standing before a number, not between two, is "âm";
- "x" between amounts is "nhân"; "x2" alone is "gấp hai";
- fractions: "1/3 số hộ", "1/2 chi phí", "7/10 mức đóng" (a word for a
  quantity follows), and a bare proper fraction with a denominator up to 5
  ("bằng 3/4", "tỷ lệ 1/2") unless a word announcing a date comes before
  ("từ 1/4"); "một phần tư" for a quarter. Any other "d/m" is a date (see
  ``rules_dates``);
- house numbers with a letter or an alley: "số 5A" → số năm a, "hẻm 25/3B" →
  hẻm hai mươi lăm trên ba bê ("/" is "trên", as between numbers elsewhere,
  rather than the colloquial southern "xuyệt"); the letter by its Vietnamese name;
  "số 12/5 đường Lê Lợi", "Địa chỉ: 12/5 ...", "nhà số 12/5" are houses too;
- "24/7" after "hoạt động", "trực", "phục vụ" ... is round the clock:
  "hai mươi tư trên bảy", not the 24th of July.
"""

from __future__ import annotations

import re

from generator.speech.context import (
    Context,
    amount_before,
    date_cue_before,
    place_before,
    text_before,
)
from generator.speech.lexicon import LETTER_NAMES
from generator.speech.numbers import read_decimal, read_int, read_number_string
from generator.speech.result import Hit

_NUMBER = re.compile(
    r"(?:(?P<en>\d{1,3}(?:,\d{3}){2,})"
    r"|(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:,(?P<frac>\d+))?"
    r"|(?P<sec>\d+(?:\.\d{1,2})+))"
    r"(?!\d|[.,]\d)"
)
_PERCENT = re.compile(r" ?%")
_DONG = re.compile(r" ?(?:đ|VNĐ|VND|vnđ|vnd)(?!\w)")
_ATTACHED = re.compile(r"[^\W\d_]+")


def _read_match(match: re.Match[str], ctx: Context) -> str:
    """Read the number found by ``_NUMBER``."""
    if match["en"]:
        return read_int(int(match["en"].replace(",", "")), ctx.words)
    if match["sec"]:
        parts = match["sec"].split(".")
        return " chấm ".join(read_number_string(part, ctx.words) for part in parts)
    digits = re.sub(r"\D", "", match["int"])
    if match["frac"] is not None:
        return read_decimal(int(digits), match["frac"], ctx.words)
    return read_number_string(digits, ctx.words)


def _unit_after(ctx: Context, pos: int) -> tuple[int, str] | None:
    """Read a unit written right after a number; None when letters follow that are no unit."""
    for pattern, reading in ((_PERCENT, "phần trăm"), (_DONG, "đồng")):
        unit = pattern.match(ctx.text, pos)
        if unit:
            return unit.end(), reading
    measure = _measure_after(ctx, pos)
    if measure:
        return measure
    letters = _ATTACHED.match(ctx.text, pos)
    if letters is None:
        return pos, ""
    word = letters.group()
    if word in ctx.table and not ctx.text[letters.end() : letters.end() + 1].isalnum():
        return letters.end(), ctx.table[word]
    return None


def _measure_after(ctx: Context, pos: int) -> tuple[int, str] | None:
    """Read a unit of the region's table ("ha", "kg", "km2") attached or after one space."""
    start = pos + 1 if ctx.text.startswith(" ", pos) else pos
    for written, reading in ctx.words.units:
        end = start + len(written)
        if ctx.text.startswith(written, start) and not ctx.text[end : end + 1].isalnum():
            return end, reading
    return None


_MINUS = "-−"


def _negative(ctx: Context, pos: int) -> bool:
    """Say whether a minus sign at ``pos`` makes the number after it negative."""
    if ctx.text[pos : pos + 1] not in _MINUS or not ctx.text[pos + 1 : pos + 2].isdigit():
        return False
    if ctx.text[pos] == "−":
        return True
    opens = pos == 0 or ctx.text[pos - 1] in " \t\n(:"
    return opens and not amount_before(ctx, pos)


def number(ctx: Context, pos: int) -> Hit | None:
    """Read a number with the unit written right after it, if any; "-5" is "âm năm"."""
    negative = _negative(ctx, pos)
    match = _NUMBER.match(ctx.text, pos + 1 if negative else pos)
    if match is None:
        return None
    unit = _unit_after(ctx, match.end())
    if unit is None:
        return None
    end, reading = unit
    spoken = _read_match(match, ctx)
    if negative:
        spoken = f"âm {spoken}"
    return Hit(end, f"{spoken} {reading}" if reading else spoken, "number")


_SCALE_DONG = re.compile(r"(?P<scale>triệu|nghìn|ngàn|tỷ|tỉ) ?đ(?!\w)")


def scale_dong(ctx: Context, pos: int) -> Hit | None:
    """Read "triệu đ", "nghìn đ" as "triệu đồng", "nghìn đồng"."""
    match = _SCALE_DONG.match(ctx.text, pos)
    return Hit(match.end(), f"{match['scale']} đồng", "word") if match else None


_TIMES_SIGN = re.compile(r"x(?= ?\d)")
_TIMES_ALONE = re.compile(r"x(?P<n>\d{1,2})(?!\w|[.,]\d)")
_TIMES_SAID = re.compile(r"(?<!\w)(?:gấp|nhân)\s*\Z", re.IGNORECASE)


def times_sign(ctx: Context, pos: int) -> Hit | None:
    """Read x between two amounts ("20 x 2.340.000") as "nhân", "x2" alone as "gấp hai"."""
    if pos > 0 and ctx.text[pos - 1].isalnum():
        return None
    match = _TIMES_SIGN.match(ctx.text, pos)
    if match and amount_before(ctx, pos):
        return Hit(match.end(), "nhân", "word")
    alone = _TIMES_ALONE.match(ctx.text, pos)
    if alone is None:
        return None
    spoken = read_int(int(alone["n"]), ctx.words)
    said = _TIMES_SAID.search(text_before(ctx, pos, 10))
    return Hit(alone.end(), spoken if said else f"gấp {spoken}", "word")


_FRACTION = re.compile(r"(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?![\w/]|[.,]\d)")
_QUANTITY_AFTER = re.compile(
    r"\s+(?:số|tổng|chi phí|kinh phí|mức|tiền|dân số|diện tích|thời gian|giá|lương|quỹ"
    r"|phí|học phí|kế hoạch|chỉ tiêu)(?!\w)"
)
_BARE_FRACTION_MAX = 5


def _is_fraction(ctx: Context, match: re.Match[str]) -> bool:
    """Say whether "a/b" is a fraction rather than a date (see the module docstring)."""
    top, bottom = int(match["top"]), int(match["bottom"])
    if top < 1 or bottom < 2:
        return False
    if _QUANTITY_AFTER.match(ctx.text, match.end()):
        return True
    bare = top < bottom <= _BARE_FRACTION_MAX
    named = date_cue_before(ctx, match.start()) or place_before(ctx, match.start())
    return bare and not named


def _denominator(bottom: int, ctx: Context) -> str:
    """Read the denominator: a quarter is "phần tư" in every region."""
    return "tư" if bottom == 4 else read_int(bottom, ctx.words)


_ROUND_THE_CLOCK = re.compile(r"24/7(?![\w/]|[.,]\d)")
_SERVICE_BEFORE = re.compile(
    r"(?<!\w)(?:hoạt động|trực|phục vụ|làm việc|mở cửa|hỗ trợ|tiếp nhận|tư vấn|liên tục)\s+\Z",
    re.IGNORECASE,
)


def round_the_clock(ctx: Context, pos: int) -> Hit | None:
    """Read "24/7" after "hoạt động", "trực" ... as "hai mươi tư trên bảy", not a date."""
    match = _ROUND_THE_CLOCK.match(ctx.text, pos)
    if match is None or not _SERVICE_BEFORE.search(text_before(ctx, pos, 20)):
        return None
    return Hit(match.end(), f"{read_int(24, ctx.words)} trên bảy", "number")


def fraction(ctx: Context, pos: int) -> Hit | None:
    """Read a fraction ("1/3 số hộ", "1/2 chi phí", "bằng 3/4") as "một phần ba"."""
    match = _FRACTION.match(ctx.text, pos)
    if match is None or not _is_fraction(ctx, match) or text_before(ctx, pos, 1) == "/":
        return None
    top = read_int(int(match["top"]), ctx.words)
    return Hit(match.end(), f"{top} phần {_denominator(int(match['bottom']), ctx)}", "number")


_HOUSE_BEFORE = re.compile(
    r"(?<!\w)(?:số|nhà|hẻm|kiệt|ngõ|ngách|lô|tổ|khóm|ấp|khu phố|phòng|quốc lộ|tỉnh lộ"
    r"|đường tỉnh|căn)\s+\Z",
    re.IGNORECASE,
)
_NO_ALLEY_BEFORE = re.compile(r"(?<!\w)(?:số|đường)\s+\Z", re.IGNORECASE)
# "Địa chỉ: 12/5 ...", "nhà số 12/5": an address whatever follows.
_ADDRESS_BEFORE = re.compile(
    r"(?<!\w)(?:(?:địa chỉ|trụ sở)\s*:?(?:\s+số)?|nhà số|số nhà)\s+\Z", re.IGNORECASE
)
# "số 12/5 đường Lê Lợi", "12/5 Lê Lợi": a street named after the number.
_STREET_AFTER = re.compile(r"\s+(?:(?:đường|phố|hẻm|kiệt|ngõ)\s+)?(?P<name>\w)")
_STREET_WORD_AFTER = re.compile(r"\s+(?:đường|phố)\s+(?P<name>\w)")
_NUMBER_WORD_BEFORE = re.compile(r"(?<!\w)số\s+\Z", re.IGNORECASE)
_HOUSE = re.compile(r"(?P<parts>\d{1,4}(?:/\d{1,4})*)(?P<letter>[A-Z])?(?!\w|[/.,]\d)")


def house_number(ctx: Context, pos: int) -> Hit | None:
    """Read a house number with a letter or an alley: "số 5A", "hẻm 25/3B", "ngõ 25/3"."""
    match = _HOUSE.match(ctx.text, pos)
    if match is None or not (match["letter"] or "/" in match["parts"]):
        return None
    before = text_before(ctx, pos, 20)
    letter, alley = bool(match["letter"]), "/" in match["parts"]
    if alley and not letter and _address_alley(ctx, match, before):
        return _read_house(ctx, match)
    in_address = _HOUSE_BEFORE.search(before) is not None
    if not (letter and alley) and not in_address:
        return None
    if alley and not letter and _NO_ALLEY_BEFORE.search(before):
        return None
    return _read_house(ctx, match)


def _address_alley(ctx: Context, match: re.Match[str], before: str) -> bool:
    """Say whether a bare "12/5" is a house in an alley rather than a date or a document.

    It is after "địa chỉ:" or "nhà số"; after "số" with a street name after it
    ("số 12/5 đường Lê Lợi", "số 12/5 Lê Lợi"); or, without a date cue before it,
    followed by "đường" or "phố" and a name ("12/5 đường Lê Lợi"). A document code
    ("số 12/2024/QĐ-UBND") or a following year is never an address.
    """
    last = match["parts"].rsplit("/", 1)[1]
    if ctx.text[match.end() : match.end() + 1] in {"/", "-"} or len(last) == 4:
        return False
    if _ADDRESS_BEFORE.search(before):
        return True
    if _NUMBER_WORD_BEFORE.search(before):
        street = _STREET_AFTER.match(ctx.text, match.end())
    elif not date_cue_before(ctx, match.start()):
        street = _STREET_WORD_AFTER.match(ctx.text, match.end())
    else:
        return False
    return street is not None and street["name"].isupper()


def _read_house(ctx: Context, match: re.Match[str]) -> Hit:
    """Read a matched house number: "25/3B" → hai mươi lăm trên ba bê."""
    numbers = [read_int(int(part), ctx.words) for part in match["parts"].split("/")]
    spoken = " trên ".join(numbers)
    if match["letter"]:
        spoken += f" {LETTER_NAMES[match['letter']]}"
    return Hit(match.end(), spoken, "number")
