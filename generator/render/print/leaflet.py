"""The A5 leaflet agents hand out at every door: two sides, as a PDF with a PNG preview of each.

For every campaign with ``print`` among its outputs, ``print/<campaign>/leaflet-a5.pdf``
and ``leaflet-a5-1.png``, ``leaflet-a5-2.png``. Front: the first key message (else the
title), the second (else the summary), a testimonial whose consent allows print (its
photo too, unless the person is named by initials), one key figure. Back: how to join,
a contribution table for common incomes computed from ``content/policy.yml`` (with its
date and legal basis), payment modes with those that suit a harvest, where to sign up
(the campaign's contact points, else the usual places in general words), the hotline
and a QR code to the campaign page. Its template is ``print/leaflet.html.j2``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from generator.errors import RenderError
from generator.i18n import _, translator
from generator.model import Campaign, PaymentMode, Project, SupportGroup, Testimonial
from generator.model.contacts import ContactKind, contacts_for, hours_text, nearest
from generator.model.policy import (
    PAYMENT_MONTHS,
    common_incomes,
    current_voluntary,
    monthly_support,
    voluntary_contribution,
)
from generator.model.printing import LeafletLayout, leaflet_texts
from generator.model.theme import Theme
from generator.render import Output
from generator.render.links import qr_svg, tracked_url
from generator.render.print.engine import (
    check_glyphs,
    preview_available,
    render_pdf,
    render_previews,
    sheet_for,
)
from generator.render.print.photo import PRINT_DPI, Frame, print_photo
from generator.render.print.poster import (
    PREVIEW_DPI,
    Block,
    check_fit,
    field_name,
    type_sizes,
)
from generator.render.social.render import Content, campaign_url, short_url
from generator.render.views import LocaleText, contribution_sentence, templates
from generator.text.format import format_amount, format_day
from generator.text.labels import label

FOLDER = "print"
UTM_SOURCE = "leaflet"
PAGES = 2
MAX_PLACES = 3
MAX_BENEFITS = 4
# A leaflet without a testimonial answers common misunderstandings (policy.yml myths)
# instead: up to two, each short enough for its box, as many as the front has room for.
MAX_MYTHS = 2
MYTH_CHARS = 260
# The modes that suit an income that comes with the harvest.
HARVEST_MODES: tuple[PaymentMode, ...] = ("every_6_months", "every_12_months")
SUPPORT_GROUPS: tuple[SupportGroup, ...] = ("poor", "near_poor", "ethnic_minority", "other")
Translate = Callable[[str], str]


@dataclass(frozen=True)
class Place:
    """A contact point as the leaflet prints it: every field plain text, '' when unknown."""

    name: str
    kind: ContactKind
    commune: str
    address: str
    phone: str
    hours: str


@dataclass(frozen=True)
class Quote:
    text: str
    person: str
    detail: str
    photo: str | None


@dataclass(frozen=True)
class Row:
    """A row of the contribution table: amounts in đồng, formatted."""

    income: str
    contribution: str
    you_pay: str
    you_pay_year: str


@dataclass(frozen=True)
class Leaflet:
    """What the leaflet shows, in its locale, with the type size of each text block."""

    lang: str
    brand: str
    place: str
    headline: str
    message: str
    benefits: list[str]
    quote: Quote | None
    myths: list[tuple[str, str]]
    figure_value: str
    figure_label: str
    figure_source: str
    rate_sentence: str
    rows: list[Row]
    support_note: str
    policy_note: str
    modes: list[str]
    places: list[Place]
    hotline: str
    qr: Markup
    url_text: str
    organisation: str
    sizes: dict[str, float]


def leaflet_path(campaign_id: str, suffix: str) -> str:
    """Return where the leaflet is written, e.g. ``print/dak-lak/leaflet-a5.pdf``."""
    return f"{FOLDER}/{campaign_id}/leaflet-a5{suffix}"


def printed_testimonial(project: Project, campaign: Campaign) -> Testimonial | None:
    """Return the campaign's first testimonial whose consent allows print, if any."""
    for name in campaign.testimonials:
        found = project.testimonials.get(name)
        if found is not None and found.consent.given and "print" in found.consent.scope:
            return found
    return None


def _photo(
    testimonial: Testimonial, photos: Mapping[str, bytes], layout: LeafletLayout
) -> tuple[str | None, list[str]]:
    """Return the testimonial's photo as a data address, and a notice if it is too small."""
    # A face names a person as surely as a name: none for those shown by initials.
    if testimonial.photo is None or testimonial.consent.display == "initials":
        return None, []
    data = photos.get(testimonial.photo)
    if data is None:
        return None, []
    printed = print_photo(data, Frame(*layout.photo_mm), testimonial.photo)
    notices = []
    if printed.dpi < PRINT_DPI:
        notices.append(
            _(
                "photo «{name}» prints at {dpi} dpi on the leaflet, less than {least}; "
                "a larger photo would print sharper"
            ).format(name=testimonial.photo, dpi=printed.dpi, least=PRINT_DPI)
        )
    return "data:image/jpeg;base64," + base64.b64encode(printed.jpeg).decode("ascii"), notices


def _rows(project: Project, locale: str) -> list[Row]:
    period = current_voluntary(project.policy)
    rows = []
    for income in common_incomes(period):
        month = voluntary_contribution(period, income, "other", 1)
        year = voluntary_contribution(period, income, "other", 12)
        rows.append(
            Row(
                format_amount(income, locale),
                format_amount(month.gross, locale),
                format_amount(month.you_pay, locale),
                format_amount(year.you_pay, locale),
            )
        )
    return rows


def _modes(project: Project, campaign: Campaign) -> list[PaymentMode]:
    """Return the payment modes to print: the campaign's, then those that suit a harvest."""
    allowed = current_voluntary(project.policy).payment_modes
    wanted = [*campaign.payment_modes, *HARVEST_MODES] or list(PAYMENT_MONTHS)
    return [mode for mode in dict.fromkeys(wanted) if mode in allowed]


def _quote(
    project: Project, campaign: Campaign, photos: Mapping[str, bytes], theme: Theme, t: Translate
) -> tuple[Quote | None, str, list[str]]:
    """Return the printed testimonial, the name of its file, and notices about its photo."""
    testimonial = printed_testimonial(project, campaign)
    if testimonial is None:
        return None, "", []
    photo, notices = _photo(testimonial, photos, theme.print.layout.leaflet)
    role = label("role", testimonial.role, t)
    text = LocaleText(project.site.default_locale, project.site.default_locale)
    quote = Quote(
        " ".join(text.plain(testimonial.quote).split()),
        testimonial.name,
        f"{role[:1].upper()}{role[1:]} · {testimonial.place}",
        photo,
    )
    return quote, f"testimonials/{testimonial.id}.yml", notices


def places(project: Project, campaign: Campaign) -> list[Place]:
    """Return the contact points to print: up to ``MAX_PLACES`` of the campaign's place,
    one per commune, those with a phone number first (see ``contacts_for``)."""
    locale = project.site.default_locale
    return [
        Place(
            point.name,
            point.kind,
            point.commune or "",
            point.address,
            point.phone if point.phone is not None and point.phone_shown else "",
            hours_text(point, locale, locale),
        )
        for point in nearest(contacts_for(campaign, project.contacts), MAX_PLACES)
    ]


def leaflet_view(
    project: Project, theme: Theme, campaign: Campaign, photos: Mapping[str, bytes] | None = None
) -> tuple[Leaflet, list[str]]:
    """Gather the leaflet's texts in the site's default locale, and notices for staff.

    ``photos`` holds the testimonial photos by the name staff wrote. Where to sign up:
    the contact points of the campaign's place in ``content/contacts.yml``, else the
    usual places in general words. Raises RenderError when a text does not fit its
    block or a character has no glyph.
    """
    locale = project.site.default_locale
    t, text = translator(locale, theme.locale_dirs), LocaleText(locale, locale)
    layout, output = theme.print.layout.leaflet, leaflet_path(campaign.id, ".pdf")
    blocks = [Block(n, field_name(w), text.plain(v)) for n, w, v in leaflet_texts(campaign)]
    figure = Content(project, locale).figure(campaign)
    if figure is not None:
        blocks += [
            Block("figure", "figures", figure.value),
            Block("figure_label", "figures", figure.label),
        ]
    quote, quote_file, notices = _quote(project, campaign, photos or {}, theme, t)
    if quote is not None:
        blocks.append(Block("quote", f"{quote_file}, quote", quote.text))
    problems = check_fit(blocks, layout.text_blocks, campaign, leaflet=True)
    if problems:
        raise RenderError("\n".join(f"{output}: {problem}" for problem in problems))
    place = ", ".join(p for p in (campaign.locality, campaign.province) if p)
    shown = [(b.field, b.text) for b in blocks] + [("province", place)]
    if quote is not None:
        shown += [(f"{quote_file}, name", quote.person), (f"{quote_file}, place", quote.detail)]
    where = places(project, campaign)
    benefits = [text.plain(b.title) for b in project.policy.benefits[:MAX_BENEFITS]]
    myths = [] if quote is not None else _myths(project)
    shown += [("policy.yml myths", f"{myth} {fact}") for myth, fact in myths]
    shown += [
        (f"policy.yml benefits «{b.id}» title", text.plain(b.title))
        for b in project.policy.benefits[:MAX_BENEFITS]
    ]
    shown += [(f"contacts.yml «{p.name}»", f"{p.name} {p.address} {p.hours}") for p in where]
    check_glyphs(shown, theme, campaign.id, output)
    by_name = {block.name: block.text for block in blocks}
    period = current_voluntary(project.policy)
    url = campaign_url(project, locale, campaign.id)
    leaflet = Leaflet(
        lang=locale,
        brand=t("Voluntary social insurance · Household health insurance"),
        place=place,
        headline=by_name["headline"],
        message=by_name["message"],
        benefits=benefits,
        quote=quote,
        myths=myths,
        figure_value=figure.value if figure else "",
        figure_label=figure.label if figure else "",
        figure_source=t("As of {date} · {source}").format(date=figure.as_of, source=figure.source)
        if figure
        else "",
        rate_sentence=contribution_sentence(period, locale, t),
        rows=_rows(project, locale),
        support_note=_support_note(project, locale, t),
        policy_note=t("Amounts from {date}. Legal basis: {basis}.").format(
            date=format_day(period.effective_from, locale), basis="; ".join(period.legal_basis)
        ),
        modes=[label("mode", mode, t) for mode in _modes(project, campaign)],
        places=where,
        hotline=project.site.hotline,
        qr=qr_svg(tracked_url(url, UTM_SOURCE)),
        url_text=short_url(url),
        organisation=text.plain(project.site.organisation),
        sizes=type_sizes(layout.text_blocks, by_name),
    )
    return leaflet, notices


def _myths(project: Project) -> list[tuple[str, str]]:
    """Return up to ``MAX_MYTHS`` misunderstandings and their answers short enough to print."""
    text = LocaleText(project.site.default_locale, project.site.default_locale)
    found = [
        (" ".join(text.plain(m.myth).split()), " ".join(text.plain(m.fact).split()))
        for m in project.policy.myths
    ]
    return [(myth, fact) for myth, fact in found if len(myth) + len(fact) <= MYTH_CHARS][:MAX_MYTHS]


def _support_note(project: Project, locale: str, t: Translate) -> str:
    period = current_voluntary(project.policy)
    amounts = {g: format_amount(monthly_support(period, g), locale) for g in SUPPORT_GROUPS}
    return t(
        "The table is for most people, whom the State helps with {other} a month. It helps "
        "poor households with {poor}, near-poor households with {near_poor} and ethnic "
        "minorities with {ethnic_minority} a month, for at most {years} years."
    ).format(years=period.state_support.max_months // 12, **amounts)


def render_leaflet_html(leaflet: Leaflet, theme: Theme) -> str:
    """Return the leaflet's HTML: two A5 pages, front and back."""
    layout = theme.print.layout
    translate = translator(leaflet.lang, theme.locale_dirs)
    return (
        templates(theme, "print", "html")
        .get_template("leaflet.html.j2")
        .render(
            leaflet=leaflet,
            _=translate,
            sheet=sheet_for("A5", "A5", layout.press),
            margin_mm=layout.leaflet.margin_mm,
            qr_mm=layout.leaflet.qr_mm,
            photo_mm=layout.leaflet.photo_mm,
        )
    )


def render_leaflet(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    photos: Mapping[str, bytes] | None = None,
) -> tuple[list[Output], list[str]]:
    """Return the campaign's leaflet and a PNG preview of each side, and notices for staff."""
    leaflet, notices = leaflet_view(project, theme, campaign, photos)
    path, locale = leaflet_path(campaign.id, ".pdf"), project.site.default_locale
    pdf, pages = render_pdf(render_leaflet_html(leaflet, theme), theme, path)
    # The answered misunderstandings fill room the front has spare: fewer when it has less.
    while pages > PAGES and leaflet.myths:
        leaflet = replace(leaflet, myths=leaflet.myths[:-1])
        pdf, pages = render_pdf(render_leaflet_html(leaflet, theme), theme, path)
    if pages != PAGES:
        raise RenderError(
            _("{output}: the leaflet takes {pages} pages instead of two; shorten its texts").format(
                output=path, pages=pages
            )
        )
    outputs = [Output(path, pdf, "leaflet", "pdf", campaign.id, locale)]
    if preview_available():
        for side, png in enumerate(render_previews(pdf, PREVIEW_DPI, path, pages), 1):
            png_path = leaflet_path(campaign.id, f"-{side}.png")
            outputs.append(Output(png_path, png, "leaflet", "png", campaign.id, locale))
    return outputs, notices
