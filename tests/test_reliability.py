"""Issue 20: nothing lost, nothing wrong changed, never stuck, under damaged state files and refusing servers.

Real Radicale behind a fault-injecting proxy (tests/faults.py); state files written the way a crash, a full
disk or a person with an editor leaves them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from faults import FaultProxy

from assistant import messages
from assistant.calendar.client import CalDAVCalendar
from assistant.calendar.ical import new_event
from assistant.calendar.local_server import LocalServer
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant
from assistant.conversation.replies import say
from assistant.schema.functions import Call
from assistant.settings import CalendarSettings

TODAY = dt.date(2026, 11, 26)
ZONE = "Europe/Berlin"
DAY = "2026-11-27"


def make(url: str, state: Path) -> Assistant:
    cal = CalendarSettings(url=url, username="anna", password="x", timezone=ZONE)
    return Assistant(
        CalDAVCalendar(cal), Outbox(state), Journal(state), today=lambda: TODAY, clock=lambda: dt.time(12, 0)
    )


def create(title: str, time: str = "14:30") -> Call:
    return Call("create_event", {"title": title, "date": DAY, "time": time, "duration_minutes": 45})


def titles_on(assistant: Assistant, day: str = DAY) -> list[str]:
    return sorted(e.title for e in assistant.calendar.events_on(dt.date.fromisoformat(day)))


DAMAGED = {
    "null": b"null",
    "list": b"[]",
    "truncated": b'{"event": {"uid": "x", "tit',
    "binary": b"\x00\xff\xfe\x81",
    "no event": b'{"event": null}',
    "number": b"42",
}


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_a_damaged_outbox_entry_is_set_aside_and_the_rest_goes_on(
    radicale: LocalServer, tmp_path: Path, kind: str
) -> None:
    a = make(radicale.url, tmp_path / "state")
    good = new_event("Zahnarzt", dt.date(2026, 11, 27), dt.time(9), 30, ZONE)
    a.outbox.add(good, "de")
    (a.outbox.directory / "broken.json").write_bytes(DAMAGED[kind])
    first = a.execute(create("Friseur"), "en", sent=a.flush())
    assert first.kind == "created" and first.sent == 1
    assert titles_on(a) == ["Friseur", "Zahnarzt"]
    assert "set aside" in first.message and "damaged" in first.message  # said once ...
    assert not (a.outbox.directory / "broken.json").exists()
    assert [p.name.split(".")[0] for p in a.outbox.damaged_dir.iterdir()] == ["broken"]  # ... and kept
    again = a.execute(Call("list_events", {"date": DAY, "end_date": DAY}), "en")
    assert "set aside" not in again.message and len(a.outbox) == 0


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_a_damaged_journal_says_undo_is_not_available(radicale: LocalServer, tmp_path: Path, kind: str) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "journal.json").write_bytes(DAMAGED[kind] if kind != "list" else b'[{"action": 1}]')
    a = make(radicale.url, state)
    undo = a.undo("en")
    assert undo.message.startswith(say("undo_unavailable", "en", path="").removesuffix("."))
    assert titles_on(a) == []
    created = a.execute(create("Friseur"), "en")  # commands carry on, and undo works again for new changes
    assert created.kind == "created" and "set aside" not in created.message
    assert a.undo("en").message == say("undone_created", "en", title="Friseur")
    assert titles_on(a) == []
    assert len(list((state / "damaged").iterdir())) == 1


def test_an_entry_the_server_refuses_for_good_does_not_block_the_others(radicale: LocalServer, tmp_path: Path) -> None:
    """A 4xx on one queued create's PUT: it is set aside with its reason, the later ones are still sent, the
    user is told once, and `outbox --retry` / `--discard` act on it."""
    refuse = {"on": True}

    def fault(method: str, path: str, body: bytes) -> int | None:
        return 400 if refuse["on"] and method == "PUT" and b"Verboten" in body else None

    with FaultProxy(radicale.url, fault) as proxy:
        a = make(proxy.url, tmp_path / "state")
        for i, title in enumerate(["Erster", "Verboten", "Dritter"]):
            a.outbox.add(new_event(title, dt.date(2026, 11, 27), dt.time(9 + i), 30, ZONE), "de")
        listed = a.execute(Call("list_events", {"date": DAY, "end_date": DAY}), "de", sent=a.flush())
        refusals = sum(status == 400 for _, _, status in proxy.log)  # caldav may try a PUT twice
        assert listed.sent == 2 and titles_on(a) == ["Dritter", "Erster"]
        assert "endgültig abgelehnt: 'Verboten'" in listed.message and listed.pending == 0
        refused = a.outbox.refused()
        assert [r.entry.event.title for r in refused] == ["Verboten"] and "HTTP 400" in refused[0].reason
        assert "abgelehnt" not in a.execute(Call("list_events", {"date": DAY, "end_date": DAY}), "de").message
        assert a.flush() == 0 and sum(status == 400 for _, _, status in proxy.log) == refusals  # not sent again

        refuse["on"] = False  # the cause is fixed: queue it again, and it goes
        assert a.outbox.retry(refused[0].entry.event.uid) and a.outbox.refused() == []
        assert a.flush() == 1 and titles_on(a) == ["Dritter", "Erster", "Verboten"]


def test_outbox_command_lists_retries_and_discards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main
    from assistant.settings import load_settings

    state = load_settings().state_path
    box = Outbox(state)
    box.add(new_event("Wartet", dt.date(2026, 11, 27), dt.time(9), 30, ZONE), "de")
    refused = box.add(new_event("Abgelehnt", dt.date(2026, 11, 28), dt.time(9), 30, ZONE), "de")
    box._refuse(refused, "EventRefused: HTTP 400")  # as a flush does on a 4xx
    assert main(["outbox", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [w["event"]["title"] for w in shown["waiting"]] == ["Wartet"]
    assert [r["entry"]["event"]["title"] for r in shown["refused"]] == ["Abgelehnt"]
    assert main(["outbox"]) == 0
    text = capsys.readouterr().out
    assert "waiting" in text and "refused" in text and "HTTP 400" in text
    assert main(["outbox", "--discard", "all"]) == 0
    assert Outbox(state).refused() == [] and len(Outbox(state)) == 1
    assert main(["outbox", "--discard", "no-such-uid"]) == 1


def test_background_retries_back_off_while_offline(tmp_path: Path) -> None:
    from assistant.calendar.local_server import free_port

    a = make(f"http://127.0.0.1:{free_port()}/", tmp_path / "state")
    assert a.execute(create("Zahnarzt"), "de").kind == "queued"
    assert a.flush(background=True) == 0
    first_delay = a._retry_delay
    assert first_delay >= 5.0
    assert a.flush(background=True) == 0 and a._retry_delay == first_delay  # waited: no new try yet
    assert a.flush() == 0 and a._retry_delay == 2 * first_delay  # a command still tries, and backs off more


# --------------------------------------------------------------------------- hostile input (defects 10-12)


@pytest.mark.parametrize(
    "title,stored",
    [
        ("Zahn\u202earzt", "Zahnarzt"),  # right-to-left override
        ("\u200bMeeting\ufeff mit\u2066 Anna\u2069", "Meeting mit Anna"),  # zero-width space, BOM, isolates
        (
            "Geburtstag 👨\u200d👩\u200d👧 Oma",
            "Geburtstag 👨\u200d👩\u200d👧 Oma",
        ),  # emoji sequences keep their joiners
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian keeps its zero-width non-joiner
        ("Ölwechsel 🚗 в гараже 東京", "Ölwechsel 🚗 в гараже 東京"),
    ],
)
def test_titles_lose_invisible_and_bidi_controls_but_keep_every_script(title: str, stored: str) -> None:
    from assistant.calendar.ical import clean_summary

    assert clean_summary(title) == stored


def test_a_title_of_only_invisible_characters_is_refused() -> None:
    from assistant.calendar.ical import clean_summary
    from assistant.schema.functions import InvalidTitle

    with pytest.raises(InvalidTitle):
        clean_summary("\u200b\u202e\ufeff")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_years_outside_1900_2100_are_refused_with_a_clear_message(
    radicale: LocalServer, tmp_path: Path, date: str
) -> None:
    from assistant.schema.functions import InvalidDate

    with pytest.raises(InvalidDate, match="outside the years 1900-2100"):
        Call("create_event", {"title": "X", "date": date, "time": "10:00", "duration_minutes": 60})
    a = make(radicale.url, tmp_path / "state")
    turn = a.run_call_text(f'<oc_1>("X", "{date}", "10:00", 60)<oc_end>', "en")
    assert turn.outcome.kind == "not_understood" and "1900-2100" in turn.outcome.message
    german = a.run_call_text(f'<oc_1>("X", "{date}", "10:00", 60)<oc_end>', "de").outcome.message
    assert "außerhalb der Jahre 1900-2100" in german and "outside" not in german, german  # said in the reply's language
    assert a.calendar.events_between(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == []


@pytest.mark.parametrize(
    "said,year", [("am 3. März 2025", 2025), ("on March 3, 2025", 2025), ("am 1.1.0001", 1), ("am 5.5.26", 2026)]
)
def test_a_said_year_is_kept_never_replaced(said: str, year: int) -> None:
    from assistant.schema.resolve import resolve_date

    assert resolve_date(said, dt.date(2026, 12, 3)).year == year


def test_invalid_utf8_on_stdin_does_not_end_the_shell() -> None:
    import io

    from assistant.cli import shell

    stdin = io.TextIOWrapper(io.BytesIO(b"\xff\xfe bad\nmorgen um 9\n"), encoding="utf-8")
    stdout = io.StringIO()
    assert shell(dt.date(2026, 12, 3), "de", stdin, stdout) == 0
    assert "2026-12-04" in stdout.getvalue()  # the line after the bad bytes was still read


def test_an_unknown_time_zone_is_a_clear_error(tmp_path: Path) -> None:
    from assistant.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["agenda", "--timezone", "Mars/Olympus_Mons"])
    assert exit_.value.code == 2


# --------------------------------------------------------------------------- vague deletes (defect 4)


def _auto(url: str, state: Path) -> Assistant:
    a = make(url, state)
    a.auto_confirm = True  # what `ask --yes` sets
    return a


@pytest.mark.parametrize(
    "said,lang", [("Termin", "de"), ("den Termin", "de"), ("appointment", "en"), ("the meeting", "en"), ("event", "en")]
)
def test_generic_words_never_select_an_event_even_with_yes(
    radicale: LocalServer, tmp_path: Path, said: str, lang: str
) -> None:
    a = _auto(radicale.url, tmp_path / "state")
    assert a.execute(create("Termin beim Friseur"), lang).kind == "created"
    out = a.execute(Call("delete_event", {"title": said, "date": DAY}), lang)
    assert out.kind == "ambiguous" and "Termin beim Friseur" in out.message
    assert titles_on(a) == ["Termin beim Friseur"]
    a.execute(create("Zahnarzt", "16:00"), lang)
    out = a.execute(Call("delete_event", {"title": said, "date": DAY}), lang)
    assert out.kind == "ambiguous" and "Zahnarzt" in out.message and "Friseur" in out.message
    moved = a.execute(
        Call("move_event", {"title": said, "date": DAY, "new_date": "2026-11-28", "new_time": None}), lang
    )
    assert moved.kind == "ambiguous" and titles_on(a) == ["Termin beim Friseur", "Zahnarzt"]


def test_yes_confirms_only_an_exact_match(radicale: LocalServer, tmp_path: Path) -> None:
    a = _auto(radicale.url, tmp_path / "state")
    a.execute(create("Zahnarzt"), "de")
    fuzzy = a.execute(Call("delete_event", {"title": "Zahnartz", "date": DAY}), "de")  # a typo: asked about
    assert fuzzy.kind == "confirm" and fuzzy.waiting and titles_on(a) == ["Zahnarzt"]
    exact = a.execute(Call("delete_event", {"title": "zahnarzt", "date": DAY}), "de")
    assert exact.kind == "deleted" and titles_on(a) == []


def test_an_event_named_like_a_generic_word_is_still_found_by_its_name(radicale: LocalServer, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path / "state")
    a.execute(create("Meeting"), "en")
    a.execute(create("Meeting with Sarah", "16:00"), "en")
    out = a.execute(Call("delete_event", {"title": "meeting", "date": DAY}), "en")
    assert out.kind == "confirm" and "'Meeting'" in out.message


# --------------------------------------------------------------------------- first start, honest undo (defect 5)


def test_two_assistants_starting_at_once_make_one_calendar(radicale: LocalServer, tmp_path: Path) -> None:
    import threading

    assistants = [make(radicale.url, tmp_path / f"state{i}") for i in range(4)]
    errors: list[BaseException] = []

    def start(a: Assistant) -> None:
        try:
            a.calendar.check()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=start, args=(a,)) for a in assistants]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    import caldav

    names = [
        str(c.get_display_name())
        for c in caldav.DAVClient(url=radicale.url, username="anna", password="x").principal().calendars()
    ]
    assert names.count("Assistant") == 1, names


def test_undo_reports_honestly_when_the_event_is_already_gone(radicale: LocalServer, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path / "state")
    created = a.execute(create("Zahnarzt"), "en")
    uid = created.events[0]["uid"]
    assert make(radicale.url, tmp_path / "other").calendar.delete_uid(uid)  # removed elsewhere meanwhile
    undo = a.undo("en")
    assert undo.kind == "nothing_to_undo" and undo.message == say("undo_gone", "en", title="Zahnarzt")


# --------------------------------------------------------------------------- TLS (defect 8)


@pytest.fixture
def tls_radicale(radicale: LocalServer, tmp_path: Path):
    """Radicale behind a TLS proxy with a self-signed certificate for 127.0.0.1; yields (url, cert file)."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(radicale.url) as proxy:
        proxy.server.socket = context.wrap_socket(proxy.server.socket, server_side=True)
        yield proxy.url.replace("http://", "https://"), cert


def test_an_untrusted_certificate_is_named_and_a_ca_bundle_fixes_it(
    tls_radicale: tuple[str, Path], tmp_path: Path
) -> None:
    from assistant.calendar.client import CertificateUntrusted

    url, cert = tls_radicale
    untrusted = make(url, tmp_path / "state")
    with pytest.raises(CertificateUntrusted) as raised:
        untrusted.calendar.check()
    assert "not trusted" in raised.value.message("en") and "ca_bundle" in raised.value.message("en")
    out = untrusted.execute(create("Zahnarzt"), "en")
    assert out.kind == "error" and "not trusted" in out.message and len(untrusted.outbox) == 0

    trusted = make(url, tmp_path / "state2")
    trusted.calendar.settings.ca_bundle = str(cert)
    assert trusted.execute(create("Zahnarzt"), "en").kind == "created"
    assert titles_on(trusted) == ["Zahnarzt"]


# --------------------------------------------------------------------------- a disk that takes nothing (defect 6)


def _unwritable(tmp_path: Path) -> Path:
    """A state directory that cannot be created or written (its parent is a file): what a full disk or a
    read-only home does to every write, even for root."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    return blocker / "state"


def test_a_create_neither_sent_nor_queued_is_reported_as_not_done(tmp_path: Path) -> None:
    from assistant.calendar.local_server import free_port

    a = make(f"http://127.0.0.1:{free_port()}/", _unwritable(tmp_path))
    out = a.execute(create("Zahnarzt"), "en")
    assert out.kind == "error" and out.message.startswith("'Zahnarzt' is NOT in your calendar")
    assert "could not be queued" in out.message and "not-a-directory" in out.message


def test_a_change_that_cannot_be_journaled_is_done_and_says_undo_is_unavailable(
    radicale: LocalServer, tmp_path: Path
) -> None:
    a = make(radicale.url, _unwritable(tmp_path))
    out = a.execute(create("Zahnarzt"), "en")
    assert out.kind == "created" and messages.text("reply.undo_not_saved", "en", disk="X").split(":")[0] in out.message
    assert titles_on(a) == ["Zahnarzt"]
    listed = a.execute(Call("list_events", {"date": DAY, "end_date": DAY}), "en")
    assert "cannot be undone" not in listed.message  # said once, for the change it concerns


def test_a_failed_write_leaves_no_temporary_file_and_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from assistant.calendar.outbox import write_json_atomic

    target = tmp_path / "journal.json"
    write_json_atomic(target, [1])

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_json_atomic(target, [1, 2])
    assert json.loads(target.read_text()) == [1] and [p.name for p in tmp_path.iterdir()] == ["journal.json"]


# --------------------------------------------------------------------------- a server that drips (defect 7)


@pytest.fixture
def dripping_server():
    """Answers every request with headers and then one byte every 0.3 s, for ever: no read ever times out."""
    import socket
    import threading
    import time as clock

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 207 Multi-Status\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n")
            while not stop.is_set():
                conn.sendall(b" ")
                clock.sleep(0.3)
        except OSError:
            pass
        finally:
            conn.close()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    listener.close()


def test_a_dripping_server_cannot_hang_a_command(dripping_server: str, tmp_path: Path) -> None:
    import time as clock

    a = make(dripping_server, tmp_path / "state")
    a.calendar.settings.deadline_s = 2.0
    started = clock.monotonic()
    out = a.execute(create("Zahnarzt"), "en")
    took = clock.monotonic() - started
    assert out.kind == "queued" and out.error == "TimedOut" and len(a.outbox) == 1, out
    assert took < 8, took  # the deadline (2 s) plus a little, not the 1,000 s a drip can take
    started = clock.monotonic()
    listed = a.execute(Call("list_events", {"date": DAY, "end_date": DAY}), "en")
    assert listed.kind == "error" and clock.monotonic() - started < 8


def test_a_create_in_the_past_is_asked_about_first(radicale: LocalServer, tmp_path: Path) -> None:
    a = make(radicale.url, tmp_path / "state")
    past = Call("create_event", {"title": "Rückblick", "date": "2025-03-03", "time": "10:00", "duration_minutes": 60})
    asked = a.execute(past, "de")
    assert asked.kind == "ask" and asked.waiting and "liegt in der Vergangenheit" in asked.message
    assert "2025" in asked.message  # the said year is kept, and named
    assert a.calendar.events_on(dt.date(2025, 3, 3)) == []
    assert a.handle("nein", "de").outcome.kind == "cancelled"
    assert a.calendar.events_on(dt.date(2025, 3, 3)) == []
    a.execute(past, "de")
    done = a.handle("ja", "de").outcome
    assert done.kind == "created" and [e.title for e in a.calendar.events_on(dt.date(2025, 3, 3))] == ["Rückblick"]


# --------------------------------------------------------------------------- another client meanwhile (concurrency)


def _third_client(url: str):
    import caldav

    return caldav.DAVClient(url=url, username="anna", password="x").principal().calendar(name="Assistant")


def test_a_delete_confirmed_after_another_client_changed_the_event_changes_nothing(
    radicale: LocalServer, tmp_path: Path
) -> None:
    a = make(radicale.url, tmp_path / "a")
    a.execute(create("Zahnarzt"), "de")
    asked = a.execute(Call("delete_event", {"title": "Zahnarzt", "date": DAY}), "de")
    assert asked.kind == "confirm"
    other = _third_client(radicale.url)  # meanwhile, on a phone: the appointment gets a note
    obj = other.events()[0]
    obj.load()
    obj.icalendar_component["description"] = "Bitte Röntgenbilder mitbringen"
    obj.save()
    out = a.confirm(True, "de")
    assert out.kind == "error" and out.error == "ChangedElsewhere" and "nichts überschrieben" in out.message
    kept = _third_client(radicale.url).events()
    assert len(kept) == 1 and "Röntgenbilder" in kept[0].data


def test_two_assistants_deleting_the_same_event_delete_it_once_and_say_so(
    radicale: LocalServer, tmp_path: Path
) -> None:
    a, b = make(radicale.url, tmp_path / "a"), make(radicale.url, tmp_path / "b")
    a.execute(create("Zahnarzt"), "de")
    assert a.execute(Call("delete_event", {"title": "Zahnarzt", "date": DAY}), "de").kind == "confirm"
    assert b.execute(Call("delete_event", {"title": "Zahnarzt", "date": DAY}), "de").kind == "confirm"
    assert b.confirm(True, "de").kind == "deleted"
    late = a.confirm(True, "de")
    assert late.kind == "error" and late.error == "ChangedElsewhere"
    assert titles_on(a) == [] and a.undo("de").kind == "nothing_to_undo"


def test_a_move_racing_another_clients_edit_overwrites_nothing(radicale: LocalServer, tmp_path: Path) -> None:
    """Between the assistant's read and its write of a move, a phone edits the same event: the write is
    conditional on the version read, so it is refused (ChangedElsewhere, said so) and the phone's edit stays."""
    race = {"armed": False}

    def fault(method: str, path: str, body: bytes) -> int | None:
        if race["armed"] and method == "PUT":
            race["armed"] = False
            obj = _third_client(radicale.url).events()[0]
            obj.load()
            obj.icalendar_component["location"] = "Praxis Dr. Weiß, Raum 2"
            obj.save()
        return None

    with FaultProxy(radicale.url, fault) as proxy:
        a = make(proxy.url, tmp_path / "state")
        assert a.execute(create("Zahnarzt"), "de").kind == "created"
        race["armed"] = True
        out = a.execute(
            Call("move_event", {"title": "Zahnarzt", "date": DAY, "new_date": None, "new_time": "16:00"}), "de"
        )
    assert out.kind == "error" and out.error == "ChangedElsewhere", out
    kept = _third_client(radicale.url).events()
    assert len(kept) == 1 and "Raum 2" in kept[0].data and "T143000" in kept[0].data
