"""What the assistant says, in German and English: one function per outcome, used by the UI and the voice.

Dates are spelled the way people say them ("Mittwoch, 25. November", "Wednesday, November 25"), the year
only when it is not this year; English times in 12-hour form, German in 24-hour form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .ical import EventInfo
from .lexicon import MONTHS, WEEKDAYS

__all__ = ["day", "duration", "clock", "event_line", "say"]


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
        parts = ([f"{hours} Stunde{'n' if hours != 1 else ''}"] if hours else []) + \
                ([f"{rest} Minute{'n' if rest != 1 else ''}"] if rest else [])
        return " ".join(parts)
    parts = ([f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []) + \
            ([f"{rest} minute{'s' if rest != 1 else ''}"] if rest else [])
    return " ".join(parts)


def event_line(event: EventInfo, lang: str, zone: str) -> str:
    start = event.local_start(zone)
    if not isinstance(start, dt.datetime):
        return f"{'ganztägig' if lang == 'de' else 'all day'}: {event.title}"
    return f"{clock(start.time(), lang)} {event.title}"


_TEXTS: dict[str, dict[str, str]] = {
    "created": {"de": "Termin '{title}' am {day} um {time} ({duration}) eingetragen.",
                "en": "Added '{title}' on {day} at {time} ({duration})."},
    "queued": {"de": "{problem} '{title}' am {day} um {time} ist vorgemerkt und wird eingetragen, sobald der "
                     "Kalender wieder erreichbar ist.",
               "en": "{problem} '{title}' on {day} at {time} is queued and will be added as soon as the "
                     "calendar is reachable again."},
    "ask_when": {"de": "Für wann soll ich '{title}' eintragen?", "en": "When should I schedule '{title}'?"},
    "ask_time": {"de": "Um wie viel Uhr soll ich '{title}' am {day} eintragen?",
                 "en": "At what time should I schedule '{title}' on {day}?"},
    "ask_date": {"de": "An welchem Tag soll ich '{title}' um {time} eintragen?",
                 "en": "On which day should I schedule '{title}' at {time}?"},
    "ask_delete_date": {"de": "An welchem Tag ist '{title}', den ich löschen soll?",
                        "en": "On which day is the '{title}' I should delete?"},
    "listed_none": {"de": "Am {day} steht nichts im Kalender.", "en": "Nothing in the calendar on {day}."},
    "listed": {"de": "Am {day}: {events}.", "en": "On {day}: {events}."},
    "listed_pending": {"de": " Noch nicht gesendet: {events}.", "en": " Not sent yet: {events}."},
    "confirm": {"de": "Soll ich '{title}' am {day}{at} löschen? (ja/nein)",
                "en": "Delete '{title}' on {day}{at}? (yes/no)"},
    "deleted": {"de": "Termin '{title}' am {day} gelöscht.", "en": "Deleted '{title}' on {day}."},
    "cancelled": {"de": "Abgebrochen, nichts geändert.", "en": "Cancelled; nothing changed."},
    "not_found": {"de": "Am {day} finde ich keinen Termin '{title}'. Nichts geändert.",
                  "en": "I find no event '{title}' on {day}. Nothing changed."},
    "ambiguous": {"de": "Am {day} passen mehrere Termine zu '{title}': {events}. Bitte genauer sagen; nichts "
                        "geändert.",
                  "en": "Several events on {day} match '{title}': {events}. Please say which; nothing changed."},
    "no_call": {"de": "Das ist kein Kalenderbefehl. Sag zum Beispiel: 'Trag Zahnarzt morgen um 9 ein'.",
                "en": "That is not a calendar command. Try, for example: 'Add dentist tomorrow at 9'."},
    "not_understood": {"de": "Das habe ich nicht verstanden ({reason}). Nichts geändert.",
                       "en": "I did not understand that ({reason}). Nothing changed."},
    "nothing_heard": {"de": "Ich habe nichts verstanden. Nichts geändert.",
                      "en": "I did not catch anything. Nothing changed."},
    "error": {"de": "{problem} Nichts geändert.", "en": "{problem} Nothing changed."},
    "undone_created": {"de": "Rückgängig gemacht: '{title}' ist wieder entfernt.",
                       "en": "Undone: '{title}' is removed again."},
    "undone_queued": {"de": "Rückgängig gemacht: '{title}' ist nicht mehr vorgemerkt.",
                      "en": "Undone: '{title}' is no longer queued."},
    "undone_deleted": {"de": "Rückgängig gemacht: '{title}' ist wiederhergestellt.",
                       "en": "Undone: '{title}' is back."},
    "nothing_to_undo": {"de": "Es gibt nichts rückgängig zu machen.", "en": "There is nothing to undo."},
    "sent": {"de": "{n} vorgemerkte(r) Termin(e) jetzt eingetragen.", "en": "Sent {n} queued event(s)."},
    "model_missing": {"de": "Das Sprachmodell ist nicht geladen ({reason}).",
                      "en": "The language model is not loaded ({reason})."},
}


def say(key: str, lang: str, **values: object) -> str:
    texts = _TEXTS[key]
    return texts.get(lang, texts["en"]).format(**values)


def event_list(events: Sequence[EventInfo], lang: str, zone: str) -> str:
    return "; ".join(event_line(e, lang, zone) for e in events)
