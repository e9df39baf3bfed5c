"""Regional speech: the sound merges that let two written rhymes rhyme by ear.

Verse is rhymed by ear, and the ear is regional: in the south "an" and "ang",
"mát" and "mác", "rượu" and "ríu" sound alike, so southern verse (hò, Lục Vân
Tiên, ca dao Nam Bộ) rhymes them. ``generator.verse.rhyme`` compares two
syllables as written first; when they do not rhyme it compares them again as
the region says them, using the tables below, and calls a match found only
that way a regional rhyme.

The tables are data, one per region (``north`` is the standard the written
rules describe, so it has none):

- ``SPOKEN_RHYMES``: whole rhymes (main vowel + final) and how they are said,
  e.g. southern "ênh" and "inh" both as "in", "ươu", "ưu" and "iêu" as "iu";
- ``SPOKEN_FINALS``: finals that merge after any other vowel: -n with -ng,
  -t with -c (south and central);
- ``KEEP_FINALS_AFTER``: the front vowels after which -n and -t stay as they
  are (southern "in", "ên", "ít" are not said with -ng, -c).

Initials never matter to rhyme, so the southern v/d/gi merge needs no entry.
Central speech varies most from province to province; its table holds only
the final merges common to Huế and Quảng Nam, to be extended when a verse
needs more.
"""

from __future__ import annotations

from dataclasses import replace

from generator.verse.syllable import Syllable

# (main vowel, final) as written -> (main vowel, final) as said.
SPOKEN_RHYMES: dict[str, dict[tuple[str, str], tuple[str, str]]] = {
    "north": {},
    "central": {
        ("i", "nh"): ("i", "n"),
        ("i", "ch"): ("i", "t"),
    },
    "south": {
        ("i", "nh"): ("i", "n"),
        ("ê", "nh"): ("i", "n"),
        ("i", "ch"): ("i", "t"),
        ("ê", "ch"): ("i", "t"),
        ("ươ", "u"): ("i", "u"),
        ("ư", "u"): ("i", "u"),
        ("iê", "u"): ("i", "u"),
    },
}

# Final as written -> final as said, after any vowel not in KEEP_FINALS_AFTER.
SPOKEN_FINALS: dict[str, dict[str, str]] = {
    "north": {},
    "central": {"n": "ng", "t": "c"},
    "south": {"n": "ng", "t": "c"},
}

KEEP_FINALS_AFTER: frozenset[str] = frozenset({"i", "ê"})


def spoken(syllable: Syllable, region: str) -> Syllable:
    """Return ``syllable`` with its rhyme as ``region`` says it."""
    key = (syllable.nucleus, syllable.final)
    said = SPOKEN_RHYMES.get(region, {}).get(key)
    if said is None:
        final = syllable.final
        if syllable.nucleus not in KEEP_FINALS_AFTER:
            final = SPOKEN_FINALS.get(region, {}).get(final, final)
        said = (syllable.nucleus, final)
    if said == key:
        return syllable
    return replace(syllable, nucleus=said[0], final=said[1])
