"""The operator sheet: a loudspeaker script laid out for print, as HTML and as PDF.

One template (``loudspeaker/sheet.html.j2``) makes both: the PDF is that HTML laid
out by the print engine, whose page rules sit in the template's ``@media print``.

Large type, each part with its duration, the written form and, where it
differs, the spoken form beneath it, and the broadcast schedule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
from generator.render.print.engine import render_pdf
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


def render_sheet_pdf(html: bytes, kit: Kit, output: str) -> bytes:
    """Return the operator sheet as a PDF: its HTML (``render_sheet_html``), laid out for
    print with the theme's fonts. Raises RenderError naming ``output``."""
    pdf, _pages = render_pdf(html.decode("utf-8"), kit.theme, output)
    return pdf
