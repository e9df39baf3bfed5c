"""What a loudspeaker could not read aloud, reported by ``check`` where staff wrote it.

The loudspeaker scripts speak a campaign's title, summary, key messages and figure
labels, its testimonials' quotes and places, and the policy's benefits and myths. Each
is put through the spoken-form normalizer with the campaign's region; whatever it had to
keep as written («0277.38512», an unknown document code, a web address) becomes a
warning at the text's line and column, the fragment's own column when the text is on
one line of the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc, read_source
from generator.model.region import DEFAULT_REGION, Region
from generator.speech import SpeechWarning, normalize
from generator.validate.loaded import Loaded

LANGUAGE = "vi"
# Longer texts are refused by the model anyway; reading them would only cost time.
MAX_SPOKEN_CHARS = 5_000


def check_spoken_texts(
    loaded: Loaded, abbreviations: Mapping[str, str] | None = None
) -> list[Diagnostic]:
    """Return a warning for every fragment of a spoken text the normalizer keeps as written.

    ``abbreviations`` is the theme's table (written form → reading), as the build reads it;
    None keeps An Sinh's own table.
    """
    doc = loaded.documents.get("campaigns.yml")
    if doc is None:
        return []
    found: list[Diagnostic] = []
    sources: dict[str, list[str]] = {}  # each file's lines, read once (campaigns share one)
    spoken_testimonials: dict[str, Region] = {}
    for index, campaign in sorted(loaded.campaigns.campaigns.items()):
        if "loudspeaker" not in campaign.outputs:
            continue
        base: Loc = ("campaigns", index)
        locs = [base + ("title",), base + ("summary",)]
        locs += [base + ("messages", i) for i in range(len(campaign.messages))]
        locs += [base + ("figures", i, "label") for i in range(len(campaign.figures))]
        found += _check_texts(loaded, doc, locs, campaign.region, abbreviations, sources)
        for ref in campaign.testimonials:
            spoken_testimonials.setdefault(ref, campaign.region)
    for ref, region in spoken_testimonials.items():
        testimonial_doc = loaded.documents.get(f"content/testimonials/{ref}.yml")
        if testimonial_doc is not None:
            found += _check_texts(
                loaded, testimonial_doc, [("quote",), ("place",)], region, abbreviations, sources
            )
    policy_doc = loaded.documents.get("content/policy.yml")
    if policy_doc is not None and loaded.policy is not None:
        locs = [
            ("benefits", i, key)
            for i in range(len(loaded.policy.benefits))
            for key in ("title", "text")
        ]
        locs += [
            ("myths", i, key) for i in range(len(loaded.policy.myths)) for key in ("myth", "fact")
        ]
        found += _check_texts(loaded, policy_doc, locs, DEFAULT_REGION, abbreviations, sources)
    return found


def _check_texts(
    loaded: Loaded,
    doc: Document,
    locs: list[Loc],
    region: Region,
    abbreviations: Mapping[str, str] | None,
    sources: dict[str, list[str]],
) -> list[Diagnostic]:
    found = []
    for loc, text in _vietnamese_texts(doc, locs):
        for warning in normalize(text, region, abbreviations).warnings:
            if doc.path not in sources:
                sources[doc.path] = _source_lines(loaded, doc)
            found.append(_located(doc, sources[doc.path], loc, warning))
    return found


def _vietnamese_texts(doc: Document, locs: list[Loc]) -> Iterator[tuple[Loc, str]]:
    for loc in locs:
        value: Any = doc.data
        for part in loc:
            value = (
                value.get(part)
                if isinstance(value, dict)
                else (
                    value[part]
                    if isinstance(value, list) and isinstance(part, int) and part < len(value)
                    else None
                )
            )
        if isinstance(value, dict):
            value, loc = value.get(LANGUAGE), loc + (LANGUAGE,)
        if isinstance(value, str) and value.strip() and len(value) <= MAX_SPOKEN_CHARS:
            yield loc, value


def _source_lines(loaded: Loaded, doc: Document) -> list[str]:
    return read_source(loaded.root / doc.path).splitlines()


def _located(doc: Document, lines: list[str], loc: Loc, warning: SpeechWarning) -> Diagnostic:
    mark = doc.mark(loc)
    line, column = mark.line, mark.column
    if 0 < line <= len(lines):
        at = lines[line - 1].find(warning.fragment, column - 1)
        if at >= 0:
            column = at + 1
    message = _("a loudspeaker cannot read «{fragment}» aloud: {reason}").format(
        fragment=warning.fragment, reason=warning.message
    )
    return Diagnostic(doc.path, line, column, "warning", "unspoken", message)
