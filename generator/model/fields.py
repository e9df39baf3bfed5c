"""Field types of the content model: localized texts, limits, web addresses, phones, dates.

Each refuses what no staff member means (a text of 10,000 characters in a title, a
``javascript:`` link, a date in 2201) with a message the validator places at the value.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

_LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


def _check_localized(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value:
        for key, text in value.items():
            if not isinstance(key, str) or not _LOCALE_PATTERN.match(key):
                raise PydanticCustomError(
                    "locale_key", "«{key}» is not a language code", {"key": key}
                )
            if not isinstance(text, str):
                raise PydanticCustomError("localized_type", "a text or one text per language")
        return dict(value)
    raise PydanticCustomError("localized_type", "a text or one text per language")


# Field limits: no real figure has more than 15 digits (10^15 đồng is far beyond any
# budget); texts are capped by what they are for (a title is a line, a quote a few paragraphs).
MAX_WHOLE = 999_999_999_999_999
LABEL_CHARS = 200
LINE_CHARS = 500
PARAGRAPH_CHARS = 1_000
BODY_CHARS = 5_000
URL_CHARS = 2_000

Whole = Annotated[int, Field(ge=0, le=MAX_WHOLE)]
Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Label = Annotated[str, StringConstraints(max_length=LABEL_CHARS)]
# A person's name: shown on cards and pages and read out on the loudspeaker, never blank.
PersonName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=LABEL_CHARS)
]
Line = Annotated[str, StringConstraints(max_length=LINE_CHARS)]
Paragraph = Annotated[str, StringConstraints(max_length=PARAGRAPH_CHARS)]
# No spaces, quotes, angle brackets, backslashes or control characters anywhere.
_WEB_ADDRESS = re.compile(
    r"^https?://[^\s\x00-\x1f\x7f/?#\"'<>\\]+(?:[/?#][^\s\x00-\x1f\x7f\"'<>\\]*)?$",
    re.IGNORECASE,
)


def _check_web_address(value: object) -> str:
    """Accept only a whole web address (``http://`` or ``https://``, a host, no spaces)."""
    if not isinstance(value, str) or len(value) > URL_CHARS or not _WEB_ADDRESS.match(value):
        raise PydanticCustomError("web_address", "a web address such as https://example.vn/")
    return value


# A web page's address: only http and https, so no text of a page can become a script link.
Url = Annotated[
    str,
    PlainValidator(_check_web_address),
    WithJsonSchema({"type": "string", "pattern": _WEB_ADDRESS.pattern, "maxLength": URL_CHARS}),
]


def _at_most(limit: int) -> AfterValidator:
    """Refuse a localized text any of whose versions is longer than ``limit`` characters."""

    def check(value: str | dict[str, str]) -> str | dict[str, str]:
        texts = [value] if isinstance(value, str) else list(value.values())
        longest = max((len(text) for text in texts), default=0)
        if longest > limit:
            raise PydanticCustomError(
                "string_too_long",
                "at most {max_length} characters",
                {"max_length": limit, "length": longest},
            )
        return value

    return AfterValidator(check)


def not_blank() -> AfterValidator:
    """Refuse a localized text any of whose versions is empty or only spaces."""

    def check(value: str | dict[str, str]) -> str | dict[str, str]:
        texts = [value] if isinstance(value, str) else list(value.values())
        if any(not text.strip() for text in texts):
            raise PydanticCustomError("string_too_short", "an empty text", {"min_length": 1})
        return value

    return AfterValidator(check)


# A localized text: a plain string in the default locale, or one text per locale.
LocalizedText = Annotated[
    str | dict[str, str],
    PlainValidator(_check_localized),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "propertyNames": {"pattern": _LOCALE_PATTERN.pattern},
                    "additionalProperties": {"type": "string"},
                    "minProperties": 1,
                },
            ],
            "description": "A text, or one text per language: {vi: ..., en: ...}",
        }
    ),
]


LocalizedLabel = Annotated[LocalizedText, _at_most(LABEL_CHARS)]
LocalizedLine = Annotated[LocalizedText, _at_most(LINE_CHARS)]
LocalizedParagraph = Annotated[LocalizedText, _at_most(PARAGRAPH_CHARS)]
LocalizedBody = Annotated[LocalizedText, _at_most(BODY_CHARS)]


FIRST_YEAR, LAST_YEAR = 1900, 2100


def _check_year(value: dt.date) -> dt.date:
    """Refuse a date no campaign can mean (a typo such as 2201 or 0001 breaks the build)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "a date between {first} and {last}",
            {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return value


_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{2,19}$")


def _check_phone(value: object) -> str:
    """Accept one phone number: digits, with spaces, dots or hyphens between groups."""
    if not isinstance(value, str) or not _PHONE.match(value) or sum(map(str.isdigit, value)) < 3:
        raise PydanticCustomError("phone_number", "one phone number such as 1900 9068")
    return value


# The number residents call: a tel: link on pages, read digit by digit on loudspeakers.
PhoneNumber = Annotated[
    str, PlainValidator(_check_phone), WithJsonSchema({"type": "string", "pattern": _PHONE.pattern})
]


# A date of the content: 1900 to 2100.
ContentDate = Annotated[dt.date, AfterValidator(_check_year)]
