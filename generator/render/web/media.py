"""Photos for slow phones: each referenced image in small, modern formats, with fallbacks.

Every photo a page shows is resized to the widths it is displayed at (and twice
that, for sharp screens), written as AVIF and WebP with a JPEG fallback, and
shown through ``<picture>`` with its size given, so the page does not jump,
and lazy loading below the fold.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from generator.model import Project
from generator.render.escape import markdown_text
from generator.render.imaging import crop_to

MEDIA_FOLDER = "media"
FORMATS: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("avif", "image/avif", {"quality": 50, "speed": 6}),
    ("webp", "image/webp", {"quality": 72, "method": 6}),
    ("jpg", "image/jpeg", {"quality": 78, "optimize": True, "progressive": True}),
)


@dataclass(frozen=True)
class Shape:
    """How a kind of photo is shown: its widths in CSS pixels, its ratio, its sizes rule."""

    widths: tuple[int, ...]
    ratio: float | None
    sizes: str


PORTRAIT = Shape((96, 192), 1.0, "96px")
WIDE = Shape((360, 720, 1080), 16 / 9, "(min-width: 45em) 40rem, 100vw")


@dataclass(frozen=True)
class Picture:
    """A processed photo: the files made from it, and how to show it."""

    name: str
    files: dict[str, bytes]
    shape: Shape
    width: int
    height: int

    def html(self, alt: str, root: str, css_class: str, lazy: bool = True) -> str:
        """Return the ``<picture>`` element; ``root`` leads from the page to the site root."""
        widths = sorted({int(n.rsplit("-", 1)[1].split(".")[0]) for n in self.files})

        def srcset(ext: str) -> str:
            return ", ".join(f"{root}{MEDIA_FOLDER}/{self.name}-{w}.{ext} {w}w" for w in widths)

        sources = "".join(
            f'<source type="{mime}" srcset="{srcset(ext)}" sizes="{self.shape.sizes}">'
            for ext, mime, _ in FORMATS[:-1]
        )
        smallest = f"{root}{MEDIA_FOLDER}/{self.name}-{widths[0]}.jpg"
        loading = ' loading="lazy"' if lazy else ""
        return (
            f'<picture class="{css_class}">{sources}<img src="{smallest}" '
            f'srcset="{srcset("jpg")}" sizes="{self.shape.sizes}" width="{self.width}" '
            f'height="{self.height}" alt="{markdown_text(alt)}"{loading} '
            'decoding="async"></picture>'
        )


def _crop(image: Image.Image, ratio: float | None) -> Image.Image:
    return image if ratio is None else crop_to(image, ratio)


def _encode(image: Image.Image, ext: str, options: dict[str, object]) -> bytes:
    buffer = io.BytesIO()
    save_format = {"jpg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[ext]
    image.save(buffer, format=save_format, **options)
    return buffer.getvalue()


def process_photo(source: Path, shape: Shape, anonymous: bool = False) -> Picture:
    """Resize and re-encode one photo for ``shape``; the name carries a hash of its bytes.

    ``anonymous``: the photo of a person named by initials; its file name keeps nothing of
    the source file's name, which is usually the person's.
    """
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    name = f"anh-{digest}" if anonymous else f"{source.stem}-{digest}"
    with Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP")) as opened:
        image = _crop(ImageOps.exif_transpose(opened).convert("RGB"), shape.ratio)
    widths = [w for w in shape.widths if w <= image.width] or [image.width]
    files: dict[str, bytes] = {}
    for width in widths:
        height = int(image.height * width / image.width + 0.5)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for ext, _mime, options in FORMATS:
            files[f"{name}-{width}.{ext}"] = _encode(resized, ext, options)
    first = widths[0]
    return Picture(name, files, shape, first, int(image.height * first / image.width + 0.5))


def process_media(root: Path, project: Project) -> dict[str, Picture]:
    """Process every photo the project's pages show, by the name staff wrote."""
    wanted: dict[str, Shape] = {}
    for campaign in project.campaigns:
        if campaign.image:
            wanted[campaign.image] = WIDE
    private: set[str] = set()
    for testimonial in project.testimonials.values():
        if testimonial.photo:
            wanted.setdefault(testimonial.photo, PORTRAIT)
            if testimonial.consent.display == "initials":
                private.add(testimonial.photo)
    media = root / "content" / MEDIA_FOLDER
    return {
        name: process_photo(media / name, shape, anonymous=name in private)
        for name, shape in sorted(wanted.items())
    }


def media_files(pictures: dict[str, Picture]) -> dict[str, bytes]:
    """Return every processed file, by its path in a locale's docs folder."""
    return {
        f"{MEDIA_FOLDER}/{name}": data
        for picture in pictures.values()
        for name, data in picture.files.items()
    }
