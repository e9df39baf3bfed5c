from __future__ import annotations

import unicodedata

import pytest

from generator.verse.syllable import (
    SyllableError,
    Tone,
    line_words,
    parse_syllable,
    split_fillers,
    tokenize_line,
)


@pytest.mark.parametrize(
    ("text", "initial", "medial", "rhyme", "tone"),
    [
        ("quốc", "qu", "", "ôc", Tone.SAC),
        ("gì", "gi", "", "i", Tone.HUYEN),
        ("giá", "gi", "", "a", Tone.SAC),
        ("gìn", "gi", "", "in", Tone.HUYEN),
        ("giếng", "gi", "", "iêng", Tone.SAC),
        ("giữa", "gi", "", "ưa", Tone.NGA),
        ("hoà", "h", "o", "a", Tone.HUYEN),
        ("hòa", "h", "o", "a", Tone.HUYEN),
        ("thuỷ", "th", "u", "i", Tone.HOI),
        ("thủy", "th", "u", "i", Tone.HOI),
        ("quý", "qu", "", "i", Tone.SAC),
        ("qúy", "qu", "", "i", Tone.SAC),
        ("qui", "qu", "", "i", Tone.NGANG),
        ("ly", "l", "", "i", Tone.NGANG),
        ("li", "l", "", "i", Tone.NGANG),
        ("kỹ", "k", "", "i", Tone.NGA),
        ("kĩ", "k", "", "i", Tone.NGA),
        ("Đường", "đ", "", "ương", Tone.HUYEN),
        ("NGHIÊNG", "ngh", "", "iêng", Tone.NGANG),
        ("khuya", "kh", "u", "ia", Tone.NGANG),
        ("yêu", "", "", "iêu", Tone.NGANG),
        ("ý", "", "", "i", Tone.SAC),
        ("òa", "", "o", "a", Tone.HUYEN),
        ("tay", "t", "", "ay", Tone.NGANG),
        ("thuở", "th", "u", "ơ", Tone.HOI),
        ("mua", "m", "", "ua", Tone.NGANG),
        ("muốn", "m", "", "uôn", Tone.SAC),
        ("người", "ng", "", "ươi", Tone.HUYEN),
        ("xoong", "x", "", "oong", Tone.NGANG),
        ("huỳnh", "h", "u", "inh", Tone.HUYEN),
        ("nặng", "n", "", "ăng", Tone.NANG),
        ("xuân", "x", "u", "ân", Tone.NGANG),
        ("nưóc", "n", "", "ươc", Tone.SAC),
    ],
)
def test_syllable_parts(text: str, initial: str, medial: str, rhyme: str, tone: Tone) -> None:
    syllable = parse_syllable(text)
    assert (syllable.initial, syllable.medial, syllable.rhyme, syllable.tone) == (
        initial,
        medial,
        rhyme,
        tone,
    )


@pytest.mark.parametrize(
    ("text", "initial", "medial", "rhyme", "tone"),
    [
        ("Nguyễn", "ng", "u", "iên", Tone.NGA),
        ("hoà", "h", "o", "a", Tone.HUYEN),
        ("Thủy", "th", "u", "i", Tone.HOI),
        ("đặng", "đ", "", "ăng", Tone.NANG),
    ],
)
def test_decomposed_input_reads_the_same(
    text: str, initial: str, medial: str, rhyme: str, tone: Tone
) -> None:
    syllable = parse_syllable(unicodedata.normalize("NFD", text))
    assert (syllable.initial, syllable.medial, syllable.rhyme, syllable.tone) == (
        initial,
        medial,
        rhyme,
        tone,
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("quý", "qúy"), ("khoẻ", "khỏe"), ("Hoá", "hóa")],
)
def test_both_tone_placements_are_one_syllable(first: str, second: str) -> None:
    a, b = parse_syllable(first), parse_syllable(second)
    assert (a.initial, a.medial, a.rhyme, a.tone) == (b.initial, b.medial, b.rhyme, b.tone)


@pytest.mark.parametrize(
    ("tone", "is_bang", "tone_class"),
    [
        (Tone.NGANG, True, "bằng"),
        (Tone.HUYEN, True, "bằng"),
        (Tone.SAC, False, "trắc"),
        (Tone.HOI, False, "trắc"),
        (Tone.NGA, False, "trắc"),
        (Tone.NANG, False, "trắc"),
    ],
)
def test_tone_classes(tone: Tone, is_bang: bool, tone_class: str) -> None:
    assert (tone.is_bang, tone.tone_class) == (is_bang, tone_class)


@pytest.mark.parametrize("text", ["BHXH", "22", "xyz", "ng", "q", "a1"])
def test_not_a_syllable(text: str) -> None:
    with pytest.raises(SyllableError):
        parse_syllable(text)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Trăm năm trong cõi người ta,", ["Trăm", "năm", "trong", "cõi", "người", "ta"]),
        ("Rằng: “Trăm năm cũng từ đây,", ["Rằng", "Trăm", "năm", "cũng", "từ", "đây"]),
        ("Vầng trăng ai xẻ làm -dôi,", ["Vầng", "trăng", "ai", "xẻ", "làm", "dôi"]),
        ("Uống cà-phê sớm…", ["Uống", "cà", "phê", "sớm"]),
        ("(Hò ơ…) Ai về Đồng Tháp (mà) coi", ["Ai", "về", "Đồng", "Tháp", "coi"]),
        ("  ", []),
    ],
)
def test_counted_words(line: str, words: list[str]) -> None:
    assert [word.text for word in line_words(line)] == words


def test_fillers_are_kept_and_marked() -> None:
    words = tokenize_line("(Hò ơ…) Ai về (í a) Đồng Tháp")
    assert [(word.text, word.filler) for word in words] == [
        ("Hò", True),
        ("ơ", True),
        ("Ai", False),
        ("về", False),
        ("í", True),
        ("a", True),
        ("Đồng", False),
        ("Tháp", False),
    ]


def test_pauses_follow_punctuation() -> None:
    words = line_words("Mai cốt cách, tuyết tinh thần.")
    assert [word.pause for word in words] == [False, False, True, False, False, True]


def test_split_fillers_drops_parentheses() -> None:
    assert split_fillers("(Hò ơ) Ai về (mà) coi") == [
        ("Hò ơ", True),
        (" Ai về ", False),
        ("mà", True),
        (" coi", False),
    ]


def test_a_word_that_is_not_a_syllable_has_no_analysis() -> None:
    words = line_words("đóng 330.000 đồng")
    assert [(word.text, word.syllable is None) for word in words] == [
        ("đóng", False),
        ("330.000", True),
        ("đồng", False),
    ]
