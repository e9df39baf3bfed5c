"""Renderers: one per output kind, each a pure function of the model and the theme."""

from __future__ import annotations

from collections.abc import Callable
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


Memo = Callable[[tuple[object, ...], Callable[[], str]], str]
"""Text made once for what determines it: ``memo(parts, make)`` returns ``make()``, or
what it returned for the same ``parts`` in an earlier build.

``parts`` (strings, numbers, model objects) must hold everything ``make`` reads besides
An Sinh's code, the themes' files and the processed photos, which a build's memo adds to
every key. A renderer makes sure of it by rendering from a view of the model (see
``render.views.campaign_view``) and passing the view among the parts.
"""


def no_memo(parts: tuple[object, ...], make: Callable[[], str]) -> str:
    """Make the text every time: the memo of a renderer called outside a build."""
    return make()


Keep = Callable[[tuple[object, ...], Callable[[], bytes]], bytes]
"""Bytes made once for what determines them: ``keep(parts, make)`` returns ``make()``, or
what it returned for the same ``parts`` in an earlier build. The file-level twin of
``Memo``, under the same rule for ``parts``; a build's keep adds to every key An Sinh's
code, the theme's files and the tools it runs (espeak-ng, the encoders, WeasyPrint)."""


def make_now(parts: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
    """Make the bytes every time: the keep of a renderer called outside a build."""
    return make()
