"""Every example page in a real browser, as a resident on a phone meets it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import OpenPage, Served, serve_folder
from tests.conftest import REPO, copy_project

FAKE_VOICES = """
(() => {
  const spoken = [];
  const voices = %s;
  const listeners = [];
  const fake = {
    getVoices: () => voices,
    speak: (u) => { spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); },
    cancel: () => {},
    addEventListener: (name, fn) => listeners.push(fn),
    removeEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.rate = 1; }
  };
  window.__spoken = spoken;
})();
"""
VIETNAMESE = '[{"lang": "vi-VN", "name": "Tiếng Việt", "default": false}]'
ENGLISH_ONLY = '[{"lang": "en-US", "name": "English", "default": true}]'


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from generator.cli import main

    folder = tmp_path_factory.mktemp("example-browser")
    project = copy_project(REPO, folder / "project")
    out = folder / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    with serve_folder(out) as served:
        yield served


def page_paths(root: Path) -> list[str]:
    return sorted(p.relative_to(root).parent.as_posix() + "/" for p in root.rglob("index.html"))


def test_every_page_is_clean_and_fits_a_360_pixel_phone(
    example_site: Served, open_page: OpenPage
) -> None:
    paths = page_paths(example_site.root)
    assert len(paths) > 30
    for path in paths:
        url = example_site.url + ("" if path == "./" else path)
        watched = open_page(url)
        watched.assert_clean()
        width = watched.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways: {width}px"
        watched.page.context.close()


def _listen(open_page: OpenPage, url: str, voices: str):  # type: ignore[no-untyped-def]
    watched = open_page("about:blank")
    watched.page.add_init_script(FAKE_VOICES % voices)
    watched.page.goto(url)
    return watched


def test_a_testimonial_page_can_be_listened_to(example_site: Served, open_page: OpenPage) -> None:
    watched = _listen(open_page, example_site.url + "testimonials/le-thi-nhu-truc/", VIETNAMESE)
    page = watched.page
    page.locator(".ansinh-listen").click()
    said = " ".join(item["text"] for item in page.evaluate("window.__spoken"))
    assert said.startswith("Lê Thị Như Trúc, nhân viên đại lý thu, xã Gáo Giồng")
    assert "vận động một người tham gia" in said
    watched.assert_clean()


def test_the_listen_button_reads_the_spoken_form(example_site: Served, open_page: OpenPage) -> None:
    watched = _listen(open_page, example_site.url + "campaigns/dong-thap/", VIETNAMESE)
    page = watched.page
    button = page.locator(".ansinh-listen")
    assert button.is_visible()
    assert button.inner_text().strip().endswith("Nghe đọc")
    expected = json.loads(page.locator("#ansinh-speech").text_content() or "{}")
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert " ".join(item["text"] for item in spoken) == expected["text"]
    assert {item["lang"] for item in spoken} == {"vi-VN"}
    assert {item["voice"] for item in spoken} == {"Tiếng Việt"}
    text = expected["text"]
    assert "bảo hiểm xã hội tự nguyện" in text
    assert "một chín không không, chín không sáu tám" in text
    assert "hai ngàn chín trăm hai mươi mốt" in text
    assert not re.search(r"\d", text), "digits left unspoken"
    assert button.get_attribute("aria-pressed") == "true"
    watched.assert_clean()


def test_the_listen_button_stays_hidden_without_a_vietnamese_voice(
    example_site: Served, open_page: OpenPage
) -> None:
    watched = _listen(open_page, example_site.url + "campaigns/dong-thap/", ENGLISH_ONLY)
    assert watched.page.locator(".ansinh-listen").is_hidden()


def test_a_campaign_page_prints_cleanly(example_site: Served, open_page: OpenPage) -> None:
    watched = open_page(example_site.url + "campaigns/le-chan-hai-phong/")
    page = watched.page
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.ansinh-actions',
        '.ansinh-languages', '.md-footer'].map(s => {
          const el = document.querySelector(s); return el ? getComputedStyle(el).display : 'none'; })""")
    assert hidden == ["none"] * 5
    after = page.evaluate("""() => getComputedStyle(
        document.querySelector('.ansinh-first a.ansinh-call'), '::after').content""")
    assert "tel:19009068" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_pages_carry_sharing_metadata_with_absolute_addresses(example_site: Served) -> None:
    page = (example_site.root / "campaigns/dong-thap/index.html").read_text("utf-8")
    meta = dict(
        re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)"', page)
    )
    assert meta["og:url"] == "https://ansinh.example.vn/campaigns/dong-thap/"
    assert re.fullmatch(
        r"https://ansinh\.example\.vn/social/vi/dong-thap/facebook\.[0-9a-f]{8}\.png",
        meta["og:image"],
    )
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:title"] and meta["og:description"]
    assert meta["twitter:card"] == "summary_large_image"
    image = meta["og:image"].replace("https://ansinh.example.vn/", "")
    assert (example_site.root / image).is_file()


README_CSP = re.compile(r"^ *Content-Security-Policy: (.+)$", re.MULTILINE)


def test_pages_work_under_the_content_security_policy_the_readme_recommends(
    example_site: Served, open_page: OpenPage
) -> None:
    import functools
    import http.server
    import threading

    policy = README_CSP.search((REPO / "README.md").read_text("utf-8"))
    assert policy, "the README names a Content-Security-Policy"

    class WithPolicy(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy.group(1).strip())
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(WithPolicy, directory=str(example_site.root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for path in ("", "campaigns/dong-thap/", "en/campaigns/lao-cai/", "verses/ho-dong-thap/"):
            watched = open_page(base + path)
            watched.page.wait_for_timeout(300)
            watched.assert_clean()
            assert watched.page.evaluate("typeof window.__md_scope") == "object"
            assert watched.page.locator("[data-calc-form]").count() in (0, 1)
    finally:
        server.shutdown()
