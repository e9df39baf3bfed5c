"""WeasyPrint behind the print engine: theme fonts loaded once, theme files only.

Imported by ``engine.render_pdf`` when a PDF is laid out, not before.
"""

from __future__ import annotations

import ctypes.util
import importlib
import json
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

# The ABI ldconfig writes after a library's name, by machine and word size (as glibc's
# ldconfig prints it); a machine missing here lists its libraries as plain "libc6".
_LDCONFIG_ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


@cache
def _ldconfig_listing() -> bytes:
    """What ``ldconfig -p`` prints: every library in the dynamic linker's cache, read once
    (empty when there is no ldconfig)."""
    search = os.pathsep.join([os.environ.get("PATH", ""), "/sbin", "/usr/sbin"])
    program = shutil.which("ldconfig", path=search)
    if program is None:
        return b""
    try:
        return subprocess.run(
            [program, "-p"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={"LC_ALL": "C", "LANG": "C"},
            check=False,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return b""


def _listed_library(name: str) -> str | None:
    """Return the file name ldconfig lists for library ``name`` (``pango-1.0`` →
    ``libpango-1.0.so.0``) in this machine's ABI, or None."""
    abi = _LDCONFIG_ABI.get(f"{os.uname().machine}-{struct.calcsize('P') * 8}", "libc6")
    pattern = rb"\s(lib" + re.escape(name.encode()) + rb"\.[^\s]+)\s+\(" + re.escape(abi.encode())
    found = re.search(pattern, _ldconfig_listing())
    return os.fsdecode(found.group(1)) if found else None


@contextmanager
def _libraries_by_ldconfig() -> Iterator[None]:
    """Look shared libraries up in ldconfig's cache only, read once, while WeasyPrint loads.

    WeasyPrint tries up to six names for each library it needs (Pango, HarfBuzz,
    fontconfig…), most of them another platform's. cffi looks each name it cannot open
    up with ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` for every
    name and then, for a name ldconfig does not know, links an empty program with gcc
    and ld: about seventy processes and 0.2 CPU-s on every build that prints. Here the
    cache is read once and nothing is linked; elsewhere than Linux nothing changes.
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    usual = ctypes.util.find_library
    ctypes.util.find_library = _listed_library
    try:
        yield
    finally:
        ctypes.util.find_library = usual


def _load_weasyprint() -> None:
    try:
        with _libraries_by_ldconfig():
            importlib.import_module("weasyprint")
    except OSError:
        # A library ldconfig does not list (a private build on LD_LIBRARY_PATH): loaded
        # again from the start, the usual way, which finds it or says what is missing.
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[name]
        importlib.import_module("weasyprint")


_load_weasyprint()

from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse  # noqa: E402

from generator.errors import RenderError  # noqa: E402
from generator.i18n import _  # noqa: E402
from generator.model.theme import Theme  # noqa: E402

# WeasyPrint logs every CSS property it ignores; the theme's tests catch those.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


# WeasyPrint has no type information: its classes are Any to mypy.
class RefusedAddress(FatalURLFetchingError):  # type: ignore[misc]
    """A page asked for something that is not a file of its theme."""


class ThemeFilesOnly(URLFetcher):  # type: ignore[misc]
    """Fetch ``file:`` addresses inside the theme's folders and images written inline
    (``data:image/…``, a photo prepared for the page, a theme's motif); refuse the rest."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols=["file", "data"], fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:image/"):
            return super().fetch(url, headers)
        if not url.startswith("file:"):
            raise RefusedAddress(url)
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise RefusedAddress(url)
        return super().fetch(url, headers)


def font_faces_css(theme: Theme) -> str:
    """Return the ``@font-face`` rules of the theme's print fonts, by file address."""
    return "".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f"src: url({face.path.resolve().as_uri()}); }}\n"
        for face in theme.print.faces
    )


@cache
def _fonts(theme: Theme) -> tuple[FontConfiguration, CSS]:
    """Load the theme's fonts once per process: every page of a build shares them."""
    config = FontConfiguration()
    css = CSS(
        string=font_faces_css(theme),
        font_config=config,
        url_fetcher=ThemeFilesOnly(theme.folders),
    )
    return config, css


def forget_fonts() -> None:
    """Forget the fonts loaded by earlier builds of this process: a font file may have
    been replaced since (the live preview builds again in one process)."""
    _fonts.cache_clear()


def lay_out(html: str, theme: Theme, output: str) -> tuple[bytes, int]:
    """Lay out ``html`` with the theme's fonts; return the PDF and its number of pages."""
    config, fonts = _fonts(theme)
    fetcher = ThemeFilesOnly(theme.folders)
    try:
        document = HTML(string=html, base_url=str(theme.folders[0]), url_fetcher=fetcher).render(
            font_config=config, stylesheets=[fonts]
        )
        return document.write_pdf(), len(document.pages)
    except RefusedAddress as error:
        raise RenderError(
            _(
                "{output}: the template asks for «{address}»; only the theme's files may be used"
            ).format(output=output, address=error)
        ) from None
    except (FatalURLFetchingError, OSError, ValueError) as error:
        raise RenderError(f"{output}: {error}") from error


def warm_up(theme: Theme) -> None:
    """Lay out a line in each of the theme's print fonts, so that what WeasyPrint prepares
    on its first page is ready (``engine.load_print_engine``). A page that cannot be laid
    out is left to the real page to report."""
    style = "".join(
        f"p.f{n} {{ font-family: {json.dumps(face.family)}; font-weight: {face.weight} }}"
        for n, face in enumerate(theme.print.faces)
    )
    lines = "".join(f'<p class="f{n}">Ạ</p>' for n in range(len(theme.print.faces)))
    with suppress(RenderError):
        lay_out(f"<html><head><style>{style}</style></head><body>{lines}</body></html>", theme, "")
