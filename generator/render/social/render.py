"""Social-media cards (PNG) and ready-to-paste captions for every campaign and locale.

Card designs are theme data: ``social/style.yml`` names the fonts, the colours
and the campaign platforms; ``social/layouts/<card>.yml`` gives a card's size
and the layers drawn on it (see ``generator.render.social.cards``), each text block
naming the *slot* it shows. Captions are Jinja templates in ``templates/social/``.

Outputs, per locale: ``social/{locale}/site.png`` (og:image of every page that
is not a campaign page) and, per campaign with ``social`` among its outputs,
``social/{locale}/{campaign}/{platform}.png`` (``facebook.png`` is the campaign
page's og:image), ``verse-{id}.png``, ``testimonial-{id}.png``,
``caption-facebook.txt`` and ``caption-zalo.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from generator.i18n import N_, translator
from generator.model import Campaign, Project, Testimonial, Verse
from generator.model.policy import current_voluntary
from generator.model.theme import Theme
from generator.render import Output
from generator.render.social.cards import (
    draw_card,
    encode_png,
    plan_card,
)
from generator.render.social.design import Design, card_design
from generator.render.views import (
    FigureView,
    LocaleText,
    contribution_sentence,
    locale_prefix,
    templates,
    view_figure,
)
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import label

CAPTIONS = ("facebook", "zalo")
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
    return [
        render_card(
            design,
            "site",
            Content(project, locale).site_slots(),
            site_card_path(locale),
            None,
            locale,
        )
        for locale in project.site.locales
    ]


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


def card_path(locale: str, campaign_id: str, name: str) -> str:
    """Return where a campaign's card is written, e.g. ``social/vi/dak-lak/facebook.png``."""
    return f"social/{locale}/{campaign_id}/{name}.png"


def site_card_path(locale: str) -> str:
    """Return where the site's own card is written."""
    return f"social/{locale}/site.png"


def og_image_url(project: Project, locale: str, campaign: Campaign | None = None) -> str:
    """Return the absolute og:image address of a campaign's page, or of any other page."""
    if campaign is not None and "social" in campaign.outputs:
        return project.site.base_url + card_path(locale, campaign.id, "facebook")
    return project.site.base_url + site_card_path(locale)


def campaign_url(project: Project, locale: str, campaign_id: str) -> str:
    """Return the absolute address of a campaign's page in ``locale``."""
    return project.site.base_url + locale_prefix(project, locale) + f"campaigns/{campaign_id}/"


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

    def site_slots(self) -> Slots:
        site = self.project.site
        url = site.base_url + locale_prefix(self.project, self.locale)
        brand = self._("Voluntary social insurance · Household health insurance")
        return {
            **self.common(),
            "brand": brand,
            "site_title": self.text(site.title),
            "site_description": self.text(site.description),
            "url": url,
            "url_text": short_url(url),
        }

    def campaign_slots(self, campaign: Campaign) -> Slots:
        url = campaign_url(self.project, self.locale, campaign.id)
        messages = [self.text(message) for message in campaign.messages]
        title = self.text(campaign.title)
        scheme = self._("Voluntary social insurance")
        slots = {
            **self.common(),
            "title": title,
            "campaign_title": title,
            "brand": f"{scheme} · {campaign.province}",
            "message": messages[0] if messages else self.text(campaign.summary),
            "url": url,
            "url_text": short_url(url),
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

    def testimonial_slots(self, campaign: Campaign, testimonial: Testimonial) -> Slots:
        role = label("role", testimonial.role, self._)
        return {
            **self.campaign_slots(campaign),
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


def excerpt(verse: Verse) -> list[str]:
    """Return up to four lines of a verse for its card, ending on a whole couplet where possible."""
    try:
        from generator.verse.layout import verse_excerpt
    except ImportError:
        lines = verse.lines or [line for part in verse.parts for line in part.lines]
        return [line.strip() for line in lines if line.strip()][:4]
    return verse_excerpt(verse, max_lines=4)


def short_url(url: str) -> str:
    """Return an address as people type it: no scheme, no final slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def published(testimonial: Testimonial) -> bool:
    """A testimonial goes on a card only with consent to use it on social media."""
    return testimonial.consent.given and "social" in testimonial.consent.scope


def render_card(
    design: Design, layout_name: str, slots: Slots, path: str, campaign: str | None, locale: str
) -> Output:
    """Draw one card from its layout and slots, as PNG bytes within the layout's size limit."""
    layout = design.layouts[layout_name]
    plan = plan_card(layout_name, layout, slots, design.palette)
    data = encode_png(draw_card(plan), layout.max_kb * 1000 if layout.max_kb else None)
    return Output(path, data, "card", "png", campaign, locale)


def campaign_cards(
    project: Project, content: Content, design: Design, campaign: Campaign
) -> list[tuple[str, str, Slots]]:
    """Return (file name, layout, slots) of every card of a campaign."""
    slots = content.campaign_slots(campaign)
    cards = [(platform, platform, slots) for platform in design.style.platforms]
    for verse_id in campaign.verses:
        if verse_id in project.verses:
            cards.append(
                (
                    f"verse-{verse_id}",
                    "verse",
                    content.verse_slots(campaign, project.verses[verse_id]),
                )
            )
    for testimonial_id in campaign.testimonials:
        testimonial = project.testimonials.get(testimonial_id)
        if testimonial is not None and published(testimonial):
            cards.append(
                (
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
    cards = campaign_cards(content.project, content, design, campaign)
    outputs = [
        render_card(
            design, layout, slots, card_path(locale, campaign.id, name), campaign.id, locale
        )
        for name, layout, slots in cards
    ]
    context = caption_context(content, campaign)
    for platform in CAPTIONS:
        text = env.get_template(f"caption-{platform}.txt.j2").render(**context)
        outputs.append(
            Output(
                f"social/{locale}/{campaign.id}/caption-{platform}.txt",
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
