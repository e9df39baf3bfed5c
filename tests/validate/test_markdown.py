"""What a hand-written page must not hold, found at its line and column; what it may hold."""

from __future__ import annotations

import time

import pytest

from generator.validate.markdown import scan_page


def found(text: str) -> list[tuple[int, int, str]]:
    return [(line, column, code) for line, column, code, _message in scan_page(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", [(1, 1, "unsafe-html")]),
        ("x <SCRIPT src=a.js></SCRIPT>", [(1, 3, "unsafe-html")]),
        ('<img src="a.jpg" onerror="alert(1)">', [(1, 1, "unsafe-html")]),
        ("<svg/onload=alert(1)>", [(1, 1, "unsafe-html")]),
        ('<img title="a<b" onerror=x>', [(1, 1, "unsafe-html")]),
        ("a\n\n<iframe src=x></iframe>", [(3, 1, "unsafe-html")]),
        ("[a](javascript:alert(1))", [(1, 1, "unsafe-link")]),
        ("[a]( JaVa\tScRiPt:alert(1) )", [(1, 1, "unsafe-link")]),
        ("[a](&#106;avascript:alert(1))", [(1, 1, "unsafe-link")]),
        ("[a [b] c](javascript:x)", [(1, 1, "unsafe-link")]),
        ("[a](<javascript:x>)", [(1, 1, "unsafe-link")]),
        ("[a]: vbscript:x", [(1, 6, "unsafe-link")]),
        ('<a href="data:text/html,x">a</a>', [(1, 1, "unsafe-link")]),
        ("![a](http://x.example/a.png)", [(1, 1, "outside-media")]),
        ("![a](//x.example/a.png)", [(1, 1, "outside-media")]),
        ("![a][r]\n\n[r]: https://x.example/a.png", [(1, 1, "outside-media")]),
        ('<img src="https://x.example/a.png">', [(1, 1, "outside-media")]),
        ('[a](#x){: onclick="alert(1)" }', [(1, 11, "unsafe-html")]),
        ('<p style="background:url(x.gif)">', [(1, 1, "unsafe-html")]),
        ("![a\nb](https://x.example/a.png)", [(1, 1, "outside-media")]),
        ("![a\nb][r]\n\n[r]: https://x.example/a.png", [(1, 1, "outside-media")]),
        ("[![a](https://x.example/a.png)](https://ok.example/)", [(1, 2, "outside-media")]),
        ("![[[[[a]]]]](https://x.example/a.png)", [(1, 1, "outside-media")]),
        ("\\\\![a](https://x.example/a.png)", [(1, 3, "outside-media")]),
        ("1. a\n\n     [r]: https://x.example/a.png\n\n![x][r]", [(5, 1, "outside-media")]),
        ("- a\n\n    [r]: javascript:alert(1)\n\n[x][r]", [(3, 10, "unsafe-link")]),
    ],
)
def test_what_could_run_or_track_is_found(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[BHXH](https://baohiemxahoi.gov.vn)",
        "<https://baohiemxahoi.gov.vn>",
        "\\![a](https://x.example/a.png)",
        "![a](../media/a.jpg)",
        "a < b > c, 3<4",
        '[a](https://x.example "javascript: no")',
    ],
)
def test_what_is_allowed(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<a href="https://vssid.vn">VssID</a>', [(1, 1, "raw-html")]),
        ("`<script>` và ``<iframe>``", [(1, 2, "raw-html"), (1, 17, "raw-html")]),
        ("<!-- <script>alert(1)</script> -->", [(1, 1, "raw-html"), (1, 6, "raw-html")]),
        ('para1\n{:onclick="alert(1)"}', [(2, 1, "attribute-list")]),
        ('[x1](https://ok.vn){:href="javascript:alert(2)"}', [(1, 20, "attribute-list")]),
        ('<img title="`" src=x onerror="alert(3)" alt="`">', [(1, 1, "raw-html")]),
        ("<!--><img src=x onerror=alert(4)>-->", [(1, 1, "raw-html"), (1, 6, "raw-html")]),
        ("a <!-- b\n\n<img src=x onerror=alert(6)>", [(1, 3, "raw-html"), (3, 1, "raw-html")]),
        ("> [r]: javascript:alert(7)\n\n[x7][r]", [(1, 8, "unsafe-link")]),
        ("- [s]: javascript:alert(8)\n\n[x8][s]", [(1, 8, "unsafe-link")]),
        ('![a](x.jpg){: src="https://evil.example/t.png"}', [(1, 12, "attribute-list")]),
        (
            '<svg><image href="https://evil.example/x.png"/></svg>',
            [(1, 1, "raw-html"), (1, 6, "raw-html")],
        ),
    ],
)
def test_pages_are_plain_markdown_without_html_or_attribute_lists(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<a " * 300_000,
        "<!--" * 200_000,
        "[x](" * 200_000,
        "{ on" * 200_000,
        " ".join("`" * n + "a" for n in range(1, 1_300)),
        '<a "' * 200_000,
        "![" * 200_000 + "]" * 200_000 + "(x)",
        "\\" * 300_000 + "![a](b)",
        "> " * 100_000 + "x",
        ("> - 1. " * 30 + "x\n") * 10_000,
        "[r]:" + " " * 300_000 + "\n\n",
    ],
    ids=[
        "unclosed tags",
        "comments",
        "links",
        "attribute lists",
        "backticks",
        "quotes",
        "nested images",
        "backslashes",
        "nested quotes",
        "nested lists on many lines",
        "blanks after a label",
    ],
)
def test_hostile_pages_are_scanned_in_linear_time(text: str) -> None:
    # About a second here; a scan that grew as the square of the input would take hours.
    started = time.perf_counter()
    scan_page(text)
    assert time.perf_counter() - started < 5
