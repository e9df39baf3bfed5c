"""Load a project folder: read every file, validate it, resolve cross-references."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.errors import ContentError, Diagnostic
from generator.i18n import _
from generator.model import (
    Campaign,
    CampaignsFile,
    Page,
    Policy,
    Project,
    Testimonial,
    Verse,
)
from generator.validate.document import validate_document
from generator.load.document import Document, Loc, load_yaml

CAMPAIGNS_FILE = "campaigns.yml"
POLICY_FILE = "content/policy.yml"
MEDIA_DIR = "content/media"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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


def _read(loaded: Loaded, relative: str) -> Document | None:
    doc, problems = load_yaml(loaded.root / relative, relative)
    loaded.diagnostics.extend(problems)
    if doc is not None:
        loaded.documents[relative] = doc
    return doc


def bad_file_name(relative: str, name: str) -> Diagnostic:
    """Report a content file whose name cannot be an id."""
    return Diagnostic(
        relative,
        1,
        1,
        "error",
        "invalid-file-name",
        _(
            "the file name «{name}» must use lowercase letters without accents, "
            "digits and hyphens, e.g. le-thi-nhu-truc.yml"
        ).format(name=name),
    )


def _load_named(
    loaded: Loaded, folder: str, model: type[Testimonial] | type[Verse]
) -> dict[str, Any]:
    """Load every ``folder/*.yml`` into ``model``, the file name giving the id."""
    found: dict[str, Any] = {}
    for file in sorted((loaded.root / folder).glob("*.yml")):
        relative = f"{folder}/{file.name}"
        if not _SLUG.match(file.stem):
            loaded.diagnostics.append(bad_file_name(relative, file.name))
            continue
        doc = _read(loaded, relative)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            loaded.diagnostics.append(
                doc.diagnostic(
                    (), "wrong-type", _("the file must be a mapping of 'key: value' lines")
                )
            )
            continue
        if "id" in doc.data:
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("id",),
                    "unknown-key",
                    _("remove «id»: the file name «{name}» is the id").format(name=file.stem),
                    key=True,
                )
            )
            continue
        item, problems = validate_document(doc, model, {"id": file.stem, **doc.data})
        loaded.diagnostics.extend(problems)
        if item is not None:
            found[file.stem] = item
    return found


def _load_pages(loaded: Loaded) -> None:
    for file in sorted((loaded.root / "content/pages").glob("*.md")):
        relative = f"content/pages/{file.name}"
        name, _dot, locale = file.stem.partition(".")
        if not _SLUG.match(name) or (locale and not re.match(r"^[a-z]{2,3}$", locale)):
            loaded.diagnostics.append(bad_file_name(relative, file.name))
            continue
        text = file.read_text(encoding="utf-8")
        heading = next(
            (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None
        )
        if heading is None:
            loaded.diagnostics.append(
                Diagnostic(
                    relative,
                    1,
                    1,
                    "error",
                    "missing-title",
                    _("the page needs a title: start it with a line '# Title'"),
                )
            )
            continue
        loaded.pages.append(Page(id=name, locale=locale or None, title=heading, markdown=text))


def read_project(root: Path) -> Loaded:
    """Read and validate every file of the project at ``root``, collecting all problems."""
    loaded = Loaded(root=root)
    doc = _read(loaded, CAMPAIGNS_FILE) if (root / CAMPAIGNS_FILE).is_file() else None
    if doc is None and not (root / CAMPAIGNS_FILE).is_file():
        loaded.diagnostics.append(
            Diagnostic(
                CAMPAIGNS_FILE,
                1,
                1,
                "error",
                "missing-file",
                _(
                    "campaigns.yml not found: run An Sinh in a project folder, or create one with "
                    "«ansinh new campaign NAME»"
                ),
            )
        )
    if doc is not None:
        loaded.campaigns_file, problems = validate_document(doc, CampaignsFile, doc.data)
        loaded.diagnostics.extend(problems)
    loaded.testimonials = _load_named(loaded, "content/testimonials", Testimonial)
    loaded.verses = _load_named(loaded, "content/verses", Verse)
    if (root / POLICY_FILE).is_file():
        policy_doc = _read(loaded, POLICY_FILE)
        if policy_doc is not None:
            loaded.policy, problems = validate_document(policy_doc, Policy, policy_doc.data)
            loaded.diagnostics.extend(problems)
    else:
        loaded.diagnostics.append(
            Diagnostic(
                POLICY_FILE,
                1,
                1,
                "error",
                "missing-file",
                _("content/policy.yml not found: the policy figures are needed for every campaign"),
            )
        )
    _load_pages(loaded)
    from generator.validate.checks import check_project

    check_project(loaded)
    return loaded


def load_project(root: Path) -> tuple[Project, list[Diagnostic]]:
    """Return the validated project and its warnings, or raise ContentError with every problem."""
    loaded = read_project(root)
    if loaded.errors or loaded.campaigns_file is None or loaded.policy is None:
        raise ContentError(sort_diagnostics(loaded.diagnostics))
    project = Project(
        site=loaded.campaigns_file.site,
        campaigns=loaded.campaigns_file.campaigns,
        testimonials=loaded.testimonials,
        verses=loaded.verses,
        policy=loaded.policy,
        pages=loaded.pages,
    )
    return project, sort_diagnostics(loaded.diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order diagnostics by file and place, dropping exact repeats."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def suggest(name: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """Return ' (did you mean «x»?)' for the closest choice, or an empty string."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return _("; did you mean «{suggestion}»?").format(suggestion=close[0]) if close else ""


def campaign_loc(index: int, *rest: str | int) -> Loc:
    return ("campaigns", index, *rest)


def percent(value: int, total: int) -> Decimal:
    """Return value/total as a percentage rounded to two decimals."""
    return (Decimal(value) * 100 / Decimal(total)).quantize(Decimal("0.01"))


__all__ = ["Campaign", "Loaded", "load_project", "percent", "read_project", "suggest"]
