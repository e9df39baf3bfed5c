"""``ansinh say [--region REGION] TEXT``: print TEXT as it is read aloud on a loudspeaker."""

from __future__ import annotations

import argparse
import sys

from generator.i18n import _
from generator.speech import normalize, say


def run(args: argparse.Namespace) -> int:
    """Print the spoken form in one line; what could not be read goes to stderr, with columns."""
    text = " ".join(args.text)
    print(say(text, args.region))
    for warning in normalize(text, args.region).warnings:
        print(
            _("column {column}: «{fragment}»: {message}").format(
                column=warning.start + 1, fragment=warning.fragment, message=warning.message
            ),
            file=sys.stderr,
        )
    return 0
