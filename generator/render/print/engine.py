"""The print engine: HTML and CSS laid out into PDF by WeasyPrint, with the theme's fonts.

Every printed output (posters, the loudspeaker operator sheet) is an HTML page
from a theme template; WeasyPrint shapes its text (Pango, HarfBuzz), breaks its
pages and embeds subsets of the fonts the theme declares in ``print/layout.yml``.
Nothing is fetched from the network: the only addresses a page may load are
files of the theme. WeasyPrint's errors become ``RenderError`` naming the output.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from generator.errors import RenderError
from generator.i18n import _
from generator.model.printing import (
    PAPER_MM,
    Press,
    character_name,
    font_coverage,
    missing_glyphs,
)
from generator.model.theme import Theme


def render_pdf(html: str, theme: Theme, output: str) -> tuple[bytes, int]:
    """Lay out ``html`` with the theme's fonts; return the PDF and its number of pages.

    Raises RenderError naming ``output`` when the page asks for anything but the
    theme's files, or WeasyPrint cannot lay it out.
    """
    # WeasyPrint takes most of a second to import: only builds that print pay for it.
    from generator.render.print.weasy import lay_out

    return lay_out(html, theme, output)


def forget_fonts() -> None:
    """Forget the print fonts earlier builds of this process loaded, if any did (see
    ``weasy.forget_fonts``); WeasyPrint is not loaded for it."""
    weasy = sys.modules.get("generator.render.print.weasy")
    if weasy is not None:
        weasy.forget_fonts()


def load_print_engine(themes: Iterable[Theme] = ()) -> None:
    """Import WeasyPrint now and lay out a line with each of ``themes``' fonts, before
    worker processes are forked: they share all that then. Each worker would otherwise
    pay most of a second to import WeasyPrint and as much again on its first page
    (its C bindings' types, the font configuration, the themes' fonts)."""
    from generator.render.print.weasy import warm_up

    for theme in themes:
        warm_up(theme)


class Sheet(NamedTuple):
    """A sheet of paper a page is printed on: its trimmed size in millimetres, the scale of
    the layout drawn for ``base`` paper, and what a print shop needs (bleed, crop marks).
    """

    width_mm: float
    height_mm: float
    scale: float
    bleed_mm: float
    crop_marks: bool

    @property
    def media_mm(self) -> tuple[float, float]:
        """The PDF page's size: the trimmed sheet with its bleed on every side."""
        return (self.width_mm + 2 * self.bleed_mm, self.height_mm + 2 * self.bleed_mm)


def sheet_for(size: str, base: str, press: Press) -> Sheet:
    """Return the sheet of ``size`` (A0…A5) for a layout drawn for ``base`` paper.

    Sizes listed in the theme's ``press`` go to a print shop: they get its bleed and
    crop marks; every other sheet is exactly its paper, for an office printer.
    """
    width, height = PAPER_MM[size]
    shop = size in press.sizes
    return Sheet(
        width_mm=width,
        height_mm=height,
        scale=width / PAPER_MM[base][0],
        bleed_mm=press.bleed_mm if shop else 0.0,
        crop_marks=press.crop_marks and shop,
    )


def check_glyphs(shown: list[tuple[str, str]], theme: Theme, campaign: str, output: str) -> None:
    """Raise RenderError naming each character no print font can draw, and its field.

    ``shown`` pairs the field each text comes from (``messages[0]``) with the text.
    A character without a glyph would print as an empty box: never silently.
    """
    coverage = font_coverage(tuple(face.path for face in theme.print.faces))
    problems = [
        _(
            "campaign «{campaign}», {field}: no print font has the character {character}; "
            "write it another way"
        ).format(campaign=campaign, field=field, character=character_name(char))
        for field, text in shown
        for char in missing_glyphs(text, coverage)
    ]
    if problems:
        raise RenderError("\n".join(f"{output}: {problem}" for problem in problems))


def preview_available() -> bool:
    """Say whether page previews can be made (poppler's pdftoppm is installed)."""
    return shutil.which("pdftoppm") is not None


def render_previews(pdf: bytes, dpi: int, output: str, pages: int) -> list[bytes]:
    """Return every page of ``pdf``, ``pages`` of them, as PNGs at ``dpi``."""
    return [render_preview(pdf, dpi, output, page) for page in range(1, pages + 1)]


def render_preview(pdf: bytes, dpi: int, output: str, page: int = 1) -> bytes:
    """Return a page of ``pdf`` (the first by default) as a PNG at ``dpi`` (poppler's pdftoppm)."""
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
                    str(page),
                    "-l",
                    str(page),
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
