"""Photos named in content: inside ``content/media/``, present, and images a build can read.

Every photo is opened here, at check time, so that a text file named ``.jpg``, a
truncated download or a decompression bomb is a located error, never a traceback
in the build. Only JPEG, PNG and WebP are opened (no format that runs a program).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from PIL import Image, ImageFile

from generator.i18n import _
from generator.load.document import Document, Loc, number
from generator.load.project import MEDIA_DIR
from generator.validate.loaded import Loaded, suggest

MAX_IMAGE_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
_MEGAPIXELS = MAX_IMAGE_PIXELS // 1_000_000
_MEDIA_PREFIX = re.compile(r"^(?:\./|/)?(?:content/)?media/")


def check_media(loaded: Loaded, doc: Document, loc: Loc, written: str | None) -> None:
    """Report a media file that is outside content/media/, missing, or not a usable image."""
    if written is None:
        return
    media_root = (loaded.root / MEDIA_DIR).resolve()
    target = (media_root / written).resolve()
    if not target.is_relative_to(loaded.root.resolve()) or not target.is_relative_to(media_root):
        message = _(
            "«{path}» points outside content/media/; put the file in content/media/ and write "
            "its name relative to that folder"
        ).format(path=written)
        loaded.diagnostics.append(doc.diagnostic(loc, "path-outside", message))
    elif not target.is_file():
        message = _("file not found: content/media/{path}{hint}").format(
            path=written, hint=_missing_hint(media_root, written)
        )
        loaded.diagnostics.append(doc.diagnostic(loc, "missing-media", message))
    else:
        problem = image_problem(target)
        if problem is not None:
            loaded.diagnostics.append(doc.diagnostic(loc, "bad-image", problem))


def _missing_hint(media_root: Path, written: str) -> str:
    """Say which file of content/media/ was meant: the path without its folder, another case."""
    names = (
        sorted(p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file())
        if media_root.is_dir()
        else []
    )
    inside = _MEDIA_PREFIX.sub("", written.replace("\\", "/"))
    if inside != written and inside in names:
        return _("; write «{name}»: photo names are written from inside content/media/").format(
            name=inside
        )
    same = next((name for name in names if name.casefold() == inside.casefold()), None)
    if same is not None:
        return _(
            "; the file is named «{name}»: capital and small letters must match exactly"
        ).format(name=same)
    return suggest(inside, names, cutoff=0.75)


def image_problem(path: Path) -> str | None:
    """Say why the image at ``path`` cannot be used, or return None when it can."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return _(
            "the photo is {size} bytes, more than the limit of {limit}; save it smaller "
            "(a photo for the web needs no more than 2,000 pixels across)"
        ).format(size=number(size), limit=number(MAX_IMAGE_BYTES))
    unreadable = _(
        "«{name}» is not a readable JPEG, PNG or WebP image (it may be damaged or only part "
        "of it was copied); open it and save it again as JPEG"
    ).format(name=path.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=IMAGE_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return _too_many_pixels(width, height)
                _decode(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _(
            "the photo is far larger than the limit of {limit} megapixels; save it smaller "
            "(2,000 pixels across is plenty for the web)"
        ).format(limit=_MEGAPIXELS)
    except (OSError, ValueError, SyntaxError):
        return unreadable
    return None


def _decode(image: Image.Image) -> None:
    """Read the whole image cheaply, so a truncated file is caught: JPEG at 1/8 scale.

    WeasyPrint, once imported, tells Pillow to accept truncated images, for the whole
    process; the check must not, so the setting is turned off while it reads.
    """
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        if image.format == "PNG":
            image.verify()
            return
        if image.format in ("JPEG", "MPO"):
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _too_many_pixels(width: int, height: int) -> str:
    return _(
        "the photo has {width}×{height} pixels, more than the limit of {limit} megapixels; "
        "save it smaller (2,000 pixels across is plenty for the web)"
    ).format(width=width, height=height, limit=_MEGAPIXELS)
