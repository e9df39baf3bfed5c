"""The staff guide quotes ``ansinh check`` exactly: its five mistakes, made in a new project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import REPO

GUIDE = REPO / "docs" / "huong-dan.md"
FIGURE = """    figures:
      - id: nguoi-tham-gia
        label: Người tham gia mới
        value: 1.740
        as_of: 2026-05-31
        source: {title: Báo cáo tháng 5 của BHXH huyện}
"""
# The guide's five mistakes: (what the new campaign says, what a person typed instead).
MISTAKES = {
    "indentation": ("    province: Đồng Tháp", "     province: Đồng Tháp"),
    "colon": (
        '      - vi: "«Điền: một thông điệp, ví dụ Đóng 6 tháng hoặc 12 tháng một lần, sau mùa lúa»"',
        "      - vi: Lưu ý: đóng 6 tháng hoặc 12 tháng một lần, sau mùa lúa.",
    ),
    "key": ("    locality: huyện Cao Lãnh", "    locaity: huyện Cao Lãnh"),
    "number": ("    figures: []", FIGURE.rstrip("\n")),
    "date": ("end: 2026-05-31}", "end: 31/05/2026}"),
}


@pytest.fixture(scope="module")
def new_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by «ansinh new campaign» in an empty folder, as the guide starts."""
    project = tmp_path_factory.mktemp("guide") / "du-an"
    assert main(["-C", str(project), "new", "campaign", "Tháng vận động 2026"]) == 0
    return project


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_guide_quotes_each_error_as_check_prints_it(
    new_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], mistake: str
) -> None:
    project = Path(shutil.copytree(new_project, tmp_path / "du-an"))
    campaigns = project / "campaigns.yml"
    old, new = MISTAKES[mistake]
    text = campaigns.read_text("utf-8")
    assert text.count(old) == 1
    campaigns.write_text(text.replace(old, new), "utf-8")
    capsys.readouterr()
    assert main(["-C", str(project), "check"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]
    assert errors
    guide = GUIDE.read_text("utf-8")
    assert [line for line in errors if line not in guide] == []
