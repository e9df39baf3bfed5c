"""The licences of folk lục bát: the accepted ways real verse breaks the written rules.

In folk mode (``generator.verse.tradition``) each licence below is a warning
whose code and message name it, where strict mode reports an error:

- ``verse.folk.trac_at_2``: syllable 2 of a 6- or 8-line trắc ("Nghĩa mẹ như
  nước trong nguồn chảy ra", "Con vua thì lại làm vua / Con sãi ở chùa ...");
- ``verse.folk.bang_at_4``: syllable 4 of the 6-line bằng ("Con cò mà đi ăn
  đêm", "Mận hỏi thì đào xin thưa");
- ``verse.folk.name_at_4``: a proper name keeps its bằng tone at syllable 4
  of either line ("Thưa rằng: Tôi Kiều Nguyệt Nga");
- ``verse.folk.long_line``: lục bát biến thể, a 6-line of 7 syllables or an
  8-line of 9 ("Bao nhiêu nuộc lạt nhớ ông bà bấy nhiêu"): the rhyme
  and the last syllable are counted from the end of the line, the rest of
  its tones is free;
- ``verse.folk.ngang_huyen``: syllables 6 and 8 of the 8-line both ngang or
  both huyền;
- ``verse.folk.moved_rhyme``: the 6-line's rhyme, missing at syllable 6 of
  the 8-line, recurs exactly elsewhere in it ("Anh em như thể tay chân / Rách
  lành đùm bọc, dở hay đỡ đần").

Still errors in folk mode: a line shorter than the form or longer than the
variants, syllable 6 of either line or 8 of the 8-line trắc, syllable 4 of the
8-line bằng (outside a name or vần lưng), and a rhyme found nowhere.
"""

from __future__ import annotations

from generator.i18n import _
from generator.verse.diagnostic import VerseDiagnostic, diagnostic
from generator.verse.meter import VerseLine

# Line length of the form -> the longer lengths folk lục bát accepts (lục bát biến thể).
LONG_LINES: dict[int, tuple[int, ...]] = {6: (7,), 8: (9,)}


def is_name(line: VerseLine, position: int) -> bool:
    """True when the word at ``position`` (not the first) is capitalized: a proper name."""
    if not 1 < position <= line.count:
        return False
    text = line.word(position)
    return text[:1].isupper() and not all(word.text.isupper() for word in line.words)


def trac_at_2(line: VerseLine) -> VerseDiagnostic | None:
    """Warn about a trắc syllable 2 (a folk licence), or return None if it is bằng."""
    syllable = line.syllable(2)
    if syllable is None or syllable.is_bang:
        return None
    return diagnostic(
        line.number,
        2,
        "warning",
        "verse.folk.trac_at_2",
        _(
            "folk licence (trắc at syllable 2): «{syllable}» has the {tone} tone where the "
            "written rule wants bằng; ca dao often allows it"
        ),
        syllable=line.word(2),
        tone=syllable.tone.value,
    )


def bang_at_4(line: VerseLine) -> VerseDiagnostic | None:
    """Warn about a bằng syllable 4 of a line: a proper name anywhere, else the 6-line licence."""
    syllable = line.syllable(4)
    if syllable is None or not syllable.is_bang:
        return None
    if is_name(line, 4):
        code = "verse.folk.name_at_4"
        template = _(
            "folk licence (proper name at syllable 4): «{syllable}» keeps its {tone} tone "
            "(bằng) where the written rule wants trắc"
        )
    elif line.count == 6:
        code = "verse.folk.bang_at_4"
        template = _(
            "folk licence (bằng at syllable 4 of the 6-line): «{syllable}» has the {tone} tone "
            "where the written rule wants trắc, as in «Con cò mà đi ăn đêm»"
        )
    else:
        return None
    return diagnostic(
        line.number, 4, "warning", code, template, syllable=line.word(4), tone=syllable.tone.value
    )


def long_line(line: VerseLine, expected: int) -> VerseDiagnostic:
    """Warn that a line is longer than ``expected``, as lục bát biến thể allows."""
    return diagnostic(
        line.number,
        None,
        "warning",
        "verse.folk.long_line",
        _(
            "folk licence (lục bát biến thể): the line has {found} syllables where {expected} "
            "are usual; its rhyme and last syllable are counted from the end"
        ),
        found=line.count,
        expected=expected,
    )


def ngang_huyen(line: VerseLine) -> VerseDiagnostic:
    """Warn that syllables 6 and 8 of an 8-line share the ngang or the huyền tone."""
    sixth = line.syllable(6)
    return diagnostic(
        line.number,
        6,
        "warning",
        "verse.folk.ngang_huyen",
        _(
            "folk licence (no ngang–huyền alternation): «{syllable}» and syllable 8 «{other}» "
            "both have the {tone} tone"
        ),
        syllable=line.word(6),
        other=line.word(8),
        tone=sixth.tone.value if sixth is not None else "",
    )
