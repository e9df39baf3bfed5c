"""One cold build of a national project: its memory, CPU and wall time, outputs and size.

Makes the national corpus (``bench/corpus.py``): P provinces × C campaigns per
province, the campaigns spread over the provinces round-robin, T testimonials in all
(each campaign quoting only its own), in the example's locales; then builds it once,
with an empty cache, in a child process, measured as ``bench/run.py`` measures a
build, and prints one JSON object:

- ``campaigns``, ``provinces``, ``testimonials``, ``locales``: what the corpus holds
  (testimonial files counted on disk).
- ``cpu_s``: CPU seconds (user + system) of the build's whole process tree, workers
  and the site engine included; ``wall_s``: its wall-clock seconds, child start to
  exit; ``engine_wall_s``: of which the site engine's wall seconds.
- ``largest_process_mb``: peak resident size of the largest process of the build's
  tree (``ru_maxrss`` of the waited-for children), in MiB; ``limit_mb`` is 1 GB
  (1024 MiB) and ``within_limit`` whether the peak stays at or under it.
- ``outputs``, ``made``, ``reused``, ``removed``, ``engine_runs``: the build summary's
  counts (a cold build makes every output).
- ``site_bytes``, ``site_files``: the built site on disk (hard-linked files once).
- ``generator``: the ``generator/__init__.py`` the child imported, to show which copy
  of the code ran (set ``PYTHONPATH`` to build a frozen copy).
- ``check`` (with ``--check``): the last lines of ``ansinh check`` on the corpus, run
  after the build so that its memory is not counted.

Usage: python bench/national.py [--provinces 34] [--per-province 10]
       [--testimonials 3000] [--code DIR] [--keep DIR] [--check]

``--code DIR`` gives the folder holding the ``generator/`` and ``themes/`` to use
(default: the one ``generator`` is imported from, else this checkout). The child runs
in the corpus folder, so the current directory cannot shadow ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, make_corpus
from run import largest_process_mb, timed_build, unique_bytes

LIMIT_MB = 1024


def imported_code() -> Path:
    """The folder holding the ``generator`` package Python would import, else the checkout."""
    spec = importlib.util.find_spec("generator")
    if spec is None or spec.origin is None:
        return REPO
    return Path(spec.origin).resolve().parent.parent


def cold_build(project: Path) -> dict[str, Any]:
    """Build ``project`` into ``project/site`` in a child (``run.timed_build``); return its
    figures, the ``generator`` file it imported among them. Exits when the build fails."""
    figures = timed_build(project)
    figures.pop("seconds")
    figures.pop("generator_wall_s")
    return figures


def check(project: Path) -> list[str]:
    """The last lines of ``python -m generator -C project check`` (its verdict)."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
        env={**os.environ, "CI": "1"},
    )
    return (result.stdout + result.stderr).strip().splitlines()[-3:]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--per-province", type=int, default=10, help="campaigns per province")
    parser.add_argument("--testimonials", type=int, default=3000, help="in all")
    parser.add_argument("--code", type=Path, default=None, help="holds generator/ and themes/")
    parser.add_argument("--keep", type=Path, default=None, help="keep the project here")
    parser.add_argument("--check", action="store_true", help="run ansinh check afterwards")
    arguments = parser.parse_args()
    campaigns = arguments.provinces * arguments.per_province
    work = Path(arguments.keep or tempfile.mkdtemp(prefix="ansinh-national-"))
    project = make_corpus(
        work / "national",
        campaigns,
        provinces=arguments.provinces,
        testimonials=arguments.testimonials,
        code=arguments.code or imported_code(),
    )
    print(f"corpus made in {project}; building", file=sys.stderr, flush=True)
    build = cold_build(project)
    largest = largest_process_mb()
    site = project / "site"
    listed = (project / "campaigns.yml").read_text("utf-8")
    results: dict[str, Any] = {
        "campaigns": campaigns,
        "provinces": arguments.provinces,
        "testimonials": len(list((project / "content" / "testimonials").glob("*.yml"))),
        "locales": _locales(listed),
        "cpus": os.cpu_count(),
        **build,
        "largest_process_mb": largest,
        "limit_mb": LIMIT_MB,
        "within_limit": largest <= LIMIT_MB,
        "site_bytes": unique_bytes(site),
        "site_files": sum(1 for path in site.rglob("*") if path.is_file()),
    }
    if arguments.check:
        results["check"] = check(project)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if arguments.keep is None:
        shutil.rmtree(work, ignore_errors=True)


def _locales(campaigns_yml: str) -> list[str]:
    """The ``site.locales`` of a ``campaigns.yml`` text."""
    data = yaml.safe_load(campaigns_yml)
    return [str(locale) for locale in data["site"]["locales"]]


if __name__ == "__main__":
    main()
