"""Vietnamese spoken-form normalizer: written campaign text → what a loudspeaker says.

Public API::

    normalize(text, region="north", abbreviations=None) -> Spoken
    say(text, region="north") -> str            # one line, for ``ansinh say``
    count_syllables(spoken_text) -> int
    load_abbreviations(path) -> dict[str, str]  # DEFAULT_ABBREVIATIONS is the theme's table

Theme data in ``themes/default/speech/``: ``regions.yml`` (regional words and
units), ``abbreviations.yml`` (abbreviations and document issuers) and
``document_kinds.yml`` (DEFAULT_DOCUMENT_KINDS: "QĐ" → quyết định, read with
``load_abbreviations``).
"""

from __future__ import annotations

from generator.speech.abbreviations import (
    DEFAULT_ABBREVIATIONS,
    DEFAULT_DOCUMENT_KINDS,
    default_abbreviations,
    load_abbreviations,
)
from generator.speech.normalize import Region, count_syllables, normalize, say
from generator.speech.regions import DEFAULT_REGIONS, REGION_NAMES, load_regions
from generator.speech.result import SpeechWarning, Spoken

__all__ = [
    "DEFAULT_ABBREVIATIONS",
    "DEFAULT_DOCUMENT_KINDS",
    "DEFAULT_REGIONS",
    "REGION_NAMES",
    "Region",
    "SpeechWarning",
    "Spoken",
    "count_syllables",
    "default_abbreviations",
    "load_abbreviations",
    "load_regions",
    "normalize",
    "say",
]
