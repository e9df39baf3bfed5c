"""YAML syntax errors in words staff understand, each with its fix, at the place to fix.

PyYAML words a problem in parser terms ("expected <block end>, but found
'<block mapping start>'") and places it where reading stopped. Here each kind of
problem is recognized from PyYAML's message and from the text itself, and is said
in terms of lines, keys, spaces, quotes and brackets, at the place to change: an
unclosed bracket or quote where it was opened, a wrongly indented key at that key,
a line without its colon at that line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from generator.i18n import _

# PyYAML's line breaks: a line and column from a mark index these lines.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_CHARACTER = re.compile(r"found character '(.+)' that cannot start any token")
_FOUND = re.compile(r"but (?:found|got) '(.*)'$")
_NAME = re.compile(r"'([^']*)'")


@dataclass(frozen=True)
class Place:
    """A 0-based line and column in the text, as PyYAML counts them."""

    line: int
    column: int


@dataclass(frozen=True)
class Explained:
    """A syntax problem said for staff: the 1-based place to fix and what to do there."""

    line: int
    column: int
    message: str


class _Text:
    """The lines of a YAML text, with the indentation and the key written on each."""

    def __init__(self, text: str) -> None:
        self.lines = _LINE_BREAK.split(text)

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def char(self, place: Place) -> str:
        line = self.line(place.line)
        return line[place.column] if 0 <= place.column < len(line) else ""

    def key_column(self, index: int) -> int:
        """Return where the content of a line starts, past its spaces and list dashes."""
        line = self.line(index)
        column = len(line) - len(line.lstrip(" "))
        while line[column : column + 2] == "- ":
            column += 2
            column += len(line[column:]) - len(line[column:].lstrip(" "))
        return column

    def key(self, index: int) -> str:
        """Return the key written on a line (the text before its ': '), or its start."""
        content = self.line(index)[self.key_column(index) :].rstrip()
        key = re.split(r":(?:\s|$)", content, maxsplit=1)[0]
        return key if len(key) <= 40 else key[:39] + "…"

    def is_content(self, index: int) -> bool:
        stripped = self.line(index).strip()
        return bool(stripped) and not stripped.startswith("#")

    def above(self, index: int) -> list[int]:
        """Return the lines above ``index`` that hold content, nearest first."""
        return [i for i in range(index - 1, -1, -1) if self.is_content(i)]


def _spaces(count: int) -> str:
    return _("{count} spaces").format(count=count) if count != 1 else _("1 space")


def _wrong_indentation(text: _Text, at: Place) -> Explained:
    """A key or item that lines up with nothing above it: name the lines it could line up with."""
    index = at.line
    column = text.key_column(index)
    key = text.key(index)
    deeper = next((i for i in text.above(index) if text.key_column(i) > column), None)
    shallower = next((i for i in text.above(index) if text.key_column(i) < column), None)
    if deeper is not None and shallower is not None:
        message = _(
            "«{key}» is indented by {spaces}, which lines up with no key above; indent it "
            "like «{first}» on line {first_line} ({first_spaces}) or like «{second}» on line "
            "{second_line} ({second_spaces})"
        ).format(
            key=key,
            spaces=_spaces(column),
            first=text.key(deeper),
            first_line=deeper + 1,
            first_spaces=_spaces(text.key_column(deeper)),
            second=text.key(shallower),
            second_line=shallower + 1,
            second_spaces=_spaces(text.key_column(shallower)),
        )
    elif (near := deeper if deeper is not None else shallower) is not None:
        message = _(
            "«{key}» is indented by {spaces}, which lines up with no key above; indent it "
            "like «{first}» on line {first_line} ({first_spaces})"
        ).format(
            key=key,
            spaces=_spaces(column),
            first=text.key(near),
            first_line=near + 1,
            first_spaces=_spaces(text.key_column(near)),
        )
    else:
        message = _(
            "«{key}» is indented by {spaces}, which lines up with no key above; give keys "
            "of the same group the same number of spaces"
        ).format(key=key, spaces=_spaces(column))
    return Explained(index + 1, column + 1, message)


def _item_indentation(text: _Text, at: Place) -> Explained:
    """A list item '-' indented differently from the items before it."""
    index = at.line
    column = len(text.line(index)) - len(text.line(index).lstrip(" "))
    item = next(
        (i for i in text.above(index) if text.line(i).lstrip(" ").startswith("-")),
        None,
    )
    if item is None:
        return _wrong_indentation(text, at)
    item_column = len(text.line(item)) - len(text.line(item).lstrip(" "))
    message = _(
        "this list item '-' is indented by {spaces}, but the item on line {line} by "
        "{item_spaces}; give every '-' of one list the same indentation"
    ).format(spaces=_spaces(column), line=item + 1, item_spaces=_spaces(item_column))
    return Explained(index + 1, column + 1, message)


def _block_end(text: _Text, error: yaml.MarkedYAMLError, at: Place) -> Explained:
    """The parser expected a block to end: a line that does not fit the block it is in."""
    found = _FOUND.search(error.problem or "")
    token = found.group(1) if found else ""
    line = text.line(at.line)
    if token == "<block mapping start>":
        return _wrong_indentation(text, at)
    if token == "<block sequence start>":
        return _item_indentation(text, at)
    if token == "-" and error.context == "while parsing a block mapping":
        message = _(
            "a list item '-' stands where a key is expected; put the list under its key, "
            "each item on its own line indented more than the key"
        )
        return Explained(at.line + 1, at.column + 1, message)
    if token == "?":
        message = _(
            "«{key}» stands among the items '-' of a list; start it with '- ' to make it an "
            "item, or indent it like the key that owns the list"
        ).format(key=text.key(at.line))
        return Explained(at.line + 1, text.key_column(at.line) + 1, message)
    if token == ":":
        message = _("this ':' has no key before it; write the key, e.g. «title: …»")
        return Explained(at.line + 1, at.column + 1, message)
    before = line[: at.column].rstrip()
    if token == "<scalar>" and before.endswith(('"', "'")):
        message = _(
            "text follows the closing quote {quote}; put the whole text between the quotes"
        ).format(quote=before[-1])
        return Explained(at.line + 1, at.column + 1, message)
    return _does_not_fit(at)


def _does_not_fit(at: Place) -> Explained:
    message = _(
        "this line does not fit with the lines above; compare its indentation (spaces "
        "only), its colon ':' and its quotes with theirs"
    )
    return Explained(at.line + 1, at.column + 1, message)


def _colon(text: _Text, error: yaml.MarkedYAMLError, at: Place) -> Explained:
    """«mapping values are not allowed here»: a ': ' inside a text, or a key indented too far."""
    line = text.line(at.line)
    start = text.key_column(at.line)
    if re.search(r":(?:\s|$)", line[start : at.column]):
        message = _(
            "the text of «{key}» contains ': ', which YAML reads as a new key; put the whole "
            'text between double quotes, e.g. {key}: "…: …"'
        ).format(key=text.key(at.line))
        return Explained(at.line + 1, at.column + 1, message)
    above = next(iter(text.above(at.line)), None)
    if above is None or text.key_column(above) >= start:
        return _does_not_fit(at)
    message = _(
        "«{key}» is indented by {spaces}, more than «{above}» on line {line} ({above_spaces}), "
        "which already has a value; indent «{key}» like «{above}»"
    ).format(
        key=text.key(at.line),
        spaces=_spaces(start),
        above=text.key(above),
        line=above + 1,
        above_spaces=_spaces(text.key_column(above)),
    )
    return Explained(at.line + 1, start + 1, message)


def _tab(text: _Text, at: Place) -> Explained:
    before = text.line(at.line)[: at.column]
    if not before.strip():
        message = _(
            "this line is indented with the Tab key; indent with spaces only (most editors can "
            "turn Tabs into spaces)"
        )
        return Explained(at.line + 1, at.column + 1, message)
    message = _("a Tab follows «{before}» here; replace the Tab with one space").format(
        before=before.rstrip()[-1:]
    )
    return Explained(at.line + 1, at.column + 1, message)


def _unclosed(text: _Text, error: yaml.MarkedYAMLError, at: Place, opened: Place) -> Explained:
    """A bracket or quote never closed: reported where it was opened."""
    mark = text.char(opened)
    if mark in "\"'":
        message = _(
            "the quote {quote} opened here is never closed; add {quote} at the end of the text"
        ).format(quote=mark)
        return Explained(opened.line + 1, opened.column + 1, message)
    close = "]" if mark == "[" else "}"
    if at.line > opened.line:
        message = _(
            "the '{open}' opened here is never closed (reading stopped at line {line}); add "
            "'{close}' after the last item"
        ).format(open=mark, close=close, line=at.line + 1)
        return Explained(opened.line + 1, opened.column + 1, message)
    message = _(
        "inside '{open}…{close}' items are separated by ',' and the list ends with '{close}'; "
        "put an item that contains ':', ',' or brackets between double quotes"
    ).format(open=mark, close=close)
    return Explained(at.line + 1, at.column + 1, message)


def _quote_the_text(start: str, at: Place) -> Explained:
    message = _(
        "a value cannot start with «{start}» in YAML; put the whole text between double quotes"
    ).format(start=start)
    return Explained(at.line + 1, at.column + 1, message)


def _backslash(text: _Text, at: Place) -> Explained:
    line = text.line(at.line)
    column = line.rfind("\\", 0, at.column + 1)
    message = _(
        "a backslash '\\' between double quotes starts a special sign; put this text between "
        "single quotes '…' instead, or write the backslash twice"
    )
    return Explained(at.line + 1, (column if column >= 0 else at.column) + 1, message)


def _start(error: yaml.MarkedYAMLError, at: Place) -> Place:
    """Where the token PyYAML was reading began: its context mark, else the problem's."""
    mark = error.context_mark or error.problem_mark
    return Place(mark.line, mark.column) if mark is not None else at


def _scanner(text: _Text, error: yaml.MarkedYAMLError, at: Place) -> Explained | None:
    """Problems the scanner finds in a single token."""
    problem, context = error.problem or "", error.context or ""
    character = _CHARACTER.match(problem)
    if character and character.group(1) == "\\t":
        return _tab(text, at)
    if character:
        return _quote_the_text(text.char(at) or character.group(1), at)
    if problem.startswith("could not find expected ':'") and error.context_mark is not None:
        opened = error.context_mark
        message = _(
            "this line has no ':' after its key; write «key: value», or, if the line "
            "continues the text above, indent it more than that text's key"
        )
        return Explained(opened.line + 1, opened.column + 1, message)
    if problem.startswith("mapping values are not allowed here"):
        return _colon(text, error, at)
    if problem.startswith("sequence entries are not allowed here"):
        message = _(
            "a list item '-' cannot follow a key on its line; put each item on its own line "
            "below, indented more than the key, or write the list as [a, b]"
        )
        return Explained(at.line + 1, at.column + 1, message)
    if problem.startswith("mapping keys are not allowed here"):
        return _quote_the_text("?", at)
    if context == "while scanning a double-quoted scalar":
        return _backslash(text, at)
    if context in ("while scanning an alias", "while scanning an anchor"):
        place = _start(error, at)
        return _quote_the_text(text.char(place), place)
    if context == "while scanning a block scalar":
        message = _(
            "nothing may follow '|' or '>' on its line; start the text on the next line, "
            "indented more than its key"
        )
        return Explained(at.line + 1, at.column + 1, message)
    if "tag" in context or problem.startswith("found undefined tag handle"):
        return _quote_the_text("!", _start(error, at))
    if "directive" in context:
        return _quote_the_text("%", at)
    return None


def _document(text: _Text, error: yaml.MarkedYAMLError, at: Place) -> Explained | None:
    """Problems with aliases, anchors and documents."""
    problem, context = error.problem or "", error.context or ""
    if problem.startswith("found undefined alias"):
        name = _NAME.search(problem)
        message = _(
            "«*{name}» names no value marked «&{name}» above; if the '*' is part of the text, "
            "put the whole text between double quotes"
        ).format(name=name.group(1) if name else "")
        return Explained(at.line + 1, at.column + 1, message)
    if context.startswith("found duplicate anchor") and error.context_mark is not None:
        name = _NAME.search(context)
        message = _(
            "the name «&{name}» is already given on line {line}; choose another name"
        ).format(name=name.group(1) if name else "", line=error.context_mark.line + 1)
        return Explained(at.line + 1, at.column + 1, message)
    if context.startswith("expected a single document"):
        message = _(
            "a line '---' starts a second document here, but a file holds only one; remove it"
        )
        return Explained(at.line + 1, at.column + 1, message)
    if problem.startswith("expected '<document start>'"):
        message = _(
            "this line comes after the end of the document (a line '...' or '%' above it); "
            "remove that line"
        )
        return Explained(at.line + 1, at.column + 1, message)
    return None


def _parser(text: _Text, error: yaml.MarkedYAMLError, at: Place) -> Explained | None:
    """Problems the parser finds in how tokens follow each other."""
    problem, context = error.problem or "", error.context or ""
    opened = error.context_mark
    if opened is not None and context in (
        "while parsing a flow sequence",
        "while parsing a flow mapping",
        "while scanning a quoted scalar",
    ):
        return _unclosed(text, error, at, Place(opened.line, opened.column))
    if problem.startswith("expected <block end>"):
        return _block_end(text, error, at)
    if problem.startswith("expected the node content"):
        found = _FOUND.search(problem)
        token = found.group(1) if found else ""
        if token == ",":
            message = _("a value is missing before this ','; remove the extra comma")
            return Explained(at.line + 1, at.column + 1, message)
        bracket = _open_bracket(text)
        if token.startswith("<") and bracket is not None:
            return _unclosed(text, error, at, bracket)
        if token.startswith("<"):
            message = _("a value is missing at the end of the file; complete the last line")
            return Explained(at.line + 1, at.column + 1, message)
        return _quote_the_text(text.char(at) or token, at)
    return None


def _open_bracket(text: _Text) -> Place | None:
    """Return where the last '[' or '{' still open at the end of the text was opened."""
    opened: list[Place] = []
    for index, line in enumerate(text.lines):
        quote = ""
        for column, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and (column == 0 or line[column - 1] in " [{,:"):
                quote = char
            elif char == "#" and (column == 0 or line[column - 1] == " "):
                break
            elif char in "[{":
                opened.append(Place(index, column))
            elif char in "]}" and opened:
                opened.pop()
    return opened[-1] if opened else None


_KINDS: tuple[Callable[[_Text, yaml.MarkedYAMLError, Place], Explained | None], ...] = (
    _scanner,
    _document,
    _parser,
)


def explain_syntax_error(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """Say what a YAML syntax error means for staff, and where to fix it (1-based)."""
    mark = error.problem_mark or error.context_mark
    at = Place(mark.line, mark.column) if mark is not None else Place(0, 0)
    lines = _Text(text)
    for kind in _KINDS:
        explained = kind(lines, error, at)
        if explained is not None:
            return explained
    return _does_not_fit(at)
