"""Read YAML files into plain data while keeping where every key and value was written."""

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
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.SafeLoader("")

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
    if node.tag == _TIMESTAMP_TAG or node.tag == _STR_TAG:
        return unicodedata.normalize("NFC", node.value)
    if node.tag == "tag:yaml.org,2002:float" and _GROUPED_NUMBER.match(node.value):
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
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.YAMLError:
        return unicodedata.normalize("NFC", node.value)


def _convert(node: Node, doc: Document, loc: Loc, problems: list[Diagnostic]) -> Any:
    doc.values[loc] = _mark_of(node)
    if isinstance(node, ScalarNode):
        return _scalar(node, doc, loc, problems)
    if isinstance(node, SequenceNode):
        return [_convert(item, doc, loc + (i,), problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        return _convert_mapping(node, doc, loc, problems)
    return None


def _convert_mapping(
    node: MappingNode, doc: Document, loc: Loc, problems: list[Diagnostic]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
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
        result[key] = _convert(value_node, doc, loc + (key,), problems)
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
        root = yaml.compose(text, Loader=yaml.SafeLoader)
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
    doc.data = _convert(root, doc, (), problems) if root is not None else None
    return doc, problems
