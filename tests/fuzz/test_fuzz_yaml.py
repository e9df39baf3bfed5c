"""Fuzz the YAML loader and the ``check`` pipeline: any file gives a result or located problems.

Properties, for any bytes written to a file:

* ``load_yaml`` returns; it never raises and never hangs (the profile's deadline);
* every diagnostic names the file, has ``line >= 1``, ``column >= 1``, a non-empty
  message, and a line at most one past the file's last line (lines counted by
  ``str.splitlines``, which splits on every break YAML knows and a few more);
* a missing document comes with at least one error;
* ``read_project`` on a project whose YAML files were mutated returns, with the same
  guarantees for its diagnostics.

No input is known to raise. A crash found later belongs in ``@example(...).xfail(raises=...,
reason=...)`` (Hypothesis' per-example ``pytest.mark.xfail(strict=True)``), with the
generated inputs like it rejected by ``assume`` until it is fixed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.errors import Diagnostic
from generator.load.document import load_yaml
from generator.validate.loaded import sort_diagnostics
from generator.validate.project import read_project
from tests.conftest import MINI, REPO, copy_project

NAME = "f.yml"

# Inputs that raised before the loader's limits (depth, tagged numbers, digits): kept
# as examples so that the limits stay.
DEEP_FLOW = "[" * 10_000
DEEP_BLOCK = "- " * 10_000 + "x\n"
# Anchors defined in mapping keys (skipped as bad keys, so converted only once, at the end).
ALIAS_CHAIN = (
    "? &a0 x\n: 0\n"
    + "".join(f"? &a{i} [*a{i - 1}]\n: 0\n" for i in range(1, 10_000))
    + "z: *a9999\n"
)
TAGGED_INT = "!!int x\n"
TAGGED_FLOAT = "!!float x\n"
LONG_INT = "9" * 4301 + "\n"
LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{chr(ord(name) - 1)}'] * 10)}]\n" for name in "bcdefg"
)


def check_diagnostics(diagnostics: list[Diagnostic], line_counts: dict[str, int]) -> None:
    """Assert every diagnostic is located inside its file and says something."""
    for found in diagnostics:
        assert found.message.strip(), found
        assert found.line >= 1 and found.column >= 1, found
        assert found.severity in ("error", "warning"), found
        if found.path in line_counts:
            assert found.line <= line_counts[found.path] + 1, found


def line_count(raw: bytes) -> int:
    """Return the number of lines of a file, in any encoding (bytes that are not UTF-8 too)."""
    return len(raw.decode("utf-8", errors="replace").splitlines())


@pytest.fixture(scope="module")
def yaml_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-yaml") / NAME


def check_load(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    doc, diagnostics = load_yaml(path, NAME)
    assert all(d.path == NAME for d in diagnostics)
    check_diagnostics(diagnostics, {NAME: line_count(raw)})
    if doc is None:
        assert any(d.severity == "error" for d in diagnostics)


SPECIAL_CHARACTERS = (
    "\t",
    "\x00",
    "\ufeff",
    "\r",
    "\r\n",
    "\x85",
    "\u2028",
    "\u2029",
    "\x1b",
    "\x7f",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\u0300",
    "đ",
    "ư\u0303",
    "🙂",
    "\ud800",
    "\udfff",
)

any_piece = st.one_of(
    st.characters(exclude_categories=()),
    st.sampled_from(SPECIAL_CHARACTERS),
    st.sampled_from(":-?[]{},#&*!|>'\"%@` \n"),
)


def any_text(max_size: int) -> st.SearchStrategy[str]:
    """Return text of any code points (surrogates too) and of line breaks YAML knows."""
    return st.lists(any_piece, max_size=max_size).map("".join)


def encode(text: str, how: str) -> bytes:
    """Write ``text`` the way a careless editor might: surrogates as bytes, a BOM, UTF-16."""
    if how == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    return b"\xef\xbb\xbf" + data if how == "bom" else data


ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8", "bom", "utf-16"])


@given(text=any_text(300), how=ENCODINGS)
@example(text="a:\n\t- 1\n", how="utf-8")
@example(text='a: "open\n', how="bom")
@example(text="a: \x00\n", how="utf-8")
@example(text="a: \ud800\n", how="utf-8")
@example(text="a: 1\u2028b: [\n", how="utf-8")
def test_load_yaml_any_text(yaml_file: Path, text: str, how: str) -> None:
    check_load(yaml_file, encode(text, how))


@given(raw=st.binary(max_size=400))
@example(raw=b"\xff\xfe")
@example(raw=b"a: \xc3\n")
@example(raw=b"\xef\xbb\xbf\xef\xbb\xbfa: 1\n")
def test_load_yaml_any_bytes(yaml_file: Path, raw: bytes) -> None:
    check_load(yaml_file, raw)


ANCHOR_NAMES = ("a", "b", "base", "x1")
WORDS = (
    "site",
    "title",
    "vi",
    "en",
    "campaigns",
    "id",
    "value",
    "Đồng Tháp",
    "bảo hiểm",
    "người",
    "lúa",
)
PLAIN = (
    "true",
    "false",
    "True",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "Null",
    "~",
    "0",
    "-0",
    "+1",
    "0277",
    "1.740",
    "1.740.000",
    "12.5",
    "1e3",
    "1e309",
    "-1e-309",
    ".inf",
    "-.Inf",
    ".nan",
    "0x1F",
    "0o17",
    "0x",
    "0b101",
    "6:30",
    "2021-02-30",
    "2021-01-01T10:00:00Z",
    "1_000",
    "<<",
    "=",
    "a b  c",
    "x #not a comment",
    "- x",
    "? x",
    "@at",
    "`tick",
    "%pct",
    "https://test.example.vn/",
    "1900 9068",
    "9" * 60,
)
TAGS = (
    "!!python/object:os.system",
    "!!python/object/apply:os.system",
    "!!python/name:os.system",
    "!!str",
    "!!bool",
    "!!null",
    "!!binary",
    "!!timestamp",
    "!!set",
    "!!omap",
    "!!pairs",
    "!!map",
    "!!seq",
    "!!merge",
    "!local",
    "!",
    "!<tag:yaml.org,2002:str>",
    "!<!>",
    "!e!x",
)
NUMBER_TAGS = (
    ("!!int", ("1", "-12", "0x1f", "0o7", "1_0", "x", "0b1", "1.5", "9" * 5000)),
    ("!!float", ("1.5", "1e3", "-2", "x", ".inf", "1_0.5")),
)
ESCAPES = ("\\n", "\\t", "\\x41", "\\u00e0", "\\U0001F600", "\\N", "\\_", "\\0", '\\"', "\\q")

words = st.sampled_from(WORDS) | st.text(
    st.characters(categories=["L", "N"], include_characters=" -_."), min_size=1, max_size=12
)
plain = st.sampled_from(PLAIN) | words
single_quoted = any_text(20).map(lambda s: "'" + s.replace("'", "''") + "'")
double_quoted = st.lists(
    st.sampled_from(ESCAPES) | st.text(st.characters(exclude_characters='"\\'), max_size=5),
    max_size=5,
).map(lambda parts: '"' + "".join(parts) + '"')
long_scalar = st.builds(
    lambda char, size: char * size, st.sampled_from("xđ9 '\":"), st.integers(200, 20_000)
)
alias = st.sampled_from(ANCHOR_NAMES).map(lambda name: "*" + name)
number_tagged = st.sampled_from(NUMBER_TAGS).flatmap(
    lambda pair: st.sampled_from(pair[1]).map(lambda value: f"{pair[0]} {value}")
)
scalar = st.one_of(
    plain,
    single_quoted,
    double_quoted,
    alias,
    number_tagged,
    st.tuples(st.sampled_from(TAGS), plain | single_quoted).map(" ".join),
    long_scalar,
)
flow = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(plain | alias, inner), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        ),
    ),
    max_leaves=8,
)
mapping_key = st.one_of(
    st.sampled_from(WORDS[:6]),
    words,
    single_quoted,
    st.just("<<"),
    st.just("? [a, b]"),
    st.just("? |\n  block key\n"),
    st.sampled_from(TAGS).map(lambda tag: tag + " k"),
)


@st.composite
def block_value(draw: st.DrawFn, indent: int, depth: int) -> tuple[str, list[str]]:
    """Return what follows a key or '-' on its line, and the lines below it."""
    props = draw(st.sampled_from(["", "", "", "&a ", "&b ", "&base ", "!!map ", "&a !!seq "]))
    choice = draw(st.integers(0, 9 if depth < 4 else 5))
    if choice <= 3:
        return props + draw(flow), []
    if choice == 4:
        header = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", ">-1", "|0"]))
        step = draw(st.sampled_from([2, 2, 2, 0, 1, 4]))
        body = draw(st.lists(any_text(30), max_size=4))
        return props + header, [" " * (indent + step) + line.replace("\n", " ") for line in body]
    if choice == 5:
        targets = draw(st.lists(alias, min_size=1, max_size=3))
        return ("[" + ", ".join(targets) + "]") if len(targets) > 1 else targets[0], []
    step = draw(st.sampled_from([2, 2, 2, 4, 0, 1, 3]))
    return props.rstrip(), draw(block(indent + step, depth + 1))


@st.composite
def block(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """Return the lines of a block mapping or sequence at ``indent``."""
    as_sequence = draw(st.booleans())
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        wobble = draw(st.sampled_from([0, 0, 0, 0, 0, 0, 1, -1]))
        margin = " " * max(0, indent + wobble)
        lead = "-" if as_sequence else draw(mapping_key) + ":"
        if not as_sequence and draw(st.integers(0, 9)) == 0:
            lead, head, below = "<<:", draw(alias), []
        else:
            head, below = draw(block_value(indent, depth))
        lines.append(f"{margin}{lead} {head}".rstrip())
        lines.extend(below)
        if draw(st.integers(0, 7)) == 0:
            lines.append(draw(st.sampled_from(["", "# comment", "  # indented", "\t", "..."])))
    return lines


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """Return YAML-shaped text: a block document, maybe with directives and extra documents."""
    lines = draw(block())
    start = draw(st.sampled_from(["", "", "---\n", "%YAML 1.2\n---\n", "%YAML 1.1\n---\n"]))
    start += draw(st.sampled_from(["", "", "%TAG !e! tag:example.com,2000:\n---\n"]))
    end = draw(st.sampled_from(["\n", "\n", "", "\n...\n", "\n---\nsecond: doc\n"]))
    return start + "\n".join(lines) + end


@given(text=yaml_documents(), how=ENCODINGS)
@example(text=DEEP_FLOW, how="utf-8")
@example(text=DEEP_BLOCK, how="utf-8")
@example(text=ALIAS_CHAIN, how="utf-8")
@example(text=TAGGED_INT, how="utf-8")
@example(text=TAGGED_FLOAT, how="utf-8")
@example(text=LONG_INT, how="utf-8")
@example(text="a: " + "x" * 1_000_001, how="utf-8")
@example(text="a: &a {<<: *a}\nb: &b\n  c: *b\n", how="utf-8")
@example(text=LAUGHS, how="utf-8")
@example(text="a: !!python/object/apply:os.system [echo]\n? [k]\n: v\na: 1\n", how="utf-8")
def test_load_yaml_shaped_text(yaml_file: Path, text: str, how: str) -> None:
    check_load(yaml_file, encode(text, how))


VERSES = ("ho-dong-thap.yml", "luong-huu-luc-bat.yml")
TARGETS = (
    "campaigns.yml",
    "campaigns.yml",
    "campaigns.yml",
    "content/policy.yml",
    "content/testimonials/chi-a.yml",
    *(f"content/verses/{name}" for name in VERSES),
)
TOKENS = (
    ":",
    ": ",
    "- ",
    "-",
    "{",
    "}",
    "[",
    "]",
    ",",
    "? ",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object:os.system ",
    "!!str ",
    "!!binary ",
    "!!int ",
    "!!float ",
    "[" * 60,
    "'",
    '"',
    "# ",
    "|",
    ">",
    "\t",
    "  ",
    "\x00",
    "\ufeff",
    "null",
    "~",
    "true",
    "no",
    "1.740",
    "2021-02-30",
    "2021-13-01",
    "-1",
    "0",
    "1e309",
    ".nan",
    "-.inf",
    "99999999999999999999999",
    "0277",
    "Đ",
    "🙂",
    "\u0300",
    "id",
    "thu-nghiem",
    "chi-a",
    "vi",
    "en",
    "fr",
    "form: vong_co",
    "region: mars",
    "(thì)",
    "Lúa vàng chín rộ đầy đồng",
    "campaigns:",
    "site:",
    "testimonials: [khong-co]",
)
token = st.sampled_from(TOKENS) | any_text(8)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """Return ``text`` after a few random line and character edits."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        edit = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "swap", "replace"]))
        if edit == "delete" and len(lines) > 1:
            del lines[at]
        elif edit == "duplicate":
            lines.insert(at, lines[at])
        elif edit == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(token) + lines[at][column:]
        elif edit == "indent":
            stripped = lines[at].lstrip(" ")
            lines[at] = draw(st.sampled_from(["", " ", "  ", "    ", "\t", "      "])) + stripped
        elif edit == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "replace" and ":" in lines[at]:
            lines[at] = lines[at].split(":", 1)[0] + ": " + draw(token)
    return "\n".join(lines)


def _originals() -> dict[str, str]:
    found = {name: (MINI / name).read_text(encoding="utf-8") for name in TARGETS[:5]}
    for name in VERSES:
        found[f"content/verses/{name}"] = (REPO / "content" / "verses" / name).read_text("utf-8")
    return found


ORIGINALS = _originals()


@st.composite
def project_edits(draw: st.DrawFn) -> tuple[str, str]:
    """Return a project file's name and its mutated text."""
    target = draw(st.sampled_from(TARGETS))
    return target, draw(mutated(ORIGINALS[target]))


@pytest.fixture(scope="module")
def project_parent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz-project")


def make_project(parent: Path) -> Path:
    """Copy the mini project and the two sample verses into a fresh folder."""
    root = parent / "project"
    if root.exists():
        shutil.rmtree(root)
    copy_project(MINI, root)
    (root / "content" / "verses").mkdir()
    for name in VERSES:
        shutil.copyfile(REPO / "content" / "verses" / name, root / "content" / "verses" / name)
    return root


@settings(max_examples=max(20, settings.default.max_examples // 3))
@given(edit=project_edits())
@example(edit=("campaigns.yml", ORIGINALS["campaigns.yml"]))
@example(edit=("campaigns.yml", ORIGINALS["campaigns.yml"].replace("2921", "1e309")))
@example(edit=("content/policy.yml", ORIGINALS["content/policy.yml"].replace("22", ".nan")))
def test_check_pipeline_mutated_project(project_parent: Path, edit: tuple[str, str]) -> None:
    target, text = edit
    root = make_project(project_parent)
    (root / target).write_text(text, encoding="utf-8", errors="surrogatepass")
    loaded = read_project(root)
    shown = sort_diagnostics(loaded.diagnostics)
    assert json.dumps([d.as_dict() for d in shown], ensure_ascii=False)
    assert all(d.format() for d in shown)
    counts = {name: line_count((root / name).read_bytes()) for name in ORIGINALS}
    check_diagnostics(shown, counts)
