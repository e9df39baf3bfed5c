"""Where a build may publish: never over the project's own files, never over a stranger's folder.

Publishing replaces the output folder whole, so ``--out .``, ``--out content`` or
``--out ..`` would replace the very files staff write. A folder that already holds
something is replaced only when it is an earlier An Sinh site (it has ``manifest.json``).
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import AnsinhError
from generator.i18n import _

MANIFEST = "manifest.json"
# What a project folder holds besides its outputs.
SOURCES = ("campaigns.yml", "mkdocs.yml", "content", "themes", "schema", ".ansinh")


def check_output_folder(root: Path, out: Path) -> None:
    """Raise AnsinhError unless ``out`` may be replaced by the site of the project at ``root``."""
    root, out = root.resolve(), out.resolve()
    if root == out or root.is_relative_to(out):
        raise AnsinhError(
            _(
                "«{out}» holds the project itself; build into a folder of its own, e.g. site/"
            ).format(out=out)
        )
    for name in SOURCES:
        if out.is_relative_to(root / name):
            raise AnsinhError(
                _(
                    "«{out}» is inside the project's «{name}»; build into a folder of its own, "
                    "e.g. site/"
                ).format(out=out, name=name)
            )
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise AnsinhError(
            _(
                "«{out}» already holds files that are not an An Sinh site; empty it, or build "
                "into another folder"
            ).format(out=out)
        )
    if out.exists() and not out.is_dir():
        raise AnsinhError(_("«{out}» is a file, not a folder").format(out=out))
