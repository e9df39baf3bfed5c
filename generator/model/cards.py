"""The social-card design a theme declares: style (fonts, colours) and card layouts.

``themes/<name>/social/style.yml`` is a ``SocialStyle``; each
``social/layouts/*.yml`` is a ``CardLayout``: a canvas in pixels, a background and
layers drawn in order (shapes, text boxes, stacks of text, a QR code). They are
validated when the theme is loaded; ``generator.render.social`` draws them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag

from generator.text.typeset import Box, Fit

CARD_KINDS = ("site", "verse", "testimonial")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


Align = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom"]


def _check_box(box: Box) -> Box:
    if box[2] <= 0 or box[3] <= 0:
        raise ValueError("a box is [x, y, width, height] with a positive width and height")
    return box


LayoutBox = Annotated[tuple[int, int, int, int], AfterValidator(_check_box)]


class LayoutData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextStyle(LayoutData):
    """How a slot's text is set: font (``family-weight``), sizes to try, lines, colour."""

    slot: str
    font: str = "sans-regular"
    size: int = Field(gt=0)
    min_size: int | None = Field(default=None, gt=0)
    max_lines: int = Field(default=1, gt=0)
    line_height: float = Field(default=1.25, ge=1.0, le=3.0)
    colour: str
    align: Align = "left"
    uppercase: bool = False

    def fit(self) -> Fit:
        return Fit(
            self.size, min(self.min_size or self.size, self.size), self.max_lines, self.line_height
        )


class StackText(TextStyle):
    """A text block in a stack; ``optional`` ones are dropped first when space runs out."""

    type: Literal["text"] = "text"
    optional: bool = False
    space_before: int = 0


class StackBar(LayoutData):
    """A short accent bar in a stack."""

    type: Literal["bar"]
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    colour: str
    align: Align = "left"
    space_before: int = 0
    when: str | None = None


def _item_type(value: Any) -> str:
    found = value.get("type", "text") if isinstance(value, dict) else getattr(value, "type", "text")
    return str(found)


StackItem = Annotated[
    Annotated[StackText, Tag("text")] | Annotated[StackBar, Tag("bar")], Discriminator(_item_type)
]


class Shape(LayoutData):
    """A filled rectangle (rounded by ``radius``) or ellipse."""

    type: Literal["rect", "ellipse"]
    box: LayoutBox
    fill: str
    radius: int = Field(default=0, ge=0)
    when: str | None = None
    unless: str | None = None


class TextLayer(TextStyle):
    """A slot's text in a fixed box."""

    type: Literal["text"]
    box: LayoutBox
    valign: VAlign = "top"
    when: str | None = None
    unless: str | None = None


class StackLayer(LayoutData):
    """Text blocks and bars flowing down a box, each as tall as its text."""

    type: Literal["stack"]
    box: LayoutBox
    gap: int = Field(default=0, ge=0)
    valign: VAlign = "top"
    items: list[StackItem] = Field(min_length=1)
    when: str | None = None
    unless: str | None = None


class QrLayer(LayoutData):
    """A QR code of a slot (an address), as large as fits the box, with ``border`` light modules."""

    type: Literal["qr"]
    slot: str = "url"
    box: LayoutBox
    dark: str
    light: str
    border: int = Field(default=2, ge=1)
    when: str | None = None
    unless: str | None = None


Layer = Annotated[Shape | TextLayer | StackLayer | QrLayer, Field(discriminator="type")]


CardFormat = Literal["png", "jpeg"]
MEDIA_TYPES: dict[CardFormat, str] = {"png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS: dict[CardFormat, str] = {"png": "png", "jpeg": "jpg"}


class CardLayout(LayoutData):
    """A card: its size in pixels, background colour, file format, byte limit and layers.

    ``format`` is ``png`` for flat designs (text, shapes, QR codes), stored with a palette
    of at most ``colours`` colours (256 keeps antialiased text smooth; ``null`` keeps full
    colour), or ``jpeg`` at ``quality`` for a photographic card.
    """

    size: tuple[Annotated[int, Field(gt=0)], Annotated[int, Field(gt=0)]]
    background: str
    format: CardFormat = "png"
    colours: int | None = Field(default=256, ge=2, le=256)
    quality: int = Field(default=85, ge=30, le=95)
    max_kb: int | None = Field(default=None, gt=0)
    layers: list[Layer] = Field(min_length=1)

    @property
    def media_type(self) -> str:
        """The card's MIME type: ``image/png`` or ``image/jpeg``."""
        return MEDIA_TYPES[self.format]

    @property
    def extension(self) -> str:
        """The card's file extension, without the dot: ``png`` or ``jpg``."""
        return EXTENSIONS[self.format]


def _check_hex(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError("a colour is written #rrggbb, e.g. #0a3d62")
    return value.lower()


class StyleData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FontFiles(StyleData):
    """The files of one font family, relative to the theme folder."""

    regular: str
    bold: str


class SocialStyle(StyleData):
    """``social/style.yml``: font families, fonts per script, named colours, campaign platforms."""

    fonts: dict[str, FontFiles] = Field(min_length=1)
    scripts: dict[Literal["khmer"], FontFiles] = Field(default_factory=dict)
    colours: dict[str, Annotated[str, AfterValidator(_check_hex)]] = Field(min_length=1)
    platforms: list[Annotated[str, Field(pattern=SLUG)]] = Field(min_length=1)
