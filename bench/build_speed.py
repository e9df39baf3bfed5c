"""Build speed and memory: the example, and a synthetic project with many campaigns.

Prints one JSON object. For each project: the first build (empty cache), a
rebuild with nothing changed, a rebuild after one campaign's text changed,
the peak memory of the build and of its engine subprocesses, the number of
outputs, and the size of one campaign page (which must not grow with the
number of campaigns).

Usage: python bench/build_speed.py [--campaigns N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, make_corpus

from generator.pipeline import build_site


def timed_build(project: Path, out: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):
        summary = build_site(project, out)
    return round(time.perf_counter() - started, 2), summary.outputs


def touch_one_campaign(project: Path) -> None:
    campaigns = project / "campaigns.yml"
    text = campaigns.read_text(encoding="utf-8")
    marker = "summary:"
    at = text.index(marker)
    line_end = text.index("\n", at)
    campaigns.write_text(text[:line_end] + " " + text[line_end:], encoding="utf-8")
    text = campaigns.read_text(encoding="utf-8")
    campaigns.write_text(
        text.replace("Chợ Đôn", "chợ Đôn", 1)
        if "Chợ Đôn" in text
        else text.replace("tháng", "tháng ", 1),
        encoding="utf-8",
    )


def measure(project: Path, work: Path) -> dict[str, object]:
    out = work / "site"
    first, outputs = timed_build(project, out)
    unchanged, _ = timed_build(project, out)
    touch_one_campaign(project)
    one_changed, _ = timed_build(project, out)
    page = next((out / "campaigns").glob("*/index.html"))
    return {
        "first_build_s": first,
        "rebuild_unchanged_s": unchanged,
        "rebuild_one_campaign_changed_s": one_changed,
        "outputs": outputs,
        "campaign_page_bytes": page.stat().st_size,
        "site_megabytes": round(
            sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6, 1
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campaigns", type=int, default=100)
    arguments = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temp:
        example = Path(temp) / "example"
        example.mkdir()
        for name in ("campaigns.yml", "mkdocs.yml", "content", "themes"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copyfile)(source, example / name)
        results["example"] = measure(example, Path(temp) / "example-out")
        national = make_corpus(Path(temp) / "national", arguments.campaigns)
        results[f"synthetic_{arguments.campaigns}_campaigns"] = measure(
            national, Path(temp) / "national-out"
        )
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    results["peak_memory_mb"] = {
        "build_process": round(self_peak / 1024),
        "largest_child_process": round(children_peak / 1024),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
