"""Site search in Chromium: folded Vietnamese, both tone placements, no false hits, lazy loading."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import OpenPage, Served, Watched, serve_folder
from tests.conftest import REPO, copy_project
from tests.text.test_fold import QUERY_TOKENS

KM = REPO / "tests" / "fixtures" / "km"
SEARCH_FILES = ("pagefind/", "assets/search/", "search/search_index.json", "workers/search")


def build(source: Path, folder: Path) -> Path:
    from generator.cli import main

    project = copy_project(source, folder / "project")
    out = folder / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve_folder(build(REPO, tmp_path_factory.mktemp("search-example"))) as served:
        yield served


@pytest.fixture(scope="module")
def km_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve_folder(build(KM, tmp_path_factory.mktemp("search-km"))) as served:
        yield served


def article_text(file: Path) -> str:
    page = file.read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", " ", article)).lower()


def pages_with(root: Path, word: str) -> set[str]:
    """Return the addresses of the default locale's pages whose article holds ``word`` whole."""
    found = set()
    for file in root.rglob("index.html"):
        folder = file.parent.relative_to(root).as_posix()
        # Staff pages (progress reports, downloads, the loudspeaker operators' page) are
        # not for residents' search.
        if folder.startswith(("en", "km", "progress", "downloads", "loudspeaker")):
            continue
        whole = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", article_text(file))
        if not whole:
            continue
        found.add("/" if folder == "." else f"/{folder}/")
    return found


def open_search(watched: Watched) -> None:
    watched.page.click("label.md-header__button[for=__search]")


def search(watched: Watched, query: str) -> list[str]:
    """Type a query, wait for its results, return their addresses."""
    page = watched.page
    page.fill("form[data-ansinh-search] input", query)
    page.wait_for_function(
        "q => document.querySelector('form[data-ansinh-search]')"
        ".getAttribute('data-ansinh-searched') === q",
        arg=query,
        timeout=15000,
    )
    return page.eval_on_selector_all(
        "[data-ansinh-search-list] a", "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.fixture(scope="module")
def searching(example_site: Served, browser) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    from tests.browser.conftest import PHONE, watch

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    watched = watch(context.new_page())
    watched.page.goto(example_site.url + "campaigns/dong-thap/", wait_until="load")
    open_search(watched)
    yield watched
    watched.assert_clean()
    context.close()


def test_nothing_of_search_is_fetched_before_the_search_box_is_used(
    example_site: Served, open_page: OpenPage
) -> None:
    watched = open_page(example_site.url + "campaigns/dong-thap/")
    watched.page.wait_for_load_state("networkidle")
    fetched = [url for url in watched.requests if any(s in url for s in SEARCH_FILES)]
    assert fetched == []
    open_search(watched)
    assert search(watched, "dong")
    fetched = [url for url in watched.requests if "pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in fetched)
    assert any(".pf_index" in url for url in fetched)
    watched.assert_clean()


@pytest.mark.parametrize(("query", "word"), [("luong huu", "lương hưu"), ("dong", "đóng")])
def test_a_query_without_marks_finds_the_pages_with_the_marked_words(
    example_site: Served, searching: Watched, query: str, word: str
) -> None:
    expected = pages_with(example_site.root, word)
    assert expected
    assert expected <= set(search(searching, query))


@pytest.mark.parametrize(("old", "new"), [("hòa", "hoà"), ("tùy", "tuỳ"), ("thủy", "thuỷ")])
def test_both_tone_placements_give_the_same_results(searching: Watched, old: str, new: str) -> None:
    assert search(searching, old) == search(searching, new)


def test_a_tone_placement_finds_the_page_written_with_the_other(
    example_site: Served, searching: Watched
) -> None:
    expected = pages_with(example_site.root, "tùy")
    assert expected
    assert set(search(searching, "tuỳ")) == expected


@pytest.mark.parametrize("query", ["hệ", "quỵt", "sổ", "tệ", "hạ"])
def test_a_marked_word_on_no_page_finds_nothing(
    example_site: Served, searching: Watched, query: str
) -> None:
    assert not pages_with(example_site.root, query)
    assert search(searching, query) == []
    assert (
        searching.page.inner_text("[data-ansinh-search-meta]")
        == "Không tìm thấy tài liệu liên quan"
    )


def test_an_acronym_with_d_bar_is_found(example_site: Served, searching: Watched) -> None:
    expected = pages_with(example_site.root, "tttđ")
    assert len(expected) >= 3
    assert set(search(searching, "TTTĐ")) == expected


def test_the_english_site_searches_its_own_pages(example_site: Served, open_page: OpenPage) -> None:
    watched = open_page(example_site.url + "en/")
    open_search(watched)
    found = search(watched, "contribution")
    assert found and all(path.startswith("/en/") for path in found)
    assert search(watched, "contributio") == []
    watched.assert_clean()


def test_a_third_locale_searches_by_data_alone(km_site: Served, open_page: OpenPage) -> None:
    watched = open_page(km_site.url + "km/")
    open_search(watched)
    found = search(watched, "ធានារាប់រងសង្គមស្ម័គ្រចិត្ត")
    assert "/km/campaigns/thu-nghiem/" in found
    assert all(path.startswith("/km/") for path in found)
    assert search(watched, "ធានា") == []
    placeholder = watched.page.get_attribute("form[data-ansinh-search]", "data-placeholder")
    assert placeholder
    watched.assert_clean()


def test_the_query_table_gives_the_same_tokens_in_the_browser(searching: Watched) -> None:
    queries = [query for query, _ in QUERY_TOKENS]
    tokens = searching.page.evaluate(
        "qs => qs.map(q => window.ansinhSearch.queryTokens(q))", queries
    )
    assert tokens == [expected for _, expected in QUERY_TOKENS]
    index = searching.page.evaluate("window.ansinhSearch.indexTokens('Lương hưu Đắk Lắk')")
    assert index == [
        "luong0",
        "lu2ho2hng1",
        "huu0",
        "hu2hu1",
        "dak0",
        "2da2bk2s1",
        "lak0",
        "la2bk2s1",
    ]
