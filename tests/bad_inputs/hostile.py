"""Hostile inputs too big to commit: each writes its files into a copy of the mini project.

Shared by ``test_bad_inputs.py`` (which compares ``check``'s output with the case's
``expected.txt``) and ``bench/hostile_check.py`` (which measures time and memory).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

TESTIMONIAL = "content/testimonials/chi-a.yml"
PHOTO = "content/media/chi-a.jpg"
PAGE = "content/pages/gioi-thieu.md"
PROGRESS = "content/progress/thu-nghiem.csv"


def _write(project: Path, relative: str, text: str) -> None:
    (project / relative).write_text(text, encoding="utf-8")


def _replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, relative)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def deep_flow(project: Path) -> None:
    _write(project, TESTIMONIAL, "name: " + "[" * 100_000 + "\n")


def deep_block(project: Path) -> None:
    _write(project, TESTIMONIAL, "name:\n" + "- " * 2_000 + "x\n")


def alias_chain(project: Path) -> None:
    chain = "".join(f"  - &a{i} [*a{i - 1}]\n" for i in range(1, 1_000))
    _replace(project, TESTIMONIAL, "place: xã Thử\n", "place:\n  - &a0 x\n" + chain)


def alias_bomb(project: Path) -> None:
    lines = ["  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    _replace(project, TESTIMONIAL, "place: xã Thử\n", "place:\n" + "\n".join(lines) + "\n")


def yaml_5mb(project: Path) -> None:
    _write(project, TESTIMONIAL, "".join(f"unknown_{i}: {i}\n" for i in range(400_000)))


def unknown_keys_under_1mb(project: Path) -> None:
    keys = "".join(f"k{i}: {i}\n" for i in range(70_000))
    _replace(project, TESTIMONIAL, "place: xã Thử\n", "place: xã Thử\n" + keys)


def long_quote_900kb(project: Path) -> None:
    _replace(project, TESTIMONIAL, "vi: Tôi đã tham gia.", "vi: " + "Tôi đã tham gia. " * 40_000)


def quote_68mb(project: Path) -> None:
    """A quote of 68 MB, written in pieces (a 68 MB string would cost the tests memory)."""
    path = project / TESTIMONIAL
    before, after = path.read_text(encoding="utf-8").split("vi: Tôi đã tham gia.", 1)
    piece = "Tôi đã tham gia. " * 10_000  # 200,000 bytes
    with path.open("w", encoding="utf-8") as file:
        file.write(before + "vi: ")
        for _ in range(340):
            file.write(piece)
        file.write(after)


def long_integer(project: Path) -> None:
    _replace(project, "campaigns.yml", "value: 2921", "value: " + "9" * 5_000)


def page_5mb(project: Path) -> None:
    _write(project, PAGE, "# Giới thiệu\n\n" + "Trang thử. " * 500_000)


def page_backticks(project: Path) -> None:
    runs = " ".join("`" * n + "a" for n in range(1, 1_300))
    _write(project, PAGE, "# Giới thiệu\n\n" + runs + "\n" + "[x](" * 20_000 + "\n")


def page_not_utf8(project: Path) -> None:
    (project / PAGE).write_bytes("# Gi\xe9i thi\xea\n".encode("latin-1"))


def png_bomb(project: Path) -> None:
    Image.new("1", (30_000, 30_000)).save(project / PHOTO, format="PNG")


def png_48_megapixels(project: Path) -> None:
    Image.new("1", (8_000, 6_000)).save(project / PHOTO, format="PNG")


def photo_12000px(project: Path) -> None:
    """A small JPEG whose header says 12,000 × 12,000 pixels, as a decompression bomb does."""
    path = project / PHOTO
    data = bytearray(path.read_bytes())
    frame = next(
        i for i in range(2, len(data) - 9) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2)
    )
    data[frame + 5 : frame + 9] = (12_000).to_bytes(2, "big") * 2
    path.write_bytes(bytes(data))


def photo_21mb(project: Path) -> None:
    path = project / PHOTO
    path.write_bytes(path.read_bytes() + b"\0" * 21_000_000)


def truncated_jpeg(project: Path) -> None:
    path = project / PHOTO
    path.write_bytes(path.read_bytes()[:6_000])


def text_as_jpeg(project: Path) -> None:
    (project / PHOTO).write_text("Đây không phải ảnh.\n", encoding="utf-8")


def progress_link_outside(project: Path) -> None:
    (project / PROGRESS).parent.mkdir(parents=True, exist_ok=True)
    (project / PROGRESS).symlink_to("/etc/hostname")


def contacts_link_outside(project: Path) -> None:
    (project / "content/contacts.yml").symlink_to("/etc/hostname")


def workbook_damaged(project: Path) -> None:
    import openpyxl

    path = (project / PROGRESS).with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    book.active.append(["Ngày", "Đơn vị", "Số người"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet][: len(parts[sheet]) // 2]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def workbook_far_cell(project: Path) -> None:
    import openpyxl

    path = (project / PROGRESS).with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    book.active.append(["Ngày", "Đơn vị", "Số người"])
    book.active.append(["15/05/2021", "Xã A", 12])
    book.active.cell(row=1_048_576, column=50, value="x")
    book.save(path)


def csv_empty_lines(project: Path) -> None:
    (project / PROGRESS).parent.mkdir(parents=True, exist_ok=True)
    rows = "Ngày,Đơn vị,Số người\r\n15/05/2021,Xã A,12\r\n" + ",,\r\n" * 240_000
    (project / PROGRESS).write_text(rows, encoding="utf-8")


HOSTILE: dict[str, Callable[[Path], None]] = {
    f"hostile-{name.replace('_', '-')}": build
    for name, build in {
        "deep_flow": deep_flow,
        "deep_block": deep_block,
        "alias_chain": alias_chain,
        "alias_bomb": alias_bomb,
        "yaml_5mb": yaml_5mb,
        "unknown_keys_under_1mb": unknown_keys_under_1mb,
        "long_quote_900kb": long_quote_900kb,
        "quote_68mb": quote_68mb,
        "long_integer": long_integer,
        "page_5mb": page_5mb,
        "page_backticks": page_backticks,
        "page_not_utf8": page_not_utf8,
        "png_bomb": png_bomb,
        "png_48_megapixels": png_48_megapixels,
        "photo_12000px": photo_12000px,
        "photo_21mb": photo_21mb,
        "truncated_jpeg": truncated_jpeg,
        "text_as_jpeg": text_as_jpeg,
        "progress_link_outside": progress_link_outside,
        "contacts_link_outside": contacts_link_outside,
        "workbook_damaged": workbook_damaged,
        "workbook_far_cell": workbook_far_cell,
        "csv_empty_lines": csv_empty_lines,
    }.items()
}
