"""Progress files: every bad row located, with its exact message; CSV and workbook alike."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from generator.i18n import set_language
from generator.load.progress import ProgressTable, load_progress, read_csv
from generator.model import Period
from generator.validate.loaded import sort_diagnostics
from generator.validate.progress import validate_progress, validate_table

PERIOD = Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31))
TODAY = dt.date(2021, 6, 30)
PATH = "content/progress/thu-nghiem.csv"


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def check(text: str) -> list[str]:
    table = ProgressTable(PATH, "thu-nghiem")
    problems = read_csv(text, table)
    _progress, found = validate_table(table, PERIOD, TODAY)
    return [d.format() for d in sort_diagnostics(problems + found)]


HEAD = "ngày,đơn vị,số người,chỉ tiêu\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "15/05/2021,Xã Gáo Giồng,12a,\n",
            f"{PATH}:2:25: error: «12a» is not a whole number: write the count in digits only, "
            "e.g. 12",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,-3,\n",
            f"{PATH}:2:25: error: the count cannot be negative (-3): write the new participants "
            "since the unit's previous report, 0 or more, and correct an earlier row instead",
        ),
        (
            "15/05/2020,Xã Gáo Giồng,3,\n",
            f"{PATH}:2:1: error: 15/05/2020 is outside the campaign period (01/01/2021 – 31/12/2021): "
            "correct the date, or move the row to the progress file of the campaign it belongs to",
        ),
        (
            "15/07/2021,Xã Gáo Giồng,3,\n",
            f"{PATH}:2:1: error: 15/07/2021 is in the future (today is 30/06/2021): correct the date",
        ),
        (
            "31/02/2021,Xã Gáo Giồng,3,\n",
            f"{PATH}:2:1: error: «31/02/2021» is not a date: write it as dd/mm/yyyy, "
            "e.g. 15/05/2021",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,3,\n15/05/2021,Xã Gáo Giồng,3,\n",
            f"{PATH}:3:12: error: this row repeats line 2: delete one of the two",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,3,\n15/05/2021,Xã Gáo Giồng,4,\n",
            f"{PATH}:3:12: error: «Xã Gáo Giồng» already has a report on 15/05/2021 (line 2): put "
            "the day's count in one row",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,3,\n22/05/2021,Xã Gáo Giồng,3,\n29/05/2021,xã gao giong,3,\n",
            f"{PATH}:4:12: error: «xã gao giong» is written «Xã Gáo Giồng» in line 2: write the "
            "unit's name the same way in every row",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,3,\n22/05/2021,Xã Gáo Giồng,3,\n29/05/2021,Xã Gáo Giồg,3,\n",
            f"{PATH}:4:12: warning: «Xã Gáo Giồg» differs by one letter from «Xã Gáo Giồng» "
            "(line 2); did you mean «Xã Gáo Giồng»? If they are the same unit, write its name the "
            "same way in every row",
        ),
        (
            "15/05/2021,Xã Gáo Giồng,3,ba trăm\n",
            f"{PATH}:2:27: error: the target «ba trăm» is not a whole number above 0: write the "
            "unit's target for the campaign period in digits, e.g. 350, or leave the cell empty",
        ),
        (
            "15/05/2021,,3,\n",
            f"{PATH}:2:12: error: the «đơn vị» cell is empty: fill it in, or delete the row",
        ),
    ],
)
def test_bad_rows_have_exact_messages(rows: str, expected: str) -> None:
    assert check(HEAD + rows) == [expected]


def test_groups_differing_by_number_are_not_typos() -> None:
    rows = "15/05/2021,Tổ 1,3,\n15/05/2021,Tổ 2,3,\n15/05/2021,Nhóm Phường 1,3,\n"
    rows += "15/05/2021,Nhóm Phường 3,3,\n"
    assert check(HEAD + rows) == []


def test_missing_and_unknown_columns() -> None:
    assert check("Ngày;Đơn vị;So luong\n15/05/2021;Xã Ba Sao;3\n") == [
        f"{PATH}:1:1: error: the column «số người» is missing: add a column headed «số người» "
        "(or «enrolled») to the first row",
        f"{PATH}:1:13: warning: the column «So luong» is not read; the columns are ngày, đơn vị, "
        "số người, chỉ tiêu and ghi chú; did you mean «số người»?",
    ]


def test_english_headers_bom_semicolons_grouped_numbers_and_iso_dates() -> None:
    table = ProgressTable(PATH, "thu-nghiem")
    text = "\ufeffDATE;Unit;Enrolled;TARGET\n2021-05-15;Xã Ba Sao;1.204;2.000\n"
    assert read_csv(text.removeprefix("\ufeff"), table) == []
    progress, problems = validate_table(table, PERIOD, TODAY)
    assert problems == []
    assert progress is not None
    report = progress.reports[0]
    assert (report.day, report.unit, report.enrolled, report.target) == (
        dt.date(2021, 5, 15),
        "Xã Ba Sao",
        1204,
        2000,
    )


def windows_1258(text: str) -> bytes:
    """Encode as Windows does: a letter cp1258 lacks is a base letter and a tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            letter = "".join(c for c in parts if c not in tones)
            out += unicodedata.normalize("NFC", letter).encode("cp1258") + tones.encode("cp1258")
    return out


def test_windows_1258_file_says_how_to_save_as_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "progress"
    folder.mkdir(parents=True)
    (folder / "thu-nghiem.csv").write_bytes(windows_1258("ngày,đơn vị,số người\nXã Ba Sao\n"))
    tables, problems = load_progress(tmp_path)
    assert tables == []
    assert [d.format() for d in problems] == [
        f"{PATH}:1:1: error: the file is not saved as UTF-8 (perhaps Windows-1258 or UTF-16), "
        "so its Vietnamese letters cannot be read. In Excel: File → Save As → choose «CSV UTF-8 "
        "(Comma delimited) (*.csv)» → Save. In LibreOffice: File → Save As → «Text CSV», tick "
        "«Edit filter settings», choose the character set «Unicode (UTF-8)». Or save the "
        "workbook as .xlsx"
    ]


def test_unknown_campaign_suggests_the_closest_id() -> None:
    table = ProgressTable("content/progress/dong-thapp.csv", "dong-thapp")
    read_csv(HEAD + "15/05/2021,Xã Ba Sao,3,\n", table)
    found, problems = validate_progress([table], {"dong-thap": PERIOD, "lao-cai": None}, TODAY)
    assert found == {}
    assert [d.format() for d in problems] == [
        "content/progress/dong-thapp.csv:1:1: error: no campaign has the id «dong-thapp»: a "
        "progress file is named after its campaign's id, e.g. content/progress/dong-thap.csv; "
        "did you mean «dong-thap»?"
    ]


def test_workbook_cells_are_located_as_sheet_and_cell(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "progress"
    folder.mkdir(parents=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Báo cáo"
    sheet.append(["Ngày", "Đơn vị", "Số người", "Chỉ tiêu"])
    sheet.append([dt.datetime(2021, 5, 15), "Xã Ba Sao", 3, 300])
    sheet.append(["22/05/2021", "Xã Ba Sao", "12a", None])
    book.save(folder / "thu-nghiem.xlsx")
    tables, problems = load_progress(tmp_path)
    assert problems == []
    _progress, found = validate_table(tables[0], PERIOD, TODAY)
    assert [d.format() for d in found] == [
        "content/progress/thu-nghiem.xlsx:'Báo cáo'!C3: error: «12a» is not a whole number: "
        "write the count in digits only, e.g. 12"
    ]
    assert found[0].as_dict()["sheet"] == "Báo cáo"
