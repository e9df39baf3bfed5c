"""A content-addressed cache of renderer outputs, so a rebuild redoes only what changed.

An entry's key is the hash of everything its outputs depend on: An Sinh's own
code, the theme's files, the external tools found, and the part of the model
the renderer reads. Entries live in ``.ansinh/cache/``; those a build did not
use are removed when it succeeds.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from generator.render import Output

CACHE_DIR = ".ansinh/cache"
_FORMAT = b"ansinh-cache-1"
PACKAGE = Path(__file__).resolve().parent


def digest_files(folders: Iterable[Path]) -> str:
    """Hash every file under ``folders`` (names and bytes), in a stable order."""
    hasher = hashlib.sha256()
    for folder in folders:
        for file in sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ):
            hasher.update(file.relative_to(folder).as_posix().encode() + b"\0")
            hasher.update(hashlib.sha256(file.read_bytes()).digest())
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash An Sinh's own code and data, once per process."""
    return digest_files([PACKAGE])


def cache_key(*parts: object) -> str:
    """Hash the inputs of one piece of rendering: strings, model objects, lists of them."""
    hasher = hashlib.sha256(_FORMAT)
    for part in parts:
        hasher.update(_encode(part) + b"\0")
    return hasher.hexdigest()


def _encode(part: object) -> bytes:
    if isinstance(part, BaseModel):
        return part.model_dump_json().encode()
    if isinstance(part, (list, tuple)):
        return b"[" + b",".join(_encode(item) for item in part) + b"]"
    return json.dumps(part, sort_keys=True, default=str).encode()


class OutputCache:
    """Rendered outputs by key, on disk; remembers which keys this build used."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        self.used: set[str] = set()

    def get(self, key: str) -> tuple[list[Output], list[str]] | None:
        self.used.add(key)
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                if handle.read(len(_FORMAT)) != _FORMAT:
                    return None
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return value  # type: ignore[no-any-return]

    def put(self, key: str, value: tuple[list[Output], list[str]]) -> None:
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f"{key}.tmp"
        with temporary.open("wb") as handle:
            handle.write(_FORMAT)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.folder / f"{key}.pickle")

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
