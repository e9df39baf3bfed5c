"""Translation of the project's own messages through gettext catalogs.

Message ids are English. Each area of the package keeps its own catalog file in
``generator/locale/<lang>/LC_MESSAGES/<area>.po``; all files of a language are
merged when it is first used. An id with no translation is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "vi"

_language: ContextVar[str] = ContextVar("ansinh_language", default=DEFAULT_LANGUAGE)


@cache
def load_catalog(lang: str, extra_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """Return every translated message of ``lang``, merged from its .po files.

    The package's own catalogs come first; catalogs in ``extra_dirs`` (a theme's
    or a project's ``locale`` folders) add to them and win on the same id.
    """
    messages: dict[str, str] = {}
    po_files = [
        path
        for base in (LOCALE_DIR, *extra_dirs)
        for path in sorted((base / lang / "LC_MESSAGES").glob("*.po"))
    ]
    for po_path in po_files:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=None)
        for message in catalog:
            if (
                isinstance(message.id, str)
                and isinstance(message.string, str)
                and message.id
                and message.string
                and not message.fuzzy
            ):
                messages[message.id] = message.string
    return messages


def set_language(lang: str) -> None:
    """Make ``lang`` the language of messages for the rest of this context."""
    _language.set(lang)


def current_language() -> str:
    return _language.get()


def translate(msgid: str, lang: str, extra_dirs: tuple[Path, ...] = ()) -> str:
    """Return ``msgid`` in ``lang``, or as written when it has no translation."""
    return load_catalog(lang, extra_dirs).get(msgid, msgid)


def _(msgid: str) -> str:
    """Return ``msgid`` in the current language."""
    return translate(msgid, _language.get())


def translator(lang: str, extra_dirs: tuple[Path, ...] = ()) -> Callable[[str], str]:
    """Return a function translating message ids into ``lang``."""
    return lambda msgid: translate(msgid, lang, extra_dirs)


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogs where it is defined; translate it where it is shown."""
    return msgid
