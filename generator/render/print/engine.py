"""The print engine: HTML and CSS laid out into PDF by WeasyPrint, with the theme's fonts.

Every printed output (posters, the loudspeaker operator sheet) is an HTML page
from a theme template; WeasyPrint shapes its text (Pango, HarfBuzz), breaks its
pages and embeds subsets of the fonts the theme declares in ``print/layout.yml``.
Nothing is fetched from the network: the only addresses a page may load are
files of the theme. WeasyPrint's errors become ``RenderError`` naming the output.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
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
    """Fetch ``file:`` addresses inside the theme's folders; refuse everything else."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
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


def render_pdf(html: str, theme: Theme, output: str) -> tuple[bytes, int]:
    """Lay out ``html`` with the theme's fonts; return the PDF and its number of pages."""
    pdfs, pages = render_pdfs(html, theme, output, (1.0,))
    return pdfs[0], pages


def render_pdfs(
    html: str, theme: Theme, output: str, zooms: tuple[float, ...]
) -> tuple[list[bytes], int]:
    """Lay out ``html`` once; return a PDF per zoom, and the number of pages.

    A zoom scales everything, the page size included: an A4 layout at √2 is A3.
    """
    config, fonts = _fonts(theme)
    fetcher = ThemeFilesOnly(theme.folders)
    try:
        document = HTML(string=html, base_url=str(theme.folders[0]), url_fetcher=fetcher).render(
            font_config=config, stylesheets=[fonts]
        )
        return [document.write_pdf(zoom=zoom) for zoom in zooms], len(document.pages)
    except RefusedAddress as error:
        raise RenderError(
            _(
                "{output}: the template asks for «{address}»; only the theme's files may be used"
            ).format(output=output, address=error)
        ) from None
    except (FatalURLFetchingError, OSError, ValueError) as error:
        raise RenderError(f"{output}: {error}") from error


def preview_available() -> bool:
    """Say whether page previews can be made (poppler's pdftoppm is installed)."""
    return shutil.which("pdftoppm") is not None


def render_preview(pdf: bytes, dpi: int, output: str) -> bytes:
    """Return page 1 of ``pdf`` as a PNG at ``dpi`` (poppler's pdftoppm)."""
    with tempfile.TemporaryDirectory(prefix="ansinh-preview-") as folder:
        source = Path(folder) / "page.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(dpi),
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(source),
                    str(Path(folder) / "page"),
                ],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise RenderError(f"{output}: pdftoppm: {error}") from error
        return (Path(folder) / "page.png").read_bytes()
