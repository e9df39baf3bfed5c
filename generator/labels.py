"""Words for the codes staff write (regions, payment modes, roles, verse forms).

Each is an English message id, translated through the catalogs.
"""

from __future__ import annotations

REGIONS = {
    "north": "Northern provinces",
    "central": "Central provinces and the Highlands",
    "south": "Southern provinces",
}
PAYMENT_MODES = {
    "monthly": "Pay every month.",
    "every_3_months": "Pay every 3 months.",
    "every_6_months": "Pay every 6 months, for example after each rice harvest.",
    "every_12_months": "Pay once a year, for example after the main harvest.",
    "years_in_advance": "Pay several years in advance, at a lower total.",
    "lump_sum": (
        "Close to retirement age: pay the missing years at once (at most 5 years) "
        "to receive a pension."
    ),
}
ROLES = {
    "pensioner": "pensioner",
    "participant": "participant",
    "agent": "collection agent",
    "official": "social insurance officer",
}
VERSE_FORMS = {
    "luc_bat": "lục bát",
    "song_that_luc_bat": "song thất lục bát",
    "ve": "vè",
    "ho": "hò",
    "vong_co": "vọng cổ",
    "free": "free verse",
}
LABELS = {"region": REGIONS, "mode": PAYMENT_MODES, "role": ROLES, "form": VERSE_FORMS}
