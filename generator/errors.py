"""Errors and diagnostics.

The exception tree::

    AnsinhError                 anything An Sinh reports to its user
    ├── ContentError            the project's files are wrong; carries diagnostics
    ├── ThemeError              a theme is missing or malformed
    └── RenderError             an output could not be produced

The command line turns each into exit code 1 and readable lines, never a
traceback. A ``Diagnostic`` is one problem at one place in one file.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a file, with its 1-based line and column.

    In a spreadsheet, ``sheet`` names the worksheet, ``line`` is the row and ``column``
    the column: the place is written as Excel does, ``file.xlsx:Sheet!C7``.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    sheet: str = ""

    @property
    def place(self) -> str:
        """Where the problem is: ``path:line:column``, or ``path:Sheet!C7`` in a spreadsheet."""
        if not self.sheet:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{_sheet_name(self.sheet)}!{column_letters(self.column)}{self.line}"

    def format(self, severity_label: str | None = None) -> str:
        """Return the problem as one line; control characters (from a file's name or
        text) are shown escaped, so they can neither break the line nor drive a terminal."""
        label = severity_label or self.severity
        return _visible(f"{self.place}: {label}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        found = asdict(self)
        if not self.sheet:
            del found["sheet"]
        return found


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda found: ascii(found.group())[1:-1], text)


def column_letters(column: int) -> str:
    """Return a 1-based column number as spreadsheet letters: 3 → C, 28 → AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_name(name: str) -> str:
    """Quote a worksheet name as Excel does when it is not one plain word: 'Tổ 1'."""
    if all(ch.isalnum() or ch == "_" for ch in name):
        return name
    return "'" + name.replace("'", "''") + "'"


class AnsinhError(Exception):
    """Base of every error An Sinh reports to its user."""


class ContentError(AnsinhError):
    """The project's content has errors; ``diagnostics`` lists all of them."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} problem(s) in the content")
        self.diagnostics = diagnostics


class ThemeError(AnsinhError):
    """A theme is missing or malformed."""


class RenderError(AnsinhError):
    """An output could not be produced."""
