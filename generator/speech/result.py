"""The values the spoken-form normalizer returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechWarning:
    """A part of the input that was kept as written because it could not be read.

    ``start`` and ``end`` are offsets into the NFC-normalized input; ``message``
    is already translated.
    """

    start: int
    end: int
    fragment: str
    message: str


@dataclass(frozen=True)
class Spoken:
    """Text as it is read aloud, with the warnings found on the way."""

    text: str
    warnings: tuple[SpeechWarning, ...]


@dataclass(frozen=True)
class Hit:
    """What one reading rule made of the input from its position to ``end``."""

    end: int
    text: str
    kind: str = "text"
    warnings: tuple[SpeechWarning, ...] = ()
