"""Vietnamese folding: search tokens for the index and the query, and heading anchors."""

from __future__ import annotations

import pytest

from generator.text.fold import fold, index_tokens, query_tokens, slugify

# query → tokens; tests/browser/test_search.py runs the same table through search.js.
QUERY_TOKENS = [
    ("luong huu", ["luong0", "huu0"]),
    ("Lương hưu", ["lu2ho2hng1", "hu2hu1"]),
    ("dong", ["dong0"]),
    ("ĐÓNG", ["2dong2s1"]),
    ("hòa", ["hoa2f1"]),
    ("hoà", ["hoa2f1"]),
    ("ho\u0061\u0300", ["hoa2f1"]),
    ("thủy thuỷ", ["thuy2r1"]),
    ("tùy", ["tuy2f1"]),
    ("tuỳ", ["tuy2f1"]),
    ("TTTĐ", ["ttt2d1"]),
    ("tttd", ["tttd0"]),
    ("hệ", ["he2c2j1"]),
    ("quỵt", ["quyt2j1"]),
    ("Dak Lak!", ["dak0", "lak0"]),
    ("2025, 1.500.000 đ", ["323032350", "310", "3530300", "3030300", "2d1"]),
    ("ខ្មែរ", ["813601881372288136308813702881363281"]),
    ("  ", []),
]


@pytest.mark.parametrize(("query", "tokens"), QUERY_TOKENS)
def test_query_tokens(query: str, tokens: list[str]) -> None:
    assert query_tokens(query) == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Lương hưu", ["luong0", "lu2ho2hng1", "huu0", "hu2hu1"]),
        ("Hòa", ["hoa0", "hoa2f1"]),
        ("BHXH", ["bhxh0"]),
        ("Đắk Lắk", ["dak0", "2da2bk2s1", "lak0", "la2bk2s1"]),
    ],
)
def test_index_tokens_hold_the_folded_and_the_exact_word(text: str, tokens: list[str]) -> None:
    assert index_tokens(text) == tokens


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("luong huu", "lương hưu"),
        ("dong", "Đóng"),
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("TTTĐ", "TTTĐ"),
    ],
)
def test_a_query_finds_its_word(query: str, text: str) -> None:
    assert set(query_tokens(query)) <= set(index_tokens(text))


@pytest.mark.parametrize(
    ("query", "text"), [("hệ", "hè hết hẹn"), ("quỵt", "quyết quyền quý"), ("sổ", "so số sô")]
)
def test_a_marked_query_never_finds_another_spelling_or_a_longer_word(
    query: str, text: str
) -> None:
    assert not set(query_tokens(query)) & set(index_tokens(text))


def test_no_token_is_the_beginning_of_another() -> None:
    tokens = set(index_tokens("hệ hết he hè h 2 20 2025 đ d dd ddd ă aw a8 a ê ee e ខ្មែរ ខ"))
    for token in tokens:
        assert not any(other != token and other.startswith(token) for other in tokens), token


@pytest.mark.parametrize(
    ("title", "anchor"),
    [
        ("Điều cần nhớ", "dieu-can-nho"),
        ("Đồng Tháp: truyền thông nhóm nhỏ cuối tuần", "dong-thap-truyen-thong-nhom-nho-cuoi-tuan"),
        ("Tôi sẽ đóng bao nhiêu?", "toi-se-dong-bao-nhieu"),
        ("BHXH tự nguyện 2026", "bhxh-tu-nguyen-2026"),
        ("Hòa — hoà", "hoa-hoa"),
    ],
)
def test_heading_anchors_fold_vietnamese(title: str, anchor: str) -> None:
    assert slugify(title, "-") == anchor


def test_fold_drops_every_mark_and_the_bar_of_d() -> None:
    assert fold("ĐƯỜNG Đắk Lắk") == "duong dak lak"
