"""The only module that touches the output folder: staging, manifest, atomic swap."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``out``; it is removed unless ``publish`` moved it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def manifest_entry(path: str, data: bytes, meta: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, **meta, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def write_manifest(staging: Path, entries: list[dict[str, Any]]) -> None:
    """Write manifest.json listing every output, sorted by path."""
    ordered = sorted(entries, key=lambda entry: entry["path"])
    text = json.dumps(ordered, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    (staging / MANIFEST).write_text(text, encoding="utf-8")


def publish(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames; the old folder is removed after."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.rename(out, old)
    os.rename(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
