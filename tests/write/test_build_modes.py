"""Publishing by hard links, shards joined by ``ansinh merge``, and the build's summary line.

One project of two campaigns in two provinces is built once for the module; the
shards are built from the same project and cache, which the incremental property
test (test_incremental.py) shows gives the bytes of a build from nothing.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from generator.commands.build import quiet_terminal
from generator.errors import RenderError
from generator.pipeline import build_site
from generator.write import cache
from generator.write.cache import BLOB_MODE, CACHE_DIR
from tests.conftest import MINI, REPO, Runner, copy_project

Tree = dict[str, bytes]


def published(site: Path) -> Tree:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def two_provinces(target: Path) -> Path:
    """The small project with a second campaign, in another province."""
    project = copy_project(MINI, target)
    data = yaml.safe_load((project / "campaigns.yml").read_text("utf-8"))
    second = dict(data["campaigns"][0], id="thu-hai", province="Cần Thơ")
    second["title"] = {"vi": "Chiến dịch thứ hai", "en": "Second campaign"}
    data["campaigns"].append(second)
    (project / "campaigns.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = two_provinces(tmp_path_factory.mktemp("modes") / "project")
    summary = build_site(made, made / "site")
    assert summary.counts.made == summary.outputs and summary.counts.engine_runs == 2
    return made


def blob_of(project: Path, file: Path) -> Path:
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    return project / CACHE_DIR / "blobs" / digest[:2] / digest


def test_published_files_are_read_only_links_to_the_store(project: Path) -> None:
    site = project / "site"
    for name in ("index.html", "manifest.json", "social/vi/thu-hai"):
        assert (site / name).exists()
    files = [p for p in site.rglob("*") if p.is_file() and p.name != "manifest.json"]
    assert files and all(p.samefile(blob_of(project, p)) for p in files)
    assert {p.stat().st_mode & 0o777 for p in files} == {BLOB_MODE}


def test_a_rebuild_without_changes_runs_no_engine_and_rewrites_no_file(project: Path) -> None:
    site = project / "site"
    before = {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    summary = build_site(project, site)
    counts = summary.counts
    assert (counts.engine_runs, counts.made, counts.removed) == (0, 0, 0)
    assert counts.reused == summary.outputs
    after = {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    assert before.keys() == after.keys()
    assert [p for p in before if before[p] != after[p]] == [site / "manifest.json"]


def test_a_page_edit_rebuilds_that_language_dirty_without_touching_the_store(
    project: Path,
) -> None:
    page = project / "content/pages/gioi-thieu.md"
    original = page.read_text("utf-8")
    page.write_text(original.replace("\n\n", "\n\nMột câu mới.\n\n", 1), "utf-8")
    try:
        counts = build_site(project, project / "site").counts
    finally:
        page.write_text(original, "utf-8")
    assert (counts.engine_runs, counts.engine_dirty_runs) == (1, 1)
    assert "Một câu mới." in (project / "site/gioi-thieu/index.html").read_text("utf-8")
    # The engine wrote new files for what it rebuilt: no stored output changed its bytes.
    for blob in (project / CACHE_DIR / "blobs").glob("*/*"):
        assert hashlib.sha256(blob.read_bytes()).hexdigest() == blob.name
    assert build_site(project, project / "site").counts.engine_runs == 0  # kept aside


def test_a_heading_renamed_under_a_link_from_an_unchanged_page_is_checked_as_a_clean_build(
    tmp_path: Path,
) -> None:
    """A dirty run reads only the changed page; the link into it from an unchanged page
    must still be checked, as a build from nothing checks it."""
    project = copy_project(MINI, tmp_path / "project")
    pages = project / "content/pages"
    (pages / "hoi-dap.md").write_text("# Hỏi đáp\n\n## Ai được tham gia?\n\nMọi người.\n")
    intro = pages / "gioi-thieu.md"
    intro.write_text(
        intro.read_text("utf-8") + "\n[Ai được tham gia](hoi-dap.md#ai-duoc-tham-gia)\n"
    )
    assert build_site(project, project / "site").counts.engine_runs == 2
    (pages / "hoi-dap.md").write_text("# Hỏi đáp\n\n## Ai có thể tham gia?\n\nMọi người.\n")
    dead = re.escape("hoi-dap.md#ai-duoc-tham-gia")
    with pytest.raises(RenderError, match=dead):
        build_site(project, project / "site")
    fresh = copy_project(project, tmp_path / "fresh")  # its own files: no store, no site
    with pytest.raises(RenderError, match=dead):
        build_site(fresh, fresh / "site")


def test_across_file_systems_the_files_are_copied(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cross_device(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(cache.os, "link", cross_device)
    out = tmp_path / "elsewhere"
    build_site(project, out)
    assert published(out) == published(project / "site")
    page = out / "index.html"
    assert page.stat().st_nlink == 1 and not page.samefile(blob_of(project, page))


def workflow_steps(job: str) -> list[str]:
    """The shell lines of one job of the documented CI matrix (docs/ci/national.yml)."""
    workflow = yaml.safe_load((REPO / "docs/ci/national.yml").read_text("utf-8"))
    return [step["run"] for step in workflow["jobs"][job]["steps"] if "run" in step]


def run_ansinh(ansinh: Runner, line: str, project: Path, where: Path, **values: str) -> str:
    """Run an ``ansinh`` line of the workflow in ``where``, as its shell would; return stdout."""
    for name, value in values.items():
        line = line.replace("${{ matrix." + name + " }}", value)
    words = shlex.split(line)
    assert words[0] == "ansinh"
    args = [str(where / w) if w.startswith(("shard", "site")) else w for w in words[1:]]
    if "shards/*" in line:
        args = [a for a in args if not a.endswith("shards/*")]
        at = args.index("merge") + 1
        args[at:at] = sorted(str(p) for p in (where / "shards").iterdir())
    code, out, err = ansinh("-C", project, *args)
    assert code == 0, err
    return out


def test_the_ci_matrix_shards_merged_equal_one_build(
    project: Path, ansinh: Runner, tmp_path: Path
) -> None:
    plan = workflow_steps("plan")[0]
    script = plan[plan.index("'") + 1 : plan.rindex("'")]
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    provinces = json.loads(output.removeprefix("provinces="))
    assert provinces == ["Cần Thơ", "Đồng Tháp"]
    build = next(line for line in workflow_steps("shard") if line.startswith("ansinh build"))
    for index, province in enumerate(provinces):
        machine = tmp_path / f"machine-{index}"
        run_ansinh(ansinh, build, project, machine, province=province)
        (tmp_path / "shards").mkdir(exist_ok=True)
        shutil.move(machine / "shard", tmp_path / "shards" / f"shard-{index}")
    one = {e["path"] for e in json.loads((tmp_path / "shards/shard-0/manifest.json").read_text())}
    assert any("thu-hai" in path for path in one)  # its pages are in every shard
    assert not any(path.startswith("social/vi/thu-nghiem/") for path in one)
    merge = next(line for line in workflow_steps("merge") if line.startswith("ansinh merge"))
    out = run_ansinh(ansinh, merge, project, tmp_path)
    assert "2" in out
    assert published(tmp_path / "site") == published(project / "site")


def test_a_merge_refuses_shards_that_disagree(
    project: Path, ansinh: Runner, tmp_path: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(project / "site", one)
    shutil.copytree(project / "site", two)
    page = two / "index.html"
    page.chmod(0o644)
    page.write_text(page.read_text("utf-8").replace("</body>", "<p>khác</p></body>"), "utf-8")
    code, _, err = ansinh("--lang", "en", "-C", project, "merge", one, two, "--out", tmp_path / "m")
    assert code == 1
    assert f"index.html: different in «{one}» and «{two}»" in err
    assert not (tmp_path / "m").exists()


def test_a_merge_refuses_a_missing_campaign(project: Path, ansinh: Runner, tmp_path: Path) -> None:
    shard = tmp_path / "shard"
    assert ansinh("-C", project, "build", "--only", "thu-nghiem", "--out", shard)[0] == 0
    code, _, err = ansinh("--lang", "en", "-C", project, "merge", shard, "--out", tmp_path / "m")
    assert code == 1
    assert "campaign «thu-hai» has pages but no shard built its cards, scripts and posters" in err


def test_an_unknown_shard_is_an_error(project: Path, ansinh: Runner, tmp_path: Path) -> None:
    code, _, err = ansinh(
        "--lang", "en", "-C", project, "build", "--province", "Hà Giang", "--out", tmp_path / "s"
    )
    assert code == 1 and "no campaign is in the province «Hà Giang»" in err


def test_the_summary_line_counts_made_reused_removed(
    project: Path, ansinh: Runner, tmp_path: Path
) -> None:
    copy = two_provinces(tmp_path / "copy")
    shutil.copytree(project / CACHE_DIR, copy / CACHE_DIR)
    data = yaml.safe_load((copy / "campaigns.yml").read_text("utf-8"))
    out = tmp_path / "site"
    shutil.copytree(project / "site", out)
    data["campaigns"] = data["campaigns"][:1]
    (copy / "campaigns.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    code, text, _ = ansinh("--lang", "en", "-C", copy, "build", "--out", out)
    assert code == 0
    line = next(line for line in text.splitlines() if line.startswith("Built"))
    made, reused, removed = (int(w) for w in line.split(": ")[1].split() if w.isdigit())
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert made + reused == len(manifest) and removed > 0 and reused > 0


def test_progress_stays_quiet_off_a_terminal_and_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert quiet_terminal(Console(file=io.StringIO(), force_terminal=False))
    assert not quiet_terminal(Console(force_terminal=True))
    monkeypatch.setenv("CI", "true")
    assert quiet_terminal(Console(force_terminal=True))
