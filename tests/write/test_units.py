"""Each part of a campaign's outputs, rendered from its view, equals the same outputs
rendered from the whole project: a view never lacks what its part reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Project
from generator.model.theme import Theme
from generator.render.loudspeaker.scripts import render_loudspeaker_campaign
from generator.render.print.campaign import render_print_campaign
from generator.render.print.group_kit import render_group_kits
from generator.render.print.photo import read_print_photos
from generator.render.social.leaders import render_leaders_cards
from generator.render.social.render import render_social_campaign
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from generator.write.units import PARTS, _render_outputs, plan_units

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> tuple[Project, Theme, dict[str, bytes]]:
    project, _ = load_project(REPO)
    return project, load_theme(REPO, project.site.theme), read_print_photos(REPO, project)


def test_every_campaign_has_one_unit_per_part(
    example: tuple[Project, Theme, dict[str, bytes]],
) -> None:
    project, theme, photos = example
    units = plan_units(project, theme, {}, photos)
    assert len(units) == 1 + len(PARTS) * len(project.campaigns)
    assert len({u.key for u in units}) == len(units)


def test_the_parts_of_a_campaign_are_its_whole_outputs(
    example: tuple[Project, Theme, dict[str, bytes]],
) -> None:
    """The example campaign with testimonials, verses, contact points, groups, reports and
    a theme of its own."""
    project, theme, photos = example
    campaign = next(
        c for c in project.campaigns if c.id in project.groups and c.id in project.progress
    )
    assert campaign.testimonials and campaign.verses and campaign.theme is not None
    themes = {campaign.theme: load_theme(REPO, campaign.theme)}
    theme = themes[campaign.theme]
    whole = {
        o.path: o.data
        for o in [
            *render_social_campaign(project, theme, campaign),
            *render_loudspeaker_campaign(project, theme, campaign)[0],
            *render_print_campaign(project, theme, campaign, photos)[0],
            *render_group_kits(project, theme, campaign),
            *render_leaders_cards(project, theme, campaign),
        ]
    }
    parts: dict[str, bytes] = {}
    for unit in plan_units(project, theme, themes, photos):
        if unit.campaign == campaign.id:
            for output in _render_outputs(theme, unit, photos)[0]:
                assert output.path not in parts, output.path
                parts[output.path] = output.data
    assert parts.keys() == whole.keys()
    assert [path for path in whole if parts[path] != whole[path]] == []
