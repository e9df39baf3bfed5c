"""A problem is printed on one line, whatever its file's name or text holds."""

from __future__ import annotations

from generator.errors import Diagnostic


def test_control_characters_are_shown_escaped() -> None:
    name = "content/progress/thu\nnghiem\x1b[31m.csv"
    problem = Diagnostic(name, 1, 1, "error", "x", "«A\u202eB\x00» is not a unit")
    assert problem.format() == (
        "content/progress/thu\\nnghiem\\x1b[31m.csv:1:1: error: «A\\u202eB\\x00» is not a unit"
    )


def test_vietnamese_text_is_left_as_it_is() -> None:
    problem = Diagnostic("content/contacts.yml", 2, 5, "warning", "x", "«Đồng Tháp» – ổn")
    assert problem.format() == "content/contacts.yml:2:5: warning: «Đồng Tháp» – ổn"
