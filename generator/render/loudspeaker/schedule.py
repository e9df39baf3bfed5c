"""A campaign's loudspeaker broadcasts as an iCalendar file (RFC 5545).

One event a day-time slot ("06:00", "17:30"), repeating weekly on the
campaign's broadcast days until the end of its period, in Vietnam's time zone
(UTC+07:00 all year, no daylight saving). UID and DTSTAMP come from the
content, never from the clock, so the file is the same at every build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from generator.model import Campaign, Project
from generator.render.escape import ical_text
from generator.render.loudspeaker.broadcast import Script
from generator.render.views import LocaleText

TZID = "Asia/Ho_Chi_Minh"
UTC_OFFSET = dt.timedelta(hours=7)
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
WEEKDAYS = list(BYDAY)
LINE_OCTETS = 75
TIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19750613T000000",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "TZNAME:ICT",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def first_broadcast(start: dt.date, end: dt.date, days: Sequence[str]) -> dt.date | None:
    """Return the first date of the period that falls on a broadcast day."""
    wanted = {WEEKDAYS.index(day) for day in days}
    day = start
    while day <= end:
        if day.weekday() in wanted:
            return day
        day += dt.timedelta(days=1)
    return None


def ical_duration(seconds: float) -> str:
    """Write a duration as PT6M26S (whole seconds, rounded up)."""
    whole = int(-(-seconds // 1))
    minutes, rest = divmod(whole, 60)
    return f"PT{minutes}M{rest}S" if minutes else f"PT{rest}S"


def _reference_script(scripts: Sequence[Script]) -> Script:
    """The 3-minute script, else the one closest to three minutes."""
    return min(scripts, key=lambda s: abs(s.length.minutes - 3))


def _event(
    campaign: Campaign, time: str, first: dt.date, script: Script, texts: dict[str, str], host: str
) -> list[str]:
    hour, minute = (int(part) for part in time.split(":"))
    start = dt.datetime.combine(first, dt.time(hour, minute))
    until = dt.datetime.combine(campaign.period.end, dt.time(23, 59, 59)) - UTC_OFFSET
    days = ",".join(BYDAY[day] for day in WEEKDAYS if day in campaign.loudspeaker.days)
    stamp = campaign.period.start.strftime("%Y%m%dT000000Z")
    return [
        "BEGIN:VEVENT",
        f"UID:{campaign.id}-{hour:02d}{minute:02d}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}",
        f"DURATION:{ical_duration(script.seconds * campaign.loudspeaker.repeats)}",
        f"RRULE:FREQ=WEEKLY;WKST=MO;BYDAY={days};UNTIL={until:%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{ical_text(texts['summary'])}",
        f"DESCRIPTION:{ical_text(texts['description'])}",
        f"URL:{texts['url']}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def render_calendar(
    project: Project, campaign: Campaign, scripts: Sequence[Script], translate: Callable[[str], str]
) -> bytes:
    """Return the campaign's broadcast calendar as iCalendar bytes (CRLF, folded)."""
    title = LocaleText("vi", "vi").plain(campaign.title)
    script = _reference_script(scripts)
    name = script.length.id
    others = [f"{s.length.id}.txt" for s in scripts if s is not script]
    base = project.site.base_url.rstrip("/")
    texts = {
        "summary": translate("Loudspeaker: {title}").format(title=title),
        "description": translate(
            "Read {file} ({repeats} times in a row) or paste it into the text-to-speech box. "
            "Operator sheet: {sheet}. Other lengths: {others}."
        ).format(
            file=f"{name}.txt",
            repeats=campaign.loudspeaker.repeats,
            sheet=f"{name}.pdf",
            others=", ".join(others) or "-",
        ),
        "url": f"{base}/loudspeaker/{campaign.id}/{name}.txt",
    }
    host = urlsplit(project.site.base_url).hostname or "ansinh.invalid"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//An Sinh//Loudspeaker schedule//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_text(texts['summary'])}",
        f"X-WR-TIMEZONE:{TZID}",
        *TIMEZONE,
    ]
    first = first_broadcast(campaign.period.start, campaign.period.end, campaign.loudspeaker.days)
    if first is not None:
        for time in sorted(campaign.loudspeaker.times):
            lines += _event(campaign, time, first, script, texts, host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
