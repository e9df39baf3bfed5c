"""``ansinh build [--out DIR]``: build every output into DIR, atomically."""

from __future__ import annotations

import argparse
import sys

from generator.i18n import _
from generator.pipeline import build_site


def run(args: argparse.Namespace) -> int:
    """Build the site; print warnings and notices on stderr, a summary on stdout."""
    out = args.out if args.out.is_absolute() else args.project / args.out
    summary = build_site(args.project, out)
    for warning in summary.warnings:
        print(warning.format(), file=sys.stderr)
    for notice in summary.notices:
        print(notice, file=sys.stderr)
    print(
        _("Built {count} outputs into {out} in {seconds:.1f} s").format(
            count=summary.outputs, out=out, seconds=summary.seconds
        )
    )
    for locale, count in summary.coverage.items():
        share = 100 * count["translated"] // max(count["total"], 1)
        print(
            _("Texts in «{locale}»: {translated} of {total} ({share}%)").format(
                locale=locale, translated=count["translated"], total=count["total"], share=share
            )
        )
    return 0
