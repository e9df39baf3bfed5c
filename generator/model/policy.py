"""Contributions computed from the policy data: the one source of every amount shown.

Rounding: amounts are whole đồng. A monthly amount is computed exactly with
``Decimal`` (the rates are finite decimals, so ``income × 22 / 100`` is exact)
and then rounded half up to the đồng; a payment for several months is that
monthly amount times the months. With the real figures nothing is rounded at
all: 1,500,000 × 22% = 330,000; 20% of it = 66,000; 4.5% × 2,340,000 = 105,300.
The web calculator's script does the same with integers
(``generator.render.web.calculator``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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
