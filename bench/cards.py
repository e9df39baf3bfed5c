"""Card stage cost: how fast cards are drawn and stored, and how many bytes they take.

Renders every card of a project (the example by default) in this one process, the
way a build's worker does, and prints one JSON object:

- ``cards``, ``cards_per_second``, ``ms_per_card`` (CPU time of this process) and
  ``wall_ms_per_card``; ``bytes_per_card`` (mean) and per layout;
- ``stages_ms``: per card, planning (fitting text), drawing, storing;
- ``storage``: the same drawn cards stored as full-colour PNG (zlib level 6),
  as the cards are stored (palette PNG), and as JPEG (quality 85), each with its
  CPU ms and mean bytes per card;
- ``design_ms``: getting the card design for a theme received anew, as a worker
  receives it with every campaign: the first time in the process, then again.

Usage: python bench/cards.py [--project DIR]
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from generator.render.social.cards import design_colours, draw_card, encode_card, plan_card
from generator.render.social.design import card_design
from generator.render.social.render import Content, campaign_cards, site_card
from generator.validate.project import load_project
from generator.validate.theme import load_theme

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def cpu_ms(function: Callable[[], T]) -> tuple[float, T]:
    started = time.process_time()
    result = function()
    return (time.process_time() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    args = parser.parse_args()
    project, _warnings = load_project(args.project)
    theme = load_theme(args.project, project.site.theme)

    # A worker unpickles the theme with every campaign it renders: two such copies.
    first_copy, second_copy = (pickle.loads(pickle.dumps(theme)) for _ in range(2))
    first_ms, design = cpu_ms(lambda: card_design(first_copy))
    again_ms, _same = cpu_ms(lambda: card_design(second_copy))

    cards = []
    for locale in project.site.locales:
        content = Content(project, locale)
        cards.append(site_card(content))
        for campaign in project.campaigns:
            if "social" in campaign.outputs:
                cards += campaign_cards(project, content, design, campaign)
    # Fonts open once per process: a first card, not counted, opens them.
    draw_card(plan_card("warm", design.layouts["site"], cards[0].slots, design.palette))

    stages: dict[str, float] = defaultdict(float)
    sizes: dict[str, list[int]] = defaultdict(list)
    drawn: list[tuple[Image.Image, list[tuple[int, int, int]]]] = []
    wall = time.perf_counter()
    cpu = time.process_time()
    for card in cards:
        layout = design.layouts[card.layout]
        started = time.process_time()
        plan = plan_card(card.name, layout, card.slots, design.palette)
        planned = time.process_time()
        picture = draw_card(plan)
        painted = time.process_time()
        exact = design_colours(plan)
        data = encode_card(
            picture, layout.format, colours=layout.colours, exact=exact, quality=layout.quality
        )
        stored = time.process_time()
        stages["plan"] += (planned - started) * 1000
        stages["draw"] += (painted - planned) * 1000
        stages["store"] += (stored - painted) * 1000
        sizes[card.layout].append(len(data))
        drawn.append((picture, exact))
    cpu_total = (time.process_time() - cpu) * 1000
    wall_total = (time.perf_counter() - wall) * 1000
    count = len(cards)
    every = [size for values in sizes.values() for size in values]

    stores: dict[str, Callable[[Image.Image, list[tuple[int, int, int]]], bytes]] = {
        "png_full_colour": lambda p, _e: encode_card(p, "png", colours=None),
        "png_palette": lambda p, e: encode_card(p, "png", colours=256, exact=e),
        "jpeg_85": lambda p, _e: encode_card(p, "jpeg", quality=85),
    }
    storage = {}
    for name, store in stores.items():
        started = time.process_time()
        lengths = [len(store(picture, exact)) for picture, exact in drawn]
        storage[name] = {
            "ms_per_card": round((time.process_time() - started) * 1000 / count, 1),
            "bytes_per_card": round(statistics.mean(lengths)),
        }

    print(
        json.dumps(
            {
                "project": str(args.project),
                "cards": count,
                "cards_per_second": round(count / (cpu_total / 1000), 1),
                "ms_per_card": round(cpu_total / count, 1),
                "wall_ms_per_card": round(wall_total / count, 1),
                "bytes_per_card": round(statistics.mean(every)),
                "bytes_per_layout": {
                    name: round(statistics.mean(values)) for name, values in sorted(sizes.items())
                },
                "stages_ms": {k: round(v / count, 1) for k, v in stages.items()},
                "storage": storage,
                "design_ms": {"first": round(first_ms, 2), "again": round(again_ms, 2)},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
