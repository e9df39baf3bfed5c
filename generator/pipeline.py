"""``ansinh build``: load, validate, render every output, then write them all at once."""

from __future__ import annotations

import calendar
import json
import time
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from generator.errors import AnsinhError, Diagnostic
from generator.i18n import _
from generator.load.mkdocs import load_base_config
from generator.model import Project, card_text, printing
from generator.model.theme import Theme
from generator.render.print import engine as print_engine
from generator.render.print.downloads import pdf_pages, render_downloads
from generator.render.print.photo import read_print_photos
from generator.render.social import cards
from generator.render.views import keep_compiled_templates, locale_prefix
from generator.render.web.media import Picture, process_media
from generator.validate.cards import TITLE_FITS_FILE, TitleFits
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from generator.validate.translations import count_translations
from generator.write.cache import Entry, OutputStore, PageCounts, Stored
from generator.write.engine import (
    SEARCH_RECORDS,
    STATE,
    Workspace,
    engine_key,
    kept_outputs,
    page_inputs,
    record_engine_key,
    recorded_engine_key,
    run_mkdocs,
    shared_digest,
    take_site,
    tree_inputs,
    write_search_index,
)
from generator.write.files import replace_file, write_if_changed
from generator.write.guard import check_output_folder
from generator.write.publish import MANIFEST, publish, staging_folder, write_manifest
from generator.write.tree import (
    changed_sources,
    locale_tree,
    page_memo,
    prepare_engine,
    write_locale_tree,
)
from generator.write.units import finish_rendering, start_rendering

SCRATCH = ".ansinh/build"
# Under the scratch folder: the themes' compiled templates, kept between builds.
COMPILED_TEMPLATES = "templates"


COVERAGE_FILE = ".ansinh/translation-coverage.json"


@dataclass(frozen=True)
class Counts:
    """What a build did to the outputs of the manifest, against the site it replaced.

    ``made``: rendered by this build, or new or changed since the last site;
    ``reused``: the others, taken from the cache; ``removed``: in the last site only.
    ``engine_runs`` counts the locales the site engine ran for, ``engine_dirty_runs``
    those of them where it rebuilt only the changed pages; ``engine_seconds`` is the
    wall time of those runs.
    """

    made: int = 0
    reused: int = 0
    removed: int = 0
    engine_runs: int = 0
    engine_seconds: float = 0.0
    engine_dirty_runs: int = 0


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


@dataclass
class WebSite:
    """The engine's files of every locale, as stored outputs; the locales that ran it (and
    of those, the ones that ran it dirty), and the wall seconds it took."""

    files: list[Stored]
    engine_locales: list[str]
    engine_seconds: float
    dirty_locales: list[str] = field(default_factory=list)


def build_web(
    project: Project,
    theme: Theme,
    root: Path,
    store: OutputStore,
    progress: Progress,
    scratch: str = SCRATCH,
    themes: Mapping[str, Theme] | None = None,
) -> WebSite:
    """Build every locale's site, running the engine only for the locales whose tree changed.

    Each locale is built into its own scratch folder, indexed for search, and taken
    into the store; a locale whose tree, engine and date are unchanged is taken from
    the store as it is. The engine runs once for all the locales that need it.
    """
    pictures = process_media(root, project)
    web = WebInputs(
        load_base_config(root),
        pictures,
        themes or {},
        page_inputs([theme, *(themes or {}).values()], pictures),
        content_epoch(project),
    )
    site = WebSite([], [], 0.0)
    files: dict[str, list[Stored]] = {}
    runs: list[LocaleRun] = []
    ordered = sorted(project.site.locales, key=lambda c: c != project.site.default_locale)
    for locale in ordered:
        build_dir = root / scratch / locale
        inputs = tree_inputs(project, web.pages, web.base, locale, build_dir)
        known = recorded_engine_key(build_dir, inputs)
        stored = store.get(known) if known is not None else None
        if stored is not None:
            files[locale] = stored[0]
            progress.advance(1)
            continue
        run, stored = prepare_locale(project, theme, locale, build_dir, web, store, inputs)
        if stored is None:
            runs.append(run)
            continue
        files[locale] = _finish_locale(store, run, stored)
        progress.advance(1)
    if runs:
        started = time.perf_counter()
        run_mkdocs([(run.config, run.dirty) for run in runs], web.epoch)
        for run in runs:
            kept = kept_outputs(run.workspace.site, run.taken)
            write_search_index(run.workspace.site, run.config.parent / SEARCH_RECORDS, kept, store)
            made = take_site(store, run.workspace.site, run.prefix, run.locale, kept)
            files[run.locale] = _finish_locale(store, run, (made, []))
            run.workspace.remember(run.shared, made, run.prefix)
            site.engine_locales.append(run.locale)
            site.dirty_locales += [run.locale] if run.dirty else []
            progress.advance(1)
        site.engine_seconds += time.perf_counter() - started
    site.files = [f for locale in ordered for f in files[locale]]
    return site


def _finish_locale(store: OutputStore, run: LocaleRun, stored: Entry) -> list[Stored]:
    """Store a locale's engine entry (naming the pages it was made from, so they stay for
    the next build) and the key of its inputs; return its files."""
    store.put_entry(run.key, *stored, run.uses)
    record_engine_key(run.config.parent, run.inputs, run.key)
    return stored[0]


@dataclass(frozen=True)
class LocaleRun:
    """A locale whose tree is laid out, its engine folder readied for a run.

    ``key``: the store key of the engine's output; ``inputs``: the hash of what the tree
    was made from (``tree_inputs``); ``uses``: the stored pages it was made with;
    ``shared``: what all its pages share (``shared_digest``); ``dirty``: whether the run
    rebuilds only its changed pages; ``prefix``: its addresses' prefix (``en/``);
    ``taken``: what the last stored run of its folder took (``Workspace.taken``).
    """

    locale: str
    config: Path
    workspace: Workspace
    key: str
    inputs: str
    uses: set[str]
    shared: str
    dirty: bool
    prefix: str
    taken: dict[str, tuple[str, list[int]]]


@dataclass(frozen=True)
class WebInputs:
    """What every locale's tree is made from besides the model and the site's theme:
    mkdocs.yml's settings, the processed photos, the campaigns' own themes by name, the
    hash of what any page may be rendered with (``page_inputs``), the content's date."""

    base: dict[str, Any]
    pictures: dict[str, Picture]
    themes: Mapping[str, Theme]
    pages: str
    epoch: int


def prepare_locale(
    project: Project,
    theme: Theme,
    locale: str,
    build_dir: Path,
    web: WebInputs,
    store: OutputStore,
    inputs: str,
) -> tuple[LocaleRun, Entry | None]:
    """Render one locale's tree into its scratch folder; return it with the engine's
    stored output for it, or None, and then its engine folder is readied for a run.

    Pages are kept in ``store`` between builds (``page_memo``). ``inputs`` is the hash
    of what the tree is made from (``tree_inputs``).
    """
    workspace = Workspace(build_dir / "site", build_dir / STATE)
    prefix = locale_prefix(project, locale)
    taken = workspace.taken(prefix)  # read before a run makes the folder untrusted
    uses: set[str] = set()
    memo = page_memo(store, web.pages, uses)
    tree = locale_tree(
        project, theme, locale, build_dir, workspace.site, web.base, web.pictures, web.themes, memo
    )
    changed = changed_sources(tree, build_dir)
    config = write_locale_tree(tree, build_dir)
    key = engine_key(tree.digest(), web.epoch)
    stored = store.get(key)
    dirty = stored is None and prepare_engine(tree, workspace, config, web.epoch, changed, web.base)
    shared = shared_digest(tree.all_folders(), web.epoch)
    run = LocaleRun(locale, config, workspace, key, inputs, uses, shared, dirty, prefix, taken)
    return run, stored


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


def keep_title_fits(path: Path, fits: TitleFits) -> None:
    """Keep the card titles' fits for the next build, when they changed. They are only a
    memo: a file that cannot be written (a read-only folder) costs the next build the
    time to work them out again, and stops nothing."""
    data = fits.data()
    with suppress(OSError):
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    with suppress(OSError):
        replace_file(path, data)


def forget_fonts() -> None:
    """Forget what this process read from font files and measured with them: a process
    that checks and builds again (the live preview) must see a replaced font."""
    card_text.forget_fonts()
    printing.font_coverage.cache_clear()
    cards.forget_fonts()
    print_engine.forget_fonts()


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
    forget_fonts()
    keep_compiled_templates(root / scratch / COMPILED_TEMPLATES)
    fits = TitleFits.read(root / TITLE_FITS_FILE)
    project, warnings = load_project(root, fits)
    keep_title_fits(root / TITLE_FITS_FILE, fits)
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
        pages_of = PageCounts(store, pdf_pages)
        staff = render_downloads(project, theme, list(outputs), pages_of)
        outputs += [store.put_blob(output) for output in staff]
        pages = [s for s in site.files if s.format == "html"]
        entries = output_entries(pages) + output_entries(outputs)
        store.link_all(site.files + outputs, staging)
        write_manifest(staging, entries)
        publish(staging, out)
    pages_of.save()
    store.prune()
    coverage = translation_coverage(project)
    write_if_changed(root / COVERAGE_FILE, (json.dumps(coverage, indent=2) + "\n").encode())
    made = {s.path for key in rendering.rendered for s in rendering.done[key][0]}
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
            engine_dirty_runs=len(site.dirty_locales),
        ),
    )
