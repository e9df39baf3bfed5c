"""Child processes of a build die with it, even when the build is killed outright.

A build starts worker processes (``units``) and the site engine (``engine``). If the
build is killed with SIGKILL it cannot stop them, so each child asks the kernel to
kill it when its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``; the signal comes
when the *thread* that started the child ends, which in a build is the thread that
waits for it). Where that call does not exist, and for the moment between the fork
and the call, a child compares ``os.getppid()`` with the pid of the build that
started it: a different parent means the build is gone, and the child stops.

Run as ``python -m generator.write.lifeline PARENT_PID MODULE ARGS...`` it does the
same for a module run as a program (``python -m MODULE ARGS...``).
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys

PR_SET_PDEATHSIG = 1


def _ask_kernel_for_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return
    prctl = getattr(libc, "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def stop_if_orphaned(parent: int) -> None:
    """End this process at once if the build that started it (pid ``parent``) is gone."""
    if os.getppid() != parent:
        os._exit(1)


def die_with_parent(parent: int) -> None:
    """Make this process die when its parent, the build of pid ``parent``, dies."""
    _ask_kernel_for_death_signal()
    stop_if_orphaned(parent)


def pid_alive(pid: int) -> bool:
    """Tell whether a process of this pid exists (it may be another's, after reuse)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def child_command(module: str, *args: str) -> list[str]:
    """Return the command that runs ``python -m module args`` tied to this process's life."""
    return [sys.executable, "-m", __name__, str(os.getpid()), module, *args]


def main(argv: list[str]) -> None:
    """Tie this process to PARENT_PID, then run MODULE as ``python -m`` would."""
    parent, module, *args = argv
    die_with_parent(int(parent))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
