"""The contribution calculator on campaign pages: a printed table, and the data its script reads.

Amounts come from ``generator.model.policy``; this module only presents them for
one locale and serializes what ``calculator.js`` needs (whole đồng, the rate as
an exact integer fraction, the locale's digit grouping).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel import Locale
from babel.numbers import get_group_symbol

from generator.model import Policy
from generator.model.policy import (
    COMMON_MODES,
    DEFAULT_GROUP,
    GROUPS,
    INCOME_STEP,
    MAX_MEMBERS,
    PAYMENT_MONTHS,
    Contribution,
    calculator_modes,
    common_cases,
    current_health,
    current_voluntary,
    household_cases,
    household_health,
    monthly_support,
    voluntary_contribution,
)
from generator.render.escape import script_json
from generator.text.format import format_amount, format_day


def _rate_fraction(percent: Decimal) -> tuple[int, int]:
    """Write ``percent``% as an exact fraction ``num / den`` of integers."""
    numerator, denominator = percent.as_integer_ratio()
    return numerator, denominator * 100


def amount_format(locale: str) -> dict[str, Any]:
    """Return how ``format_amount`` writes whole đồng in ``locale``, for the script."""
    prefix, _, suffix = format_amount(0, locale).partition("0")
    pattern = Locale.parse(locale, sep="-").decimal_formats[None]
    primary, secondary = pattern.grouping
    return {
        "group": get_group_symbol(locale),
        "primary": primary,
        "secondary": secondary,
        "prefix": prefix,
        "suffix": suffix,
    }


def format_like_script(value: int, spec: dict[str, Any]) -> str:
    """Format ``value`` as calculator.js does from ``amount_format`` (used to test it)."""
    digits = str(value)
    groups = [digits[-spec["primary"] :]] if len(digits) > spec["primary"] else [digits]
    rest = digits[: -spec["primary"]] if len(digits) > spec["primary"] else ""
    while rest:
        groups.insert(0, rest[-spec["secondary"] :])
        rest = rest[: -spec["secondary"]]
    return str(spec["prefix"]) + str(spec["group"]).join(groups) + str(spec["suffix"])


def _tables(cases: list[Contribution]) -> list[dict[str, Any]]:
    """Group the common cases into one table per group, one row per income."""
    tables: dict[str, dict[str, Any]] = {}
    for case in cases:
        table = tables.setdefault(
            case.group, {"group": case.group, "support": case.support_per_month, "rows": {}}
        )
        table["rows"].setdefault(case.income, {"income": case.income, "cells": []})
        table["rows"][case.income]["cells"].append(case)
    for table in tables.values():
        table["rows"] = list(table["rows"].values())
    return list(tables.values())


def _voluntary_context(policy: Policy, locale: str) -> dict[str, Any]:
    period = current_voluntary(policy)
    modes = calculator_modes(period)
    groups = [g for g in GROUPS if g in period.state_support.groups]
    default_group = DEFAULT_GROUP if DEFAULT_GROUP in groups else groups[-1]
    table_modes = [mode for mode in COMMON_MODES if mode in modes]
    return {
        "effective_from": format_day(period.effective_from, locale),
        "legal_basis": list(period.legal_basis),
        "rate_percent": period.contribution_rate_percent,
        "floor": period.income_floor,
        "ceiling": period.income_ceiling,
        "step": INCOME_STEP,
        "support_years": period.state_support.max_months // 12,
        "support_months": period.state_support.max_months,
        "groups": [
            {
                "id": g,
                "percent": period.state_support.groups[g],
                "support": monthly_support(period, g),
            }
            for g in groups
        ],
        "default_group": default_group,
        "modes": [{"id": m, "months": PAYMENT_MONTHS[m]} for m in modes],
        "default": voluntary_contribution(period, period.income_floor, default_group, 1),
        "table_modes": [{"id": m, "months": PAYMENT_MONTHS[m]} for m in table_modes],
        "tables": _tables(common_cases(policy)),
    }


def _health_context(policy: Policy, locale: str) -> dict[str, Any]:
    period = current_health(policy)
    yearly = household_health(period, MAX_MEMBERS)
    return {
        "effective_from": format_day(period.effective_from, locale),
        "legal_basis": list(period.legal_basis),
        "base_salary": period.base_salary,
        "rate_percent": period.rate_percent,
        "max_members": MAX_MEMBERS,
        "members": [{"position": n, "yearly": amount} for n, amount in enumerate(yearly, 1)],
        "totals": [sum(yearly[:n]) for n in range(1, MAX_MEMBERS + 1)],
        "rows": household_cases(policy),
    }


def calculator_context(policy: Policy, locale: str) -> dict[str, Any]:
    """Return what the calculator partial shows, and the JSON its script reads."""
    voluntary = current_voluntary(policy)
    vol = _voluntary_context(policy, locale)
    hh = _health_context(policy, locale)
    rate_num, rate_den = _rate_fraction(voluntary.contribution_rate_percent)
    data = {
        "floor": voluntary.income_floor,
        "ceiling": voluntary.income_ceiling,
        "step": INCOME_STEP,
        "rate": [rate_num, rate_den],
        "support": {g["id"]: g["support"] for g in vol["groups"]},
        "months": {m["id"]: m["months"] for m in vol["modes"]},
        "householdTotals": hh["totals"],
        "format": amount_format(locale),
    }
    return {"voluntary": vol, "health": hh, "data": data, "json": script_json(data)}
