"""Rules for words, abbreviations, symbols, punctuation and whitespace.

- whitespace collapses to one space, or to one line break when it holds one;
- a list marker ("-", "•", "*", "+") at the start of a line is not read;
- entries of the abbreviation table are read from the table; an entry ending
  with a full stop ("TP.", "H.") only before a capital or a digit, so that an
  initial ("Nguyễn Văn H. cho biết") is not read as "huyện";
- an acronym in brackets right after the words it stands for is not read:
  "Đồng bằng sông Cửu Long (ĐBSCL)" would otherwise say the name twice. It
  stands for them when the table reads it so, or when its letters are their
  initials ("Trung tâm Phục vụ hành chính công (TTPVHCC)"); so too an acronym
  followed by the last words of the name ("Bảo hiểm xã hội tự nguyện (BHXH tự
  nguyện)");
- "/" after an amount and before "tháng", "năm", "người" ... or a unit of the
  region's table ("tấn/ha") is read "mỗi";
  between two numbers "trên"; elsewhere it becomes a pause (a comma);
- a dash between an amount or a number and a number is read "đến"; a dash
  between words with spaces around it becomes a pause; a hyphen inside a word
  stays;
- "%", "&", "+", "×", "=", "≥", "≤", "<", ">", "~", "≈", "°C" are read as words;
- punctuation that a voice turns into pauses is kept;
- words are kept as written; a word that is no Vietnamese syllable, an unknown
  abbreviation, letters mixed with digits and other symbols are kept as
  written with a warning;
- web and e-mail addresses are left out of the spoken text (a listener cannot
  note them down from a loudspeaker), with a warning so that staff give them
  in writing.
"""

from __future__ import annotations

import re

from generator.i18n import _
from generator.speech.context import Context, amount_before, kept, number_after, text_before
from generator.speech.lexicon import (
    DASHES,
    PAUSE_PUNCTUATION,
    SYMBOL_WORDS,
    is_readable_word,
    looks_like_acronym,
    strip_tones,
)
from generator.speech.result import Hit, SpeechWarning
from generator.speech.rules_phones import phone

_SPACE = re.compile(r"\s+")


def whitespace(ctx: Context, pos: int) -> Hit | None:
    """Collapse a run of whitespace into a space or a line break."""
    match = _SPACE.match(ctx.text, pos)
    if match is None:
        return None
    return Hit(match.end(), "\n" if "\n" in match.group() else " ", "space")


_BULLET = re.compile(r"[-–—•*+·]\s+")


def bullet(ctx: Context, pos: int) -> Hit | None:
    """Drop a list marker at the start of a line."""
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    if ctx.text[line_start:pos].strip():
        return None
    match = _BULLET.match(ctx.text, pos)
    return Hit(match.end(), " ", "space") if match else None


_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|edu|info)(?:/\S*)?(?!\w)"
)


def address(ctx: Context, pos: int) -> Hit | None:
    """Leave a web or e-mail address out of the spoken text, with a warning."""
    match = _ADDRESS.match(ctx.text, pos)
    if match is None:
        return None
    end = match.start() + len(match.group().rstrip(".,;:!?)\"”'’"))
    # The message id predates leaving addresses out; its advice (give it in writing) holds.
    message = _("Web or e-mail address; left out of the spoken text, give it in writing too.")
    return Hit(end, "", "address", (SpeechWarning(pos, end, ctx.text[pos:end], message),))


_BRACKETED = re.compile(
    r"\(\s*(?P<acronym>[A-ZĐ][A-ZĐ&]+)(?P<tail>(?:\s+[^\W\d_A-ZĐ][^\W\d_]*){0,3})\s*\)"
)
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")


_BASE_VOWELS = str.maketrans("ĂÂÊÔƠƯ", "AAEOOU")


def _initial(word: str) -> str:
    """Return the first letter of ``word`` without its tone or vowel marks, in capitals."""
    first = word[:1].upper()
    return first if first == "Đ" else strip_tones(first).upper().translate(_BASE_VOWELS)


def _stands_for(acronym: str, before: str, ctx: Context) -> bool:
    """Say whether ``acronym`` abbreviates the words that end ``before``."""
    reading = ctx.table.get(acronym)
    if reading and before.lower().endswith(reading.lower()):
        return True
    letters = acronym.replace("&", "")
    words = _WORDS_BEFORE.findall(before)[-len(letters) :]
    return len(words) == len(letters) and "".join(_initial(w) for w in words) == letters


def defined_acronym(ctx: Context, pos: int) -> Hit | None:
    """Drop "(ĐBSCL)" after "Đồng bằng sông Cửu Long": the name is not said twice.

    So too an acronym with the words that end the name: "Bảo hiểm xã hội tự
    nguyện (BHXH tự nguyện)".
    """
    match = _BRACKETED.match(ctx.text, pos)
    if match is None:
        return None
    before = text_before(ctx, pos, 120).rstrip()
    tail = match["tail"]
    if tail:
        if not before.lower().endswith(" " + " ".join(tail.split()).lower()):
            return None
        before = before[: -len(" ".join(tail.split()))].rstrip()
    return Hit(match.end(), "", "space") if _stands_for(match["acronym"], before, ctx) else None


def abbreviation(ctx: Context, pos: int) -> Hit | None:
    """Read an entry of the abbreviation table."""
    match = ctx.pattern.match(ctx.text, pos) if ctx.pattern else None
    if match is None:
        return None
    key = match.group()
    reading = ctx.table[key]
    if key.endswith("."):
        following = ctx.text[match.end() : match.end() + 2].lstrip()[:1]
        if not (following.isupper() or following.isdigit()):
            return None
        if ctx.text[match.end()].isalnum():
            reading += " "
    return Hit(match.end(), reading, "word")


PER_UNITS = (
    "tháng",
    "năm",
    "người",
    "ngày",
    "hộ",
    "lần",
    "quý",
    "tuần",
    "giờ",
    "thẻ",
    "kỳ",
    "suất",
    "lượt",
    "khẩu",
    "hồ sơ",
    "trường hợp",
    "con",
    "thành viên",
    "xã",
)
_PER = re.compile(r"\s*/\s*(?P<unit>" + "|".join(PER_UNITS) + r")(?!\w)")
_DIGIT_AROUND = re.compile(r"\d\s*/\s*(?=\d)")


_PER_UNIT = re.compile(r"\s*/\s*(?P<unit>[^\W\d_]+[23²³]?)(?!\w)")


def slash(ctx: Context, pos: int) -> Hit | None:
    """Read "/" as "mỗi" after an amount, "trên" between numbers, or a pause.

    After an amount, a unit of the region's table is read too: "7 tấn/ha" →
    bảy tấn mỗi héc-ta, "30.000 đồng/kg" → ... đồng mỗi ký in the South.
    """
    per = _PER.match(ctx.text, pos)
    if per and amount_before(ctx, pos):
        return Hit(per.end(), f" {ctx.words.per} {per['unit']}", "word")
    unit = _PER_UNIT.match(ctx.text, pos)
    reading = ctx.words.unit(unit["unit"]) if unit else None
    if unit and reading and amount_before(ctx, pos):
        return Hit(unit.end(), f" {ctx.words.per} {reading}", "word")
    if ctx.text[pos] != "/":
        return None
    if pos > 0 and _DIGIT_AROUND.match(ctx.text, pos - 1):
        return Hit(pos + 1, " trên ", "word")
    return Hit(pos + 1, ", ", "punctuation")


_DASH = re.compile(r"[" + DASHES + r"]")


# Two phone numbers joined by a dash ("0251.3822.333 - 0919.222.333") are two
# numbers to call, not a range: the dash is read "hoặc".
_PHONE_BEFORE = re.compile(r"(?:\d[\d. ()]{7,}\d)\s*\Z")


def _phone_after(ctx: Context, pos: int) -> bool:
    """Say whether a phone number starts at ``pos``, after spaces."""
    while ctx.text[pos : pos + 1] == " ":
        pos += 1
    return phone(ctx, pos) is not None


def dash(ctx: Context, pos: int) -> Hit | None:
    """Read a dash: "đến" between numbers, "hoặc" between phones, else a pause or a hyphen."""
    if not _DASH.match(ctx.text, pos):
        return None
    end = pos + 1
    if amount_before(ctx, pos) and number_after(ctx, end):
        if _PHONE_BEFORE.search(text_before(ctx, pos)) and _phone_after(ctx, end):
            return Hit(end, " hoặc ", "word")
        return Hit(end, f" {ctx.words.range_to} ", "word")
    joined = pos > 0 and ctx.text[pos - 1].isalnum() and ctx.text[end : end + 1].isalnum()
    return Hit(end, "-" if joined else ", ", "punctuation")


def symbol(ctx: Context, pos: int) -> Hit | None:
    """Read a symbol as a word ("%" → phần trăm, "&" → và)."""
    for sign in sorted(SYMBOL_WORDS, key=len, reverse=True):
        if ctx.text.startswith(sign, pos):
            return Hit(pos + len(sign), f" {SYMBOL_WORDS[sign]} ", "word")
    return None


def punctuation(ctx: Context, pos: int) -> Hit | None:
    """Keep punctuation that a voice reads as a pause."""
    char = ctx.text[pos]
    return Hit(pos + 1, char, "punctuation") if char in PAUSE_PUNCTUATION else None


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NUMERIC = re.compile(r"\d[\d.,]*\d|\d")


def word(ctx: Context, pos: int) -> Hit | None:
    """Keep a word as written; warn when a Vietnamese voice cannot read it."""
    match = _WORD.match(ctx.text, pos)
    if match is None:
        return None
    text = match.group()
    numeric = _NUMERIC.match(ctx.text, pos)
    if numeric and numeric.end() > match.end():
        return None
    if any(c.isdigit() or c == "_" for c in text):
        return kept(ctx, pos, match.end(), _("Cannot be read aloud; kept as written."))
    if looks_like_acronym(text):
        message = _("Unknown abbreviation; add its reading to the abbreviation table.")
        return kept(ctx, pos, match.end(), message)
    if not is_readable_word(text):
        message = _("Not a Vietnamese word; a Vietnamese voice may misread it.")
        return kept(ctx, pos, match.end(), message)
    return Hit(match.end(), text, "word")


_UNREADABLE = re.compile(r"[^\w\s" + re.escape("".join(PAUSE_PUNCTUATION)) + r"]+")


def leftover(ctx: Context, pos: int) -> Hit:
    """Keep whatever no other rule read, with a warning; always moves forward."""
    numeric = _NUMERIC.match(ctx.text, pos)
    if numeric:
        return kept(ctx, pos, numeric.end(), _("Unrecognised number format; kept as written."))
    match = _UNREADABLE.match(ctx.text, pos)
    end = match.end() if match else pos + 1
    return kept(ctx, pos, end, _("Cannot be read aloud; kept as written."))
