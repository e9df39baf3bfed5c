"""Every text from YAML, made safe for the place it is shown: the one module that does it.

Staff write plain text. Wherever it lands it must read as the same plain text and
never become markup, a link, a script or a structure of its own:

- ``markdown_text`` and ``markdown_paragraphs``: a web page's Markdown, which also allows
  raw HTML. Characters HTML gives a meaning (``& < > "``) and those Markdown or the
  extensions a site may turn on give one (``\\ ` * _ [ ] { } | ~ ! # ^``; ``- + = : ?``
  or ``1.`` opening a line; ``:name:``, ``==``, ``++``) are written as character
  references, which both leave alone and browsers show as the character itself. Safe in
  HTML text and in attributes quoted with ``"`` (every template quotes attributes so).
- ``html_text``: what the site engine's templates print without escaping (page titles,
  descriptions, navigation, the site name).
- ``front_matter``: a value of a page's YAML front matter (a JSON string of html_text).
- ``svg_text``: a chart's title and description (HTML-escaped; the SVG is inline).
- ``ical_text``: an iCalendar TEXT value (RFC 5545 §3.3.11).
- ``caption_text``: a caption to paste into Facebook or Zalo (plain text, no controls).
- ``script_json``: data for a ``<script type="application/json">`` block.
- ``safe_url``: only ``http:``, ``https:``, ``tel:`` and ``mailto:`` addresses are links.

``MarkdownSafe`` marks what is already safe, like ``markupsafe.Markup``; formatting it
(``MarkdownSafe(template).format(name=text)``) escapes the arguments with ``markdown_text``.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

_REFERENCES = {ord(char): f"&#{ord(char)};" for char in "\\`*_[]{}|~!#"} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
_LINE_START = re.compile(r"^([-+=:?]+|\d+[.)])(?=\s|$)")
# What the Markdown extensions a site may turn on read inside a line: an emoji name between
# colons (``:smile:``, an image from another site), ``==mark==``, ``^^insert^^`` and
# ``^sup^``, ``++ctrl+alt++``. The first colon of a name, one of each doubled ``=`` or
# ``+`` and every ``^`` become character references.
_EXTENSION_MARK = re.compile(r":(?=[+\-\w]+:)|=(?==)|\+(?=\+)|\^")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES = re.compile(r"\n\s*\n")
# ASCII white space only: the no-break spaces Babel puts in amounts must stay.
_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# An underscore only between letters or digits, where it can start no emphasis.
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.:/%=-]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))*")
LINK_SCHEMES = frozenset({"http", "https", "tel", "mailto"})


class MarkdownSafe(Markup):
    """Text already safe in a web page's Markdown; what is added to it is escaped."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> MarkdownSafe:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return markdown_text(s)


def plain_line(text: object) -> str:
    """Return ``text`` as one line: no control characters, white space folded and trimmed."""
    return _WHITE_SPACE.sub(" ", _CONTROL.sub(" ", str(text))).strip(" ")


def markdown_text(text: object) -> MarkdownSafe:
    """Return ``text`` (one line) safe as text in a web page's Markdown and HTML.

    Runs of white space become one space (kept at the ends, where a template joins
    pieces); a word of letters, digits and ``. : / % = -`` that starts with a letter or
    digit, with underscores only between letters or digits, starts no markup and is kept.
    """
    value = str(text)
    if _PLAIN_TOKEN.fullmatch(value) and not _EXTENSION_MARK.search(value):
        return MarkdownSafe(value)
    line = _WHITE_SPACE.sub(" ", _CONTROL.sub(" ", value)).translate(_REFERENCES)
    line = _EXTENSION_MARK.sub(lambda m: f"&#{ord(m.group())};", line)
    line = _LINE_START.sub(lambda m: m.group()[:-1] + f"&#{ord(m.group()[-1])};", line)
    return MarkdownSafe(line)


def markdown_paragraphs(text: object) -> MarkdownSafe:
    """Return ``text`` as Markdown paragraphs: blank lines part them, other breaks fold."""
    parts = _BLANK_LINES.split(str(text).strip())
    paragraphs = [markdown_text(plain_line(part)) for part in parts]
    return MarkdownSafe("\n\n".join(p for p in paragraphs if p))


def html_text(text: object) -> Markup:
    """Return ``text`` (one line) escaped for HTML text and quoted attributes."""
    return Markup(html.escape(plain_line(text), quote=True))


def front_matter(text: object, **fields: object) -> MarkdownSafe:
    """Return a front-matter value: a YAML (JSON) string of ``html_text``.

    With ``fields``, ``text`` is a message whose ``{name}`` places take them as plain
    text: a title such as «Tiến độ: {title}» is escaped once, as a whole, not its title
    for Markdown first (which would show «&#42;» for a «*» in the browser's tab).
    """
    if fields:
        text = str(text).format(**{name: str(value) for name, value in fields.items()})
    return MarkdownSafe(json.dumps(str(html_text(text)), ensure_ascii=False))


def svg_text(text: object) -> Markup:
    """Return ``text`` for an inline SVG ``<title>`` or ``<desc>`` inside Markdown."""
    return markdown_text(text)


def ical_text(text: object) -> str:
    """Return ``text`` as an iCalendar TEXT value: ``\\ ; ,`` and line breaks escaped."""
    cleaned = _CONTROL.sub(" ", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    escaped = cleaned.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")


def caption_text(text: object) -> str:
    """Return ``text`` for a social-media caption: plain, one paragraph, no control codes."""
    return plain_line(unicodedata.normalize("NFC", str(text)))


def script_json(data: Any) -> Markup:
    """Serialize ``data`` for a ``<script type="application/json">`` block, safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def safe_url(url: str | None) -> str | None:
    """Return ``url`` ready for an ``href`` if its scheme may be a link, else None."""
    if not url:
        return None
    candidate = plain_line(url)
    if " " in candidate:
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return None
    return quote(candidate, safe="/:?#[]@!$&*+,;=%-._~")


def markdown_link(text: object, url: str | None) -> MarkdownSafe:
    """Return a Markdown link to ``url`` showing ``text``, or the text alone if not allowed."""
    target = safe_url(url)
    label = markdown_text(text)
    if target is None:
        return label
    return MarkdownSafe(f'<a href="{html.escape(target, quote=True)}">{label}</a>')
