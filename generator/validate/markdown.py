"""Find what must not be in a hand-written Markdown page: code, embeds, media from elsewhere.

Raw HTML is read by a real HTML parser (``html.parser``); Markdown links, images,
reference definitions and ``{: attribute lists }`` by patterns that know their
syntax. Only one-line code spans are skipped: a code block is scanned too, because
whether it is code depends on the site's Markdown extensions, and a false alarm in
a code block is cheaper than a script that runs. Links to other sites stay allowed.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.i18n import _

_CODE_TAGS = {"script", "applet"}
_EMBED_TAGS = {"iframe", "frame", "frameset", "object", "embed", "form", "portal"}
_PAGE_TAGS = {"style", "link", "meta", "base"}
_MEDIA_TAGS = {"img", "image", "video", "audio", "source", "track", "input", "picture"}
_MEDIA_ATTRIBUTES = {"src", "srcset", "poster", "data", "lowsrc", "dynsrc"}
_URL_ATTRIBUTES = _MEDIA_ATTRIBUTES | {
    "href",
    "xlink:href",
    "action",
    "formaction",
    "background",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "codebase",
}
_FLAGGED_TAGS = _CODE_TAGS | _EMBED_TAGS | _PAGE_TAGS
_RAW_TAG = re.compile(r"<!--|<(?P<name>[A-Za-z][^\s/>]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>?")
_BAD_SCHEMES = ("javascript", "vbscript", "data")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_CODE_SPAN = re.compile(r"(?<![`\\])(`++)(?:[^`\n]|[^`\n][^\n]{0,1000}?[^`\n])\1(?!`)")
_BRACKETED = r"\[(?:[^\[\]\\\n]|\\.|\[(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*\])*\]"
_URL = r"\(\s*<?\s*(?P<url>[^()<>\n]{0,200})"
_INLINE = re.compile(r"!?" + _BRACKETED + _URL)
_LOOSE = re.compile(r"\]" + _URL)
# A reference definition, also inside a quote or a list item (``> [r]: url``, ``- [r]: url``),
# indented as deep as a list item's own paragraphs are.
# Each run of blanks has one place in the pattern, so a line of many markers (``> > > …``)
# that is no definition fails in linear time.
_DEFINITION = re.compile(
    r"^(?:[ \t]*(?:>|[*+\-]|\d{1,9}[.)]))*[ \t]*\[(?P<label>[^\]\n]+)\]:[ \t]*(?:\n[ \t]*)?"
    r"<?(?P<url>[^\s>]+)",
    re.M,
)
# Brackets are matched as the Markdown engine matches them: nested to any depth, over line
# breaks within a paragraph, a backslash escaping the next character; an image is a «![»
# whose bracket closes before «(url)», «[label]», « [label]» or nothing (its text is the label).
_BRACKET = re.compile(r"\\.|[\[\]]|\n[ \t]*\n", re.S)
_IMAGE_START = re.compile(r"!\[")
_IMAGE_URL = re.compile(_URL)
_IMAGE_LABEL = re.compile(r"[ ]?\[(?P<label>[^\[\]]*)\]")
# A definition's label is one line; longer image texts are never one (and cost time to fold).
_LONGEST_LABEL = 1_000
_ATTRIBUTE_LIST = re.compile(r"\{(?P<body>[^{}\n]*)\}")
_HANDLER = re.compile(r"(?:^|[\s'\"])(?P<name>on[a-z]+)\s*=", re.I)
_ATTRIBUTE_URL = re.compile(r"(?:^|\s)(?P<name>href|src)\s*=\s*[\"']?(?P<url>[^\"'\s}]*)", re.I)


@dataclass(frozen=True)
class Finding:
    """One thing not allowed in a page, at a 0-based offset in its text."""

    offset: int
    code: str
    message: str


def scheme_of(url: str) -> str | None:
    """Return the scheme a browser would see in ``url`` (entities decoded, blanks dropped)."""
    found = _SCHEME.match(_INVISIBLE.sub("", html.unescape(url)).lower())
    return found.group(1) if found else None


def is_outside(url: str) -> bool:
    """Whether ``url`` names a file on another host."""
    cleaned = _INVISIBLE.sub("", html.unescape(url)).lower()
    return cleaned.startswith(("//", "\\\\", "/\\")) or scheme_of(url) in ("http", "https", "ftp")


def _bad_scheme(url: str) -> str | None:
    scheme = scheme_of(url)
    return scheme if scheme in _BAD_SCHEMES else None


def _scheme_finding(offset: int, scheme: str) -> Finding:
    return Finding(
        offset,
        "unsafe-link",
        _(
            "«{scheme}:» addresses are not allowed in a page: they can run code; link to an "
            "https:// address or to a page of this site"
        ).format(scheme=scheme),
    )


def _outside_finding(offset: int, url: str) -> Finding:
    shown = url if len(url) <= 60 else url[:57] + "…"
    return Finding(
        offset,
        "outside-media",
        _(
            "an image or media file from another site («{url}») is not allowed in a page: it "
            "tells that site who reads the page and breaks when it changes; copy the file into "
            "content/media/ and use it from there"
        ).format(url=shown),
    )


def _tag_finding(offset: int, tag: str) -> Finding | None:
    if tag in _CODE_TAGS:
        message = _("«<{tag}>» is not allowed in a page: it could run code; remove it")
    elif tag in _EMBED_TAGS:
        message = _(
            "«<{tag}>» is not allowed in a page: it puts another site or a form inside this "
            "one; link to it instead, e.g. [Video](https://…)"
        )
    elif tag in _PAGE_TAGS:
        message = _(
            "«<{tag}>» is not allowed in a page: it changes how the whole site looks or "
            "behaves; remove it (the theme sets the styles)"
        )
    else:
        return None
    return Finding(offset, "unsafe-html", message.format(tag=tag))


def _handler_finding(offset: int, name: str) -> Finding:
    return Finding(
        offset,
        "unsafe-html",
        _(
            "«{attribute}=» is not allowed in a page: it runs code when the reader clicks or "
            "the page loads; remove the attribute"
        ).format(attribute=name.lower()),
    )


class _TagScanner(HTMLParser):
    """Read one raw tag with the standard HTML parser; note what could run code or track."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.offset = 0
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = _tag_finding(self.offset, tag)
        if found is not None:
            self.findings.append(found)
        for name, value in attrs:
            self.findings += _attribute_findings(self.offset, tag, name, value or "")

    handle_startendtag = handle_starttag


def _html_findings(text: str) -> list[Finding]:
    """Find raw HTML tags one by one (each parsed alone: linear time on any input)."""
    scanner = _TagScanner()
    position = 0
    while (match := _RAW_TAG.search(text, position)) is not None:
        if match.group() == "<!--":
            end = text.find("-->", match.end())
            if end < 0:
                break
            position = end + 3
            continue
        position = match.end()
        snippet = match.group()
        if "=" in snippet or match.group("name").lower() in _FLAGGED_TAGS:
            scanner.reset()
            scanner.offset = match.start()
            scanner.feed(snippet if snippet.endswith(">") else snippet + ">")
            scanner.close()
    return scanner.findings


def _attribute_findings(offset: int, tag: str, name: str, value: str) -> list[Finding]:
    if name.startswith("on"):
        return [_handler_finding(offset, name)]
    if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
        message = _(
            "a «style» with url(…), expression(…) or @import is not allowed in a page; remove it"
        )
        return [Finding(offset, "unsafe-html", message)]
    if name not in _URL_ATTRIBUTES:
        return []
    urls = [part.split()[0] for part in value.split(",") if part.split()]
    if name != "srcset":
        urls = [value]
    for url in urls:
        scheme = _bad_scheme(url)
        if scheme is not None:
            return [_scheme_finding(offset, scheme)]
        if tag in _MEDIA_TAGS and name in _MEDIA_ATTRIBUTES and is_outside(url):
            return [_outside_finding(offset, url)]
    return []


def _blank_code_spans(text: str) -> str:
    """Replace one-line code spans by spaces, keeping every offset."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group()), text)


def _markdown_findings(text: str) -> Iterator[Finding]:
    seen: set[int] = set()
    for match in _INLINE.finditer(text):
        scheme = _bad_scheme(match.group("url"))
        if scheme is not None:
            yield _scheme_finding(match.start(), scheme)
        seen.add(match.start("url"))
    for match in _LOOSE.finditer(text):
        scheme = _bad_scheme(match.group("url"))
        if match.start("url") not in seen and scheme is not None:
            yield _scheme_finding(match.start(), scheme)
    definitions: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        url = match.group("url")
        definitions.setdefault(_label(match.group("label")), url)
        scheme = _bad_scheme(url)
        if scheme is not None:
            yield _scheme_finding(match.start("url"), scheme)
    yield from _image_findings(text, definitions)
    for match in _ATTRIBUTE_LIST.finditer(text):
        body_at = match.start("body")
        for handler in _HANDLER.finditer(match.group("body")):
            yield _handler_finding(body_at + handler.start("name"), handler.group("name"))
        for attribute in _ATTRIBUTE_URL.finditer(match.group("body")):
            scheme = _bad_scheme(attribute.group("url"))
            if scheme is not None:
                yield _scheme_finding(body_at + attribute.start("name"), scheme)


def _label(label: str) -> str:
    return " ".join(label.lower().split())


def _escaped(text: str, offset: int) -> bool:
    """Whether the character at ``offset`` follows an odd number of backslashes."""
    before = text[max(0, offset - 64) : offset]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 1


def _closing_brackets(text: str) -> dict[int, int]:
    """Map the offset of each «[» to that of the «]» closing it in the same paragraph."""
    closing: dict[int, int] = {}
    open_at: list[int] = []
    for token in _BRACKET.finditer(text):
        if token.group() == "[":
            open_at.append(token.start())
        elif token.group() == "]":
            if open_at:
                closing[open_at.pop()] = token.start()
        elif token.group().startswith("\n"):
            open_at.clear()
    return closing


def _image_findings(text: str, definitions: dict[str, str]) -> Iterator[Finding]:
    """Find every image, inline or by reference, whose file is on another host."""
    closing = _closing_brackets(text)
    for match in _IMAGE_START.finditer(text):
        end = closing.get(match.start() + 1)
        if end is None or _escaped(text, match.start()):
            continue
        inline = _IMAGE_URL.match(text, end + 1)
        if inline is not None:
            url: str | None = inline.group("url")
        elif text.startswith(":", end + 1):
            continue
        else:
            label = _IMAGE_LABEL.match(text, end + 1)
            written = label.group("label") if label is not None else ""
            if not written and end - match.end() <= _LONGEST_LABEL:  # the text is the label
                written = text[match.end() : end]
            url = definitions.get(_label(written))
        if url is not None and is_outside(url):
            yield _outside_finding(match.start(), url)


# Raw HTML of any kind, and attribute lists: pages are plain Markdown. These are found on
# the text as written, code spans included: what looks like code to a scanner may not be
# code to the Markdown engine, and a false alarm is the safer mistake.
_ANY_TAG = re.compile(r"<(?!https?://|mailto:)[A-Za-z!?]", re.IGNORECASE)
_ANY_ATTRIBUTE_LIST = re.compile(r"\{[ \t]*[:.#]|\{[^{}\n]*=")


def _plain_markdown_findings(text: str, taken: set[int]) -> Iterator[Finding]:
    """Report raw HTML and attribute lists on lines the specific checks left unreported."""

    line_starts = _line_starts(text)

    def free(offset: int) -> bool:
        return bisect.bisect_right(line_starts, offset) - 1 not in taken

    raw_html = _(
        "a page is written in Markdown, without HTML tags or comments; remove "
        "this tag, or write &lt; for a «<» sign"
    )
    for match in _ANY_TAG.finditer(text):
        if free(match.start()):
            yield Finding(match.start(), "raw-html", raw_html)
    attribute_list = _("attribute lists such as «{: …}» are not allowed in a page; remove it")
    for match in _ANY_ATTRIBUTE_LIST.finditer(text):
        if free(match.start()):
            yield Finding(match.start(), "attribute-list", attribute_list)


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def scan_page(text: str) -> list[tuple[int, int, str, str]]:
    """Return (line, column, code, message) for everything a page must not hold, 1-based."""
    scanned = _blank_code_spans(text)
    line_starts = _line_starts(scanned)
    findings = _html_findings(scanned) + list(_markdown_findings(scanned))
    taken = {bisect.bisect_right(line_starts, finding.offset) - 1 for finding in findings}
    findings += _plain_markdown_findings(text, taken)
    located = []
    for finding in sorted(set(findings), key=lambda f: (f.offset, f.message)):
        line = bisect.bisect_right(line_starts, finding.offset)
        column = finding.offset - line_starts[line - 1] + 1
        located.append((line, column, finding.code, finding.message))
    return located
