"""Run the site engine (MkDocs with Material) on a folder of generated files, into staging."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.errors import RenderError
from generator.i18n import _
from generator.write.lifeline import child_command


def run_mkdocs(config_path: Path, epoch: int) -> None:
    """Build one mkdocs.yml strictly (a warning stops it) in a child that dies with us."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        child_command("mkdocs", "build", "--strict", "-f", str(config_path)),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        lines = (result.stderr + result.stdout).splitlines()
        problems = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
        details = "\n".join(problems or lines[-20:])
        raise RenderError(
            _("the site engine stopped on {folder}:").format(folder=config_path.parent / "docs")
            + "\n"
            + details
        )
