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
from generator.i18n import _
from generator.load.reader import (
    MAX_DEPTH,
    TAG,
    CoreLoader,
    compose,
    syntax_diagnostic,
    too_deep_message,
)
from generator.load.textfile import MAX_FILE_BYTES, file_problem, number, read_source, read_text

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_VALUES",
    "Document",
    "Loc",
    "Mark",
    "Tagged",
    "load_yaml",
    "number",
    "read_source",
    "read_text",
]

Loc = tuple[str | int, ...]

# Characters that make text show in another order than it is read: never wanted, a trick.
_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Half of a UTF-16 pair, written as an escape ("\\ud800"): no character, and no file or
# page can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_GROUPED_NUMBER = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
MAX_VALUES = 200_000


_PATTERNS = {
    tag: pattern
    for resolvers in CoreLoader.yaml_implicit_resolvers.values()
    for tag, pattern in resolvers
    if tag != TAG + "merge"
}
_CORE_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")}


@dataclass(frozen=True)
class Tagged:
    """A scalar written with a tag that is not YAML's own, e.g. ``!!python/name:module.f``."""

    tag: str
    value: str


# Marks that change nothing in Vietnamese text but stay in it when it is pasted from a
# word processor or a web page: left-to-right and right-to-left marks, the Arabic letter
# mark, a byte-order mark inside the text, soft hyphens. Left in, they split words for
# search, cannot be read aloud and are drawn as boxes on cards. (Zero-width spaces and
# joiners stay: Khmer and emoji need them.)
_PASTED_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\ufeff\u00ad"))


def plain_text(text: str) -> str:
    """Return a text as the model keeps it: in NFC, without the invisible marks pasting
    leaves (U+200E, U+200F, U+061C, U+FEFF, U+00AD)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_PASTED_MARKS))


def _core_value(tag: str, text: str) -> Any:
    """Return the value of a plain scalar resolved to ``tag`` by the core schema."""
    if tag == TAG + "bool":
        return text.lower() == "true"
    if tag == TAG + "null":
        return None
    if tag == TAG + "int":
        return int(text, 0) if text.startswith(("0o", "0x")) else int(text)
    if tag == TAG + "float":
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float("nan") if lowered == ".nan" else float(text)
    return plain_text(text)


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


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def _unknown_tag(tag: str) -> str:
    return _("the tag «{tag}» is not allowed here; remove it").format(tag=_tag_name(tag))


def _whole_characters(node: ScalarNode, walk: _Walk) -> str:
    """Return a scalar's text, a half of a UTF-16 pair reported and replaced by U+FFFD."""
    text = str(node.value)
    found = None if text.isascii() else _SURROGATE.search(text)
    if found is None:
        return text
    walk.error(
        node,
        "control-character",
        _(
            "the text holds «\\u{code:04x}», half of a pair of UTF-16 codes, which is no "
            "character; write the character itself instead of its code"
        ).format(code=ord(found.group())),
    )
    return _SURROGATE.sub("\ufffd", node.value)


def _scalar(node: ScalarNode, walk: _Walk, loc: Loc) -> Any:
    doc, tag, text = walk.doc, node.tag, _whole_characters(node, walk)
    if tag not in _CORE_TAGS:
        if walk.keep_tags:
            return Tagged(tag, text)
        walk.error(node, "unknown-tag", _unknown_tag(tag))
        return plain_text(text)
    if _DIRECTION_CONTROL.search(text):
        walk.error(
            node,
            "control-character",
            _(
                "the text holds an invisible character that reverses the writing direction "
                "(U+202A–U+202E, U+2066–U+2069); delete it and type the text again"
            ),
        )
    if tag == TAG + "float" and _GROUPED_NUMBER.match(text):
        digits = text.replace(".", "")
        walk.problems.append(
            doc.diagnostic(
                loc,
                "number-grouping",
                _("«{written}» is read as a decimal number; write {digits} without dots").format(
                    written=text, digits=digits
                ),
            )
        )
    pattern = _PATTERNS.get(tag)
    if pattern is not None and not pattern.match(text):
        walk.error(
            node,
            "wrong-tag",
            _("«{value}» is marked {tag} but is not one; fix the value or remove {tag}").format(
                value=text[:40], tag=_tag_name(tag)
            ),
        )
        return plain_text(text)
    try:
        return _core_value(tag, text)
    except ValueError:  # more digits than Python reads: the model says it is no number
        return plain_text(text)


@dataclass
class _Walk:
    """State of one document's conversion: nodes being converted, values made so far."""

    doc: Document
    problems: list[Diagnostic]
    keep_tags: bool = False
    open_nodes: set[int] = field(default_factory=set)
    values: int = 0
    stopped: bool = False

    def error(self, node: Node, code: str, message: str) -> None:
        mark = _mark_of(node)
        self.problems.append(
            Diagnostic(self.doc.path, mark.line, mark.column, "error", code, message)
        )

    def stop(self, node: Node, code: str, message: str) -> None:
        """Report a limit once per file; the values past it are dropped."""
        if not self.stopped:
            self.stopped = True
            self.error(node, code, message)


def _convert(node: Node, walk: _Walk, loc: Loc) -> Any:
    walk.values += 1
    if walk.values > MAX_VALUES:
        walk.stop(
            node,
            "too-large",
            _(
                "the file holds more than {count} values (aliases '*' repeat what they "
                "name); write the values out, or split the file"
            ).format(count=MAX_VALUES),
        )
        return None
    if len(loc) > MAX_DEPTH:  # reached through aliases: the composer checks what is written
        walk.stop(node, "too-deep", too_deep_message())
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
        return _scalar(node, walk, loc)
    if node.tag not in _CORE_TAGS and not walk.keep_tags:
        walk.error(node, "unknown-tag", _unknown_tag(node.tag))
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
        if not (isinstance(key_node, ScalarNode) and key_node.tag == TAG + "merge"):
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        for source in sources:
            if isinstance(source, MappingNode) and id(source) not in walk.open_nodes:
                brought += [pair for pair in source.value if pair[0].tag != TAG + "merge"]
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
        key = unicodedata.normalize("NFC", _whole_characters(key_node, walk))
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


def load_yaml(
    file: Path, display_path: str, *, keep_tags: bool = False
) -> tuple[Document | None, list[Diagnostic]]:
    """Read one YAML file; return its document and every problem found while reading.

    With ``keep_tags``, a scalar tagged ``!!python/name:…`` (say) becomes a ``Tagged``
    value instead of an error.
    """
    text, problems = read_text(file, display_path)
    if text is None:
        return None, problems
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        return None, [syntax_diagnostic(display_path, text, error)]
    except RecursionError:
        return None, [file_problem(display_path, "too-deep", too_deep_message())]
    doc = Document(display_path, None)
    walk = _Walk(doc, problems, keep_tags)
    doc.data = _convert(root, walk, ()) if root is not None else None
    if walk.values > MAX_VALUES:  # what was cut off would be reported as missing: stop here
        return None, problems
    return doc, problems
