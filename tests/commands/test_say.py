"""``ansinh say`` prints the spoken form on one line."""

from __future__ import annotations

import pytest

from tests.conftest import Runner

TABLE = [
    ("15", "north", "mười lăm"),
    ("21", "north", "hai mươi mốt"),
    ("105", "north", "một trăm linh năm"),
    ("105", "south", "một trăm lẻ năm"),
    ("1.740", "north", "một nghìn bảy trăm bốn mươi"),
    ("1.740", "south", "một ngàn bảy trăm bốn mươi"),
    ("2021", "north", "hai nghìn không trăm hai mươi mốt"),
    ("87,59%", "north", "tám mươi bảy phẩy năm mươi chín phần trăm"),
    ("6 triệu đồng/năm", "north", "sáu triệu đồng mỗi năm"),
    ("tháng 9/2021", "north", "tháng chín năm hai nghìn không trăm hai mươi mốt"),
    ("BHXH tự nguyện", "north", "bảo hiểm xã hội tự nguyện"),
]


@pytest.mark.parametrize(("written", "region", "spoken"), TABLE)
def test_say_prints_exactly_the_spoken_form(
    ansinh: Runner, written: str, region: str, spoken: str
) -> None:
    code, out, err = ansinh("say", "--region", region, written)
    assert (code, err) == (0, "")
    assert out == spoken + "\n"


def test_north_is_the_default_region(ansinh: Runner) -> None:
    assert ansinh("say", "105")[1] == ansinh("say", "--region", "north", "105")[1]


def test_a_multi_line_text_is_said_on_one_line(ansinh: Runner) -> None:
    code, out, _ = ansinh("say", "Hotline 1900 9068\nBHYT hộ gia đình")
    assert code == 0 and out.count("\n") == 1


def test_a_sentence_opened_by_an_abbreviation_starts_with_a_capital(ansinh: Runner) -> None:
    code, out, _err = ansinh("say", "BHXH tự nguyện là chính sách. BHYT cũng vậy.")
    assert code == 0
    assert out == "bảo hiểm xã hội tự nguyện là chính sách. Bảo hiểm y tế cũng vậy.\n"


def test_what_cannot_be_read_is_said_on_stderr_with_its_column(ansinh: Runner) -> None:
    code, out, err = ansinh("say", "Xem www.bhxh.gov.vn ngày 15-4")
    assert code == 0
    assert out == "Xem ngày mười lăm tháng tư\n"
    assert err == (
        "cột 5: «www.bhxh.gov.vn»: Địa chỉ web hoặc thư điện tử; không đọc lên loa, "
        "hãy đưa kèm bằng chữ.\n"
    )
