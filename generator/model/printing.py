"""The print design a theme declares: font families, the poster's and leaflet's text blocks.

``themes/<name>/print/layout.yml`` is a ``PrintLayout``. Its templates (HTML and
CSS in ``print/``) draw the pages; this file says which fonts they may use, how
much text each block of the poster and of the leaflet holds, so that text which
would not fit is an error before anything is laid out, and which sheets go to a
print shop with bleed and crop marks. Validated when the theme is loaded;
``generator.render.print`` applies it.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from fontTools.ttLib import TTFont
from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.model.content import Campaign, LocalizedText

# ISO 216 A sizes, width × height in millimetres, portrait.
PAPER_MM: dict[str, tuple[int, int]] = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
}
PaperSize = Literal["A0", "A1", "A2", "A3", "A4"]
PressSize = Literal["A0", "A1", "A2", "A3", "A4", "A5"]
PosterField = Literal["title", "headline", "message", "figure", "figure_label"]
LeafletField = Literal["headline", "message", "figure", "figure_label", "quote"]


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FontFiles(_Data):
    """One family's font files, relative to the theme folder."""

    regular: str
    bold: str


class TextBlock(_Data):
    """A block of text on the poster: its largest and smallest type, and what fits at the least.

    Sizes are points on A4; a larger page scales them with its width. Text of up to
    ``max_chars`` characters fits the block at ``min_size``; shorter text is set
    larger, up to ``size``; longer text is an error.
    """

    size: float = Field(gt=4, le=200)
    min_size: float = Field(gt=4, le=200)
    max_chars: int = Field(gt=0, le=2000)

    @model_validator(mode="after")
    def _sizes_in_order(self) -> TextBlock:
        if self.min_size > self.size:
            raise ValueError("min_size must not be larger than size")
        return self

    def size_for(self, text: str) -> float:
        """Return the type size (pt on A4) for ``text``: as large as the block allows."""
        # The area a text takes grows with its length and with the square of its size.
        fitting = self.min_size * math.sqrt(self.max_chars / max(len(text), 1))
        return round(min(self.size, max(self.min_size, fitting)), 1)


class PosterLayout(_Data):
    """The poster: which paper sizes to make, its margin and QR code's side on A4 (mm), the
    text blocks. A larger sheet scales all of it with its width."""

    sizes: tuple[PaperSize, ...] = Field(default=("A4",), min_length=1)
    margin_mm: float = Field(default=12, ge=0, le=40)
    qr_mm: float = Field(gt=20, le=200)
    blocks: dict[PosterField, TextBlock]

    @property
    def text_blocks(self) -> dict[str, TextBlock]:
        """The text blocks by name."""
        return dict(self.blocks.items())

    @model_validator(mode="after")
    def _every_field(self) -> PosterLayout:
        missing = [name for name in get_args(PosterField) if name not in self.blocks]
        if missing:
            raise ValueError(f"missing blocks: {', '.join(missing)}")
        return self


class LeafletLayout(_Data):
    """The A5 two-sided leaflet: the QR code's and the photo's size, the text blocks.

    Sizes are points on A5 and millimetres. ``photo_mm`` is the testimonial photo's
    frame (width, height); the photo is cropped to it.
    """

    margin_mm: float = Field(default=8, ge=0, le=30)
    qr_mm: float = Field(gt=15, le=100)
    photo_mm: tuple[float, float] = (28, 34)
    blocks: dict[LeafletField, TextBlock]

    @property
    def text_blocks(self) -> dict[str, TextBlock]:
        """The text blocks by name."""
        return dict(self.blocks.items())

    @model_validator(mode="after")
    def _every_field(self) -> LeafletLayout:
        missing = [name for name in get_args(LeafletField) if name not in self.blocks]
        if missing:
            raise ValueError(f"missing blocks: {', '.join(missing)}")
        return self


class Press(_Data):
    """Sheets that go to a print shop: their sizes get bleed and crop marks.

    ``sizes`` lists paper sizes (A5 is the leaflet); every other sheet is laid out
    for an office printer, exactly its paper size, with nothing printed to the edge.
    """

    sizes: tuple[PressSize, ...] = ()
    bleed_mm: float = Field(default=3, ge=0, le=10)
    crop_marks: bool = True


class PrintLayout(_Data):
    """The theme's ``print/layout.yml``."""

    fonts: dict[str, FontFiles] = Field(min_length=1)
    poster: PosterLayout
    leaflet: LeafletLayout
    press: Press = Press()


# Where each of a campaign's texts goes on its poster: (block, place in the campaign, text).
PosterText = tuple["PosterField", tuple[str | int, ...], LocalizedText]
# A text of the campaign and where it is written: (place in the campaign, text).
Placed = tuple[tuple[str | int, ...], LocalizedText]


def lead_texts(campaign: Campaign) -> tuple[Placed, Placed]:
    """Return what residents read first on paper, and what follows it.

    First the campaign's resident-facing ``headline``, else its first key message, else
    its title; then the next of those key messages, else the summary.
    """
    texts: list[Placed] = [(("headline",), campaign.headline)] if campaign.headline else []
    texts += [(("messages", index), message) for index, message in enumerate(campaign.messages)]
    if not texts:
        texts = [(("title",), campaign.title)]
    return texts[0], texts[1] if len(texts) > 1 else (("summary",), campaign.summary)


def poster_texts(campaign: Campaign) -> list[PosterText]:
    """Return the campaign's texts on its poster: what residents read first, in large type.

    The title, which often names the office's work, stands small above it (unless it is
    what they read first); the next text (``lead_texts``) follows. ``check`` and the
    poster both use this.
    """
    (first_at, first), (then_at, then) = lead_texts(campaign)
    found: list[PosterText] = (
        [] if first_at == ("title",) else [("title", ("title",), campaign.title)]
    )
    return [*found, ("headline", first_at, first), ("message", then_at, then)]


# Where each of a campaign's texts goes on its leaflet: (block, place in the campaign, text).
LeafletText = tuple[LeafletField, tuple[str | int, ...], LocalizedText]


def leaflet_texts(campaign: Campaign) -> list[LeafletText]:
    """Return the campaign's texts on its leaflet's front: the poster's headline and message.

    The testimonial's quote comes from its own file.
    """
    (first_at, first), (then_at, then) = lead_texts(campaign)
    return [("headline", first_at, first), ("message", then_at, then)]


# Characters that draw nothing and need no glyph: spaces, line breaks, joiners, marks of direction.
_INVISIBLE = frozenset("\t\n\r \u00a0\u200b\u200c\u200d\u2060\ufeff")


@cache
def font_coverage(paths: tuple[Path, ...]) -> frozenset[int]:
    """Return every code point that at least one of the font files at ``paths`` can draw."""
    found: set[int] = set()
    for path in paths:
        with TTFont(path, lazy=True) as font:
            found.update(font.getBestCmap() or {})
    return frozenset(found)


def missing_glyphs(text: str, coverage: frozenset[int]) -> list[str]:
    """Return the characters of ``text`` (NFC) that no font covers, each once, in order."""
    missing = [
        char
        for char in unicodedata.normalize("NFC", text)
        if ord(char) not in coverage and char not in _INVISIBLE
    ]
    return list(dict.fromkeys(missing))


def character_name(char: str) -> str:
    """Name a character for staff: «☎» (U+260E BLACK TELEPHONE)."""
    return f"«{char}» (U+{ord(char):04X} {unicodedata.name(char, '?')})"
