"""Hand-written Markdown pages: a title, a name of their own, and nothing that runs or tracks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mkdocs.utils.meta import get_data

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.project import PAGES_DIR, PageFile
from generator.model import Page, Site
from generator.validate.markdown import scan_page

# Pages and folders An Sinh makes itself: a hand-written page of that name would replace them.
RESERVED_NAMES = (
    "404",
    "assets",
    "campaigns",
    "downloads",
    "index",
    "loudspeaker",
    "manifest",
    "media",
    "pagefind",
    "print",
    "progress",
    "search",
    "sitemap",
    "social",
    "testimonials",
    "verses",
)


def _title(text: str) -> str | None:
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)


# Each heading gets an anchor the site engine makes unique one by one: cost grows as the
# square of their number (20,000 take minutes), and no page for residents needs so many.
MAX_HEADINGS = 300
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")


def _page_problems(page: PageFile, site: Site | None) -> list[Diagnostic]:
    problems = [
        Diagnostic(page.path, line, column, "error", code, message)
        for line, column, code, message in scan_page(page.text)
    ]
    # The site engine reads settings above the text (``---`` front matter, or ``key: value``
    # lines) and prints some, such as the description, into the page's HTML unescaped.
    settings = get_data(page.text)[1]
    if settings:
        message = _(
            "a page starts with its title line «# Title»; the settings above it ({keys}) "
            "are not allowed: the site would copy them into the page's code unchecked"
        ).format(keys=", ".join(f"«{key}:»" for key in settings))
        problems.append(Diagnostic(page.path, 1, 1, "error", "page-settings", message))
    headings = [i for i, line in enumerate(page.text.splitlines(), 1) if _HEADING.match(line)]
    if len(headings) > MAX_HEADINGS:
        message = _(
            "the page has {count} headings, more than {limit}; split it into several pages"
        ).format(count=len(headings), limit=MAX_HEADINGS)
        line = headings[MAX_HEADINGS]
        problems.append(Diagnostic(page.path, line, 1, "error", "too-many-headings", message))
    reserved = set(RESERVED_NAMES) | set(site.locales if site else ())
    if page.name in reserved:
        message = _(
            "the name «{name}» belongs to a page or folder An Sinh makes itself; rename the "
            "file, e.g. {folder}/{name}-info.md (names not allowed: {names})"
        ).format(name=page.name, folder=PAGES_DIR, names=", ".join(sorted(reserved)))
        problems.append(Diagnostic(page.path, 1, 1, "error", "reserved-name", message))
    if site is not None and page.locale is not None and page.locale not in site.locales:
        message = _(
            "«{locale}» is not one of the site's languages ({locales}); this page will not be "
            "published"
        ).format(locale=page.locale, locales=", ".join(site.locales))
        problems.append(Diagnostic(page.path, 1, 1, "warning", "unknown-locale", message))
    return problems


def validate_pages(
    pages: Iterable[PageFile], site: Site | None
) -> tuple[list[Page], list[Diagnostic]]:
    """Validate every hand-written page; return the pages that can be published, and problems."""
    valid: list[Page] = []
    problems: list[Diagnostic] = []
    for page in pages:
        found = _page_problems(page, site)
        problems += found
        title = _title(page.text)
        if title is None:
            message = _("the page needs a title: start it with a line '# Title'")
            problems.append(Diagnostic(page.path, 1, 1, "error", "missing-title", message))
        elif not found:
            valid.append(Page(id=page.name, locale=page.locale, title=title, markdown=page.text))
    return valid, problems
