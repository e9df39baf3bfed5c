"""The site engine run on the locales of a build, as a program of its own:
``python -m generator.write.engine_run [--dirty] CONFIG [[--dirty] CONFIG]...``.

One process for every locale whose tree changed: the engine (MkDocs, Material, Python-
Markdown) is loaded once, not once a locale. It imports nothing of An Sinh but this.

Each run is strict: a warning stops it, as ``mkdocs build --strict`` would. Before each,
a line ``MARK CONFIG`` on standard error says which locale the engine's lines that follow
are about; they are written ``LEVEL -  message``. The first run that stops ends the
program with status 1. ``--dirty`` rebuilds only the pages whose source is newer than
their output, without the engine's warning that such a build is dirty: that warning is
for hand-run dirty builds, and the build's ``prepare_dirty`` and ``can_build_dirty`` are
why this one is exact.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import FileSystemLoader
    from mkdocs.plugins import PluginCollection

MARK = "ansinh-engine-run:"
DIRTY = "--dirty"
DIRTY_WARNING = "A 'dirty' build is being performed"
SEARCH_PLUGIN = "material/search"


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def theme_templates(loader: FileSystemLoader) -> list[str]:
    """The names of a theme's files, as Jinja's ``FileSystemLoader.list_templates`` gives
    them, but without looking into hidden folders.

    The engine lists its theme's files to copy them to the site, and leaves out every
    hidden one (``.*``, ``*/.*``). Material keeps its 14,000 icons in ``.icons``: listing
    and then leaving them out cost a fifth of a CPU-second a run. Templates are still
    found by name, hidden or not.
    """
    found: set[str] = set()
    for top in loader.searchpath:
        for folder, folders, files in os.walk(top, followlinks=loader.followlinks):
            folders[:] = [name for name in folders if not name.startswith(".")]
            under = os.path.relpath(folder, top)
            for name in files:
                found.add(name if under == "." else f"{under}/{name}".replace(os.sep, "/"))
    return sorted(found)


def without_engine_search_index(plugins: PluginCollection) -> None:
    """Keep the engine's search plugin from indexing pages and writing its index.

    The plugin stays, for the theme shows a search box only with it, but An Sinh's own
    search replaces its index: reading every page for it was wasted work (and its file
    is removed from the site).
    """
    search = plugins.get(SEARCH_PLUGIN)
    if search is None:
        return
    for event in ("page_context", "post_build"):
        handlers = plugins.events[event]
        handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def runs(arguments: list[str]) -> list[tuple[str, bool]]:
    """Return (mkdocs.yml, dirty) for each run the arguments ask for, in order."""
    found, dirty = [], False
    for argument in arguments:
        if argument == DIRTY:
            dirty = True
        else:
            found.append((argument, dirty))
            dirty = False
    return found


def build(config_path: str, dirty: bool) -> None:
    """Build one mkdocs.yml strictly, as the engine's ``build`` command does."""
    from mkdocs import utils
    from mkdocs.commands import build as engine
    from mkdocs.config import load_config

    # The command line's filter of repeated messages, new for each run: a message the
    # previous locale gave must still count against this one.
    repeated = utils.DuplicateFilter()
    engine.log.addFilter(repeated)
    try:
        config = load_config(config_file=config_path, strict=True)
        without_engine_search_index(config.plugins)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            engine.build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    finally:
        engine.log.removeFilter(repeated)


def main(arguments: list[str]) -> int:
    """Run the engine on each mkdocs.yml in turn; return 1 at the first that stops, else 0."""
    import jinja2
    from mkdocs.exceptions import MkDocsException

    jinja2.FileSystemLoader.list_templates = theme_templates  # type: ignore[method-assign,assignment]

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    for config_path, dirty in runs(arguments):
        print(MARK, config_path, file=sys.stderr, flush=True)
        try:
            build(config_path, dirty)
        except MkDocsException as error:
            print(f"{'ERROR':<8}-  {error.format_message()}", file=sys.stderr, flush=True)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
