"""Find a theme's folders: the project's own ``themes/NAME`` or an installed one, and its chain."""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Diagnostic, ThemeError
from generator.i18n import _
from generator.load.document import load_yaml
from generator.model.theme import ThemeFiles

_THEME_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INSTALLED_THEMES = Path(__file__).resolve().parents[2] / "themes"


def _theme_folder(project_root: Path, name: str) -> Path | None:
    # A theme is named, never a path: «../../x» would read templates from anywhere.
    if not _THEME_NAME.match(name):
        return None
    for base in (project_root / "themes", INSTALLED_THEMES):
        if (base / name).is_dir():
            return base / name
    return None


def locate_theme(
    project_root: Path, name: str
) -> tuple[ThemeFiles | None, str | None, list[Diagnostic]]:
    """Find theme ``name`` and its chain, or say why not: a message, or its files' problems."""
    folders: list[Path] = []
    current: str | None = name
    while current is not None:
        folder = _theme_folder(project_root, current)
        if folder is None:
            return None, _("theme «{name}» not found in themes/").format(name=current), []
        if folder in folders:
            return None, _("theme «{name}» extends itself").format(name=current), []
        folders.append(folder)
        current, problems = _extends(folder)
        if problems:
            return None, None, problems
    return ThemeFiles(name=name, folders=tuple(folders)), None, []


def find_theme(project_root: Path, name: str) -> ThemeFiles:
    """Find theme ``name`` and the chain of themes it extends; raise ThemeError if broken."""
    files, message, problems = locate_theme(project_root, name)
    if files is None:
        raise ThemeError(message or "\n".join(problem.format() for problem in problems))
    return files


def _extends(folder: Path) -> tuple[str | None, list[Diagnostic]]:
    settings_file = folder / "theme.yml"
    if not settings_file.is_file():
        return None, []
    doc, problems = load_yaml(settings_file, f"themes/{folder.name}/theme.yml")
    if problems or doc is None:
        return None, problems
    extends = doc.data.get("extends") if isinstance(doc.data, dict) else None
    return (str(extends) if extends is not None else None), []
