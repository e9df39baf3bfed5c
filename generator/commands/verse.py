"""``ansinh verse check FILE [--form FORM] [--format json]``.

The file is a verse YAML file (validated as ``generator.model.Verse``, its id
being the file name) or plain text with one verse line per line, blank lines
ignored. Diagnostics are printed one per line as

    FILE: line N, syllable P: error: message
    FILE: line N: warning: message

where N is the verse line (blank lines and YAML structure not counted) and P
the syllable, followed by a count of errors and warnings; or, with
``--format json``, as a JSON list of ``{line, position, severity, code,
message}``. The exit code is 1 when any diagnostic is an error. A file that
cannot be read or is not a valid verse raises ``ContentError``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Literal, cast, get_args

from generator.errors import AnsinhError, ContentError, Diagnostic
from generator.i18n import _
from generator.model import Verse, VerseForm
from generator.model.region import Region
from generator.verse.check import check_lines, check_verse
from generator.verse.diagnostic import VerseDiagnostic

YAML_SUFFIXES = frozenset({".yml", ".yaml"})
DEFAULT_FORM: VerseForm = "luc_bat"
FORMS: tuple[str, ...] = get_args(VerseForm)


def parse_form(form: str | None) -> VerseForm | None:
    """Return ``form`` as a verse form, or raise ``AnsinhError`` naming the valid ones."""
    if form is None:
        return None
    if form in FORMS:
        return cast(VerseForm, form)
    raise AnsinhError(
        _("unknown verse form «{form}»; use one of: {forms}").format(
            form=form, forms=", ".join(FORMS)
        )
    )


def _content_error(path: Path, line: int, column: int, code: str, message: str) -> ContentError:
    return ContentError([Diagnostic(str(path), line, column, "error", code, message)])


def load_verse(path: Path) -> Verse:
    """Read and validate a verse YAML file (its id is the file name); locate every problem."""
    from generator.load.document import load_yaml
    from generator.validate.document import validate_document

    if not path.is_file():
        raise _content_error(
            path,
            1,
            1,
            "unreadable",
            _("cannot read the file: {reason}").format(reason=_("no such file")),
        )
    doc, problems = load_yaml(path, str(path))
    if doc is None or problems:
        raise ContentError(problems)
    if not isinstance(doc.data, dict):
        raise _content_error(
            path, 1, 1, "verse-mapping", _("a verse file must be a mapping of fields")
        )
    verse, problems = validate_document(doc, Verse, {**doc.data, "id": _slug(path.stem)})
    if verse is None:
        raise ContentError(problems)
    return verse


def _slug(stem: str) -> str:
    from generator.commands.new import slugify
    from generator.errors import AnsinhError

    try:
        return slugify(stem)
    except AnsinhError:
        return "verse"


def read_text_lines(path: Path) -> list[str]:
    """Return the non-blank lines of a plain-text verse file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _content_error(
            path, 1, 1, "unreadable", _("cannot read the file: {reason}").format(reason=error)
        ) from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_file(
    path: Path, form: VerseForm | None, folk: bool | None = None, region: Region | None = None
) -> list[VerseDiagnostic]:
    """Return the diagnostics of a verse file (YAML or plain text).

    ``folk`` None: a YAML verse by "dân gian" or a classical author is checked by the
    folk tradition's licences, anything else strictly. ``region`` None: the verse's own.
    """
    if path.suffix.lower() in YAML_SUFFIXES:
        verse = load_verse(path)
        if form is not None and form != verse.form:
            verse = verse.model_copy(update={"form": form})
        return check_verse(verse, folk=folk, region=region)
    return check_lines(read_text_lines(path), form or DEFAULT_FORM, folk=folk, region=region)


def format_diagnostic(path: Path, item: VerseDiagnostic) -> str:
    """Return one diagnostic as a line of text."""
    if item.position is None:
        where = _("line {line}").format(line=item.line)
    else:
        where = _("line {line}, syllable {position}").format(line=item.line, position=item.position)
    severity = _("error") if item.severity == "error" else _("warning")
    return f"{path}: {where}: {severity}: {item.message}"


def format_text(path: Path, found: list[VerseDiagnostic]) -> str:
    """Return the text report: one line per diagnostic, then the totals."""
    errors = sum(1 for item in found if item.severity == "error")
    summary = _("{path}: {errors} error(s), {warnings} warning(s)").format(
        path=path, errors=errors, warnings=len(found) - errors
    )
    return "\n".join([*(format_diagnostic(path, item) for item in found), summary])


def run_verse_check(
    path: Path,
    form: str | None,
    output_format: Literal["text", "json"],
    folk: bool | None = None,
    region: Region | None = None,
) -> int:
    """Check a verse file, print its diagnostics; return 1 if any is an error, else 0."""
    found = check_file(path, parse_form(form), folk, region)
    if output_format == "json":
        print(json.dumps([item.as_dict() for item in found], ensure_ascii=False, indent=2))
    else:
        print(format_text(path, found))
    return 1 if any(item.severity == "error" for item in found) else 0


def run(args: argparse.Namespace) -> int:
    """Check one verse file; exit 1 when any diagnostic is an error."""
    return run_verse_check(args.file, args.form, args.format, args.folk, args.region)
