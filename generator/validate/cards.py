"""Texts shown on cards: characters the card fonts cannot draw, titles the cards would cut.

A card is drawn with the theme's fonts only: an emoji there is an empty box. A title
too long for its box is cut with "…". Both are said at the text's own place, with
what to do, long before a card is drawn.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import PIL
from PIL import features

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc
from generator.load.project import CAMPAIGNS_FILE, TESTIMONIALS_DIR, VERSES_DIR
from generator.model import card_text, cards
from generator.model.card_text import TitleBox, title_boxes, title_cut, undrawable
from generator.model.theme import Theme
from generator.text import typeset
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
# Where a build keeps the card titles' fits it worked out (``TitleFits``), under the project.
TITLE_FITS_FILE = ".ansinh/card-titles.json"


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


class TitleFits:
    """How much each campaign title would be cut on its cards, remembered between builds.

    Finding it lays the title out on every card that shows it, at every size the card
    may shrink it to: a few hundred layouts for 40 campaigns, a fifth of a second. The
    answer depends only on the title, the cards' layouts, the fonts and the typesetting,
    so a build keeps the answers in a file and works out only the titles that changed.

    ``cuts``: by ``title_key``, [characters to cut, the card that cuts most] ([0, ""]:
    it fits everywhere); ``salt``: what every answer depends on besides the title and
    the layouts (``fits_salt``). The file is JSON: {"salt": ..., "cuts": {...}}.
    """

    def __init__(self, salt: str = "", cuts: dict[str, tuple[int, str]] | None = None) -> None:
        self.salt = salt
        self.cuts = dict(cuts or {})
        self.used: dict[str, tuple[int, str]] = {}

    @classmethod
    def read(cls, path: Path) -> TitleFits:
        """Read the answers kept at ``path``; none when it is missing or unreadable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            salt, cuts = data["salt"], data["cuts"]
            kept = {str(k): (int(v[0]), str(v[1])) for k, v in cuts.items()}
        except Exception:
            return cls()
        return cls(str(salt), kept)

    def data(self) -> bytes:
        """Return the file holding the answers this check used (the others are dropped)."""
        cuts = {key: list(value) for key, value in sorted(self.used.items())}
        return json.dumps({"salt": self.salt, "cuts": cuts}, ensure_ascii=False).encode("utf-8")

    def salted(self, salt: str) -> None:
        """Forget every answer worked out under another ``salt``."""
        if salt != self.salt:
            self.salt, self.cuts = salt, {}

    def get(self, key: str) -> tuple[int, str] | None:
        found = self.cuts.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, value: tuple[int, str]) -> None:
        self.cuts[key] = self.used[key] = value


# The code that lays titles out on cards: a change to it may change every answer.
_FIT_CODE = (typeset.__file__, card_text.__file__, cards.__file__, __file__)


def fits_salt(theme: Theme) -> str:
    """Return the SHA-256 of what every title's fit depends on besides the title and the
    card layouts: the typesetting code, the versions of Pillow and of the libraries it
    sets text with (FreeType, libraqm, HarfBuzz, FriBiDi), and the bytes of the card
    fonts, by face."""
    digest = hashlib.sha256()
    libraries = ("freetype2", "raqm", "harfbuzz", "fribidi")
    for part in (PIL.__version__, *(features.version(name) for name in libraries)):
        digest.update(f"{part}\0".encode())
    for code in _FIT_CODE:
        digest.update(Path(code).read_bytes())
    for name, face in sorted(theme.social.faces.items()):
        for path in (face.main, *(p for _script, p in sorted(face.scripts.items()))):
            digest.update(f"{name}\0{path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def title_key(layouts: list[str], slots: frozenset[str], empty: frozenset[str], text: str) -> str:
    """Return the key of a title's fit: the cards' layouts (each as its JSON), the slots
    that show it, the slots left empty, and the title itself."""
    parts = [layouts, sorted(slots), sorted(empty), text]
    return hashlib.sha256(json.dumps(parts).encode("ascii")).hexdigest()


def check_card_titles(
    loaded: Loaded, doc: Document, theme: Theme, fits: TitleFits | None = None
) -> list[Diagnostic]:
    """Warn at each campaign title that a social card would cut with "…", saying how much.

    ``fits``: the answers of earlier checks; titles it does not hold are laid out, and
    their answers added to it.
    """
    site = loaded.site
    if site is None:
        return []
    social = theme.social
    faces = {name: FaceMaker(face.main, dict(face.scripts)) for name, face in social.faces.items()}
    found: dict[Loc, Diagnostic] = {}
    known: dict[tuple[str, str, frozenset[str]], list[TitleBox]] = {}
    fits = fits or TitleFits()
    fits.salted(fits_salt(theme))
    layouts = {name: layout.model_dump_json() for name, layout in social.layouts.items()}

    def worst_cut(
        cards: list[str], slots: frozenset[str], empty: frozenset[str], text: str
    ) -> tuple[int, str]:
        key = title_key([f"{card}\0{layouts[card]}" for card in cards], slots, empty, text)
        answer = fits.get(key)
        if answer is None:
            answer = max(
                (
                    (title_cut(box, text, faces), card)
                    for card in cards
                    for slot in sorted(slots)
                    for box in boxes(card, slot, empty)
                ),
                default=(0, ""),
            )
            fits.put(key, answer)
        return answer

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
        cards = [card for card in cards if card in social.layouts]
        raw = doc.data["campaigns"][index]
        empty = frozenset() if campaign.figures else _FIGURE_SLOTS
        for field, slots in _title_fields(raw):
            for where, text in _title_values(raw.get(field), site.locales, site.default_locale):
                loc: Loc = ("campaigns", index, field, *where)
                worst = worst_cut(cards, slots, empty, text)
                if worst[0] and loc not in found:
                    message = _(
                        "this title is too long for the «{card}» card, which would cut it with "
                        "«…»; shorten it by at least {count} characters"
                    ).format(card=worst[1], count=worst[0])
                    found[loc] = doc.diagnostic(
                        loc, "too-long-for-card", message, severity="warning"
                    )
    return list(found.values())


def check_cards(loaded: Loaded, theme: Theme, fits: TitleFits | None = None) -> list[Diagnostic]:
    """Every card problem of the project's texts under ``theme``; ``fits`` as for
    ``check_card_titles``."""
    doc = loaded.documents.get(CAMPAIGNS_FILE)
    found = check_card_glyphs(loaded, theme)
    if doc is not None and isinstance(doc.data, dict):
        found += check_card_titles(loaded, doc, theme, fits)
    return found
