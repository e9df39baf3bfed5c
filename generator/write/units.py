"""Render every output besides the web site: per campaign, stored, on every core."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass

from generator.model import Campaign, Project
from generator.model.theme import Theme
from generator.render import Keep, Output
from generator.render.loudspeaker.audio import audio_available, encoders_found
from generator.render.loudspeaker.scripts import (
    Speaker,
    load_speech_engine,
    loudspeaker_notices,
    render_loudspeaker_campaign,
    speak,
)
from generator.render.print.campaign import render_print_campaign
from generator.render.print.engine import load_print_engine, preview_available
from generator.render.print.group_kit import render_group_kits
from generator.render.social.leaders import render_leaders_cards
from generator.render.social.render import (
    render_site_cards,
    render_social_campaign,
    render_testimonial_cards,
)
from generator.render.views import campaign_view
from generator.write.cache import Entry, OutputStore, Stored, cache_key, code_digest, digest_files
from generator.write.lifeline import die_with_parent, stop_if_orphaned

# The parts of a campaign's outputs, each rendered and stored on its own, and what of the
# project each reads besides the campaign, the site and the policy. A part is rendered
# from a view holding only that (``part_view``) and keyed by the view: an edit
# re-renders only the parts that read what changed, and since a part never sees anything
# outside its view, nothing it reads can be missing from its key.
PARTS: dict[str, frozenset[str]] = {
    "cards": frozenset({"verses"}),
    "testimonial-cards": frozenset({"testimonials"}),
    "loudspeaker": frozenset({"testimonials", "verses", "contacts"}),
    "posters": frozenset(),
    "leaflet": frozenset({"testimonials", "contacts", "photos"}),
    "group-kits": frozenset({"groups", "progress"}),
    "leaders": frozenset({"groups", "progress"}),
}


# The parts that lay out PDFs (scripts' operator sheets, posters, leaflets, group sheets).
PRINTED = frozenset({"loudspeaker", "posters", "leaflet", "group-kits"})


@dataclass(frozen=True)
class Unit:
    """One piece of rendering whose outputs depend only on what its key hashes.

    ``campaign`` and ``part`` (a key of ``PARTS``) are None for the site-wide cards;
    ``view`` is the project as that piece sees it; ``tools`` hashes what it is drawn
    with besides the view: An Sinh's code, its themes' files and the tools it runs.
    """

    key: str
    campaign: str | None
    part: str | None
    view: Project
    tools: str = ""


def render_unit(
    theme: Theme,
    store: OutputStore,
    unit: Unit,
    parent: int | None = None,
    photos: Mapping[str, bytes] | None = None,
) -> Entry:
    """Render a unit and store it; a worker passes its build's pid, to stop if orphaned.

    ``theme`` is the unit's: the campaign's own (``theme:`` in campaigns.yml) or the site's.
    ``photos``: testimonial photos by name, for print.
    """
    store.remembered.clear()
    outputs, notices = _render_outputs(theme, unit, photos or {}, store)
    if parent is not None:
        stop_if_orphaned(parent)
    return store.put(unit.key, outputs, notices, store.remembered)


def _render_outputs(
    theme: Theme, unit: Unit, photos: Mapping[str, bytes], store: OutputStore | None = None
) -> tuple[list[Output], list[str]]:
    """Render the site-wide cards (no campaign) or one part of a campaign's outputs.

    With a ``store``, audio previews of script texts it has made before are taken from it.
    """
    view = unit.view
    if unit.campaign is None:
        return render_site_cards(view, theme), []
    campaign = view.campaigns[0]
    if unit.part == "cards":
        return render_social_campaign(view, theme, campaign), []
    if unit.part == "testimonial-cards":
        return render_testimonial_cards(view, theme, campaign), []
    if unit.part == "loudspeaker":
        if store is None:
            return render_loudspeaker_campaign(view, theme, campaign)
        return render_loudspeaker_campaign(
            view, theme, campaign, _stored_speaker(store), _kept(store, unit.tools)
        )
    if unit.part == "posters":
        return render_print_campaign(view, theme, campaign, leaflet=False)
    if unit.part == "leaflet":
        return render_print_campaign(view, theme, campaign, photos, posters=False)
    if unit.part == "group-kits":
        return render_group_kits(view, theme, campaign), []
    return render_leaders_cards(view, theme, campaign), []


def _stored_speaker(store: OutputStore) -> Speaker:
    """Make audio previews through the store: a script whose text, voice and speed are
    unchanged (the one-minute script, when a testimonial only the longer ones quote was
    edited) keeps its preview instead of running espeak-ng and the encoder again."""
    tools = [code_digest(), shutil.which("espeak-ng") or "", encoders_found()]

    def speaker(text: str, voice: str, speed: int, fmt: str) -> bytes:
        parts = ("audio", *tools, text, voice, speed, fmt)
        return store.remember(parts, lambda: speak(text, voice, speed, fmt))

    return speaker


def _kept(store: OutputStore, tools: str) -> Keep:
    """Keep pieces of a unit's outputs in the store, by their parts and the unit's tools."""

    def keep(parts: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
        return store.remember((tools, *parts), make)

    return keep


def part_view(project: Project, campaign: Campaign, part: str) -> Project:
    """Return the project as one part of a campaign's outputs sees it (see ``PARTS``)."""
    return campaign_view(project, campaign, PARTS[part])


def plan_units(
    project: Project,
    theme: Theme,
    themes: Mapping[str, Theme] | None = None,
    photos: Mapping[str, bytes] | None = None,
) -> list[Unit]:
    """Return the units of a build, each keyed by everything its outputs depend on.

    ``themes``: the campaigns' own themes by name; ``photos``: testimonial photos by name.
    """
    themes, photos = themes or {}, photos or {}
    tools = [
        shutil.which("espeak-ng") or "",
        bool(audio_available()),
        encoders_found(),
        preview_available(),
    ]
    shared = [code_digest(), digest_files(theme.folders), tools]
    site_view = project.model_copy(
        update={
            "campaigns": [],
            "testimonials": {},
            "verses": {},
            "contacts": [],
            "groups": {},
            "progress": {},
            "pages": [],
        }
    )
    units = [Unit(cache_key(*shared, "site", site_view), None, None, site_view)]
    # Every view holds the same site and policy: hashed once, not with each view.
    shared.append(project.model_dump_json(include={"site", "policy"}))
    own_digests = {name: digest_files(own.folders) for name, own in themes.items()}
    for campaign in project.campaigns:
        own = own_digests.get(campaign.theme, "") if campaign.theme else ""
        drawn_with = cache_key(*shared[:3], own)
        for part, needs in PARTS.items():
            view = part_view(project, campaign, part)
            key = cache_key(
                *shared,
                part,
                view.model_dump_json(exclude={"site", "policy"}),
                own,
                _photo_digests(view, photos) if "photos" in needs else [],
            )
            units.append(Unit(key, campaign.id, part, view, drawn_with))
    return units


def _photo_digests(view: Project, photos: Mapping[str, bytes]) -> list[str]:
    names = [t.photo for t in view.testimonials.values()]
    return [hashlib.sha256(photos[n]).hexdigest() for n in names if n is not None and n in photos]


def unit_theme_name(themes: Mapping[str, Theme], unit: Unit) -> str:
    """Return the name of the theme a unit is drawn with: its campaign's own, else "" (the
    site's)."""
    own = unit.view.campaigns[0].theme if unit.campaign is not None else None
    return own if own is not None and own in themes else ""


def unit_theme(theme: Theme, themes: Mapping[str, Theme], unit: Unit) -> Theme:
    """Return the theme a unit is drawn with: its campaign's own, else the site's."""
    return themes.get(unit_theme_name(themes, unit), theme)


@dataclass(frozen=True)
class Shared:
    """What every unit of a build may draw with, handed to each worker process once:
    the themes by name ("" for the site's) and the testimonial photos by name.

    Handed once, not with each unit: a theme is a large object, and what is cached per
    theme in a worker (fonts, templates, card designs) is kept by the theme object, so
    one object per worker keeps those caches to one entry per theme.
    """

    themes: Mapping[str, Theme]
    photos: Mapping[str, bytes]


_WORKER: list[Shared] = []  # in a worker process: what its build handed it


def _start_worker(parent: int, shared: Shared) -> None:
    die_with_parent(parent)
    _WORKER.append(shared)


def _render_in_worker(theme: str, store: OutputStore, unit: Unit, parent: int) -> Entry:
    shared = _WORKER[-1]
    return render_unit(shared.themes[theme], store, unit, parent, shared.photos)


def _executor(count: int, shared: Shared) -> Executor | None:
    workers = min(os.cpu_count() or 1, count)
    if workers < 2:
        return None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), shared),
    )


@dataclass
class Rendering:
    """Units taken from the store, and units still being rendered by worker processes."""

    done: dict[str, Entry]
    pending: dict[str, Future[Entry]]
    executor: Executor | None
    rendered: set[str]


def start_rendering(
    project: Project,
    theme: Theme,
    store: OutputStore,
    shard: set[str] | None = None,
    themes: Mapping[str, Theme] | None = None,
    photos: Mapping[str, bytes] | None = None,
) -> Rendering:
    """Take what the store has; start rendering the rest in worker processes.

    ``shard``: the campaign ids to render (None: all); site-wide units are always rendered.
    """
    done: dict[str, Entry] = {}
    todo: list[Unit] = []
    themes = themes or {}
    for unit in plan_units(project, theme, themes, photos):
        if shard is not None and unit.campaign is not None and unit.campaign not in shard:
            continue
        stored = store.get(unit.key)
        if stored is None:
            todo.append(unit)
        else:
            done[unit.key] = stored
    # The themes that print in this build, each once: WeasyPrint is readied with their fonts.
    printing: dict[int, Theme] = {}
    for unit in todo:
        if unit.part in PRINTED:
            drawn = unit_theme(theme, themes, unit)
            printing[id(drawn)] = drawn
    if printing:
        load_print_engine(printing.values())
    spoken = next((unit for unit in todo if unit.part == "loudspeaker"), None)
    if spoken is not None and len(todo) > 1:
        load_speech_engine(spoken.view, unit_theme(theme, themes, spoken))
    executor = _executor(len(todo), Shared({"": theme, **themes}, photos or {}))
    pending: dict[str, Future[Entry]] = {}
    for unit in todo:
        if executor is None:
            done[unit.key] = render_unit(unit_theme(theme, themes, unit), store, unit, None, photos)
        else:
            pending[unit.key] = executor.submit(
                _render_in_worker,
                unit_theme_name(themes, unit),
                store,
                unit,
                os.getpid(),
            )
    return Rendering(done, pending, executor, {unit.key for unit in todo})


def finish_rendering(
    project: Project, store: OutputStore, rendering: Rendering
) -> tuple[list[Stored], list[str]]:
    """Wait for the workers; return every stored output and the notices for staff."""
    try:
        for key, future in rendering.pending.items():
            rendering.done[key] = future.result()
            store.used.add(key)
    finally:
        if rendering.executor is not None:
            rendering.executor.shutdown(cancel_futures=True)
    entries = rendering.done.values()
    outputs = sorted((s for stored, _ in entries for s in stored), key=lambda s: s.path)
    notices = loudspeaker_notices(project) + [n for _, said in entries for n in said]
    return outputs, list(dict.fromkeys(notices))
