"""Material for MkDocs' social cards, timed on given titles: the other half of ``cards.py``.

Runs under a Python that has ``mkdocs-material[imaging]`` (Pillow and CairoSVG, which
needs the system's libcairo2), kept apart from An Sinh's own environment, e.g.::

    python3 -m venv /tmp/matvenv
    /tmp/matvenv/bin/pip install mkdocs-material==9.8.1 mkdocs==1.6.1 pillow==13.0.0 cairosvg

(the versions An Sinh pins, so both sides draw with the same Pillow). ``cards.py
--material /tmp/matvenv/bin/python`` starts it; by hand::

    /tmp/matvenv/bin/python bench/cards_material.py < request.json

The request (JSON on standard input) has ``cards``, a list of ``{"title",
"description"}``, ``warm`` (one more such card, drawn first and not counted),
``site_name``, ``fonts`` (``{"Regular": path, "Bold": path}``), ``background`` and
``color`` (CSS colours), ``logo_icon`` (a Material icon name) and optionally
``samples`` (a folder to copy the first two cards into).

What is timed: the plugin's own card job, ``SocialPlugin._generate``, for one page
per card, with a real MkDocs configuration (theme ``material``, the plugin with its
``default`` layout, 1200×630, the cache off and one worker thread) and real
``Page`` objects whose front matter gives the title and description. The job
renders the layers a card has not yet shared with an earlier one (as in a build,
the background, logo and site name are rendered once for all pages, each title and
description per card), composes them and saves the PNG in the plugin's cache
folder, which a build then copies into the site. Calling the job directly, rather
than timing ``mkdocs build`` with and without the plugin, leaves out Markdown and
theme rendering and the copy into the site, and the difference of two noisy
builds: only the card is timed, as ``cards.py`` times only An Sinh's.

Fonts: the plugin looks for ``<cache_dir>/fonts/<family>/<style>.ttf`` and downloads
the family from Google Fonts when that folder is missing. The folder is filled
beforehand with the given files as family "Noto Sans", so nothing is fetched; any
attempt to use the network (``requests`` or a socket) raises, and the answer then
says so.

Prints one JSON object: ``{"material": {...}}`` with ``cards``, ``ms_per_card``
(CPU time of this process, all threads, after the warm-up card), ``wall_ms_per_card``,
``bytes_per_card``, ``layers_rendered`` and ``versions``; or ``{"material": null,
"reason": "..."}`` when the plugin cannot run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path
from typing import Any

FAMILY = "Noto Sans"
SIZE = (1200, 630)


class NetworkUsed(RuntimeError):
    """Raised by the guards when the plugin tries to reach the network."""


def forbid_network(attempts: list[str]) -> None:
    """Make every HTTP request and socket connection fail, noting what was tried."""
    import requests

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        attempts.append(" ".join(str(a) for a in args[:3]))
        raise NetworkUsed(f"network use refused: {args[:3]}")

    requests.get = refuse  # the plugin calls requests.get
    requests.api.request = refuse
    requests.Session.request = refuse  # type: ignore[method-assign]
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse


def fill_font_cache(cache_dir: Path, fonts: dict[str, str]) -> None:
    """Put the given font files where the plugin looks for family ``FAMILY``."""
    folder = cache_dir / "fonts" / FAMILY
    folder.mkdir(parents=True, exist_ok=True)
    for style, path in fonts.items():
        shutil.copyfile(path, folder / f"{style}.ttf")


def versions() -> dict[str, str]:
    import PIL.features

    found = {"python": sys.version.split()[0]}
    for name in ("mkdocs-material", "mkdocs", "pillow", "cairosvg"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    found["raqm"] = str(PIL.features.check("raqm"))
    return found


def measure(request: dict[str, Any], work: Path) -> dict[str, Any]:
    """Time the plugin's card job on every requested card; see the module docstring."""
    attempts: list[str] = []
    forbid_network(attempts)

    from material.plugins.social import plugin as social
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    if social.import_errors or social.cairosvg_error:
        return {
            "material": None,
            "reason": "the social plugin lacks its imaging dependencies: "
            + "; ".join(sorted(social.import_errors) + [social.cairosvg_error]).strip("; "),
        }

    cache_dir = work / "cache"
    fill_font_cache(cache_dir, request["fonts"])
    (work / "docs").mkdir()
    config_file = work / "mkdocs.yml"
    options = {
        "font_family": FAMILY,
        "background_color": request["background"],
        "color": request["color"],
    }
    settings = {
        "site_name": request["site_name"],
        "site_url": "https://example.invalid/",
        "theme": {"name": "material", "font": False, "icon": {"logo": request["logo_icon"]}},
        "plugins": [
            {
                "social": {
                    "cache": False,
                    "cache_dir": str(cache_dir),
                    "concurrency": 1,
                    "cards_layout": "default",
                    "cards_layout_options": options,
                }
            }
        ],
    }
    config_file.write_text(json.dumps(settings), encoding="utf-8")
    config = load_config(str(config_file))
    plugin: Any = config.plugins["material/social"]  # its card job is not public API
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)

    def page(index: int, card: dict[str, str]) -> Page:
        file = File(f"card-{index:04d}.md", config.docs_dir, config.site_dir, True)
        made = Page(None, file, config)
        made.meta = {"title": card["title"], "description": card["description"]}
        return made

    pages = [page(index, card) for index, card in enumerate(request["cards"])]
    warm = page(len(pages), request["warm"])
    try:
        plugin._generate("default", warm, config)
        wall = time.perf_counter()
        cpu = time.process_time()
        files = [plugin._generate("default", p, config) for p in pages]
        cpu_ms = (time.process_time() - cpu) * 1000
        wall_ms = (time.perf_counter() - wall) * 1000
    except Exception as error:  # the plugin's own errors, or a refused network use
        return {
            "material": None,
            "reason": f"{type(error).__name__}: {error}",
            "network_attempts": attempts,
        }
    finally:
        plugin.on_shutdown()
    sizes = [os.path.getsize(f.abs_src_path) for f in files]
    if request.get("samples"):
        target = Path(request["samples"])
        target.mkdir(parents=True, exist_ok=True)
        for index, file in enumerate(files[:2]):
            shutil.copyfile(file.abs_src_path, target / f"material-{index}.png")
    from PIL import Image

    with Image.open(files[0].abs_src_path) as first:
        size, mode = first.size, first.mode
    count = len(pages)
    return {
        "material": {
            "cards": count,
            "ms_per_card": round(cpu_ms / count, 1),
            "wall_ms_per_card": round(wall_ms / count, 1),
            "bytes_per_card": round(statistics.mean(sizes)),
            "size": list(size),
            "mode": mode,
            "layout": "default (background, logo icon, site name, title, description)",
            # Layers rendered in all: the shared ones once, then two a card.
            "layers_rendered": len(plugin.card_layer_pool_jobs),
            "network_attempts": attempts,
            "versions": versions(),
        }
    }


def main() -> None:
    request = json.load(sys.stdin)
    with tempfile.TemporaryDirectory(prefix="cards-material-") as folder:
        try:
            answer = measure(request, Path(folder))
        except Exception as error:
            answer = {
                "material": None,
                "reason": f"{type(error).__name__}: {error}",
                "trace": traceback.format_exc(limit=3),
            }
    print(json.dumps(answer, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
