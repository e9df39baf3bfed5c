"""Link previews: og:image with its size, type and alt text on every page, content-named cards,
QR codes a phone can read, the key-figure card."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from generator.model import Project
from generator.model.theme import Theme
from generator.pipeline import build_site
from generator.render import Output
from generator.render.links import tracked_url
from generator.render.social.cards import plan_card
from generator.render.social.design import card_design
from generator.render.social.render import (
    Card,
    Content,
    card_alt,
    card_file,
    og_image,
    render_social,
)
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI, copy_project
from tests.render.test_social import MINI_URL, unhashed, with_verse

OG_KEYS = ("og:image", "og:image:width", "og:image:height", "og:image:type", "og:image:alt")


class MetaParser(HTMLParser):
    """Collect ``<meta property|name=… content=…>`` of a page, attribute values unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key and found.get("content") is not None:
            self.meta[key] = str(found["content"])


def page_meta(html: str) -> dict[str, str]:
    parser = MetaParser()
    parser.feed(html)
    return parser.meta


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(MINI, tmp_path_factory.mktemp("previews") / "project")
    out = root / "site"
    build_site(root, out)
    return out


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _warnings = load_project(MINI)
    return with_verse(loaded)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme(MINI, "default")


@pytest.fixture(scope="module")
def outputs(project: Project, theme: Theme) -> dict[str, Output]:
    return {unhashed(output.path): output for output in render_social(project, theme)}


def manifest(site: Path) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads((site / "manifest.json").read_text("utf-8"))
    return entries


def site_pages(site: Path) -> list[Path]:
    """The pages meant to be shared: every page but the printable loudspeaker scripts and
    the staff's pages kept out of search engines (``noindex``)."""
    pages = [site / entry["path"] for entry in manifest(site) if entry["kind"] == "page"]
    return [
        page
        for page in pages
        if "noindex" not in page_meta(page.read_text("utf-8")).get("robots", "")
    ]


def test_every_page_has_og_image_with_the_size_and_type_of_the_file(site: Path) -> None:
    pages = site_pages(site)
    assert len(pages) > 10
    for page in pages:
        meta = page_meta(page.read_text("utf-8"))
        assert all(meta.get(key) for key in OG_KEYS), (page, meta)
        assert meta["twitter:image:alt"] == meta["og:image:alt"]
        card = site / meta["og:image"].removeprefix(MINI_URL)
        assert card.is_file(), (page, meta["og:image"])
        with Image.open(card) as picture:
            size = (int(meta["og:image:width"]), int(meta["og:image:height"]))
            assert picture.size == size, page
            assert Image.MIME[str(picture.format)] == meta["og:image:type"]


def test_a_campaign_page_previews_its_own_card_and_says_what_it_shows(site: Path) -> None:
    meta = page_meta((site / "campaigns" / "thu-nghiem" / "index.html").read_text("utf-8"))
    assert re.fullmatch(
        re.escape(MINI_URL + "social/vi/thu-nghiem/facebook.") + r"[0-9a-f]{8}\.png",
        meta["og:image"],
    )
    alt = meta["og:image:alt"]
    for text in ("Chiến dịch thử", "Đóng sau mùa lúa.", "2.921 người — đạt 87,59%", "1900 9068"):
        assert text in alt
    assert "test.example.vn/campaigns/thu-nghiem" in alt and "utm_source" not in alt
    english = page_meta((site / "en" / "index.html").read_text("utf-8"))
    assert "/social/en/site." in english["og:image"] and "Test site" in english["og:image:alt"]


def test_cards_are_named_by_content_and_named_so_everywhere(site: Path) -> None:
    cards = {entry["path"] for entry in manifest(site) if entry["kind"] == "card"}
    assert cards and all(re.search(r"\.[0-9a-f]{8}\.png$", path) for path in cards)
    on_disk = {p.relative_to(site).as_posix() for p in (site / "social").rglob("*.png")}
    assert on_disk == cards
    named = set()
    for page in site_pages(site):
        url = page_meta(page.read_text("utf-8"))["og:image"]
        named.add(url.removeprefix(MINI_URL))
    assert named <= cards and len(named) == 4  # two locales: the site card, the campaign card


def test_a_card_is_renamed_when_what_it_shows_changes_and_only_then(theme: Theme) -> None:
    design = card_design(theme)
    project, _warnings = load_project(MINI)
    slots = Content(project, "vi").campaign_slots(project.campaigns[0])
    name = card_file(design, Card("facebook", "facebook", slots))
    assert re.fullmatch(r"facebook\.[0-9a-f]{8}\.png", name)
    assert card_file(design, Card("facebook", "facebook", dict(slots))) == name
    unused = slots | {"support_payment": "không có trên thẻ Facebook"}
    assert card_file(design, Card("facebook", "facebook", unused)) == name
    changed = slots | {"title": "Chiến dịch đổi tên"}
    assert card_file(design, Card("facebook", "facebook", changed)) != name


def test_alt_text_is_escaped_for_the_engine_templates(project: Project, theme: Theme) -> None:
    campaign = project.campaigns[0].model_copy(
        update={"title": {"vi": 'Đóng "sớm" <b>& an tâm</b>', "en": "x"}}
    )
    hostile = project.model_copy(update={"campaigns": [campaign]})
    preview = og_image(hostile, theme, "vi", campaign)
    assert 'Đóng "sớm" <b>& an tâm</b>' in preview.alt
    shown = preview.engine_meta()
    assert "Đóng &quot;sớm&quot; &lt;b&gt;&amp; an tâm&lt;/b&gt;" in str(shown["alt"])
    assert (shown["width"], shown["height"], shown["type"]) == (1200, 630, "image/png")


def zbar(picture: Image.Image, folder: Path) -> list[str]:
    path = folder / "card.png"
    picture.save(path)
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=False
    )
    return done.stdout.splitlines()


@pytest.mark.parametrize(
    ("card", "url"),
    [
        ("social/vi/thu-nghiem/testimonial-chi-a.png", MINI_URL + "testimonials/chi-a/"),
        ("social/en/thu-nghiem/testimonial-chi-a.png", MINI_URL + "en/testimonials/chi-a/"),
        ("social/vi/thu-nghiem/verse-luong-huu.png", MINI_URL + "campaigns/thu-nghiem/"),
        ("social/vi/thu-nghiem/key-figure.png", MINI_URL + "campaigns/thu-nghiem/"),
        ("social/vi/thu-nghiem/portrait.png", MINI_URL + "campaigns/thu-nghiem/"),
        ("social/vi/site.png", MINI_URL),
    ],
)
def test_the_qr_code_of_a_card_scans_to_its_page_even_at_a_third_of_its_size(
    outputs: dict[str, Output], tmp_path: Path, card: str, url: str
) -> None:
    assert shutil.which("zbarimg"), "zbarimg (zbar-tools) reads the QR codes back"
    picture = Image.open(io.BytesIO(outputs[card].data)).convert("RGB")
    expected = tracked_url(url, "card")
    assert expected.endswith("?utm_source=card")
    assert zbar(picture, tmp_path) == [expected]
    small = picture.resize((picture.width // 3, picture.height // 3), Image.Resampling.LANCZOS)
    assert zbar(small, tmp_path) == [expected]


def test_the_key_figure_card_shows_the_state_support_biggest(
    project: Project, theme: Theme
) -> None:
    design = card_design(theme)
    slots = Content(project, "vi").campaign_slots(project.campaigns[0])
    # content/policy.yml of the mini project: 20% for everyone, up to 50% for the poor,
    # paid for 120 months; 22% of the 1.500.000 đ floor is 330.000 đ, less 66.000 đ.
    assert slots["support_figure"] == "20%–50%"
    assert "50%" in slots["support_groups"] and "20%" in slots["support_groups"]
    assert "264.000\u00a0đ" in slots["support_payment"]
    assert "10" in slots["support_detail"]
    plan = plan_card("key-figure", design.layouts["key-figure"], slots, design.palette)
    (figure,) = plan.lines("support_figure")
    assert figure.text == "20%–50%"
    others = [line.face.size for line in plan.lines() if line.slot != "support_figure"]
    assert figure.face.size >= 2 * max(others)
    shown = {line.slot for line in plan.lines()}
    assert {"support_kicker", "support_detail", "support_groups", "hotline"} <= shown
    for line in plan.lines():
        left, top, right, bottom = line.ink_box()
        x, y, width, height = line.box
        assert x <= left and y <= top and right <= x + width and bottom <= y + height


def test_a_long_alt_text_leaves_out_what_is_least_needed_before_cutting(
    project: Project, theme: Theme
) -> None:
    design = card_design(theme)
    slots = Content(project, "vi").campaign_slots(project.campaigns[0])
    long = slots | {"figure_label": "Số người tham gia mới " * 30}
    alt = card_alt(design.layouts["facebook"], long, str)
    assert len(alt) <= 420
    assert "Số người tham gia mới" not in alt and alt.endswith(": 1900 9068.")
    assert alt.startswith("Bảo hiểm xã hội tự nguyện · Đồng Tháp. Chiến dịch thử.")


@pytest.mark.parametrize(
    ("url", "tracked"),
    [
        ("https://a.vn/campaigns/x/", "https://a.vn/campaigns/x/?utm_source=card"),
        ("https://a.vn/?lang=vi", "https://a.vn/?lang=vi&utm_source=card"),
        ("https://a.vn/?utm_source=poster", "https://a.vn/?utm_source=poster"),
        ("https://a.vn/x/#join", "https://a.vn/x/?utm_source=card#join"),
    ],
)
def test_a_tracked_address_says_its_medium_once(url: str, tracked: str) -> None:
    assert tracked_url(url, "card") == tracked
