"""The loudspeaker settings a theme declares: script lengths, pauses, formulas.

``themes/<name>/loudspeaker/defaults.yml`` is a ``Settings``;
``loudspeaker/regions.yml`` maps each region to its ``Formulas``. Both are
validated when the theme is loaded. Rates are syllables a minute, pauses
seconds. The operator sheet's layout is its template, ``loudspeaker/sheet.html.j2``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from generator.model.region import Region

PartKind = Literal[
    "opening",
    "headline",
    "summary",
    "message",
    "figure",
    "testimonial",
    "myth",
    "join_short",
    "join",
    "health",
    "benefit",
    "verse",
    "hotline",
    "closing",
]


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Pauses(_Data):
    sentence: float = Field(ge=0, le=5)
    clause: float = Field(ge=0, le=5)
    comma: float = Field(ge=0, le=5)
    part: float = Field(ge=0, le=10)


class LengthPlan(_Data):
    """One script length: its file name, minutes, the parts always in, the extras."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    minutes: float = Field(gt=0, le=30)

    @field_validator("id")
    @classmethod
    def _not_the_page(cls, value: str) -> str:
        # loudspeaker/<campaign>/index.html is the campaign's operator page.
        if value == "index":
            raise PydanticCustomError("reserved_name", "a reserved name", {"name": value})
        return value

    parts: tuple[PartKind, ...]
    extra: dict[PartKind, int] = Field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.minutes * 60

    @property
    def extras(self) -> list[tuple[str, int]]:
        return list(self.extra.items())


class Settings(_Data):
    """The theme's ``loudspeaker/defaults.yml``."""

    rate: int = Field(ge=80, le=400)
    pauses: Pauses
    espeak_syllables_per_word: dict[Region, float]
    tts_max_chars: int = Field(ge=200)
    audio_lengths: tuple[str, ...] = ()
    audio_format: Literal["opus", "mp3", "wav"] = "opus"
    order: tuple[PartKind, ...]
    overrun: float = Field(ge=0, le=0.5)
    lengths: tuple[LengthPlan, ...] = Field(min_length=1)
    round_figures: bool = False
    words: dict[str, str] = Field(default_factory=dict)


class Formulas(_Data):
    """A region's opening and closing formulas, and its espeak-ng voice."""

    opening: str = Field(min_length=1)
    closing: str = Field(min_length=1)
    voice: str = Field(min_length=1)
    words: dict[str, str] = Field(default_factory=dict)
