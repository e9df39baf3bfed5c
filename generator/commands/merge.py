"""``ansinh merge SHARD... [--out DIR]``: join the folders of shard builds into one site."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import _
from generator.render.print.downloads import FOLDER as DOWNLOADS
from generator.render.print.downloads import pdf_pages, render_downloads
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from generator.write.cache import Stored
from generator.write.guard import check_output_folder
from generator.write.shards import join_shards, publish_join, stop_on_conflicts


def run(args: argparse.Namespace) -> int:
    """Join the shards into DIR (checked like ``build --out``); print one summary line."""
    out = args.out if args.out.is_absolute() else args.project / args.out
    merged = merge_site(args.project, list(args.shards), out)
    print(
        _("Merged {shards} shards into {out}: {count} outputs, {files} files").format(
            shards=merged.shards, out=out, count=merged.outputs, files=merged.files
        )
    )
    return 0


@dataclass(frozen=True)
class MergeSummary:
    """What ``merge_site`` published: outputs in the manifest, files, shards joined."""

    outputs: int
    files: int
    shards: int


def merge_site(root: Path, shards: list[Path], out: Path) -> MergeSummary:
    """Join shard builds of the project at ``root`` into one site at ``out``, atomically.

    The staff download pages, made from the list of every output, are rendered again
    from the joined outputs. Raises AnsinhError on any conflict between the shards.
    """
    root, out = root.resolve(), out.resolve()
    check_output_folder(root, out)
    project, _warnings = load_project(root)
    theme = load_theme(root, project.site.theme)
    joined = join_shards(shards, lambda path: path.startswith(f"{DOWNLOADS}/"))
    stop_on_conflicts(joined.conflicts)
    outputs = sorted(
        (
            Stored(
                e["path"],
                e["kind"],
                e["format"],
                e["campaign"],
                e["locale"],
                e["sha256"],
                e["bytes"],
            )
            for e in joined.entries
            if e.get("kind") != "page"
        ),
        key=lambda stored: stored.path,
    )
    by_digest = {s.sha256: joined.files[s.path] for s in outputs}
    staff = render_downloads(
        project, theme, list(outputs), lambda d: pdf_pages(by_digest[d].read_bytes())
    )
    count = publish_join(joined, staff, out)
    return MergeSummary(count, len(joined.files) + len(staff), joined.shards)
