"""``ansinh build``: the whole site, its manifest, determinism, atomicity, no outside requests."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator import pipeline as build_module
from generator.render.loudspeaker.audio import preview_format
from tests.conftest import Runner

KINDS = {"page", "poster", "leaflet", "sheet", "card", "caption", "loudspeaker", "audio"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(ansinh: Runner, project: Path, out: Path) -> tuple[int, str, str]:
    return ansinh("-C", project, "build", "--out", out)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.cli import main
    from tests.conftest import REPO, copy_project

    project = copy_project(REPO, tmp_path_factory.mktemp("example") / "project")
    out = project.parent / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    return out


def example_campaigns() -> list[str]:
    from tests.conftest import REPO

    data = yaml.safe_load((REPO / "campaigns.yml").read_text(encoding="utf-8"))
    return [campaign["id"] for campaign in data["campaigns"]]


def test_example_has_home_and_one_page_per_campaign_in_each_locale(example_site: Path) -> None:
    campaigns = example_campaigns()
    assert len(campaigns) == 5
    for prefix in ("", "en/"):
        assert (example_site / prefix / "index.html").is_file()
        for campaign in campaigns:
            assert (example_site / prefix / "campaigns" / campaign / "index.html").is_file()


def test_manifest_lists_every_page_with_its_hash(example_site: Path) -> None:
    manifest = json.loads((example_site / "manifest.json").read_text(encoding="utf-8"))
    paths = [entry["path"] for entry in manifest]
    assert paths == sorted(set(paths))
    files = sorted(
        p.relative_to(example_site).as_posix() for p in example_site.rglob("*") if p.is_file()
    )
    listed = set(paths)
    # The engine theme's source maps are for developers' tools: not published.
    assert [f for f in files if f.endswith(".map")] == []
    engine_files = [f for f in files if f not in listed]
    assert all(
        f.startswith(("assets/", "pagefind/", "en/assets/", "en/pagefind/"))
        or f.endswith(("sitemap.xml", "sitemap.xml.gz"))
        or f == "manifest.json"
        for f in engine_files
    ), engine_files
    html = sorted(p.relative_to(example_site).as_posix() for p in example_site.rglob("*.html"))
    assert [p for p in paths if p.endswith(".html")] == html
    pages = [e["path"] for e in manifest if e["kind"] == "page"]
    assert not [p for p in pages if p.startswith("loudspeaker/") and "/index.html" not in p]
    for entry in manifest:
        assert set(entry) == {"path", "kind", "campaign", "locale", "format", "sha256", "bytes"}
        assert entry["kind"] in KINDS
        data = (example_site / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    campaign_pages = {
        (e["campaign"], e["locale"]) for e in manifest if e["kind"] == "page" and e["campaign"]
    }
    assert campaign_pages == {(c, loc) for c in example_campaigns() for loc in ("vi", "en")}
    kinds = {(e["kind"], e["format"]) for e in manifest}
    assert {
        ("card", "png"),
        ("caption", "txt"),
        ("loudspeaker", "txt"),
        ("loudspeaker", "pdf"),
        ("loudspeaker", "html"),
        ("loudspeaker", "ics"),
        ("audio", preview_format("opus")),
        ("poster", "pdf"),
        ("poster", "png"),
        ("leaflet", "pdf"),
        ("leaflet", "png"),
    } <= kinds
    for campaign in example_campaigns():
        mine = {e["path"] for e in manifest if e["campaign"] == campaign}
        facebook = rf"social/vi/{campaign}/facebook\.[0-9a-f]{{8}}\.png"
        assert any(re.fullmatch(facebook, path) for path in mine)
        assert f"loudspeaker/{campaign}/3-phut.txt" in mine
        assert f"loudspeaker/{campaign}/1-phut.{preview_format('opus')}" in mine
        assert f"loudspeaker/{campaign}/schedule.ics" in mine
        assert f"print/{campaign}/poster-a4.pdf" in mine
        assert f"print/{campaign}/poster-a4.png" in mine
        assert f"print/{campaign}/poster-a3.pdf" in mine
        assert f"print/{campaign}/leaflet-a5.pdf" in mine
        assert f"downloads/{campaign}/index.html" in mine


class _Requests(HTMLParser):
    """Collect every address a browser would fetch while loading the page."""

    FETCHING = {
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("iframe", "src"),
        ("video", "src"),
        ("video", "poster"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("track", "src"),
        ("input", "src"),
    }
    LINK_FETCHING = {
        "stylesheet",
        "icon",
        "preload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "modulepreload",
        "manifest",
        "apple-touch-icon",
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and (tag, name) in self.FETCHING:
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            if name == "style" and value:
                self.urls.extend(re.findall(r"url\(['\"]?([^'\")]+)", value))
        rel = set((values.get("rel") or "").split())
        if tag == "link" and rel & self.LINK_FETCHING and values.get("href"):
            self.urls.append(values["href"] or "")


def _outside(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.IGNORECASE))


def test_no_page_asks_for_anything_outside_the_site(example_site: Path) -> None:
    checked = 0
    for page in example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        parser = _Requests()
        parser.feed(text)
        assert [u for u in parser.urls if _outside(u)] == [], page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", text)
        assert all('type="application/json"' in attributes for attributes in inline), page
        checked += 1
    for css in example_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        imports = re.findall(r"@import\s+(?:url\()?['\"]?([^'\")\s;]+)", text)
        urls = re.findall(r"url\(['\"]?([^'\")]+)", text)
        assert [u for u in imports + urls if _outside(u)] == [], css
    assert checked > 20


def test_the_request_checker_sees_outside_requests() -> None:
    parser = _Requests()
    parser.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<img srcset="a.png 1x, //cdn.example/b.png 2x"><a href="https://x.vn/">x</a>'
    )
    assert [u for u in parser.urls if _outside(u)] == [
        "https://fonts.googleapis.com/css",
        "//cdn.example/b.png",
    ]


def test_two_builds_give_identical_bytes(mini: Path, ansinh: Runner, tmp_path: Path) -> None:
    assert build(ansinh, mini, tmp_path / "one")[0] == 0
    assert build(ansinh, mini, tmp_path / "two")[0] == 0
    first, second = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert build(ansinh, mini, out)[0] == 0
    before = snapshot(out)
    campaigns = mini / "campaigns.yml"
    campaigns.write_text(
        campaigns.read_text("utf-8").replace("value: 2921", "value: nhiều"), "utf-8"
    )
    code, stdout, _ = build(ansinh, mini, out)
    assert code == 1
    assert "campaigns.yml:19:16: error:" in stdout
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "mini", "site"]


def test_an_engine_failure_leaves_the_previous_site(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert build(ansinh, mini, out)[0] == 0
    before = snapshot(out)
    page = mini / "content" / "pages" / "gioi-thieu.md"
    page.write_text("# Giới thiệu\n\n[Hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    code, _, stderr = build(ansinh, mini, out)
    assert code == 1
    assert "khong-co-trang-nay.md" in stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "mini", "site"]


def test_an_interrupted_build_leaves_the_previous_site(
    mini: Path, ansinh: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    assert build(ansinh, mini, out)[0] == 0
    before = snapshot(out)

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_manifest", interrupt)
    code, _, stderr = build(ansinh, mini, out)
    assert code == 130
    assert "giữ nguyên" in stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "mini", "site"]


def test_page_size_does_not_grow_with_the_number_of_campaigns(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    assert build(ansinh, mini, tmp_path / "one")[0] == 0
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8")
    block = text[text.index("  - id: thu-nghiem") :]
    # The other campaigns' cards, posters and audio do not touch a page: web only, for speed.
    block = block.replace("  - id: thu-nghiem\n", "  - id: thu-nghiem\n    outputs: [web]\n", 1)
    extra = "".join(block.replace("thu-nghiem", f"thu-nghiem-{i}") for i in range(40))
    campaigns.write_text(text + extra, "utf-8")
    assert build(ansinh, mini, tmp_path / "many")[0] == 0
    page = "campaigns/thu-nghiem/index.html"
    one = (tmp_path / "one" / page).read_bytes()
    many = (tmp_path / "many" / page).read_bytes()
    assert len(many) == len(one)
    assert len(list((tmp_path / "many" / "campaigns").iterdir())) == 42


def test_the_example_builds_to_identical_bytes_twice(
    example_site: Path, ansinh: Runner, tmp_path: Path
) -> None:
    from tests.conftest import REPO, copy_project

    project = copy_project(REPO, tmp_path / "again")
    assert build(ansinh, project, tmp_path / "site")[0] == 0
    first, second = snapshot(example_site), snapshot(tmp_path / "site")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize(
    ("page", "vi", "en"),
    [
        ("campaigns/dong-thap/index.html", "2.921", "2,921"),
        ("campaigns/dong-thap/index.html", "đạt 87,59% kế hoạch", "87.59% of plan reached"),
        (
            "campaigns/dong-thap/index.html",
            "từ 1.500.000\u00a0đ đến 46.800.000\u00a0đ",
            "between 1,500,000\u00a0VND and 46,800,000\u00a0VND",
        ),
        ("campaigns/dong-thap/index.html", "Số liệu đến 3/6/2021.", "As of June 3, 2021."),
        ("campaigns/lao-cai/index.html", "1,24", "1.24"),
        ("campaigns/le-chan-hai-phong/index.html", "39.783", "39,783"),
        (
            "campaigns/le-chan-hai-phong/index.html",
            "1/10/2021 – 31/12/2021",
            "October 1, 2021 – December 31, 2021",
        ),
    ],
)
def test_pages_write_numbers_amounts_and_dates_as_each_language_does(
    example_site: Path, page: str, vi: str, en: str
) -> None:
    assert vi in (example_site / page).read_text("utf-8")
    assert en in (example_site / "en" / page).read_text("utf-8")


def test_heading_anchors_fold_vietnamese(example_site: Path) -> None:
    page = (example_site / "campaigns/dong-thap/index.html").read_text("utf-8")
    ids = re.findall(r'<h[1-6] id="([^"]+)"', page)
    assert "dieu-can-nho" in ids
    assert "noi-dang-ky-tham-gia" in ids  # «Nơi đăng ký tham gia»
    assert "toi-se-dong-bao-nhieu" in ids
    assert not [anchor for anchor in ids if anchor.startswith(("ieu-", "ong-"))]


def test_each_locale_has_a_search_index_and_no_engine_index(example_site: Path) -> None:
    for prefix in ("", "en/"):
        bundle = example_site / prefix / "pagefind"
        assert (bundle / "pagefind-entry.json").is_file()
        assert list((bundle / "index").glob("*.pf_index"))
        assert not (bundle / "pagefind-ui.js").exists()
        assert not (example_site / prefix / "search").exists()
