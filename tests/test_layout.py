"""The package keeps the pipeline's layering: ``make lint`` (lint-imports) enforces it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def copy_package(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "generator", tree / "generator", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copyfile(REPO / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_package_keeps_its_layers() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        ("render/web/pages.py", "import generator.load.document", "never files or raw YAML"),
        ("render/social/render.py", "import generator.validate.checks", "never files or raw YAML"),
        ("model/content.py", "import generator.render.views", "imports only the layers below"),
        ("load/theme.py", "import generator.commands.check", "imports only the layers below"),
    ],
)
def test_an_import_against_the_layers_fails_lint(
    tmp_path: Path, module: str, added: str, broken: str
) -> None:
    tree = copy_package(tmp_path)
    target = tree / "generator" / module
    target.write_text(target.read_text("utf-8") + f"\n{added}  # noqa\n", "utf-8")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout
