"""Where residents join: collection agents, post offices, commune and district offices.

``content/contacts.yml`` lists contact points; a campaign shows those of its locality
(``contacts_for``). A point run by a person (an agent working from home) shows its phone
number only with the person's consent: the project model holds the public form of every
point (``public_point``), so no output can print a number the person did not agree to.

Phone numbers are Vietnamese: a mobile has 10 digits (``0912 345 678``), a landline 11
with its area code (``0277 3851 234``), a service number starts 1800 or 1900 and has 8 to
10 digits; ``+84`` may stand for the first 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Annotated, Literal, Protocol, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.model.fields import LocalizedLabel, not_blank

ContactKind = Literal["collection_agent", "post_office", "commune_office", "district_office"]
CONTACT_KINDS: tuple[ContactKind, ...] = get_args(ContactKind)
# Nearest first: residents are sent to the agent in their hamlet before the district.
KIND_ORDER: dict[ContactKind, int] = {kind: rank for rank, kind in enumerate(CONTACT_KINDS)}

# More points than a province has communes' worth of agents and offices is a mistake.
MAX_CONTACTS = 5_000
_Label = Annotated[str, StringConstraints(min_length=1, max_length=200)]
_Line = Annotated[str, StringConstraints(min_length=1, max_length=500)]
_SEPARATORS = re.compile(r"[ .\-()]")
_VN_PHONE = re.compile(r"^(0[35789][0-9]{8}|02[0-9]{9}|1[89]00[0-9]{4,6})$")
# Words before a place name that say what kind of unit it is ("huyện Cao Lãnh").
_UNIT_WORDS = (
    "thanh pho",
    "thi xa",
    "thi tran",
    "tp.",
    "tp",
    "tx.",
    "tx",
    "tt.",
    "tt",
    "tinh",
    "huyen",
    "quan",
    "phuong",
    "xa",
)


def phone_digits(phone: str) -> str | None:
    """Return the national digits of a Vietnamese phone number, or None if it is not one.

    ``"0277 3851 234"`` → ``"02773851234"``; ``"+84 912 345 678"`` → ``"0912345678"``.
    Spaces, dots and hyphens may separate groups, and the area code may stand in
    brackets, «(0277) 3851 234»; anything else makes it not a number.
    """
    written = phone.strip()
    if written.startswith("+84"):
        written = "0" + written[3:].lstrip(" .-")
    digits = _SEPARATORS.sub("", written)
    return digits if _VN_PHONE.match(digits) else None


def tel_link(phone: str) -> str:
    """Return the ``tel:`` address of a phone number: its digits, with ``+`` kept."""
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


# Cached: a file of thousands of points names the same districts and provinces over again.
@lru_cache(maxsize=8_192)
def place_key(name: str) -> str:
    """Fold a place name for comparison: no marks, đ → d, lower case, no unit word.

    «Huyện Cao Lãnh» → ``cao lanh``; «TP. Sa Đéc» → ``sa dec``; «P. 7» stays ``p. 7``.
    """
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    words = " ".join(folded.lower().split())
    for unit in _UNIT_WORDS:
        if words.startswith(unit + " ") or (unit.endswith(".") and words.startswith(unit)):
            return words[len(unit) :].strip()
    return words


class ContactPoint(BaseModel):
    """One place or person where residents sign up and pay.

    ``commune`` is the commune, ward or town the point serves (None: the whole district);
    ``phone`` is None when there is none, or when a person has not agreed to publish it
    (in the public model). ``hours`` is a text, or one text per language of the site.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: _Label
    kind: ContactKind
    commune: _Label | None = None
    district: _Label
    province: _Label
    address: _Line
    phone: _Label | None = None
    hours: Annotated[LocalizedLabel, not_blank()] | None = None
    person: bool = Field(
        default=False,
        description="true for a person (an agent at home), not an office: the phone "
        "is shown only with phone_consent",
    )
    phone_consent: bool = Field(
        default=False,
        description="the person agreed to have the phone number published",
    )
    example: bool = Field(
        default=False, description="a made-up point that shows the format; marked on pages"
    )

    @property
    def phone_shown(self) -> bool:
        """Whether the phone number may be published: an office's always, a person's by consent."""
        return self.phone is not None and (not self.person or self.phone_consent)

    @property
    def tel(self) -> str | None:
        """The ``tel:`` address residents tap, or None when no number may be shown."""
        return tel_link(self.phone) if self.phone is not None and self.phone_shown else None


class ContactsFile(BaseModel):
    """The whole of ``content/contacts.yml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    contacts: list[ContactPoint] = Field(default_factory=list, max_length=MAX_CONTACTS)


def hours_text(point: ContactPoint, locale: str, default: str) -> str:
    """Return the opening hours in ``locale`` (else the default locale's), or ''."""
    hours = point.hours
    if hours is None:
        return ""
    if isinstance(hours, str):
        return hours
    for key in (locale, default):
        if key in hours:
            return hours[key]
    return next(iter(hours.values()), "")


def public_point(point: ContactPoint) -> ContactPoint:
    """Return the point as the public may see it: a person's phone dropped without consent."""
    if point.phone is None or point.phone_shown:
        return point
    return point.model_copy(update={"phone": None})


def public_points(points: Iterable[ContactPoint]) -> list[ContactPoint]:
    """Return every point in its public form, in the order given."""
    return [public_point(point) for point in points]


def locality_districts(locality: str | None) -> list[str]:
    """Return the folded districts a campaign's ``locality`` names, [] for a whole province.

    «TP. Sa Đéc, huyện Cao Lãnh» → ``["sa dec", "cao lanh"]``.
    """
    if not locality:
        return []
    return [place_key(part) for part in re.split(r",|;| và ", locality) if part.strip()]


class Placed(Protocol):
    """What ``contacts_for`` reads of a campaign: its province and locality."""

    @property
    def province(self) -> str: ...

    @property
    def locality(self) -> str | None: ...


def contacts_for(campaign: Placed, contacts: Sequence[ContactPoint]) -> list[ContactPoint]:
    """Return the contact points of a campaign's place, nearest kind first.

    Arguments: a ``Campaign`` (its ``province`` and ``locality`` as in ``campaigns.yml``)
    and the project's points (``project.contacts``, already public). A point belongs when its
    province is the campaign's and, if the campaign names districts in its locality, its
    district is one of them (names compared without marks or unit words, so «huyện Cao
    Lãnh» matches «Cao Lãnh»). Order: district as written in the locality, commune (the
    district-wide points last), kind (agent, post office, commune office, district
    office), those with a phone number first, then name. Returns [] when the place has
    no points; raises nothing.
    """
    province = place_key(campaign.province)
    districts = locality_districts(campaign.locality)
    chosen = [
        p
        for p in contacts
        if place_key(p.province) == province
        and (not districts or place_key(p.district) in districts)
    ]

    def order(point: ContactPoint) -> tuple[int, str, bool, str, int, bool, str]:
        district = place_key(point.district)
        rank = districts.index(district) if district in districts else 0
        return (
            rank,
            district,
            point.commune is None,
            place_key(point.commune or ""),
            KIND_ORDER[point.kind],
            point.tel is None,
            place_key(point.name),
        )

    return sorted(chosen, key=order)


def by_commune(points: Sequence[ContactPoint]) -> list[tuple[str | None, list[ContactPoint]]]:
    """Group points (as ``contacts_for`` orders them) by commune; None: the whole district.

    Returns ``[(commune or None, points), …]`` in the given order; a district's own points
    come after its communes, under None.
    """
    groups: list[tuple[str | None, list[ContactPoint]]] = []
    last: tuple[str, str | None] | None = None
    for point in points:
        key = _commune_key(point)
        if groups and key == last:
            groups[-1][1].append(point)
        else:
            groups.append((point.commune, [point]))
        last = key
    return groups


def _commune_key(point: ContactPoint) -> tuple[str, str | None]:
    """The district and commune a point serves, folded (None: the whole district)."""
    return place_key(point.district), place_key(point.commune) if point.commune else None


def nearest(points: Sequence[ContactPoint], most: int = 3) -> list[ContactPoint]:
    """Return up to ``most`` points to show first: one per commune, in order.

    Points with a phone number come before those without, real ones before examples.
    """
    seen: set[tuple[str, str | None]] = set()
    first: list[ContactPoint] = []
    for point in sorted(points, key=lambda p: (p.tel is None, p.example)):
        if _commune_key(point) not in seen:
            seen.add(_commune_key(point))
            first.append(point)
    return first[:most]
