"""The text a page reads aloud with its «Listen» button, in spoken form."""

from __future__ import annotations

import json
import re

from generator.model.region import Region
from generator.speech import normalize

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`#>|]+")
_TAGS = re.compile(r"<[^>]+>")
VOICE_LANGUAGES = {"vi": "vi-VN", "en": "en-US"}


def strip_markup(text: str) -> str:
    """Reduce Markdown or HTML to the words a listener should hear."""
    text = _TAGS.sub(" ", _LINK.sub(r"\1", text))
    return " ".join(_MARKS.sub(" ", text).split())


def spoken_page(sentences: list[str], locale: str, region: Region) -> str:
    """Return the JSON block for the listen button: language and the spoken text."""
    text = " ".join(_ending(strip_markup(s)) for s in sentences if s and strip_markup(s))
    if locale == "vi":
        text = normalize(text, region).text
    data = {"lang": VOICE_LANGUAGES.get(locale, locale), "text": text}
    encoded = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="ansinh-speech">{encoded}</script>'


def _ending(sentence: str) -> str:
    return sentence if sentence.endswith((".", "!", "?", "…", ":")) else sentence + "."
