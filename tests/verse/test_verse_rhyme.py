from __future__ import annotations

import pytest

from generator.verse.rhyme import RhymeMatch, match_rhyme
from generator.verse.syllable import parse_syllable


@pytest.mark.parametrize(
    ("first", "second", "match"),
    [
        ("ta", "nhà", RhymeMatch.EXACT),
        ("thuỷ", "thì", RhymeMatch.EXACT),
        ("hoa", "xa", RhymeMatch.EXACT),
        ("xanh", "minh", RhymeMatch.NEAR),
        ("ghềnh", "quanh", RhymeMatch.NEAR),
        ("Vương", "vàng", RhymeMatch.NEAR),
        ("tay", "cây", RhymeMatch.NEAR),
        ("vui", "thôi", RhymeMatch.NEAR),
        ("hai", "trời", RhymeMatch.NEAR),
        ("trên", "duyên", RhymeMatch.NEAR),
        ("giờ", "thưa", RhymeMatch.NEAR),
        ("gì", "khuya", RhymeMatch.NEAR),
        ("nhau", "dâu", RhymeMatch.NEAR),
        ("phong", "hồng", RhymeMatch.NEAR),
        ("nhiều", "theo", RhymeMatch.NEAR),
        ("nguyệt", "mịt", RhymeMatch.NEAR),
        ("bụi", "nỗi", RhymeMatch.NEAR),
        ("tan", "hoàng", RhymeMatch.LOOSE),
        ("nêm", "lên", RhymeMatch.LOOSE),
        ("chênh", "riêng", RhymeMatch.LOOSE),
        ("may", "ai", RhymeMatch.LOOSE),
        ("đen", "đơn", RhymeMatch.LOOSE),
        ("vuông", "tường", RhymeMatch.LOOSE),
        ("tà", "vài", RhymeMatch.NONE),
        ("thang", "duyên", RhymeMatch.NONE),
        ("chào", "tai", RhymeMatch.NONE),
        ("già", "làng", RhymeMatch.NONE),
        ("sang", "vui", RhymeMatch.NONE),
    ],
)
def test_rhyme_table(first: str, second: str, match: RhymeMatch) -> None:
    assert match_rhyme(parse_syllable(first), parse_syllable(second)) is match
    assert match_rhyme(parse_syllable(second), parse_syllable(first)) is match


def test_tone_does_not_matter_to_rhyme() -> None:
    assert match_rhyme(parse_syllable("ve"), parse_syllable("vẻ")) is RhymeMatch.EXACT


@pytest.mark.parametrize(
    ("first", "second", "region", "match"),
    [
        ("chân", "răng", None, RhymeMatch.NONE),
        ("chân", "răng", "north", RhymeMatch.NONE),
        ("chân", "răng", "central", RhymeMatch.REGIONAL),
        ("chân", "răng", "south", RhymeMatch.REGIONAL),
        ("đoan", "hang", None, RhymeMatch.LOOSE),
        ("đoan", "hang", "south", RhymeMatch.REGIONAL),
        ("mát", "các", "south", RhymeMatch.REGIONAL),
        ("mát", "các", "north", RhymeMatch.LOOSE),
        ("lênh", "tin", None, RhymeMatch.NONE),
        ("lênh", "tin", "central", RhymeMatch.NONE),
        ("lênh", "tin", "south", RhymeMatch.REGIONAL),
        ("tin", "tinh", "south", RhymeMatch.REGIONAL),
        ("tin", "tinh", "central", RhymeMatch.REGIONAL),
        ("rượu", "líu", None, RhymeMatch.LOOSE),
        ("rượu", "líu", "south", RhymeMatch.REGIONAL),
        ("cứu", "chịu", "south", RhymeMatch.REGIONAL),
        ("kiếm", "chìm", "south", RhymeMatch.NEAR),
        ("tin", "tiên", "south", RhymeMatch.NEAR),
        ("nhiều", "chịu", "south", RhymeMatch.NEAR),
        ("ta", "nhà", "south", RhymeMatch.EXACT),
        ("tà", "vài", "south", RhymeMatch.NONE),
        ("thang", "duyên", "south", RhymeMatch.NONE),
    ],
)
def test_regional_rhyme_table(
    first: str, second: str, region: str | None, match: RhymeMatch
) -> None:
    assert match_rhyme(parse_syllable(first), parse_syllable(second), region) is match
    assert match_rhyme(parse_syllable(second), parse_syllable(first), region) is match


def test_regional_rhyme_rhymes_by_ear() -> None:
    assert RhymeMatch.REGIONAL.rhymes and RhymeMatch.REGIONAL.sound
    assert RhymeMatch.LOOSE.rhymes and not RhymeMatch.LOOSE.sound
