"""The print design a theme declares: font families and the poster's text blocks.

``themes/<name>/print/layout.yml`` is a ``PrintLayout``. Its templates (HTML and
CSS in ``print/``) draw the page; this file says which fonts they may use and how
much text each block of the poster holds, so that text which would not fit is an
error before anything is laid out. Validated when the theme is loaded;
``generator.render.print`` applies it.
"""

from __future__ import annotations

import math
from typing import Literal, get_args

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
PosterField = Literal["title", "headline", "message", "figure", "figure_label"]


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
    """The poster: which paper sizes to make, the QR code's side, the text blocks."""

    sizes: tuple[PaperSize, ...] = Field(default=("A4",), min_length=1)
    qr_mm: float = Field(gt=20, le=200)
    blocks: dict[PosterField, TextBlock]

    @model_validator(mode="after")
    def _every_field(self) -> PosterLayout:
        missing = [name for name in get_args(PosterField) if name not in self.blocks]
        if missing:
            raise ValueError(f"missing blocks: {', '.join(missing)}")
        return self


class PrintLayout(_Data):
    """The theme's ``print/layout.yml``."""

    fonts: dict[str, FontFiles] = Field(min_length=1)
    poster: PosterLayout


# Where each of a campaign's texts goes on its poster: (block, place in the campaign, text).
PosterText = tuple["PosterField", tuple[str | int, ...], LocalizedText]


def poster_texts(campaign: Campaign) -> list[PosterText]:
    """Return the campaign's texts on its poster: residents read the first key message first.

    The title, which often names the office's work, stands small above it; the second key
    message, or else the summary, follows. ``check`` and the poster both use this.
    """
    messages = campaign.messages
    found: list[PosterText] = (
        [("title", ("title",), campaign.title), ("headline", ("messages", 0), messages[0])]
        if messages
        else [("headline", ("title",), campaign.title)]
    )
    if len(messages) > 1:
        found.append(("message", ("messages", 1), messages[1]))
    else:
        found.append(("message", ("summary",), campaign.summary))
    return found
