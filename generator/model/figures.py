"""Figures computed from raw counts: percentages are never typed, always derived."""

from __future__ import annotations

from decimal import Decimal


def percent(value: int, total: int) -> Decimal:
    """Return value/total as a percentage rounded to two decimals (e.g. 2921/3335 → 87.59)."""
    return (Decimal(value) * 100 / Decimal(total)).quantize(Decimal("0.01"))
