"""The site engine runs every locale of a build in one child: strictly, each run's
problems told against its own locale's folder."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

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


def test_the_theme_listing_leaves_out_only_hidden_folders_the_engine_never_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2
    import material
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    from generator.write.engine_run import theme_templates

    own = tmp_path / "overrides"
    (own / ".hidden").mkdir(parents=True)
    (own / ".hidden" / "x.svg").write_text("<svg/>", encoding="utf-8")
    (own / "assets").mkdir()
    (own / "assets" / "extra.css").write_text("p{}", encoding="utf-8")
    (own / "assets" / ".keep").write_text("", encoding="utf-8")
    loader = jinja2.FileSystemLoader([str(own), str(Path(material.__file__).parent / "templates")])
    everything = loader.list_templates()
    listed = theme_templates(loader)
    assert len(everything) > 10_000 > len(listed) > 100  # Material's icons are hidden
    assert "assets/extra.css" in listed and ".hidden/x.svg" not in listed
    assert "assets/.keep" in listed and set(listed) <= set(everything)

    # What the engine copies from the theme is the same from either listing.
    theme = Theme(name="material", custom_dir=str(own))
    config = SimpleNamespace(theme=theme, site_dir=str(tmp_path / "site"), use_directory_urls=True)

    def copied() -> list[str]:
        files = Files([])
        files.add_files_from_theme(theme.get_env(), config)  # type: ignore[arg-type]
        return sorted(file.src_uri for file in files)

    before = copied()
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", theme_templates)
    assert copied() == before
    assert "assets/extra.css" in before and not any("/." in f or f[0] == "." for f in before)


def test_the_engine_keeps_its_search_box_but_writes_no_index_of_its_own(tmp_path: Path) -> None:
    config = _site(tmp_path / "vi", "# Trang chủ\n\nBảo hiểm xã hội tự nguyện.\n")
    text = config.read_text(encoding="utf-8").replace("theme: mkdocs", "theme: material")
    config.write_text(text + "plugins: [search]\n", encoding="utf-8")
    run_mkdocs([(config, False)], 1_700_000_000)
    page = (tmp_path / "vi/site/index.html").read_text("utf-8")
    assert 'class="md-search"' in page and "Bảo hiểm xã hội tự nguyện." in page
    assert not (tmp_path / "vi/site/search").exists()
