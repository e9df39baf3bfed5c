"""The print renderer: posters and leaflets as PDF with PNG previews, and the print engine.

Posters are tested by properties (page size, fonts embedded, the text pdftotext
reads back, pixels of the preview), never by bytes.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from generator.errors import RenderError
from generator.model import Project
from generator.model.printing import TextBlock
from generator.model.theme import Theme, ThemeFiles
from generator.render import Output
from generator.render.print.campaign import render_print_campaign
from generator.render.print.engine import render_pdf
from generator.render.print.poster import poster_view, render_poster_html
from generator.validate.project import load_project
from generator.validate.theme import load_theme, validate_theme

REPO = Path(__file__).resolve().parents[2]
CAMPAIGNS = ["le-chan-hai-phong", "dak-lak", "lao-cai", "dong-thap", "dbscl-cum-thi-dua-9"]


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(REPO)[0]


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme(REPO, "default")


@pytest.fixture(scope="module")
def posters(project: Project, theme: Theme) -> dict[str, Output]:
    made: dict[str, Output] = {}
    for campaign in project.campaigns:
        outputs, notices = render_print_campaign(project, theme, campaign)
        assert notices == []
        made |= {output.path: output for output in outputs}
    return made


def _poppler(tool: str, pdf: bytes, tmp_path: Path, *options: str) -> str:
    source = tmp_path / "poster.pdf"
    source.write_bytes(pdf)
    run = subprocess.run(
        [tool, *options, str(source), "-"] if tool == "pdftotext" else [tool, str(source)],
        check=True,
        capture_output=True,
        text=True,
    )
    return run.stdout


def test_every_example_campaign_has_posters_a_leaflet_and_previews(
    posters: dict[str, Output],
) -> None:
    assert sorted(posters) == sorted(
        [
            f"print/{campaign}/poster-{size}.{suffix}"
            for campaign in CAMPAIGNS
            for size in ("a4", "a3")
            for suffix in ("pdf", "png")
        ]
        + [
            f"print/{campaign}/leaflet-a5{end}"
            for campaign in CAMPAIGNS
            for end in (".pdf", "-1.png", "-2.png")
        ]
    )
    for path, output in posters.items():
        assert output.kind == ("leaflet" if "leaflet" in path else "poster")
        assert output.locale == "vi" and output.format == output.path.rsplit(".", 1)[1]


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_poster_is_one_a4_page_with_embedded_fonts(
    posters: dict[str, Output], campaign: str, tmp_path: Path
) -> None:
    pdf = posters[f"print/{campaign}/poster-a4.pdf"].data
    assert len(pdf) < 300_000
    info = _poppler("pdfinfo", pdf, tmp_path)
    assert "Pages:           1\n" in info
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    fonts = _poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
    assert fonts and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)
    assert all("Noto-Sans" in line for line in fonts)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_poster_text_reads_back_exactly(
    project: Project, theme: Theme, posters: dict[str, Output], campaign: str, tmp_path: Path
) -> None:
    found = next(c for c in project.campaigns if c.id == campaign)
    view = poster_view(project, theme, found)
    text = " ".join(
        _poppler("pdftotext", posters[f"print/{campaign}/poster-a4.pdf"].data, tmp_path).split()
    )
    assert text == unicodedata.normalize("NFC", text)
    for said in (view.title, view.headline, view.message, view.hotline, view.url_text):
        assert " ".join(said.split()) in text, said
    assert view.figure is not None and view.figure.value in text
    assert "Đường dây nóng" in text and "Quét mã để xem chi tiết" in text


def test_poster_qr_goes_to_the_campaign_page_with_its_source(
    project: Project, theme: Theme
) -> None:
    view = poster_view(project, theme, project.campaigns[0])
    assert view.url_text == "ansinh.example.vn/campaigns/le-chan-hai-phong"
    assert view.qr.startswith("<svg") and 'viewBox="0 0 45 45"' in view.qr  # version 5 + quiet


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")
def test_poster_qr_decodes_from_the_page(posters: dict[str, Output], tmp_path: Path) -> None:
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(posters["print/dak-lak/poster-a4.pdf"].data)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "p")])
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "p.png")], capture_output=True, text=True
    ).stdout.strip()
    assert decoded == "https://ansinh.example.vn/campaigns/dak-lak/?utm_source=poster"


def test_a3_is_the_a4_layout_scaled(posters: dict[str, Output], tmp_path: Path) -> None:
    a4 = posters["print/dak-lak/poster-a4.pdf"].data
    a3 = posters["print/dak-lak/poster-a3.pdf"].data
    info = _poppler("pdfinfo", a3, tmp_path)
    assert "Pages:           1\n" in info and "Page size:       841.89 x 1190.55 pts (A3)" in info
    assert _poppler("pdftotext", a3, tmp_path) == _poppler("pdftotext", a4, tmp_path)
    image = Image.open(io.BytesIO(posters["print/dak-lak/poster-a3.png"].data))
    assert image.size == (585, 827)


def test_preview_is_page_one_at_50_dpi(posters: dict[str, Output]) -> None:
    image = Image.open(io.BytesIO(posters["print/lao-cai/poster-a4.png"].data))
    assert image.format == "PNG" and image.size == (414, 585)  # 210 × 297 mm at 50 dpi, rounded up
    dark = sum(1 for pixel in image.convert("L").tobytes() if pixel < 128)
    assert 0.04 < dark / (414 * 585) < 0.4  # drawn, and mostly paper (ink for an office printer)


def test_render_is_deterministic(
    project: Project, theme: Theme, posters: dict[str, Output]
) -> None:
    again, _ = render_print_campaign(project, theme, project.campaigns[1])
    assert all(posters[output.path].data == output.data for output in again)


def test_campaign_without_print_gets_no_poster(project: Project, theme: Theme) -> None:
    campaign = project.campaigns[0].model_copy(update={"outputs": ["web", "social"]})
    assert render_print_campaign(project, theme, campaign) == ([], [])


def test_an_overlong_title_is_an_error_saying_how_much_to_cut(
    project: Project, theme: Theme
) -> None:
    campaign = project.campaigns[0].model_copy(update={"title": "Bảo hiểm xã hội " * 8})
    with pytest.raises(RenderError) as raised:
        render_print_campaign(project, theme, campaign)
    assert str(raised.value) == (
        "print/le-chan-hai-phong/poster-a4.pdf: chiến dịch «le-chan-hai-phong», title: "
        "128 ký tự không vừa ô title của áp phích, ô này chứa được 110; cần bớt 18 ký tự"
    )


def test_text_at_every_blocks_limit_still_fits_one_page(project: Project, theme: Theme) -> None:
    blocks = theme.print.layout.poster.blocks
    words = "Đồng bào nghèo được Nhà nước hỗ trợ tiền đóng bảo hiểm xã hội tự nguyện hằng tháng "

    def fill(length: int) -> str:
        return (words * 20)[: length - 1] + "."

    campaign = project.campaigns[3]
    figure = campaign.figures[0].model_copy(
        update={
            "label": fill(blocks["figure_label"].max_chars),
            "value": 999_999_999_999,
            "target": None,
            "percent_of_target": None,
            "previous": None,
        }
    )
    longest = campaign.model_copy(
        update={
            "title": fill(blocks["title"].max_chars),
            "headline": None,
            "messages": [fill(blocks["headline"].max_chars), fill(blocks["message"].max_chars)],
            "figures": [figure],
        }
    )
    for drawn in (theme, load_theme(REPO, "mekong")):  # the regional band is taller
        html = render_poster_html(poster_view(project, drawn, longest), drawn)
        _pdf, pages = render_pdf(html, drawn, "longest.pdf")
        assert pages == 1, drawn.name


@pytest.mark.parametrize(
    ("length", "size"),
    [(1, 40.0), (20, 40.0), (45, 28.3), (90, 20.0)],
)
def test_type_shrinks_with_the_text_down_to_the_smallest_size(length: int, size: float) -> None:
    block = TextBlock(size=40, min_size=20, max_chars=90)
    assert block.size_for("x" * length) == size


def test_the_engine_fetches_nothing_outside_the_theme(theme: Theme) -> None:
    html = '<p>Ảnh <img src="https://example.com/a.png"></p>'
    with pytest.raises(RenderError) as raised:
        render_pdf(html, theme, "print/x/poster-a4.pdf")
    assert str(raised.value) == (
        "print/x/poster-a4.pdf: mẫu trang đòi tải «https://example.com/a.png»; "
        "chỉ được dùng tệp của giao diện"
    )


def test_a_missing_print_font_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(REPO / "themes" / "default" / "print", folder / "print")
    layout = folder / "print" / "layout.yml"
    layout.write_text(
        layout.read_text().replace("fonts/NotoSerif-Bold.ttf", "fonts/Missing.ttf"),
        encoding="utf-8",
    )
    theme, problems = validate_theme(ThemeFiles("broken", (folder, REPO / "themes" / "default")))
    assert theme is None
    assert [p.format() for p in problems] == [
        "themes/broken/print/layout.yml:17:11: error: "
        "không tìm thấy tệp phông chữ «fonts/Missing.ttf» trong chủ đề giao diện"
    ]
