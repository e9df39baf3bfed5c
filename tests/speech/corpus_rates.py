"""Rate of corpus sentences read fully right, per kind: ``python tests/speech/corpus_rates.py``.

The corpus (``corpus.tsv`` beside this file) holds written → spoken pairs in the
styles of press datelines, office notices, decrees and letters, one a line:
region, kind, written, spoken, separated by tabs. The script prints JSON: for
every kind the number of pairs, how many the normalizer reads exactly as
expected, and the rate; ``--failures`` adds the pairs read wrong.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.speech import REGION_NAMES, Region, normalize

CORPUS = Path(__file__).with_name("corpus.tsv")
COLUMNS = ["region", "kind", "written", "spoken"]


@dataclass(frozen=True)
class Pair:
    """One written sentence and how it must be read aloud in a region."""

    line: int
    region: Region
    kind: str
    written: str
    spoken: str


def load_corpus(path: Path = CORPUS) -> list[Pair]:
    """Read the corpus file, checking its header and regions."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(reader) != COLUMNS:
            raise ValueError(f"{path}: the header must be {COLUMNS}")
        pairs = []
        for line, row in enumerate(reader, start=2):
            region, kind, written, spoken = row
            if region not in REGION_NAMES:
                raise ValueError(f"{path}:{line}: unknown region {region!r}")
            pairs.append(Pair(line, region, kind, written, spoken))  # type: ignore[arg-type]
    return pairs


def read_aloud(pair: Pair) -> str:
    """Return what the normalizer says for the written side of ``pair``."""
    return normalize(pair.written, region=pair.region).text


def rates(pairs: list[Pair]) -> dict[str, dict[str, float]]:
    """Count, per kind and in total, the pairs read exactly as expected."""
    table: dict[str, dict[str, float]] = {}
    for pair in pairs:
        for kind in (pair.kind, "all"):
            row = table.setdefault(kind, {"pairs": 0, "right": 0, "rate": 0.0})
            row["pairs"] += 1
            row["right"] += read_aloud(pair) == pair.spoken
    for row in table.values():
        row["rate"] = round(row["right"] / row["pairs"], 3)
    return table


def failures(pairs: list[Pair]) -> list[dict[str, str | int]]:
    """List the pairs read wrong, with what was said instead."""
    wrong = [(pair, read_aloud(pair)) for pair in pairs]
    return [
        {"line": p.line, "region": p.region, "written": p.written, "said": said}
        for p, said in wrong
        if said != p.spoken
    ]


def main(argv: list[str]) -> int:
    """Print the rates (and with ``--failures`` the wrong readings) as JSON."""
    pairs = load_corpus()
    report: dict[str, object] = {"rates": rates(pairs)}
    if "--failures" in argv:
        report["failures"] = failures(pairs)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
