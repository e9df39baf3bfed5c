"""The output store: a rebuild renders only what changed, and keeps nothing stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import COMPILED_TEMPLATES, SCRATCH
from generator.render.loudspeaker import scripts
from generator.render.loudspeaker.sheet import render_sheet_pdf
from generator.write import units as outputs
from generator.write.cache import CACHE_DIR, MEMO
from tests.conftest import Runner


def entries(project: Path) -> set[str]:
    return {p.stem for p in (project / CACHE_DIR).glob("*.json")}


def blobs(project: Path) -> set[str]:
    return {p.name for p in (project / CACHE_DIR / "blobs").glob("*/*")}


def test_an_unchanged_rebuild_renders_nothing_again(
    mini: Path, ansinh: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "one")[0] == 0

    def refuse(*args: object) -> None:
        raise AssertionError("rendered again although nothing changed")

    monkeypatch.setattr(outputs, "render_unit", refuse)
    assert ansinh("-C", mini, "build", "--out", tmp_path / "two")[0] == 0
    one = {
        p.relative_to(tmp_path / "one"): p.read_bytes()
        for p in (tmp_path / "one").rglob("*")
        if p.is_file()
    }
    two = {
        p.relative_to(tmp_path / "two"): p.read_bytes()
        for p in (tmp_path / "two").rglob("*")
        if p.is_file()
    }
    assert one == two


def test_a_changed_campaign_is_rendered_again_and_its_old_outputs_dropped(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    before_entries, before_blobs = entries(mini), blobs(mini)
    assert len(before_entries) == 1 + len(outputs.PARTS)  # the site cards, the campaign's parts
    campaigns = mini / "campaigns.yml"
    campaigns.write_text(
        campaigns.read_text("utf-8").replace("Đóng sau mùa lúa.", "Đóng sau mùa gặt."), "utf-8"
    )
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    after_entries = entries(mini)
    # Every part shows the campaign's messages; the site cards do not. The old parts are
    # kept aside, so that undoing the edit renders nothing.
    assert len(after_entries - before_entries) == len(outputs.PARTS)
    assert before_entries <= after_entries
    assert blobs(mini) != before_blobs
    caption = (tmp_path / "site/social/vi/thu-nghiem/caption-facebook.txt").read_text("utf-8")
    assert "Đóng sau mùa gặt." in caption


def test_a_testimonial_edit_renders_again_only_the_parts_that_show_it(
    mini: Path, ansinh: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    before = entries(mini)
    audio = (tmp_path / "site/loudspeaker/thu-nghiem/1-phut.opus").read_bytes()
    quote = mini / "content/testimonials/chi-a.yml"
    quote.write_text(
        quote.read_text("utf-8").replace("Tôi đã tham gia.", "Tôi đã tham gia rồi."), "utf-8"
    )

    sheet = (tmp_path / "site/loudspeaker/thu-nghiem/1-phut.pdf").read_bytes()

    def refuse(*args: object) -> None:
        raise AssertionError("the one-minute script does not quote her: its audio is kept")

    def lay_out(html: bytes, kit: object, output: str) -> bytes:
        assert not output.endswith("1-phut.pdf"), "her edit leaves the one-minute sheet as it was"
        return render_sheet_pdf(html, kit, output)  # type: ignore[arg-type]

    monkeypatch.setattr(outputs, "speak", refuse)
    monkeypatch.setattr(scripts, "render_sheet_pdf", lay_out)
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    assert (tmp_path / "site/loudspeaker/thu-nghiem/1-phut.opus").read_bytes() == audio
    assert (tmp_path / "site/loudspeaker/thu-nghiem/1-phut.pdf").read_bytes() == sheet
    after = entries(mini)
    # The testimonial card, the scripts that quote her and the leaflet that prints her
    # are made again; the site cards, posters, group sheets and leaders' cards are not.
    assert len(after - before) == 3
    script = (tmp_path / "site/loudspeaker/thu-nghiem/5-phut.txt").read_text("utf-8")
    assert "tham gia rồi" in script


def test_a_template_edited_between_builds_is_compiled_anew(mini: Path, ansinh: Runner) -> None:
    site = mini / "site"
    assert ansinh("-C", mini, "build", "--out", site)[0] == 0
    # The templates compiled by the first build are kept for the next one.
    assert list((mini / SCRATCH / COMPILED_TEMPLATES).rglob("*.cache"))
    for name, text in [
        ("templates/web/testimonial.md.j2", "Trang đã sửa mẫu."),
        ("loudspeaker/script.txt.j2", "Bản đọc đã sửa mẫu."),
    ]:
        template = mini / "themes/default" / name
        template.write_text(template.read_text("utf-8") + f"\n{text}\n", "utf-8")
    assert ansinh("-C", mini, "build", "--out", site)[0] == 0
    assert "Trang đã sửa mẫu." in (site / "testimonials/chi-a/index.html").read_text("utf-8")
    assert "Bản đọc đã sửa mẫu." in (site / "loudspeaker/thu-nghiem/1-phut.txt").read_text("utf-8")


def test_undoing_an_edit_renders_nothing_again(
    mini: Path, ansinh: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quote = mini / "content/testimonials/chi-a.yml"
    original = quote.read_text("utf-8")
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    quote.write_text(original.replace("Tôi đã tham gia.", "Tôi đã tham gia rồi."), "utf-8")
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0

    def refuse(*args: object) -> None:
        raise AssertionError("rendered again although the edit was undone")

    monkeypatch.setattr(outputs, "render_unit", refuse)
    quote.write_text(original, "utf-8")
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0


def test_a_missing_blob_is_rendered_again(mini: Path, ansinh: Runner, tmp_path: Path) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    for blob in (mini / CACHE_DIR / "blobs").glob("*/*"):
        blob.unlink()
    assert ansinh("-C", mini, "build", "--out", tmp_path / "again")[0] == 0
    (card,) = (tmp_path / "again/social/vi/thu-nghiem").glob("facebook.*.png")
    assert card.stat().st_size > 10_000


def test_damaged_kept_pages_and_audio_are_made_anew(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    kept = list((mini / CACHE_DIR / MEMO).glob("*.json"))
    assert kept, "pages and audio previews are kept between builds"
    for entry in kept:
        digest = json.loads(entry.read_text("utf-8"))["outputs"][0]["sha256"]
        blob = mini / CACHE_DIR / "blobs" / digest[:2] / digest
        blob.chmod(0o644)
        blob.write_bytes(b"not a kept page")
    # An edit, so that the pages are made again, most of them from what was kept.
    quote = mini / "content/testimonials/chi-a.yml"
    quote.write_text(
        quote.read_text("utf-8").replace("Tôi đã tham gia.", "Tôi đã tham gia rồi."), "utf-8"
    )
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(mini, fresh, ignore=shutil.ignore_patterns(".ansinh"))
    assert ansinh("-C", fresh, "build", "--out", tmp_path / "clean")[0] == 0
    built, clean = _files(tmp_path / "site"), _files(tmp_path / "clean")
    assert built.keys() == clean.keys()
    assert [name for name in built if built[name] != clean[name]] == []


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_temp_files_of_killed_writers_are_removed_and_live_ones_kept(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = mini / CACHE_DIR
    blob = next((folder / "blobs").glob("*/*"))
    half_written = [
        folder / f".{blob.name[:8]}.json.{dead.pid}.tmp",
        blob.with_name(f".{blob.name}.{dead.pid}.tmp"),
    ]
    being_written = blob.with_name(f".{blob.name}.{os.getpid()}.tmp")
    for path in [*half_written, being_written]:
        path.write_bytes(b"half")
    assert ansinh("-C", mini, "build", "--out", tmp_path / "site")[0] == 0
    assert not any(path.exists() for path in half_written)
    assert being_written.exists()
    assert blob.exists()


def test_two_outputs_at_one_path_are_a_named_error(tmp_path: Path) -> None:
    from generator.errors import RenderError
    from generator.write.cache import OutputStore, Stored

    store = OutputStore(tmp_path / "project")
    file = tmp_path / "page.html"
    file.write_bytes(b"<p>x</p>")
    sha256, size = store.put_file(file)
    same = [Stored("loudspeaker/a/index.html", "page", "html", None, "vi", sha256, size)] * 2
    with pytest.raises(RenderError, match=r"loudspeaker/a/index\.html"):
        store.link_all(same, tmp_path / "staging")
    under_a_file = [
        Stored("a", "page", "html", None, "vi", sha256, size),
        Stored("a/b.html", "page", "html", None, "vi", sha256, size),
    ]
    with pytest.raises(RenderError, match=r"a/b\.html"):
        store.link_all(under_a_file, tmp_path / "staging-2")
