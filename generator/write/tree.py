"""A locale's generated tree: the Markdown, media, assets, overrides and mkdocs.yml
the site engine reads, made in memory, laid out in the scratch folder, and run."""

from __future__ import annotations

import shutil
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.model import Project
from generator.model.theme import Theme
from generator.render import Memo, no_memo
from generator.render.web.config import STYLESHEET, mkdocs_config, overrides_files, stylesheet
from generator.render.web.media import Picture, media_files
from generator.render.web.pages import render_web
from generator.write.cache import OutputStore
from generator.write.engine import (
    Workspace,
    can_build_dirty,
    prepare_dirty,
    shared_digest,
    tree_digest,
)
from generator.write.files import sync_folder, write_if_changed

# zlib's level for kept pages: fast, and Markdown shrinks to about a fifth at it.
PAGE_COMPRESSION = 1


@dataclass(frozen=True)
class LocaleTree:
    """One locale's generated tree: ``{"docs"|"overrides": {path: bytes}}`` and mkdocs.yml."""

    folders: dict[str, dict[str, bytes]]
    config: bytes

    def all_folders(self) -> dict[str, dict[str, bytes]]:
        """Every file the site engine reads for this locale, mkdocs.yml under ``"."``."""
        return {**self.folders, ".": {"mkdocs.yml": self.config}}

    def digest(self) -> str:
        """Hash everything the site engine reads for this locale."""
        return tree_digest(self.all_folders())


def locale_tree(
    project: Project,
    theme: Theme,
    locale: str,
    build_dir: Path,
    site_dir: Path,
    base: dict[str, Any],
    pictures: dict[str, Picture],
    themes: Mapping[str, Theme] | None = None,
    memo: Memo = no_memo,
) -> LocaleTree:
    """Render one locale's docs, overrides and mkdocs.yml, in memory.

    ``themes`` are the campaigns' own themes by name, which draw their cards; ``memo``
    keeps pages between builds (``page_memo``).
    """
    pages = {
        name: text.encode("utf-8")
        for name, text in render_web(project, theme, locale, pictures, themes, memo).items()
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


def page_memo(store: OutputStore, inputs: str, uses: set[str]) -> Memo:
    """Return a memo that keeps pages in ``store`` between builds.

    ``inputs`` (``page_inputs``) is added to every key: the code, themes and photos a
    page may be rendered with. Pages are kept compressed (``PAGE_COMPRESSION``). Each
    key used is added to ``uses``, to be named by the locale's engine entry, which
    keeps them.
    """

    def memo(parts: tuple[object, ...], make: Callable[[], str]) -> str:
        made = store.remember(
            ("page", inputs, *parts),
            lambda: zlib.compress(make().encode("utf-8"), PAGE_COMPRESSION),
            uses,
        )
        return zlib.decompress(made).decode("utf-8")

    return memo


def write_locale_tree(tree: LocaleTree, build_dir: Path) -> Path:
    """Lay out a locale's tree as plain files, touching only what changed; return mkdocs.yml."""
    for folder, files in tree.folders.items():
        sync_folder(build_dir / folder, files)
    config_path = build_dir / "mkdocs.yml"
    write_if_changed(config_path, tree.config)
    return config_path


def changed_sources(tree: LocaleTree, build_dir: Path) -> dict[str, bytes]:
    """Return each generated page that differs from the scratch folder's: path → bytes."""
    changed = {}
    for name, data in tree.folders["docs"].items():
        path = build_dir / "docs" / name
        if not name.endswith(".md"):
            continue
        try:
            same = path.stat().st_size == len(data) and path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            changed[name] = data
    return changed


def prepare_engine(
    tree: LocaleTree,
    workspace: Workspace,
    config: Path,
    epoch: int,
    changed: dict[str, bytes],
    base: dict[str, Any],
) -> bool:
    """Ready a locale's engine folder for a run: dirty when that gives the clean output
    (the outputs about to be rebuilt are unlinked), else clean (the folder emptied).

    Returns True if the run is to be dirty (only the changed pages rebuilt).
    """
    shared = shared_digest(tree.all_folders(), epoch)
    dirty = can_build_dirty(workspace, shared, changed, tree.folders["docs"])
    workspace.forget()
    if dirty:
        prepare_dirty(config.parent / "docs", workspace, bool(base.get("use_directory_urls", True)))
    else:
        shutil.rmtree(workspace.site, ignore_errors=True)
    return dirty
