"""The loudspeaker renderer: scripts for commune loudspeakers, in Vietnamese only.

For every campaign with the "loudspeaker" output, under ``loudspeaker/<campaign>/``:

- ``<length>.txt``  the spoken form, in pieces a text-to-speech box accepts;
- ``<length>.html`` and ``<length>.pdf``  the operator sheet to print;
- ``<length>.opus`` (or ``.mp3``, ``.wav``)  a preview read by espeak-ng, when installed;
- ``schedule.ics``  the broadcasts as a calendar.

``render_operator_pages`` writes the website's pages for operators: the list of
campaigns and each campaign's page, beside its files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from generator.i18n import _
from generator.model import Campaign, Project
from generator.model.theme import Theme
from generator.render import Keep, Memo, Output, OutputKind, make_now, no_memo
from generator.render.escape import front_matter
from generator.render.loudspeaker.audio import (
    audio_available,
    espeak_speed,
    preview_format,
    render_preview,
    render_wav,
)
from generator.render.loudspeaker.broadcast import (
    Script,
    build_scripts,
)
from generator.render.loudspeaker.kit import (
    LANGUAGE,
    VOICE_NAMES,
    Kit,
    duration_words,
    load_kit,
    schedule_words,
)
from generator.render.loudspeaker.parts import loudspeaker_testimonials
from generator.render.loudspeaker.schedule import render_calendar
from generator.render.loudspeaker.sheet import render_sheet_html, render_sheet_pdf, sheet_view
from generator.render.loudspeaker.wording import salutation_notices
from generator.render.views import (
    LocaleText,
    campaign_view,
    locale_prefix,
    templates,
    trusted,
)
from generator.text.format import format_number

FOLDER = "loudspeaker"
TOLERANCE = 0.2
_BREAKS = (
    (re.compile(r"\n\n+"), 0.5),
    (re.compile(r"[.!?…][”\"»]?\s+"), 0.0),
    (re.compile(r"[,;:]\s+"), 0.0),
    (re.compile(r"\s+"), 0.0),
)


def split_chunks(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at sentence ends if possible.

    A piece ends at a part boundary (a blank line) when one falls in its second
    half, else at the last sentence end that fits; only a sentence longer than
    ``limit`` is cut at a comma or a space. The pieces are slices of ``text``:
    joined, they give it back exactly.
    """
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit + 1]
        cut = 0
        for pattern, shortest in _BREAKS:
            ends = [
                m.end()
                for m in pattern.finditer(window)
                if m.start() < limit and m.end() >= shortest * limit
            ]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        chunks.append(text[start : start + cut])
        start += cut
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk]


def render_txt(script: Script, kit: Kit) -> bytes:
    """Return the .txt script: a header for the operator, then the pieces to paste."""
    chunks = [c.strip() for c in split_chunks(script.spoken_text, kit.settings.tts_max_chars)]
    env = templates(kit.theme, "loudspeaker")
    text = env.get_template("script.txt.j2").render(
        _=kit.translate,
        chunks=chunks,
        rate=script.rate,
        title=LocaleText(LANGUAGE, LANGUAGE).plain(script.campaign.title),
        length=kit.translate("{minutes} min").format(minutes=f"{script.length.minutes:g}"),
        duration=duration_words(script.seconds, kit.translate),
        voice=kit.translate(VOICE_NAMES[script.region]),
    )
    return text.encode("utf-8")


def speak(text: str, voice: str, speed: int, fmt: str) -> bytes:
    """Return the audio preview of ``text``: espeak-ng's ``voice`` at ``speed`` (words a
    minute), encoded as ``fmt`` (see ``preview_format``)."""
    return render_preview(render_wav(text, voice, speed), fmt)


# How a build makes audio: ``speak`` itself, or a store of previews made before.
Speaker = Callable[[str, str, int, str], bytes]


def _script_outputs(
    script: Script, kit: Kit, audio: bool, speaker: Speaker, keep: Keep
) -> list[Output]:
    folder, name = f"{FOLDER}/{script.campaign.id}", script.length.id
    audio = audio and name in kit.settings.audio_lengths
    sound = preview_format(kit.settings.audio_format)
    files = [f"{name}.txt"] + ([f"{name}.{sound}"] if audio else [])
    html = render_sheet_html(sheet_view(script, kit, files), kit)
    path = f"{folder}/{name}.pdf"
    made: list[tuple[str, bytes, OutputKind]] = [
        ("txt", render_txt(script, kit), "loudspeaker"),
        ("html", html, "loudspeaker"),
        # Laid out from its HTML alone: a sheet whose HTML did not change (a script that
        # does not quote an edited testimonial) is taken as it was.
        (
            "pdf",
            keep(("sheet-pdf", html), partial(render_sheet_pdf, html, kit, path)),
            "loudspeaker",
        ),
    ]
    if audio:
        factor = kit.settings.espeak_syllables_per_word[script.region]
        voice, speed = kit.formulas[script.region].voice, espeak_speed(script.rate, factor)
        made.append((sound, speaker(script.spoken_text, voice, speed, sound), "audio"))
    return [
        Output(f"{folder}/{name}.{fmt}", data, kind, fmt, script.campaign.id, LANGUAGE)
        for fmt, data, kind in made
    ]


def _script_notices(script: Script) -> list[str]:
    path = f"{FOLDER}/{script.campaign.id}/{script.length.id}.txt"
    notices = [
        _("{path}: «{fragment}»: {message}").format(
            path=path, fragment=w.fragment, message=w.message
        )
        for part in script.parts
        for w in part.warnings
    ]
    target = script.length.seconds
    if abs(script.seconds - target) > TOLERANCE * target:
        notices.append(
            _(
                "{path}: the script lasts {seconds} s instead of about {target} s; "
                "add messages, figures or verses to the campaign, or change the "
                "lengths in loudspeaker/defaults.yml"
            ).format(path=path, seconds=round(script.seconds), target=round(target))
        )
    return notices


def loudspeaker_campaigns(project: Project) -> list[Campaign]:
    return [c for c in project.campaigns if "loudspeaker" in c.outputs]


def render_loudspeaker_with_notices(
    project: Project, theme: Theme
) -> tuple[list[Output], list[str]]:
    """Return every loudspeaker output and the notices for staff (one line each)."""
    outputs, notices = [], loudspeaker_notices(project)
    for campaign in loudspeaker_campaigns(project):
        made, said = render_loudspeaker_campaign(project, theme, campaign)
        outputs += made
        notices += said
    return outputs, list(dict.fromkeys(notices))


def loudspeaker_notices(project: Project) -> list[str]:
    """Return what staff should know about every campaign's scripts at once.

    That scripts are Vietnamese only is by design, not news: ``ansinh check`` says it
    once in its summary, and each locale's operator page says it to readers.
    """
    if not loudspeaker_campaigns(project) or audio_available():
        return []
    return [_("espeak-ng is not installed: the loudspeaker scripts have no audio preview (.wav).")]


def render_loudspeaker_campaign(
    project: Project,
    theme: Theme,
    campaign: Campaign,
    speaker: Speaker = speak,
    keep: Keep = make_now,
) -> tuple[list[Output], list[str]]:
    """Return one campaign's scripts, sheets, calendar and audio, and its notices.

    ``speaker`` makes each audio preview (``speak``'s arguments and result): a build
    passes one that takes a preview of the same text, voice and speed from its store.
    ``keep`` lays out each operator sheet's PDF (see ``Keep``): a build's takes a sheet
    of the same HTML, theme and code from its store.
    """
    if "loudspeaker" not in campaign.outputs:
        return [], []
    kit, audio = load_kit(theme), audio_available()
    scripts = build_scripts(project, theme, campaign, kit.settings, kit.formulas, kit.abbreviations)
    outputs: list[Output] = []
    notices = salutation_notices(loudspeaker_testimonials(project, campaign))
    for script in scripts:
        outputs += _script_outputs(script, kit, audio, speaker, keep)
        notices += _script_notices(script)
    outputs.append(
        Output(
            f"{FOLDER}/{campaign.id}/schedule.ics",
            render_calendar(project, campaign, scripts, kit.translate),
            "loudspeaker",
            "ics",
            campaign.id,
            LANGUAGE,
        )
    )
    return outputs, notices


def load_speech_engine(view: Project, theme: Theme) -> None:
    """Build the scripts of ``view``'s one campaign and forget them, before worker
    processes are forked: they share then what a process's first scripts prepare (the
    lexicon, the spoken-form rules, the locale data, the templates), about 0.1 CPU-s a
    worker. The build's operator pages build them again, from what is ready."""
    kit = load_kit(theme)
    build_scripts(view, theme, view.campaigns[0], kit.settings, kit.formulas, kit.abbreviations)


def render_loudspeaker(project: Project, theme: Theme) -> list[Output]:
    """Return every loudspeaker output (scripts, sheets, calendars, audio)."""
    return render_loudspeaker_with_notices(project, theme)[0]


# What of the project a campaign's scripts read besides the campaign, site and policy.
SCRIPT_NEEDS = frozenset({"testimonials", "verses", "contacts"})


# The operators' pages, under the site's folder of the same name as the scripts': the list
# of campaigns, and one page per campaign beside its files (loudspeaker/<campaign>/).
OPERATOR_INDEX = f"{FOLDER}/index.md"


def operator_page_path(campaign_id: str) -> str:
    """Return the docs path of a campaign's operator page: ``loudspeaker/<campaign>.md``."""
    return f"{FOLDER}/{campaign_id}.md"


def render_operator_pages(
    project: Project, theme: Theme, locale: str, memo: Memo = no_memo
) -> dict[str, str]:
    """Return the operators' Markdown pages of one locale, by docs path.

    ``loudspeaker/index.md`` lists the campaigns that have scripts; each campaign's page,
    ``loudspeaker/<campaign>.md``, published beside its files, gives its voice, rate and
    broadcast calendar and each script's length, duration and files. A campaign's page is
    made through ``memo`` from the campaign's view: an edit remakes only the pages of the
    campaigns whose scripts changed, and the list changes only with the campaigns' titles.
    """
    kit, audio = load_kit(theme, locale), audio_available()
    # The previews' format depends on the encoders installed: the pages link to it.
    sound = preview_format(kit.settings.audio_format)
    text = LocaleText(locale, project.site.default_locale)
    pages: dict[str, str] = {}
    listed = []
    for campaign in loudspeaker_campaigns(project):
        view = campaign_view(project, campaign, SCRIPT_NEEDS)
        pages[operator_page_path(campaign.id)] = memo(
            ("operator-page", locale, audio, sound, view),
            partial(_operator_page, view, theme, locale, audio, memo),
        )
        title, page = text.plain(campaign.title), f"{campaign.id}.md"
        listed.append({"title": title, "page": page, "place": campaign.province})
    env = templates(theme, "loudspeaker", "markdown")
    pages[OPERATOR_INDEX] = env.get_template("index.md.j2").render(
        _=trusted(kit.translate),
        campaigns=listed,
        other_locales=locale != LANGUAGE,
        yq=front_matter,
    )
    return pages


def _operator_page(view: Project, theme: Theme, locale: str, audio: bool, memo: Memo) -> str:
    """Return the operator page of ``view``'s one campaign (``campaign.md.j2``)."""
    kit = load_kit(theme, locale)
    return (
        templates(theme, "loudspeaker", "markdown")
        .get_template("campaign.md.j2")
        .render(
            _=trusted(kit.translate),
            entry=_operator_entry(view, theme, locale, audio, memo),
            audio=audio,
            sound=preview_format(kit.settings.audio_format),
            limit=format_number(kit.settings.tts_max_chars, locale),
            other_locales=locale != LANGUAGE,
            yq=front_matter,
        )
    )


def _operator_entry(
    view: Project, theme: Theme, locale: str, audio: bool, memo: Memo
) -> dict[str, Any]:
    """Describe the one campaign of ``view`` for its operator page: its scripts' lengths,
    durations and files, its voice and rate, and when it is broadcast."""
    campaign = view.campaigns[0]
    kit = load_kit(theme, locale)
    t = kit.translate
    sounds = [preview_format(kit.settings.audio_format)] if audio else []
    # The page is at <locale prefix>loudspeaker/<campaign>/ (directory URLs); the files at
    # /loudspeaker/<campaign>/: the same folder for the default locale.
    prefix = locale_prefix(view, locale)
    up = "../" * (prefix.count("/") + 2)
    base = "" if not prefix else f"{up}{FOLDER}/{campaign.id}/"
    text = LocaleText(locale, view.site.default_locale)
    # The scripts are the same in every locale: built once for all the operator pages.
    facts = json.loads(memo(("operator-scripts", view), partial(_script_facts, view, theme)))
    voice = VOICE_NAMES[facts["region"]]
    return {
        "title": text.plain(campaign.title),
        "base": base,
        "voice": t(voice),
        "rate": facts["rate"],
        **schedule_words(campaign, t, locale),
        "scripts": [
            {
                "id": s["id"],
                "duration": duration_words(s["seconds"], t),
                "label": t("{minutes} min").format(minutes=f"{s['minutes']:g}"),
                "formats": [
                    "txt",
                    "html",
                    "pdf",
                    *(sounds if s["id"] in kit.settings.audio_lengths else []),
                ],
            }
            for s in facts["scripts"]
        ],
    }


def _script_facts(view: Project, theme: Theme) -> str:
    """Return what the operator pages say of the scripts of ``view``'s one campaign, as
    JSON: ``{"region", "rate" (syllables a minute), "scripts": [{"id", "seconds",
    "minutes"}]}``."""
    kit = load_kit(theme)
    scripts = build_scripts(
        view, theme, view.campaigns[0], kit.settings, kit.formulas, kit.abbreviations
    )
    return json.dumps(
        {
            "region": scripts[0].region,
            "rate": scripts[0].rate,
            "scripts": [
                {"id": s.length.id, "seconds": s.seconds, "minutes": s.length.minutes}
                for s in scripts
            ],
        }
    )
