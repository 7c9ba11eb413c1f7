"""iCalendar files (RFC 5545) for a person's deadlines, made on the fly and never stored.

One all-day event per deadline (``DTSTART;VALUE=DATE``: a deadline is a day, not a
moment), in a calendar that declares Europe/Copenhagen (``X-WR-TIMEZONE`` and its
``VTIMEZONE``), each with a reminder at 09:00 the day before (``TRIGGER:-PT15H`` from the
start of the day, the form calendar programs use for "the day before at 9"); a complaint's
last day also earlier (a week before, ``-P6DT15H``, or 3 days before when less than a week is
left), as a letter must arrive by then.

The text itself (summary, description) comes from the caller, already in the person's
language; this module only knows the format: escaping, CRLF line ends and folding of
lines longer than 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Traeningsguiden//Traeningsguiden//DA"
TZID = "Europe/Copenhagen"
REMINDER = "-PT15H"  # 09:00 the day before an all-day event


def days_before(days: int) -> str:
    """The trigger for 09:00 ``days`` days before an all-day event ("-P6DT15H" for 7)."""
    return f"-P{days - 1}DT15H"

# Denmark's rules since 1996 (EU summer time): last Sunday of March 02:00 -> CEST,
# last Sunday of October 03:00 -> CET.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: date
    summary: str
    description: str = ""
    reminder: str | None = None  # the reminder's text; the summary when None
    # A second reminder ``early_days`` before (a complaint must reach its body by the day:
    # the day before is too late for a letter)
    early: str | None = None
    early_days: int = 7


def event_uid(*parts: str, domain: str = "traeningsguiden") -> str:
    """A stable UID: the same deadline gives the same UID, so importing twice updates the
    event instead of adding a copy. Hashed, so the UID does not spell out the answers."""
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"{digest}@{domain}"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (§3.1); continuation lines start with a space."""
    if len(line.encode()) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if size + width > MAX_OCTETS:
            parts.append("".join(current))
            current, size = [], 1  # the leading space of the continuation line
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_file(
    events: Iterable[CalendarEvent],
    *,
    stamp: datetime,
    name: str | None = None,
    language: str = "da",
) -> str:
    """The whole VCALENDAR as text with CRLF line ends (encode it as UTF-8)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines += VTIMEZONE
    dtstamp = _stamp(stamp)
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY;LANGUAGE={language}:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION;LANGUAGE={language}:{escape_text(event.description)}")
        lines += [
            "TRANSP:TRANSPARENT",
            "CLASS:PRIVATE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(event.reminder or event.summary)}",
            f"TRIGGER:{REMINDER}",
            "END:VALARM",
        ]
        if event.early:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(event.early)}",
                f"TRIGGER:{days_before(event.early_days)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
