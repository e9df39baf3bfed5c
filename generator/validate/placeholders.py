"""Sample text left from ``ansinh new``: every «Điền: …» still in a file is a warning.

The scaffolds mark each text staff must write with ``«Điền: what to write»`` («Fill
in: …» in English). Until it is replaced, ``check`` and ``build`` warn at the
marker's own line and column, so sample text is never published unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc, read_source

PLACEHOLDER = re.compile(r"«(?:Điền|Fill in):[^»]*»")


class SourceLines:
    """The lines of a project's files, read once, to place a piece of a text exactly."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines: dict[str, list[str]] = {}

    def place(self, doc: Document, loc: Loc, piece: str) -> tuple[int, int]:
        """Return the 1-based line and column of ``piece`` in the value at ``loc``.

        A piece of a value written over several lines is placed at the value's start.
        """
        mark = doc.mark(loc)
        if doc.path not in self._lines:
            self._lines[doc.path] = read_source(self.root / doc.path).split("\n")
        lines = self._lines[doc.path]
        line = lines[mark.line - 1] if mark.line <= len(lines) else ""
        column = line.find(piece, mark.column - 1)
        return mark.line, column + 1 if column >= 0 else mark.column


def texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Yield (place, text) for every text inside plain YAML data."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, loc + (index,))


def check_placeholders(root: Path, documents: dict[str, Document]) -> list[Diagnostic]:
    """Warn at every scaffold placeholder left in the project's YAML files."""
    source = SourceLines(root)
    found: list[Diagnostic] = []
    for path, doc in sorted(documents.items()):
        for loc, text in texts(doc.data, ()):
            for match in PLACEHOLDER.finditer(text):
                line, column = source.place(doc, loc, match.group(0))
                message = _(
                    "sample text from «ansinh new» is still here: replace {placeholder} with "
                    "the real text"
                ).format(placeholder=match.group(0))
                found.append(Diagnostic(path, line, column, "warning", "placeholder", message))
    return found
