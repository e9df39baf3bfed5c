"""Social-media cards (PNG) and ready-to-paste captions for every campaign and locale.

Card designs are theme data: ``social/style.yml`` names the fonts, the colours
and the campaign platforms; ``social/layouts/<card>.yml`` gives a card's size
and the layers drawn on it (see ``generator.render.social.cards``), each text block
naming the *slot* it shows. Captions are Jinja templates in ``templates/social/``.

Outputs, per locale: ``social/{locale}/site.<digest>.png`` (og:image of every
page that is not a campaign page) and, per campaign with ``social`` among its
outputs, ``social/{locale}/{campaign}/{platform}.<digest>.png`` (the ``facebook``
card is the campaign page's og:image, for Zalo too: both show a 1.91:1 preview),
``verse-{id}.<digest>.png``, ``testimonial-{id}.<digest>.png``,
``caption-facebook.txt`` and ``caption-zalo.txt``.

``<digest>`` is the first 8 hex digits of a SHA-256 of everything the card is drawn
from: the texts its layout shows, the layout, the colours, the font files and the drawing code. A
card that changes gets a new address, so Facebook and Zalo fetch it again instead
of showing the preview they cached; pages name the card without waiting for it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2 import Environment

from generator.i18n import N_, translator
from generator.model import Campaign, Project, SupportGroup, Testimonial, Verse
from generator.model.cards import (
    CardLayout,
    QrLayer,
    StackBar,
    StackLayer,
    StackText,
    TextLayer,
)
from generator.model.policy import (
    DEFAULT_GROUP,
    GROUPS,
    current_voluntary,
    voluntary_contribution,
)
from generator.model.theme import Theme
from generator.render import Output
from generator.render.escape import html_text
from generator.render.links import (
    campaign_url,
    page_url,
    short_url,
    testimonial_url,
    tracked_url,
)
from generator.render.social.cards import (
    design_colours,
    draw_card,
    encode_card,
    plan_card,
)
from generator.render.social.design import Design, card_design
from generator.render.views import (
    FigureView,
    LocaleText,
    contribution_sentence,
    templates,
    view_figure,
)
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import label

__all__ = [
    "CAPTIONS",
    "Card",
    "Content",
    "FigureText",
    "OgImage",
    "campaign_url",
    "card_alt",
    "og_image",
    "render_social",
    "short_url",
]

CAPTIONS = ("facebook", "zalo")
UTM_SOURCE = "card"
DIGEST_LENGTH = 8
ALT_MAX_CHARS = 420  # the longest alternative text Twitter/X accepts for an image
# Slots a card shows that say nothing by themselves: decoration, or what the QR code says.
SILENT_SLOTS = frozenset({"open_quote", "scan_label", "url_text"})
# What an alternative text over its limit leaves out first, before cutting its end.
ALT_SPARE_SLOTS = ("figure_source", "figure_label", "organisation", "brand", "support_groups", "qr")
# Which card is a page's link preview: the Facebook one (1.91:1), which Zalo shows too.
PREVIEW_CARD = "facebook"
SUPPORT_GROUPS: dict[SupportGroup, str] = {
    "poor": N_("Poor household"),
    "near_poor": N_("Near-poor household"),
    "ethnic_minority": N_("Ethnic minority"),
    "other": N_("Everyone else"),
}
Slots = dict[str, str]


def render_social(project: Project, theme: Theme) -> list[Output]:
    """Return every card and caption: the site card, then each social campaign's, per locale."""
    outputs = render_site_cards(project, theme)
    for campaign in project.campaigns:
        outputs += render_social_campaign(project, theme, campaign)
    return outputs


def render_site_cards(project: Project, theme: Theme) -> list[Output]:
    """Return the site's own card in every locale (the link preview of pages without one)."""
    design = card_design(theme)
    outputs = []
    for locale in project.site.locales:
        card = site_card(Content(project, locale))
        outputs.append(render_card(design, card, card_folder(locale), None, locale))
    return outputs


def render_social_campaign(project: Project, theme: Theme, campaign: Campaign) -> list[Output]:
    """Return one campaign's cards and captions in every locale (none without "social")."""
    if "social" not in campaign.outputs:
        return []
    design = card_design(theme)
    env = templates(theme, "templates/social", "caption")
    outputs: list[Output] = []
    for locale in project.site.locales:
        outputs += _campaign_outputs(design, env, Content(project, locale), campaign)
    return outputs


@dataclass(frozen=True)
class Card:
    """One card to draw: its name (``facebook``, ``verse-ca-dao``), layout and slot texts."""

    name: str
    layout: str
    slots: Slots


def card_file(design: Design, card: Card) -> str:
    """Return a card's file name, e.g. ``facebook.3f9a1c2b.png``: name, digest, extension."""
    layout = design.layouts[card.layout]
    shown = {slot: card.slots.get(slot, "") for slot in sorted(layout_slots(layout))}
    digest = hashlib.sha256(design.digests[card.layout].encode())
    digest.update(json.dumps(shown, ensure_ascii=False).encode())
    return f"{card.name}.{digest.hexdigest()[:DIGEST_LENGTH]}.{layout.extension}"


def layout_slots(layout: CardLayout) -> set[str]:
    """Return every slot a layout reads: shown in text or a QR code, or deciding a layer."""
    slots: set[str] = set()
    for layer in layout.layers:
        slots |= {name for name in (layer.when, layer.unless) if name}
        if isinstance(layer, TextLayer | QrLayer):
            slots.add(layer.slot)
        elif isinstance(layer, StackLayer):
            for item in layer.items:
                slots |= {item.slot} if isinstance(item, StackText) else set()
                slots |= {item.when} if isinstance(item, StackBar) and item.when else set()
    if "url" in slots:
        slots.add("url_text")  # the QR code's alternative text
    return slots


def card_folder(locale: str, campaign_id: str | None = None) -> str:
    """Return the folder of a locale's cards: ``social/vi/`` or ``social/vi/dak-lak/``."""
    return f"social/{locale}/" + (f"{campaign_id}/" if campaign_id else "")


@dataclass(frozen=True)
class OgImage:
    """A page's link preview: the card's absolute address, pixel size, MIME type, alt text."""

    url: str
    width: int
    height: int
    type: str
    alt: str

    def engine_meta(self) -> dict[str, str | int]:
        """Return the preview for the site engine's templates, which print values unescaped."""
        return {
            "url": str(html_text(self.url)),
            "width": self.width,
            "height": self.height,
            "type": str(html_text(self.type)),
            "alt": str(html_text(self.alt)),
        }


def og_image(
    project: Project, theme: Theme, locale: str, campaign: Campaign | None = None
) -> OgImage:
    """Return the link preview of a campaign's page (its Facebook card), or of any other page.

    Pages without a card of their own (and campaigns without "social") show the site card.
    """
    design, content = card_design(theme), Content(project, locale)
    if campaign is not None and "social" in campaign.outputs:
        card = Card(PREVIEW_CARD, PREVIEW_CARD, content.campaign_slots(campaign))
        folder = card_folder(locale, campaign.id)
    else:
        card, folder = site_card(content), card_folder(locale)
    layout = design.layouts[card.layout]
    width, height = layout.size
    return OgImage(
        project.site.base_url + folder + card_file(design, card),
        width,
        height,
        layout.media_type,
        card_alt(layout, card.slots, content._),
    )


def card_alt(layout: CardLayout, slots: Slots, translate: Callable[[str], str]) -> str:
    """Return a card's alternative text: the texts it shows, in drawing order, as sentences.

    Texts are taken whole (before any cut to fit), in their own case; a ``*_label``
    followed by its value reads "Hotline: 1900 9068", a value followed by its ``*_note``
    "2.921 người — đạt 87,59% kế hoạch"; verse lines are parted by " / ",
    the lines of other texts by a space;
    a QR code reads "QR code: <short address>". Over ``ALT_MAX_CHARS`` characters, the
    texts of ``ALT_SPARE_SLOTS`` are left out one by one, then the end is cut.
    """
    shown: list[tuple[str, str]] = []
    for layer in layout.layers:
        if (layer.when and not slots.get(layer.when)) or (layer.unless and slots.get(layer.unless)):
            continue
        if isinstance(layer, TextLayer):
            shown.append((layer.slot, slots.get(layer.slot, "")))
        elif isinstance(layer, StackLayer):
            shown += [
                (item.slot, slots.get(item.slot, ""))
                for item in layer.items
                if isinstance(item, StackText)
            ]
        elif isinstance(layer, QrLayer) and slots.get(layer.slot):
            address = slots.get("url_text") or short_url(slots[layer.slot])
            shown.append(("qr", translate("QR code: {address}").format(address=address)))
    for spare in (None, *ALT_SPARE_SLOTS):
        shown = [(slot, text) for slot, text in shown if slot != spare]
        alt = _alt_sentences(shown)
        if len(alt) <= ALT_MAX_CHARS:
            return alt
    return alt[: ALT_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _alt_sentences(shown: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    previous = ""
    for slot, text in shown:
        joiner = " / " if slot == "verse_lines" else " "
        text = joiner.join(line.strip() for line in text.splitlines() if line.strip())
        if slot in SILENT_SLOTS or not text or text in parts:
            continue
        if parts and previous.endswith("_label") and slot == previous.removesuffix("_label"):
            parts[-1] = f"{parts[-1]}: {text}"
        elif parts and slot == f"{previous}_note":
            parts[-1] = f"{parts[-1]} — {text}"
        else:
            parts.append(text)
        previous = slot
    return " ".join(p if p[-1] in ".!?…:" else f"{p}." for p in parts)


@dataclass(frozen=True)
class FigureText:
    """A figure as cards and captions show it: "2.921 người — đạt 87,59% kế hoạch"."""

    value: str
    note: str
    label: str
    as_of: str
    source: str

    @property
    def headline(self) -> str:
        return f"{self.value} — {self.note}" if self.note else self.value


class Content:
    """The texts of one locale: what each card slot and caption shows."""

    def __init__(self, project: Project, locale: str) -> None:
        self.project = project
        self.locale = locale
        self.text = LocaleText(locale, project.site.default_locale).plain
        self._ = translator(locale)

    def common(self) -> Slots:
        site = self.project.site
        return {
            "hotline": site.hotline,
            "hotline_label": self._("Hotline"),
            "organisation": self.text(site.organisation),
            "scan_label": self._("Scan for details"),
        }

    def address(self, url: str) -> Slots:
        """The QR code's address (``utm_source=card``) and the short one printed beside it."""
        return {"url": tracked_url(url, UTM_SOURCE), "url_text": short_url(url)}

    def site_slots(self) -> Slots:
        site = self.project.site
        brand = self._("Voluntary social insurance · Household health insurance")
        return {
            **self.common(),
            "brand": brand,
            "site_title": self.text(site.title),
            "site_description": self.text(site.description),
            **self.address(page_url(self.project, self.locale)),
        }

    def campaign_slots(self, campaign: Campaign) -> Slots:
        messages = [self.text(message) for message in campaign.messages]
        title = self.text(campaign.title)
        scheme = self._("Voluntary social insurance")
        slots = {
            **self.common(),
            "title": title,
            "campaign_title": title,
            "headline": self.text(campaign.headline) or title,
            "brand": f"{scheme} · {campaign.province}",
            "message": messages[0] if messages else self.text(campaign.summary),
            **self.support_slots(),
            **self.address(campaign_url(self.project, self.locale, campaign.id)),
        }
        figure = self.figure(campaign)
        if figure is not None:
            slots |= {
                "figure": figure.value,
                "figure_note": figure.note,
                "figure_label": figure.label,
                "figure_source": self._("As of {date} · {source}").format(
                    date=figure.as_of, source=figure.source.split(",")[0]
                ),
            }
        return slots

    def verse_slots(self, campaign: Campaign, verse: Verse) -> Slots:
        return {
            **self.campaign_slots(campaign),
            "verse_title": self.text(verse.title),
            "verse_form": label("form", verse.form, self._),
            "verse_lines": "\n".join(excerpt(verse)),
            "verse_author": f"— {verse.author}",
        }

    def support_slots(self) -> Slots:
        """The State support in force, for the key-figure card: "Nhà nước hỗ trợ 20%–50%".

        From ``content/policy.yml``: the range of the groups' shares, each group's share,
        how long it is paid, and what "everyone else" pays a month at the lowest income.
        """
        _, locale = self._, self.locale
        period = current_voluntary(self.project.policy)
        groups = [g for g in GROUPS if g in period.state_support.groups]
        if not groups:
            return {}
        shares = {g: Decimal(period.state_support.groups[g]) for g in groups}
        low, high = min(shares.values()), max(shares.values())
        share = format_percent(low, locale)
        if high != low:
            share = f"{share}–{format_percent(high, locale)}"
        months = period.state_support.max_months
        if months % 12 == 0:
            one, many, count = N_("{count} year"), N_("{count} years"), months // 12
        else:
            one, many, count = N_("{count} month"), N_("{count} months"), months
        duration = _(one if count == 1 else many).format(count=format_number(count, locale))
        general = DEFAULT_GROUP if DEFAULT_GROUP in groups else groups[-1]
        lowest = voluntary_contribution(period, period.income_floor, general, 1).you_pay
        return {
            "support_kicker": _("The State pays"),
            "support_figure": share,
            "support_detail": _("of your contribution, for up to {duration}").format(
                duration=duration
            ),
            "support_groups": _pairs(
                [f"{_(SUPPORT_GROUPS[g])} {format_percent(shares[g], locale)}" for g in groups]
            ),
            "support_payment": _("{group}: you pay from {amount} a month").format(
                group=_(SUPPORT_GROUPS[general]), amount=format_amount(lowest, locale)
            ),
        }

    def testimonial_slots(self, campaign: Campaign, testimonial: Testimonial) -> Slots:
        role = label("role", testimonial.role, self._)
        on_web = testimonial.consent.given and "web" in testimonial.consent.scope
        page = (
            testimonial_url(self.project, self.locale, testimonial.id)
            if on_web and "web" in campaign.outputs
            else campaign_url(self.project, self.locale, campaign.id)
        )
        return {
            **self.campaign_slots(campaign),
            **self.address(page),
            "open_quote": "“",
            "quote": self.text(testimonial.quote),
            "person": testimonial.name,
            "person_detail": f"{role[:1].upper()}{role[1:]} · {testimonial.place}",
        }

    def figure(self, campaign: Campaign) -> FigureText | None:
        """Return the headline figure: the first one measured against a plan, else the first."""
        views = [view_figure(figure) for figure in campaign.figures]
        planned = [view for view in views if view.percent_of_target is not None]
        return self._figure_text((planned or views)[0]) if views else None

    def _figure_text(self, view: FigureView) -> FigureText:
        figure, _, locale = view.figure, self._, self.locale
        if figure.unit == "vnd":
            value = format_amount(figure.value, locale)
        else:
            one, many = {
                "people": (N_("{count} person"), N_("{count} people")),
                "households": (N_("{count} household"), N_("{count} households")),
            }[figure.unit]
            count = format_number(figure.value, locale)
            value = _(one if figure.value == 1 else many).format(count=count)
        note = ""
        if view.percent_of_target is not None:
            note = _("{percent} of plan reached").format(
                percent=format_percent(view.percent_of_target, locale)
            )
        elif view.change is not None and view.change_percent is not None and figure.previous_as_of:
            sign = "+" if view.change >= 0 else ""
            note = _("{change} ({change_percent}) since {date}").format(
                change=sign + format_number(view.change, locale),
                change_percent=sign + format_percent(view.change_percent, locale),
                date=format_day(figure.previous_as_of, locale),
            )
        return FigureText(
            value,
            note,
            self.text(figure.label),
            format_day(figure.as_of, locale),
            figure.source.publisher or figure.source.title,
        )


def _pairs(items: list[str]) -> str:
    """Two items a line, so that a line breaks between items, never inside one."""
    return "\n".join(" · ".join(items[index : index + 2]) for index in range(0, len(items), 2))


def excerpt(verse: Verse) -> list[str]:
    """Return up to four lines of a verse for its card, ending on a whole couplet where possible."""
    try:
        from generator.verse.layout import verse_excerpt
    except ImportError:
        lines = verse.lines or [line for part in verse.parts for line in part.lines]
        return [line.strip() for line in lines if line.strip()][:4]
    return verse_excerpt(verse, max_lines=4)


def published(testimonial: Testimonial) -> bool:
    """A testimonial goes on a card only with consent to use it on social media."""
    return testimonial.consent.given and "social" in testimonial.consent.scope


def render_card(
    design: Design, card: Card, folder: str, campaign: str | None, locale: str
) -> Output:
    """Draw one card from its layout and slots into ``folder`` (``social/vi/dak-lak/``).

    Returns the card as an Output in the layout's format, named by ``card_file``; raises
    RenderError when the file is over the layout's ``max_kb``, or its QR box too small.
    """
    layout = design.layouts[card.layout]
    plan = plan_card(card.name, layout, card.slots, design.palette)
    data = encode_card(
        draw_card(plan),
        layout.format,
        colours=layout.colours,
        exact=design_colours(plan),
        quality=layout.quality,
        max_bytes=layout.max_kb * 1000 if layout.max_kb else None,
    )
    return Output(folder + card_file(design, card), data, "card", layout.format, campaign, locale)


def site_card(content: Content) -> Card:
    """Return the site's own card in the content's locale."""
    return Card("site", "site", content.site_slots())


def campaign_cards(
    project: Project, content: Content, design: Design, campaign: Campaign
) -> list[Card]:
    """Return every card of a campaign: one per platform, per verse, per published testimonial."""
    slots = content.campaign_slots(campaign)
    cards = [Card(platform, platform, slots) for platform in design.style.platforms]
    for verse_id in campaign.verses:
        if verse_id in project.verses:
            verse = project.verses[verse_id]
            cards.append(Card(f"verse-{verse_id}", "verse", content.verse_slots(campaign, verse)))
    for testimonial_id in campaign.testimonials:
        testimonial = project.testimonials.get(testimonial_id)
        if testimonial is not None and published(testimonial):
            cards.append(
                Card(
                    f"testimonial-{testimonial_id}",
                    "testimonial",
                    content.testimonial_slots(campaign, testimonial),
                )
            )
    return cards


def _campaign_outputs(
    design: Design, env: Environment, content: Content, campaign: Campaign
) -> list[Output]:
    locale = content.locale
    folder = card_folder(locale, campaign.id)
    outputs = [
        render_card(design, card, folder, campaign.id, locale)
        for card in campaign_cards(content.project, content, design, campaign)
    ]
    context = caption_context(content, campaign)
    for platform in CAPTIONS:
        text = env.get_template(f"caption-{platform}.txt.j2").render(**context)
        outputs.append(
            Output(
                f"{folder}caption-{platform}.txt",
                tidy(text).encode("utf-8"),
                "caption",
                "txt",
                campaign.id,
                locale,
            )
        )
    return outputs


def caption_context(content: Content, campaign: Campaign) -> dict[str, Any]:
    """Return what a caption template may use."""
    project, locale, _ = content.project, content.locale, content._
    join = [contribution_sentence(current_voluntary(project.policy), locale, _)]
    join += [label("mode", mode, _) for mode in campaign.payment_modes]
    join.append(
        _(
            "Sign up with a collection agent in your commune or at the post office, or call "
            "{hotline}."
        ).format(hotline=project.site.hotline)
    )
    return {
        "_": _,
        "locale": locale,
        "site": project.site,
        "campaign": campaign,
        "title": content.text(campaign.title),
        "summary": content.text(campaign.summary),
        "messages": [content.text(m) for m in campaign.messages],
        "figure": content.figure(campaign),
        "join": join,
        "hotline": project.site.hotline,
        "organisation": content.text(project.site.organisation),
        "url": campaign_url(project, locale, campaign.id),
        "place_tag": hashtag(campaign.province),
    }


def hashtag(text: str) -> str:
    """Return a hashtag of words run together, each capitalised: "Đồng Tháp" → "#ĐồngTháp"."""
    words = [word for word in re.split(r"\W+", text) if word]
    return "#" + "".join(word[:1].upper() + word[1:] for word in words)


def tidy(text: str) -> str:
    """Strip line ends and keep at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
