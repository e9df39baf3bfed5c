"""Read YAML files into plain data while keeping where every key and value was written.

Plain scalars follow the YAML 1.2 core schema, not PyYAML's YAML 1.1 defaults:
``6:30`` is text (not the sexagesimal 390), ``yes``/``no``/``on``/``off`` are text
(only ``true``/``false`` are booleans), dates stay text and are parsed by the
model. One departure, as in JSON: a number written with a leading zero
(``0277``, a phone number) stays text. Merge keys (``<<: *base``) work; an alias
that contains itself, or aliases that expand past ``MAX_VALUES`` values, are
located errors. Nothing is shared between files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Diagnostic
from generator.i18n import N_, _

Loc = tuple[str | int, ...]

_GROUPED_NUMBER = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
_TAG = "tag:yaml.org,2002:"
MAX_VALUES = 200_000


class CoreLoader(yaml.SafeLoader):
    """A loader that resolves plain scalars by the YAML 1.2 core schema."""


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
    CoreLoader.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), list(_first))


def _core_value(tag: str, text: str) -> Any:
    """Return the value of a plain scalar resolved to ``tag`` by the core schema."""
    if tag == _TAG + "bool":
        return text.lower() == "true"
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "int":
        return int(text, 0) if text.startswith(("0o", "0x")) else int(text)
    if tag == _TAG + "float":
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float("nan") if lowered == ".nan" else float(text)
    return unicodedata.normalize("NFC", text)


_YAML_HINTS = {
    "could not find expected ':'": N_(
        "a key is missing its colon ':', or a line is indented wrongly"
    ),
    "mapping values are not allowed here": N_(
        "put a text that contains ': ' between double quotes, or fix the indentation"
    ),
    "found character '\\t' that cannot start any token": N_("indent with spaces, not tabs"),
    "found undefined alias": N_("remove the '*' at the start of the value or quote it"),
    "expected <block end>, but found '-'": N_(
        "a list item '-' is indented differently from the others"
    ),
    "did not find expected key": N_("check the indentation of this line and the line above"),
    "found unexpected end of stream": N_("a quote was opened and never closed"),
    "did not find expected '-' indicator": N_(
        "a list item '-' is indented differently from the others"
    ),
}


@dataclass(frozen=True)
class Mark:
    """A 1-based place in a file."""

    line: int
    column: int


@dataclass
class Document:
    """One YAML file as plain data, with the place of each value and key."""

    path: str
    data: Any
    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """Return the place of ``loc``, or of its nearest written ancestor."""
        table = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end]) or self.values.get(loc[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def diagnostic(
        self, loc: Loc, code: str, message: str, *, key: bool = False, severity: str = "error"
    ) -> Diagnostic:
        mark = self.mark(loc, key=key)
        return Diagnostic(self.path, mark.line, mark.column, severity, code, message)  # type: ignore[arg-type]


def _mark_of(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode, doc: Document, loc: Loc, problems: list[Diagnostic]) -> Any:
    if node.tag == _TAG + "float" and _GROUPED_NUMBER.match(node.value):
        digits = node.value.replace(".", "")
        problems.append(
            doc.diagnostic(
                loc,
                "number-grouping",
                _("«{written}» is read as a decimal number; write {digits} without dots").format(
                    written=node.value, digits=digits
                ),
            )
        )
    return _core_value(node.tag, node.value)


@dataclass
class _Walk:
    """State of one document's conversion: nodes being converted, values made so far."""

    doc: Document
    problems: list[Diagnostic]
    open_nodes: set[int] = field(default_factory=set)
    values: int = 0
    stopped: bool = False

    def error(self, node: Node, code: str, message: str) -> None:
        mark = _mark_of(node)
        self.problems.append(
            Diagnostic(self.doc.path, mark.line, mark.column, "error", code, message)
        )


def _convert(node: Node, walk: _Walk, loc: Loc) -> Any:
    walk.values += 1
    if walk.values > MAX_VALUES:
        if not walk.stopped:
            walk.stopped = True
            walk.error(
                node,
                "too-large",
                _(
                    "the file holds more than {count} values (aliases '*' repeat what they "
                    "name); write the values out, or split the file"
                ).format(count=MAX_VALUES),
            )
        return None
    if id(node) in walk.open_nodes:
        walk.error(
            node,
            "alias-loop",
            _("this alias '*' names a value that contains itself; write the value out"),
        )
        return None
    walk.doc.values[loc] = _mark_of(node)
    if isinstance(node, ScalarNode):
        return _scalar(node, walk.doc, loc, walk.problems)
    walk.open_nodes.add(id(node))
    try:
        if isinstance(node, SequenceNode):
            return [_convert(item, walk, loc + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return _convert_mapping(node, walk, loc)
        return None
    finally:
        walk.open_nodes.discard(id(node))


def _merged_pairs(node: MappingNode, walk: _Walk) -> list[tuple[Node, Node]]:
    """Return a mapping's pairs with ``<<`` merge keys replaced by the pairs they bring in."""
    own: list[tuple[Node, Node]] = []
    brought: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if not (isinstance(key_node, ScalarNode) and key_node.tag == _TAG + "merge"):
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        for source in sources:
            if isinstance(source, MappingNode) and id(source) not in walk.open_nodes:
                brought += [pair for pair in source.value if pair[0].tag != _TAG + "merge"]
            else:
                walk.error(
                    source,
                    "bad-merge",
                    _("«<<» must name a mapping with an alias, e.g. «<<: *base»"),
                )
    written = {str(k.value) for k, _v in own if isinstance(k, ScalarNode)}
    inherited: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in brought:
        if isinstance(key_node, ScalarNode) and str(key_node.value) not in written:
            inherited.setdefault(str(key_node.value), (key_node, value_node))
    return own + list(inherited.values())


def _convert_mapping(node: MappingNode, walk: _Walk, loc: Loc) -> dict[str, Any]:
    doc, problems = walk.doc, walk.problems
    result: dict[str, Any] = {}
    for key_node, value_node in _merged_pairs(node, walk):
        key_mark = _mark_of(key_node)
        if not isinstance(key_node, ScalarNode):
            problems.append(
                Diagnostic(
                    doc.path,
                    key_mark.line,
                    key_mark.column,
                    "error",
                    "bad-key",
                    _("a key must be a plain word, not a list or a mapping"),
                )
            )
            continue
        key = unicodedata.normalize("NFC", str(key_node.value))
        if key in result:
            first = doc.keys[loc + (key,)]
            problems.append(
                Diagnostic(
                    doc.path,
                    key_mark.line,
                    key_mark.column,
                    "error",
                    "duplicate-key",
                    _("duplicate key «{key}» (first written at line {line}); keep only one").format(
                        key=key, line=first.line
                    ),
                )
            )
            continue
        doc.keys[loc + (key,)] = key_mark
        result[key] = _convert(value_node, walk, loc + (key,))
    return result


def _syntax_diagnostic(path: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or "invalid YAML"
    hint = _YAML_HINTS.get(problem)
    message = _("YAML syntax error: {problem}").format(problem=problem)
    if hint:
        message += " — " + _(hint)
    return Diagnostic(path, line, column, "error", "yaml-syntax", message)


def load_yaml(file: Path, display_path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one YAML file; return its document and every problem found while reading."""
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [
            Diagnostic(
                display_path,
                1,
                1,
                "error",
                "encoding",
                _("the file is not UTF-8 text ({reason}); save it as UTF-8").format(
                    reason=error.reason
                ),
            )
        ]
    try:
        root = yaml.compose(text, Loader=CoreLoader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_diagnostic(display_path, error)]
    except yaml.YAMLError as error:
        return None, [
            Diagnostic(
                display_path,
                1,
                1,
                "error",
                "yaml-syntax",
                _("YAML syntax error: {problem}").format(problem=str(error)),
            )
        ]
    doc = Document(display_path, None)
    problems: list[Diagnostic] = []
    doc.data = _convert(root, _Walk(doc, problems), ()) if root is not None else None
    return doc, problems
