"""Meter and rhyme diagnostics of every verse, placed at the syllable in its YAML file."""

from __future__ import annotations

import re
import unicodedata

from generator.errors import Diagnostic
from generator.load.document import Document, Loc
from generator.model import Verse

_FILLER = re.compile(r"\([^()]*\)")
_TOKEN = re.compile(r"[^\s\-\u2010-\u2014]+")


def syllable_offset(line: str, position: int) -> int | None:
    """Return where the ``position``-th counted syllable starts in ``line`` (0-based)."""
    count = 0
    fillers = [m.span() for m in _FILLER.finditer(line)]
    for match in _TOKEN.finditer(line):
        if any(start <= match.start() < end for start, end in fillers):
            continue
        word = match.group()
        lead = next((i for i, ch in enumerate(word) if ch.isalnum()), None)
        if lead is None:
            continue
        count += 1
        if count == position:
            return match.start() + lead
    return None


def _line_locs(verse: Verse) -> list[Loc]:
    if verse.lines:
        return [("lines", i) for i in range(len(verse.lines))]
    return [
        ("parts", p, "lines", i)
        for p, part in enumerate(verse.parts)
        for i in range(len(part.lines))
    ]


def check_verse_file(doc: Document, source: str, verse: Verse) -> list[Diagnostic]:
    """Return the verse checker's findings as file diagnostics."""
    from generator.verse import check_verse, verse_lines

    lines = verse_lines(verse)
    locs = _line_locs(verse)
    source_lines = source.splitlines()
    found = []
    for item in check_verse(verse):
        if 0 < item.line <= len(locs):
            mark = doc.mark(locs[item.line - 1])
        else:  # about the whole verse: at its «lines:» (or «parts:») key
            keys = [key for key in ("lines", "parts") if (key,) in doc.keys]
            mark = doc.mark((keys[0],), key=True) if keys else doc.mark(())
        column = mark.column
        if item.position is not None and 0 < item.line <= len(lines):
            text = unicodedata.normalize("NFC", lines[item.line - 1])
            offset = syllable_offset(text, item.position)
            written = source_lines[mark.line - 1] if mark.line <= len(source_lines) else ""
            start = unicodedata.normalize("NFC", written).find(text, mark.column - 1)
            if offset is not None and start >= 0:
                column = start + offset + 1
        found.append(
            Diagnostic(doc.path, mark.line, column, item.severity, item.code, item.message)
        )
    return found
