"""``ansinh serve``: ports, the preview's server and its status, without building a site.

The whole preview — a real build, both locales, the panel in Chromium, a busy default
port — is tested in tests/browser/test_preview.py.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.commands import preview as preview_module
from generator.commands.preview import (
    Preview,
    add_preview_script,
    kind_names,
    open_server,
    panel_labels,
)
from generator.commands.serve import rebuild
from generator.errors import Diagnostic
from tests.conftest import Runner

SCRIPT = '<script src="/__ansinh__/preview.js" data-generation="{}" defer></script>'


def listening_socket() -> socket.socket:
    """A socket that holds a free port of 127.0.0.1, as another program would."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def new_preview(site: Path) -> Preview:
    return Preview(site=site, labels=panel_labels(), kinds=kind_names())


def test_a_busy_port_given_is_one_line_and_exit_1(
    mini: Path, ansinh: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview_module, "free_port", lambda: 8765)
    with listening_socket() as busy:
        port = busy.getsockname()[1]
        assert ansinh("-C", mini, "serve", "--port", port) == (
            1,
            "",
            f"lỗi: cổng {port} đang được dùng (có thể bởi một bản xem trước khác); hãy tắt "
            "chương trình đó, hoặc chọn cổng khác: ansinh serve --port 8765\n",
        )


def test_a_port_out_of_range_is_one_line(
    mini: Path, ansinh: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview_module, "free_port", lambda: 8765)
    assert ansinh("-C", mini, "serve", "--port", "70000") == (
        1,
        "",
        "lỗi: không dùng được cổng 70000; hãy chọn một cổng từ 1024 đến 65535, ví dụ --port 8765\n",
    )


def test_a_busy_default_port_moves_to_the_next_free_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with listening_socket() as busy:
        port = busy.getsockname()[1]
        monkeypatch.setattr(preview_module, "DEFAULT_PORT", port)
        server, note = open_server(new_preview(tmp_path), None)
        chosen = server.server_address[1]
        server.server_close()
    assert chosen != port
    assert note == f"Cổng {port} đang bận nên bản xem trước dùng cổng {chosen}."


@pytest.mark.parametrize(
    ("page", "served"),
    [
        (b"<html><body><p>a</p></body></html>", b"<html><body><p>a</p>{}</body></html>"),
        (b"<p>no body</p>", b"<p>no body</p>{}"),
        (b"<body>x</body><!-- </body> -->", b"<body>x</body><!-- {}</body> -->"),
    ],
)
def test_the_script_goes_before_the_last_body_end(page: bytes, served: bytes) -> None:
    assert add_preview_script(page, 4) == served.replace(b"{}", SCRIPT.format(4).encode())


def test_the_status_lists_the_lines_check_prints(tmp_path: Path) -> None:
    preview = new_preview(tmp_path)
    problem = Diagnostic("campaigns.yml", 19, 16, "error", "wrong-type", "«value» sai")
    warning = Diagnostic("campaigns.yml", 21, 28, "warning", "percent", "87.59% không khớp")
    preview.start()
    preview.finish([problem, warning])
    status = preview.status()
    assert (status["generation"], status["building"], status["failure"]) == (0, False, None)
    assert [p["text"] for p in status["problems"]] == [
        "campaigns.yml:19:16: error: «value» sai",
        "campaigns.yml:21:28: warning: 87.59% không khớp",
    ]
    assert status["problems"][0]["line"] == 19
    assert status["labels"]["errors"] == (
        "Bản xem trước chưa được cập nhật: hãy sửa 1 lỗi dưới đây rồi lưu tệp."
    )
    assert status["labels"]["warnings"] == "1 cảnh báo (không làm dừng việc dựng trang)"
    preview.finish([], built=True)
    assert (preview.status()["generation"], preview.status()["problems"]) == (1, [])


def test_a_rebuild_with_errors_shows_them_and_builds_nothing(mini: Path, tmp_path: Path) -> None:
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8")
    campaigns.write_text(text.replace("value: 2921", "value: nhiều"), "utf-8")
    preview = new_preview(tmp_path / "site")
    rebuild(mini, preview)
    status = preview.status()
    assert (status["generation"], status["building"]) == (0, False)
    assert [p["text"][:28] for p in status["problems"]] == ["campaigns.yml:19:16: error: "]
    assert not (tmp_path / "site").exists()


# --- the server, on a site folder written by hand ---------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Preview]]:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "social" / "vi").mkdir(parents=True)
    (site / "loudspeaker" / "x").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>Trang chủ</body></html>", "utf-8")
    (site / "en" / "index.html").write_text("<html><body>Home</body></html>", "utf-8")
    (site / "404.html").write_text("<html><body>Không thấy</body></html>", "utf-8")
    (site / "loudspeaker" / "x" / "1-phut.txt").write_text("Kính thưa bà con", "utf-8")
    (site / "social" / "vi" / "x.png").write_bytes(b"\x89PNG")
    manifest = [
        {"path": "index.html", "kind": "page"},
        {"path": "social/vi/x.png", "kind": "card"},
        {"path": "loudspeaker/x/1-phut.txt", "kind": "loudspeaker"},
    ]
    (site / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    preview = new_preview(site)
    server, _note = open_server(preview, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", preview
    finally:
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def test_before_the_first_build_every_page_says_it_is_coming(
    served: tuple[str, Preview],
) -> None:
    base, _preview = served
    code, kind, page = get(f"{base}/en/")
    assert (code, kind) == (200, "text/html; charset=utf-8")
    assert "Đang dựng bản xem trước; trang sẽ tự mở khi xong." in page
    assert SCRIPT.format(0) in page


def test_pages_of_both_locales_carry_the_script(served: tuple[str, Preview]) -> None:
    base, preview = served
    preview.finish([], built=True)
    assert get(f"{base}/") == (
        200,
        "text/html; charset=utf-8",
        f"<html><body>Trang chủ{SCRIPT.format(1)}</body></html>",
    )
    assert get(f"{base}/en/")[2] == f"<html><body>Home{SCRIPT.format(1)}</body></html>"
    assert get(f"{base}/khong-co/") == (
        404,
        "text/html; charset=utf-8",
        f"<html><body>Không thấy{SCRIPT.format(1)}</body></html>",
    )


def test_scripts_cards_and_status_are_served(served: tuple[str, Preview]) -> None:
    base, preview = served
    preview.finish([], built=True)
    assert get(f"{base}/loudspeaker/x/1-phut.txt") == (
        200,
        "text/plain; charset=utf-8",
        "Kính thưa bà con",
    )
    code, kind, status = get(f"{base}/__ansinh__/status.json")
    assert (code, kind, json.loads(status)["generation"]) == (
        200,
        "application/json; charset=utf-8",
        1,
    )
    page = get(f"{base}/__ansinh__/outputs")[2]
    assert '<h2>Thẻ mạng xã hội</h2><ul><li><a href="/social/vi/x.png">' in page
    assert '<h2>Kịch bản loa</h2><ul><li><a href="/loudspeaker/x/1-phut.txt">' in page
    assert get(f"{base}/__ansinh__/preview.js")[1] == "text/javascript; charset=utf-8"


def test_a_browser_leaving_mid_answer_is_not_reported_but_a_fault_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server, _note = open_server(new_preview(tmp_path), 0)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
            try:
                raise gone
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a fault of An Sinh")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError: a fault of An Sinh" in capsys.readouterr().err
    finally:
        server.server_close()
