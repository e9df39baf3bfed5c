"""The bad-input corpus: each case is the mini project with some files changed or broken.

A case folder holds only the files that differ from ``tests/fixtures/mini``, an optional
``delete.txt`` (files to remove) and ``expected.txt``: the exact lines ``check`` prints.
Cases named ``hostile-*`` also build big files at run time (``hostile.py``).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.bad_inputs.hostile import HOSTILE
from tests.conftest import MINI, Runner, copy_project

CASES = Path(__file__).parent / "cases"
OWN_FILES = {"expected.txt", "delete.txt"}
NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def prepare(name: str, target: Path) -> Path:
    """Copy the mini project to ``target`` and lay case ``name`` over it."""
    case = CASES / name
    project = copy_project(MINI, target)
    for file in sorted(case.rglob("*")):
        relative = file.relative_to(case)
        if file.is_file() and relative.as_posix() not in OWN_FILES:
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, project / relative)
    deleted = case / "delete.txt"
    for line in deleted.read_text(encoding="utf-8").splitlines() if deleted.is_file() else []:
        (project / line).unlink()
    if name in HOSTILE:
        HOSTILE[name](project)
    return project


def test_the_corpus_is_large_and_every_hostile_case_has_a_folder() -> None:
    assert len(NAMES) >= 60
    assert set(HOSTILE) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_check_reports_every_problem_exactly(name: str, tmp_path: Path, ansinh: Runner) -> None:
    project = prepare(name, tmp_path / "project")
    # CPU seconds of this process: the tests run two at a time, and the other one's load
    # is no part of what a check costs.
    started = time.process_time()
    code, out, err = ansinh("-C", project, "check")
    elapsed = time.process_time() - started
    expected = (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert out.splitlines() == expected
    assert "Traceback" not in out + err
    assert code == (1 if any(": error: " in line for line in expected) else 0)
    # A guard against hangs and work that grows with the square of the input (70,000
    # unknown keys would then take minutes): the largest case costs 3–4 CPU-s alone, more
    # beside another test on a slow machine. bench/hostile_check.py times them closely.
    assert elapsed < 10, f"check took {elapsed:.1f} s"
