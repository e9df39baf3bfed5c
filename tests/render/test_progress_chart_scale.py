"""The chart's left margin holds the scale's widest label."""

from __future__ import annotations

import datetime as dt
import re

from generator.render.web.progress_chart import ChartText, progress_chart

TEXT = ChartText(
    title="Tiến độ",
    summary="",
    target_label="Chỉ tiêu",
    day=lambda day: f"{day.day}/{day.month}/{day.year}",
    number=lambda value: f"{value:,}".replace(",", "."),
)
MAY = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


def grid_starts(total: int) -> set[str]:
    chart = progress_chart([(dt.date(2024, 5, 31), total)], None, MAY, None, TEXT, "c")
    return set(re.findall(r'class="ansinh-progress-chart__grid" x1="([\d.]+)"', chart))


def test_six_character_labels_get_a_wider_margin() -> None:
    assert grid_starts(20_500) == {"46"}  # the scale tops at «25.000»


def test_short_labels_keep_the_usual_margin() -> None:
    assert grid_starts(3_201) == {"40"}  # «4.000»
