"""Photos are resized, re-encoded in modern formats with a fallback, and shown lazily."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from generator.render.web.media import PORTRAIT, WIDE, process_photo
from tests.conftest import MINI, Runner

PHOTO = MINI / "content" / "media" / "chi-a.jpg"


def test_a_portrait_is_cropped_square_at_its_display_sizes() -> None:
    picture = process_photo(PHOTO, PORTRAIT)
    assert (picture.width, picture.height) == (96, 96)
    sizes = {}
    for name, data in picture.files.items():
        with Image.open(io.BytesIO(data)) as image:
            sizes[name.rsplit("-", 1)[1]] = (image.format, image.size)
    assert sizes == {
        "96.avif": ("AVIF", (96, 96)),
        "96.webp": ("WEBP", (96, 96)),
        "96.jpg": ("JPEG", (96, 96)),
        "192.avif": ("AVIF", (192, 192)),
        "192.webp": ("WEBP", (192, 192)),
        "192.jpg": ("JPEG", (192, 192)),
    }


def test_a_wide_photo_is_never_enlarged(tmp_path: Path) -> None:
    small = tmp_path / "cho.jpg"
    Image.new("RGB", (800, 600), "#336699").save(small)
    picture = process_photo(small, WIDE)
    widths = sorted({int(n.rsplit("-", 1)[1].split(".")[0]) for n in picture.files})
    assert widths == [360, 720]
    assert (picture.width, picture.height) == (360, 203)


def test_modern_formats_are_smaller_than_the_fallback() -> None:
    files = process_photo(PHOTO, PORTRAIT).files
    for width in (96, 192):
        jpeg = len(next(v for k, v in files.items() if k.endswith(f"-{width}.jpg")))
        for ext in ("avif", "webp"):
            assert len(next(v for k, v in files.items() if k.endswith(f"-{width}.{ext}"))) < jpeg


def test_processing_is_deterministic_and_names_carry_the_content() -> None:
    first, second = process_photo(PHOTO, PORTRAIT), process_photo(PHOTO, PORTRAIT)
    assert first.files == second.files
    assert all(name.startswith("chi-a-90318faa80-") for name in first.files)


def test_the_picture_element_has_sources_sizes_and_lazy_loading() -> None:
    html = process_photo(PHOTO, PORTRAIT).html("Chị A", "../../", "ansinh-portrait")
    assert re.findall(r'<source type="([^"]+)"', html) == ["image/avif", "image/webp"]
    img = re.search(r"<img [^>]+>", html)
    assert img is not None
    for attribute in (
        'width="96"',
        'height="96"',
        'alt="Chị A"',
        'loading="lazy"',
        'decoding="async"',
        'sizes="96px"',
    ):
        assert attribute in img.group()
    assert "eager" not in process_photo(PHOTO, WIDE).html("x", "", "hero", lazy=False)
    assert 'loading="lazy"' not in process_photo(PHOTO, WIDE).html("x", "", "hero", lazy=False)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pages_show_the_photo_from_files_that_exist(
    mini: Path, ansinh: Runner, tmp_path: Path, prefix: str
) -> None:
    out = tmp_path / "site"
    assert ansinh("-C", mini, "build", "--out", out)[0] == 0
    for page in ("campaigns/thu-nghiem/index.html", "testimonials/chi-a/index.html"):
        html = (out / prefix / page).read_text("utf-8")
        element = html[html.index("<picture") : html.index("</picture>")]
        urls = re.findall(r'(?:src|srcset)="([^"]+)"', element)
        files = {part.strip().split()[0] for url in urls for part in url.split(",")}
        assert len(files) == 6
        for file in files:
            assert (out / prefix / Path(page).parent / file).resolve().is_file(), file
