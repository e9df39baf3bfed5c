"""Every text from YAML stays plain text in every output: the escaping table."""

from __future__ import annotations

import html

import markdown
import pytest

from generator.render.escape import (
    MarkdownSafe,
    caption_text,
    front_matter,
    html_text,
    ical_text,
    markdown_link,
    markdown_paragraphs,
    markdown_text,
    safe_url,
    script_json,
)

# The site's extensions and those mkdocs.yml may add that give plain text a meaning.
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "admonition",
    "toc",
    "abbr",
    "def_list",
    "footnotes",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.tilde",
]

TEXTS = [
    "Hà <img src=x onerror=alert(1)>",
    "</p><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "*đậm* và _nghiêng_ và `mã`",
    "[bấm vào đây](javascript:alert(1))",
    "![ảnh](http://evil.example/x.png)",
    "<http://evil.example/>",
    "# Tiêu đề giả",
    "- một mục giả",
    "1. mục đánh số",
    "> trích dẫn giả",
    "!!! note",
    "Tiêu đề {: #x .y onclick=alert(1) }",
    "| a | b |",
    "a\\*b",
    "---",
    "===",
    "    bốn dấu cách",
    "A & B &amp; C",
    "Chị Trúc: 146 người (đạt 87,59%)",
    "x:__dam__",
    "a/_nghieng_/b",
    "Chào :smile: :+1: lúc 07:30",
    "a:smile:b:wink:",
    "==đánh dấu== ^^chèn^^ ^trên^ ++ctrl+alt++ ~~gạch~~",
    ": định nghĩa",
    "??? note",
    "???+ note",
    '=== "Thẻ"',
    "[ ] việc",
    "{++thêm++} {--bớt--}",
    "[^1] chú thích",
]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", TEXTS)
def test_markdown_text_renders_as_the_same_plain_text(text: str) -> None:
    rendered = render(f"<p>x</p>\n\n{markdown_text(text)}")
    body = rendered.removeprefix("<p>x</p>\n").strip()
    assert body.startswith("<p>") and body.endswith("</p>"), body
    inner = body[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    assert html.unescape(inner) == " ".join(text.split())


@pytest.mark.parametrize("text", TEXTS)
def test_markdown_text_inside_a_list_item_and_a_heading(text: str) -> None:
    escaped = markdown_text(text)
    for source, tag in ((f"- {escaped}", "li"), (f"## {escaped}", "h2")):
        rendered = render(source)
        inner = rendered.split(">", 1)[1].rsplit("</", 1)[0]
        if tag == "li":
            inner = rendered.split("<li>", 1)[1].split("</li>", 1)[0]
        assert html.unescape(inner) == " ".join(text.split()), rendered


@pytest.mark.parametrize("text", TEXTS)
def test_markdown_text_is_safe_in_a_double_quoted_attribute(text: str) -> None:
    attribute = f'<a title="{markdown_text(text)}">x</a>'
    assert attribute.count('"') == 2


def test_a_plain_word_is_kept_as_it_is() -> None:
    assert markdown_text("every_12_months") == "every_12_months"
    assert markdown_text("https://bhxh.example.vn/a_b/") == "https://bhxh.example.vn/a_b/"
    assert markdown_text("_x_") == "&#95;x&#95;"
    assert markdown_text("x:__dam__") == "x:&#95;&#95;dam&#95;&#95;"
    assert markdown_text("a/_nghieng_/b") == "a/&#95;nghieng&#95;/b"


def test_no_break_spaces_of_amounts_stay() -> None:
    assert markdown_text("1.500.000\u00a0đ") == "1.500.000\u00a0đ"


def test_paragraphs_stay_apart_and_lines_fold() -> None:
    text = "Dòng một\ndòng hai.\n\n- Đoạn hai <b>"
    assert markdown_paragraphs(text) == "Dòng một dòng hai.\n\n&#45; Đoạn hai &lt;b&gt;"


def test_formatting_a_safe_template_escapes_its_arguments() -> None:
    template = MarkdownSafe("**{name}** gọi {hotline}")
    result = template.format(name="<b>x</b>", hotline=markdown_link("1900 9068", "tel:19009068"))
    assert result == '**&lt;b&gt;x&lt;/b&gt;** gọi <a href="tel:19009068">1900 9068</a>'


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://baohiemxahoi.gov.vn/tintuc/a.aspx?id=1&b=2",
            "https://baohiemxahoi.gov.vn/tintuc/a.aspx?id=1&b=2",
        ),
        ("http://example.vn/a b", None),
        ("tel:19009068", "tel:19009068"),
        ("mailto:bhxh@example.vn", "mailto:bhxh@example.vn"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("https:evil", None),
        ('https://example.vn/"onmouseover="x', "https://example.vn/%22onmouseover=%22x"),
        ("https://example.vn/(a)<b>", "https://example.vn/%28a%29%3Cb%3E"),
        ("", None),
        (None, None),
    ],
)
def test_only_web_phone_and_mail_addresses_become_links(
    url: str | None, expected: str | None
) -> None:
    assert safe_url(url) == expected


def test_a_forbidden_address_leaves_the_text_without_a_link() -> None:
    assert markdown_link("Báo <Nhân Dân>", "javascript:alert(1)") == "Báo &lt;Nhân Dân&gt;"
    assert (
        markdown_link("Báo", "https://nhandan.vn/a&b")
        == '<a href="https://nhandan.vn/a&amp;b">Báo</a>'
    )


def test_front_matter_is_one_yaml_string_of_escaped_html() -> None:
    assert (
        front_matter('A "b"\n</title><script>') == '"A &quot;b&quot; &lt;/title&gt;&lt;script&gt;"'
    )
    assert html_text("Hà & <i>") == "Hà &amp; &lt;i&gt;"


def test_icalendar_text_cannot_start_a_line_of_its_own() -> None:
    hostile = "Loa\r\nBEGIN:VEVENT\rX;Y,Z\\"
    assert ical_text(hostile) == "Loa\\nBEGIN:VEVENT\\nX\\;Y\\,Z\\\\"
    assert "\r" not in ical_text(hostile) and "\n" not in ical_text(hostile)


def test_captions_lose_control_and_direction_codes() -> None:
    assert caption_text("Chiến\u202edịch\x00 tháng\n5") == "Chiến dịch tháng 5"


def test_script_json_cannot_close_its_script() -> None:
    encoded = script_json({"text": "</script><script>alert(1)</script><!--"})
    assert "<" not in encoded and ">" not in encoded
    assert (
        encoded
        == '{"text":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--"}'
    )
