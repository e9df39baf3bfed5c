"""The small-group sheet (A4, counts only), its groups file, and the leading-groups card."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from generator.i18n import set_language
from generator.model import Project
from generator.model.theme import Theme
from generator.render.print.group_kit import render_group_kits, week_of
from generator.render.social.leaders import render_leaders_cards
from generator.validate.loaded import sort_diagnostics
from generator.validate.project import load_project, read_project
from generator.validate.theme import load_theme
from tests.conftest import MINI, REPO, copy_project

GROUPS = """\
groups:
  - name: Nhóm Phường 1
    leader: Nhân viên Bưu điện
    members: 3
    monthly_target: 10
    outings:
      - {date: 2021-06-05, time: "7:30", meeting_point: "Trụ sở UBND Phường 1", households: 16}
      - {date: 2021-06-06, time: "14:00", meeting_point: "Bưu điện TP. Sa Đéc", households: 9}
      - {date: 2021-05-29, time: "07:30", meeting_point: "Chợ Sa Đéc", households: 30}
"""


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def with_groups(root: Path, groups: str) -> Path:
    (root / "content" / "progress").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        REPO / "content" / "progress" / "dong-thap.csv",
        root / "content" / "progress" / "thu-nghiem.csv",
    )
    (root / "content" / "groups").mkdir(exist_ok=True)
    (root / "content" / "groups" / "thu-nghiem.yml").write_text(groups, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Theme]:
    set_language("en")
    root = with_groups(copy_project(MINI, tmp_path_factory.mktemp("kit") / "mini"), GROUPS)
    loaded, _warnings = load_project(root)
    return loaded, load_theme(root, loaded.site.theme)


def poppler(tool: str, pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    args = [tool, "-layout", str(source), "-"] if tool == "pdftotext" else [tool, str(source)]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_one_a4_page_per_group_with_the_week_and_counts_only(
    project: tuple[Project, Theme], tmp_path: Path
) -> None:
    loaded, theme = project
    [sheet] = render_group_kits(loaded, theme, loaded.campaigns[0])
    assert (sheet.path, sheet.kind, sheet.format) == (
        "print/thu-nghiem/nhom/nhom-phuong-1.pdf",
        "sheet",
        "pdf",
    )
    info = poppler("pdfinfo", sheet.data, tmp_path)
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    assert "x 841.89 pts (A4)" in info
    text = " ".join(poppler("pdftotext", sheet.data, tmp_path).split())
    assert "Tuần 31/5/2021 – 6/6/2021" in text
    assert "Trụ sở UBND Phường 1" in text and "07:30" in text and "14:00" in text
    assert "Chợ Sa Đéc" not in text  # an outing of the week before
    assert "Đã vận động tháng 5/2021: 18 / 10 (báo cáo đến ngày 30/5/2021)" in text


def test_week_runs_monday_to_sunday() -> None:
    import datetime as dt

    assert week_of(dt.date(2021, 6, 6)) == (dt.date(2021, 5, 31), dt.date(2021, 6, 6))


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (
            GROUPS.replace("households: 9}", "households: 9, residents: [Bà Tư]}"),
            "content/groups/thu-nghiem.yml:8:96: error: unknown key «residents»; allowed here: "
            "date, households, meeting_point, time",
        ),
        (
            GROUPS.replace("2021-06-06", "2022-06-06"),
            "content/groups/thu-nghiem.yml:8:16: error: the outing on 2022-06-06 is outside the "
            "campaign period (2021-01-01 – 2021-12-31)",
        ),
        (
            GROUPS.replace("name: Nhóm Phường 1", "name: Nhóm Phuong 1"),
            "content/groups/thu-nghiem.yml:2:11: warning: «Nhóm Phuong 1» is not a unit of the "
            "progress file; write the group's name as the progress file does; did you mean "
            "«Nhóm Phường 1»?",
        ),
    ],
)
def test_groups_file_problems(tmp_path: Path, groups: str, expected: str) -> None:
    root = with_groups(copy_project(MINI, tmp_path / "mini"), groups)
    found = [
        d.format() for d in sort_diagnostics(read_project(root).diagnostics) if "groups" in d.path
    ]
    assert found == [expected]


def test_leading_groups_card_names_units_only(project: tuple[Project, Theme]) -> None:
    loaded, theme = project
    cards = render_leaders_cards(loaded, theme, loaded.campaigns[0])
    assert [c.path.split(".")[0] for c in cards] == [
        "social/vi/thu-nghiem/leading-groups",
        "social/en/thu-nghiem/leading-groups",
    ]
    assert Image.open(io.BytesIO(cards[0].data)).size == (1080, 1080)
