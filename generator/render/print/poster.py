"""The campaign poster for residents: a PDF per paper size, and a PNG preview of each.

For every campaign with ``print`` among its outputs, ``print/<campaign>/poster-a4.pdf``
and one per other size that ``print/layout.yml`` lists (``poster-a3.pdf``…), each
with a PNG preview of its page beside it (``poster-a4.png``).
The poster says what residents need: the title, the first key message (else the
summary), one key figure, the hotline, and a QR code to the campaign page with the
address printed beneath. Its template is ``print/poster.html.j2``, drawn for A4.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from markupsafe import Markup

from generator.errors import RenderError
from generator.i18n import _, translator
from generator.model import Campaign, Project
from generator.model.printing import PAPER_MM, PosterField, PosterLayout, poster_texts
from generator.model.theme import Theme
from generator.render import Output
from generator.render.print.engine import preview_available, render_pdfs, render_preview
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
    """A text of the poster with the campaign field it comes from, for error messages."""

    name: PosterField
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
        Block(name, _field(where), text.plain(value))
        for name, where, value in poster_texts(campaign)
    ]
    if figure is not None:
        blocks += [
            Block("figure", "figures", figure.value),
            Block("figure_label", "figures", _figure_label(figure)),
        ]
    return blocks


def _field(where: tuple[str | int, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else part for part in where)


def check_fit(blocks: list[Block], layout: PosterLayout, campaign: Campaign) -> list[str]:
    """Return one line per text too long for its block, saying how many characters to cut."""
    problems = []
    for block in blocks:
        most = layout.blocks[block.name].max_chars
        if len(block.text) > most:
            problems.append(
                _(
                    "campaign «{campaign}», {field}: {length} characters do not fit the "
                    "poster's {block} block, which holds {most}; cut {cut}"
                ).format(
                    campaign=campaign.id,
                    field=block.field,
                    length=len(block.text),
                    block=block.name,
                    most=most,
                    cut=len(block.text) - most,
                )
            )
    return problems


def _sizes(layout: PosterLayout, texts: dict[PosterField, str]) -> dict[str, float]:
    """Return every block's type size: for its text, or its largest when it has none."""
    sizes: dict[str, float] = {name: block.size for name, block in layout.blocks.items()}
    for name, text in texts.items():
        sizes[name] = layout.blocks[name].size_for(text)
    return sizes


def _qr(url: str) -> Markup:
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(omitsize=True, border=4, dark="#000", light="#fff"))


def poster_view(project: Project, theme: Theme, campaign: Campaign) -> Poster:
    """Gather a poster's texts in the site's default locale; raise if any does not fit."""
    locale = project.site.default_locale
    t, text = translator(locale, theme.locale_dirs), LocaleText(locale, locale)
    layout = theme.print.layout.poster
    figure = Content(project, locale).figure(campaign)
    blocks = _blocks(campaign, text, figure)
    problems = check_fit(blocks, layout, campaign)
    if problems:
        output = poster_path(campaign.id, layout.sizes[0], "pdf")
        raise RenderError("\n".join(f"{output}: {problem}" for problem in problems))
    by_name = {block.name: block.text for block in blocks}
    url = campaign_url(project, locale, campaign.id)
    return Poster(
        lang=locale,
        brand=t("Voluntary social insurance · Household health insurance"),
        place=", ".join(p for p in (campaign.locality, campaign.province) if p),
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
        qr=_qr(f"{url}?utm_source={UTM_SOURCE}"),
        qr_mm=layout.qr_mm,
        scan_label=t("Scan for details"),
        url_text=short_url(url),
        organisation=text.plain(project.site.organisation),
        sizes=_sizes(layout, by_name),
    )


def render_poster_html(poster: Poster, theme: Theme) -> str:
    """Return the poster's HTML page (A4; the engine scales it for larger paper)."""
    return templates(theme, "print", "html").get_template("poster.html.j2").render(poster=poster)


def render_print_campaign(
    project: Project, theme: Theme, campaign: Campaign
) -> tuple[list[Output], list[str]]:
    """Return a campaign's posters and their previews (none without "print"), and notices."""
    if "print" not in campaign.outputs:
        return [], []
    html = render_poster_html(poster_view(project, theme, campaign), theme)
    previews, locale = preview_available(), project.site.default_locale
    sizes = theme.print.layout.poster.sizes
    first = poster_path(campaign.id, sizes[0], "pdf")
    zooms = tuple(PAPER_MM[size][0] / PAPER_MM["A4"][0] for size in sizes)
    pdfs, pages = render_pdfs(html, theme, first, zooms)
    if pages != 1:
        raise RenderError(
            _("{output}: the poster takes {pages} pages instead of one; shorten its texts").format(
                output=first, pages=pages
            )
        )
    outputs: list[Output] = []
    for size, pdf in zip(sizes, pdfs, strict=True):
        path = poster_path(campaign.id, size, "pdf")
        outputs.append(Output(path, pdf, "poster", "pdf", campaign.id, locale))
        if previews:
            png = render_preview(pdf, PREVIEW_DPI, path)
            png_path = poster_path(campaign.id, size, "png")
            outputs.append(Output(png_path, png, "poster", "png", campaign.id, locale))
    notices = [] if previews else [_("pdftoppm is not installed: posters have no PNG preview")]
    return outputs, notices
