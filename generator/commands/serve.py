"""``ansinh serve``: a live preview that follows edits to YAML, Markdown and themes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.pipeline import content_epoch, prepare_locale
from generator.render.web.config import load_base_config
from generator.errors import AnsinhError, ContentError
from generator.i18n import _
from generator.validate.project import load_project
from generator.render.web.media import process_media
from generator.render.views import locale_prefix
from generator.load.theme import load_theme

SERVE_DIR = ".ansinh/serve"
WATCHED = ("campaigns.yml", "mkdocs.yml", "content", "themes")
POLL_SECONDS = 0.3


def snapshot(root: Path) -> dict[str, float]:
    """Return the modification time of every watched file."""
    times: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            try:
                times[str(file)] = file.stat().st_mtime_ns
            except FileNotFoundError:
                continue
    return times


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


def serve(root: Path, port: int = 8000, locale: str | None = None) -> int:
    """Serve the site on localhost and rebuild it whenever a watched file changes."""
    signal.signal(signal.SIGTERM, _stop)
    config_path, prefix = prepare(root, locale)
    engine = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            "-f",
            str(config_path),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ]
    )
    print(
        _("Preview at http://127.0.0.1:{port}/{prefix} — press Ctrl+C to stop").format(
            port=port, prefix=prefix
        ),
        file=sys.stderr,
    )
    seen = snapshot(root)
    try:
        while engine.poll() is None:
            time.sleep(POLL_SECONDS)
            current = snapshot(root)
            if current != seen:
                seen = current
                _refresh(root, locale)
    except KeyboardInterrupt:
        pass
    finally:
        engine.terminate()
        engine.wait(timeout=10)
    return 0
