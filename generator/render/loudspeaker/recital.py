"""A verse's lines as an announcer recites them: where to pause, where to stop.

In lục bát a couplet is one thought: the 6-syllable line ends with a comma (a
short pause) and only the 8-syllable line with a full stop; song thất lục bát
pauses after its two 7-syllable lines and the 6, and stops after the 8. A
question or an exclamation keeps its own mark. In other forms (vè, vọng cổ,
free verse) the author's punctuation is kept; a line without any gets a comma,
and the last line of every part a full stop, so a voice never stops dead in the
middle of a sentence nor runs two sentences together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Verse
from generator.verse.layout import plain_line

# Lines per couplet or stanza, for the forms whose lines group by meter.
_GROUPS: dict[str, int] = {"luc_bat": 2, "ho": 2, "song_that_luc_bat": 4}
_OWN_MARK = re.compile(r"[?!…]$")
_END_MARK = re.compile(r"[.?!…]$")
_SOFT_MARK = re.compile(r"[,;:.]+$")


def recital_lines(verse: Verse) -> list[str]:
    """Return every line of ``verse`` to be read aloud, fillers dropped, ended for the ear."""
    blocks = [list(verse.lines)] + [list(part.lines) for part in verse.parts]
    group = _GROUPS.get(verse.form)
    lines: list[str] = []
    for block in blocks:
        spoken = [line for line in (plain_line(text, False) for text in block) if line]
        lines += _end_lines(spoken, group)
    return lines


def _end_lines(lines: Sequence[str], group: int | None) -> list[str]:
    ended = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if group is not None:
            closes = last or (index + 1) % group == 0
            ended.append(_stop(line) if closes else _pause(line))
        else:
            ended.append(_stop(line) if last else _keep(line))
    return ended


def _stop(line: str) -> str:
    """End a line with a full stop unless it asks or exclaims."""
    if _END_MARK.search(line):
        return line
    return _SOFT_MARK.sub("", line) + "."


def _pause(line: str) -> str:
    """End a line inside a couplet with a comma unless it asks or exclaims."""
    if _OWN_MARK.search(line):
        return line
    return _SOFT_MARK.sub("", line) + ","


def _keep(line: str) -> str:
    """Keep the author's mark; give a line without one a comma."""
    return line if re.search(r"[,;:.?!…]$", line) else line + ","
