from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PARTS = ("campaigns.yml", "mkdocs.yml", "content", "themes")
MINI = REPO / "tests" / "fixtures" / "mini"


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project's own files (not its outputs) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_PARTS:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.is_file():
            shutil.copyfile(path, target / name)
    if not (target / "themes").exists():
        shutil.copytree(REPO / "themes", target / "themes")
    return target


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A fresh copy of the example project."""
    return copy_project(REPO, tmp_path / "example")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the smallest complete project."""
    return copy_project(MINI, tmp_path / "mini")


@pytest.fixture(autouse=True)
def _vietnamese_messages() -> None:
    set_language("vi")


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def ansinh(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run the command line in this process; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
