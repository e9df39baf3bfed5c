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
