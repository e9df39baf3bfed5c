"""``ansinh serve``: a live preview that follows edits to YAML, Markdown and themes.

The preview is a whole build — every locale, cards, captions, loudspeaker scripts and
posters — published into a temporary folder and served on 127.0.0.1. After each batch
of saved edits the project is checked first (about half a second), so the browser
shows the problems, at the same ``file:line:column`` as ``ansinh check``, before the
slower build; a build with errors keeps the last good version on screen.
"""

from __future__ import annotations

import argparse
import contextvars
import logging
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

import watchfiles

from generator.commands.preview import (
    HOST,
    PREFIX,
    Preview,
    kind_names,
    open_server,
    panel_labels,
)
from generator.errors import AnsinhError, ContentError, Diagnostic
from generator.i18n import _
from generator.model import Site
from generator.pipeline import build_site, forget_fonts
from generator.validate.cards import TITLE_FITS_FILE, TitleFits
from generator.validate.loaded import sort_diagnostics
from generator.validate.project import read_project

SCRATCH = ".ansinh/serve"
WATCHED = ("campaigns.yml", "mkdocs.yml", "content", "themes")


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def rebuild(root: Path, preview: Preview) -> None:
    """Check the project, show its problems, then build it into the preview's folder."""
    preview.start()
    forget_fonts()  # a font file may have been replaced since the last rebuild
    loaded = read_project(root, TitleFits.read(root / TITLE_FITS_FILE))
    problems = sort_diagnostics(loaded.diagnostics)
    _print_problems(problems)
    if loaded.errors:
        preview.finish(problems)
        print(_("The preview keeps the last good version until these are fixed."), file=sys.stderr)
        return
    preview.show(problems)
    started = time.perf_counter()
    try:
        summary = build_site(root, preview.site, scratch=SCRATCH)
    except ContentError as error:
        _print_problems(error.diagnostics)
        preview.finish(error.diagnostics)
        return
    except AnsinhError as error:
        message = _("error: {message}").format(message=error)
        print(message, file=sys.stderr)
        preview.finish(problems, failure=message)
        return
    for notice in summary.notices:
        if notice not in preview.noticed:
            preview.noticed.add(notice)
            print(notice, file=sys.stderr)
    preview.finish(problems, built=True)
    print(
        _("Updated the preview in {seconds:.1f} s").format(seconds=time.perf_counter() - started),
        file=sys.stderr,
    )


def _print_problems(problems: Sequence[Diagnostic]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def _keep_building(
    root: Path, preview: Preview, wanted: threading.Event, stop: threading.Event
) -> None:
    """Rebuild whenever ``wanted`` is set (edits during a rebuild make one more), until ``stop``."""
    while True:
        wanted.wait()
        if stop.is_set():
            return
        wanted.clear()
        try:
            rebuild(root, preview)
        except Exception as error:  # a fault of An Sinh itself must not end the preview
            traceback.print_exc(file=sys.stderr)
            message = _("An Sinh failed while building ({error}); please report it.").format(
                error=type(error).__name__
            )
            preview.finish([], failure=message)


def _addresses(root: Path, port: int, locale: str | None) -> list[str]:
    """Return the lines that tell staff where to look, the chosen locale first."""
    site: Site | None = read_project(root).site
    default = site.default_locale if site else "vi"
    locales = list(site.locales) if site else [default]
    first = locale or default
    if locale is not None and site is not None and locale not in locales:
        raise AnsinhError(
            _("«{locale}» is not a language of this site; it has: {locales}").format(
                locale=locale, locales=", ".join(locales)
            )
        )
    base = f"http://{HOST}:{port}/"

    def address(code: str) -> str:
        return base if code == default else f"{base}{code}/"

    lines = [
        _("Preview at http://127.0.0.1:{port}/{prefix} — press Ctrl+C to stop").format(
            port=port, prefix=address(first).removeprefix(base)
        )
    ]
    lines += [
        _("In «{locale}»: {address}").format(locale=code, address=address(code))
        for code in locales
        if code != first
    ]
    lines.append(
        _("Cards, loudspeaker scripts and posters: {address}").format(
            address=f"{base}{PREFIX.strip('/')}/outputs"
        )
    )
    return lines


def serve(root: Path, port: int | None = None, locale: str | None = None) -> int:
    """Serve the preview on 127.0.0.1 and rebuild it after every batch of saved edits.

    With no ``port``, 8000 or the next free port is used; a ``port`` that is given but
    busy raises AnsinhError. Returns 0 when stopped with Ctrl+C (or SIGTERM).
    """
    root = root.resolve()
    folder = Path(tempfile.mkdtemp(prefix="ansinh-preview-"))
    preview = Preview(site=folder / "site", labels=panel_labels(), kinds=kind_names())
    try:
        server, note = open_server(preview, port)
    except AnsinhError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    signal.signal(signal.SIGTERM, _stop)
    wanted, stop = threading.Event(), threading.Event()
    context = contextvars.copy_context()
    builder = threading.Thread(
        target=context.run, args=(_keep_building, root, preview, wanted, stop), daemon=True
    )
    listener = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        if note:
            print(note, file=sys.stderr)
        for line in _addresses(root, int(server.server_address[1]), locale):
            print(line, file=sys.stderr)
        listener.start()
        wanted.set()
        builder.start()
        _follow_edits(root, wanted, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        wanted.set()
        if listener.is_alive():
            server.shutdown()
        server.server_close()
        builder.join(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    print(_("The preview has stopped."), file=sys.stderr)
    return 0


class SourceFilter(watchfiles.DefaultFilter):
    """The project's sources only: not its outputs, caches or editors' temporary files.

    The project folder itself is watched, not each source, because many editors save
    by writing a new file and renaming it over the old one, which ends a watch on a file.
    """

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        parts = Path(path).relative_to(self.root).parts
        return bool(parts) and parts[0] in WATCHED and super().__call__(change, path)


def _follow_edits(root: Path, wanted: threading.Event, stop: threading.Event) -> None:
    """Ask for a rebuild after each batch of saved edits, until interrupted."""
    # watchfiles says so when Ctrl+C ends it; staff need only the preview's own line.
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    changes = watchfiles.watch(
        root, watch_filter=SourceFilter(root), stop_event=stop, raise_interrupt=False
    )
    for _batch in changes:
        wanted.set()


def run(args: argparse.Namespace) -> int:
    """Preview the project's site, following edits."""
    return serve(args.project, port=args.port, locale=args.locale)
