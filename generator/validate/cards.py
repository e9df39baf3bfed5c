"""Texts shown on cards: characters the card fonts cannot draw, titles the cards would cut.

A card is drawn with the theme's fonts only: an emoji there is an empty box. A title
too long for its box is cut with "…". Both are said at the text's own place, with
what to do, long before a card is drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc
from generator.load.project import CAMPAIGNS_FILE, TESTIMONIALS_DIR, VERSES_DIR
from generator.model.card_text import TitleBox, title_boxes, title_cut, undrawable
from generator.model.theme import Theme
from generator.text.typeset import FaceMaker
from generator.validate.loaded import Loaded
from generator.validate.placeholders import SourceLines, texts
from generator.validate.progress import unit_cells

# The fields each kind of file shows on cards.
_SITE_FIELDS = ("title", "organisation", "description")
_CAMPAIGN_FIELDS = ("title", "summary", "messages", "province")
_TESTIMONIAL_FIELDS = ("name", "place", "quote")
_VERSE_FIELDS = ("title", "lines", "parts", "author")
_TITLE_SLOTS = frozenset({"title", "campaign_title"})
_FIGURE_SLOTS = frozenset({"figure", "figure_note", "figure_label", "figure_source"})


def _shown_texts(loaded: Loaded) -> Iterator[tuple[Document, Loc, str]]:
    """Yield (document, place, text) for every text a card may show."""
    for path, doc in sorted(loaded.documents.items()):
        data = doc.data if isinstance(doc.data, dict) else {}
        parts: list[tuple[Loc, tuple[str, ...], Any]] = []
        if path == CAMPAIGNS_FILE:
            parts.append((("site",), _SITE_FIELDS, data.get("site")))
            campaigns = data.get("campaigns")
            for index, campaign in enumerate(campaigns if isinstance(campaigns, list) else []):
                parts.append((("campaigns", index), _CAMPAIGN_FIELDS, campaign))
        elif path.startswith(TESTIMONIALS_DIR + "/"):
            parts.append(((), _TESTIMONIAL_FIELDS, data))
        elif path.startswith(VERSES_DIR + "/"):
            parts.append(((), _VERSE_FIELDS, data))
        for base, fields, raw in parts:
            if not isinstance(raw, dict):
                continue
            for field in fields:
                for loc, text in texts(raw.get(field), base + (field,)):
                    yield doc, loc, text


def check_card_glyphs(loaded: Loaded, theme: Theme) -> list[Diagnostic]:
    """Say where a text shown on cards holds a character the card fonts cannot draw."""
    faces = list(theme.social.faces.values())
    source = SourceLines(loaded.root)
    found: list[Diagnostic] = []
    for doc, loc, text in _shown_texts(loaded):
        for _index, char in undrawable(text, faces):
            line, column = source.place(doc, loc, char)
            message = _undrawable_message(char)
            found.append(Diagnostic(doc.path, line, column, "warning", "undrawable", message))
    for table in loaded.progress_tables:
        if table.campaign not in loaded.progress:
            continue
        for cell in unit_cells(table):
            for index, char in undrawable(str(cell.value), faces):
                found.append(
                    table.diagnostic(
                        cell.line,
                        cell.column + index if not table.sheet else cell.column,
                        "undrawable",
                        _undrawable_message(char),
                        "warning",
                    )
                )
    return found


def _undrawable_message(char: str) -> str:
    return _(
        "«{char}» (U+{code:04X}) is not in the fonts of the social-media cards and would "
        "be drawn there as an empty box; remove it or write it in words"
    ).format(char=char, code=ord(char))


def _title_values(raw: Any, locales: list[str], default: str) -> Iterator[tuple[Loc, str]]:
    """Yield (place under the title, text) for each different text the title shows."""
    if isinstance(raw, str):
        yield (), raw
    elif isinstance(raw, dict):
        for locale in locales:
            text = raw.get(locale, raw.get(default))
            if isinstance(text, str):
                yield ((locale,) if locale in raw else (default,)), text


def _title_fields(raw: dict[str, Any]) -> list[tuple[str, frozenset[str]]]:
    """Return (field, the card slots that show it): the title, and the headline if written."""
    if raw.get("headline"):
        return [("title", _TITLE_SLOTS), ("headline", frozenset({"headline"}))]
    return [("title", _TITLE_SLOTS | {"headline"})]


def check_card_titles(loaded: Loaded, doc: Document, theme: Theme) -> list[Diagnostic]:
    """Warn at each campaign title that a social card would cut with "…", saying how much."""
    site = loaded.site
    if site is None:
        return []
    social = theme.social
    faces = {name: FaceMaker(face.main, dict(face.scripts)) for name, face in social.faces.items()}
    found: dict[Loc, Diagnostic] = {}
    known: dict[tuple[str, str, frozenset[str]], list[TitleBox]] = {}

    def boxes(card: str, slot: str, empty: frozenset[str]) -> list[TitleBox]:
        # The same for every campaign: worked out once per card, slot and empty slots.
        if (card, slot, empty) not in known:
            known[card, slot, empty] = title_boxes(social.layouts[card], slot, faces, empty)
        return known[card, slot, empty]

    for index, campaign in sorted(loaded.campaigns.campaigns.items()):
        if "social" not in campaign.outputs:
            continue
        cards = list(social.style.platforms)
        cards += ["verse"] if campaign.verses else []
        cards += ["testimonial"] if campaign.testimonials else []
        raw = doc.data["campaigns"][index]
        empty = frozenset() if campaign.figures else _FIGURE_SLOTS
        for field, slots in _title_fields(raw):
            for where, text in _title_values(raw.get(field), site.locales, site.default_locale):
                loc: Loc = ("campaigns", index, field, *where)
                worst = max(
                    (
                        (title_cut(box, text, faces), card)
                        for card in cards
                        if card in social.layouts
                        for slot in sorted(slots)
                        for box in boxes(card, slot, empty)
                    ),
                    default=(0, ""),
                )
                if worst[0] and loc not in found:
                    message = _(
                        "this title is too long for the «{card}» card, which would cut it with "
                        "«…»; shorten it by at least {count} characters"
                    ).format(card=worst[1], count=worst[0])
                    found[loc] = doc.diagnostic(
                        loc, "too-long-for-card", message, severity="warning"
                    )
    return list(found.values())


def check_cards(loaded: Loaded, theme: Theme) -> list[Diagnostic]:
    """Every card problem of the project's texts under ``theme``."""
    doc = loaded.documents.get(CAMPAIGNS_FILE)
    found = check_card_glyphs(loaded, theme)
    if doc is not None and isinstance(doc.data, dict):
        found += check_card_titles(loaded, doc, theme)
    return found
