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

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a file, with its 1-based line and column."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self, severity_label: str | None = None) -> str:
        label = severity_label or self.severity
        return f"{self.path}:{self.line}:{self.column}: {label}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


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
