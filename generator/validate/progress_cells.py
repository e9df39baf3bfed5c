"""Cells of a progress spreadsheet read as values: days, whole numbers, names.

Staff type numbers the way Excel shows them here (``1.204`` is one thousand two
hundred and four) and days as ``15/05/2021`` or ``2021-05-15``; an edit distance finds
names one letter apart.
"""

from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
_WHOLE = re.compile(r"^[+-]?\d+$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$")


def parse_day(text: str) -> dt.date | None:
    """Return the day written ``15/05/2021`` (also with . or -) or ``2021-05-15``, else None."""
    dmy, iso = _DMY.match(text), _ISO.match(text)
    try:
        if dmy:
            return dt.date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return None
    return None


def file_day(day: dt.date) -> str:
    """Write a day as staff write it in the file, dd/mm/yyyy, whatever the language."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def shown(value: object) -> str:
    """Return a cell's value as staff see it: 12.0 from a workbook is «12»."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def whole_number(value: object) -> int | None:
    """Return a whole number written as digits (thousands grouped or not), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _GROUPED.match(text):
        text = re.sub(r"[.,\u00a0 ]", "", text)
    return int(text) if _WHOLE.match(text) else None


def edit_distance(a: str, b: str, most: int) -> int:
    """Return the edit distance of ``a`` and ``b``, or ``most + 1`` when it is larger."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, ch in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch != other))
            )
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]
