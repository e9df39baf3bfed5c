"""A rebuild does not read again the engine's outputs it left as they were.

After a run is stored, each output file is the store's blob of its hash, and the
engine folder's state records its inode, modification time and size. On the next run
a file with the same three is taken by its recorded hash unread; a file written in
place, or replaced, is read and hashed again, so what is published is always what
the engine wrote.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from generator.write.cache import OutputStore
from generator.write.engine import Workspace, kept_outputs, take_site


def stored_run(tmp_path: Path) -> tuple[OutputStore, Workspace]:
    store = OutputStore(tmp_path)
    workspace = Workspace(tmp_path / "site", tmp_path / "state.json")
    for name, text in {"index.html": "trang chủ", "campaigns/a/index.html": "chiến dịch"}.items():
        (workspace.site / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace.site / name).write_text(text, "utf-8")
    taken = take_site(store, workspace.site, "en/", "en")
    workspace.remember("shared", taken, "en/")
    return store, workspace


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_files_left_as_they_were_are_kept_with_their_hash(tmp_path: Path) -> None:
    _store, workspace = stored_run(tmp_path)
    assert kept_outputs(workspace.site, workspace.taken("en/")) == {
        "index.html": sha("trang chủ"),
        "campaigns/a/index.html": sha("chiến dịch"),
    }


def test_a_file_written_in_place_or_replaced_is_read_again(tmp_path: Path) -> None:
    store, workspace = stored_run(tmp_path)
    taken = workspace.taken("en/")
    home, page = workspace.site / "index.html", workspace.site / "campaigns/a/index.html"
    # Written in place, through the blob's own inode (as a root process may), same size.
    home.chmod(0o644)
    home.write_text("trang chu!!", "utf-8")
    os.utime(home, ns=(1, 1))
    # Replaced by a new file, as the engine does after ``prepare_dirty``.
    page.unlink()
    page.write_text("chiến dịch mới", "utf-8")
    kept = kept_outputs(workspace.site, taken)
    assert kept == {}
    published = {s.path: s.sha256 for s in take_site(store, workspace.site, "en/", "en", kept)}
    assert published == {
        "en/index.html": sha("trang chu!!"),
        "en/campaigns/a/index.html": sha("chiến dịch mới"),
    }


def test_a_kept_file_whose_blob_is_gone_is_stored_again(tmp_path: Path) -> None:
    store, workspace = stored_run(tmp_path)
    kept = kept_outputs(workspace.site, workspace.taken("en/"))
    blob = store.blobs / kept["index.html"][:2] / kept["index.html"]
    blob.unlink()
    take_site(store, workspace.site, "en/", "en", kept)
    assert blob.read_text("utf-8") == "trang chủ"


def test_a_state_without_files_keeps_nothing(tmp_path: Path) -> None:
    _store, workspace = stored_run(tmp_path)
    workspace.state.write_text('{"shared": "x", "outputs": {"en/index.html": "00"}}', "utf-8")
    assert workspace.taken("en/") == {}
