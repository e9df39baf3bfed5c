"""Swap two paths in one step, so that neither is ever missing, where the system can.

Linux (glibc 2.28 or later, kernel 3.15 or later) has ``renameat2(..., RENAME_EXCHANGE)``:
both names keep existing, each now on the other's file. Most local filesystems
support it (ext4, XFS, Btrfs, tmpfs); some do not (older NFS, FUSE, some overlays),
and other systems lack the call. ``exchange`` then answers False and the caller
falls back to two plain renames, with a short moment between them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 1 << 1
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}

Renameat2 = Callable[[int, bytes, int, bytes, int], int]


@cache
def _renameat2() -> Renameat2 | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    call: Renameat2 = function
    return call


def exchange(first: Path, second: Path) -> bool:
    """Swap ``first`` and ``second`` atomically; False if this system or filesystem cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))
