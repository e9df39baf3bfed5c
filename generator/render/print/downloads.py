"""Download pages for staff: every file a campaign made, with its size, pages and preview.

``downloads/index.html`` lists the campaigns; ``downloads/<campaign>/index.html`` lists
a campaign's posters, leaflet, cards, captions and loudspeaker files, grouped by what
they are for, each with its size, its number of pages (PDF) and a preview image (the
PNG preview of a poster or leaflet, the card itself). The pages are for the office,
not for residents: the campaign page links to them from its foot, and search engines
are asked not to index them. They are made after every other output, from the list
of outputs and the bytes of their PDFs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from generator.i18n import N_, translator
from generator.model import Campaign, Project
from generator.model.theme import Theme
from generator.render import Output
from generator.render.views import LocaleText, templates
from generator.text.format import format_number

FOLDER = "downloads"
# What staff look for, in this order; a kind not listed here is not offered.
GROUPS: tuple[tuple[str, str], ...] = (
    ("poster", N_("Posters")),
    ("leaflet", N_("Leaflet")),
    ("sheet", N_("Sheets for small groups")),
    ("card", N_("Social-media cards")),
    ("caption", N_("Captions to paste")),
    ("loudspeaker", N_("Loudspeaker scripts and operator sheets")),
    ("audio", N_("Loudspeaker audio")),
)
PREVIEWED = ("poster", "leaflet", "sheet")


class Listed(Protocol):
    """An output as the build stored it: where it is, what it is, its size and hash."""

    @property
    def path(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def campaign(self) -> str | None: ...
    @property
    def locale(self) -> str | None: ...
    @property
    def sha256(self) -> str: ...
    @property
    def bytes(self) -> int: ...


@dataclass(frozen=True)
class Row:
    """A file on the download page: its link, words for it, and previews (links)."""

    href: str
    name: str
    detail: str
    size: str
    pages: str
    previews: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Group:
    title: str
    rows: list[Row]


def downloads_path(campaign_id: str | None = None) -> str:
    """Return a download page's path: ``downloads/index.html`` or ``downloads/<id>/index.html``."""
    return f"{FOLDER}/{campaign_id}/index.html" if campaign_id else f"{FOLDER}/index.html"


def pdf_pages(pdf: bytes) -> int | None:
    """Return the number of pages of ``pdf`` (read with pypdf), or None if it cannot be read."""
    # Imported here: a build whose PDFs are all counted already (``PageCounts``) skips it.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except (PdfReadError, ValueError, OSError):
        return None


def _size(count: int, locale: str) -> str:
    if count < 1_000_000:
        return f"{format_number(max(1, round(count / 1000)), locale)} KB"
    megabytes = Decimal(round(count / 100_000)) / 10
    return f"{format_number(megabytes, locale)} MB"


class _Words:
    def __init__(self, locale: str, theme: Theme) -> None:
        self.locale = locale
        self._ = translator(locale, theme.locale_dirs)

    def pages(self, count: int | None) -> str:
        if count is None:
            return ""
        message = N_("{count} page") if count == 1 else N_("{count} pages")
        return self._(message).format(count=format_number(count, self.locale))


def _rows(
    files: list[Listed], kind: str, words: _Words, pages_of: Callable[[str], int | None]
) -> list[Row]:
    """Return the rows of one kind; a PDF's PNG previews go with it, not on rows of their own."""
    mine = sorted((f for f in files if f.kind == kind), key=_order)
    pdfs = {f.path.rsplit(".", 1)[0] for f in mine if f.format == "pdf"}
    rows = []
    for item in mine:
        stem = item.path.rsplit(".", 1)[0]
        if item.format == "png" and kind in PREVIEWED and _preview_of(stem, pdfs):
            continue
        previews = [
            f.path
            for f in mine
            if f.format == "png" and _preview_of(f.path.rsplit(".", 1)[0], {stem})
        ]
        if item.format == "png":
            previews = [item.path]
        pages = pages_of(item.sha256) if item.format == "pdf" else None
        detail = item.format.upper() + (f" · {item.locale}" if item.locale else "")
        rows.append(
            Row(
                f"../../{item.path}",
                item.path.rsplit("/", 1)[-1],
                detail,
                _size(item.bytes, words.locale),
                words.pages(pages),
                [f"../../{p}" for p in previews],
            )
        )
    return rows


def _order(item: Listed) -> tuple[str, int, str]:
    """Sort by folder, then paper from the smallest (A4 before A3), then name."""
    folder, _, name = item.path.rpartition("/")
    size = re.search(r"-a(\d)\b", name)
    return folder, -int(size.group(1)) if size else 0, name


def _preview_of(stem: str, pdfs: set[str]) -> bool:
    """Say whether a PNG named ``stem`` previews one of ``pdfs``: same name, or with -1, -2…"""
    base, _, number = stem.rpartition("-")
    return stem in pdfs or (number.isdigit() and base in pdfs)


def render_downloads(
    project: Project,
    theme: Theme,
    files: list[Listed],
    pages_of: Callable[[str], int | None],
) -> list[Output]:
    """Return the staff download pages: one per campaign with files, and their index.

    ``files`` are the build's outputs; ``pages_of`` returns a PDF's number of pages by
    its SHA-256 (None if it cannot be read): see ``pdf_pages``.
    """
    locale = project.site.default_locale
    words, text = _Words(locale, theme), LocaleText(locale, locale)
    env = templates(theme, "print", "html")
    outputs: list[Output] = []
    listed: list[tuple[Campaign, int]] = []
    for campaign in project.campaigns:
        mine = [f for f in files if f.campaign == campaign.id]
        groups = [
            Group(words._(title), rows)
            for kind, title in GROUPS
            if (rows := _rows(mine, kind, words, pages_of))
        ]
        if not groups:
            continue
        listed.append((campaign, sum(len(g.rows) for g in groups)))
        html = env.get_template("downloads.html.j2").render(
            lang=locale,
            _=words._,
            title=text.plain(campaign.title),
            place=", ".join(p for p in (campaign.locality, campaign.province) if p),
            groups=groups,
            index="../",
            page=f"../../campaigns/{campaign.id}/",
        )
        path = downloads_path(campaign.id)
        outputs.append(Output(path, html.encode("utf-8"), "page", "html", campaign.id, locale))
    index = env.get_template("downloads-index.html.j2").render(
        lang=locale,
        _=words._,
        site=text.plain(project.site.title),
        campaigns=[(c.id, text.plain(c.title), count) for c, count in listed],
    )
    outputs.append(Output(downloads_path(), index.encode("utf-8"), "page", "html", None, locale))
    return outputs
