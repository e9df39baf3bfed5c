"""Turn a loaded YAML document into a model object, or into located diagnostics."""

from __future__ import annotations

import difflib
import re
import types
import typing
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Diagnostic
from generator.i18n import N_, _
from generator.load.document import Document, Loc
from generator.model.content import MAX_WHOLE
from generator.validate.hints import choice_hint, date_hint, key_hint, slug

M = TypeVar("M", bound=BaseModel)
MAX_PER_FILE = 50

_WRONG_TYPE = {
    "string_type": N_("a text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "decimal_type": N_("a number"),
    "decimal_parsing": N_("a number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list (lines starting with '- ')"),
    "dict_type": N_("a mapping (lines of 'key: value')"),
    "model_type": N_("a mapping (lines of 'key: value')"),
    "model_attributes_type": N_("a mapping (lines of 'key: value')"),
    "localized_type": N_("a text or one text per language"),
}
_DATE_ERRORS = {
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
}


def describe_value(value: Any) -> str:
    """Say in words what kind of value staff wrote."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("«{value}» (true/false)").format(value=str(value).lower())
    if isinstance(value, (int, float, Decimal)):
        written = str(value)
        return _("the number {value}").format(
            value=written if len(written) <= 40 else written[:37] + "…"
        )
    if isinstance(value, str):
        return _("the text «{value}»").format(value=value if len(value) <= 40 else value[:37] + "…")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


def _choices(expected: str) -> str:
    return expected.replace("'", "").replace(" or ", ", ")


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Return the model class that owns the mapping found at ``loc``."""
    current: Any = root
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
        else:
            current = _item_type(current)
            if current is None:
                return None
    current = _unwrap_optional(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


@lru_cache(maxsize=4096)
def _allowed_keys(root: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    """The keys the mapping at ``loc`` may have, sorted: a file with thousands of unknown
    keys in one mapping looks them up once."""
    model = _model_at(root, loc)
    return tuple(sorted(model.model_fields)) if model else ()


def _item_type(annotation: Any) -> Any:
    annotation = _unwrap_optional(annotation)
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _unknown_key_message(root: type[BaseModel], loc: Loc, *, hint: bool = True) -> str:
    key = str(loc[-1])
    allowed = list(_allowed_keys(root, loc[:-1]))
    meant = key_hint(key, allowed) if hint else None
    if meant is not None:
        return _("unknown key «{key}»: keys are written in English; write «{suggestion}»").format(
            key=key, suggestion=meant
        )
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6) if hint else []
    if close:
        return _("unknown key «{key}»; did you mean «{suggestion}»?").format(
            key=key, suggestion=close[0]
        )
    return _("unknown key «{key}»; allowed here: {allowed}").format(
        key=key, allowed=", ".join(allowed)
    )


def _field_name(loc: Loc) -> str:
    if loc and loc[-1] == "[key]":
        loc = loc[:-2]
    names = [str(part) for part in loc if isinstance(part, str)]
    return names[-1] if names else "?"


def _message_for(
    error: ErrorDetails, root: type[BaseModel], loc: Loc, *, hint: bool = True
) -> tuple[str, str]:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    name = _field_name(loc)
    if kind == "missing":
        return "missing", _("missing required key «{key}»").format(key=name)
    if kind == "extra_forbidden":
        return "unknown-key", _unknown_key_message(root, loc, hint=hint)
    if name == "percent_of_target" and isinstance(value, str):
        return "computed", _(
            "«percent_of_target» is computed from «value» and «target»: remove this line "
            "(to check a reported percentage, write it as a plain number such as 87.59, "
            "without % or a decimal comma), found {found}"
        ).format(found=describe_value(value))
    if kind in _WRONG_TYPE and not loc and kind in ("dict_type", "model_type"):
        return "wrong-type", _("the file must be a mapping of 'key: value' lines")
    if kind in _WRONG_TYPE:
        return "wrong-type", _("«{key}» must be {expected}, found {found}").format(
            key=name, expected=_(_WRONG_TYPE[kind]), found=describe_value(value)
        )
    if kind in _DATE_ERRORS and (iso := date_hint(value)) is not None:
        return "invalid-date", _(
            "«{key}» must be a date written YYYY-MM-DD, found {found}; write {iso}"
        ).format(key=name, found=describe_value(value), iso=iso)
    if kind in _DATE_ERRORS:
        return "invalid-date", _(
            "«{key}» must be a real date written YYYY-MM-DD (e.g. 2025-07-01), found {found}"
        ).format(key=name, found=describe_value(value))
    if kind in ("literal_error", "enum") and hint:
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        meant = choice_hint(value, choices)
        if meant is not None:
            return "invalid-choice", _(
                "«{key}» cannot be {found}; did you mean «{suggestion}»? (choose one of: {choices})"
            ).format(
                key=name, found=describe_value(value), suggestion=meant, choices=", ".join(choices)
            )
    if kind in ("literal_error", "enum"):
        return "invalid-choice", _("«{key}» cannot be {found}; choose one of: {choices}").format(
            key=name, found=describe_value(value), choices=_choices(ctx.get("expected", ""))
        )
    if kind == "string_pattern_mismatch" and isinstance(value, str) and slug(value):
        return "invalid-id", _(
            "«{value}» is not a valid name here: use lowercase letters without accents, "
            "digits and hyphens; did you mean «{suggestion}»?"
        ).format(value=value, suggestion=slug(value))
    if kind == "string_pattern_mismatch":
        return "invalid-id", _(
            "«{value}» is not a valid name here: use lowercase letters without accents, "
            "digits and hyphens, e.g. cao-lanh-2021"
        ).format(value=value)
    if kind == "int_parsing_size" or (kind == "less_than_equal" and ctx.get("le") == MAX_WHOLE):
        return "too-large", _(
            "«{key}» is too large: at most {digits} digits, found {found}; check the number"
        ).format(key=name, digits=len(str(MAX_WHOLE)), found=describe_value(value))
    if kind == "finite_number":
        return "not-a-number", _(
            "«{key}» must be a real number, found {found} (not a number or infinite); "
            "write digits, e.g. 87.59"
        ).format(key=name, found=describe_value(value))
    if kind == "string_too_long":
        length = ctx.get("length") or (len(value) if isinstance(value, str) else "?")
        return "too-long", _(
            "«{key}» is too long: {length} characters, at most {limit}; shorten it"
        ).format(key=name, length=length, limit=ctx.get("max_length"))
    if kind == "string_too_short":
        return "empty", _("«{key}» is empty: write its text").format(key=name)
    if kind == "too_long":
        return "too-long", _("«{key}» has too many items: {count}, at most {limit}").format(
            key=name, count=ctx.get("actual_length"), limit=ctx.get("max_length")
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": _("greater than {bound}"),
            "greater_than_equal": _("at least {bound}"),
            "less_than": _("less than {bound}"),
            "less_than_equal": _("at most {bound}"),
        }
        return "out-of-range", _("«{key}» must be {condition}, found {found}").format(
            key=name, condition=words[kind].format(bound=bound), found=describe_value(value)
        )
    if kind == "too_short":
        return "too-short", _("«{key}» needs at least {count} item(s)").format(
            key=name, count=ctx.get("min_length", 1)
        )
    if kind == "phone_number":
        return "invalid-phone", _(
            "«{key}» must be one phone number, digits with spaces, dots or hyphens, e.g. "
            "1900 9068 (write other numbers in the texts), found {found}"
        ).format(key=name, found=describe_value(value))
    if kind == "date_range":
        return "invalid-date", _(
            "«{key}» must be a date between {first} and {last}, found {found}"
        ).format(
            key=name, first=ctx.get("first"), last=ctx.get("last"), found=describe_value(value)
        )
    if kind == "web_address":
        return "invalid-url", _(
            "«{key}» must be a web address starting with https:// or http://, without spaces "
            "or quotes, e.g. https://baohiemxahoi.gov.vn/, found {found}"
        ).format(key=name, found=describe_value(value))
    if kind == "clock_time":
        return "invalid-time", _(
            "«{key}» must be a time of day on the 24-hour clock, e.g. 06:30 or 17:00, found {found}"
        ).format(key=name, found=describe_value(value))
    if kind == "locale_key":
        return "invalid-locale", _("«{key}» is not a language code such as vi or en").format(
            key=ctx.get("key", "?")
        )
    if kind == "reserved_name":
        return "reserved-name", _(
            "«{key}» cannot be «{found}»: a page of the site has that name in the same "
            "folder; choose another name"
        ).format(key=name, found=ctx.get("name", "?"))
    return "invalid", _("«{key}» is not valid: {reason}").format(key=name, reason=error["msg"])


def _written_loc(error: ErrorDetails, doc: Document, base: Loc) -> tuple[Loc, bool]:
    """Return the written part of an error's location, and whether it names a key."""
    parts = list(error["loc"])
    if parts and parts[-1] == "[key]":
        return base + tuple(parts[:-1]), True
    written: Loc = base
    for part in parts:
        candidate = written + (part,)
        if candidate in doc.values:
            written = candidate
        elif error["type"] in ("missing", "extra_forbidden") and part == parts[-1]:
            return written + (part,), True
    return written, error["type"] == "extra_forbidden"


def validate_document(
    doc: Document, model: type[M], data: Any, base: Loc = ()
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``data`` (found at ``base`` in ``doc``) into ``model``; locate every error.

    Past the first ``MAX_PER_FILE`` errors in file order, which ``check`` does not show,
    messages skip the costly suggestions («did you mean …»).
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        placed = []
        for error in exc.errors():
            loc, is_key = _written_loc(error, doc, base)
            if error["type"] == "missing":
                loc, is_key = loc[:-1], True
            placed.append((doc.mark(loc, key=is_key), loc, is_key, error))
        placed.sort(key=lambda item: (item[0].line, item[0].column))
        diagnostics = []
        for index, (_mark, loc, is_key, error) in enumerate(placed):
            hint = index < MAX_PER_FILE
            code, message = _message_for(error, model, tuple(error["loc"]), hint=hint)
            diagnostics.append(doc.diagnostic(loc, code, message, key=is_key))
        return None, diagnostics
