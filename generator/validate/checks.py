"""Checks that need more than one file: references, media, ranges, figures, translations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.i18n import _
from generator.load.document import Document, Loc
from generator.load.project import MEDIA_DIR
from generator.model import Campaign, Site, Testimonial
from generator.model.figures import percent
from generator.model.region import province_region
from generator.validate.loaded import Loaded, suggest
from generator.validate.translations import check_page_translations, check_translations
from generator.validate.verse import check_verse_file


def _check_media(loaded: Loaded, doc: Document, loc: Loc, written: str | None) -> None:
    if written is None:
        return
    media_root = (loaded.root / MEDIA_DIR).resolve()
    target = (media_root / written).resolve()
    if not target.is_relative_to(loaded.root.resolve()) or not target.is_relative_to(media_root):
        loaded.diagnostics.append(
            doc.diagnostic(
                loc,
                "path-outside",
                _(
                    "«{path}» points outside content/media/; put the file in content/media/ and "
                    "write "
                    "its name relative to that folder"
                ).format(path=written),
            )
        )
    elif not target.is_file():
        names = [p.name for p in media_root.glob("*")] if media_root.is_dir() else []
        loaded.diagnostics.append(
            doc.diagnostic(
                loc,
                "missing-media",
                _("file not found: content/media/{path}{hint}").format(
                    path=written, hint=suggest(written, names, cutoff=0.75)
                ),
            )
        )


def _check_figures(doc: Document, campaign: Campaign, base: Loc) -> list[Any]:
    found = []
    seen: dict[str, int] = {}
    for i, figure in enumerate(campaign.figures):
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


def _check_campaign(loaded: Loaded, doc: Document, campaign: Campaign, index: int) -> None:
    base: Loc = ("campaigns", index)
    problems = loaded.diagnostics
    if campaign.period.end < campaign.period.start:
        problems.append(
            doc.diagnostic(
                base + ("period", "end"),
                "date-range",
                _("the end date {end} is before the start date {start}").format(
                    end=campaign.period.end, start=campaign.period.start
                ),
            )
        )
    for kind, refs, known, folder in (
        ("testimonials", campaign.testimonials, loaded.testimonials, "content/testimonials"),
        ("verses", campaign.verses, loaded.verses, "content/verses"),
    ):
        for i, ref in enumerate(refs):
            if ref not in known and not (loaded.root / folder / f"{ref}.yml").is_file():
                problems.append(
                    doc.diagnostic(
                        base + (kind, i),
                        "missing-reference",
                        _("no file {folder}/{ref}.yml{hint}").format(
                            folder=folder, ref=ref, hint=suggest(ref, known)
                        ),
                    )
                )
            elif ref in known and kind == "testimonials" and "web" in campaign.outputs:
                consent = loaded.testimonials[ref].consent
                if not consent.given or "web" not in consent.scope:
                    problems.append(
                        doc.diagnostic(
                            base + (kind, i),
                            "no-consent",
                            _(
                                "«{ref}» has no consent for the web; it will not be "
                                "published on the campaign page"
                            ).format(ref=ref),
                            severity="warning",
                        )
                    )
    written = doc.data["campaigns"][index] if isinstance(doc.data, dict) else {}
    if not written.get("region") and province_region(campaign.province) is None:
        problems.append(
            doc.diagnostic(
                base + ("province",),
                "unknown-region",
                _(
                    "cannot tell the region of «{province}»; add «region: north», «central» "
                    "or «south»"
                ).format(province=campaign.province),
                severity="warning",
            )
        )
    _check_media(loaded, doc, base + ("image",), campaign.image)
    problems.extend(_check_figures(doc, campaign, base))


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
    doc = loaded.documents.get("content/policy.yml")
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


def check_project(loaded: Loaded) -> None:
    """Add every cross-file problem of ``loaded`` to its diagnostics."""
    _check_policy(loaded)
    file = loaded.campaigns_file
    doc = loaded.documents.get("campaigns.yml")
    if file is None or doc is None:
        return
    _check_site(loaded, doc, file.site)
    first_use: dict[str, int] = {}
    for index, campaign in enumerate(file.campaigns):
        if campaign.id in first_use:
            line = doc.mark(("campaigns", first_use[campaign.id], "id")).line
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("campaigns", index, "id"),
                    "duplicate-id",
                    _("duplicate campaign id «{id}» (first used at line {line})").format(
                        id=campaign.id, line=line
                    ),
                )
            )
        first_use.setdefault(campaign.id, index)
        _check_campaign(loaded, doc, campaign, index)
    loaded.diagnostics.extend(check_translations(doc, file, (), file.site))
    for folder, items in (
        ("content/testimonials", loaded.testimonials),
        ("content/verses", loaded.verses),
    ):
        for name, item in items.items():
            item_doc = loaded.documents[f"{folder}/{name}.yml"]
            loaded.diagnostics.extend(check_translations(item_doc, item, (), file.site))
            if isinstance(item, Testimonial):
                _check_media(loaded, item_doc, ("photo",), item.photo)
            else:
                source = (loaded.root / item_doc.path).read_text(encoding="utf-8")
                loaded.diagnostics.extend(check_verse_file(item_doc, source, item))
    if loaded.policy is not None:
        policy_doc = loaded.documents["content/policy.yml"]
        loaded.diagnostics.extend(check_translations(policy_doc, loaded.policy, (), file.site))
    loaded.diagnostics.extend(check_page_translations(loaded.pages, file.site))
