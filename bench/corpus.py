"""Make a synthetic national project: many campaigns built from the example's own content.

Usage: python bench/corpus.py OUT_DIR [--campaigns N] [--own-testimonials]

With ``--own-testimonials`` every campaign quotes its own copies of the example's
testimonials (a campaign of the example without any gets one), as a national
project would: editing one then touches one campaign only.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def make_corpus(target: Path, campaigns: int, own_testimonials: bool = False) -> Path:
    """Write a project with ``campaigns`` campaigns cycling through the example's five.

    Only the English titles are numbered: the Vietnamese ones are laid out on posters
    that have no room to spare.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "themes"):
        shutil.copytree(REPO / name, target / name, dirs_exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    data = yaml.safe_load((REPO / "campaigns.yml").read_text(encoding="utf-8"))
    examples = data["campaigns"]
    made = []
    for index in range(campaigns):
        campaign = dict(examples[index % len(examples)])
        per_campaign_files(target, campaign["id"], f"{campaign['id']}-{index:04d}")
        campaign["id"] = f"{campaign['id']}-{index:04d}"
        title = campaign["title"]
        campaign["title"] = (
            {k: f"{v} ({index})" if k != "vi" else v for k, v in title.items()}
            if isinstance(title, dict)
            else title
        )
        if own_testimonials:
            campaign["testimonials"] = own_copies(target, campaign.get("testimonials"), index)
        made.append(campaign)
    data["campaigns"] = made
    for folder in PER_CAMPAIGN:
        for path in (target / "content" / folder).glob("*"):
            if path.stem in {c["id"] for c in examples}:
                path.unlink()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (target / "campaigns.yml").write_text(text, encoding="utf-8")
    return target


# Content folders with one file per campaign, named after its id.
PER_CAMPAIGN = ("groups", "progress")


def per_campaign_files(target: Path, example: str, campaign: str) -> None:
    """Give a corpus campaign copies of its example's per-campaign files."""
    for folder in PER_CAMPAIGN:
        for path in (target / "content" / folder).glob(f"{example}.*"):
            shutil.copyfile(path, path.with_name(campaign + path.suffix))


def own_copies(target: Path, names: list[str] | None, index: int) -> list[str]:
    """Copy the testimonials a campaign quotes (or the first one) under names of its own."""
    folder = target / "content" / "testimonials"
    names = names or [sorted(p.stem for p in folder.glob("*.yml") if "-c" not in p.stem)[0]]
    copies = []
    for name in names:
        copy = f"{name}-c{index:04d}"
        shutil.copyfile(folder / f"{name}.yml", folder / f"{copy}.yml")
        copies.append(copy)
    return copies


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--campaigns", type=int, default=100)
    parser.add_argument("--own-testimonials", action="store_true")
    arguments = parser.parse_args()
    print(make_corpus(arguments.out, arguments.campaigns, arguments.own_testimonials))
