"""The typed, frozen model of an An Sinh project.

Everything the renderers see is one of these classes; raw YAML never leaves
``generator.validate.document``. Field names are what staff write in the YAML files.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from generator.model.clock import ClockTime
from generator.model.contacts import ContactPoint
from generator.model.fields import MAX_WHOLE as MAX_WHOLE
from generator.model.fields import (
    ContentDate,
    Label,
    Line,
    LocalizedBody,
    LocalizedLabel,
    LocalizedLine,
    LocalizedParagraph,
    Paragraph,
    Percent,
    PersonName,
    PhoneNumber,
    Url,
    Whole,
    not_blank,
)
from generator.model.fields import LocalizedText as LocalizedText
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
    headline: Annotated[LocalizedLabel, not_blank()] | None = Field(
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
    name: PersonName
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
