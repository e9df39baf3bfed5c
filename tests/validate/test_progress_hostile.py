"""Hostile and careless progress and contact files: located messages, fast, never a traceback."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest

from generator.i18n import set_language
from generator.load.document import Document
from generator.load.progress import MAX_SHEET_ROWS, ProgressTable, load_progress, read_csv
from generator.load.theme import locate_theme
from generator.model import Period
from generator.model.contacts import MAX_CONTACTS, phone_digits
from generator.validate.contacts import validate_contacts
from generator.validate.hints import choice_hint, key_hint
from generator.validate.loaded import sort_diagnostics
from generator.validate.progress import validate_progress, validate_table

PERIOD = Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31))
TODAY = dt.date(2021, 6, 30)
CSV = "content/progress/thu-nghiem.csv"
XLSX = "content/progress/thu-nghiem.xlsx"
HEAD = "Ngày,Đơn vị,Số người,Chỉ tiêu\n"


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def check(text: str) -> list[str]:
    table = ProgressTable(CSV, "thu-nghiem")
    problems = read_csv(text, table)
    if not problems:
        problems = validate_table(table, PERIOD, TODAY)[1]
    return [d.format() for d in sort_diagnostics(problems)]


def check_files(root: Path) -> list[str]:
    tables, problems = load_progress(root)
    for table in tables:
        problems += validate_table(table, PERIOD, TODAY)[1]
    return [d.format() for d in sort_diagnostics(problems)]


def workbook(root: Path) -> tuple[openpyxl.Workbook, Path]:
    folder = root / "content" / "progress"
    folder.mkdir(parents=True)
    return openpyxl.Workbook(), folder / "thu-nghiem.xlsx"


def test_a_quote_inside_a_cell_keeps_later_cells_located() -> None:
    text = HEAD + '15/05/2021,Tổ "Ấp 1,12,\n16/05/2021,Xã B,mười,\n'
    assert check(text) == [
        f"{CSV}:3:17: error: «mười» is not a whole number: write the count in digits only, e.g. 12"
    ]


def test_an_unclosed_quote_is_located_where_it_opens() -> None:
    assert check(HEAD + '15/05/2021,"Xã A,12,\n16/05/2021,Xã B,3,\n') == [
        f'{CSV}:2:12: error: the quote mark «"» opened here is never closed, so the rest of the '
        "file is read as one cell: delete it or close it, or save the file again from Excel"
    ]


def test_a_nul_byte_is_located() -> None:
    assert check(HEAD + "15/05/2021,Xã A,12,\n16/05/2021,Xã\x00B,3,\n") == [
        f"{CSV}:3:14: error: the file holds a NUL character (an invisible zero byte) here, so it "
        "is not a CSV file as Excel saves it: open it in Excel or LibreOffice and save it again "
        "as «CSV UTF-8»"
    ]


def test_a_cell_too_long_for_the_csv_reader_is_said_in_words() -> None:
    assert check(HEAD + '15/05/2021,"' + "A" * 200_000 + '",1,\n') == [
        f"{CSV}:2:1: error: a cell here holds more than 131,072 characters; a report is a day, "
        "a unit and a count: shorten the cell, or save the file again from Excel"
    ]


def test_a_million_empty_lines_stop_quickly() -> None:
    started = time.perf_counter()
    found = check(HEAD + "15/05/2021,Xã A,12,\n" + ",,,\r\n" * 250_000)
    assert time.perf_counter() - started < 2
    assert found == [
        f"{CSV}:{MAX_SHEET_ROWS + 1}:1: error: more than 100,000 rows, counting empty ones: "
        "delete the empty rows below the reports (select them, right-click → Delete), or keep "
        "one file per campaign and year"
    ]


def test_title_rows_above_the_headings_are_skipped() -> None:
    text = "BÁO CÁO TIẾN ĐỘ\n;;\n" + HEAD.replace(",", ";") + "15/05/2021;Xã A;1.204;2.000\n"
    table = ProgressTable(CSV, "thu-nghiem")
    assert read_csv(text, table) == []
    progress, found = validate_table(table, PERIOD, TODAY)
    assert found == []
    assert progress is not None
    assert [(r.unit, r.enrolled, r.target) for r in progress.reports] == [("Xã A", 1204, 2000)]


@pytest.mark.parametrize("unit", ["Tổng cộng", "TỔNG CỘNG:", "Tổng số", "Total"])
def test_a_total_row_is_an_error_even_with_a_date(unit: str) -> None:
    text = HEAD + f"15/05/2021,Xã A,12,\n16/05/2021,{unit},12,\n"
    assert check(text) == [
        f"{CSV}:3:12: error: this is a total row: delete it; An Sinh adds up the reports itself, "
        "and a total among them would be counted twice"
    ]


def test_a_date_with_the_year_first_is_turned_round() -> None:
    assert check(HEAD + "2021/05/31,Xã A,12,\n") == [
        f"{CSV}:2:1: error: «2021/05/31» puts the year first: write the day first, 31/05/2021"
    ]


def test_a_workbook_with_a_cell_at_the_last_row_stops_quickly(tmp_path: Path) -> None:
    book, path = workbook(tmp_path)
    book.active.title = "Tiến độ"
    book.active.append(["Ngày", "Đơn vị", "Số người"])
    book.active.append(["15/05/2021", "Xã A", 12])
    book.active.cell(row=1_048_576, column=50, value="x")
    book.save(path)
    started = time.perf_counter()
    found = check_files(tmp_path)
    assert time.perf_counter() - started < 3
    assert found == [
        f"{XLSX}:'Tiến độ'!A100001: error: more than 100,000 rows, counting empty ones: delete "
        "the empty rows below the reports (select them, right-click → Delete), or keep one file "
        "per campaign and year"
    ]


def test_the_sheet_with_the_headings_is_read_and_merged_headings_are_named(
    tmp_path: Path,
) -> None:
    book, path = workbook(tmp_path)
    book.active.title = "Hướng dẫn"
    book.active.append(["Ghi số liệu ở trang bên"])
    sheet = book.create_sheet("Số liệu")
    sheet.append(["Ngày", "Đơn vị", None, "Số người"])
    sheet.append([None, "Xã", "Ấp", None])
    sheet.append([dt.datetime(2021, 5, 15), "Xã A", "Ấp 1", 3])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("D1:D2")
    book.save(path)
    assert check_files(tmp_path) == [
        f"{XLSX}:'Số liệu'!A2: error: this row has no day and no count: if it is a second row of "
        "headings (heading cells merged across two rows), keep a single row of headings, one "
        "per column, without merged cells; if it is a report, fill in its day and count"
    ]


def test_a_workbook_of_charts_only_is_unreadable_not_a_traceback(tmp_path: Path) -> None:
    book, path = workbook(tmp_path)
    book.create_chartsheet()
    book.remove(book.active)
    book.save(path)
    assert check_files(tmp_path) == [
        f"{XLSX}:1:1: error: this is not an Excel workbook (.xlsx) that can be read; open it in "
        "Excel and save it again as «Excel Workbook (*.xlsx)», or as «CSV UTF-8»"
    ]


def test_a_progress_folder_linked_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "thu-nghiem.csv").write_text(HEAD + "15/05/2021,Xã A,12,\n", encoding="utf-8")
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "progress").symlink_to(outside)
    tables, problems = load_progress(root)
    assert tables == []
    assert [d.format() for d in problems] == [
        f"{CSV}:1:1: error: this file is a link to a place outside the project; put the file "
        "itself here"
    ]


def _contacts(count: int) -> Document:
    point = {
        "name": "Bưu điện",
        "kind": "post_office",
        "district": "Huyện Thử",
        "province": "Đồng Tháp",
        "address": "Ấp 1",
    }
    points = [{**point, "name": f"Bưu điện {i}"} for i in range(count)]
    return Document("content/contacts.yml", {"contacts": points}, {})


def test_too_many_contact_points_are_refused_at_once() -> None:
    started = time.perf_counter()
    points, found = validate_contacts(_contacts(MAX_CONTACTS + 1))
    assert time.perf_counter() - started < 1
    assert points == []
    assert [d.message for d in found] == [
        "the file lists 5,001 contact points, more than the limit of 5,000: keep the points of "
        "the provinces the campaigns cover"
    ]


def test_thousands_of_contact_points_check_quickly() -> None:
    started = time.perf_counter()
    points, found = validate_contacts(_contacts(3_000))
    assert (len(points), found) == (3_000, [])
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(
    ("written", "allowed", "meant"),
    [
        ("huyện", {"district", "commune"}, "district"),
        ("xã", {"district", "commune"}, "commune"),
        ("số điện thoại", {"phone"}, "phone"),
        ("giờ làm việc", {"hours"}, "hours"),
        ("giờ", {"time", "meeting_point"}, "time"),
        ("điểm hẹn", {"time", "meeting_point"}, "meeting_point"),
        ("trưởng nhóm", {"leader", "members"}, "leader"),
    ],
)
def test_vietnamese_keys_of_contacts_and_groups(
    written: str, allowed: set[str], meant: str
) -> None:
    assert key_hint(written, allowed) == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Đại lý thu", "collection_agent"),
        ("bưu điện", "post_office"),
        ("UBND phường", "commune_office"),
        ("BHXH huyện", "district_office"),
    ],
)
def test_contact_kinds_in_vietnamese(written: str, meant: str) -> None:
    kinds = ["collection_agent", "post_office", "commune_office", "district_office"]
    assert choice_hint(written, kinds) == meant


def test_a_theme_that_extends_a_path_is_not_found(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    theme = tmp_path / "project" / "themes" / "rieng"
    theme.mkdir(parents=True)
    (theme / "theme.yml").write_text("extends: ../../../outside\n", encoding="utf-8")
    files, message, problems = locate_theme(tmp_path / "project", "rieng")
    assert (files, message, problems) == (
        None,
        "theme «../../../outside» not found in themes/",
        [],
    )


def test_a_landline_with_its_area_code_in_brackets_is_a_phone_number() -> None:
    assert phone_digits("(0277) 3851 234") == "02773851234"
    assert phone_digits("(0277) 3851 234 (bàn)") is None


def test_an_empty_name_is_said_in_words() -> None:
    doc = _contacts(1)
    doc.data["contacts"][0]["name"] = ""
    points, found = validate_contacts(doc)
    assert points == []
    assert [d.message for d in found] == ["«name» is empty: write its text"]


def test_a_control_character_in_a_cell_is_located() -> None:
    assert check(HEAD + "15/05/2021,Xã A\x1b[31m,12,\n") == [
        f"{CSV}:2:12: error: the cell holds the invisible control character U+001B; delete it "
        "(retype the text around it)"
    ]


def test_reports_kept_in_one_sheet_per_month_are_not_half_read(tmp_path: Path) -> None:
    book, path = workbook(tmp_path)
    book.active.title = "Tháng 5"
    book.active.append(["Ngày", "Đơn vị", "Số người"])
    book.active.append(["15/05/2021", "Xã A", 12])
    june = book.create_sheet("Tháng 6")
    june.append(["Ngày", "Đơn vị", "Số người"])
    june.append(["15/06/2021", "Xã A", 7])
    book.save(path)
    assert check_files(tmp_path) == [
        f"{XLSX}:'Tháng 6'!A1: error: the sheets «Tháng 5», «Tháng 6» all hold reports, and An "
        "Sinh reads one sheet: put every report in one sheet, one row per report (the date "
        "tells the months apart)"
    ]


def test_a_campaign_period_that_ends_before_it_starts_reports_no_row() -> None:
    table = ProgressTable(CSV, "thu-nghiem")
    assert read_csv(HEAD + "02/10/2021,Xã A,12,\n", table) == []
    backwards = Period(start=dt.date(2021, 10, 1), end=dt.date(2020, 12, 31))
    found, problems = validate_progress([table], {"thu-nghiem": backwards}, TODAY.replace(2022))
    assert (list(found), problems) == (["thu-nghiem"], [])
