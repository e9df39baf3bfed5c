"""A time of day on the 24-hour clock, as staff write it in YAML (``6:30`` or ``06:30``)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


def _check_clock(value: object) -> str:
    """Accept ``6:30`` or ``06:30`` (24-hour clock) and write it ``06:30``."""
    found = _CLOCK.match(value) if isinstance(value, str) else None
    if found is None:
        raise PydanticCustomError("clock_time", "a time of day such as 06:30")
    return f"{int(found.group(1)):02d}:{found.group(2)}"


# A time of day on the 24-hour clock, written H:MM or HH:MM.
ClockTime = Annotated[
    str,
    PlainValidator(_check_clock),
    WithJsonSchema({"type": "string", "pattern": _CLOCK.pattern}),
]
