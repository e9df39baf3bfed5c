"""Translations of content: which texts exist in which language, and what is missing."""

from __future__ import annotations

import re
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, PlainValidator

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc
from generator.model import Page, Site
from generator.model.fields import _check_localized

_VIETNAMESE_LETTER = re.compile("[đĐ\u0302\u0306\u031b\u0300\u0301\u0303\u0309\u0323]")


def _is_localized(annotation: Any) -> bool:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, PlainValidator) and meta.func is _check_localized:
            return True
    return any(_is_localized(arg) for arg in typing.get_args(annotation))


def iter_localized(obj: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Yield (location, value) for every localized text inside a model object."""
    if isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            value = getattr(obj, name)
            localized = any(
                isinstance(m, PlainValidator) and m.func is _check_localized for m in info.metadata
            ) or _is_localized(info.annotation)
            if localized and isinstance(value, list):
                yield from ((loc + (name, i), v) for i, v in enumerate(value))
            elif localized and value is not None:
                yield loc + (name,), value
            else:
                yield from iter_localized(value, loc + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_localized(item, loc + (i,))


def is_copy(value: dict[str, Any], locale: str, default: str) -> bool:
    """Whether ``value[locale]`` is the Vietnamese default text copied unchanged.

    Only text with Vietnamese letters counts (đ, ă, â, ê, ô, ơ, ư or a tone mark): a
    name such as «An Sinh» or a number is rightly the same in every language.
    """
    if locale == default or locale not in value:
        return False
    text = value.get(default)
    if not isinstance(text, str) or value[locale] != text:
        return False
    return bool(_VIETNAMESE_LETTER.search(unicodedata.normalize("NFD", text)))


def check_translations(doc: Document, obj: Any, base: Loc, site: Site) -> list[Any]:
    found = []
    for loc, value in iter_localized(obj, base):
        if not isinstance(value, dict):
            continue
        for locale in value:
            if locale not in site.locales:
                found.append(
                    doc.diagnostic(
                        loc + (locale,),
                        "unknown-locale",
                        _("«{locale}» is not one of the site's languages ({locales})").format(
                            locale=locale, locales=", ".join(site.locales)
                        ),
                        key=True,
                    )
                )
        if site.default_locale not in value:
            found.append(
                doc.diagnostic(
                    loc,
                    "missing-default-text",
                    _("this text has no «{locale}» version, the site's main language").format(
                        locale=site.default_locale
                    ),
                )
            )
        for locale in site.locales:
            if locale != site.default_locale and is_copy(value, locale, site.default_locale):
                found.append(
                    doc.diagnostic(
                        loc + (locale,),
                        "copied-translation",
                        _(
                            "the «{locale}» text is the «{default}» text copied unchanged; "
                            "translate it, or remove the «{locale}» line to show the «{default}» "
                            "text openly"
                        ).format(locale=locale, default=site.default_locale),
                        severity="warning",
                    )
                )
            if locale != site.default_locale and locale not in value:
                found.append(
                    doc.diagnostic(
                        loc,
                        "missing-translation",
                        _(
                            "no «{locale}» translation; the «{default}» text is shown instead"
                        ).format(locale=locale, default=site.default_locale),
                        severity="warning",
                    )
                )
    return found


def check_page_translations(pages: Iterable[Page], site: Site) -> list[Diagnostic]:
    """Warn for each hand-written page that lacks a version in one of the site's languages."""
    pages = list(pages)
    found = []
    for page in pages:
        if page.locale is not None:
            continue
        for locale in site.locales:
            if locale != site.default_locale and not any(
                p.id == page.id and p.locale == locale for p in pages
            ):
                found.append(
                    Diagnostic(
                        f"content/pages/{page.id}.md",
                        1,
                        1,
                        "warning",
                        "missing-translation",
                        _(
                            "no «{locale}» version (content/pages/{name}.{locale}.md); "
                            "the «{default}» page is shown instead"
                        ).format(locale=locale, name=page.id, default=site.default_locale),
                    )
                )
    return found


def count_translations(items: Iterable[Any], site: Site) -> dict[str, dict[str, int]]:
    """Count, per locale, how many localized texts of ``items`` exist in that locale."""
    counts = {locale: {"translated": 0, "total": 0} for locale in site.locales}
    for item in items:
        for _loc, value in iter_localized(item, ()):
            for locale in site.locales:
                counts[locale]["total"] += 1
                has = (
                    (locale == site.default_locale)
                    if isinstance(value, str)
                    else locale in value and not is_copy(value, locale, site.default_locale)
                )
                counts[locale]["translated"] += int(has)
    return counts
