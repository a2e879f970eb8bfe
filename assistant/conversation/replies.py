"""What the assistant says, in German and English: one function per outcome, used by the UI and the voice.

Dates are spelled the way people say them ("Mittwoch, 25. November", "Wednesday, November 25"), the year
only when it is not this year; English times in 12-hour form, German in 24-hour form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant import messages
from assistant.calendar.ical import EventInfo
from assistant.schema.functions import FREQUENCIES
from assistant.schema.lexicon import MONTHS, WEEKDAYS

__all__ = [
    "FREQUENCY_KEYS",
    "by_day",
    "shown_day",
    "clock",
    "day",
    "days",
    "duration",
    "event_line",
    "event_list",
    "say",
    "span",
    "until",
    "weekday",
    "when",
]


def day(date: dt.date, lang: str, today: dt.date | None = None) -> str:
    weekday = WEEKDAYS[lang][date.weekday()]
    month = MONTHS[lang][date.month - 1]
    year = "" if today is not None and date.year == today.year else f" {date.year}"
    if lang == "de":
        return f"{weekday}, {date.day}. {month}{year}"
    return f"{weekday}, {month} {date.day}{',' if year else ''}{year}"


def clock(time: dt.time, lang: str) -> str:
    if lang == "de":
        return f"{time:%H:%M}"
    hour = time.hour % 12 or 12
    return f"{hour}:{time:%M} {'AM' if time.hour < 12 else 'PM'}"


def duration(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if lang == "de":
        parts = ([f"{hours} Stunde{'n' if hours != 1 else ''}"] if hours else []) + (
            [f"{rest} Minute{'n' if rest != 1 else ''}"] if rest else []
        )
        return " ".join(parts)
    parts = ([f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []) + (
        [f"{rest} minute{'s' if rest != 1 else ''}"] if rest else []
    )
    return " ".join(parts)


def weekday(date: dt.date, lang: str) -> str:
    return WEEKDAYS[lang][date.weekday()]


def weekdays(days: Sequence[int], lang: str) -> str:
    """ "Dienstag, Donnerstag und Samstag", "Tuesday and Thursday": the days of a series on several weekdays."""
    names = [WEEKDAYS[lang][d] for d in sorted(days)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {'und' if lang == 'de' else 'and'} {names[-1]}"


def span(first: dt.date, last: dt.date, lang: str, today: dt.date | None = None) -> str:
    """ "22. bis 30. Dezember", "December 22 to 30", with months and years only where needed."""
    if first == last:
        return day(first, lang, today)
    year = "" if today is not None and last.year == today.year else f" {last.year}"
    if lang == "de":
        head = (
            f"{first.day}."
            if (first.month, first.year) == (last.month, last.year)
            else f"{first.day}. {MONTHS[lang][first.month - 1]}" + (f" {first.year}" if first.year != last.year else "")
        )
        return f"{head} bis {last.day}. {MONTHS[lang][last.month - 1]}{year}"
    head = f"{MONTHS[lang][first.month - 1]} {first.day}" + (f", {first.year}" if first.year != last.year else "")
    tail = (
        f"{last.day}"
        if (first.month, first.year) == (last.month, last.year)
        else f"{MONTHS[lang][last.month - 1]} {last.day}"
    )
    return f"{head} to {tail}{',' if year else ''}{year}"


def days(n: int, lang: str) -> str:
    if lang == "de":
        return f"{n} Tag{'e' if n != 1 else ''}"
    return f"{n} day{'s' if n != 1 else ''}"


def events(n: int, lang: str) -> str:
    """ "1 Termin", "3 events": how many events, for a cleared day or a listed span."""
    if lang == "de":
        return f"{n} Termin{'e' if n != 1 else ''}"
    return f"{n} event{'s' if n != 1 else ''}"


def until(last: dt.date | None, lang: str, today: dt.date | None = None) -> str:
    """ ", bis 31. März" for a series with an end; empty without one."""
    if last is None:
        return ""
    return (", bis " if lang == "de" else ", until ") + day(last, lang, today)


def event_line(event: EventInfo, lang: str, zone: str, today: dt.date | None = None) -> str:
    """ "09:00-10:30 Zahnarzt" (with its end), "ganztägig: Geburtstag", or for days in a row "ganztägig bis Sonntag,
    6. Dezember: Urlaub": a list groups such an event under one day, so the line says how long it lasts."""
    start = event.local_start(zone)
    if not isinstance(start, dt.datetime):
        last = event.last_day(zone)
        if last > start:
            return f"{'ganztägig bis' if lang == 'de' else 'all day until'} {day(last, lang, today)}: {event.title}"
        return f"{'ganztägig' if lang == 'de' else 'all day'}: {event.title}"
    end = event.end
    if isinstance(end, dt.datetime) and end > event.start:
        end_local = (end if end.tzinfo else end.replace(tzinfo=start.tzinfo)).astimezone(start.tzinfo)
        return f"{clock(start.time(), lang)}-{clock(end_local.time(), lang)} {event.title}"
    return f"{clock(start.time(), lang)} {event.title}"


def when(event: EventInfo, lang: str, zone: str, today: dt.date | None = None) -> str:
    """ "am Dienstag, 8. Dezember um 09:00", "on Tuesday, December 8 at 9:00 AM" (no time for all-day)."""
    start = event.local_start(zone)
    first = start.date() if isinstance(start, dt.datetime) else start
    text = ("am " if lang == "de" else "on ") + day(first, lang, today)
    if isinstance(start, dt.datetime):
        text += (" um " if lang == "de" else " at ") + clock(start.time(), lang)
    return text


def by_day(
    events: Sequence[EventInfo], lang: str, zone: str, today: dt.date | None = None, first: dt.date | None = None
) -> str:
    """Events grouped by their day: "Montag, 7. Dezember: 09:00-10:00 Zahnarzt; Dienstag, ...: ...". An event that
    began before ``first`` (the listed range's first day: a holiday under way) goes under that day, not a day
    nobody asked about."""
    groups: dict[dt.date, list[EventInfo]] = {}
    for event in events:
        groups.setdefault(shown_day(event, zone, first), []).append(event)
    return ". ".join(
        f"{day(d, lang, today)}: {event_list(items, lang, zone, today)}" for d, items in sorted(groups.items())
    )


def shown_day(event: EventInfo, zone: str, first: dt.date | None = None) -> dt.date:
    """The day a listing of ``first``.. shows the event under: its first day, or ``first`` if it began earlier."""
    begins = event.first_day(zone)
    return begins if first is None else max(begins, first)


FREQUENCY_KEYS = tuple(f"freq_{f}" for f in FREQUENCIES)


def say(key: str, lang: str, **values: object) -> str:
    """The reply ``key`` from the message catalog (``assistant/messages/<lang>.toml``, section [reply])."""
    return messages.text(f"reply.{key}", lang, **values)


def event_list(events: Sequence[EventInfo], lang: str, zone: str, today: dt.date | None = None) -> str:
    return "; ".join(event_line(e, lang, zone, today) for e in events)
