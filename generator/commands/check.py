"""``ansinh check [--format json]``: validate every file; one located line per problem."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from generator.errors import Diagnostic
from generator.validate.loaded import sort_diagnostics
from generator.validate.project import read_project


def print_diagnostics(diagnostics: Sequence[Diagnostic], output_format: str = "text") -> None:
    """Print diagnostics as ``path:line:column: severity: message`` lines, or as JSON."""
    if output_format == "json":
        print(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())


def run(args: argparse.Namespace) -> int:
    """Check the project; exit 1 when any problem is an error."""
    loaded = read_project(args.project)
    print_diagnostics(sort_diagnostics(loaded.diagnostics), args.format)
    return 1 if loaded.errors else 0
