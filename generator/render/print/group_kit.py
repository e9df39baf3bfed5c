"""The small-group kit: an A4 sheet per outreach group for the week, to print and carry.

For each group of ``content/groups/<campaign-id>.yml`` (when the campaign has ``print``
among its outputs), ``print/<campaign>/nhom/<group>.pdf``: the week of the group's
latest outing (Monday to Sunday), and for each outing of that week its day, time,
meeting point, the number of households to visit, and a tally grid of one box per
household for each outcome. The sheet never holds a resident's name, address or phone:
only counts. When the group is a unit of the campaign's progress file, the sheet also
says its enrolments this month against its monthly target. Template:
``print/group-kit.html.j2`` with ``print/group-kit.css``, in the site's default language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.i18n import N_, translator
from generator.model import Campaign, Project
from generator.model.progress import OutreachGroup, Progress
from generator.model.theme import Theme
from generator.render import Output
from generator.render.print.engine import render_pdf
from generator.render.views import LocaleText, templates
from generator.text.fold import slugify
from generator.text.format import format_day

FOLDER = "print"
OUTCOMES = (
    N_("Met"),
    N_("Advised"),
    N_("Joined voluntary social insurance"),
    N_("Joined household health insurance"),
    N_("Visit again"),
)
DAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@dataclass(frozen=True)
class KitOuting:
    """One outing as the sheet prints it; ``households`` is a count, never a list."""

    day: str
    time: str
    meeting_point: str
    households: int


@dataclass(frozen=True)
class Kit:
    """What one group's sheet shows, in the sheet's language."""

    lang: str
    campaign: str
    group: str
    leader: str
    members: int
    week: str
    outings: list[KitOuting]
    outcomes: list[str]
    month: str
    month_done: int | None
    month_as_of: str
    monthly_target: int | None
    hotline: str


def kit_path(campaign_id: str, group: OutreachGroup) -> str:
    """Return where a group's sheet is written, e.g. ``print/dong-thap/nhom/nhom-phuong-1.pdf``."""
    return f"{FOLDER}/{campaign_id}/nhom/{slugify(group.name, '-')}.pdf"


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the Monday and the Sunday of the week of ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_enrolled(
    progress: Progress | None, unit: str, before: dt.date
) -> tuple[dt.date, int] | None:
    """Return a unit's newest report day before ``before`` and its enrolments that month.

    The count runs from the first of that day's month to that day. None when the unit has
    no report before ``before``.
    """
    if progress is None:
        return None
    days = [r.day for r in progress.reports if r.unit == unit and r.day < before]
    if not days:
        return None
    last = max(days)
    first = last.replace(day=1)
    count = sum(r.enrolled for r in progress.reports if r.unit == unit and first <= r.day <= last)
    return last, count


def view_kit(project: Project, theme: Theme, campaign: Campaign, group: OutreachGroup) -> Kit:
    """Compute one group's sheet for the week of its latest outing."""
    locale = project.site.default_locale
    _ = translator(locale, theme.locale_dirs)
    text = LocaleText(locale, locale)
    monday, sunday = week_of(max(outing.date for outing in group.outings))
    week = sorted((o for o in group.outings if monday <= o.date <= sunday), key=lambda o: o.date)
    outings = [
        KitOuting(
            day=f"{_(DAY_NAMES[o.date.weekday()])} {format_day(o.date, locale)}",
            time=o.time,
            meeting_point=o.meeting_point,
            households=o.households,
        )
        for o in week
    ]
    done = month_enrolled(project.progress.get(campaign.id), group.name, monday)
    return Kit(
        lang=locale,
        campaign=text.plain(campaign.title),
        group=group.name,
        leader=group.leader or "",
        members=group.members,
        week=f"{format_day(monday, locale)} – {format_day(sunday, locale)}",
        outings=outings,
        outcomes=[_(outcome) for outcome in OUTCOMES],
        month=f"{done[0].month}/{done[0].year}" if done else "",
        month_done=done[1] if done else None,
        month_as_of=format_day(done[0], locale) if done else "",
        monthly_target=group.monthly_target,
        hotline=project.site.hotline,
    )


def render_kit_html(kit: Kit, theme: Theme) -> str:
    """Return the HTML of one group's sheet (every value escaped by the template)."""
    env = templates(theme, "print", "html")
    _ = translator(kit.lang, theme.locale_dirs)
    return env.get_template("group-kit.html.j2").render(kit=kit, _=_)


def render_group_kits(project: Project, theme: Theme, campaign: Campaign) -> list[Output]:
    """Return the sheet of every group of ``campaign``, one PDF each."""
    if "print" not in campaign.outputs:
        return []
    outputs = []
    for group in project.groups.get(campaign.id, []):
        path = kit_path(campaign.id, group)
        kit = view_kit(project, theme, campaign, group)
        pdf, _pages = render_pdf(render_kit_html(kit, theme), theme, path)
        outputs.append(Output(path, pdf, "sheet", "pdf", campaign.id, kit.lang))
    return outputs
