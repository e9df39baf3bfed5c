"""A campaign's page: what to do first, how much, where to join, its figures and voices."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup

from generator.i18n import translator
from generator.model import Campaign, Project, Testimonial
from generator.model.contacts import ContactPoint, by_commune, contacts_for, nearest
from generator.model.policy import current_voluntary
from generator.model.progress import PROGRESS_FIGURE_ID
from generator.model.theme import Theme
from generator.render.social.render import og_image
from generator.render.views import (
    FigureView,
    LocaleText,
    contribution_sentence,
    locale_prefix,
    templates,
    view_figure,
)
from generator.render.web.calculator import calculator_context
from generator.render.web.charts import progress_svg
from generator.render.web.context import page_context, published, renderer, verse_html
from generator.render.web.listen import spoken_page
from generator.render.web.media import Picture
from generator.render.web.progress import progress_line
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import label

# How many contact points the first screen names; the rest are listed lower.
FIRST_SCREEN_PLACES = 2
# What of the project each kind of page reads besides the site and the policy (a campaign
# page also reads its campaign; see ``render.views.campaign_view``).
CAMPAIGN_PAGE_NEEDS = frozenset({"testimonials", "verses", "contacts", "progress"})


def campaign_page(
    view: Project,
    theme: Theme,
    locale: str,
    photos: Mapping[str, Picture],
    calculator: Markup,
    card_theme: Theme,
) -> str:
    """Return the page of the one campaign of ``view`` (``campaign_view`` with
    ``CAMPAIGN_PAGE_NEEDS``); ``calculator`` is the contribution calculator's HTML."""
    testimonials = {k: v for k, v in view.testimonials.items() if published(v)}
    context = _campaign_context(
        view, theme, view.campaigns[0], locale, testimonials, calculator, card_theme
    )
    return renderer(view, theme, locale, photos)("campaign.md.j2", **context)


def _campaign_context(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    locale: str,
    testimonials: dict[str, Testimonial],
    calculator_html: Markup,
    card_theme: Theme,
) -> dict[str, Any]:
    _ = translator(locale, theme.locale_dirs)
    text = LocaleText(locale, project.site.default_locale)
    page_url = f"{project.site.base_url}{locale_prefix(project, locale)}campaigns/{campaign.id}/"
    views = [view_figure(f) for f in campaign.figures if f.id != PROGRESS_FIGURE_ID]
    chosen = [testimonials[t] for t in campaign.testimonials if t in testimonials]
    voluntary = current_voluntary(project.policy)
    points = contacts_for(campaign, project.contacts)
    sentences = [
        text.plain(campaign.headline or campaign.title),
        contribution_sentence(voluntary, locale, _),
        *(label("mode", mode, _) for mode in campaign.payment_modes),
        *_places_sentences(points, _),
        _("Questions? Call the hotline") + " " + project.site.hotline,
        *(text.plain(m) for m in campaign.messages),
        text.plain(campaign.title),
        text.plain(campaign.summary),
        *(figure_sentence(v, text, locale, _) for v in views),
    ]
    return {
        "campaign": campaign,
        "headline": text(campaign.headline or campaign.title),
        "contacts": points,
        "contact_groups": by_commune(points),
        "nearest": nearest(points, FIRST_SCREEN_PLACES),
        "figures": views,
        "testimonials": chosen,
        "verses": [
            (project.verses[v], verse_html(project.verses[v], locale)) for v in campaign.verses
        ],
        "policy": project.policy,
        "contribution": contribution_sentence(voluntary, locale, _),
        "voluntary": voluntary,
        "page_url": page_url,
        "share_title": text.plain(campaign.headline or campaign.title),
        "og_image": og_image(project, card_theme, locale, campaign),
        "speech": Markup(spoken_page(sentences, locale, campaign.region)),
        "charts": {v.figure.id: _chart(v, text, locale, _) for v in views},
        "calculator_html": calculator_html,
        "progress_line": progress_line(project, campaign, locale, _),
    }


def _places_sentences(points: list[ContactPoint], _: Callable[[str], str]) -> list[str]:
    """Say where to join, for the page read aloud: the nearest points by name."""
    if not points:
        return []
    names = ", ".join(point.name for point in nearest(points))
    return [_("Where to join: {places}.").format(places=names)]


def figure_sentence(
    view: FigureView, text: LocaleText, locale: str, _: Callable[[str], str]
) -> str:
    """Say one figure in a sentence: value, share of the plan, date."""
    f = view.figure
    value = format_amount(f.value, locale) if f.unit == "vnd" else format_number(f.value, locale)
    parts = [f"{text.plain(f.label)}: {value}"]
    if view.percent_of_target is not None:
        parts.append(
            _("{percent} of plan reached").format(
                percent=format_percent(view.percent_of_target, locale)
            )
        )
    parts.append(_("As of {date}.").format(date=format_day(f.as_of, locale)))
    return ", ".join(parts[:-1]) + ". " + parts[-1]


def _chart(view: FigureView, text: LocaleText, locale: str, _: Callable[[str], str]) -> Markup:
    if not view.figure.target:
        return Markup("")
    return progress_svg(
        text.plain(view.figure.label),
        view.figure.value,
        view.figure.target,
        figure_sentence(view, text, locale, _),
        f"chart-{view.figure.id}",
    )


def calculator_html(project: Project, theme: Theme, locale: str) -> Markup:
    env = templates(theme, "templates/web", "markdown")
    context = page_context(project, theme, locale)
    return Markup(
        env.get_template("partials/calculator.html.j2").render(
            **context,
            policy=project.policy,
            calculator=calculator_context(project.policy, locale),
            calculator_heading=False,
        )
    )
