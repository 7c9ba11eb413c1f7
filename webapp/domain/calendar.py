"""Danish working days (hverdage) and deadline arithmetic (ASSESSMENT.md §4.6 and §5).

Hverdage are Monday to Friday except Danish public holidays. Store Bededag is a holiday up
to 2023 and not from 2024 (the ``holidays`` package knows this). 24 and 31 December and
Grundlovsdag (5 June) are not public holidays, but offices may be closed: ``warning_for``
names them (and ``complaint_warning_for`` weekends and holidays too, for the last day of a
complaint). Counting starts the day after the event.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from .rules import DayUnit


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("DK", years=year))


def is_holiday(day: date) -> bool:
    return day in _holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (start itself is day 0 and is not counted)."""
    day = start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def add(start: date, amount: int, unit: DayUnit) -> date:
    if unit is DayUnit.WORKING_DAYS:
        return add_working_days(start, amount)
    if unit is DayUnit.WEEKS:
        return start + timedelta(weeks=amount)
    return start + timedelta(days=amount)


def warning_for(day: date) -> str | None:
    """'dec24' / 'dec31' / 'constitution_day' when offices may be closed on ``day``."""
    if day.month == 12 and day.day == 24:
        return "dec24"
    if day.month == 12 and day.day == 31:
        return "dec31"
    if day.month == 6 and day.day == 5:
        return "constitution_day"
    return None


def _closed_all_day(day: date) -> str | None:
    """'saturday' / 'sunday' / 'holiday' when the offices are closed all day."""
    if day.weekday() >= 5:
        return "saturday" if day.weekday() == 5 else "sunday"
    return "holiday" if is_holiday(day) else None


def office_warning_for(day: date) -> str | None:
    """'closed_saturday' / 'closed_sunday' / 'closed_holiday' when the municipality's day
    to contact, decide or start falls on a day its offices are closed (a count in calendar
    days: "4 dage", "4 uger"), else ``warning_for``. A count in working days never lands
    there."""
    closed = _closed_all_day(day)
    return f"closed_{closed}" if closed else warning_for(day)


def complaint_warning_for(day: date) -> str | None:
    """'saturday' / 'sunday' / 'holiday' when the last day for a complaint is one the
    offices are closed all day (a letter must arrive before), else ``warning_for``."""
    return _closed_all_day(day) or warning_for(day)


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
