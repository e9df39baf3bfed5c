"""Progress reports and outreach groups, and the arithmetic every output shares.

A progress file (``content/progress/<campaign-id>.csv`` or ``.xlsx``) holds one
``ProgressReport`` per row: a day, a unit (commune, ward, group or agent), the new
participants since that unit's previous report, and optionally the unit's target for
the campaign period. Totals, shares of target and the projection are computed here,
never typed. An outreach group's week of outings (``content/groups/<campaign-id>.yml``)
is an ``OutreachGroup``; neither ever holds a resident's name or address.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.model.clock import ClockTime
from generator.model.figures import percent

# How far back the pace looks: the enrolments of the last 30 days of reports, per day.
PACE_DAYS = 30
MAX_COUNT = 999_999_999
# The figure that carries a progress file's newest total to posters, cards and scripts.
PROGRESS_FIGURE_ID = "bao-cao-tien-do"
UNIT_CHARS = 120


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProgressReport(_Frozen):
    """One row of a progress file: new participants of one unit since its previous report."""

    day: dt.date
    unit: Annotated[str, StringConstraints(min_length=1, max_length=UNIT_CHARS)]
    enrolled: int = Field(ge=0, le=MAX_COUNT)
    target: int | None = Field(default=None, gt=0, le=MAX_COUNT)


class Progress(_Frozen):
    """A campaign's progress file: its reports in file order, and the notes it carries."""

    campaign: str
    path: str
    reports: list[ProgressReport]
    notes: list[str] = Field(default_factory=list)


Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Outing(_Frozen):
    """One outing of a group: when and where it meets, and how many households it visits."""

    date: dt.date
    time: ClockTime
    meeting_point: Text
    households: int = Field(ge=0, le=500)


class OutreachGroup(_Frozen):
    """A small outreach group ("nhóm nhỏ", 3–4 people) and its planned outings."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=UNIT_CHARS)]
    leader: Text | None = Field(
        default=None, description="the leader's role, e.g. «Nhân viên Bưu điện» (not a resident)"
    )
    members: int = Field(default=4, ge=1, le=20)
    monthly_target: int | None = Field(default=None, gt=0, le=10_000)
    outings: list[Outing] = Field(min_length=1, max_length=60)


class GroupsFile(_Frozen):
    """The whole of ``content/groups/<campaign-id>.yml``."""

    groups: list[OutreachGroup] = Field(min_length=1, max_length=500)


@dataclass(frozen=True)
class UnitStanding:
    """A unit's cumulative count, its target, share of target and change this period."""

    unit: str
    enrolled: int
    target: int | None
    percent: Decimal | None
    change: int


@dataclass(frozen=True)
class Projection:
    """When the summed target is reached at the current pace; ``day`` None if never."""

    pace: Decimal
    day: dt.date | None
    within_period: bool
    reached: bool


def latest_day(progress: Progress) -> dt.date:
    """Return the day of the newest report."""
    return max(report.day for report in progress.reports)


def total_enrolled(progress: Progress, until: dt.date | None = None) -> int:
    """Return the participants enrolled by every unit, up to ``until`` included."""
    return sum(r.enrolled for r in progress.reports if until is None or r.day <= until)


def unit_targets(progress: Progress) -> dict[str, int]:
    """Return each unit's target: the one on its newest report that states one."""
    found: dict[str, tuple[dt.date, int]] = {}
    for report in progress.reports:
        if report.target is not None and (
            report.unit not in found or report.day >= found[report.unit][0]
        ):
            found[report.unit] = (report.day, report.target)
    return {unit: target for unit, (_day, target) in found.items()}


def summed_target(progress: Progress) -> int | None:
    """Return the sum of the units' targets, or None when no unit states one."""
    targets = unit_targets(progress)
    return sum(targets.values()) if targets else None


def period_start(progress: Progress) -> dt.date:
    """Return the first day of "this period": ``PACE_DAYS`` days up to the newest report."""
    return latest_day(progress) - dt.timedelta(days=PACE_DAYS - 1)


def unit_standings(progress: Progress) -> list[UnitStanding]:
    """Return every unit, sorted by share of target (highest first), then by count and name.

    ``change`` counts the unit's enrolments since ``period_start``. Units without a
    target come last, by count.
    """
    since = period_start(progress)
    targets = unit_targets(progress)
    totals: dict[str, int] = {}
    changes: dict[str, int] = {}
    for report in progress.reports:
        totals[report.unit] = totals.get(report.unit, 0) + report.enrolled
        recent = report.enrolled if report.day >= since else 0
        changes[report.unit] = changes.get(report.unit, 0) + recent
    standings = [
        UnitStanding(
            unit,
            count,
            targets.get(unit),
            percent(count, targets[unit]) if unit in targets else None,
            changes[unit],
        )
        for unit, count in totals.items()
    ]
    return sorted(
        standings,
        key=lambda s: (s.percent is None, -(s.percent or 0), -s.enrolled, s.unit),
    )


def cumulative_series(progress: Progress) -> list[tuple[dt.date, int]]:
    """Return the running total of all units on each report day, oldest first."""
    by_day: dict[dt.date, int] = {}
    for report in progress.reports:
        by_day[report.day] = by_day.get(report.day, 0) + report.enrolled
    series: list[tuple[dt.date, int]] = []
    running = 0
    for day in sorted(by_day):
        running += by_day[day]
        series.append((day, running))
    return series


def project_target(progress: Progress, start: dt.date, end: dt.date) -> Projection | None:
    """Say when the summed target is reached at the current pace, linearly.

    The pace is the enrolments reported in the last ``PACE_DAYS`` days up to the newest
    report (both ends included; fewer days when the campaign, starting on ``start``,
    is younger), divided by that number of days. The day reached is the newest report's
    day plus ceil(remaining / pace) days; ``within_period`` says whether that is on or
    before ``end``. An already reached target gives the first day the running total met
    it. None when no unit states a target.
    """
    target = summed_target(progress)
    if target is None:
        return None
    series = cumulative_series(progress)
    for day, running in series:
        if running >= target:
            return Projection(Decimal(0), day, day <= end, reached=True)
    latest, total = series[-1]
    first = max(latest - dt.timedelta(days=PACE_DAYS - 1), start)
    days = max((latest - first).days + 1, 1)
    recent = sum(r.enrolled for r in progress.reports if first <= r.day <= latest)
    pace = Decimal(recent) / Decimal(days)
    if recent == 0:
        return Projection(pace, None, within_period=False, reached=False)
    needed = math.ceil(Decimal(target - total) / pace)
    day = latest + dt.timedelta(days=needed)
    return Projection(pace, day, day <= end, reached=False)


def leading_units(progress: Progress, count: int = 3) -> list[tuple[str, int]]:
    """Return the units with the most enrolments this period (at least one), best first."""
    standings = [s for s in unit_standings(progress) if s.change > 0]
    ranked = sorted(standings, key=lambda s: (-s.change, s.unit))
    return [(s.unit, s.change) for s in ranked[:count]]
