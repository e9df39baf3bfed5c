"""What a resident sees first on a campaign page: how much, with the State's part."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Policy, SupportGroup
from generator.model.policy import (
    DEFAULT_GROUP,
    Contribution,
    current_voluntary,
    voluntary_contribution,
)

# The group whose amount is shown beside everyone's: the one the State helps most.
HELPED_GROUP: SupportGroup = "poor"


@dataclass(frozen=True)
class FirstScreen:
    """The amounts of a campaign page's first screen, a month each, in whole đồng.

    ``minimum``: the lowest contribution for everyone (the income floor, the default
    group), with the State's part; ``helped``: the same for poor households, or None
    when the policy gives them no support of their own.
    """

    minimum: Contribution
    helped: Contribution | None


def first_screen(policy: Policy) -> FirstScreen:
    """Return the first screen's amounts from the policy in force (``generator.model.policy``)."""
    period = current_voluntary(policy)
    floor = period.income_floor
    minimum = voluntary_contribution(period, floor, DEFAULT_GROUP, 1)
    helped = None
    if HELPED_GROUP in period.state_support.groups and HELPED_GROUP != DEFAULT_GROUP:
        candidate = voluntary_contribution(period, floor, HELPED_GROUP, 1)
        helped = candidate if candidate.you_pay < minimum.you_pay else None
    return FirstScreen(minimum, helped)
