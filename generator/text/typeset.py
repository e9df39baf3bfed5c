"""Typesetting for cards: fonts by script, measured wrapping, fitting text into a box.

Text never leaves its box: it is wrapped by measured width, shrunk step by step
down to the block's smallest size, and only then cut with "…"; lines are placed
by their ink, measured against the tallest Vietnamese stacks (Ỗ, Ặ) and the
deepest descenders, so marks are never clipped. Runs of Khmer text are set in
the theme's Khmer font (the Latin fonts have no Khmer glyphs, the Khmer font no
Latin ones) and shaped by libraqm when Pillow has it (``RAQM``); without it
Khmer is drawn unshaped, which is wrong for most words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont, features

RAQM = features.check("raqm")
LAYOUT_ENGINE = ImageFont.Layout.RAQM if RAQM else ImageFont.Layout.BASIC
SCRIPTS = {"khmer": re.compile("[\u1780-\u17ff\u19e0-\u19ff]")}
_PROBES = {"latin": ("ÁỖẶỮẬÉỆ", "gjpqyỵ"), "khmer": ("ស្ត្រីឡើងកៀ", "ក្ញុំស្ត្រ")}
_COENG = "\u17d2"
_JOINERS = "\u200b\u200c\u200d"
ELLIPSIS = "…"
_NUMBER = re.compile(r"^[+\-–]?\d[\d.,%]*$")
SHRINK_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]


@cache
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Open a font file at a pixel size, with complex shaping when available."""
    return ImageFont.truetype(path, size, layout_engine=LAYOUT_ENGINE)


def forget_fonts() -> None:
    """Forget every font opened and every measure made with one.

    Fonts and measures are kept by file path for the life of a process; a process
    that builds again (the live preview) calls this first, for a font file may have
    been replaced since.
    """
    for kept in (load_font, _runs, _ink, _length, _measured_words, _fit_text):
        kept.cache_clear()


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
    if not any(SCRIPTS[script].search(text) for script, _path in face.scripts):
        return ((text, face.path),) if text else ()
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


@lru_cache(maxsize=4096)
def _words(paragraph: str) -> tuple[tuple[str, str], ...]:
    """Return (word, what joins it to the previous word): a space, or nothing after a ZWSP.

    A number stays with the word after it ("12 tháng", "1900 9068"). Kept per process
    by paragraph: fitting wraps the same text at many sizes and widths.
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
    return tuple(words)


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
    """Break ``text`` into lines no wider than ``width``; a newline always breaks.

    A line's width is taken as the sum of its words' and spaces' widths, each word
    measured once; a line whose sum is within ``_slack`` of the edge is measured whole.
    The sum is exact when nothing is kerned or shaped across a space, as in the theme's
    fonts; ``fit_text`` still measures the ink of every line it sets.
    """
    lines: list[str] = []
    space, slack = face.length(" "), _slack(face)
    for paragraph in text.split("\n"):
        current, length = "", 0.0
        for word, joiner, word_length in _measured_words(face, paragraph):
            if current:
                candidate = current + joiner + word
                estimate = length + (space if joiner else 0.0) + word_length
                if estimate <= width - slack or (
                    estimate <= width + slack and face.length(candidate) <= width
                ):
                    current, length = candidate, estimate
                    continue
                lines.append(current)
            pieces = [word] if word_length <= width else _break_word(face, word, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
            length = face.length(current)
        if current:
            lines.append(current)
    return lines


@lru_cache(maxsize=4096)
def _measured_words(face: Face, paragraph: str) -> tuple[tuple[str, str, float], ...]:
    """``_words`` of a paragraph with each word's width in ``face``.

    Kept per process by face and paragraph: ``balance`` wraps the same text at many widths.
    """
    return tuple((word, joiner, face.length(word)) for word, joiner in _words(paragraph))


def _slack(face: Face) -> float:
    """How far a sum of word widths may be from the width of the words set together."""
    return 1 + face.size * 0.1


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
    """Set ``text`` at the largest size that fits the box, else at the smallest, cut with "…".

    Sizes go from ``fit.size`` down by ``fit.step`` to ``fit.min_size``. The largest size
    whose lines are few and low enough is found by halving (a smaller size never needs
    more room); from there down, the first size at which each line's ink fits is taken.
    """
    return _fit_text(faces, text, fit, width, height)


@lru_cache(maxsize=4096)
def _fit_text(faces: FaceMaker, text: str, fit: Fit, width: int, height: int) -> TextBlock:
    """``fit_text``, kept per process by everything its result depends on.

    A campaign's cards fit the same brand, labels and footer again, and a stack tries
    its texts at several scales. Faces compare by font path, and a font file is opened
    once per process (``load_font``), so a path stands for the same glyphs.
    """
    sizes = [*range(fit.size, fit.min_size, -fit.step), fit.min_size]

    def few_and_low(index: int) -> bool:
        face = faces(sizes[index])
        return _few_and_low(face, text, wrap(face, text, width), fit, height)

    for size in sizes[_first_fitting(len(sizes), few_and_low) :]:
        block = _set_whole(faces(size), text, fit, width, height)
        if block is not None:
            return block
    return _cut_to_fit(faces(fit.min_size), text, fit, width, height)


def _first_fitting(count: int, fits: Callable[[int], bool]) -> int:
    """Return the index of the first of ``count`` candidates that fits, ``count`` if none.

    The first is tried, then the last, then halves between them: candidates after one
    that fits are taken to fit too, as text set smaller needs no more room.
    """
    if fits(0):
        return 0
    low, high = 0, count - 1
    if high == 0 or not fits(high):
        return count
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if fits(middle) else (middle, high)
    return high


def _few_and_low(face: Face, text: str, lines: list[str], fit: Fit, height: int) -> bool:
    """Whether ``lines`` are few enough, and low enough with the tallest marks, for the box.

    What fitting needs short of measuring each line's ink, which only adds to the height.
    """
    above, below = face.extent(text)
    pitch = max(round(face.size * fit.line_height), 1)
    return len(lines) <= fit.max_lines and above + pitch * (len(lines) - 1) + below <= height


def _set_whole(face: Face, text: str, fit: Fit, width: int, height: int) -> TextBlock | None:
    """Set all of ``text`` in ``face``, in lines of even length if they fit, or None.

    Lines as wrapped are kept when the even ones would not fit.
    """
    lines = wrap(face, text, width)
    if not _few_and_low(face, text, lines, fit, height):
        return None
    for candidate in (balance(face, text, width, len(lines)), lines):
        if _inked_within(face, candidate, width):
            block = set_block(face, candidate, fit.line_height)
            if block.height <= height:
                return block
    return None


def _cut_to_fit(face: Face, text: str, fit: Fit, width: int, height: int) -> TextBlock:
    """Set the lines of ``text`` that fit the box, the last one cut with "…"."""
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

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FaceMaker) and (self.path, self.scripts) == (
            other.path,
            other.scripts,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.scripts))
