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


def main() -> None:
    url, state, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    cal = CalDAVCalendar(CalendarSettings(url=url, username="anna", password="x", timezone="Europe/Berlin"))
    a = Assistant(
        cal, Outbox(state), Journal(state), today=lambda: TODAY, clock=lambda: dt.time(12, 0), auto_confirm=True
    )
    print("sent", a.flush(), flush=True)  # what an earlier, killed run left queued
    # creates made while offline: queued (the user was told so), then sent; a kill may fall in the flush
    for k in range(rng.randint(0, 3)):
        title, day = f"E{seed}-{100 + k}", (TODAY + dt.timedelta(days=2)).isoformat()
        a.outbox.add(new_event(title, dt.date.fromisoformat(day), dt.time(7, 5 * k), 15, "Europe/Berlin"), "en")
        print("promise", "queued", title, day, flush=True)
    print("sent", a.flush(), flush=True)
    for i in range(12):
        title = f"E{seed}-{i}"
        day = (TODAY + dt.timedelta(days=1 + i % 3)).isoformat()
        out = a.execute(
            Call("create_event", {"title": title, "date": day, "time": f"{8 + i:02d}:00", "duration_minutes": 30}), "en"
        )
        print("promise", out.kind, title, day, flush=True)
        roll = rng.random()
        if roll < 0.25 and out.kind == "created":
            new = (TODAY + dt.timedelta(days=5)).isoformat()
            out = a.execute(Call("move_event", {"title": title, "date": day, "new_date": new, "new_time": None}), "en")
            print("promise", out.kind, title, new, flush=True)
        elif roll < 0.45 and out.kind == "created":
            out = a.execute(Call("delete_event", {"title": title, "date": day}), "en")
            print("promise", out.kind, title, day, flush=True)
        elif roll < 0.6:
            out = a.undo("en")
            print("promise", out.kind, title, day, flush=True)


if __name__ == "__main__":
    main()
