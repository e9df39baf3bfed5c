"""Unit names one letter apart: a typo, unless both names report on the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.i18n import set_language
from generator.load.progress import ProgressTable, read_csv
from generator.model import Period
from generator.validate.progress import validate_table

PERIOD = Period(start=dt.date(2024, 5, 1), end=dt.date(2024, 5, 31))
TODAY = dt.date(2024, 6, 30)
HEAD = "ngày;đơn vị;số người;chỉ tiêu\n"


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def codes(text: str) -> list[str]:
    table = ProgressTable("content/progress/thu-nghiem.csv", "thu-nghiem")
    problems = read_csv(text, table)
    _progress, found = validate_table(table, PERIOD, TODAY)
    return [d.code for d in problems + found]


def test_provinces_reporting_on_the_same_day_are_two_units() -> None:
    rows = "10/05/2024;Tiền Giang;120;\n10/05/2024;Kiên Giang;118;\n"
    rows += "17/05/2024;Tiền Giang;150;\n17/05/2024;Kiên Giang;149;\n"
    assert codes(HEAD + rows) == []


def test_one_letter_apart_on_different_days_is_still_a_typo() -> None:
    rows = "10/05/2024;Tiền Giang;120;\n17/05/2024;Tiền Giang;150;\n24/05/2024;Tiền Gang;90;\n"
    assert codes(HEAD + rows) == ["progress-unit-typo"]


def test_case_or_diacritics_on_the_same_day_is_a_duplicate_and_a_spelling_error() -> None:
    rows = "10/05/2024;Tiền Giang;120;\n10/05/2024;tien giang;120;\n"
    assert sorted(codes(HEAD + rows)) == ["progress-duplicate-row", "progress-unit-spelling"]
