"""Themes: templates, assets and data files, a theme possibly extending another."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from generator.errors import ThemeError
from generator.i18n import _

INSTALLED_THEMES = Path(__file__).resolve().parents[2] / "themes"


@dataclass(frozen=True)
class Theme:
    """A theme and the themes it extends, most specific first."""

    name: str
    folders: tuple[Path, ...]

    def find(self, relative: str) -> Path | None:
        """Return the first file at ``relative`` along the theme chain."""
        for folder in self.folders:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        return None

    def files(self, relative_dir: str) -> dict[str, Path]:
        """Return every file under ``relative_dir``, a more specific theme winning."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            base = folder / relative_dir
            for file in sorted(base.rglob("*")) if base.is_dir() else []:
                if file.is_file():
                    found[file.relative_to(base).as_posix()] = file
        return dict(sorted(found.items()))

    @property
    def locale_dirs(self) -> tuple[Path, ...]:
        """The themes' own catalogs folders, the most general first."""
        return tuple(f / "locale" for f in reversed(self.folders) if (f / "locale").is_dir())

    @cache  # noqa: B019 - themes live as long as a build or a preview
    def environment(self, subdir: str, autoescape: bool = False) -> Environment:
        """Return a Jinja environment over ``subdir`` of every theme in the chain (cached)."""
        loaders = [FileSystemLoader(str(folder / subdir)) for folder in self.folders]
        env = Environment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=autoescape,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        return env


def _theme_folder(project_root: Path, name: str) -> Path:
    for base in (project_root / "themes", INSTALLED_THEMES):
        if (base / name).is_dir():
            return base / name
    raise ThemeError(_("theme «{name}» not found in themes/").format(name=name))


def load_theme(project_root: Path, name: str) -> Theme:
    """Find theme ``name`` and the chain of themes it extends."""
    folders: list[Path] = []
    current: str | None = name
    while current is not None:
        folder = _theme_folder(project_root, current)
        if folder in folders:
            raise ThemeError(_("theme «{name}» extends itself").format(name=current))
        folders.append(folder)
        settings_file = folder / "theme.yml"
        settings = (
            yaml.safe_load(settings_file.read_text("utf-8")) if settings_file.is_file() else {}
        )
        current = (settings or {}).get("extends")
    return Theme(name=name, folders=tuple(folders))
