"""Audit the example's pages as a resident's phone sees them: Lighthouse (mobile) and axe-core.

Builds the example with its address set to the local server, serves it with gzip,
and prints one JSON object: per page the four Lighthouse scores, largest
contentful paint, bytes transferred, requests leaving the site, and axe-core
violations; then whether every target is met.

Usage: python bench/lighthouse.py   (needs `npm ci` in bench/ and Debian's chromium)
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from serve_gzip import start

from generator.cli import main as ansinh

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_BYTES = 80_000
MAX_LCP_MS = 1500


def build_example(work: Path, base_url: str) -> Path:
    """Copy the example, point its address at the local server, build it; return the site."""
    project = work / "project"
    project.mkdir()
    for name in ("campaigns.yml", "mkdocs.yml", "content", "themes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / name)
    campaigns = project / "campaigns.yml"
    data = campaigns.read_text("utf-8")
    original = yaml.safe_load(data)["site"]["base_url"]
    campaigns.write_text(data.replace(original, base_url), "utf-8")
    site = work / "site"
    with contextlib.redirect_stdout(sys.stderr):
        code = ansinh(["-C", str(project), "build", "--out", str(site)])
    if code != 0:
        raise SystemExit("the example did not build")
    return site


def lighthouse(url: str) -> dict[str, object]:
    """Run Lighthouse's mobile audit on one page and keep the figures that matter."""
    result = subprocess.run(
        [
            str(BENCH / "node_modules/.bin/lighthouse"),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    report = json.loads(result.stdout)
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    origin = url.split("/", 3)[:3]
    failed = sorted(
        key
        for key, audit in audits.items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "metricSavings")
    )
    return {
        "scores": {key: cat["score"] for key, cat in report["categories"].items()},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "requests": len(requests),
        "outside_requests": [
            r["url"]
            for r in requests
            if r["url"].split("/", 3)[:3] != origin and not r["url"].startswith("data:")
        ],
        "failed_audits": failed,
    }


def axe(url: str) -> list[str]:
    """Run axe-core inside the page; return the ids of its violations."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split()[1:])
        # The pages forbid inline scripts; axe is injected as one, so the test page's
        # policy is set aside for it.
        page = browser.new_page(viewport={"width": 360, "height": 740}, bypass_csp=True)
        page.goto(url)
        page.add_script_tag(path=str(BENCH / "node_modules/axe-core/axe.min.js"))
        violations = page.evaluate("async () => (await axe.run()).violations.map(v => v.id)")
        browser.close()
    return list(violations)


def meets(result: dict[str, object]) -> bool:
    scores = result["scores"]
    assert isinstance(scores, dict)
    return (
        all(scores[k] >= v for k, v in TARGETS.items())
        and result["axe"] == []
        and int(result["bytes"]) <= MAX_BYTES
        and int(result["lcp_ms"]) <= MAX_LCP_MS  # type: ignore[call-overload]
        and result["outside_requests"] == []
    )


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        server, port = start(Path(temp) / "site")
        base = f"http://127.0.0.1:{port}/"
        site = build_example(Path(temp), base)
        campaigns = [
            c["id"]
            for c in yaml.safe_load((REPO / "campaigns.yml").read_text("utf-8"))["campaigns"]
        ]
        paths = ["", "en/"] + [
            f"{prefix}campaigns/{c}/" for prefix in ("", "en/") for c in campaigns
        ]
        # One page of every other kind residents open: lists, a testimonial, a verse,
        # a progress page and the hand-written pages.
        for kind in ("testimonials", "verses", "progress"):
            paths.append(f"{kind}/")
            paths += [
                f"{kind}/{p.parent.name}/" for p in sorted(site.glob(f"{kind}/*/index.html"))[:1]
            ]
        paths += [
            f"{p.stem}/"
            for p in sorted((REPO / "content" / "pages").glob("*.md"))
            if "." not in p.stem
        ]
        pages = {}
        for path in paths:
            result = lighthouse(base + path)
            result["axe"] = axe(base + path)
            result["meets_targets"] = meets(result)
            pages["/" + path] = result
        server.shutdown()
        assert site.is_dir()
    return {
        "targets": {**TARGETS, "bytes": MAX_BYTES, "lcp_ms": MAX_LCP_MS, "axe_violations": 0},
        "pages": pages,
        "all_met": all(p["meets_targets"] for p in pages.values()),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
