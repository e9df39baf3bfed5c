"""Card stage cost: how fast cards are drawn and stored, and how many bytes they take.

Renders every card of a project (the example by default) in this one process, the
way a build's worker does, and prints one JSON object:

- ``cards``, ``cards_per_second``, ``ms_per_card`` (CPU time of this process) and
  ``wall_ms_per_card``; ``bytes_per_card`` (mean) and per layout;
- ``stages_ms``: per card, planning (fitting text), drawing, storing;
- ``storage``: the same drawn cards stored as full-colour PNG (zlib level 3),
  as the cards are stored (palette PNG), and as JPEG (quality 85), each with its
  CPU ms and mean bytes per card;
- ``design_ms``: getting the card design for a theme received anew, as a worker
  receives it with every campaign: the first time in the process, then again.

With ``--material PYTHON``, instead: An Sinh's Facebook card (1200×630) against
Material for MkDocs' social card (1200×630, its ``default`` layout) on the same N
Vietnamese titles, drawn with the same Noto Sans files, offline. Titles are the
example's campaign titles, headlines, audiences and figure labels; the text under
them (a card's ``message``, the page ``description`` Material shows) its campaign
messages, summaries and figure labels; no card shares a title or message with
another (``bench_texts``). Every An Sinh card leads to a page of its own, so its QR
code is made anew, as for a campaign's first card in a build (the campaign's other
cards reuse it). Each side draws one card first, not counted (fonts open, shared
layers render), then N cards (``--cards``, 40), timed in CPU time of its process
after startup, in rounds (``--rounds``, 3) of new texts that alternate the two sides,
so that both meet the same load on a shared machine:
An Sinh here, step by step as ``render_card`` makes a card (checked: the first card
is the same file), so ``ansinh.stages_ms`` splits the time into the QR code, plan,
draw, quantize, PNG and name steps; Material by ``bench/cards_material.py`` under
PYTHON, an environment with ``mkdocs-material[imaging]`` (that file tells what is
timed there and how to make the environment). Prints each side's ``ms_per_card``
(median of the rounds), ``per_round`` figures, ``ratio`` (An Sinh ÷ Material, median
of the rounds' ratios) against the 0.8 target, N and versions;
``"material": null`` with a ``reason`` when Material's plugin cannot run. The two
cards do not show the same things: Material's shows a site name, a logo, the title
and the description; An Sinh's adds a QR code, a headline figure and a footer
(``shows`` lists both). ``--samples DIR`` keeps the first two cards of each side.
CPU time is steadier than wall time on a busy machine, but still varies by some
10 % from run to run: compare runs, not single figures.

Usage: python bench/cards.py [--project DIR]
       python bench/cards.py --material /tmp/matvenv/bin/python [--cards N] [--rounds R]
                             [--samples DIR]
"""

from __future__ import annotations

import argparse
import json
import pickle
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import PIL
from PIL import Image, features

from generator.model import Campaign, Project
from generator.render.links import campaign_url
from generator.render.social.cards import (
    design_colours,
    draw_card,
    encode_card,
    palette_image,
    plan_card,
    qr_matrix,
)
from generator.render.social.design import Design, card_design
from generator.render.social.render import (
    Card,
    Content,
    campaign_cards,
    card_file,
    card_folder,
    render_card,
    site_card,
)
from generator.validate.project import load_project
from generator.validate.theme import load_theme

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")
TARGET_RATIO = 0.8
LOCALE = "vi"


def cpu_ms(function: Callable[[], T]) -> tuple[float, T]:
    started = time.process_time()
    result = function()
    return (time.process_time() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument(
        "--material", metavar="PYTHON", help="compare with Material's cards run by PYTHON"
    )
    parser.add_argument("--cards", type=int, default=40, help="cards a round (with --material)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (with --material)")
    parser.add_argument("--samples", type=Path, help="keep two cards of each side here")
    args = parser.parse_args()
    project, _warnings = load_project(args.project)
    theme = load_theme(args.project, project.site.theme)
    if args.material:
        compared = versus_material(
            project, card_design(theme), args.material, args.cards, args.rounds, args.samples
        )
        print(json.dumps(compared, ensure_ascii=False, indent=2))
        return

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


def bench_texts(project: Project, count: int) -> list[tuple[Campaign, str, str]]:
    """Return ``count`` (campaign, title, message), Vietnamese, no text used twice in a role.

    Titles: the example's campaign titles, headlines, audiences and figure labels (24 to
    106 characters); messages: its campaign messages, summaries and figure labels. Cards
    take the campaigns in turn (for the brand, figure and page); past the end of a list,
    a text comes round again behind "Đợt 2: ", "Đợt 3: ", so no two cards show the same
    title or the same message.
    """
    text = Content(project, LOCALE).text
    campaigns = list(project.campaigns)
    titles: list[str] = []
    messages: list[str] = []
    for campaign in campaigns:
        titles += [text(campaign.title), text(campaign.headline)]
        titles += [text(audience) for audience in campaign.audience]
        messages += [text(message) for message in campaign.messages]
        messages.append(text(campaign.summary))
    labels = [text(figure.label) for c in campaigns for figure in c.figures]
    titles = list(dict.fromkeys(t for t in titles + labels if t))
    messages = list(dict.fromkeys(m for m in messages + labels[::-1] if m))

    def nth(pool: list[str], index: int) -> str:
        turn = index // len(pool)
        return f"Đợt {turn + 1}: {pool[index % len(pool)]}" if turn else pool[index % len(pool)]

    return [
        (campaigns[index % len(campaigns)], nth(titles, index), nth(messages, index))
        for index in range(count)
    ]


def ansinh_card(
    project: Project, content: Content, campaign: Campaign, index: int, title: str, message: str
) -> Card:
    """A campaign's Facebook card with another title and message, leading to a page of its own."""
    own_page = campaign_url(project, LOCALE, f"{campaign.id}-{index:04d}")
    slots = content.campaign_slots(campaign) | content.address(own_page)
    slots |= {"title": title, "campaign_title": title, "message": message}
    return Card("facebook", "facebook", slots)


STAGES = ("qr", "plan", "draw", "quantize", "png", "name")


def draw_facebook_cards(design: Design, cards: list[Card]) -> tuple[dict[str, float], list[bytes]]:
    """Make each card as ``render_card`` does, timing each step; return CPU ms and files.

    Steps: ``qr`` (the QR code's modules, by segno), ``plan`` (fitting the texts),
    ``draw``, ``quantize`` (the palette), ``png`` (zlib), ``name`` (the card's digest).
    """
    layout = design.layouts["facebook"]
    spent: dict[str, float] = defaultdict(float)
    files = []
    for card in cards:
        marks = [time.process_time()]
        qr_matrix(card.slots["url"])
        marks.append(time.process_time())
        plan = plan_card(card.name, layout, card.slots, design.palette)
        marks.append(time.process_time())
        picture = draw_card(plan)
        marks.append(time.process_time())
        if layout.colours:
            picture = palette_image(picture, layout.colours, design_colours(plan))
        marks.append(time.process_time())
        files.append(encode_card(picture, layout.format, colours=None, quality=layout.quality))
        marks.append(time.process_time())
        card_file(design, card)
        marks.append(time.process_time())
        for name, (before, after) in zip(STAGES, pairwise(marks), strict=True):
            spent[name] += (after - before) * 1000
    return spent, files


def versus_material(
    project: Project, design: Design, python: str, count: int, rounds: int, samples: Path | None
) -> dict[str, Any]:
    """Time An Sinh's and Material's cards on the same texts; see the module docstring."""
    content = Content(project, LOCALE)
    texts = bench_texts(project, count * rounds)
    site_title = content.text(project.site.title)
    layout = design.layouts["facebook"]
    fonts = design.palette.faces
    request: dict[str, Any] = {
        "warm": {"title": site_title, "description": site_title},
        "site_name": site_title,
        "fonts": {"Regular": fonts["sans-regular"].path, "Bold": fonts["sans-bold"].path},
        "background": "#{:02x}{:02x}{:02x}".format(*design.palette.colours[layout.background]),
        "color": "#ffffff",
        "logo_icon": "material/shield-home",
    }
    draw_facebook_cards(design, [ansinh_card(project, content, texts[0][0], -1, site_title, "")])
    spent: dict[str, float] = defaultdict(float)
    ours: list[dict[str, float]] = []
    theirs: list[dict[str, Any]] = []
    sizes: list[int] = []
    for start in range(0, count * rounds, count):
        batch = texts[start : start + count]
        cards = [
            ansinh_card(project, content, campaign, start + offset, title, message)
            for offset, (campaign, title, message) in enumerate(batch)
        ]
        wall = time.perf_counter()
        stages, files = draw_facebook_cards(design, cards)
        wall_ms = (time.perf_counter() - wall) * 1000
        ours.append({"ms": sum(stages.values()) / count, "wall_ms": wall_ms / count})
        for name, value in stages.items():
            spent[name] += value
        sizes += [len(data) for data in files]
        first = start == 0 and samples is not None
        if samples is not None and first:
            samples.mkdir(parents=True, exist_ok=True)
            for index, data in enumerate(files[:2]):
                (samples / f"ansinh-{index}.png").write_bytes(data)
        # The steps are render_card's: the same card made by it is the same file.
        if render_card(design, cards[0], card_folder(LOCALE), None, LOCALE).data != files[0]:
            raise SystemExit("bench/cards.py: render_card no longer makes cards as timed here")
        request["cards"] = [{"title": t, "description": m} for _c, t, m in batch]
        request["samples"] = str(samples) if first else None
        answer = run_material(python, request)
        if not answer.get("material"):
            return {"cards": count, "rounds": rounds, **answer, "ratio": None}
        theirs.append(answer["material"])

    ansinh = {
        "ms_per_card": round(statistics.median(r["ms"] for r in ours), 1),
        "wall_ms_per_card": round(statistics.median(r["wall_ms"] for r in ours), 1),
        "bytes_per_card": round(statistics.mean(sizes)),
        "stages_ms": {name: round(spent[name] / (count * rounds), 1) for name in STAGES},
        "size": list(layout.size),
        "layout": "facebook",
        "versions": {
            "python": platform.python_version(),
            "pillow": PIL.__version__,
            "raqm": str(features.check("raqm")),
        },
    }
    material = {
        **theirs[-1],
        "cards": count,
        "ms_per_card": round(statistics.median(r["ms_per_card"] for r in theirs), 1),
        "wall_ms_per_card": round(statistics.median(r["wall_ms_per_card"] for r in theirs), 1),
        "bytes_per_card": round(statistics.mean(r["bytes_per_card"] for r in theirs)),
        "network_attempts": [a for r in theirs for a in r["network_attempts"]],
    }
    per_round = [
        {
            "ansinh_ms": round(o["ms"], 1),
            "material_ms": t["ms_per_card"],
            "ratio": round(o["ms"] / t["ms_per_card"], 2),
        }
        for o, t in zip(ours, theirs, strict=True)
    ]
    ratio = statistics.median(r["ratio"] for r in per_round)
    return {
        "cards": count,
        "rounds": rounds,
        "ansinh": ansinh,
        "material": material,
        "per_round": per_round,
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "target_met": ratio <= TARGET_RATIO,
        "shows": {
            "ansinh": "brand, title, accent bar, message, figure and its note, QR code with "
            "its label and address, organisation, hotline; 3 shapes",
            "material": "background, logo icon, site name, title, description",
        },
    }


def run_material(python: str, request: dict[str, Any]) -> dict[str, Any]:
    """Run ``cards_material.py`` under ``python`` and return its answer."""
    helper = Path(__file__).resolve().parent / "cards_material.py"
    try:
        done = subprocess.run(
            [python, str(helper)],
            input=json.dumps(request, ensure_ascii=False),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return {"material": None, "reason": f"could not run {python}: {error}"}
    try:
        answer: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return {"material": None, "reason": f"{python} failed: " + " | ".join(tail)}
    return answer


if __name__ == "__main__":
    main()
