"""A content-addressed store of renderer outputs, so a rebuild redoes only what changed.

A unit of rendering (one campaign's cards and scripts, say) has a key: the hash
of everything its outputs depend on — An Sinh's own code, the theme's files,
the external tools found, and the part of the model it reads. The store keeps,
per key, a small JSON entry describing the outputs, and each output's bytes once,
as a blob named by its SHA-256. Builds hard-link blobs into the staging folder
(copying only where the two are on different file systems), so the bytes never
need to be held in memory together and the site costs no second copy on disk.
Entries and blobs a build did not use are removed when it succeeds.

A blob is read-only (mode 0444) and never written again once in place: every
writer replaces a file by renaming a new one over it, never by writing into it,
so a published file that shares its blob's inode cannot change the store.
The site engine's outputs are kept the same way, under ``engine/<key>.json``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import RenderError
from generator.i18n import _
from generator.render import Output, OutputKind
from generator.write.lifeline import pid_alive

CACHE_DIR = ".ansinh/cache"
ENGINE = "engine"
MEMO = "memo"
_FORMAT = "ansinh-cache-2"
_TEMPORARY = ".tmp"
BLOB_MODE = 0o444
# Entries kept beyond those a build used, the most recently used first: a locale's last
# few sites, and the last few renderings of edited parts, so undoing an edit costs nothing.
SPARE_ENGINE_ENTRIES = 8
SPARE_UNIT_ENTRIES = 16
PACKAGE = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Stored:
    """An output whose bytes are in the store: what the manifest says of it."""

    path: str
    kind: OutputKind
    format: str
    campaign: str | None
    locale: str | None
    sha256: str
    bytes: int


Entry = tuple[list[Stored], list[str]]


def digest_files(folders: Iterable[Path]) -> str:
    """Hash every file under ``folders`` (names and bytes), in a stable order."""
    hasher = hashlib.sha256()
    for folder in folders:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for file in files:
            hasher.update(file.relative_to(folder).as_posix().encode() + b"\0")
            hasher.update(hashlib.sha256(file.read_bytes()).digest())
    return hasher.hexdigest()


@cache
def code_digest() -> str:
    """Hash An Sinh's own code and data, once per process."""
    return digest_files([PACKAGE])


def _holds(blob: Path, data: bytes) -> bool:
    """Say whether the stored ``blob`` holds exactly ``data``."""
    return blob.stat().st_size == len(data) and blob.read_bytes() == data


def cache_key(*parts: object) -> str:
    """Hash the inputs of one piece of rendering: strings, model objects, lists of them."""
    hasher = hashlib.sha256(_FORMAT.encode())
    for part in parts:
        hasher.update(_encode(part) + b"\0")
    return hasher.hexdigest()


def _encode(part: object) -> bytes:
    if isinstance(part, BaseModel):
        return part.model_dump_json().encode()
    if isinstance(part, (list, tuple)):
        return b"[" + b",".join(_encode(item) for item in part) + b"]"
    return json.dumps(part, sort_keys=True, default=str).encode()


class OutputStore:
    """Entries by key and blobs by hash, on disk; remembers what this build used."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        self.blobs = self.folder / "blobs"
        self.used: set[str] = set()
        self.put_now: set[str] = set()  # blobs this build stored outside any entry
        self.remembered: set[str] = set()  # memo entries read or made since last asked

    def get(self, key: str) -> Entry | None:
        """Return a stored entry whose blobs are all present, or None.

        ``key`` is a hex digest, or ``engine/<digest>`` for the site engine's outputs.
        """
        self.used.add(key)
        entry = self._read(key)
        if entry is not None:
            with suppress(OSError):
                os.utime(self._entry(key))  # the last use, for the spare engine entries
        return entry

    def _read(self, key: str) -> Entry | None:
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            if data.get("format") != _FORMAT:
                return None
            stored = [Stored(**item) for item in data["outputs"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not all(self._blob(s.sha256).is_file() for s in stored):
            return None
        return stored, list(data["notices"])

    def put(
        self, key: str, outputs: list[Output], notices: list[str], uses: Iterable[str] = ()
    ) -> Entry:
        """Store the outputs' bytes and their entry; return the entry.

        ``uses``: the memo entries (``remember``) the outputs were made with, kept with it.
        """
        stored = [self.put_blob(output) for output in outputs]
        return self.put_entry(key, stored, notices, uses)

    def put_entry(
        self, key: str, stored: list[Stored], notices: list[str], uses: Iterable[str] = ()
    ) -> Entry:
        """Record an entry whose blobs are already stored; return it."""
        target = self._entry(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        entry = {
            "format": _FORMAT,
            "outputs": [asdict(s) for s in stored],
            "notices": notices,
            "uses": sorted(uses),
        }
        _atomic_write(target, json.dumps(entry).encode())
        self.used.add(key)
        return stored, notices

    def put_blob(self, output: Output) -> Stored:
        digest = hashlib.sha256(output.data).hexdigest()
        self.put_now.add(digest)
        blob = self._blob(digest)
        if not blob.is_file():
            blob.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(blob, output.data, BLOB_MODE)
        return Stored(
            output.path,
            output.kind,
            output.format,
            output.campaign,
            output.locale,
            digest,
            len(output.data),
        )

    def put_file(self, file: Path) -> tuple[str, int]:
        """Take a finished file into the store by linking it; return its SHA-256 and size.

        The file becomes read-only and must not be written again: it is the blob (or,
        when those bytes were stored already, it is replaced by a link to their blob).
        """
        data = file.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        blob = self._blob(digest)
        file.chmod(BLOB_MODE)
        if not blob.is_file():
            blob.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(file, blob)
            except FileExistsError:
                pass
            except OSError:
                _atomic_write(blob, data, BLOB_MODE)
        elif not blob.samefile(file):
            with suppress(OSError):
                if _holds(blob, data):
                    # The same bytes are stored already: keep one copy on disk, not two.
                    temporary = file.with_name(f".{file.name}.{os.getpid()}{_TEMPORARY}")
                    os.link(blob, temporary)
                    temporary.replace(file)
                else:
                    # The stored copy was damaged on disk: this file's bytes take its place.
                    _atomic_write(blob, data, BLOB_MODE)
        return digest, len(data)

    def remember(
        self,
        parts: tuple[object, ...],
        make: Callable[[], bytes],
        uses: set[str] | None = None,
    ) -> bytes:
        """Return the bytes ``make`` gives for these ``parts`` (hashed), made once.

        For a piece of an output that depends on less than the output, such as the audio
        of a script whose text did not change, or one page of a site. The entry is kept
        while an entry naming it in its ``uses`` is: its key is added to ``uses``, by
        default ``remembered`` (those read or made since a unit began).
        """
        key = f"{MEMO}/{cache_key(*parts)}"
        (self.remembered if uses is None else uses).add(key)
        found = self._read(key)
        if found is not None and found[0]:
            kept = self.read_blob(found[0][0].sha256)
            # What is kept goes into other outputs: bytes damaged on disk are made again.
            if hashlib.sha256(kept).hexdigest() == found[0][0].sha256:
                return kept
            self._blob(found[0][0].sha256).unlink(missing_ok=True)
        data = make()
        self.put_entry(key, [self.put_blob(Output(key, data, "audio", "bin", None, None))], [])
        return data

    def read_blob(self, digest: str) -> bytes:
        """Return the bytes of a stored output by its SHA-256."""
        return self._blob(digest).read_bytes()

    def link_all(self, stored: Iterable[Stored], folder: Path) -> None:
        """Put stored outputs under ``folder`` (a fresh staging folder) at their paths:
        hard links to their blobs, else copies. Each folder is made once: a site has
        thousands of files in a few hundred folders."""
        made: set[str] = set()
        for item in stored:
            target = os.path.join(folder, item.path)
            parent = os.path.dirname(target)
            try:
                if parent not in made:
                    os.makedirs(parent, exist_ok=True)
                    made.add(parent)
                _link_or_copy(os.path.join(self.blobs, item.sha256[:2], item.sha256), target)
            except (FileExistsError, NotADirectoryError) as error:
                # Two outputs at one path, or a file where a folder must be: names that
                # ``check`` lets through (a page and an output of the same name).
                message = _("two outputs of the build are both «{path}»: rename one").format(
                    path=item.path
                )
                raise RenderError(message) from error

    def prune(self) -> None:
        """Remove what this build did not use, and the temp files of writers that died."""
        if not self.folder.is_dir():
            return
        keep: set[str] = set(self.put_now)
        spare = self._recent_unused(f"{ENGINE}/*.json", SPARE_ENGINE_ENTRIES)
        spare |= self._recent_unused("*.json", SPARE_UNIT_ENTRIES)
        kept: list[dict[str, Any]] = []
        for path in [*self.folder.glob("*.json"), *self.folder.glob(f"{ENGINE}/*.json")]:
            if path.relative_to(self.folder).with_suffix("").as_posix() in self.used | spare:
                kept.append(_entry_data(path))
            else:
                path.unlink(missing_ok=True)
        memos = {memo for data in kept for memo in _uses(data)}
        for path in self.folder.glob(f"{MEMO}/*.json"):
            if path.relative_to(self.folder).with_suffix("").as_posix() in memos:
                kept.append(_entry_data(path))
            else:
                path.unlink(missing_ok=True)
        blobs = _blob_files(self.blobs)
        for data in kept:
            digests = _digests(data)
            # An entry with a blob missing is rendered again when used: it keeps none.
            keep |= digests if digests <= blobs.keys() else set()
        for name, blob in blobs.items():
            if name not in keep and not _being_written(name):
                with suppress(OSError):
                    os.unlink(blob)
        for stray in self.folder.iterdir():
            if stray.is_file() and stray.suffix != ".json" and not _being_written(stray.name):
                stray.unlink(missing_ok=True)

    def _recent_unused(self, pattern: str, count: int) -> set[str]:
        """Return the keys of the ``count`` most recently used entries (``pattern``) not used now.

        Kept so that undoing an edit finds its outputs as they were without rendering.
        """
        unused = []
        for path in self.folder.glob(pattern):
            key = path.relative_to(self.folder).with_suffix("").as_posix()
            if key not in self.used:
                with suppress(OSError):
                    unused.append((path.stat().st_mtime_ns, key))
        unused.sort(reverse=True)
        return {key for _, key in unused[:count]}

    def holds(self, file: Path, digest: str) -> bool:
        """Whether ``file`` is the stored blob of SHA-256 ``digest`` itself (one inode, as
        ``put_file`` leaves it): its bytes are those, without reading them."""
        try:
            return os.path.samefile(file, self._blob(digest))
        except OSError:
            return False

    def _blob(self, digest: str) -> Path:
        return self.blobs / digest[:2] / digest

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}.json"


class PageCounts:
    """The number of pages of each stored PDF by its SHA-256, kept between builds.

    Counting parses the PDF (≈ 15 ms each, hundreds a build); a blob never changes,
    so its count is worked out once. ``count`` is how: bytes → pages, or None when
    the PDF cannot be read. ``save`` keeps only the counts this build asked for.
    """

    FILE = "meta/pdf-pages.json"

    def __init__(self, store: OutputStore, count: Callable[[bytes], int | None]) -> None:
        self.store = store
        self.count = count
        self.path = store.folder / self.FILE
        try:
            known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known: dict[str, int | None] = (
            {k: v for k, v in known.items() if isinstance(v, int) or v is None}
            if isinstance(known, dict)
            else {}
        )
        self.asked: dict[str, int | None] = {}

    def __call__(self, digest: str) -> int | None:
        """Return the pages of the stored PDF whose SHA-256 is ``digest``."""
        if digest not in self.asked:
            if digest in self.known:
                self.asked[digest] = self.known[digest]
            else:
                self.asked[digest] = self.count(self.store.read_blob(digest))
        return self.asked[digest]

    def save(self) -> None:
        """Keep the counts this build used, for the next one."""
        if self.asked != self.known:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(self.path, json.dumps(self.asked, sort_keys=True).encode())


def _entry_data(entry: Path) -> dict[str, Any]:
    """Return an entry file's JSON object, or {} if it is unreadable or not an object."""
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _uses(data: dict[str, Any]) -> list[str]:
    """Return the memo entries an entry names in its ``uses``."""
    uses = data.get("uses", [])
    return [u for u in uses if isinstance(u, str)] if isinstance(uses, list) else []


def _digests(data: dict[str, Any]) -> set[str]:
    """Return the SHA-256 of each output of an entry of this format, else nothing."""
    outputs = data.get("outputs") if data.get("format") == _FORMAT else None
    if not isinstance(outputs, list):
        return set()
    return {
        o["sha256"] for o in outputs if isinstance(o, dict) and isinstance(o.get("sha256"), str)
    }


def _blob_files(blobs: Path) -> dict[str, str]:
    """Return the path of every file under the blob folder by its name."""
    found: dict[str, str] = {}
    with suppress(OSError):
        for shard in os.scandir(blobs):
            if shard.is_dir(follow_symlinks=False):
                with suppress(OSError):
                    found.update((f.name, f.path) for f in os.scandir(shard.path))
    return found


def place_blob(blob: Path, target: Path) -> bool:
    """Hard-link ``blob`` at ``target``, or copy it across file systems; True if linked."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return _link_or_copy(str(blob), str(target))


def _link_or_copy(blob: str, target: str) -> bool:
    try:
        os.link(blob, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copyfile(blob, target)
        return False
    return True


def _atomic_write(target: Path, data: bytes, mode: int | None = None) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}{_TEMPORARY}")
    temporary.write_bytes(data)
    if mode is not None:
        temporary.chmod(mode)
    temporary.replace(target)


def _temporary(name: str) -> int | None:
    """Return the writer's pid if ``name`` is one of ``_atomic_write``'s temp files."""
    stem, _, suffix = name.rpartition(".")
    pid = stem.rpartition(".")[2]
    if not name.startswith(".") or f".{suffix}" != _TEMPORARY or not pid.isdigit():
        return None
    return int(pid)


def _being_written(name: str) -> bool:
    """Tell a temp file that a live process is writing from one a killed worker left."""
    pid = _temporary(name)
    return pid is not None and pid_alive(pid)
