"""Pages rendered from views of the project, through a memo: a campaign's page seen from its
view is the page seen from the whole project, and rewording a testimonial remakes only the
pages that show it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.model import Project
from generator.model.theme import Theme
from generator.render.views import campaign_view
from generator.render.web.campaign_page import CAMPAIGN_PAGE_NEEDS, calculator_html, campaign_page
from generator.render.web.pages import render_web
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from generator.write.cache import cache_key

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> tuple[Project, Theme, dict[str, Theme]]:
    project, _ = load_project(REPO)
    own = {c.theme for c in project.campaigns if c.theme}
    themes = {name: load_theme(REPO, name) for name in own}
    return project, load_theme(REPO, project.site.theme), themes


class RecordingMemo:
    """A memo in memory that records the kind of every page (first part) it makes."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}
        self.made: list[tuple[object, ...]] = []

    def __call__(self, parts: tuple[object, ...], make: Callable[[], str]) -> str:
        key = cache_key(*parts)
        if key not in self.kept:
            self.kept[key] = make()
            self.made.append(parts)
        return self.kept[key]


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_a_campaign_page_from_its_view_is_the_page_from_the_whole_project(
    example: tuple[Project, Theme, dict[str, Theme]], locale: str
) -> None:
    project, theme, themes = example
    pages = render_web(project, theme, locale, None, themes)
    calculator = calculator_html(project, theme, locale)
    web = [c for c in project.campaigns if "web" in c.outputs]
    assert len(web) >= 4
    for campaign in web:
        # The whole project, the campaign first: what the page would read without a view.
        whole = project.model_copy(
            update={"campaigns": [campaign, *(c for c in project.campaigns if c != campaign)]}
        )
        card_theme = themes.get(campaign.theme or "", theme)
        from_whole = campaign_page(whole, theme, locale, {}, calculator, card_theme)
        view = campaign_view(project, campaign, CAMPAIGN_PAGE_NEEDS)
        assert view.campaigns == [campaign] and len(view.testimonials) <= len(project.testimonials)
        assert pages[f"campaigns/{campaign.id}.md"] == from_whole, campaign.id


def test_rewording_a_testimonial_remakes_only_the_pages_that_show_it(
    example: tuple[Project, Theme, dict[str, Theme]],
) -> None:
    project, theme, themes = example
    name = "nguyen-thi-ha"
    users = sorted(c.id for c in project.campaigns if name in c.testimonials)
    assert users, "an example campaign quotes her"
    memo = RecordingMemo()
    before = render_web(project, theme, "vi", None, themes, memo)
    assert len(memo.made) > 10
    memo.made.clear()
    # Rendering the same project again makes nothing.
    assert render_web(project, theme, "vi", None, themes, memo) == before
    assert memo.made == []

    testimonial = project.testimonials[name]
    quote = testimonial.quote
    reworded = (
        f"{quote} Thật vậy."
        if isinstance(quote, str)
        else {
            **quote,
            "vi": quote["vi"] + " Thật vậy.",
        }
    )
    edited = project.model_copy(
        update={
            "testimonials": {
                **project.testimonials,
                name: testimonial.model_copy(update={"quote": reworded}),
            }
        }
    )
    after = render_web(edited, theme, "vi", None, themes, memo)
    made = sorted((str(parts[0]), _campaigns_of(parts)) for parts in memo.made)
    web = tuple(c for c in users if _has_web(edited, c))
    expected = sorted(
        [("campaign-page", (c,)) for c in web]
        + [("testimonial-page", web)]
        + [
            (kind, (c,))
            for c in users
            if _has_loudspeaker(edited, c)
            # The campaign's operator page, and the scripts it describes, which every
            # locale shares; the operators' list of campaigns is not remade.
            for kind in ("operator-page", "operator-scripts")
        ]
    )
    assert made == expected
    # What the memo gave is what rendering everything anew gives.
    assert after == render_web(edited, theme, "vi", None, themes)
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert f"testimonials/{name}.md" in changed
    assert all(path.endswith(".md") for path in changed)
    assert "loudspeaker/index.md" not in changed


def _campaigns_of(parts: tuple[object, ...]) -> tuple[str, ...]:
    view = next(part for part in parts if isinstance(part, Project))
    return tuple(c.id for c in view.campaigns)


def _has_web(project: Project, campaign_id: str) -> bool:
    return any(c.id == campaign_id and "web" in c.outputs for c in project.campaigns)


def _has_loudspeaker(project: Project, campaign_id: str) -> bool:
    return any(c.id == campaign_id and "loudspeaker" in c.outputs for c in project.campaigns)
