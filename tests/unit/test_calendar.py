from datetime import date

import pytest

from webapp.domain.calendar import (
    add,
    add_working_days,
    complaint_warning_for,
    is_working_day,
    warning_for,
)
from webapp.domain.rules import DayUnit


@pytest.mark.parametrize("day", [date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 6),
                                 date(2026, 5, 14), date(2026, 5, 25), date(2026, 12, 25),
                                 date(2026, 12, 26), date(2027, 1, 1)])
def test_public_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_easter_2026():
    # Wednesday 1 April + 1 working day skips Maundy Thursday, Good Friday, the weekend
    # and Easter Monday.
    assert add_working_days(date(2026, 4, 1), 1) == date(2026, 4, 7)
    assert add_working_days(date(2026, 3, 30), 5) == date(2026, 4, 9)


def test_christmas_and_new_year_2026_27():
    # 24 and 31 December are not public holidays: they count as working days.
    assert is_working_day(date(2026, 12, 24)) and is_working_day(date(2026, 12, 31))
    assert add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 24)
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 4)


def test_store_bededag_2023_is_a_holiday_but_not_from_2024():
    assert not is_working_day(date(2023, 5, 5))
    assert is_working_day(date(2024, 4, 26))
    assert add_working_days(date(2023, 5, 4), 1) == date(2023, 5, 8)
    assert add_working_days(date(2024, 4, 25), 1) == date(2024, 4, 26)


def test_counting_starts_the_day_after():
    # "within 5 hverdage" after a Monday request is the following Monday.
    assert add_working_days(date(2026, 3, 2), 5) == date(2026, 3, 9)
    assert add(date(2026, 3, 30), 7, DayUnit.CALENDAR_DAYS) == date(2026, 4, 6)
    assert add(date(2026, 3, 30), 4, DayUnit.WEEKS) == date(2026, 4, 27)


def test_days_when_offices_may_be_closed():
    assert warning_for(date(2026, 12, 24)) == "dec24"
    assert warning_for(date(2026, 12, 31)) == "dec31"
    assert warning_for(date(2026, 6, 5)) == "constitution_day"
    assert warning_for(date(2026, 6, 4)) is None


def test_the_last_day_of_a_complaint_on_a_day_offices_are_closed():
    """Four weeks after a decision of Saturday 31 October 2026 is Saturday 28 November: the
    complaint must be sent before (a usability test found the date said without a word)."""
    decision = date(2026, 10, 31)
    assert complaint_warning_for(add(decision, 4, DayUnit.WEEKS)) == "saturday"
    assert complaint_warning_for(date(2026, 11, 29)) == "sunday"
    assert complaint_warning_for(date(2026, 12, 25)) == "holiday"  # juledag, a Friday
    assert complaint_warning_for(date(2027, 3, 25)) == "holiday"  # skærtorsdag
    assert complaint_warning_for(date(2026, 12, 24)) == "dec24"  # a Thursday
    assert complaint_warning_for(date(2027, 6, 5)) == "saturday"  # grundlovsdag: closed all day
    assert complaint_warning_for(date(2026, 11, 30)) is None  # a Monday
    assert warning_for(date(2026, 11, 28)) is None  # other deadlines: unchanged
