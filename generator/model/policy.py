"""Contributions computed from the policy data: the one source of every amount shown.

Rounding: amounts are whole đồng. A monthly amount is computed exactly with
``Decimal`` (the rates are finite decimals, so ``income × 22 / 100`` is exact)
and then rounded half up to the đồng; a payment for several months is that
monthly amount times the months. With the real figures nothing is rounded at
all: 1,500,000 × 22% = 330,000; 20% of it = 66,000; 4.5% × 2,340,000 = 105,300.
The calculator script does the same with integers (see ``calculator_context``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel import Locale
from babel.numbers import get_group_symbol

from generator.text.format import format_amount, format_day, format_percent
from generator.model import (
    HouseholdHealthInsurance,
    PaymentMode,
    Policy,
    SupportGroup,
    VoluntaryInsurance,
)

# Payment modes paid as a number of months; "years_in_advance" and "lump_sum"
# involve discounts or interest and are not in the calculator.
PAYMENT_MONTHS: dict[PaymentMode, int] = {
    "monthly": 1,
    "every_3_months": 3,
    "every_6_months": 6,
    "every_12_months": 12,
}
GROUPS: tuple[SupportGroup, ...] = ("poor", "near_poor", "ethnic_minority", "other")
DEFAULT_GROUP: SupportGroup = "other"
INCOME_STEP = 50_000
COMMON_INCOMES = (2_000_000, 3_000_000, 5_000_000)
COMMON_MODES: tuple[PaymentMode, ...] = ("monthly", "every_6_months", "every_12_months")
MAX_MEMBERS = 10
TABLE_MEMBERS = 5


def round_dong(value: Decimal) -> int:
    """Round an amount to the whole đồng, half up."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share(amount: int, *percents: Decimal) -> int:
    """Return ``amount`` × each percentage in turn, exactly, rounded once to the đồng."""
    value = Decimal(amount)
    for percent in percents:
        value = value * percent / 100
    return round_dong(value)


def current_voluntary(policy: Policy) -> VoluntaryInsurance:
    """Return the voluntary social insurance period in force: the newest ``effective_from``."""
    return max(policy.voluntary_social_insurance, key=lambda period: period.effective_from)


def contribution_sentence(
    period: VoluntaryInsurance, locale: str, translate: Callable[[str], str]
) -> str:
    """Say how the contribution is set: the income range and the rate, for ``locale``."""
    return translate(
        "You choose a monthly income between {floor} and {ceiling}; the contribution is "
        "{rate} of it."
    ).format(
        floor=format_amount(period.income_floor, locale),
        ceiling=format_amount(period.income_ceiling, locale),
        rate=format_percent(period.contribution_rate_percent, locale),
    )


def current_health(policy: Policy) -> HouseholdHealthInsurance:
    """Return the household health insurance period in force: the newest ``effective_from``."""
    return max(policy.household_health_insurance, key=lambda period: period.effective_from)


def months_of(mode: PaymentMode) -> int:
    """Return how many months one payment covers in ``mode``."""
    if mode not in PAYMENT_MONTHS:
        raise ValueError(f"payment mode «{mode}» is not paid by the month")
    return PAYMENT_MONTHS[mode]


def calculator_modes(period: VoluntaryInsurance) -> list[PaymentMode]:
    """Return the period's payment modes that the calculator handles, shortest first."""
    return [mode for mode in PAYMENT_MONTHS if mode in period.payment_modes]


def clamp_income(period: VoluntaryInsurance, monthly_income: int) -> int:
    """Return the income used: ``monthly_income`` kept between the floor and the ceiling."""
    return max(period.income_floor, min(period.income_ceiling, monthly_income))


def monthly_support(period: VoluntaryInsurance, group: SupportGroup) -> int:
    """Return the State support a month for ``group``: its % × the rate × the support base."""
    percent = period.state_support.groups.get(group, Decimal(0))
    return share(period.state_support.base, period.contribution_rate_percent, percent)


@dataclass(frozen=True)
class Contribution:
    """One payment of voluntary social insurance, in whole đồng."""

    income: int
    group: SupportGroup
    months: int
    gross: int
    state_support: int
    you_pay: int

    @property
    def gross_per_month(self) -> int:
        """The full contribution of one month."""
        return self.gross // self.months

    @property
    def support_per_month(self) -> int:
        """The State support of one month."""
        return self.state_support // self.months

    @property
    def you_pay_per_month(self) -> int:
        """What the participant pays for one month."""
        return self.you_pay // self.months


def voluntary_contribution(
    period: VoluntaryInsurance, monthly_income: int, group: SupportGroup, months: int
) -> Contribution:
    """Compute one payment of ``months`` months for an income and a support group."""
    if months < 1:
        raise ValueError("a payment covers at least one month")
    income = clamp_income(period, monthly_income)
    gross = share(income, period.contribution_rate_percent)
    support = min(monthly_support(period, group), gross)
    return Contribution(
        income=income,
        group=group,
        months=months,
        gross=gross * months,
        state_support=support * months,
        you_pay=(gross - support) * months,
    )


def health_monthly(period: HouseholdHealthInsurance, position: int) -> int:
    """Return the monthly household health insurance of the member at ``position`` (1 = first)."""
    if position < 1:
        raise ValueError("members are counted from 1")
    percents = period.member_percent
    member = percents[min(position, len(percents)) - 1]
    return share(period.base_salary, period.rate_percent, member)


def household_health(period: HouseholdHealthInsurance, members: int) -> list[int]:
    """Return the yearly amount of each member, first to last; their sum is the household's."""
    if members < 1:
        raise ValueError("a household has at least one member")
    return [health_monthly(period, position) * 12 for position in range(1, members + 1)]


@dataclass(frozen=True)
class HouseholdCase:
    """A row of the printed household table."""

    members: int
    newest: int
    total: int


def common_incomes(period: VoluntaryInsurance) -> list[int]:
    """Return the incomes of the printed table: the floor, then common round amounts."""
    above = [i for i in COMMON_INCOMES if period.income_floor < i <= period.income_ceiling]
    return [period.income_floor, *above]


def common_cases(policy: Policy) -> list[Contribution]:
    """Return the printed table's contributions: each group, common income and common mode."""
    period = current_voluntary(policy)
    modes = [mode for mode in COMMON_MODES if mode in calculator_modes(period)]
    return [
        voluntary_contribution(period, income, group, PAYMENT_MONTHS[mode])
        for group in GROUPS
        if group in period.state_support.groups
        for income in common_incomes(period)
        for mode in modes
    ]


def household_cases(policy: Policy, largest: int = TABLE_MEMBERS) -> list[HouseholdCase]:
    """Return the printed household table: 1 to ``largest`` members, yearly amounts."""
    period = current_health(policy)
    rows: list[HouseholdCase] = []
    for members in range(1, largest + 1):
        amounts = household_health(period, members)
        rows.append(HouseholdCase(members=members, newest=amounts[-1], total=sum(amounts)))
    return rows


def _rate_fraction(percent: Decimal) -> tuple[int, int]:
    """Write ``percent``% as an exact fraction ``num / den`` of integers."""
    numerator, denominator = percent.as_integer_ratio()
    return numerator, denominator * 100


def amount_format(locale: str) -> dict[str, Any]:
    """Return how ``format_amount`` writes whole đồng in ``locale``, for the script."""
    prefix, _, suffix = format_amount(0, locale).partition("0")
    pattern = Locale.parse(locale).decimal_formats[None]
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


def script_json(data: dict[str, Any]) -> str:
    """Serialize ``data`` for a ``<script type="application/json">`` block, safe in HTML."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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
