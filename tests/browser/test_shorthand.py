"""Amounts typed the way people write them: understood, or refused with a hint, never guessed."""

from __future__ import annotations

from tests.browser.conftest import OpenPage, Served

NBSP = "\u00a0"

# typed → income used (vi grouping). Millions: tr, triệu, củ, m; thousands: k, nghìn, ngàn.
UNDERSTOOD = [
    ("5tr", "5.000.000"),
    ("5 triệu", "5.000.000"),
    ("5 TRIỆU", "5.000.000"),
    ("5 trieu", "5.000.000"),
    ("3tr5", "3.500.000"),
    ("3 triệu 5", "3.500.000"),
    ("3tr25", "3.250.000"),
    ("3tr500", "3.500.000"),
    ("3 triệu 500 nghìn", "3.500.000"),
    ("3tr500k", "3.500.000"),
    ("1,2 tr", "1.500.000"),
    ("2,5 triệu", "2.500.000"),
    ("2.5tr", "2.500.000"),
    ("1.500k", "1.500.000"),
    ("500k", "1.500.000"),
    ("2000k", "2.000.000"),
    ("1800 nghìn", "1.800.000"),
    ("2 củ", "2.000.000"),
    ("2 000 000", "2.000.000"),
    ("2.000.000đ", "2.000.000"),
    ("2000000 đồng", "2.000.000"),
]
# Not an amount anyone can be sure of: refused, the last amount kept.
REFUSED = ["1,5", "5tr abc", "năm triệu", "5 triệu rưỡi", "3k5", "1.2.3", "tr5", "5tr 3tr"]


def _type(page: object, text: str) -> None:
    page.fill("#calc-income", text)  # type: ignore[attr-defined]
    page.press("#calc-income", "Tab")  # type: ignore[attr-defined]


def test_shorthand_amounts_are_understood(standalone: Served, open_page: OpenPage) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    error = page.locator('[data-calc-note="unreadable"]')
    for typed, income in UNDERSTOOD:
        _type(page, typed)
        shown = page.eval_on_selector('[data-calc-out="income"]', "node => node.textContent")
        assert (typed, shown) == (typed, f"{income}{NBSP}đ")
        assert page.input_value("#calc-income") == income
        assert not error.is_visible(), typed
    watched.assert_clean()


def test_unreadable_amounts_are_refused_with_a_hint(
    standalone: Served, open_page: OpenPage
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    error = page.locator('[data-calc-note="unreadable"]')
    for typed in REFUSED:
        _type(page, "3.000.000")
        assert not error.is_visible()
        _type(page, typed)
        assert error.is_visible(), typed
        assert page.get_attribute("#calc-income", "aria-invalid") == "true"
        # What was typed stays, for the person to correct; the result is not the minimum.
        assert page.input_value("#calc-income") == typed
        shown = page.eval_on_selector('[data-calc-out="income"]', "node => node.textContent")
        assert (typed, shown) == (typed, f"3.000.000{NBSP}đ")
    _type(page, "4tr")
    assert not error.is_visible()
    assert page.get_attribute("#calc-income", "aria-invalid") is None
    watched.assert_clean()
