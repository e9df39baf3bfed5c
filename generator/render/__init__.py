"""Renderers: one per output kind, each a pure function of the model and the theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OutputKind = Literal[
    "page", "poster", "leaflet", "sheet", "card", "caption", "loudspeaker", "audio"
]


@dataclass(frozen=True)
class Output:
    """One file to write into the output folder, with what the manifest says of it."""

    path: str
    data: bytes
    kind: OutputKind
    format: str
    campaign: str | None = None
    locale: str | None = None
