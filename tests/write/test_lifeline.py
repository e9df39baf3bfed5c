"""Child processes of a build die with it, even when it is killed with SIGKILL."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.write.lifeline import die_with_parent, pid_alive
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

ENGINE = """
import subprocess, sys, time
from generator.write.lifeline import child_command
child = subprocess.Popen(child_command("sleeper"))
print(child.pid, flush=True)
time.sleep(60)
"""

POOL = """
import time
from generator.write.units import Shared, _executor
pool = _executor(2, Shared({}, {}))
futures = [pool.submit(time.sleep, 60) for _ in range(2)]
time.sleep(0.5)
print(*pool._processes, flush=True)
time.sleep(60)
"""


def running(pid: int) -> bool:
    """Tell whether ``pid`` is a process that has not ended (zombies have ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(running(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def children_after_kill(script: str, tmp_path: Path) -> list[int]:
    """Run ``script``, read its children's pids, SIGKILL it; return those pids."""
    (tmp_path / "sleeper.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env
    )
    assert parent.stdout is not None
    pids = [int(pid) for pid in parent.stdout.readline().split()]
    time.sleep(0.3)
    assert pids and all(running(pid) for pid in pids)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    return pids


@pytest.mark.parametrize("script", [ENGINE, POOL], ids=["engine", "workers"])
def test_children_die_when_the_build_is_killed(script: str, tmp_path: Path) -> None:
    pids = children_after_kill(script, tmp_path)
    survived = not gone_within(pids, 5)
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
    assert not survived


@pytest.mark.parametrize(("parent", "exitcode"), [(os.getpid(), 0), (1, 1)], ids=["build", "init"])
def test_a_child_whose_parent_is_not_its_build_stops_at_once(parent: int, exitcode: int) -> None:
    child = multiprocessing.get_context("fork").Process(target=die_with_parent, args=(parent,))
    child.start()
    child.join(10)
    assert child.exitcode == exitcode


def test_a_finished_process_is_not_alive() -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    assert pid_alive(os.getpid())
    assert not pid_alive(finished.pid)
