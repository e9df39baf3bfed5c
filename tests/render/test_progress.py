"""Progress outputs: the staff page, the residents' line, the projection, CSV = workbook."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.model import Project
from generator.model.progress import Progress, ProgressReport, project_target
from generator.model.theme import Theme
from generator.render.web.pages import render_web
from generator.render.web.progress import progress_line, render_progress_pages
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI, REPO, copy_project

EXAMPLE_CSV = REPO / "content" / "progress" / "dong-thap.csv"
FIXTURE_XLSX = REPO / "tests" / "fixtures" / "progress" / "dong-thap.xlsx"
START, END = dt.date(2021, 1, 1), dt.date(2021, 12, 31)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def built(root: Path, source: Path) -> tuple[Project, Theme, dict[str, str]]:
    folder = root / "content" / "progress"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copyfile(source, folder / f"thu-nghiem{source.suffix}")
    project, _warnings = load_project(root)
    theme = load_theme(root, project.site.theme)
    return project, theme, render_web(project, theme, "vi")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Project, dict[str, str]]]:
    """The mini project built with the example's CSV, then with the same data as a workbook."""
    set_language("en")
    root = copy_project(MINI, tmp_path_factory.mktemp("progress") / "mini")
    found = {}
    for source in (EXAMPLE_CSV, FIXTURE_XLSX):
        project, _theme, pages = built(root, source)
        found[source.suffix] = (project, pages)
    return found


def report(day: str, enrolled: int, target: int | None = 100, unit: str = "Xã A") -> ProgressReport:
    return ProgressReport(
        day=dt.date.fromisoformat(day), unit=unit, enrolled=enrolled, target=target
    )


def progress_of(*reports: ProgressReport) -> Progress:
    return Progress(
        campaign="thu-nghiem", path="content/progress/thu-nghiem.csv", reports=list(reports)
    )


def test_projection_on_a_hand_computed_case() -> None:
    # 30 enrolled in the 30 days 1/3–30/3 (both included): 1 a day; 70 to go → 30/3 + 70 days.
    progress = progress_of(
        report("2021-03-01", 10), report("2021-03-16", 15), report("2021-03-30", 5)
    )
    found = project_target(progress, START, END)
    assert found is not None
    assert (found.pace, found.day, found.within_period, found.reached) == (
        1,
        dt.date(2021, 6, 8),
        True,
        False,
    )
    late = project_target(progress, START, dt.date(2021, 5, 31))
    assert late is not None and late.day == dt.date(2021, 6, 8) and not late.within_period


def test_projection_of_a_young_campaign_counts_only_its_days() -> None:
    # Started 10/3: the 20 enrolled by 19/3 are over 10 days, 2 a day; 80 to go → 40 days.
    progress = progress_of(report("2021-03-15", 10), report("2021-03-19", 10))
    found = project_target(progress, dt.date(2021, 3, 10), END)
    assert found is not None
    assert (found.pace, found.day) == (2, dt.date(2021, 4, 28))


def test_projection_of_a_reached_target_and_of_no_pace() -> None:
    reached = project_target(
        progress_of(report("2021-03-01", 60), report("2021-03-16", 45)), START, END
    )
    assert reached is not None and reached.reached and reached.day == dt.date(2021, 3, 16)
    stalled = progress_of(report("2021-01-05", 10), report("2021-03-30", 0))
    idle = project_target(stalled, START, END)
    assert idle is not None and idle.day is None and not idle.within_period


def test_csv_and_workbook_build_the_same_pages(
    both: dict[str, tuple[Project, dict[str, str]]],
) -> None:
    csv_project, csv_pages = both[".csv"]
    xlsx_project, xlsx_pages = both[".xlsx"]
    csv_reports = csv_project.progress["thu-nghiem"].reports
    assert csv_reports == xlsx_project.progress["thu-nghiem"].reports
    assert len(csv_reports) == 170
    assert csv_project.campaigns == xlsx_project.campaigns
    for page in ("progress/thu-nghiem.md", "progress/index.md", "campaigns/thu-nghiem.md"):
        # The staff page names its source file; everything else is the same.
        assert xlsx_pages[page].replace("thu-nghiem.xlsx", "thu-nghiem.csv") == csv_pages[page]


def test_chart_numbers_match_the_tables(both: dict[str, tuple[Project, dict[str, str]]]) -> None:
    page = both[".csv"][1]["progress/thu-nghiem.md"]
    points = re.findall(r'data-day="([\d-]+)" data-total="(\d+)"', page)
    table = re.findall(r'<td data-total="(\d+)">', page)
    assert [total for _day, total in points] == table
    assert len(points) == 26
    assert points[-1] == ("2021-06-03", "3201")
    assert 'data-target="3935"' in page
    assert '<td data-enrolled="3201">3.201/3.935</td>' in page  # the units table's total
    units = [
        int(n) for n in re.findall(r'<tr><th scope="row">[^<]+</th><td data-enrolled="(\d+)"', page)
    ]
    assert sum(units[:-1]) == units[-1] == 3201


def test_staff_page_says_totals_share_and_projection(
    both: dict[str, tuple[Project, dict[str, str]]],
) -> None:
    page = both[".csv"][1]["progress/thu-nghiem.md"]
    assert "<strong>81,35%</strong>" in page
    assert (
        "Với tốc độ hiện nay (27,4 người mỗi ngày trong 30 ngày báo cáo gần nhất), chỉ tiêu "
        "sẽ hoàn thành vào ngày 30/6/2021." in page
    )
    body = page[: page.index("<tfoot>")]
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td data-enrolled="\d+">[^<]*</td><td>([\d,]+)%', body
    )
    shares = [float(share.replace(",", ".")) for _unit, share in rows]
    assert shares == sorted(shares, reverse=True)
    assert rows[0][0] == "Xã Gáo Giồng"


def test_residents_see_one_dated_line_and_no_share_of_plan(
    both: dict[str, tuple[Project, dict[str, str]]],
) -> None:
    project, pages = both[".csv"]
    page = pages["campaigns/thu-nghiem.md"]
    assert (
        '<p class="ansinh-progress-line">Từ 1/1/2021, đã có thêm 3.201 người ở Đồng Tháp tham '
        "gia (đến 3/6/2021).</p>" in page
    )
    assert "**Người tham gia mới ở" not in page  # the figure itself is for cards and scripts
    first = project.campaigns[0].figures[0]
    assert (first.id, first.value, first.target, first.as_of) == (
        "bao-cao-tien-do",
        3201,
        3935,
        dt.date(2021, 6, 3),
    )


def test_a_project_without_progress_has_no_progress_pages(tmp_path: Path) -> None:
    root = copy_project(MINI, tmp_path / "mini")
    project, _warnings = load_project(root)
    assert render_progress_pages(project, "vi", str, lambda *args, **kwargs: "") == {}
    assert progress_line(project, project.campaigns[0], "vi", str) == ""
    assert [f.id for f in project.campaigns[0].figures] == ["nguoi-tham-gia"]
