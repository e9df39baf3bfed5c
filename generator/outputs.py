"""Render every output besides the web site: per campaign, cached, on every core."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass

from generator.cache import OutputCache, cache_key, code_digest, digest_files
from generator.model import Campaign, Project
from generator.render import Output
from generator.render.audio import audio_available, mp3_encoder
from generator.render.loudspeaker import loudspeaker_notices, render_loudspeaker_campaign
from generator.render.social import render_site_cards, render_social_campaign
from generator.theme import Theme

Rendered = tuple[list[Output], list[str]]


@dataclass(frozen=True)
class Unit:
    """One piece of rendering whose outputs depend only on what its key hashes."""

    key: str
    campaign: str | None


def render_unit(project: Project, theme: Theme, campaign_id: str | None) -> Rendered:
    """Render the site-wide cards (no campaign) or one campaign's cards and scripts."""
    if campaign_id is None:
        return render_site_cards(project, theme), []
    campaign = next(c for c in project.campaigns if c.id == campaign_id)
    outputs = render_social_campaign(project, theme, campaign)
    scripts, notices = render_loudspeaker_campaign(project, theme, campaign)
    return outputs + scripts, notices


def _campaign_inputs(project: Project, campaign: Campaign) -> list[object]:
    return [
        campaign,
        [project.testimonials[t] for t in campaign.testimonials if t in project.testimonials],
        [project.verses[v] for v in campaign.verses if v in project.verses],
    ]


def plan_units(project: Project, theme: Theme) -> list[Unit]:
    """Return the units of a build, each keyed by everything its outputs depend on."""
    tools = [shutil.which("espeak-ng") or "", bool(audio_available()), mp3_encoder() or []]
    shared = [code_digest(), digest_files(theme.folders), tools, project.site, project.policy]
    units = [Unit(cache_key(*shared, "site"), None)]
    units += [
        Unit(cache_key(*shared, "campaign", *_campaign_inputs(project, c)), c.id)
        for c in project.campaigns
    ]
    return units


def _executor(count: int) -> Executor | None:
    workers = min(os.cpu_count() or 1, count)
    if workers < 2:
        return None
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def start_rendering(
    project: Project, theme: Theme, cache: OutputCache
) -> tuple[dict[str, Rendered], dict[str, Future[Rendered]], Executor | None]:
    """Take what the cache has; start rendering the rest in worker processes."""
    done: dict[str, Rendered] = {}
    todo: list[Unit] = []
    for unit in plan_units(project, theme):
        cached = cache.get(unit.key)
        if cached is None:
            todo.append(unit)
        else:
            done[unit.key] = cached
    executor = _executor(len(todo))
    pending: dict[str, Future[Rendered]] = {}
    for unit in todo:
        if executor is None:
            done[unit.key] = render_unit(project, theme, unit.campaign)
            cache.put(unit.key, done[unit.key])
        else:
            pending[unit.key] = executor.submit(render_unit, project, theme, unit.campaign)
    return done, pending, executor


def finish_rendering(
    project: Project,
    cache: OutputCache,
    done: dict[str, Rendered],
    pending: dict[str, Future[Rendered]],
    executor: Executor | None,
) -> Rendered:
    """Wait for the workers, store their work in the cache; return all outputs and notices."""
    try:
        for key, future in pending.items():
            done[key] = future.result()
            cache.put(key, done[key])
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    outputs = sorted((o for made, _ in done.values() for o in made), key=lambda o: o.path)
    notices = loudspeaker_notices(project) + [n for _, said in done.values() for n in said]
    return outputs, list(dict.fromkeys(notices))
