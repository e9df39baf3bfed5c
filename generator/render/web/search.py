"""The site search index: every built page as Vietnamese-aware tokens, chunked by Pagefind.

Pagefind indexes records whose content is our own tokens (``generator.text.fold``), never
the page text: it would fold diacritics, match prefixes and trim words its own way. The
records keep the page's real title and a summary as metadata for the results list.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pagefind.service
from pagefind.service import PagefindService

from generator.errors import RenderError
from generator.i18n import _
from generator.render.web.progress import PROGRESS_FOLDER
from generator.text.fold import index_tokens

SEARCH_FOLDER = "pagefind"
# A language Pagefind has no stemmer for: tokens reach the index as they are.
INDEX_LANGUAGE = "und"
# What the browser needs of Pagefind's bundle: its script, worker, engine, index and
# fragments; its ready-made interfaces (hundreds of KB) are not published.
_SHIPPED = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.unknown.pagefind")
_SHIPPED_FOLDERS = ("index/", "fragment/", "filter/")
SUMMARY_CHARACTERS = 160
# The longest answer read from the index service, in bytes: all index files, in base64.
INDEX_LINE_LIMIT = 2**30
# A <nav> in the article (the language switcher) is a way out of the page, not its text; a
# <form> (the contribution calculator) is a tool whose labels, hints and answers are the
# same on every campaign page: a query for «ví dụ» or «kéo thanh trượt» should find no
# page by them.
_SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg", "button", "nav", "form"}
# Any other element of the article left out of the index, as Pagefind's own markup says
# it: the calculator's tables of amounts, the same on every campaign page (worked out
# from the policy, whose figures the questions page and the campaign's text state).
IGNORED = "data-pagefind-ignore"
# Pages for staff, reached from the menu, never what a resident's search is after: the
# progress reports, and the operators' pages (the list of campaigns, and each campaign's
# scripts, voice and broadcast calendar), which would answer a search for any province.
STAFF_PAGES = (f"{PROGRESS_FOLDER}/", "loudspeaker/")


class _PromptReplies:
    """asyncio for the index service's client, without the pause it takes per reply.

    The client sleeps 0.1 s before reading each reply of the service, although the
    read itself waits for the reply: with one record a page, a locale of 150 pages
    spent 15 s asleep. Everything but ``sleep`` is asyncio's own.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    def sleep(_delay: float, result: Any = None) -> Coroutine[Any, Any, Any]:
        return asyncio.sleep(0, result)


pagefind.service.asyncio = _PromptReplies()  # type: ignore[attr-defined,assignment]


@dataclass(frozen=True)
class SearchRecord:
    """One page to find: its address under the locale's root, title, summary and tokens."""

    url: str
    title: str
    summary: str
    tokens: str


class _ArticleText(HTMLParser):
    """Collect the text of a page's ``<article>``, and its first ``<h1>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        # The element being left out, and how many of its kind are open inside it.
        self.skipped: str | None = None
        self.open_skipped = 0
        self.in_h1 = False
        self.title: list[str] = []
        self.body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif not self.depth:
            return
        elif self.skipped is not None:
            self.open_skipped += tag == self.skipped
        elif tag in _SKIPPED_TAGS or any(name == IGNORED for name, _ in attrs):
            self.skipped, self.open_skipped = tag, 1
        elif tag == "h1" and not self.title:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        elif self.skipped is not None:
            if tag == self.skipped:
                self.open_skipped -= 1
                self.skipped = self.skipped if self.open_skipped else None
        elif tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if not self.depth or self.skipped is not None:
            return
        (self.title if self.in_h1 else self.body).append(data)


def page_record(url: str, html: str) -> SearchRecord | None:
    """Return the search record of a built page, or None for a page with no article."""
    parser = _ArticleText()
    parser.feed(html)
    title = " ".join("".join(parser.title).split())
    body = " ".join(" ".join(parser.body).split())
    if not title and not body:
        return None
    summary = body if len(body) <= SUMMARY_CHARACTERS else body[:SUMMARY_CHARACTERS] + "…"
    # The title's words count twice: a page named after the query comes first.
    tokens = index_tokens(f"{title} {title} {body}")
    return SearchRecord(url, title, summary, " ".join(tokens))


def search_records(pages: dict[str, str]) -> list[SearchRecord]:
    """Return the records of built pages, given as address → HTML; staff pages (progress
    reports, the loudspeaker operators' pages) are left out."""
    records = (
        page_record(url, html)
        for url, html in sorted(pages.items())
        if not url.startswith(STAFF_PAGES)
    )
    return [record for record in records if record is not None]


async def _index_files(records: list[SearchRecord]) -> dict[str, bytes]:
    # Files are taken from the service, not written by it: its ``write_files`` answers
    # before the last file is flushed, and leaving its block would write them again.
    async with PagefindService() as service:
        # The service sends every file in one line of base64, and its client reads lines
        # of at most 2 MiB: past that (about 200 campaigns) it stops reading and waits
        # for ever. Its reader's limit is the only knob; ours is far above any index.
        stdout = service._backend.stdout
        if stdout is not None:
            stdout._limit = INDEX_LINE_LIMIT  # type: ignore[attr-defined]
        index = await service.create_index()
        for record in records:
            await index.add_custom_record(
                url=record.url,
                content=record.tokens,
                language=INDEX_LANGUAGE,
                meta={"title": record.title, "summary": record.summary},
            )
        files = await index.get_files()
    return {str(file["path"]): bytes(file["content"]) for file in files}


def _shipped(name: str) -> bool:
    return name in _SHIPPED or name.endswith(".pf_meta") or name.startswith(_SHIPPED_FOLDERS)


def render_search_index(records: list[SearchRecord]) -> dict[str, bytes]:
    """Return the files of the search index, by path under the locale's root."""
    try:
        # A thread of its own: the caller may already run an event loop (serve, tests).
        with ThreadPoolExecutor(max_workers=1) as pool:
            files = pool.submit(asyncio.run, _index_files(records)).result()
    except Exception as error:  # the service's errors share no base class
        message = _("the search index could not be built: {error}").format(error=error)
        raise RenderError(message) from error
    return {
        f"{SEARCH_FOLDER}/{name}": data for name, data in sorted(files.items()) if _shipped(name)
    }
