"""The progress file's newest total as a campaign figure, for every output that states one.

Posters, cards, captions and loudspeaker scripts say a campaign's figures; when the
campaign has a progress file, its running total against the summed targets, dated by
the newest report, comes first among them, so what they say is the latest count. The
figure is made once, here, so that no output can disagree with another.
"""

from __future__ import annotations

from generator.i18n import N_, translate
from generator.model import Campaign, Figure, Source
from generator.model.progress import (
    PROGRESS_FIGURE_ID,
    Progress,
    latest_day,
    summed_target,
    total_enrolled,
)

_LABEL = N_("New participants in {place} against the units' summed targets (progress reports)")
_LABEL_NO_TARGET = N_("New participants in {place} (progress reports)")
_SOURCE = N_("Progress reports of the campaign's units")


def with_progress_figure(
    campaign: Campaign, progress: Progress | None, locales: list[str], default_locale: str
) -> Campaign:
    """Return ``campaign`` with its progress total as its first figure (unchanged without one)."""
    if progress is None or any(f.id == PROGRESS_FIGURE_ID for f in campaign.figures):
        return campaign
    target = summed_target(progress)
    place = campaign.locality or campaign.province
    label = _LABEL if target else _LABEL_NO_TARGET
    figure = Figure(
        id=PROGRESS_FIGURE_ID,
        label={lang: translate(label, lang).format(place=place) for lang in locales},
        value=total_enrolled(progress),
        target=target,
        as_of=latest_day(progress),
        source=Source(title=translate(_SOURCE, default_locale)),
    )
    return campaign.model_copy(update={"figures": [figure, *campaign.figures]})
