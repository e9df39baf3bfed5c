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
from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import Campaign, Project, Testimonial
from generator.model.cards import (
    CardLayout,
    QrLayer,
    StackBar,
    StackLayer,
    StackText,
    TextLayer,
)
from generator.model.theme import Theme
from generator.render import Output
from generator.render.escape import html_text
from generator.render.links import campaign_url, short_url
from generator.render.social.captions import CAPTIONS, caption_context, tidy
from generator.render.social.cards import (
    design_colours,
    draw_card,
    encode_card,
    plan_card,
)
from generator.render.social.design import Design, card_design
from generator.render.social.slots import Content, FigureText, Slots, excerpt
from generator.render.views import templates

__all__ = [
    "CAPTIONS",
    "Card",
    "Content",
    "FigureText",
    "OgImage",
    "campaign_url",
    "card_alt",
    "excerpt",
    "og_image",
    "render_social",
    "short_url",
]

DIGEST_LENGTH = 8
ALT_MAX_CHARS = 420  # the longest alternative text Twitter/X accepts for an image
# Slots a card shows that say nothing by themselves: decoration, or what the QR code says.
SILENT_SLOTS = frozenset({"open_quote", "scan_label", "url_text"})
# What an alternative text over its limit leaves out first, before cutting its end.
ALT_SPARE_SLOTS = ("figure_source", "figure_label", "organisation", "brand", "support_groups", "qr")
# Which card is a page's link preview: the Facebook one (1.91:1), which Zalo shows too.
PREVIEW_CARD = "facebook"


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


def render_testimonial_cards(project: Project, theme: Theme, campaign: Campaign) -> list[Output]:
    """Return only the cards of a campaign's published testimonials, in every locale.

    They are among ``render_social_campaign``'s outputs too; a build renders them on
    their own, so that editing a testimonial redraws its cards and nothing else.
    """
    if "social" not in campaign.outputs:
        return []
    design = card_design(theme)
    outputs: list[Output] = []
    for locale in project.site.locales:
        folder = card_folder(locale, campaign.id)
        cards = campaign_cards(project, Content(project, locale), design, campaign)
        outputs += [
            render_card(design, card, folder, campaign.id, locale)
            for card in cards
            if card.layout == "testimonial"
        ]
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
