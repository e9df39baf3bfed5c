"""Run the site engine (MkDocs with Material) on a folder of generated files.

The engine's output for a locale depends only on that locale's generated tree
(Markdown, media, assets, template overrides, mkdocs.yml), the installed Python
distributions (MkDocs, Material, Markdown and their plugins), An Sinh's own
code (mkdocs.yml names one of its functions) and the content's date. ``engine_key``
hashes exactly these, so a rebuild whose tree did not change reuses the stored
output instead of running the engine.

A locale whose tree changed only in the text of some files (same mkdocs.yml, same
overrides, same list of files, same date and versions) is built *dirty*: the
engine's last output for that locale stays in its folder and the engine rebuilds
only the files whose source is newer than their output. Each page's HTML depends
only on its own Markdown and on what is the same for every page (configuration,
navigation with its titles, templates, the list of files), so the result is the
clean build's, byte for byte; a changed page linking to an anchor of another page,
or an unchanged page linking to an anchor of a changed one, is built clean, since
the engine checks such a link only in the pages it reads. The outputs in that
folder are hard links into the store: before a dirty run, every output the engine
is about to write is unlinked, so it writes a new file and never into a stored one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from generator.errors import RenderError
from generator.i18n import _
from generator.model import Project
from generator.model.theme import Theme
from generator.render.web.engine_hooks import TEMPLATE_CACHE
from generator.render.web.media import Picture
from generator.render.web.search import (
    SEARCH_FOLDER,
    SearchRecord,
    render_search_index,
    search_records,
)
from generator.write import engine_run
from generator.write.cache import (
    ENGINE,
    OutputStore,
    Stored,
    cache_key,
    code_digest,
    digest_files,
)
from generator.write.engine_run import DIRTY, MARK
from generator.write.files import replace_file
from generator.write.lifeline import child_command

# What the engine writes on every run, dirty or not: its own templates' pages.
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")
STATE = "engine-state.json"
SEARCH_RECORDS = "search-records.json"
INPUTS = "tree-inputs.json"
TEMPLATES = "engine-templates"
# A link to an anchor of another page: checked only when the engine reads both pages.
_ANCHOR_LINK = re.compile(rb"\.md#")
# The page a link to an anchor leads to, as written: ``../faq.md`` of ``../faq.md#who``.
_ANCHOR_TARGET = re.compile(rb"([^\s()\[\]<>\"']+\.md)#")


@cache
def engine_versions() -> tuple[str, ...]:
    """Return the metadata folders of every installed Python distribution, sorted, once.

    Each is named for its distribution and version (``mkdocs_material-9.6.1.dist-info``):
    reading the folder names is enough, and a hundred times faster than the metadata.
    """
    found = set()
    for entry in sys.path:
        with suppress(OSError):
            found |= {
                name.lower()
                for name in os.listdir(entry or ".")
                if name.endswith((".dist-info", ".egg-info"))
            }
    return tuple(sorted(found))


def tree_digest(files: dict[str, dict[str, bytes]]) -> str:
    """Hash a generated tree given as ``{folder: {relative path: bytes}}``, in a stable order."""
    hasher = hashlib.sha256()
    for folder in sorted(files):
        for name in sorted(files[folder]):
            hasher.update(f"{folder}/{name}".encode() + b"\0")
            hasher.update(hashlib.sha256(files[folder][name]).digest())
    return hasher.hexdigest()


def engine_key(tree: str, epoch: int) -> str:
    """Return the store key of the engine's output for a tree digest and content date."""
    return f"{ENGINE}/{cache_key('engine', code_digest(), engine_versions(), epoch, tree)}"


def run_mkdocs(runs: list[tuple[Path, bool]], epoch: int) -> None:
    """Build each mkdocs.yml strictly (a warning stops it), in one child that dies with us.

    ``runs`` are (mkdocs.yml, dirty): a dirty run rebuilds only the files whose source
    is newer than their output (see the module's docstring; ``prepare_dirty`` must have
    run). Raises RenderError naming the locale's folder, with the engine's warnings and
    errors, when a run stops.
    """
    if not runs:
        return
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        "NO_MKDOCS_2_WARNING": "1",
        # Beside the locales' folders, shared by them: the engine's compiled templates.
        TEMPLATE_CACHE: str(runs[0][0].parent.parent / TEMPLATES),
    }
    arguments = [a for config, dirty in runs for a in [*([DIRTY] if dirty else []), str(config)]]
    result = subprocess.run(
        child_command(engine_run.__name__, *arguments),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.splitlines()
        marks = [n for n, line in enumerate(lines) if line.startswith(MARK)]
        stopped = Path(lines[marks[-1]][len(MARK) :].strip()) if marks else runs[0][0]
        lines = lines[marks[-1] + 1 :] if marks else lines + result.stdout.splitlines()
        problems = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
        details = "\n".join(problems or lines[-20:])
        raise RenderError(
            _("the site engine stopped on {folder}:").format(folder=stopped.parent / "docs")
            + "\n"
            + details
        )


@dataclass(frozen=True)
class Workspace:
    """A locale's engine folder kept between builds: the last output and what it was built from.

    ``site``: the engine's output folder; ``state``: a JSON file with the digest of
    what every page shares (``shared``), the stored hash of every output by its path
    (``outputs``) and each output file's inode, modification time in ns and size when
    it was stored (``files``), written only after a run whose output was stored.
    """

    site: Path
    state: Path

    def read(self) -> dict[str, object]:
        try:
            data = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def forget(self) -> None:
        """Mark the folder as not trusted (a run is starting): the next run is clean."""
        self.state.unlink(missing_ok=True)

    def remember(self, shared: str, taken: list[Stored], prefix: str) -> None:
        """Record a stored run: what every page shared, each output's hash and its file
        (``prefix``: the outputs' address prefix, which their files under ``site`` lack)."""
        files = {}
        for stored in taken:
            with suppress(OSError):
                files[stored.path] = file_signature(self.site / stored.path.removeprefix(prefix))
        outputs = {stored.path: stored.sha256 for stored in taken}
        state = {"shared": shared, "outputs": outputs, "files": files}
        replace_file(self.state, json.dumps(state).encode())

    def taken(self, prefix: str) -> dict[str, tuple[str, list[int]]]:
        """Return what the last stored run took: by path under ``site``, the output's hash
        and its file's signature (``file_signature``). Read it before ``forget``."""
        data = self.read()
        outputs, files = data.get("outputs"), data.get("files")
        if not isinstance(outputs, dict) or not isinstance(files, dict):
            return {}
        return {
            path.removeprefix(prefix): (sha256, files[path])
            for path, sha256 in outputs.items()
            if isinstance(sha256, str) and isinstance(files.get(path), list)
        }


def file_signature(file: Path) -> list[int]:
    """A file's inode, modification time in ns and size: what changes when it is written."""
    info = file.stat()
    return [info.st_ino, info.st_mtime_ns, info.st_size]


def kept_outputs(site_dir: Path, taken: dict[str, tuple[str, list[int]]]) -> dict[str, str]:
    """Return the hash of each output file a run left as it was (``Workspace.taken``: the
    same inode, time and size as when it was stored), by its path under ``site_dir``:
    its bytes need not be read again. A file the engine wrote is a new inode
    (``prepare_dirty`` unlinks what it will write)."""
    kept = {}
    for name, (sha256, signature) in taken.items():
        with suppress(OSError):
            if file_signature(site_dir / name) == signature:
                kept[name] = sha256
    return kept


def shared_digest(tree: dict[str, dict[str, bytes]], epoch: int) -> str:
    """Hash what every page of a locale depends on: mkdocs.yml, overrides, the list of files.

    ``tree`` is ``{"docs"|"overrides"|".": {path: bytes}}`` as in ``tree_digest``.
    """
    docs = tree.get("docs", {})
    return cache_key(
        "engine-shared",
        code_digest(),
        engine_versions(),
        epoch,
        tree_digest({k: v for k, v in tree.items() if k != "docs"}),
        sorted(docs),
    )


def page_inputs(themes: list[Theme], pictures: dict[str, Picture]) -> str:
    """Hash what every page of the site may be rendered with besides the model: An Sinh's
    code, the themes' files (the site's first) and the processed photos."""
    photos = [
        [p.name, p.shape, p.width, p.height, sorted((n, _sha(d)) for n, d in p.files.items())]
        for _, p in sorted(pictures.items())
    ]
    return cache_key(
        "pages", code_digest(), [digest_files(theme.folders) for theme in themes], photos
    )


def tree_inputs(
    project: Project, pages: str, base: dict[str, Any], locale: str, build_dir: Path
) -> str:
    """Hash everything a locale's generated tree is made from: ``pages`` (``page_inputs``),
    the whole model and mkdocs.yml's settings.

    The same hash means the same tree, so a build whose inputs are unchanged takes the
    engine's output from the store without rendering a page.
    """
    return cache_key(
        "locale-tree",
        pages,
        project.model_dump_json(),
        json.dumps(base, sort_keys=True, default=str),
        locale,
        str(build_dir),
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded_engine_key(build_dir: Path, inputs: str) -> str | None:
    """Return the engine key last built from these tree inputs (``tree_inputs``), if any."""
    try:
        data = json.loads((build_dir / INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("inputs") != inputs:
        return None
    key = data.get("engine")
    return key if isinstance(key, str) else None


def record_engine_key(build_dir: Path, inputs: str, key: str) -> None:
    """Remember which engine key a locale's tree inputs gave."""
    replace_file(build_dir / INPUTS, json.dumps({"inputs": inputs, "engine": key}).encode())


def can_build_dirty(
    workspace: Workspace, shared: str, changed: dict[str, bytes], pages: dict[str, bytes]
) -> bool:
    """Say whether a dirty run gives the clean output: same shared digest, a kept output,
    and no anchor link the dirty run would not check.

    ``changed`` and ``pages`` are the changed and all generated files, path → bytes. The
    engine checks a link to an anchor of another page only in a page it reads: a changed
    page with such a link, or an unchanged page with one into a changed page (whose
    headings may have changed), makes the run clean. Pages are matched by file name,
    which may make a run clean that need not be, never the other way.
    """
    if workspace.read().get("shared") != shared or not workspace.site.is_dir():
        return False
    if any(_ANCHOR_LINK.search(data) for data in changed.values()):
        return False
    names = {path.rsplit("/", 1)[-1].encode() for path in changed}
    linked = {
        target.rsplit(b"/", 1)[-1]
        for path, data in pages.items()
        if path.endswith(".md") and path not in changed and b".md#" in data
        for target in _ANCHOR_TARGET.findall(data)
    }
    return not names & linked


def prepare_dirty(docs: Path, workspace: Workspace, use_directory_urls: bool) -> None:
    """Unlink every output the engine will write in a dirty run, so it writes new files.

    The engine writes a file's output when the source is newer than it (or it is
    missing), and its own templates' pages every time. Sources are compared by
    modification time, as the engine does: every source An Sinh rewrites gets a new one.
    """
    site = workspace.site
    for source in docs.rglob("*"):
        if not source.is_file():
            continue
        name = source.relative_to(docs).as_posix()
        output = Path(File(name, str(docs), str(site), use_directory_urls).abs_dest_path)
        # Not newer but as new counts too: on a file system with coarse times, a source
        # saved in the same tick as its output was written must be read again.
        if output.is_file() and source.stat().st_mtime_ns >= output.stat().st_mtime_ns:
            output.unlink()
    for name in ALWAYS_WRITTEN:
        (site / name).unlink(missing_ok=True)
    shutil.rmtree(site / "search", ignore_errors=True)


# The source maps of the engine theme's scripts and styles (Material's: 1.3 MB), read only
# by a browser's developer tools: not published.
SOURCE_MAPS = (".js.map", ".css.map")


def take_site(
    store: OutputStore,
    site_dir: Path,
    prefix: str,
    locale: str,
    kept: dict[str, str] | None = None,
) -> list[Stored]:
    """Move a locale's built site into the store; describe each file as it will be published
    (every file but the theme's source maps, ``SOURCE_MAPS``).

    ``kept``: the hash of files left as they were since they were stored
    (``kept_outputs``), by path under ``site_dir``; those still the store's blob are not
    read again.
    """
    kept = kept or {}
    taken = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = file.relative_to(site_dir).as_posix()
        if name.startswith("assets/") and name.endswith(SOURCE_MAPS):
            continue
        parts = name.split("/")
        campaign = parts[1] if len(parts) == 3 and parts[0] == "campaigns" else None
        known = kept.get(name)
        if known is not None and store.holds(file, known):
            sha256, size = known, file.stat().st_size
        else:
            sha256, size = store.put_file(file)
        fmt = file.suffix.lstrip(".")
        taken.append(Stored(prefix + name, "page", fmt, campaign, locale, sha256, size))
    return taken


def _page_address(site_dir: Path, file: Path) -> str:
    folder = file.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else f"{folder}/"


def write_search_index(
    site_dir: Path,
    known: Path,
    kept: dict[str, str] | None = None,
    store: OutputStore | None = None,
) -> None:
    """Index one locale's built pages for search, in place of the engine's own index.

    ``known`` is a JSON file of the records of pages already read, by address and
    hash of the page's HTML: a rebuild reads only the pages that changed. ``kept``: the
    hash of pages left as they were since they were stored (``kept_outputs``), by path
    under ``site_dir``: not even read. The index is made by Pagefind only when the records
    differ from those of the last build's index (else ``_index_again``, from ``store``).
    """
    kept = kept or {}
    try:
        memo = json.loads(known.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        memo = {}
    memo = memo if isinstance(memo, dict) else {}
    # Records read by other code (another summary length, say) are read again.
    code = code_digest()
    memo = memo if memo.get(CODE_KEY) == code else {}
    found: dict[str, Any] = {CODE_KEY: code}
    records: list[SearchRecord] = []
    for file in sorted(site_dir.rglob("index.html")):
        url, name = _page_address(site_dir, file), file.relative_to(site_dir).as_posix()
        data = None
        sha256 = kept.get(name)
        if sha256 is None:
            data = file.read_bytes()
            sha256 = hashlib.sha256(data).hexdigest()
        key = f"{url}\0{sha256}"
        fields = memo.get(key, False)
        if fields is False or not (fields is None or _record_fields(fields)):
            data = file.read_bytes() if data is None else data
            made = search_records({url: data.decode("utf-8")})
            fields = [made[0].title, made[0].summary, made[0].tokens] if made else None
        found[key] = fields
        if fields is not None:
            records.append(SearchRecord(url, *fields))
    records.sort(key=lambda record: record.url)
    digest = _records_digest(records)
    hashes = _index_again(memo.get(INDEX_KEY), digest, site_dir, kept, store)
    if hashes is None:
        files = render_search_index(records)
        hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
        for name, data in files.items():
            # Most of the index (a fragment per page) is the same from build to build: a
            # file that is kept with the same bytes stays as it is, and is not read again.
            if kept.get(name) != hashes[name]:
                replace_file(site_dir / name, data)
    index = site_dir / SEARCH_FOLDER
    if index.is_dir():
        for old in [f for f in index.rglob("*") if f.is_file()]:
            if old.relative_to(site_dir).as_posix() not in hashes:
                old.unlink()
    found[INDEX_KEY] = {"records": digest, "files": hashes}
    # The engine's whole-site index, fetched by its own search, which An Sinh replaces.
    shutil.rmtree(site_dir / "search", ignore_errors=True)
    replace_file(known, json.dumps(found, ensure_ascii=False).encode("utf-8"))


# In the file of known records: the digest of the records the locale's index was made
# from, and the hash of each of its files, by path under the locale's site; and the
# digest of the code that read the records.
INDEX_KEY = "\0index"
CODE_KEY = "\0code"


def _records_digest(records: list[SearchRecord]) -> str:
    """Hash what a locale's search index is made from: its records, the indexer (its
    version among the installed distributions) and An Sinh's code."""
    fields = [[r.url, r.title, r.summary, r.tokens] for r in records]
    # The indexer the pagefind package runs: a binary named in its variable comes first.
    indexer = os.environ.get("PAGEFIND_BINARY_PATH", "")
    return cache_key("search-index", code_digest(), engine_versions(), indexer, fields)


def _index_file_name(name: object) -> bool:
    """Say whether ``name`` (read from the build's folder, which may have been tampered
    with) is a plain path inside the search index's folder."""
    if not isinstance(name, str) or "\\" in name or "\0" in name:
        return False
    parts = name.split("/")
    return (
        len(parts) > 1
        and parts[0] == SEARCH_FOLDER
        and all(part not in ("", ".", "..") for part in parts)
    )


def _index_again(
    before: object,
    digest: str,
    site_dir: Path,
    kept: dict[str, str],
    store: OutputStore | None,
) -> dict[str, str] | None:
    """Put back the index the last build made, when it was made from records of this
    ``digest``; return its files' hashes by path, or None when it must be made anew.

    Files still as they were stored (``kept``) stay; the others (the engine cleared its
    folder for a full build) are taken from ``store``, checked against their hash.
    Pagefind is not run for records it has indexed already: an edit of pages' looks
    (a setting of mkdocs.yml) or of staff pages only leaves the index as it was.
    """
    if not isinstance(before, dict) or before.get("records") != digest:
        return None
    files = before.get("files")
    if not isinstance(files, dict) or not files:
        return None
    missing: dict[str, bytes] = {}
    for name, sha256 in files.items():
        if not isinstance(sha256, str) or not _index_file_name(name):
            return None
        if kept.get(name) == sha256:
            continue
        try:
            data = store.read_blob(sha256) if store is not None else None
        except (OSError, ValueError):
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            return None
        missing[name] = data
    try:
        for name, data in missing.items():
            replace_file(site_dir / name, data)
    except OSError:
        # A file in the way of another (a name made a folder): the index is made anew.
        shutil.rmtree(site_dir / SEARCH_FOLDER, ignore_errors=True)
        return None
    return dict(files)


def _record_fields(fields: object) -> bool:
    return isinstance(fields, list) and len(fields) == 3 and all(isinstance(f, str) for f in fields)
