"""A resident's first load: everything a page fetches before the person touches it, counted
as a web host sends it (gzip for text), stays within the budget of a cheap phone plan."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.conftest import OpenPage, Served

BUDGET = 80_000  # bytes
TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def sent_bytes(site: Path, url: str) -> int:
    """Return what a gzip-serving host sends for a same-site ``url``."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    data = path.read_bytes()
    return len(gzip.compress(data, mtime=0)) if path.suffix in TEXT else len(data)


@pytest.mark.parametrize("path", ["", "campaigns/thu-nghiem/", "en/campaigns/thu-nghiem/"])
def test_the_first_load_fits_the_budget(mini_site: Served, open_page: OpenPage, path: str) -> None:
    watched = open_page(mini_site.url + path)
    watched.page.wait_for_load_state("networkidle")
    watched.assert_clean()
    fetched = [url for url in watched.requests if not url.startswith("data:")]
    sizes = {url: sent_bytes(mini_site.root, url) for url in fetched}
    assert sum(sizes.values()) <= BUDGET, sizes
    assert not [url for url in fetched if "/javascripts/" in url or "/search/" in url], sizes
