"""A static file server with gzip, as a web host would serve the site (for audits only)."""

from __future__ import annotations

import gzip
import http.server
import threading
from functools import partial
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".ics"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, compressing text with gzip and marking assets cacheable."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def end_headers(self) -> None:
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        if self.path.endswith("/") is False and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def start(folder: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, int]:
    """Serve ``folder`` on 127.0.0.1 in a background thread; return the server and its port."""
    handler = partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, int(server.server_address[1])
