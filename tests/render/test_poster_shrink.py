"""A poster whose blocks fit alone but not together is set smaller, never below min_size."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.printing import TextBlock
from generator.render.print.poster import SHRINK_STEPS, Poster, shrunk

BLOCKS = {
    "headline": TextBlock(size=44, min_size=28, max_chars=110),
    "figure": TextBlock(size=50, min_size=34, max_chars=26),
}


def poster(sizes: dict[str, float]) -> Poster:
    return Poster(
        lang="vi",
        brand="",
        place="",
        title="",
        headline="Lương hưu cho bà con làm ruộng, buôn bán ở miền Tây",
        message="",
        figure=None,
        hotline_label="",
        hotline="1900 9068",
        join_note="",
        qr=Markup(""),
        qr_mm=54,
        scan_label="",
        url_text="",
        organisation="",
        sizes=sizes,
    )


def test_every_block_is_set_smaller_and_unknown_blocks_keep_their_size() -> None:
    smaller = shrunk(poster({"headline": 40.0, "figure": 50.0, "brand": 9.0}), BLOCKS)
    assert smaller.sizes == {"headline": 36.8, "figure": 46.0, "brand": 9.0}


def test_no_block_goes_below_its_smallest_size() -> None:
    small = poster({"headline": 44.0, "figure": 50.0})
    for _step in range(SHRINK_STEPS * 3):
        small = shrunk(small, BLOCKS)
    assert small.sizes == {"headline": 28, "figure": 34}
