"""Run ``ansinh check`` in a subprocess on every hostile case; print time, memory and exit code.

Usage: python bench/hostile_check.py [CASE…]   (from the repository; cases as in
``tests/bad_inputs/cases``, default: every ``hostile-*`` case). Prints JSON
``{case: {seconds, max_rss_mb, exit_code}}``; the targets are < 5 s and < 300 MB each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.bad_inputs.hostile import HOSTILE  # noqa: E402
from tests.bad_inputs.test_bad_inputs import prepare  # noqa: E402


def measure(name: str, scratch: Path) -> dict[str, float | int]:
    """Check case ``name`` in a fresh process; return its wall time, peak memory, exit code."""
    project = scratch / name
    # Built in another process: a child's peak memory counts its parent's at fork time.
    subprocess.run([sys.executable, __file__, "--prepare", name, str(project)], check=True)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(project), "check"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit_code": os.waitstatus_to_exitcode(status),
    }


def main(names: list[str]) -> None:
    """Print the figures of every case named, or of every hostile case."""
    with tempfile.TemporaryDirectory() as scratch:
        figures = {name: measure(name, Path(scratch)) for name in names or sorted(HOSTILE)}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        prepare(sys.argv[2], Path(sys.argv[3]))
    else:
        main(sys.argv[1:])
