"""The only module that touches the output folder: staging, manifest, atomic swap."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.write.exchange import exchange
from generator.write.leftovers import build_lock, old_prefix, staging_prefix

MANIFEST = "manifest.json"
SITE_MODE = 0o755


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``out``; it is removed unless ``publish`` moved it.

    Leftovers of killed builds of ``out`` are cleared first (see ``leftovers``).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(out):
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(out), dir=out.parent))
        staging.chmod(SITE_MODE)
        try:
            yield staging
        finally:
            if os.path.lexists(staging):
                shutil.rmtree(staging, ignore_errors=True)


def manifest_entry(path: str, data: bytes, meta: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, **meta, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def write_manifest(staging: Path, entries: list[dict[str, Any]]) -> None:
    """Write manifest.json listing every output, sorted by path."""
    ordered = sorted(entries, key=lambda entry: entry["path"])
    text = json.dumps(ordered, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    (staging / MANIFEST).write_text(text, encoding="utf-8")


def publish(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out``, which never goes missing; remove the old tree.

    The first publish is a plain rename. After it, one atomic exchange swaps the two
    folders (``exchange``), leaving the old site at the staging name. Where exchanging
    is impossible, two renames with ``out`` briefly missing: if the build dies between
    them, the next build puts the old site back (``leftovers``).
    """
    if not os.path.lexists(out):
        os.rename(staging, out)
        return
    if not exchange(staging, out):
        old = out.with_name(f"{old_prefix(out)}{os.getpid()}-{secrets.token_hex(4)}")
        os.rename(out, old)
        os.rename(staging, out)
        os.rename(old, staging)
    shutil.rmtree(staging, ignore_errors=True)
