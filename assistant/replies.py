"""What the assistant says, in German and English: one function per outcome, used by the UI and the voice.

Dates are spelled the way people say them ("Mittwoch, 25. November", "Wednesday, November 25"), the year
only when it is not this year; English times in 12-hour form, German in 24-hour form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .functions import FREQUENCIES
from .ical import EventInfo
from .lexicon import MONTHS, WEEKDAYS

__all__ = ["FREQUENCY_KEYS", "by_day", "clock", "day", "days", "duration", "event_line", "event_list", "say", "span",
           "until", "weekday", "when"]


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


def weekday(date: dt.date, lang: str) -> str:
    return WEEKDAYS[lang][date.weekday()]


def span(first: dt.date, last: dt.date, lang: str, today: dt.date | None = None) -> str:
    """"22. bis 30. Dezember", "December 22 to 30", with months and years only where needed."""
    if first == last:
        return day(first, lang, today)
    year = "" if today is not None and last.year == today.year else f" {last.year}"
    if lang == "de":
        head = f"{first.day}." if (first.month, first.year) == (last.month, last.year) else \
            f"{first.day}. {MONTHS[lang][first.month - 1]}" + (f" {first.year}" if first.year != last.year else "")
        return f"{head} bis {last.day}. {MONTHS[lang][last.month - 1]}{year}"
    head = f"{MONTHS[lang][first.month - 1]} {first.day}" + (f", {first.year}" if first.year != last.year else "")
    tail = f"{last.day}" if (first.month, first.year) == (last.month, last.year) else \
        f"{MONTHS[lang][last.month - 1]} {last.day}"
    return f"{head} to {tail}{',' if year else ''}{year}"


def days(n: int, lang: str) -> str:
    if lang == "de":
        return f"{n} Tag{'e' if n != 1 else ''}"
    return f"{n} day{'s' if n != 1 else ''}"


def until(last: dt.date | None, lang: str, today: dt.date | None = None) -> str:
    """", bis 31. März" for a series with an end; empty without one."""
    if last is None:
        return ""
    return (", bis " if lang == "de" else ", until ") + day(last, lang, today)


def event_line(event: EventInfo, lang: str, zone: str) -> str:
    """"09:00-10:30 Zahnarzt" (with its end), or "ganztägig: Urlaub"."""
    start = event.local_start(zone)
    if not isinstance(start, dt.datetime):
        return f"{'ganztägig' if lang == 'de' else 'all day'}: {event.title}"
    end = event.end
    if isinstance(end, dt.datetime) and end > event.start:
        end_local = (end if end.tzinfo else end.replace(tzinfo=start.tzinfo)).astimezone(start.tzinfo)
        return f"{clock(start.time(), lang)}-{clock(end_local.time(), lang)} {event.title}"
    return f"{clock(start.time(), lang)} {event.title}"


def when(event: EventInfo, lang: str, zone: str, today: dt.date | None = None) -> str:
    """"am Dienstag, 8. Dezember um 09:00", "on Tuesday, December 8 at 9:00 AM" (no time for all-day)."""
    start = event.local_start(zone)
    first = start.date() if isinstance(start, dt.datetime) else start
    text = ("am " if lang == "de" else "on ") + day(first, lang, today)
    if isinstance(start, dt.datetime):
        text += (" um " if lang == "de" else " at ") + clock(start.time(), lang)
    return text


def by_day(events: Sequence[EventInfo], lang: str, zone: str, today: dt.date | None = None) -> str:
    """Events grouped by their day: "Montag, 7. Dezember: 09:00-10:00 Zahnarzt; Dienstag, ...: ..."."""
    groups: dict[dt.date, list[EventInfo]] = {}
    for event in events:
        groups.setdefault(event.first_day(zone), []).append(event)
    return ". ".join(f"{day(d, lang, today)}: {event_list(items, lang, zone)}" for d, items in sorted(groups.items()))


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
    "which_event": {"de": "'{title}' sagt nicht, welcher Termin gemeint ist. Am {day} stehen: {events}. Welchen "
                          "meinst du? Nichts geändert.",
                    "en": "'{title}' does not say which event. On {day} there are: {events}. Which one do you "
                          "mean? Nothing changed."},
    "no_call": {"de": "Das ist kein Kalenderbefehl. Sag zum Beispiel: 'Trag Zahnarzt morgen um 9 ein'.",
                "en": "That is not a calendar command. Try, for example: 'Add dentist tomorrow at 9'."},
    "not_understood": {"de": "Das habe ich nicht verstanden ({reason}). Nichts geändert.",
                       "en": "I did not understand that ({reason}). Nothing changed."},
    "nothing_heard": {"de": "Ich habe nichts verstanden. Nichts geändert.",
                      "en": "I did not catch anything. Nothing changed."},
    "error": {"de": "{problem} Nichts geändert.", "en": "{problem} Nothing changed."},
    "error_unconfirmed": {"de": "{problem}", "en": "{problem}"},
    "undone_created": {"de": "Rückgängig gemacht: '{title}' ist wieder entfernt.",
                       "en": "Undone: '{title}' is removed again."},
    "undone_queued": {"de": "Rückgängig gemacht: '{title}' ist nicht mehr vorgemerkt.",
                      "en": "Undone: '{title}' is no longer queued."},
    "undone_deleted": {"de": "Rückgängig gemacht: '{title}' ist wiederhergestellt.",
                       "en": "Undone: '{title}' is back."},
    "nothing_to_undo": {"de": "Es gibt nichts rückgängig zu machen.", "en": "There is nothing to undo."},
    "not_saved": {"de": "'{title}' ist NICHT eingetragen: der Kalender ist nicht erreichbar ({problem}) und "
                        "vormerken ging auch nicht ({disk}).",
                  "en": "'{title}' is NOT in your calendar: the calendar cannot be reached ({problem}) and it "
                        "could not be queued either ({disk})."},
    "undo_not_saved": {"de": "Rückgängig ist dafür nicht möglich: das Änderungsprotokoll ließ sich nicht "
                             "speichern ({disk}).",
                       "en": "This cannot be undone: the undo journal could not be saved ({disk})."},
    "confirm_past": {"de": "'{title}' am {day} liegt in der Vergangenheit. Trotzdem eintragen? (ja/nein)",
                     "en": "'{title}' on {day} is in the past. Add it anyway? (yes/no)"},
    "undo_gone": {"de": "'{title}' war schon nicht mehr im Kalender; es gab nichts rückgängig zu machen.",
                  "en": "'{title}' was no longer in the calendar; there was nothing to undo."},
    "undo_unavailable": {"de": "Rückgängig ist nicht möglich: das Änderungsprotokoll war beschädigt und liegt "
                               "jetzt unter {path}.",
                         "en": "Undo is not available: the undo journal was damaged and was moved to {path}."},
    "state_damaged": {"de": "Eine beschädigte Datei wurde beiseitegelegt ({path}); alles andere geht weiter.",
                      "en": "A damaged file was set aside ({path}); everything else carries on."},
    "outbox_refused": {"de": "Der Server hat {n} vorgemerkte(n) Termin(e) endgültig abgelehnt: {titles}. Erneut "
                             "senden oder verwerfen: F3 in der Oberfläche, oder python -m assistant outbox.",
                       "en": "The server refused {n} queued event(s) for good: {titles}. To send again or "
                             "discard: F3 in the app, or python -m assistant outbox."},
    "sent": {"de": "{n} vorgemerkte(r) Termin(e) jetzt eingetragen.", "en": "Sent {n} queued event(s)."},
    "created_series": {"de": "Serientermin '{title}' {how} um {time} ({duration}) eingetragen, ab {day}{until}.",
                       "en": "Added '{title}' {how} at {time} ({duration}), starting {day}{until}."},
    "created_all_day": {"de": "Ganztägig '{title}' am {day} eingetragen.", "en": "Added '{title}' all day on {day}."},
    "created_days": {"de": "'{title}' vom {day} eingetragen ({duration}, ganztägig).",
                     "en": "Added '{title}' from {day} ({duration}, all day)."},
    "all_day": {"de": "ganztägig", "en": "all day"},
    "freq_daily": {"de": "täglich", "en": "daily"},
    "freq_weekdays": {"de": "werktags", "en": "every weekday"},
    "freq_weekly": {"de": "jeden {weekday}", "en": "every {weekday}"},
    "freq_biweekly": {"de": "jeden zweiten {weekday}", "en": "every other {weekday}"},
    "freq_monthly": {"de": "monatlich", "en": "monthly"},
    "freq_yearly": {"de": "jährlich", "en": "yearly"},
    "listed_span": {"de": "Vom {span}: {n} Termin(e). {events}.", "en": "{span}: {n} event(s). {events}."},
    "listed_span_none": {"de": "Vom {span} steht nichts im Kalender.", "en": "Nothing in the calendar from {span}."},
    "listed_span_more": {"de": "Vom {span} hast du {n} Termine, die ersten {k}: {events}.",
                         "en": "{span}: you have {n} events; the first {k}: {events}."},
    "found": {"de": "'{title}' ist {when}.", "en": "'{title}' is {when}."},
    "found_none": {"de": "Ich finde keinen kommenden Termin '{title}'.", "en": "I find no upcoming event '{title}'."},
    "moved": {"de": "'{title}' verschoben, jetzt {when}.", "en": "Moved '{title}', now {when}."},
    "ask_move_where": {"de": "Auf wann soll ich '{title}' verschieben?", "en": "When should I move '{title}' to?"},
    "not_found_upcoming": {"de": "Ich finde keinen kommenden Termin '{title}'. Nichts geändert.",
                           "en": "I find no upcoming event '{title}'. Nothing changed."},
    "confirm_series": {"de": "'{title}' am {day}{at} gehört zu einer Serie: nur diesen Termin löschen oder die ganze "
                             "Serie? (nur diesen / alle / nein)",
                       "en": "'{title}' on {day}{at} is part of a series: delete only this one or the whole series? "
                             "(this one / all / no)"},
    "deleted_occurrence": {"de": "'{title}' am {day} gelöscht; die übrigen Termine der Serie bleiben.",
                           "en": "Deleted '{title}' on {day}; the rest of the series stays."},
    "deleted_series": {"de": "Die ganze Serie '{title}' gelöscht.", "en": "Deleted the whole series '{title}'."},
    "overlap": {"de": "Achtung: um {time} ist schon '{title}'.", "en": "Note: '{title}' is already at {time}."},
    "undone_changed": {"de": "Rückgängig gemacht: '{title}' ist wieder wie vorher.",
                       "en": "Undone: '{title}' is back as it was."},
    "model_missing": {"de": "Das Sprachmodell ist nicht geladen ({reason}).",
                      "en": "The language model is not loaded ({reason})."},
}


FREQUENCY_KEYS = tuple(f"freq_{f}" for f in FREQUENCIES)


def say(key: str, lang: str, **values: object) -> str:
    texts = _TEXTS[key]
    return texts.get(lang, texts["en"]).format(**values)


def event_list(events: Sequence[EventInfo], lang: str, zone: str) -> str:
    return "; ".join(event_line(e, lang, zone) for e in events)
