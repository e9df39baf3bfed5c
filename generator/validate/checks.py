"""Checks that need more than one file: references, media, ranges, figures, translations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from babel import Locale, UnknownLocaleError

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc, read_source
from generator.load.project import CAMPAIGNS_FILE, POLICY_FILE, TESTIMONIALS_DIR
from generator.model import Figure, Site, Testimonial, Verse
from generator.model.figures import percent
from generator.model.region import province_region
from generator.text.labels import USES, label
from generator.validate.campaigns import CampaignParts, read_field
from generator.validate.hints import fold
from generator.validate.loaded import Loaded, suggest
from generator.validate.media import check_media
from generator.validate.placeholders import check_placeholders
from generator.validate.translations import check_page_translations, check_translations
from generator.validate.verse import check_verse_file


def _check_figures(doc: Document, figures: list[tuple[int, Figure]], base: Loc) -> list[Any]:
    found = []
    seen: dict[str, int] = {}
    for i, figure in figures:
        loc = base + ("figures", i)
        if figure.id in seen:
            found.append(
                doc.diagnostic(
                    loc + ("id",),
                    "duplicate-id",
                    _("duplicate figure id «{id}» in this campaign").format(id=figure.id),
                )
            )
        seen.setdefault(figure.id, i)
        if figure.previous_as_of and figure.previous_as_of >= figure.as_of:
            found.append(
                doc.diagnostic(
                    loc + ("previous_as_of",),
                    "date-range",
                    _("«previous_as_of» {before} must be before «as_of» {after}").format(
                        before=figure.previous_as_of, after=figure.as_of
                    ),
                )
            )
        if figure.percent_of_target is not None and figure.target:
            typed = figure.percent_of_target
            places = max(0, -int(typed.as_tuple().exponent))
            computed = percent(figure.value, figure.target).quantize(Decimal(1).scaleb(-places))
            if computed != typed:
                found.append(
                    doc.diagnostic(
                        loc + ("percent_of_target",),
                        "percent-mismatch",
                        _(
                            "{typed}% does not match {value}/{target} = {computed}%; remove "
                            "«percent_of_target» (it is computed) or correct the numbers"
                        ).format(
                            typed=typed, value=figure.value, target=figure.target, computed=computed
                        ),
                        severity="warning",
                    )
                )
    return found


def _check_period(doc: Document, parts: CampaignParts, base: Loc) -> list[Diagnostic]:
    period = parts.period
    if period is None or period.end >= period.start:
        return []
    message = _("the end date {end} is before the start date {start}").format(
        end=period.end, start=period.start
    )
    return [doc.diagnostic(base + ("period", "end"), "date-range", message)]


def _check_references(loaded: Loaded, doc: Document, parts: CampaignParts, base: Loc) -> None:
    for kind, refs, known, folder in (
        ("testimonials", parts.testimonials, loaded.testimonials, "content/testimonials"),
        ("verses", parts.verses, loaded.verses, "content/verses"),
    ):
        for i, ref in enumerate(refs):
            if ref not in known and not (loaded.root / folder / f"{ref}.yml").is_file():
                loaded.diagnostics.append(
                    doc.diagnostic(
                        base + (kind, i),
                        "missing-reference",
                        _("no file {folder}/{ref}.yml{hint}").format(
                            folder=folder, ref=ref, hint=suggest(ref, known)
                        ),
                    )
                )
            elif ref in known and kind == "testimonials":
                _check_consent(loaded, doc, parts, base + (kind, i), ref)


def _check_consent(loaded: Loaded, doc: Document, parts: CampaignParts, loc: Loc, ref: str) -> None:
    """Say where a campaign's testimonial will and will not appear, and why."""
    consent = loaded.testimonials[ref].consent
    wanted = [use for use in USES if parts.outputs is None or use in parts.outputs]
    allowed = set(consent.scope) if consent.given else set()
    withheld = [use for use in wanted if use not in allowed]
    if not withheld:
        return
    shown = [use for use in wanted if use in allowed]
    reason = (
        _("consent was not given") if not consent.given else _("«consent.scope» does not list it")
    )
    message = _("«{ref}» will appear on: {shown}; not on: {withheld}, because {reason}").format(
        ref=ref,
        shown=", ".join(label("use", use, _) for use in shown) or _("nowhere"),
        withheld=", ".join(label("use", use, _) for use in withheld),
        reason=reason,
    )
    loaded.diagnostics.append(doc.diagnostic(loc, "no-consent", message, severity="warning"))


def _check_names_as_ids(loaded: Loaded, doc: Document) -> None:
    """Where a campaign lists a testimonial by the person's name, say the file name to write.

    The name is not a valid id, so validation has already reported it; that report is
    replaced by one that names the file.
    """
    campaigns = doc.data.get("campaigns") if isinstance(doc.data, dict) else None
    by_name = {
        fold(item.data["name"]): PurePosixPath(path).stem
        for path, item in loaded.documents.items()
        if path.startswith(TESTIMONIALS_DIR + "/")
        and isinstance(item.data, dict)
        and isinstance(item.data.get("name"), str)
    }
    for index, raw in enumerate(campaigns if isinstance(campaigns, list) else []):
        written = raw.get("testimonials") if isinstance(raw, dict) else None
        for position, ref in enumerate(written if isinstance(written, list) else []):
            if not isinstance(ref, str) or ref in by_name.values():
                continue
            file_name = by_name.get(fold(ref))
            if file_name is None:
                continue
            loc: Loc = ("campaigns", index, "testimonials", position)
            mark = doc.mark(loc)
            loaded.diagnostics[:] = [
                d
                for d in loaded.diagnostics
                if (d.path, d.line, d.column) != (doc.path, mark.line, mark.column)
                or d.code not in ("invalid-id", "missing-reference")
            ]
            message = _(
                "«{written}» is the person's name; write the file name of their testimonial, "
                "«{id}» (content/testimonials/{id}.yml)"
            ).format(written=ref, id=file_name)
            loaded.diagnostics.append(doc.diagnostic(loc, "name-as-id", message))


def _check_campaign(loaded: Loaded, doc: Document, parts: CampaignParts) -> None:
    base: Loc = ("campaigns", parts.index)
    problems = loaded.diagnostics
    problems += _check_period(doc, parts, base)
    _check_references(loaded, doc, parts, base)
    if parts.outputs == []:
        problems.append(
            doc.diagnostic(
                base + ("outputs",),
                "no-outputs",
                _(
                    "«outputs» is empty: this campaign will not be published anywhere; list "
                    "at least one of web, print, social, loudspeaker, or remove «outputs» for all"
                ),
                severity="warning",
            )
        )
    if (
        not parts.region_written
        and parts.province is not None
        and province_region(parts.province) is None
    ):
        problems.append(
            doc.diagnostic(
                base + ("province",),
                "unknown-region",
                _(
                    "cannot tell the region of «{province}»; add «region: north», «central» "
                    "or «south»"
                ).format(province=parts.province),
                severity="warning",
            )
        )
    check_media(loaded, doc, base + ("image",), parts.image)
    problems.extend(_check_figures(doc, parts.figures, base))


def _check_site(loaded: Loaded, doc: Document, site: Site) -> None:
    if site.default_locale not in site.locales:
        loaded.diagnostics.append(
            doc.diagnostic(
                ("site", "default_locale"),
                "unknown-locale",
                _("«{locale}» must also be listed in «locales»").format(locale=site.default_locale),
            )
        )
    if not site.base_url.startswith(("https://", "http://")) or not site.base_url.endswith("/"):
        loaded.diagnostics.append(
            doc.diagnostic(
                ("site", "base_url"),
                "invalid-url",
                _(
                    "«base_url» must be the site's full address ending with '/', "
                    "e.g. https://bhxh.example.vn/ansinh/"
                ),
            )
        )


def _check_policy(loaded: Loaded) -> None:
    doc = loaded.documents.get(POLICY_FILE)
    if loaded.policy is None or doc is None:
        return
    for i, period in enumerate(loaded.policy.voluntary_social_insurance):
        if period.income_floor > period.income_ceiling:
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("voluntary_social_insurance", i, "income_ceiling"),
                    "out-of-range",
                    _("the income ceiling {ceiling} is below the floor {floor}").format(
                        ceiling=period.income_ceiling, floor=period.income_floor
                    ),
                )
            )


def _check_locales(loaded: Loaded, doc: Document, site: Site) -> None:
    """Report a language code Babel has no data for: the build could not write its dates."""
    for index, code in enumerate(site.locales):
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("site", "locales", index),
                    "unknown-locale",
                    _(
                        "«{locale}» is not a language An Sinh can write dates and numbers in; "
                        "use a code such as vi, en or km"
                    ).format(locale=code),
                )
            )


def _check_campaigns(loaded: Loaded, doc: Document) -> None:
    first_use: dict[str, int] = {}
    for parts in loaded.campaigns.parts:
        if parts.id is not None and parts.id in first_use:
            line = doc.mark(("campaigns", first_use[parts.id], "id")).line
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("campaigns", parts.index, "id"),
                    "duplicate-id",
                    _("duplicate campaign id «{id}» (first used at line {line})").format(
                        id=parts.id, line=line
                    ),
                )
            )
        if parts.id is not None:
            first_use.setdefault(parts.id, parts.index)
        if parts.id == "index":
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("campaigns", parts.index, "id"),
                    "reserved-name",
                    _(
                        "«index» is the name of the pages listing the campaigns (campaigns/, "
                        "loudspeaker/): choose another id"
                    ),
                )
            )
        _check_campaign(loaded, doc, parts)


_NICKNAME = re.compile(r"[(\[«\"“](?P<nickname>[^)\]»\"”]*)[)\]»\"”]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _names_of(name: str) -> tuple[list[str], dict[str, str]]:
    """Return the forms that name a person: as written, and folded (to the name as written).

    «Lê Thị Như Trúc (Út Trúc)» is written «Lê Thị Như Trúc», «Út Trúc» or «Trúc»; a web
    address or file name spells the whole name without marks, «le-thi-nhu-truc». The
    given name alone is not folded: «truc» is also «trực», a common word.
    """
    nicknames = [" ".join(m.group("nickname").split()) for m in _NICKNAME.finditer(name)]
    outside = _LETTERS.findall(_NICKNAME.sub(" ", name))
    written = [" ".join(outside)] + [n for n in nicknames if len(n) > 1]
    if outside and len(outside[-1]) > 1:
        written.append(outside[-1])
    folded = {fold(" ".join(outside)): " ".join(outside)} if len(outside) > 1 else {}
    return [n for n in written if n], folded


def _check_unnamed(doc: Document, testimonial: Testimonial) -> list[Diagnostic]:
    """Warn where the text of a person shown by initials still names them."""
    written, folded = _names_of(unicodedata.normalize("NFC", testimonial.name))
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in written) + r")(?!\w)", re.IGNORECASE
    )
    found = []
    for loc, text in _texts(doc.data, ()):
        if loc[:1] in (("name",), ("consent",), ("id",), ("photo",)):  # never shown as written
            continue
        match = pattern.search(unicodedata.normalize("NFC", text))
        plain = " " + " ".join(re.findall(r"[a-z0-9]+", fold(text))) + " "
        spelled = next((shown for name, shown in folded.items() if f" {name} " in plain), None)
        if match or spelled:
            found.append(
                doc.diagnostic(
                    loc,
                    "named",
                    _(
                        "«{word}» names the person, who agreed to be shown by initials only; "
                        "remove it from this text"
                    ).format(word=match.group(1) if match else spelled),
                    severity="warning",
                )
            )
    return found


def _texts(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, loc + (index,))


def _check_named(loaded: Loaded, site: Site | None) -> None:
    """Check the photos, translations and verses of every testimonial and verse file."""
    for path, item_doc in loaded.documents.items():
        if path.startswith(TESTIMONIALS_DIR + "/") and isinstance(item_doc.data, dict):
            photo = read_field(Testimonial, "photo", item_doc.data)
            check_media(loaded, item_doc, ("photo",), photo)
    if site is None:
        return
    for folder, items in (
        ("content/testimonials", loaded.testimonials),
        ("content/verses", loaded.verses),
    ):
        for name, item in items.items():
            item_doc = loaded.documents[f"{folder}/{name}.yml"]
            loaded.diagnostics.extend(check_translations(item_doc, item, (), site))
            if isinstance(item, Testimonial) and item.consent.display == "initials":
                loaded.diagnostics.extend(_check_unnamed(item_doc, item))
            if isinstance(item, Verse):
                source = read_source(loaded.root / item_doc.path)
                loaded.diagnostics.extend(check_verse_file(item_doc, source, item))


def check_project(loaded: Loaded) -> None:
    """Add every cross-file problem of ``loaded`` to its diagnostics."""
    _check_policy(loaded)
    site = loaded.site
    doc = loaded.documents.get(CAMPAIGNS_FILE)
    if doc is not None:
        if site is not None:
            _check_site(loaded, doc, site)
            _check_locales(loaded, doc, site)
            loaded.diagnostics.extend(check_translations(doc, site, ("site",), site))
            for index, campaign in loaded.campaigns.campaigns.items():
                loaded.diagnostics.extend(
                    check_translations(doc, campaign, ("campaigns", index), site)
                )
        _check_campaigns(loaded, doc)
        _check_names_as_ids(loaded, doc)
    _check_named(loaded, site)
    loaded.diagnostics.extend(check_placeholders(loaded.root, loaded.documents))
    if site is None:
        return
    if loaded.policy is not None:
        policy_doc = loaded.documents[POLICY_FILE]
        loaded.diagnostics.extend(check_translations(policy_doc, loaded.policy, (), site))
    loaded.diagnostics.extend(check_page_translations(loaded.pages, site))
