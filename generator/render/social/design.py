"""A theme's social design made ready to draw: colours parsed, fonts opened once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from generator.model.cards import CardLayout, SocialStyle
from generator.model.theme import Theme
from generator.render.social.cards import Palette
from generator.text.colour import parse_colour
from generator.text.typeset import FaceMaker

Slots = dict[str, str]


@dataclass(frozen=True)
class Design:
    """A theme's social style and card layouts, with colours and fonts resolved."""

    style: SocialStyle
    layouts: dict[str, CardLayout]
    palette: Palette


@cache
def card_design(theme: Theme) -> Design:
    """Return the theme's validated card design with its palette (cached per theme)."""
    social = theme.social
    faces = {name: FaceMaker(face.main, dict(face.scripts)) for name, face in social.faces.items()}
    colours = {name: parse_colour(value) for name, value in social.style.colours.items()}
    return Design(social.style, social.layouts, Palette(colours, faces))
