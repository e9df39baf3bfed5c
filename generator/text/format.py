"""Numbers, amounts, percentages and dates as each locale writes them (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

_DATE_PATTERNS = {"vi": "d/M/yyyy"}


@lru_cache(maxsize=8192)
def format_number(value: int | Decimal, locale: str) -> str:
    """Write a number with the locale's grouping and decimal marks: 1.740 / 1,740.

    Kept per value: a build writes the same few thousand numbers on many pages, and Babel
    takes about 50 µs for each. Equal values (``Decimal("1.50")`` and ``Decimal("1.5")``)
    are written alike, so they may share an entry.
    """
    return format_decimal(value, locale=locale, group_separator=True)


def format_percent(value: Decimal, locale: str, places: int = 2) -> str:
    """Write a percentage with up to ``places`` decimals: 87,59% / 87.59%."""
    quantum = Decimal(1).scaleb(-places)
    pattern = "#,##0." + "#" * places if places else "#,##0"
    number = format_decimal(value.quantize(quantum), format=pattern, locale=locale)
    return f"{number}%"


def format_amount(vnd: int | Decimal, locale: str) -> str:
    """Write an amount of Vietnamese đồng: 330.000 đ / 330,000 VND."""
    number = format_decimal(Decimal(vnd).quantize(Decimal(1)), locale=locale)
    return f"{number}\u00a0đ" if locale == "vi" else f"{number}\u00a0VND"


def format_day(day: dt.date, locale: str) -> str:
    """Write a date as the locale does: 3/6/2021 / June 3, 2021."""
    pattern = _DATE_PATTERNS.get(locale, "long")
    return format_date(day, format=pattern, locale=locale)
