"""Photos for print: upright, cropped to their frame, sharp enough and no larger, no metadata.

A phone photo carries its orientation in EXIF (the pixels are stored sideways) and
often where it was taken (GPS): the printed copy is turned upright, cropped to the
frame's proportions around its upper third (where faces are), resampled to
``PRINT_DPI`` at the frame's printed size (never enlarged: a small photo stays as
sharp as it is), and saved as a fresh JPEG with no EXIF, GPS or comments.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageOps, UnidentifiedImageError

from generator.errors import RenderError
from generator.i18n import _
from generator.model import Project
from generator.render.imaging import crop_to

PRINT_DPI = 200
MM_PER_INCH = 25.4
JPEG_QUALITY = 85
MEDIA_FOLDER = "media"


class Frame(NamedTuple):
    """A photo's frame on the page: width and height in millimetres."""

    width_mm: float
    height_mm: float

    def pixels(self, dpi: int = PRINT_DPI) -> tuple[int, int]:
        """The frame in pixels at ``dpi``, rounded up: (width, height)."""
        return (
            math.ceil(self.width_mm / MM_PER_INCH * dpi),
            math.ceil(self.height_mm / MM_PER_INCH * dpi),
        )


class PrintedPhoto(NamedTuple):
    """A photo ready for print: JPEG bytes, and its resolution at the printed size."""

    jpeg: bytes
    dpi: int


def print_photo(data: bytes, frame: Frame, name: str) -> PrintedPhoto:
    """Return the photo ``data`` ready for ``frame``: a JPEG, upright, without metadata.

    Its resolution is ``PRINT_DPI`` at the frame's size, or less when the photo is
    smaller (then ``dpi`` says how much). Raises RenderError naming the photo ``name``
    when it cannot be read.
    """
    try:
        with Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP")) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError) as error:
        raise RenderError(
            _("photo «{name}» cannot be read: {error}").format(name=name, error=error)
        ) from error
    image = crop_to(image, frame.width_mm / frame.height_mm)
    width, height = frame.pixels()
    if image.width > width:
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    dpi = min(PRINT_DPI, math.floor(image.width / frame.width_mm * MM_PER_INCH))
    # Pillow would carry a JPEG comment over from the source's info; EXIF, ICC and XMP
    # are written only when asked for.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(dpi, dpi))
    return PrintedPhoto(buffer.getvalue(), dpi)


def read_print_photos(root: Path, project: Project) -> dict[str, bytes]:
    """Read the photos print may show: those of testimonials whose consent allows print.

    Returns the bytes of ``content/media/<name>`` by the name staff wrote; ``check`` has
    made sure each one exists and opens.
    """
    names = {
        testimonial.photo
        for testimonial in project.testimonials.values()
        if testimonial.photo is not None
        and testimonial.consent.given
        and "print" in testimonial.consent.scope
    }
    media = root / "content" / MEDIA_FOLDER
    return {name: (media / name).read_bytes() for name in sorted(names)}
