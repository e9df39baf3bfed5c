"""The home page stays the same size however many campaigns the site has: a few per
region, the latest, and a link to the campaigns page that lists them all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from generator.model import Project
from generator.model.theme import Theme
from generator.render.web.pages import HOME_PER_REGION, home_regions, render_web
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI


def with_campaigns(project: Project, count: int) -> Project:
    """Return ``project`` with ``count`` copies of its first campaign, each a day later."""
    base = project.campaigns[0]
    copies = [
        base.model_copy(
            update={
                "id": f"{base.id}-{index:03d}",
                "period": base.period.model_copy(
                    update={"start": base.period.start + timedelta(days=index)}
                ),
            }
        )
        for index in range(count)
    ]
    return project.model_copy(update={"campaigns": copies})


@pytest.fixture(scope="module")
def mini() -> tuple[Project, Theme]:
    project, _warnings = load_project(MINI)
    return project, load_theme(MINI, "default")


def test_a_region_shows_its_latest_campaigns_and_counts_them_all(
    mini: tuple[Project, Theme],
) -> None:
    project = with_campaigns(mini[0], 40)
    [(_region, shown, count, anchor)] = home_regions(project, lambda region: "Miền Nam")
    base = mini[0].campaigns[0].id
    assert [c.id for c in shown] == [f"{base}-{i:03d}" for i in (37, 38, 39)]
    assert count == 40
    assert anchor == "mien-nam"


def test_a_region_with_few_campaigns_shows_them_all(mini: tuple[Project, Theme]) -> None:
    project = with_campaigns(mini[0], HOME_PER_REGION)
    [(_region, shown, count, _anchor)] = home_regions(project, lambda region: "x")
    assert len(shown) == count == HOME_PER_REGION


def test_the_home_page_does_not_grow_with_the_campaigns(mini: tuple[Project, Theme]) -> None:
    project, theme = mini
    few = render_web(with_campaigns(project, HOME_PER_REGION), theme, "vi")["index.md"]
    many = render_web(with_campaigns(project, 12), theme, "vi")["index.md"]
    assert many.count("\n### [") == few.count("\n### [") == HOME_PER_REGION
    assert "campaigns/#" not in few
    link = next(line for line in many.splitlines() if "campaigns/#" in line)
    assert "(12)" in link
    assert len(many.encode()) - len(few.encode()) < 300
