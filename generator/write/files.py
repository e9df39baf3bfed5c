"""Files of the build's scratch folders, written only when their bytes change."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds it, so watchers see only real edits."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def sync_folder(folder: Path, wanted: dict[str, bytes]) -> int:
    """Make ``folder`` hold exactly these files, touching only what differs; return the count."""
    existing = (
        {f.relative_to(folder).as_posix() for f in folder.rglob("*") if f.is_file()}
        if folder.is_dir()
        else set()
    )
    for stale in existing - wanted.keys():
        (folder / stale).unlink()
    written = sum(write_if_changed(folder / name, data) for name, data in wanted.items())
    return written + len(existing - wanted.keys())


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to a new file renamed over ``target``: a hard link to ``target``
    (a stored output) keeps its bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.new")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
