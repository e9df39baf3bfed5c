"""Read the project's own ``mkdocs.yml``: the site settings every locale's site starts from.

MkDocs' settings may name Python objects (``!!python/name:pymdownx.superfences.fence_code_format``):
such a value is kept as a ``Tagged`` scalar and written back with its tag, never run here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostic, ThemeError
from generator.i18n import _
from generator.load.document import Document, Loc, Tagged, load_yaml

PROJECT_MKDOCS = "mkdocs.yml"
# An Sinh sets these per locale; a value in the project's file would be overwritten.
_SET_BY_ANSINH = {"site_name", "site_url", "site_description", "docs_dir", "site_dir", "nav"}


def _represent_tagged(dumper: yaml.SafeDumper, value: Tagged) -> yaml.ScalarNode:
    return dumper.represent_scalar(value.tag, value.value)


yaml.SafeDumper.add_representer(Tagged, _represent_tagged)


def read_base_config(project_root: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Read the project's mkdocs.yml; return its settings and every problem, located."""
    path = project_root / PROJECT_MKDOCS
    if not path.is_file():
        return {}, []
    doc, problems = load_yaml(path, PROJECT_MKDOCS, keep_tags=True)
    if doc is None or problems:
        return {}, problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, dict):
        message = _("a mapping of settings is expected")
        return {}, [doc.diagnostic((), "wrong-type", message)]
    problems = _unsafe_settings(doc)
    if problems:
        return {}, problems
    return {key: value for key, value in doc.data.items() if key not in _SET_BY_ANSINH}, []


# What mkdocs.yml may set. The site engine can run code (hooks, plugins, some Markdown
# extensions) and load scripts, styles or trackers from elsewhere (extra_javascript,
# extra_css, extra.analytics): none of that may come from a project's settings.
ALLOWED_KEYS = frozenset(
    {"theme", "markdown_extensions", "plugins", "validation", "copyright", "extra", "strict"}
)
ALLOWED_PLUGINS = frozenset({"search"})
ALLOWED_EXTENSIONS = frozenset(
    {
        "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
        "sane_lists", "smarty", "tables", "toc", "pymdownx.details", "pymdownx.superfences",
        "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.mark", "pymdownx.tilde",
        "pymdownx.caret", "pymdownx.betterem", "pymdownx.highlight", "pymdownx.inlinehilite",
        "pymdownx.emoji", "pymdownx.critic", "pymdownx.keys", "pymdownx.smartsymbols",
    }
)  # fmt: skip
FORBIDDEN_EXTRA = frozenset({"analytics", "consent", "social", "generator"})
# The Python functions a setting may name (``!!python/name:…``): known formatters only.
ALLOWED_PYTHON_NAMES = (
    "pymdownx.superfences.fence_code_format",
    "pymdownx.superfences.fence_div_format",
    "pymdownx.emoji.",
    "material.extensions.emoji.",
)


def _unsafe_settings(doc: Document) -> list[Diagnostic]:
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = [
        doc.diagnostic(
            (key,),
            "unsafe-setting",
            _("«{key}» cannot be set in mkdocs.yml (allowed: {allowed})").format(
                key=key, allowed=", ".join(sorted(ALLOWED_KEYS))
            ),
            key=True,
        )
        for key in data
        if key not in ALLOWED_KEYS and key not in _SET_BY_ANSINH
    ]
    for field, allowed in (
        ("plugins", ALLOWED_PLUGINS),
        ("markdown_extensions", ALLOWED_EXTENSIONS),
    ):
        entries = data.get(field) or []
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            name = next(iter(entry), None) if isinstance(entry, dict) else entry
            if name not in allowed:
                problems.append(
                    doc.diagnostic(
                        (field, index),
                        "unsafe-setting",
                        _("«{name}» cannot be used in «{field}» (allowed: {allowed})").format(
                            name=name, field=field, allowed=", ".join(sorted(allowed))
                        ),
                    )
                )
    problems += _unknown_python_names(doc, data, ())
    problems += _emoji_from_elsewhere(doc, data)
    extra = data.get("extra")
    for key in extra if isinstance(extra, dict) else {}:
        if key in FORBIDDEN_EXTRA:
            problems.append(
                doc.diagnostic(
                    ("extra", key),
                    "unsafe-setting",
                    _("«extra.{key}» cannot be set: the site calls no other server").format(
                        key=key
                    ),
                    key=True,
                )
            )
    return problems


# Emoji drawn into the page (Material's inline SVG) or left as their names: by default
# ``pymdownx.emoji`` makes each ``:smile:`` a picture fetched from a public CDN.
LOCAL_EMOJI = ("material.extensions.emoji.to_svg", "pymdownx.emoji.to_alt")


def _emoji_from_elsewhere(doc: Document, data: dict[str, Any]) -> list[Diagnostic]:
    """Report ``pymdownx.emoji`` unless its ``emoji_generator`` draws emoji in the page."""
    entries = data.get("markdown_extensions") or []
    problems = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        name = next(iter(entry), None) if isinstance(entry, dict) else entry
        if name != "pymdownx.emoji":
            continue
        options = entry.get(name) if isinstance(entry, dict) else None
        generator = options.get("emoji_generator") if isinstance(options, dict) else None
        if isinstance(generator, Tagged) and _python_name(generator) in LOCAL_EMOJI:
            continue
        message = _(
            "«pymdownx.emoji» would load every emoji picture from another site: set "
            "«emoji_generator: !!python/name:material.extensions.emoji.to_svg»"
        )
        problems.append(doc.diagnostic(("markdown_extensions", index), "unsafe-setting", message))
    return problems


def load_base_config(project_root: Path) -> dict[str, Any]:
    """Read the project's mkdocs.yml, the settings every locale's site starts from."""
    config, problems = read_base_config(project_root)
    errors = [problem.format() for problem in problems if problem.severity == "error"]
    if errors:
        raise ThemeError("\n".join(errors))
    return config


def _python_name(value: Tagged) -> str:
    """Return the function a ``!!python/name:module.f`` value names (the tag holds it)."""
    written = value.tag.removeprefix("tag:yaml.org,2002:") + value.value
    return written.removeprefix("python/name:")


def _unknown_python_names(doc: Document, value: object, loc: Loc) -> list[Diagnostic]:
    """Report every ``!!python/…`` value that names a function not known to be harmless."""
    if isinstance(value, Tagged):
        written = "!!" + value.tag.removeprefix("tag:yaml.org,2002:") + value.value
        name = written.removeprefix("!!python/name:")
        if name != written and name.startswith(ALLOWED_PYTHON_NAMES):
            return []
        message = _("«{written}» cannot be used in mkdocs.yml: it would run Python code")
        return [doc.diagnostic(loc, "unsafe-setting", message.format(written=written))]
    items: list[tuple[str | int, object]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    return [
        problem for key, item in items for problem in _unknown_python_names(doc, item, loc + (key,))
    ]
