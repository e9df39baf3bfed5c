"""``ansinh check [--format json]``: validate every file; one located line per problem.

The problems go to stdout, one ``path:line:column: severity: message`` line each (or a
JSON list); a summary for staff — how many errors, or that there are none and what was
checked — goes to stderr, so that stdout stays the list of problems alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.project import MEDIA_DIR
from generator.validate.cards import TITLE_FITS_FILE, TitleFits
from generator.validate.loaded import Loaded, sort_diagnostics
from generator.validate.project import read_project

PROGRESS_DIR = "content/progress"
VIETNAMESE = "vi"


def print_diagnostics(diagnostics: Sequence[Diagnostic], output_format: str = "text") -> None:
    """Print diagnostics as ``path:line:column: severity: message`` lines, or as JSON."""
    if output_format == "json":
        print(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())


def _count_files(folder: Path, suffixes: tuple[str, ...] | None = None) -> int:
    if not folder.is_dir():
        return 0
    return sum(
        1
        for path in folder.rglob("*")
        if path.is_file()
        and not path.name.startswith(".")
        and (suffixes is None or path.suffix.lower() in suffixes)
    )


def checked_summary(loaded: Loaded) -> list[str]:
    """Return the lines that say what a clean check looked at, for staff.

    Counts: campaigns, testimonials, verses, hand-written page files, files under
    ``content/media`` and progress reports (``content/progress/*.csv|xlsx``).
    """
    site = loaded.site
    lines = [
        _(
            "Checked: {campaigns} campaigns, {testimonials} testimonials, {verses} verses, "
            "{pages} pages, {media} media files, {progress} progress reports, the policy "
            "figures and the theme «{theme}»."
        ).format(
            campaigns=len(loaded.campaigns.campaigns),
            testimonials=len(loaded.testimonials),
            verses=len(loaded.verses),
            pages=len(loaded.pages),
            media=_count_files(loaded.root / MEDIA_DIR),
            progress=_count_files(loaded.root / PROGRESS_DIR, (".csv", ".xlsx")),
            theme=site.theme if site else "default",
        )
    ]
    speaking = [c for c in loaded.campaigns.campaigns.values() if "loudspeaker" in c.outputs]
    others = [code for code in (site.locales if site else []) if code != VIETNAMESE]
    if speaking and others:
        lines.append(
            _(
                "Loudspeaker scripts ({count} campaigns) are made in Vietnamese only, "
                "not in: {locales}."
            ).format(count=len(speaking), locales=", ".join(others))
        )
    return lines


def summary(loaded: Loaded) -> list[str]:
    """Return the summary lines: the count of problems, or «no errors» and what was checked."""
    errors = len(loaded.errors)
    warnings = len(loaded.diagnostics) - errors
    if errors:
        return [
            _(
                "{errors} errors, {warnings} warnings: fix them, then run «ansinh check» again."
            ).format(errors=errors, warnings=warnings)
        ]
    first = (
        _("No errors.")
        if not warnings
        else _("No errors; {warnings} warnings.").format(warnings=warnings)
    )
    return [first, *checked_summary(loaded)]


def run(args: argparse.Namespace) -> int:
    """Check the project; exit 1 when any problem is an error."""
    # The fits the last build worked out; a check only reads them.
    loaded = read_project(args.project, TitleFits.read(args.project / TITLE_FITS_FILE))
    print_diagnostics(sort_diagnostics(loaded.diagnostics), args.format)
    if args.format == "text":
        for line in summary(loaded):
            print(line, file=sys.stderr)
    return 1 if loaded.errors else 0
