"""Build cost, rebuild cost, scaling, page weight and disk, as one JSON object.

On a synthetic national project (``bench/corpus.py``, every campaign with its own
testimonials) of N campaigns (default 40), each build runs as a child process,
timed by the CPU seconds of its whole process tree (workers and the site engine
included) and by wall time; memory is the peak resident size of the largest
process of the tree. Builds run with Python's bytecode cache, compiled beforehand, as an
installed An Sinh runs (even where the shell sets PYTHONDONTWRITEBYTECODE).

- ``cold``: first build, empty cache; ``no_change``: the same build again;
  ``one_testimonial_edit``: one campaign's testimonial reworded, then rebuilt, for
  each of ``--edits`` campaigns in turn (5; each edit its own build), the median by
  CPU seconds, every edit listed under ``runs``. Each with the outputs made/reused/
  removed, how many locales ran the site engine, the engine's wall seconds against
  the build's, and its share of the cold build: of the mean of the cold build's CPU
  seconds and of the same cold build made again after the rebuilds (``cpu_s_again``,
  ``cpu_s_reference``), since a shared machine's speed drifts over minutes.
- ``series``: cold CPU seconds at N/4, N/2 and N campaigns (1×, 2×, 4×), their ratio,
  and the campaign page's HTML and first-load bytes at each size (which must not
  grow with the number of campaigns).
- ``first_load``: what a phone fetches to show a campaign page: the HTML, its
  style sheets and scripts, and the images not marked ``loading="lazy"``.
- ``disk``: the site and the cache in bytes (files shared by hard links counted
  once), what the cache adds to the site, and the site per campaign; ``audio``:
  the previews' bytes per campaign, and what they would weigh as WAV.

- ``cards``: ``bench/cards.py``'s figures: cards per second drawn and stored as a
  build's worker does; with ``--material PYTHON`` (an environment with Material's
  social plugin, see ``bench/cards_material.py``) instead the same titles through
  An Sinh and through Material, CPU ms per card each and their ratio.
- ``national`` (with ``--national``, some ten minutes): ``bench/national.py``'s cold
  build of 34 provinces × 10 campaigns × the example's locales with 3,000 testimonials:
  its largest process in MiB, CPU and wall seconds.

A shared machine's speed varies by a tenth or more from minute to minute: compare
runs, not single figures.

Usage: python bench/run.py [--campaigns N] [--edits E] [--keep DIR] [--material PYTHON]
                           [--national]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus

# espeak-ng writes 22,050 Hz 16-bit mono: what one second of a WAV preview weighs.
WAV_BYTES_PER_SECOND = 22_050 * 2
OPUS_RATE = 48_000

ONE_BUILD = """
import json, sys
from pathlib import Path
import generator
from generator.pipeline import build_site
summary = build_site(Path(sys.argv[1]), Path(sys.argv[2]))
c = summary.counts
print(json.dumps({"seconds": summary.seconds, "outputs": summary.outputs, "made": c.made,
    "reused": c.reused, "removed": c.removed, "engine_runs": c.engine_runs,
    "engine_seconds": c.engine_seconds, "generator": generator.__file__}))
"""


# A build runs as Python runs by default: with its bytecode cache (``compiled_generator``).
# A shell that sets PYTHONDONTWRITEBYTECODE would make every build process compile An
# Sinh's modules again, some 0.2 CPU-s each, which no installed copy pays.
BUILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"CI": "1"}


def compiled_generator() -> None:
    """Compile the bytecode of the ``generator`` package the builds import (untimed), as
    installing it or its first run does, so that no timed build pays for it."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import compileall, generator, os; "
            "compileall.compile_dir(os.path.dirname(generator.__file__), quiet=1)",
        ],
        check=True,
        cwd=tempfile.gettempdir(),
        env=BUILD_ENV,
    )


def timed_build(project: Path) -> dict[str, Any]:
    """Build ``project`` into ``project/site`` in a child; return its figures."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", ONE_BUILD, str(project), str(project / "site")],
        capture_output=True,
        text=True,
        check=False,
        # In the project's folder: a child started in a checkout would import the
        # checkout's ``generator`` ahead of a frozen copy named in PYTHONPATH.
        cwd=project,
        env=BUILD_ENV,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(result.stderr[-3000:])
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    engine = figures.pop("engine_seconds")
    return {
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "engine_wall_s": round(engine, 2),
        "generator_wall_s": round(wall - engine, 2),
        **figures,
        "seconds": round(figures["seconds"], 2),
    }


def largest_process_mb() -> int:
    """Peak resident size of the largest child process so far, in MiB."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def edit_one_testimonial(project: Path, campaign: int = 1) -> str:
    """Reword the first own testimonial of the ``campaign``-th campaign: add a sentence
    to its Vietnamese quote, written inline, quoted or as a block. Return its name."""
    folder = project / "content" / "testimonials"
    name = sorted(p.name for p in folder.glob(f"*-c{campaign:04d}.yml"))[0]
    path = folder / name
    lines = path.read_text("utf-8").split("\n")
    quote = next(n for n, line in enumerate(lines) if line.startswith("quote:"))
    at = next(n for n in range(quote, len(lines)) if lines[n].lstrip().startswith("vi:"))
    value = lines[at].split("vi:", 1)[1].strip()
    if value[:1] in ("|", ">"):  # a block: the sentence goes at the end of its last line
        indent = len(lines[at]) - len(lines[at].lstrip())
        last = at
        for n in range(at + 1, len(lines)):
            if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= indent:
                break  # the next key: the block has ended
            last = n if lines[n].strip() else last
        at = last
    closing = '"' if lines[at].endswith('"') else ""
    cut = len(lines[at]) - len(closing)
    lines[at] = lines[at][:cut] + " Thật vậy." + lines[at][cut:]
    path.write_text("\n".join(lines), "utf-8")
    return name


class _FirstLoad(HTMLParser):
    """The files a browser fetches before the page is usable: CSS, scripts, eager images."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.files.append(str(found["href"]))
            return
        eager_image = tag == "img" and found.get("loading") != "lazy"
        if tag in ("script", "img") and found.get("src") and (tag == "script" or eager_image):
            self.files.append(str(found["src"]))


def first_load(site: Path) -> dict[str, int]:
    """Bytes of a campaign page and of everything it loads first."""
    page = sorted((site / "campaigns").glob("*/index.html"))[0]
    parser = _FirstLoad()
    parser.feed(page.read_text("utf-8"))
    total, found = page.stat().st_size, 0
    for address in dict.fromkeys(parser.files):
        if address.startswith(("http:", "https:", "//", "data:")):
            continue
        target = (page.parent / address.split("?")[0].split("#")[0]).resolve()
        if target.is_file():
            total += target.stat().st_size
            found += 1
    return {"page_html_bytes": page.stat().st_size, "first_load_bytes": total, "files": found + 1}


def unique_bytes(folder: Path, seen: set[tuple[int, int]] | None = None) -> int:
    """Bytes of the files under ``folder``, each inode once (and not in ``seen``)."""
    seen = set() if seen is None else seen
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_size
    return total


def ogg_seconds(data: bytes) -> float:
    """Length of an Ogg Opus file: the granule position of its last page, at 48 kHz."""
    last = data.rfind(b"OggS")
    return float(struct.unpack_from("<q", data, last + 6)[0]) / OPUS_RATE if last >= 0 else 0.0


def disk(project: Path, campaigns: int) -> dict[str, Any]:
    site = project / "site"
    seen: set[tuple[int, int]] = set()
    site_bytes = unique_bytes(site, seen)
    cache_extra = unique_bytes(project / ".ansinh" / "cache", seen)
    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    audio = [e for e in manifest if e["kind"] == "audio"]
    seconds = sum(
        ogg_seconds((site / e["path"]).read_bytes()) for e in audio if e["format"] == "opus"
    )
    wav = sum(e["bytes"] for e in audio if e["format"] == "wav")
    return {
        "site_bytes": site_bytes,
        "site_mb_per_campaign": round(site_bytes / campaigns / 1e6, 3),
        "cache_adds_bytes": cache_extra,
        "cache_adds_share": round(cache_extra / site_bytes, 3),
        "audio": {
            "formats": sorted({e["format"] for e in audio}),
            "bytes_per_campaign": round(sum(e["bytes"] for e in audio) / campaigns),
            "as_wav_bytes_per_campaign": round(
                (wav + seconds * WAV_BYTES_PER_SECOND + 44 * len(audio)) / campaigns
            ),
        },
    }


def cold_build(work: Path, campaigns: int) -> tuple[Path, dict[str, Any]]:
    project = make_corpus(work / f"corpus-{campaigns}", campaigns, own_testimonials=True)
    figures = timed_build(project)
    return project, {**figures, **first_load(project / "site")}


def bench_json(script: str, *arguments: str) -> Any:
    """Run another benchmark of this folder with this Python; return the JSON it prints."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name(script)), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return {"error": result.stderr[-2000:]}
    return json.loads(result.stdout[result.stdout.index("{") :])


def edited_builds(project: Path, edits: int) -> list[dict[str, Any]]:
    """Edit one testimonial of each of the first ``edits`` campaigns, building after each;
    return each build's figures."""
    runs = []
    for campaign in range(1, edits + 1):
        edited = edit_one_testimonial(project, campaign)
        runs.append({**timed_build(project), "testimonial": edited})
    return runs


def with_shares(runs: list[dict[str, Any]], cold_cpu_s: float) -> dict[str, Any]:
    """Return the median build by CPU seconds, each build's share of the cold build's CPU
    seconds, and every build under ``runs``."""
    for run in runs:
        run["share_of_cold"] = round(run["cpu_s"] / cold_cpu_s, 4)
    median = sorted(runs, key=lambda run: run["cpu_s"])[(len(runs) - 1) // 2]
    shares = [run["share_of_cold"] for run in runs]
    return {**median, "runs": runs, "shares_of_cold": shares}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campaigns", type=int, default=40)
    parser.add_argument("--edits", type=int, default=5, help="one-testimonial edits to time")
    parser.add_argument("--keep", type=Path, default=None, help="keep the projects here")
    parser.add_argument("--material", help="a Python with Material's social plugin")
    parser.add_argument("--national", action="store_true", help="also the national build")
    arguments = parser.parse_args()
    n = arguments.campaigns
    work = Path(arguments.keep or tempfile.mkdtemp(prefix="ansinh-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"campaigns": n, "cpus": os.cpu_count()}
    compiled_generator()
    series = {}
    for size in (max(1, n // 4), max(1, n // 2)):
        _project, figures = cold_build(work, size)
        series[str(size)] = figures
    project, cold = cold_build(work, n)
    results["cold"] = {**cold, "largest_process_mb": largest_process_mb()}
    series[str(n)] = cold
    no_change = timed_build(project)
    edits = edited_builds(project, arguments.edits)
    # The same cold build again after the rebuilds: a shared machine's speed drifts, so
    # the rebuilds are weighed against the mean of a cold build before and after them.
    _again, again = cold_build(work / "again", n)
    reference = (cold["cpu_s"] + again["cpu_s"]) / 2
    results["cold"].update(cpu_s_again=again["cpu_s"], cpu_s_reference=round(reference, 2))
    no_change["share_of_cold"] = round(no_change["cpu_s"] / reference, 4)
    results["no_change"] = no_change
    results["one_testimonial_edit"] = with_shares(edits, reference)
    first, last = series[str(max(1, n // 4))], series[str(n)]
    results["series"] = {
        "cpu_s": {size: figures["cpu_s"] for size, figures in series.items()},
        "ratio_4x_1x": round(last["cpu_s"] / first["cpu_s"], 2),
        "page_html_bytes": {size: f["page_html_bytes"] for size, f in series.items()},
        "first_load_bytes": {size: f["first_load_bytes"] for size, f in series.items()},
    }
    results["first_load"] = first_load(project / "site")
    results["disk"] = disk(project, n)
    results["cards"] = bench_json(
        "cards.py", *(["--material", arguments.material] if arguments.material else [])
    )
    if arguments.national:
        results["national"] = bench_json("national.py")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if arguments.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
