from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.commands.verse import load_verse
from generator.verse import is_folk_verse
from generator.verse.check import check_verse

VERSES = Path(__file__).resolve().parents[2] / "content" / "verses"
EXPECTED = {
    "luong-huu-luc-bat": ("luc_bat", "north"),
    "ve-cho-phien": ("ve", "north"),
    "ho-dong-thap": ("ho", "south"),
    "vong-co-an-sinh": ("vong_co", "south"),
    "song-that-khuyen-con": ("song_that_luc_bat", "north"),
}


def test_every_expected_example_is_there() -> None:
    assert set(EXPECTED) <= {path.stem for path in VERSES.glob("*.yml")}


@pytest.mark.parametrize("path", sorted(VERSES.glob("*.yml")), ids=lambda path: path.stem)
def test_example_verse_has_no_error(path: Path) -> None:
    verse = load_verse(path)
    assert [item for item in check_verse(verse) if item.severity == "error"] == []


@pytest.mark.parametrize(
    ("name", "form", "region"), [(name, *values) for name, values in EXPECTED.items()]
)
def test_example_form_and_region(name: str, form: str, region: str) -> None:
    verse = load_verse(VERSES / f"{name}.yml")
    assert (verse.form, verse.region, verse.author) == (form, region, "An Sinh")
    assert isinstance(verse.title, dict) and set(verse.title) == {"vi", "en"}


@pytest.mark.parametrize("path", sorted(VERSES.glob("*.yml")), ids=lambda path: path.stem)
def test_example_has_no_id_key(path: Path) -> None:
    assert "id" not in yaml.safe_load(path.read_text(encoding="utf-8"))


def test_luc_bat_example_length() -> None:
    assert 8 <= len(load_verse(VERSES / "luong-huu-luc-bat.yml").lines) <= 12


@pytest.mark.parametrize("path", sorted(VERSES.glob("*.yml")), ids=lambda path: path.stem)
def test_example_verse_is_composed_so_checked_strictly(path: Path) -> None:
    verse = load_verse(path)
    assert not is_folk_verse(verse)
    assert check_verse(verse) == check_verse(verse, folk=False)
