"""Calls executed on real CalDAV servers (Radicale in-process, Xandikos in a subprocess), faults included.

No CalDAV mocks: the fault servers below are plain sockets that refuse, stall or answer 500, the way a
broken network or server does.
"""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
from pathlib import Path

import icalendar
import pytest

from assistant.calendar.client import (
    AuthFailed,
    CalDAVCalendar,
    ServerFailed,
    TimedOut,
    Unreachable,
    match_events,
)
from assistant.calendar.ical import EventInfo, clean_summary, new_event, to_ical
from assistant.calendar.local_server import LocalServer, free_port
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant, Outcome
from assistant.conversation.replies import say
from assistant.schema.functions import Call, InvalidTitle
from assistant.settings import CalendarSettings

TODAY = dt.date(2026, 11, 26)
NOON = dt.time(12, 0)  # the time of day the tests run at, on TODAY
ZONE = "Europe/Berlin"


def create(title: str, date: str = "2026-11-27", time: str | None = "14:30", minutes: int = 45) -> Call:
    return Call("create_event", {"title": title, "date": date, "time": time, "duration_minutes": minutes})


def make(url: str, state: Path, **settings: object) -> Assistant:
    cal = CalendarSettings(
        url=url,
        username=str(settings.pop("username", "anna")),
        password=str(settings.pop("password", "x")),
        timezone=ZONE,
        **settings,
    )  # type: ignore[arg-type]
    # the day and its time pinned: "the next upcoming" must not depend on when the suite runs
    return Assistant(CalDAVCalendar(cal), Outbox(state), Journal(state), today=lambda: TODAY, clock=lambda: NOON)


def titles_on(assistant: Assistant, day: str = "2026-11-27") -> list[str]:
    return [e.title for e in assistant.calendar.events_on(dt.date.fromisoformat(day))]


# --------------------------------------------------------------------------- iCalendar, pure


INJECTIONS = [
    ("Zahnarzt\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:evil", "Zahnarzt END:VEVENT BEGIN:VEVENT SUMMARY:evil"),
    ("Treffen; Raum 3: Budget, Q4", "Treffen; Raum 3: Budget, Q4"),
    ("Geburtstag 🎂 Oma", "Geburtstag 🎂 Oma"),
    ('a\\b "quoted" \r\n\ttab', 'a\\b "quoted" tab'),
    ("x" * 200, "x" * 200),
]


@pytest.mark.parametrize(("title", "summary"), INJECTIONS)
def test_titles_are_data_in_ical(title: str, summary: str) -> None:
    event = new_event(title, dt.date(2026, 11, 27), dt.time(14, 30), 45, ZONE)
    parsed = icalendar.Calendar.from_ical(to_ical(event))
    events = parsed.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == summary
    assert events[0]["dtstart"].params["TZID"] == ZONE
    assert events[0].decoded("dtend") - events[0].decoded("dtstart") == dt.timedelta(minutes=45)
    assert parsed.walk("VTIMEZONE")[0]["tzid"] == ZONE


@pytest.mark.parametrize("title", ["", " \n\t ", "x" * 201, "y" * 500])
def test_empty_or_overlong_titles_are_refused(title: str) -> None:
    with pytest.raises(InvalidTitle):
        clean_summary(title)


def _events(*titles: str) -> list[EventInfo]:
    start = dt.datetime(2026, 11, 27, 9, 0)
    return [EventInfo(f"u{i}", t, start, None) for i, t in enumerate(titles)]


@pytest.mark.parametrize(
    ("said", "titles", "expected"),
    [
        ("zahnarzt", ("Zahnarzt", "Friseur"), ["Zahnarzt"]),
        ("Müller Treffen", ("Mueller-Treffen", "Team"), ["Mueller-Treffen"]),
        ("Zahnartz", ("Zahnarzt", "Yoga"), ["Zahnarzt"]),  # an ASR slip
        ("the dentist appointment", ("Dentist appointment", "Gym"), ["Dentist appointment"]),
        ("Anna", ("Kaffee mit Anna", "Essen mit Anna", "Yoga"), ["Kaffee mit Anna", "Essen mit Anna"]),  # several
        # generic words select only an event of exactly that name (issue 20); the dialog then lists the day
        ("Meeting", ("Team Meeting", "Meeting Kunde", "Yoga"), []),
        ("das Meeting", ("Meeting", "Team Meeting"), ["Meeting"]),
        ("Friseur", ("Zahnarzt", "Yoga"), []),  # none
        ("Yoga", ("yoga", "Yoga"), ["yoga", "Yoga"]),  # two events with the same title are two matches
        # a generic word said besides a name leaves it out ("Termin mit Lisa" is "Kino mit Lisa")
        ("Termin mit Lisa", ("Kino mit Lisa", "Essen mit Anna"), ["Kino mit Lisa"]),
        ("the appointment with Dr. Weber", ("Dr. Weber checkup", "Gym"), ["Dr. Weber checkup"]),
        ("Termin mit Lisa", ("Kino mit Lisa", "Essen mit Lisa"), ["Kino mit Lisa", "Essen mit Lisa"]),
        ("Termin mit", ("Kino mit Lisa", "Essen mit Anna"), []),  # "mit" names nothing
        # none close as a whole: every word said in the title, in either language (session 35)
        ("Flug", ("flight to Lisbon", "Zahnarzt"), ["flight to Lisbon"]),
        ("vacation", ("Urlaub", "Yoga"), ["Urlaub"]),
        ("orthopedist", ("Termin beim Orthopäden", "Yoga"), ["Termin beim Orthopäden"]),
        ("design meeting", ("Besprechung mit dem Designteam", "Team Meeting"), ["Besprechung mit dem Designteam"]),
        ("haircut", ("Friseur", "Zahnarzt"), ["Friseur"]),
        ("dinner with Mia", ("Abendessen mit Mia", "Abendessen mit Tom"), ["Abendessen mit Mia"]),
        ("Tom", ("Mittagessen mit Tom", "Yoga"), ["Mittagessen mit Tom"]),
        ("lunch with Anna", ("Mittagessen mit Tom", "Yoga"), []),  # one word not in any title
        ("Lisbon trip", ("flight to Lisbon",), []),
        # a German compound by its parts ("Klavier" + "stunde")
        ("Emmas Klavierstunde", ("piano lessons for emma", "Yoga"), ["piano lessons for emma"]),
        ("Zahnarzttermin", ("dentist appointment", "Yoga"), ["dentist appointment"]),
        ("Kinoabend", ("movie night", "game night"), ["movie night"]),
        ("Termin am Montag", ("Montagsrunde", "Yoga"), []),
        # the appointment said with its noun as one word (session 36: "den Zahnarzttermin brauch ich nicht mehr")
        ("zahnarzttermin", ("Zahnarzt", "Friseur"), ["Zahnarzt"]),
        ("Besprechungstermin", ("Besprechung", "Yoga"), ["Besprechung"]),
        ("termin", ("Zahnarzt", "Friseur"), []),
    ],
)
def test_fuzzy_title_match(said: str, titles: tuple[str, ...], expected: list[str]) -> None:
    assert [e.title for e in match_events(said, _events(*titles))] == expected


def test_urls_are_shown_without_credentials() -> None:
    from assistant.calendar.client import redact_url, server_label

    url = "https://anna:s3cret@cloud.example.com:8443/remote.php/dav"
    assert redact_url(url) == "https://cloud.example.com:8443/remote.php/dav"
    assert server_label(url) == "cloud.example.com:8443"
    assert redact_url("http://127.0.0.1:5232/") == "http://127.0.0.1:5232/"


def test_outcome_round_trip() -> None:
    outcome = Outcome(
        "created",
        "Termin 'X' eingetragen.",
        "de",
        create("X").to_json(),
        ({"uid": "u", "title": "X"},),
        ("time",),
        1,
        2,
        None,
    )
    assert Outcome.from_json(outcome.to_json()) == outcome


# --------------------------------------------------------------------------- real servers


def test_create_list_delete_undo_round_trip(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    created = a.execute(create("Zahnarzt"), "de")
    assert created.kind == "created", created.message
    assert created.message == say(
        "created", "de", title="Zahnarzt", day="Freitag, 27. November", time="14:30", duration="45 Minuten"
    )
    assert a.execute(create("Team Meeting", time="09:00", minutes=60), "en").kind == "created"

    listed = a.execute(Call("list_events", {"date": "2026-11-27", "end_date": "2026-11-27"}), "en")
    assert listed.message == "On Friday, November 27: 9:00 AM-10:00 AM Team Meeting; 2:30 PM-3:15 PM Zahnarzt."
    event = a.calendar.events_on(dt.date(2026, 11, 27))[1]
    assert str(event.start.tzinfo) == ZONE or event.start.utcoffset() == dt.timedelta(hours=1)
    assert event.minutes() == 45

    asked = a.execute(Call("delete_event", {"title": "zahnarzt", "date": "2026-11-27"}), "de")
    assert asked.kind == "confirm" and "löschen?" in asked.message
    assert titles_on(a) == ["Team Meeting", "Zahnarzt"]  # nothing happens before the answer
    assert a.handle("Ja.", "de").outcome.kind == "deleted"
    assert titles_on(a) == ["Team Meeting"]

    undone = a.undo("de")
    assert undone.kind == "undone" and "wiederhergestellt" in undone.message
    assert titles_on(a) == ["Team Meeting", "Zahnarzt"]
    assert a.undo("de").kind == "undone"  # the undo journal goes back further: the Team Meeting create
    assert titles_on(a) == ["Zahnarzt"]


def test_clearing_a_day_lists_it_asks_and_undoes_whole(caldav_url: str, tmp_path: Path) -> None:
    """ "clear my calendar for Friday": every event of that day, after a yes; of a series only that day's
    occurrence; one undo puts all back; with no day said the day is asked; a refusal changes nothing."""
    a = make(caldav_url, tmp_path)
    a.execute(create("Zahnarzt"), "de")
    a.execute(create("Team Meeting", time="09:00", minutes=60), "en")
    weekly = {"title": "Yoga", "date": "2026-11-20", "time": "18:00", "duration_minutes": 60}
    a.execute(Call("create_recurring_event", {**weekly, "frequency": "weekly", "until": None}), "en")
    a.execute(create("Friseur", date="2026-11-28"), "de")
    clear = Call("delete_event", {"title": "all events", "date": "2026-11-27"})

    asked = a.execute(clear, "en")
    assert asked.kind == "confirm" and len(asked.events) == 3 and "3 events" in asked.message
    assert a.handle("no", "en").outcome.kind == "cancelled"
    assert titles_on(a) == ["Team Meeting", "Zahnarzt", "Yoga"]

    assert a.execute(clear, "en").kind == "confirm"
    done = a.handle("yes", "en").outcome
    assert done.kind == "deleted" and done.message == say("cleared", "en", count="3 events", day="Friday, November 27")
    assert titles_on(a) == [] and titles_on(a, "2026-11-28") == ["Friseur"]
    assert titles_on(a, "2026-12-04") == ["Yoga"]  # the series goes on

    undone = a.undo("en")
    assert undone.message == say("undone_cleared", "en", count="3 events")
    assert sorted(titles_on(a)) == ["Team Meeting", "Yoga", "Zahnarzt"]

    unsaid = a.execute(Call("delete_event", {"title": "alle Termine", "date": None}), "de")
    assert unsaid.kind == "ask" and unsaid.message == say("ask_clear_date", "de")
    assert a.handle("Samstag", "de").outcome.kind == "confirm"
    assert a.handle("ja", "de").outcome.message == say("cleared", "de", count="1 Termin", day="Samstag, 28. November")
    empty = a.execute(Call("delete_event", {"title": "all events", "date": "2026-11-29"}), "en")
    assert empty.kind == "not_found" and empty.message == say("nothing_to_clear", "en", day="Sunday, November 29")


def test_deleting_the_next_event_names_it_and_asks(caldav_url: str, tmp_path: Path) -> None:
    """ "remove my next event": the soonest event from now on, whatever its title, named and asked about;
    none ahead: said, nothing changed."""
    a = make(caldav_url, tmp_path)
    nxt = Call("delete_event", {"title": "next event", "date": None})
    assert a.execute(nxt, "en").message == say("nothing_next", "en")
    a.execute(create("Friseur", date="2026-11-28", time="09:00"), "de")
    a.execute(create("Zahnarzt", date="2026-11-27", time="14:30"), "de")
    a.execute(create("Frühstück", date="2026-11-26", time="08:00"), "de")  # this morning: gone by noon
    asked = a.execute(Call("delete_event", {"title": "nächster Termin", "date": None}), "de")
    assert asked.kind == "confirm" and "'Zahnarzt'" in asked.message
    assert a.handle("ja", "de").outcome.kind == "deleted"
    assert titles_on(a) == [] and titles_on(a, "2026-11-28") == ["Friseur"]
    assert titles_on(a, "2026-11-26") == ["Frühstück"]


def test_delete_cancelled_changes_nothing(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    a.execute(create("Yoga"), "en")
    assert a.execute(Call("delete_event", {"title": "yoga", "date": "2026-11-27"}), "en").kind == "confirm"
    assert a.handle("no", "en").outcome.kind == "cancelled"
    assert titles_on(a) == ["Yoga"]


def test_delete_with_several_or_no_matches_changes_nothing(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    for title, time in (("Team Meeting", "09:00"), ("Meeting Kunde", "11:00")):
        a.execute(create(title, time=time), "de")
    several = a.execute(Call("delete_event", {"title": "Meeting", "date": "2026-11-27"}), "de")
    assert several.kind == "ambiguous" and "09:00-09:45 Team Meeting" in several.message
    none = a.execute(Call("delete_event", {"title": "Friseur", "date": "2026-11-27"}), "de")
    assert none.kind == "not_found"
    other_day = a.execute(Call("delete_event", {"title": "Team Meeting", "date": "2026-11-28"}), "de")
    assert other_day.kind == "not_found"
    assert titles_on(a) == ["Team Meeting", "Meeting Kunde"]


def test_an_event_named_by_no_title_is_the_days_one_event_or_asked_for(caldav_url: str, tmp_path: Path) -> None:
    """ "cancel the thing on Saturday", "den Termin morgen löschen": with one event that day, the delete asks about
    that one; a move, a delete under ``ask --yes`` (tests/test_reliability.py, defect 4) and several events list the
    day, and the next answer picks one; nothing changes before."""
    a = make(caldav_url, tmp_path)
    a.execute(create("Yoga"), "en")
    one = a.execute(Call("delete_event", {"title": "thing", "date": "2026-11-27"}), "en")
    assert one.kind == "confirm" and "Yoga" in one.message, one.message
    assert a.handle("no", "en").outcome.kind == "cancelled" and titles_on(a) == ["Yoga"]
    asked = a.execute(
        Call("move_event", {"title": "Termin", "date": "2026-11-27", "new_date": None, "new_time": "16:00"}), "de"
    )
    assert asked.kind == "ambiguous" and "Yoga" in asked.message, asked.message
    assert a.handle("Yoga", "de").outcome.kind == "moved"
    a.execute(create("Zahnarzt", time="09:00"), "de")
    which = a.execute(Call("delete_event", {"title": "Termin", "date": "2026-11-27"}), "de")
    assert which.kind == "ambiguous" and "Zahnarzt" in which.message and "Yoga" in which.message, which.message
    assert titles_on(a) == ["Zahnarzt", "Yoga"]


@pytest.mark.parametrize(("title", "summary"), INJECTIONS[:4])
def test_injection_titles_stay_one_event(caldav_url: str, tmp_path: Path, title: str, summary: str) -> None:
    a = make(caldav_url, tmp_path)
    assert a.execute(create(title), "en").kind == "created"
    events = a.calendar.events_on(dt.date(2026, 11, 27))
    assert [e.title for e in events] == [summary]
    assert len(icalendar.Calendar.from_ical(a.calendar.ical_of(events[0])).walk("VEVENT")) == 1


def test_long_titles_fold_and_overlong_ones_are_refused_before_any_write(radicale: LocalServer, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path)
    outcome = a.execute(create("z" * 150 + "\n" * 10 + "z" * 30), "de")  # newlines fold to one space
    assert outcome.kind == "created"
    with pytest.raises(Exception, match="longer than"):
        create("y" * 500)  # the schema refuses it before any executor sees it
    outcome = a.execute(
        Call("create_event", {"title": "\x00\x01", "date": "2026-11-27", "time": "10:00", "duration_minutes": 30}), "en"
    )
    assert outcome.kind == "not_understood" and "empty" in outcome.message
    assert titles_on(a) == ["z" * 150 + " " + "z" * 30]


def test_missing_date_and_time_are_asked_for_not_guessed(caldav_url: str, tmp_path: Path) -> None:
    a = make(caldav_url, tmp_path)
    asked = a.execute(create("Ölwechsel", date=None, time=None), "de")  # type: ignore[arg-type]
    assert asked.kind == "ask" and asked.message == say("ask_when", "de", title="Ölwechsel")
    assert asked.missing == ("date", "time")
    assert titles_on(a) == []
    done = a.handle("morgen um 9", "de").outcome  # answered without the model: the resolver reads it
    assert done.kind == "created" and "Freitag, 27. November um 09:00" in done.message
    assert titles_on(a) == ["Ölwechsel"]

    asked = a.execute(create("Call Bob", time=None), "en")
    assert asked.message == say("ask_time", "en", title="Call Bob", day="Friday, November 27")
    assert a.handle("cancel", "en").outcome.kind == "cancelled"
    assert titles_on(a) == ["Ölwechsel"]


def test_a_reminder_that_names_nothing_is_asked_what_it_is_for(caldav_url: str, tmp_path: Path) -> None:
    """ "Erinnere mich morgen um 9": what it is for is asked first, then what else is missing; the calendar is
    written once, when the event is whole."""
    a = make(caldav_url, tmp_path)
    asked = a.execute(create(None, time="09:00"), "de")  # type: ignore[arg-type]
    assert asked.kind == "ask" and asked.missing == ("title",)
    assert asked.message == say("ask_title_day_time", "de", day="Freitag, 27. November", time="09:00")
    assert titles_on(a) == []
    done = a.handle("An den Ölwechsel.", "de").outcome  # answered without the model: the answer is the title
    assert done.kind == "created" and "'Ölwechsel' am Freitag, 27. November um 09:00" in done.message
    assert titles_on(a) == ["Ölwechsel"]

    asked = a.execute(create(None, date=None, time=None), "en")  # type: ignore[arg-type]
    assert asked.message == say("ask_title", "en") and asked.missing == ("title", "date", "time")
    asked = a.handle("to call Bob", "en").outcome
    assert asked.kind == "ask" and asked.message == say("ask_when", "en", title="call Bob")
    assert a.handle("tomorrow at 4 pm", "en").outcome.kind == "created"
    assert sorted(titles_on(a)) == ["call Bob", "Ölwechsel"]

    series = Call(
        "create_recurring_event",
        {
            "title": None,
            "date": "2026-11-30",
            "time": "08:00",
            "duration_minutes": 30,
            "frequency": "weekly",
            "until": None,
        },
    )
    assert a.execute(series, "en").message == say("ask_title_day_time", "en", day="Monday, November 30", time="8:00 AM")
    assert a.handle("no", "en").outcome.kind == "cancelled"  # nothing written
    assert titles_on(a, "2026-11-30") == []

    days = Call("create_all_day_event", {"title": None, "date": "2026-11-30", "end_date": "2026-12-04"})
    assert a.execute(days, "de").message == say("ask_title_days", "de", day="30. November bis 4. Dezember")
    assert a.handle("Urlaub", "de").outcome.kind == "created"
    assert "Urlaub" in titles_on(a, "2026-12-02")


def test_list_covers_every_calendar_and_recurring_events(radicale: LocalServer, tmp_path: Path) -> None:
    import caldav

    a = make(radicale.url, tmp_path)
    a.execute(create("Zahnarzt"), "de")
    principal = caldav.DAVClient(url=radicale.url, username="anna", password="x").principal()
    work = principal.make_calendar(name="Arbeit")
    weekly = icalendar.Event()
    weekly.add("uid", "weekly@test")
    weekly.add("summary", "Jour fixe")
    weekly.add("dtstart", dt.datetime(2026, 11, 6, 10, 0, tzinfo=dt.timezone.utc))
    weekly.add("dtend", dt.datetime(2026, 11, 6, 10, 30, tzinfo=dt.timezone.utc))
    weekly.add("rrule", {"freq": "weekly"})
    holiday = icalendar.Event()
    holiday.add("uid", "allday@test")
    holiday.add("summary", "Brückentag")
    holiday.add("dtstart", dt.date(2026, 11, 27))
    holiday.add("dtend", dt.date(2026, 11, 28))
    for ev in (weekly, holiday):
        cal = icalendar.Calendar()
        cal.add("prodid", "-//test//")
        cal.add("version", "2.0")
        cal.add_component(ev)
        work.add_event(cal.to_ical().decode())
    a = make(radicale.url, tmp_path)  # a fresh connection sees the new calendar
    events = a.calendar.events_on(dt.date(2026, 11, 27))
    assert [(e.title, e.calendar, e.recurring) for e in events] == [
        ("Brückentag", "Arbeit", False),
        ("Jour fixe", "Arbeit", True),
        ("Zahnarzt", "Assistant", False),
    ]
    message = a.execute(Call("list_events", {"date": "2026-11-27", "end_date": "2026-11-27"}), "de").message
    assert message == "Am Freitag, 27. November: ganztägig: Brückentag; 11:00-11:30 Jour fixe; 14:30-15:15 Zahnarzt."
    assert titles_on(a, "2026-11-26") == []


def test_two_embedded_servers_share_one_storage(tmp_path: Path) -> None:
    with LocalServer(tmp_path / "shared") as first, LocalServer(tmp_path / "shared") as second:
        assert first != second
        make(first, tmp_path / "a").execute(create("Zahnarzt"), "de")
        assert titles_on(make(second, tmp_path / "b")) == ["Zahnarzt"]


# --------------------------------------------------------------------------- faults


class _Status500(http.server.BaseHTTPRequestHandler):
    def _fail(self) -> None:
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_PUT = do_PROPFIND = do_REPORT = do_OPTIONS = do_MKCALENDAR = do_PROPPATCH = do_DELETE = _fail

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server_500():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Status500)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def server_silent():
    """Accepts connections (the kernel's backlog) and never answers: a hung server."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    sock.close()


def test_offline_create_is_queued_then_sent_exactly_once(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    a = make(url, tmp_path / "state")
    queued = a.execute(create("Zahnarzt"), "de")
    assert queued.kind == "queued" and queued.error == "Unreachable" and queued.pending == 1
    assert "vorgemerkt" in queued.message and "127.0.0.1" in queued.message
    deleted_offline = a.execute(Call("delete_event", {"title": "Zahnarzt", "date": "2026-11-27"}), "de")
    assert deleted_offline.kind == "error" and len(a.outbox) == 1  # deletes are never queued

    # A new process (state on disk only) once the server is back: the next command sends it first.
    with LocalServer(tmp_path / "radicale", port=port):
        b = make(url, tmp_path / "state")
        listed = b.execute(Call("list_events", {"date": "2026-11-27", "end_date": "2026-11-27"}), "de", sent=b.flush())
        assert listed.sent == 1 and listed.message.startswith(say("sent", "de", n=1))
        assert titles_on(b) == ["Zahnarzt"]
        assert b.flush() == 0 and len(b.outbox) == 0
        assert titles_on(make(url, tmp_path / "state")) == ["Zahnarzt"]


def test_outbox_entry_already_on_server_is_not_sent_twice(radicale: LocalServer, tmp_path: Path) -> None:
    """A crash after the server took the event but before the entry was removed."""
    a = make(radicale.url, tmp_path)
    event = new_event("Zahnarzt", dt.date(2026, 11, 27), dt.time(14, 30), 45, ZONE)
    a.outbox.add(event, "de")
    a.calendar.create(event)
    assert a.flush() == 1
    assert titles_on(a) == ["Zahnarzt"] and len(a.outbox) == 0


def test_undo_of_a_queued_create_removes_it_from_the_outbox(tmp_path: Path) -> None:
    a = make(f"http://127.0.0.1:{free_port()}/", tmp_path)
    assert a.execute(create("Zahnarzt"), "en").kind == "queued"
    assert a.undo("en").message == say("undone_queued", "en", title="Zahnarzt")
    assert len(a.outbox) == 0


def test_wrong_password_is_a_clear_error_without_the_password(
    radicale_auth: LocalServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    a = make(radicale_auth.url.replace("http://", "http://anna:s3cret-wrong@"), tmp_path, password="s3cret-wrong")
    outcome = a.execute(create("Zahnarzt"), "de")
    assert outcome.kind == "error" and outcome.error == "AuthFailed"
    assert "Anmeldung" in outcome.message and len(a.outbox) == 0  # would fail again: not queued
    assert "s3cret" not in outcome.message and "s3cret" not in caplog.text
    good = make(radicale_auth.url, tmp_path, password="right-pass")
    assert good.execute(create("Zahnarzt"), "de").kind == "created"


def test_server_errors_and_hangs(server_500: str, server_silent: str, tmp_path: Path) -> None:
    cal = CalDAVCalendar(CalendarSettings(url=server_500, timezone=ZONE))
    with pytest.raises(ServerFailed) as failed:
        cal.events_on(TODAY)
    assert failed.value.transient
    hung = CalDAVCalendar(CalendarSettings(url=server_silent, timezone=ZONE, timeout_s=1))
    with pytest.raises(TimedOut) as slow:
        hung.check()
    assert "antwortet nicht" in slow.value.message("de")
    with pytest.raises(Unreachable):
        CalDAVCalendar(CalendarSettings(url=f"http://127.0.0.1:{free_port()}/")).check()
    # A server error on a create queues it (it is likely to pass later); a list says what is wrong.
    a = make(server_500, tmp_path)
    assert a.execute(create("Zahnarzt"), "en").kind == "queued"
    listed = a.execute(Call("list_events", {"date": "2026-11-27", "end_date": "2026-11-27"}), "en")
    assert listed.kind == "error" and "server error" in listed.message


def test_auth_error_type(radicale_auth: LocalServer) -> None:
    with pytest.raises(AuthFailed):
        CalDAVCalendar(CalendarSettings(url=radicale_auth.url, username="anna", password="nope")).check()


def test_missing_calendar_and_direct_calendar_url(xandikos, tmp_path: Path) -> None:
    from assistant.calendar.client import CalendarNotFound

    with pytest.raises(CalendarNotFound) as missing:
        CalDAVCalendar(CalendarSettings(url=xandikos.url + "nope/")).check()
    assert "Kalendername" in missing.value.message("de")
    direct = CalDAVCalendar(CalendarSettings(url=xandikos.url + "user/calendars/calendar/", timezone=ZONE))
    direct.check()
    direct.create(new_event("Zahnarzt", dt.date(2026, 11, 27), dt.time(9), 30, ZONE))
    assert direct._target is not None and str(direct._target.handle.url).endswith("/user/calendars/calendar/")


def test_the_embedded_server_takes_another_port_when_its_free_one_is_taken(tmp_path: Path, monkeypatch) -> None:
    """free_port() then bind is a race: another process can take the port in between. Start tries again."""
    import urllib.request

    from assistant.calendar import local_server
    from assistant.calendar.local_server import LocalServer

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = iter([taken.getsockname()[1]])
    real = local_server.free_port
    monkeypatch.setattr(local_server, "free_port", lambda: next(ports, None) or real())
    server = LocalServer(tmp_path / "cal")
    try:
        url = server.start()
        assert server.port != taken.getsockname()[1]
        assert urllib.request.urlopen(url, timeout=5).status == 200  # Radicale answers (its web page)
    finally:
        server.stop()
        taken.close()
