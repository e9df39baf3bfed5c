"""A resident's first screen on a 360 × 640 phone, contact points, and shorthand amounts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from generator.cli import main
from generator.i18n import translator
from generator.render.web.search import page_record
from generator.text.fold import index_tokens
from tests.browser.conftest import OpenPage, Served, serve_folder
from tests.conftest import MINI, REPO, copy_project

SMALL_PHONE = {"width": 360, "height": 640}
# A lục bát of the example whose 8-syllable lines are too wide for a phone at reading size.
VERSE = "luong-huu-luc-bat"
HIDDEN_PHONE = "0987 654 321"
CONTACTS = f"""\
contacts:
  - name: Bảo hiểm xã hội huyện Thử
    kind: district_office
    district: Huyện Thử
    province: Đồng Tháp
    address: Thị trấn Thử
    phone: "0277 3851 234"
    hours: {{vi: Thứ Hai đến thứ Sáu, en: Monday to Friday}}
  - name: Chị Thử Một
    kind: collection_agent
    commune: Xã Gáo Giồng
    district: Huyện Thử
    province: Đồng Tháp
    address: Ấp 1
    phone: "0912 345 678"
    person: true
    phone_consent: true
  - name: Anh Thử Hai
    kind: collection_agent
    commune: Xã Gáo Giồng
    district: Huyện Thử
    province: Đồng Tháp
    address: Ấp 2
    phone: "{HIDDEN_PHONE}"
    person: true
  - name: Bưu điện Mỹ Thọ
    kind: post_office
    commune: Thị trấn Mỹ Thọ
    district: Huyện Thử
    province: Đồng Tháp
    address: Thị trấn Mỹ Thọ
  - name: Bưu điện Lê Chân
    kind: post_office
    district: Quận Lê Chân
    province: Hải Phòng
    address: Lê Chân
"""
HEADLINE = "    title: {vi: Chiến dịch thử, en: Test campaign}\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The mini project with contact points and a headline, built and served."""
    folder = tmp_path_factory.mktemp("residents")
    project = copy_project(MINI, folder / "project")
    (project / "content" / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    campaigns = project / "campaigns.yml"
    text = campaigns.read_text(encoding="utf-8")
    assert HEADLINE in text
    # Web pages only: the build is a third as long without posters, cards and audio.
    headline = (
        "    headline: {vi: Làm nông vẫn có lương hưu, en: Farmers can have a pension}\n"
        "    outputs: [web]\n"
    )
    campaigns.write_text(text.replace(HEADLINE, HEADLINE + headline), encoding="utf-8")
    verses = project / "content" / "verses"
    verses.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "content" / "verses" / f"{VERSE}.yml", verses / f"{VERSE}.yml")
    out = folder / "site"
    assert main(["-C", str(project), "build", "--out", str(out)]) == 0
    with serve_folder(out) as served:
        yield served


def _within_first_screen(box: dict[str, float] | None) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"]


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_first_screen_shows_the_amount_and_the_hotline_button(
    site: Served, open_page: OpenPage, javascript: bool
) -> None:
    watched = open_page(
        site.url + "campaigns/thu-nghiem/", javascript=javascript, viewport=SMALL_PHONE
    )
    page = watched.page
    assert page.locator("h1").inner_text() == "Làm nông vẫn có lương hưu"
    call = page.locator(".ansinh-first a.ansinh-call")
    assert call.get_attribute("href") == "tel:19009068"
    assert "1900 9068" in call.inner_text()
    assert _within_first_screen(call.bounding_box())
    box = call.bounding_box()
    assert box is not None and box["height"] >= 48 and box["width"] >= 280
    amount = page.locator(".ansinh-first__amount strong")
    assert amount.inner_text().replace("\u00a0", " ") == "264.000 đ"
    assert _within_first_screen(amount.bounding_box())
    where = page.locator(".ansinh-first__where")
    assert "Chị Thử Một" in where.inner_text()
    assert _within_first_screen(where.bounding_box())
    if javascript:
        watched.assert_clean()


def test_contact_points_are_grouped_by_commune_with_call_links(
    site: Served, open_page: OpenPage
) -> None:
    page = open_page(site.url + "campaigns/thu-nghiem/").page
    places = page.locator(".ansinh-contacts__place").all_inner_texts()
    # Communes in the order of their names without the unit word (Gáo Giồng, Mỹ Thọ); the
    # district's own points last; within a commune, the point with a phone first.
    assert places == ["Xã Gáo Giồng, Huyện Thử", "Thị trấn Mỹ Thọ, Huyện Thử", "Huyện Thử"]
    names = page.locator(".ansinh-point__name").all_inner_texts()
    assert names[:2] == ["Chị Thử Một", "Anh Thử Hai"]
    calls = page.locator(".ansinh-contacts a.ansinh-call")
    assert [calls.nth(i).get_attribute("href") for i in range(calls.count())] == [
        "tel:0912345678",
        "tel:02773851234",
    ]
    assert "Bưu điện Lê Chân" not in page.content()


def test_a_phone_without_consent_is_shown_nowhere(site: Served) -> None:
    digits = HIDDEN_PHONE.replace(" ", "")
    for path in site.root.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".md", ".txt", ".json", ".xml", ".svg"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert HIDDEN_PHONE not in text and digits not in text, path


def test_a_commune_name_finds_its_contact_points(site: Served) -> None:
    html = (site.root / "campaigns" / "thu-nghiem" / "index.html").read_text(encoding="utf-8")
    record = page_record("campaigns/thu-nghiem/", html)
    assert record is not None
    tokens = set(record.tokens.split())
    assert set(index_tokens("Gáo Giồng")) <= tokens
    assert set(index_tokens("gao giong")) <= tokens


def test_a_testimonial_page_calls_to_action(site: Served, open_page: OpenPage) -> None:
    page = open_page(site.url + "testimonials/chi-a/", viewport=SMALL_PHONE).page
    call = page.locator(".ansinh-first--cta a.ansinh-call")
    assert call.get_attribute("href") == "tel:19009068"
    more = page.locator(".ansinh-first--cta .ansinh-first__more a")
    more.click()
    page.wait_for_load_state()
    assert page.url.endswith("/campaigns/thu-nghiem/")


def test_without_javascript_the_calculator_tables_fit_a_360_pixel_phone(
    site: Served, open_page: OpenPage
) -> None:
    page = open_page(
        site.url + "campaigns/thu-nghiem/", javascript=False, viewport=SMALL_PHONE
    ).page
    frame = page.locator("section.calc").bounding_box()
    assert frame is not None and frame["x"] + frame["width"] <= SMALL_PHONE["width"]
    tables = page.locator("table.calc-grid")
    assert tables.count() >= 2
    for index in range(tables.count()):
        box = tables.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= frame["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]


LINES = """
body => {
  const lines = [...body.querySelectorAll('.verse__line')];
  return {
    room: body.clientWidth,
    scroll: body.scrollWidth,
    lines: lines.map(line => {
      const style = getComputedStyle(line);
      return [line.getBoundingClientRect().height, parseFloat(style.lineHeight),
              parseFloat(style.fontSize)];
    }),
  };
}
"""


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_verse_lines_never_wrap_on_a_phone(
    site: Served, open_page: OpenPage, javascript: bool
) -> None:
    page = open_page(site.url + f"verses/{VERSE}/", javascript=javascript).page
    measured = page.eval_on_selector(".verse__body", LINES)
    assert len(measured["lines"]) >= 8
    for height, line_height, _size in measured["lines"]:
        assert height < 1.5 * line_height
    if javascript:
        # Shrunk to fit, not below a readable size.
        assert measured["scroll"] <= measured["room"]
        assert min(size for _h, _l, size in measured["lines"]) >= 12


def test_without_a_share_sheet_the_copy_button_names_zalo(
    site: Served, open_page: OpenPage
) -> None:
    page = open_page(site.url + "campaigns/thu-nghiem/").page
    assert page.evaluate("typeof navigator.share") == "undefined"
    copy = page.locator(".ansinh-copy")
    assert copy.is_visible()
    vi = translator("vi")
    assert copy.inner_text() == vi("Copy link for Zalo")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy.click()
    expect(copy).to_have_text(vi("Copied: paste it in Zalo"))
    assert page.evaluate("navigator.clipboard.readText()") == (
        "https://test.example.vn/campaigns/thu-nghiem/"
    )


def test_with_a_share_sheet_the_copy_button_stays_plain(site: Served, browser: Browser) -> None:
    context = browser.new_context(viewport=SMALL_PHONE)
    try:
        page = context.new_page()
        page.add_init_script("navigator.share = () => Promise.resolve();")
        page.goto(site.url + "campaigns/thu-nghiem/")
        assert page.locator(".ansinh-share").is_visible()
        assert page.locator(".ansinh-copy").inner_text() == translator("vi")("Copy link")
    finally:
        context.close()
