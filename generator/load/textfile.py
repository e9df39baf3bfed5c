"""Read a content file's text: a regular file within a size limit, UTF-8 or UTF-16.

Any other encoding (Windows-1258, TCVN3, VNI…) is one located problem with the steps
to save the file as UTF-8; a folder, a pipe or a device named like a content file is
reported, never read.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from generator.errors import Diagnostic
from generator.i18n import _, current_language
from generator.text.format import format_number

MAX_FILE_BYTES = 1_000_000


def number(value: int) -> str:
    """Write a whole number with the grouping of the language of messages: 1.000.000."""
    return format_number(value, current_language())


def file_problem(path: str, code: str, message: str) -> Diagnostic:
    """Return a problem of a whole file, placed at its line 1, column 1."""
    return Diagnostic(path, 1, 1, "error", code, message)


def read_text(file: Path, display_path: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a text file of at most ``MAX_FILE_BYTES`` as UTF-8, or say why it cannot be.

    Only a regular file is opened: a folder, a pipe or a device named like a content
    file is reported, never read (a pipe would wait for ever).
    """
    try:
        status = file.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        message = _("cannot read the file: {reason}").format(reason=error.strerror or error)
        return None, [file_problem(display_path, "unreadable", message)]
    if status is None or not stat.S_ISREG(status.st_mode):
        message = _(
            "this is not an ordinary file (a folder, a link to nothing or a pipe); remove it"
        )
        return None, [file_problem(display_path, "unreadable", message)]
    size = status.st_size
    if size > MAX_FILE_BYTES:
        message = _(
            "the file is {size} bytes, more than the limit of {limit} bytes; split it into "
            "smaller files"
        ).format(size=number(size), limit=number(MAX_FILE_BYTES))
        return None, [file_problem(display_path, "file-too-large", message)]
    try:
        data = file.read_bytes()
    except OSError as error:
        message = _("cannot read the file: {reason}").format(reason=error.strerror or error)
        return None, [file_problem(display_path, "unreadable", message)]
    return decode_text(data, display_path)


def _utf16_encoding(data: bytes) -> str | None:
    """Return the UTF-16 codec of ``data`` (Notepad's "Unicode"), or None if it is not UTF-16.

    Notepad writes a byte-order mark; without one, text with many zero bytes, all in
    odd places (or all in even places), is UTF-16 too: the high byte of every ASCII
    letter is zero, and UTF-8 text holds no zero byte at all.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    start = data[:400]
    if len(start) < 4 or len(data) % 2:
        return None
    even, odd = start[0::2].count(0), start[1::2].count(0)
    if even == 0 and odd * 4 > len(start):
        return "utf-16-le"
    if odd == 0 and even * 4 > len(start):
        return "utf-16-be"
    return None


def decode_text(data: bytes, display_path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16.

    Any other encoding (Windows-1258, TCVN3, VNI…) is reported at the line and column
    of its first byte that is not UTF-8, with the steps to save the file as UTF-8.
    """
    encoding = _utf16_encoding(data)
    try:
        if encoding is not None:
            return data.decode(encoding).removeprefix("\ufeff"), []
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        return None, [_encoding_problem(data, error, display_path)]


def read_source(file: Path) -> str:
    """Return the text of a file already loaded, decoded as it was (UTF-8 or UTF-16), or ""."""
    try:
        text, _problems = decode_text(file.read_bytes(), file.name)
    except OSError:
        return ""
    return text or ""


def _encoding_problem(data: bytes, error: UnicodeDecodeError, display_path: str) -> Diagnostic:
    start = error.start
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = data[start]
    seen = bytes([byte]).decode("cp1258", errors="replace")
    message = _(
        "the file is not saved as UTF-8: the byte 0x{byte:02X} here («{seen}» in "
        "Windows-1258) is not UTF-8 text. Save the file as UTF-8: in Notepad, File › "
        "Save As, Encoding «UTF-8», Save; in Word, File › Save As, type «Plain Text (*.txt)», "
        "then «Other encoding» › «Unicode (UTF-8)»; then retype any letters that look wrong"
    ).format(byte=byte, seen=seen)
    return Diagnostic(display_path, line, column, "error", "encoding", message)
