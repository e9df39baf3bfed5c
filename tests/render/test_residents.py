"""What residents meet first: the campaign page's first screen, contact points, and where
the loudspeaker sends them — rendered from the mini project, no browser."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from generator.i18n import set_language
from generator.model import Project
from generator.model.contacts import ContactPoint, public_points
from generator.model.policy import current_voluntary
from generator.model.theme import Theme
from generator.render.loudspeaker.broadcast import build_scripts
from generator.render.loudspeaker.scripts import load_kit
from generator.render.web.config import language_partial, overrides_files
from generator.render.web.pages import render_web
from generator.render.web.residents import first_screen
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI


def point(name: str, kind: str, commune: str | None, **extra: object) -> ContactPoint:
    return ContactPoint.model_validate(
        {
            "name": name,
            "kind": kind,
            "commune": commune,
            "district": "Huyện Thử",
            "province": "Đồng Tháp",
            "address": "Ấp 1",
            **extra,
        }
    )


CONTACTS = [
    point("Bưu điện Thử", "post_office", "Xã Một", phone="0277 3861 000"),
    point("Chị Giấu Số", "collection_agent", "Xã Hai", phone="0912 000 111", person=True),
    point("Đại lý ví dụ", "collection_agent", "Xã Ba", example=True),
    point("UBND xã Hai", "commune_office", "Xã Hai"),
]


@pytest.fixture(scope="module")
def mini() -> Iterator[tuple[Project, Theme]]:
    project, _warnings = load_project(MINI)
    theme = load_theme(MINI, "default")
    campaign = project.campaigns[0].model_copy(update={"headline": {"vi": "Về già có lương hưu"}})
    yield (
        project.model_copy(update={"campaigns": [campaign], "contacts": public_points(CONTACTS)}),
        theme,
    )


@pytest.fixture(autouse=True)
def _english_messages() -> None:
    set_language("en")


def test_first_screen_amounts_come_from_the_policy(mini: tuple[Project, Theme]) -> None:
    project, _theme = mini
    first = first_screen(project.policy)
    period = current_voluntary(project.policy)
    assert first.minimum.income == period.income_floor
    # 22% of 1,500,000 = 330,000; the State pays 20% × 22% × 1,500,000 = 66,000 for everyone
    # and 50% of it (165,000) for poor households.
    assert (first.minimum.gross, first.minimum.state_support, first.minimum.you_pay) == (
        330_000,
        66_000,
        264_000,
    )
    assert first.helped is not None and first.helped.you_pay == 165_000


def test_the_campaign_page_opens_with_the_residents_headline(mini: tuple[Project, Theme]) -> None:
    project, theme = mini
    page = render_web(project, theme, "vi")["campaigns/thu-nghiem.md"]
    body = page.split("---\n", 2)[2]
    assert body.lstrip().startswith("# Về già có lương hưu\n")
    first = body.index('<div class="ansinh-first">')
    assert body.index("tel:19009068") > first
    assert body.index("264.000") > first
    # The office's own name for the campaign and its figures come after the calculator.
    shown = re.sub(r"<script[^>]*>.*?</script>", "", body, flags=re.DOTALL)
    assert "Chiến dịch thử" not in shown[: shown.index('id="calculator"')]
    assert body.index('id="calculator"') < body.index("<strong>Chiến dịch thử</strong>")
    assert body.index("<strong>Chiến dịch thử</strong>") < body.index("2.921")


def test_contacts_are_listed_and_a_phone_without_consent_nowhere(
    mini: tuple[Project, Theme],
) -> None:
    project, theme = mini
    page = render_web(project, theme, "vi")["campaigns/thu-nghiem.md"]
    assert 'href="tel:02773861000"' in page
    assert "0912" not in page and "Chị Giấu Số" in page
    assert page.count('class="ansinh-contacts__place"') == 3
    assert 'Đại lý ví dụ <span class="ansinh-point__example">' in page


def test_without_contacts_the_first_screen_names_the_usual_places(
    mini: tuple[Project, Theme],
) -> None:
    project, theme = mini
    bare = project.model_copy(update={"contacts": []})
    page = render_web(bare, theme, "vi")["campaigns/thu-nghiem.md"]
    assert "đại lý thu ở xã, phường, bưu điện, hoặc Ủy ban nhân dân xã, phường." in page
    assert "ansinh-contacts" not in page


def test_the_loudspeaker_names_real_places_never_examples(mini: tuple[Project, Theme]) -> None:
    project, theme = mini
    kit = load_kit(theme)
    campaign = project.campaigns[0]
    scripts = build_scripts(project, theme, campaign, kit.settings, kit.formulas, kit.abbreviations)
    said = " ".join(script.spoken_text for script in scripts)
    assert "Đăng ký tại Bưu điện Thử; gặp Chị Giấu Số." in said
    assert "ví dụ" not in said


def test_the_engine_strings_it_leaves_in_english_are_translated() -> None:
    partial = language_partial("vi", lambda english: f"«{english}»")
    # Material's Vietnamese file says "Initializing search"; ours asks the catalogs.
    assert '"search.result.initializer": "«Initializing search»"' in partial
    # Its own translations are kept, and its search settings are not text.
    assert '"search.placeholder": "Tìm kiếm"' in partial
    assert '"search.config.separator": "«' not in partial


def test_the_footer_names_the_organisation_without_the_engine_credit(
    mini: tuple[Project, Theme],
) -> None:
    _project, theme = mini
    footer = overrides_files(theme, "vi")["partials/copyright.html"].decode()
    assert "Made with" not in footer and "config.copyright" in footer


def test_contact_texts_are_plain_text_on_the_page(mini: tuple[Project, Theme]) -> None:
    project, theme = mini
    hostile = point(
        "<img src=x onerror=alert(1)> *Bưu* [điện](javascript:alert(1))",
        "post_office",
        "Xã <b>Một</b>",
        address='"><script>alert(1)</script>',
        hours={"vi": "<i>8:00</i>"},
    )
    page = render_web(project.model_copy(update={"contacts": [hostile]}), theme, "vi")[
        "campaigns/thu-nghiem.md"
    ]
    for raw in ("<img", "<script>alert", "<b>", "<i>", "](javascript"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
