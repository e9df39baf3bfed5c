"""Read a project folder's files: YAML documents with positions, and hand-written pages.

Nothing here decides what the data means; ``generator.validate`` does. Problems
that are about the files themselves (a missing file, a name that cannot be an
id, text that is not UTF-8) are reported here, located.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, load_yaml, plain_text, read_text
from generator.load.progress import ProgressTable, load_progress

CAMPAIGNS_FILE = "campaigns.yml"
POLICY_FILE = "content/policy.yml"
CONTACTS_FILE = "content/contacts.yml"
MEDIA_DIR = "content/media"
TESTIMONIALS_DIR = "content/testimonials"
VERSES_DIR = "content/verses"
PAGES_DIR = "content/pages"
GROUPS_DIR = "content/groups"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PageFile:
    """A hand-written Markdown page: ``content/pages/NAME.md`` or ``NAME.LOCALE.md``."""

    path: str
    name: str
    locale: str | None
    text: str


@dataclass
class ProjectFiles:
    """Every file of a project as read, with the problems found while reading."""

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    pages: list[PageFile] = field(default_factory=list)
    progress: list[ProgressTable] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def named(self, folder: str) -> dict[str, Document]:
        """Return the documents of ``folder``, by file stem (the id)."""
        prefix = folder + "/"
        return {
            path[len(prefix) : -len(".yml")]: doc
            for path, doc in self.documents.items()
            if path.startswith(prefix)
        }


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


def missing_file(relative: str, message: str) -> Diagnostic:
    """Report a file the project needs and does not have."""
    return Diagnostic(relative, 1, 1, "error", "missing-file", message)


def load_files(root: Path) -> ProjectFiles:
    """Read every project file under ``root``; never raises for a problem in the files."""
    files = ProjectFiles(root=root)
    if (root / CAMPAIGNS_FILE).is_file():
        _read(files, CAMPAIGNS_FILE)
    else:
        files.diagnostics.append(
            missing_file(
                CAMPAIGNS_FILE,
                _(
                    "campaigns.yml not found: run An Sinh in a project folder, or create one with "
                    "«ansinh new campaign NAME»"
                ),
            )
        )
    for folder in (TESTIMONIALS_DIR, VERSES_DIR, GROUPS_DIR):
        for file in sorted((root / folder).glob("*.yml")):
            relative = f"{folder}/{file.name}"
            if not _inside(root, file):
                files.diagnostics.append(_outside(relative))
            elif _SLUG.match(file.stem):
                _read(files, relative)
            else:
                files.diagnostics.append(bad_file_name(relative, file.name))
    if (root / POLICY_FILE).is_file():
        _read(files, POLICY_FILE)
    else:
        files.diagnostics.append(
            missing_file(
                POLICY_FILE,
                _("content/policy.yml not found: the policy figures are needed for every campaign"),
            )
        )
    if (root / CONTACTS_FILE).is_file():
        _read(files, CONTACTS_FILE)
    _read_pages(files)
    files.progress, problems = load_progress(root)
    files.diagnostics.extend(problems)
    return files


def _inside(root: Path, file: Path) -> bool:
    """Say whether ``file``, links followed, stays inside the project."""
    try:
        return file.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _outside(relative: str) -> Diagnostic:
    return Diagnostic(
        relative,
        1,
        1,
        "error",
        "path-outside",
        _("this file is a link to a place outside the project; put the file itself here"),
    )


def _read(files: ProjectFiles, relative: str) -> None:
    if not _inside(files.root, files.root / relative):
        files.diagnostics.append(_outside(relative))
        return
    doc, problems = load_yaml(files.root / relative, relative)
    files.diagnostics.extend(problems)
    if doc is not None:
        files.documents[relative] = doc


def _read_pages(files: ProjectFiles) -> None:
    for file in sorted((files.root / PAGES_DIR).glob("*.md")):
        relative = f"{PAGES_DIR}/{file.name}"
        name, _dot, locale = file.stem.partition(".")
        if not _inside(files.root, file):
            files.diagnostics.append(_outside(relative))
            continue
        if not _SLUG.match(name) or (locale and not re.match(r"^[a-z]{2,3}$", locale)):
            files.diagnostics.append(bad_file_name(relative, file.name))
            continue
        text, problems = read_text(file, relative)
        files.diagnostics.extend(problems)
        if text is not None:
            files.pages.append(PageFile(relative, name, locale or None, plain_text(text)))
