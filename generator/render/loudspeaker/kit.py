"""The theme's loudspeaker kit (settings, formulas, words), read once per build."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.i18n import N_, translator
from generator.model import Campaign
from generator.model.loudspeaker import Formulas, Settings
from generator.model.region import Region
from generator.model.theme import Theme
from generator.text.format import format_day, format_number

LANGUAGE = "vi"
WORDS = re.compile(r"\w+")
DAY_NAMES = {
    "mon": N_("Monday"),
    "tue": N_("Tuesday"),
    "wed": N_("Wednesday"),
    "thu": N_("Thursday"),
    "fri": N_("Friday"),
    "sat": N_("Saturday"),
    "sun": N_("Sunday"),
}
VOICE_NAMES = {"north": N_("Northern"), "central": N_("Central"), "south": N_("Southern")}
PART_NAMES = {
    "opening": N_("Opening"),
    "headline": N_("Headline"),
    "summary": N_("Summary"),
    "message": N_("Message"),
    "figure": N_("Figure"),
    "testimonial": N_("Testimonial"),
    "myth": N_("Myth and fact"),
    "join_short": N_("How to join"),
    "join": N_("How to join"),
    "health": N_("Household health insurance"),
    "benefit": N_("Benefit"),
    "verse": N_("Verse"),
    "hotline": N_("Hotline"),
    "closing": N_("Closing"),
}


@dataclass(frozen=True)
class Kit:
    """What every loudspeaker output of a build needs from the theme, read once."""

    theme: Theme
    settings: Settings
    formulas: dict[Region, Formulas]
    abbreviations: dict[str, str] | None
    translate: Callable[[str], str]


def load_kit(theme: Theme, locale: str = LANGUAGE) -> Kit:
    """Gather the theme's validated loudspeaker data and the locale's translations."""
    design = theme.loudspeaker
    return Kit(
        theme,
        design.settings,
        design.formulas,
        design.abbreviations,
        translator(locale, theme.locale_dirs),
    )


def duration_words(seconds: float, translate: Callable[[str], str]) -> str:
    """Write a duration as '2 phút 05 giây'."""
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return translate("{seconds} s").format(seconds=rest)
    return translate("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{rest:02d}")


def _either(items: Sequence[str], translate: Callable[[str], str]) -> str:
    if len(items) == 1:
        return items[0]
    return translate("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def schedule_words(
    campaign: Campaign, translate: Callable[[str], str], locale: str = LANGUAGE
) -> dict[str, str]:
    """Describe a campaign's broadcasts in words: days, times, repeats, period."""
    plan = campaign.loudspeaker
    return {
        "days": _either([translate(DAY_NAMES[day]) for day in plan.days], translate),
        "times": _either(list(plan.times), translate),
        "repeats": format_number(plan.repeats, locale),
        "start": format_day(campaign.period.start, locale),
        "end": format_day(campaign.period.end, locale),
    }
