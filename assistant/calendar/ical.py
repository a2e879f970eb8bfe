"""iCalendar objects built and read in pure functions (``icalendar``), never by string concatenation.

User text is data: ``icalendar`` escapes ``;``, ``,``, ``\\`` and newlines in SUMMARY, so a title such as
``Zahnarzt\\nEND:VEVENT`` stays one property of one event. We also fold control characters to spaces,
because a title spoken or typed on one line should show on one line in every client.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from assistant.schema.functions import MAX_TITLE_CHARS, InvalidTitle

__all__ = [
    "RRULES",
    "EventInfo",
    "NewEvent",
    "clean_summary",
    "event_info",
    "new_all_day_event",
    "new_event",
    "rrule",
    "to_ical",
]

PRODID = "-//octocal//Offline voice calendar assistant//DE"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _visible(text: str) -> str:
    """Without invisible format characters (bidi overrides and isolates, zero-width spaces, BOM, soft hyphen):
    a title must read as it is stored. Kept: the zero-width (non-)joiners that emoji sequences and scripts such
    as Persian need, and the tag characters of subdivision flags."""
    return "".join(
        ch
        for ch in text
        if unicodedata.category(ch) != "Cf" or ch in "\u200c\u200d" or "\U000e0020" <= ch <= "\U000e007f"
    )


def clean_summary(title: str) -> str:
    """One line, no control or invisible characters, not empty, not longer than the schema allows."""
    text = " ".join(_CONTROL.sub(" ", _visible(title)).split())
    if not text:
        raise InvalidTitle("the title is empty", "title_empty")
    if len(text) > MAX_TITLE_CHARS:
        raise InvalidTitle(f"the title is longer than {MAX_TITLE_CHARS} characters", "title_long", most=MAX_TITLE_CHARS)
    return text


_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545 weekdays, Monday = 0 as in Python

#: RRULE parts per frequency of the schema (``FREQUENCIES``).
RRULES: dict[str, dict[str, Any]] = {
    "daily": {"freq": "DAILY"},
    "weekdays": {"freq": "WEEKLY", "byday": list(_ICAL_DAYS[:5])},
    "weekly": {"freq": "WEEKLY"},
    "biweekly": {"freq": "WEEKLY", "interval": 2},
    "monthly": {"freq": "MONTHLY"},
    "yearly": {"freq": "YEARLY"},
}


@dataclass(frozen=True)
class NewEvent:
    """An event about to be written, in the user's zone: one timed event, a series of them (``frequency``,
    ``until``), or whole days (``days`` > 0; ``start`` is then the first day's midnight)."""

    uid: str
    title: str
    start: dt.datetime  # aware, in the event's zone
    minutes: int
    days: int = 0  # > 0: an all-day event over this many days
    frequency: str = ""  # a key of RRULES: a series
    until: dt.date | None = None  # a series' last day, inclusive
    weekdays: tuple[int, ...] = ()  # a weekly series on several weekdays (0 = Monday): its BYDAY

    @property
    def all_day(self) -> bool:
        return self.days > 0

    @property
    def end(self) -> dt.datetime:
        if self.all_day:
            return self.start + dt.timedelta(days=self.days)
        return self.start + dt.timedelta(minutes=self.minutes)

    def info(self, calendar: str = "outbox", href: str = "") -> EventInfo:
        if self.all_day:
            return EventInfo(self.uid, self.title, self.start.date(), self.end.date(), calendar, href)
        return EventInfo(self.uid, self.title, self.start, self.end, calendar, href, recurring=bool(self.frequency))

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "title": self.title,
            "start": self.start.isoformat(),
            "zone": str(self.start.tzinfo),
            "minutes": self.minutes,
            "days": self.days,
            "frequency": self.frequency,
            "until": self.until.isoformat() if self.until else None,
            "weekdays": list(self.weekdays),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NewEvent:
        start = dt.datetime.fromisoformat(data["start"]).replace(tzinfo=ZoneInfo(data["zone"]))
        until = dt.date.fromisoformat(data["until"]) if data.get("until") else None
        return cls(
            data["uid"],
            data["title"],
            start,
            int(data["minutes"]),
            int(data.get("days", 0)),
            data.get("frequency", ""),
            until,
            tuple(int(d) for d in data.get("weekdays", ())),
        )


def _uid() -> str:
    return f"{uuid.uuid4()}@octocal"


def new_event(
    title: str,
    date: dt.date,
    time: dt.time,
    minutes: int,
    zone: str,
    frequency: str = "",
    until: dt.date | None = None,
    weekdays: tuple[int, ...] = (),
) -> NewEvent:
    if frequency and frequency not in RRULES:
        raise ValueError(f"unknown frequency {frequency!r}")
    if weekdays and RRULES.get(frequency, {}).get("freq") != "WEEKLY":
        raise ValueError(f"weekdays need a weekly frequency, not {frequency!r}")
    start = dt.datetime.combine(date, time, tzinfo=ZoneInfo(zone))
    return NewEvent(_uid(), clean_summary(title), start, minutes, frequency=frequency, until=until, weekdays=weekdays)


def new_all_day_event(title: str, first: dt.date, last: dt.date, zone: str) -> NewEvent:
    start = dt.datetime.combine(first, dt.time(0), tzinfo=ZoneInfo(zone))
    return NewEvent(_uid(), clean_summary(title), start, 0, days=(last - first).days + 1)


def rrule(event: NewEvent) -> dict[str, Any]:
    """The RRULE of a series; UNTIL is the end of its last day, in UTC as RFC 5545 wants beside a TZID."""
    rule = dict(RRULES[event.frequency])
    if event.weekdays:  # "dienstags und donnerstags": one series on both days
        rule["byday"] = [_ICAL_DAYS[d] for d in sorted(event.weekdays)]
    if event.until is not None:
        last = dt.datetime.combine(event.until, dt.time(23, 59, 59), tzinfo=event.start.tzinfo)
        rule["until"] = last.astimezone(dt.timezone.utc)
    return rule


def to_ical(event: NewEvent, now: dt.datetime | None = None) -> str:
    """A VCALENDAR with one VEVENT and the VTIMEZONE its TZID needs (some servers ignore calendar zones).
    All-day events are DATE values with the exclusive end the standard wants."""
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", now or dt.datetime.now(dt.timezone.utc))
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", event.start.date())
        vevent.add("dtend", event.end.date())
    else:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
    if event.frequency:
        vevent.add("rrule", rrule(event))
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add_component(vevent)
    if not event.all_day and str(event.start.tzinfo) != "UTC":
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
    recurrence_id: str = ""  # an occurrence of a series: its original start (ISO), as RECURRENCE-ID says
    etag: str = field(default="", compare=False)  # the server's version when read: a delete is conditional on it

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    def sort_key(self) -> tuple[int, str, str]:
        if not isinstance(self.start, dt.datetime):
            return (0, "", self.title.casefold())
        return (1, self.start.astimezone(dt.timezone.utc).isoformat(), self.title.casefold())

    def local_start(self, zone: str) -> dt.datetime | dt.date:
        if not isinstance(self.start, dt.datetime):
            return self.start
        start = self.start if self.start.tzinfo else self.start.replace(tzinfo=ZoneInfo(zone))
        return start.astimezone(ZoneInfo(zone))

    def first_day(self, zone: str) -> dt.date:
        """The day it starts on, in the calendar's zone."""
        start = self.local_start(zone)
        return start.date() if isinstance(start, dt.datetime) else start

    def minutes(self) -> int | None:
        if not isinstance(self.start, dt.datetime) or not isinstance(self.end, dt.datetime):
            return None
        return int((self.end - self.start).total_seconds() // 60)

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "all_day": self.all_day,
            "calendar": self.calendar,
            "recurring": self.recurring,
            "recurrence_id": self.recurrence_id,
        }

    def last_day(self, zone: str) -> dt.date:
        """The last day it covers (an all-day end is exclusive)."""
        first = self.first_day(zone)
        if self.end is None:
            return first
        if self.all_day or not isinstance(self.end, dt.datetime):
            day = self.end if not isinstance(self.end, dt.datetime) else self.end.date()
            return max(first, day - dt.timedelta(days=1))
        end = self.end if self.end.tzinfo else self.end.replace(tzinfo=ZoneInfo(zone))
        end = end.astimezone(ZoneInfo(zone))
        return max(first, (end - dt.timedelta(microseconds=1)).date())


def event_info(component: Any, calendar: str = "", href: str = "") -> EventInfo:
    """Read the fields we show from a VEVENT component (expanded occurrences included)."""
    start = component.decoded("dtstart")
    end = component.decoded("dtend") if "dtend" in component else None
    if end is None and "duration" in component:
        end = start + component.decoded("duration")
    recurring = "rrule" in component or "recurrence-id" in component
    recurrence_id = component.decoded("recurrence-id").isoformat() if "recurrence-id" in component else ""
    return EventInfo(
        uid=str(component.get("uid", "")),
        title=str(component.get("summary", "")),
        start=start,
        end=end,
        calendar=calendar,
        href=href,
        recurring=recurring,
        recurrence_id=recurrence_id,
    )
