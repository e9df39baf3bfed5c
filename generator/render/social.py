"""Social-media cards (PNG) and ready-to-paste captions for every campaign and locale.

Card designs are theme data: ``social/style.yml`` names the fonts, the colours
and the campaign platforms; ``social/layouts/<card>.yml`` gives a card's size
and the layers drawn on it (see ``generator.render.cards``), each text block
naming the *slot* it shows. Captions are Jinja templates in ``templates/social/``.

Outputs, per locale: ``social/{locale}/site.png`` (og:image of every page that
is not a campaign page) and, per campaign with ``social`` among its outputs,
``social/{locale}/{campaign}/{platform}.png`` (``facebook.png`` is the campaign
page's og:image), ``verse-{id}.png``, ``testimonial-{id}.png``,
``caption-facebook.txt`` and ``caption-zalo.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from jinja2 import Environment
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.errors import Diagnostic, ThemeError
from generator.format import format_amount, format_day, format_number, format_percent
from generator.i18n import N_, _, translator
from generator.labels import label
from generator.model import Campaign, Project, Testimonial, Verse
from generator.render import Output
from generator.render.cards import (
    CardLayout,
    Palette,
    QrLayer,
    Shape,
    StackBar,
    StackLayer,
    TextLayer,
    draw_card,
    encode_png,
    parse_colour,
    plan_card,
)
from generator.render.typeset import FaceMaker
from generator.render.views import FigureView, LocaleText, locale_prefix, view_figure
from generator.theme import Theme
from generator.validate import validate_document
from generator.yamlload import Document, Loc, load_yaml

STYLE_FILE = "social/style.yml"
LAYOUT_DIR = "social/layouts"
CARD_KINDS = ("site", "verse", "testimonial")
CAPTIONS = ("facebook", "zalo")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slots = dict[str, str]


def _check_hex(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError("a colour is written #rrggbb, e.g. #0a3d62")
    return value.lower()


class StyleData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FontFiles(StyleData):
    """The files of one font family, relative to the theme folder."""

    regular: str
    bold: str


class SocialStyle(StyleData):
    """``social/style.yml``: font families, fonts per script, named colours, campaign platforms."""

    fonts: dict[str, FontFiles] = Field(min_length=1)
    scripts: dict[Literal["khmer"], FontFiles] = Field(default_factory=dict)
    colours: dict[str, Annotated[str, AfterValidator(_check_hex)]] = Field(min_length=1)
    platforms: list[Annotated[str, Field(pattern=SLUG)]] = Field(min_length=1)


@dataclass(frozen=True)
class Design:
    """A theme's social style and card layouts, with colours and fonts resolved."""

    style: SocialStyle
    layouts: dict[str, CardLayout]
    palette: Palette


def render_social(project: Project, theme: Theme) -> list[Output]:
    """Return every card and caption: the site card, then each social campaign's, per locale."""
    outputs = render_site_cards(project, theme)
    for campaign in project.campaigns:
        outputs += render_social_campaign(project, theme, campaign)
    return outputs


def render_site_cards(project: Project, theme: Theme) -> list[Output]:
    """Return the site's own card in every locale (the link preview of pages without one)."""
    design = load_design(theme)
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
    design = load_design(theme)
    env = theme.environment("templates/social")
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


def load_design(theme: Theme) -> Design:
    """Read and check the theme's social style and card layouts; report every problem at once."""
    problems: list[Diagnostic] = []
    style, style_doc = _load_data(theme, STYLE_FILE, SocialStyle, problems)
    layouts = _load_layouts(theme, problems)
    if style is not None and style_doc is not None:
        problems += _check_names(theme, style, style_doc, layouts)
    if problems or style is None:
        raise ThemeError("\n".join(problem.format() for problem in problems))
    faces: dict[str, FaceMaker] = {}
    for family, files in style.fonts.items():
        for weight in ("regular", "bold"):
            scripts = {
                name: _theme_file(theme, getattr(script_files, weight))
                for name, script_files in style.scripts.items()
            }
            main = _theme_file(theme, getattr(files, weight))
            faces[f"{family}-{weight}"] = FaceMaker(main, scripts)
    colours = {name: parse_colour(value) for name, value in style.colours.items()}
    return Design(
        style, {name: layout for name, (layout, _doc) in layouts.items()}, Palette(colours, faces)
    )


def _display(theme: Theme, relative: str) -> str:
    found = theme.find(relative)
    folder = next((f for f in theme.folders if found and found.is_relative_to(f)), theme.folders[0])
    return f"themes/{folder.name}/{relative}"


def _load_data(
    theme: Theme, relative: str, model: Any, problems: list[Diagnostic]
) -> tuple[Any, Document | None]:
    found = theme.find(relative)
    if found is None:
        problems.append(
            Diagnostic(
                _display(theme, relative),
                1,
                1,
                "error",
                "missing-file",
                _("the theme has no {path}").format(path=relative),
            )
        )
        return None, None
    doc, read_problems = load_yaml(found, _display(theme, relative))
    problems += read_problems
    if doc is None:
        return None, None
    item, invalid = validate_document(doc, model, doc.data)
    problems += invalid
    return item, doc


def _load_layouts(
    theme: Theme, problems: list[Diagnostic]
) -> dict[str, tuple[CardLayout, Document]]:
    """Load every layout; one with ``extends: NAME`` starts from that layout's keys."""
    docs: dict[str, Document] = {}
    for relative, path in theme.files(LAYOUT_DIR).items():
        if relative.endswith(".yml"):
            doc, read_problems = load_yaml(path, _display(theme, f"{LAYOUT_DIR}/{relative}"))
            problems += read_problems
            if doc is not None:
                docs[relative.removesuffix(".yml")] = doc
    layouts: dict[str, tuple[CardLayout, Document]] = {}
    for name, doc in docs.items():
        data = doc.data if isinstance(doc.data, dict) else {}
        base = docs.get(str(data.get("extends")))
        base_data = base.data if base is not None and isinstance(base.data, dict) else None
        if "extends" in data and (base_data is None or "extends" in base_data):
            problems.append(
                doc.diagnostic(
                    ("extends",),
                    "unknown-layout",
                    _(
                        "«extends: {name}» must name another layout of this folder, "
                        "one without «extends»"
                    ).format(name=data["extends"]),
                )
            )
            continue
        own = {key: value for key, value in data.items() if key != "extends"}
        layout, invalid = validate_document(
            doc, CardLayout, {**base_data, **own} if base_data else doc.data
        )
        problems += invalid
        if layout is not None:
            layouts[name] = (layout, doc)
    return layouts


def _check_names(
    theme: Theme,
    style: SocialStyle,
    style_doc: Document,
    layouts: dict[str, tuple[CardLayout, Document]],
) -> list[Diagnostic]:
    """Check that every card has a layout and every colour, font and file named is defined."""
    problems: list[Diagnostic] = []
    for name in (*style.platforms, *CARD_KINDS):
        if name not in layouts:
            problems.append(
                style_doc.diagnostic(
                    (),
                    "missing-layout",
                    _("the theme has no card layout {path}").format(
                        path=f"{LAYOUT_DIR}/{name}.yml"
                    ),
                )
            )
    for loc, files in [(("fonts", k), v) for k, v in style.fonts.items()] + [
        (("scripts", k), v) for k, v in style.scripts.items()
    ]:
        for weight in ("regular", "bold"):
            file = getattr(files, weight)
            if theme.find(file) is None:
                problems.append(
                    style_doc.diagnostic(
                        loc + (weight,),
                        "missing-file",
                        _("font file «{path}» not found in the theme").format(path=file),
                    )
                )
    fonts = {f"{family}-{weight}" for family in style.fonts for weight in ("regular", "bold")}
    for layout, doc in layouts.values():
        for ref_loc, kind, value in _references(layout):
            if isinstance(doc.data, dict) and ref_loc[0] not in doc.data:
                continue  # inherited through «extends»: reported in its own file
            known = style.colours if kind == "colour" else fonts
            message = (
                _("unknown colour «{name}»; choose one of: {choices}")
                if kind == "colour"
                else _("unknown font «{name}»; choose one of: {choices}")
            )
            if value not in known:
                problems.append(
                    doc.diagnostic(
                        ref_loc,
                        f"unknown-{kind}",
                        message.format(name=value, choices=", ".join(sorted(known))),
                    )
                )
    return problems


def _references(layout: CardLayout) -> Iterator[tuple[Loc, str, str]]:
    yield ("background",), "colour", layout.background
    for index, layer in enumerate(layout.layers):
        at: Loc = ("layers", index)
        if isinstance(layer, Shape):
            yield at + ("fill",), "colour", layer.fill
        elif isinstance(layer, QrLayer):
            yield at + ("dark",), "colour", layer.dark
            yield at + ("light",), "colour", layer.light
        elif isinstance(layer, TextLayer):
            yield at + ("colour",), "colour", layer.colour
            yield at + ("font",), "font", layer.font
        elif isinstance(layer, StackLayer):
            for number, item in enumerate(layer.items):
                yield at + ("items", number, "colour"), "colour", item.colour
                if not isinstance(item, StackBar):
                    yield at + ("items", number, "font"), "font", item.font


def _theme_file(theme: Theme, relative: str) -> Path:
    found = theme.find(relative)
    if found is None:  # already reported by _check_names
        raise ThemeError(_("font file «{path}» not found in the theme").format(path=relative))
    return found


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
    policy = max(project.policy.voluntary_social_insurance, key=lambda p: p.effective_from)
    join = [
        _(
            "You choose a monthly income between {floor} and {ceiling}; the contribution is "
            "{rate} of it."
        ).format(
            floor=format_amount(policy.income_floor, locale),
            ceiling=format_amount(policy.income_ceiling, locale),
            rate=format_percent(policy.contribution_rate_percent, locale),
        )
    ]
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
