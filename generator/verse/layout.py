"""Verses as HTML, as short excerpts for cards and posters, and as lines to read aloud.

The HTML is a ``<figure>``: the title (and author) in its ``<figcaption>``,
the verse in paragraphs with one ``<br>`` between lines, as HTML does poems,
so a screen reader reads the lines in order with their punctuation. Labelled
parts (vọng cổ's nói lối and câu, a hò's call and answer) are groups named by
their label. Classes, styled in ``themes/default/assets/css/verse.css``:

- ``verse verse--<form>`` on the figure;
- ``verse__line--luc`` / ``--bat`` / ``--that`` for 6-, 8- and 7-syllable lines
  of lục bát and song thất lục bát (the lục line is set in, as Truyện Kiều is
  printed);
- ``verse__filler`` for the fillers of sung verse (text in parentheses), shown
  muted and without the parentheses.
"""

from __future__ import annotations

import re
from html import escape

from generator.model import LocalizedText, Verse
from generator.verse.check import verse_lines
from generator.verse.syllable import split_fillers

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?\u2026])")
_ROLES: dict[str, tuple[str, ...]] = {
    "luc_bat": ("luc", "bat"),
    "song_that_luc_bat": ("that", "that", "luc", "bat"),
}
_GROUPS: dict[str, int] = {"luc_bat": 2, "song_that_luc_bat": 4}
VERSE_LANGUAGE = "vi"


def localized(text: LocalizedText, locale: str) -> tuple[str, str]:
    """Return the text for ``locale`` (else Vietnamese, else any) and its language."""
    if isinstance(text, str):
        return text, VERSE_LANGUAGE
    for lang in (locale, VERSE_LANGUAGE):
        if lang in text:
            return text[lang], lang
    lang, value = next(iter(text.items()))
    return value, lang


def _line_html(line: str) -> str:
    runs: list[str] = []
    for text, filler in split_fillers(line.strip()):
        if filler:
            runs.append(f'<span class="verse__filler">{escape(text.strip())}</span>')
        else:
            runs.append(escape(text))
    return "".join(runs)


def _stanza(lines: list[str], form: str, first_index: int) -> str:
    roles = _ROLES.get(form)
    rendered: list[str] = []
    for index, line in enumerate(lines, start=first_index):
        classes = "verse__line"
        if roles is not None:
            classes += f" verse__line--{roles[index % len(roles)]}"
        rendered.append(f'<span class="{classes}">{_line_html(line)}</span>')
    return '<p class="verse__stanza">' + "<br>\n".join(rendered) + "</p>"


def _caption(verse: Verse, locale: str, title_id: str) -> str:
    title, lang = localized(verse.title, locale)
    return (
        '<figcaption class="verse__caption">'
        f'<span class="verse__title" id="{title_id}" lang="{escape(lang)}">{escape(title)}</span> '
        f'<span class="verse__author">{escape(verse.author)}</span>'
        "</figcaption>"
    )


def _body(verse: Verse) -> list[str]:
    parts: list[str] = []
    index = 0
    if verse.lines:
        parts.append(_stanza(list(verse.lines), verse.form, index))
        index += len(verse.lines)
    for number, part in enumerate(verse.parts, start=1):
        label_id = f"verse-{verse.id}-part-{number}"
        parts.append(
            f'<div class="verse__part" role="group" aria-labelledby="{label_id}">'
            f'<p class="verse__part-label" id="{label_id}">{escape(part.part)}</p>'
            f"{_stanza(list(part.lines), verse.form, index)}</div>"
        )
        index += len(part.lines)
    return parts


def render_verse_html(verse: Verse, locale: str, caption: bool = True) -> str:
    """Return an HTML fragment typesetting ``verse``, its title in ``locale``.

    Without ``caption`` (where the page's own heading already names the verse) the
    title is given to screen readers only, as the figure's label.
    """
    title_id = f"verse-{verse.id}-title"
    form_class = verse.form.replace("_", "-")
    if caption:
        opening = (
            f'<figure class="verse verse--{form_class}" id="verse-{verse.id}" '
            f'aria-labelledby="{title_id}">'
        )
    else:
        title, _lang = localized(verse.title, locale)
        opening = (
            f'<figure class="verse verse--{form_class}" id="verse-{verse.id}" '
            f'aria-label="{escape(title)}">'
        )
    html = [
        opening,
        _caption(verse, locale, title_id) if caption else "",
        f'<div class="verse__body" lang="{VERSE_LANGUAGE}">',
        *_body(verse),
        "</div>",
    ]
    if verse.note is not None:
        note, lang = localized(verse.note, locale)
        html.append(f'<p class="verse__note" lang="{escape(lang)}">{escape(note)}</p>')
    html.append("</figure>")
    return "\n".join(html) + "\n"


def plain_line(line: str, fillers: bool) -> str:
    """Return a verse line as plain text, fillers kept (without parentheses) or dropped."""
    text = "".join(run for run, filler in split_fillers(line) if fillers or not filler)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", text)).strip()


def verse_excerpt(verse: Verse, max_lines: int = 4) -> list[str]:
    """Return the first lines of a verse for a card or poster, ending on a whole couplet."""
    lines = [line for line in (plain_line(text, True) for text in verse_lines(verse)) if line]
    group = _GROUPS.get(verse.form, 1)
    count = min(len(lines), max_lines)
    if count >= group:
        count -= count % group
    return lines[:count]


def verse_speech_lines(verse: Verse) -> list[str]:
    """Return every line of a verse to be read aloud, fillers dropped."""
    return [line for line in (plain_line(text, False) for text in verse_lines(verse)) if line]
