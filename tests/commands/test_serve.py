"""``ansinh serve`` follows edits without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.2)
    return False


def test_an_edit_shows_in_the_preview_without_a_restart(mini: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(mini), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/campaigns/thu-nghiem/"
    try:
        assert wait_for(url, "Đóng sau mùa lúa.", 30)
        campaigns = mini / "campaigns.yml"
        text = campaigns.read_text("utf-8")
        campaigns.write_text(text.replace("Đóng sau mùa lúa.", "Đóng sau mùa gặt."), "utf-8")
        assert wait_for(url, "Đóng sau mùa gặt.", 10)
        campaigns.write_text(text.replace("value: 2921", "value: nhiều"), "utf-8")
        time.sleep(1.5)
        assert "Đóng sau mùa gặt." in (fetch(url) or "")
        assert server.poll() is None
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=15)
    assert "campaigns.yml:19:16: error:" in output
    assert "Traceback" not in output
