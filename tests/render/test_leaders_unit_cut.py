"""The leading-groups card keeps each unit's count, whatever the length of its name."""

from __future__ import annotations

import pytest

from generator.render.social.leaders import short_unit


@pytest.mark.parametrize(
    ("unit", "shown"),
    [
        ("Nhóm Tân Quy Đông", "Nhóm Tân Quy Đông"),
        ("Nhóm " + "Tân Quy Đông " * 8, "Nhóm Tân Quy Đông Tân Quy Đông Tân…"),
        ("X" * 50, "X" * 35 + "…"),
    ],
)
def test_a_long_unit_is_cut_on_the_leading_card_so_its_count_stays(unit: str, shown: str) -> None:
    assert short_unit(unit) == shown
