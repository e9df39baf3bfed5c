"""YAML syntax errors: each kind said for staff, with its fix, at the place to fix."""

from __future__ import annotations

import pytest
import yaml

from generator.i18n import set_language
from generator.load.reader import compose, syntax_diagnostic

# PyYAML's own words, which never reach staff.
PARSER_WORDS = (
    "expected <",
    "expected '",
    "but found",
    "but got",
    "<block",
    "<stream",
    "token",
    "while ",
)

CASES = [
    pytest.param(
        "a:\n  b: 1\n   c: 2\n",
        "3:4",
        "«c» is indented by 3 spaces, more than «b» on line 2 (2 spaces), which already has a value; indent «c» like «b»",
        id="indent-mapping-deeper",
    ),
    pytest.param(
        "site:\n  title: x\n base_url: y\n",
        "3:2",
        "«base_url» is indented by 1 space, which lines up with no key above; indent it like «title» on line 2 (2 spaces) or like «site» on line 1 (0 spaces)",
        id="indent-mapping-shallower",
    ),
    pytest.param(
        "-  a: 1\n  b: 2\n",
        "2:3",
        "«b» is indented by 2 spaces, which lines up with no key above; indent it like «a» on line 1 (3 spaces)",
        id="mapping-in-list-indent-less",
    ),
    pytest.param(
        "a:\n    - x\n  - y\n",
        "3:3",
        "this list item '-' is indented by 2 spaces, but the item on line 2 by 4 spaces; give every '-' of one list the same indentation",
        id="list-less",
    ),
    pytest.param(
        "a:\n\tb: 1\n",
        "2:1",
        "this line is indented with the Tab key; indent with spaces only (most editors can turn Tabs into spaces)",
        id="tab-indent",
    ),
    pytest.param(
        "a:\t*x\n",
        "1:3",
        "a Tab follows «:» here; replace the Tab with one space",
        id="tab-star",
    ),
    pytest.param(
        "-\tx\n",
        "1:2",
        "a Tab follows «-» here; replace the Tab with one space",
        id="tab-dash",
    ),
    pytest.param(
        "a: [x, y\nb: 1\nc: 2\n",
        "1:4",
        "the '[' opened here is never closed (reading stopped at line 2); add ']' after the last item",
        id="unclosed-bracket",
    ),
    pytest.param(
        "a: {x: 1\n",
        "1:4",
        "the '{' opened here is never closed (reading stopped at line 2); add '}' after the last item",
        id="unclosed-brace-eof",
    ),
    pytest.param(
        "a:\n  b: [1, 2\n  c: 3\n",
        "2:6",
        "the '[' opened here is never closed (reading stopped at line 3); add ']' after the last item",
        id="unclosed-bracket-nested",
    ),
    pytest.param(
        'a: "x\nb: 1\n',
        "1:4",
        'the quote " opened here is never closed; add " at the end of the text',
        id="unclosed-dq",
    ),
    pytest.param(
        "a: 'x\nb: 1\n",
        "1:4",
        "the quote ' opened here is never closed; add ' at the end of the text",
        id="unclosed-sq",
    ),
    pytest.param(
        "a: 1\nb\nc: 2\n",
        "2:1",
        "this line has no ':' after its key; write «key: value», or, if the line continues the text above, indent it more than that text's key",
        id="missing-colon",
    ),
    pytest.param(
        "a: Giờ: 7h\n",
        "1:7",
        "the text of «a» contains ': ', which YAML reads as a new key; put the whole text between double quotes, e.g. a: \"…: …\"",
        id="colon-in-text",
    ),
    pytest.param(
        "a: - x\n",
        "1:4",
        "a list item '-' cannot follow a key on its line; put each item on its own line below, indented more than the key, or write the list as [a, b]",
        id="dash-after-key",
    ),
    pytest.param(
        'a: "C:\\Users"\n',
        "1:7",
        "a backslash '\\' between double quotes starts a special sign; put this text between single quotes '…' instead, or write the backslash twice",
        id="bad-escape",
    ),
    pytest.param(
        "a: *x\n",
        "1:4",
        "«*x» names no value marked «&x» above; if the '*' is part of the text, put the whole text between double quotes",
        id="alias-undefined",
    ),
    pytest.param(
        "a: &x 1\nb: &x 2\n",
        "2:4",
        "the name «&x» is already given on line 1; choose another name",
        id="anchor-dup",
    ),
    pytest.param(
        "a: *** quan trọng\n",
        "1:4",
        "a value cannot start with «*» in YAML; put the whole text between double quotes",
        id="star-text",
    ),
    pytest.param(
        "a: @bhxh\n",
        "1:4",
        "a value cannot start with «@» in YAML; put the whole text between double quotes",
        id="at-start",
    ),
    pytest.param(
        "a: `x`\n",
        "1:4",
        "a value cannot start with «`» in YAML; put the whole text between double quotes",
        id="backtick",
    ),
    pytest.param(
        "a: 1\n---\nb: 2\n",
        "2:1",
        "a line '---' starts a second document here, but a file holds only one; remove it",
        id="two-docs",
    ),
    pytest.param(
        "a: 1\n...\nb\n",
        "3:1",
        "this line comes after the end of the document (a line '...' or '%' above it); remove that line",
        id="doc-text-after",
    ),
    pytest.param(
        'a: "x" y\n',
        "1:8",
        'text follows the closing quote "; put the whole text between the quotes',
        id="quote-then-text",
    ),
    pytest.param(
        "a: |x\n  y\n",
        "1:5",
        "nothing may follow '|' or '>' on its line; start the text on the next line, indented more than its key",
        id="block-scalar-bad",
    ),
    pytest.param(
        "a: 1\n- b\n",
        "2:1",
        "a list item '-' stands where a key is expected; put the list under its key, each item on its own line indented more than the key",
        id="seq-in-map",
    ),
    pytest.param(
        "- a\nb: 1\n",
        "2:1",
        "«b» stands among the items '-' of a list; start it with '- ' to make it an item, or indent it like the key that owns the list",
        id="map-after-seq",
    ),
    pytest.param(
        "a: ? x\n",
        "1:4",
        "a value cannot start with «?» in YAML; put the whole text between double quotes",
        id="question",
    ),
    pytest.param(
        "a: !<x y\n",
        "1:4",
        "a value cannot start with «!» in YAML; put the whole text between double quotes",
        id="tag-bad",
    ),
    pytest.param(
        ": x\n",
        "1:1",
        "this ':' has no key before it; write the key, e.g. «title: …»",
        id="empty-key-colon",
    ),
    pytest.param(
        "a: {b: 1,, c: 2}\n",
        "1:10",
        "a value is missing before this ','; remove the extra comma",
        id="comma in flow",
    ),
]


def _explain(text: str) -> tuple[str, str]:
    with pytest.raises(yaml.YAMLError) as caught:
        compose(text)
    diagnostic = syntax_diagnostic("f.yml", text, caught.value)
    assert (diagnostic.code, diagnostic.severity) == ("yaml-syntax", "error")
    return f"{diagnostic.line}:{diagnostic.column}", diagnostic.message


@pytest.mark.parametrize(("text", "place", "message"), CASES)
def test_each_syntax_error_is_said_with_its_fix_at_its_place(
    text: str, place: str, message: str
) -> None:
    set_language("en")
    assert _explain(text) == (place, f"YAML syntax error: {message}")


@pytest.mark.parametrize(("text", "place", "message"), CASES)
def test_no_parser_english_reaches_staff(text: str, place: str, message: str) -> None:
    set_language("en")
    _place, said = _explain(text)
    assert not any(word in said for word in PARSER_WORDS)


def test_a_tab_after_a_colon_is_not_called_indentation() -> None:
    set_language("en")
    assert _explain("a:\t*x\n")[1].endswith(
        "a Tab follows «:» here; replace the Tab with one space"
    )
    assert "indented with the Tab key" in _explain("a:\n\tb: 1\n")[1]


def test_an_unclosed_bracket_is_reported_where_it_was_opened() -> None:
    set_language("en")
    text = "site:\n  locales: [vi, en\n  default_locale: vi\n  hotline: x\n"
    assert _explain(text)[0] == "2:12"
