"""Localized sites: per-locale pages, switcher, hreflang, fallbacks, a third language by data alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, Runner, copy_project

KM = REPO / "tests" / "fixtures" / "km"


@pytest.fixture
def km_site(tmp_path: Path, ansinh: Runner) -> tuple[Path, Path]:
    project = copy_project(KM, tmp_path / "km")
    out = tmp_path / "site"
    code, _, err = ansinh("-C", project, "build", "--out", out)
    assert code == 0, err
    return project, out


def html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_each_locale_has_its_own_folder_language_and_search(km_site: tuple[Path, Path]) -> None:
    _, out = km_site
    for prefix, lang in (("", "vi"), ("en/", "en"), ("km/", "km")):
        page = html(out / prefix / "campaigns/thu-nghiem/index.html")
        assert f'<html lang="{lang}"' in page
        assert (out / prefix / "pagefind/pagefind-entry.json").is_file()
        assert not (out / prefix / "search").exists()
        assert f"https://test.example.vn/{prefix}campaigns/thu-nghiem/" in html(
            out / prefix / "sitemap.xml"
        )


def test_the_switcher_links_to_the_same_page_in_each_language(km_site: tuple[Path, Path]) -> None:
    _, out = km_site
    page = html(out / "km/campaigns/thu-nghiem/index.html")
    nav = page[page.index('<nav class="ansinh-languages"') :]
    nav = nav[: nav.index("</nav>")]
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', nav))
    assert links == {
        "../../../campaigns/thu-nghiem/": "vi",
        "../../../en/campaigns/thu-nghiem/": "en",
    }
    for href in links:
        assert (out / "km/campaigns/thu-nghiem" / href / "index.html").resolve().is_file()
    assert '<span aria-current="true" lang="km">ខ្មែរ</span>' in nav
    assert '<link rel="alternate"' not in page


def test_sitemaps_list_each_page_with_its_language_alternates(km_site: tuple[Path, Path]) -> None:
    _, out = km_site
    for prefix in ("", "en/", "km/"):
        sitemap = html(out / prefix / "sitemap.xml")
        entry = sitemap[
            sitemap.index(f"<loc>https://test.example.vn/{prefix}campaigns/thu-nghiem/") :
        ]
        entry = entry[: entry.index("</url>")]
        alternates = re.findall(r'hreflang="([a-z-]+)" href="([^"]+)"', entry)
        assert alternates == [
            ("vi", "https://test.example.vn/campaigns/thu-nghiem/"),
            ("en", "https://test.example.vn/en/campaigns/thu-nghiem/"),
            ("km", "https://test.example.vn/km/campaigns/thu-nghiem/"),
            ("x-default", "https://test.example.vn/campaigns/thu-nghiem/"),
        ]


def test_a_third_language_uses_its_catalog_and_marks_fallbacks(km_site: tuple[Path, Path]) -> None:
    _, out = km_site
    page = html(out / "km/campaigns/thu-nghiem/index.html")
    assert "<h1 id=" in page and "ធានារាប់រងសង្គមស្ម័គ្រចិត្ត</h1>" in page
    assert '<span lang="vi">Một chiến dịch để thử.</span>' in page
    assert '<span lang="vi">Đóng sau mùa lúa.</span>' in page
    assert 'placeholder="ស្វែងរក"' in page
    assert ">យុទ្ធនាការ<" in page or "យុទ្ធនាការ\n" in page
    about = html(out / "km/gioi-thieu/index.html")
    assert '<h1 id="gioi-thieu" lang="vi">Giới thiệu</h1>' in about
    assert '<div lang="vi">' in about


def test_missing_translations_are_listed_with_their_places(ansinh: Runner) -> None:
    code, out, _ = ansinh("-C", KM, "check")
    assert code == 0
    assert out.splitlines() == [
        "campaigns.yml:8:17: warning: chưa có bản dịch «km»; trang sẽ hiện bản «vi»",
        "campaigns.yml:13:14: warning: chưa có bản dịch «km»; trang sẽ hiện bản «vi»",
        "campaigns.yml:17:9: warning: chưa có bản dịch «km»; trang sẽ hiện bản «vi»",
        "campaigns.yml:21:16: warning: chưa có bản dịch «km»; trang sẽ hiện bản «vi»",
        "content/pages/gioi-thieu.md:1:1: warning: chưa có bản «en» "
        "(content/pages/gioi-thieu.en.md); trang sẽ hiện bản «vi»",
        "content/pages/gioi-thieu.md:1:1: warning: chưa có bản «km» "
        "(content/pages/gioi-thieu.km.md); trang sẽ hiện bản «vi»",
        "content/testimonials/chi-a.yml:4:8: warning: chưa có bản dịch «km»; trang sẽ hiện bản «vi»",
    ]


def test_the_build_reports_translation_coverage(km_site: tuple[Path, Path], ansinh: Runner) -> None:
    project, _ = km_site
    coverage = json.loads((project / ".ansinh/translation-coverage.json").read_text("utf-8"))
    # Localized texts: site title and organisation, campaign title, summary, message,
    # figure label, testimonial quote — plus the one hand-written page.
    assert coverage == {
        "vi": {"translated": 8, "total": 8},
        "en": {"translated": 7, "total": 8},
        "km": {"translated": 2, "total": 8},
    }
