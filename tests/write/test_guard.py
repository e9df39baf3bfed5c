"""A build never publishes over the project's own files or over a folder it did not make."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner


@pytest.mark.parametrize("out", [".", "content", "content/pages", "..", "themes", ".ansinh/x"])
def test_a_build_refuses_to_replace_the_projects_own_files(
    mini: Path, ansinh: Runner, out: str
) -> None:
    before = sorted(p.relative_to(mini.parent).as_posix() for p in mini.parent.rglob("*"))
    code, _out, err = ansinh("-C", mini, "build", "--out", mini / out)
    assert code == 1
    assert err.startswith("lỗi: «") and "site/" in err
    after = sorted(p.relative_to(mini.parent).as_posix() for p in mini.parent.rglob("*"))
    assert after == before


def test_a_folder_that_is_not_a_site_is_not_replaced(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    other = tmp_path / "documents"
    other.mkdir()
    (other / "report.docx").write_bytes(b"x")
    code, _out, err = ansinh("-C", mini, "build", "--out", other)
    assert code == 1 and "An Sinh" in err
    assert (other / "report.docx").read_bytes() == b"x"


def test_an_earlier_site_is_replaced(mini: Path, ansinh: Runner, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert ansinh("-C", mini, "build", "--out", out)[0] == 0
    assert ansinh("-C", mini, "build", "--out", out)[0] == 0
    assert (out / "manifest.json").is_file()
