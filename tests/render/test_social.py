"""Social cards and captions: sizes, limits, determinism, QR codes, text in its box, contrast."""

from __future__ import annotations

import io
import re
import struct
import sys
from pathlib import Path

import pytest
import segno
from PIL import Image

from generator.errors import RenderError, ThemeError
from generator.model import Campaign, Project, Verse, VersePart
from generator.model.cards import CardLayout
from generator.model.theme import Theme
from generator.render import Output
from generator.render.social.cards import (
    CardPlan,
    QrCode,
    draw_card,
    encode_card,
    plan_card,
)
from generator.render.social.design import card_design
from generator.render.social.render import (
    Content,
    Design,
    campaign_cards,
    excerpt,
    og_image,
    render_social,
)
from generator.text.colour import contrast_ratio
from generator.text.typeset import ELLIPSIS, RAQM, Fit, fit_text, wrap
from generator.validate.project import load_project
from generator.validate.theme import load_theme
from tests.conftest import MINI, REPO, copy_project

SIZES = {
    "facebook": (1200, 630),
    "portrait": (1080, 1350),
    "key": (1080, 1080),
    "story": (1080, 1920),
    "square": (1080, 1080),
    "verse": (1080, 1080),
    "testimonial": (1080, 1080),
    "site": (1200, 630),
}
MINI_URL = "https://test.example.vn/"
PLATFORMS = ["facebook", "portrait", "square", "key-figure", "story"]
HASHED = re.compile(r"^(?P<name>.+)\.(?P<digest>[0-9a-f]{8})\.(?P<ext>png|jpg)$")
VERSE = Verse(
    id="luong-huu",
    form="luc_bat",
    title={"vi": "Lương hưu", "en": "A pension"},
    lines=[
        "Tuổi già có chốn nương thân",
        "Lương hưu hằng tháng, mỗi lần an tâm",
        "Ai ơi đóng sớm thì hơn",
        "Về già khỏi phải thiệt hơn với đời",
        "Dòng thứ năm không lên thẻ",
    ],
)
LONG_TITLE = "Đồng Tháp: " + "truyền thông nhóm nhỏ cuối tuần, gõ cửa từng nhà ở ấp, " * 12


def with_verse(project: Project) -> Project:
    """The mini project, its campaign also using a verse."""
    campaign = project.campaigns[0].model_copy(update={"verses": [VERSE.id]})
    return project.model_copy(update={"campaigns": [campaign], "verses": {VERSE.id: VERSE}})


def retitled(project: Project, title: str) -> Project:
    campaign = project.campaigns[0].model_copy(update={"title": {"vi": title, "en": title}})
    return project.model_copy(update={"campaigns": [campaign]})


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _warnings = load_project(MINI)
    return with_verse(loaded)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme(MINI, "default")


@pytest.fixture(scope="module")
def design(theme: Theme) -> Design:
    return card_design(theme)


def unhashed(path: str) -> str:
    """A card's path without its digest: ``social/vi/x/facebook.3f9a1c2b.png`` → ``…/facebook.png``."""
    folder, _slash, file = path.rpartition("/")
    found = HASHED.match(file)
    return f"{folder}/{found['name']}.{found['ext']}" if found else path


@pytest.fixture(scope="module")
def outputs(project: Project, theme: Theme) -> dict[str, Output]:
    """Every output, keyed by its path without the card digest."""
    return {unhashed(output.path): output for output in render_social(project, theme)}


def plans(project: Project, design: Design, locale: str) -> dict[str, CardPlan]:
    """Every card of a project in one locale, planned, keyed by its file name."""
    content = Content(project, locale)
    site = plan_card("site", design.layouts["site"], content.site_slots(), design.palette)
    found = {"site": site}
    for campaign in project.campaigns:
        for card in campaign_cards(project, content, design, campaign):
            found[f"{campaign.id}/{card.name}"] = plan_card(
                card.name, design.layouts[card.layout], card.slots, design.palette
            )
    return found


def image(output: Output) -> Image.Image:
    return Image.open(io.BytesIO(output.data)).convert("RGB")


def inside(box: tuple[int, int, int, int], ink: tuple[int, int, int, int]) -> bool:
    x, y, width, height = box
    left, top, right, bottom = ink
    return x <= left and y <= top and right <= x + width and bottom <= y + height


def test_every_card_and_caption_has_its_path_and_manifest_metadata(
    outputs: dict[str, Output],
) -> None:
    expected = {"social/vi/site.png", "social/en/site.png"}
    for locale in ("vi", "en"):
        folder = f"social/{locale}/thu-nghiem"
        expected |= {
            f"{folder}/{name}.png" for name in (*PLATFORMS, "verse-luong-huu", "testimonial-chi-a")
        }
        expected |= {f"{folder}/caption-facebook.txt", f"{folder}/caption-zalo.txt"}
    assert set(outputs) == expected
    for path, output in outputs.items():
        locale = path.split("/")[1]
        campaign = None if path.endswith("site.png") else "thu-nghiem"
        kind, form = ("caption", "txt") if path.endswith(".txt") else ("card", "png")
        assert (output.kind, output.format, output.campaign, output.locale) == (
            kind,
            form,
            campaign,
            locale,
        )


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("thu-nghiem/facebook", SIZES["facebook"]),
        ("thu-nghiem/portrait", SIZES["portrait"]),
        ("thu-nghiem/key-figure", SIZES["key"]),
        ("thu-nghiem/story", SIZES["story"]),
        ("thu-nghiem/square", SIZES["square"]),
        ("thu-nghiem/verse-luong-huu", SIZES["verse"]),
        ("thu-nghiem/testimonial-chi-a", SIZES["testimonial"]),
        ("site", SIZES["site"]),
    ],
)
@pytest.mark.parametrize("locale", ["vi", "en"])
def test_card_size_in_pixels(
    outputs: dict[str, Output], name: str, size: tuple[int, int], locale: str
) -> None:
    assert image(outputs[f"social/{locale}/{name}.png"]).size == size


@pytest.mark.parametrize(
    ("platform", "limit"),
    [("facebook", 500_000), ("portrait", 8_000_000), ("story", 8_000_000), ("square", 8_000_000)],
)
def test_card_stays_under_the_platform_limit(
    outputs: dict[str, Output], platform: str, limit: int
) -> None:
    assert len(outputs[f"social/vi/thu-nghiem/{platform}.png"].data) < limit


def png_chunks(data: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.append(kind)
        offset += 12 + length
    return chunks


def test_rendering_twice_gives_identical_bytes_without_metadata(
    project: Project, theme: Theme, outputs: dict[str, Output]
) -> None:
    again = {unhashed(output.path): output.data for output in render_social(project, theme)}
    assert again == {path: output.data for path, output in outputs.items()}
    for output in outputs.values():
        if output.format == "png":
            assert set(png_chunks(output.data)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}


def sampled_matrix(picture: Image.Image, qr: QrCode) -> list[list[int]]:
    """Read the modules back from the pixels at each module's centre, quiet zone included."""
    count = len(qr.matrix) + 2 * qr.border
    half = qr.scale // 2
    return [
        [
            int(
                picture.getpixel((qr.x + column * qr.scale + half, qr.y + row * qr.scale + half))
                == qr.dark
            )
            for column in range(count)
        ]
        for row in range(count)
    ]


def expected_matrix(url: str, border: int) -> list[list[int]]:
    code = segno.make_qr(url, error="m")
    return [list(row) for row in code.matrix_iter(scale=1, border=border)]


@pytest.mark.parametrize(
    ("locale", "name", "url"),
    [
        ("vi", "thu-nghiem/facebook", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/portrait", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/key-figure", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/story", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/square", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/verse-luong-huu", MINI_URL + "campaigns/thu-nghiem/"),
        ("vi", "thu-nghiem/testimonial-chi-a", MINI_URL + "testimonials/chi-a/"),
        ("en", "thu-nghiem/facebook", MINI_URL + "en/campaigns/thu-nghiem/"),
        ("en", "thu-nghiem/story", MINI_URL + "en/campaigns/thu-nghiem/"),
        ("vi", "site", MINI_URL),
        ("en", "site", MINI_URL + "en/"),
    ],
)
def test_qr_code_in_the_png_encodes_the_page_address(
    project: Project, design: Design, outputs: dict[str, Output], locale: str, name: str, url: str
) -> None:
    (qr,) = plans(project, design, locale)[name].qr_codes()
    assert qr.url == url + "?utm_source=card"
    assert qr.scale >= 4 and qr.border >= 2
    picture = image(outputs[f"social/{locale}/{name}.png"])
    assert sampled_matrix(picture, qr) == expected_matrix(qr.url, qr.border)


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_no_line_of_any_card_leaves_its_box(project: Project, design: Design, locale: str) -> None:
    for name, plan in plans(project, design, locale).items():
        for line in plan.lines():
            assert inside(line.box, line.ink_box()), (name, line.slot, line.text)


@pytest.mark.parametrize("platform", ["facebook", "story", "square"])
def test_a_very_long_title_is_shrunk_then_cut_inside_its_box(
    project: Project, design: Design, platform: str
) -> None:
    plan = plans(retitled(project, LONG_TITLE), design, "vi")[f"thu-nghiem/{platform}"]
    title = plan.lines("title")
    assert title and title[-1].text.endswith(ELLIPSIS)
    for line in plan.lines():
        assert inside(line.box, line.ink_box()), (line.slot, line.text)
    width, height = plan.size
    for line in title:
        assert inside((0, 0, width, height), line.ink_box())


def test_a_long_title_pushes_the_figure_and_message_but_keeps_them_inside(
    project: Project, design: Design
) -> None:
    title = "Lê Chân: lương hưu cho người buôn bán ở chợ Đôn, chợ Hàng và chợ An Dương nữa"
    plan = plans(retitled(project, title), design, "vi")["thu-nghiem/facebook"]
    shown = "".join(line.text for line in plan.lines("title"))
    assert shown.replace(" ", "") == title.replace(" ", "")
    assert plan.lines("figure") and plan.lines("message")


@pytest.mark.parametrize("platform", ["facebook", "story", "square"])
def test_a_campaign_without_figures_has_no_figure_panel_and_its_title_once(
    project: Project, design: Design, platform: str
) -> None:
    campaign = project.campaigns[0].model_copy(update={"figures": []})
    plan = plans(project.model_copy(update={"campaigns": [campaign]}), design, "vi")[
        f"thu-nghiem/{platform}"
    ]
    assert not plan.lines("figure") and not plan.lines("figure_note")
    assert [line.text for line in plan.lines("title")] == ["Chiến dịch thử"]
    panel = design.palette.colours["blue_panel"]
    assert all(getattr(item, "colour", None) != panel for item in plan.items)


@pytest.mark.parametrize(
    ("text", "lines", "shrunk", "cut"),
    [
        ("Đóng sau mùa lúa.", 1, False, False),
        ("Đóng sau mùa lúa, chọn 6 tháng hoặc 12 tháng một lần cho vừa sức.", 2, False, False),
        ("Bán hàng ở chợ vẫn có lương hưu, như người làm công ăn lương. " * 2, 3, True, False),
        ("Bán hàng ở chợ vẫn có lương hưu, như người làm công ăn lương. " * 20, 3, True, True),
    ],
)
def test_fit_text_wraps_then_shrinks_then_cuts(
    design: Design, text: str, lines: int, shrunk: bool, cut: bool
) -> None:
    fit = Fit(size=40, min_size=24, max_lines=3, line_height=1.3)
    block = fit_text(design.palette.faces["sans-regular"], text, fit, 700, 400)
    assert len(block.lines) == lines
    assert (block.face.size < 40) is shrunk
    assert block.lines[-1].endswith(ELLIPSIS) is cut
    assert block.height <= 400
    assert all(block.face.length(line) <= 700 for line in block.lines)


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("Xong vụ lúa thì đóng một lần: chọn 6 tháng hoặc 12 tháng", "12 tháng"),
        ("Gọi đường dây nóng 1900 9068 để được tư vấn miễn phí", "1900 9068"),
        ("Người tham gia BHXH tự nguyện ở tỉnh Lào Cai tăng", "Lào Cai"),
        ("BẢO HIỂM XÃ HỘI TỰ NGUYỆN · ĐỒNG BẰNG SÔNG CỬU LONG", "NGUYỆN ·"),
    ],
)
def test_wrapping_keeps_numbers_with_units_and_names_together(
    design: Design, text: str, together: str
) -> None:
    face = design.palette.faces["sans-regular"](40)
    for width in range(400, 1000, 20):
        lines = wrap(face, text, width)
        assert any(together in line for line in lines), (width, lines)


STACKED = "Ỗ Ặ Ữ Ậ Ẫ Ỹ Ẵ Ờ ỗ ặ ữ ậ ẫ ỵ ỹ gjpq"


@pytest.mark.parametrize("font", ["sans-regular", "sans-bold", "serif-regular", "serif-bold"])
@pytest.mark.parametrize("size", [20, 48, 96])
def test_stacked_vietnamese_marks_are_drawn_whole_inside_the_box(
    design: Design, font: str, size: int
) -> None:
    block = fit_text(design.palette.faces[font], STACKED, Fit(size, size, 1, 1.0), 2000, 2000)
    box = [100, 100, 1900, block.height]
    layout = CardLayout.model_validate(
        {
            "size": [2100, block.height + 200],
            "background": "white",
            "layers": [
                {
                    "type": "text",
                    "slot": "line",
                    "box": box,
                    "font": font,
                    "size": size,
                    "colour": "ink",
                }
            ],
        }
    )
    plan = plan_card("test", layout, {"line": STACKED}, design.palette)
    assert [line.text for line in plan.lines()] == [STACKED]
    picture = draw_card(plan)
    ink = Image.eval(picture.convert("L"), lambda value: 255 - value).getbbox()
    assert ink is not None and inside((box[0], box[1], box[2], box[3]), ink)


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_every_line_of_text_contrasts_at_least_4_5_to_1(
    project: Project, design: Design, locale: str
) -> None:
    for name, plan in plans(project, design, locale).items():
        backdrop = draw_card(plan, text=False)
        for line in plan.lines():
            region = backdrop.crop(line.ink_box())
            colours = region.getcolors(region.width * region.height) or []
            for _count, colour in colours:
                ratio = contrast_ratio(line.colour, colour)
                assert ratio >= 4.5, (name, line.slot, line.colour, colour, round(ratio, 2))


def test_khmer_runs_are_set_in_the_khmer_font_and_shaped(design: Design) -> None:
    face = design.palette.faces["sans-bold"](48)
    runs = face.runs("សន្តិសុខសង្គម 1900 9068")
    assert [Path(font.path).name for _text, font in runs] == [
        "NotoSansKhmer-Bold.ttf",
        "NotoSans-Bold.ttf",
    ]
    assert RAQM, "Pillow must have libraqm to shape Khmer"
    cluster = "ស្ត្រី"
    assert face.length(cluster) < sum(face.length(char) for char in cluster)


def test_a_khmer_title_stays_in_its_box(project: Project, design: Design) -> None:
    khmer = "ធានារ៉ាប់រងសង្គមស្ម័គ្រចិត្ត សម្រាប់កសិករ និងអ្នកលក់ដូរ នៅខេត្តសុកត្រាំង " * 3
    plan = plans(retitled(project, khmer), design, "vi")["thu-nghiem/facebook"]
    assert plan.lines("title")
    for line in plan.lines():
        assert inside(line.box, line.ink_box()), (line.slot, line.text)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "vi",
            [
                "Chiến dịch thử",
                "Đóng sau mùa lúa.",
                "2.921 người — đạt 87,59% kế hoạch",
                "Số liệu đến 3/6/2021.",
                "Nguồn: Báo cáo thử",
                "1900 9068",
                "https://test.example.vn/campaigns/thu-nghiem/",
                "#BHXHtựnguyện",
                "#ĐồngTháp",
            ],
        ),
        (
            "en",
            [
                "Test campaign",
                "Pay after the harvest.",
                "2,921 people — 87.59% of plan reached",
                "As of June 3, 2021.",
                "Source: Báo cáo thử",
                "1900 9068",
                "https://test.example.vn/en/campaigns/thu-nghiem/",
                "#BHXHtựnguyện",
            ],
        ),
    ],
)
def test_facebook_caption_has_figure_source_hotline_and_address(
    outputs: dict[str, Output], locale: str, expected: list[str]
) -> None:
    caption = outputs[f"social/{locale}/thu-nghiem/caption-facebook.txt"].data.decode("utf-8")
    for text in expected:
        assert text in caption


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "vi",
            [
                "Chiến dịch thử",
                "2.921 người — đạt 87,59% kế hoạch",
                "1900 9068",
                "https://test.example.vn/campaigns/thu-nghiem/",
            ],
        ),
        (
            "en",
            [
                "Test campaign",
                "2,921 people — 87.59% of plan reached",
                "1900 9068",
                "https://test.example.vn/en/campaigns/thu-nghiem/",
            ],
        ),
    ],
)
def test_zalo_caption_is_shorter_and_has_figure_hotline_and_address(
    outputs: dict[str, Output], locale: str, expected: list[str]
) -> None:
    folder = f"social/{locale}/thu-nghiem"
    zalo = outputs[f"{folder}/caption-zalo.txt"].data.decode("utf-8")
    facebook = outputs[f"{folder}/caption-facebook.txt"].data.decode("utf-8")
    for text in expected:
        assert text in zalo
    assert len(zalo) < len(facebook)
    assert not re.search(r"[ \t]$", zalo, re.MULTILINE) and "\n\n\n" not in zalo


def test_verse_card_shows_at_most_four_lines(project: Project, design: Design) -> None:
    plan = plans(project, design, "vi")["thu-nghiem/verse-luong-huu"]
    assert [line.text for line in plan.lines("verse_lines")] == VERSE.lines[:4]
    assert [line.text for line in plan.lines("verse_title")] == ["Lương hưu"]


@pytest.mark.parametrize(
    ("given", "scope", "card"),
    [
        (True, ["web", "print", "social"], True),
        (True, ["web", "print"], False),
        (False, ["web", "print", "social"], False),
    ],
)
def test_testimonial_card_needs_consent_for_social_media(
    project: Project, theme: Theme, given: bool, scope: list[str], card: bool
) -> None:
    testimonial = project.testimonials["chi-a"]
    consent = testimonial.consent.model_copy(update={"given": given, "scope": scope})
    changed = project.model_copy(
        update={"testimonials": {"chi-a": testimonial.model_copy(update={"consent": consent})}}
    )
    paths = {output.path for output in render_social(changed, theme)}
    assert ("social/vi/thu-nghiem/testimonial-chi-a.png" in map(unhashed, paths)) is card


def test_campaign_without_social_output_gets_no_card(project: Project, theme: Theme) -> None:
    campaign: Campaign = project.campaigns[0].model_copy(update={"outputs": ["web", "print"]})
    changed = project.model_copy(update={"campaigns": [campaign]})
    paths = {unhashed(output.path) for output in render_social(changed, theme)}
    assert paths == {"social/vi/site.png", "social/en/site.png"}


@pytest.mark.parametrize(
    ("locale", "campaign", "card", "size"),
    [
        ("vi", True, "social/vi/thu-nghiem/facebook.png", (1200, 630)),
        ("en", True, "social/en/thu-nghiem/facebook.png", (1200, 630)),
        ("vi", False, "social/vi/site.png", (1200, 630)),
    ],
)
def test_og_image_names_a_rendered_card_with_its_size_and_type(
    project: Project,
    theme: Theme,
    locale: str,
    campaign: bool,
    card: str,
    size: tuple[int, int],
) -> None:
    found = og_image(project, theme, locale, project.campaigns[0] if campaign else None)
    rendered = {o.path: o for o in render_social(project, theme)}
    path = found.url.removeprefix(MINI_URL)
    assert path in rendered and unhashed(path) == card
    assert (found.width, found.height) == size == image(rendered[path]).size
    assert found.type == "image/png" and rendered[path].data.startswith(b"\x89PNG")


def bad_theme(tmp_path: Path, layout: str) -> Theme:
    root = copy_project(MINI, tmp_path / "project")
    folder = root / "themes" / "bad"
    (folder / "social" / "layouts").mkdir(parents=True)
    (folder / "theme.yml").write_text("extends: default\n", "utf-8")
    (folder / "social" / "layouts" / "facebook.yml").write_text(layout, "utf-8")
    return load_theme(root, "bad")


def test_layout_mistakes_are_reported_with_file_line_and_column(
    tmp_path: Path, design: Design
) -> None:
    text_layer = (
        "  - {type: text, slot: title, box: [0, 0, 100, 100], size: 40, colour: ink,"
        " font: comic-sans}"
    )
    layout = f"size: [1200, 630]\nbackground: pink\nlayers:\n{text_layer}\n"
    column = text_layer.index("comic-sans") + 1
    with pytest.raises(ThemeError) as caught:
        card_design(bad_theme(tmp_path, layout))
    colours = ", ".join(sorted(design.style.colours))
    fonts = "sans-bold, sans-regular, serif-bold, serif-regular"
    assert str(caught.value).splitlines() == [
        f"themes/bad/social/layouts/facebook.yml:2:13: error: không có màu «pink»; "
        f"chọn một trong các màu: {colours}",
        f"themes/bad/social/layouts/facebook.yml:4:{column}: error: "
        "không có phông chữ «comic-sans»; "
        f"chọn một trong các phông: {fonts}",
    ]


def test_layout_with_a_wrong_key_is_reported_with_its_place(tmp_path: Path) -> None:
    layout = (
        "size: [1200, 630]\nbackground: white\nlayers:\n"
        "  - {type: rect, box: [0, 0, 10, 10], fil: ink}\n"
    )
    with pytest.raises(ThemeError) as caught:
        card_design(bad_theme(tmp_path, layout))
    first = str(caught.value).splitlines()[0]
    assert first.startswith("themes/bad/social/layouts/facebook.yml:4:")
    assert "fil" in first


def test_example_project_has_every_card_once_verses_exist() -> None:
    """The example content end to end; it needs the verse files the campaigns name."""
    example, _warnings = load_project(REPO)
    rendered = render_social(example, load_theme(REPO, example.site.theme))
    outputs = {unhashed(o.path): o for o in rendered}
    for locale in example.site.locales:
        assert f"social/{locale}/site.png" in outputs
        for campaign in example.campaigns:
            if "social" not in campaign.outputs:
                continue
            folder = f"social/{locale}/{campaign.id}"
            names = list(PLATFORMS)
            names += [f"verse-{verse}" for verse in campaign.verses]
            names += [
                f"testimonial-{t}"
                for t in campaign.testimonials
                if "social" in example.testimonials[t].consent.scope
            ]
            for name in names:
                card = outputs[f"{folder}/{name}.png"]
                assert image(card).size == SIZES[name.split("-")[0]]
            assert len(outputs[f"{folder}/facebook.png"].data) < 500_000
            caption = outputs[f"{folder}/caption-facebook.txt"].data.decode("utf-8")
            assert example.site.hotline in caption and f"campaigns/{campaign.id}/" in caption


def test_a_flat_card_is_a_palette_png_keeping_the_design_colours_exactly(
    project: Project, design: Design
) -> None:
    plan = plans(project, design, "vi")["thu-nghiem/facebook"]
    picture = draw_card(plan)
    colours = [plan.background, design.palette.colours["white"], design.palette.colours["gold"]]
    data = encode_card(picture, colours=256, exact=colours)
    stored = Image.open(io.BytesIO(data))
    assert stored.mode == "P" and len(data) < len(encode_card(picture, colours=None)) / 2
    shown = {colour for _count, colour in stored.convert("RGB").getcolors(256) or []}
    assert set(colours) <= shown


def test_a_card_over_its_limit_is_refused() -> None:
    gradient = Image.new("RGB", (600, 600))
    gradient.putdata([(x % 256, y % 256, (x * y) % 256) for y in range(600) for x in range(600)])
    assert encode_card(gradient, "jpeg", quality=80).startswith(b"\xff\xd8")
    with pytest.raises(RenderError):
        encode_card(gradient, max_bytes=1000)


def test_verse_excerpt_falls_back_to_the_first_four_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "generator.verse.layout", None)
    verse = Verse(
        id="vong-co",
        form="vong_co",
        title="Vọng cổ",
        parts=[
            VersePart(part="nói lối", lines=["Một", "Hai"]),
            VersePart(part="câu 1", lines=["Ba", "Bốn", "Năm"]),
        ],
    )
    assert excerpt(verse) == ["Một", "Hai", "Ba", "Bốn"]
