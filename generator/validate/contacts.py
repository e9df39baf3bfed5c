"""Validate ``content/contacts.yml`` into contact points, every problem at its place.

Each point is validated on its own, so one mistake hides nothing else. Beyond the shape
(``generator.model.contacts.ContactPoint``) it checks what staff most often get wrong: a
kind written in Vietnamese or misspelt (with a suggestion), a phone number that is not a
Vietnamese one, a province not in ``generator/data/provinces.yml``, the same point twice,
and a person's phone number without consent to publish it (a warning: it is shown nowhere).
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

import yaml

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc, number
from generator.model import Site
from generator.model.contacts import (
    CONTACT_KINDS,
    MAX_CONTACTS,
    ContactKind,
    ContactPoint,
    phone_digits,
    place_key,
)
from generator.model.region import PROVINCES_FILE, REGIONS
from generator.validate.document import validate_document
from generator.validate.translations import check_translations

# Vietnamese names staff write for a kind, folded (see ``place_key``'s folding).
KIND_NAMES: dict[str, ContactKind] = {
    "dai ly": "collection_agent",
    "dai ly thu": "collection_agent",
    "nhan vien dai ly thu": "collection_agent",
    "agent": "collection_agent",
    "buu dien": "post_office",
    "buu cuc": "post_office",
    "diem buu dien": "post_office",
    "post office": "post_office",
    "ubnd": "commune_office",
    "ubnd xa": "commune_office",
    "ubnd phuong": "commune_office",
    "uy ban": "commune_office",
    "commune": "commune_office",
    "bhxh": "district_office",
    "bhxh huyen": "district_office",
    "bhxh quan": "district_office",
    "district": "district_office",
}
_PATCH: dict[str, Any] = {"kind": CONTACT_KINDS[0], "phone": None}


@cache
def province_names() -> tuple[str, ...]:
    """Return every province name of ``generator/data/provinces.yml``, as written there."""
    table = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))
    return tuple(name for region in REGIONS for name in table.get(region, []))


@cache
def _folded_provinces() -> dict[str, str]:
    """Return every province name by its folded form (made once: a file has thousands)."""
    return {_fold(name): name for name in province_names()}


def _fold(text: str) -> str:
    return " ".join(place_key(text).replace("_", " ").split())


def kind_problem(value: object) -> str | None:
    """Return the message for a ``kind`` that is not one of the kinds, or None."""
    if value in CONTACT_KINDS:
        return None
    written = str(value)
    known = KIND_NAMES.get(_fold(written))
    close = difflib.get_close_matches(written, CONTACT_KINDS, n=1, cutoff=0.6)
    guess = known or (close[0] if close else None)
    hint = _("; did you mean «{suggestion}»?").format(suggestion=guess) if guess else ""
    return _("«{kind}» is not a kind of contact point; write one of: {kinds}{hint}").format(
        kind=written, kinds=", ".join(CONTACT_KINDS), hint=hint
    )


def phone_problem(value: object) -> str | None:
    """Return the message for a phone number that is not a Vietnamese one, or None."""
    if value is None or (isinstance(value, str) and phone_digits(value)):
        return None
    return _(
        "«{phone}» is not a Vietnamese phone number: write 10 digits for a mobile "
        "(0912 345 678), 11 for a landline with its area code (0277 3851 234), "
        "or a 1800 or 1900 number"
    ).format(phone=value)


def province_problem(value: object) -> str | None:
    """Return the message for a province not in the list of provinces, or None."""
    if not isinstance(value, str):
        return None
    names = _folded_provinces()
    if _fold(value) in names:
        return None
    close = difflib.get_close_matches(_fold(value), list(names), n=1, cutoff=0.6)
    hint = _("; did you mean «{suggestion}»?").format(suggestion=names[close[0]]) if close else ""
    return _("«{province}» is not a province in the list of provinces{hint}").format(
        province=value, hint=hint
    )


def _precheck(doc: Document, entry: dict[str, Any], base: Loc) -> list[Diagnostic]:
    found = []
    checks = (
        ("kind", kind_problem, "invalid-choice"),
        ("phone", phone_problem, "invalid-phone"),
        ("province", province_problem, "unknown-province"),
    )
    for key, check, code in checks:
        if key in entry:
            message = check(entry[key])
            if message:
                found.append(doc.diagnostic((*base, key), code, message))
    return found


def _identity(point: ContactPoint) -> tuple[str, ...]:
    return tuple(
        place_key(part or "")
        for part in (point.name, point.commune, point.district, point.province)
    )


def _no_consent(doc: Document, point: ContactPoint, base: Loc) -> Diagnostic | None:
    if not point.person or point.phone is None or point.phone_consent:
        return None
    message = _(
        "«{name}» is a person who has not agreed to publish this phone number "
        "(«phone_consent: true»): it is shown nowhere"
    ).format(name=point.name)
    return doc.diagnostic((*base, "phone"), "phone-without-consent", message, severity="warning")


def validate_contacts(
    doc: Document, site: Site | None = None
) -> tuple[list[ContactPoint], list[Diagnostic]]:
    """Validate ``content/contacts.yml``; return its points (as written) and every problem.

    With the ``site``, opening hours written per language are checked against its
    languages, as every translated text is (``check_translations``).
    """
    data = doc.data
    if data is None:
        return [], []
    if not isinstance(data, dict) or not isinstance(data.get("contacts", []), list):
        where: Loc = ("contacts",) if isinstance(data, dict) else ()
        message = _("the file must hold «contacts:», a list of contact points («- name: …»)")
        return [], [doc.diagnostic(where, "wrong-type", message)]
    diagnostics: list[Diagnostic] = []
    for key in data:
        if key != "contacts":
            message = _("unknown key «{key}»; did you mean «{suggestion}»?").format(
                key=key, suggestion="contacts"
            )
            diagnostics.append(doc.diagnostic((key,), "unknown-key", message, key=True))
    if len(data.get("contacts") or []) > MAX_CONTACTS:
        message = _(
            "the file lists {count} contact points, more than the limit of {limit}: keep the "
            "points of the provinces the campaigns cover"
        ).format(count=number(len(data["contacts"])), limit=number(MAX_CONTACTS))
        return [], [*diagnostics, doc.diagnostic(("contacts",), "too-many-contacts", message)]
    points: list[ContactPoint] = []
    seen: dict[tuple[str, ...], int] = {}
    for index, entry in enumerate(data.get("contacts") or []):
        base: Loc = ("contacts", index)
        if not isinstance(entry, dict):
            message = _("a contact point must be a mapping of 'key: value' lines")
            diagnostics.append(doc.diagnostic(base, "wrong-type", message))
            continue
        problems = _precheck(doc, entry, base)
        patched = {**entry, **{k: v for k, v in _PATCH.items() if k in entry}}
        point, invalid = validate_document(doc, ContactPoint, patched if problems else entry, base)
        diagnostics += problems + invalid
        if point is None or problems:
            continue
        line = doc.mark(base).line
        identity = _identity(point)
        if identity in seen:
            message = _("this contact point is already listed at line {line}; remove one").format(
                line=seen[identity]
            )
            diagnostics.append(doc.diagnostic(base, "duplicate-contact", message))
            continue
        seen[identity] = line
        warning = _no_consent(doc, point, base)
        if warning is not None:
            diagnostics.append(warning)
        if site is not None:
            diagnostics += check_translations(doc, point, base, site)
        points.append(point)
    return points, diagnostics
