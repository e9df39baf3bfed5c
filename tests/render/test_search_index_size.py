"""A national site's search index is larger than one answer of the index service's client
may be by default (2 MiB of base64): it must still be built, not wait for ever."""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

from generator.render.web.search import (
    SEARCH_FOLDER,
    SearchRecord,
    page_record,
    render_search_index,
    search_records,
)
from generator.text.fold import index_tokens


def test_an_index_larger_than_two_mebibytes_is_built() -> None:
    rng = random.Random(1)

    def words(count: int) -> str:
        return " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(8)) for _ in range(count)
        )

    records = [SearchRecord(f"p{i}/", f"page {i}", "", words(60_000)) for i in range(2)]
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        files = pool.submit(render_search_index, records).result(timeout=90)
    finally:
        pool.shutdown(wait=False)
    assert sum(len(data) for data in files.values()) * 4 / 3 > 2**21
    assert f"{SEARCH_FOLDER}/pagefind-entry.json" in files


def test_the_language_switcher_is_not_part_of_a_result() -> None:
    html = (
        '<article><nav class="ansinh-languages"><span>Tiếng Việt</span> <a>English</a></nav>'
        "<h1>Lương hưu</h1><p>Đóng sau mùa lúa.</p></article>"
    )
    record = page_record("campaigns/a/", html)
    assert record is not None
    assert (record.title, record.summary) == ("Lương hưu", "Đóng sau mùa lúa.")
    assert "english" not in record.tokens.split()


def test_the_calculator_form_and_what_is_marked_ignored_are_not_part_of_a_result() -> None:
    html = (
        "<article><h1>Lương hưu</h1><p>Đóng sau mùa lúa.</p>"
        '<form class="calc-form" hidden><label>Mức thu nhập bạn chọn</label>'
        '<p class="calc-hint">Hoặc kéo thanh trượt để chọn</p></form>'
        "<table><tr><td>Hộ nghèo</td><td>165.000</td></tr></table>"
        '<details class="calc-table" open data-pagefind-ignore><summary>Bảng</summary>'
        "<details><summary>Hộ cận nghèo</summary><table><tr><td>1.188.000</td></tr></table>"
        "</details><p>Đơn vị tính: đồng</p></details><p>Cách tham gia</p></article>"
    )
    record = page_record("campaigns/a/", html)
    assert record is not None
    tokens = set(record.tokens.split())
    assert not set(index_tokens("kéo thanh trượt")) & tokens
    assert set(index_tokens("hộ nghèo 165.000 cách tham gia")) <= tokens
    # Left out as marked, with what it holds, however deeply: then the text goes on.
    assert not set(index_tokens("cận 1.188 đơn vị tính")) & tokens
    assert "trượt" not in record.summary


def test_staff_pages_are_not_in_the_residents_search() -> None:
    page = "<article><h1>Đồng Tháp</h1><p>Bản 3 phút, đọc giọng miền Nam.</p></article>"
    built = {
        "campaigns/dong-thap/": page,
        "loudspeaker/": page,
        "progress/dong-thap/": page,
    }
    # Addresses are under each language's own root: the English operators' page too.
    assert [r.url for r in search_records(built)] == ["campaigns/dong-thap/"]
