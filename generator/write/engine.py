"""Run the site engine (MkDocs with Material) on a folder of generated files.

The engine's output for a locale depends only on that locale's generated tree
(Markdown, media, assets, template overrides, mkdocs.yml), the installed Python
distributions (MkDocs, Material, Markdown and their plugins), An Sinh's own
code (mkdocs.yml names one of its functions) and the content's date. ``engine_key``
hashes exactly these, so a rebuild whose tree did not change reuses the stored
output instead of running the engine.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from functools import cache
from importlib import metadata
from pathlib import Path

from generator.errors import RenderError
from generator.i18n import _
from generator.write.cache import ENGINE, cache_key, code_digest
from generator.write.lifeline import child_command


@cache
def engine_versions() -> tuple[str, ...]:
    """Return ``name==version`` of every installed Python distribution, sorted, once."""
    found = {
        f"{dist.metadata['Name']}=={dist.version}".lower() for dist in metadata.distributions()
    }
    return tuple(sorted(found))


def tree_digest(files: dict[str, dict[str, bytes]]) -> str:
    """Hash a generated tree given as ``{folder: {relative path: bytes}}``, in a stable order."""
    hasher = hashlib.sha256()
    for folder in sorted(files):
        for name in sorted(files[folder]):
            hasher.update(f"{folder}/{name}".encode() + b"\0")
            hasher.update(hashlib.sha256(files[folder][name]).digest())
    return hasher.hexdigest()


def engine_key(tree: str, epoch: int) -> str:
    """Return the store key of the engine's output for a tree digest and content date."""
    return f"{ENGINE}/{cache_key('engine', code_digest(), engine_versions(), epoch, tree)}"


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
