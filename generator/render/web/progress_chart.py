"""The progress chart: the running total over the campaign period against the summed target.

Inline SVG drawn at build time, no JavaScript. It is one accessible image (``role="img"``,
a title and a description that says the figures in words); every point carries its day
and total in ``data-`` attributes and a ``<title>``, and the page prints the same
numbers in a table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from markupsafe import Markup

from generator.render.escape import svg_text

WIDTH, HEIGHT = 320, 190
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 14, 22
AXIS_GAP, AXIS_CHAR = 4, 7


@dataclass(frozen=True)
class ChartText:
    """What the chart says in words, already in the page's language."""

    title: str
    summary: str
    target_label: str
    day: Callable[[dt.date], str]
    number: Callable[[int], str]


def _ceiling(value: int) -> int:
    """Round up to a round number for the top of the scale: 3,935 → 4,000."""
    if value <= 10:
        return 10
    step = Decimal(10) ** (len(str(value)) - 1) / 2
    return int((Decimal(value) / step).to_integral_value(ROUND_CEILING) * step)


def progress_chart(
    series: list[tuple[dt.date, int]],
    target: int | None,
    period: tuple[dt.date, dt.date],
    projected: dt.date | None,
    text: ChartText,
    chart_id: str,
) -> Markup:
    """Draw the running total (a line with a point per report day) and the target line.

    ``series`` is (day, running total) oldest first; ``projected`` (or None) the day the
    target is reached at the current pace, drawn as a dashed line when within the period.
    """
    start, end = period
    top = _ceiling(max([target or 0, *(total for _day, total in series), 1]))
    # Room for the scale's widest label (about 7 units a character): «25.000» needs more
    # than «4.000».
    left = max(LEFT, AXIS_GAP + AXIS_CHAR * len(text.number(top)))
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return round(left + plot_w * min(max((day - start).days, 0), span) / span, 1)

    def y(value: int) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="ansinh-progress-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" focusable="false">',
        f'<title id="{title_id}">{svg_text(text.title)}</title>',
        f'<desc id="{desc_id}">{svg_text(text.summary)}</desc>',
    ]
    for value in (0, top // 2, top):
        parts.append(
            f'<line class="ansinh-progress-chart__grid" x1="{left}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(value)}" y2="{y(value)}"/>'
            f'<text class="ansinh-progress-chart__axis" x="{left - 4}" y="{y(value) + 3}" '
            f'text-anchor="end">{svg_text(text.number(value))}</text>'
        )
    for day, anchor in ((start, "start"), (end, "end")):
        parts.append(
            f'<text class="ansinh-progress-chart__axis" x="{x(day)}" y="{HEIGHT - 6}" '
            f'text-anchor="{anchor}">{svg_text(text.day(day))}</text>'
        )
    if target:
        parts.append(
            f'<line class="ansinh-progress-chart__target" x1="{left}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(target)}" y2="{y(target)}" data-target="{target}"/>'
            f'<text class="ansinh-progress-chart__label" x="{WIDTH - RIGHT}" '
            f'y="{y(target) - 4}" text-anchor="end">{svg_text(text.target_label)}</text>'
        )
    if series:
        line = [f"{x(start)},{y(0)}", *(f"{x(day)},{y(total)}" for day, total in series)]
        parts.append(f'<polyline class="ansinh-progress-chart__line" points="{" ".join(line)}"/>')
        last_day, last_total = series[-1]
        if target and projected is not None and last_total < target and projected <= end:
            parts.append(
                f'<line class="ansinh-progress-chart__projection" x1="{x(last_day)}" '
                f'y1="{y(last_total)}" x2="{x(projected)}" y2="{y(target)}"/>'
            )
        for day, total in series:
            said = f"{text.day(day)}: {text.number(total)}"
            parts.append(
                f'<circle class="ansinh-progress-chart__point" cx="{x(day)}" cy="{y(total)}" '
                f'r="2.2" data-day="{day.isoformat()}" data-total="{total}">'
                f"<title>{svg_text(said)}</title></circle>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
