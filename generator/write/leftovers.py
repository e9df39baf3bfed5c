"""What killed builds leave beside the output folder, and the lock that tells whose it is.

Every build of ``site/`` holds a shared ``flock`` on ``.site.lock`` (beside ``site/``)
from before it creates its staging folder until that folder is published or
removed. The kernel drops the lock when the build's process dies, SIGKILL included,
so it never goes stale. At its start a build asks for the lock *exclusively*,
without waiting: if it gets it, no other build of that folder is running, so every
``.site.staging-*`` and ``.site.old-*`` beside it belongs to a dead build and is
removed; if not, it leaves them to a later build. Either way it then holds the lock
shared for its own work. The lock file stays: removing it would race with a build
that has just opened it.

``.site.old-*`` is only ever a complete previous site (``publish`` renames it back to
a staging name before deleting it), so a build killed between the two renames of the
fallback publish, which leaves no ``site/``, has its previous site put back.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock_path(out: Path) -> Path:
    """Return the lock file of the builds of ``out``."""
    return out.with_name(f".{out.name}.lock")


def staging_prefix(out: Path) -> str:
    """Return how the names of ``out``'s staging folders start."""
    return f".{out.name}.staging-"


def old_prefix(out: Path) -> str:
    """Return how the names of ``out``'s previous sites, set aside while publishing, start."""
    return f".{out.name}.old-"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Clear dead builds' leftovers if no other build runs; hold the shared lock meanwhile."""
    descriptor = os.open(lock_path(out), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        if _try_lock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB):
            clear_leftovers(out)
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)


def _try_lock(descriptor: int, operation: int) -> bool:
    try:
        fcntl.flock(descriptor, operation)
    except BlockingIOError:
        return False
    return True


def leftovers(out: Path) -> list[Path]:
    """Return the staging and old folders beside ``out``, oldest first."""
    prefixes = (staging_prefix(out), old_prefix(out))
    found = [p for p in out.parent.iterdir() if p.name.startswith(prefixes)]
    return sorted(found, key=lambda path: (path.lstat().st_mtime_ns, path.name))


def clear_leftovers(out: Path) -> None:
    """Put back a previous site lost between two renames; remove every other leftover."""
    found = leftovers(out)
    olds = [path for path in found if path.name.startswith(old_prefix(out))]
    if olds and not os.path.lexists(out):
        os.rename(olds[-1], out)
        found.remove(olds[-1])
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
