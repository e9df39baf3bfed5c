"""First-load bytes of the resident pages, and whether they stay flat as campaigns multiply.

Builds synthetic projects (bench/corpus.py) with 5 and 200 campaigns, opens each kind of
page in Chromium at 360 × 640 as a phone would, without touching it, and counts every
file the page fetched before that: HTML, style sheets, scripts, fonts, the images the
browser chose to load. Each file is counted as a web host sends it: gzip for text
(bench/serve_gzip.py's list), as is for the rest. Prints one JSON object: per corpus size
and page kind, the gzip bytes of the first load, the gzip bytes of the HTML alone and the
number of requests; then the growth from the smallest to the largest corpus and whether
every first load is within the budget.

Every web page is built; cards, loudspeaker scripts and posters only for the first
campaign (``build --only``), which no page fetches on its first load; ``--full`` builds
them all (much slower).

Usage: python bench/first_load.py [--campaigns 5 200] [--work DIR] [--reuse] [--full]
  --work DIR   keep the corpora and their sites in DIR (default: a temporary folder)
  --reuse      measure a site already built in DIR instead of building it again
Building 200 campaigns takes minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from corpus import make_corpus
from serve_gzip import COMPRESSED, start

from generator.cli import main as ansinh

BUDGET = 80_000  # bytes, gzip: everything fetched before the person interacts
PHONE = {"width": 360, "height": 640}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]


def sent_bytes(path: Path) -> int:
    """Return the bytes a host sends for ``path``: gzip (level 9, as serve_gzip) for text."""
    data = path.read_bytes()
    return len(gzip.compress(data, mtime=0)) if path.suffix in COMPRESSED else len(data)


def local_file(site: Path, url: str) -> Path | None:
    """Return the file of ``site`` a same-site URL names (a folder's index.html), or None."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def page_kinds(project: Path) -> dict[str, str]:
    """Return the path of one page of each kind in a corpus: first campaign, testimonial, verse."""
    campaigns = yaml.safe_load((project / "campaigns.yml").read_text("utf-8"))["campaigns"]
    first = campaigns[0]["id"]
    last = campaigns[-1]["id"]
    testimonial = sorted((project / "content" / "testimonials").glob("*.yml"))[0].stem
    verse = sorted((project / "content" / "verses").glob("*.yml"))[0].stem
    return {
        "home": "",
        "home_en": "en/",
        "campaign": f"campaigns/{first}/",
        "campaign_last": f"campaigns/{last}/",
        "campaign_en": f"en/campaigns/{first}/",
        "campaigns_list": "campaigns/",
        "testimonial": f"testimonials/{testimonial}/",
        "testimonials_list": "testimonials/",
        "verse": f"verses/{verse}/",
    }


def first_load(browser: object, site: Path, base: str, path: str) -> dict[str, object]:
    """Open ``base + path`` at 360 × 640 and count what it fetched until the network is idle.

    Returns {"bytes": gzip bytes of every fetched file, "html": gzip bytes of the page,
    "requests": count, "files": {path: bytes}}. A request outside ``site`` is counted as
    a file of 0 bytes under its URL, so that it shows.
    """
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    context.close()
    files: dict[str, int] = {}
    for url in urls:
        if url.startswith("data:"):
            continue
        local = local_file(site, url) if url.startswith(base) else None
        files[url.removeprefix(base)] = sent_bytes(local) if local else 0
    html = local_file(site, base + path)
    return {
        "bytes": sum(files.values()),
        "html": sent_bytes(html) if html else 0,
        "requests": len(files),
        "files": files,
    }


def build_corpus(work: Path, campaigns: int, reuse: bool, full: bool) -> tuple[Path, Path]:
    """Make and build a corpus of ``campaigns`` campaigns in ``work``; return project, site.

    Raises SystemExit when the build fails.
    """
    project, site = work / f"c{campaigns}", work / f"c{campaigns}-site"
    if reuse and (site / "index.html").is_file():
        return project, site
    make_corpus(project, campaigns)
    only = [] if full else ["--only", page_kinds(project)["campaign"].split("/")[1]]
    with contextlib.redirect_stdout(sys.stderr):
        code = ansinh(["-C", str(project), "build", "--out", str(site), *only])
    if code != 0:
        raise SystemExit(f"the corpus of {campaigns} campaigns did not build")
    return project, site


def measure(sizes: list[int], work: Path, reuse: bool, full: bool) -> dict[str, object]:
    """Build (or reuse) one corpus per size and measure every page kind of each."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, dict[str, object]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            project, site = build_corpus(work, size, reuse, full)
            server, port = start(site)
            base = f"http://127.0.0.1:{port}/"
            results[str(size)] = {
                kind: first_load(browser, site, base, path)
                for kind, path in page_kinds(project).items()
            }
            server.shutdown()
        browser.close()
    smallest, largest = str(min(sizes)), str(max(sizes))
    growth = {
        kind: int(results[largest][kind]["bytes"]) - int(page["bytes"])  # type: ignore[call-overload]
        for kind, page in results[smallest].items()
    }
    return {
        "budget": BUDGET,
        "corpora": {
            size: {
                kind: {k: v for k, v in page.items() if k != "files"}
                for kind, page in pages.items()
            }
            for size, pages in results.items()
        },
        "files": {size: pages["campaign"]["files"] for size, pages in results.items()},
        "growth_bytes": growth,
        "within_budget": all(
            int(page["bytes"]) <= BUDGET  # type: ignore[call-overload]
            for pages in results.values()
            for page in pages.values()
        ),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campaigns", type=int, nargs="+", default=[5, 200])
    parser.add_argument("--work", type=Path)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--full", action="store_true")
    arguments = parser.parse_args()
    with contextlib.ExitStack() as stack:
        work = arguments.work or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        work.mkdir(parents=True, exist_ok=True)
        report = measure(sorted(arguments.campaigns), work, arguments.reuse, arguments.full)
    print(json.dumps(report, indent=2, ensure_ascii=False))
