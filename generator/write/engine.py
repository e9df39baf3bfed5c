"""Run the site engine (MkDocs with Material) on a folder of generated files, into staging."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.errors import RenderError
from generator.i18n import _


def run_mkdocs(config_path: Path, epoch: int) -> None:
    """Build the site of one mkdocs.yml strictly; raise on any warning."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path)],
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
