"""Loading the print engine asks ldconfig for its libraries once, never a compiler.

WeasyPrint tries several names for each library; through ``ctypes.util.find_library``
every name would run ``ldconfig -p`` again, and every name ldconfig does not list would
link an empty program with gcc and ld. A fake gcc, cc and ld first on PATH write down
each call, and so does an ldconfig that runs the real one: loading WeasyPrint the usual
way calls the compiler (so the check can fail), loading it through An Sinh does not, and
reads ldconfig's cache once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ldconfig and gcc are Linux's"
)


REAL_LDCONFIG = shutil.which("ldconfig", path=os.pathsep.join(["/sbin", "/usr/sbin"]))


def calls_while_loading(program: str, tmp_path: Path, ldconfig: str | None) -> list[str]:
    """Run ``program`` in a new Python with a fake compiler and linker first on PATH, and
    an ldconfig that runs ``ldconfig`` (a command; None: the real one); return the
    commands they were called as."""
    fakes, log = tmp_path / "bin", tmp_path / "calls.log"
    fakes.mkdir(exist_ok=True)
    log.write_text("", "utf-8")
    tools = {tool: "exit 1" for tool in ("gcc", "cc", "ld")}
    tools["ldconfig"] = ldconfig or f'exec "{REAL_LDCONFIG}" "$@"'
    for tool, then in tools.items():
        fake = fakes / tool
        fake.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n{then}\n', "utf-8")
        fake.chmod(0o755)
    environment = {**os.environ, "PATH": f"{fakes}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([sys.executable, "-c", program], env=environment, check=True, timeout=120)
    return log.read_text("utf-8").splitlines()


def test_weasyprint_alone_calls_the_compiler(tmp_path: Path) -> None:
    calls = calls_while_loading("import weasyprint", tmp_path, None)
    assert any(call.startswith(("gcc", "cc", "ld ")) for call in calls)


@pytest.mark.skipif(REAL_LDCONFIG is None, reason="this system has no ldconfig")
def test_the_print_engine_reads_ldconfig_once_and_calls_no_compiler(tmp_path: Path) -> None:
    calls = calls_while_loading("import generator.render.print.weasy", tmp_path, None)
    assert calls == ["ldconfig -p"]


def test_the_print_engine_loads_when_ldconfig_lists_nothing(tmp_path: Path) -> None:
    # A system whose libraries ldconfig does not know (a private build): WeasyPrint still
    # finds them by their other names, or the usual lookup is taken after all.
    program = (
        "from generator.render.print.weasy import HTML\n"
        "assert HTML(string='<p>Xin chào</p>').write_pdf().startswith(b'%PDF')\n"
    )
    calls = calls_while_loading(program, tmp_path, "exit 0")
    assert calls[0] == "ldconfig -p"
