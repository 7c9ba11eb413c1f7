"""Is the phone open now? Brønderslev's Visitationen, as its standard gives the hours:
Monday-Thursday 8.00-9.00 and 10.00-14.00, Friday 8.00-9.00 and 10.00-13.30."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from webapp.domain.loader import load_rules
from webapp.domain.phone import COPENHAGEN, phone_status, spans_on
from webapp.domain.rules import OpeningHours, TimeSpan

BOOK = load_rules()
HOURS = BOOK.standards["broenderslev"].units["visitation"].phone_hours


def at(y, mo, d, h, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=COPENHAGEN)


def expected_open(moment: datetime) -> bool:
    """Written out by hand from the standard, for an ordinary week without holidays."""
    t = moment.time()
    weekday = moment.weekday()
    if weekday >= 5:
        return False
    late_close = time(13, 30) if weekday == 4 else time(14)
    return time(8) <= t < time(9) or time(10) <= t < late_close


def test_the_rules_data_is_what_the_standard_says():
    assert [(h.days, [(s.opens, s.closes) for s in h.spans]) for h in HOURS] == [
        (["mon", "tue", "wed", "thu"], [("08:00", "09:00"), ("10:00", "14:00")]),
        (["fri"], [("08:00", "09:00"), ("10:00", "13:30")]),
    ]


def test_every_quarter_of_an_ordinary_week():
    # Monday 13 April 2026 to Sunday 19 April 2026: no holidays.
    moment = at(2026, 4, 13, 0)
    while moment < at(2026, 4, 20, 0):
        status = phone_status(HOURS, moment)
        assert status is not None
        assert status.is_open is expected_open(moment), moment
        if status.is_open:
            assert status.until is not None and status.until > moment.time()
            assert not expected_open(datetime.combine(moment.date(), status.until,
                                                      tzinfo=COPENHAGEN))
        else:
            assert status.opens is not None and status.opens > moment
            assert expected_open(status.opens)
            # and nothing opens in between
            probe = moment + timedelta(minutes=15)
            while probe < status.opens:
                assert not expected_open(probe), (moment, probe)
                probe += timedelta(minutes=15)
        moment += timedelta(minutes=15)


@pytest.mark.parametrize(("now", "is_open", "until", "opens"), [
    (at(2026, 4, 13, 8, 30), True, time(9), None),                 # Monday morning
    (at(2026, 4, 13, 9, 30), False, None, at(2026, 4, 13, 10)),    # the break: today at 10
    (at(2026, 4, 16, 13, 45), True, time(14), None),               # Thursday: until 14.00
    (at(2026, 4, 17, 13, 15), True, time(13, 30), None),           # Friday: until 13.30
    (at(2026, 4, 17, 13, 45), False, None, at(2026, 4, 20, 8)),    # Friday afternoon: Monday
    (at(2026, 4, 18, 11), False, None, at(2026, 4, 20, 8)),        # Saturday: Monday
    (at(2026, 4, 14, 23, 59), False, None, at(2026, 4, 15, 8)),    # before midnight: tomorrow
    (at(2026, 4, 15, 0, 0), False, None, at(2026, 4, 15, 8)),      # after midnight: today
    (at(2026, 4, 15, 14, 0), False, None, at(2026, 4, 16, 8)),     # closes at 14.00 sharp
    (at(2026, 4, 15, 8, 0), True, time(9), None),                  # opens at 8.00 sharp
])
def test_open_or_closed(now, is_open, until, opens):
    status = phone_status(HOURS, now)
    assert status is not None
    assert (status.is_open, status.until, status.opens) == (is_open, until, opens)


def test_easter_2026_closes_from_maundy_thursday_to_easter_monday():
    # Wednesday 1 April after 14.00: Maundy Thursday, Good Friday, the weekend and Easter
    # Monday (6 April) are holidays; the phone opens again Tuesday 7 April at 8.00.
    status = phone_status(HOURS, at(2026, 4, 1, 14, 30))
    assert status is not None and not status.is_open
    assert status.opens == at(2026, 4, 7, 8)
    assert status.days_ahead == 6


def test_easter_monday_is_closed_all_day():
    assert spans_on(HOURS, datetime(2026, 4, 6).date()) == []
    status = phone_status(HOURS, at(2026, 4, 6, 10, 30))
    assert status is not None and not status.is_open
    assert status.opens == at(2026, 4, 7, 8)


def test_christmas_eve_follows_the_standard_with_a_warning():
    # 24 December is not a public holiday: the standard's Thursday hours apply, and the
    # status carries the warning that many offices close.
    status = phone_status(HOURS, at(2026, 12, 24, 8, 30))
    assert status is not None and status.is_open and status.until == time(9)
    assert status.warning == "dec24"
    # After closing on the 24th: Christmas Day (Friday) and the weekend are closed.
    later = phone_status(HOURS, at(2026, 12, 24, 14, 30))
    assert later is not None and later.opens == at(2026, 12, 28, 8)
    assert later.warning is None
    # On the 23rd in the afternoon the next opening is the 24th: warned about too.
    before = phone_status(HOURS, at(2026, 12, 23, 15))
    assert before is not None and before.opens == at(2026, 12, 24, 8)
    assert before.warning == "dec24"


def test_new_years_eve_and_constitution_day_warn():
    assert phone_status(HOURS, at(2026, 12, 31, 10)).warning == "dec31"
    assert phone_status(HOURS, at(2026, 6, 5, 10)).warning == "constitution_day"


def test_time_is_read_in_copenhagen_whatever_the_zone_given():
    # 30 March 2026 is the first Monday of summer time (UTC+2): 06:30 UTC is 08:30 here.
    status = phone_status(HOURS, datetime(2026, 3, 30, 6, 30, tzinfo=UTC))
    assert status is not None and status.is_open and status.until == time(9)
    assert status.now.utcoffset() == timedelta(hours=2)
    # in winter time (UTC+1) 06:30 UTC is 07:30: not open yet
    winter = phone_status(HOURS, datetime(2026, 1, 12, 6, 30, tzinfo=UTC))
    assert winter is not None and not winter.is_open
    assert winter.opens == at(2026, 1, 12, 8)


def test_naive_time_means_copenhagen():
    status = phone_status(HOURS, datetime(2026, 4, 13, 8, 30))
    assert status is not None and status.is_open


def test_touching_spans_are_one_opening():
    hours = [OpeningHours(days=["mon"], spans=[TimeSpan(opens="08:00", closes="09:00"),
                                               TimeSpan(opens="09:00", closes="10:30")])]
    status = phone_status(hours, at(2026, 4, 13, 8, 30))
    assert status is not None and status.until == time(10, 30)


def test_no_phone_hours_means_we_cannot_say():
    assert phone_status([], at(2026, 4, 13, 8, 30)) is None
    assert BOOK.standards["nyborg"].units["sundhed_og_traening"].phone_hours == []


def test_fredericia_two_openings_a_day():
    hours = BOOK.standards["fredericia"].units["traening_forebyggelse"].phone_hours
    assert phone_status(hours, at(2026, 4, 13, 9, 29)).until == time(9, 30)
    assert phone_status(hours, at(2026, 4, 13, 9, 30)).opens == at(2026, 4, 13, 12, 30)


# --------------------------------------------------------------------------- wording


@pytest.fixture()
def danish(app):
    with app.test_request_context("/?lang=da"):
        yield


def test_wording(danish):
    from webapp.extras_texts import phone_text

    assert phone_text(phone_status(HOURS, at(2026, 4, 13, 8, 30))) == \
        "Telefonen er åben nu – til kl. 9.00."
    assert phone_text(phone_status(HOURS, at(2026, 4, 17, 13, 15))) == \
        "Telefonen er åben nu – til kl. 13.30."
    assert phone_text(phone_status(HOURS, at(2026, 4, 17, 14))) == \
        "Telefonen er lukket nu. Den åbner igen mandag kl. 8.00."
    assert phone_text(phone_status(HOURS, at(2026, 4, 13, 9, 30))) == \
        "Telefonen er lukket nu. Den åbner igen i dag kl. 10.00."
    assert phone_text(phone_status(HOURS, at(2026, 4, 14, 20))) == \
        "Telefonen er lukket nu. Den åbner igen i morgen, onsdag, kl. 8.00."
    christmas = phone_text(phone_status(HOURS, at(2026, 12, 24, 8, 30)))
    assert christmas.startswith("Telefonen er åben nu – til kl. 9.00.")
    assert "juleaftensdag" in christmas
