"""What validation builds up: the validated parts of a project and every problem found."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document
from generator.model import CampaignsFile, Page, Policy, Testimonial, Verse


@dataclass
class Loaded:
    """Everything read from a project folder, with the documents kept for locating problems."""

    root: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    campaigns_file: CampaignsFile | None = None
    testimonials: dict[str, Testimonial] = field(default_factory=dict)
    verses: dict[str, Verse] = field(default_factory=dict)
    policy: Policy | None = None
    pages: list[Page] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order diagnostics by file and place, dropping exact repeats."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def suggest(name: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """Return ' (did you mean «x»?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return _("; did you mean «{suggestion}»?").format(suggestion=close[0]) if close else ""
