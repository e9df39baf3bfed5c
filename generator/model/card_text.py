"""What a card can show of a text: the characters its fonts draw, and how long a title fits.

Cards are drawn with the theme's own font files (``FontFace``), so a character none
of them has (an emoji, a symbol) is drawn as an empty box. A title is fitted into its
box by ``generator.text.typeset.fit_text`` (smaller sizes first, then cut with "…");
``title_cut`` measures the same way, so ``check`` can say how many characters to cut
before a card ever shows the "…".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from generator.model.cards import CardLayout, StackBar, StackLayer, StackText, TextLayer
from generator.model.theme import FontFace
from generator.text import typeset
from generator.text.typeset import SCRIPTS, SHRINK_STEPS, FaceMaker, Fit, fit_text

# Characters never drawn as glyphs: line breaks, joiners, variation selectors.
_INVISIBLE = frozenset("\n\r\t\u200b\u200c\u200d\u2060\ufe0e\ufe0f")


@cache
def font_characters(path: Path) -> frozenset[int]:
    """Return the code points the font file at ``path`` has a glyph for (its cmap)."""
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _drawn(char: str, main: Path, scripts: tuple[tuple[str, Path], ...]) -> bool:
    """Say whether a face (its main font file, its fallbacks by script) draws ``char``."""
    fallbacks = dict(scripts)
    for script, pattern in SCRIPTS.items():
        if pattern.match(char) and script in fallbacks:
            return ord(char) in font_characters(fallbacks[script])
    return ord(char) in font_characters(main)


Drawers = tuple[tuple[Path, tuple[tuple[str, Path], ...]], ...]


@cache
def _verdicts(drawers: Drawers) -> dict[str, bool]:
    """Whether every one of ``drawers`` draws a character, by character, filled as asked."""
    return {}


def forget_fonts() -> None:
    """Forget the fonts' characters and every measure made with a font (``typeset``)."""
    for kept in (font_characters, _drawn, _verdicts):
        kept.cache_clear()
    typeset.forget_fonts()


def undrawable(text: str, faces: list[FontFace]) -> list[tuple[int, str]]:
    """Return (index, character) for each character of ``text`` some card face cannot draw.

    ``text`` is read in NFC, as the model keeps it; each character is reported once.
    """
    normal = unicodedata.normalize("NFC", text)
    drawers = tuple((face.main, tuple(sorted(face.scripts.items()))) for face in faces)
    # A project's texts share a few hundred characters: each is looked up once per faces.
    known = _verdicts(drawers)
    missing = []
    for char in set(normal) - _INVISIBLE - {" "}:
        drawn = known.get(char)
        if drawn is None:
            drawn = known[char] = all(_drawn(char, *drawer) for drawer in drawers)
        if not drawn:
            missing.append(char)
    return sorted((normal.index(char), char) for char in missing)


@dataclass(frozen=True)
class TitleBox:
    """Where a card sets a slot: its style, its box width, and the height left for it."""

    style: TextLayer | StackText
    width: int
    height: int


def _stack_room(layer: StackLayer, slot: str, faces: dict[str, FaceMaker]) -> TitleBox | None:
    """The room a stack leaves ``slot`` after the required items above it, set at their
    smallest (as the stack does when its items do not fit together)."""
    width, height = layer.box[2], layer.box[3]
    used = 0
    for index, item in enumerate(layer.items):
        gap = layer.gap + item.space_before if index else 0
        if isinstance(item, StackText) and item.slot == slot:
            return TitleBox(item, width, height - used - gap)
        if isinstance(item, StackBar):
            used += gap + item.height
        elif not item.optional:
            fit = item.fit()
            size = max(fit.min_size, round(fit.size * SHRINK_STEPS[-1]))
            small = Fit(size, min(fit.min_size, size), 1, fit.line_height)
            used += gap + fit_text(faces[item.font], "Ag", small, width, height).height
    return None


def title_boxes(
    layout: CardLayout, slot: str, faces: dict[str, FaceMaker], empty: frozenset[str] = frozenset()
) -> list[TitleBox]:
    """Return every place ``layout`` sets ``slot``, with the room it has there.

    ``empty`` names the slots that have no text (``figure`` for a campaign without
    figures): layers shown only ``when`` one of them has text are left out, and so are
    layers shown ``unless`` a slot not in ``empty`` has text.
    """
    boxes: list[TitleBox] = []
    for layer in layout.layers:
        if isinstance(layer, (TextLayer, StackLayer)) and (
            (layer.when and layer.when in empty) or (layer.unless and layer.unless not in empty)
        ):
            continue
        if isinstance(layer, TextLayer) and layer.slot == slot:
            boxes.append(TitleBox(layer, layer.box[2], layer.box[3]))
        elif isinstance(layer, StackLayer):
            room = _stack_room(layer, slot, faces)
            if room is not None:
                boxes.append(room)
    return boxes


def _is_cut(box: TitleBox, text: str, faces: dict[str, FaceMaker]) -> bool:
    shown = text.upper() if box.style.uppercase else text
    block = fit_text(faces[box.style.font], shown, box.style.fit(), box.width, box.height)
    return block.cut or not block.lines


def title_cut(box: TitleBox, text: str, faces: dict[str, FaceMaker]) -> int:
    """Return how many characters to cut from the end of ``text`` so it fits uncut (0: fits).

    The longest fitting beginning of whole words is found by bisection.
    """
    if not _is_cut(box, text, faces):
        return 0
    words = text.split(" ")
    low, high = 0, len(words) - 1  # ``low`` words fit (none at worst), ``high + 1`` do not
    while low < high:
        middle = (low + high + 1) // 2
        if _is_cut(box, " ".join(words[:middle]), faces):
            high = middle - 1
        else:
            low = middle
    return len(text) - len(" ".join(words[:low]))
