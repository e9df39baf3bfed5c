"""WeasyPrint behind the print engine: theme fonts loaded once, theme files only.

Imported by ``engine.render_pdf`` when a PDF is laid out, not before.
"""

from __future__ import annotations

import json
import logging
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from generator.errors import RenderError
from generator.i18n import _
from generator.model.theme import Theme

# WeasyPrint logs every CSS property it ignores; the theme's tests catch those.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


# WeasyPrint has no type information: its classes are Any to mypy.
class RefusedAddress(FatalURLFetchingError):  # type: ignore[misc]
    """A page asked for something that is not a file of its theme."""


class ThemeFilesOnly(URLFetcher):  # type: ignore[misc]
    """Fetch ``file:`` addresses inside the theme's folders and images written inline
    (``data:image/…``, a photo prepared for the page, a theme's motif); refuse the rest."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols=["file", "data"], fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:image/"):
            return super().fetch(url, headers)
        if not url.startswith("file:"):
            raise RefusedAddress(url)
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise RefusedAddress(url)
        return super().fetch(url, headers)


def font_faces_css(theme: Theme) -> str:
    """Return the ``@font-face`` rules of the theme's print fonts, by file address."""
    return "".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f"src: url({face.path.resolve().as_uri()}); }}\n"
        for face in theme.print.faces
    )


@cache
def _fonts(theme: Theme) -> tuple[FontConfiguration, CSS]:
    """Load the theme's fonts once per process: every page of a build shares them."""
    config = FontConfiguration()
    css = CSS(
        string=font_faces_css(theme),
        font_config=config,
        url_fetcher=ThemeFilesOnly(theme.folders),
    )
    return config, css


def lay_out(html: str, theme: Theme, output: str) -> tuple[bytes, int]:
    """Lay out ``html`` with the theme's fonts; return the PDF and its number of pages."""
    config, fonts = _fonts(theme)
    fetcher = ThemeFilesOnly(theme.folders)
    try:
        document = HTML(string=html, base_url=str(theme.folders[0]), url_fetcher=fetcher).render(
            font_config=config, stylesheets=[fonts]
        )
        return document.write_pdf(), len(document.pages)
    except RefusedAddress as error:
        raise RenderError(
            _(
                "{output}: the template asks for «{address}»; only the theme's files may be used"
            ).format(output=output, address=error)
        ) from None
    except (FatalURLFetchingError, OSError, ValueError) as error:
        raise RenderError(f"{output}: {error}") from error


def warm_up(theme: Theme) -> None:
    """Lay out a line in each of the theme's print fonts, so that what WeasyPrint prepares
    on its first page is ready (``engine.load_print_engine``). A page that cannot be laid
    out is left to the real page to report."""
    style = "".join(
        f"p.f{n} {{ font-family: {json.dumps(face.family)}; font-weight: {face.weight} }}"
        for n, face in enumerate(theme.print.faces)
    )
    lines = "".join(f'<p class="f{n}">Ạ</p>' for n in range(len(theme.print.faces)))
    with suppress(RenderError):
        lay_out(f"<html><head><style>{style}</style></head><body>{lines}</body></html>", theme, "")
