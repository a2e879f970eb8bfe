"""The calendar-v2 functions executed on real CalDAV servers (Radicale and Xandikos), read back with an
independent client (caldav + icalendar on what the server stored), undo included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import caldav
import icalendar
import pytest

from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant
from assistant.schema.functions import Call
from tests.test_calendar import TODAY, ZONE, create, make  # Thursday, 2026-11-26

TZ = ZoneInfo(ZONE)


def series(
    title: str = "Chor",
    date: str = "2026-11-26",
    time: str | None = "19:00",
    frequency: str = "weekly",
    until: str | None = None,
    minutes: int = 90,
) -> Call:
    return Call(
        "create_recurring_event",
        {
            "title": title,
            "date": date,
            "time": time,
            "duration_minutes": minutes,
            "frequency": frequency,
            "until": until,
        },
    )


def stored(url: str) -> list[icalendar.Calendar]:
    """What the server holds, read by a client of its own."""
    client = caldav.DAVClient(url=url, username="anna", password="x")
    out = []
    for cal in client.principal().calendars():
        for obj in cal.search(event=True):
            out.append(icalendar.Calendar.from_ical(obj.data))
    return out


def vevents(url: str) -> list[icalendar.Event]:
    return [c for cal in stored(url) for c in cal.walk("VEVENT")]


def listed(a: Assistant, first: str, last: str) -> list[tuple[str, str]]:
    out = a.execute(Call("list_events", {"date": first, "end_date": last}), "en")
    assert out.kind == "listed", out.message
    return [(e["title"], e["start"][:16]) for e in out.events]


def test_a_weekly_series_is_one_rrule_expanded_in_lists_and_found(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    out = a.execute(series(until="2026-12-17"), "de")
    assert out.kind == "created", out.message
    (event,) = vevents(caldav_url)
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and "UNTIL" in rule
    assert event.decoded("dtstart") == dt.datetime(2026, 11, 26, 19, 0, tzinfo=TZ)
    assert event["dtstart"].params.get("TZID") == ZONE
    weeks = listed(a, "2026-11-23", "2026-12-31")
    assert [s for _, s in weeks] == ["2026-11-26T19:00", "2026-12-03T19:00", "2026-12-10T19:00", "2026-12-17T19:00"]
    found = a.execute(Call("find_event", {"title": "chor"}), "en")
    assert found.kind == "found" and found.events[0]["start"].startswith("2026-11-26"), found.message
    assert a.undo("de").kind == "undone"
    assert vevents(caldav_url) == []  # the whole series is gone again


@pytest.mark.parametrize(
    "frequency,byday,interval",
    [("weekdays", ["MO", "TU", "WE", "TH", "FR"], None), ("biweekly", None, 2), ("daily", None, None)],
)
def test_frequencies_become_rrules(frequency, byday, interval, radicale, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    assert a.execute(series(frequency=frequency), "en").kind == "created"
    rule = vevents(radicale.url)[0]["rrule"]
    assert rule.get("BYDAY") == byday and rule.get("INTERVAL") == ([interval] if interval else None)


def test_all_day_span_has_an_exclusive_end_and_lists_on_every_day(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    out = a.execute(
        Call("create_all_day_event", {"title": "Urlaub", "date": "2026-12-22", "end_date": "2026-12-30"}), "de"
    )
    assert out.kind == "created", out.message
    (event,) = vevents(caldav_url)
    assert event.decoded("dtstart") == dt.date(2026, 12, 22) and event.decoded("dtend") == dt.date(2026, 12, 31)
    assert listed(a, "2026-12-30", "2026-12-30") == [("Urlaub", "2026-12-22")]
    assert listed(a, "2026-12-31", "2027-01-02") == []
    day = a.execute(Call("list_events", {"date": "2026-12-24", "end_date": "2026-12-24"}), "de").message
    assert "ganztägig bis Mittwoch, 30. Dezember: Urlaub" in day  # how long it lasts, not just "all day"
    # a week asked about while the holiday is under way: under the week's first day, not under December 22
    week = a.execute(Call("list_events", {"date": "2026-12-28", "end_date": "2027-01-03"}), "en").message
    assert "Monday, December 28: all day until Wednesday, December 30: Urlaub" in week, week
    assert "December 22" not in week
    a.execute(
        Call("create_all_day_event", {"title": "Geburtstag", "date": "2026-12-29", "end_date": "2026-12-29"}), "de"
    )
    one = a.execute(Call("list_events", {"date": "2026-12-29", "end_date": "2026-12-29"}), "de").message
    assert "ganztägig: Geburtstag" in one  # a one-day event says no end
    assert "ganztägig bis Mittwoch, 30. Dezember: Urlaub" in one


def test_move_keeps_uid_and_length_bumps_sequence_and_undoes(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    assert a.execute(create("Friseur", minutes=45), "de").kind == "created"
    (before,) = vevents(caldav_url)
    moved = a.execute(
        Call("move_event", {"title": "friseur", "date": None, "new_date": "2026-11-28", "new_time": "10:00"}), "de"
    )
    assert moved.kind == "moved", moved.message
    (after,) = vevents(caldav_url)
    assert str(after["uid"]) == str(before["uid"])
    assert after.decoded("dtstart") == dt.datetime(2026, 11, 28, 10, 0, tzinfo=TZ)
    assert after.decoded("dtend") - after.decoded("dtstart") == dt.timedelta(minutes=45)
    assert int(after["sequence"]) == int(before.get("sequence", 0)) + 1
    # only the time said: same day
    a.execute(
        Call("move_event", {"title": "Friseur", "date": "2026-11-28", "new_date": None, "new_time": "16:00"}), "de"
    )
    assert vevents(caldav_url)[0].decoded("dtstart") == dt.datetime(2026, 11, 28, 16, 0, tzinfo=TZ)
    assert a.undo("de").kind == "undone" and a.undo("de").kind == "undone"
    assert vevents(caldav_url)[0].decoded("dtstart") == dt.datetime(2026, 11, 27, 14, 30, tzinfo=TZ)


def test_a_move_to_where_the_event_already_is_changes_nothing(radicale, tmp_path: Path) -> None:
    """ "move the meeting to Friday" when it is on Friday at that time: said so, nothing written (no SEQUENCE bump)."""
    a = make(radicale.url, tmp_path)
    assert a.execute(create("Friseur", minutes=45), "de").kind == "created"
    (before,) = vevents(radicale.url)
    same = Call("move_event", {"title": "Friseur", "date": None, "new_date": "2026-11-27", "new_time": "14:30"})
    out = a.execute(same, "de")
    assert out.kind == "found" and "ist schon am" in out.message and "Nichts geändert" in out.message, out.message
    (after,) = vevents(radicale.url)
    assert int(after.get("sequence", 0)) == int(before.get("sequence", 0))


def test_move_of_one_occurrence_is_an_override(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    a.execute(series(), "en")
    out = a.execute(
        Call("move_event", {"title": "Chor", "date": "2026-12-03", "new_date": "2026-12-04", "new_time": None}), "en"
    )
    assert out.kind == "moved", out.message
    events = vevents(caldav_url)
    override = [e for e in events if "recurrence-id" in e]
    assert len(events) == 2 and len(override) == 1
    assert override[0].decoded("recurrence-id") == dt.datetime(2026, 12, 3, 19, 0, tzinfo=TZ)
    assert override[0].decoded("dtstart") == dt.datetime(2026, 12, 4, 19, 0, tzinfo=TZ)
    assert [s for _, s in listed(a, "2026-11-30", "2026-12-13")] == ["2026-12-04T19:00", "2026-12-10T19:00"]


def test_deleting_an_occurrence_asks_and_keeps_the_series(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    a.execute(series(), "de")
    asked = a.execute(Call("delete_event", {"title": "Chor", "date": "2026-12-03"}), "de")
    assert asked.kind == "ask" and asked.missing == ("series",), asked.message
    done = a.handle("nur diesen", "de").outcome
    assert done.kind == "deleted", done.message
    (master,) = vevents(caldav_url)
    assert master.decoded("exdate").dts[0].dt == dt.datetime(2026, 12, 3, 19, 0, tzinfo=TZ)
    assert [s[:10] for _, s in listed(a, "2026-11-26", "2026-12-10")] == ["2026-11-26", "2026-12-10"]
    assert a.undo("de").kind == "undone"
    assert len(listed(a, "2026-11-26", "2026-12-10")) == 3
    # the whole series only when the user says so
    a.execute(Call("delete_event", {"title": "Chor", "date": "2026-12-10"}), "de")
    assert a.handle("die ganze Serie", "de").outcome.kind == "deleted"
    assert vevents(caldav_url) == []


def test_yes_flag_deletes_only_the_occurrence(radicale, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    a.execute(series(), "en")
    a.auto_confirm = True
    assert a.execute(Call("delete_event", {"title": "Chor", "date": "2026-12-03"}), "en").kind == "deleted"
    assert len(listed(a, "2026-11-26", "2026-12-10")) == 2


def test_move_and_find_of_what_is_not_there_change_nothing(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    a.execute(create("Zahnarzt"), "en")
    before = [e.to_ical() for e in vevents(caldav_url)]
    assert a.execute(Call("find_event", {"title": "Steuerberater"}), "en").kind == "not_found"
    out = a.execute(
        Call("move_event", {"title": "Steuerberater", "date": None, "new_date": "2026-12-01", "new_time": None}), "en"
    )
    assert out.kind == "not_found", out.message
    asked = a.execute(Call("move_event", {"title": "Zahnarzt", "date": None, "new_date": None, "new_time": None}), "de")
    assert asked.kind == "ask"
    assert a.handle("auf Montag um 8", "de").outcome.kind == "moved"  # the answer completes the move
    assert [e.to_ical() for e in vevents(caldav_url)] != before


def test_overlaps_are_named_and_still_done(radicale, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    a.execute(create("Zahnarzt", time="15:00", minutes=60), "de")
    out = a.execute(create("Friseur", time="15:30", minutes=30), "de")
    assert out.kind == "created" and "Zahnarzt" in out.message and "15:00" in out.message
    assert sorted(e.title for e in a.calendar.events_on(dt.date(2026, 11, 27))) == ["Friseur", "Zahnarzt"]


def test_a_long_range_is_summed_up_and_grouped_by_day(radicale, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    for i, day in enumerate(
        ["2026-11-30", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]
    ):
        a.execute(create(f"Termin {i}", date=day, time=f"{9 + i:02d}:00"), "de")
    out = a.execute(Call("list_events", {"date": "2026-11-30", "end_date": "2026-12-06"}), "de")
    assert len(out.events) == 8
    assert "8 Termine" in out.message and "Termin 3" not in out.message  # the first three only
    short = a.execute(Call("list_events", {"date": "2026-11-30", "end_date": "2026-12-01"}), "de").message
    assert "Montag, 30. November: 09:00-09:45 Termin 0; 10:00-10:45 Termin 1. Dienstag" in short


def test_concurrent_change_is_detected_not_overwritten(radicale, tmp_path: Path) -> None:
    """Another client changes the event between our read and our write: If-Match makes the server refuse."""
    a = make(radicale.url, tmp_path)
    a.execute(create("Friseur"), "de")
    target = a.calendar.events_on(dt.date(2026, 11, 27))[0]
    original_object = a.calendar._object

    def object_then_changed_elsewhere(event):  # noqa: ANN001, ANN202 - the real object; changed once we have read it
        obj = original_object(event)
        load = obj.load

        def load_then_change(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            result = load(*args, **kwargs)
            other = caldav.DAVClient(url=radicale.url, username="anna", password="x")
            theirs = other.principal().calendars()[0].get_event_by_uid(event.uid)
            theirs.icalendar_component["summary"] = icalendar.vText("Friseur (von Anna geändert)")
            theirs.save()
            return result

        obj.load = load_then_change
        return obj

    a.calendar._object = object_then_changed_elsewhere
    from assistant.calendar.client import ChangedElsewhere

    with pytest.raises(ChangedElsewhere):
        a.calendar.move(target, dt.datetime(2026, 11, 28, 9, tzinfo=TZ), dt.datetime(2026, 11, 28, 10, tzinfo=TZ))
    (event,) = vevents(radicale.url)
    assert str(event["summary"]) == "Friseur (von Anna geändert)"  # theirs kept
    assert event.decoded("dtstart") == dt.datetime(2026, 11, 27, 14, 30, tzinfo=TZ)


def test_an_invalid_span_never_reaches_the_calendar(radicale, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    out = a.run_call_text('<oc_7>("Urlaub", "2026-12-30", "2026-12-22")<oc_end>', "de").outcome
    assert out.kind == "not_understood"
    out = a.run_call_text('<oc_6>("Chor", "2026-12-03", "19:00", 60, "weekly", "2026-12-01")<oc_end>', "de").outcome
    assert out.kind == "not_understood"
    assert vevents(radicale.url) == []


def test_queued_series_keeps_its_rule(tmp_path: Path) -> None:
    """Offline, a series waits in the outbox with its repetition and is written as one."""
    from assistant.calendar.ical import NewEvent, new_event

    event = new_event("Chor", dt.date(2026, 11, 26), dt.time(19), 90, ZONE, "biweekly", dt.date(2027, 3, 31))
    assert NewEvent.from_json(event.to_json()) == event
    box = Outbox(tmp_path)
    box.add(event, "de")
    assert box.pending()[0].event == event
    assert Journal(tmp_path).last() is None
    assert TODAY.weekday() == 3


def test_find_expands_only_what_it_names_and_finds_what_a_full_listing_finds(caldav_url: str, tmp_path: Path) -> None:
    """find_next reads series unexpanded and expands only those named like the title (a whole calendar of daily
    series made each find slower); it must find exactly what matching the full expanded listing finds, an
    occurrence moved by an override and one removed by an EXDATE included."""
    from assistant.calendar.client import match_events

    a = make(caldav_url, tmp_path)
    for title, frequency in (("Chor", "weekly"), ("Yoga", "daily"), ("Laufen", "daily"), ("Chorprobe", "weekly")):
        assert a.execute(series(title, frequency=frequency), "de").kind == "created"
    a.execute(create("Chor Konzert", "2026-12-05", "18:00"), "de")
    a.execute(
        Call("move_event", {"title": "Chor", "date": "2026-12-03", "new_date": "2026-12-04", "new_time": None}), "de"
    )
    a.execute(Call("delete_event", {"title": "Chor", "date": "2026-12-10"}), "de")
    assert a.handle("nur diesen", "de").outcome.kind == "deleted"
    now = dt.datetime(2026, 11, 27, 8, 0, tzinfo=TZ)
    for title in ("Chor", "chorprobe", "Yoga", "Konzert", "Schwimmen"):
        found = a.calendar.find_next(title, now, days=60)
        everything = [
            e
            for e in a.calendar.events_between(now.date(), now.date() + dt.timedelta(days=60))
            if e.local_start(ZONE) >= now
        ]
        expected = sorted(match_events(title, everything), key=lambda e: e.sort_key())
        assert [(e.uid, e.title, e.start, e.recurrence_id) for e in found] == [
            (e.uid, e.title, e.start, e.recurrence_id) for e in expected
        ], title
    chor = a.calendar.find_next("Chor", now, days=60)
    assert dt.datetime(2026, 12, 4, 19, 0, tzinfo=TZ) in [e.start for e in chor]  # the moved occurrence
    assert not any(e.start == dt.datetime(2026, 12, 10, 19, 0, tzinfo=TZ) for e in chor)  # the deleted one
