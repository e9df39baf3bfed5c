"""Read a progress table row by row: its columns, then each cell of a report, checked.

A ``Reader`` holds the table and the problems found in it, each at its cell; a row
becomes a ``Row`` (a ``ProgressReport`` with the cell its unit came from) or is
reported: a blank required cell, a day that is no date or outside the campaign period,
a count that is no whole number, a total row.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.progress import Cell, ProgressTable
from generator.model import Period
from generator.model.fields import FIRST_YEAR, LAST_YEAR
from generator.model.progress import MAX_COUNT, UNIT_CHARS, ProgressReport
from generator.validate.progress_cells import file_day, parse_day, shown, whole_number
from generator.validate.progress_headings import (
    COLUMNS,
    HEADINGS,
    REQUIRED,
    folded,
    unit_name,
)

_HEADING_OF = {folded(name): name for names in HEADINGS.values() for name in names}


_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
# A total row as Excel users add one at the bottom, its unit folded.
TOTAL_WORDS = ("tong", "tong cong", "cong", "tong so", "total", "grand total", "sum", "luy ke")


def is_total(unit: str) -> bool:
    """Say whether a unit cell names a total row («Tổng cộng», «TỔNG SỐ:», «Total»)."""
    name = folded(unit)
    return name in TOTAL_WORDS or name.startswith(("tong cong ", "tong so ", "total "))


@dataclass
class Reader:
    """One table being read: its columns, its problems, and what it holds so far."""

    table: ProgressTable
    period: Period | None
    today: dt.date
    problems: list[Diagnostic]

    def error(self, cell: Cell, code: str, message: str) -> None:
        self.problems.append(self.table.diagnostic(cell.line, cell.column, code, message))

    def warn(self, cell: Cell, code: str, message: str) -> None:
        self.problems.append(
            self.table.diagnostic(cell.line, cell.column, code, message, "warning")
        )

    def where(self, line: int) -> str:
        """Name a row of this file: «line 5» in a CSV, «row 5» in a workbook."""
        if self.table.sheet:
            return _("row {row}").format(row=line)
        return _("line {line}").format(line=line)


def read_columns(reader: Reader) -> dict[str, int] | None:
    """Map each known column to its index in the header; report missing and unknown ones."""
    found: dict[str, int] = {}
    known = {name: key for key, names in COLUMNS.items() for name in names}
    for index, cell in enumerate(reader.table.header):
        if cell.blank:
            continue
        written = str(cell.value).strip()
        key = known.get(folded(written))
        if key is None:
            close = difflib.get_close_matches(folded(written), list(known), n=1, cutoff=0.6)
            hint = (
                _("; did you mean «{suggestion}»?").format(suggestion=_HEADING_OF[close[0]])
                if close
                else ""
            )
            reader.warn(
                cell,
                "progress-unknown-column",
                _(
                    "the column «{name}» is not read; the columns are ngày, đơn vị, số người, "
                    "chỉ tiêu and ghi chú{suggestion}"
                ).format(name=written, suggestion=hint),
            )
        elif key in found:
            first = reader.table.header[found[key]]
            reader.error(
                cell,
                "progress-duplicate-column",
                _("the column «{name}» is already in column {column}; keep only one").format(
                    name=written, column=first.column
                ),
            )
        else:
            found[key] = index
    header = reader.table.header[0]
    missing = [key for key in REQUIRED if key not in found]
    for key in missing:
        vi, en = HEADINGS[key]
        reader.error(
            Cell(None, header.line, 1),
            "progress-missing-column",
            _(
                "the column «{vi}» is missing: add a column headed «{vi}» (or «{en}») to the "
                "first row"
            ).format(vi=vi, en=en),
        )
    return None if missing else found


def cell_at(row: list[Cell], index: int | None, fallback: Cell) -> Cell:
    """Return a row's cell in a column, or a blank one where it would be (after the last)."""
    if index is None:
        return Cell(None, fallback.line, fallback.column)
    if index < len(row):
        return row[index]
    last = row[-1]
    return Cell(None, last.line, last.column + index - len(row) + 1)


def _readfile_day(reader: Reader, cell: Cell) -> dt.date | None:
    value = cell.value
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        day = parse_day(value.strip())
    year_first = _YEAR_FIRST.match(value.strip()) if isinstance(value, str) else None
    if day is None and year_first:
        year, month, date = year_first.groups()
        reader.error(
            cell,
            "progress-bad-date",
            _("«{value}» puts the year first: write the day first, {day}").format(
                value=shown(value), day=f"{int(date):02d}/{int(month):02d}/{year}"
            ),
        )
        return None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        reader.error(
            cell,
            "progress-bad-date",
            _("«{value}» is not a date: write it as dd/mm/yyyy, e.g. 15/05/2021").format(
                value=shown(value)
            ),
        )
        return None
    return day


def _read_count(reader: Reader, cell: Cell) -> int | None:
    count = whole_number(cell.value)
    if count is None:
        reader.error(
            cell,
            "progress-bad-number",
            _("«{value}» is not a whole number: write the count in digits only, e.g. 12").format(
                value=shown(cell.value)
            ),
        )
    elif count < 0:
        reader.error(
            cell,
            "progress-negative-count",
            _(
                "the count cannot be negative ({value}): write the new participants since the "
                "unit's previous report, 0 or more, and correct an earlier row instead"
            ).format(value=count),
        )
    elif count > MAX_COUNT:
        reader.error(
            cell, "progress-bad-number", _("{value} is too large a count").format(value=count)
        )
    else:
        return count
    return None


def _read_target(reader: Reader, cell: Cell) -> int | None:
    if cell.blank:
        return None
    target = whole_number(cell.value)
    if target is None or not 0 < target <= MAX_COUNT:
        reader.error(
            cell,
            "progress-bad-target",
            _(
                "the target «{value}» is not a whole number above 0: write the unit's target for "
                "the campaign period in digits, e.g. 350, or leave the cell empty"
            ).format(value=shown(cell.value)),
        )
        return None
    return target


def _checkfile_day(reader: Reader, cell: Cell, day: dt.date) -> bool:
    period = reader.period
    if day > reader.today:
        reader.error(
            cell,
            "progress-future-date",
            _("{date} is in the future (today is {today}): correct the date").format(
                date=file_day(day), today=file_day(reader.today)
            ),
        )
        return False
    if period is not None and not period.start <= day <= period.end:
        reader.error(
            cell,
            "progress-date-outside",
            _(
                "{date} is outside the campaign period ({start} – {end}): correct the date, or "
                "move the row to the progress file of the campaign it belongs to"
            ).format(
                date=file_day(day),
                start=file_day(period.start),
                end=file_day(period.end),
            ),
        )
        return False
    return True


@dataclass(frozen=True)
class Row:
    """A report read from one row, with the cells it came from."""

    report: ProgressReport
    unit_cell: Cell
    note: str


def read_row(reader: Reader, row: list[Cell], columns: dict[str, int]) -> Row | None:
    """Read one row as a report; None when a cell of it is reported (or it is a total)."""
    cells = {key: cell_at(row, columns.get(key), row[0]) for key in COLUMNS}
    if not cells["unit"].blank and is_total(str(cells["unit"].value)):
        reader.error(
            cells["unit"],
            "progress-total-row",
            _(
                "this is a total row: delete it; An Sinh adds up the reports itself, and a total "
                "among them would be counted twice"
            ),
        )
        return None
    for key in REQUIRED:
        if cells[key].blank:
            vi, _en = HEADINGS[key]
            reader.error(
                cells[key],
                "progress-missing-value",
                _("the «{column}» cell is empty: fill it in, or delete the row").format(column=vi),
            )
    day = None if cells["day"].blank else _readfile_day(reader, cells["day"])
    count = None if cells["enrolled"].blank else _read_count(reader, cells["enrolled"])
    target = _read_target(reader, cells["target"])
    unit = "" if cells["unit"].blank else unit_name(str(cells["unit"].value))
    if len(unit) > UNIT_CHARS:
        reader.error(
            cells["unit"],
            "progress-unit-too-long",
            _("a unit's name has at most {limit} characters; shorten it").format(limit=UNIT_CHARS),
        )
        return None
    if day is None or count is None or not unit or not _checkfile_day(reader, cells["day"], day):
        return None
    note = "" if cells["note"].blank else " ".join(str(cells["note"].value).split())
    report = ProgressReport(day=day, unit=unit, enrolled=count, target=target)
    return Row(report, cells["unit"], note)
