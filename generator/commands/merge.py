"""``ansinh merge SHARD... [--out DIR]``: join the folders of shard builds into one site."""

from __future__ import annotations

import argparse

from generator.i18n import _
from generator.pipeline import merge_site


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
