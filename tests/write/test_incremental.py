"""An incremental build publishes the same bytes as a clean build, whatever came before.

A random walk over the small project: each example applies one to four edits (a
page's text, a testimonial's quote, mkdocs.yml, files saved again unchanged, a lost
scratch folder, a lost site), then builds incrementally, and compares the published
tree, byte for byte and path for path, with a clean build (empty cache, empty
scratch, new output folder) of the same sources.

Cost and its trade-off: a clean build of the small project takes about 4 s, an
incremental build 0.3 s when the engine is skipped and 2 s when it runs for a
locale. Fifty walks with a clean build each would take minutes, so the sources
move among eight states (two texts of a Vietnamese-only page × two wordings of a
quote × two mkdocs.yml settings read by both locales) and the clean build of each
state is made once and kept; every clean build starts from the parts (cards,
scripts, posters…) the earlier ones rendered, so each wording's parts are rendered
once. The module then costs about 35 CPU-seconds (one clean build with its cards
and audio, three clean builds of the pages, fifty incremental builds at ≈ 0.4 s
and four engine runs), and every example still starts from the cache, scratch
folder and site the previous examples left, which is where incremental builds go
wrong. ``ANSINH_FUZZ=long`` runs ten times as many walks.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import SCRATCH, build_site
from generator.write.cache import CACHE_DIR, ENGINE
from tests.conftest import MINI, copy_project

PAGE = "content/pages/gioi-thieu.md"
PAGE_TEXTS = ("# Giới thiệu\n\nTrang thử.\n", "# Giới thiệu\n\nTrang thử, đã sửa một chữ.\n")
SETTING = "\ncopyright: Bảo hiểm xã hội huyện Thử\n"
TESTIMONIAL = "content/testimonials/chi-a.yml"
# Two wordings of her quote: the campaign and testimonial pages (which the engine rebuilds
# dirty: every page shares the rest) and the parts that show her (card, scripts, leaflet).
QUOTES = ("Tôi đã tham gia.", "Tôi đã tham gia từ năm ngoái.")
WALKS = 500 if os.environ.get("ANSINH_FUZZ") == "long" else 50

Tree = dict[str, bytes]


def published(site: Path) -> Tree:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def unit_entries(folder: Path, cache: bool = True) -> set[str]:
    """Name the per-campaign cache entries of a project (or of a bare cache folder)."""
    return {p.name for p in (folder / CACHE_DIR if cache else folder).glob("*.json")}


class Walk:
    """The project being edited, its state (page text, setting), and clean builds by state."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = copy_project(MINI, root / "walk")
        self.base_mkdocs = (self.project / "mkdocs.yml").read_text("utf-8")
        self.base_testimonial = (self.project / TESTIMONIAL).read_text("utf-8")
        assert QUOTES[0] in self.base_testimonial
        self.page, self.setting, self.quote = 0, False, 0
        self.clean: dict[tuple[int, bool, int], Tree] = {}
        self.units: Path | None = None
        self.write_sources()

    def write_sources(self) -> None:
        (self.project / PAGE).write_text(PAGE_TEXTS[self.page], "utf-8")
        mkdocs = self.base_mkdocs + (SETTING if self.setting else "")
        (self.project / "mkdocs.yml").write_text(mkdocs, "utf-8")
        testimonial = self.base_testimonial.replace(QUOTES[0], QUOTES[self.quote])
        (self.project / TESTIMONIAL).write_text(testimonial, "utf-8")

    def clean_build(self) -> Tree:
        """Build the current sources from nothing, once per state.

        A clean build starts with no engine entries and no scratch folder, but with the
        parts (cards, scripts, posters…) the earlier clean builds rendered: rendering a
        part is the same whatever came before, and each wording of the quote has its own.
        """
        state = (self.page, self.setting, self.quote)
        if state not in self.clean:
            fresh = copy_project(self.project, self.root / f"clean-{len(self.clean)}")
            assert not (fresh / CACHE_DIR).exists() and not (fresh / SCRATCH).exists()
            if self.units is not None:
                shutil.copytree(self.units, fresh / CACHE_DIR)
            build_site(fresh, fresh / "site")
            self.clean[state] = published(fresh / "site")
            self.units = self.root / "units"
            shutil.copytree(
                fresh / CACHE_DIR,
                self.units,
                ignore=shutil.ignore_patterns(ENGINE),
                dirs_exist_ok=True,
            )
            shutil.rmtree(fresh)
        return self.clean[state]


def toggle_page(walk: Walk) -> None:
    walk.page = 1 - walk.page
    walk.write_sources()


def toggle_setting(walk: Walk) -> None:
    walk.setting = not walk.setting
    walk.write_sources()


def toggle_quote(walk: Walk) -> None:
    walk.quote = 1 - walk.quote
    walk.write_sources()


def rewrite_same_bytes(walk: Walk) -> None:
    """Save the files again unchanged: new modification times, same content."""
    for name in (PAGE, "mkdocs.yml", "campaigns.yml"):
        path = walk.project / name
        path.write_bytes(path.read_bytes())


def lose_scratch(walk: Walk) -> None:
    shutil.rmtree(walk.project / SCRATCH, ignore_errors=True)


def lose_the_site(walk: Walk) -> None:
    shutil.rmtree(walk.project / "site", ignore_errors=True)


EDITS: list[Callable[[Walk], None]] = [
    toggle_page,
    toggle_setting,
    toggle_quote,
    rewrite_same_bytes,
    lose_scratch,
    lose_the_site,
]


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    made = Walk(tmp_path_factory.mktemp("incremental"))
    made.clean_build()
    assert made.units is not None
    shutil.copytree(made.units, made.project / CACHE_DIR)  # the walk renders no card either
    return made


@settings(
    max_examples=WALKS,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(st.sampled_from(EDITS), min_size=1, max_size=4))
def test_an_incremental_build_equals_a_clean_build(
    walk: Walk, edits: list[Callable[[Walk], None]]
) -> None:
    for edit in edits:
        edit(walk)
    build_site(walk.project, walk.project / "site")
    incremental = published(walk.project / "site")
    clean = walk.clean_build()
    assert incremental.keys() == clean.keys()
    assert [name for name in clean if incremental[name] != clean[name]] == []


def test_the_walk_ran_the_engine_only_where_a_tree_changed(walk: Walk) -> None:
    # Whatever the walk left (it may run in another test process), once the site is
    # current a rebuild reuses every locale.
    build_site(walk.project, walk.project / "site")
    summary = build_site(walk.project, walk.project / "site")
    assert summary.counts.engine_runs == 0
    assert summary.counts.made == 0 and summary.counts.removed == 0
