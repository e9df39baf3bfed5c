"""Print speed and size: an A4 poster and an A5 leaflet, laid out and written as PDF.

Prints one JSON object: for the poster (the example's Đắk Lắk campaign) and the
leaflet (the mini project's campaign, whose testimonial has a photo), the median
seconds of a render over several runs, wall clock and processor time (on a shared
machine processor time is the steadier figure), the PDF's bytes, and whether each
meets its target by the wall clock (poster ≤ 1.5 s and ≤ 3 MB, leaflet ≤ 2 s and
≤ 2 MB). The first render of a process loads the fonts and is reported apart.

Usage: python bench/print.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.render.print.engine import render_pdf, sheet_for
from generator.render.print.leaflet import leaflet_view, render_leaflet_html
from generator.render.print.photo import read_print_photos
from generator.render.print.poster import poster_view, render_poster_html
from generator.validate.project import load_project
from generator.validate.theme import load_theme

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
TARGETS = {"poster_a4": (1.5, 3_000_000), "leaflet_a5": (2.0, 2_000_000)}


def timed(render: Callable[[], bytes], runs: int) -> dict[str, object]:
    """Render ``runs`` times after a first render; return the medians and the PDF's size."""
    started, first_cpu = time.perf_counter(), time.process_time()
    pdf = render()
    first = (time.perf_counter() - started, time.process_time() - first_cpu)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        pdf = render()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {
        "first_seconds": round(first[0], 3),
        "seconds": round(statistics.median(walls), 3),
        "cpu_seconds": round(statistics.median(cpus), 3),
        "bytes": len(pdf),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    example, _ = load_project(REPO)
    theme = load_theme(REPO, "default")
    campaign = next(c for c in example.campaigns if c.id == "dak-lak")
    poster = poster_view(example, theme, campaign)
    a4 = sheet_for("A4", "A4", theme.print.layout.press)

    def render_poster() -> bytes:
        return render_pdf(render_poster_html(poster, theme, a4), theme, "poster-a4.pdf")[0]

    mini, _ = load_project(MINI)
    photos = read_print_photos(MINI, mini)

    def render_leaflet() -> bytes:
        # The photo is prepared on every run: it is part of the leaflet's cost.
        leaflet, _notices = leaflet_view(mini, theme, mini.campaigns[0], photos)
        return render_pdf(render_leaflet_html(leaflet, theme), theme, "leaflet-a5.pdf")[0]

    results: dict[str, dict[str, object]] = {
        "poster_a4": timed(render_poster, runs),
        "leaflet_a5": timed(render_leaflet, runs),
    }
    for name, (seconds, size) in TARGETS.items():
        result = results[name]
        result["meets_target"] = (
            float(str(result["seconds"])) <= seconds and int(str(result["bytes"])) <= size
        )
    results["leaflet_a5"]["photo"] = sorted(photos)
    print(json.dumps({"runs": runs, **results}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
