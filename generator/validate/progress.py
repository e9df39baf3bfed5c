"""Validate progress spreadsheets into ``Progress``: every bad cell located, with its fix.

Headers are matched in Vietnamese or English without regard to case, diacritics or
spacing (``Ngày``, ``ngay``, ``Date``…). Each row is one report: a day (dd/mm/yyyy as
Excel shows it here, ISO, or a real date cell), a unit, a count of new participants,
and optionally the unit's target and a note. Checked: numbers, dates within the
campaign period and not in the future, duplicate rows, and unit names written two
ways (case or diacritics: an error) or one letter apart (a warning).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.progress import Cell, ProgressTable
from generator.model import Period
from generator.model.content import FIRST_YEAR, LAST_YEAR
from generator.model.progress import MAX_COUNT, UNIT_CHARS, Progress, ProgressReport
from generator.text.fold import fold, words
from generator.validate.loaded import suggest
from generator.validate.progress_cells import (
    edit_distance,
    file_day,
    parse_day,
    shown,
    whole_number,
)

# Each column: the names it is known by, folded (no case, no diacritics).
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


def folded(text: str) -> str:
    """Return a name without case, diacritics or punctuation: «TP. Sa Đéc» → tp sa dec."""
    return " ".join(fold(word) for word in words(text))


_HEADING_OF = {folded(name): name for names in HEADINGS.values() for name in names}


_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
# A total row as Excel users add one at the bottom, its unit folded.
TOTAL_WORDS = ("tong", "tong cong", "cong", "tong so", "total", "grand total", "sum", "luy ke")


def _unit_name(text: str) -> str:
    return " ".join(text.split())


def is_total(unit: str) -> bool:
    """Say whether a unit cell names a total row («Tổng cộng», «TỔNG SỐ:», «Total»)."""
    name = folded(unit)
    return name in TOTAL_WORDS or name.startswith(("tong cong ", "tong so ", "total "))


@dataclass
class _Reader:
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


def _columns(reader: _Reader) -> dict[str, int] | None:
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


def _cell(row: list[Cell], index: int | None, fallback: Cell) -> Cell:
    if index is None:
        return Cell(None, fallback.line, fallback.column)
    if index < len(row):
        return row[index]
    last = row[-1]
    return Cell(None, last.line, last.column + index - len(row) + 1)


def _readfile_day(reader: _Reader, cell: Cell) -> dt.date | None:
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


def _read_count(reader: _Reader, cell: Cell) -> int | None:
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


def _read_target(reader: _Reader, cell: Cell) -> int | None:
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


def _checkfile_day(reader: _Reader, cell: Cell, day: dt.date) -> bool:
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
class _Row:
    """A report read from one row, with the cells it came from."""

    report: ProgressReport
    unit_cell: Cell
    note: str


def _read_row(reader: _Reader, row: list[Cell], columns: dict[str, int]) -> _Row | None:
    cells = {key: _cell(row, columns.get(key), row[0]) for key in COLUMNS}
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
    unit = "" if cells["unit"].blank else _unit_name(str(cells["unit"].value))
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
    return _Row(report, cells["unit"], note)


def _check_duplicates(reader: _Reader, rows: list[_Row]) -> None:
    seen: dict[tuple[dt.date, str], _Row] = {}
    for row in rows:
        key = (row.report.day, folded(row.report.unit))
        first = seen.setdefault(key, row)
        if first is row:
            continue
        if first.report == row.report:
            message = _("this row repeats {place}: delete one of the two").format(
                place=reader.where(first.unit_cell.line)
            )
        else:
            message = _(
                "«{unit}» already has a report on {date} ({place}): put the day's count in one row"
            ).format(
                unit=row.report.unit,
                date=file_day(row.report.day),
                place=reader.where(first.unit_cell.line),
            )
        reader.error(row.unit_cell, "progress-duplicate-row", message)


def _check_unit_names(
    reader: _Reader, named: list[tuple[str, Cell]], days: Mapping[str, set[dt.date]]
) -> None:
    """Report a unit written two ways: an error for case or diacritics, a warning for a typo.

    ``named`` holds the unit of every row that has one, with its cell, in file order;
    ``days`` the days each unit reports on. Two names one letter apart that report on
    the same day are two units (Kiên Giang and Tiền Giang), not a typo.
    """
    counts = Counter(unit for unit, _cell in named)
    first: dict[str, Cell] = {}
    for unit, cell in named:
        first.setdefault(unit, cell)
    order = list(first)
    for index, name in enumerate(order):
        for other in order[:index]:
            a, b = folded(name), folded(other)
            if re.findall(r"\d+", a) != re.findall(r"\d+", b):
                continue
            # The less used spelling is the one to correct; on a tie, the later one.
            wrong, right = (other, name) if counts[other] < counts[name] else (name, other)
            cell, place = first[wrong], reader.where(first[right].line)
            if a == b:
                reader.error(
                    cell,
                    "progress-unit-spelling",
                    _(
                        "«{unit}» is written «{other}» in {place}: write the unit's name the "
                        "same way in every row"
                    ).format(unit=wrong, other=right, place=place),
                )
            elif (
                len(a) >= 5
                and edit_distance(a, b, 1) <= 1
                and not days.get(name, set()) & days.get(other, set())
            ):
                reader.warn(
                    cell,
                    "progress-unit-typo",
                    _(
                        "«{unit}» differs by one letter from «{other}» ({place}); did you mean "
                        "«{other}»? If they are the same unit, write its name the same way in "
                        "every row"
                    ).format(unit=wrong, other=right, place=place),
                )


def _unknown_campaign(table: ProgressTable, ids: list[str]) -> Diagnostic:
    hint = suggest(table.campaign, ids)
    return Diagnostic(
        table.path,
        1,
        1,
        "error",
        "progress-unknown-campaign",
        _(
            "no campaign has the id «{id}»: a progress file is named after its campaign's id, "
            "e.g. content/progress/{example}.csv{suggestion}"
        ).format(id=table.campaign, example=ids[0] if ids else "ten-chien-dich", suggestion=hint),
    )


def _check_invisible(reader: _Reader, rows: list[list[Cell]]) -> None:
    """Report a cell holding an invisible character: a direction override would show its
    text backwards on cards and posters, a control character is no letter at all."""
    for row in rows:
        for cell in row:
            found = _INVISIBLE.search(cell.value) if isinstance(cell.value, str) else None
            if found is None:
                continue
            char = found.group()
            if _DIRECTION.match(char):
                message = _(
                    "the text holds an invisible character that reverses the writing direction "
                    "(U+202A–U+202E, U+2066–U+2069); delete it and type the text again"
                )
            else:
                message = _(
                    "the cell holds the invisible control character U+{code:04X}; delete it "
                    "(retype the text around it)"
                ).format(code=ord(char))
            reader.error(cell, "control-character", message)


def _second_heading(row: list[Cell], columns: dict[str, int]) -> bool:
    """Say whether the first row under the headings reads as more headings: text only."""
    day = _cell(row, columns["day"], row[0]).value
    count = _cell(row, columns["enrolled"], row[0]).value
    return (
        all(cell.blank or isinstance(cell.value, str) for cell in row)
        and (not isinstance(day, str) or parse_day(day.strip()) is None)
        and whole_number(count) is None
    )


def _heading_keys(row: list[Cell]) -> set[str]:
    known = {name: key for key, names in COLUMNS.items() for name in names}
    return {known[name] for cell in row if (name := folded(str(cell.value or ""))) in known}


def _from_headings(table: ProgressTable) -> ProgressTable:
    """Return the table read from its row of headings, when a title or notes sit above it.

    Only the first rows are looked at; the rows above the headings cannot be reports.
    """
    if set(REQUIRED) <= _heading_keys(table.header):
        return table
    for index, row in enumerate(table.rows[:HEADING_ROWS]):
        if set(REQUIRED) <= _heading_keys(row):
            return replace(table, header=row, rows=table.rows[index + 1 :])
    return table


def unit_cells(table: ProgressTable) -> list[Cell]:
    """Return the first cell of each unit named in ``table`` (none without its headings)."""
    table = _from_headings(table)
    keys = [(_heading_keys([cell]) or {""}).pop() for cell in table.header]
    if "unit" not in keys:
        return []
    index = keys.index("unit")
    first: dict[str, Cell] = {}
    for row in table.rows:
        if index < len(row) and not row[index].blank:
            first.setdefault(_unit_name(str(row[index].value)), row[index])
    return list(first.values())


def validate_table(
    table: ProgressTable, period: Period | None, today: dt.date
) -> tuple[Progress | None, list[Diagnostic]]:
    """Validate one progress table; return its model (None on any error) and its problems."""
    reader = _Reader(table, period, today, [])
    if not table.header:
        reader.problems.append(
            table.diagnostic(
                1,
                1,
                "progress-empty",
                _(
                    "the file is empty: write the headings ngày, đơn vị, số người, chỉ tiêu in "
                    "the first row and one report per row below"
                ),
            )
        )
        return None, reader.problems
    table = _from_headings(table)
    reader.table = table
    _check_invisible(reader, [table.header, *table.rows])
    columns = _columns(reader)
    if columns is None:
        return None, reader.problems
    data = table.rows
    if data and _second_heading(data[0], columns):
        reader.error(
            data[0][0],
            "progress-second-heading",
            _(
                "this row has no day and no count: if it is a second row of headings (heading "
                "cells merged across two rows), keep a single row of headings, one per column, "
                "without merged cells; if it is a report, fill in its day and count"
            ),
        )
        data = data[1:]
    rows = [row for cells in data if (row := _read_row(reader, cells, columns)) is not None]
    _check_duplicates(reader, rows)
    unit_index = columns["unit"]
    days: dict[str, set[dt.date]] = {}
    for row in rows:
        days.setdefault(row.report.unit, set()).add(row.report.day)
    _check_unit_names(
        reader,
        [
            (_unit_name(str(cells[unit_index].value)), cells[unit_index])
            for cells in table.rows
            if unit_index < len(cells) and not cells[unit_index].blank
        ],
        days,
    )
    if not table.rows:
        reader.problems.append(
            table.diagnostic(
                table.header[0].line,
                1,
                "progress-empty",
                _("there is no report under the headings: add one row per report"),
            )
        )
    if any(d.severity == "error" for d in reader.problems) or not rows:
        return None, reader.problems
    notes = list(dict.fromkeys(row.note for row in rows if row.note))
    progress = Progress(
        campaign=table.campaign,
        path=table.path,
        reports=[row.report for row in rows],
        notes=notes,
    )
    return progress, reader.problems


def validate_progress(
    tables: list[ProgressTable], periods: Mapping[str, Period | None], today: dt.date
) -> tuple[dict[str, Progress], list[Diagnostic]]:
    """Validate every progress table against its campaign's period (by file name).

    ``periods`` maps each campaign id to its period (None when it did not validate).
    Returns the valid files by campaign id and every problem found.
    """
    found: dict[str, Progress] = {}
    problems: list[Diagnostic] = []
    for table in tables:
        if table.campaign not in periods:
            problems.append(_unknown_campaign(table, sorted(periods)))
            continue
        period = periods[table.campaign]
        # A period that ends before it starts is the campaign's own error, said there.
        usable = period if period is None or period.start <= period.end else None
        progress, table_problems = validate_table(table, usable, today)
        problems += table_problems
        if progress is not None:
            found[table.campaign] = progress
    return found, problems
