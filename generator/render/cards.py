"""Cards: declarative layouts planned into lines and shapes, drawn with Pillow, saved as PNG.

A layout (``CardLayout``, read from theme YAML) is a canvas size, a background
and layers drawn in order: shapes, text boxes, stacks of text flowing down a
box, and a QR code. Planning (``plan_card``) decides where every line goes, so
tests can check the geometry; drawing (``draw_card``) only paints the plan.

Text never leaves its box: it is wrapped by measured width, shrunk step by step
down to the block's smallest size, and only then cut with "…"; lines are placed
by their ink, measured against the tallest Vietnamese stacks (Ỗ, Ặ) and the
deepest descenders, so marks are never clipped. Runs of Khmer text are set in
the theme's Khmer font (the Latin fonts have no Khmer glyphs, the Khmer font no
Latin ones) and shaped by libraqm when Pillow has it (``RAQM``); without it
Khmer is drawn unshaped, which is wrong for most words.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import segno
from PIL import Image, ImageDraw, ImageFont, features
from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag

from generator.errors import RenderError
from generator.i18n import _

RAQM = features.check("raqm")
LAYOUT_ENGINE = ImageFont.Layout.RAQM if RAQM else ImageFont.Layout.BASIC
SCRIPTS = {"khmer": re.compile("[\u1780-\u17ff\u19e0-\u19ff]")}
_PROBES = {"latin": ("ÁỖẶỮẬÉỆ", "gjpqyỵ"), "khmer": ("ស្ត្រីឡើងកៀ", "ក្ញុំស្ត្រ")}
_COENG = "\u17d2"
_JOINERS = "\u200b\u200c\u200d"
ELLIPSIS = "…"
_NUMBER = re.compile(r"^[+\-–]?\d[\d.,%]*$")
SUPERSAMPLE = 4
PNG_COMPRESS_LEVEL = 6
SHRINK_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]


@cache
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Open a font file at a pixel size, with complex shaping when available."""
    return ImageFont.truetype(path, size, layout_engine=LAYOUT_ENGINE)


@dataclass(frozen=True)
class Face:
    """One font at one size, with a font per script for runs the main font cannot show."""

    path: str
    size: int
    scripts: tuple[tuple[str, str], ...] = ()

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """Split ``text`` into runs of one font each; spaces, joiners and marks stay in theirs."""
        return [(run, load_font(path, self.size)) for run, path in _runs(self, text)]

    def _path_for(self, char: str) -> str:
        for script, path in self.scripts:
            if SCRIPTS[script].match(char):
                return path
        return self.path

    def length(self, text: str) -> float:
        """Return the advance width of ``text`` in pixels."""
        return _length(self, text)

    def ink(self, text: str) -> Box:
        """Return the ink box (left, top, right, bottom) of ``text`` drawn on a baseline at 0, 0."""
        return _ink(self, text)

    def extent(self, text: str) -> tuple[int, int]:
        """Return how far ink may reach above and below a baseline for lines like ``text``."""
        probes = list(_PROBES["latin"])
        for script, _path in self.scripts:
            if SCRIPTS[script].search(text):
                probes.extend(_PROBES[script])
        boxes = [self.ink(probe) for probe in probes]
        return -min(box[1] for box in boxes), max(box[3] for box in boxes)


@lru_cache(maxsize=65536)
def _runs(face: Face, text: str) -> tuple[tuple[str, str], ...]:
    runs: list[tuple[str, str]] = []
    for char in text:
        path = face._path_for(char)
        if runs and (char.isspace() or char in _JOINERS or _is_mark(char)):
            path = runs[-1][1]
        if runs and runs[-1][1] == path:
            runs[-1] = (runs[-1][0] + char, path)
        else:
            runs.append((char, path))
    return tuple(runs)


@lru_cache(maxsize=65536)
def _ink(face: Face, text: str) -> Box:
    left, top, right, bottom = 0, 0, 0, 0
    x = 0.0
    for index, (run, font) in enumerate(face.runs(text)):
        ink_left, t, r, b = font.getbbox(run, anchor="ls")
        left = min(left, math.floor(x + ink_left)) if index else math.floor(ink_left)
        top, bottom = min(top, int(t)), max(bottom, int(b))
        right = max(right, math.ceil(x + r))
        x += font.getlength(run)
    return left, top, right, bottom


@lru_cache(maxsize=65536)
def _length(face: Face, text: str) -> float:
    return sum(font.getlength(run) for run, font in face.runs(text))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def clusters(word: str) -> list[str]:
    """Split a word where a line may break inside it: never inside a letter and its marks."""
    parts: list[str] = []
    for char in word:
        joined = parts and (_is_mark(char) or char in _JOINERS or parts[-1].endswith(_COENG))
        if joined:
            parts[-1] += char
        else:
            parts.append(char)
    return parts


def _words(paragraph: str) -> list[tuple[str, str]]:
    """Return (word, what joins it to the previous word): a space, or nothing after a ZWSP.

    A number stays with the word after it ("12 tháng", "1900 9068").
    """
    words: list[tuple[str, str]] = []
    for chunk in paragraph.split():
        for index, part in enumerate(chunk.split("\u200b")):
            if not part:
                continue
            if index == 0 and words and _keep_together(words[-1][0], part):
                words[-1] = (f"{words[-1][0]} {part}", words[-1][1])
            else:
                words.append((part, " " if index == 0 else ""))
    return words


def _keep_together(previous: str, word: str) -> bool:
    """Keep a number with its unit, two capitalised words of a name ("Lào Cai"), and a lone
    mark such as "·" or "—" with the word before it."""
    if not any(char.isalnum() for char in word):
        return True
    if " " in previous:
        return False
    if _NUMBER.match(previous):
        return True
    return previous[:1].isupper() and word[:1].isupper() and previous[-1:].isalpha()


def _break_word(face: Face, word: str, width: float) -> list[str]:
    """Break a word too long for a line: after a slash if it is an address, else between letters."""
    pieces = [""]
    parts = re.findall(r"[^/ ]*[/ ]|[^/ ]+", word)
    for part in parts:
        if face.length(pieces[-1] + part) <= width:
            pieces[-1] += part
            continue
        for cluster in [part] if face.length(part) <= width else clusters(part):
            if pieces[-1] and face.length(pieces[-1] + cluster) > width:
                pieces.append(cluster)
            else:
                pieces[-1] += cluster
    return pieces


def wrap(face: Face, text: str, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; a newline always breaks."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word, joiner in _words(paragraph):
            candidate = current + joiner + word if current else word
            if face.length(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = [word] if face.length(word) <= width else _break_word(face, word, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        if current:
            lines.append(current)
    return lines


def balance(face: Face, text: str, width: float, count: int) -> list[str]:
    """Wrap into ``count`` lines of even length: the narrowest width that keeps the count."""
    low, high = width / 2, width
    if count < 2:
        return wrap(face, text, width)
    while high - low > 4:
        middle = (low + high) / 2
        if len(wrap(face, text, middle)) <= count:
            high = middle
        else:
            low = middle
    return wrap(face, text, high)


def ellipsize(face: Face, line: str, width: float) -> str:
    """Return ``line`` shortened until it fits ``width`` with a final "…"."""
    text = line.rstrip()
    while text and face.length(text.rstrip(" ,.;:–—-") + ELLIPSIS) > width:
        text = text.rsplit(" ", 1)[0] if " " in text else "".join(clusters(text)[:-1])
    return text.rstrip(" ,.;:–—-") + ELLIPSIS


@dataclass(frozen=True)
class TextBlock:
    """Lines set in one face; ``top``/``bottom``: ink above the first, below the last baseline."""

    face: Face
    lines: tuple[str, ...]
    pitch: int
    top: int
    bottom: int
    cut: bool = False

    @property
    def height(self) -> int:
        return self.top + self.pitch * (len(self.lines) - 1) + self.bottom if self.lines else 0


def set_block(face: Face, lines: list[str], line_height: float, cut: bool = False) -> TextBlock:
    """Measure ``lines`` set in ``face``: the probes and the lines' own ink bound each line."""
    top, bottom = face.extent(" ".join(lines))
    for line in lines:
        _l, t, _r, b = face.ink(line)
        top, bottom = max(top, -t), max(bottom, b)
    pitch = max(round(face.size * line_height), 1)
    return TextBlock(face, tuple(lines), pitch, top, bottom, cut)


@dataclass(frozen=True)
class Fit:
    """What a text block asks for: sizes to try, most lines, line spacing."""

    size: int
    min_size: int
    max_lines: int
    line_height: float
    step: int = 2


def fit_text(faces: FaceMaker, text: str, fit: Fit, width: int, height: int) -> TextBlock:
    """Set ``text`` at the largest size that fits the box, else at the smallest, cut with "…"."""
    sizes = list(range(fit.size, fit.min_size, -fit.step)) + [fit.min_size]
    for size in sizes:
        face = faces(size)
        lines = wrap(face, text, width)
        if len(lines) > fit.max_lines or not _inked_within(face, lines, width):
            continue
        if set_block(face, lines, fit.line_height).height <= height:
            even = balance(face, text, width, len(lines))
            return set_block(
                face, even if _inked_within(face, even, width) else lines, fit.line_height
            )
    face = faces(fit.min_size)
    lines = wrap(face, text, width)
    keep = min(fit.max_lines, len(lines))
    while keep and set_block(face, lines[:keep], fit.line_height).height > height:
        keep -= 1
    if keep == 0:
        return TextBlock(face, (), 1, 0, 0, cut=True)
    kept = lines[:keep]
    if keep < len(lines):
        kept[-1] = ellipsize(face, kept[-1], width)
    kept = [_trim_ink(face, line, width) for line in kept]
    return set_block(face, kept, fit.line_height, cut=kept != lines)


def _ink_width(face: Face, line: str) -> int:
    left, _top, right, _bottom = face.ink(line)
    return right - left


def _inked_within(face: Face, lines: list[str], width: int) -> bool:
    """Whether every line's ink, not only its advance, is narrow enough for the box."""
    return all(_ink_width(face, line) <= width for line in lines)


def _trim_ink(face: Face, line: str, width: int) -> str:
    """Cut a line whose ink (an overhanging last letter) is wider than its advance allows."""
    while line and _ink_width(face, line) > width:
        line = ellipsize(face, "".join(clusters(line.removesuffix(ELLIPSIS))[:-1]), width)
    return line


class FaceMaker:
    """A font family and weight, made into a ``Face`` at any size."""

    def __init__(self, path: Path, scripts: dict[str, Path]) -> None:
        self.path = str(path)
        self.scripts = tuple(sorted((name, str(p)) for name, p in scripts.items()))

    def __call__(self, size: int) -> Face:
        return Face(self.path, size, self.scripts)


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


Align = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom"]


def _check_box(box: Box) -> Box:
    if box[2] <= 0 or box[3] <= 0:
        raise ValueError("a box is [x, y, width, height] with a positive width and height")
    return box


LayoutBox = Annotated[tuple[int, int, int, int], AfterValidator(_check_box)]


class LayoutData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextStyle(LayoutData):
    """How a slot's text is set: font (``family-weight``), sizes to try, lines, colour."""

    slot: str
    font: str = "sans-regular"
    size: int = Field(gt=0)
    min_size: int | None = Field(default=None, gt=0)
    max_lines: int = Field(default=1, gt=0)
    line_height: float = Field(default=1.25, ge=1.0, le=3.0)
    colour: str
    align: Align = "left"
    uppercase: bool = False

    def fit(self) -> Fit:
        return Fit(
            self.size, min(self.min_size or self.size, self.size), self.max_lines, self.line_height
        )


class StackText(TextStyle):
    """A text block in a stack; ``optional`` ones are dropped first when space runs out."""

    type: Literal["text"] = "text"
    optional: bool = False
    space_before: int = 0


class StackBar(LayoutData):
    """A short accent bar in a stack."""

    type: Literal["bar"]
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    colour: str
    align: Align = "left"
    space_before: int = 0
    when: str | None = None


def _item_type(value: Any) -> str:
    found = value.get("type", "text") if isinstance(value, dict) else getattr(value, "type", "text")
    return str(found)


StackItem = Annotated[
    Annotated[StackText, Tag("text")] | Annotated[StackBar, Tag("bar")], Discriminator(_item_type)
]


class Shape(LayoutData):
    """A filled rectangle (rounded by ``radius``) or ellipse."""

    type: Literal["rect", "ellipse"]
    box: LayoutBox
    fill: str
    radius: int = Field(default=0, ge=0)
    when: str | None = None
    unless: str | None = None


class TextLayer(TextStyle):
    """A slot's text in a fixed box."""

    type: Literal["text"]
    box: LayoutBox
    valign: VAlign = "top"
    when: str | None = None
    unless: str | None = None


class StackLayer(LayoutData):
    """Text blocks and bars flowing down a box, each as tall as its text."""

    type: Literal["stack"]
    box: LayoutBox
    gap: int = Field(default=0, ge=0)
    valign: VAlign = "top"
    items: list[StackItem] = Field(min_length=1)
    when: str | None = None
    unless: str | None = None


class QrLayer(LayoutData):
    """A QR code of a slot (an address), as large as fits the box, with ``border`` light modules."""

    type: Literal["qr"]
    slot: str = "url"
    box: LayoutBox
    dark: str
    light: str
    border: int = Field(default=2, ge=1)
    when: str | None = None
    unless: str | None = None


Stacked = tuple[StackText | StackBar, TextBlock | None]
Layer = Annotated[Shape | TextLayer | StackLayer | QrLayer, Field(discriminator="type")]


class CardLayout(LayoutData):
    """A card: its size in pixels, background colour, byte limit and layers."""

    size: tuple[Annotated[int, Field(gt=0)], Annotated[int, Field(gt=0)]]
    background: str
    max_kb: int | None = Field(default=None, gt=0)
    layers: list[Layer] = Field(min_length=1)


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


def _plan_qr(layer: QrLayer, url: str, palette: Palette) -> QrCode:
    matrix = tuple(tuple(row) for row in segno.make_qr(url, error="m").matrix)
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


def _ellipse_mask(width: int, height: int) -> Image.Image:
    big = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
    ImageDraw.Draw(big).ellipse((0, 0, big.width - 1, big.height - 1), fill=255)
    return big.resize((width, height), Image.Resampling.BOX)


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


def encode_png(image: Image.Image, max_bytes: int | None = None) -> bytes:
    """Return PNG bytes without metadata; reduce to 256 colours when over ``max_bytes``."""
    data = _png(image)
    if max_bytes is not None and len(data) > max_bytes:
        data = _png(image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
    if max_bytes is not None and len(data) > max_bytes:
        raise RenderError(
            _("the card takes {size} bytes, over its limit of {limit}").format(
                size=len(data), limit=max_bytes
            )
        )
    return data


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def parse_colour(value: str) -> RGB:
    """Read ``#rrggbb``."""
    digits = value.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: RGB) -> float:
    """Return the WCAG relative luminance of a colour."""
    channels = [c / 255 for c in colour]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: RGB, second: RGB) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
