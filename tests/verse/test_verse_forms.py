from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.model import Verse, VersePart
from generator.verse.check import check_lines, check_verse
from generator.verse.diagnostic import VerseDiagnostic

CHINH_PHU_NGAM = [
    "Thuở trời đất nổi cơn gió bụi,",
    "Khách má hồng nhiều nỗi truân chuyên.",
    "Xanh kia thăm thẳm tầng trên,",
    "Vì ai gây dựng cho nên nỗi này?",
    "Trống Tràng Thành lung lay bóng nguyệt,",
    "Khói Cam Tuyền mờ mịt thức mây.",
    "Chín tầng gươm báu trao tay,",
    "Nửa đêm truyền hịch định ngày xuất chinh.",
]


def brief(found: list[VerseDiagnostic]) -> list[tuple[int, int | None, str, str]]:
    return [(item.line, item.position, item.severity, item.code) for item in found]


def test_song_that_classic_passes_with_the_third_syllable_as_a_warning() -> None:
    assert check_lines(CHINH_PHU_NGAM, "song_that_luc_bat") == [
        VerseDiagnostic(
            5,
            3,
            "warning",
            "tone-oblique",
            "«Thành» mang thanh huyền (bằng); chỗ này cần thanh trắc",
        )
    ]


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        (
            1,
            "Thuở trời đất nổi cơn gió bay,",
            [(1, 7, "error", "tone-oblique"), (2, 5, "error", "rhyme")],
        ),
        (1, "Thuở trời đất nổi tới gió bụi,", [(1, 5, "error", "tone-level")]),
        (2, "Khách má hồng nhiều nơi truân chuyên.", [(2, 5, "error", "tone-oblique")]),
        (2, "Khách má hồng nhiều nỗi truân chuyến.", [(2, 7, "error", "tone-level")]),
        (2, "Khách má hồng nhiều nét truân chuyên.", [(2, 5, "error", "rhyme")]),
        (3, "Xanh kia thăm thẳm tầng đây,", [(3, 6, "error", "rhyme")]),
        (
            5,
            "Trống Tràng Thành lung tung bóng nguyệt,",
            [(5, 3, "warning", "tone-oblique"), (5, 5, "error", "rhyme")],
        ),
        (6, "Khói Cam Tuyền mờ mịt thức mây thưa.", [(6, None, "error", "syllable-count")]),
    ],
)
def test_song_that_breaks(
    line: int, text: str, expected: list[tuple[int, int | None, str, str]]
) -> None:
    lines = list(CHINH_PHU_NGAM)
    lines[line - 1] = text
    found = [
        item
        for item in check_lines(lines, "song_that_luc_bat")
        if (item.line, item.position) != (5, 3) or line == 5
    ]
    assert brief(found) == expected


def test_song_that_broken_rhyme_message() -> None:
    lines = list(CHINH_PHU_NGAM[:4])
    lines[1] = "Khách má hồng nhiều nét truân chuyên."
    set_language("en")
    assert check_lines(lines, "song_that_luc_bat") == [
        VerseDiagnostic(
            2,
            5,
            "error",
            "rhyme",
            "«nét» does not rhyme with «bụi» (line 1, syllable 7): -et against -ui",
        )
    ]


def test_song_that_incomplete_quatrain() -> None:
    assert check_lines(CHINH_PHU_NGAM[:3], "song_that_luc_bat") == [
        VerseDiagnostic(
            3,
            None,
            "error",
            "incomplete-quatrain",
            "song thất lục bát đi theo từng khổ bốn dòng 7, 7, 6 và 8 chữ; khổ cuối chỉ có 3 dòng",
        )
    ]


def test_song_that_rhyme_on_the_third_syllable_is_a_warning() -> None:
    lines = list(CHINH_PHU_NGAM)
    lines[4] = "Trống Tràng bày lung tung bóng nguyệt,"
    assert check_lines(lines, "song_that_luc_bat") == [
        VerseDiagnostic(
            5,
            3,
            "warning",
            "rhyme-moved",
            "vần với «này» (dòng 4, chữ 8) rơi vào «bày» thay vì chữ 5",
        ),
        VerseDiagnostic(
            5, 3, "warning", "tone-oblique", "«bày» mang thanh huyền (bằng); chỗ này cần thanh trắc"
        ),
    ]


VE_NOI_NGUOC = [
    "Nghe vẻ nghe ve,",
    "Nghe vè nói ngược.",
    "Ngựa đi ba bước,",
    "Quay lại đàng sau.",
    "Con mèo ăn trầu.",
]


def test_ve_with_end_and_waist_rhymes_passes() -> None:
    assert check_lines(VE_NOI_NGUOC, "ve") == []


def test_ve_line_with_no_rhyme_link_is_an_error() -> None:
    found = check_lines(VE_NOI_NGUOC[:4], "ve")
    set_language("en")
    found_en = check_lines(VE_NOI_NGUOC[:4], "ve")
    assert found == [
        VerseDiagnostic(
            4,
            4,
            "error",
            "ve-no-rhyme",
            "dòng kết thúc bằng «sau» không bắt vần với dòng trước, cũng không với dòng sau",
        )
    ]
    assert found_en[0].message == (
        "«sau» ends a line that rhymes with neither the line before nor the line after"
    )


def test_ve_irregular_length_is_a_warning() -> None:
    lines = [
        "Nghe vẻ nghe ve,",
        "Nghe vè chợ phiên.",
        "Bán buôn kiếm tiền,",
        "Sớm hôm ngược xuôi.",
        "Lo cho tuổi già mình vui.",
    ]
    assert check_lines(lines, "ve") == [
        VerseDiagnostic(
            5,
            None,
            "warning",
            "ve-length",
            "dòng có 6 chữ, trong khi bài vè phần lớn là dòng 4 chữ",
        )
    ]


def test_ve_weak_link_is_a_warning() -> None:
    lines = ["Đi chợ bán rau,", "Về nhà nấu cháo."]
    assert check_lines(lines, "ve") == [
        VerseDiagnostic(
            2,
            4,
            "warning",
            "ve-weak-rhyme",
            "«cháo» chỉ bắt vần lỏng với «rau» (dòng 1, chữ 4): vần ép, hoặc thanh bằng đi với "
            "thanh trắc",
        )
    ]


def test_ve_in_luc_bat_is_checked_as_relaxed_luc_bat() -> None:
    lines = ["Ai ơi nhớ lúc về già,", "Có lương hưu trí cả nhà yên lòng."]
    assert brief(check_lines(lines, "ve")) == [(2, 6, "warning", "tone-ngang-huyen")]


HO = ["(Hò ơ…) Ai về Đồng Tháp mà coi,", "Sen hồng nở rộ (mà) đẹp ngời trong mưa."]


def test_ho_with_fillers_passes() -> None:
    assert check_lines(HO, "ho") == []


def test_ho_stretched_line_is_a_warning() -> None:
    lines = ["(Hò ơ…) Ai về Đồng Tháp quê mình mà coi,", HO[1]]
    assert check_lines(lines, "ho") == [
        VerseDiagnostic(1, None, "warning", "syllable-count", "cần 6 chữ, có 8 chữ")
    ]


def test_ho_moved_rhyme_is_a_warning() -> None:
    lines = [HO[0], "Sen hồng đẹp tươi trong mưa cánh hồng."]
    assert check_lines(lines, "ho") == [
        VerseDiagnostic(
            2,
            4,
            "warning",
            "rhyme-moved",
            "vần với «coi» (dòng 1, chữ 6) rơi vào «tươi» thay vì chữ 6",
        ),
        VerseDiagnostic(
            2,
            4,
            "warning",
            "tone-oblique",
            "«tươi» mang thanh ngang (bằng); chỗ này cần thanh trắc",
        ),
    ]


def test_ho_rhyme_found_nowhere_is_an_error() -> None:
    lines = [HO[0], "Sen hồng nở rộ khắp miền đồng sâu."]
    assert check_lines(lines, "ho") == [
        VerseDiagnostic(
            2, 6, "error", "rhyme", "«miền» không vần với «coi» (dòng 1, chữ 6): vần -iên với -oi"
        )
    ]


def vong_co(*parts: tuple[str, list[str]], lines: list[str] | None = None) -> Verse:
    return Verse(
        id="thu",
        form="vong_co",
        title="Thử",
        lines=lines or [],
        parts=[VersePart(part=label, lines=part_lines) for label, part_lines in parts],
    )


FULL = [("Nói lối", ["Chiều bên sông gió đưa hương lúa chín,"])] + [
    (f"Câu {number}", [f"Lời câu {number}."]) for number in range(1, 7)
]


def test_vong_co_full_structure_passes() -> None:
    assert check_verse(vong_co(*FULL)) == []


def test_vong_co_without_parts() -> None:
    assert check_verse(vong_co(lines=["Một dòng ca."])) == [
        VerseDiagnostic(
            1,
            None,
            "warning",
            "vong-co-no-parts",
            "bài vọng cổ viết theo từng phần: «Nói lối», rồi «Câu 1» đến «Câu 6»",
        )
    ]


def test_vong_co_excerpt_without_noi_loi() -> None:
    verse = vong_co(("Câu 1", ["Một."]), ("câu 2", ["Hai.", "Ba."]))
    set_language("en")
    assert check_verse(verse) == [
        VerseDiagnostic(
            1, None, "warning", "vong-co-count", "the vọng cổ has 2 câu; a full one has 6"
        ),
        VerseDiagnostic(
            1, None, "warning", "vong-co-no-noi-loi", "the vọng cổ does not open with a nói lối"
        ),
    ]


def test_vong_co_parts_out_of_order_and_unknown() -> None:
    verse = vong_co(
        ("Noi loi", ["Một."]), ("Câu 2", ["Hai."]), ("Câu 1", ["Ba."]), ("Điệp khúc", ["Bốn."])
    )
    assert check_verse(verse) == [
        VerseDiagnostic(
            1, None, "warning", "vong-co-count", "bài vọng cổ có 2 câu; một bài đủ có 6 câu"
        ),
        VerseDiagnostic(3, None, "warning", "vong-co-order", "«Câu 1» lại đứng sau câu 2"),
        VerseDiagnostic(
            4,
            None,
            "warning",
            "vong-co-part",
            "phần «Điệp khúc» không phải nói lối, cũng không phải câu 1 đến câu 6",
        ),
    ]


def test_check_verse_flattens_parts_in_order() -> None:
    verse = Verse(
        id="ho",
        form="ho",
        title="Hò",
        parts=[
            VersePart(part="Người hò", lines=[HO[0]]),
            VersePart(part="Người đáp", lines=["Sen hồng nở rộ khắp miền đồng sâu."]),
        ],
    )
    assert brief(check_verse(verse)) == [(2, 6, "error", "rhyme")]


@pytest.mark.parametrize("opening", ["Nghe vẻ nghe ve,", "Nghe vẻ nghe ve, nghe vè bảo hiểm:"])
def test_ve_opening_is_exempt(opening: str) -> None:
    lines = [
        opening,
        "Chợ phiên đông vui,",
        "Ngược xuôi tấp nập.",
        "Kẻ bán người mua,",
        "Chẳng thua chẳng thiệt.",
    ]
    assert check_lines(lines, "ve") == []
