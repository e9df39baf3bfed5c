"""Plan a card: where every line of text, shape and QR code of a layout goes.

``plan_card`` places the layers of a ``CardLayout`` (read from theme YAML) in drawing
order, fitting each text into its box (``generator.text.typeset``) and each stack of
texts into its own; the plan is geometry only, so tests can check it, and
``generator.render.social.cards`` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.errors import RenderError
from generator.i18n import _
from generator.model.cards import (
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
