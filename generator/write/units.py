"""Render every output besides the web site: per campaign, stored, on every core."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass

from generator.model import Campaign, Project
from generator.model.contacts import contacts_for
from generator.model.theme import Theme
from generator.render import Output
from generator.render.loudspeaker.audio import audio_available, encoders_found
from generator.render.loudspeaker.scripts import loudspeaker_notices, render_loudspeaker_campaign
from generator.render.print.campaign import render_print_campaign
from generator.render.print.engine import preview_available
from generator.render.print.group_kit import render_group_kits
from generator.render.social.leaders import render_leaders_cards
from generator.render.social.render import render_site_cards, render_social_campaign
from generator.write.cache import Entry, OutputStore, Stored, cache_key, code_digest, digest_files
from generator.write.lifeline import die_with_parent, stop_if_orphaned


@dataclass(frozen=True)
class Unit:
    """One piece of rendering whose outputs depend only on what its key hashes."""

    key: str
    campaign: str | None


def render_unit(
    project: Project,
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
    outputs, notices = _render_outputs(project, theme, unit, photos or {})
    if parent is not None:
        stop_if_orphaned(parent)
    return store.put(unit.key, outputs, notices)


def _render_outputs(
    project: Project, theme: Theme, unit: Unit, photos: Mapping[str, bytes]
) -> tuple[list[Output], list[str]]:
    """Render the site-wide cards (no campaign) or one campaign's cards, scripts and posters."""
    if unit.campaign is None:
        return render_site_cards(project, theme), []
    campaign = next(c for c in project.campaigns if c.id == unit.campaign)
    cards = render_social_campaign(project, theme, campaign)
    scripts, notices = render_loudspeaker_campaign(project, theme, campaign)
    posters, print_notices = render_print_campaign(project, theme, campaign, photos)
    kits = render_group_kits(project, theme, campaign)
    leaders = render_leaders_cards(project, theme, campaign)
    return cards + scripts + posters + kits + leaders, notices + print_notices


def _campaign_inputs(project: Project, campaign: Campaign) -> list[object]:
    return [
        campaign,
        [project.testimonials[t] for t in campaign.testimonials if t in project.testimonials],
        [project.verses[v] for v in campaign.verses if v in project.verses],
        contacts_for(campaign, project.contacts),
        project.groups.get(campaign.id, []),
        project.progress.get(campaign.id),
    ]


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
    shared = [code_digest(), digest_files(theme.folders), tools, project.site, project.policy]
    units = [Unit(cache_key(*shared, "site"), None)]
    units += [
        Unit(
            cache_key(
                *shared,
                "campaign",
                *_campaign_inputs(project, c),
                digest_files(themes[c.theme].folders) if c.theme and c.theme in themes else "",
                _photo_digests(project, c, photos),
            ),
            c.id,
        )
        for c in project.campaigns
    ]
    return units


def _photo_digests(project: Project, campaign: Campaign, photos: Mapping[str, bytes]) -> list[str]:
    names = [
        project.testimonials[t].photo for t in campaign.testimonials if t in project.testimonials
    ]
    return [hashlib.sha256(photos[n]).hexdigest() for n in names if n is not None and n in photos]


def unit_theme(project: Project, theme: Theme, themes: Mapping[str, Theme], unit: Unit) -> Theme:
    """Return the theme a unit is drawn with: its campaign's own, else the site's."""
    campaign = next((c for c in project.campaigns if c.id == unit.campaign), None)
    if campaign is None or campaign.theme is None:
        return theme
    return themes.get(campaign.theme, theme)


def _executor(count: int) -> Executor | None:
    workers = min(os.cpu_count() or 1, count)
    if workers < 2:
        return None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
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
    executor = _executor(len(todo))
    pending: dict[str, Future[Entry]] = {}
    for unit in todo:
        if executor is None:
            done[unit.key] = render_unit(
                project, unit_theme(project, theme, themes, unit), store, unit, None, photos
            )
        else:
            pending[unit.key] = executor.submit(
                render_unit,
                project,
                unit_theme(project, theme, themes, unit),
                store,
                unit,
                os.getpid(),
                photos,
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
