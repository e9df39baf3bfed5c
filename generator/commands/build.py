"""``ansinh build [--out DIR] [--only ID] [--province NAME]``: build every output into DIR."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from generator.i18n import _
from generator.pipeline import build_site

# A build shorter than this shows no progress bar, only its summary line.
PROGRESS_AFTER_S = 2.0


class BuildProgress:
    """A progress bar on the terminal, shown only once a build has run ``PROGRESS_AFTER_S``.

    Quiet when standard error is not a terminal or when ``CI`` is set, as in build logs.
    """

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task = self.bar.add_task(_("Building"), total=0)
        self.timer = threading.Timer(PROGRESS_AFTER_S, self.show)
        self.timer.daemon = True
        self.lock = threading.Lock()
        self.closed = False

    def show(self) -> None:
        """Start drawing the bar, unless the build has already ended."""
        with self.lock:
            if not self.closed:
                self.bar.start()

    def close(self) -> None:
        """Stop the bar (if shown) and never show it again."""
        self.timer.cancel()
        with self.lock:
            self.closed = True
            self.bar.stop()

    def add(self, steps: int) -> None:
        """Count ``steps`` more to do."""
        total = self.bar.tasks[0].total or 0
        self.bar.update(self.task, total=total + steps)

    def advance(self, steps: int) -> None:
        """Count ``steps`` done."""
        self.bar.advance(self.task, steps)


def quiet_terminal(console: Console) -> bool:
    """Say whether progress should stay hidden: not a terminal, or a CI job's log."""
    return not console.is_terminal or bool(os.environ.get("CI"))


@contextmanager
def build_progress() -> Iterator[BuildProgress | None]:
    """Yield a progress display for a build (None when quiet); close it afterwards."""
    console = Console(stderr=True)
    if quiet_terminal(console):
        yield None
        return
    progress = BuildProgress(console)
    progress.timer.start()
    try:
        yield progress
    finally:
        progress.close()


def run(args: argparse.Namespace) -> int:
    """Build the site; print warnings and notices on stderr, a summary on stdout."""
    out = args.out if args.out.is_absolute() else args.project / args.out
    only, provinces = getattr(args, "only", None) or [], getattr(args, "province", None) or []
    with build_progress() as progress:
        summary = build_site(args.project, out, only=only, provinces=provinces, progress=progress)
    for warning in summary.warnings:
        print(warning.format(), file=sys.stderr)
    for notice in summary.notices:
        print(notice, file=sys.stderr)
    counts = summary.counts
    print(
        _(
            "Built {count} outputs into {out} in {seconds:.1f} s: "
            "{made} made, {reused} reused, {removed} removed"
        ).format(
            count=summary.outputs,
            out=out,
            seconds=summary.seconds,
            made=counts.made,
            reused=counts.reused,
            removed=counts.removed,
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
