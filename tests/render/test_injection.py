"""A project whose every text carries an attack builds into pages with no live markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.hostile import hostile_project


class LiveMarkup(HTMLParser):
    """Collects what would act in a browser: handlers, scripts, frames, foreign URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "srcset", "action") and (
                value.startswith(("javascript:", "data:text", "vbscript:"))
                or "evil.example" in value
                or (name in ("src", "srcset") and value.startswith(("http:", "https:", "//")))
            ):
                self.found.append(f"<{tag} {name}={value}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        json_block = data.lstrip().startswith(("{", "["))
        if self._in_script and "alert(" in data and not json_block:
            self.found.append(f"script: {data[:60]}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.cli import main

    folder = tmp_path_factory.mktemp("hostile")
    project = hostile_project(folder / "project")
    out = folder / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    return out


def test_the_hostile_project_builds_every_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    texts = "".join(p.read_text("utf-8") for p in pages)
    for tag in (3, 5, 6, 9, 10, 15, 18, 21, 24, 25, 27, 28, 29, 30, 33):
        assert f"T{tag} " in texts, f"field T{tag} is not shown anywhere"


def test_no_page_carries_live_markup_from_the_content(hostile_site: Path) -> None:
    leaks = {}
    for page in sorted(hostile_site.rglob("*.html")):
        parser = LiveMarkup()
        parser.feed(page.read_text("utf-8"))
        if parser.found:
            leaks[page.relative_to(hostile_site).as_posix()] = parser.found
    assert leaks == {}


def test_the_attack_text_is_shown_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "testimonials" / "chi-a" / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page or "&lt;img src=x onerror=alert(1)>" in page
    assert "javascript:alert(20)" not in page.lower()


@pytest.mark.parametrize("suffix", ["txt", "ics"])
def test_loudspeaker_files_keep_their_structure(hostile_site: Path, suffix: str) -> None:
    for file in (hostile_site / "loudspeaker").rglob(f"*.{suffix}"):
        text = file.read_text("utf-8")
        if suffix == "ics":
            lines = text.split("\r\n")
            assert sum(line == "BEGIN:VEVENT" for line in lines) == sum(
                line == "END:VEVENT" for line in lines
            )
            assert all(not line.startswith(("BEGIN:VALARM", "ATTACH")) for line in lines)


def test_every_page_carries_the_readmes_policy_without_its_header_only_part(
    hostile_site: Path,
) -> None:
    import re

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    header = re.search(r"^ *Content-Security-Policy: (.+)$", readme, re.MULTILINE)
    assert header is not None
    expected = "; ".join(
        part for part in header.group(1).split("; ") if not part.startswith("frame-ancestors")
    )
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    for page in sorted(hostile_site.rglob("*.html")):
        found = meta.findall(page.read_text("utf-8"))
        # An operator sheet (loudspeaker/<campaign>/3-phut.html): no script at all; the
        # campaign's operator page beside it (index.html) is a page of the site.
        if page.parent.parent.name == "loudspeaker" and page.name != "index.html":
            assert found == [
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
            ], page
        elif "downloads" in page.relative_to(hostile_site).parts:  # staff downloads: previews
            assert found == [
                "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; "
                "form-action 'none'"
            ], page
        else:
            assert found == [expected], page
