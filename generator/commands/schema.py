"""``ansinh schema [--file KIND] [--write]``: the JSON Schemas of the YAML files, for editors."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generator.i18n import _
from generator.model.schema import SCHEMA_FILES, project_schema


def run(args: argparse.Namespace) -> int:
    """Print one schema, or write every schema into ``schema/``."""
    if args.write:
        for path in write_schemas(args.project):
            print(_("Wrote {path}").format(path=path))
        return 0
    print(json.dumps(project_schema(args.file), ensure_ascii=False, indent=2))
    return 0


def write_schemas(root: Path) -> list[Path]:
    """Write every schema into ``root/schema/`` for editors; return the files written."""
    folder = root / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_FILES:
        target = folder / f"{name}.json"
        target.write_text(
            json.dumps(project_schema(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(target)
    return written
