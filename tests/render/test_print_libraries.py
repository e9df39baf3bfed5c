"""Loading the print engine asks ldconfig for its libraries, never a compiler.

WeasyPrint tries several names for each library; through ``ctypes.util.find_library``
every name ldconfig does not list would link an empty program with gcc and ld. A fake
gcc, cc and ld first on PATH write down each call: loading WeasyPrint the usual way
calls them (so the check can fail), loading it through An Sinh does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ldconfig and gcc are Linux's"
)


def calls_while_loading(module: str, tmp_path: Path) -> list[str]:
    """Import ``module`` in a new Python with a fake compiler and linker first on PATH;
    return the commands they were called as."""
    fakes, log = tmp_path / "bin", tmp_path / "calls.log"
    fakes.mkdir(exist_ok=True)
    log.write_text("", "utf-8")
    for tool in ("gcc", "cc", "ld"):
        fake = fakes / tool
        fake.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\nexit 1\n', "utf-8")
        fake.chmod(0o755)
    environment = {**os.environ, "PATH": f"{fakes}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(
        [sys.executable, "-c", f"import {module}"], env=environment, check=True, timeout=120
    )
    return log.read_text("utf-8").splitlines()


def test_weasyprint_alone_calls_the_compiler(tmp_path: Path) -> None:
    assert calls_while_loading("weasyprint", tmp_path)


def test_the_print_engine_loads_without_calling_the_compiler(tmp_path: Path) -> None:
    assert calls_while_loading("generator.render.print.weasy", tmp_path) == []


def test_the_print_engine_loads_when_ldconfig_lists_nothing(tmp_path: Path) -> None:
    # A system whose libraries ldconfig does not know (a private build): WeasyPrint still
    # finds them by their other names, or the usual lookup is taken after all.
    program = (
        "import ctypes.util\n"
        "ctypes.util._findSoname_ldconfig = lambda name: None\n"
        "from generator.render.print.weasy import HTML\n"
        "assert HTML(string='<p>Xin chào</p>').write_pdf().startswith(b'%PDF')\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True, timeout=120)
