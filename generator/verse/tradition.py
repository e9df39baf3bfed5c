"""How a verse is judged: strictly, or with the licences of the folk tradition.

Verse composed today (a campaign's lục bát) is checked against the written
rules. Verse quoted from the tradition (ca dao, Lục Vân Tiên, Chinh phụ ngâm)
breaks those rules in known, accepted ways; checked in *folk* mode, each such
licence is a warning that names it (``generator.verse.licence``), and only what
no tradition accepts stays an error.

A verse is folk when its author is the folk ("dân gian", "ca dao", "khuyết
danh", "tục ngữ"; also the model's default when no author is written) or names
a classical poet or work (``CLASSICAL_AUTHORS``). The region decides which
sound merges count as rhyme (``generator.verse.dialect``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import get_args

from generator.model import Region, Verse

REGIONS: tuple[str, ...] = get_args(Region)
STANDARD_REGION = "north"

# Authors meaning "the folk": the verse belongs to the oral tradition.
FOLK_AUTHORS: tuple[str, ...] = ("dân gian", "ca dao", "khuyết danh", "tục ngữ", "vô danh")

# Classical poets and works (before 1945) whose verse keeps the tradition's licences.
CLASSICAL_AUTHORS: tuple[str, ...] = (
    "Nguyễn Du",
    "Truyện Kiều",
    "Đoạn trường tân thanh",
    "Nguyễn Đình Chiểu",
    "Đồ Chiểu",
    "Lục Vân Tiên",
    "Đặng Trần Côn",
    "Đoàn Thị Điểm",
    "Phan Huy Ích",
    "Chinh phụ ngâm",
    "Nguyễn Gia Thiều",
    "Cung oán ngâm khúc",
    "Hồ Xuân Hương",
    "Bà Huyện Thanh Quan",
    "Nguyễn Khuyến",
    "Tú Xương",
    "Trần Tế Xương",
    "Nguyễn Công Trứ",
    "Phạm Thái",
    "Sơ kính tân trang",
    "Nhị độ mai",
    "Phạm Tải Ngọc Hoa",
    "Thạch Sanh",
)


@dataclass(frozen=True)
class Tradition:
    """The rules a check applies: ``folk`` licences or not, and whose speech rhymes."""

    folk: bool = False
    region: str = STANDARD_REGION

    @property
    def rhyme_region(self) -> str | None:
        """Return the region whose sound merges count as rhyme, or None for the standard."""
        return None if self.region == STANDARD_REGION else self.region


STRICT = Tradition()


def parse_region(region: str | None) -> str:
    """Return ``region`` (north when None); raise ``ValueError`` for an unknown one."""
    if region is None:
        return STANDARD_REGION
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; use one of: {', '.join(REGIONS)}")
    return region


_NON_WORD = re.compile(r"[^\w]+")


def _fold(text: str, accents: bool) -> str:
    folded = unicodedata.normalize("NFC", text).casefold()
    if not accents:
        folded = folded.replace("đ", "d")
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return f" {' '.join(_NON_WORD.sub(' ', folded).split())} "


def _names(author: str, names: tuple[str, ...]) -> bool:
    accents = not author.isascii()
    written = _fold(author, accents)
    return any(_fold(name, accents) in written for name in names)


def is_folk_verse(verse: Verse) -> bool:
    """True when the verse's author is the folk or names a classical poet or work."""
    author = verse.author.strip()
    return not author or _names(author, FOLK_AUTHORS + CLASSICAL_AUTHORS)
