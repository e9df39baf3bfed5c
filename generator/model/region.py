"""Vietnam's three dialect regions, and the region of each province.

A campaign's region decides how its loudspeaker scripts read numbers ("nghìn"
or "ngàn", "linh" or "lẻ"), which salutations they use and the page's colour
variant. Staff may write ``region:``; otherwise it is derived from the province
(``generator/data/provinces.yml``, names before and after the 2025 merger).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import yaml

Region = Literal["north", "central", "south"]
REGIONS: tuple[Region, ...] = get_args(Region)
# Used when neither the campaign nor its province says; ``check`` warns about it.
DEFAULT_REGION: Region = "north"
PROVINCES_FILE = Path(__file__).resolve().parents[1] / "data" / "provinces.yml"


@cache
def province_regions() -> dict[str, Region]:
    """Map each province name (NFC, lower case) to its region."""
    table = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))
    return {_key(name): region for region in REGIONS for name in table.get(region, [])}


def province_region(province: str) -> Region | None:
    """Return the region of a province or centrally-run city, or None if it is not known."""
    return province_regions().get(_key(province))


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().lower()
