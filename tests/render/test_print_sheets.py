"""Leaflets, paper sizes with and without bleed, print photos, missing glyphs and shaping.

Tested by properties: page boxes in millimetres, fonts embedded, the text pdftotext
reads back, the QR code zbarimg reads, pixels; the leaflets are rendered once for
the module (one from the example, one with a photo from the mini project).
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps

from generator.errors import RenderError
from generator.model import Project
from generator.model.printing import Press
from generator.model.theme import Theme
from generator.render import Output
from generator.render.print.downloads import pdf_pages, render_downloads
from generator.render.print.engine import render_pdf, sheet_for
from generator.render.print.leaflet import leaflet_view, render_leaflet
from generator.render.print.photo import Frame, print_photo
from generator.render.print.poster import poster_view, render_poster_html
from generator.validate.project import load_project, read_project
from generator.validate.theme import load_theme

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "fixtures" / "mini"
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(REPO)[0]


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme(REPO, "default")


@pytest.fixture(scope="module")
def dong_thap(project: Project, theme: Theme) -> dict[str, Output]:
    campaign = next(c for c in project.campaigns if c.id == "dong-thap")
    outputs, notices = render_leaflet(project, theme, campaign)
    assert notices == []
    return {output.path: output for output in outputs}


@pytest.fixture(scope="module")
def mini() -> Project:
    return load_project(MINI)[0]


@pytest.fixture(scope="module")
def with_photo(mini: Project, theme: Theme) -> Output:
    photos = {"chi-a.jpg": (MINI / "content" / "media" / "chi-a.jpg").read_bytes()}
    outputs, _notices = render_leaflet(mini, theme, mini.campaigns[0], photos)
    return outputs[0]


def _run(command: list[str], pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    return subprocess.run(
        [part.replace("{pdf}", str(source)) for part in command],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _boxes_mm(pdf: bytes, tmp_path: Path) -> dict[str, tuple[float, float]]:
    """Return each page box of page 1 as (width, height) in millimetres."""
    info = _run(["pdfinfo", "-box", "{pdf}"], pdf, tmp_path)
    boxes = {}
    for name, x0, y0, x1, y1 in re.findall(
        r"^(\w+Box):\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$", info, re.MULTILINE
    ):
        width = (float(x1) - float(x0)) / PT_PER_MM
        height = (float(y1) - float(y0)) / PT_PER_MM
        boxes[name] = (round(width, 1), round(height, 1))
    return boxes


def test_the_leaflet_is_two_a5_pages_with_a_preview_of_each(
    dong_thap: dict[str, Output], tmp_path: Path
) -> None:
    assert sorted(dong_thap) == [
        "print/dong-thap/leaflet-a5-1.png",
        "print/dong-thap/leaflet-a5-2.png",
        "print/dong-thap/leaflet-a5.pdf",
    ]
    assert all(output.kind == "leaflet" for output in dong_thap.values())
    pdf = dong_thap["print/dong-thap/leaflet-a5.pdf"].data
    info = _run(["pdfinfo", "{pdf}"], pdf, tmp_path)
    assert "Pages:           2\n" in info and "419.528 x 595.276 pts" in info
    assert _boxes_mm(pdf, tmp_path)["MediaBox"] == (148.0, 210.0)
    fonts = _run(["pdffonts", "{pdf}"], pdf, tmp_path).splitlines()[2:]
    assert fonts and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)
    assert all("Noto-Sans" in line for line in fonts)  # the theme's fonts, no system font
    for name in ("leaflet-a5-1.png", "leaflet-a5-2.png"):
        image = Image.open(io.BytesIO(dong_thap[f"print/dong-thap/{name}"].data))
        assert image.size == (292, 414)  # 148 × 210 mm at 50 dpi


def test_the_leaflet_says_what_residents_need(
    project: Project, theme: Theme, dong_thap: dict[str, Output], tmp_path: Path
) -> None:
    campaign = next(c for c in project.campaigns if c.id == "dong-thap")
    view, _notices = leaflet_view(project, theme, campaign)
    pdf = dong_thap["print/dong-thap/leaflet-a5.pdf"].data
    front, back = (
        " ".join(_run(["pdftotext", "-f", p, "-l", p, "{pdf}", "-"], pdf, tmp_path).split())
        for p in ("1", "2")
    )
    assert front == unicodedata.normalize("NFC", front)
    assert view.quote is not None
    for said in (view.headline, view.message, view.quote.text, view.figure_value):
        assert said in front, said
    assert view.quote.text.startswith("Có khi để vận động 1 người tham gia")
    # Computed from content/policy.yml: 22% of the income, less the State's 66.000 đ.
    assert "1.500.000 đ 330.000 đ 264.000 đ 3.168.000 đ" in back
    assert "1/7/2025" in back and "Luật Bảo hiểm xã hội số 41/2024/QH15, Điều 36" in back
    assert "Đóng 6 tháng một lần, chẳng hạn sau mỗi vụ lúa." in back
    assert "Ủy ban nhân dân phường Tân Quy Đông" in back  # from content/contacts.yml
    assert "1900 9068" in front and "ansinh.example.vn/campaigns/dong-thap" in back


def test_the_leaflet_qr_decodes_with_its_source(
    dong_thap: dict[str, Output], tmp_path: Path
) -> None:
    pdf = tmp_path / "leaflet.pdf"
    pdf.write_bytes(dong_thap["print/dong-thap/leaflet-a5.pdf"].data)
    page = tmp_path / "back"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-f", "2", "-l", "2", "-singlefile", pdf, page],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", f"{page}.png"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == "https://ansinh.example.vn/campaigns/dong-thap/?utm_source=leaflet"


def test_without_contact_points_the_leaflet_names_the_usual_places(
    project: Project, theme: Theme
) -> None:
    campaign = next(c for c in project.campaigns if c.id == "dak-lak")
    view, _notices = leaflet_view(project, theme, campaign.model_copy(update={"province": "Xa"}))
    assert view.places == []


def test_a_leaflet_with_a_photo_stays_small(with_photo: Output, tmp_path: Path) -> None:
    assert len(with_photo.data) < 2_000_000
    images = _run(["pdfimages", "-list", "{pdf}"], with_photo.data, tmp_path).splitlines()[2:]
    assert len(images) == 1
    width, height = (int(n) for n in images[0].split()[3:5])
    assert (width, height) == Frame(26, 32).pixels() == (205, 252)  # 200 dpi at 26 × 32 mm


def test_a_leaflet_of_an_initials_person_has_no_photo(mini: Project, theme: Theme) -> None:
    testimonial = next(iter(mini.testimonials.values()))
    consent = testimonial.consent.model_copy(update={"display": "initials"})
    hidden = mini.model_copy(
        update={
            "testimonials": {testimonial.id: testimonial.model_copy(update={"consent": consent})}
        }
    )
    photos = {"chi-a.jpg": (MINI / "content" / "media" / "chi-a.jpg").read_bytes()}
    view, _notices = leaflet_view(hidden, theme, hidden.campaigns[0], photos)
    assert view.quote is not None and view.quote.photo is None


@pytest.mark.parametrize(
    ("size", "shop", "media", "trim"),
    [
        ("A4", False, (210.0, 297.0), (210.0, 297.0)),
        ("A3", False, (297.0, 420.0), (297.0, 420.0)),
        ("A2", True, (426.0, 600.0), (420.0, 594.0)),
        ("A1", False, (594.0, 841.0), (594.0, 841.0)),
        ("A0", True, (847.0, 1195.0), (841.0, 1189.0)),
        ("A4", True, (216.0, 303.0), (210.0, 297.0)),
    ],
)
def test_poster_pages_in_millimetres_with_and_without_bleed(
    project: Project,
    theme: Theme,
    tmp_path: Path,
    size: str,
    shop: bool,
    media: tuple[float, float],
    trim: tuple[float, float],
) -> None:
    press = Press(sizes=(size,) if shop else (), bleed_mm=3, crop_marks=True)  # type: ignore[arg-type]
    sheet = sheet_for(size, "A4", press)
    html = render_poster_html(poster_view(project, theme, project.campaigns[1]), theme, sheet)
    pdf, pages = render_pdf(html, theme, "poster.pdf")
    boxes = _boxes_mm(pdf, tmp_path)
    assert pages == 1
    assert boxes["MediaBox"] == media and boxes["TrimBox"] == trim
    # Crop marks are drawn in the bleed, where nothing else is (the margin is white).
    (tmp_path / "p.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-W", "200", "-H", "5", "-singlefile", "-png"]
        + [tmp_path / "p.pdf", tmp_path / "p"],
        check=True,
    )
    band = Image.open(tmp_path / "p.png").convert("L")
    assert (min(band.tobytes()) < 230) == shop  # thin lines: grey at 50 dpi
    assert sheet.scale == trim[0] / 210


def test_a_photo_with_exif_rotation_comes_out_upright_without_gps() -> None:
    # A landscape sensor image stored sideways: the camera says "rotate 90° clockwise".
    stored = Image.new("RGB", (400, 300), "white")
    stored.paste((200, 0, 0), (0, 0, 200, 300))  # left half red: the top once upright
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° CW to view
    exif[0x8825] = {1: "N", 2: (10.0, 30.0, 0.0), 3: "E", 4: (105.0, 40.0, 0.0)}  # GPS
    source = io.BytesIO()
    stored.save(source, "JPEG", exif=exif, comment=b"Nguyen Van A, Sa Dec")
    assert Image.open(io.BytesIO(source.getvalue())).getexif().get_ifd(0x8825)

    printed = print_photo(source.getvalue(), Frame(30, 40), "chi-a.jpg")
    image = Image.open(io.BytesIO(printed.jpeg))
    assert image.size == (237, 315)  # 30 × 40 mm at 200 dpi, rounded up
    assert image.getpixel((118, 20))[0] > 150 and image.getpixel((118, 20))[1] < 80  # red top
    assert image.getpixel((118, 300)) > (230, 230, 230)  # white bottom
    assert dict(image.getexif()) == {} and "comment" not in image.info
    assert b"Exif" not in printed.jpeg and b"Nguyen" not in printed.jpeg
    assert printed.dpi == 200


def test_a_small_photo_is_not_enlarged_and_says_its_resolution() -> None:
    source = io.BytesIO()
    Image.new("RGB", (120, 160), "grey").save(source, "JPEG")
    printed = print_photo(source.getvalue(), Frame(30, 40), "nho.jpg")
    assert Image.open(io.BytesIO(printed.jpeg)).size == (120, 160)
    assert printed.dpi == 101


def test_a_character_without_a_glyph_fails_the_build_naming_it(
    project: Project, theme: Theme
) -> None:
    campaign = project.campaigns[0].model_copy(update={"title": "Lương hưu 中 cho người buôn bán"})
    with pytest.raises(RenderError) as raised:
        poster_view(project, theme, campaign)
    assert str(raised.value) == (
        "print/le-chan-hai-phong/poster-a4.pdf: chiến dịch «le-chan-hai-phong», title: "
        "không phông chữ in nào có ký tự «中» (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D); "
        "hãy viết cách khác"
    )


def test_check_reports_a_character_without_a_glyph_at_its_source(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    subprocess.run(["cp", "-r", str(MINI), str(folder)], check=True)
    campaigns = folder / "campaigns.yml"
    campaigns.write_text(
        campaigns.read_text().replace("Đóng sau mùa lúa.", "Đóng sau mùa lúa ☎."),
        encoding="utf-8",
    )
    problems = [p.format() for p in read_project(folder).diagnostics if p.code == "no-glyph"]
    assert problems == [
        "campaigns.yml:14:14: error: không phông chữ in nào có ký tự «☎» "
        "(U+260E BLACK TELEPHONE); hãy viết cách khác"
    ]


SHAPED = [
    ("Noto Sans Khmer", "NotoSansKhmer-Regular.ttf", "សន្តិសុខសង្គម ស្ត្រី"),
    ("Noto Sans", "NotoSans-Regular.ttf", "Mơ̆ng Ơ̆ ƀuôn sang ĕ ŭ"),  # Ê Đê: Ơ + breve
]


def _ink(image: Image.Image) -> Image.Image:
    grey = ImageOps.invert(image.convert("L"))
    return grey.crop(grey.getbbox())


@pytest.mark.parametrize(("family", "file", "line"), SHAPED)
def test_khmer_and_ede_lines_are_shaped_as_harfbuzz_shapes_them(
    theme: Theme, tmp_path: Path, family: str, file: str, line: str
) -> None:
    html = (
        "<style>@page { size: 200mm 40mm; margin: 5mm }"
        f'p {{ font-family: "{family}"; font-size: 36pt; margin: 0; white-space: nowrap }}'
        f"</style><p>{line}</p>"
    )
    pdf, _pages = render_pdf(html, theme, "line.pdf")
    (tmp_path / "line.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", tmp_path / "line.pdf", tmp_path / "l"],
        check=True,
    )
    printed = _ink(Image.open(tmp_path / "l.png"))

    def drawn(layout: ImageFont.Layout) -> Image.Image:
        # 36 pt at 200 dpi is 100 px. RAQM shapes with HarfBuzz; BASIC does not shape.
        font = ImageFont.truetype(
            str(REPO / "themes/default/fonts" / file), 100, layout_engine=layout
        )
        canvas = Image.new("L", (2000, 300), 255)
        ImageDraw.Draw(canvas).text((20, 80), line, font=font, fill=0)
        return _ink(canvas)

    shaped, unshaped = drawn(ImageFont.Layout.RAQM), drawn(ImageFont.Layout.BASIC)
    assert abs(printed.width - shaped.width) <= 2 and abs(printed.height - shaped.height) <= 2
    difference = ImageChops.difference(printed, shaped.resize(printed.size))
    assert sum(difference.tobytes()) / (255 * printed.width * printed.height) < 0.05
    # The unshaped line differs: subscript consonants and stacked marks move.
    assert unshaped.size != shaped.size


@dataclass(frozen=True)
class Listed:
    path: str
    kind: str
    format: str
    campaign: str | None
    locale: str | None
    sha256: str
    bytes: int


def test_the_download_page_lists_each_file_with_size_pages_and_preview(
    project: Project, theme: Theme, dong_thap: dict[str, Output]
) -> None:
    blobs = {f"sha-{o.path}": o.data for o in dong_thap.values()}
    files = [
        Listed(o.path, o.kind, o.format, o.campaign, o.locale, f"sha-{o.path}", len(o.data))
        for o in dong_thap.values()
    ] + [Listed("social/vi/dong-thap/facebook.png", "card", "png", "dong-thap", "vi", "x", 31_500)]
    pages = {
        o.path: o for o in render_downloads(project, theme, files, lambda d: pdf_pages(blobs[d]))
    }
    assert sorted(pages) == ["downloads/dong-thap/index.html", "downloads/index.html"]
    html = pages["downloads/dong-thap/index.html"].data.decode()
    assert pages["downloads/dong-thap/index.html"].kind == "page"
    assert '<meta name="robots" content="noindex">' in html
    size = round(len(dong_thap["print/dong-thap/leaflet-a5.pdf"].data) / 1000)
    row = re.search(r'<li>\s*<span class="previews">(.*?)</li>', html, re.DOTALL)
    assert row is not None
    assert re.findall(r'src="([^"]+)"', row.group(1)) == [
        "../../print/dong-thap/leaflet-a5-1.png",
        "../../print/dong-thap/leaflet-a5-2.png",
    ]
    assert '<a href="../../print/dong-thap/leaflet-a5.pdf" download>leaflet-a5.pdf</a>' in html
    assert re.search(rf"PDF · vi · {size} KB · 2 \w+", html)
    assert ">leaflet-a5-1.png<" not in html  # a preview is not a file of its own
    assert '<img src="../../social/vi/dong-thap/facebook.png"' in html and "32 KB" in html
    index = pages["downloads/index.html"].data.decode()
    assert '<a href="dong-thap/">Đồng Tháp: truyền thông nhóm nhỏ cuối tuần</a>' in index


def test_the_mekong_theme_extends_the_default_with_its_colours(project: Project) -> None:
    mekong = load_theme(REPO, "mekong")
    assert [folder.name for folder in mekong.folders] == ["mekong", "default"]
    assert mekong.print.layout == load_theme(REPO, "default").print.layout
    campaign = next(c for c in project.campaigns if c.id == "dbscl-cum-thi-dua-9")
    assert campaign.theme == "mekong"
    html = render_poster_html(poster_view(project, mekong, campaign), mekong)
    assert "--deep: #0f4d3a;" in html and "data:image/svg+xml" in html  # green, waves
    assert mekong.social.style.colours["blue_deep"] == "#0f4d3a"


def test_check_reports_a_campaign_theme_that_does_not_exist(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    subprocess.run(["cp", "-r", str(MINI), str(folder)], check=True)
    campaigns = folder / "campaigns.yml"
    campaigns.write_text(
        campaigns.read_text().replace(
            "    testimonials: [chi-a]", "    testimonials: [chi-a]\n    theme: mien-tay"
        ),
        encoding="utf-8",
    )
    problems = [p for p in read_project(folder).diagnostics if p.code == "missing-theme"]
    assert [(p.path, p.line, p.column) for p in problems] == [("campaigns.yml", 25, 12)]


def test_a_leaflet_with_every_text_at_its_limit_still_fits_two_pages(
    project: Project, theme: Theme
) -> None:
    blocks = theme.print.layout.leaflet.blocks
    words = "Đồng bào nghèo được Nhà nước hỗ trợ tiền đóng bảo hiểm xã hội tự nguyện hằng tháng "

    def fill(length: int) -> str:
        return (words * 20)[: length - 1] + "."

    campaign = next(c for c in project.campaigns if c.id == "dong-thap")
    figure = campaign.figures[0].model_copy(
        update={"label": fill(blocks["figure_label"].max_chars), "value": 999_999_999_999}
    )
    longest = campaign.model_copy(
        update={
            "headline": fill(blocks["headline"].max_chars),
            "messages": [fill(blocks["message"].max_chars)],
            "figures": [figure],
            "locality": fill(60),
        }
    )
    quoted = project.testimonials[campaign.testimonials[0]]
    long_quote = quoted.model_copy(
        update={"quote": fill(blocks["quote"].max_chars), "photo": "chan-dung.jpg"}
    )
    fuller = project.model_copy(
        update={"testimonials": {**project.testimonials, quoted.id: long_quote}}
    )
    photo = io.BytesIO()
    Image.new("RGB", (600, 800), "grey").save(photo, "JPEG")
    photos = {"chan-dung.jpg": photo.getvalue()}
    for drawn in (theme, load_theme(REPO, "mekong")):
        outputs, _notices = render_leaflet(fuller, drawn, longest, photos)
        assert outputs[0].path.endswith("leaflet-a5.pdf"), drawn.name
