"""A locale's search index is made again only when what it indexes changed.

Pagefind indexes every page of a locale again each time it runs (some 0.3 CPU-s a
locale of 40 campaigns). Its index is a function of the locale's search records: when
they are the same as last build's and the index files are still as they were stored,
the build keeps them. The incremental property test (test_incremental.py) shows the
result is what a clean build publishes; these tests show when Pagefind runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.write.engine as engine
from generator.pipeline import build_site
from tests.conftest import MINI, copy_project

QUOTE = "content/testimonials/chi-a.yml"


def index_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for folder in (site / "pagefind", site / "en" / "pagefind")
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the records of each index Pagefind is asked to make."""
    runs: list[int] = []
    make = engine.render_search_index

    def render(records: list[engine.SearchRecord]) -> dict[str, bytes]:
        runs.append(len(records))
        return make(records)

    monkeypatch.setattr(engine, "render_search_index", render)
    return runs


def test_a_change_of_looks_only_keeps_both_indexes(tmp_path: Path, counted: list[int]) -> None:
    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    assert len(counted) == 2  # one index a locale
    before = index_files(project / "site")
    # The footer changes on every page of both locales; no page's article does.
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\ncopyright: Bảo hiểm xã hội huyện Thử\n")
    summary = build_site(project, project / "site")
    assert summary.counts.engine_runs == 2
    assert len(counted) == 2, "Pagefind ran again for records that did not change"
    assert index_files(project / "site") == before


def test_an_edit_in_one_language_remakes_that_languages_index(
    tmp_path: Path, counted: list[int]
) -> None:
    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    counted.clear()
    before = index_files(project / "site")
    path = project / QUOTE
    path.write_text(path.read_text("utf-8").replace("en: I joined.", "en: I joined too."), "utf-8")
    build_site(project, project / "site")
    assert len(counted) == 1  # the English index; the Vietnamese one is kept
    after = index_files(project / "site")
    assert {n for n in after if after[n] != before.get(n)} <= {
        n for n in after if n.startswith("en/")
    }
    assert any(after[n] != before.get(n) for n in after if n.startswith("en/"))


def test_a_lost_index_file_comes_from_the_store_else_the_index_is_made_again(
    tmp_path: Path, counted: list[int]
) -> None:
    import hashlib

    from generator.write.cache import CACHE_DIR

    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    before = index_files(project / "site")
    counted.clear()
    scratch = project / ".ansinh" / "build" / "vi" / "site" / "pagefind"
    lost = next(scratch.glob("*.js"))
    # The engine's copy of a file is replaced: no longer the stored one.
    data = lost.read_bytes()
    lost.unlink()
    lost.write_bytes(b"damaged")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\ncopyright: Thử\n")
    build_site(project, project / "site")
    assert counted == []  # taken back from the store, checked against its hash
    assert index_files(project / "site") == before
    # Now the stored copy is damaged too: the index is made again, the same.
    blob = project / CACHE_DIR / "blobs" / hashlib.sha256(data).hexdigest()[:2]
    stored = blob / hashlib.sha256(data).hexdigest()
    stored.unlink()
    stored.write_bytes(b"damaged")
    lost.unlink()
    lost.write_bytes(b"damaged")
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text("utf-8").replace("copyright: Thử", "copyright: Thử 2"),
        "utf-8",
    )
    build_site(project, project / "site")
    # The Vietnamese index is made again; its file (Pagefind's worker, the same in both
    # indexes) takes the damaged blob's place, and the English index is taken from it.
    assert len(counted) == 1
    assert index_files(project / "site") == before


def test_index_names_from_a_tampered_build_folder_stay_inside_the_index(
    tmp_path: Path, counted: list[int]
) -> None:
    import json

    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    known = project / ".ansinh" / "build" / "vi" / "search-records.json"
    memo = json.loads(known.read_text("utf-8"))
    index = memo[engine.INDEX_KEY]
    sha256 = next(iter(index["files"].values()))
    index["files"] = {**index["files"], "pagefind/../../../../outside.js": sha256}
    known.write_text(json.dumps(memo), "utf-8")
    counted.clear()
    # A full engine build (a setting changed): the index files must come from somewhere.
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\ncopyright: Thử\n")
    build_site(project, project / "site")
    assert not list(tmp_path.rglob("outside.js"))
    assert len(counted) == 1  # the Vietnamese index, made anew rather than trusted


def test_records_read_by_other_code_are_read_again(tmp_path: Path, counted: list[int]) -> None:
    import json

    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    known = project / ".ansinh" / "build" / "vi" / "search-records.json"
    memo = json.loads(known.read_text("utf-8"))
    # As if an older An Sinh had read the pages another way.
    for key, fields in memo.items():
        if isinstance(fields, list):
            memo[key] = ["TAMPERED", *fields[1:]]
    memo[engine.CODE_KEY] = "older"
    known.write_text(json.dumps(memo), "utf-8")
    page = project / "content" / "pages" / "gioi-thieu.md"
    page.write_text(page.read_text("utf-8") + "\nMột câu nữa.\n", "utf-8")
    build_site(project, project / "site")
    assert not any(b"TAMPERED" in data for data in index_files(project / "site").values())


def test_an_index_file_name_in_the_way_of_a_folder_is_made_anew(
    tmp_path: Path, counted: list[int]
) -> None:
    import json

    project = copy_project(MINI, tmp_path / "mini")
    build_site(project, project / "site")
    before = index_files(project / "site")
    known = project / ".ansinh" / "build" / "vi" / "search-records.json"
    memo = json.loads(known.read_text("utf-8"))
    files = memo[engine.INDEX_KEY]["files"]
    memo[engine.INDEX_KEY]["files"] = {"pagefind/fragment": next(iter(files.values())), **files}
    known.write_text(json.dumps(memo), "utf-8")
    counted.clear()
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\ncopyright: Thử\n")
    build_site(project, project / "site")
    assert len(counted) == 1
    assert index_files(project / "site") == before
