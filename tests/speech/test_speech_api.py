"""Warnings, syllable counts, the abbreviation table, one-line output and the public API."""

from __future__ import annotations

import contextvars
import unicodedata
from pathlib import Path

import pytest

from generator.errors import ThemeError
from generator.i18n import set_language, translate
from generator.speech import (
    DEFAULT_ABBREVIATIONS,
    DEFAULT_DOCUMENT_KINDS,
    DEFAULT_REGIONS,
    SpeechWarning,
    Spoken,
    count_syllables,
    load_abbreviations,
    load_regions,
    normalize,
    say,
)

UNREADABLE = "Cannot be read aloud; kept as written."
ACRONYM = "Unknown abbreviation; add its reading to the abbreviation table."
FOREIGN = "Not a Vietnamese word; a Vietnamese voice may misread it."
NUMBER = "Unrecognised number format; kept as written."
ADDRESS = "Web or e-mail address; left out of the spoken text, give it in writing too."
CODE = "Unknown document code; kept as written."

WARNINGS = [
    ("@#$", "@#$", [(0, 3, "@#$", UNREADABLE)]),
    ("x7zq", "x7zq", [(0, 4, "x7zq", UNREADABLE)]),
    ("Mã x7zq không hợp lệ", "Mã x7zq không hợp lệ", [(3, 7, "x7zq", UNREADABLE)]),
    ("Liên hệ @#$ ngay", "Liên hệ @#$ ngay", [(8, 11, "@#$", UNREADABLE)]),
    ("Gửi XYZW hôm nay", "Gửi XYZW hôm nay", [(4, 8, "XYZW", ACRONYM)]),
    ("Tải iPhone", "Tải iPhone", [(4, 10, "iPhone", FOREIGN)]),
    (
        "Xem www.baohiemxahoi.gov.vn.",
        "Xem.",
        [(4, 27, "www.baohiemxahoi.gov.vn", ADDRESS)],
    ),
    ("Số 12.3456 sai", "Số 12.3456 sai", [(3, 10, "12.3456", NUMBER)]),
    (
        "Công văn 123/XYZ",
        "Công văn số một trăm hai mươi ba XYZ",
        [(13, 16, "XYZ", CODE)],
    ),
    (
        "Gửi qua bhxh@gmail.com hoặc 12/ABC-XY.",
        "Gửi qua hoặc số mười hai ABC-XY.",
        [(8, 22, "bhxh@gmail.com", ADDRESS), (31, 37, "ABC-XY", CODE)],
    ),
    (
        "Chỉ thị 35-CT/XYZ ngày 15-4 → xong",
        "Chỉ thị số ba mươi lăm XYZ ngày mười lăm tháng tư → xong",
        [(14, 17, "XYZ", CODE), (28, 29, "→", UNREADABLE)],
    ),
    ("Cao 3 ft", "Cao ba ft", [(6, 8, "ft", FOREIGN)]),
    (
        "BHXH có 1.740 người, mã @#$ và 3G.",
        "bảo hiểm xã hội có một nghìn bảy trăm bốn mươi người, mã @#$ và 3G.",
        [(24, 27, "@#$", UNREADABLE), (31, 33, "3G", UNREADABLE)],
    ),
]


def _english() -> None:
    set_language("en")


@pytest.mark.parametrize(("written", "spoken", "expected"), WARNINGS)
def test_speech_warnings(
    written: str, spoken: str, expected: list[tuple[int, int, str, str]]
) -> None:
    context = contextvars.copy_context()
    context.run(_english)
    result = context.run(normalize, written)
    assert result.text == spoken
    assert [(w.start, w.end, w.fragment, w.message) for w in result.warnings] == expected
    for warning in result.warnings:
        assert written[warning.start : warning.end] == warning.fragment


def test_speech_warning_messages_are_translated() -> None:
    result = normalize("x7zq")
    assert result.warnings[0].message == translate(UNREADABLE, "vi")
    assert result.warnings[0].message != UNREADABLE


def test_speech_warning_offsets_are_into_nfc_input() -> None:
    written = unicodedata.normalize("NFD", "Mã số x7zq")
    result = normalize(written)
    assert [(w.start, w.end, w.fragment) for w in result.warnings] == [(6, 10, "x7zq")]
    assert result.text == "Mã số x7zq"


def test_speech_result_types_are_frozen() -> None:
    result = normalize("x7zq")
    assert isinstance(result, Spoken)
    assert isinstance(result.warnings[0], SpeechWarning)
    with pytest.raises(AttributeError):
        result.text = "khác"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("spoken", "count"),
    [
        ("bảo hiểm xã hội tự nguyện", 6),
        ("một chín không không, chín không sáu tám.", 8),
        ("cô-vít mười chín", 4),
        ("", 0),
        ("  ,  . ", 0),
        ("Thông báo!\nMức đóng: hai mươi hai phần trăm.", 9),
        ("tám mươi bảy phẩy năm mươi chín phần trăm", 9),
    ],
)
def test_speech_count_syllables(spoken: str, count: int) -> None:
    assert count_syllables(spoken) == count


def test_speech_count_syllables_of_normalized_text() -> None:
    assert count_syllables(normalize("87,59%").text) == 9


def test_speech_default_table_is_the_theme_file() -> None:
    table = load_abbreviations(DEFAULT_ABBREVIATIONS)
    assert table["BHXH"] == "bảo hiểm xã hội"
    assert table["NĐ-CP"] == "của Chính phủ"


def test_speech_staff_added_abbreviation_takes_effect(tmp_path: Path) -> None:
    extra = tmp_path / "abbreviations.yml"
    extra.write_text("CSKH: chăm sóc khách hàng\nBHXH: bảo hiểm xã hội\n", encoding="utf-8")
    table = load_abbreviations(extra)
    assert table == {"CSKH": "chăm sóc khách hàng", "BHXH": "bảo hiểm xã hội"}
    result = normalize("Tổng đài CSKH của BHXH", abbreviations=table)
    assert result.text == "Tổng đài chăm sóc khách hàng của bảo hiểm xã hội"
    assert result.warnings == ()


def test_speech_staff_table_merged_with_default(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yml"
    extra.write_text("TTYT: Trung tâm Y tế\n", encoding="utf-8")
    table = {**load_abbreviations(DEFAULT_ABBREVIATIONS), **load_abbreviations(extra)}
    assert normalize("TTYT huyện và BHXH", abbreviations=table).text == (
        "Trung tâm Y tế huyện và bảo hiểm xã hội"
    )


def test_speech_without_table_warns_about_abbreviations() -> None:
    result = normalize("BHXH tự nguyện", abbreviations={})
    assert result.text == "BHXH tự nguyện"
    assert [(w.start, w.end, w.fragment) for w in result.warnings] == [(0, 4, "BHXH")]


def test_speech_empty_table_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert load_abbreviations(empty) == {}


@pytest.mark.parametrize(
    "content", ["- BHXH\n- BHYT\n", "BHXH: [1, 2]\n", "BHXH:\n", "a: b: c: [\n"]
)
def test_speech_malformed_table(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeError):
        load_abbreviations(bad)


def test_speech_missing_table(tmp_path: Path) -> None:
    with pytest.raises(ThemeError):
        load_abbreviations(tmp_path / "missing.yml")


@pytest.mark.parametrize(
    ("region", "written", "spoken"),
    [
        ("north", "THÔNG BÁO\nBHXH tự nguyện", "THÔNG BÁO. bảo hiểm xã hội tự nguyện"),
        (
            "north",
            "Hạn đóng:\n1/7/2025",
            "Hạn đóng: ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm",
        ),
        ("south", "Mức đóng\n\n  330.000 đ/tháng", "Mức đóng. ba trăm ba mươi ngàn đồng mỗi tháng"),
        ("central", "105 người", "một trăm lẻ năm người"),
    ],
)
def test_speech_say_single_line(region: str, written: str, spoken: str) -> None:
    assert say(written, region) == spoken  # type: ignore[arg-type]


def test_speech_units_and_document_kinds_are_theme_data() -> None:
    regions = load_regions(DEFAULT_REGIONS)
    assert regions["north"].unit("kg") == "ki-lô-gam"
    assert regions["south"].unit("kg") == "ký"
    assert (regions["north"].unit("k"), regions["south"].unit("k")) == ("nghìn", "ngàn")
    assert regions["south"].four_after_tens == "bốn"
    kinds = load_abbreviations(DEFAULT_DOCUMENT_KINDS)
    assert (kinds["QĐ"], kinds["CT"]) == ("quyết định", "chỉ thị")


def test_speech_unknown_region() -> None:
    with pytest.raises(ValueError):
        normalize("15", region="west")  # type: ignore[arg-type]


def test_speech_input_is_nfc_normalized() -> None:
    decomposed = unicodedata.normalize("NFD", "tháng 9/2021")
    assert normalize(decomposed).text == "tháng chín năm hai nghìn không trăm hai mươi mốt"


def test_speech_empty_input() -> None:
    assert normalize("") == Spoken("", ())
    assert normalize(" \n\t ") == Spoken("", ())


def test_speech_regional_words_are_theme_data() -> None:
    regions = load_regions(DEFAULT_REGIONS)
    assert (regions["north"].thousand, regions["north"].zero_tens) == ("nghìn", "linh")
    assert (regions["central"].thousand, regions["central"].zero_tens) == ("ngàn", "lẻ")
    assert (regions["south"].thousand, regions["south"].zero_tens) == ("ngàn", "lẻ")
    assert regions["north"].months[0] == "một"
    assert regions["north"].months[3] == "tư"


@pytest.mark.parametrize(
    "content",
    [
        "- north\n",
        "north: nghìn\n",
        "north:\n  thousand: nghìn\n",
        "north: {thousand: nghìn, zero_tens: linh, four_after_tens: tư, decimal_point: phẩy,"
        " range_to: đến, range_from: từ, per: mỗi, months: [một]}\n",
        "north: {thousand: nghìn, zero_tens: linh, four_after_tens: tư, decimal_point: phẩy,"
        " range_to: đến, range_from: từ, per: mỗi,"
        " months: [a, b, c, d, e, f, g, h, i, j, k, l], units: [kg]}\n",
    ],
)
def test_speech_malformed_regions(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "regions.yml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeError):
        load_regions(bad)
