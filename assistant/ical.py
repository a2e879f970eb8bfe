"""iCalendar objects built and read in pure functions (``icalendar``), never by string concatenation.

User text is data: ``icalendar`` escapes ``;``, ``,``, ``\\`` and newlines in SUMMARY, so a title such as
``Zahnarzt\\nEND:VEVENT`` stays one property of one event. We also fold control characters to spaces,
because a title spoken or typed on one line should show on one line in every client.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from .functions import MAX_TITLE_CHARS, InvalidTitle

__all__ = ["EventInfo", "NewEvent", "clean_summary", "event_info", "new_event", "to_ical"]

PRODID = "-//octocal//Offline voice calendar assistant//DE"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def clean_summary(title: str) -> str:
    """One line, no control characters, not empty, not longer than the schema allows."""
    text = " ".join(_CONTROL.sub(" ", title).split())
    if not text:
        raise InvalidTitle("the title is empty")
    if len(text) > MAX_TITLE_CHARS:
        raise InvalidTitle(f"the title is longer than {MAX_TITLE_CHARS} characters")
    return text


@dataclass(frozen=True)
class NewEvent:
    """An event about to be written: what create_event asked for, in the user's zone."""

    uid: str
    title: str
    start: dt.datetime  # aware, in the event's zone
    minutes: int

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)

    def info(self, calendar: str = "outbox", href: str = "") -> EventInfo:
        return EventInfo(self.uid, self.title, self.start, self.end, calendar, href)

    def to_json(self) -> dict[str, Any]:
        return {"uid": self.uid, "title": self.title, "start": self.start.isoformat(),
                "zone": str(self.start.tzinfo), "minutes": self.minutes}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NewEvent:
        start = dt.datetime.fromisoformat(data["start"]).replace(tzinfo=ZoneInfo(data["zone"]))
        return cls(data["uid"], data["title"], start, int(data["minutes"]))


def new_event(title: str, date: dt.date, time: dt.time, minutes: int, zone: str) -> NewEvent:
    start = dt.datetime.combine(date, time, tzinfo=ZoneInfo(zone))
    return NewEvent(f"{uuid.uuid4()}@octocal", clean_summary(title), start, minutes)


def to_ical(event: NewEvent, now: dt.datetime | None = None) -> str:
    """A VCALENDAR with one VEVENT and the VTIMEZONE its TZID needs (some servers ignore calendar zones)."""
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", now or dt.datetime.now(dt.timezone.utc))
    vevent.add("summary", event.title)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add_component(vevent)
    if str(event.start.tzinfo) != "UTC":
        cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


@dataclass(frozen=True)
class EventInfo:
    """An event as read back from a server, for listing, matching and undo."""

    uid: str
    title: str
    start: dt.datetime | dt.date  # a date for all-day events
    end: dt.datetime | dt.date | None
    calendar: str = ""
    href: str = ""
    recurring: bool = False

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    def sort_key(self) -> tuple[int, str, str]:
        if self.all_day:
            return (0, "", self.title.casefold())
        return (1, self.start.astimezone(dt.timezone.utc).isoformat(), self.title.casefold())

    def local_start(self, zone: str) -> dt.datetime | dt.date:
        if self.all_day:
            return self.start
        start = self.start if self.start.tzinfo else self.start.replace(tzinfo=ZoneInfo(zone))
        return start.astimezone(ZoneInfo(zone))

    def minutes(self) -> int | None:
        if self.all_day or not isinstance(self.end, dt.datetime):
            return None
        return int((self.end - self.start).total_seconds() // 60)

    def to_json(self) -> dict[str, Any]:
        return {"uid": self.uid, "title": self.title, "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end else None, "all_day": self.all_day,
                "calendar": self.calendar, "recurring": self.recurring}


def event_info(component: Any, calendar: str = "", href: str = "") -> EventInfo:
    """Read the fields we show from a VEVENT component (expanded occurrences included)."""
    start = component.decoded("dtstart")
    end = component.decoded("dtend") if "dtend" in component else None
    if end is None and "duration" in component:
        end = start + component.decoded("duration")
    recurring = "rrule" in component or "recurrence-id" in component
    return EventInfo(uid=str(component.get("uid", "")), title=str(component.get("summary", "")), start=start,
                     end=end, calendar=calendar, href=href, recurring=recurring)
