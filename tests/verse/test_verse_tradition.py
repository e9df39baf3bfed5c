from __future__ import annotations

import unicodedata

import pytest

from generator.model import Verse
from generator.verse import is_folk_verse
from generator.verse.tradition import CLASSICAL_AUTHORS, FOLK_AUTHORS, parse_region


def verse(author: str | None) -> Verse:
    fields: dict[str, object] = {"id": "tho", "form": "luc_bat", "title": "Thơ", "lines": ["Một."]}
    if author is not None:
        fields["author"] = author
    return Verse.model_validate(fields)


@pytest.mark.parametrize(
    ("author", "folk"),
    [
        (None, True),
        ("dân gian", True),
        ("Dân gian", True),
        ("DÂN GIAN", True),
        ("  dân   gian ", True),
        (unicodedata.normalize("NFD", "Dân gian"), True),
        ("dan gian", True),
        ("Ca dao Nam Bộ", True),
        ("Khuyết danh", True),
        ("Tục ngữ", True),
        ("Nguyễn Du", True),
        ("Nguyễn Du, Truyện Kiều", True),
        ("trích Lục Vân Tiên", True),
        ("Đoàn Thị Điểm (dịch Chinh phụ ngâm)", True),
        ("Cung oán ngâm khúc", True),
        ("Hồ Xuân Hương", True),
        ("Tú Xương", True),
        ("", True),
        ("An Sinh", False),
        ("Tổ truyền thông BHXH huyện Cao Lãnh", False),
        ("Nguyễn Dũng", False),
        ("Nguyễn Duy", False),
        ("Cán bộ dân vận", False),
    ],
)
def test_is_folk_verse(author: str | None, folk: bool) -> None:
    assert is_folk_verse(verse(author)) is folk


@pytest.mark.parametrize("author", [*FOLK_AUTHORS, *CLASSICAL_AUTHORS])
def test_every_listed_author_is_folk(author: str) -> None:
    assert is_folk_verse(verse(author))


@pytest.mark.parametrize(("region", "parsed"), [(None, "north"), ("south", "south")])
def test_parse_region(region: str | None, parsed: str) -> None:
    assert parse_region(region) == parsed
