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
from typing import Literal, cast

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.validate.checks import region_of
from generator.errors import ThemeError
from generator.i18n import _
from generator.model import Campaign, Project, Region
from generator.render.loudspeaker.parts import written_candidates
from generator.speech import SpeechWarning, count_syllables, normalize
from generator.load.theme import Theme

_SENTENCE = re.compile(r"[.!?](?=\s|$|[”\"»)])")
_CLAUSE = re.compile(r"[:;…]")
_COMMA = re.compile(r",")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)\s*(?=([.,;:!?…])?)")
_DOUBLE_PUNCT = re.compile(r",\s*(?=[,.;:!?…])")
_LINE_END = re.compile(r"[.!?…][”\"»]?$")
_SENTENCE_START = re.compile(r"(^|[.!?][”\"»]?\s+|:\s+(?=[“\"«]))([“\"«]?)(\w)")
PartKind = Literal[
    "opening",
    "headline",
    "summary",
    "message",
    "figure",
    "testimonial",
    "myth",
    "join_short",
    "join",
    "health",
    "benefit",
    "verse",
    "hotline",
    "closing",
]


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Pauses(_Data):
    sentence: float = Field(ge=0, le=5)
    clause: float = Field(ge=0, le=5)
    comma: float = Field(ge=0, le=5)
    part: float = Field(ge=0, le=10)


class LengthPlan(_Data):
    """One script length: its file name, minutes, the parts always in, the extras."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    minutes: float = Field(gt=0, le=30)
    parts: tuple[PartKind, ...]
    extra: dict[PartKind, int] = Field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.minutes * 60

    @property
    def extras(self) -> list[tuple[str, int]]:
        return list(self.extra.items())


class SheetStyle(_Data):
    font: str
    size: float = Field(ge=6, le=96)
    leading: float = Field(default=1.3, ge=1, le=3)
    color: str = Field(default="#000000", pattern=r"^#[0-9a-fA-F]{6}$")
    space_before: float = Field(default=0, ge=0)
    indent: float = Field(default=0, ge=0)


class SheetStyles(_Data):
    title: SheetStyle
    meta: SheetStyle
    heading: SheetStyle
    written: SheetStyle
    spoken: SheetStyle
    note: SheetStyle
    footer: SheetStyle


class SheetLayout(_Data):
    """The printed operator sheet: page and margins in points, fonts, paragraph styles."""

    page: dict[Literal["width", "height"], float]
    margins: dict[Literal["top", "right", "bottom", "left"], float]
    fonts: dict[str, str]
    styles: SheetStyles


class Settings(_Data):
    """The theme's ``loudspeaker/defaults.yml``."""

    rate: int = Field(ge=80, le=400)
    pauses: Pauses
    espeak_syllables_per_word: dict[Region, float]
    tts_max_chars: int = Field(ge=200)
    audio_lengths: tuple[str, ...] = ()
    order: tuple[PartKind, ...]
    overrun: float = Field(ge=0, le=0.5)
    lengths: tuple[LengthPlan, ...] = Field(min_length=1)
    sheet: SheetLayout


class Formulas(_Data):
    """A region's opening and closing formulas, and its espeak-ng voice."""

    opening: str = Field(min_length=1)
    closing: str = Field(min_length=1)
    voice: str = Field(min_length=1)


def _theme_yaml(theme: Theme, relative: str) -> tuple[str, object]:
    path = theme.find(relative)
    if path is None:
        raise ThemeError(_("the theme has no {file}").format(file=relative))
    try:
        return str(path), yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ThemeError(f"{path}: {error}") from error


def _invalid(path: str, error: ValidationError) -> ThemeError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return ThemeError(f"{path}: {where}: {first['msg']}")


def load_settings(theme: Theme) -> Settings:
    """Read and check the theme's loudspeaker defaults."""
    path, raw = _theme_yaml(theme, "loudspeaker/defaults.yml")
    try:
        return Settings.model_validate(raw)
    except ValidationError as error:
        raise _invalid(path, error) from error


def load_formulas(theme: Theme) -> dict[str, Formulas]:
    """Read and check the theme's opening and closing formulas, region by region."""
    path, raw = _theme_yaml(theme, "loudspeaker/regions.yml")
    if not isinstance(raw, dict):
        raise ThemeError(_("{path} must be a mapping of regions").format(path=path))
    formulas = {}
    for region in ("north", "central", "south"):
        try:
            formulas[region] = Formulas.model_validate(raw.get(region))
        except ValidationError as error:
            raise _invalid(f"{path}: {region}", error) from error
    return formulas


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
    """Make spoken text safe for a voice: brackets become commas, every line ends a sentence.

    Sentences and quotations start with a capital letter, also where the
    normalizer expanded an abbreviation ("BHXH tự nguyện là..." → "Bảo hiểm xã
    hội..."), because voices such as espeak-ng take a full stop before a small
    letter for an abbreviation and do not pause there.
    """
    text = _OPEN_BRACKET.sub(", ", text)
    text = _CLOSE_BRACKET.sub(lambda m: "" if m.group(1) else ", ", text)
    lines = []
    for line in text.split("\n"):
        line = _DOUBLE_PUNCT.sub("", line).strip().rstrip(",;:").strip()
        if line:
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
    formulas: Mapping[str, Formulas],
    abbreviations: Mapping[str, str] | None,
) -> list[Script]:
    """Return the campaign's scripts, one per length of the theme."""
    region = cast(Region, region_of(campaign) or "north")
    rate = campaign.loudspeaker.rate or settings.rate
    formula = formulas[region]
    written = written_candidates(
        project, theme, campaign, region, (formula.opening, formula.closing)
    )

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
