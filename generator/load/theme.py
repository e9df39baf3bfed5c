"""Find a theme's folders: the project's own ``themes/NAME`` or an installed one, and its chain."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ThemeError
from generator.i18n import _
from generator.load.document import load_yaml
from generator.model.theme import ThemeFiles

INSTALLED_THEMES = Path(__file__).resolve().parents[2] / "themes"


def _theme_folder(project_root: Path, name: str) -> Path:
    for base in (project_root / "themes", INSTALLED_THEMES):
        if (base / name).is_dir():
            return base / name
    raise ThemeError(_("theme «{name}» not found in themes/").format(name=name))


def find_theme(project_root: Path, name: str) -> ThemeFiles:
    """Find theme ``name`` and the chain of themes it extends; raise ThemeError if broken."""
    folders: list[Path] = []
    current: str | None = name
    while current is not None:
        folder = _theme_folder(project_root, current)
        if folder in folders:
            raise ThemeError(_("theme «{name}» extends itself").format(name=current))
        folders.append(folder)
        current = _extends(folder)
    return ThemeFiles(name=name, folders=tuple(folders))


def _extends(folder: Path) -> str | None:
    settings_file = folder / "theme.yml"
    if not settings_file.is_file():
        return None
    doc, problems = load_yaml(settings_file, f"themes/{folder.name}/theme.yml")
    if problems or doc is None:
        raise ThemeError("\n".join(problem.format() for problem in problems))
    extends = doc.data.get("extends") if isinstance(doc.data, dict) else None
    return str(extends) if extends is not None else None
