"""Validate outreach groups: ``content/groups/<campaign-id>.yml``, one file per campaign.

Each group ("nhóm nhỏ" of 3–4 people) lists its outings: day, time, meeting point and
how many households it plans to visit, a count only. Checked across files: the file
names a campaign, outings fall within its period, and a group's name matches a unit
of the campaign's progress file when there is one.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document
from generator.model import Period
from generator.model.progress import GroupsFile, OutreachGroup, Progress
from generator.text.fold import slugify
from generator.validate.document import validate_document
from generator.validate.loaded import suggest


def validate_groups(
    docs: Mapping[str, Document],
    periods: Mapping[str, Period | None],
    progress: Mapping[str, Progress],
) -> tuple[dict[str, list[OutreachGroup]], list[Diagnostic]]:
    """Validate every groups file (keyed by campaign id); return the groups and problems."""
    found: dict[str, list[OutreachGroup]] = {}
    problems: list[Diagnostic] = []
    for campaign, doc in docs.items():
        if campaign not in periods:
            message = _(
                "no campaign has the id «{id}»: a groups file is named after its campaign's "
                "id{suggestion}"
            ).format(id=campaign, suggestion=suggest(campaign, periods))
            problems.append(doc.diagnostic((), "groups-unknown-campaign", message))
            continue
        groups_file, document_problems = validate_document(doc, GroupsFile, doc.data)
        problems += document_problems
        if groups_file is None:
            continue
        found_problems = _check(doc, groups_file, periods[campaign], progress.get(campaign))
        problems += found_problems
        if not any(p.severity == "error" for p in found_problems):
            found[campaign] = groups_file.groups
    return found, problems


def _check(
    doc: Document, groups_file: GroupsFile, period: Period | None, progress: Progress | None
) -> list[Diagnostic]:
    problems = []
    units = sorted({r.unit for r in progress.reports}) if progress else []
    names: dict[str, int] = {}
    for index, group in enumerate(groups_file.groups):
        where = ("groups", index, "name")
        # The name also names the group's printed sheet: two names with one file name clash.
        key = slugify(group.name, "-")
        if not key:
            message = _(
                "«{name}» has no letter or digit of the Vietnamese alphabet; name the group as "
                "the progress file does, e.g. Nhóm Tân Quy Đông"
            ).format(name=group.name)
            problems.append(doc.diagnostic(where, "groups-bad-name", message))
        elif key in names:
            message = _("the group «{name}» is already listed (group {number}); keep one").format(
                name=group.name, number=names[key] + 1
            )
            problems.append(doc.diagnostic(where, "groups-duplicate", message))
        names.setdefault(key, index)
        if units and group.name not in units:
            message = _(
                "«{name}» is not a unit of the progress file; write the group's name as the "
                "progress file does{suggestion}"
            ).format(name=group.name, suggestion=suggest(group.name, units))
            problems.append(
                doc.diagnostic(where, "groups-unknown-unit", message, severity="warning")
            )
        for number, outing in enumerate(group.outings):
            if period is not None and not period.start <= outing.date <= period.end:
                message = _(
                    "the outing on {date} is outside the campaign period ({start} – {end})"
                ).format(date=outing.date, start=period.start, end=period.end)
                loc = ("groups", index, "outings", number, "date")
                problems.append(doc.diagnostic(loc, "groups-date-outside", message))
    return problems
