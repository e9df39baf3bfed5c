"""The card that thanks the leading groups of the last 30 days of progress reports.

For a campaign with ``social`` among its outputs and a progress file, one square card
per locale, ``social/<locale>/<campaign>/leading-groups.<digest>.png`` (layout
``social/layouts/leading-groups.yml``): the three units with the most new participants
in the last 30 days of reports (only the campaign's outreach groups when it lists
some in ``content/groups/``), by name and count. Units are offices, communes, groups or
agents: never residents.
"""

from __future__ import annotations

from generator.model import Campaign, Project
from generator.model.progress import Progress, latest_day, leading_units, period_start
from generator.model.theme import Theme
from generator.render import Output
from generator.render.social.design import card_design
from generator.render.social.render import Card, Content, card_folder, render_card
from generator.text.format import format_day, format_number

LAYOUT = "leading-groups"
# A unit's name on the card: with «1. » and «: 12.345 new participants» it fits two lines.
UNIT_ON_CARD = 36


def _ranked(project: Project, campaign: Campaign, progress: Progress) -> list[tuple[str, int]]:
    groups = {group.name for group in project.groups.get(campaign.id, [])}
    if groups:
        progress = progress.model_copy(
            update={"reports": [r for r in progress.reports if r.unit in groups]}
        )
    return leading_units(progress) if progress.reports else []


def short_unit(unit: str) -> str:
    """Return a unit's name cut at a word to ``UNIT_ON_CARD`` characters, with «…».

    The line's box cuts what overflows at its end, and there the count would be lost.
    """
    if len(unit) <= UNIT_ON_CARD:
        return unit
    cut = unit[: UNIT_ON_CARD - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;:-") + "…"


def leaders_slots(
    content: Content,
    campaign: Campaign,
    progress: Progress,
    ranked: list[tuple[str, int]],
    groups: bool,
) -> dict[str, str]:
    """Return the card's texts in the content's locale; ``groups``: the units are groups."""
    _, locale = content._, content.locale
    slots = content.campaign_slots(campaign)
    latest = latest_day(progress)
    since = max(period_start(progress), campaign.period.start)
    slots.update(
        {
            "brand": _("Voluntary social insurance · Household health insurance"),
            "kicker": _("Leading groups") if groups else _("Leading units"),
            "period": f"{format_day(since, locale)} – {format_day(latest, locale)}",
            "thanks": _("Thank you for going from lane to lane, from door to door!"),
        }
    )
    for place, (unit, count) in enumerate(ranked, start=1):
        slots[f"leader_{place}"] = _("{place}. {unit}: {count} new participants").format(
            place=place, unit=short_unit(unit), count=format_number(count, locale)
        )
    return slots


def render_leaders_cards(project: Project, theme: Theme, campaign: Campaign) -> list[Output]:
    """Return the leading-groups card of ``campaign`` in every locale (none without one)."""
    progress = project.progress.get(campaign.id)
    if progress is None or "social" not in campaign.outputs:
        return []
    ranked = _ranked(project, campaign, progress)
    if not ranked:
        return []
    design = card_design(theme)
    if LAYOUT not in design.layouts:  # a theme of its own, without this card
        return []
    outputs = []
    for locale in project.site.locales:
        content = Content(project, locale)
        groups = bool(project.groups.get(campaign.id))
        slots = leaders_slots(content, campaign, progress, ranked, groups)
        card = Card(LAYOUT, LAYOUT, slots)
        outputs.append(
            render_card(design, card, card_folder(locale, campaign.id), campaign.id, locale)
        )
    return outputs
