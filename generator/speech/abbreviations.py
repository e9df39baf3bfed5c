"""The abbreviation table: loading it from theme data and finding its entries in text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from generator.errors import ThemeError
from generator.i18n import _
from generator.speech.regions import THEME_SPEECH, is_text, read_yaml

DEFAULT_ABBREVIATIONS = THEME_SPEECH / "abbreviations.yml"
DEFAULT_DOCUMENT_KINDS = THEME_SPEECH / "document_kinds.yml"


def load_abbreviations(path: Path) -> dict[str, str]:
    """Read an abbreviation table (written form → reading) from a YAML file."""
    raw = read_yaml(Path(path))
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        message = _("{path} must be a mapping of abbreviations to readings")
        raise ThemeError(message.format(path=path))
    table: dict[str, str] = {}
    for key, value in raw.items():
        if not is_text(key) or not is_text(value):
            message = _("{path}: the entry {key!r} needs a text and its reading")
            raise ThemeError(message.format(path=path, key=key))
        table[key.strip()] = value.strip()
    return table


@lru_cache(maxsize=1)
def default_abbreviations() -> dict[str, str]:
    """Return the default theme's abbreviation table (read once)."""
    return load_abbreviations(DEFAULT_ABBREVIATIONS)


@lru_cache(maxsize=1)
def default_document_kinds() -> dict[str, str]:
    """Return the default theme's kinds of documents ("QĐ" → quyết định), read once."""
    return load_abbreviations(DEFAULT_DOCUMENT_KINDS)


def _entry_pattern(key: str) -> str:
    """Return the regex of one entry with its right-hand boundary."""
    if key.endswith("."):
        return re.escape(key) + r"(?= ?\w)"
    if key[-1].isalnum():
        return re.escape(key) + r"(?!\w)"
    return re.escape(key)


@lru_cache(maxsize=16)
def _compile(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the entries into one pattern, longest first."""
    if not keys:
        return None
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    return re.compile(r"(?<!\w)(?:" + "|".join(_entry_pattern(k) for k in ordered) + ")")


def compile_table(table: Mapping[str, str]) -> re.Pattern[str] | None:
    """Return one pattern matching any entry of ``table`` (longest first), or None if empty."""
    return _compile(tuple(sorted(table)))
