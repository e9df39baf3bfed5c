"""What validation builds up: the validated parts of a project and every problem found."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from generator.errors import Diagnostic, Severity
from generator.i18n import _
from generator.load.document import Document
from generator.load.progress import ProgressTable
from generator.model import CampaignsFile, Page, Policy, Site, Testimonial, Verse
from generator.model.contacts import ContactPoint
from generator.model.progress import OutreachGroup, Progress
from generator.validate.campaigns import CampaignsRead
from generator.validate.document import MAX_PER_FILE


@dataclass
class Loaded:
    """Everything read from a project folder, with the documents kept for locating problems."""

    root: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    campaigns: CampaignsRead = field(default_factory=CampaignsRead)
    testimonials: dict[str, Testimonial] = field(default_factory=dict)
    verses: dict[str, Verse] = field(default_factory=dict)
    policy: Policy | None = None
    pages: list[Page] = field(default_factory=list)
    progress: dict[str, Progress] = field(default_factory=dict)
    progress_tables: list[ProgressTable] = field(default_factory=list)
    groups: dict[str, list[OutreachGroup]] = field(default_factory=dict)
    contacts: list[ContactPoint] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def site(self) -> Site | None:
        return self.campaigns.site

    @property
    def campaigns_file(self) -> CampaignsFile | None:
        return self.campaigns.file


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order diagnostics by file and place, dropping exact repeats; at most 50 per file."""
    ordered = sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    shown: list[Diagnostic] = []
    for _path, group in groupby(ordered, key=lambda d: d.path):
        found = list(group)
        shown += found[:MAX_PER_FILE]
        if len(found) > MAX_PER_FILE:
            shown.append(_more(found[MAX_PER_FILE:]))
    return shown


def _more(hidden: list[Diagnostic]) -> Diagnostic:
    """One line that stands for the problems of a file past the first ``MAX_PER_FILE``."""
    first = hidden[0]
    severity: Severity = "error" if any(d.severity == "error" for d in hidden) else "warning"
    message = _("… and {count} more problems in this file").format(count=len(hidden))
    return Diagnostic(first.path, first.line, first.column, severity, "more-problems", message)


def suggest(name: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """Return ' (did you mean «x»?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return _("; did you mean «{suggestion}»?").format(suggestion=close[0]) if close else ""
