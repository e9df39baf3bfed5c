"""The operator sheet: a loudspeaker script laid out for print, as HTML and as PDF.

Large type, each part with its duration, the written form and, where it
differs, the spoken form beneath it, and the broadcast schedule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ThemeError
from generator.i18n import _
from generator.render.loudspeaker.broadcast import Script
from generator.render.loudspeaker.kit import (
    LANGUAGE,
    PART_NAMES,
    VOICE_NAMES,
    WORDS,
    Kit,
    duration_words,
    schedule_words,
)
from generator.render.print.pdf import Block, PageLayout, TextStyle, render_pdf
from generator.render.views import LocaleText, templates


@dataclass(frozen=True)
class SheetPart:
    heading: str
    duration: str
    written: str
    spoken: str | None


@dataclass(frozen=True)
class Sheet:
    """What the operator sheet shows, for the HTML and the PDF alike."""

    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    parts: list[SheetPart]
    sources: list[str]
    spoken_label: str
    sources_label: str


def _same(written: str, spoken: str) -> bool:
    """Say whether the spoken form has the same words (punctuation and case aside)."""
    return WORDS.findall(written.lower()) == WORDS.findall(spoken.lower())


def sheet_view(script: Script, kit: Kit, files: Sequence[str]) -> Sheet:
    """Build the operator sheet of one script."""
    t, campaign = kit.translate, script.campaign
    words = schedule_words(campaign, t)
    place = ", ".join(p for p in (campaign.locality, campaign.province) if p)
    meta = [
        (t("Place"), place),
        (t("Voice"), t(VOICE_NAMES[script.region])),
        (t("Reading rate"), t("{rate} syllables a minute").format(rate=script.rate)),
        (
            t("Length"),
            t("{duration} ({parts} parts)").format(
                duration=duration_words(script.seconds, t), parts=len(script.parts)
            ),
        ),
        (t("Broadcast days"), words["days"]),
        (t("Times"), t("{times}, read {repeats} times each").format(**words)),
        (t("Campaign period"), f"{words['start']} – {words['end']}"),
        (t("Files"), ", ".join(files)),
    ]
    parts = [
        SheetPart(
            f"{number}. {t(PART_NAMES[part.kind])}",
            duration_words(part.seconds, t),
            part.written,
            None if _same(part.written, part.spoken) else part.spoken,
        )
        for number, part in enumerate(script.parts, start=1)
    ]
    sources = list(dict.fromkeys(part.source for part in script.parts if part.source))
    return Sheet(
        LocaleText(LANGUAGE, LANGUAGE).plain(campaign.title),
        t("Loudspeaker script, {minutes}-minute version").format(
            minutes=f"{script.length.minutes:g}"
        ),
        meta,
        parts,
        sources,
        t("Read as:"),
        t("Sources"),
    )


def render_sheet_html(sheet: Sheet, kit: Kit) -> bytes:
    """Return the printable operator sheet as one self-contained HTML file."""
    env = templates(kit.theme, "loudspeaker", "html")
    return env.get_template("sheet.html.j2").render(sheet=sheet).encode("utf-8")


def _layout(kit: Kit) -> tuple[PageLayout, dict[str, Path]]:
    sheet = kit.settings.sheet
    margins = tuple(sheet.margins[side] for side in ("top", "right", "bottom", "left"))
    styles = {name: TextStyle(**style.model_dump()) for name, style in sheet.styles}
    fonts = {}
    for name, relative in sheet.fonts.items():
        path = kit.theme.find(relative)
        if path is None:
            raise ThemeError(_("the theme has no {file}").format(file=relative))
        fonts[name] = path
    top, right, bottom, left = margins
    return PageLayout(
        sheet.page["width"], sheet.page["height"], (top, right, bottom, left), styles
    ), fonts


def render_sheet_pdf(sheet: Sheet, kit: Kit) -> bytes:
    """Return the operator sheet as a PDF with real, selectable text."""
    layout, fonts = _layout(kit)
    blocks = [Block("title", sheet.title), Block("meta", sheet.subtitle)]
    blocks += [Block("meta", f"{label}: {value}") for label, value in sheet.meta]
    for part in sheet.parts:
        blocks.append(Block("heading", f"{part.heading} · {part.duration}", keep_with_next=True))
        blocks.append(Block("written", part.written))
        if part.spoken:
            blocks.append(Block("spoken", f"{sheet.spoken_label} {part.spoken}"))
    if sheet.sources:
        blocks.append(Block("heading", sheet.sources_label, keep_with_next=True))
        blocks += [Block("note", f"– {source}") for source in sheet.sources]
    return render_pdf(
        blocks,
        layout,
        fonts,
        f"{sheet.title} · {sheet.subtitle}",
        footer=f"{sheet.title} · {sheet.subtitle}",
    )
