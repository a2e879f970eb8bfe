"""Worker for the crash-consistency test: queues a few creates as if made offline and
sends them, runs calendar commands, and prints each promise the moment the user
would see it. The test kills it with SIGKILL at a random moment and checks the server against the promises.

    python tests/crash_worker.py URL STATE_DIR SEED
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from assistant.calendar.client import CalDAVCalendar
from assistant.calendar.ical import new_event
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant
from assistant.schema.functions import Call
from assistant.settings import CalendarSettings

TODAY = dt.date(2026, 11, 26)


def tell(*words: object) -> None:
    """One line in one write: print() writes each word and space apart, and where stdout is unbuffered
    (PYTHONUNBUFFERED, as a CI may set) a kill between two of them left half a promise."""
    sys.stdout.write(" ".join(map(str, words)) + "\n")
    sys.stdout.flush()


def main() -> None:
    url, state, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    cal = CalDAVCalendar(CalendarSettings(url=url, username="anna", password="x", timezone="Europe/Berlin"))
    a = Assistant(
        cal, Outbox(state), Journal(state), today=lambda: TODAY, clock=lambda: dt.time(12, 0), auto_confirm=True
    )
    tell("sent", a.flush())  # what an earlier, killed run left queued
    # creates made while offline: queued (the user was told so), then sent; a kill may fall in the flush
    for k in range(rng.randint(0, 3)):
        title, day = f"E{seed}-{100 + k}", (TODAY + dt.timedelta(days=2)).isoformat()
        a.outbox.add(new_event(title, dt.date.fromisoformat(day), dt.time(7, 5 * k), 15, "Europe/Berlin"), "en")
        tell("promise", "queued", title, day)
    tell("sent", a.flush())
    for i in range(12):
        title = f"E{seed}-{i}"
        day = (TODAY + dt.timedelta(days=1 + i % 3)).isoformat()
        out = a.execute(
            Call("create_event", {"title": title, "date": day, "time": f"{8 + i:02d}:00", "duration_minutes": 30}), "en"
        )
        tell("promise", out.kind, title, day)
        roll = rng.random()
        if roll < 0.25 and out.kind == "created":
            new = (TODAY + dt.timedelta(days=5)).isoformat()
            out = a.execute(Call("move_event", {"title": title, "date": day, "new_date": new, "new_time": None}), "en")
            tell("promise", out.kind, title, new)
        elif roll < 0.45 and out.kind == "created":
            out = a.execute(Call("delete_event", {"title": title, "date": day}), "en")
            tell("promise", out.kind, title, day)
        elif roll < 0.6:
            out = a.undo("en")
            tell("promise", out.kind, title, day)


if __name__ == "__main__":
    main()
