"""``ansinh serve``: a live preview that follows edits to YAML, Markdown and themes."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path

import watchfiles
from mkdocs.commands.serve import serve as mkdocs_serve

from generator.errors import AnsinhError, ContentError
from generator.i18n import _
from generator.load.mkdocs import load_base_config
from generator.pipeline import content_epoch, prepare_locale
from generator.render.views import locale_prefix
from generator.render.web.media import process_media
from generator.validate.project import load_project
from generator.validate.theme import load_theme

SERVE_DIR = ".ansinh/serve"
WATCHED = ("campaigns.yml", "mkdocs.yml", "content", "themes")
# Fonts only shape cards and sheets, which the preview does not show.
_NOT_PREVIEWED = (".ttf", ".otf", ".woff", ".woff2")


class _SourceFilter(watchfiles.DefaultFilter):
    """Editor and version-control noise aside (DefaultFilter), every source but fonts."""

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return super().__call__(change, path) and not path.endswith(_NOT_PREVIEWED)


def prepare(root: Path, locale: str | None) -> tuple[Path, str]:
    """Render the docs and config of one locale into the preview folder; return them."""
    root = root.resolve()
    project, warnings = load_project(root)
    for warning in warnings:
        print(warning.format(), file=sys.stderr)
    theme = load_theme(root, project.site.theme)
    chosen = locale or project.site.default_locale
    folder = root / SERVE_DIR / chosen
    config_path = prepare_locale(
        project,
        theme,
        chosen,
        folder,
        folder / "site",
        load_base_config(root),
        process_media(root, project),
    )
    os.environ["SOURCE_DATE_EPOCH"] = str(content_epoch(project))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    return config_path, locale_prefix(project, chosen)


def _refresh(root: Path, locale: str | None) -> None:
    try:
        prepare(root, locale)
        print(_("Updated the preview"), file=sys.stderr)
    except ContentError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        print(_("The preview keeps the last good version until these are fixed."), file=sys.stderr)
    except AnsinhError as error:
        print(_("error: {message}").format(message=error), file=sys.stderr)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _follow_edits(root: Path, locale: str | None, stop: threading.Event) -> None:
    """Render the preview again after each batch of saved edits, until ``stop`` is set."""
    paths = [root / name for name in WATCHED if (root / name).exists()]
    for _changes in watchfiles.watch(
        *paths, watch_filter=_SourceFilter(), stop_event=stop, raise_interrupt=False
    ):
        _refresh(root, locale)


def serve(root: Path, port: int = 8000, locale: str | None = None) -> int:
    """Serve the site on localhost and render it again whenever a source file changes.

    One process: watchfiles follows the project's sources and rewrites the generated
    Markdown; MkDocs' own live-reload server, in this process, rebuilds from it and
    reloads the browser. A mistake keeps the last good preview.
    """
    signal.signal(signal.SIGTERM, _stop)
    root = root.resolve()
    config_path, prefix = prepare(root, locale)
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    stop = threading.Event()
    watcher = threading.Thread(target=_follow_edits, args=(root, locale, stop), daemon=True)
    watcher.start()
    print(
        _("Preview at http://127.0.0.1:{port}/{prefix} — press Ctrl+C to stop").format(
            port=port, prefix=prefix
        ),
        file=sys.stderr,
    )
    try:
        mkdocs_serve(config_file=str(config_path), livereload=True, dev_addr=f"127.0.0.1:{port}")
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        watcher.join(timeout=5)
    return 0


def run(args: argparse.Namespace) -> int:
    """Preview the project's site, following edits."""
    return serve(args.project, port=args.port, locale=args.locale)
