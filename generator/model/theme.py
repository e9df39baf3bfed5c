"""A theme: its folders (templates, styles, fonts) and the design data it declares, validated.

A theme may extend another (``extends:`` in its ``theme.yml``); ``folders`` lists the
chain most specific first, and a file of a more specific theme wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.model.cards import CardLayout, SocialStyle
from generator.model.loudspeaker import Formulas, Settings
from generator.model.printing import PrintLayout
from generator.model.region import Region


@dataclass(frozen=True, eq=False)
class ThemeFiles:
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


@dataclass(frozen=True)
class FontFace:
    """The font file of a face (``family-weight``) and its fallbacks per script (e.g. khmer)."""

    main: Path
    scripts: dict[str, Path]


@dataclass(frozen=True)
class SocialDesign:
    """``social/style.yml`` and every ``social/layouts/NAME.yml``, checked against each other."""

    style: SocialStyle
    layouts: dict[str, CardLayout]
    faces: dict[str, FontFace]


@dataclass(frozen=True)
class LoudspeakerDesign:
    """``loudspeaker/defaults.yml``, ``loudspeaker/regions.yml`` and the speech abbreviations.

    ``abbreviations`` is None when the theme keeps An Sinh's own table.
    """

    settings: Settings
    formulas: dict[Region, Formulas]
    abbreviations: dict[str, str] | None


class PrintFace(NamedTuple):
    """A font file of a print family, in CSS terms: family name, weight (400, 700), file."""

    family: str
    weight: int
    path: Path


@dataclass(frozen=True)
class PrintDesign:
    """``print/layout.yml`` with its font files found along the theme chain."""

    layout: PrintLayout
    faces: tuple[PrintFace, ...]


@dataclass(frozen=True, eq=False)
class Theme(ThemeFiles):
    """A theme whose data files were all read and validated when it was loaded."""

    social: SocialDesign
    loudspeaker: LoudspeakerDesign
    print: PrintDesign
