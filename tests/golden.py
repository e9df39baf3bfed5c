"""Golden files: committed expected outputs, compared exactly; ``make golden`` rewrites them.

Review the diff of a rewrite like code: it is what staff and residents will get.
"""

from __future__ import annotations

import os
from pathlib import Path

REGENERATE = os.environ.get("ANSINH_REGENERATE") == "1"
GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/NAME`` (or write it when regenerating)."""
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: run `make golden`"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs: run `make golden`, review"
