"""``ansinh say [--region REGION] TEXT``: print TEXT as it is read aloud on a loudspeaker."""

from __future__ import annotations

import argparse

from generator.speech import say


def run(args: argparse.Namespace) -> int:
    """Print the spoken form of the words given, in one line."""
    print(say(" ".join(args.text), args.region))
    return 0
