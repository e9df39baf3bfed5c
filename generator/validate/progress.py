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
import re
from collections import Counter
from collections.abc import Mapping

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.progress import Cell, ProgressTable
from generator.model import Period
from generator.model.progress import Progress
from generator.validate.loaded import suggest
from generator.validate.progress_cells import edit_distance, file_day, parse_day, whole_number
from generator.validate.progress_headings import folded, from_headings, unit_cells, unit_name
from generator.validate.progress_rows import Reader, Row, cell_at, read_columns, read_row

__all__ = ["unit_cells", "validate_progress", "validate_table"]

_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _check_duplicates(reader: Reader, rows: list[Row]) -> None:
    seen: dict[tuple[dt.date, str], Row] = {}
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
    reader: Reader, named: list[tuple[str, Cell]], days: Mapping[str, set[dt.date]]
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


def _check_invisible(reader: Reader, rows: list[list[Cell]]) -> None:
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
    day = cell_at(row, columns["day"], row[0]).value
    count = cell_at(row, columns["enrolled"], row[0]).value
    return (
        all(cell.blank or isinstance(cell.value, str) for cell in row)
        and (not isinstance(day, str) or parse_day(day.strip()) is None)
        and whole_number(count) is None
    )


def validate_table(
    table: ProgressTable, period: Period | None, today: dt.date
) -> tuple[Progress | None, list[Diagnostic]]:
    """Validate one progress table; return its model (None on any error) and its problems."""
    reader = Reader(table, period, today, [])
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
    table = from_headings(table)
    reader.table = table
    _check_invisible(reader, [table.header, *table.rows])
    columns = read_columns(reader)
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
    rows = [row for cells in data if (row := read_row(reader, cells, columns)) is not None]
    _check_duplicates(reader, rows)
    unit_index = columns["unit"]
    days: dict[str, set[dt.date]] = {}
    for row in rows:
        days.setdefault(row.report.unit, set()).add(row.report.day)
    _check_unit_names(
        reader,
        [
            (unit_name(str(cells[unit_index].value)), cells[unit_index])
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
