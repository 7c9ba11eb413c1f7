"""The calendar file (RFC 5545): parsed back with the icalendar package."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from webapp.domain.ics import (
    MAX_OCTETS,
    CalendarEvent,
    calendar_file,
    escape_text,
    event_uid,
    fold,
)

STAMP = datetime(2026, 3, 30, 8, 15, tzinfo=UTC)
LONG = ("Brønderslev Kommune skal kontakte dig senest torsdag den 24. december 2026; "
        "ring til Visitationen, Ældre og Hjælpemidler, på 99 45 44 20.\nDatoen er "
        "juleaftensdag. Mange kontorer holder lukket.")


def make(events, **kw):
    return calendar_file(events, stamp=STAMP, **kw)


def test_one_event_per_deadline_parsed_back():
    events = [
        CalendarEvent(event_uid("broenderslev", "sel-86-1", "decision", "2026-12-24"),
                      date(2026, 12, 24), "Sidste dag for en skriftlig afgørelse", LONG),
        CalendarEvent(event_uid("broenderslev", "sel-86-1", "contact", "2027-01-04"),
                      date(2027, 1, 4), "Sidste dag, kommunen, ringer", "kort"),
    ]
    cal = icalendar.Calendar.from_ical(make(events, name="Træning i Brønderslev Kommune"))
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    assert cal["X-WR-TIMEZONE"] == "Europe/Copenhagen"
    assert str(cal["X-WR-CALNAME"]) == "Træning i Brønderslev Kommune"
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
    vevents = cal.walk("VEVENT")
    assert len(vevents) == 2
    first, second = vevents
    assert first.decoded("DTSTART") == date(2026, 12, 24)  # all day: a date, not a moment
    assert first.decoded("DTEND") == date(2026, 12, 25)
    assert first.decoded("DTSTAMP") == STAMP
    assert str(first["SUMMARY"]) == "Sidste dag for en skriftlig afgørelse"
    assert str(first["DESCRIPTION"]) == LONG  # commas, semicolons, newline and æøå survive
    assert str(second["SUMMARY"]) == "Sidste dag, kommunen, ringer"
    assert first["UID"] != second["UID"]
    alarms = first.walk("VALARM")
    assert len(alarms) == 1
    assert alarms[0]["ACTION"] == "DISPLAY"
    # 15 hours before the start of the day: 09:00 the day before.
    assert alarms[0].decoded("TRIGGER") == timedelta(hours=-15)
    assert datetime(2026, 12, 24) + alarms[0].decoded("TRIGGER") == datetime(2026, 12, 23, 9)


def test_crlf_and_lines_of_at_most_75_octets():
    text = make([CalendarEvent("x@y", date(2026, 4, 7), "æ" * 60, LONG * 3)])
    assert text.endswith("\r\n")
    raw = text.encode()
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= MAX_OCTETS for line in lines)
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY;LANGUAGE=da:" + "æ" * 60 in unfolded


def test_fold_keeps_short_lines_and_splits_at_75_octets():
    assert fold("SUMMARY:kort") == "SUMMARY:kort"
    line = "DESCRIPTION:" + "ø" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts[0].encode()) <= 75
    assert all(p.startswith(" ") and len(p.encode()) <= 75 for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"),
    ("a\r\nb", "a\\nb"),
])
def test_escape_text(raw, escaped):
    assert escape_text(raw) == escaped


def test_uid_is_stable_and_does_not_spell_out_the_answers():
    one = event_uid("herlev", "sel-86-1", "contact", "2026-04-13", domain="example.dk")
    assert one == event_uid("herlev", "sel-86-1", "contact", "2026-04-13", domain="example.dk")
    assert one.endswith("@example.dk")
    assert "2026" not in one and "herlev" not in one
    assert one != event_uid("herlev", "sel-86-1", "contact", "2026-04-14", domain="example.dk")


def test_stamp_must_be_aware():
    with pytest.raises(ValueError):
        calendar_file([], stamp=datetime(2026, 3, 30, 8, 0))


def test_empty_calendar_is_still_valid():
    cal = icalendar.Calendar.from_ical(make([]))
    assert cal.walk("VEVENT") == []
