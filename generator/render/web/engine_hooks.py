"""Hooks the site engine runs: named in every generated mkdocs.yml (``hooks:``).

``on_env`` keeps the engine's compiled templates (Material's and the overrides) in the
folder named by the ``ANSINH_TEMPLATE_CACHE`` environment variable, when it is set, so
that a run does not compile the same forty templates again (≈ 0.3 CPU-s a run). Jinja
keys each compiled template by its name and file and checks it against the template's
source, so a changed template is compiled anew; the pages written are the same.
"""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemBytecodeCache

TEMPLATE_CACHE = "ANSINH_TEMPLATE_CACHE"
HOOKS_FILE = __file__


def on_env(env: Environment, config: object, files: object) -> Environment:
    """Give the engine's template environment the compiled-template folder, if any."""
    folder = os.environ.get(TEMPLATE_CACHE)
    if folder:
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(folder)
    return env
