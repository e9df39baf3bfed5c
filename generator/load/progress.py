"""Read progress spreadsheets: ``content/progress/<campaign-id>.csv`` or ``.xlsx``.

What staff keep is read as they keep it: a CSV as Excel saves it (UTF-8 with or
without a byte-order mark, cells parted by commas or semicolons), or the worksheet of
an Excel workbook that holds the headings (openpyxl, values as Excel last computed
them, real date cells as dates). Every cell keeps its place: ``line`` and ``column``
(characters) in a CSV, row and column of the sheet in a workbook. What the cells mean
is decided by ``generator.validate.progress``; here only the files themselves can be
wrong, and every limit (size, rows, cells) is checked before the content is parsed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic, Severity
from generator.i18n import _
from generator.load.document import MAX_FILE_BYTES, number
from generator.text.fold import fold, words

PROGRESS_DIR = "content/progress"
FORMATS = (".csv", ".xlsx")
MAX_ROWS = 20_000
# Every row read, empty ones too: a sheet with one cell typed at row 1,048,576 is tiny on
# disk, and reading the million empty rows above it would take minutes.
MAX_SHEET_ROWS = 100_000
MAX_COLUMNS = 50
# A cell longer than this is not a report (Python's csv module refuses it anyway).
MAX_CELL_CHARS = 131_072
# A workbook is a zip: its size on disk says little, so the limit is on what it holds.
MAX_WORKBOOK_BYTES = 5_000_000

# The headings of the required columns, folded (no case, no marks), by which the progress
# sheet of a workbook is found; ``generator.validate.progress`` reads every column.
HEADINGS = frozenset({"ngay", "date", "don vi", "unit", "so nguoi", "enrolled"})

CellValue = str | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Cell:
    """One cell as written, with its 1-based line (row) and column."""

    value: CellValue
    line: int
    column: int

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class ProgressTable:
    """The cells of one progress file: its header row, then its data rows."""

    path: str
    campaign: str
    sheet: str = ""
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def diagnostic(
        self, line: int, column: int, code: str, message: str, severity: Severity = "error"
    ) -> Diagnostic:
        """Return a problem at a place of this file (``Sheet!C7`` in a workbook)."""
        return Diagnostic(self.path, line, column, severity, code, message, self.sheet)


def _problem(path: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, "error", code, message)


def not_utf8_message() -> str:
    """Say how to save a spreadsheet as UTF-8 CSV, step by step."""
    return _(
        "the file is not saved as UTF-8 (perhaps Windows-1258 or UTF-16), so its Vietnamese "
        "letters cannot be read. In Excel: File → Save As → choose «CSV UTF-8 (Comma "
        "delimited) (*.csv)» → Save. In LibreOffice: File → Save As → «Text CSV», tick «Edit "
        "filter settings», choose the character set «Unicode (UTF-8)». Or save the workbook "
        "as .xlsx"
    )


def _read_bytes(file: Path, relative: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    try:
        status = file.stat()
        if not stat.S_ISREG(status.st_mode):
            message = _("this is not an ordinary file (a folder or a pipe); remove it")
            return None, [_problem(relative, "unreadable", message)]
        if status.st_size > limit:
            message = _(
                "the file is {size} bytes, more than the limit of {limit} bytes; split it into "
                "smaller files"
            ).format(size=number(status.st_size), limit=number(limit))
            return None, [_problem(relative, "file-too-large", message)]
        return file.read_bytes(), []
    except OSError as error:
        message = _("cannot read the file: {reason}").format(reason=error.strerror or error)
        return None, [_problem(relative, "unreadable", message)]


def _decode(data: bytes, relative: str) -> tuple[str | None, list[Diagnostic]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(relative, "encoding", not_utf8_message())]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return None, [_problem(relative, "encoding", not_utf8_message())]


def _delimiter(text: str) -> str:
    """Return the cell separator of a CSV: the one of ``;`` ``,`` tab most frequent in the
    first line holding any (the headings; a title line above them holds none)."""
    for line in text[:100_000].splitlines()[:20]:
        counts = {sep: line.count(sep) for sep in (";", ",", "\t")}
        best = max(counts, key=lambda sep: counts[sep])
        if counts[best]:
            return best
    return ","


class _Scan:
    """Where each field of a CSV starts, read by the csv module's rules (``"`` opens a
    quoted field only at its start; ``""`` inside one is a quote), and where a quote
    opened that never closes."""

    def __init__(self, text: str, delimiter: str) -> None:
        self.records: list[list[tuple[int, int]]] = []
        self.unclosed: tuple[int, int] | None = None
        self._scan(text, delimiter)

    def _scan(self, text: str, delimiter: str) -> None:
        token = re.compile(f'[^"{re.escape(delimiter)}\r\n]+|\r\n|.', re.DOTALL)
        current: list[tuple[int, int]] = [(1, 1)]
        line, column, state, opened = 1, 1, "start", (1, 1)
        for found in token.finditer(text):
            piece = found.group()
            if piece in ("\r\n", "\r", "\n"):
                line, column = line + 1, 1
                if state != "quoted":
                    self.records.append(current)
                    if len(self.records) > MAX_SHEET_ROWS:
                        return
                    current, state = [(line, 1)], "start"
                continue
            if piece == '"' and state == "start":
                state, opened = "quoted", (line, column)
            elif piece == '"' and state in ("quoted", "quote"):
                state = "quote" if state == "quoted" else "quoted"
            elif piece == delimiter and state != "quoted":
                current.append((line, column + 1))
                state = "start"
            elif state in ("start", "quote"):
                state = "plain"
            column += len(piece)
        if state == "quoted":
            self.unclosed = opened
        if text and not text.endswith(("\n", "\r")):
            self.records.append(current)


def read_csv(text: str, table: ProgressTable) -> list[Diagnostic]:
    """Fill ``table`` from CSV text; return the problems of the file's shape."""
    if "\x00" in text:
        before = text[: text.index("\x00")]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        message = _(
            "the file holds a NUL character (an invisible zero byte) here, so it is not a CSV "
            "file as Excel saves it: open it in Excel or LibreOffice and save it again as "
            "«CSV UTF-8»"
        )
        return [table.diagnostic(line, column, "csv-syntax", message)]
    delimiter = _delimiter(text)
    scan = _Scan(text, delimiter)
    if len(scan.records) > MAX_SHEET_ROWS:
        return [_too_many_lines(table, MAX_SHEET_ROWS + 1)]
    if scan.unclosed is not None:
        message = _(
            'the quote mark «"» opened here is never closed, so the rest of the file is read '
            "as one cell: delete it or close it, or save the file again from Excel"
        )
        return [table.diagnostic(*scan.unclosed, "csv-syntax", message)]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error:
        line = reader.line_num or 1
        message = _(
            "a cell here holds more than {limit} characters; a report is a day, a unit and a "
            "count: shorten the cell, or save the file again from Excel"
        ).format(limit=number(MAX_CELL_CHARS))
        return [table.diagnostic(line, 1, "csv-syntax", message)]
    for index, values in enumerate(records):
        places = scan.records[index] if index < len(scan.records) else []
        cells = [
            Cell(value, *(places[i] if i < len(places) else (index + 1, 1)))
            for i, value in enumerate(values[:MAX_COLUMNS])
        ]
        if _add_row(table, cells):
            return [_too_many_rows(table, cells[0].line)]
    return []


def _add_row(table: ProgressTable, cells: list[Cell]) -> bool:
    """Add a row (the first non-blank one is the header); say when there are too many."""
    if all(cell.blank for cell in cells):
        return False
    if not table.header:
        table.header = cells
        return False
    table.rows.append(cells)
    return len(table.rows) > MAX_ROWS


def _too_many_rows(table: ProgressTable, line: int) -> Diagnostic:
    message = _("more than {limit} rows; keep one file per campaign and year").format(
        limit=number(MAX_ROWS)
    )
    return table.diagnostic(line, 1, "too-many-rows", message)


def _too_many_lines(table: ProgressTable, line: int) -> Diagnostic:
    message = _(
        "more than {limit} rows, counting empty ones: delete the empty rows below the reports "
        "(select them, right-click → Delete), or keep one file per campaign and year"
    ).format(limit=number(MAX_SHEET_ROWS))
    return table.diagnostic(line, 1, "too-many-rows", message)


def read_workbook(file: Path, table: ProgressTable) -> list[Diagnostic]:
    """Fill ``table`` from an .xlsx file's progress worksheet; return its problems.

    The worksheet read is the first one whose first rows hold a known heading (a
    workbook often opens on a sheet of instructions), else the first worksheet.
    """
    # Imported here: most projects keep CSV files, and every command reads the project.
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_WORKBOOK_BYTES:
            message = _(
                "the workbook holds {size} bytes, more than the limit of {limit}; keep only "
                "the progress sheet"
            ).format(size=number(unpacked), limit=number(MAX_WORKBOOK_BYTES))
            return [_problem(table.path, "file-too-large", message)]
        book = load_workbook(file, read_only=True, data_only=True)
    # openpyxl reports a damaged workbook with whatever its XML and zip readers raise.
    except Exception:
        return [_unreadable_workbook(table.path)]
    try:
        if not book.worksheets:
            message = _(
                "the workbook has no worksheet with cells (only charts); put the reports in a "
                "worksheet, one row per report"
            )
            return [_problem(table.path, "progress-empty", message)]
        headed = [s for s in book.worksheets if _has_heading(_read_sheet_rows(s, 1_000))]
        chosen = headed[0] if headed else book.worksheets[0]
        table.sheet = chosen.title
        if len(headed) > 1:
            return [_more_sheets(table, [sheet.title for sheet in headed])]
        return _fill_from_sheet(table, _read_sheet_rows(chosen, MAX_SHEET_ROWS))
    except Exception:
        return [_unreadable_workbook(table.path)]
    finally:
        book.close()


def _more_sheets(table: ProgressTable, titles: list[str]) -> Diagnostic:
    """Report reports kept in several sheets (one per month, say): only one is read."""
    message = _(
        "the sheets {sheets} all hold reports, and An Sinh reads one sheet: put every report "
        "in one sheet, one row per report (the date tells the months apart)"
    ).format(sheets=", ".join(f"«{title}»" for title in titles))
    return Diagnostic(table.path, 1, 1, "error", "progress-many-sheets", message, titles[1])


def _unreadable_workbook(path: str) -> Diagnostic:
    message = _(
        "this is not an Excel workbook (.xlsx) that can be read; open it in Excel and "
        "save it again as «Excel Workbook (*.xlsx)», or as «CSV UTF-8»"
    )
    return _problem(path, "unreadable", message)


@dataclass
class _SheetRows:
    """The rows of one worksheet that hold something; ``overflow`` when it has more than
    ``MAX_SHEET_ROWS`` rows, empty ones counted."""

    rows: list[list[Cell]]
    overflow: bool


def _read_sheet_rows(sheet: object, limit: int) -> _SheetRows:
    """Read up to ``limit`` rows of ``sheet`` (empty ones counted, not kept)."""
    rows: list[list[Cell]] = []
    for row_number, values in enumerate(
        sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True),  # type: ignore[attr-defined]
        start=1,
    ):
        if row_number > limit:
            return _SheetRows(rows, True)
        if any(value is not None and str(value).strip() for value in values):
            rows.append(
                [
                    Cell(_cell_value(value), row_number, column)
                    for column, value in enumerate(values, 1)
                ]
            )
    return _SheetRows(rows, False)


def _has_heading(sheet: _SheetRows) -> bool:
    """Say whether one of the sheet's first rows holds one of the progress headings."""
    return any(
        isinstance(cell.value, str) and " ".join(fold(w) for w in words(cell.value)) in HEADINGS
        for row in sheet.rows[:10]
        for cell in row
    )


def _fill_from_sheet(table: ProgressTable, sheet: _SheetRows) -> list[Diagnostic]:
    for cells in sheet.rows:
        if _add_row(table, cells):
            return [_too_many_rows(table, cells[0].line)]
    if sheet.overflow:
        return [_too_many_lines(table, MAX_SHEET_ROWS + 1)]
    return []


def _cell_value(value: object) -> CellValue:
    if value is None or isinstance(value, (str, int, float, dt.date)):
        return value
    return str(value)


def inside(root: Path, file: Path) -> bool:
    """Say whether ``file``, links followed, stays inside the project at ``root``."""
    try:
        return file.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def load_progress(root: Path) -> tuple[list[ProgressTable], list[Diagnostic]]:
    """Read every progress file of the project at ``root``; never raises for a bad file."""
    tables: list[ProgressTable] = []
    problems: list[Diagnostic] = []
    folder = root / PROGRESS_DIR
    if not folder.is_dir():
        return tables, problems
    seen: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        relative = f"{PROGRESS_DIR}/{file.name}"
        suffix = file.suffix.lower()
        if file.name.startswith((".", "~$")) or suffix not in (*FORMATS, ".xls", ".ods"):
            continue
        if suffix in (".xls", ".ods"):
            message = _(
                "An Sinh reads .xlsx workbooks and .csv files: open this file and save it as "
                "«Excel Workbook (*.xlsx)» or «CSV UTF-8»"
            )
            problems.append(_problem(relative, "unsupported-format", message))
            continue
        if file.stem in seen:
            message = _(
                "the progress of «{campaign}» is also in {other}; keep only one of the two files"
            ).format(campaign=file.stem, other=seen[file.stem])
            problems.append(_problem(relative, "duplicate-file", message))
            continue
        seen[file.stem] = relative
        if not inside(root, file):
            message = _(
                "this file is a link to a place outside the project; put the file itself here"
            )
            problems.append(_problem(relative, "path-outside", message))
            continue
        table = ProgressTable(relative, file.stem)
        limit = MAX_WORKBOOK_BYTES if suffix == ".xlsx" else MAX_FILE_BYTES
        data, found = _read_bytes(file, relative, limit)
        problems += found
        if data is None:
            continue
        if suffix == ".xlsx":
            found = read_workbook(file, table)
        else:
            text, found = _decode(data, relative)
            if text is not None:
                found = read_csv(text, table)
        problems += found
        if not found:
            tables.append(table)
    return tables, problems
