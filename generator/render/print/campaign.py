"""A campaign's printed matter: its posters and its leaflet, with their previews."""

from __future__ import annotations

from collections.abc import Mapping

from generator.i18n import _
from generator.model import Campaign, Project
from generator.model.theme import Theme
from generator.render import Output
from generator.render.print.engine import preview_available
from generator.render.print.leaflet import render_leaflet
from generator.render.print.poster import render_posters


def render_print_campaign(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    photos: Mapping[str, bytes] | None = None,
    posters: bool = True,
    leaflet: bool = True,
) -> tuple[list[Output], list[str]]:
    """Return a campaign's posters and leaflet (none without "print"), and notices for staff.

    ``photos`` holds the testimonial photos by the name staff wrote (``content/media/``);
    ``posters`` and ``leaflet`` say which of the two to make.
    """
    if "print" not in campaign.outputs:
        return [], []
    outputs, notices = render_leaflet(project, theme, campaign, photos) if leaflet else ([], [])
    outputs = (render_posters(project, theme, campaign) if posters else []) + outputs
    if not preview_available():
        notices.append(_("pdftoppm is not installed: posters and leaflets have no PNG preview"))
    return outputs, notices
