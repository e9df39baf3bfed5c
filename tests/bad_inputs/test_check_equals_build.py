"""``check`` and ``build`` report the same findings on every bad-input project.

Both run the one validation (``generator.validate.project.read_project``), so they
cannot disagree; this shows it on the whole corpus. What ``check`` prints for a case
is its ``expected.txt`` (``test_bad_inputs`` asserts it), so each case is read once
more, by ``build``: a case with errors must make ``build`` refuse before rendering
anything, print exactly those lines and leave no output folder; a case with warnings
only must give the same warnings from ``build``'s first step, ``load_project``.
The cases made big at run time (``hostile.py``) are left out: they stop in ``load``,
before anything ``build`` does differently, and reading them twice costs seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate.project import load_project
from tests.bad_inputs.hostile import HOSTILE
from tests.bad_inputs.test_bad_inputs import CASES, NAMES, prepare
from tests.conftest import Runner


@pytest.mark.parametrize("name", [name for name in NAMES if name not in HOSTILE])
def test_build_reports_exactly_what_check_reports(
    name: str, tmp_path: Path, ansinh: Runner
) -> None:
    project = prepare(name, tmp_path / "project")
    found = (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    if not any(": error: " in line for line in found):
        _project, warnings = load_project(project)
        assert [warning.format() for warning in warnings] == found
        return
    out_dir = tmp_path / "site"
    code, out, err = ansinh("-C", project, "build", "--out", out_dir)
    assert (code, out.splitlines()) == (1, found), err
    assert not out_dir.exists()
