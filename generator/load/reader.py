"""Compose YAML text into nodes with positions, within limits, or into one located problem.

Plain scalars resolve by the YAML 1.2 core schema (``CoreLoader``). Text is scanned
by libyaml when it is installed (several times faster) and composed by PyYAML's own
composer, so the nodes are the same either way; when libyaml finds a syntax error the
text is read again by the pure-Python scanner, whose messages ``syntax`` explains.
Nesting deeper than ``MAX_DEPTH`` stops composing at the place the limit was passed,
so hostile input cannot exhaust the stack.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import Node
from yaml.resolver import Resolver

from generator.errors import Diagnostic
from generator.i18n import _
from generator.load.syntax import explain_syntax_error

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None  # type: ignore[misc, assignment]

TAG = "tag:yaml.org,2002:"
MAX_DEPTH = 50


class TooDeep(yaml.MarkedYAMLError):
    """Values nested deeper than ``MAX_DEPTH``."""

    def __init__(self, mark: Any) -> None:
        super().__init__(problem="too deep", problem_mark=mark)


def _compose_node(self: Any, parent: Node | None, index: Any) -> Node | None:
    """Compose one node, refusing to go deeper than ``MAX_DEPTH``."""
    self.depth += 1
    try:
        if self.depth > MAX_DEPTH:
            raise TooDeep(self.peek_event().start_mark)
        return Composer.compose_node(self, parent, index)
    finally:
        self.depth -= 1


class CoreLoader(yaml.SafeLoader):
    """A loader that resolves plain scalars by the YAML 1.2 core schema."""

    depth = 0
    compose_node = _compose_node


CoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^<<$", "<"),
):
    CoreLoader.add_implicit_resolver(TAG + _tag, re.compile(_pattern), list(_first))


if CParser is not None:

    class FastLoader(Composer, CParser, Resolver):
        """libyaml's scanner and parser with PyYAML's composer and the core schema."""

        yaml_implicit_resolvers = CoreLoader.yaml_implicit_resolvers
        depth = 0
        compose_node = _compose_node

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)


def compose(text: str) -> Node | None:
    """Compose ``text`` into its root node; raise ``yaml.YAMLError`` as PyYAML words it."""
    if CParser is not None:
        fast = FastLoader(text)
        try:
            return fast.get_single_node()
        except TooDeep:
            raise
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = CoreLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def too_deep_message() -> str:
    """Say that values are nested past ``MAX_DEPTH``."""
    return _(
        "the values are nested more than {limit} levels deep; write them flatter "
        "(is a '[' or '{{' never closed?)"
    ).format(limit=MAX_DEPTH)


def _place(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of character ``index`` in ``text``."""
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def syntax_diagnostic(path: str, text: str, error: yaml.YAMLError) -> Diagnostic:
    """Turn a YAML reading error into one located diagnostic that says how to fix it."""
    if isinstance(error, TooDeep) and error.problem_mark is not None:
        mark = error.problem_mark
        message = too_deep_message()
        return Diagnostic(path, mark.line + 1, mark.column + 1, "error", "too-deep", message)
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _place(text, error.position)
        message = _(
            "the file contains the invisible control character U+{code:04X}, which YAML does "
            "not allow; delete it (retype the text around it)"
        ).format(code=error.character if isinstance(error.character, int) else 0)
        return Diagnostic(path, line, column, "error", "control-character", message)
    if not isinstance(error, yaml.MarkedYAMLError):
        message = _("YAML syntax error: {problem}").format(
            problem=_("the file cannot be read as YAML; check its indentation, colons and quotes")
        )
        return Diagnostic(path, 1, 1, "error", "yaml-syntax", message)
    return _marked_diagnostic(path, text, error)


def _marked_diagnostic(path: str, text: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    explained = explain_syntax_error(text, error)
    message = _("YAML syntax error: {problem}").format(problem=explained.message)
    return Diagnostic(path, explained.line, explained.column, "error", "yaml-syntax", message)
