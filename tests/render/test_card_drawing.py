"""Cards drawn from kept text and QR masks look exactly as drawn afresh, line by line."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops, ImageDraw

from generator.render.social.cards import CardPlan, draw_card, plan_card
from generator.render.social.design import Design, card_design
from generator.render.social.render import Content, campaign_cards, site_card
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI


@pytest.fixture(scope="module")
def design() -> Design:
    return card_design(load_theme(MINI, "default"))


@pytest.fixture(scope="module")
def card_plans(design: Design) -> list[CardPlan]:
    project, _warnings = load_project(MINI)
    found = []
    for locale in project.site.locales:
        content = Content(project, locale)
        cards = [site_card(content)]
        for campaign in project.campaigns:
            cards += campaign_cards(project, content, design, campaign)
        found += [
            plan_card(card.name, design.layouts[card.layout], card.slots, design.palette)
            for card in cards
        ]
    return found


def drawn_afresh(plan: CardPlan) -> Image.Image:
    """The plan's shapes and QR codes, then each line's runs drawn on the card by Pillow."""
    picture = draw_card(plan, text=False)
    draw = ImageDraw.Draw(picture)
    for line in plan.lines():
        x = float(line.x)
        for run, font in line.face.runs(line.text):
            draw.text((x, line.baseline), run, font=font, fill=line.colour, anchor="ls")
            x += font.getlength(run)
    return picture


def same_pixels(first: Image.Image, second: Image.Image) -> bool:
    return ImageChops.difference(first, second).getbbox() is None


def test_every_card_is_drawn_pixel_for_pixel_as_pillow_draws_its_lines(
    card_plans: list[CardPlan],
) -> None:
    assert len(card_plans) > 10
    for plan in card_plans:
        assert same_pixels(draw_card(plan), drawn_afresh(plan)), plan.name


def test_a_card_drawn_again_from_kept_masks_is_the_same(card_plans: list[CardPlan]) -> None:
    first = [draw_card(plan) for plan in card_plans]
    again = [draw_card(plan) for plan in card_plans]
    assert all(same_pixels(a, b) for a, b in zip(first, again, strict=True))


def test_qr_modules_are_drawn_at_their_scale_in_the_design_colours(
    card_plans: list[CardPlan],
) -> None:
    plan = next(plan for plan in card_plans if plan.qr_codes())
    (qr,) = plan.qr_codes()
    picture = draw_card(plan)
    for row, modules in enumerate(qr.matrix):
        for column, dark in enumerate(modules):
            left = qr.x + (column + qr.border) * qr.scale
            top = qr.y + (row + qr.border) * qr.scale
            module = picture.crop((left, top, left + qr.scale, top + qr.scale))
            assert module.getcolors() == [(qr.scale * qr.scale, qr.dark if dark else qr.light)]
