"""Validate a project's files into the model, resolve cross-references, collect every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import ContentError, Diagnostic
from generator.i18n import _
from generator.load.document import Document
from generator.load.project import (
    CAMPAIGNS_FILE,
    POLICY_FILE,
    TESTIMONIALS_DIR,
    VERSES_DIR,
    ProjectFiles,
    load_files,
)
from generator.model import CampaignsFile, Page, Policy, Project, Testimonial, Verse
from generator.validate.checks import check_project
from generator.validate.document import validate_document
from generator.validate.loaded import Loaded, sort_diagnostics


def _validate_named(
    loaded: Loaded, files: ProjectFiles, folder: str, model: type[Testimonial] | type[Verse]
) -> dict[str, Any]:
    """Validate every ``folder/*.yml`` into ``model``, the file name giving the id."""
    found: dict[str, Any] = {}
    for name, doc in files.named(folder).items():
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
                    _("remove «id»: the file name «{name}» is the id").format(name=name),
                    key=True,
                )
            )
            continue
        item, problems = validate_document(doc, model, {"id": name, **doc.data})
        loaded.diagnostics.extend(problems)
        if item is not None:
            found[name] = item
    return found


def _validate_pages(loaded: Loaded, files: ProjectFiles) -> None:
    for page in files.pages:
        heading = next(
            (line[2:].strip() for line in page.text.splitlines() if line.startswith("# ")), None
        )
        if heading is None:
            loaded.diagnostics.append(
                Diagnostic(
                    page.path,
                    1,
                    1,
                    "error",
                    "missing-title",
                    _("the page needs a title: start it with a line '# Title'"),
                )
            )
            continue
        loaded.pages.append(
            Page(id=page.name, locale=page.locale, title=heading, markdown=page.text)
        )


def validate_files(files: ProjectFiles) -> Loaded:
    """Validate every file read into the model, then run the checks across files."""
    loaded = Loaded(root=files.root, documents=files.documents)
    loaded.diagnostics.extend(files.diagnostics)
    doc: Document | None = files.documents.get(CAMPAIGNS_FILE)
    if doc is not None:
        loaded.campaigns_file, problems = validate_document(doc, CampaignsFile, doc.data)
        loaded.diagnostics.extend(problems)
    loaded.testimonials = _validate_named(loaded, files, TESTIMONIALS_DIR, Testimonial)
    loaded.verses = _validate_named(loaded, files, VERSES_DIR, Verse)
    policy_doc = files.documents.get(POLICY_FILE)
    if policy_doc is not None:
        loaded.policy, problems = validate_document(policy_doc, Policy, policy_doc.data)
        loaded.diagnostics.extend(problems)
    _validate_pages(loaded, files)
    check_project(loaded)
    return loaded


def read_project(root: Path) -> Loaded:
    """Read and validate every file of the project at ``root``, collecting all problems."""
    return validate_files(load_files(root))


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
