"""How a commune announcer words things: kinship terms for people, the region's words.

A loudspeaker names people as neighbours do, with a kinship term ("chị Lê Thị
Như Trúc"): the testimonial's ``salutation``, else one derived from the name and
role (see ``salutation_of``), else none and a notice asking staff for it.

The words of ``loudspeaker/defaults.yml`` and of the region in
``loudspeaker/regions.yml`` replace words of the script's own sentences (the
web's "bạn" becomes "bà con"; "ốm" becomes "bệnh" in the South). Quotations and
verse lines are never changed: they are someone's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from generator.i18n import _
from generator.model import Testimonial

KINSHIP = ("chị", "anh", "cô", "chú", "bà", "ông", "em", "bác", "cụ")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def salutation_of(testimonial: Testimonial) -> str | None:
    """Return the kinship term for a testimonial's person, or None if it cannot be known.

    Written ``salutation`` first. Otherwise a Vietnamese middle name tells the
    usual gender ("Thị" a woman, "Văn" a man), and a pensioner is an elder:
    bà or ông; anyone else chị or anh. A name that already starts with a kinship
    term ("Chị A") needs none.
    """
    if testimonial.salutation is not None:
        return testimonial.salutation
    words = testimonial.name.split()
    middle = {word.lower() for word in words[1:-1]}
    elder = testimonial.role == "pensioner"
    if "thị" in middle:
        return "bà" if elder else "chị"
    if "văn" in middle:
        return "ông" if elder else "anh"
    return None


def spoken_name(testimonial: Testimonial) -> str:
    """Return the name as an announcer says it: "chị Lê Thị Như Trúc"."""
    term = None if _titled(testimonial.name) else salutation_of(testimonial)
    return f"{term} {testimonial.name}" if term else testimonial.name


def salutation_notices(testimonials: Iterable[Testimonial]) -> list[str]:
    """Ask staff for a ``salutation`` where no kinship term could be found."""
    return [
        _(
            "testimonial «{id}»: the loudspeaker names {name} without a kinship term; "
            "add «salutation:» (chị, anh, cô, chú, bà, ông or em) to its file"
        ).format(id=t.id, name=t.name)
        for t in testimonials
        if salutation_of(t) is None and not _titled(t.name)
    ]


def _titled(name: str) -> bool:
    """Say whether a name already starts with a kinship term ("Chị A")."""
    first = name.split()[:1]
    return bool(first) and first[0].lower() in KINSHIP


def word_pattern(words: Mapping[str, str]) -> re.Pattern[str] | None:
    """Compile the words to replace, longest first, as whole words in any case."""
    if not words:
        return None
    keys = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(key) for key in keys)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def apply_words(text: str, words: Mapping[str, str], pattern: re.Pattern[str] | None) -> str:
    """Replace the table's words in ``text``, outside quotations, keeping a capital."""
    if pattern is None:
        return text
    lower = {key.lower(): value for key, value in words.items()}

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        value = lower[found.lower()]
        return value[:1].upper() + value[1:] if found[:1].isupper() else value

    pieces, start = [], 0
    for quoted in _QUOTED.finditer(text):
        pieces.append(pattern.sub(swap, text[start : quoted.start()]))
        pieces.append(quoted.group(0))
        start = quoted.end()
    pieces.append(pattern.sub(swap, text[start:]))
    return "".join(pieces)
