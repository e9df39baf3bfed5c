"""Contribution amounts against figures worked out by hand from the law (see FACTS.md)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model import Policy, SupportGroup
from generator.model.policy import (
    Contribution,
    common_cases,
    current_health,
    current_voluntary,
    household_cases,
    household_health,
    months_of,
    voluntary_contribution,
)
from generator.render.web.calculator import amount_format, calculator_context, format_like_script
from generator.text.format import format_amount
from tests.conftest import MINI, REPO


def read_policy(root: Path) -> Policy:
    import yaml

    data = yaml.safe_load((root / "content" / "policy.yml").read_text(encoding="utf-8"))
    return Policy.model_validate(data)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return read_policy(REPO)


# income, group, months → gross, State support, you pay (per payment). Worked by hand:
# 22% × 1,500,000 = 330,000; support a month = share × 330,000: 50% 165,000,
# 40% 132,000, 30% 99,000, 20% 66,000.
HAND_CHECKED: list[tuple[int, SupportGroup, int, int, int, int, int]] = [
    # income      group            months  income used  gross       support     you pay
    (1_500_000, "other", 1, 1_500_000, 330_000, 66_000, 264_000),
    (1_500_000, "poor", 1, 1_500_000, 330_000, 165_000, 165_000),
    (1_500_000, "near_poor", 1, 1_500_000, 330_000, 132_000, 198_000),
    (1_500_000, "ethnic_minority", 1, 1_500_000, 330_000, 99_000, 231_000),
    (1_500_000, "near_poor", 12, 1_500_000, 3_960_000, 1_584_000, 2_376_000),
    (2_000_000, "poor", 1, 2_000_000, 440_000, 165_000, 275_000),
    (3_000_000, "ethnic_minority", 6, 3_000_000, 3_960_000, 594_000, 3_366_000),
    (5_000_000, "other", 3, 5_000_000, 3_300_000, 198_000, 3_102_000),
    (4_000_000, "near_poor", 6, 4_000_000, 5_280_000, 792_000, 4_488_000),
    (46_800_000, "other", 1, 46_800_000, 10_296_000, 66_000, 10_230_000),
    # clamped: below the floor, above the ceiling
    (1_000_000, "poor", 12, 1_500_000, 3_960_000, 1_980_000, 1_980_000),
    (100_000, "other", 1, 1_500_000, 330_000, 66_000, 264_000),
    (99_000_000, "other", 12, 46_800_000, 123_552_000, 792_000, 122_760_000),
    # rounding: 2,345,678 × 22% = 516,049.16 → 516,049; 1,500,025 × 22% = 330,005.5 → 330,006
    (2_345_678, "other", 1, 2_345_678, 516_049, 66_000, 450_049),
    (1_500_025, "other", 3, 1_500_025, 990_018, 198_000, 792_018),
]


@pytest.mark.parametrize(
    ("income", "group", "months", "used", "gross", "support", "pay"), HAND_CHECKED
)
def test_voluntary_contribution_by_hand(
    policy: Policy,
    income: int,
    group: SupportGroup,
    months: int,
    used: int,
    gross: int,
    support: int,
    pay: int,
) -> None:
    result = voluntary_contribution(current_voluntary(policy), income, group, months)
    assert result == Contribution(
        income=used, group=group, months=months, gross=gross, state_support=support, you_pay=pay
    )
    assert result.you_pay_per_month * months == pay
    assert result.gross_per_month * months == gross


def test_the_period_in_force_is_the_newest(policy: Policy) -> None:
    assert current_voluntary(policy).effective_from == dt.date(2025, 7, 1)
    assert current_health(policy).effective_from == dt.date(2024, 7, 1)
    shuffled = policy.model_copy(
        update={
            "voluntary_social_insurance": list(reversed(policy.voluntary_social_insurance)),
            "household_health_insurance": list(reversed(policy.household_health_insurance)),
        }
    )
    assert current_voluntary(shuffled).effective_from == dt.date(2025, 7, 1)
    assert current_health(shuffled).effective_from == dt.date(2024, 7, 1)


def test_older_periods_give_their_own_support(policy: Policy) -> None:
    by_date = {p.effective_from: p for p in policy.voluntary_social_insurance}
    # 2024: near-poor 25% × 330,000 = 82,500 a month; 2019: floor 700,000, 22% = 154,000,
    # poor 30% × 154,000 = 46,200.
    near_poor = voluntary_contribution(by_date[dt.date(2024, 7, 1)], 1_500_000, "near_poor", 6)
    assert (near_poor.gross, near_poor.state_support, near_poor.you_pay) == (
        1_980_000,
        495_000,
        1_485_000,
    )
    poor = voluntary_contribution(by_date[dt.date(2019, 7, 1)], 500_000, "poor", 1)
    assert (poor.income, poor.gross, poor.state_support, poor.you_pay) == (
        700_000,
        154_000,
        46_200,
        107_800,
    )


@pytest.mark.parametrize(
    ("mode", "months"),
    [("monthly", 1), ("every_3_months", 3), ("every_6_months", 6), ("every_12_months", 12)],
)
def test_payment_modes_in_months(mode: str, months: int) -> None:
    assert months_of(mode) == months  # type: ignore[arg-type]


def test_modes_without_a_month_count_are_refused() -> None:
    with pytest.raises(ValueError):
        months_of("lump_sum")
    with pytest.raises(ValueError):
        voluntary_contribution(current_voluntary(read_policy(REPO)), 1_500_000, "other", 0)


# Household health insurance, base salary 2,340,000: 4.5% = 105,300 a month, × 12 = 1,263,600
# a year; 70% 73,710 → 884,520; 60% 63,180 → 758,160; 50% 52,650 → 631,800;
# 40% 42,120 → 505,440 for the 5th and every later member.
HOUSEHOLD: list[tuple[int, list[int], int]] = [
    (1, [1_263_600], 1_263_600),
    (2, [1_263_600, 884_520], 2_148_120),
    (3, [1_263_600, 884_520, 758_160], 2_906_280),
    (4, [1_263_600, 884_520, 758_160, 631_800], 3_538_080),
    (5, [1_263_600, 884_520, 758_160, 631_800, 505_440], 4_043_520),
    (6, [1_263_600, 884_520, 758_160, 631_800, 505_440, 505_440], 4_548_960),
    (7, [1_263_600, 884_520, 758_160, 631_800, 505_440, 505_440, 505_440], 5_054_400),
]


@pytest.mark.parametrize(("members", "each", "total"), HOUSEHOLD)
def test_household_health_by_hand(
    policy: Policy, members: int, each: list[int], total: int
) -> None:
    amounts = household_health(current_health(policy), members)
    assert amounts == each
    assert sum(amounts) == total


def test_household_health_needs_a_member(policy: Policy) -> None:
    with pytest.raises(ValueError):
        household_health(current_health(policy), 0)


def test_common_cases_cover_every_group_income_and_mode(policy: Policy) -> None:
    cases = common_cases(policy)
    assert len(cases) == 4 * 4 * 3
    assert {c.income for c in cases} == {1_500_000, 2_000_000, 3_000_000, 5_000_000}
    assert {c.months for c in cases} == {1, 6, 12}
    by_key = {(c.group, c.income, c.months): c.you_pay for c in cases}
    assert by_key[("other", 1_500_000, 1)] == 264_000
    assert by_key[("poor", 1_500_000, 12)] == 1_980_000
    # 5,000,000 × 22% = 1,100,000; − 99,000 = 1,001,000 a month; × 6 = 6,006,000
    assert by_key[("ethnic_minority", 5_000_000, 6)] == 6_006_000
    rows = household_cases(policy)
    assert [(r.members, r.newest, r.total) for r in rows] == [
        (1, 1_263_600, 1_263_600),
        (2, 884_520, 2_148_120),
        (3, 758_160, 2_906_280),
        (4, 631_800, 3_538_080),
        (5, 505_440, 4_043_520),
    ]


def test_the_script_gets_only_parameters_from_the_policy(policy: Policy) -> None:
    context = calculator_context(policy, "vi")
    data = json.loads(context["json"])
    assert data == {
        "floor": 1_500_000,
        "ceiling": 46_800_000,
        "step": 50_000,
        "rate": [22, 100],
        "support": {
            "poor": 165_000,
            "near_poor": 132_000,
            "ethnic_minority": 99_000,
            "other": 66_000,
        },
        "months": {"monthly": 1, "every_3_months": 3, "every_6_months": 6, "every_12_months": 12},
        "householdTotals": [
            1_263_600,
            2_148_120,
            2_906_280,
            3_538_080,
            4_043_520,
            4_548_960,
            5_054_400,
            5_559_840,
            6_065_280,
            6_570_720,
        ],
        "format": {"group": ".", "primary": 3, "secondary": 3, "prefix": "", "suffix": "\u00a0đ"},
    }
    assert "<" not in context["json"]


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("value", [0, 7, 66_000, 330_000, 1_263_600, 10_296_000, 123_552_000])
def test_the_script_formats_amounts_like_babel(locale: str, value: int) -> None:
    assert format_like_script(value, amount_format(locale)) == format_amount(value, locale)


def test_the_mini_fixture_agrees(policy: Policy) -> None:
    mini = read_policy(MINI)
    assert current_voluntary(mini).income_floor == current_voluntary(policy).income_floor
    assert household_health(current_health(mini), 3) == [1_263_600, 884_520, 758_160]
    assert current_voluntary(mini).contribution_rate_percent == Decimal(22)
