"""What a loudspeaker script can say: the written text of every possible part.

Each part is written by a template of ``themes/<name>/loudspeaker/parts/``
from the campaign, its figures and testimonials, the verses it uses and the
newest rules of ``content/policy.yml``; amounts are computed, never typed.
The script's own sentences then take the words of the theme and the region
(``wording``); quotations and verses keep theirs.

What residents hear first after the opening (the ``headline`` part) is never
the campaign's title, which names the office's work ("truyền thông nhóm nhỏ
cuối tuần"): it is the campaign's ``headline`` when the model has one, else its
first key message (written for residents), which the message parts then skip;
only a campaign without messages falls back to its title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.model import Campaign, LocalizedText, Project, Source, Testimonial
from generator.model.contacts import contacts_for, nearest
from generator.model.loudspeaker import Formulas, Settings
from generator.model.policy import current_health, current_voluntary
from generator.model.theme import Theme
from generator.render.loudspeaker.figures import (
    approximately,
    figure_order,
    figure_words,
    round_for_ear,
    round_percent,
    said_alike,
)
from generator.render.loudspeaker.recital import recital_lines
from generator.render.loudspeaker.wording import apply_words, spoken_name, word_pattern
from generator.render.views import LocaleText, templates
from generator.text.format import format_day, format_number, format_percent

LANGUAGE = "vi"

# How many contact points a broadcast names: more is not remembered.
SPOKEN_PLACES = 3


def support_amounts(project: Project) -> dict[str, tuple[Decimal, int]]:
    """Return each support group's percentage and its monthly amount in đồng."""
    policy = current_voluntary(project.policy)
    base = Decimal(policy.state_support.base) * policy.contribution_rate_percent / 100
    return {
        group: (percent, _dong(base * percent / 100))
        for group, percent in policy.state_support.groups.items()
    }


def _dong(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _either(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " hoặc " + items[-1]


def _pick(table: Mapping[str, str], codes: Sequence[str]) -> list[str]:
    return [table[code] for code in codes if code in table]


def part_context(
    project: Project, campaign: Campaign, region: str, settings: Settings
) -> dict[str, Any]:
    """Return what every part template sees."""
    text = LocaleText(LANGUAGE, project.site.default_locale)
    policy = current_voluntary(project.policy)
    health = current_health(project.policy)
    first = Decimal(health.base_salary) * health.rate_percent / 100
    return {
        "site": project.site,
        "campaign": campaign,
        "region": region,
        "plain": text.plain,
        "policy": policy,
        "health": health,
        "minimum": _dong(Decimal(policy.income_floor) * policy.contribution_rate_percent / 100),
        "support": support_amounts(project),
        "amounts": [_dong(first * share / 100) for share in health.member_percent],
        "modes": campaign.payment_modes or policy.payment_modes,
        "places": spoken_places(project, campaign),
        "num": _number,
        "pct": lambda value: format_percent(Decimal(value), LANGUAGE),
        "day": lambda value: format_day(value, LANGUAGE),
        "either": _either,
        "pick": _pick,
        "name": spoken_name,
        **figure_sayers(settings.round_figures),
    }


def spoken_places(project: Project, campaign: Campaign) -> list[str]:
    """Say where to go: «tại» an office, «gặp» a person; the nearest real points only."""
    real = [p for p in contacts_for(campaign, project.contacts) if not p.example]
    return [
        f"{'gặp' if point.person else 'tại'} {point.name}" for point in nearest(real, SPOKEN_PLACES)
    ]


def _number(value: int | Decimal) -> str:
    return format_number(value, LANGUAGE)


def figure_sayers(rounding: bool) -> dict[str, Any]:
    """Return the template functions that write a figure for the ear, rounded or not.

    ``count(value, qualifier)`` a reported count ("gần 19.000"), ``about(value)``
    a computed amount in đồng ("khoảng 74.000"), ``share(percent)`` a computed
    percentage ("gần 88%"); without rounding they write the exact number.
    """

    def count(value: int, qualifier: str = "") -> str:
        rounded = round_for_ear(value) if rounding else value
        return approximately(Decimal(value), Decimal(rounded), qualifier) + _number(rounded)

    def about(value: int) -> str:
        rounded = round_for_ear(value) if rounding else value
        return ("khoảng " if rounded != value else "") + _number(rounded)

    def share(value: Decimal) -> str:
        rounded = round_percent(value) if rounding else value
        return approximately(value, rounded) + format_percent(rounded, LANGUAGE)

    return {"count": count, "about": about, "share": share}


def resident_headline(campaign: Campaign) -> tuple[LocalizedText, int]:
    """Return what residents hear first, and how many key messages it used (0 or 1)."""
    # A resident-facing `headline` field is planned for campaigns; read it once it exists.
    headline: LocalizedText | None = getattr(campaign, "headline", None)
    if headline:
        return headline, 0
    if campaign.messages:
        return campaign.messages[0], 1
    return campaign.title, 0


def loudspeaker_testimonials(project: Project, campaign: Campaign) -> list[Testimonial]:
    """The campaign's testimonials whose consent covers loudspeaker broadcasts."""
    found = (project.testimonials.get(name) for name in campaign.testimonials)
    return [
        t for t in found if t is not None and t.consent.given and "loudspeaker" in t.consent.scope
    ]


def _source(source: Source) -> str:
    day = format_day(source.date, LANGUAGE) if source.date else None
    parts = [source.title, source.publisher, day]
    return ", ".join(part for part in parts if part)


def _legal(basis: Sequence[str]) -> str:
    return "; ".join(basis)


def written_candidates(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    settings: Settings,
    formula: Formulas,
) -> dict[str, list[tuple[str, str]]]:
    """Return the written text and source of every part the campaign could use, by kind.

    ``formula`` is the region's: its opening, closing and words.
    """
    env = templates(theme, "loudspeaker")
    context = part_context(project, campaign, campaign.region, settings)
    text = LocaleText(LANGUAGE, project.site.default_locale)
    policy, health = context["policy"], context["health"]
    words = {**settings.words, **formula.words}
    pattern = word_pattern(words)

    def render(kind: str, **extra: Any) -> str:
        raw = env.get_template(f"parts/{kind}.txt.j2").render(**context, **extra)
        return apply_words(" ".join(raw.split()), words, pattern)

    def said(raw: str) -> str:
        return apply_words(" ".join(raw.split()), words, pattern)

    figures = sorted(
        (figure_words(f, text, campaign.period.start) for f in campaign.figures),
        key=figure_order,
    )
    figures = [
        replace(f, same_date=i > 0 and said_alike(figures[i - 1], f)) for i, f in enumerate(figures)
    ]
    headline, used = resident_headline(campaign)
    verses = [project.verses[name] for name in campaign.verses if name in project.verses]
    return {
        "opening": [(said(formula.opening), "")],
        "closing": [(said(formula.closing), "")],
        "headline": [(render("headline", line=headline), "")],
        "summary": [(render("summary"), "")],
        "message": [(render("message", item=m), "") for m in campaign.messages[used:]],
        "figure": [(render("figure", item=f), _source(f.figure.source)) for f in figures],
        "testimonial": [
            (render("testimonial", item=t), _source(t.source))
            for t in loudspeaker_testimonials(project, campaign)
        ],
        "myth": [(render("myth", item=m), m.legal_basis or "") for m in project.policy.myths],
        "join_short": [(render("join_short"), _legal(policy.legal_basis))],
        "join": [(render("join"), _legal(policy.legal_basis))],
        "health": [(render("health"), _legal(health.legal_basis))],
        "benefit": [(render("benefit", item=b), b.legal_basis) for b in project.policy.benefits],
        "verse": [
            (render("verse", item=v) + "\n" + "\n".join(recital_lines(v)), "") for v in verses
        ],
        "hotline": [(render("hotline"), "")],
    }
