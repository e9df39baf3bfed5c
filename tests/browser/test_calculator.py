"""The contribution calculator in a real browser: amounts, clamping, layout, no JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.i18n import translate
from generator.model import PaymentMode, Policy, SupportGroup
from generator.model.policy import (
    PAYMENT_MONTHS,
    current_health,
    current_voluntary,
    household_health,
    voluntary_contribution,
)
from generator.text.format import format_amount
from tests.browser.conftest import OpenPage, Served, render_partial
from tests.conftest import REPO

NBSP = "\u00a0"
OUTPUTS = ("income", "gross", "support", "pay", "month")

# income typed, group, mode → per payment: contribution, State support, you pay; you pay a
# month. Worked by hand: 22% of the income; support a month 165,000 (poor), 132,000
# (near-poor), 99,000 (ethnic minority), 66,000 (other) = 50/40/30/20% × 22% × 1,500,000.
CASES: list[tuple[int, SupportGroup, PaymentMode, str, str, str, str]] = [
    (1_500_000, "other", "monthly", "330.000", "66.000", "264.000", "264.000"),
    (1_500_000, "near_poor", "every_12_months", "3.960.000", "1.584.000", "2.376.000", "198.000"),
    (2_000_000, "poor", "monthly", "440.000", "165.000", "275.000", "275.000"),
    (
        3_000_000,
        "ethnic_minority",
        "every_6_months",
        "3.960.000",
        "594.000",
        "3.366.000",
        "561.000",
    ),
    (5_000_000, "other", "every_3_months", "3.300.000", "198.000", "3.102.000", "1.034.000"),
    (4_000_000, "near_poor", "every_6_months", "5.280.000", "792.000", "4.488.000", "748.000"),
    (
        46_800_000,
        "poor",
        "every_12_months",
        "123.552.000",
        "1.980.000",
        "121.572.000",
        "10.131.000",
    ),
    # 2,345,678 × 22% = 516,049.16, rounded to 516,049
    (2_345_678, "other", "monthly", "516.049", "66.000", "450.049", "450.049"),
]

# members → whole household a year: 1,263,600 + 884,520 + 758,160 + 631,800 + 505,440 + …
HOUSEHOLD = [
    (1, "1.263.600"),
    (2, "2.148.120"),
    (3, "2.906.280"),
    (4, "3.538.080"),
    (5, "4.043.520"),
    (6, "4.548.960"),
]


def vnd(digits: str) -> str:
    return f"{digits}{NBSP}đ"


def outputs(page: Page) -> dict[str, str]:
    return {name: page.locator(f'[data-calc-out="{name}"]').inner_text() for name in OUTPUTS}


def choose(page: Page, income: int | str, group: str, mode: str) -> None:
    page.check(f'input[name="group"][value="{group}"]')
    page.check(f'input[name="mode"][value="{mode}"]')
    page.fill("#calc-income", str(income))
    page.press("#calc-income", "Tab")


def raw_text(page: Page, selector: str) -> str:
    """The element's text as written, no-break spaces kept (inner_text keeps them too)."""
    return str(page.eval_on_selector(selector, "node => node.textContent"))


@pytest.mark.parametrize(("income", "group", "mode", "gross", "support", "pay", "month"), CASES)
def test_amounts_match_the_hand_checked_figures_and_the_server(
    standalone: Served,
    open_page: OpenPage,
    mini_policy: Policy,
    income: int,
    group: SupportGroup,
    mode: PaymentMode,
    gross: str,
    support: str,
    pay: str,
    month: str,
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    choose(page, income, group, mode)
    shown = {name: raw_text(page, f'[data-calc-out="{name}"]') for name in OUTPUTS}
    assert shown == {
        "income": vnd(f"{income:,}".replace(",", ".")),
        "gross": vnd(gross),
        "support": vnd(support),
        "pay": vnd(pay),
        "month": vnd(month),
    }
    expected = voluntary_contribution(
        current_voluntary(mini_policy), income, group, PAYMENT_MONTHS[mode]
    )
    assert shown == {
        key: format_amount(value, "vi")
        for key, value in {
            "income": expected.income,
            "gross": expected.gross,
            "support": expected.state_support,
            "pay": expected.you_pay,
            "month": expected.you_pay_per_month,
        }.items()
    }
    watched.assert_clean()


def test_english_page_formats_like_babel(standalone: Served, open_page: OpenPage) -> None:
    watched = open_page(standalone.url + "en.html")
    page = watched.page
    choose(page, 1_500_000, "near_poor", "every_12_months")
    assert raw_text(page, '[data-calc-out="gross"]') == f"3,960,000{NBSP}VND"
    assert raw_text(page, '[data-calc-out="pay"]') == format_amount(2_376_000, "en")
    assert page.input_value("#calc-income") == "1,500,000"
    watched.assert_clean()


@pytest.mark.parametrize(
    ("typed", "shown", "note"),
    [
        ("100000", "1.500.000", "floor"),
        ("99000000", "46.800.000", "ceiling"),
        ("2.500.000 đ", "2.500.000", None),
        ("", "1.500.000", None),
    ],
)
def test_the_income_is_clamped_on_change(
    standalone: Served, open_page: OpenPage, typed: str, shown: str, note: str | None
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    page.fill("#calc-income", typed)
    page.press("#calc-income", "Tab")
    assert page.input_value("#calc-income") == shown
    assert raw_text(page, '[data-calc-out="income"]') == vnd(shown)
    assert page.input_value("#calc-income-range") == shown.replace(".", "")
    for which in ("floor", "ceiling"):
        assert page.locator(f'[data-calc-note="{which}"]').is_visible() == (which == note)
    watched.assert_clean()


def test_slider_and_field_stay_in_step(standalone: Served, open_page: OpenPage) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    page.fill("#calc-income-range", "2000000")
    assert page.input_value("#calc-income") == "2.000.000"
    assert raw_text(page, '[data-calc-out="gross"]') == vnd("440.000")
    page.focus("#calc-income-range")
    page.keyboard.press("ArrowRight")
    assert page.input_value("#calc-income") == "2.050.000"
    assert raw_text(page, '[data-calc-out="gross"]') == vnd("451.000")
    page.fill("#calc-income", "3000000")
    assert page.input_value("#calc-income-range") == "3000000"
    assert raw_text(page, '[data-calc-out="gross"]') == vnd("660.000")
    watched.assert_clean()


@pytest.mark.parametrize(("members", "total"), HOUSEHOLD)
def test_household_totals(
    standalone: Served, open_page: OpenPage, mini_policy: Policy, members: int, total: str
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    page.select_option("#calc-members", str(members))
    assert raw_text(page, '[data-calc-out="household"]') == vnd(total)
    assert vnd(total) == format_amount(
        sum(household_health(current_health(mini_policy), members)), "vi"
    )
    assert page.locator("[data-calc-person]:visible").count() == members
    watched.assert_clean()


def test_controls_are_labelled_and_results_announced(
    standalone: Served, open_page: OpenPage
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page

    def vi(msgid: str) -> str:
        return translate(msgid, "vi")

    assert page.get_by_label(vi("Monthly income you choose"), exact=True).count() == 1
    assert page.get_by_label(vi("Or slide to choose"), exact=True).count() == 1
    assert page.get_by_role("radio", name=vi("Near-poor household")).count() == 1
    assert page.get_by_role("radio", name=vi("Every 6 months"), exact=True).count() == 1
    assert page.get_by_label(vi("People in the household who join"), exact=True).count() == 1
    unnamed = page.eval_on_selector_all(
        ".calc input, .calc select",
        "nodes => nodes.filter(n => !n.labels || n.labels.length === 0).map(n => n.outerHTML)",
    )
    assert unnamed == []
    assert page.locator('[aria-live="polite"] [data-calc-out="pay"]').count() == 1
    sizes = page.eval_on_selector_all(
        ".calc p, .calc label, .calc dt, .calc dd, .calc td, .calc th, .calc summary",
        "nodes => nodes.filter(n => n.offsetParent).map(n => parseFloat(getComputedStyle(n).fontSize))",
    )
    assert min(sizes) >= 16
    heights = page.eval_on_selector_all(
        ".calc-choice, #calc-income, #calc-members, #calc-income-range, .calc summary",
        "nodes => nodes.filter(n => n.offsetParent).map(n => n.getBoundingClientRect().height)",
    )
    assert min(heights) >= 44
    watched.assert_clean()


def test_no_horizontal_scrolling_at_360_px(standalone: Served, open_page: OpenPage) -> None:
    for locale in ("vi", "en"):
        watched = open_page(standalone.url + f"{locale}.html")
        page = watched.page
        choose(page, 46_800_000, "ethnic_minority", "every_12_months")
        page.select_option("#calc-members", "10")
        for details in page.locator("details.calc-table").all():
            details.locator("summary").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        watched.assert_clean()


def test_without_javascript_the_tables_show_and_the_forms_do_not(
    standalone: Served, open_page: OpenPage
) -> None:
    watched = open_page(standalone.url + "vi.html", javascript=False)
    page = watched.page
    assert page.locator("[data-calc-form]").is_hidden()
    assert page.locator("[data-calc-health-form]").is_hidden()
    assert page.get_by_role("cell", name="264.000", exact=True).first.is_visible()
    assert page.get_by_role("cell", name="2.906.280", exact=True).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    watched.assert_clean()


def test_with_javascript_the_forms_show_and_the_tables_fold(
    standalone: Served, open_page: OpenPage
) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    assert page.locator("[data-calc-form]").is_visible()
    assert page.locator("[data-calc-health-form]").is_visible()
    assert page.locator("details.calc-table[open]").count() == 0
    assert page.locator("details.calc-table summary").first.is_visible()
    watched.assert_clean()


def test_print_shows_the_tables_not_the_forms(standalone: Served, open_page: OpenPage) -> None:
    watched = open_page(standalone.url + "vi.html")
    page = watched.page
    page.emulate_media(media="print")
    assert page.locator("[data-calc-form]").is_hidden()
    assert page.get_by_role("cell", name="264.000", exact=True).first.is_visible()
    watched.assert_clean()


def test_only_local_files_are_asked_for(standalone: Served, open_page: OpenPage) -> None:
    watched = open_page(standalone.url + "vi.html")
    choose(watched.page, 2_000_000, "poor", "every_6_months")
    assert watched.requests, "the page made no request at all"
    elsewhere = [url for url in watched.requests if not url.startswith(standalone.url)]
    assert not elsewhere, elsewhere
    assert any(path.endswith("/assets/js/calculator.js") for path in standalone.paths)
    watched.assert_clean()


def test_the_page_may_give_the_heading(mini_policy: Policy) -> None:
    own = render_partial(mini_policy, "vi")
    assert '<h2 id="calc-title"' in own and 'aria-labelledby="calc-title"' in own
    shared = render_partial(mini_policy, "vi", calculator_heading=False)
    title = translate("How much will I pay?", "vi")
    assert "<h2" not in shared and f'aria-label="{title}"' in shared


def check_campaign_page(site: Served, open_page: OpenPage, prefix: str, locale: str) -> None:
    """The calculator on a built campaign page: present, working, local, fitting 360 px."""
    watched = open_page(site.url + prefix + "campaigns/thu-nghiem/")
    page = watched.page
    assert page.locator("[data-calc]").count() == 1, "no calculator on the campaign page"
    assert page.locator("[data-calc-form]").is_visible(), "the calculator script did not run"
    choose(page, 1_500_000, "near_poor", "every_12_months")
    assert raw_text(page, '[data-calc-out="pay"]') == format_amount(2_376_000, locale)
    page.select_option("#calc-members", "3")
    assert raw_text(page, '[data-calc-out="household"]') == format_amount(2_906_280, locale)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    elsewhere = [
        url for url in watched.requests if not url.startswith((site.url, "data:", "blob:"))
    ]
    assert not elsewhere, elsewhere
    watched.assert_clean()


@pytest.mark.parametrize(("prefix", "locale"), [("", "vi"), ("en/", "en")])
def test_calculator_on_the_campaign_page_as_built(
    mini_site: Served, open_page: OpenPage, prefix: str, locale: str
) -> None:
    template = REPO / "themes" / "default" / "templates" / "web" / "campaign.md.j2"
    if "calculator" not in Path(template).read_text("utf-8"):
        pytest.xfail("campaign.md.j2 does not show the calculator partial yet")
    check_campaign_page(mini_site, open_page, prefix, locale)
