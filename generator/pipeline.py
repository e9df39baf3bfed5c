"""``ansinh build``: load, validate, render every output, then write them all at once."""

from __future__ import annotations

import calendar
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostic
from generator.load.mkdocs import load_base_config
from generator.model import Project
from generator.model.theme import Theme
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
from generator.write.engine import run_mkdocs
from generator.write.files import sync_folder, write_if_changed
from generator.write.guard import check_output_folder
from generator.write.publish import manifest_entry, publish, staging_folder, write_manifest
from generator.write.units import finish_rendering, start_rendering

SCRATCH = ".ansinh/build"


COVERAGE_FILE = ".ansinh/translation-coverage.json"


@dataclass(frozen=True)
class BuildSummary:
    outputs: int
    seconds: float
    warnings: list[Diagnostic]
    coverage: dict[str, dict[str, int]]
    notices: list[str]


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


def prepare_locale(
    project: Project,
    theme: Theme,
    locale: str,
    build_dir: Path,
    site_dir: Path,
    base: dict[str, Any],
    pictures: dict[str, Picture],
) -> Path:
    """Lay out one locale's docs, overrides and mkdocs.yml as plain files; return the config."""
    pages = {
        name: text.encode("utf-8")
        for name, text in render_web(project, theme, locale, pictures).items()
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
    sync_folder(build_dir / "docs", pages)
    sync_folder(build_dir / "overrides", overrides_files(theme, locale))
    config = mkdocs_config(project, theme, locale, base, site_dir, build_dir / "overrides")
    config_path = build_dir / "mkdocs.yml"
    write_if_changed(
        config_path, yaml.safe_dump(config, allow_unicode=True, sort_keys=True).encode()
    )
    return config_path


def build_web(project: Project, theme: Theme, root: Path, staging: Path) -> None:
    """Build every locale's site into the staging folder, the default locale first."""
    base = load_base_config(root)
    pictures = process_media(root, project)
    epoch = content_epoch(project)
    ordered = sorted(project.site.locales, key=lambda code: code != project.site.default_locale)
    for locale in ordered:
        site_dir = staging / locale_prefix(project, locale)
        config = prepare_locale(
            project, theme, locale, root / SCRATCH / locale, site_dir, base, pictures
        )
        run_mkdocs(config, epoch)
    for locale in ordered:
        write_search_index(project, staging, locale)


def _page_address(site_dir: Path, file: Path) -> str:
    folder = file.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else f"{folder}/"


def write_search_index(project: Project, staging: Path, locale: str) -> None:
    """Index one locale's built pages for search, in place of the engine's own index."""
    site_dir = staging / locale_prefix(project, locale)
    others = [staging / locale_prefix(project, code) for code in project.site.locales]
    nested = [folder for folder in others if folder != site_dir and folder.is_relative_to(site_dir)]
    pages = {
        _page_address(site_dir, file): file.read_text("utf-8")
        for file in sorted(site_dir.rglob("index.html"))
        if not any(file.is_relative_to(folder) for folder in nested)
    }
    files = render_search_index(search_records(pages))
    for name, data in files.items():
        write_if_changed(site_dir / name, data)
    # The engine's whole-site index, fetched by its own search, which An Sinh replaces.
    shutil.rmtree(site_dir / "search", ignore_errors=True)


def page_entries(project: Project, staging: Path) -> list[dict[str, Any]]:
    """Describe every HTML page the engine wrote, for the manifest."""
    others = {
        f"{code}/": code for code in project.site.locales if code != project.site.default_locale
    }
    entries = []
    for file in sorted(staging.rglob("*.html")):
        path = file.relative_to(staging).as_posix()
        prefix = next((p for p in others if path.startswith(p)), "")
        locale = others.get(prefix, project.site.default_locale)
        parts = path[len(prefix) :].split("/")
        campaign = parts[1] if len(parts) == 3 and parts[0] == "campaigns" else None
        meta = {"kind": "page", "campaign": campaign, "locale": locale, "format": "html"}
        entries.append(manifest_entry(path, file.read_bytes(), meta))
    return entries


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


def build_site(root: Path, out: Path) -> BuildSummary:
    """Build everything into ``out``; on any error ``out`` is left exactly as it was."""
    started = time.perf_counter()
    root, out = root.resolve(), out.resolve()
    check_output_folder(root, out)
    project, warnings = load_project(root)
    theme = load_theme(root, project.site.theme)
    store = OutputStore(root)
    rendering = start_rendering(project, theme, store)
    with staging_folder(out) as staging:
        try:
            build_web(project, theme, root, staging)
        finally:
            outputs, notices = finish_rendering(project, store, rendering)
        entries = page_entries(project, staging) + output_entries(outputs)
        for output in outputs:
            store.copy_to(output, staging / output.path)
        write_manifest(staging, entries)
        publish(staging, out)
    store.prune()
    coverage = translation_coverage(project)
    write_if_changed(root / COVERAGE_FILE, (json.dumps(coverage, indent=2) + "\n").encode())
    return BuildSummary(len(entries), time.perf_counter() - started, warnings, coverage, notices)
