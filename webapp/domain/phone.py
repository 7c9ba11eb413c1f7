"""Is the phone open now? Computed in Europe/Copenhagen from a unit's ``phone_hours``.

A unit's phone hours are weekly (``rules.OpeningHours``: days and spans). The phone is
closed on Danish public holidays (``calendar.is_holiday``). 24 and 31 December and
Grundlovsdag are not public holidays, so the standard's hours apply; the status carries
the calendar's warning for that day, because many offices close early or all day.

Spans on one day that touch (09:00-10:00 and 10:00-14:00) count as one opening.
Nothing here knows about pages or languages: the web layer words the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import calendar
from .rules import WEEKDAYS, OpeningHours

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
LOOK_AHEAD_DAYS = 21  # longer than any run of closed days (Christmas, Easter)


@dataclass(frozen=True)
class PhoneStatus:
    """``is_open`` now until ``until``; else it opens again at ``opens`` (Copenhagen time)."""

    is_open: bool
    now: datetime  # in Copenhagen
    until: time | None = None  # when open: the end of the current opening
    opens: datetime | None = None  # when closed: the next opening, None if none is known
    warning: str | None = None  # dec24 / dec31 / constitution_day for the day concerned

    @property
    def days_ahead(self) -> int | None:
        """0 when the next opening is later today, 1 tomorrow, and so on."""
        if self.opens is None:
            return None
        return (self.opens.date() - self.now.date()).days


def _clock(hhmm: str) -> time:
    hours, minutes = hhmm.split(":")
    return time(int(hours), int(minutes))


def spans_on(hours: Sequence[OpeningHours], day: date) -> list[tuple[time, time]]:
    """The day's openings, sorted and merged; none on a public holiday."""
    if calendar.is_holiday(day):
        return []
    weekday = WEEKDAYS[day.weekday()]
    spans = sorted(
        (_clock(s.opens), _clock(s.closes))
        for block in hours
        if weekday in block.days
        for s in block.spans
    )
    merged: list[tuple[time, time]] = []
    for opens, closes in spans:
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return merged


def phone_status(hours: Sequence[OpeningHours], now: datetime) -> PhoneStatus | None:
    """Open or closed at ``now`` (aware, any zone; naive means Copenhagen time).

    None when the standard gives no phone hours: then we cannot say.
    """
    if not hours:
        return None
    local = now.replace(tzinfo=COPENHAGEN) if now.tzinfo is None else now.astimezone(COPENHAGEN)
    today, clock = local.date(), local.time().replace(tzinfo=None)
    for opens, closes in spans_on(hours, today):
        if opens <= clock < closes:
            return PhoneStatus(True, local, until=closes, warning=calendar.warning_for(today))
    for offset in range(LOOK_AHEAD_DAYS + 1):
        day = today + timedelta(days=offset)
        for opens, _closes in spans_on(hours, day):
            if offset or opens > clock:
                return PhoneStatus(
                    False,
                    local,
                    opens=datetime.combine(day, opens, tzinfo=COPENHAGEN),
                    warning=calendar.warning_for(day),
                )
    return PhoneStatus(False, local)
