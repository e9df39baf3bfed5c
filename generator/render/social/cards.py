"""Cards: declarative layouts planned into lines and shapes, drawn with Pillow, stored.

A layout (``CardLayout``, read from theme YAML) is a canvas size, a background
and layers drawn in order: shapes, text boxes, stacks of text flowing down a
box, and a QR code. Planning (``plan_card``) decides where every line goes, so
tests can check the geometry; drawing (``draw_card``) only paints the plan;
``encode_card`` stores it in the layout's format.

A flat card (text, shapes, a QR code) is stored as PNG with a palette: the fast
octree quantizer picks 256 colours from a sample of its pixels, then the entries
nearest the design's own colours are set to them exactly, so backgrounds, panels
and QR modules keep their colour and only antialiased edges move (by at most about
20 levels of 255). On the example a card takes about 43 KB instead of 104 KB in
full colour, and less time to store (``bench/cards.py`` measures both).

How text is fitted into its box is ``generator.text.typeset``'s work.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw

from generator.errors import RenderError
from generator.i18n import _
from generator.model.cards import CardFormat
from generator.render.social.plan import (
    CardPlan,
    Fill,
    Palette,
    QrCode,
    plan_card,
    qr_matrix,
)
from generator.text.typeset import RGB, Face

__all__ = [
    "CardPlan",
    "Palette",
    "QrCode",
    "design_colours",
    "draw_card",
    "encode_card",
    "palette_image",
    "plan_card",
    "qr_matrix",
]

SUPERSAMPLE = 4

# zlib's fast level: a card is stored in half the time of level 6, some 13 % larger.
PNG_COMPRESS_LEVEL = 3
# The palette is chosen from one pixel in PALETTE_SAMPLE × PALETTE_SAMPLE.
PALETTE_SAMPLE = 3


def draw_card(plan: CardPlan, *, text: bool = True) -> Image.Image:
    """Draw a plan; without ``text`` only its shapes, to measure what text sits on."""
    image = Image.new("RGB", plan.size, plan.background)
    for item in plan.items:
        if isinstance(item, Fill):
            _draw_fill(image, item)
        elif isinstance(item, QrCode):
            _draw_qr(image, item)
        elif text:
            left, top, _right, _bottom = item.face.ink(item.text)
            image.paste(
                item.colour, (item.x + left, item.baseline + top), _text_mask(item.face, item.text)
            )
    return image


def forget_fonts() -> None:
    """Forget the lines of text drawn with the fonts of earlier builds."""
    _text_mask.cache_clear()


# At most some 40 MB of masks, for the widest lines of a 1080-pixel story card.
@lru_cache(maxsize=256)
def _text_mask(face: Face, text: str) -> Image.Image:
    """A line of text as Pillow draws it, white on black, cropped to its ink box.

    Kept per process by face and text: a line drawn at an integer position is the same
    mask wherever it goes (runs after the first keep their fractional offsets from the
    line's start), and a campaign's cards repeat their brand, labels and footer. The
    masks are only read, never drawn on.
    """
    left, top, right, bottom = face.ink(text)
    mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    draw = ImageDraw.Draw(mask)
    x = float(-left)
    for run, font in face.runs(text):
        draw.text((x, -top), run, font=font, fill=255, anchor="ls")
        x += font.getlength(run)
    return mask


def _draw_fill(image: Image.Image, fill: Fill) -> None:
    """Paste a shape with antialiased edges: curves are drawn larger on a mask, then scaled down."""
    x, y, width, height = fill.box
    if fill.shape == "rect" and not fill.radius:
        ImageDraw.Draw(image).rectangle((x, y, x + width - 1, y + height - 1), fill=fill.colour)
        return
    mask = (
        _ellipse_mask(width, height)
        if fill.shape == "ellipse"
        else _rounded_mask(width, height, min(fill.radius, width // 2, height // 2))
    )
    image.paste(fill.colour, (x, y), mask)


@lru_cache(maxsize=64)
def _ellipse_mask(width: int, height: int) -> Image.Image:
    big = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
    ImageDraw.Draw(big).ellipse((0, 0, big.width - 1, big.height - 1), fill=255)
    return big.resize((width, height), Image.Resampling.BOX)


@lru_cache(maxsize=64)
def _rounded_mask(width: int, height: int, radius: int) -> Image.Image:
    """A rectangle mask whose four corners are antialiased quarter circles."""
    mask = Image.new("L", (width, height), 255)
    if radius < 1:
        return mask
    corner = _ellipse_mask(2 * radius, 2 * radius).crop((0, 0, radius, radius))
    mask.paste(corner, (0, 0))
    mask.paste(corner.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (width - radius, 0))
    mask.paste(corner.transpose(Image.Transpose.FLIP_TOP_BOTTOM), (0, height - radius))
    mask.paste(corner.transpose(Image.Transpose.ROTATE_180), (width - radius, height - radius))
    return mask


def _draw_qr(image: Image.Image, qr: QrCode) -> None:
    """Paint the quiet zone light, then the dark modules through a mask of the code."""
    ImageDraw.Draw(image).rectangle(
        (qr.x, qr.y, qr.x + qr.side - 1, qr.y + qr.side - 1), fill=qr.light
    )
    offset = qr.border * qr.scale
    image.paste(qr.dark, (qr.x + offset, qr.y + offset), _qr_mask(qr.matrix, qr.scale))


@lru_cache(maxsize=64)
def _qr_mask(matrix: tuple[tuple[int, ...], ...], scale: int) -> Image.Image:
    """The dark modules of a QR code, ``scale`` pixels a module, 255 where dark.

    Kept per process by the modules and scale: a campaign's cards show the same code.
    The masks are only read, never drawn on.
    """
    side = len(matrix)
    modules = Image.frombytes("L", (side, side), bytes(255 * d for row in matrix for d in row))
    return modules.resize((side * scale, side * scale), Image.Resampling.NEAREST)


def design_colours(plan: CardPlan) -> list[RGB]:
    """Return the colours a plan names (background, shapes, text, QR codes), each once."""
    colours = [plan.background]
    for item in plan.items:
        colours += [item.dark, item.light] if isinstance(item, QrCode) else [item.colour]
    return list(dict.fromkeys(colours))


def encode_card(
    image: Image.Image,
    card_format: CardFormat = "png",
    *,
    colours: int | None = 256,
    exact: list[RGB] | None = None,
    quality: int = 85,
    max_bytes: int | None = None,
) -> bytes:
    """Return the card's file bytes, without metadata.

    PNG with a palette of ``colours`` colours (``exact`` ones kept as they are), or in
    full colour when ``colours`` is None; JPEG at ``quality``. Raises RenderError when
    the file is over ``max_bytes``.
    """
    if card_format == "jpeg":
        data = _jpeg(image, quality)
    elif colours is None:
        data = _png(image)
    else:
        data = _png(palette_image(image, colours, exact or []))
    if max_bytes is not None and len(data) > max_bytes:
        raise RenderError(
            _("the card takes {size} bytes, over its limit of {limit}").format(
                size=len(data), limit=max_bytes
            )
        )
    return data


def palette_image(image: Image.Image, colours: int, exact: list[RGB]) -> Image.Image:
    """Reduce an RGB image to at most ``colours`` colours, each of ``exact`` kept exactly.

    The palette is chosen from every ``PALETTE_SAMPLE``-th pixel of every such row (a
    card's flat areas and antialiased edges are all there, at a ninth of the cost),
    then every pixel takes its nearest entry. Each exact colour takes over the palette
    entry nearest to it (when no other exact colour took it first): the pixels the
    quantizer grouped there are that colour.
    """
    sample = image.resize(
        (max(image.width // PALETTE_SAMPLE, 1), max(image.height // PALETTE_SAMPLE, 1)),
        Image.Resampling.NEAREST,
    )
    chosen = sample.quantize(colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    reduced = image.quantize(palette=chosen, dither=Image.Dither.NONE)
    flat = reduced.getpalette() or []
    entries = [(flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat) - 2, 3)]
    taken: set[int] = set()
    for red, green, blue in exact:
        distances = [
            (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            for r, g, b in entries
        ]
        nearest = distances.index(min(distances))
        if nearest not in taken:
            entries[nearest] = (red, green, blue)
            taken.add(nearest)
    reduced.putpalette([value for entry in entries for value in entry])
    return reduced


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()
