"""Dates, times, amounts and opening hours in the locale's own form, Danish and English."""

from __future__ import annotations

from datetime import date

import pytest

from webapp import i18n, texts
from webapp.domain.rules import OpeningHours, TimeSpan

DA, EN = "/?lang=da", "/?lang=en"


@pytest.fixture()
def da(app):
    with app.test_request_context(DA):
        yield


@pytest.fixture()
def en(app):
    with app.test_request_context(EN):
        yield


@pytest.mark.parametrize(("day", "danish", "english"), [
    (date(2026, 4, 3), "fredag den 3. april 2026", "Friday 3 April 2026"),
    (date(2026, 12, 24), "torsdag den 24. december 2026", "Thursday 24 December 2026"),
    (date(2027, 1, 1), "fredag den 1. januar 2027", "Friday 1 January 2027"),
])
def test_long_date(app, day, danish, english):
    with app.test_request_context(DA):
        assert i18n.format_long_date(day) == danish
    with app.test_request_context(EN):
        assert i18n.format_long_date(day) == english


def test_short_date(app):
    with app.test_request_context(DA):
        assert i18n.format_short_date(date(2017, 5, 3)) == "3. maj 2017"
    with app.test_request_context(EN):
        assert i18n.format_short_date(date(2017, 5, 3)) == "3 May 2017"


@pytest.mark.parametrize(("hhmm", "danish", "english"), [
    ("09:30", "kl. 9.30", "9:30"),
    ("14:05", "kl. 14.05", "14:05"),
    ("08:00", "kl. 8.00", "8:00"),
])
def test_time(app, hhmm, danish, english):
    with app.test_request_context(DA):
        assert i18n.format_time(hhmm) == danish
        assert i18n.format_clock(hhmm) == danish.removeprefix("kl. ")
    with app.test_request_context(EN):
        assert i18n.format_time(hhmm) == english
        assert i18n.format_clock(hhmm) == english


@pytest.mark.parametrize(("amount", "danish", "english"), [
    (25, "25 kr.", "DKK 25"),
    (25.0, "25 kr.", "DKK 25"),
    (25.5, "25,50 kr.", "DKK 25.50"),
    (1250, "1.250 kr.", "DKK 1,250"),
])
def test_amount(app, amount, danish, english):
    with app.test_request_context(DA):
        assert i18n.format_amount(amount) == danish
    with app.test_request_context(EN):
        assert i18n.format_amount(amount) == english


WEEKDAYS = OpeningHours(days=["mon", "tue", "wed", "thu", "fri"],
                        spans=[TimeSpan(opens="08:00", closes="09:30")])
TWO_DAYS = OpeningHours(days=["mon", "thu"], spans=[TimeSpan(opens="08:00", closes="09:30"),
                                                    TimeSpan(opens="13:00", closes="14:00")])


def test_phone_hours_danish(da):
    assert texts.hours_text(WEEKDAYS) == "Mandag til fredag kl. 8.00-9.30"
    assert texts.hours_text(TWO_DAYS) == "Mandag og torsdag kl. 8.00-9.30 og 13.00-14.00"


def test_phone_hours_english(en):
    # day names keep their capitals (str.capitalize() would write "Monday to friday")
    assert texts.hours_text(WEEKDAYS) == "Monday to Friday, 8:00–9:30"
    assert texts.hours_text(TWO_DAYS) == "Monday and Thursday, 8:00–9:30 and 13:00–14:00"


def test_cancel_deadline_uses_the_time_format(app):
    from webapp.domain.rules import CancelDeadline

    rule = CancelDeadline(day="day_before", time="12:00", or_as_soon_as_possible=False)
    with app.test_request_context(DA):
        assert texts.cancel_text(rule) == "Meld afbud senest dagen før kl. 12.00."
    with app.test_request_context(EN):
        assert texts.cancel_text(rule) == "Cancel by 12:00 the day before at the latest."


def test_deadline_sentence_carries_the_long_date(app, book):
    from webapp.domain.answers import Answers
    from webapp.domain.assess import assess

    answers = Answers(age=60, in_hospital=False, hospital_plan="yes", plan_level="basal",
                      discharge_date=date(2026, 3, 30), motivated=True)
    result = assess("fredericia", answers, date(2026, 3, 30), book)
    offer = next(o for o in result.offers if o.id == "sul-140")
    start = next(d for d in offer.deadlines if d.kind == "start")
    with app.test_request_context(DA):
        assert "mandag den 6. april 2026" in texts.deadline_text(start, "Fredericia Kommune")
    with app.test_request_context(EN):
        text = texts.deadline_text(start, "Fredericia Kommune")
        assert "Monday 6 April 2026" in text
        assert "2026-04-06" not in text


def test_fee_amount_in_both_languages(app):
    from webapp.domain.rules import Fee

    fee = Fee(what="activity_attendance", amount_dkk=25.0, per="attendance", includes=["coffee"])
    with app.test_request_context(DA):
        assert texts.fee_text(fee) == ("Aktivitets- og samværstilbud: 25 kr. pr. gang. "
                                       "Kaffe er med i prisen.")
    with app.test_request_context(EN):
        assert texts.fee_text(fee) == ("Activities and social gatherings: DKK 25 each time. "
                                       "Coffee is included in the price.")


def test_danish_names_are_explained_once_in_english(app):
    with app.test_request_context(EN):
        assert texts.name_text("Ankestyrelsen") == (
            "Ankestyrelsen (the National Social Appeals Board)")
        assert texts.name_text("Ankestyrelsen") == "Ankestyrelsen"
        assert texts.name_text("Styrelsen for Patientklager") == (
            "Styrelsen for Patientklager (the Danish Patient Complaints Board)")
        assert texts.name_text("Fredericia Kommune") == "Fredericia Kommune"
    with app.test_request_context(EN):  # a new page explains again
        assert texts.name_text("NT Flextur") == "NT Flextur (the regional dial-a-ride service)"
    with app.test_request_context(DA):
        assert texts.name_text("Ankestyrelsen") == "Ankestyrelsen"
