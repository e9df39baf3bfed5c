"""What a loudspeaker script can say: the written text of every possible part.

Each part is written by a template of ``themes/<name>/loudspeaker/parts/``
from the campaign, its figures and testimonials, the verses it uses and the
newest rules of ``content/policy.yml``; amounts are computed, never typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.model import (
    Campaign,
    Figure,
    Project,
    Source,
    Testimonial,
)
from generator.model.policy import current_health, current_voluntary
from generator.model.theme import Theme
from generator.render.views import LocaleText, templates, view_figure
from generator.text.format import format_day, format_number, format_percent
from generator.verse.layout import verse_speech_lines

LANGUAGE = "vi"
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_QUALIFIER = re.compile(r"\b(trên|hơn|khoảng|gần|chừng|xấp xỉ)\b", re.IGNORECASE)
_COUNTED = ("Người ", "Hộ ", "Lượt ")


@dataclass(frozen=True)
class FigureWords:
    """A figure and the words of its sentence, made from its label."""

    figure: Figure
    subject: str
    qualifier: str
    goal: str
    share: Decimal | None
    change: int | None
    same_date: bool = False


def figure_words(figure: Figure, text: LocaleText) -> FigureWords:
    """Make the subject of a figure's sentence from its label.

    "Người tham gia BHXH tự nguyện ở huyện Cao Lãnh so với kế hoạch năm 2021"
    gives "số người tham gia BHXH tự nguyện ở huyện Cao Lãnh" and the goal
    "kế hoạch năm 2021"; a note in brackets is dropped, except a word such as
    "trên" or "khoảng" that qualifies the number.
    """
    label = text.plain(figure.label)
    notes = " ".join(_PARENTHESIS.findall(label))
    core = " ".join(_PARENTHESIS.sub("", label).split())
    core, _sep, goal = core.partition(" so với ")
    if core.startswith(_COUNTED):
        core = "số " + core[0].lower() + core[1:]
    qualifier = _QUALIFIER.search(notes)
    view = view_figure(figure)
    return FigureWords(
        figure,
        core,
        qualifier.group(1).lower() + " " if qualifier else "",
        goal or "kế hoạch",
        view.percent_of_target,
        view.change,
    )


def _figure_order(words: FigureWords) -> tuple[int, int]:
    """Figures measured against a target first, then those with a change, then the rest."""
    return (words.share is None, words.change is None)


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


def part_context(project: Project, campaign: Campaign, region: str) -> dict[str, Any]:
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
        "num": lambda value: format_number(value, LANGUAGE),
        "pct": lambda value: format_percent(Decimal(value), LANGUAGE),
        "day": lambda value: format_day(value, LANGUAGE),
        "either": _either,
        "pick": _pick,
    }


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
    project: Project, theme: Theme, campaign: Campaign, region: str, formulas: tuple[str, str]
) -> dict[str, list[tuple[str, str]]]:
    """Return the written text and source of every part the campaign could use, by kind.

    ``formulas`` are the region's opening and closing.
    """
    env = templates(theme, "loudspeaker")
    context = part_context(project, campaign, region)
    text = LocaleText(LANGUAGE, project.site.default_locale)
    policy, health = context["policy"], context["health"]

    def render(kind: str, **extra: Any) -> str:
        raw = env.get_template(f"parts/{kind}.txt.j2").render(**context, **extra)
        return " ".join(raw.split())

    figures = sorted((figure_words(f, text) for f in campaign.figures), key=_figure_order)
    figures = [
        replace(f, same_date=i > 0 and figures[i - 1].figure.as_of == f.figure.as_of)
        for i, f in enumerate(figures)
    ]
    verses = [project.verses[name] for name in campaign.verses if name in project.verses]
    return {
        "opening": [(" ".join(formulas[0].split()), "")],
        "closing": [(" ".join(formulas[1].split()), "")],
        "headline": [(render("headline"), "")],
        "summary": [(render("summary"), "")],
        "message": [(render("message", item=m), "") for m in campaign.messages],
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
            (render("verse", item=v) + "\n" + "\n".join(verse_speech_lines(v)), "") for v in verses
        ],
        "hotline": [(render("hotline"), "")],
    }
