"""Every user-facing message goes through the catalogs, and every language has them all."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import REPO

LOCALES = REPO / "generator" / "locale"


def _catalog_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalog", REPO / "scripts" / "catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    template = tmp_path_factory.mktemp("pot") / "messages.pot"
    return {m.id for m in _catalog_module().extract(template) if m.id and isinstance(m.id, str)}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_message_id_is_translated(extracted: set[str], lang: str) -> None:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = {m.id: m.string for m in read_po(handle) if m.id}
    assert sorted(m for m in extracted if not catalog.get(m)) == []


def test_the_committed_template_is_current(extracted: set[str]) -> None:
    with (LOCALES / "messages.pot").open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    assert committed == extracted, "run: make i18n"


def test_extraction_finds_messages_of_every_kind(extracted: set[str]) -> None:
    assert "missing required key «{key}»" in extracted
    assert "What to remember" in extracted
    assert "Northern provinces" in extracted
    assert "Monday" in extracted
    assert len(extracted) > 300


def test_english_messages_on_request(tmp_path: Path) -> None:
    from generator.cli import main

    assert main(["--lang", "en", "-C", str(tmp_path), "check"]) == 1
