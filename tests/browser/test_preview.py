"""``ansinh serve`` in Chromium: a busy default port, both locales, every output, the panel.

One preview of the mini project for the module, started while the default port is
held by another program, as on a machine where a preview is already running.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cli import main
from tests.browser.conftest import OpenPage
from tests.conftest import MINI, copy_project

DEFAULT_PORT = 8000
SCRIPT = '<script src="/__ansinh__/preview.js" data-generation="{}" defer></script>'
ADDRESS = re.compile(r"^Xem trước tại http://127\.0\.0\.1:(\d+)/ — bấm Ctrl\+C để dừng$")


@dataclass
class Running:
    """The preview's process, its project, address and every line it printed."""

    process: subprocess.Popen[str]
    project: Path
    lines: list[str] = field(default_factory=list)
    url: str = ""

    def wait_for_line(self, pattern: re.Pattern[str], seconds: float) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := pattern.match(line):
                    return found
            assert self.process.poll() is None, "\n".join(self.lines)
            time.sleep(0.05)
        raise AssertionError("no line matched:\n" + "\n".join(self.lines))

    def status(self) -> dict[str, object]:
        with urllib.request.urlopen(f"{self.url}__ansinh__/status.json", timeout=5) as response:
            status: dict[str, object] = json.load(response)
            return status

    def wait_for_generation(self, generation: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.status()["generation"] == generation:
                return
            time.sleep(0.1)
        raise AssertionError("no new build:\n" + "\n".join(self.lines))


def hold_default_port() -> socket.socket | None:
    """Listen on the default port like another program; None if something already does."""
    sock = socket.socket()
    try:
        sock.bind(("127.0.0.1", DEFAULT_PORT))
    except OSError:
        sock.close()
        return None
    sock.listen()
    return sock


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    project = copy_project(MINI, tmp_path_factory.mktemp("preview") / "mini")
    holder = hold_default_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Running(process, project)
    assert process.stdout is not None
    reader = threading.Thread(
        target=lambda: running.lines.extend(line.rstrip("\n") for line in process.stdout),
        daemon=True,
    )
    reader.start()
    try:
        port = int(running.wait_for_line(ADDRESS, 30).group(1))
        running.url = f"http://127.0.0.1:{port}/"
        running.wait_for_generation(1, 90)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=20)
        reader.join(timeout=5)
        if holder is not None:
            holder.close()
    assert process.returncode == 0
    assert running.lines[-1] == "Đã dừng bản xem trước."
    said = "\n".join(running.lines)
    assert not [line for line in running.lines if "Traceback" in line], said


def test_a_busy_default_port_moves_the_preview_to_a_free_one(running: Running) -> None:
    port = int(running.url.rsplit(":", 1)[1].strip("/"))
    assert port != DEFAULT_PORT
    assert f"Cổng {DEFAULT_PORT} đang bận nên bản xem trước dùng cổng {port}." in running.lines
    assert f"Bản «en»: {running.url}en/" in running.lines


@pytest.mark.parametrize(("path", "lang"), [("", "vi"), ("en/", "en")])
def test_both_locales_are_previewed(
    running: Running, open_page: OpenPage, path: str, lang: str
) -> None:
    watched = open_page(f"{running.url}{path}campaigns/thu-nghiem/")
    page = watched.page
    assert page.get_attribute("html", "lang") == lang
    pill = page.locator(".ansinh-preview[data-state='quiet'] a")
    pill.wait_for(timeout=5000)
    assert pill.inner_text() == "Thẻ mạng xã hội, kịch bản loa, áp phích"
    watched.assert_clean()


def test_cards_scripts_and_posters_are_listed_and_served(
    running: Running, open_page: OpenPage
) -> None:
    watched = open_page(f"{running.url}__ansinh__/outputs")
    links = watched.page.locator("li > a").all_inner_texts()
    for locale in ("vi", "en"):
        card = re.compile(rf"social/{locale}/thu-nghiem/facebook\.[0-9a-f]{{8}}\.png")
        assert any(card.fullmatch(link) for link in links)
    assert "loudspeaker/thu-nghiem/1-phut.txt" in links
    assert "print/thu-nghiem/poster-a4.pdf" in links
    headings = watched.page.locator("h2").all_inner_texts()
    assert headings[:3] == ["Thẻ mạng xã hội", "Lời đăng kèm thẻ", "Kịch bản loa"]
    images = watched.page.locator("li > img")
    assert images.count() > 0
    assert images.first.evaluate("image => image.naturalWidth") > 0
    watched.assert_clean()
    script = urllib.request.urlopen(f"{running.url}loudspeaker/thu-nghiem/1-phut.txt")
    assert script.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Kính thưa" in script.read().decode("utf-8")


def test_the_built_pages_never_hold_the_preview_script(running: Running) -> None:
    with urllib.request.urlopen(f"{running.url}manifest.json") as response:
        manifest = {entry["path"]: entry for entry in json.load(response)}
    for path in ("index.html", "en/index.html"):
        with urllib.request.urlopen(f"{running.url}{path}") as response:
            served = response.read()
        generation = running.status()["generation"]
        built = served.replace(SCRIPT.format(generation).encode(), b"", 1)
        assert built != served
        assert hashlib.sha256(built).hexdigest() == manifest[path]["sha256"]
        assert b"__ansinh__" not in built


def test_problems_show_in_the_browser_and_go_when_fixed(
    running: Running, open_page: OpenPage, capsys: pytest.CaptureFixture[str]
) -> None:
    generation = running.status()["generation"]
    assert isinstance(generation, int)
    watched = open_page(f"{running.url}gioi-thieu/")
    page = watched.page
    campaigns = running.project / "campaigns.yml"
    text = campaigns.read_text("utf-8")
    campaigns.write_text(text.replace("value: 2921", "value: nhiều"), "utf-8")

    panel = page.locator(".ansinh-preview[data-state='error']")
    panel.wait_for(timeout=15000)
    assert main(["-C", str(running.project), "check"]) == 1
    checked = capsys.readouterr().out.splitlines()
    assert checked[0].startswith("campaigns.yml:19:16: error: ")
    assert panel.locator("li").all_inner_texts() == checked
    assert panel.locator(".ansinh-preview-title").inner_text() == (
        "Bản xem trước chưa được cập nhật: hãy sửa 1 lỗi dưới đây rồi lưu tệp."
    )
    assert panel.locator(".ansinh-preview-note").inner_text() == (
        "Bên dưới là phiên bản gần nhất không có lỗi."
    )
    assert page.get_by_text("Trang thử.").is_visible()

    # Fixed as it was (the campaign's cards and scripts come from the cache), and a
    # page edited meanwhile: the panel goes and the page reloads by itself.
    campaigns.write_text(text, "utf-8")
    about = running.project / "content/pages/gioi-thieu.md"
    about.write_text(about.read_text("utf-8").replace("Trang thử.", "Trang đã sửa."), "utf-8")
    page.get_by_text("Trang đã sửa.").wait_for(timeout=60000)
    assert page.locator(".ansinh-preview[data-state='error']").count() == 0
    assert running.status()["generation"] == generation + 1
    watched.assert_clean()
