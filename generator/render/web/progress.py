"""Progress for staff and one dated line of social proof for residents.

Each campaign with a progress file gets a staff page, ``progress/<campaign-id>.md``
(outside the navigation and the site search): totals, the share of the summed
targets, the running total drawn against the target, the units sorted by share of
target with their last 30 days, and when the target is reached at the current pace
(``generator.model.progress.project_target``). The campaign page for residents says
only how many people have joined, where, and up to which day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from generator.model import Campaign, Project
from generator.model.figures import percent
from generator.model.progress import (
    Progress,
    Projection,
    UnitStanding,
    cumulative_series,
    latest_day,
    period_start,
    project_target,
    summed_target,
    total_enrolled,
    unit_standings,
)
from generator.render.web.progress_chart import ChartText, progress_chart
from generator.text.format import format_day, format_number, format_percent

PROGRESS_FOLDER = "progress"
Translate = Callable[[str], str]


@dataclass(frozen=True)
class ProgressView:
    """What a staff progress page shows, computed from the reports."""

    campaign: Campaign
    path: str
    total: int
    target: int | None
    percent: Decimal | None
    latest: dt.date
    since: dt.date
    change: int
    standings: list[UnitStanding]
    series: list[tuple[dt.date, int]]
    projection: Projection | None
    projection_sentence: str
    summary: str
    chart: Markup
    notes: list[str]


def view_progress(
    progress: Progress, campaign: Campaign, locale: str, _: Translate
) -> ProgressView:
    """Compute the staff view of one campaign's progress, its sentences in ``locale``."""
    total = total_enrolled(progress)
    target = summed_target(progress)
    share = percent(total, target) if target else None
    since = period_start(progress)
    latest = latest_day(progress)
    projection = project_target(progress, campaign.period.start, campaign.period.end)
    series = cumulative_series(progress)
    summary = progress_summary(total, target, share, latest, locale, _)
    sentence = projection_sentence(projection, campaign.period.end, locale, _)
    chart = progress_chart(
        series,
        target,
        (campaign.period.start, campaign.period.end),
        projection.day if projection else None,
        ChartText(
            title=_("Participants enrolled since the start of the campaign"),
            summary=f"{summary} {sentence}".strip(),
            target_label=_("target {target}").format(target=format_number(target or 0, locale)),
            day=lambda day: format_day(day, locale),
            number=lambda value: format_number(value, locale),
        ),
        f"progress-{campaign.id}",
    )
    return ProgressView(
        campaign=campaign,
        path=progress.path,
        total=total,
        target=target,
        percent=share,
        latest=latest,
        since=since,
        change=total - total_enrolled(progress, since - dt.timedelta(days=1)),
        standings=unit_standings(progress),
        series=series,
        projection=projection,
        projection_sentence=sentence,
        summary=summary,
        chart=chart,
        notes=progress.notes,
    )


def progress_summary(
    total: int,
    target: int | None,
    share: Decimal | None,
    latest: dt.date,
    locale: str,
    _: Translate,
) -> str:
    """Say the total, its share of the summed target, and the day of the newest report."""
    if target is None or share is None:
        return _("{total} participants enrolled, as of {date}.").format(
            total=format_number(total, locale), date=format_day(latest, locale)
        )
    return _(
        "{total} participants enrolled, {percent} of the summed target of {target}, as of {date}."
    ).format(
        total=format_number(total, locale),
        percent=format_percent(share, locale),
        target=format_number(target, locale),
        date=format_day(latest, locale),
    )


def projection_sentence(
    projection: Projection | None, end: dt.date, locale: str, _: Translate
) -> str:
    """Say when the summed target is reached at the current pace, or that it is not."""
    if projection is None:
        return _("No unit states a target: add a «chỉ tiêu» column to see the share and the pace.")
    if projection.reached and projection.day is not None:
        return _("The summed target was reached on {date}.").format(
            date=format_day(projection.day, locale)
        )
    pace = format_number(projection.pace.quantize(Decimal("0.1")), locale)
    if projection.day is None:
        return _(
            "No one was enrolled in the last 30 days of reports: at this pace the target is not "
            "reached within the period."
        )
    if projection.within_period:
        return _(
            "At the current pace ({pace} a day over the last 30 days of reports), the target is "
            "reached on {date}."
        ).format(pace=pace, date=format_day(projection.day, locale))
    return _(
        "At the current pace ({pace} a day over the last 30 days of reports), the target is not "
        "reached within the period, which ends on {end}."
    ).format(pace=pace, end=format_day(end, locale))


def progress_line(project: Project, campaign: Campaign, locale: str, _: Translate) -> str:
    """Return the residents' dated line, or ''.

    «Từ 1/1/2021, đã có thêm 3.201 người ở … tham gia (đến 3/6/2021)»: the reports count
    new participants since the campaign began, so the line says so, and cannot be read as
    the count of all participants a campaign figure gives.
    """
    progress = project.progress.get(campaign.id)
    if progress is None:
        return ""
    return _("Since {start}, {count} more people in {place} have joined (as of {date}).").format(
        start=format_day(campaign.period.start, locale),
        count=format_number(total_enrolled(progress), locale),
        place=campaign.locality or campaign.province,
        date=format_day(latest_day(progress), locale),
    )


def render_progress_pages(
    project: Project, locale: str, _: Translate, render: Callable[..., str]
) -> dict[str, str]:
    """Return the staff progress pages of one locale, keyed by their path in the docs folder.

    ``render(template, **context)`` renders a web template with the page context.
    """
    views = [
        view_progress(project.progress[c.id], c, locale, _)
        for c in project.campaigns
        if c.id in project.progress and "web" in c.outputs
    ]
    if not views:
        return {}
    pages = {f"{PROGRESS_FOLDER}/index.md": render("progress-index.md.j2", progress_views=views)}
    for view in views:
        pages[f"{PROGRESS_FOLDER}/{view.campaign.id}.md"] = render("progress.md.j2", view=view)
    return pages
