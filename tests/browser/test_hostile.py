"""A project whose every text carries an attack: no page opens a dialog or asks another host.

Every page is opened in Chromium, and the site search is used with the attack's words,
whose results the search engine writes into the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import OpenPage, Served, serve_folder
from tests.hostile import hostile_project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from generator.cli import main

    folder = tmp_path_factory.mktemp("hostile-browser")
    project = hostile_project(folder / "project")
    out = folder / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    with serve_folder(out) as served:
        yield served


def test_no_page_runs_the_content_or_asks_another_host(
    hostile_site: Served, open_page: OpenPage
) -> None:
    paths = sorted(
        p.relative_to(hostile_site.root).parent.as_posix() + "/"
        for p in hostile_site.root.rglob("index.html")
    )
    assert len(paths) >= 8
    dialogs: list[str] = []
    for path in paths:
        watched = open_page("about:blank")
        watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        watched.page.goto(hostile_site.url + ("" if path == "./" else path), wait_until="load")
        watched.page.wait_for_timeout(150)
        assert not watched.outside, f"{path}: {watched.outside}"
        watched.page.context.close()
    assert dialogs == []


@pytest.mark.parametrize("query", ["onerror", "onload"])
def test_search_results_show_the_attack_as_text(
    hostile_site: Served, open_page: OpenPage, query: str
) -> None:
    dialogs: list[str] = []
    watched = open_page("about:blank")
    watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched.page.goto(hostile_site.url, wait_until="load")
    watched.page.locator("label.md-search__icon, label[for='__search']").first.click()
    watched.page.wait_for_timeout(1000)
    watched.page.locator("input.md-search__input").press_sequentially(query, delay=30)
    watched.page.wait_for_timeout(1000)
    results = watched.page.locator(".md-search-result__item")
    assert results.count() >= 1, f"no result for {query}"
    assert (
        watched.page.locator(
            ".md-search-result img[src='x'], .md-search-result svg[onload]"
        ).count()
        == 0
    )
    assert dialogs == []
    assert not watched.outside
