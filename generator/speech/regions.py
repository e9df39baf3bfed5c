"""Regional readings (Northern, Central, Southern), loaded from theme data.

The words live in ``themes/default/speech/regions.yml`` so that a commune can
change them without touching code. The defaults chosen there:

- North: "nghìn", "linh" (1.005 → một nghìn không trăm linh năm).
- South: "ngàn", "lẻ" (105 → một trăm lẻ năm).
- Central: "ngàn" and "lẻ", as spoken in Huế, Đà Nẵng and Quảng Nam; the
  north-central provinces that prefer "nghìn" and "linh" edit the file.
- 4 after "mươi": "tư" in the North and Centre (24 → hai mươi tư), "bốn" in
  the South, as many Mekong speakers say it (24 → hai mươi bốn).
- Units written after a number: "kg" → "ki-lô-gam" in the North and Centre,
  "ký" in the South; "50k" → năm mươi nghìn / ngàn.
- Every region: "phẩy" for the decimal comma, "đến" between the ends of a
  range, "mỗi" for "/tháng", and the civil month names ("tháng một", never the
  lunar "tháng giêng").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeGuard, get_args

import yaml

from generator.errors import ThemeError
from generator.i18n import _

RegionName = Literal["north", "central", "south"]
REGION_NAMES: tuple[str, ...] = get_args(RegionName)
THEME_SPEECH = Path(__file__).resolve().parents[2] / "themes" / "default" / "speech"
DEFAULT_REGIONS = THEME_SPEECH / "regions.yml"

_WORD_KEYS = (
    "thousand",
    "zero_tens",
    "four_after_tens",
    "decimal_point",
    "range_to",
    "range_from",
    "per",
)


@dataclass(frozen=True)
class RegionWords:
    """The words one region uses when reading numbers, ranges and dates."""

    thousand: str
    zero_tens: str
    four_after_tens: str
    decimal_point: str
    range_to: str
    range_from: str
    per: str
    months: tuple[str, ...]
    units: tuple[tuple[str, str], ...] = ()

    def unit(self, written: str) -> str | None:
        """Return the reading of a unit written after a number ("kg"), or None."""
        return dict(self.units).get(written)


def is_text(value: object) -> TypeGuard[str]:
    """Say whether ``value`` is a string with something in it."""
    return isinstance(value, str) and bool(value.strip())


# libyaml when PyYAML has it: the same values, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """Parse a YAML data file of the speech theme, or raise ThemeError."""
    try:
        text = path.read_text(encoding="utf-8")
        try:
            return yaml.load(text, Loader=_LOADER)
        except yaml.YAMLError:
            # PyYAML's own parser words the problem the same way on every machine.
            return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        message = _("Cannot read the speech table {path}: {error}")
        raise ThemeError(message.format(path=path, error=error)) from error


def _parse_region(name: str, raw: object, path: Path) -> RegionWords:
    """Build one region's words from its YAML mapping, or raise ThemeError."""
    if not isinstance(raw, dict):
        message = _("Region {region} in {path} must be a mapping")
        raise ThemeError(message.format(region=name, path=path))
    words: dict[str, str] = {}
    for key in _WORD_KEYS:
        value = raw.get(key)
        if not is_text(value):
            message = _("Region {region} in {path} needs a text for {key}")
            raise ThemeError(message.format(region=name, path=path, key=key))
        words[key] = value.strip()
    months = raw.get("months")
    if not isinstance(months, list) or len(months) != 12 or not all(is_text(m) for m in months):
        message = _("Region {region} in {path} needs 12 month names")
        raise ThemeError(message.format(region=name, path=path))
    return RegionWords(
        months=tuple(m.strip() for m in months), units=_parse_units(name, raw, path), **words
    )


def _parse_units(name: str, raw: dict[object, object], path: Path) -> tuple[tuple[str, str], ...]:
    """Read a region's units (written form → reading), longest written form first."""
    units = raw.get("units")
    if not isinstance(units, dict) or not all(is_text(k) and is_text(v) for k, v in units.items()):
        message = _("Region {region} in {path} needs a text for {key}")
        raise ThemeError(message.format(region=name, path=path, key="units"))
    pairs = ((str(k).strip(), str(v).strip()) for k, v in units.items())
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


@lru_cache(maxsize=8)
def load_regions(path: Path = DEFAULT_REGIONS) -> dict[str, RegionWords]:
    """Read the regional readings of every region from a YAML file."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise ThemeError(_("{path} must be a mapping of regions").format(path=path))
    return {name: _parse_region(name, raw.get(name), path) for name in REGION_NAMES}


def region_words(region: str, path: Path = DEFAULT_REGIONS) -> RegionWords:
    """Return the words of ``region``, or raise ValueError for an unknown region."""
    if region not in REGION_NAMES:
        raise ValueError(_("Unknown region: {region}").format(region=region))
    return load_regions(path)[region]
