"""Verse diagnostics: one problem at one syllable (or line) of a verse."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class VerseDiagnostic:
    """A meter or rhyme problem; ``line`` and ``position`` are 1-based."""

    line: int
    position: int | None
    severity: Severity
    code: str
    message: str

    def as_dict(self) -> dict[str, object]:
        """Return the diagnostic as the JSON object of ``ansinh verse check``."""
        return asdict(self)

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Order by line, then whole-line before syllables, then errors first."""
        return (self.line, self.position or 0, 0 if self.severity == "error" else 1, self.code)


def diagnostic(
    line: int,
    position: int | None,
    severity: Severity,
    code: str,
    template: str,
    **fields: object,
) -> VerseDiagnostic:
    """Build a diagnostic from a translated message ``template`` and its fields."""
    return VerseDiagnostic(line, position, severity, code, template.format(**fields))


def sorted_diagnostics(found: list[VerseDiagnostic]) -> list[VerseDiagnostic]:
    """Return ``found`` without duplicates, in reading order."""
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda item: item.sort_key)
