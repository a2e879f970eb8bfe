"""Issue 20's fault-injection suite: every command kind through every fault between the assistant and a real
Radicale, then a checker compares what the server holds with what the user was told.

The promise is read from the outcome alone: "created"/"queued" means the event is there exactly once (after
the outbox is sent, once the network heals), "moved"/"deleted"/"undone" means exactly that change, and every
other answer means nothing changed. A lost answer (the server did a write, the reply never came) is the case
a client cannot see; the assistant must find out before it answers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from pathlib import Path

import pytest
from faults import FaultProxy

from assistant.calendar.client import CalDAVCalendar
from assistant.calendar.local_server import LocalServer
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant, Outcome
from assistant.schema.functions import Call
from assistant.settings import CalendarSettings

TODAY = dt.date(2026, 11, 26)
ZONE = "Europe/Berlin"
DAY = "2026-11-27"

# network faults (tests/faults.py) and answers a server may give instead of doing the request
STATUS = {
    "503": (503, None),
    "401": (401, None),
    "412 on writes": (412, {"PUT", "DELETE"}),
    "507 on PUT": (507, {"PUT"}),
}
FAULTS = ["refused", "reset", "hang", "stall", "drip", "lost_answer", *STATUS]

COMMANDS: dict[str, Call | None] = {
    "create": Call("create_event", {"title": "Kino", "date": DAY, "time": "20:00", "duration_minutes": 120}),
    "series": Call(
        "create_recurring_event",
        {"title": "Yoga", "date": DAY, "time": "07:00", "duration_minutes": 60, "frequency": "weekly", "until": None},
    ),
    "all-day": Call("create_all_day_event", {"title": "Urlaub", "date": "2026-12-01", "end_date": "2026-12-03"}),
    "move": Call("move_event", {"title": "Zahnarzt", "date": DAY, "new_date": None, "new_time": "16:00"}),
    "delete": Call("delete_event", {"title": "Zahnarzt", "date": DAY}),
    "list": Call("list_events", {"date": DAY, "end_date": DAY}),
    "find": Call("find_event", {"title": "Zahnarzt"}),
    "undo": None,  # of the last change before the fault: the create of "Probe"
}


def _settings(url: str, user: str) -> CalendarSettings:
    return CalendarSettings(url=url, username=user, password="x", timezone=ZONE)


def _strict(a: Assistant, on: bool) -> None:
    """A 2 s deadline only while the fault is on: setting up and checking get the defaults, so that a busy
    machine (CI, a parallel test) does not fail the healthy steps."""
    a.calendar.settings.deadline_s = 2.0 if on else 15.0


def _held(server: LocalServer, user: str) -> Counter[tuple[str, str]]:
    """What the server holds, read directly (not through the proxy): (title, start) of every occurrence."""
    cal = CalDAVCalendar(CalendarSettings(url=server.url, username=user, password="x", timezone=ZONE))
    return Counter((e.title, str(e.start)) for e in cal.events_between(TODAY, TODAY + dt.timedelta(days=60)))


def _made(name: str, kind: str, added: Counter, removed: Counter) -> bool:
    """Whether exactly the change an outcome of ``kind`` for command ``name`` promises is there."""
    if kind in ("created", "queued"):
        title = COMMANDS[name].arguments["title"]  # type: ignore[union-attr]
        return bool(added) and not removed and {t for t, _ in added} == {title}
    if kind == "moved":
        return set(removed) == {("Zahnarzt", "2026-11-27 14:30:00+01:00")} and set(added) == {
            ("Zahnarzt", "2026-11-27 16:00:00+01:00")
        }
    if kind == "deleted":
        return {t for t, _ in removed} == {"Zahnarzt"} and not added
    if kind == "undone":
        return {t for t, _ in removed} == {"Probe"} and not added
    return not added and not removed


def _check(name: str, told: Outcome, before: Counter, after: Counter) -> None:
    added, removed = after - before, before - after
    where = f"told {told.kind!r} ({told.message!r}); added {dict(added)}, removed {dict(removed)}"
    assert all(n == 1 for n in after.values()), f"duplicated: {where}"
    if name in ("list", "find"):
        assert not added and not removed, f"a read changed the calendar: {where}"
    elif told.error == "Unconfirmed":  # the user was told it is not known: all of the change, or nothing
        assert "Nichts geändert" not in told.message, where
        assert _made(name, "nothing", added, removed) or any(
            _made(name, kind, added, removed) for kind in ("created", "moved", "deleted", "undone")
        ), where
    else:
        assert _made(name, told.kind, added, removed), f"not what the user was told: {where}"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize("fault", FAULTS)
def test_the_calendar_holds_what_the_user_was_told(
    module_radicale: LocalServer, tmp_path: Path, fault: str, name: str
) -> None:
    status: tuple[int, set[str] | None] | None = None

    def answer(method: str, path: str, body: bytes) -> int | None:
        if status and (status[1] is None or method in status[1]):
            return status[0]
        return None

    user = f"u{uuid.uuid4().hex[:8]}"
    with FaultProxy(module_radicale.url, fault=answer) as proxy:
        a = Assistant(
            CalDAVCalendar(_settings(proxy.url, user)),
            Outbox(tmp_path),
            Journal(tmp_path),
            today=lambda: TODAY,
            clock=lambda: dt.time(12, 0),  # "the next upcoming" must not depend on when the suite runs
            auto_confirm=True,
        )
        for title, time in (("Zahnarzt", "14:30"), ("Friseur", "10:00"), ("Probe", "18:00")):
            made = a.execute(
                Call("create_event", {"title": title, "date": DAY, "time": time, "duration_minutes": 45}), "de"
            )
            assert made.kind == "created", made
        before = _held(module_radicale, user)
        _strict(a, True)
        if fault in STATUS:
            status = STATUS[fault]
        else:
            proxy.set(fault)
        call = COMMANDS[name]
        told = a.undo("de") if call is None else a.execute(call, "de")
        status = None
        proxy.heal()
        _strict(a, False)
        a.flush()
        after = _held(module_radicale, user)
        assert not a.outbox.pending(), "a queued create was not sent once the network healed"
    _check(name, told, before, after)
