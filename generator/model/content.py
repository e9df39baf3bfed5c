"""The typed, frozen model of an An Sinh project.

Everything the renderers see is one of these classes; raw YAML never leaves
``generator.validate.document``. Field names are what staff write in the YAML files.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.model.clock import ClockTime
from generator.model.contacts import ContactPoint
from generator.model.progress import OutreachGroup, Progress
from generator.model.region import DEFAULT_REGION, Region, province_region

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)]
LocaleCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
Use = Literal["web", "print", "social", "loudspeaker"]
PaymentMode = Literal[
    "monthly", "every_3_months", "every_6_months", "every_12_months", "years_in_advance", "lump_sum"
]
SupportGroup = Literal["poor", "near_poor", "ethnic_minority", "other"]
VerseForm = Literal["luc_bat", "song_that_luc_bat", "ve", "ho", "vong_co", "free"]
TestimonialRole = Literal["pensioner", "participant", "agent", "official"]
FigureUnit = Literal["people", "households", "vnd"]

_LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


def _check_localized(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value:
        for key, text in value.items():
            if not isinstance(key, str) or not _LOCALE_PATTERN.match(key):
                raise PydanticCustomError(
                    "locale_key", "«{key}» is not a language code", {"key": key}
                )
            if not isinstance(text, str):
                raise PydanticCustomError("localized_type", "a text or one text per language")
        return dict(value)
    raise PydanticCustomError("localized_type", "a text or one text per language")


# Field limits: no real figure has more than 15 digits (10^15 đồng is far beyond any
# budget); texts are capped by what they are for (a title is a line, a quote a few paragraphs).
MAX_WHOLE = 999_999_999_999_999
LABEL_CHARS = 200
LINE_CHARS = 500
PARAGRAPH_CHARS = 1_000
BODY_CHARS = 5_000
URL_CHARS = 2_000

Whole = Annotated[int, Field(ge=0, le=MAX_WHOLE)]
Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Label = Annotated[str, StringConstraints(max_length=LABEL_CHARS)]
Line = Annotated[str, StringConstraints(max_length=LINE_CHARS)]
Paragraph = Annotated[str, StringConstraints(max_length=PARAGRAPH_CHARS)]
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#\"'<>\\]+(?:[/?#][^\s\"'<>\\]*)?$", re.IGNORECASE)


def _check_web_address(value: object) -> str:
    """Accept only a whole web address (``http://`` or ``https://``, a host, no spaces)."""
    if not isinstance(value, str) or len(value) > URL_CHARS or not _WEB_ADDRESS.match(value):
        raise PydanticCustomError("web_address", "a web address such as https://example.vn/")
    return value


# A web page's address: only http and https, so no text of a page can become a script link.
Url = Annotated[
    str,
    PlainValidator(_check_web_address),
    WithJsonSchema({"type": "string", "pattern": _WEB_ADDRESS.pattern, "maxLength": URL_CHARS}),
]


def _at_most(limit: int) -> AfterValidator:
    """Refuse a localized text any of whose versions is longer than ``limit`` characters."""

    def check(value: str | dict[str, str]) -> str | dict[str, str]:
        texts = [value] if isinstance(value, str) else list(value.values())
        longest = max((len(text) for text in texts), default=0)
        if longest > limit:
            raise PydanticCustomError(
                "string_too_long",
                "at most {max_length} characters",
                {"max_length": limit, "length": longest},
            )
        return value

    return AfterValidator(check)


def _not_blank() -> AfterValidator:
    """Refuse a localized text any of whose versions is empty or only spaces."""

    def check(value: str | dict[str, str]) -> str | dict[str, str]:
        texts = [value] if isinstance(value, str) else list(value.values())
        if any(not text.strip() for text in texts):
            raise PydanticCustomError("string_too_short", "an empty text", {"min_length": 1})
        return value

    return AfterValidator(check)


# A localized text: a plain string in the default locale, or one text per locale.
LocalizedText = Annotated[
    str | dict[str, str],
    PlainValidator(_check_localized),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "propertyNames": {"pattern": _LOCALE_PATTERN.pattern},
                    "additionalProperties": {"type": "string"},
                    "minProperties": 1,
                },
            ],
            "description": "A text, or one text per language: {vi: ..., en: ...}",
        }
    ),
]


LocalizedLabel = Annotated[LocalizedText, _at_most(LABEL_CHARS)]
LocalizedLine = Annotated[LocalizedText, _at_most(LINE_CHARS)]
LocalizedParagraph = Annotated[LocalizedText, _at_most(PARAGRAPH_CHARS)]
LocalizedBody = Annotated[LocalizedText, _at_most(BODY_CHARS)]


FIRST_YEAR, LAST_YEAR = 1900, 2100


def _check_year(value: dt.date) -> dt.date:
    """Refuse a date no campaign can mean (a typo such as 2201 or 0001 breaks the build)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "a date between {first} and {last}",
            {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return value


_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{2,19}$")


def _check_phone(value: object) -> str:
    """Accept one phone number: digits, with spaces, dots or hyphens between groups."""
    if not isinstance(value, str) or not _PHONE.match(value) or sum(map(str.isdigit, value)) < 3:
        raise PydanticCustomError("phone_number", "one phone number such as 1900 9068")
    return value


# The number residents call: a tel: link on pages, read digit by digit on loudspeakers.
PhoneNumber = Annotated[
    str, PlainValidator(_check_phone), WithJsonSchema({"type": "string", "pattern": _PHONE.pattern})
]


# A date of the content: 1900 to 2100.
ContentDate = Annotated[dt.date, AfterValidator(_check_year)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    """Where a fact or a quote was published."""

    title: Line
    publisher: Label | None = None
    url: Url | None = None
    date: ContentDate | None = None


class Site(Model):
    title: LocalizedLabel
    description: LocalizedParagraph | None = None
    base_url: Url
    locales: list[LocaleCode] = Field(default_factory=lambda: ["vi"], min_length=1)
    default_locale: LocaleCode = "vi"
    hotline: PhoneNumber
    organisation: LocalizedLabel
    theme: Slug = "default"


class Period(Model):
    start: ContentDate
    end: ContentDate


class Figure(Model):
    """A reported number: raw values only; percentages are computed from them."""

    id: Slug
    label: LocalizedLabel
    value: Whole
    unit: FigureUnit = "people"
    target: int | None = Field(default=None, gt=0, le=MAX_WHOLE)
    previous: Whole | None = None
    previous_as_of: ContentDate | None = None
    percent_of_target: Decimal | None = Field(default=None, ge=0, le=MAX_WHOLE, allow_inf_nan=False)
    as_of: ContentDate
    source: Source


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_DEFAULT_DAYS: tuple[Weekday, ...] = ("mon", "wed", "fri")
_ALL_USES: tuple[Use, ...] = ("web", "print", "social", "loudspeaker")


class Loudspeaker(Model):
    """When a campaign is broadcast on commune loudspeakers, and how fast it is read."""

    days: list[Weekday] = Field(default_factory=lambda: list(_DEFAULT_DAYS), min_length=1)
    times: list[ClockTime] = Field(
        default_factory=lambda: ["06:00", "17:30"], min_length=1, max_length=48
    )
    repeats: int = Field(default=2, ge=1, le=5)
    rate: int | None = Field(default=None, ge=80, le=400)


class Campaign(Model):
    """A campaign: where and when, what it says, its figures, testimonials, verses and outputs."""

    id: Slug
    title: LocalizedLabel
    headline: Annotated[LocalizedLabel, _not_blank()] | None = Field(
        default=None,
        description="what residents read first, in plain words (the title is the office's name "
        "for the campaign)",
    )
    summary: LocalizedParagraph
    region: Region = Field(
        default=DEFAULT_REGION,
        description="north, central or south; derived from the province when not written",
    )
    province: Label
    locality: Label | None = None
    period: Period
    audience: list[LocalizedLine] = Field(default_factory=list)
    messages: list[LocalizedParagraph] = Field(default_factory=list)
    body: LocalizedBody | None = None
    payment_modes: list[PaymentMode] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    testimonials: list[Slug] = Field(default_factory=list)
    verses: list[Slug] = Field(default_factory=list)
    image: Label | None = None
    image_alt: LocalizedLine | None = None
    theme: Slug | None = Field(
        default=None,
        description="the theme of the campaign's posters, leaflet and cards, such as a "
        "regional theme (mekong); its web page keeps the site's theme",
    )
    outputs: list[Use] = Field(default_factory=lambda: list(_ALL_USES))
    loudspeaker: Loudspeaker = Field(default_factory=Loudspeaker)

    @model_validator(mode="before")
    @classmethod
    def _resolve_region(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("region") is None:
            province = data.get("province")
            found = province_region(province) if isinstance(province, str) else None
            return {**data, "region": found or DEFAULT_REGION}
        return data


class CampaignsFile(Model):
    """The whole of ``campaigns.yml``."""

    site: Site
    campaigns: list[Campaign] = Field(default_factory=list)


class Consent(Model):
    """The person's consent: whether given, for which uses, and how they are named."""

    given: bool
    date: ContentDate | None = None
    scope: list[Use] = Field(default_factory=list)
    display: Literal["full", "initials"] = Field(
        default="full",
        description="full: the name as written; initials: «Chị T.» and the place, everywhere",
    )
    note: Paragraph | None = None


class Testimonial(Model):
    id: Slug
    name: Label
    role: TestimonialRole
    place: Label
    quote: LocalizedBody
    photo: Label | None = None
    photo_alt: LocalizedLine | None = None
    source: Source
    consent: Consent
    salutation: Literal["chị", "anh", "cô", "chú", "bà", "ông", "em"] | None = Field(
        default=None,
        description=(
            "The kinship term a loudspeaker announcer uses before the person's name "
            '("chị Lê Thị Như Trúc")'
        ),
    )


class VersePart(Model):
    """A labelled part of a verse: a vọng cổ's nói lối or câu, a hò's call or response."""

    part: Label
    lines: list[Line] = Field(min_length=1, max_length=5_000)


class Verse(Model):
    id: Slug
    form: VerseForm
    title: LocalizedLabel
    author: Label = "dân gian"
    region: Region | None = None
    lines: list[Line] = Field(default_factory=list, max_length=5_000)
    parts: list[VersePart] = Field(default_factory=list, max_length=500)
    note: LocalizedParagraph | None = None


class StateSupport(Model):
    """Support as a percentage of ``contribution_rate_percent`` × ``base``."""

    base: int = Field(gt=0, le=MAX_WHOLE)
    max_months: int = Field(gt=0, le=1_200)
    groups: dict[SupportGroup, Percent]


class VoluntaryInsurance(Model):
    effective_from: ContentDate
    legal_basis: list[Line] = Field(min_length=1)
    contribution_rate_percent: Decimal = Field(gt=0, le=100, allow_inf_nan=False)
    income_floor: int = Field(gt=0, le=MAX_WHOLE)
    income_ceiling: int = Field(gt=0, le=MAX_WHOLE)
    state_support: StateSupport
    payment_modes: list[PaymentMode] = Field(min_length=1)
    source: Source


class HouseholdHealthInsurance(Model):
    effective_from: ContentDate
    legal_basis: list[Line] = Field(min_length=1)
    base_salary: int = Field(gt=0, le=MAX_WHOLE)
    rate_percent: Decimal = Field(gt=0, le=100, allow_inf_nan=False)
    member_percent: list[Percent] = Field(min_length=1)
    source: Source


class Benefit(Model):
    id: Slug
    title: LocalizedLabel
    text: LocalizedBody
    legal_basis: Line


class Myth(Model):
    """A common misunderstanding and the fact that answers it."""

    id: Slug
    myth: LocalizedParagraph
    fact: LocalizedBody
    legal_basis: Line | None = None


class Policy(Model):
    """Dated policy parameters; the newest period of each list is the one shown."""

    voluntary_social_insurance: list[VoluntaryInsurance] = Field(min_length=1)
    household_health_insurance: list[HouseholdHealthInsurance] = Field(min_length=1)
    benefits: list[Benefit] = Field(default_factory=list)
    myths: list[Myth] = Field(default_factory=list)


class Page(Model):
    """A hand-written Markdown page: ``content/pages/NAME.md``, or ``NAME.LOCALE.md``."""

    id: Slug
    locale: str | None = None
    title: str
    markdown: str


class Project(Model):
    """Everything loaded and validated, cross-references resolved."""

    site: Site
    campaigns: list[Campaign]
    testimonials: dict[str, Testimonial]
    verses: dict[str, Verse]
    policy: Policy
    pages: list[Page]
    progress: dict[str, Progress] = Field(default_factory=dict)
    groups: dict[str, list[OutreachGroup]] = Field(default_factory=dict)
    contacts: list[ContactPoint] = Field(default_factory=list)
