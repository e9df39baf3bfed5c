"""The texts of one locale that cards, captions and print show: what each card slot says.

``Content(project, locale)`` gives a campaign's slots (title, headline, message, figure,
the State support in force, the address its QR code leads to with ``utm_source=card``),
a verse's, a testimonial's and the site's own; texts are plain, as written in the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.i18n import N_, translator
from generator.model import Campaign, Project, SupportGroup, Testimonial, Verse
from generator.model.policy import (
    DEFAULT_GROUP,
    GROUPS,
    current_voluntary,
    voluntary_contribution,
)
from generator.render.links import (
    campaign_url,
    page_url,
    short_url,
    testimonial_url,
    tracked_url,
)
from generator.render.views import FigureView, LocaleText, view_figure
from generator.text.format import format_amount, format_day, format_number, format_percent
from generator.text.labels import label

UTM_SOURCE = "card"
SUPPORT_GROUPS: dict[SupportGroup, str] = {
    "poor": N_("Poor household"),
    "near_poor": N_("Near-poor household"),
    "ethnic_minority": N_("Ethnic minority"),
    "other": N_("Everyone else"),
}
Slots = dict[str, str]


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
