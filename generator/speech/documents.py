"""Rule for legal document numbers: "159/2025/NĐ-CP", "123/QĐ-UBND", "35-CT/TW".

The reading is the one radio announcers use, "[kind] số <number> [năm <year>]
của <issuer>":

- "số" is added when it was not written;
- the kind of document comes from ``document_kinds.yml``: the code's first
  part ("QĐ" in "123/QĐ-UBND" → quyết định), or the part after the number in
  Party documents ("35-CT/TW" → chỉ thị). It is said only when the last words
  before the number have not said it. A code that starts with its issuer has
  no kind: "Công văn 456/BHXH-TCKT" → Công văn số bốn trăm năm mươi sáu của
  Bảo hiểm xã hội;
- the issuer comes from the abbreviation table: the whole code ("NĐ-CP" → của
  Chính phủ) when it is an entry, else "của" and the entry of the first part
  that is no kind, with a capital (it is a body's name). Letters followed by a
  number ("QH15") read the number as the term: của Quốc hội khóa mười lăm;
- the department after the issuer ("TCKT" in "BHXH-TCKT", "VX" in "UBND-VX")
  is a filing mark for the office, not news for listeners: it is not read;
- an issuer the table does not know is kept as written, with a warning, so
  that staff add it to the table. When the text names the issuer itself ("số
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

_CODE = r"(?P<code>[A-ZĐ][^\W_]*(?:[-&][A-ZĐ][^\W_]*)*)(?!\w)"
_DOCUMENT = re.compile(r"(?:(?P<so>số|Số|SỐ)\s+)?(?P<num>\d+)(?:/(?P<year>\d{4}))?/" + _CODE)
_PARTY_DOCUMENT = re.compile(
    r"(?:(?P<so>số|Số|SỐ)\s+)?(?P<num>\d+)-(?P<kind>[A-ZĐ][^\W\d_]*)/" + _CODE
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
    """Read the code after the number ("NĐ-CP" → của Chính phủ), "" for none, or None."""
    whole = ctx.table.get(code, "")
    if whole.startswith("của "):
        return whole
    parts = code.split("-")
    if parts[0] in ctx.kinds:
        parts = parts[1:]
    if not parts:
        return ""
    reading = whole or _lookup(parts[0], ctx)
    return f"của {reading[:1].upper()}{reading[1:]}" if reading else None


def _kind(code: str, ctx: Context, pos: int) -> str | None:
    """Return the kind of document to say before "số", or None when already said."""
    reading = ctx.kinds.get(code)
    before = text_before(ctx, pos).lower()
    if reading is None or reading.lower() in before or code.lower() in before:
        return None
    return reading


def numbered(ctx: Context, pos: int) -> Hit | None:
    """Read "số 01/2025" (a number and its year, no code) as "số một năm hai nghìn ..."."""
    match = _NUMBERED.match(ctx.text, pos)
    if match is None:
        return None
    number, year = (read_int(int(match[name]), ctx.words) for name in ("num", "year"))
    return Hit(match.end(), f"{match['so']} {number} năm {year}", "document")


def _match(ctx: Context, pos: int) -> tuple[re.Match[str], str] | None:
    """Match a document number at ``pos`` and return it with its kind's code ("" if none)."""
    party = _PARTY_DOCUMENT.match(ctx.text, pos)
    if party and party["kind"] in ctx.kinds:
        return party, party["kind"]
    match = _DOCUMENT.match(ctx.text, pos)
    if match is None:
        return None
    first = match["code"].split("-")[0]
    return match, first if first in ctx.kinds else ""


def document(ctx: Context, pos: int) -> Hit | None:
    """Read a document number with its year and issuing body."""
    found = _match(ctx, pos)
    if found is None:
        return numbered(ctx, pos)
    match, kind_code = found
    code = match["code"]
    spoken = [match["so"] or "số", read_int(int(match["num"]), ctx.words)]
    kind = _kind(kind_code, ctx, pos)
    if kind:
        spoken.insert(0, kind)
    year = match.groupdict().get("year")
    if year:
        spoken += ["năm", read_int(int(year), ctx.words)]
    if _ISSUER_FOLLOWS.match(ctx.text, match.end()):
        return Hit(match.end(), " ".join(spoken), "document")
    issuer = _issuer(code, ctx)
    warnings: tuple[SpeechWarning, ...] = ()
    if issuer is None:
        start, end = match.span("code")
        warnings = (SpeechWarning(start, end, code, _("Unknown document code; kept as written.")),)
    spoken.append(code if issuer is None else issuer)
    return Hit(match.end(), " ".join(spoken), "document", warnings)
