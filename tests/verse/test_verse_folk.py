from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest

from generator.i18n import set_language
from generator.model import Verse, VerseForm
from generator.verse.check import check_lines, check_verse
from generator.verse.diagnostic import VerseDiagnostic

COUPLETS = Path(__file__).resolve().parent / "folk_couplets.txt"
FORMS = {"luc_bat": 2, "song_that_luc_bat": 4}
REGIONS = {"north", "central", "south"}


@dataclass(frozen=True)
class Entry:
    form: VerseForm
    source: str
    region: str
    lines: tuple[str, ...]


def read_entries(path: Path = COUPLETS) -> list[Entry]:
    """Read the "@ FORM | SOURCE | REGION" entries of the real-verse file."""
    entries: list[Entry] = []
    header: list[str] | None = None
    lines: list[str] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), "@ end"]:
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if not text.startswith("@"):
            lines.append(text)
            continue
        if header is not None:
            form = cast(VerseForm, header[0])
            entries.append(Entry(form, header[1], header[2], tuple(lines)))
        header, lines = [part.strip() for part in text[1:].split("|")], []
    return entries


ENTRIES = read_entries()


def brief(found: list[VerseDiagnostic]) -> list[tuple[int, int | None, str, str]]:
    return [(item.line, item.position, item.severity, item.code) for item in found]


def errors(found: list[VerseDiagnostic]) -> list[VerseDiagnostic]:
    return [item for item in found if item.severity == "error"]


def test_the_real_verse_file_is_big_enough_and_well_formed() -> None:
    couplets = sum(len(entry.lines) // 2 for entry in ENTRIES)
    stanzas = sum(len(entry.lines) // 4 for entry in ENTRIES if entry.form == "song_that_luc_bat")
    assert couplets >= 150
    assert stanzas >= 10
    for entry in ENTRIES:
        assert entry.form in FORMS and entry.region in REGIONS
        assert entry.lines and len(entry.lines) % FORMS[entry.form] == 0
        assert "Kiều" not in entry.source


def test_the_song_that_stanzas_come_from_the_ngam_khuc() -> None:
    sources = {entry.source for entry in ENTRIES if entry.form == "song_that_luc_bat"}
    assert sources == {
        "Chinh phụ ngâm (Đoàn Thị Điểm)",
        "Cung oán ngâm khúc (Nguyễn Gia Thiều)",
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.lines[0])
def test_real_verse_has_no_error_in_folk_mode(entry: Entry) -> None:
    found = check_lines(list(entry.lines), entry.form, folk=True, region=entry.region)
    assert errors(found) == []


def test_strict_mode_rejects_real_verse_that_folk_mode_accepts() -> None:
    failing = [entry for entry in ENTRIES if errors(check_lines(list(entry.lines), entry.form))]
    assert len(failing) >= 25


SUNG = ["Công cha như núi Thái Sơn,", "Nghĩa mẹ như nước trong nguồn chảy ra."]

# (lines, strict error, folk warning): each licence is an error when strict, a warning when folk.
LICENCES = [
    (SUNG, (2, 2, "tone-level"), (2, 2, "verse.folk.trac_at_2")),
    (
        ["Con cò mà đi ăn đêm,", "Đậu phải cành mềm lộn cổ xuống ao."],
        (1, 4, "tone-oblique"),
        (1, 4, "verse.folk.bang_at_4"),
    ),
    (
        ["Thưa rằng: Tôi Kiều Nguyệt Nga,", "Con này tì tất tên là Kim Liên."],
        (1, 4, "tone-oblique"),
        (1, 4, "verse.folk.name_at_4"),
    ),
    (
        ["Ngó lên nuộc lạt mái nhà,", "Bao nhiêu nuộc lạt nhớ ông bà bấy nhiêu."],
        (2, None, "syllable-count"),
        (2, None, "verse.folk.long_line"),
    ),
    (
        ["Ai ơi nhớ lúc về già,", "Có lương hưu trí cả nhà yên lòng."],
        (2, 6, "tone-ngang-huyen"),
        (2, 6, "verse.folk.ngang_huyen"),
    ),
    (
        ["Anh em như thể tay chân,", "Rách lành đùm bọc, dở hay đỡ đần."],
        (2, 6, "rhyme"),
        (2, 8, "verse.folk.moved_rhyme"),
    ),
]


@pytest.mark.parametrize(("lines", "strict", "folk"), LICENCES, ids=lambda value: str(value))
def test_licence_is_an_error_when_strict_and_a_warning_when_folk(
    lines: list[str], strict: tuple[int, int | None, str], folk: tuple[int, int | None, str]
) -> None:
    assert (strict[0], strict[1], "error", strict[2]) in brief(check_lines(lines, "luc_bat"))
    found = check_lines(lines, "luc_bat", folk=True)
    assert errors(found) == []
    assert (folk[0], folk[1], "warning", folk[2]) in brief(found)


def test_long_six_line_is_a_licence() -> None:
    lines = ["Trên trời có đám mây xanh xanh,", "Ở giữa mây trắng chung quanh mây vàng."]
    assert brief(check_lines(lines, "luc_bat", folk=True)) == [
        (1, None, "warning", "verse.folk.long_line"),
        (2, 2, "warning", "verse.folk.trac_at_2"),
    ]


BAU = ["Bầu ơi thương lấy bí cùng,", "Tuy rằng khác giống nhưng chung một giàn."]

# (line, text, diagnostic): what no tradition accepts stays an error in folk mode.
STILL_ERRORS = [
    (2, "Tuy rằng khác giống nhưng nhà một giàn.", (2, 6, "error", "rhyme")),
    (1, "Bầu ơi thương bí cùng,", (1, None, "error", "syllable-count")),
    (2, "Tuy rằng là khác giống nhưng vẫn chung một giàn.", (2, None, "error", "syllable-count")),
    (1, "Bầu ơi thương lấy bí cúng,", (1, 6, "error", "tone-level")),
    (2, "Tuy rằng khác loài nhưng chung một giàn.", (2, 4, "error", "tone-oblique")),
    (2, "Tuy rằng khác giống nhưng chung một giản.", (2, 8, "error", "tone-level")),
    (2, "Tuy rằng khác giống nhưng chúng một giàn.", (2, 6, "error", "tone-level")),
]


@pytest.mark.parametrize(("line", "text", "expected"), STILL_ERRORS)
def test_what_no_tradition_accepts_stays_an_error_in_folk_mode(
    line: int, text: str, expected: tuple[int, int | None, str, str]
) -> None:
    lines = list(BAU)
    lines[line - 1] = text
    assert brief(errors(check_lines(lines, "luc_bat", folk=True))) == [expected]
    assert expected in brief(check_lines(lines, "luc_bat"))


def test_folk_song_that_drops_the_third_syllable_habit() -> None:
    entry = next(entry for entry in ENTRIES if entry.lines[0].startswith("Thuở trời đất"))
    strict = check_lines(list(entry.lines), "song_that_luc_bat")
    assert {item.code for item in strict} >= {"tone-oblique"}
    assert errors(strict) == []
    assert [
        item
        for item in check_lines(list(entry.lines), "song_that_luc_bat", folk=True)
        if item.code == "tone-oblique"
    ] == []


def test_folk_song_that_still_checks_its_firm_rules() -> None:
    entry = next(entry for entry in ENTRIES if entry.lines[0].startswith("Trải vách quế"))
    lines = list(entry.lines)
    lines[0] = "Trải vách quế gió vàng hiu hiu,"
    assert brief(errors(check_lines(lines, "song_that_luc_bat", folk=True))) == [
        (1, 7, "error", "tone-oblique"),
        (2, 5, "error", "rhyme"),
    ]


def test_licence_messages() -> None:
    assert check_lines(SUNG, "luc_bat", folk=True) == [
        VerseDiagnostic(
            2,
            2,
            "warning",
            "verse.folk.trac_at_2",
            "lệ dân gian (chữ 2 thanh trắc): «mẹ» mang thanh nặng ở chỗ luật viết cần thanh "
            "bằng; ca dao thường chấp nhận",
        ),
        VerseDiagnostic(
            2,
            6,
            "warning",
            "rhyme-loose",
            "«nguồn» chỉ vần ép với «Sơn» (dòng 1, chữ 6): vần -uôn với -ơn",
        ),
    ]
    set_language("en")
    found = check_lines(["Ngó lên nuộc lạt mái nhà,", LICENCES[3][0][1]], "luc_bat", folk=True)
    assert [item.message for item in found] == [
        "folk licence (lục bát biến thể): the line has 9 syllables where 8 are usual; "
        "its rhyme and last syllable are counted from the end"
    ]


TAY_CHAN = ["Một lòng gắn bó tay chân,", "Ngọt bùi chia sẻ như răng với hàm."]


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (None, [(2, 6, "error", "rhyme")]),
        ("north", [(2, 6, "error", "rhyme")]),
        ("central", [(2, 6, "warning", "rhyme-regional")]),
        ("south", [(2, 6, "warning", "rhyme-regional")]),
    ],
)
def test_region_decides_what_rhymes(
    region: str | None, expected: list[tuple[int, int | None, str, str]]
) -> None:
    assert brief(check_lines(TAY_CHAN, "luc_bat", region=region)) == expected
    assert brief(check_lines(TAY_CHAN, "luc_bat", folk=True, region=region)) == expected


def test_regional_rhyme_message() -> None:
    assert check_lines(TAY_CHAN, "luc_bat", region="south") == [
        VerseDiagnostic(
            2,
            6,
            "warning",
            "rhyme-regional",
            "«răng» bắt vần với «chân» (dòng 1, chữ 6) theo giọng miền Nam: vần -ăng với -ân",
        )
    ]


def test_unknown_region_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown region 'west'"):
        check_lines(SUNG, "luc_bat", region="west")


def verse(author: str | None = None, region: str | None = None, lines: list[str] = SUNG) -> Verse:
    fields: dict[str, object] = {
        "id": "ca-dao",
        "form": "luc_bat",
        "title": "Ca dao",
        "lines": lines,
    }
    if author is not None:
        fields["author"] = author
    if region is not None:
        fields["region"] = region
    return Verse.model_validate(fields)


@pytest.mark.parametrize(
    ("author", "folk", "expected"),
    [
        (None, None, "warning"),
        ("Ca dao", None, "warning"),
        ("An Sinh", None, "error"),
        ("An Sinh", True, "warning"),
        (None, False, "error"),
        ("Khuyết danh", False, "error"),
    ],
)
def test_check_verse_chooses_folk_mode_from_the_author(
    author: str | None, folk: bool | None, expected: str
) -> None:
    found = check_verse(verse(author), folk=folk)
    assert [item.severity for item in found if (item.line, item.position) == (2, 2)] == [expected]


@pytest.mark.parametrize(
    ("region", "override", "code"),
    [
        ("south", None, "rhyme-regional"),
        ("south", "north", "rhyme"),
        (None, None, "rhyme"),
        (None, "central", "rhyme-regional"),
    ],
)
def test_check_verse_takes_the_verse_region(
    region: str | None, override: str | None, code: str
) -> None:
    found = check_verse(verse("An Sinh", region, TAY_CHAN), region=override)
    assert [item.code for item in found] == [code]
