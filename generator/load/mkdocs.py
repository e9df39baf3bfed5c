"""Read the project's own ``mkdocs.yml``: the site settings every locale's site starts from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import ThemeError
from generator.i18n import _

PROJECT_MKDOCS = "mkdocs.yml"
# An Sinh sets these per locale; a value in the project's file would be overwritten.
_SET_BY_ANSINH = {"site_name", "site_url", "site_description", "docs_dir", "site_dir", "nav"}


def load_base_config(project_root: Path) -> dict[str, Any]:
    """Read the project's mkdocs.yml, the settings every locale's site starts from."""
    path = project_root / PROJECT_MKDOCS
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{PROJECT_MKDOCS}:{mark.line + 1}:{mark.column + 1}" if mark else PROJECT_MKDOCS
        raise ThemeError(
            _("{where}: YAML syntax error: {problem}").format(
                where=where, problem=getattr(error, "problem", error)
            )
        ) from None
    if not isinstance(data, dict):
        raise ThemeError(
            _("{where}: a mapping of settings is expected").format(where=f"{PROJECT_MKDOCS}:1:1")
        )
    return {key: value for key, value in data.items() if key not in _SET_BY_ANSINH}
