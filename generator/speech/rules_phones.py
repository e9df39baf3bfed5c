"""Rule for phone numbers and hotlines, read digit by digit in their written groups.

- "1900 9068", "1900.9068", "1800-1091" (a hotline with a hyphen is no range,
  unless both sides look like years: "1900-1945");
- mobiles "0912 345 678", "0912.345.678", "0986-123-456", "0912345678";
- landlines "(024) 3936 1234", "0296.385.2147", and an area code followed by an
  unbroken local number, "0277.3851234" or "028.38123456": seven local digits
  are said 3-4, eight 4-4;
- "+84 912 345 678" opens with "cộng tám bốn".

A comma (a pause) separates the groups. Unbroken numbers are grouped 4-4
(1800/1900), 4-3-3 (ten digits) or 3-4-4 (eleven digits).
"""

from __future__ import annotations

import re

from generator.speech.context import Context
from generator.speech.numbers import read_digits
from generator.speech.result import Hit

_PHONE_START = re.compile(r"\+84 ?|\((?=0\d{1,4}\))")
_PHONE_GROUP = re.compile(r"\d+")
_PHONE_SEPARATOR = re.compile(r"\) ?| |\.|-")
_HOTLINE_PREFIXES = ("1800", "1900")
_LOCAL_SIZES = {7: (3, 4), 8: (4, 4)}
# The most digits ``_valid_phone`` accepts; more groups could never make a phone number.
_MAX_DIGITS = 11


def _phone_groups(ctx: Context, pos: int) -> list[tuple[str, int]]:
    """Collect the digit groups written from ``pos`` with the offset where each ends.

    Collecting stops before the digits pass ``_MAX_DIGITS``, so that a long run of
    numbers ("1 1 1 …") costs the same at each position instead of its whole length.
    """
    groups: list[tuple[str, int]] = []
    digits = 0
    while True:
        group = _PHONE_GROUP.match(ctx.text, pos)
        if group is None:
            break
        digits += len(group.group())
        if digits > _MAX_DIGITS:
            break
        groups.append((group.group(), group.end()))
        separator = _PHONE_SEPARATOR.match(ctx.text, group.end())
        if separator is None:
            break
        pos = separator.end()
    return groups


def _local_number(groups: list[str]) -> bool:
    """Say whether the groups are an area code and one unbroken local number."""
    return (
        len(groups) == 2
        and groups[0].startswith("0")
        and 3 <= len(groups[0]) <= 4
        and len(groups[1]) in _LOCAL_SIZES
    )


def _valid_phone(prefix: str, groups: list[str]) -> bool:
    """Say whether the groups, after ``prefix``, spell a Vietnamese phone number."""
    digits = "".join(groups)
    if any(not 2 <= len(g) <= 5 for g in groups[1:]) and not _local_number(groups):
        return False
    if prefix.startswith("+84"):
        return len(digits) in (9, 10) and not digits.startswith("0")
    if digits.startswith(_HOTLINE_PREFIXES):
        return len(digits) in (8, 10)
    return digits.startswith("0") and len(digits) in (10, 11) and len(groups[0]) >= 2


def _split(digits: str, sizes: tuple[int, ...]) -> list[str]:
    """Cut ``digits`` into groups of ``sizes``; what is left over makes a last group."""
    groups, start = [], 0
    for size in sizes:
        if start < len(digits):
            groups.append(digits[start : start + size])
            start += size
    if start < len(digits):
        groups.append(digits[start:])
    return groups


def _regroup(groups: list[str]) -> list[str]:
    """Return the groups to say: unbroken numbers and long local numbers are cut up."""
    if len(groups) == 1:
        digits = groups[0]
        if digits.startswith(_HOTLINE_PREFIXES):
            return _split(digits, (4, 4))
        return _split(digits, (4, 3, 3) if len(digits) == 10 else (3, 4, 4))
    if _local_number(groups):
        return [groups[0], *_split(groups[1], _LOCAL_SIZES[len(groups[1])])]
    return groups


def _looks_like_years(groups: list[str]) -> bool:
    """Say whether "1900-1945" is a range of years rather than a hotline."""
    return len(groups) == 2 and len(groups[1]) == 4 and 1900 <= int(groups[1]) <= 2099


def _hyphen_refused(ctx: Context, pos: int, end: int, groups: list[str]) -> bool:
    """Say whether a hyphen makes the number starting with 1 a range, not a hotline."""
    if not groups[0].startswith("1") or "-" not in ctx.text[pos:end]:
        return False
    return groups[0] not in _HOTLINE_PREFIXES or _looks_like_years(groups)


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
        if _hyphen_refused(ctx, pos, end, written) or _followed_by_word_or_number(ctx, end):
            continue
        if _valid_phone(prefix, written):
            spoken = [read_digits(g) for g in _regroup(written)]
            if prefix.startswith("+84"):
                spoken.insert(0, "cộng tám bốn")
            return Hit(end, ", ".join(spoken), "phone")
    return None
