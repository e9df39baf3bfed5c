"""Just enough of TrueType to set text in a PDF: glyph lookup, advance widths, subsets.

Only fonts with TrueType outlines (a ``glyf`` table, as the Noto fonts of the
theme) are read. A subset keeps every glyph number, so text can be written as
glyph numbers with PDF's Identity encoding; glyphs not used are left empty.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import RenderError

_KEEP = (b"OS/2", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep")
_MORE_COMPONENTS, _WORDS, _SCALE, _XY_SCALE, _TWO_BY_TWO = 0x20, 0x1, 0x8, 0x40, 0x80


@dataclass(frozen=True)
class TrueTypeFont:
    """A parsed TrueType font file."""

    name: str
    data: bytes
    tables: dict[bytes, tuple[int, int]]
    units_per_em: int
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    cmap: dict[int, int]
    advances: tuple[int, ...]

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def glyph(self, char: str) -> int:
        """Return the glyph number of a character (0, the missing glyph, if none)."""
        return self.cmap.get(ord(char), 0)

    def width(self, text: str, size: float) -> float:
        """Return the advance width of ``text`` at ``size`` points."""
        units = sum(self.advances[self.glyph(char)] for char in text)
        return units * size / self.units_per_em


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">H", data, offset)[0])


def _i16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">h", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">I", data, offset)[0])


def _cmap_format4(data: bytes, start: int) -> dict[int, int]:
    segments = _u16(data, start + 6) // 2
    ends, starts = start + 14, start + 16 + segments * 2
    deltas, ranges = starts + segments * 2, starts + segments * 4
    found: dict[int, int] = {}
    for i in range(segments):
        first, last = _u16(data, starts + 2 * i), _u16(data, ends + 2 * i)
        delta, range_offset = _u16(data, deltas + 2 * i), _u16(data, ranges + 2 * i)
        for code in range(first, min(last, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = _u16(data, ranges + 2 * i + range_offset + 2 * (code - first))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                found[code] = glyph
    return found


def _cmap_format12(data: bytes, start: int) -> dict[int, int]:
    found: dict[int, int] = {}
    for i in range(_u32(data, start + 12)):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
        for code in range(first, last + 1):
            found[code] = glyph + code - first
    return found


def _read_cmap(table: bytes) -> dict[int, int]:
    subtables = {}
    for i in range(_u16(table, 2)):
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * i)
        subtables[(platform, encoding, _u16(table, offset))] = offset
    for key, reader in (
        ((3, 10, 12), _cmap_format12),
        ((0, 4, 12), _cmap_format12),
        ((3, 1, 4), _cmap_format4),
        ((0, 3, 4), _cmap_format4),
    ):
        if key in subtables:
            return reader(table, subtables[key])
    raise RenderError("the font has no Unicode character map")


def _read_name(table: bytes) -> str:
    count, strings = _u16(table, 2), _u16(table, 4)
    for i in range(count):
        platform, _encoding, _language, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", table, 6 + 12 * i
        )
        if name_id == 6 and platform in (0, 3):
            raw = table[strings + offset : strings + offset + length]
            return raw.decode("utf-16-be")
    return "Font"


@lru_cache(maxsize=8)
def load_font(path: Path) -> TrueTypeFont:
    """Read a TrueType font file."""
    data = path.read_bytes()
    tables = {}
    for i in range(_u16(data, 4)):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = (offset, length)
    if b"glyf" not in tables:
        raise RenderError(f"{path.name}: only fonts with TrueType outlines can be embedded")

    def table(tag: bytes) -> bytes:
        return data[tables[tag][0] : tables[tag][0] + tables[tag][1]]

    head, hhea, maxp, hmtx = table(b"head"), table(b"hhea"), table(b"maxp"), table(b"hmtx")
    glyphs, metrics = _u16(maxp, 4), _u16(hhea, 34)
    advances = [_u16(hmtx, 4 * i) for i in range(metrics)]
    advances += [advances[-1]] * (glyphs - metrics)
    os2 = table(b"OS/2") if b"OS/2" in tables else b""
    ascent = _i16(hhea, 4)
    return TrueTypeFont(
        name=_read_name(table(b"name")),
        data=data,
        tables=tables,
        units_per_em=_u16(head, 18),
        ascent=ascent,
        descent=_i16(hhea, 6),
        cap_height=_i16(os2, 88) if len(os2) >= 90 else round(ascent * 0.7),
        bbox=(_i16(head, 36), _i16(head, 38), _i16(head, 40), _i16(head, 42)),
        cmap=_read_cmap(table(b"cmap")),
        advances=tuple(advances),
    )


def _glyph_offsets(font: TrueTypeFont) -> list[int]:
    loca, long_format = font.table(b"loca"), _i16(font.table(b"head"), 50) == 1
    count = len(font.advances) + 1
    if long_format:
        return [_u32(loca, 4 * i) for i in range(count)]
    return [2 * _u16(loca, 2 * i) for i in range(count)]


def _components(glyph: bytes) -> list[int]:
    """Return the glyphs a composite glyph is built from."""
    if len(glyph) < 10 or _i16(glyph, 0) >= 0:
        return []
    found, position, flags = [], 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, index = _u16(glyph, position), _u16(glyph, position + 2)
        found.append(index)
        position += 4 + (4 if flags & _WORDS else 2)
        if flags & _SCALE:
            position += 2
        elif flags & _XY_SCALE:
            position += 4
        elif flags & _TWO_BY_TWO:
            position += 8
    return found


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def subset_font(font: TrueTypeFont, used: set[int]) -> bytes:
    """Return the font with only ``used`` glyphs (and their components) left in it."""
    offsets, glyf = _glyph_offsets(font), font.table(b"glyf")
    keep, pending = set(), {0, *used}
    while pending:
        index = pending.pop()
        if index not in keep and index < len(font.advances):
            keep.add(index)
            pending.update(_components(glyf[offsets[index] : offsets[index + 1]]))
    new_glyf, new_loca = bytearray(), []
    for index in range(len(font.advances)):
        new_loca.append(len(new_glyf))
        if index in keep:
            new_glyf += glyf[offsets[index] : offsets[index + 1]]
            new_glyf += b"\0" * (-len(new_glyf) % 4)
    new_loca.append(len(new_glyf))
    head = bytearray(font.table(b"head"))
    head[8:12] = b"\0\0\0\0"
    head[50:52] = struct.pack(">h", 1)
    tables = {tag: font.table(tag) for tag in _KEEP if tag in font.tables}
    tables.update(
        {
            b"glyf": bytes(new_glyf),
            b"head": bytes(head),
            b"loca": struct.pack(f">{len(new_loca)}I", *new_loca),
        }
    )
    return _assemble(tables)


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)
    header = struct.pack(
        ">IHHHH",
        0x00010000,
        len(tags),
        power * 16,
        power.bit_length() - 1,
        len(tags) * 16 - power * 16,
    )
    offset = 12 + 16 * len(tags)
    directory, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    before_head = tags[: tags.index(b"head")]
    head_offset = offset + sum(len(tables[t]) + (-len(tables[t]) % 4) for t in before_head)
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    font[head_offset + 8 : head_offset + 12] = struct.pack(">I", adjustment)
    return bytes(font)
