from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.text.format import format_amount, format_day, format_number, format_percent


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (0, "0", "0"),
        (1740, "1.740", "1,740"),
        (39783, "39.783", "39,783"),
        (1443793, "1.443.793", "1,443,793"),
        (Decimal("1.24"), "1,24", "1.24"),
    ],
)
def test_numbers(value: int | Decimal, vi: str, en: str) -> None:
    assert (format_number(value, "vi"), format_number(value, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Decimal("87.586"), "87,59%", "87.59%"),
        (Decimal("100"), "100%", "100%"),
        (Decimal("43.7"), "43,7%", "43.7%"),
        (Decimal("1.24"), "1,24%", "1.24%"),
        (Decimal("22"), "22%", "22%"),
    ],
)
def test_percentages(value: Decimal, vi: str, en: str) -> None:
    assert (format_percent(value, "vi"), format_percent(value, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (330000, "330.000\u00a0đ", "330,000\u00a0VND"),
        (10296000, "10.296.000\u00a0đ", "10,296,000\u00a0VND"),
    ],
)
def test_amounts(value: int, vi: str, en: str) -> None:
    assert (format_amount(value, "vi"), format_amount(value, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("day", "vi", "en"),
    [
        (dt.date(2021, 6, 3), "3/6/2021", "June 3, 2021"),
        (dt.date(2025, 7, 1), "1/7/2025", "July 1, 2025"),
    ],
)
def test_dates(day: dt.date, vi: str, en: str) -> None:
    assert (format_day(day, "vi"), format_day(day, "en")) == (vi, en)
