"""A small PDF writer for text documents: paragraphs in styles, TrueType fonts embedded.

Text stays text (selectable, searchable, copyable: each font carries a
ToUnicode map). Fonts are subset and written as CID fonts with Identity
encoding, so every Vietnamese letter (ệ, ữ, ỗ...) is one glyph of the font.
Nothing depends on the clock: the same blocks give the same bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.print.truetype import TrueTypeFont, load_font, subset_font


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph is set: which font, size and leading, colour and spacing (points)."""

    font: str
    size: float
    leading: float = 1.3
    color: str = "#000000"
    space_before: float = 0.0
    indent: float = 0.0


@dataclass(frozen=True)
class Block:
    """A paragraph in a named style; a heading keeps with the paragraph after it."""

    style: str
    text: str
    keep_with_next: bool = False


@dataclass(frozen=True)
class PageLayout:
    width: float
    height: float
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    styles: Mapping[str, TextStyle]


@dataclass
class _Line:
    style: TextStyle
    text: str
    y: float


@dataclass
class _Fonts:
    files: Mapping[str, TrueTypeFont]
    used: dict[str, set[int]] = field(default_factory=dict)

    def encode(self, name: str, text: str) -> str:
        font = self.files[name]
        glyphs = [font.glyph(char) for char in text]
        self.used.setdefault(name, set()).update(glyphs)
        return "".join(f"{glyph:04X}" for glyph in glyphs)


def wrap(text: str, font: TrueTypeFont, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; explicit line breaks are kept."""
    space = font.width(" ", size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0.0
        for word in paragraph.split():
            needed = font.width(word, size)
            if current and used + space + needed > width:
                lines.append(current)
                current, used = word, needed
            else:
                current, used = (
                    (f"{current} {word}", used + space + needed) if current else (word, needed)
                )
        lines.append(current)
    return lines


def _paginate(
    blocks: Sequence[Block], layout: PageLayout, fonts: Mapping[str, TrueTypeFont]
) -> list[list[_Line]]:
    top, right, bottom, left = layout.margins
    pages: list[list[_Line]] = [[]]
    y = layout.height - top
    for index, block in enumerate(blocks):
        style = layout.styles[block.style]
        width = layout.width - left - right - style.indent
        lines = wrap(block.text, fonts[style.font], style.size, width)
        step = style.size * style.leading
        needed = style.space_before + step * (1 if block.keep_with_next else min(len(lines), 2))
        if block.keep_with_next and index + 1 < len(blocks):
            after = layout.styles[blocks[index + 1].style]
            needed += after.space_before + after.size * after.leading * 2
        if pages[-1] and y - needed < bottom:
            pages.append([])
            y = layout.height - top
        elif pages[-1]:
            y -= style.space_before
        for line in lines:
            if y - step < bottom:
                pages.append([])
                y = layout.height - top
            y -= step
            pages[-1].append(_Line(style, line, y + (step - style.size) / 2))
    return pages


def _rgb(color: str) -> str:
    value = color.lstrip("#")
    return " ".join(f"{int(value[i : i + 2], 16) / 255:.3f}" for i in (0, 2, 4))


def _content(
    lines: Sequence[_Line], layout: PageLayout, fonts: _Fonts, names: Mapping[str, str]
) -> bytes:
    left = layout.margins[3]
    ops = []
    for line in lines:
        if not line.text:
            continue
        hex_text = fonts.encode(line.style.font, line.text)
        style = line.style
        ops.append(
            f"BT /{names[style.font]} {style.size:g} Tf {_rgb(style.color)} rg "
            f"1 0 0 1 {left + style.indent:.2f} {line.y:.2f} Tm <{hex_text}> Tj ET"
        )
    return "\n".join(ops).encode("ascii")


class _Writer:
    """Numbered PDF objects, written in order with a cross-reference table."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, number: int, body: bytes | str) -> int:
        self.objects[number - 1] = body.encode("latin-1") if isinstance(body, str) else body
        return number

    def add(self, body: bytes | str) -> int:
        return self.set(self.reserve(), body)

    def stream(self, data: bytes, extra: str = "") -> int:
        packed = zlib.compress(data, 9)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
        return self.add(head + packed + b"\nendstream")

    def finish(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        digest = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest()
        out += (
            f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R "
            f"/ID [<{digest}> <{digest}>] >>\nstartxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _pdf_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _to_unicode(font: TrueTypeFont, glyphs: set[int]) -> bytes:
    reverse: dict[int, int] = {}
    for code, glyph in sorted(font.cmap.items(), reverse=True):
        if glyph in glyphs:
            reverse[glyph] = code
    pairs = [
        f"<{g:04X}> <{chr(c).encode('utf-16-be').hex().upper()}>"
        for g, c in sorted(reverse.items())
    ]
    chunks = [pairs[i : i + 100] for i in range(0, len(pairs), 100)]
    body = "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n" for c in chunks)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + body
        + "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")


def _embed_font(writer: _Writer, font: TrueTypeFont, glyphs: set[int]) -> int:
    scale = 1000 / font.units_per_em
    tag = "".join(
        chr(65 + b % 26) for b in hashlib.sha256(repr(sorted(glyphs)).encode()).digest()[:6]
    )
    name = f"{tag}+{font.name}"
    file = writer.stream(subset_font(font, glyphs))
    bbox = " ".join(str(round(v * scale)) for v in font.bbox)
    descriptor = writer.add(
        f"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{bbox}] "
        f"/ItalicAngle 0 /Ascent {round(font.ascent * scale)} "
        f"/Descent {round(font.descent * scale)} "
        f"/CapHeight {round(font.cap_height * scale)} /StemV 80 /FontFile2 {file} 0 R >>"
    )
    widths = " ".join(f"{g} [{round(font.advances[g] * scale)}]" for g in sorted(glyphs))
    cid = writer.add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/FontDescriptor {descriptor} 0 R /W [{widths}] /CIDToGIDMap /Identity >>"
    )
    unicode_map = writer.stream(_to_unicode(font, glyphs))
    return writer.add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
        f"/DescendantFonts [{cid} 0 R] /ToUnicode {unicode_map} 0 R >>"
    )


def render_pdf(
    blocks: Sequence[Block],
    layout: PageLayout,
    font_files: Mapping[str, Path],
    title: str,
    footer: str = "",
    footer_style: str = "footer",
) -> bytes:
    """Set ``blocks`` on pages and return the PDF; the footer gets «page/pages» added."""
    files = {name: load_font(path) for name, path in font_files.items()}
    pages = _paginate(blocks, layout, files)
    style = layout.styles[footer_style]
    for number, lines in enumerate(pages, start=1):
        lines.append(
            _Line(style, f"{footer} · {number}/{len(pages)}".strip(" ·"), layout.margins[2] / 2)
        )
    fonts = _Fonts(files)
    names = {name: f"F{index}" for index, name in enumerate(sorted(files), start=1)}
    writer = _Writer()
    catalog, tree = writer.reserve(), writer.reserve()
    contents = [writer.stream(_content(lines, layout, fonts, names)) for lines in pages]
    resources = " ".join(
        f"/{names[name]} {_embed_font(writer, files[name], glyphs)} 0 R"
        for name, glyphs in sorted(fonts.used.items())
    )
    kids = [
        writer.add(
            f"<< /Type /Page /Parent {tree} 0 R /Contents {content} 0 R "
            f"/MediaBox [0 0 {layout.width:g} {layout.height:g}] "
            f"/Resources << /Font << {resources} >> >> >>"
        )
        for content in contents
    ]
    writer.set(
        tree, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    )
    writer.set(catalog, f"<< /Type /Catalog /Pages {tree} 0 R /Lang (vi) >>")
    info = writer.add(f"<< /Title {_pdf_text(title)} /Producer (An Sinh) >>")
    return writer.finish(catalog, info)
