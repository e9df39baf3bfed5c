"""Fitting text into a card's box: the shortcuts that make it fast give the same lines."""

from __future__ import annotations

import pytest

from generator.render.social.design import card_design
from generator.text.typeset import (
    ELLIPSIS,
    Face,
    FaceMaker,
    Fit,
    _break_word,
    _words,
    fit_text,
    wrap,
)
from generator.validate.theme import load_theme
from tests.conftest import MINI

TEXTS = [
    "Đóng sau mùa lúa, chọn 6 tháng hoặc 12 tháng một lần cho vừa sức.",
    "BẢO HIỂM XÃ HỘI TỰ NGUYỆN · ĐỒNG BẰNG SÔNG CỬU LONG",
    "Bán hàng ở chợ vẫn có lương hưu, như người làm công ăn lương.\nGọi 1900 9068.",
    "Người tham gia BHXH tự nguyện ở tỉnh Lào Cai tăng 2.921 người — đạt 87,59% kế hoạch",
    "baohiemxahoi.gov.vn/campaigns/dong-bang-song-cuu-long/?utm_source=card",
    "សន្តិសុខសង្គម\u200bសម្រាប់\u200bគ្រួសារ 1900 9068 ការពារ\u200bសុខភាព",
]


@pytest.fixture(scope="module")
def faces() -> dict[str, FaceMaker]:
    return card_design(load_theme(MINI, "default")).palette.faces


def wrap_measuring_every_line(face: Face, text: str, width: float) -> list[str]:
    """Greedy wrapping that measures each candidate line whole: what ``wrap`` must give."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word, joiner in _words(paragraph):
            candidate = current + joiner + word if current else word
            if face.length(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = [word] if face.length(word) <= width else _break_word(face, word, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        if current:
            lines.append(current)
    return lines


@pytest.mark.parametrize("font", ["sans-regular", "sans-bold"])
@pytest.mark.parametrize("size", [18, 30, 56])
def test_wrap_by_word_widths_breaks_where_measuring_whole_lines_does(
    faces: dict[str, FaceMaker], font: str, size: int
) -> None:
    face = faces[font](size)
    for text in TEXTS:
        for width in range(120, 1000, 37):
            expected = wrap_measuring_every_line(face, text, width)
            assert wrap(face, text, width) == expected, (text, width)


def letters(text: str) -> str:
    return "".join(char for char in text if not char.isspace() and char != "\u200b")


def sizes_tried(fit: Fit) -> list[int]:
    return [*range(fit.size, fit.min_size, -fit.step), fit.min_size]


@pytest.mark.parametrize(
    ("width", "height"), [(730, 220), (730, 120), (500, 300), (256, 64), (1000, 80)]
)
@pytest.mark.parametrize("text", TEXTS)
def test_fit_text_takes_the_largest_size_at_which_the_whole_text_fits(
    faces: dict[str, FaceMaker], text: str, width: int, height: int
) -> None:
    fit = Fit(size=56, min_size=30, max_lines=3, line_height=1.16)
    block = fit_text(faces["sans-bold"], text, fit, width, height)
    assert block.height <= height
    for line in block.lines:
        left, _top, right, _bottom = block.face.ink(line)
        assert right - left <= width, line
    if block.cut:
        assert block.face.size == fit.min_size
        assert not block.lines or block.lines[-1].endswith(ELLIPSIS)
        return
    assert letters("".join(block.lines)) == letters(text)  # nothing left out
    sizes = sizes_tried(fit)
    larger = sizes[: sizes.index(block.face.size)]
    if larger:
        one_step_up = Fit(larger[-1], larger[-1], fit.max_lines, fit.line_height)
        assert fit_text(faces["sans-bold"], text, one_step_up, width, height).cut
