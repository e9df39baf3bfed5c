"""Read the project's own ``mkdocs.yml``: the site settings every locale's site starts from.

MkDocs' settings may name Python objects (``!!python/name:pymdownx.superfences.fence_code_format``):
such a value is kept as a ``Tagged`` scalar and written back with its tag, never run here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostic, ThemeError
from generator.i18n import _
from generator.load.document import Tagged, load_yaml

PROJECT_MKDOCS = "mkdocs.yml"
# An Sinh sets these per locale; a value in the project's file would be overwritten.
_SET_BY_ANSINH = {"site_name", "site_url", "site_description", "docs_dir", "site_dir", "nav"}


def _represent_tagged(dumper: yaml.SafeDumper, value: Tagged) -> yaml.ScalarNode:
    return dumper.represent_scalar(value.tag, value.value)


yaml.SafeDumper.add_representer(Tagged, _represent_tagged)


def read_base_config(project_root: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Read the project's mkdocs.yml; return its settings and every problem, located."""
    path = project_root / PROJECT_MKDOCS
    if not path.is_file():
        return {}, []
    doc, problems = load_yaml(path, PROJECT_MKDOCS, keep_tags=True)
    if doc is None or problems:
        return {}, problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, dict):
        message = _("a mapping of settings is expected")
        return {}, [doc.diagnostic((), "wrong-type", message)]
    return {key: value for key, value in doc.data.items() if key not in _SET_BY_ANSINH}, []


def load_base_config(project_root: Path) -> dict[str, Any]:
    """Read the project's mkdocs.yml, the settings every locale's site starts from."""
    config, problems = read_base_config(project_root)
    errors = [problem.format() for problem in problems if problem.severity == "error"]
    if errors:
        raise ThemeError("\n".join(errors))
    return config
