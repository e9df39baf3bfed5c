"""Which column of a progress table is which: headings in Vietnamese or English.

A heading is known by its name folded (no case, no diacritics, no punctuation); the row
of headings may sit under a title or a date line, within the first ``HEADING_ROWS`` rows.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from generator.load.progress import Cell, ProgressTable
from generator.text.fold import fold, words

COLUMNS = {
    "day": ("ngay", "date", "ngay bao cao"),
    "unit": ("don vi", "unit"),
    "enrolled": ("so nguoi", "enrolled", "so nguoi tham gia", "so nguoi moi"),
    "target": ("chi tieu", "target"),
    "note": ("ghi chu", "note", "notes"),
}
REQUIRED = ("day", "unit", "enrolled")
# How many rows below the first may hold the headings (a title, a date line, a blank
# merged cell above them).
HEADING_ROWS = 10
HEADINGS = {
    "day": ("ngày", "date"),
    "unit": ("đơn vị", "unit"),
    "enrolled": ("số người", "enrolled"),
    "target": ("chỉ tiêu", "target"),
    "note": ("ghi chú", "note"),
}


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """Return a name without case, diacritics or punctuation: «TP. Sa Đéc» → tp sa dec."""
    return " ".join(fold(word) for word in words(text))


def unit_name(text: str) -> str:
    """Return a unit's name as written, its runs of spaces made one: «Xã  An Bình »."""
    return " ".join(text.split())


def heading_keys(row: list[Cell]) -> set[str]:
    """Return the columns (``day``, ``unit``…) whose headings a row holds."""
    known = {name: key for key, names in COLUMNS.items() for name in names}
    return {known[name] for cell in row if (name := folded(str(cell.value or ""))) in known}


def from_headings(table: ProgressTable) -> ProgressTable:
    """Return the table read from its row of headings, when a title or notes sit above it.

    Only the first rows are looked at; the rows above the headings cannot be reports.
    """
    if set(REQUIRED) <= heading_keys(table.header):
        return table
    for index, row in enumerate(table.rows[:HEADING_ROWS]):
        if set(REQUIRED) <= heading_keys(row):
            return replace(table, header=row, rows=table.rows[index + 1 :])
    return table


def unit_cells(table: ProgressTable) -> list[Cell]:
    """Return the first cell of each unit named in ``table`` (none without its headings)."""
    table = from_headings(table)
    keys = [(heading_keys([cell]) or {""}).pop() for cell in table.header]
    if "unit" not in keys:
        return []
    index = keys.index("unit")
    first: dict[str, Cell] = {}
    for row in table.rows:
        if index < len(row) and not row[index].blank:
            first.setdefault(unit_name(str(row[index].value)), row[index])
    return list(first.values())
