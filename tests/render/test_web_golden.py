"""Golden files of the web renderer's Markdown, every page kind in every locale, and of the
manifest of the example site. After a deliberate change: ``make golden``, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import Project
from generator.render.web.pages import render_web
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import REPO, copy_project
from tests.golden import GOLDEN, check_golden

# Binary outputs vary with the image and audio libraries of the machine: their golden
# entry keeps what they are, not their bytes. Text outputs keep their hash.
BINARY_FORMATS = {"png", "jpg", "webp", "avif", "wav", "mp3", "opus", "pdf"}


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(REPO)[0]


@pytest.fixture(scope="module", params=["vi", "en"])
def pages(request: pytest.FixtureRequest, example: Project) -> tuple[str, dict[str, str]]:
    locale = str(request.param)
    own = {c.theme for c in example.campaigns if c.theme}
    themes = {name: load_theme(REPO, name) for name in own}
    assert themes, "the Mekong Delta campaigns are drawn with their own theme"
    site_theme = load_theme(REPO, example.site.theme)
    return locale, render_web(example, site_theme, locale, None, themes)


def test_golden_markdown_of_every_page(pages: tuple[str, dict[str, str]]) -> None:
    locale, rendered = pages
    kinds = {name.split("/")[0] if "/" in name else name for name in rendered}
    assert {"index.md", "campaigns", "testimonials", "verses", "loudspeaker"} <= kinds
    for name, text in sorted(rendered.items()):
        check_golden(f"web/{locale}/{name}", text)
    folder = GOLDEN / "web" / locale
    committed = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert committed == set(rendered), "a page was added or removed: run `make golden`"


def test_golden_manifest_of_the_example_site(tmp_path: Path) -> None:
    from generator.cli import main

    project = copy_project(REPO, tmp_path / "project")
    assert main(["-C", str(project), "build", "--out", str(tmp_path / "site")]) == 0
    entries = json.loads((tmp_path / "site" / "manifest.json").read_text("utf-8"))
    for entry in entries:
        if entry["format"] in BINARY_FORMATS:
            del entry["sha256"], entry["bytes"]
    check_golden("manifest.json", json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
