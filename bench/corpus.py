"""Make a synthetic national project: many campaigns built from the example's own content.

Usage: python bench/corpus.py OUT_DIR [--campaigns N]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def make_corpus(target: Path, campaigns: int) -> Path:
    """Write a project with ``campaigns`` campaigns cycling through the example's five."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "themes"):
        shutil.copytree(REPO / name, target / name, dirs_exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    data = yaml.safe_load((REPO / "campaigns.yml").read_text(encoding="utf-8"))
    examples = data["campaigns"]
    made = []
    for index in range(campaigns):
        campaign = dict(examples[index % len(examples)])
        campaign["id"] = f"{campaign['id']}-{index:04d}"
        title = campaign["title"]
        campaign["title"] = (
            {k: f"{v} ({index})" for k, v in title.items()}
            if isinstance(title, dict)
            else f"{title} ({index})"
        )
        made.append(campaign)
    data["campaigns"] = made
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (target / "campaigns.yml").write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--campaigns", type=int, default=100)
    arguments = parser.parse_args()
    print(make_corpus(arguments.out, arguments.campaigns))
