"""Words for the codes staff write (regions, payment modes, roles, verse forms).

Each is an English message id, translated through the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.i18n import N_

REGIONS = {
    "north": N_("Northern provinces"),
    "central": N_("Central provinces and the Highlands"),
    "south": N_("Southern provinces"),
}
PAYMENT_MODES = {
    "monthly": N_("Pay every month."),
    "every_3_months": N_("Pay every 3 months."),
    "every_6_months": N_("Pay every 6 months, for example after each rice harvest."),
    "every_12_months": N_("Pay once a year, for example after the main harvest."),
    "years_in_advance": N_("Pay several years in advance, at a lower total."),
    "lump_sum": N_(
        "Close to retirement age: pay the missing years at once (at most 5 years) "
        "to receive a pension."
    ),
}
ROLES = {
    "pensioner": N_("pensioner"),
    "participant": N_("participant"),
    "agent": N_("collection agent"),
    "official": N_("social insurance officer"),
}
VERSE_FORMS = {
    "luc_bat": N_("lục bát"),
    "song_that_luc_bat": N_("song thất lục bát"),
    "ve": N_("vè"),
    "ho": N_("hò"),
    "vong_co": N_("vọng cổ"),
    "free": N_("free verse"),
}
USES = {
    "web": N_("the web pages"),
    "print": N_("print"),
    "social": N_("social media"),
    "loudspeaker": N_("loudspeakers"),
}
LABELS = {
    "region": REGIONS,
    "mode": PAYMENT_MODES,
    "role": ROLES,
    "form": VERSE_FORMS,
    "use": USES,
}


def label(kind: str, code: str, translate: Callable[[str], str]) -> str:
    """Return the words for a code, e.g. ``label("mode", "monthly", _)``."""
    return translate(LABELS[kind][code])
