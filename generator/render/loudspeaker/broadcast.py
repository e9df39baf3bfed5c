"""Broadcast scripts: the parts of a loudspeaker bulletin, their spoken form and timing.

A script is a list of parts (opening, headline, messages, figures, how to join,
verses, the hotline, closing...). Each part is written from a template in
``themes/<name>/loudspeaker/parts/``, turned into its spoken form by
``generator.speech.normalize`` and timed at the reading rate. The scripts of
about 1, 3 and 5 minutes are filled by choosing parts, never by changing the rate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model import Campaign, Project
from generator.model.loudspeaker import Formulas, LengthPlan, Settings
from generator.model.region import Region
from generator.model.theme import Theme
from generator.render.loudspeaker.parts import written_candidates
from generator.speech import SpeechWarning, count_syllables, normalize

_SENTENCE = re.compile(r"[.!?](?=\s|$|[”\"»)])")
_CLAUSE = re.compile(r"[:;…]")
_COMMA = re.compile(r",")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)\s*(?=([.,;:!?…])?)")
_DOUBLE_PUNCT = re.compile(r",\s*(?=[,.;:!?…])")
_RUN_ON = re.compile(r"[,;:]$")
_LINE_END = re.compile(r"[.!?…][”\"»]?$")
_SENTENCE_START = re.compile(r"(^|[.!?][”\"»]?\s+|:\s+(?=[“\"«]))([“\"«]?)(\w)")


@dataclass(frozen=True)
class Part:
    """One part of a script: what is written, what is said, and how long it takes."""

    kind: str
    written: str
    spoken: str
    syllables: int
    seconds: float
    warnings: tuple[SpeechWarning, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Script:
    """A broadcast script of one length for one campaign."""

    campaign: Campaign
    length: LengthPlan
    region: Region
    rate: int
    parts: tuple[Part, ...]
    seconds: float

    @property
    def spoken_text(self) -> str:
        """The whole spoken form, parts separated by a blank line."""
        return "\n\n".join(part.spoken for part in self.parts)

    @property
    def syllables(self) -> int:
        return sum(part.syllables for part in self.parts)


def speak_lines(text: str) -> str:
    """Make spoken text safe for a voice: brackets become commas, every line ends audibly.

    A line ends a sentence, except that a line followed by another may end with
    a comma, a semicolon or a colon (a verse's 6-syllable line runs on into its
    8); the last line always ends a sentence. Sentences, quotations and lines
    start with a capital letter, also where the normalizer expanded an
    abbreviation ("BHXH tự nguyện là..." → "Bảo hiểm xã hội..."), because voices
    such as espeak-ng take a full stop before a small letter for an
    abbreviation and do not pause there.
    """
    text = _OPEN_BRACKET.sub(", ", text)
    text = _CLOSE_BRACKET.sub(lambda m: "" if m.group(1) else ", ", text)
    found = [_DOUBLE_PUNCT.sub("", line).strip() for line in text.split("\n")]
    found = [line for line in found if line.strip(",;: ")]
    lines = []
    for index, line in enumerate(found):
        runs_on = index < len(found) - 1 and _RUN_ON.search(line)
        if not runs_on:
            line = line.rstrip(",;:").strip()
            line = line if _LINE_END.search(line) else line + "."
        lines.append(_SENTENCE_START.sub(_capital, line))
    return "\n".join(lines)


def _capital(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2) + match.group(3).upper()


def pause_seconds(spoken: str, settings: Settings, rate: int) -> float:
    """Return the silences a reader leaves at the punctuation of ``spoken``."""
    pauses = settings.pauses
    total = (
        len(_SENTENCE.findall(spoken)) * pauses.sentence
        + len(_CLAUSE.findall(spoken)) * pauses.clause
        + len(_COMMA.findall(spoken)) * pauses.comma
    )
    return total * settings.rate / rate


def make_part(
    kind: str,
    written: str,
    region: Region,
    rate: int,
    settings: Settings,
    abbreviations: Mapping[str, str] | None,
    source: str = "",
) -> Part:
    """Turn written text into a timed part with its spoken form."""
    result = normalize(written, region, abbreviations)
    spoken = speak_lines(result.text)
    syllables = count_syllables(spoken)
    seconds = syllables * 60 / rate + pause_seconds(spoken, settings, rate)
    return Part(kind, written, spoken, syllables, round(seconds, 2), result.warnings, source)


def fit_parts(
    candidates: Mapping[str, Sequence[Part]], plan: LengthPlan, settings: Settings
) -> tuple[Part, ...]:
    """Choose the parts of one script: the plan's own, then extras while they fit."""
    used = {kind: 0 for kind in candidates}
    chosen: list[Part] = []

    def take(kind: str) -> Part | None:
        items = candidates.get(kind, ())
        return items[used[kind]] if used.get(kind, 0) < len(items) else None

    for kind in plan.parts:
        part = take(kind)
        if part is not None:
            chosen.append(part)
            used[kind] += 1
    limit = plan.seconds * (1 + settings.overrun)
    for extra, most in plan.extras:
        for _count in range(most):
            part = take(extra)
            if part is None or total_seconds(chosen + [part], settings) > limit:
                break
            chosen.append(part)
            used[extra] += 1
    rank: dict[str, int] = {kind: index for index, kind in enumerate(settings.order)}
    return tuple(sorted(chosen, key=lambda p: rank.get(p.kind, len(rank))))


def total_seconds(parts: Sequence[Part], settings: Settings) -> float:
    """Return a script's length: its parts plus the silences between them."""
    gaps = max(len(parts) - 1, 0) * settings.pauses.part
    return round(sum(p.seconds for p in parts) + gaps, 2)


def build_scripts(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    settings: Settings,
    formulas: Mapping[Region, Formulas],
    abbreviations: Mapping[str, str] | None,
) -> list[Script]:
    """Return the campaign's scripts, one per length of the theme."""
    region = campaign.region
    rate = campaign.loudspeaker.rate or settings.rate
    formula = formulas[region]
    written = written_candidates(project, theme, campaign, settings, formula)

    def make(kind: str, text: str, source: str) -> Part:
        return make_part(kind, text, region, rate, settings, abbreviations, source)

    candidates = {
        kind: [make(kind, text, source) for text, source in items]
        for kind, items in written.items()
    }
    scripts = []
    for plan in settings.lengths:
        parts = fit_parts(candidates, plan, settings)
        scripts.append(Script(campaign, plan, region, rate, parts, total_seconds(parts, settings)))
    return scripts
