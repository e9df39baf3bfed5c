"""Browser fixtures: Debian's Chromium through Playwright, and built pages served on 127.0.0.1.

A missing or broken Chromium FAILS these tests, it never skips them: the calculator is
only known to work when a browser has run it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from generator.i18n import translator
from generator.model import Policy
from generator.render.views import templates
from generator.render.web.calculator import calculator_context
from generator.text.format import format_amount, format_number, format_percent
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI, REPO, copy_project

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"
PHONE = {"width": 360, "height": 800}
THEME_ASSETS = REPO / "themes" / "default" / "assets"
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def chromium_path() -> str:
    """Return Debian's Chromium; fail the test run with a clear message when there is none."""
    candidates = [os.environ.get("ANSINH_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(
        "Chromium not found: the browser tests need Debian's chromium "
        "(apt-get install chromium) at /usr/bin/chromium, on PATH, or named by "
        "ANSINH_CHROMIUM. They are never skipped.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    path = chromium_path()
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS, headless=True
            )
        except PlaywrightError as error:
            pytest.fail(f"Chromium at {path} did not start: {error}", pytrace=False)
        yield launched
        launched.close()


# --- serving a folder -------------------------------------------------------------------


@dataclass
class Served:
    """A folder served over http on 127.0.0.1, and every path asked of it."""

    root: Path
    url: str
    paths: list[str] = field(default_factory=list)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: Any) -> None:
        self.served.paths.append(self.path)


@contextmanager
def serve_folder(root: Path) -> Iterator[Served]:
    """Serve ``root`` on a free port of 127.0.0.1 in a thread, for the ``with`` block."""
    served = Served(root=root, url="")
    handler = type("Handler", (_QuietHandler,), {"served": served})
    server = http.server.ThreadingHTTPServer(
        (LOCAL_HOST, 0), functools.partial(handler, directory=str(root))
    )
    served.url = f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- pages, watched -----------------------------------------------------------------------


@dataclass
class Watched:
    """A page with its console errors and every request it made."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """Fail on any console error, uncaught exception or request beyond 127.0.0.1."""
        assert not self.errors, "console errors:\n" + "\n".join(self.errors)
        assert not self.outside, "requests left 127.0.0.1:\n" + "\n".join(self.outside)


def watch(page: Page) -> Watched:
    """Record the console errors and requests of ``page``; block every outside request."""
    watched = Watched(page)

    def on_console(message: Any) -> None:
        if message.type == "error":
            watched.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request(request: Request) -> None:
        watched.requests.append(request.url)

    def route(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == LOCAL_HOST or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watched.outside.append(url)
            route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.errors.append(f"uncaught: {error}"))
    page.on("request", on_request)
    page.route("**/*", route)
    return watched


OpenPage = Callable[..., Watched]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """Open a URL in a fresh 360 × 800 phone-sized context; JavaScript on unless told."""
    contexts: list[BrowserContext] = []

    def open_(url: str, javascript: bool = True, viewport: dict[str, int] | None = None) -> Watched:
        context = browser.new_context(
            viewport=viewport or PHONE,
            java_script_enabled=javascript,
            is_mobile=True,
            has_touch=True,
            device_scale_factor=2,
            service_workers="block",
        )
        contexts.append(context)
        watched = watch(context.new_page())
        watched.page.goto(url, wait_until="load")
        return watched

    yield open_
    for context in contexts:
        context.close()


# --- what is served -----------------------------------------------------------------------

STANDALONE = """<!doctype html>
<html lang="{locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>calculator</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/css/page.css">
<link rel="stylesheet" href="assets/css/calculator.css">
</head>
<body>
<main class="page">
{fragment}
</main>
<script defer src="assets/js/calculator.js"></script>
</body>
</html>
"""
PAGE_CSS = "body { margin: 0; font-family: sans-serif; } .page { padding: 0 16px; }\n"


def render_partial(policy: Policy, locale: str, theme_root: Path = MINI, **extra: Any) -> str:
    """Render the calculator partial alone, with the context the campaign page gives it."""
    theme = load_theme(theme_root, "default")
    env = templates(theme, "templates/web")
    context = {
        "policy": policy,
        "locale": locale,
        "_": translator(locale),
        "amount": lambda value: format_amount(value, locale),
        "num": lambda value: format_number(value, locale),
        "pct": lambda value: format_percent(value, locale),
        "calculator": calculator_context(policy, locale),
        **extra,
    }
    return env.get_template("partials/calculator.html.j2").render(**context)


def write_standalone(folder: Path, policy: Policy, locale: str) -> Path:
    """Write ``<locale>.html``: the partial, its CSS and script, under a strict CSP."""
    shutil.copytree(THEME_ASSETS, folder / "assets", dirs_exist_ok=True)
    (folder / "assets" / "css" / "page.css").write_text(PAGE_CSS, "utf-8")
    page = STANDALONE.format(locale=locale, csp=CSP, fragment=render_partial(policy, locale))
    path = folder / f"{locale}.html"
    path.write_text(page, "utf-8")
    return path


@pytest.fixture(scope="session")
def mini_policy() -> Policy:
    """The policy of the mini fixture project."""
    project, _warnings = load_project(MINI)
    return project.policy


@pytest.fixture(scope="session")
def standalone(tmp_path_factory: pytest.TempPathFactory, mini_policy: Policy) -> Iterator[Served]:
    """The partial rendered alone in vi.html and en.html, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("standalone")
    for locale in ("vi", "en"):
        write_standalone(folder, mini_policy, locale)
    with serve_folder(folder) as served:
        yield served


def build_mini(target: Path) -> Path:
    """Copy the mini project into ``target`` and build it; return the site folder."""
    from generator.cli import main

    project = copy_project(MINI, target / "project")
    out = target / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The mini project built as it stands, served on 127.0.0.1."""
    with serve_folder(build_mini(tmp_path_factory.mktemp("mini-site"))) as served:
        yield served
