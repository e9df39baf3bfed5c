"""Rule for legal document numbers: "159/2025/NĐ-CP", "số 41/2024/QH15", "595/QĐ-BHXH".

The reading is "[kind] số <number> năm <year> <issuer>":

- "số" is added when it was not written;
- the kind of document (the code's part before the hyphen, "NĐ" → nghị định)
  is said only when the last words before the number have not said it;
- the issuer comes from the abbreviation table: the whole code ("NĐ-CP" → của
  Chính phủ) when it is an entry, else "của" and the entry of the part after the
  hyphen; letters followed by a number ("QH15") read the number as the term:
  của Quốc hội khóa mười lăm. An issuer the table does not know is kept as
  written, with a warning. When the text names the issuer itself ("số
  1234/QĐ-BHXH ngày 12/6/2025 của BHXH Việt Nam") the code is not read.

"số 01/2025", a number and its year with no code, is read "số một năm hai nghìn
không trăm hai mươi lăm" rather than as a month.
"""

from __future__ import annotations

import re

from generator.i18n import _
from generator.speech.context import Context, text_before
from generator.speech.numbers import read_int
from generator.speech.result import Hit, SpeechWarning

_DOCUMENT = re.compile(
    r"(?:(?P<so>số|Số|SỐ)\s+)?(?P<num>\d+)(?:/(?P<year>\d{4}))?"
    r"/(?P<code>[A-ZĐ][^\W_]*(?:[-&][A-ZĐ][^\W_]*)*)(?!\w)"
)
_NUMBERED = re.compile(r"(?P<so>số|Số|SỐ)\s+(?P<num>\d+)/(?P<year>\d{4})(?![\w/])")
_ISSUER_FOLLOWS = re.compile(r"(?:\s+ngày\s+\d{1,2}/\d{1,2}/\d{4})?,?\s+của\s", re.IGNORECASE)
_TERM = re.compile(r"(?P<letters>\D+?)(?P<term>\d+)")


def _lookup(part: str, ctx: Context) -> str | None:
    """Read one issuer ("UBND", "QH15") with the table, or None."""
    if part in ctx.table:
        return ctx.table[part]
    term = _TERM.fullmatch(part)
    if term and term["letters"] in ctx.table:
        return f"{ctx.table[term['letters']]} khóa {read_int(int(term['term']), ctx.words)}"
    return None


def _issuer(code: str, ctx: Context) -> str | None:
    """Read the code after the number ("NĐ-CP" → của Chính phủ), or None."""
    if code in ctx.table:
        return ctx.table[code]
    issuer = code.split("-", 1)[1] if "-" in code else code
    reading = _lookup(issuer, ctx)
    return f"của {reading}" if reading else None


def _kind(code: str, ctx: Context, pos: int) -> str | None:
    """Return the kind of document to say before "số", or None when already said."""
    if "-" not in code:
        return None
    kind = code.split("-", 1)[0]
    reading = ctx.table.get(kind)
    before = text_before(ctx, pos).lower()
    if reading is None or reading.lower() in before or kind.lower() in before:
        return None
    return reading


def numbered(ctx: Context, pos: int) -> Hit | None:
    """Read "số 01/2025" (a number and its year, no code) as "số một năm hai nghìn ..."."""
    match = _NUMBERED.match(ctx.text, pos)
    if match is None:
        return None
    number, year = (read_int(int(match[name]), ctx.words) for name in ("num", "year"))
    return Hit(match.end(), f"{match['so']} {number} năm {year}", "document")


def document(ctx: Context, pos: int) -> Hit | None:
    """Read a document number with its year and issuing body."""
    match = _DOCUMENT.match(ctx.text, pos)
    if match is None:
        return numbered(ctx, pos)
    code = match["code"]
    spoken = [match["so"] or "số", read_int(int(match["num"]), ctx.words)]
    kind = _kind(code, ctx, pos)
    if kind:
        spoken.insert(0, kind)
    if match["year"]:
        spoken += ["năm", read_int(int(match["year"]), ctx.words)]
    if _ISSUER_FOLLOWS.match(ctx.text, match.end()):
        return Hit(match.end(), " ".join(spoken), "document")
    issuer = _issuer(code, ctx)
    warnings: tuple[SpeechWarning, ...] = ()
    if issuer is None:
        start, end = match.span("code")
        warnings = (SpeechWarning(start, end, code, _("Unknown document code; kept as written.")),)
    spoken.append(issuer or code)
    return Hit(match.end(), " ".join(spoken), "document", warnings)
