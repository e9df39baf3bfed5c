from __future__ import annotations

from generator.model import Verse, VersePart
from generator.verse.layout import (
    localized,
    plain_line,
    render_verse_html,
    verse_excerpt,
    verse_speech_lines,
)

KIEU = Verse(
    id="kieu",
    form="luc_bat",
    title={"vi": "Truyện Kiều", "en": "The Tale of Kiều"},
    author="Nguyễn Du",
    lines=[
        "Trăm năm trong cõi người ta,",
        "Chữ tài chữ mệnh khéo là ghét nhau.",
        "Trải qua một cuộc bể dâu,",
        "Những điều trông thấy mà đau đớn lòng.",
    ],
)
HO = Verse(
    id="ho",
    form="ho",
    title="Hò <đêm>",
    author="dân gian",
    region="south",
    parts=[
        VersePart(part="Người hò", lines=["(Hò ơ…) Ai về Đồng Tháp (mà) coi,"]),
        VersePart(part="Người đáp", lines=["Sen hồng nở rộ đẹp ngời trong mưa (ờ)."]),
    ],
)


def test_luc_bat_html() -> None:
    assert render_verse_html(KIEU, "en") == (
        '<figure class="verse verse--luc-bat" id="verse-kieu" aria-labelledby="verse-kieu-title">\n'
        '<figcaption class="verse__caption"><span class="verse__title" id="verse-kieu-title" '
        'lang="en">The Tale of Kiều</span> <span class="verse__author">Nguyễn Du</span>'
        "</figcaption>\n"
        '<div class="verse__body" lang="vi">\n'
        '<p class="verse__stanza">'
        '<span class="verse__line verse__line--luc">Trăm năm trong cõi người ta,</span><br>\n'
        '<span class="verse__line verse__line--bat">Chữ tài chữ mệnh khéo là ghét nhau.</span>'
        "<br>\n"
        '<span class="verse__line verse__line--luc">Trải qua một cuộc bể dâu,</span><br>\n'
        '<span class="verse__line verse__line--bat">Những điều trông thấy mà đau đớn lòng.</span>'
        "</p>\n"
        "</div>\n"
        "</figure>\n"
    )


def test_ho_html_labels_parts_and_mutes_fillers() -> None:
    html = render_verse_html(HO, "en")
    assert '<span class="verse__title" id="verse-ho-title" lang="vi">Hò &lt;đêm&gt;</span>' in html
    assert (
        '<div class="verse__part" role="group" aria-labelledby="verse-ho-part-1">'
        '<p class="verse__part-label" id="verse-ho-part-1">Người hò</p>'
    ) in html
    assert (
        '<span class="verse__line"><span class="verse__filler">Hò ơ…</span> Ai về Đồng Tháp '
        '<span class="verse__filler">mà</span> coi,</span>'
    ) in html
    assert "(" not in html


def test_song_that_line_roles() -> None:
    verse = Verse(
        id="st",
        form="song_that_luc_bat",
        title="St",
        lines=["a b c d e f g", "a b c d e f g", "a b c d e f", "a b c d e f g h"],
    )
    html = render_verse_html(verse, "vi")
    roles = [part.split('"')[0] for part in html.split("verse__line--")[1:]]
    assert roles == ["that", "that", "luc", "bat"]


def test_note_in_locale() -> None:
    verse = KIEU.model_copy(update={"note": {"vi": "Trích.", "en": "An excerpt."}})
    assert '<p class="verse__note" lang="en">An excerpt.</p>' in render_verse_html(verse, "en")
    assert '<p class="verse__note" lang="vi">Trích.</p>' in render_verse_html(verse, "km")


def test_localized_falls_back_to_vietnamese_then_any() -> None:
    assert localized({"vi": "Một", "en": "One"}, "km") == ("Một", "vi")
    assert localized({"en": "One"}, "km") == ("One", "en")
    assert localized("Một", "en") == ("Một", "vi")


def test_excerpt_ends_on_a_whole_couplet() -> None:
    assert verse_excerpt(KIEU, 3) == KIEU.lines[:2]
    assert verse_excerpt(KIEU) == KIEU.lines
    assert verse_excerpt(KIEU, 1) == KIEU.lines[:1]


def test_excerpt_keeps_fillers_without_parentheses() -> None:
    assert verse_excerpt(HO, 1) == ["Hò ơ… Ai về Đồng Tháp mà coi,"]


def test_speech_lines_drop_fillers() -> None:
    assert verse_speech_lines(HO) == ["Ai về Đồng Tháp coi,", "Sen hồng nở rộ đẹp ngời trong mưa."]


def test_plain_line_tidies_spaces() -> None:
    assert plain_line("(Hò ơ)  Ai về (ơ) , Đồng Tháp", fillers=False) == "Ai về, Đồng Tháp"
