"""The site engine runs every locale of a build in one child: strictly, each run's
problems told against its own locale's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.write.engine import run_mkdocs
from generator.write.engine_run import runs


def _site(folder: Path, page: str) -> Path:
    """A one-page MkDocs project in ``folder``; return its mkdocs.yml."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Thử\ndocs_dir: docs\nsite_dir: {folder / 'site'}\ntheme: mkdocs\n",
        encoding="utf-8",
    )
    return config


def test_the_arguments_name_each_run_and_whether_it_is_dirty() -> None:
    assert runs(["a.yml", "--dirty", "b.yml", "c.yml"]) == [
        ("a.yml", False),
        ("b.yml", True),
        ("c.yml", False),
    ]


def test_two_locales_are_built_by_one_run(tmp_path: Path) -> None:
    vi = _site(tmp_path / "vi", "# Trang chủ\n\nBảo hiểm xã hội tự nguyện.\n")
    en = _site(tmp_path / "en", "# Home\n\nVoluntary social insurance.\n")
    run_mkdocs([(vi, False), (en, False)], 1_700_000_000)
    assert "Bảo hiểm xã hội tự nguyện." in (tmp_path / "vi/site/index.html").read_text("utf-8")
    assert "Voluntary social insurance." in (tmp_path / "en/site/index.html").read_text("utf-8")


def test_a_warning_stops_the_run_and_names_the_locale_it_came_from(tmp_path: Path) -> None:
    vi = _site(tmp_path / "vi", "# Trang chủ\n")
    en = _site(tmp_path / "en", "# Home\n\n[Join](missing-page.md)\n")
    with pytest.raises(RenderError) as raised:
        run_mkdocs([(vi, False), (en, False)], 1_700_000_000)
    message = str(raised.value)
    assert str(tmp_path / "en" / "docs") in message
    assert str(tmp_path / "vi" / "docs") not in message
    assert "WARNING" in message and "missing-page.md" in message
    # The locale before it was built; the run stopped at the one that warned.
    assert (tmp_path / "vi/site/index.html").is_file()
