"""Rules for numbers: integers, decimals, percentages, amounts and phone numbers.

Written forms read here:

- "1.740", "1.443.793", "18679", "1,500,000" (English grouping, two commas or
  more), "1 500 000" grouped with no-break spaces (a plain space is not a
  thousands separator: "có 3 100 hộ" stays two numbers);
- "87,59", "1,05" with "phẩy"; "36.1" (a section number) with "chấm";
- a unit right after: "87,59%", "1,24 %" → phần trăm; "330.000đ", "330.000 đ" →
  đồng, and so are "VNĐ", "VND"; an attached entry of the abbreviation table ("330000VNĐ");
- a number with a leading zero and four digits or more is a code, read digit by
  digit; "05 người" is read "năm người";
- phone numbers and hotlines, digit by digit in their written groups with a
  comma (a pause) between groups: "1900 9068", "1900.9068", "0912 345 678",
  "(024) 3936 1234", "+84 912 345 678". Unbroken numbers are grouped 4-4
  (1800/1900), 4-3-3 (ten digits) or 3-4-4 (eleven digits);
- "x" between amounts is "nhân"; "1/3 số hộ", "2/3 tổng số" are fractions
  ("một phần ba"); any other "d/m" is a date (see ``rules_dates``).
"""

from __future__ import annotations

import re

from generator.speech.context import Context, amount_before
from generator.speech.numbers import read_decimal, read_digits, read_int, read_number_string
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
    letters = _ATTACHED.match(ctx.text, pos)
    if letters is None:
        return pos, ""
    word = letters.group()
    if word in ctx.table and not ctx.text[letters.end() : letters.end() + 1].isalnum():
        return letters.end(), ctx.table[word]
    return None


def number(ctx: Context, pos: int) -> Hit | None:
    """Read a number with the unit written right after it, if any."""
    match = _NUMBER.match(ctx.text, pos)
    if match is None:
        return None
    unit = _unit_after(ctx, match.end())
    if unit is None:
        return None
    end, reading = unit
    spoken = _read_match(match, ctx)
    return Hit(end, f"{spoken} {reading}" if reading else spoken, "number")


_SCALE_DONG = re.compile(r"(?P<scale>triệu|nghìn|ngàn|tỷ|tỉ) ?đ(?!\w)")


def scale_dong(ctx: Context, pos: int) -> Hit | None:
    """Read "triệu đ", "nghìn đ" as "triệu đồng", "nghìn đồng"."""
    match = _SCALE_DONG.match(ctx.text, pos)
    return Hit(match.end(), f"{match['scale']} đồng", "word") if match else None


_PHONE_START = re.compile(r"\+84 ?|\((?=0\d{1,4}\))")
_PHONE_GROUP = re.compile(r"\d+")
_PHONE_SEPARATOR = re.compile(r"\) ?| |\.|-")


def _phone_groups(ctx: Context, pos: int) -> list[tuple[str, int]]:
    """Collect the digit groups written from ``pos`` with the offset where each ends."""
    groups: list[tuple[str, int]] = []
    while True:
        group = _PHONE_GROUP.match(ctx.text, pos)
        if group is None:
            break
        groups.append((group.group(), group.end()))
        separator = _PHONE_SEPARATOR.match(ctx.text, group.end())
        if separator is None:
            break
        pos = separator.end()
    return groups


def _valid_phone(prefix: str, groups: list[str]) -> bool:
    """Say whether the groups, after ``prefix``, spell a Vietnamese phone number."""
    digits = "".join(groups)
    if any(not 2 <= len(g) <= 5 for g in groups[1:]):
        return False
    if prefix.startswith("+84"):
        return len(digits) in (9, 10) and not digits.startswith("0")
    if digits.startswith(("1800", "1900")):
        return len(digits) in (8, 10)
    return digits.startswith("0") and len(digits) in (10, 11) and len(groups[0]) >= 2


def _split_unbroken(digits: str) -> list[str]:
    """Split a phone number written without separators into its usual groups."""
    if digits.startswith(("1800", "1900")):
        sizes = [4, 4, 2]
    else:
        sizes = [4, 3, 3] if len(digits) == 10 else [3, 4, 4]
    groups, start = [], 0
    for size in sizes:
        if start < len(digits):
            groups.append(digits[start : start + size])
            start += size
    return groups


def _followed_by_word_or_number(ctx: Context, end: int) -> bool:
    """Say whether a letter, a digit or a decimal part follows ``end``."""
    rest = ctx.text[end : end + 2]
    return bool(rest) and (rest[0].isalnum() or (rest[0] in ".," and rest[1:2].isdigit()))


def phone(ctx: Context, pos: int) -> Hit | None:
    """Read a phone number or hotline digit by digit, with a pause between groups."""
    start = _PHONE_START.match(ctx.text, pos)
    prefix = start.group() if start else ""
    groups = _phone_groups(ctx, start.end() if start else pos)
    for count in range(len(groups), 0, -1):
        written = [g for g, _ in groups[:count]]
        end = groups[count - 1][1]
        hyphenated_hotline = written[0].startswith("1") and "-" in ctx.text[pos:end]
        if hyphenated_hotline or _followed_by_word_or_number(ctx, end):
            continue
        if _valid_phone(prefix, written):
            if count == 1:
                written = _split_unbroken(written[0])
            spoken = [read_digits(g) for g in written]
            if prefix.startswith("+84"):
                spoken.insert(0, "cộng tám bốn")
            return Hit(end, ", ".join(spoken), "phone")
    return None


_TIMES_SIGN = re.compile(r"x(?= ?\d)")


def times_sign(ctx: Context, pos: int) -> Hit | None:
    """Read a letter x between two amounts ("20 x 2.340.000 đồng") as "nhân"."""
    match = _TIMES_SIGN.match(ctx.text, pos)
    if match and pos > 0 and not ctx.text[pos - 1].isalnum() and amount_before(ctx, pos):
        return Hit(match.end(), "nhân", "word")
    return None


_FRACTION = re.compile(r"(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?=\s+(?:số|tổng)(?!\w))")


def fraction(ctx: Context, pos: int) -> Hit | None:
    """Read a fraction of a whole ("1/3 số hộ", "2/3 tổng số") as "một phần ba"."""
    match = _FRACTION.match(ctx.text, pos)
    if match is None or int(match["bottom"]) < 2:
        return None
    top, bottom = (read_int(int(match[name]), ctx.words) for name in ("top", "bottom"))
    return Hit(match.end(), f"{top} phần {bottom}", "number")
