"""Publishing: the output folder never goes missing, and dead builds' leftovers are cleared."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.write import publish as publishing
from generator.write.exchange import exchange
from generator.write.leftovers import clear_leftovers, leftovers, lock_path
from generator.write.publish import publish, staging_folder


def folder(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


def exchange_works(where: Path) -> bool:
    first, second = folder(where / "probe-a", "a"), folder(where / "probe-b", "b")
    works = exchange(first, second)
    for probe in (first, second):
        (probe / "index.html").unlink()
        probe.rmdir()
    return works


def test_the_first_publish_is_a_rename(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        (staging / "index.html").write_text("một", encoding="utf-8")
        publish(staging, out)
    assert (out / "index.html").read_text("utf-8") == "một"
    assert beside(out) == [".site.lock", "site"]
    assert out.stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("atomic", [True, False])
def test_a_publish_replaces_the_site_and_leaves_nothing_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:
        monkeypatch.setattr(publishing, "exchange", lambda first, second: False)
    out = folder(tmp_path / "site", "cũ")
    (out / "old-only.txt").write_text("x", encoding="utf-8")
    with staging_folder(out) as staging:
        (staging / "index.html").write_text("mới", encoding="utf-8")
        publish(staging, out)
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text("utf-8") == "mới"
    assert beside(out) == [".site.lock", "site"]


POLLER = """
import os, sys
out, stop = sys.argv[1], sys.argv[2]
polls = missing = 0
print("ready", flush=True)
while not os.path.exists(stop):
    for _ in range(100):
        polls += 1
        missing += not os.path.isdir(out)
print(polls, missing)
"""


def publish_while_polling(out: Path, times: int) -> tuple[int, int]:
    """Publish ``times`` times while another process checks that ``out`` exists."""
    stop = out.with_name("stop")
    poller = subprocess.Popen(
        [sys.executable, "-c", POLLER, str(out), str(stop)], stdout=subprocess.PIPE, text=True
    )
    assert poller.stdout is not None and poller.stdout.readline() == "ready\n"
    try:
        for number in range(times):
            with staging_folder(out) as staging:
                (staging / "index.html").write_text(str(number), encoding="utf-8")
                publish(staging, out)
    finally:
        stop.touch()
        stdout, _ = poller.communicate(timeout=30)
        stop.unlink()
    polls, missing = stdout.split()
    return int(polls), int(missing)


def test_the_site_is_never_missing_while_publishing(tmp_path: Path) -> None:
    if not exchange_works(tmp_path):
        pytest.skip("this filesystem cannot exchange two folders in one step")
    out = folder(tmp_path / "site", "0")
    polls, missing = publish_while_polling(out, 300)
    assert missing == 0
    assert polls > 1000
    assert (out / "index.html").read_text("utf-8") == "299"
    assert beside(out) == [".site.lock", "site"]


def test_the_poller_sees_the_moment_two_renames_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publishing, "exchange", lambda first, second: False)
    out = folder(tmp_path / "site", "0")
    assert any(publish_while_polling(out, 300)[1] > 0 for _ in range(20))
    assert beside(out) == [".site.lock", "site"]


def test_leftovers_of_dead_builds_are_cleared_when_a_build_starts(tmp_path: Path) -> None:
    out = folder(tmp_path / "site", "cũ")
    folder(tmp_path / ".site.staging-dead1", "nửa")
    folder(tmp_path / ".site.old-123-ab", "cũ hơn")
    folder(tmp_path / ".other.staging-x", "not ours")
    with staging_folder(out) as staging:
        assert beside(out) == [".other.staging-x", ".site.lock", staging.name, "site"]
    assert beside(out) == [".other.staging-x", ".site.lock", "site"]


def test_a_running_build_keeps_its_staging_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    running = folder(tmp_path / ".site.staging-running", "đang làm")
    descriptor = os.open(lock_path(out), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        with staging_folder(out) as staging:
            assert staging.is_dir() and running.is_dir()
        assert running.is_dir()
    finally:
        os.close(descriptor)
    with staging_folder(out):
        assert not running.exists()


def test_a_site_lost_between_two_renames_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    older = folder(tmp_path / ".site.old-1-aa", "cũ hơn")
    newer = folder(tmp_path / ".site.old-2-bb", "cũ")
    os.utime(older, ns=(1, 1))
    folder(tmp_path / ".site.staging-x", "mới, dở dang")
    clear_leftovers(out)
    assert (out / "index.html").read_text("utf-8") == "cũ"
    assert not newer.exists() and leftovers(out) == []


def test_a_failed_build_removes_its_staging_folder(tmp_path: Path) -> None:
    out = folder(tmp_path / "site", "cũ")
    with pytest.raises(RuntimeError), staging_folder(out) as staging:
        (staging / "index.html").write_text("mới", encoding="utf-8")
        raise RuntimeError
    assert beside(out) == [".site.lock", "site"]
    assert (out / "index.html").read_text("utf-8") == "cũ"
