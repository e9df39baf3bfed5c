"""Addresses of the published pages as print and cards give them: QR codes and short forms.

A QR code on paper or on a shared image leads to a page of the site and says where
the person came from (``utm_source``), so the office can count scans per medium; the
address printed beside it is the short form people type (no scheme, no final slash).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno
from markupsafe import Markup

from generator.model import Project
from generator.render.views import locale_prefix

QR_ERROR = "m"


def page_url(project: Project, locale: str, path: str = "") -> str:
    """Return the absolute address of a page of the site in ``locale``.

    ``path`` is the page's folder below the locale's root, e.g. ``campaigns/dak-lak/``.
    """
    return project.site.base_url + locale_prefix(project, locale) + path


def campaign_url(project: Project, locale: str, campaign_id: str) -> str:
    """Return the absolute address of a campaign's page in ``locale``."""
    return page_url(project, locale, f"campaigns/{campaign_id}/")


def testimonial_url(project: Project, locale: str, testimonial_id: str) -> str:
    """Return the absolute address of a testimonial's page in ``locale``."""
    return page_url(project, locale, f"testimonials/{testimonial_id}/")


def short_url(url: str) -> str:
    """Return an address as people type it: no scheme, no final slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def tracked_url(url: str, source: str) -> str:
    """Return ``url`` with ``utm_source=source`` added to its query (kept if already there).

    ``source`` names the medium the address is printed on: ``poster``, ``card``.
    """
    parts = urlsplit(url)
    if re.search(r"(^|&)utm_source=", parts.query):
        return url
    query = "&".join(q for q in (parts.query, urlencode({"utm_source": source})) if q)
    return urlunsplit(parts._replace(query=query))


def qr_code(url: str) -> segno.QRCode:
    """Return the QR code of an address: a full (never micro) code, error correction M (15%)."""
    return segno.make_qr(url, error=QR_ERROR)


def qr_svg(url: str) -> Markup:
    """Return the QR code of an address as inline SVG, black on white, four modules of margin."""
    return Markup(qr_code(url).svg_inline(omitsize=True, border=4, dark="#000", light="#fff"))
