"""Refresh the message catalogs: extract every message id, merge it into each language's .po.

Usage: python scripts/catalog.py  (run from the repository; also `make i18n`)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
LOCALE_DIR = REPO / "generator" / "locale"
TEMPLATE = LOCALE_DIR / "messages.pot"


def extract(template: Path = TEMPLATE) -> Catalog:
    """Extract message ids from the package and the themes' templates into a .pot file."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(REPO / "babel.cfg"),
            "-k",
            "N_",
            "-k",
            "translate",
            "-k",
            "t",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(template),
            "generator",
            "themes",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with template.open("rb") as handle:
        return read_po(handle)


def update(template: Catalog) -> None:
    """Merge the template into messages.po of every language, keeping translations."""
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, width=100, ignore_obsolete=True)
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{po_path.relative_to(REPO)}: {len(missing)} untranslated")


if __name__ == "__main__":
    update(extract())
