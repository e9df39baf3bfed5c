"""The campaign poster for residents: a PDF per paper size, and a PNG preview of each.

For every campaign with ``print`` among its outputs, ``print/<campaign>/poster-a4.pdf``
and one per other size that ``print/layout.yml`` lists (``poster-a3.pdf``…), each
with a PNG preview of its page beside it (``poster-a4.png``).
The poster says what residents need: the title, the first key message (else the
summary), one key figure, the hotline, and a QR code to the campaign page with the
address printed beneath. Its template is ``print/poster.html.j2``, drawn for A4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from generator.errors import RenderError
from generator.i18n import _, translator
from generator.model import Campaign, Project
from generator.model.printing import TextBlock, poster_texts
from generator.model.theme import Theme
from generator.render import Output
from generator.render.links import qr_svg, tracked_url
from generator.render.print.engine import (
    Sheet,
    check_glyphs,
    preview_available,
    render_pdf,
    render_preview,
    sheet_for,
)
from generator.render.social.render import Content, FigureText, campaign_url, short_url
from generator.render.views import LocaleText, templates

FOLDER = "print"
PREVIEW_DPI = 50
UTM_SOURCE = "poster"


@dataclass(frozen=True)
class PosterFigure:
    value: str
    label: str
    source: str


@dataclass(frozen=True)
class Poster:
    """What a poster shows, in its locale, with the type size of each text block."""

    lang: str
    brand: str
    place: str
    title: str
    headline: str
    message: str
    figure: PosterFigure | None
    hotline_label: str
    hotline: str
    join_note: str
    qr: Markup
    qr_mm: float
    scan_label: str
    url_text: str
    organisation: str
    sizes: dict[str, float]


@dataclass(frozen=True)
class Block:
    """A text of a printed sheet, its block, and the field it comes from, for error messages."""

    name: str
    field: str
    text: str


def poster_path(campaign_id: str, size: str, suffix: str) -> str:
    """Return where a poster is written, e.g. ``print/dak-lak/poster-a4.pdf``."""
    return f"{FOLDER}/{campaign_id}/poster-{size.lower()}.{suffix}"


def _figure_label(figure: FigureText) -> str:
    # The share of the office's plan ("đạt 55,37% kế hoạch") is for staff, not residents:
    # the poster says how many neighbours have joined, and what the count is of.
    return figure.label


def _blocks(campaign: Campaign, text: LocaleText, figure: FigureText | None) -> list[Block]:
    """Return the poster's texts, placed by ``poster_texts``, then the key figure."""
    blocks = [
        Block(name, field_name(where), text.plain(value))
        for name, where, value in poster_texts(campaign)
    ]
    if figure is not None:
        blocks += [
            Block("figure", "figures", figure.value),
            Block("figure_label", "figures", _figure_label(figure)),
        ]
    return blocks


def field_name(where: tuple[str | int, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else part for part in where)


def check_fit(
    blocks: list[Block], sized: Mapping[str, TextBlock], campaign: Campaign, leaflet: bool = False
) -> list[str]:
    """Return one line per text too long for its block, saying how many characters to cut."""
    problems = []
    for block in blocks:
        most = sized[block.name].max_chars
        if len(block.text) > most:
            message = (
                _(
                    "campaign «{campaign}», {field}: {length} characters do not fit the "
                    "leaflet's {block} block, which holds {most}; cut {cut}"
                )
                if leaflet
                else _(
                    "campaign «{campaign}», {field}: {length} characters do not fit the "
                    "poster's {block} block, which holds {most}; cut {cut}"
                )
            )
            problems.append(
                message.format(
                    campaign=campaign.id,
                    field=block.field,
                    length=len(block.text),
                    block=block.name,
                    most=most,
                    cut=len(block.text) - most,
                )
            )
    return problems


def type_sizes(sized: Mapping[str, TextBlock], texts: dict[str, str]) -> dict[str, float]:
    """Return every block's type size: for its text, or its largest when it has none."""
    sizes: dict[str, float] = {name: block.size for name, block in sized.items()}
    for name, text in texts.items():
        sizes[name] = sized[name].size_for(text)
    return sizes


def poster_view(project: Project, theme: Theme, campaign: Campaign) -> Poster:
    """Gather a poster's texts in the site's default locale; raise if any does not fit."""
    locale = project.site.default_locale
    t, text = translator(locale, theme.locale_dirs), LocaleText(locale, locale)
    layout = theme.print.layout.poster
    figure = Content(project, locale).figure(campaign)
    blocks = _blocks(campaign, text, figure)
    problems = check_fit(blocks, layout.text_blocks, campaign)
    output = poster_path(campaign.id, layout.sizes[0], "pdf")
    if problems:
        raise RenderError("\n".join(f"{output}: {problem}" for problem in problems))
    by_name = {block.name: block.text for block in blocks}
    url = campaign_url(project, locale, campaign.id)
    place = ", ".join(p for p in (campaign.locality, campaign.province) if p)
    shown = [(block.field, block.text) for block in blocks] + [("province", place)]
    check_glyphs(shown, theme, campaign.id, output)
    return Poster(
        lang=locale,
        brand=t("Voluntary social insurance · Household health insurance"),
        place=place,
        title=by_name.get("title", ""),
        headline=by_name["headline"],
        message=by_name["message"],
        figure=PosterFigure(
            figure.value,
            _figure_label(figure),
            t("As of {date} · {source}").format(date=figure.as_of, source=figure.source),
        )
        if figure
        else None,
        hotline_label=t("Hotline"),
        hotline=project.site.hotline,
        join_note=t("Sign up with a collection agent in your commune or at the post office."),
        qr=qr_svg(tracked_url(url, UTM_SOURCE)),
        qr_mm=layout.qr_mm,
        scan_label=t("Scan for details"),
        url_text=short_url(url),
        organisation=text.plain(project.site.organisation),
        sizes=type_sizes(layout.text_blocks, by_name),
    )


def render_poster_html(poster: Poster, theme: Theme, sheet: Sheet | None = None) -> str:
    """Return the poster's HTML page for ``sheet`` (A4 by default): the A4 layout, scaled."""
    if sheet is None:
        sheet = sheet_for("A4", "A4", theme.print.layout.press)
    return (
        templates(theme, "print", "html")
        .get_template("poster.html.j2")
        .render(poster=poster, sheet=sheet, margin_mm=theme.print.layout.poster.margin_mm)
    )


# How many times a poster too long for its page is set smaller, by SHRINK each time.
SHRINK_STEPS = 4
SHRINK = 0.92


def shrunk(poster: Poster, blocks: Mapping[str, TextBlock]) -> Poster:
    """Return ``poster`` with every text block's type size times ``SHRINK`` (pt), but not
    below the block's ``min_size``."""
    sizes = {
        name: round(max(blocks[name].min_size, size * SHRINK), 1) if name in blocks else size
        for name, size in poster.sizes.items()
    }
    return replace(poster, sizes=sizes)


def render_posters(project: Project, theme: Theme, campaign: Campaign) -> list[Output]:
    """Return a campaign's posters, one per size of the layout, each with its PNG preview."""
    poster, previews = poster_view(project, theme, campaign), preview_available()
    locale, layout = project.site.default_locale, theme.print.layout
    outputs: list[Output] = []
    for size in layout.poster.sizes:
        path = poster_path(campaign.id, size, "pdf")
        sheet = sheet_for(size, "A4", layout.press)
        pdf, pages = render_pdf(render_poster_html(poster, theme, sheet), theme, path)
        # Each block fits alone at its size; all of them together may not (a short figure
        # set large under a long headline): set the texts smaller, never below their
        # smallest size, until the poster is one page again.
        for _step in range(SHRINK_STEPS):
            if pages == 1:
                break
            poster = shrunk(poster, layout.poster.text_blocks)
            pdf, pages = render_pdf(render_poster_html(poster, theme, sheet), theme, path)
        if pages != 1:
            raise RenderError(
                _(
                    "{output}: the poster takes {pages} pages instead of one; shorten its texts"
                ).format(output=path, pages=pages)
            )
        outputs.append(Output(path, pdf, "poster", "pdf", campaign.id, locale))
        if previews:
            png = render_preview(pdf, PREVIEW_DPI, path)
            png_path = poster_path(campaign.id, size, "png")
            outputs.append(Output(png_path, png, "poster", "png", campaign.id, locale))
    return outputs
