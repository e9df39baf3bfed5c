"""The corpus of real-style sentences (corpus.tsv) is read exactly as written down."""

from __future__ import annotations

import pytest

from tests.speech.corpus_rates import Pair, load_corpus, rates, read_aloud

PAIRS = load_corpus()


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.line}-{p.region}-{p.kind}" for p in PAIRS])
def test_speech_corpus_pair(pair: Pair) -> None:
    assert read_aloud(pair) == pair.spoken


def test_speech_corpus_covers_every_kind_in_every_region() -> None:
    kinds = {p.kind for p in PAIRS}
    assert len(PAIRS) >= 300
    assert len({p.written for p in PAIRS}) >= 300
    for kind in kinds:
        assert {p.region for p in PAIRS if p.kind == kind} == {"north", "central", "south"}


def test_speech_corpus_rates_count_every_pair() -> None:
    table = rates(PAIRS[:3])
    assert table["all"]["pairs"] == 3
    assert 0 <= table["all"]["rate"] <= 1
