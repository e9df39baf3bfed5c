"""``ansinh build``: load, validate, render every output, then write them all at once."""

from __future__ import annotations

import calendar
import json
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from generator.errors import AnsinhError, Diagnostic
from generator.i18n import _
from generator.load.mkdocs import load_base_config
from generator.model import Project
from generator.model.theme import Theme
from generator.render.print.downloads import FOLDER as DOWNLOADS
from generator.render.print.downloads import render_downloads
from generator.render.print.photo import read_print_photos
from generator.render.views import locale_prefix
from generator.render.web.config import (
    STYLESHEET,
    mkdocs_config,
    overrides_files,
    stylesheet,
)
from generator.render.web.media import Picture, media_files, process_media
from generator.render.web.pages import render_web
from generator.render.web.search import render_search_index, search_records
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from generator.validate.translations import count_translations
from generator.write.cache import OutputStore, Stored
from generator.write.engine import engine_key, run_mkdocs, tree_digest
from generator.write.files import sync_folder, write_if_changed
from generator.write.guard import check_output_folder
from generator.write.publish import MANIFEST, publish, staging_folder, write_manifest
from generator.write.shards import join_shards, publish_join, stop_on_conflicts
from generator.write.units import finish_rendering, start_rendering

SCRATCH = ".ansinh/build"


COVERAGE_FILE = ".ansinh/translation-coverage.json"


@dataclass(frozen=True)
class Counts:
    """What a build did to the outputs of the manifest, against the site it replaced.

    ``made``: rendered by this build, or new or changed since the last site;
    ``reused``: the others, taken from the cache; ``removed``: in the last site only.
    ``engine_runs`` counts the locales the site engine ran for; ``engine_seconds`` is
    the wall time of those runs.
    """

    made: int = 0
    reused: int = 0
    removed: int = 0
    engine_runs: int = 0
    engine_seconds: float = 0.0


@dataclass(frozen=True)
class BuildSummary:
    outputs: int
    seconds: float
    warnings: list[Diagnostic]
    coverage: dict[str, dict[str, int]]
    notices: list[str]
    counts: Counts = Counts()


def translation_coverage(project: Project) -> dict[str, dict[str, int]]:
    """Count, per locale, the content texts and hand-written pages that exist in it."""
    items = [
        project.site,
        *project.campaigns,
        *project.testimonials.values(),
        *project.verses.values(),
        project.policy,
    ]
    counts = count_translations(items, project.site)
    page_ids = {page.id for page in project.pages}
    for locale, count in counts.items():
        count["total"] += len(page_ids)
        count["translated"] += sum(
            1
            for name in page_ids
            if any(
                p.id == name
                and (
                    p.locale == locale
                    or (p.locale is None and locale == project.site.default_locale)
                )
                for p in project.pages
            )
        )
    return counts


def content_epoch(project: Project) -> int:
    """Return the newest date of the content as Unix time: builds never depend on the clock."""
    dates = [campaign.period.start for campaign in project.campaigns]
    dates += [figure.as_of for campaign in project.campaigns for figure in campaign.figures]
    dates += [period.effective_from for period in project.policy.voluntary_social_insurance]
    newest = max(dates)
    return calendar.timegm(newest.timetuple())


@dataclass(frozen=True)
class LocaleTree:
    """One locale's generated tree: ``{"docs"|"overrides": {path: bytes}}`` and mkdocs.yml."""

    folders: dict[str, dict[str, bytes]]
    config: bytes

    def digest(self) -> str:
        """Hash everything the site engine reads for this locale."""
        return tree_digest({**self.folders, ".": {"mkdocs.yml": self.config}})


def locale_tree(
    project: Project,
    theme: Theme,
    locale: str,
    build_dir: Path,
    site_dir: Path,
    base: dict[str, Any],
    pictures: dict[str, Picture],
    themes: Mapping[str, Theme] | None = None,
) -> LocaleTree:
    """Render one locale's docs, overrides and mkdocs.yml, in memory.

    ``themes`` are the campaigns' own themes by name, which draw their cards.
    """
    pages = {
        name: text.encode("utf-8")
        for name, text in render_web(project, theme, locale, pictures, themes).items()
    }
    pages.update(media_files(pictures))
    pages.update(
        {
            f"assets/{name}": path.read_bytes()
            for name, path in theme.files("assets").items()
            if not name.endswith((".md", ".css"))
        }
    )
    pages[f"assets/{STYLESHEET}"] = stylesheet(theme)
    config = mkdocs_config(project, theme, locale, base, site_dir, build_dir / "overrides")
    return LocaleTree(
        {"docs": pages, "overrides": overrides_files(theme, locale)},
        yaml.safe_dump(config, allow_unicode=True, sort_keys=True).encode(),
    )


def write_locale_tree(tree: LocaleTree, build_dir: Path) -> Path:
    """Lay out a locale's tree as plain files, touching only what changed; return mkdocs.yml."""
    for folder, files in tree.folders.items():
        sync_folder(build_dir / folder, files)
    config_path = build_dir / "mkdocs.yml"
    write_if_changed(config_path, tree.config)
    return config_path


@dataclass
class WebSite:
    """The engine's files of every locale, as stored outputs, and how many locales ran it."""

    files: list[Stored]
    engine_locales: list[str]
    engine_seconds: float


def build_web(
    project: Project,
    theme: Theme,
    root: Path,
    store: OutputStore,
    progress: Progress,
    scratch: str = SCRATCH,
    themes: Mapping[str, Theme] | None = None,
) -> WebSite:
    """Build every locale's site, running the engine only for a locale whose tree changed.

    Each locale is built into its own scratch folder, indexed for search, and taken
    into the store; a locale whose tree, engine and date are unchanged is taken from
    the store as it is.
    """
    base = load_base_config(root)
    pictures = process_media(root, project)
    epoch = content_epoch(project)
    site = WebSite([], [], 0.0)
    for locale in sorted(project.site.locales, key=lambda c: c != project.site.default_locale):
        build_dir = root / scratch / locale
        site_dir = build_dir / "site"
        tree = locale_tree(project, theme, locale, build_dir, site_dir, base, pictures, themes)
        config = write_locale_tree(tree, build_dir)
        key = engine_key(tree.digest(), epoch)
        stored = store.get(key)
        if stored is None:
            started = time.perf_counter()
            shutil.rmtree(site_dir, ignore_errors=True)
            run_mkdocs(config, epoch)
            site.engine_seconds += time.perf_counter() - started
            site.engine_locales.append(locale)
            write_search_index(site_dir)
            files = take_site(store, site_dir, locale_prefix(project, locale), locale)
            shutil.rmtree(site_dir, ignore_errors=True)
            stored = store.put_entry(key, files, [])
        site.files += stored[0]
        progress.advance(1)
    return site


def take_site(store: OutputStore, site_dir: Path, prefix: str, locale: str) -> list[Stored]:
    """Move a locale's built site into the store; describe each file as it will be published."""
    taken = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = file.relative_to(site_dir).as_posix()
        parts = name.split("/")
        campaign = parts[1] if len(parts) == 3 and parts[0] == "campaigns" else None
        sha256, size = store.put_file(file)
        fmt = file.suffix.lstrip(".")
        taken.append(Stored(prefix + name, "page", fmt, campaign, locale, sha256, size))
    return taken


def _page_address(site_dir: Path, file: Path) -> str:
    folder = file.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else f"{folder}/"


def write_search_index(site_dir: Path) -> None:
    """Index one locale's built pages for search, in place of the engine's own index."""
    pages = {
        _page_address(site_dir, file): file.read_text("utf-8")
        for file in sorted(site_dir.rglob("index.html"))
    }
    files = render_search_index(search_records(pages))
    for name, data in files.items():
        write_if_changed(site_dir / name, data)
    # The engine's whole-site index, fetched by its own search, which An Sinh replaces.
    shutil.rmtree(site_dir / "search", ignore_errors=True)


def output_entries(outputs: list[Stored]) -> list[dict[str, Any]]:
    """Describe every stored output for the manifest."""
    return [
        {
            "path": o.path,
            "kind": o.kind,
            "campaign": o.campaign,
            "locale": o.locale,
            "format": o.format,
            "sha256": o.sha256,
            "bytes": o.bytes,
        }
        for o in outputs
    ]


class Progress(Protocol):
    """What a build tells whoever shows its progress: steps to do, steps done."""

    def add(self, steps: int) -> None: ...

    def advance(self, steps: int) -> None: ...


class NoProgress:
    """Progress that nobody watches."""

    def add(self, steps: int) -> None:
        """Ignore ``steps`` more to do."""

    def advance(self, steps: int) -> None:
        """Ignore ``steps`` done."""


def campaign_shard(
    project: Project, only: Sequence[str] = (), provinces: Sequence[str] = ()
) -> set[str] | None:
    """Return the campaign ids a shard renders (``--only`` ids, ``--province`` names), or None.

    None means every campaign. Raises AnsinhError naming an id or province that matches
    no campaign, since a shard that builds nothing is a typing mistake.
    """
    if not only and not provinces:
        return None
    ids = {c.id for c in project.campaigns}
    known = {c.province for c in project.campaigns}
    for name in only:
        if name not in ids:
            raise AnsinhError(_("no campaign has the id «{id}»").format(id=name))
    for name in provinces:
        if name not in known:
            raise AnsinhError(_("no campaign is in the province «{name}»").format(name=name))
    return {c.id for c in project.campaigns if c.id in only or c.province in provinces}


def read_manifest(site: Path) -> list[dict[str, Any]]:
    """Return the entries of ``site/manifest.json``, or [] if there is none or it is unreadable."""
    try:
        entries = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def build_site(
    root: Path,
    out: Path,
    scratch: str = SCRATCH,
    only: Sequence[str] = (),
    provinces: Sequence[str] = (),
    progress: Progress | None = None,
) -> BuildSummary:
    """Build everything into ``out``; on any error ``out`` is left exactly as it was.

    ``scratch`` is where the engine's input is laid out (see ``build_web``). ``only``
    (campaign ids) and ``provinces`` make a shard: the per-campaign outputs of those
    campaigns only, with every page, for ``ansinh merge`` to join. Published files are
    hard links to the store's blobs.
    """
    started = time.perf_counter()
    progress = progress or NoProgress()
    root, out = root.resolve(), out.resolve()
    check_output_folder(root, out)
    project, warnings = load_project(root)
    theme = load_theme(root, project.site.theme)
    own = sorted({c.theme for c in project.campaigns if c.theme})
    themes = {name: load_theme(root, name) for name in own}
    shard = campaign_shard(project, only, provinces)
    store = OutputStore(root)
    photos = read_print_photos(root, project)
    rendering = start_rendering(project, theme, store, shard, themes, photos)
    progress.add(len(rendering.pending) + len(project.site.locales))
    for future in rendering.pending.values():
        future.add_done_callback(lambda _future: progress.advance(1))
    previous = {e.get("path"): e.get("sha256") for e in read_manifest(out)}
    with staging_folder(out) as staging:
        try:
            site = build_web(project, theme, root, store, progress, scratch, themes)
        finally:
            outputs, notices = finish_rendering(project, store, rendering)
        staff = render_downloads(project, theme, list(outputs), store.read_blob)
        outputs += [store.put_blob(output) for output in staff]
        pages = [s for s in site.files if s.format == "html"]
        entries = output_entries(pages) + output_entries(outputs)
        for stored in site.files + outputs:
            store.link_to(stored, staging / stored.path)
        write_manifest(staging, entries)
        publish(staging, out)
    store.prune()
    coverage = translation_coverage(project)
    write_if_changed(root / COVERAGE_FILE, (json.dumps(coverage, indent=2) + "\n").encode())
    made = {s.path for key in rendering.rendered for s in rendering.done[key][0]}
    made |= {s.path for s in pages if s.locale in site.engine_locales}
    made |= {e["path"] for e in entries if previous.get(e["path"]) != e["sha256"]}
    current = {e["path"] for e in entries}
    return BuildSummary(
        len(entries),
        time.perf_counter() - started,
        warnings,
        coverage,
        notices,
        Counts(
            made=len(made),
            reused=len(current - made),
            removed=len(previous.keys() - current),
            engine_runs=len(site.engine_locales),
            engine_seconds=site.engine_seconds,
        ),
    )


@dataclass(frozen=True)
class MergeSummary:
    """What ``merge_site`` published: outputs in the manifest, files, shards joined."""

    outputs: int
    files: int
    shards: int


def merge_site(root: Path, shards: list[Path], out: Path) -> MergeSummary:
    """Join shard builds of the project at ``root`` into one site at ``out``, atomically.

    The staff download pages, made from the list of every output, are rendered again
    from the joined outputs. Raises AnsinhError on any conflict between the shards.
    """
    root, out = root.resolve(), out.resolve()
    check_output_folder(root, out)
    project, _warnings = load_project(root)
    theme = load_theme(root, project.site.theme)
    joined = join_shards(shards, lambda path: path.startswith(f"{DOWNLOADS}/"))
    stop_on_conflicts(joined.conflicts)
    outputs = sorted(
        (
            Stored(
                e["path"],
                e["kind"],
                e["format"],
                e["campaign"],
                e["locale"],
                e["sha256"],
                e["bytes"],
            )
            for e in joined.entries
            if e.get("kind") != "page"
        ),
        key=lambda stored: stored.path,
    )
    by_digest = {s.sha256: joined.files[s.path] for s in outputs}
    staff = render_downloads(project, theme, list(outputs), lambda d: by_digest[d].read_bytes())
    count = publish_join(joined, staff, out)
    return MergeSummary(count, len(joined.files) + len(staff), joined.shards)
