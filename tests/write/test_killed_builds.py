"""Real builds killed with SIGKILL at random moments: no damage, no orphans, no leftovers."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.write.cache import CACHE_DIR
from generator.write.leftovers import leftovers
from tests.write.test_lifeline import running

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

KILLS = 25
SHORTEST = 0.05
KILLING_BUDGET = 42.0
FEWEST_KILLS = 8
ORPHAN_GRACE = 3.0


@dataclass
class Figures:
    kills: int = 0
    finished_first: int = 0
    children_at_kill: int = 0
    with_leftovers: int = 0
    cache_temps: int = 0
    orphans: list[str] = field(default_factory=list)


def command(project: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "-C", str(project), "build", "--out", str(out)]


def complete_build(project: Path, out: Path) -> float:
    """Build to the end; return how long it took."""
    started = time.monotonic()
    result = subprocess.run(command(project, out), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - started


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def assert_complete(out: Path, reference: dict[str, bytes]) -> None:
    """Every file the manifest lists is there with its hash, and the site is the reference."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
    assert snapshot(out) == reference


def processes_of(project: Path) -> dict[int, str]:
    """Return the live processes whose command line mentions the project's folder."""
    mentioned = str(project).encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if mentioned in cmdline and running(int(entry.name)):
            found[int(entry.name)] = cmdline.replace(b"\0", b" ").decode(errors="replace")
    return found


def orphans_after(project: Path) -> dict[int, str]:
    """Wait a moment for the build's children to die; kill and return any that did not."""
    deadline = time.monotonic() + ORPHAN_GRACE
    while (left := processes_of(project)) and time.monotonic() < deadline:
        time.sleep(0.02)
    for pid in left:
        subprocess.run(["kill", "-9", str(pid)], check=False)
    return left


def kill_one_build(project: Path, out: Path, delay: float, figures: Figures) -> None:
    build = subprocess.Popen(
        command(project, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    if build.poll() is not None:
        figures.finished_first += 1
        return
    figures.children_at_kill += len(set(processes_of(project)) - {build.pid}) > 0
    build.send_signal(signal.SIGKILL)
    build.wait()
    figures.kills += 1
    figures.orphans += orphans_after(project).values()


def test_builds_killed_at_random_moments_leave_the_site_whole(mini: Path, tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    chance = random.Random(seed)
    duration = complete_build(mini, tmp_path / "reference")
    reference = snapshot(tmp_path / "reference")
    # Every other build starts without the cache; the others reuse it and end sooner, so
    # each is killed within its own length, not after it has already finished.
    warm = complete_build(mini, tmp_path / "warm")
    out, figures = tmp_path / "site", Figures()
    # A kill comes half a build in on average: on a busy machine, whose builds are slow,
    # the budget grows so that the fewest kills asked for still fit.
    budget = max(KILLING_BUDGET, (FEWEST_KILLS + 2) * (duration + warm) / 2)
    started = time.monotonic()
    for attempt in range(2 * KILLS):
        if figures.kills == KILLS or time.monotonic() - started > budget:
            break
        if figures.kills == KILLS // 5 and not out.exists():
            complete_build(mini, out)
        cold = attempt % 2 == 0
        if cold:
            shutil.rmtree(mini / CACHE_DIR, ignore_errors=True)
        had_site = out.exists()
        kill_one_build(mini, out, chance.uniform(SHORTEST, duration if cold else warm), figures)
        if out.exists():
            assert_complete(out, reference)
        else:
            assert not had_site, f"the site went missing (seed {seed})"
        figures.with_leftovers += bool(leftovers(out))
        figures.cache_temps += len(list((mini / CACHE_DIR).rglob("*.tmp")))
    print(f"\nseed {seed}, build {duration:.2f} s, with cache {warm:.2f} s, {figures}")
    assert figures.orphans == [], f"seed {seed}"
    assert figures.kills >= FEWEST_KILLS and figures.children_at_kill > 0
    complete_build(mini, out)
    assert_complete(out, reference)
    assert leftovers(out) == []
    assert list((mini / CACHE_DIR).rglob("*.tmp")) == []
