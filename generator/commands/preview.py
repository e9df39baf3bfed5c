"""The preview's web server: the last good build, both locales, and a panel of problems.

Every HTML page is sent with one preview-only ``<script>`` added before ``</body>``;
the built files themselves are never changed, so nothing of the preview reaches a
published site. The script polls ``/__ansinh__/status.json``::

    {"generation": 3, "building": false, "failure": null,
     "problems": [{"path", "line", "column", "severity", "code", "message", "text"}],
     "labels": {"errors", "kept", "warnings", "building", "outputs"}}

``text`` is the line ``ansinh check`` prints; ``generation`` counts good builds, and a
page reloads when it grows.
"""

from __future__ import annotations

import errno
import functools
import http.server
import json
import socket
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.errors import AnsinhError, Diagnostic
from generator.i18n import _
from generator.render.escape import html_text

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# How many ports after the default are tried before asking the system for any free one.
PORTS_TRIED = 20
PREFIX = "/__ansinh__/"
DATA = Path(__file__).resolve().parent.parent / "data"
OWN_FILES = {
    "preview.js": "text/javascript; charset=utf-8",
    "preview.css": "text/css; charset=utf-8",
}
HTML = "text/html; charset=utf-8"


@dataclass
class Preview:
    """What the preview serves and the state of its latest rebuild; shared by threads.

    ``site`` is the folder the builds publish into; ``labels`` are the panel's words and
    ``kinds`` the outputs page's headings, translated once in the thread that chose the
    language (each thread starts with the default one).
    """

    site: Path
    labels: dict[str, str]
    kinds: dict[str, str] = field(default_factory=dict)
    generation: int = 0
    building: bool = False
    failure: str | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    # The build's notices already shown in the terminal: each is said once per preview.
    noticed: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        """Mark a rebuild as under way."""
        with self.lock:
            self.building = True

    def show(self, problems: Sequence[Diagnostic], failure: str | None = None) -> None:
        """Show these problems (or one message without a place) while the rebuild goes on."""
        with self.lock:
            self.problems, self.failure = list(problems), failure

    def finish(
        self, problems: Sequence[Diagnostic], failure: str | None = None, built: bool = False
    ) -> None:
        """End a rebuild: its problems, and whether it published a new site."""
        with self.lock:
            self.problems, self.failure, self.building = list(problems), failure, False
            if built:
                self.generation += 1

    def status(self) -> dict[str, Any]:
        """Return the status the preview script polls (shape in the module docstring)."""
        with self.lock:
            problems = [{**d.as_dict(), "text": d.format()} for d in self.problems]
            errors = sum(1 for d in self.problems if d.severity == "error")
            warnings = len(self.problems) - errors
            return {
                "generation": self.generation,
                "building": self.building,
                "failure": self.failure,
                "problems": problems,
                "labels": {
                    name: text.format(errors=errors, warnings=warnings)
                    for name, text in self.labels.items()
                },
            }


def panel_labels() -> dict[str, str]:
    """Return the words of the problems panel in the current language."""
    return {
        "errors": _("The preview was not updated: fix these problems ({errors}), then save."),
        "kept": _("Below is the last version that had no errors."),
        "warnings": _("Warnings ({warnings}): they do not stop the build"),
        "building": _("Updating the preview…"),
        "outputs": _("Cards, loudspeaker scripts and posters"),
        "waiting": _("The preview is being built; this page opens by itself when it is ready."),
        "list_title": _("Everything the build made besides the pages"),
    }


def add_preview_script(page: bytes, generation: int) -> bytes:
    """Return an HTML page with the preview script added before its last ``</body>``."""
    tag = f'<script src="{PREFIX}preview.js" data-generation="{generation}" defer></script>'
    head, found, tail = page.rpartition(b"</body>")
    if not found:
        return page + tag.encode()
    return head + tag.encode() + found + tail


def kind_names() -> dict[str, str]:
    """Return the headings of the outputs page, by manifest ``kind``, in display order."""
    return {
        "card": _("Cards"),
        "caption": _("Captions"),
        "loudspeaker": _("Loudspeaker scripts"),
        "audio": _("Audio previews"),
        "poster": _("Posters"),
        "leaflet": _("Leaflets"),
        "sheet": _("Sheets"),
    }


def _page(title: str, body: str) -> bytes:
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><link rel="stylesheet" href="{PREFIX}preview.css">'
        f'<title>{title}</title></head><body class="ansinh-own">{body}</body></html>'
    ).encode()


def waiting_page(preview: Preview) -> bytes:
    """Return the page shown until the first build succeeds."""
    text = html_text(preview.labels["waiting"])
    return _page(text, f"<p>{text}</p>")


def outputs_page(preview: Preview) -> bytes:
    """Return a page linking every card, caption, script and poster of the last build."""
    try:
        entries = json.loads((preview.site / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        entries = []
    title = html_text(preview.labels["list_title"])
    body = [f"<h1>{title}</h1>"]
    for kind, heading in preview.kinds.items():
        paths = [html_text(e["path"]) for e in entries if e.get("kind") == kind]
        if not paths:
            continue
        items = [
            f'<li><a href="/{path}">{path}</a>'
            + (f'<img src="/{path}" alt="" loading="lazy">' if path.endswith(".png") else "")
            + "</li>"
            for path in paths
        ]
        body.append(f"<h2>{html_text(heading)}</h2><ul>{''.join(items)}</ul>")
    return add_preview_script(_page(title, "".join(body)), preview.generation)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the last good build with the preview script, and the preview's own files."""

    preview: Preview
    extensions_map = {  # noqa: RUF012 (the base class declares it a plain attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".txt": "text/plain; charset=utf-8",
        ".ics": "text/calendar; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for the project's problems, not every request."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path.startswith(PREFIX):
            self._send_own(path[len(PREFIX) :])
        elif self.preview.generation == 0:
            self._send(200, HTML, add_preview_script(waiting_page(self.preview), 0))
        else:
            self._send_site(path)

    def _send_site(self, path: str) -> None:
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            file = file / "index.html"
        if not file.is_file():
            missing = self.preview.site / "404.html"
            page = missing.read_bytes() if missing.is_file() else b"<!doctype html>"
            self._send(404, HTML, add_preview_script(page, self.preview.generation))
        elif file.suffix == ".html":
            page = add_preview_script(file.read_bytes(), self.preview.generation)
            self._send(200, HTML, page)
        else:
            super().do_GET()

    def _send_own(self, name: str) -> None:
        if name == "status.json":
            body = json.dumps(self.preview.status(), ensure_ascii=False).encode()
            self._send(200, "application/json; charset=utf-8", body)
        elif name == "outputs":
            self._send(200, HTML, outputs_page(self.preview))
        elif name in OWN_FILES:
            self._send(200, OWN_FILES[name], (DATA / name).read_bytes())
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found")

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class PreviewServer(http.server.ThreadingHTTPServer):
    """The preview's server. A browser that closes or reloads a page while it is being
    answered (the panel asks for ``status.json`` every second) is no problem of the
    project: it is not reported in the terminal, where staff read their mistakes."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _server(preview: Preview, port: int) -> PreviewServer:
    handler = type("Handler", (PreviewHandler,), {"preview": preview})
    return PreviewServer((HOST, port), functools.partial(handler, directory=str(preview.site)))


def free_port() -> int:
    """Return a port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def open_server(preview: Preview, port: int | None) -> tuple[PreviewServer, str]:
    """Listen on ``port``; with no port given, on 8000 or the next free one.

    Return the server and a line for staff when the default port was busy (else "").
    A port given but unusable raises AnsinhError with one line that says what to do.
    """
    if port is not None:
        try:
            return _server(preview, port), ""
        except (OSError, OverflowError) as error:
            raise AnsinhError(_port_problem(port, error)) from None
    for candidate in range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED):
        try:
            server = _server(preview, candidate)
        except OSError:
            continue
        break
    else:
        server = _server(preview, 0)
    chosen = int(server.server_address[1])
    if chosen == DEFAULT_PORT:
        return server, ""
    note = _("Port {busy} is in use, so the preview uses port {port}.").format(
        busy=DEFAULT_PORT, port=chosen
    )
    return server, note


def _port_problem(port: int, error: Exception) -> str:
    if isinstance(error, OSError) and error.errno == errno.EADDRINUSE:
        return _(
            "port {port} is already in use (perhaps by another preview); stop that program, "
            "or choose another port: ansinh serve --port {free}"
        ).format(port=port, free=free_port())
    return _(
        "port {port} cannot be used; choose a port from 1024 to 65535, e.g. --port {free}"
    ).format(port=port, free=free_port())
