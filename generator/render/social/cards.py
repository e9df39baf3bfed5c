"""Cards: declarative layouts planned into lines and shapes, drawn with Pillow, stored.

A layout (``CardLayout``, read from theme YAML) is a canvas size, a background
and layers drawn in order: shapes, text boxes, stacks of text flowing down a
box, and a QR code. Planning (``plan_card``) decides where every line goes, so
tests can check the geometry; drawing (``draw_card``) only paints the plan;
``encode_card`` stores it in the layout's format.

A flat card (text, shapes, a QR code) is stored as PNG with a palette: the fast
octree quantizer picks 256 colours, then the entries nearest the design's own
colours are set to them exactly, so backgrounds, panels and QR modules keep their
colour and only antialiased edges move (by at most about 15 levels of 255). On
the example a card takes about 41 KB instead of 104 KB in full colour, and less
time to store (``bench/cards.py`` measures both).

How text is fitted into its box is ``generator.text.typeset``'s work.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from generator.errors import RenderError
from generator.i18n import _
from generator.model.cards import (
    CardFormat,
    CardLayout,
    QrLayer,
    Shape,
    StackBar,
    StackLayer,
    StackText,
    TextLayer,
    TextStyle,
    VAlign,
)
from generator.render.links import qr_code
from generator.text.typeset import (
    RGB,
    SHRINK_STEPS,
    Box,
    Face,
    FaceMaker,
    Fit,
    TextBlock,
    fit_text,
)

SUPERSAMPLE = 4

PNG_COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (rounded when ``radius``) or ellipse."""

    box: Box
    colour: RGB
    radius: int = 0
    shape: str = "rect"


@dataclass(frozen=True)
class Line:
    """One line of text at its baseline, and the box it must stay inside."""

    text: str
    x: int
    baseline: int
    face: Face
    colour: RGB
    box: Box
    slot: str

    def ink_box(self) -> Box:
        """Return the line's ink as an absolute box: left, top, right, bottom."""
        left, top, right, bottom = self.face.ink(self.text)
        return self.x + left, self.baseline + top, self.x + right, self.baseline + bottom


@dataclass(frozen=True)
class QrCode:
    """A QR code drawn module by module at an integer scale, with its quiet zone."""

    url: str
    x: int
    y: int
    scale: int
    border: int
    matrix: tuple[tuple[int, ...], ...]
    dark: RGB
    light: RGB

    @property
    def side(self) -> int:
        return (len(self.matrix) + 2 * self.border) * self.scale


Item = Fill | Line | QrCode


@dataclass(frozen=True)
class CardPlan:
    """Everything a card shows, in drawing order."""

    name: str
    size: tuple[int, int]
    background: RGB
    items: tuple[Item, ...] = ()

    def lines(self, slot: str | None = None) -> list[Line]:
        return [i for i in self.items if isinstance(i, Line) and slot in (None, i.slot)]

    def qr_codes(self) -> list[QrCode]:
        return [i for i in self.items if isinstance(i, QrCode)]


Stacked = tuple[StackText | StackBar, TextBlock | None]


@dataclass(frozen=True)
class Palette:
    """What a layout's names resolve to: colours and fonts."""

    colours: dict[str, RGB]
    faces: dict[str, FaceMaker]


def plan_card(name: str, layout: CardLayout, slots: dict[str, str], palette: Palette) -> CardPlan:
    """Place every layer of a layout, leaving out those whose ``when`` slot is empty or whose
    ``unless`` slot is not."""
    items: list[Item] = []
    for layer in layout.layers:
        if (layer.when and not slots.get(layer.when)) or (layer.unless and slots.get(layer.unless)):
            continue
        if isinstance(layer, Shape):
            items.append(
                Fill(
                    layer.box,
                    palette.colours[layer.fill],
                    layer.radius,
                    "ellipse" if layer.type == "ellipse" else "rect",
                )
            )
        elif isinstance(layer, TextLayer):
            text = _slot_text(layer, slots)
            width, height = layer.box[2], layer.box[3]
            block = fit_text(palette.faces[layer.font], text, layer.fit(), width, height)
            top = layer.box[1] + _offset(layer.valign, layer.box[3] - block.height)
            items += _lines(block, layer, layer.box, top, palette)
        elif isinstance(layer, StackLayer):
            items += _plan_stack(layer, slots, palette)
        elif isinstance(layer, QrLayer) and slots.get(layer.slot):
            items.append(_plan_qr(layer, slots[layer.slot], palette))
    return CardPlan(name, layout.size, palette.colours[layout.background], tuple(items))


def _slot_text(style: TextStyle, slots: dict[str, str]) -> str:
    text = slots.get(style.slot, "")
    return text.upper() if style.uppercase else text


def _offset(valign: VAlign, room: int) -> int:
    return {"top": 0, "center": room // 2, "bottom": room}[valign] if room > 0 else 0


def _lines(block: TextBlock, style: TextStyle, box: Box, top: int, palette: Palette) -> list[Line]:
    lines: list[Line] = []
    for index, text in enumerate(block.lines):
        room = box[2] - block.face.length(text)
        x = box[0] + {"left": 0, "center": room / 2, "right": room}[style.align]
        left, _top, right, _bottom = block.face.ink(text)
        x = min(max(x, box[0] - left), box[0] + box[2] - right)  # keep overhanging ink inside
        lines.append(
            Line(
                text,
                round(x),
                top + block.top + index * block.pitch,
                block.face,
                palette.colours[style.colour],
                box,
                style.slot,
            )
        )
    return lines


def _present(item: StackText | StackBar, slots: dict[str, str]) -> bool:
    if isinstance(item, StackBar):
        return item.when is None or bool(slots.get(item.when))
    return bool(slots.get(item.slot))


def _stack_blocks(layer: StackLayer, slots: dict[str, str], palette: Palette) -> list[Stacked]:
    """Fit a stack's items: shrink all together, then drop optional ones, then cut from the end."""
    width, height = layer.box[2], layer.box[3]
    present = [item for item in layer.items if _present(item, slots)]
    required = [i for i in present if not (isinstance(i, StackText) and i.optional)]
    for items in (present, required):
        for scale in SHRINK_STEPS:
            blocks = [(i, _fit_item(i, slots, palette, width, height, scale)) for i in items]
            if _stack_height(layer, blocks) <= height:
                return blocks
    kept: list[Stacked] = []
    for item in required:
        used = _stack_height(layer, kept) + (layer.gap + item.space_before if kept else 0)
        if used >= height:
            break
        block = _fit_item(item, slots, palette, width, height - used, SHRINK_STEPS[-1])
        if (block is None or block.lines) and used + _item_height(item, block) <= height:
            kept.append((item, block))
    return kept


def _fit_item(
    item: StackText | StackBar,
    slots: dict[str, str],
    palette: Palette,
    width: int,
    height: int,
    scale: float,
) -> TextBlock | None:
    if isinstance(item, StackBar):
        return None
    fit = item.fit()
    size = max(fit.min_size, round(fit.size * scale))
    return fit_text(
        palette.faces[item.font],
        _slot_text(item, slots),
        Fit(size, min(fit.min_size, size), fit.max_lines, fit.line_height),
        width,
        height,
    )


def _item_height(item: StackText | StackBar, block: TextBlock | None) -> int:
    return item.height if isinstance(item, StackBar) else (block.height if block else 0)


def _stack_height(layer: StackLayer, blocks: list[Stacked]) -> int:
    gaps = sum(layer.gap + item.space_before for item, _block in blocks[1:])
    return gaps + sum(_item_height(item, block) for item, block in blocks)


def _plan_stack(layer: StackLayer, slots: dict[str, str], palette: Palette) -> list[Item]:
    blocks = [(i, b) for i, b in _stack_blocks(layer, slots, palette) if b is None or b.lines]
    x, y, width, height = layer.box
    top = y + _offset(layer.valign, height - _stack_height(layer, blocks))
    items: list[Item] = []
    for index, (item, block) in enumerate(blocks):
        if index:
            top += layer.gap + item.space_before
        if isinstance(item, StackBar):
            room = width - item.width
            left = x + {"left": 0, "center": room // 2, "right": room}[item.align]
            items.append(Fill((left, top, item.width, item.height), palette.colours[item.colour]))
        elif block is not None:
            items += _lines(block, item, layer.box, top, palette)
        top += _item_height(item, block)
    return items


@lru_cache(maxsize=256)
def qr_matrix(url: str) -> tuple[tuple[int, ...], ...]:
    """Return the modules of an address's QR code, rows of 1 (dark) and 0 (light).

    Kept per process: a campaign's cards all lead to the same page.
    """
    return tuple(tuple(row) for row in qr_code(url).matrix)


def _plan_qr(layer: QrLayer, url: str, palette: Palette) -> QrCode:
    matrix = qr_matrix(url)
    side = min(layer.box[2], layer.box[3])
    scale = side // (len(matrix) + 2 * layer.border)
    if scale < 1:
        raise RenderError(_("the QR code box is too small for «{url}»").format(url=url))
    full = (len(matrix) + 2 * layer.border) * scale
    x = layer.box[0] + (layer.box[2] - full) // 2
    y = layer.box[1] + (layer.box[3] - full) // 2
    return QrCode(
        url,
        x,
        y,
        scale,
        layer.border,
        matrix,
        palette.colours[layer.dark],
        palette.colours[layer.light],
    )


def draw_card(plan: CardPlan, *, text: bool = True) -> Image.Image:
    """Draw a plan; without ``text`` only its shapes, to measure what text sits on."""
    image = Image.new("RGB", plan.size, plan.background)
    draw = ImageDraw.Draw(image)
    for item in plan.items:
        if isinstance(item, Fill):
            _draw_fill(image, item)
        elif isinstance(item, QrCode):
            _draw_qr(draw, item)
        elif text:
            x = float(item.x)
            for run, font in item.face.runs(item.text):
                draw.text((x, item.baseline), run, font=font, fill=item.colour, anchor="ls")
                x += font.getlength(run)
    return image


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
    image.paste(Image.new("RGB", (width, height), fill.colour), (x, y), mask)


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


def _draw_qr(draw: ImageDraw.ImageDraw, qr: QrCode) -> None:
    draw.rectangle((qr.x, qr.y, qr.x + qr.side - 1, qr.y + qr.side - 1), fill=qr.light)
    for row, modules in enumerate(qr.matrix):
        for column, dark in enumerate(modules):
            if dark:
                left = qr.x + (column + qr.border) * qr.scale
                top = qr.y + (row + qr.border) * qr.scale
                draw.rectangle((left, top, left + qr.scale - 1, top + qr.scale - 1), fill=qr.dark)


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

    Each exact colour takes over the palette entry nearest to it (when no other exact
    colour took it first): the pixels the quantizer grouped there are that colour.
    """
    reduced = image.quantize(colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
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
