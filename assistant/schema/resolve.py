"""Turn what people say about dates, times and durations into ISO values, in German and English.

Small models get weekdays and month ends wrong; code does not. The resolver is used to complete a call when
the assistant asks back ("morgen um 9"), by the data generator to check every phrase it writes, and can turn
a date expression that a model copied from the query into the ISO date that is shown and executed.

Conventions (the data generator follows the same ones, and tests pin them):
- A weekday ("am Freitag", "on Friday", "next Friday", "diesen Freitag") is the next such day strictly
  after today; "nächste Woche Dienstag" / "next week Tuesday" is the Tuesday of the next Monday-based week.
- A day without a year ("24. Dezember", "December 24th", "24.12.", "am 3.") is the next such day on or
  after today.
- A bare hour 1-6 ("um drei", "halb drei", "at 5") is in the afternoon, 7-12 as said; "abends", "pm",
  "nachmittags", "in the evening" move it to the afternoon/evening, as does a dinner at 1-9 (a breakfast at 4-11
  stays in the morning); a leading zero ("06:30") or an hour
  >= 13 is taken as a 24-hour time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from assistant.schema.functions import (
    FUNCTIONS,
    Call,
    CallError,
    Function,
    InvalidDate,
    InvalidDuration,
    InvalidFrequency,
    InvalidTime,
    InvalidTitle,
    Missing,
    NoCall,
    ParamType,
    SpanCall,
    function_by_name,
)
from assistant.schema.lexicon import MONTH_WORDS, WEEKDAY_WORDS, cardinal_words, ordinal_words

__all__ = [
    "asks_for_an_event",
    "asks_how_days_look",
    "asks_to_move",
    "asks_to_change_length",
    "asks_to_shift",
    "asks_to_call_off",
    "asks_to_remove",
    "asks_when_an_event_is",
    "says_someone_comes",
    "states_a_timed_event",
    "states_an_unmoved_event",
    "states_an_event_loosely",
    "asks_when_ones_event_is",
    "said_correction",
    "said_only_a_day",
    "says_loosely_when",
    "said_shift",
    "states_an_event",
    "weekdays_said",
    "says_to_remove",
    "names_a_chore",
    "calendar_deleters",
    "calendar_listing",
    "calendar_movers",
    "calendar_readers",
    "clean_title",
    "EVERY_EVENT",
    "NEXT_EVENT",
    "event_makers",
    "guess_lang",
    "names_every_event",
    "names_next_event",
    "names_a_value",
    "normalize",
    "resolve_call",
    "resolve_date",
    "resolve_date_in",
    "resolve_date_range",
    "resolve_bare_hour",
    "resolve_duration",
    "resolve_first_date",
    "resolve_frequency",
    "resolve_phrase",
    "resolve_time",
    "resolve_time_range",
]


# --------------------------------------------------------------------------- normalisation

_EN_COMPOUND = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b"
)
_WORD = re.compile(r"[a-zäöüß]+(?:-[a-zäöüß]+)?")
_HALF_UNITS = {
    "anderthalb": "1,5",
    "eineinhalb": "1,5",
    "einundhalb": "1,5",
    "zweieinhalb": "2,5",
    "dreieinhalb": "3,5",
}
_DE_WEEKDAYS = "(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
_WEEKDAY_NAMES = (
    "montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday "
    "sunday"
).split()


def _weekday_slip(m: re.Match[str]) -> str:
    """A weekday typed or heard one letter off ("Mitwoch", "Donerstag", "Wendesday"), as the weekday; never a word
    that is one ("Montage", "sundae") nor a weekday's own forms ("freitags", "Mondays")."""
    word = m[0]
    if word in _WEEKDAY_NAMES or word[:-1] in _WEEKDAY_NAMES or word in ("sundae",):
        return word
    near = [w for w in _WEEKDAY_NAMES if w[0] == word[0] and _slip_of(word, w)]
    return near[0] if len(near) == 1 else word


_PHRASES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b[a-zäöü]{6,10}\b"), _weekday_slip),
    # Typed short forms of days ("tmrw", "fri", "thurs"); "sat", "sun", "wed", "mon" are words too and stay
    (re.compile(r"\b(?:tmrw|tmr|tmw|2moro|2morrow|tomorow|tommorow|tommorrow|tomorroww)\b"), "tomorrow"),
    (re.compile(r"\b(?:tonite|2nite)\b"), "tonight"),
    (re.compile(r"\bheut\b(?!')"), "heute"),  # "heut Abend": spoken German
    (re.compile(r"\bzwischen den jahren\b"), "zwischen weihnachten und neujahr"),  # the days from Christmas on
    (re.compile(r"\bweds\b\.?"), "wednesday"),
    (re.compile(r"\b(?:tue|tues)\b\.?"), "tuesday"),
    (re.compile(r"\b(?:thu|thur|thurs)\b\.?"), "thursday"),
    (re.compile(r"\bfri\b\.?"), "friday"),
    # "heute in acht Tagen", "Samstag in acht Tagen", "Montag in vierzehn Tagen": German counts a week as eight days
    # (and two as fourteen) after a day: that weekday a week (two) on
    (
        re.compile(rf"\b(heute|morgen|übermorgen|{_DE_WEEKDAYS}) in (?:acht|8) tagen\b"),
        r"\1 in 1 woche",
    ),
    (
        re.compile(rf"\b(heute|morgen|übermorgen|{_DE_WEEKDAYS}) in (?:vierzehn|14) tagen\b"),
        r"\1 in 2 wochen",
    ),
    # Fractions of an hour become minutes first, so "half an hour" never reads as "an hour".
    (re.compile(r"\b(?:a |one )?half(?: an| a)?[- ]hour\b"), "30 minutes"),
    (re.compile(r"\bthree quarters of an hour\b"), "45 minutes"),
    (re.compile(r"\b(?:a )?quarter(?: of an)? hour\b"), "15 minutes"),
    (re.compile(r"\b(?:(?:eine[rnm]?|1) )?halbe[nr]? stunde\b"), "30 minuten"),
    (re.compile(r"\b(?:(?:eine[rnm]?|1) )?dreiviertel ?stunde\b"), "45 minuten"),
    (re.compile(r"\b(?:(?:eine[rnm]?|1) )?viertel ?stunde\b"), "15 minuten"),
    (re.compile(r"\bhalbstündig"), "30-minütig"),
    (re.compile(r"\b(?:one|an|a) and a half\b"), "1.5"),
    (re.compile(r"\btwo and a half\b"), "2.5"),
    (re.compile(r"\bthree and a half\b"), "3.5"),
    (re.compile(r"\b(?:an|one|1) hours? and a half\b"), "1.5 hours"),
    (re.compile(r"\b(?:two|2) hours and a half\b"), "2.5 hours"),
    (re.compile(r"\b(?:eine|1) stunde und eine halbe\b"), "1,5 stunden"),
    (re.compile(r"\b(?:ein|eine|einer|einem|einen)\s+(?=(?:stunde|woche|tag)\b)"), "1 "),
    (re.compile(r"\b(?:an?)\s+(?=(?:hour|week|day)\b)"), "1 "),
    # "an jedem Montag", "zu jedem Monatsersten", "am Montag jeder Woche": "every" in its other cases, written as
    # the form the repetition rules read
    (re.compile(r"\bjedem (?=jahr\b)"), "jedes "),
    (re.compile(r"\bjedem\b"), "jeden"),
    (re.compile(r"\bjeder (?=woche\b)"), "jede "),
    (re.compile(r"(?<![a-z])p\.\s?m\.?"), "pm"),
    (re.compile(r"(?<![a-z])a\.\s?m\.?"), "am"),
]


_HUNDRED_CLOCK = re.compile(r"\b(\d{1,2}) hundred(?: and)? (\d{2}) ?(?=(?:am|pm)\b)")


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lowercase, unify quotes and spaces, and write number words as digits ("halb drei" -> "halb 3").

    Cached: the decoder asks about every span of a query, and each time reads the whole query for context."""
    t = text.lower().replace("’", "'").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t).strip()
    for pattern, repl in _PHRASES:
        t = pattern.sub(repl, t)
    t = _EN_COMPOUND.sub(lambda m: _en_compound(m.group(1), m.group(2)), t)
    for word, value in _HALF_UNITS.items():
        t = re.sub(rf"\b{word}", value + " ", t)
    t = re.sub(r"(\d,5) +(stündig|stunden|stunde)", r"\1 \2", t)

    def word_to_number(m: re.Match[str]) -> str:
        w = m.group(0)
        if "-" in w and w.split("-", 1)[0] in cardinal_words:  # "two-hour", "thirty-minute"
            first, rest = w.split("-", 1)
            return f"{cardinal_words[first]}-{rest}"
        if w in cardinal_words:
            return str(cardinal_words[w])
        if w in ordinal_words:
            return f"{ordinal_words[w]}."
        stem = re.fullmatch(r"([a-zäöüß]+?)(stündig\w*|minütig\w*)", w)
        if stem and stem.group(1) in cardinal_words:
            return f"{cardinal_words[stem.group(1)]}-{stem.group(2)}"
        if stem and stem.group(1) in ("ein", "einein"):
            return f"1-{stem.group(2)}"
        return w

    t = _WORD.sub(word_to_number, t)
    t = re.sub(r"\b(\d{1,2}) uhr \1 uhr\b", r"\1 uhr", t)  # "zehn uhr zehn uhr": a recognizer's repeat, not 10:10
    t = re.sub(r"\b(\d{1,2}) oh (\d)\b", r"\1 0\2", t)  # "six oh nine" -> 6 09
    t = re.sub(r"\b(\d{1,2}(?::\d\d| \d\d)?) ([ap]) m\b", r"\1 \2m", t)  # a recognizer's "eight fifteen p m"
    t = _HUNDRED_CLOCK.sub(r"\1:\2 ", t)  # "five hundred and twenty pm" (SLURP's spelled-out clock) -> 5:20 pm
    return re.sub(r"\s+", " ", t).strip()


def _en_compound(tens: str, unit: str) -> str:
    base = {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }[tens]
    if unit in cardinal_words:
        return str(base + cardinal_words[unit])
    return f"{base + ordinal_words[unit]}."


# --------------------------------------------------------------------------- dates

_MONTH_RE = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_WD_RE = "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True))
_ORD = r"(\d{1,2})(?:\.|st|nd|rd|th)?"

_T = TypeVar("_T")
DateRule = tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], "dt.date | None"]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_day_month(month: int, day: int, today: dt.date) -> dt.date | None:
    """The next (month, day) on or after today; Feb 29 waits for a leap year."""
    for year in range(today.year, today.year + 9):
        d = _safe_date(year, month, day)
        if d is not None and d >= today:
            return d
    return None


def _next_day_of_month(day: int, today: dt.date) -> dt.date | None:
    year, month = today.year, today.month
    for _ in range(13):
        d = _safe_date(year, month, day)
        if d is not None and d >= today:
            return d
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _year(text: str | None, today: dt.date) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if len(text) <= 2 else y  # "24" is 2024; "0001" is the year 1 (refused later, not moved)


def _day_month(day: str, month: int, year: str | None, today: dt.date) -> dt.date | None:
    y = _year(year, today)
    if y is not None:
        return _safe_date(y, month, int(day))
    return _next_day_month(month, int(day), today)


_GERMAN_DAY_LEADS = frozenset("am für vom bis den dem".split())


def _slashed_date(first: str, second: str, year: str | None, day_first: bool, today: dt.date) -> dt.date | None:
    """A date typed "9/1" (month first, as in the US), "am 3/4" or "24/12" (day first: German, or the first is no
    month)."""
    day_first = day_first or int(first) > 12
    month, day = (int(second), int(first)) if day_first else (int(first), int(second))
    return _day_month(str(day), month, year, today) if 1 <= month <= 12 else None


def _next_weekday(weekday: int, today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weekday_on_or_after(weekday: int, today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def _next_week_weekday(weekday: int, today: dt.date) -> dt.date:
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return monday + dt.timedelta(days=weekday)


def _offset(days: int) -> Callable[[re.Match[str], dt.date], dt.date]:
    return lambda m, today: today + dt.timedelta(days=days)


_NEXT = r"(?:nächste[nrs]?|kommende[nrs]?|next|coming)"
# Holidays on a fixed day (movable feasts: MOVABLE, below).
HOLIDAYS = {
    "neujahr": (1, 1),
    "neujahrstag": (1, 1),
    "new year's day": (1, 1),
    "new years day": (1, 1),
    "valentinstag": (2, 14),
    "valentine's day": (2, 14),
    "valentines day": (2, 14),
    "groundhog day": (2, 2),
    "tag der arbeit": (5, 1),
    "tag der deutschen einheit": (10, 3),
    "halloween": (10, 31),
    "heiligabend": (12, 24),
    "heiliger abend": (12, 24),
    "christmas eve": (12, 24),
    "weihnachten": (12, 25),
    "erster weihnachtsfeiertag": (12, 25),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "xmas eve": (12, 24),  # written short, as typed
    "xmas day": (12, 25),
    "xmas": (12, 25),
    "zweiter weihnachtsfeiertag": (12, 26),
    "boxing day": (12, 26),
    "silvester": (12, 31),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year's": (1, 1),  # "between Christmas and New Year's": the day, as said without "Day"
    "heilige 3 könige": (1, 6),
    "heiligen 3 könige": (1, 6),
    "dreikönigstag": (1, 6),
    "epiphany": (1, 6),
    "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17),
    "st. patricks day": (3, 17),
    "st patricks day": (3, 17),
    "walpurgisnacht": (4, 30),
    "juneteenth": (6, 19),
    "independence day": (7, 4),
    "reformationstag": (10, 31),
    "allerheiligen": (11, 1),
    "all saints' day": (11, 1),
    "all saints day": (11, 1),
    "martinstag": (11, 11),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "nikolaustag": (12, 6),
}
_HOLIDAY_RE = "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))


def _easter_offset(days: int) -> Callable[[int], dt.date]:
    def on(year: int) -> dt.date:
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=days)

    return on


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    """The n-th (or, n = -1, the last) given weekday of a month: Thanksgiving, Mother's Day, Labor Day."""

    def on(year: int) -> dt.date:
        from dateutil.relativedelta import relativedelta
        from dateutil.relativedelta import weekday as rd_weekday

        if n < 0:
            return dt.date(year, month, 1) + relativedelta(day=31, weekday=rd_weekday(weekday)(-1))
        return dt.date(year, month, 1) + relativedelta(weekday=rd_weekday(weekday)(n))

    return on


def _advent(n: int) -> Callable[[int], dt.date]:
    """The n-th Sunday of Advent: the fourth is the last Sunday before Christmas Day."""

    def on(year: int) -> dt.date:
        eve = dt.date(year, 12, 24)
        return eve - dt.timedelta(days=(eve.weekday() + 1) % 7, weeks=4 - n)

    return on


def _buss_und_bettag(year: int) -> dt.date:
    """The Wednesday before 23 November."""
    day = dt.date(year, 11, 22)
    return day - dt.timedelta(days=(day.weekday() - 2) % 7)


# Movable feasts and days named by rule (dateutil computes Easter and the n-th weekdays): the next one on or
# after today. German Muttertag and the US Mother's Day are both the second Sunday of May.
MOVABLE = {
    **{f"{n}. advent": _advent(n) for n in range(1, 5)},
    **{f"{n}. adventssonntag": _advent(n) for n in range(1, 5)},
    **{f"{n}. sunday of advent": _advent(n) for n in range(1, 5)},
    "buß- und bettag": _buss_und_bettag,
    "buss- und bettag": _buss_und_bettag,
    "bußtag": _buss_und_bettag,
    "weiberfastnacht": _easter_offset(-52),  # the Thursday before Rosenmontag, "Altweiber" in the Rhineland
    "altweiberfastnacht": _easter_offset(-52),
    "altweiber": _easter_offset(-52),
    "rosenmontag": _easter_offset(-48),
    "fastnacht": _easter_offset(-47),
    "faschingsdienstag": _easter_offset(-47),
    "aschermittwoch": _easter_offset(-46),
    "gründonnerstag": _easter_offset(-3),
    "karfreitag": _easter_offset(-2),
    "karsamstag": _easter_offset(-1),
    "ostersonntag": _easter_offset(0),
    "ostern": _easter_offset(0),
    "ostermontag": _easter_offset(1),
    "christi himmelfahrt": _easter_offset(39),
    "himmelfahrt": _easter_offset(39),
    "vatertag": _easter_offset(39),
    "pfingstsonntag": _easter_offset(49),
    "pfingsten": _easter_offset(49),
    "pfingstmontag": _easter_offset(50),
    "fronleichnam": _easter_offset(60),
    "muttertag": _nth_weekday(5, 6, 2),
    "mardi gras": _easter_offset(-47),
    "shrove tuesday": _easter_offset(-47),
    "ash wednesday": _easter_offset(-46),
    "maundy thursday": _easter_offset(-3),
    "good friday": _easter_offset(-2),
    "easter sunday": _easter_offset(0),
    "easter monday": _easter_offset(1),
    "easter": _easter_offset(0),
    "ascension day": _easter_offset(39),
    "pentecost": _easter_offset(49),
    "whit sunday": _easter_offset(49),
    "whitsun": _easter_offset(49),
    "whit monday": _easter_offset(50),
    "mother's day": _nth_weekday(5, 6, 2),
    "mothers day": _nth_weekday(5, 6, 2),
    "father's day": _nth_weekday(6, 6, 3),
    "fathers day": _nth_weekday(6, 6, 3),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "memorial day": _nth_weekday(5, 0, -1),
    "labor day": _nth_weekday(9, 0, 1),
    "labour day": _nth_weekday(9, 0, 1),
    "martin luther king day": _nth_weekday(1, 0, 3),
    "mlk day": _nth_weekday(1, 0, 3),
    "presidents day": _nth_weekday(2, 0, 3),
    "presidents' day": _nth_weekday(2, 0, 3),
    "columbus day": _nth_weekday(10, 0, 2),
}
_MOVABLE_RE = "|".join(re.escape(h) for h in sorted(MOVABLE, key=len, reverse=True))


_NEXT_YEAR = r"(?:nächstes jahr|nächsten jahres|im nächsten jahr|kommendes jahr|next year|the coming year)"
_DAY_OFFSET = {"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}


def _feast_in(name: str, year: int) -> dt.date | None:
    """A fixed or movable feast in the given year."""
    if name in HOLIDAYS:
        return _safe_date(year, *HOLIDAYS[name])
    return MOVABLE[name](year)


def _days_from_feast(name: str, days: int, today: dt.date) -> dt.date | None:
    """A number of days before or after the next such feast."""
    feast = _next_day_month(*HOLIDAYS[name], today) if name in HOLIDAYS else _next_movable(name, today)
    return None if feast is None else feast + dt.timedelta(days=days)


def _monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _next_movable(name: str, today: dt.date) -> dt.date:
    on = MOVABLE[name]
    this_year = on(today.year)
    return this_year if this_year >= today else on(today.year + 1)


def _weeks(word: str | None) -> int:
    return int(word) if word and word.isdigit() else 1


# What a day next to a named one may be named by: a feast, a weekday, a month ("the day before Christmas Eve",
# "the day after Friday", "der Tag vor dem 3. März"); never a possession ("the day before my car is due").
_DAY_NAMED = rf"(?:{_HOLIDAY_RE}|{_MOVABLE_RE}|(?:{_WD_RE})|(?:{_MONTH_RE})|new year)\b"


def _nth_weekday_of(n: int, weekday: int, year: int, month: int) -> dt.date | None:
    """The n-th (n = -1: the last) weekday of a month; None when the month has no fifth one."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7, weeks=n - 1)
    return day if day.month == month else None


def _nth_weekday_said(m: re.Match[str], today: dt.date) -> dt.date | None:
    """ "the first Monday of January", "am letzten Freitag im Monat", "the 3rd Thursday of next month": in a
    named month this year's unless it is over; "of the month" this month's, or next month's once it passed."""
    return _nth_weekday_in(-1 if m["last"] else int(m["n"]), WEEKDAY_WORDS[m["wd"]], m["month"], bool(m["next"]), today)


def _nth_weekday_in(n: int, weekday: int, named: str | None, following: bool, today: dt.date) -> dt.date | None:
    """The n-th weekday of the month named (this year's unless over), of next month, or of this month (next
    month's once this one's passed)."""
    if named:
        month = MONTH_WORDS[named]
        day = _nth_weekday_of(n, weekday, today.year, month)
        return day if day is not None and day >= today else _nth_weekday_of(n, weekday, today.year + 1, month)
    year, month = _add_months(today.year, today.month, 1) if following else (today.year, today.month)
    day = _nth_weekday_of(n, weekday, year, month)
    if not following and (day is None or day < today):
        day = _nth_weekday_of(n, weekday, *_add_months(year, month, 1))
    return day


def _months_on(today: dt.date, n: int) -> dt.date:
    """The same day n months on, or that month's last day ("in a month" said on 31 January)."""
    year, month = _add_months(today.year, today.month, n)
    return dt.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


_DAYPART = r"(?:abend|morgen|nachmittag|vormittag|mittag|früh|nacht)?"
_DATE_RULES: list[DateRule] = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m, t: _safe_date(int(m[1]), int(m[2]), int(m[3]))),
    # "on 9/1", "12/24/2027", "am 3/4": a date typed with slashes, month first after an English word as in the US,
    # day first after a German one, and either way where the first number is no month ("on 24/12"); only after a
    # word that leads a day or with its year ("24/7", "1/2 Stunde" are no dates)
    (
        re.compile(
            r"\b(?:(?P<lead>on|am|for|für|vom|from|bis|to|through|until|till|by|den|dem|the)\s+(\d{1,2})/(\d{1,2})"
            r"(?:/(\d{4}))?"
            r"|(\d{1,2})/(\d{1,2})/(\d{4})"
            # "dermatologist 2/3 11:15": or with its clock right after it
            r"|(\d{1,2})/(\d{1,2})(?=\s+(?:at\s+|um\s+)?\d{1,2}(?::\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.|uhr)(?!\w))))\b(?!/)"
        ),
        lambda m, t: _slashed_date(
            m[2] or m[5] or m[8], m[3] or m[6] or m[9], m[4] or m[7], m["lead"] in _GERMAN_DAY_LEADS, t
        ),
    ),
    # "Was hatte ich letzten Freitag?", "what did I have last Wednesday" (said on a Wednesday): the one gone by
    (
        re.compile(
            rf"\b(?:letzte[nrms]?|vergangene[nrms]?|vorige[nrms]?|last|previous|this past|past) ({_WD_RE})\w*\b"
            r"(?! (?:of|in|im|des|vom|dieses|this|vor|before|nach|after)\b)"
        ),
        lambda m, t: t - dt.timedelta(days=(t.weekday() - WEEKDAY_WORDS[m[1]] - 1) % 7 + 1),
    ),
    # "the day after Christmas", "der Tag vor Heiligabend": a day next to one named
    (
        re.compile(
            rf"\b(?:the )?day (after|before) ((?:the |my )?(?:\d|{_DAY_NAMED}).*)$"
            rf"|\btag (nach|vor) ((?:dem |den )?(?:\d|{_DAY_NAMED}).*)$"
        ),
        lambda m, t: _next_to(m, t),
    ),
    # "am Montag nach Neujahr", "the Friday before Christmas": that weekday after or before a day named (never
    # "Montag nach der Arbeit": it names no day)
    (
        re.compile(
            rf"\b({_WD_RE}) (nach|after|before|vor) "
            rf"((?:dem |den |the |my )?(?:\d|{_HOLIDAY_RE}|{_MOVABLE_RE}|new year).*)$"
        ),
        lambda m, t: _weekday_next_to(m, t),
    ),
    (
        re.compile(
            rf"\b(?:(?P<n>[1-5])(?:\.|st|nd|rd|th)|(?P<last>last|letzte[nrm]?))\s+(?P<wd>{_WD_RE})\s+"
            r"(?:of|in|im|des)\s+(?:(?:the|this|dieses|diesem|des|dem)\s+)?(?:(?P<next>next|nächsten|kommenden)\s+)?"
            rf"(?:month|monats?|(?P<month>{_MONTH_RE}))\b"
        ),
        _nth_weekday_said,
    ),
    # "in a fortnight", "a week today", "tomorrow week", "this time next week": British days a week or two on
    (re.compile(r"\bin an? fortnight\b|\ban? fortnight (?:from )?(?:today|now)\b|\bfortnight today\b"), _offset(14)),
    (re.compile(r"\b(?:1 week|an? week) today\b|\bthis time next week\b|\btoday week\b"), _offset(7)),
    (re.compile(r"\b(?:1 week|an? week) tomorrow\b|\btomorrow week\b"), _offset(8)),
    # "in einem Monat", "in 3 months": the same day that many months on
    (
        re.compile(r"\bin (?:(\d{1,2})|an?|einem) (?:monaten|monat|months|month)\b"),
        lambda m, t: _months_on(t, int(m[1]) if m[1] else 1),
    ),
    (
        re.compile(r"(?<!\bum )(?<!\bat )\b(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})\b)?"),
        lambda m, t: _day_month(m[1], int(m[2]), m[3], t),
    ),
    (
        re.compile(rf"\b{_ORD}\s+(?:of\s+)?({_MONTH_RE})\b\.?,?(?:\s+(\d{{4}})\b)?"),
        lambda m, t: _day_month(m[1], MONTH_WORDS[m[2]], m[3], t),
    ),
    (
        re.compile(rf"\b({_MONTH_RE})\.?\s+(?:the\s+)?{_ORD}(?!\d)(?:,?\s+(\d{{4}})\b)?"),
        lambda m, t: _day_month(m[2], MONTH_WORDS[m[1]], m[3], t),
    ),
    # "im Juni am 14.", "in June on the 14th", "am 14. im Juni": the month said apart from its day
    (
        re.compile(rf"\b(?:im|in)\s+({_MONTH_RE})\s+(?:am|on\s+the|on|the)\s+{_ORD}(?!\d)"),
        lambda m, t: _day_month(m[2], MONTH_WORDS[m[1]], None, t),
    ),
    (
        re.compile(rf"\b(?:am|on\s+the|on|the)\s+{_ORD}\s+(?:im|in)\s+({_MONTH_RE})\b"),
        lambda m, t: _day_month(m[1], MONTH_WORDS[m[2]], None, t),
    ),
    # "heute in einer Woche", "a week from today", "morgen in 2 Wochen": counted from that day.
    (
        re.compile(r"\b(heute|today|morgen|tomorrow|übermorgen) in (\d{1,2}) (?:wochen|woche|weeks|week)\b"),
        lambda m, t: t + dt.timedelta(days=_DAY_OFFSET[m[1]], weeks=int(m[2])),
    ),
    # "heute in acht Tagen" (a week, as German says it), "morgen in 14 Tagen", "3 days from now"
    (
        re.compile(r"\b(heute|morgen|übermorgen) in (\d{1,2}) (?:tagen|tag)\b"),
        lambda m, t: t + dt.timedelta(days=_DAY_OFFSET[m[1]] + int(m[2])),
    ),
    (
        re.compile(r"\b(\d{1,2}) days? from (now|today|tomorrow)\b"),
        lambda m, t: t + dt.timedelta(days=int(m[1]) + (m[2] == "tomorrow")),
    ),
    # "Montag letzter Woche", "Monday of last week", "last week on Monday": that weekday of the week before this one
    (
        re.compile(
            rf"\b({_WD_RE}),? (?:(?:in )?(?:der )?(?:letzte[nr]?|vergangene[nr]?|vorige[nr]?) woche|of last week)\b"
            rf"|\b(?:last week|letzte woche),? (?:on |am )?({_WD_RE})\b"
        ),
        lambda m, t: _monday_of(t) - dt.timedelta(weeks=1) + dt.timedelta(days=WEEKDAY_WORDS[m[1] or m[2]]),
    ),
    # "Sunday two weeks from now": that weekday, as "Sonntag in zwei Wochen" says it
    (
        re.compile(rf"\b({_WD_RE}),? (?:(\d{{1,2}})|an?) weeks? from (?:today|now)\b"),
        lambda m, t: _weekday_on_or_after(WEEKDAY_WORDS[m[1]], t) + dt.timedelta(weeks=_weeks(m[2])),
    ),
    (
        re.compile(r"\b(?:(\d{1,2})|an?) weeks? from (today|now|tomorrow)\b"),
        lambda m, t: t + dt.timedelta(days=m[2] == "tomorrow", weeks=_weeks(m[1])),
    ),
    # "nächsten Monat am 5.", "am 5. nächsten Monats", "the 5th of next month": that day of next month.
    (
        re.compile(
            rf"\b{_NEXT} monat,? (?:am |den )?(\d{{1,2}})\.|"
            rf"\b(?:am |den )?(\d{{1,2}})\. (?:des )?{_NEXT} monats\b|"
            rf"\b(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? of next month\b|"
            rf"\bnext month on the (\d{{1,2}})(?:st|nd|rd|th)?\b"
        ),
        lambda m, t: _safe_date(*_add_months(t.year, t.month, 1), int(m[1] or m[2] or m[3] or m[4])),
    ),
    (re.compile(r"\b([12])\.\s*weihnachts(?:feier)?tag\b"), lambda m, t: _next_day_month(12, 24 + int(m[1]), t)),
    # "Heiligabend 2027", "Weihnachten nächstes Jahr", "next year at Easter": a feast in the year said (session 39:
    # the year was dropped, so "Christmas next year" was this Christmas)
    (
        re.compile(
            rf"\b(?P<a>{_HOLIDAY_RE}|{_MOVABLE_RE})(?!\w),? (?:(?P<year>20\d\d)\b|{_NEXT_YEAR})"
            rf"|{_NEXT_YEAR},? (?:an |am |zu |at |on |for )?(?P<b>{_HOLIDAY_RE}|{_MOVABLE_RE})(?!\w)"
        ),
        lambda m, t: _feast_in(m["a"] or m["b"], int(m["year"]) if m["year"] else t.year + 1),
    ),
    # "zwei Tage vor Heiligabend", "three days after Christmas": days counted from a named day
    (
        re.compile(
            rf"\b(\d{{1,2}}) (?:tage?n?|days?) (vor|nach|before|after) (?:dem |den |the )?({_HOLIDAY_RE}|{_MOVABLE_RE})"
            r"(?!\w)"
        ),
        lambda m, t: _days_from_feast(m[3], int(m[1]) * (-1 if m[2] in ("vor", "before") else 1), t),
    ),
    (re.compile(rf"\b({_MOVABLE_RE})(?!\w)"), lambda m, t: _next_movable(m[1], t)),
    # "übernächsten Freitag", "the Friday after next": the one after the next; "Freitag in 2 Wochen",
    # "a week from Friday": that weekday on or after today, N weeks on ("Donnerstag in einer Woche" said on a
    # Thursday is a week from today).
    (
        re.compile(rf"\bübernächste[nrs]? ({_WD_RE})\b|\b(?:the )?({_WD_RE}) after next\b"),
        lambda m, t: _next_weekday(WEEKDAY_WORDS[m[1] or m[2]], t) + dt.timedelta(weeks=1),
    ),
    # "Mittwoch übernächste Woche", "übernächste Woche am Mittwoch", "the week after next on Wednesday": that
    # weekday of the week after next week
    (
        re.compile(
            rf"\b({_WD_RE}),? (?:in der |der |of )?(?:übernächste[nr]? woche|the week after next)\b"
            rf"|\b(?:übernächste[nr]? woche|the week after next),? (?:am |on )?({_WD_RE})\b"
        ),
        lambda m, t: _next_week_weekday(WEEKDAY_WORDS[m[1] or m[2]], t) + dt.timedelta(weeks=1),
    ),
    (
        re.compile(rf"\b({_WD_RE}) in (\d{{1,2}}) (?:wochen|woche|weeks|week)\b"),
        lambda m, t: _weekday_on_or_after(WEEKDAY_WORDS[m[1]], t) + dt.timedelta(weeks=int(m[2])),
    ),
    # "In zwei Wochen am Montag", "in 2 weeks on Monday": the weekday said after, as "Montag in zwei Wochen"
    (
        re.compile(rf"\bin (\d{{1,2}}) (?:wochen|woche|weeks|week),? (?:am |on )?({_WD_RE})\b"),
        lambda m, t: _weekday_on_or_after(WEEKDAY_WORDS[m[2]], t) + dt.timedelta(weeks=int(m[1])),
    ),
    # British "Saturday week", "a week Friday", "a fortnight on Friday": a week (two) on from the Saturday (Friday)
    # that "Saturday" alone names
    (
        re.compile(rf"\b({_WD_RE}) week\b"),
        lambda m, t: _next_weekday(WEEKDAY_WORDS[m[1]], t) + dt.timedelta(weeks=1),
    ),
    (
        re.compile(rf"\b(?:a|one|1) (week|fortnight) (?:on )?({_WD_RE})\b"),
        lambda m, t: _next_weekday(WEEKDAY_WORDS[m[2]], t) + dt.timedelta(weeks=2 if m[1] == "fortnight" else 1),
    ),
    (
        re.compile(rf"\b(?:(\d{{1,2}})|an?) weeks? (?:from|on) ({_WD_RE})\b"),
        lambda m, t: _weekday_on_or_after(WEEKDAY_WORDS[m[2]], t) + dt.timedelta(weeks=_weeks(m[1])),
    ),
    (re.compile(r"\b(?:übermorgen|(?:the )?day after tomorrow)\b"), _offset(2)),
    (re.compile(r"\b(?:vorgestern|(?:the )?day before yesterday)\b"), _offset(-2)),
    (re.compile(r"\b(?:heute|today|tonight|this (?:morning|afternoon|evening))\b"), _offset(0)),
    (re.compile(r"(?<!\bam )(?<!\bguten )\bmorgen\b|\btomorrow\b"), _offset(1)),
    (re.compile(r"\b(?:gestern|yesterday)\b"), _offset(-1)),
    # "die morgigen Termine", "heutige Veranstaltungen", "das übermorgige Meeting": the day as an adjective
    (re.compile(r"\bübermorgige[nrsm]?\b"), _offset(2)),
    (re.compile(r"\bheutige[nrsm]?\b"), _offset(0)),
    (re.compile(r"\bmorgige[nrsm]?\b"), _offset(1)),
    (re.compile(r"\bgestrige[nrsm]?\b"), _offset(-1)),
    (re.compile(r"\bin (\d{1,3}) (?:tagen|tag|days|day)\b"), lambda m, t: t + dt.timedelta(days=int(m[1]))),
    (re.compile(r"\bin (\d{1,2}) (?:wochen|woche|weeks|week)\b"), lambda m, t: t + dt.timedelta(weeks=int(m[1]))),
    (
        re.compile(rf"\b{_NEXT} (?:woche|week),? (?:am |on )?({_WD_RE})\b"),
        lambda m, t: _next_week_weekday(WEEKDAY_WORDS[m[1]], t),
    ),
    (
        re.compile(rf"\b({_WD_RE}),? (?:in der |der |of )?{_NEXT} (?:woche|week)\b"),
        lambda m, t: _next_week_weekday(WEEKDAY_WORDS[m[1]], t),
    ),
    # "Freitag, den 13." names the day of the month; the weekday only decorates it.
    (
        re.compile(r"\b(?:am|den|dem|zum|vom|on the|the|auf den|auf)\s+(\d{1,2})(?:\.|st|nd|rd|th)(?!\d)"),
        lambda m, t: _next_day_of_month(int(m[1]), t),
    ),
    (re.compile(rf"\b({_HOLIDAY_RE})(?!\w)"), lambda m, t: _next_day_month(*HOLIDAYS[m[1]], t)),
    # "the last day of February", "am letzten Tag im Februar": that month's last day (was the whole month)
    (
        re.compile(rf"\blast day (?:of|in) ({_MONTH_RE})\b|\bletzten tag (?:im|des|vom|in) ({_MONTH_RE})\b"),
        lambda m, t: _named_month(MONTH_WORDS[m[1] or m[2]], t)[1],
    ),
    (
        re.compile(r"\blast day of (?:the|this) month\b|\bletzten tag (?:des|dieses|im) monats?\b"),
        lambda m, t: _month_span(t.year, t.month)[1],
    ),
    # "Ende des Monats", "end of the month", "Ende März": the last day of that month.
    (
        re.compile(r"\b(?:ende|end of)\s+(?:des |dieses |the |this )?(?:monats?|month)\b|\bmonatsende\b"),
        lambda m, t: _month_span(t.year, t.month)[1],
    ),
    (
        re.compile(r"\b(?:ende|end of)\s+(?:des |the )?(?:nächsten|kommenden|next|coming)\s+(?:monats?|month)\b"),
        lambda m, t: _month_span(*_add_months(t.year, t.month, 1))[1],
    ),
    (re.compile(rf"\b(?:ende|end of)\s+({_MONTH_RE})\b"), lambda m, t: _named_month(MONTH_WORDS[m[1]], t)[1]),
    # "bis Ende des Jahres", "until the end of the year", "zum Jahresende": this year's last day.
    (
        re.compile(r"\b(?:ende|end of)\s+(?:des |dieses |the |this )?(?:jahres|year)\b|\bjahresende\b"),
        lambda m, t: dt.date(t.year, 12, 31),
    ),
    # "Freitagabend", "Montagmorgen": German glues the part of the day to the weekday.
    (re.compile(rf"\b({_WD_RE}){_DAYPART}s?\b"), lambda m, t: _next_weekday(WEEKDAY_WORDS[m[1]], t)),
]


def _next_to(m: re.Match[str], today: dt.date) -> dt.date | None:
    """The day before or after the day the words after it name; when they name none ("Freitag, Tag nach der
    Party"), the day said before them."""
    day = resolve_date(m[2] or m[4], today)
    if day is None:
        return resolve_date(m.string[: m.start()], today) if m.start() else None
    return day + dt.timedelta(days=1 if (m[1] or m[3]) in ("after", "nach") else -1)


def _weekday_next_to(m: re.Match[str], today: dt.date) -> dt.date | None:
    """The first such weekday after the day named ("Montag nach Neujahr"), or the last one before it."""
    new_year = re.match(r"(?:the )?new year\b(?!'s eve)", m[3])
    day = _next_day_month(1, 1, today) if new_year else resolve_date(m[3], today)
    if day is None:
        return None
    weekday = WEEKDAY_WORDS[m[1]]
    if m[2] in ("after", "nach"):
        return _next_weekday(weekday, day)
    return _next_weekday(weekday, day - dt.timedelta(days=8))  # the first one in the week before the day


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _named_month(month: int, today: dt.date, year: int | None = None) -> tuple[dt.date, dt.date]:
    """A month by name: this year's unless it is over, then next year's."""
    if year is None:
        year = today.year if month >= today.month else today.year + 1
    return _month_span(year, month)


def resolve_date(text: str, today: dt.date) -> dt.date | None:
    """The date a phrase or sentence names, relative to ``today``; None when it names none (or an impossible
    one such as "30. Februar")."""
    return _first_rule(_DATE_RULES, normalize(_GERMAN_SHORT_DAY.sub(_long_day, text)), today)


# German weekdays typed short ("Friseur Fr 14 Uhr", "Mo 9 Uhr Teamrunde"): capitalised, as a day of their own
# ("So" is a word, and "Do" the English "Do I have ...").
_GERMAN_SHORT = {"Mo": "Montag", "Di": "Dienstag", "Mi": "Mittwoch", "Fr": "Freitag", "Sa": "Samstag"}
_GERMAN_SHORT_DAY = re.compile(r"^(\s*(?:(?:am|ab|bis|auf)\s+)?)(Mo|Di|Mi|Fr|Sa)\.?(?=$|\s+\d)")


def _long_day(m: re.Match[str]) -> str:
    return m[1] + _GERMAN_SHORT[m[2]]


def _first_rule(
    rules: list[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], _T]]], t: str, today: dt.date
) -> _T | None:
    """What the first rule whose pattern occurs in ``t`` builds; None when none does."""
    for pattern, build in rules:
        m = pattern.search(t)
        if m:
            return build(m, today)
    return None


# --------------------------------------------------------------------------- spans of days

DateSpan = tuple[dt.date, dt.date]
_FROM = r"(?:von|vom|from|between|zwischen|ab|starting|beginning)"
_TO = r"(?:bis zum|bis zur|bis|until|till|til|through|thru|to|and|und|-|–)"
_BARE_DAY = re.compile(r"^(?:am |den |dem |the |on the )?(\d{1,2})(?:\.|st|nd|rd|th)?$")
_SPAN_BETWEEN = re.compile(
    rf"^(?:.*?\b)?{_FROM}\s+(?P<a>.+?)\s*\b{_TO}\s*(?P<b>.+)$|"
    rf"^(?P<c>.+?)\s*(?:\b(?:bis zum|bis|until|till|through|thru|to)\b|-|–)\s*(?P<d>.+)$"
)
_SPAN_AND = re.compile(
    rf"^(?:.*?\s)?(?:am |on |on the |the |den )?"
    rf"(?P<a>\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?|\d{{1,2}}(?:\.|st|nd|rd|th)?|(?:{_WD_RE})\w*|heute|today|morgen|tomorrow)"
    r"\s+(?:and|und)\s+"
    r"(?:the |den )?(?P<b>.+)$"
)
_SPAN_UNTIL = re.compile(r"^(?:.*?\b)?(?:bis zum|bis zur|bis|until|till|til|through|thru|up to|by)\s+(?P<b>.+)$")
_WEEK_WORD = r"(?:woche|week)"
_SPAN_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], DateSpan]]] = [
    # session 39: "diese und nächste Woche", "this week and next" (was one of them); "übernächstes Wochenende",
    # "the weekend after next" (was this weekend); "bis Ende der Woche", "until the end of the week" (was none)
    (
        re.compile(r"\b(?:diese|this) (?:und|and) (?:nächste|next)(?: (?:woche|week))?\b|\bthis week and next\b"),
        lambda m, t: (_week(t, 0)[0], _week(t, 1)[1]),
    ),
    (re.compile(r"\bübernächste[snr]? wochenende\b|\bthe weekend after next\b"), lambda m, t: _weekend(t, 2)),
    (
        re.compile(r"\b(?:bis (?:zum )?ende (?:der|dieser) woche|until the end of (?:the|this) week)\b"),
        lambda m, t: (t, _week(t, 0)[1]),
    ),
    (
        re.compile(r"\b(?:bis (?:zum )?ende (?:des|dieses) monats|until the end of (?:the|this) month)\b"),
        lambda m, t: (t, _month_span(t.year, t.month)[1]),
    ),
    # "the rest of the month": the month, as the templates say it ("the rest of this month": all of it), as the week
    (
        re.compile(r"\b(?:the )?rest of (?:the|this) month|(?:den |der )?rest (?:des|dieses) monats\b"),
        lambda m, t: _month_span(t.year, t.month),
    ),
    (
        re.compile(rf"\b(?:übernächste[nr]?|the {_WEEK_WORD} after next)\s*(?:{_WEEK_WORD})?\b"),
        lambda m, t: _week(t, 2),
    ),
    (re.compile(rf"\b(?:{_NEXT}|upcoming) {_WEEK_WORD}\b"), lambda m, t: _week(t, 1)),
    # "Hatte ich letzte Woche ...", "what did I have last week": the week before this one
    (
        re.compile(
            r"\b(?:letzte[nr]?|vergangene[nr]?|vorige[nr]?|last|previous) (?:woche|week)\b(?! (?:of|des|im|in)\b)"
        ),
        lambda m, t: _week(t, -1),
    ),
    # "How does my week look?", "Wie sieht meine Woche aus?": the person's week is this one.
    (
        re.compile(
            rf"\b(?:diese[rnms]?|this|current|my|meine[rn]?) {_WEEK_WORD}\b|\b(?:the )?rest of the {_WEEK_WORD}\b|"
            r"\b(?:den |der )?rest (?:der|dieser) woche\b|"
            r"\b(?:die ganze|the whole|the entire|all) (?:woche|week)\b"
        ),
        lambda m, t: _week(t, 0),
    ),
    # "this coming weekend": the one ahead this week ("the coming weekend" alone is next week's, as the templates say)
    (re.compile(r"\bthis (?:coming|upcoming) weekend\b"), lambda m, t: _weekend(t, 0 if t.weekday() < 5 else 1)),
    (
        re.compile(r"\b(?:nächste[nrs]?|kommende[nrs]?|next|coming) (?:wochenende|weekend)\b"),
        lambda m, t: _weekend(t, 1),
    ),
    (re.compile(r"\b(?:wochenende|weekend)\b"), lambda m, t: _weekend(t, 0)),
    (
        re.compile(
            r"\b(?:die |the |in den |for the |over the )?(?:nächsten|kommenden|next|coming) (\d{1,3}) "
            r"(?:tagen?|days?)\b"
        ),
        lambda m, t: (t, t + dt.timedelta(days=max(int(m[1]), 1) - 1)),
    ),
    (
        re.compile(
            r"\b(?:die |the |in den |for the |over the )?(?:nächsten|kommenden|next|coming) (\d{1,2}) "
            r"(?:wochen|weeks)\b"
        ),
        lambda m, t: (t, t + dt.timedelta(days=7 * max(int(m[1]), 1) - 1)),
    ),
    (
        re.compile(r"\b(?:nächste[nrs]?|kommende[nrs]?|next|coming) (?:monats?|month)\b"),
        lambda m, t: _month_span(*_add_months(t.year, t.month, 1)),
    ),
    (
        re.compile(
            r"\b(?:diese[nrms]?|this|current|my|meine[nrm]?) (?:monats?|month)\b|\b(?:im|this|the) laufenden monat\b"
        ),
        lambda m, t: _month_span(t.year, t.month),
    ),
    (
        re.compile(rf"\b({_MONTH_RE})\b(?:\s+(\d{{4}})\b)?"),
        lambda m, t: _named_month(MONTH_WORDS[m[1]], t, int(m[2]) if m[2] else None),
    ),
]


def _nth_weekend(m: re.Match[str], today: dt.date) -> DateSpan | None:
    """The Saturday and Sunday of a month's n-th (or last) Saturday."""
    saturday = _nth_weekday_in(-1 if m["last"] else int(m["n"]), 5, m["month"], bool(m["next"]), today)
    return None if saturday is None else (saturday, saturday + dt.timedelta(days=1))


# "am Wochenende in zwei Wochen", "the weekend in three weeks": the weekend of that week (before "in zwei Wochen" is
# read as one day)
_WEEKEND_IN_WEEKS = re.compile(
    r"\b(?:wochenende|weekend) in (\d{1,2}) (?:wochen?|weeks?)\b"
    r"|\bin (\d{1,2}) (?:wochen?|weeks?) (?:am|on the|at the|over the) (?:wochenende|weekend)\b"
)


def _week(today: dt.date, ahead: int) -> DateSpan:
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=ahead)
    return monday, monday + dt.timedelta(days=6)


def _weekend(today: dt.date, ahead: int) -> DateSpan:
    monday = _week(today, ahead)[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def _span_of(text: str, today: dt.date) -> DateSpan | None:
    """A whole span named by one expression ("nächste Woche", "im Januar") or one day (as a span of one)."""
    day = resolve_date(text, today)
    if day is None:
        return _first_rule(_SPAN_RULES, normalize(text), today)
    return day, day


def _end_after(phrase: str, start: dt.date, today: dt.date) -> dt.date | None:
    """The last day an end phrase names, on or after ``start`` ("von Montag bis Mittwoch": the Wednesday after
    that Monday, even when this week's Wednesday comes first). A bare day ("bis zum 20.") is the next 20th."""
    bare = _BARE_DAY.match(phrase.strip(" ,"))
    if bare:
        return _next_day_of_month(int(bare[1]), start)
    span = _span_of(phrase, today)
    if span is not None and span[1] >= start:
        return span[1]
    later = _span_of(phrase, start - dt.timedelta(days=1))
    return later[1] if later is not None and later[1] >= start else (span[1] if span else None)


# "the first weekend of January", "am zweiten Wochenende im März", "the last weekend of the month"
_NTH_WEEKEND = re.compile(
    r"\b(?:(?P<n>[1-4])(?:\.|st|nd|rd|th)|(?P<last>last|letzte[nrms]?)) (?:weekend|wochenende) (?:of|in|im) "
    r"(?:(?:the|this|dieses|diesem|des|dem) )?(?:(?P<next>next|nächsten|kommenden) )?"
    rf"(?:month|monats?|(?P<month>{_MONTH_RE}))\b"
)


# Two weekdays joined as a span, and the week they are of said before or after them.
_WEEKDAYS_OF_A_WEEK = re.compile(
    rf"(?:^|\s)(?:(?:von|vom|from|am|on)\s+)?(?P<a>{_WD_RE})\w*\s+(?:und|and|bis|to|through|thru|-)\s+"
    rf"(?:(?:zum|am|on)\s+)?(?P<b>{_WD_RE})\w*"
)
_A_WEEK = re.compile(r"\b(?:(?:über)?nächste[nr]?|kommende[nr]?|next|coming) (?:woche|week)\b|\bthe week after next\b")


# "über Weihnachten", "die Weihnachtsfeiertage", "over Easter": Christmas Eve to Boxing Day, Good Friday to Easter
# Monday.
_FEAST_DAYS = re.compile(
    r"\b(?:(?:über|over|during) (?:weihnachten|christmas|(?P<easter>ostern|easter))(?! \w)"
    r"|(?:weihnachtsfeiertage|weihnachtstage|(?P<easter_days>osterfeiertage|ostertage))\b)"
)


_WEEK_NEXT_TO = re.compile(
    rf"\b(?:die |the )?(?:woche|week) (?P<way>nach|after|vor|before) (?P<day>(?:dem |den |the )?(?:\d|{_DAY_NAMED}).*)$"
)


def resolve_date_range(text: str, today: dt.date) -> DateSpan | None:
    """First and last day of what the words name: "nächste Woche" (Monday..Sunday), "am Wochenende", "im
    Januar", "the next 3 days", "bis Freitag" (today..Friday), "vom 10. bis 12. Dezember", or one day as a
    span of one. None when they name none. The end may come before the start; the schema reports that."""
    t = normalize(_GERMAN_SHORT_DAY.sub(_long_day, text))
    weekend = _NTH_WEEKEND.search(t)
    if weekend:
        return _nth_weekend(weekend, today)
    if later := _WEEKEND_IN_WEEKS.search(t):
        return _weekend(today, int(later[1] or later[2]))
    pair = _WEEKDAYS_OF_A_WEEK.search(t)
    if pair and (week := _A_WEEK.search(t)):
        # "nächste Woche Donnerstag und Freitag", "Thursday to Friday next week": both days of the week said
        first, last = (resolve_date(f"{pair[k]} {week[0]}", today) for k in ("a", "b"))
        if first is not None and last is not None and first <= last:
            return first, last
    m = _SPAN_BETWEEN.match(t)
    if m:
        a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
        found = _between(a.strip(" ,"), b.strip(" ,?!"), today)  # "vom 28. bis zum 30.?": asked, still the 30th
        if found is not None:
            return found
    m = _SPAN_UNTIL.match(t)
    if m and (end := _end_after(m["b"], today, today)) is not None:
        return today, end
    near = _WEEK_NEXT_TO.search(t)
    if near and (day := resolve_date(near["day"], today)) is not None:
        # "die Woche nach Weihnachten", "the week before Easter": the Monday-to-Sunday week after or before its week
        monday = (
            day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=1 if near["way"] in ("nach", "after") else -1)
        )
        return monday, monday + dt.timedelta(days=6)
    feast = _FEAST_DAYS.search(t)
    if feast:  # "über Weihnachten", "over Easter": the feast's days, not its one day
        easter = bool(feast["easter"] or feast["easter_days"])
        days = 3 if easter else 2
        since = today - dt.timedelta(days=days)  # said while they last: these ones
        first = _next_movable("karfreitag", since) if easter else _next_day_month(12, 24, since)
        if first is not None:
            return first, first + dt.timedelta(days=days)
    m = _SPAN_AND.match(t)
    if m:  # "am 15. und 16.", "Saturday and Sunday": two days in a row are a span; others are two events
        found = _between(m["a"].strip(" ,"), m["b"].strip(" ,?!"), today)
        if found is not None and (found[1] - found[0]).days == 1:
            return found
    return _span_of(t, today)


def _between(a: str, b: str, today: dt.date) -> DateSpan | None:
    """ "10." to "12. Dezember" takes the end's month; "22. Dezember" to "5." the next 5th after it; "between
    Christmas and New Year" ends on New Year's Day."""
    b = "new year's day" if re.fullmatch(r"(?:the )?new year", b) else b
    a = "today" if re.fullmatch(r"(?:right )?now|jetzt|sofort", a) else a  # "between now and Wednesday"
    a, b = (f"on {x}" if re.fullmatch(r"\d{1,2}/\d{1,2}(?:/\d{4})?", x) else x for x in (a, b))  # "from 12/23 to 1/2"
    bare_a, bare_b = _BARE_DAY.match(a), _BARE_DAY.match(b)
    if bare_a and bare_b:  # "vom 10. bis 12.": this month's, or the next month that has them
        start = _next_day_of_month(int(bare_a[1]), today)
        end = _next_day_of_month(int(bare_b[1]), start) if start else None
        return (start, end) if start and end else None
    start_span = None if bare_a else _span_of(a, today)
    if start_span is not None:
        start = start_span[0]
        if bare_b:
            end = _next_day_of_month(int(bare_b[1]), start)
            return (start, end) if end else None
        end = _end_after(b, start, today)
        return (start, end) if end else None
    if bare_a:
        end_span = _span_of(b, today)
        if end_span is None:
            return None
        end = end_span[1]
        day = int(bare_a[1])
        year, month = end.year, end.month
        if day > end.day:
            year, month = _add_months(year, month, -1)
        start = _safe_date(year, month, day)
        return (start, end) if start else None
    return None


def resolve_date_in(ptype: ParamType, text: str, today: dt.date) -> dt.date | None:
    """The date an argument of a date type takes from its words (see ``ParamType``)."""
    if ptype is ParamType.DATE:
        return resolve_date(text, today)
    if ptype is ParamType.FIRST_DATE:
        return resolve_first_date(text, today)
    span = resolve_date_range(text, today)
    if span is None:
        return None
    return span[0] if ptype is ParamType.RANGE_START else span[1]


def resolve_first_date(text: str, today: dt.date) -> dt.date | None:
    """The first day on or after today that the words name: "jeden Donnerstag" is today on a Thursday (a
    one-off "am Donnerstag" said on a Thursday means next week's); a span of days ("ab März", "starting next
    week") starts on its first day, today for one already under way ("ab diesem Monat")."""
    day = resolve_date(text, today)
    if day == today + dt.timedelta(days=7) and _bare_weekday(normalize(text)):
        return today
    if day is None and (span := resolve_date_range(text, today)) is not None:
        return max(span[0], today)
    return day


def _bare_weekday(t: str) -> bool:
    return bool(re.search(rf"\b(?:{_WD_RE})", t)) and not re.search(rf"\b{_NEXT}\b|\b(?:woche|week)\b", t)


# --------------------------------------------------------------------------- repetition

_DAY_PART_OF = r"(?:abend|morgen|vormittag|nachmittag|mittag|nacht)"
_FREQUENCY_RULES: list[tuple[str, re.Pattern[str]]] = [
    (f, re.compile(p))
    for f, p in (
        (
            "biweekly",
            rf"\b(?:alle 2 wochen|jede 2\. woche|(?:jeden|alle|immer) 2\. (?:{_WD_RE})|alle 14 tage|"
            rf"vierzehntägig\w*|zweiwöchentlich\w*|14-tägig\w*|every (?:other|2\.) (?:week|{_WD_RE})|"
            r"every 2 weeks|bi-?weekly|fortnightly|every fortnight|once a fortnight)\b",
        ),
        (
            "weekdays",
            r"\b(?:werktags?|an werktagen|jeden werktag|jeden arbeitstag|an arbeitstagen|arbeitstags|wochentags|"
            r"an wochentagen|montags? bis freitags?|"
            r"(?:immer |jeden tag )?unter der woche|"  # "unter der Woche um 7 joggen": on working days
            r"außer (?:am |an )?(?:wochenende[n]?|samstags? und sonntags?)|nicht am wochenende|"  # but the weekend
            r"except (?:on |at )?(?:the )?weekends?|except (?:on )?saturdays? and sundays?|not on weekends|"
            r"every weekday|every workday|each weekday|on weekdays|on workdays|weekdays|mondays? (?:through|to|thru) "
            r"fridays?)\b",
        ),
        (
            "daily",
            r"\b(?:(?:tag)?täglich\w*|jeden tag|alle tage|jeden (?:morgen|abend|mittag)|every (?:single )?(?:day|"
            r"morning|evening|night)|everyday|each (?:day|morning|evening)|daily|nightly)\b",
        ),
        (
            "monthly",
            r"\b(?:monatlich\w*|jeden monat|einmal im monat|alle monate|(?:eines )?jede[ns] monats"
            r"|(?:jeden|am) \d{1,2}\. (?:des|jeden|im) monats?|every month|each month|once a month|monthly"
            r"|of (?:every|each) month"
            r"|(?:every|each) \d{1,2}(?:st|nd|rd|th|\.)? (?:of the|of each|of every|in the) month)\b",
        ),
        (  # "jeden 15.", "every 15th": a day of the month said alone (not "jeden 3. Mai", "jeden 1. Montag")
            "monthly",
            rf"\b(?:jeden|every|each) (?:the )?\d{{1,2}}(?:\.|st|nd|rd|th)(?!\w)(?! ?(?:of )?(?:{_MONTH_RE}|{_WD_RE}|"
            r"tag|tage|woche|wochen|week|weeks|day|days|monat|monate|months?|jahr|jahre|years?|mal|times?)\b)",
        ),
        (
            "yearly",
            r"\b(?:jährlich\w*|jedes jahr|einmal im jahr|alle jahre|every year|each year|once a year|yearly|"
            # a day of the year said with "every": "jeden 3. Mai", "every May 3rd", "each 1st of April"
            rf"annually|(?:jeden|every|each) (?:\d{{1,2}}(?:\.|st|nd|rd|th)? (?:of )?(?:{_MONTH_RE})|"
            rf"(?:{_MONTH_RE}) \d{{1,2}}(?:st|nd|rd|th)?))\b",
        ),
        (
            "weekly",
            # "jeden Sonntagabend", "montagmorgens": the weekday with the part of its day
            rf"\b(?:wöchentlich\w*|jede woche|einmal (?:die|pro|in der) woche|(?:jeden|immer|immer am|alle) "
            rf"(?:{_WD_RE}){_DAY_PART_OF}?|(?:{_WD_RE}){_DAY_PART_OF}?s|every week|each week|once (?:a|1) week|weekly"
            rf"|every (?:{_WD_RE})|each (?:{_WD_RE}))\b",
        ),
    )
]


# A repetition no frequency is ("every two days", "alle drei Wochen", "jeden zweiten Tag", "twice a week"): said
# clearly, and answered with the ones there are.
_REPEAT_NOT_MADE = re.compile(
    r"\b(?:every|each|alle|jede[nrsm]?)\s+(?:\d+\.?|other|second|third|zweite[nrsm]?|dritte[nrsm]?)\s+"
    r"(?:days?|tage?n?|weeks?|wochen?|months?|monate?n?|years?|jahre?n?)\b"
    r"|\b(?:twice|zweimal|dreimal|viermal|\d+\s*(?:times|mal))\s+(?:a|1|per|pro|in\s+der|die|im|am)\s+"
    r"(?:day|week|month|tag|woche|monat)\b"
)


def resolve_frequency(text: str) -> str | None:
    """How often the words say an event repeats: one of ``FREQUENCIES``, or None."""
    t = normalize(text)
    return next((freq for freq, pattern in _FREQUENCY_RULES if pattern.search(t)), None)


# --------------------------------------------------------------------------- times

_PM = r"(?:pm|abends?|nachmittags?|in the (?:afternoon|evening)|evening|afternoon|tonight)"
_AM = r"(?:morgens|früh|vormittags?|in the morning|morning|am morgen)"
_NIGHT = r"(?:nachts?|at night|in der nacht|night)"
_NOON = r"(?:mittags?|zu mittag)"


def _qualifier(text: str, lang: str | None) -> str | None:
    if re.search(rf"\b{_NIGHT}\b|\b(?:{_WD_RE})nachts?\b", text):
        return "night"
    if re.search(rf"\b{_PM}\b|\b(?:{_WD_RE})(?:abend|nachmittag)s?\b", text):
        return "pm"
    if re.search(rf"\b(?:{_WD_RE})(?:morgen|vormittag|früh)s?\b", text):
        return "am"
    if lang != "de" and re.search(r"\d\s*am\b", text):
        return "am"
    if re.search(rf"\b{_AM}\b", text):
        return "am"
    if re.search(rf"\b{_NOON}\b", text):
        return "noon"
    return None


_DAYPART_AFTER_DAY = re.compile(
    rf"\b(?:heute|morgen|übermorgen|{_WD_RE})\s*(früh|morgens?|vormittags?|nachmittags?|abends?|nachts?)\b"
    rf"|\b(?:this|today|tomorrow|{_WD_RE})\s+(morning|afternoon|evening|night)\b|\b(tonight)\b"
    # a series said by its part of the day: "jeden Morgen", "every evening"
    r"|\b(?:jeden|jede)\s+(morgen|vormittag|nachmittag|abend|nacht)\b|\b(?:every|each)\s+(morning|afternoon|evening|night)\b"
)
_DAYPART_QUALIFIER = {
    "früh": "am",
    "morgen": "am",
    "morgens": "am",
    "vormittag": "am",
    "vormittags": "am",
    "morning": "am",
    "nachmittag": "pm",
    "nachmittags": "pm",
    "abend": "pm",
    "abends": "pm",
    "afternoon": "pm",
    "evening": "pm",
    "tonight": "pm",
    "nacht": "night",
    "nachts": "night",
    "night": "night",
}


def _context_qualifier(context: str, meals: bool = True) -> str | None:
    """The part of the day a sentence gives its day ("heute Abend", "tomorrow morning", "Freitagabend"), which
    a bare time elsewhere in it ("um acht") takes on; else the part a meal or an evening in it says ("dinner at
    eight", "Elternabend um 8", "date night at 8")."""
    m = _DAYPART_AFTER_DAY.search(context)
    if m:
        return _DAYPART_QUALIFIER[next(g for g in m.groups() if g)]
    m = re.search(rf"\b(?:{_WD_RE})(morgen|vormittag|früh|nachmittag|abend|nacht)s?\b", context)
    if m:
        return _DAYPART_QUALIFIER[m[1]]
    # "werktags morgens um 6:30", "abends um 7": the adverb says the part of the day (never "morgen", tomorrow)
    m = re.search(r"\b(morgens|vormittags|nachmittags|abends)\s+(?:um|gegen|ab)\b", context)
    if m:
        return _DAYPART_QUALIFIER[m[1]]
    said = {_MEAL_PART[w] for w in _MEAL.findall(context)} if meals else set()
    evening = _EVENING.search(context)
    if evening and evening[0] == "evening" and re.search(r"\bmorning\b", context):
        evening = None  # "from 9 in the morning to the evening": the morning is said of the clock
    if evening and re.search(r"(?i)party|fete|feier", evening[0]) and re.search(r"(?i)\bkid|\bchild|kinder", context):
        evening = None  # "Sarah's kid's birthday party at 9": children party by day
    if meals and (evening or _DINNER_COMPOUND.search(context)):  # "Elternabend um 8" at 20:00
        said.add("dinner")
    return said.pop() if len(said) == 1 else None


# A meal says its part of the day: "dinner with Sam at eight" is at 20:00, "Frühstück um 6" at 6:00 (one meal only:
# "move breakfast to dinner time" says neither). Lunch and brunch at 1-6 are in the afternoon as any bare hour is.
_MEAL_PART = {
    "dinner": "dinner",
    "supper": "dinner",
    "abendessen": "dinner",
    "abendbrot": "dinner",
    "breakfast": "breakfast",
    "frühstück": "breakfast",
}
_MEAL = re.compile(rf"\b({'|'.join(_MEAL_PART)})", re.IGNORECASE)
# A German meal named by who or why it is ("Teamessen", "Weihnachtsessen", "Abschiedsessen"): a dinner; never lunch
# ("Mittagessen", "Arbeitsessen"), the city ("Meeting in Essen") or "Interessen".
_DINNER_COMPOUND = re.compile(r"(?i)\b(?!(?:mittag|arbeits|inter|früh|vesper)essen\b)[^\W\d_]{3,}essen\b")
# An evening said by its event, read as a dinner is: "Elternabend", "Spieleabend", "date night", "game night" (never
# "Sonnabend", a Saturday, nor "Heiligabend", a day); a show people go to at night: "Kino mit Ben um acht",
# "concert at 8", "Theater um 7".
_EVENING = re.compile(
    r"(?<!sonn)(?<!heilig)abend\b|\b(?:date|game|movie|quiz|poker|girls'?|guys'?|ladies'?|karaoke|trivia)\s+night\b"
    r"|\b(?:kino|cinema|movies|konzert|concert|theater|theatre|oper|opera)\b"
    r"|\b(?:silvester\w*|new year'?s eve|nye)\b"  # "Silvester um acht bei Tom": the evening of the 31st
    r"|\b\w*(?:party|fete|sause)\b|\bparties\b"  # "die Party bei Anna ist am Samstag ab sieben": at 19:00
    r"|\b(?:geburtstags|weihnachts|abschieds|einweihungs|jubiläums)?feier\b"  # never "Trauerfeier um 9"
    r"|\bevening\b"  # "Evening walk at 8", "evening class at 7:30" (session 40)
    # "Book a table for two at Nando's on Saturday at 7", "Reservier einen Tisch ... um 7": a dinner out
    r"|\btable\s+for\s+(?:two|three|four|five|six|\d+)\b|\bbook\s+a\s+table\b|\btisch\s+für\s+\w+"
    r"|\b(?:reservier\w*|bestell\w*)\s+(?:(?:uns|mir)\s+)?(?:einen\s+)?tisch\b",
    re.IGNORECASE,
)


def _clock(hour: int, minute: int, qualifier: str | None, explicit_24h: bool) -> dt.time | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    if hour == 24:
        hour = 0
    if hour >= 13 or explicit_24h:
        pass
    elif qualifier == "pm":
        hour = hour if hour == 12 else hour + 12
    elif qualifier == "am":
        pass  # "12 Uhr vormittags" is noon; only an English "12 am" is midnight (handled by _EN_AMPM)
    elif qualifier == "night":
        hour = hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
    elif qualifier == "noon":
        hour = hour + 12 if 1 <= hour <= 5 else hour
    elif qualifier == "dinner":  # 1-9 in the evening; "dinner at 10:00" or "at 11" as said
        hour = hour + 12 if 1 <= hour <= 9 else hour
    elif qualifier == "breakfast":  # 4-11 in the morning
        hour = hour if 4 <= hour <= 12 else hour + 12
    elif 1 <= hour <= 6:
        hour += 12
    return dt.time(hour, minute)


def _prev_hour(hour: int) -> int:
    """The hour before ``hour`` on a 12-hour clock face: 'halb eins' is 12:30, not 0:30."""
    return 12 if hour in (1, 13) else hour - 1


TimeRule = tuple[re.Pattern[str], Callable[[re.Match[str]], "tuple[int, int, bool] | None"]]


def _from_midnight_or_noon(m: re.Match[str]) -> tuple[int, int, bool] | None:
    """ "ten to midnight" 23:50, "20 past midnight" 0:20, "a quarter to noon" 11:45, on the 24-hour clock."""
    minutes = int(m[1]) if m[1] else 15 if m[2] else 30
    if m[3] and m[4] not in ("past", "after", "nach") or not 0 < minutes < 60:
        return None  # "half to midnight" is no way to say it
    base = 0 if m[5] in ("midnight", "mitternacht") else 12 * 60
    at = (base + (minutes if m[4] in ("past", "after", "nach") else -minutes)) % (24 * 60)
    return at // 60, at % 60, True


def _hm(h: str, m: str | None = None) -> tuple[int, int, bool]:
    # A leading zero or an hour >= 13 is a 24-hour reading: "06:30" stays in the morning.
    return int(h), int(m or 0), len(h) == 2 and h.startswith("0") or h == "0"


_EN_AMPM = re.compile(r"\b(\d{1,2})(?:[:. ]?(\d{2}))?\s*(am|pm)\b")  # "2:30 pm", "two thirty pm", "530pm"
# A clock reading counted from the hour, then "am"/"pm": "half past seven pm", "a quarter to 5 am", "20 past 4 pm".
# ("10 to 11 pm" is left out: said so, it is more often a span than 22:50.)
_EN_RELATIVE_AMPM = re.compile(
    r"\b(?:(?P<half>half) past|(?:a )?(?P<quarter>quarter) (?P<qdir>past|after|to|before|of)|"
    r"(?P<n>\d{1,2}) (?:minutes (?P<ndir>past|after|to|before)|(?P<past>past|after))) (?P<h>\d{1,2})\s*(?P<ap>am|pm)\b"
)


def _en_relative_ampm(m: re.Match[str]) -> dt.time | None:
    """ "a quarter to 12 pm" is 11:45, "half past 12 am" 0:30: the hour is read on the 24-hour clock first."""
    hour = int(m["h"])
    minutes = 30 if m["half"] else 15 if m["quarter"] else int(m["n"])
    if not 1 <= hour <= 12 or not 0 < minutes < 60:
        return None
    at = (hour % 12 + (12 if m["ap"] == "pm" else 0)) * 60
    before = (m["qdir"] or m["ndir"] or "past") in ("to", "before", "of")
    at = (at - minutes if before else at + minutes) % (24 * 60)
    return dt.time(at // 60, at % 60)


_TIME_RULES: list[TimeRule] = [
    # "ten to midnight", "20 past midnight", "a quarter to noon": counted from midnight or noon (was 10:00)
    (
        re.compile(
            r"\b(?:(\d{1,2}) (?:minutes? |minuten )?|(?:a )?(quarter|viertel) |(half) )(to|before|vor|past|after|nach) "
            r"(midnight|mitternacht|noon|mittag)\b"
        ),
        lambda m: _from_midnight_or_noon(m),
    ),
    (re.compile(r"\b(\d{1,2}):(\d{2})(?:h\b|\b)"), lambda m: _hm(m[1], m[2])),  # "14:00h" too
    (re.compile(r"\b(\d{1,2})h(\d{2})\b"), lambda m: _hm(m[1], m[2])),  # "14h30"
    # "kurz nach acht", "shortly before 8": said loosely, the hour (as "gegen 8" is)
    (re.compile(r"\b(?:kurz|shortly|just) (?:nach|vor|after|before) (\d{1,2})\b(?![.:]\d)"), lambda m: _hm(m[1])),
    (re.compile(r"\b(\d{1,2})\.(\d{2})\s*(?:uhr|h)\b"), lambda m: _hm(m[1], m[2])),
    (re.compile(r"\b(?:um|at|gegen|ab|von|from)\s+(\d{1,2})\.(\d{2})\b(?!\.\d)"), lambda m: _hm(m[1], m[2])),
    (re.compile(r"\b(\d{1,2})\s*uhr(?:\s+(\d{1,2})\b)?"), lambda m: _hm(m[1], m[2])),
    (re.compile(r"\b(\d{1,2})\s*o'?clock\b"), lambda m: _hm(m[1])),
    (
        re.compile(r"\b(\d{1,2}) (vor|nach) halb (\d{1,2})\b"),
        lambda m: (_prev_hour(int(m[3])), 30 + (int(m[1]) if m[2] == "nach" else -int(m[1])), False),
    ),
    (re.compile(r"\bhalb (\d{1,2})\b"), lambda m: (_prev_hour(int(m[1])), 30, False)),
    (re.compile(r"\bdreiviertel (\d{1,2})\b"), lambda m: (_prev_hour(int(m[1])), 45, False)),
    (re.compile(r"\bviertel nach (\d{1,2})\b"), lambda m: (int(m[1]), 15, False)),
    # "um viertel 8" (south and east German): a quarter of the way to 8, 7:15
    (
        re.compile(r"\bviertel (\d{1,2})\b(?![.,]?\s*(?:stunden?|minuten?))"),
        lambda m: (_prev_hour(int(m[1])), 15, False),
    ),
    (re.compile(r"\bviertel vor (\d{1,2})\b"), lambda m: (_prev_hour(int(m[1])), 45, False)),
    (re.compile(r"\bhalf past (\d{1,2})\b"), lambda m: (int(m[1]), 30, False)),
    # "at half five" is British for 5:30 (German "halb fünf", 4:30, is the rule above; "half" is English only)
    (
        re.compile(r"\bhalf (\d{1,2})\b(?![.,]?\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?))"),
        lambda m: (int(m[1]), 30, False),
    ),
    (re.compile(r"\b(?:a )?quarter (?:past|after) (\d{1,2})\b"), lambda m: (int(m[1]), 15, False)),
    (re.compile(r"\b(?:a )?quarter (?:to|before|of) (\d{1,2})\b"), lambda m: (_prev_hour(int(m[1])), 45, False)),
    (
        re.compile(r"\b(\d{1,2}) (?:minuten |minutes )?(?:nach|past|after) (\d{1,2})\b"),
        lambda m: (int(m[2]), int(m[1]), False),
    ),
    # "zehn vor elf", "20 minutes to 6", "ten to eleven": minutes before the hour; a bare "to" only after minutes
    # people count so (5, 10, 15, 20, 25): "9 to 11" is a span of two hours (_RANGE), never 10:51
    (
        re.compile(
            r"\b(\d{1,2}) (?:(?:minuten |minutes )(?:vor|to|before)|vor|before) (\d{1,2})\b"
            r"|\b(5|10|15|20|25) to (\d{1,2})\b"
        ),
        lambda m: (_prev_hour(int(m[2] or m[4])), 60 - int(m[1] or m[3]), False),
    ),
    # "at 9ish", "um Punkt 3": the hour, said loosely or sharp
    (re.compile(r"\b(\d{1,2})\s*-?ish\b|\bpunkt (\d{1,2})\b(?![.:]\d)"), lambda m: _hm(m[1] or m[2])),
    # "at 1700", "um 0930", "at 930": a clock written without its colon, after a word that leads a time
    (re.compile(r"\b(?:um|at|gegen|by|around)\s+([01]?\d|2[0-3])([0-5]\d)\b(?![.,]\d)"), lambda m: _hm(m[1], m[2])),
    (
        re.compile(
            r"\b(?:um|at|gegen|ab|von|from|bis|until|till|to|auf|around|about)\s+(\d{1,2})(?:\s+(\d{2}))?\b"
            r"(?![.:]\d|\.? ?(?:tag|day|woche|week|"
            r"minute|stunde|hour|of\b|st\b|nd\b|rd\b|th\b))"
        ),
        lambda m: _hm(m[1], m[2]),
    ),
]
_NOON_ONLY = re.compile(r"\b(?:noon|midday|mittags?|zu mittag|zum mittag|lunchtime|lunch time|mittagszeit)\b")
_MIDNIGHT = re.compile(r"\b(?:midnight|mitternacht)\b")
END_OF_DAY = dt.time(23, 59, 59, 999999)  # a range's end at midnight; durations round it to the full minute


_RANGE = re.compile(
    r"^(?:.*?\b)?(?:von|from|between|zwischen)\s+(?P<a>.+?)\s*"
    r"(?:\bbis\b|\buntil\b|\btill\b|\bto\b|\band\b|\bund\b|-|–)\s*(?P<b>.+)$|^(?:.*?\b)?(?:um|at|ab)?\s*"
    # "halb 2 bis 3 Uhr", "half past 1 to 3": the start's clock words are the start's, never left out of it
    r"(?P<c>(?:(?:halb|dreiviertel|viertel (?:nach|vor)|half past|(?:a )?quarter (?:past|after|to))\s+)?"
    r"\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|uhr)\b)?)\s*"
    # "ten to eleven thirty" is a span: "ten to eleven" alone is a clock reading (10:50), but not before minutes
    r"(?:\bbis\b|\buntil\b|\btill\b|-|–|\bto\b(?=\s*\d{1,2}[ :.]\d{2}\b)"
    r"|(?<!\b5 )(?<!\b10 )(?<!\b15 )(?<!\b20 )(?<!\b25 )\bto\b)\s*(?P<d>.+)$"
)
_BARE_CLOCK = re.compile(r"^\d{1,2}(?:[:. ]\d{2})?$")  # "11 30": "eleven thirty", as normalize() writes it


def resolve_time_range(text: str, lang: str | None = None, context: str = "") -> tuple[dt.time, dt.time] | None:
    """Start and end of "von 14 bis 16 Uhr", "from 2 to 4 pm", "9-11": None unless both ends resolve and the
    end is after the start. A bare start takes the end's part of the day ("from 10 to 11 pm" is 22-23)."""
    # a span may end in the sentence's full stop ("from 8 to 9."): without it "9." is not a clock time, and the
    # phrase would be read as "8 (minutes) to 9"
    m = _RANGE.match(normalize(text).rstrip(" .,;!?"))
    if not m:
        return None
    a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
    a, b = a.strip(), b.strip()
    if re.match(rf"\d{{1,2}}\.\s*(?:{_MONTH_RE}|\d{{1,2}}\.)", b):
        return None  # "um halb zehn bis 17. Dezember": the end is a day (a series' last), not a clock
    a_phrase, b_phrase = _as_clock(a), _as_clock(b)
    end = _resolve_single(b_phrase, lang, context, meals=False)  # a span says its part of the day itself
    if end == dt.time(0, 0) and _MIDNIGHT.search(normalize(b)):
        end = END_OF_DAY  # "bis Mitternacht", "until midnight": the end of the day, not its start
    inherited = _qualifier(normalize(b_phrase), lang) if _BARE_CLOCK.match(a) else None
    start = _resolve_single(a_phrase, lang, context, inherited, meals=False)
    if start is None or end is None:
        return None
    if end <= start and _BARE_CLOCK.match(a):
        start = _resolve_single(a_phrase, lang, context, meals=False)
    bare_end = _BARE_HOUR_END.match(normalize(b))
    if start is not None and end <= start and start >= dt.time(12) and end.hour < 12 and bare_end:
        later = dt.time(end.hour + 12, end.minute)  # "von halb sechs bis sieben": 17:30 to 19:00, never to 7:00
        end = later if later > start else end
    if start is None or end <= start:
        return None
    return start, end


_BARE_HOUR_END = re.compile(r"^(?:um\s+)?\d{1,2}(?:[:.]\d{2})?(?:\s*uhr)?$")  # "sieben", "7 Uhr": no part of day


def _as_clock(words: str) -> str:
    """A bare number of a span's end ("14", "11 30") said as the clock time it is."""
    if re.match(
        r"\d{1,2}(?:[:.]\d{2})?\s+(?:in the (?:morning|afternoon|evening)|morgens|vormittags|nachmittags|abends)$",
        words,
    ):
        return f"um {words}"  # "bis 6 abends", "to 6 in the evening": the end said with its part of the day
    return f"um {words.replace(' ', ':')}" if _BARE_CLOCK.match(words) else words


def _night_span(text: str, lang: str | None) -> tuple[dt.time, int] | None:
    """Start and minutes of a span that runs past midnight, from an evening start to a night end ("from 11 pm to 1
    am", "von 22 bis 2 Uhr": a bare 2 after 22:00 is 02:00, not the afternoon); None for any other."""
    m = _RANGE.match(normalize(text).rstrip(" .,;!?"))
    if not m:
        return None
    a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
    a, b = _as_clock(a.strip()), _as_clock(b.strip())
    start, end = _resolve_single(a, lang, "", meals=False), _resolve_single(b, lang, "", meals=False)
    if start is None or end is None or start.hour < 17:
        return None
    first = re.search(r"\d{1,2}", a)  # an evening said so ("22", "11 pm"), not read by the afternoon rule ("um sechs")
    if first is None or (int(first[0]) <= 12 and not _qualifier(normalize(a), lang)):
        return None
    said = re.search(r"\d{1,2}", b)  # "bis 2 Uhr" read as 14:00 by the afternoon rule; never "bis 14 Uhr"
    bare = said is not None and int(said[0]) <= 12 and not _qualifier(normalize(b), lang)
    night = end.hour - 12 if end.hour >= 12 and bare else end.hour
    if not 0 <= night <= 6 or (night, end.minute) >= (start.hour, start.minute):
        return None
    return start, (24 * 60 - (start.hour * 60 + start.minute)) + night * 60 + end.minute


def resolve_time(text: str, lang: str | None = None, context: str = "") -> dt.time | None:
    """The clock time a phrase or sentence names (the start of a range); None when it names none.

    ``lang`` matters for one word: "am" is a meridiem in English and a preposition in German. ``context`` is
    the whole sentence: in "heute Abend um acht" the phrase "um acht" is 20:00 because of "Abend".
    """
    span = resolve_time_range(text, lang, context)
    if span is not None:
        return span[0]
    night = _night_span(text, lang)
    if night is not None:  # "von 22 bis 2 Uhr": its start, never the "2 Uhr" read as 14:00
        return night[0]
    return _resolve_single(text, lang, context)


def _resolve_single(
    text: str, lang: str | None, context: str, inherited: str | None = None, meals: bool = True
) -> dt.time | None:
    t = normalize(text)
    qualifier = _qualifier(t, lang) or inherited or (_context_qualifier(normalize(context), meals) if context else None)
    if lang != "de":
        relative = _EN_RELATIVE_AMPM.search(t)
        if relative:  # "quarter past four pm": not 16:00
            return _en_relative_ampm(relative)
        m = _EN_AMPM.search(t)
        if m:
            hour, minute = int(m[1]), int(m[2] or 0)
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if m[3] == "pm" else 0)
            return _clock(hour, minute, None, True) if minute < 60 else None
    for pattern, build in _TIME_RULES:
        m = pattern.search(t)
        if m:
            parts = build(m)
            if parts is None:
                return None
            return _clock(*parts[:2], qualifier, parts[2])
    if _MIDNIGHT.search(t):
        return dt.time(0, 0)
    if _NOON_ONLY.search(t):
        return dt.time(12, 0)
    return None


# --------------------------------------------------------------------------- durations

_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_HOURS = r"(?:stunden|stunde|std\.?|hours|hour|hrs|hr)"
_MINUTES = r"(?:minuten|minute|min\.?|minutes|mins)"
_DURATION_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], float]]] = [
    (
        re.compile(rf"\b{_NUM}\s*-?\s*{_HOURS}(?:,?\s*(?:und|and)?\s*(\d{{1,2}})\b(?:\s*{_MINUTES})?)?"),
        lambda m: float(m[1].replace(",", ".")) * 60 + int(m[2] or 0),
    ),
    (re.compile(rf"\b{_NUM}\s*-?\s*(?:stündig\w*|hours?-long)"), lambda m: float(m[1].replace(",", ".")) * 60),
    (re.compile(rf"\b(\d{{1,4}})\s*-?\s*(?:{_MINUTES}|minütig\w*)(?![a-z])"), lambda m: int(m[1])),
    # "1h30", "2 h", "a couple of hours": hours written short, or two of them
    # (never "5 h" of "1,5 h": that is an hour and a half)
    (
        re.compile(r"(?<![\d.,])\b((?:[1-9]|1[0-2])(?:[.,]\d{1,2})?)\s?h(?:\s?([0-5]\d))?\b"),
        lambda m: float(m[1].replace(",", ".")) * 60 + int(m[2] or 0),
    ),
    (re.compile(r"\ba couple (?:of )?hours\b"), lambda m: 120),
]


def resolve_duration(text: str) -> int | None:
    """The length in minutes a phrase or sentence names ("anderthalb Stunden" -> 90); None when none."""
    t = normalize(text)
    for pattern, build in _DURATION_RULES:
        m = pattern.search(t)
        if m:
            minutes = build(m)
            return int(round(minutes)) if minutes > 0 else None
    return None


# --------------------------------------------------------------------------- calls

_GERMAN_HINTS = re.compile(
    r"[äöüß]|\b(?:und|der|die|das|den|dem|ich|mir|mich|bitte|um|uhr|am|ein|eine|einen|"
    r"trag|termin|morgen|heute|übermorgen|nächste[nr]?|lösch\w*|was|wie|habe?|ist|vom|bis|"
    r"zum|zur|im|auf|für|mit|von|jeden|jede|immer|wann|verschieb\w*|woche|wochenende|"
    r"montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonntags?|januar|"
    r"februar|mai|juni|juli|oktober|dezember|eintragen|blocken|machen|löschen|verschieben|nein|lieber|doch|ja|nee|"
    r"\w*(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|nachmittag|vormittag|abend)\w*)\b"
)
_ENGLISH_HINTS = re.compile(
    r"\b(?:the|and|my|me|please|at|on|add|put|schedule|cancel|delete|remove|what|that|it|this|make|actually|can|"
    r"you|with|of|i|i'm|set|book|instead|no|yes|yeah|rather|"
    r"tomorrow|today|next|is|have|do|pm|am|from|to|until|every|when|move|week|weekend|"
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|january|"
    r"february|march|may|june|july|october|december)\b"
)


def guess_lang(text: str, default: str = "en") -> str:
    """'de' or 'en' from a few function words, for typed text (speech comes with Whisper's language); ``default``
    (the interface language) when the words say neither."""
    t = text.lower()
    german, english = len(_GERMAN_HINTS.findall(t)), len(_ENGLISH_HINTS.findall(t))
    return "de" if german > english else "en" if english > german else default


_TITLE_EDGES = " \t\n\"'„“”‚‘’«»,;:!?."


# Hesitations a speech recognizer writes down ("delete um the dentist"): never the first or last word of a title.
_FILLER_EDGE = re.compile(
    r"^(?:(?:uh|uhm|um|umm|erm|äh|ähm|öh|öhm|hm|hmm)\b[\s,]*)+|(?:[\s,]+(?:uh|uhm|umm|erm|äh|ähm|öhm|hmm))+$", re.I
)


# An article before a title is said, never part of it ("cancel the dentist", "Verschieb den Zahnarzttermin"):
# the training data never copies one (training/data.py: ARTICLE_SHARE, DEFINITE_SHARE), but a hesitation before
# it ("delete um the dentist") can make the model start its copy there.
# German "an" before an article is a preposition ("an die Ostsee fahren"), not the English article.
_ARTICLE_EDGE = re.compile(
    r"^(?:the|a|an(?!\s+(?:der|die|das|den|dem|des|ein|eine[mnrs]?|meine?[mnrs]?)\b)|der|die|das|den|dem|des|"
    r"eine[mnrs]?|ein)\s+(?=\w)",
    re.I,
)


# A German infinitive with "zu", as a reminder says it ("erinnere mich, Oma zu besuchen", "..., die Steuer
# abzugeben"), is the to-do's plain infinitive in a calendar: "Oma besuchen", "Steuer abgeben". Lower case only
# ("Auszubildende" is a noun).
_ZU_INFINITIVE_END = re.compile(
    r"(?:(?<=\S)\s+zu\s+(?!sieben$)(?=[a-zäöüß]+(?:en|ern|eln)$)"
    r"|(?<=\s)(?P<prefix>ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|zurück|zusammen|raus|rein|rüber|runter"
    r"|hoch|heraus|herein|hinaus|hinein|weiter|durch|um|teil|kennen|fertig|statt|dabei|dazu)zu(?=[a-zäöüß]{2,}en$))"
)


_SAID_TWICE = re.compile(
    r"(?i)\b(the|a|an|my|with|to|for|at|on|of|der|die|das|den|dem|des|ein|eine|einen|mit|zum|zur|zu|für|am|im|beim|von"
    r"|vom|und|and)\s+\1\b"
)


# "I'm busy on Thursday from 2 to 5", "ich bin am Donnerstag beschäftigt": what one is that day is the title.
_SELF_LEAD = re.compile(r"(?i)^(?:i'm|i\s+am|i'll\s+be|i\s+will\s+be|we're|we\s+are|ich\s+bin|wir\s+sind)\s+(?=\S)")


def clean_title(phrase: str) -> str:
    """A copied title without the quotes and punctuation around it (a span may take the quote it sits in), and
    without a hesitation at either end or an article before it, a small word said twice once, and a last verb said
    with "zu" as its plain form, and no "und" it ends with."""
    title = _FILLER_EDGE.sub("", phrase.strip(_TITLE_EDGES)).strip(_TITLE_EDGES)
    title = _SAID_TWICE.sub(r"\1", title)  # "meeting with the the landlord": a speech recognizer's repeat
    title = _ARTICLE_EDGE.sub("", _SELF_LEAD.sub("", title)) or title or phrase.strip(_TITLE_EDGES)
    title = _ZU_INFINITIVE_END.sub(lambda m: m["prefix"] or " ", title, count=1)
    title = re.sub(r"(?i)[\s,]+(?:und|and)$", "", title) or title  # "Zahnarzt und" of "Zahnarzt und um 12 Uhr ..."
    # "lunch at the Millers'": a plural's possessive apostrophe at the end is the name's, not a quote around it
    kept = phrase.strip().rstrip(",;:.!? ")
    if kept.endswith("s'") and "'" not in kept[:-1] and title.endswith("s") and kept[:-1].endswith(title):
        return f"{title}'"
    return title


# A day of the month that some month lacks ("February 30th", "31. April", "30.2."): read as a span it would be
# the whole month.
_DAY_PAST_MONTH_END = re.compile(
    rf"\b(?:29|3[01])(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b|\b(?:{_MONTH_RE})\.?\s+(?:the\s+)?(?:29|3[01])"
    r"(?:st|nd|rd|th)?\b|\b(?:29|3[01])\.\s?(?:0?2|0?4|0?6|0?9|11)\.(?!\d)"
)


def resolve_phrase(
    ptype: ParamType, phrase: str, today: dt.date, lang: str | None = None, query: str = ""
) -> str | int:
    """The value of one argument's words: a cleaned title, an ISO date, HH:MM or minutes.

    Raises the ``CallError`` that names the words it could not read. The decoder asks the same question of
    every span it could copy, so what it produces is exactly what this function accepts.
    """
    if ptype is ParamType.TITLE:
        title = clean_title(phrase)
        if not title:
            raise InvalidTitle(f"the title {phrase!r} is empty", "title_empty")
        return title
    if ptype.is_date:
        date = resolve_date_in(ptype, phrase, today)
        if ptype is not ParamType.DATE and _DAY_PAST_MONTH_END.search(normalize(phrase)):
            date = date if resolve_date(phrase, today) is not None else None  # never "February" for "February 30th"
        if date is None and names_a_value(ParamType.DATE, phrase):  # "am 31. Februar": said so, by name
            said = re.sub(r"^(?:am|an|on|the|den|dem|der|vom|zum|bis|until)\s+", "", phrase.strip(), flags=re.I)
            raise InvalidDate(f"'{said}' is not a real date", "date_impossible", date=said, phrase=phrase.strip())
        if date is None:
            raise InvalidDate(
                f"I could not understand the date '{phrase.strip()}'", "date_unclear", phrase=phrase.strip()
            )
        return date.isoformat()
    if ptype is ParamType.FREQUENCY:
        frequency = resolve_frequency(phrase)
        if frequency is None and _REPEAT_NOT_MADE.search(normalize(phrase)):
            raise InvalidFrequency(  # "every two days", "zweimal die Woche": what can be made is said
                f"a series every '{phrase.strip()}'", "frequency_unsupported", phrase=phrase.strip()
            )
        if frequency is None:
            raise InvalidFrequency(
                f"I could not understand how often: '{phrase.strip()}'", "frequency_unclear", phrase=phrase.strip()
            )
        return frequency
    if ptype is ParamType.TIME:
        phrase = _clock_alone(phrase, query, lang)
        time = resolve_time(phrase, lang, context=query)
        bare = normalize(phrase).strip(" .,;!?")
        if time is None and re.fullmatch(r"\d{1,2} \d{2}", bare):  # "ten thirty" copied as the time: a clock
            time = resolve_time(_as_clock(bare), lang, context=query)
        if time is None:
            raise InvalidTime(
                f"I could not understand the time '{phrase.strip()}'", "time_unclear", phrase=phrase.strip()
            )
        return time.strftime("%H:%M")
    minutes = resolve_duration(phrase)
    if minutes is None or not 0 < minutes <= 24 * 60:
        raise InvalidDuration(
            f"I could not understand the duration '{phrase.strip()}'", "duration_unclear", phrase=phrase.strip()
        )
    return minutes


_CLOCK_WORD = re.compile(r"\s*(?:uhr\b|h\b|o'?clock\b|:\d)")


def _names_a_clock(pattern: re.Pattern[str], t: str) -> bool:
    """Whether ``pattern`` finds a clock time in ``t``: after a bare preposition an hour past 24 counts only with
    "Uhr" (or the like) after it ("um 25 Uhr" is an impossible time; "bis 26." is the 26th of a month)."""
    if pattern is not _TIME_RULES[-1][0]:  # the other rules name their clock words ("halb", "past", ...)
        return bool(pattern.search(t))
    return any(int(m[1]) <= 24 or _CLOCK_WORD.match(t, m.end()) for m in pattern.finditer(t))


def names_a_value(ptype: ParamType, phrase: str, lang: str | None = None) -> bool:
    """Whether the words have the form of a date, time or duration, whether or not that value exists:
    "am 30. Februar" and "um 25 Uhr" do ("für 90 Min." is no time, "day" no date). The decoder may copy such
    words, so that an impossible value is reported as such instead of read as something else ("am 30.")."""
    if ptype is ParamType.TITLE:
        return bool(clean_title(phrase))
    t = normalize(phrase)
    if ptype is ParamType.DATE or ptype is ParamType.FIRST_DATE:
        return any(pattern.search(t) for pattern, _ in _DATE_RULES)
    if ptype.is_date:
        return any(pattern.search(t) for pattern, _ in _DATE_RULES) or any(
            pattern.search(t) for pattern, _ in _SPAN_RULES
        )
    if ptype is ParamType.FREQUENCY:
        return resolve_frequency(phrase) is not None
    if ptype is ParamType.TIME:
        return bool(
            (lang != "de" and _EN_AMPM.search(t))
            or any(_names_a_clock(pattern, t) for pattern, _ in _TIME_RULES)
            or _MIDNIGHT.search(t)
            or _NOON_ONLY.search(t)
        )
    return any(pattern.search(t) for pattern, _ in _DURATION_RULES)


# "jeden ersten Montag im Monat", "the second Tuesday of every month", "monthly on the last Friday": a series on
# a weekday of the month, which the contract's repetitions cannot write ("monthly" repeats the day of the month).
# Told so, never made a single event or a series on the wrong days.
_NTH_WEEKDAY = rf"(?:\d\.|letzte[nr]?|last|vorletzte[nr]?) (?:{_WD_RE})\w*"
_WEEKDAY_OF_MONTH = re.compile(
    rf"\b{_NTH_WEEKDAY} (?:(?:im|in the|of the|of) (?:monat|month)|"
    r"(?:jeden|jedes|eines|des|of every|of each|every|each) (?:monats?|month))"
    rf"|\b(?:jeden|jede[nr]?|alle|every|each|immer)\b[^.;!?]*\b{_NTH_WEEKDAY} (?:im|in the|of the|of|des|jeden) "
    r"(?:monats?|month)"
    rf"|\b(?:monthly|monatlich\w*|(?:jeden|every|each|einmal im|once a) (?:monat|month))\b[^.;!?]*\b{_NTH_WEEKDAY}\b"
)


def _series_by_weekday_of_month(query: str, spec: Function) -> None:
    """Refuses a new event of a query that asks for a series on a weekday of the month, with what can be made."""
    if not query or not _makes_an_event(spec):
        return
    t = normalize(query)
    m = _WEEKDAY_OF_MONTH.search(t)
    if m is None or not (_REPEATS.search(t) or any(p.type is ParamType.FREQUENCY for p in spec.params)):
        return
    words = r"\s+".join(r"\S+" if re.fullmatch(r"\d+\.", w) else re.escape(w) for w in m[0].split())  # "2.": "second"
    said = re.search(words, query, re.IGNORECASE)
    phrase = (said[0] if said else m[0]).strip()
    raise InvalidFrequency(f"a series on a weekday of the month: '{phrase}'", "frequency_unsupported", phrase=phrase)


# "montags und mittwochs", "every Monday and Wednesday", "on Tuesdays, Thursdays and Saturdays": a weekly series on
# more than one weekday. The call's "weekly" repeats its first day's weekday only; the dialog reads the others here
# and writes one series with all of them (RRULE BYDAY).
_SEVERAL_WEEKDAYS = re.compile(
    rf"\b(?:(?:jeden|every|each|on|immer)\s+)?(?:{_WD_RE})\w*(?:(?:\s*(?:,|und|and|&|sowie)\s*|\s+)(?:(?:jeden|every|each|on|am)\s+)?"
    rf"(?:{_WD_RE})\w*)+"
)


def weekdays_said(query: str) -> tuple[int, ...]:
    """The weekdays (0 = Monday) a series is said on when there are two or more ("dienstags und donnerstags");
    empty for one, for "montags bis freitags" (every weekday) and when none is said."""
    t = normalize(query)
    for m in _SEVERAL_WEEKDAYS.finditer(t):
        days = sorted({WEEKDAY_WORDS[w] for w in re.findall(rf"\b({_WD_RE})", m[0])})
        if len(days) > 1 and resolve_frequency(m[0]) != "weekdays":
            return tuple(days)
    return ()


_REPEATS = re.compile(r"\b(?:jede[nrsm]?|alle|every|each|immer|monthly|monatlich\w*|once|einmal)\b")


def _without_corrected_day(phrase: str, query: str) -> str:
    """A title copied with the day the speaker then corrected ("mail the application for the 9th of July" of "...
    for the 9th of July, sorry, on March the 30th"): the day is no part of what the event is called."""
    at = _said_at(query, phrase)
    if at < 0 or not _CORRECTION.match(query[at + len(phrase) :]):
        return phrase
    words = phrase.split()
    for k in range(1, min(6, len(words) - 1) + 1):
        tail = " ".join(words[-k:])
        if words[-k].lower() in _DANGLING and names_a_value(ParamType.RANGE_START, tail):
            return " ".join(words[:-k])
    return phrase


_LENGTH_TAIL = re.compile(
    r"\s+(?:\d+\s*(?:min\.?|minuten|minutes?|mins)(?:\s+(?:lang|long))?|[^\W_]*-?stündig\w*)\W*$", re.IGNORECASE
)


def _with_ordinal_stop(phrase: str, query: str) -> str:
    """A day copied without the full stop that makes its last number a month or a day ("am achtundzwanzigsten
    11" of "... 11. um 8:00"): with it; one copied without its month ("auf 7." of "auf 7.09."): with that."""
    at = _said_at(query, phrase)
    month = re.match(r"\d{1,2}\.(?:\d{4}|\d{2}(?!\d))?", query[at + len(phrase) :]) if at >= 0 else None
    if month and re.search(r"(?<![\d.])\d{1,2}\.$", phrase):
        return phrase + month[0]
    # "am elften 11.", "am vierzehnten 09.": the day said as a word, its month as a number
    said_month = re.match(r"\s+(0?[1-9]|1[0-2])\.(?!\d)", query[at + len(phrase) :]) if at >= 0 else None
    if said_month and re.search(r"(?i)(?:ten|sten)$", phrase) and resolve_date(phrase, dt.date(2000, 1, 1)):
        return phrase + said_month[0]
    if at < 0 or not phrase[-1:].isdigit() or query[at + len(phrase) : at + len(phrase) + 1] != ".":
        return phrase
    words = phrase.split()
    ordinal = len(words) >= 2 and re.fullmatch(r"(?i)\d{1,2}\.|[^\W\d_]+(?:ten|sten)", words[-2])
    return phrase + "." if ordinal else phrase  # never "auf 8" of "auf 8." (a clock, or nothing)


def _clock_copied_as_day(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A day copied out of a clock written with a full stop ("auf 15." of "auf 15.00 Uhr verlegen") is that clock,
    where no time was copied: read as a day it was the 15th at midnight."""
    types = [p.type for p in spec.params]
    for i, t in enumerate(types):
        if not t.is_date or not span.phrases[i] or i + 1 >= len(types) or types[i + 1] is not ParamType.TIME:
            continue
        phrase = str(span.phrases[i])
        at = _said_at(query, phrase)
        tail = re.match(r"\d{2}\s*(?:uhr|h)\b", query[at + len(phrase) :], re.IGNORECASE) if at >= 0 else None
        if span.phrases[i + 1] or tail is None or not re.search(r"\d{1,2}\.$", phrase):
            continue
        clock = phrase + tail[0]
        if not names_a_value(ParamType.TIME, clock, lang):
            continue
        rest = phrase[: re.search(r"\S*\d{1,2}\.$", phrase).start()].strip()  # type: ignore[union-attr]
        phrases = list(span.phrases)
        phrases[i + 1] = clock
        phrases[i] = rest if rest and names_a_value(t, rest, lang) else None
        return SpanCall(span.function, tuple(phrases))
    return span


def _month_copied_into_clock(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A clock copied with the month of a date before it ("2. 14.30 Uhr" of "Zahnarzt 3.2. 14.30 Uhr": v25 said
    it was no real date): the clock without it, and the whole date the day where none was copied."""
    types = [p.type for p in spec.params]
    phrases = list(span.phrases)
    for i, t in enumerate(types):
        phrase = phrases[i]
        m = re.match(r"(\d{1,2}\.)\s+(?=\d)", str(phrase)) if t is ParamType.TIME and phrase else None
        at = _said_at(query, str(phrase)) if m else -1
        day = re.search(r"\b\d{1,2}\.$", query[:at]) if at > 0 else None
        if m is None or day is None or not names_a_value(ParamType.TIME, str(phrase)[m.end() :], lang):
            continue
        date = f"{day[0]}{m[1]}"
        phrases[i] = str(phrase)[m.end() :]
        dated = [j for j in range(i) if types[j].is_date]
        if dated and phrases[dated[-1]] is None and names_a_value(types[dated[-1]], date, lang):
            phrases[dated[-1]] = date
        return SpanCall(span.function, tuple(phrases))
    return span


# Besides what ``_CLOCK_SAID`` reads, what says a clock in a copied phrase: a lead word alone ("um 13."), "halb drei",
# "quarter past", "9h", a part of the day.
_CLOCK_HINT = re.compile(
    r"\d:\d|\d\s*h\b|\b(?:um|at|gegen|around|halb|viertel|dreiviertel|quarter|half|mittag|morgens|abends|nachts"
    r"|früh|morning|evening|night|afternoon|nachmittags?)\b"
)


# "Uhr" and the number after it, which is a day where a month follows ("um 8 Uhr 5. März").
_UHR_THEN_DAY = re.compile(r"(?i)\buhr\s+(?P<day>\d{1,2})\.?(?:\s+\S+)?$")


def _day_copied_as_clock(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A day said by its ordinal copied as the clock ("auf 13., bitte", "auf 7. August" as the new day and the new
    time: v25 moved them to 13:00 and 07:00): no clock; the day where none was copied. Never "um 13." (a clock).
    A clock copied with the day after its "Uhr" ("um 8 Uhr 5. März": 08:05) ends at "Uhr"."""
    types = [p.type for p in spec.params]
    phrases = list(span.phrases)
    for i, t in enumerate(types):
        if t is not ParamType.TIME or not i or not types[i - 1].is_date or not phrases[i]:
            continue
        said = normalize(str(phrases[i]))
        dated = _UHR_THEN_DAY.search(str(phrases[i]))
        if dated and query:  # "um 8 Uhr 5. März", "drei Uhr 17" before "17. Oktober": the day, not minutes
            at = _said_at(query, str(phrases[i]))
            after = query[at + dated.start("day") :] if at >= 0 else ""
            if re.match(r"\d{1,2}\.\s*[^\W\d_]+", after) and names_a_value(ParamType.DATE, after.split(",")[0], lang):
                phrases[i] = str(phrases[i])[: dated.start("day")].rstrip()
            continue
        ordinal = re.search(r"\b\d{1,2}\.(?!\d)|\b\d{1,2}(?:st|nd|rd|th)\b", said) or any(
            w in ordinal_words or w.rstrip(".,") in MONTH_WORDS for w in said.split()
        )
        clock = _CLOCK_SAID.search(said) or _CLOCK_HINT.search(said)
        if clock or not ordinal or not names_a_value(ParamType.DATE, str(phrases[i]), lang):
            continue
        day = phrases[i - 1]
        if day is None:
            phrases[i - 1] = phrases[i]
        elif not (set(said.split()) <= set(normalize(str(day)).split()) or said in normalize(str(day))):
            if not set(w.rstrip(".,") for w in said.split()) & set(w.rstrip(".,") for w in normalize(str(day)).split()):
                continue  # another day of its own: the model's to read
        phrases[i] = None
    return SpanCall(span.function, tuple(phrases))


def _until_copied_into_time(spec: Function, span: SpanCall, lang: str | None) -> SpanCall:
    """A series' clock copied with its last day ("um acht bis in 6 Wochen"): the clock, and the last day where
    none was copied ("bis 10" stays a span of hours)."""
    types = [p.type for p in spec.params]
    if ParamType.TIME not in types or ParamType.FREQUENCY not in types or ParamType.RANGE_END not in types:
        return span
    phrases = list(span.phrases)
    i, j = types.index(ParamType.TIME), types.index(ParamType.RANGE_END)
    cut = re.search(r"(?i)\s(?:bis|until|till)\s", phrases[i] or "")
    if cut is None or phrases[j]:
        return span
    head, tail = str(phrases[i])[: cut.start()], str(phrases[i])[cut.start() + 1 :]
    if names_a_value(ParamType.TIME, tail, lang) or not names_a_value(ParamType.RANGE_END, tail, lang):
        return span
    if not names_a_value(ParamType.TIME, head, lang):
        return span
    phrases[i], phrases[j] = head, tail
    return SpanCall(span.function, tuple(phrases))


def _length_copied_into_time(spec: Function, span: SpanCall, lang: str | None) -> SpanCall:
    """A clock time copied with the length said after it ("16 Uhr 30 Min. lang", "halb drei 105 Min. lang"): the
    minutes are how long, not the half hour; they are the length where none was copied."""
    types = [p.type for p in spec.params]
    if ParamType.TIME not in types:
        return span
    phrases = list(span.phrases)
    i = types.index(ParamType.TIME)
    tail = _LENGTH_TAIL.search(phrases[i] or "")
    if tail is None or tail.start() == 0 or not names_a_value(ParamType.TIME, str(phrases[i])[: tail.start()], lang):
        return span
    phrases[i], said = str(phrases[i])[: tail.start()], tail[0].strip()
    if ParamType.MINUTES in types and not phrases[types.index(ParamType.MINUTES)]:
        phrases[types.index(ParamType.MINUTES)] = said
    return SpanCall(span.function, tuple(phrases))


def _decimal_length(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A length said with a decimal comma ("1,5 Stunden lang") copied from after the comma, its whole number left
    at the end of the title: the whole length, and the title without the number (never 5 hours)."""
    types = [p.type for p in spec.params]
    if ParamType.MINUTES not in types or not query:
        return span
    phrases = list(span.phrases)
    i = types.index(ParamType.MINUTES)
    length = phrases[i]
    at = _said_at(query, length) if length else -1
    whole = re.search(r"(\d+)[,.]$", query[:at]) if at > 0 and re.match(r"\d", str(length)) else None
    if whole is None:
        return span
    phrases[i] = f"{whole[0]}{length}"
    for j, t in enumerate(types):
        if t is ParamType.TITLE and phrases[j] and re.search(rf"\s{whole[1]}$", str(phrases[j])):
            phrases[j] = str(phrases[j])[: -len(whole[1])].rstrip()
    return SpanCall(span.function, tuple(phrases))


def _whole_hyphened(phrase: str, query: str) -> str:
    """A title copied from after a hyphen inside a word ("-Zulassungsstelle" of "KFZ-Zulassungsstelle") with the
    word's start: a hyphen is a word edge to the decoder, never to the person who said the word."""
    if not phrase.startswith("-"):
        return _hyphen_tail(phrase, query)
    at = _said_at(query, phrase, case=True)
    if at <= 0 or not query[at - 1].isalnum():
        return phrase
    start = at
    while start > 0 and not query[start - 1].isspace():
        start -= 1
    return query[start:at] + phrase


def _hyphen_tail(phrase: str, query: str) -> str:
    """A title copied up to a hyphen inside a word ("Hochzeitstag" of "Hochzeitstag-Essen", "Check" of
    "Check-in") with the word's end: the same word edge the other way round."""
    if not phrase[-1:].isalpha():
        return phrase
    at = _said_at(query, phrase, case=True)
    tail = re.match(r"-[^\W\d_]+(?:-[^\W\d_]+)*(?!\w)", query[at + len(phrase) :]) if at >= 0 else None
    return phrase + tail[0] if tail else phrase


_REPEAT_WORD = re.compile(
    r"(?i)\b(?:alle|jede[nrsm]?|immer|every|each|täglich|wöchentlich|monatlich|jährlich|daily|weekly|monthly|"
    r"yearly|annually|wochentags|werktags|weekdays|(?:mon|diens|donners|frei|sams|sonn)tags|mittwochs|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
)


def _series_copied_as_days(spec: Function, span: SpanCall) -> tuple[Function, SpanCall]:
    """A day-long event whose days are a repetition ("Trag alle 2 Wochen Montags Wochenmarkt ein" with "alle 2
    Wochen Montags" copied as its day) is that series, its time asked: no day-long event repeats, and read as
    days it became one event on the next Monday."""
    if [p.type for p in spec.params] != _ALL_DAY_TYPES or not span.phrases[1] or span.phrases[2]:
        return spec, span
    title, days = span.phrases[0], str(span.phrases[1])
    series = next((f for f in FUNCTIONS if any(p.type is ParamType.FREQUENCY for p in f.params)), None)
    if series is None or not title or not _REPEAT_WORD.search(days) or resolve_frequency(days) is None:
        return spec, span  # "from Monday to Friday" reads as weekdays, but as days it is one span of them
    said = {ParamType.TITLE: title, ParamType.FREQUENCY: days}
    return series, SpanCall(series.name, tuple(said.get(p.type) for p in series.params))


def _days_copied_as_often(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A series whose "how often" is a span of days and whose query says no repetition ("X ist von Montag bis
    Sonntag") is a day-long event over those days: read as how often, it failed."""
    said = dict(zip((p.type for p in spec.params), span.phrases, strict=True))
    often = said.get(ParamType.FREQUENCY)
    all_day = _function_typed(_ALL_DAY_TYPES)
    if not query or all_day is None or not often or not said.get(ParamType.TITLE) or said.get(ParamType.TIME):
        return spec, span
    if resolve_frequency(often) is not None or _REPEAT_WORD.search(query):
        return spec, span
    days = resolve_date_range(often, today)
    if days is None or days[1] <= days[0]:
        return spec, span
    return all_day, SpanCall(all_day.name, (said[ParamType.TITLE], often, None))


def _series_never_said(spec: Function, span: SpanCall, query: str, lang: str | None) -> tuple[Function, SpanCall]:
    """A series whose "how often" is a day and whose query says no repetition at all ("Dienstag um 11 Uhr beim
    Bürgeramt Reisepass abholen", "Mittwoch in zwei Wochen um 9 Uhr Jahresgespräch") is one event on that day:
    the call with the series' other arguments. v21 wrote such calls; they failed as "how often: 'Dienstag'"."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    often = next((p for p in spec.params if p.type is ParamType.FREQUENCY), None)
    first = next((p for p in spec.params if p.type is ParamType.FIRST_DATE), None)
    phrase = said.get(often.name) if often else None
    clock = next((said[p.name] for p in spec.params if p.type is ParamType.TIME), None)
    # "Klavierstunde um 6:00 abends am kommenden Samstag" with "6:00 abends" copied as how often too: the time's
    in_clock = bool(phrase and clock and phrase != clock and phrase.lower() in clock.lower())
    if not query or often is None or first is None or not phrase:
        return spec, span
    if _CORRECTION.match(f" {phrase}") and not _REPEAT_WORD.search(query):
        # "Yoga am Dienstag um sechs, ach ne, um sieben abends" with the correction copied as how often: one event,
        # its time read with the correction
        return _one_event_of(spec, span, said[first.name], first.name)
    title = next((said[p.name] for p in spec.params if p.type is ParamType.TITLE), None)
    outside_title = re.sub(re.escape(title), " ", query, flags=re.IGNORECASE) if title else query
    # "auf" of "schreib's auf" copied as how often: words that name no repetition, day or time, in a query that says
    # no repetition, leave the day copied apart as the one day
    names_nothing = not any(
        names_a_value(t, phrase, lang) for t in (ParamType.DATE, ParamType.TIME, ParamType.FREQUENCY)
    )
    apart = said[first.name] not in (None, phrase)
    if apart and not in_clock and not (names_nothing and not _REPEAT_WORD.search(query)):
        return spec, span  # a first day copied apart from the "how often" (the same one twice is that day)
    if resolve_frequency(phrase) or resolve_frequency(outside_title):
        return spec, span
    if names_nothing and apart:
        day: str | None = said[first.name]
    elif in_clock:
        day = said[first.name]
    elif names_a_value(ParamType.DATE, phrase, lang):
        day = phrase
    elif phrase == title:  # "annual review ... two weeks from Wednesday": the title copied as its "how often"
        day = None  # (the day is read from the query, or asked for)
    else:
        return spec, span
    return _one_event_of(spec, span, day, first.name)


def _one_event_of(spec: Function, span: SpanCall, day: str | None, first: str) -> tuple[Function, SpanCall]:
    """The one event a series' call names: its arguments but how often and until, ``day`` as its day."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    kept = [p.name for p in spec.params if p.type not in (ParamType.FREQUENCY, ParamType.RANGE_END)]
    single = next((f for f in FUNCTIONS if [p.name for p in f.params] == kept), None)
    if single is None:
        return spec, span
    return single, SpanCall(single.name, tuple(day if name == first else said[name] for name in kept))


# "I'll do X tomorrow at 11 instead", "X findet am Montag statt statt übermorgen", "Ich mach X lieber am Freitag":
# "instead", the preposition "statt" (not the particle of "stattfinden") and "mach ... lieber" say an event the
# calendar has goes elsewhere.
_INSTEAD = re.compile(
    r"\binstead\b|\b(?:an)?statt\s+(?!statt\b)[^\W\d_]|\bmach(?:e|en)?\b[^.?!]*?\blie+ber\b"
    r"|\b(?:an)?statt\s+\d{1,2}(?:[:.]\d{2})?\s*uhr\b",  # "14 Uhr statt 10 Uhr"
    re.IGNORECASE,
)


def _makes_an_event(spec: Function) -> bool:
    """Whether the function puts a new event in the calendar: a title with a time or a last day, and no new day or
    time of an event that is there already (a move)."""
    types = {p.type for p in spec.params}
    new = any(p.name.startswith("new_") for p in spec.params)
    return ParamType.TITLE in types and bool(types & {ParamType.TIME, ParamType.RANGE_END}) and not new


def _deletes_an_event(spec: Function) -> bool:
    return [p.type for p in spec.params] == [ParamType.TITLE, ParamType.DATE]


# "Den Friseur morgen kannst du streichen" with "streichen" copied as the title: the event is named before its day.
_NAMED_BEFORE_DAY = re.compile(
    r"(?i)^(?:(?:den|die|das|dem|the|my|meinen|meine|mein)\s+)?(?P<title>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3})\s+$"
)


def _verb_copied_as_title(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A delete whose copied title is the delete verb itself: the title is what the query names right before the
    copied day (up to four words, its article dropped)."""
    if not _deletes_an_event(spec) or not span.phrases[0] or not span.phrases[1]:
        return span
    title, day = str(span.phrases[0]), str(span.phrases[1])
    if not any(_slip_of(title.lower(), v) for v in _DELETE_SAID) and not _REMOVE_SAID.fullmatch(title):
        return span
    at = _said_at(query, day)
    if at <= 0 or not re.search(rf"(?i)\b{re.escape(title)}\W*$", query):
        return span  # the verb ends the request ("... kannst du streichen"); else the title is said elsewhere
    named = _NAMED_BEFORE_DAY.match(query[:at])
    if named is None:
        return span
    words = named["title"].lower().split()
    if set(words) & _ASKING_WORDS or words[0] in _NOT_STATED:
        return span
    return SpanCall(span.function, (named["title"], day))


_REQUEST_TITLE_WORDS = frozenset("termin eintrag einen neuen neuer neues new an entry event appointment".split())
# "Speicher bitte Samstag 15:30 mit Maximilian Angebot vorbereiten": the request itself copied as the title
_REQUEST_IMPERATIVES = frozenset("speicher speichere notier notiere save".split())


_MAKE_AN_ENTRY = re.compile(
    r"(?i)^\W*(?:(?:please|can\s+you|could\s+you)\s+)?(?:make|create|add|schedule|set\s+up|book|put\s+in)\s+"
    r"(?:me\s+|us\s+)?(?:an?|new|one)\s+(?:new\s+)?(?:appointment|entry|event|meeting)\b"
)


def _request_copied_as_title(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A new event whose copied title is the request ("Termin eintragen: Donnerstag nächste Woche 11 Uhr Notar"):
    the title is the words said after the last copied day or time, if they are few and name something."""
    names = [p.name for p in spec.params]
    said = dict(zip(names, span.phrases, strict=True))
    title = said.get("title")
    if not _makes_an_event(spec) or not title:
        return span
    # "Make an entry: Saturday, 1 pm, Jana and Felix's wedding" with "entry: Saturday" copied: the request ends at
    # its colon
    head, colon, _ = str(title).partition(":")
    words = [w.lower().strip(":,.;!?") for w in (head if colon else str(title)).split()]
    if not all(w in _REQUEST_TITLE_WORDS or w in _REQUEST_INFINITIVES or w in _REQUEST_IMPERATIVES for w in words):
        return span
    asked = {w.lower().strip(":,.;!?") for w in query.split()} & (_REQUEST_INFINITIVES | _REQUEST_IMPERATIVES)
    made = _MAKE_AN_ENTRY.match(query)  # "Make me an appointment for Monday morning, car to the inspection"
    if not (set(words) & _REQUEST_INFINITIVES or asked or made or (colon and f"{head}:" in query)):
        return span  # "Termin morgen um 9 mit Jonas": the event noun, no request said
    ends = [at + len(o) for o in span.phrases if o and o != title and (at := _said_at(query, o)) >= 0]
    rest = query[max(ends) :] if ends else ""
    tail = rest.strip(" ,.:;!?")
    if not 1 <= len(tail.split()) <= 4 or names_a_value(ParamType.DATE, tail) or names_a_value(ParamType.TIME, tail):
        return span
    apart = colon or rest.lstrip().startswith((",", ":"))  # said apart from the request, after a comma or colon
    apart = apart or bool(set(words) & _REQUEST_IMPERATIVES)  # "Speicher ... Samstag 15:30 mit Max Angebot ..."
    if not apart and any(_is_frame_word(w.lower()) for w in tail.split()):
        return span
    return SpanCall(span.function, tuple(tail if n == "title" else said[n] for n in names))


_ASKING_WORDS = frozenset(
    "du sie ihr ich wir you i we könntest kannst könnten können würdest würden kann can could would will please "
    "bitte mal".split()
)


def _without_stattfinden(query: str) -> str:
    """The query without the particle of "findet ... statt" ("takes place"), so that "statt" left in it is the
    preposition ("findet am Montag statt statt übermorgen", not "Kochkurs findet nicht statt, lösch das"). The
    verb may be typed with a slip ("fnidet", "finndet")."""
    for verb in re.finditer(r"\b\w{4,}\b", query):
        word = verb[0].lower()
        if word.startswith(("find", "fand")) or any(_slip_of(word, form) for form in ("findet", "finden")):
            rest = re.sub(r"^([^.,;!?]*?)\s+statt\b", r"\1", query[verb.end() :], count=1, flags=re.IGNORECASE)
            if rest != query[verb.end() :]:
                return query[: verb.end()] + rest
    return query


def _instead_is_a_move(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A create whose query says "instead"/"statt" is the move of an event the calendar has: its day and time
    are the new ones, and a day said after "instead of"/"statt" the old one. v21 wrote "I'll do package pickup
    in a week at 23 hundred instead" as a new event (28 rows of its generated split). ``query`` is said without
    the "statt" of "findet ... statt" (_without_stattfinden)."""
    if not query or not _INSTEAD.search(query) or not (_makes_an_event(spec) or _deletes_an_event(spec)):
        return spec, span
    move = next((f for f in FUNCTIONS if _moves_an_event(f)), None)
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    if move is None or not said.get("title") or any(p.type is ParamType.FREQUENCY for p in spec.params):
        return spec, span
    new = {"title": said["title"], "date": None, "new_date": said.get("date"), "new_time": said.get("time")}
    instead_of = _INSTEAD_OF.search(query)
    old_clock = instead_of is not None and _clock_not_day(query[instead_of.end() :], lang=None)
    if said.get("date") and said.get("time") and (_STARTS_AT_INSTEAD.search(query) or old_clock):
        # "Make meeting with Tyler tomorrow start at 10:00 instead", "the Thursday jour fixe at 2 pm instead of 10":
        # the day names the event, its start moves
        new["date"], new["new_date"] = said["date"], None
        return move, SpanCall(move.name, tuple(new.get(p.name) for p in move.params))
    if said.get("date"):  # "for today instead of end of the month": where it is now
        copied = [p for p in new.values() if p]  # an all-day end copied from "statt den 22." is no new day
        after = _said_at(query, str(said["date"])) + 1
        new["date"] = _day_instead_of(query, _INSTEAD_OF.search(query, after), copied, None)
    return move, SpanCall(move.name, tuple(new.get(p.name) for p in move.params))


def _clock_not_day(words: str, lang: str | None) -> bool:
    """Whether the words said after "instead of" open with a clock time and name no day ("10", "um 10 Uhr")."""
    said = " ".join(_CLAUSE_END.split(words, maxsplit=1)[0].split()[:3])
    bare = re.match(r"(?i)(?:(?:at|um)\s+)?\d{1,2}(?:[:.]\d{2})?(?!\S)(?!\s*(?:\.|th\b|st\b|nd\b|rd\b))", said)
    return (bool(bare) or names_a_value(ParamType.TIME, said, lang)) and not names_a_value(ParamType.DATE, said, lang)


_STARTS_AT_INSTEAD = re.compile(r"(?i)\bstart(?:s|ing)?\s+(?:at|by)\b.*\binstead\b")
_LENGTH_WORD = re.compile(r"^\d+(?:[.,]\d+)?-(?:hours?|minutes?|stündig\w*|minütig\w*)$")


def _length_in_title(spec: Function, span: SpanCall) -> SpanCall:
    """A length said as an adjective before the title ("Set a recurring two-hour car service", "a 30-minute call")
    and copied as the title's first word is the event's length, when none was copied for it."""
    title = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    length = next((i for i, p in enumerate(spec.params) if p.type is ParamType.MINUTES), None)
    if title is None or length is None or span.phrases[length] or not span.phrases[title]:
        return span
    first, _, rest = str(span.phrases[title]).partition(" ")
    if not rest or not _LENGTH_WORD.match(normalize(first)):
        return span
    phrases = list(span.phrases)
    phrases[title], phrases[length] = rest, first
    return SpanCall(span.function, tuple(phrases))


_MOVE_VERB_FIRST = re.compile(r"^(?P<verb>[^\W\d_]+)\s+(?:(?:den|die|das|the|my|mein|meine|meinen)\s+)?(?=\S)", re.I)


# "bring X forward to 8", "auf 19 Uhr vorziehen", "auf Mittwoch umplanen", "rebook": the query says a move.
_MOVE_SAID = re.compile(
    r"\bbring\b.*\bforward\b|\bvor(?:zu)?ziehen\b|\bvorverleg\w*|\bum(?:zu)?planen\b|\brebook\w*|\breschedul\w*"
    r"|\bpostpon\w*|\bverschieb\w*|\bverleg\w*|\bpush\w*|\bbump\w*|\bmove\b"
    # "Early shift the day after tomorrow at 8", "night shift on Friday": a work shift, no move
    r"|(?<!\bearly )(?<!\blate )(?<!\bnight )(?<!\bday )(?<!\bmorning )(?<!\bevening )(?<!\bdouble )(?<!\bextra )"
    r"(?<!\bweekend )(?<!\bafternoon )(?<!\bsplit )\bshift\w*",
    re.IGNORECASE,
)
_TARGET = re.compile(r"(?:to|auf)\s", re.IGNORECASE)
# The other ways the move templates say a move, said outside the title ("Terminier X auf Halloween um", "Könntest
# du X auf drei Uhr packen?", "slide X to 7", "put off X to Friday"): verbs that make or name things too ("pack",
# "leg", "change", "switch"), so only with the target after "auf"/"to" or a separated particle at the end.
_MOVE_SAID_BESIDES = re.compile(
    r"\b(?:um)?terminier\w*\b(?:.*\bum\W*$)?|\b(?:leg|lege|setz|setze|plan|plane|zieh|ziehe)\b.*\b(?:um|vor)\W*$"
    r"|\bum(?:zu)?(?:legen|setzen)\b|\bschieb\w*|\bverlager\w*|\bauf\b.*\b(?:packen|legen|setzen)\W*$"
    r"|^\W*(?:\w+\W+){0,2}(?:pack|leg|lege)\b.*\bauf\b|\b(?:slide|switch|delay|defer|put\s+off|move\s+up|change)\b.*\bto\b",
    re.IGNORECASE,
)


def _said_after_target(phrase: str, targets: list[str], query: str) -> bool:
    """Whether the words follow right after another copied target ("auf Halloween fünf Uhr": the clock is the new
    one too)."""
    for other in targets:
        if other != phrase and _said_as_target(other, query):
            at = _said_at(query, other)
            if at >= 0 and re.match(rf"[\s,]*(?:um\s+|at\s+)?{re.escape(phrase)}", query[at + len(other) :], re.I):
                return True
    return False


# "Ich möchte Oper am 2. April zu Mittag reinschreiben", "Termin Bandprobe für den 16. März", "Mach einen Termin für
# die Abschiedsfeier am 23.": a new event asked for in so many words (v25 moved or deleted these).
_ASKED_TO_WRITE_IN = re.compile(
    r"(?i)\b(?:reinschreiben|einschreiben|eintragen|eintrgaen|notieren|anlegen|aufnehmen|hinzufügen)\W*$"
    r"|^\W*(?:(?:bitte|mal)\s+)*(?:mach|mache|erstell\w*|leg)\s+(?:mir\s+)?(?:bitte\s+)?(?:einen|nen|'nen)\s+"
    r"(?:neuen\s+)?termin\b"
    r"|^\W*(?:neuer\s+)?termin\s+(?!(?:am|um|für|heute|morgen|mit|beim?|absagen|löschen|verschieben)\b)"
    r"(?-i:[A-ZÄÖÜ])"
)


def _new_event_read_otherwise(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A move or a delete of a query that asks for a new event in so many words, and says no removal or move, is
    that event made (its title, day and time as copied); so is a move with no target whose title starts with its
    verb ("I have to change the bed sheets on the 23rd": a to-do)."""
    if not query or not (_moves_an_event(spec) or _deletes_an_event(spec)) or not span.phrases or not span.phrases[0]:
        return spec, span
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    title = str(said["title"])
    rest = query.replace(title, " ; ")
    asked = _ASKED_TO_WRITE_IN.search(query) and not (says_to_remove(rest) or asks_to_move(query))
    to_do = (
        _moves_an_event(spec)
        and not said.get("new_date")
        and not said.get("new_time")
        and re.match(r"(?i)(?:change|move|switch|shift)\s+(?:the|my|our)\s+\S", title)
        and re.search(r"(?i)\b(?:i\s+have\s+to|i\s+need\s+to|i\s+must|i'?ve\s+got\s+to)\s+" + re.escape(title), query)
    )
    if create is None or not (asked or to_do):
        return spec, span
    day = said.get("date") or said.get("new_date")
    return create, SpanCall(create.name, (title, day, said.get("new_time"), None))


def _move_copied_as_create(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A create whose copied title starts with a verb that moves an event ("verleg die Elternversammlung" with
    "auf den 15. Dezember"), or whose day or time is copied as a target ("to half past six", "auf 19 Uhr") from a
    query that says a move ("bring X forward", "vorziehen", "umplanen"), is that move: its day and time are the new
    ones; so is one said to move by a length ("push X back an hour"). v26 and v25 wrote these as new events."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    title = said.get("title") or ""
    lead = _MOVE_VERB_FIRST.match(title)
    single = _makes_one_event(spec)
    by_a_length = said_shift(query) is not None  # "bring lunch forward by half an hour": the dialog reads where to
    if not single or not (said.get("date") or said.get("time") or by_a_length):
        return spec, span
    move = next((f for f in FUNCTIONS if _moves_an_event(f)), None)
    led = lead is not None and any(_slip_of(lead["verb"].lower(), v) for v in _MOVE_VERBS)
    targets = [p for p in (said.get("date"), said.get("time")) if p]
    besides = query.replace(title, " ; ") if title else query
    moves = _MOVE_SAID.search(query) or _MOVE_SAID_BESIDES.search(besides)
    aimed = bool(moves) and all(_said_as_target(p, query) or _said_after_target(p, targets, query) for p in targets)
    if move is None or not (led or aimed):
        return spec, span
    if lead is not None and (led or lead["verb"].lower() == "bring"):  # "bring drinks with karen" + "forward"
        title = title[lead.end() :]
    new = {"title": title, "date": None, "new_date": said.get("date"), "new_time": said.get("time")}
    return move, SpanCall(move.name, tuple(new.get(p.name) for p in move.params))


_WORK_SHIFT = re.compile(
    r"(?i)\b(?:early|late|night|day|morning|evening|double|extra|weekend|afternoon|split)\s+shifts?\b"
)


def _work_shift_moved(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A move read from a note of a work shift ("Early shift the day after tomorrow at 8": v25 moved "shift"),
    which says nothing of a move: the new event on the day and at the time said."""
    shift = _WORK_SHIFT.search(query) if query else None
    timed = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if shift and _makes_an_event(spec) and re.fullmatch(r"(?i)shifts?", str(span.phrases[0] or "")):
        return spec, SpanCall(span.function, (shift[0], *span.phrases[1:]))  # "shift" copied without its "Early"
    if shift is None or timed is None or not _moves_an_event(spec) or not states_an_unmoved_event(query, today):
        return spec, span
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    day, clock = said.get("new_date") or said.get("date"), said.get("new_time")
    return timed, SpanCall(timed.name, (shift[0], day, clock, None))


# "Das Abendessen mit Tim findet doch am Samstag statt", "Dinner with Tim is on Saturday after all", "Der Zahnarzt ist
# jetzt erst um 11": one's own event said to be at another day or time now, which is its move (v25 made new events).
_CHANGE_STATED = re.compile(
    r"(?i)^(?:(?:der|die|das|the|my|our|mein\w*|unser\w*)\s+)?(?P<what>.+?)\s+(?:ist|is|findet|happens)\s+(?P<how>.+)$"
)
_CHANGED = re.compile(r"(?i)\b(?:jetzt|nun|doch|now|after\s+all|instead|stattdessen)\b")


def _change_stated(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A new event (one, timed or day-long) of a statement that its event is now somewhere else: that move, the day
    and time copied being the new ones. Never a question, a request to add, or a removal."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    title = said.get("title")
    m = _CHANGE_STATED.match(query.strip().rstrip(".!"))
    if not title or m is None or not _CHANGED.search(m["how"]) or "?" in query or title not in m["what"]:
        return spec, span
    if not (_makes_one_event(spec) or [p.type for p in spec.params] == _ALL_DAY_TYPES) or says_to_remove(query):
        return spec, span
    if asks_for_an_event(query) or _ADD_SAID.search(query):
        return spec, span
    move = next((f for f in FUNCTIONS if _moves_an_event(f)), None)
    day = said.get("date")
    if move is None or not (day or said.get("time")):
        return spec, span
    new = {"title": title, "date": None, "new_date": day, "new_time": said.get("time")}
    at = _said_at(query, str(day)) if day else -1
    if at > 0 and re.search(r"(?i)\b(?:nicht|not|statt|anstatt|instead\s+of)\s+(?:am\s+|on\s+)?$", query[:at]):
        # "ist jetzt am übernächsten Donnerstag 12 Uhr, nicht Freitag nächste Woche": the day said after "nicht" is
        # where it was; where it goes is said after "jetzt"
        copied = [p for p in (title, day, said.get("time")) if p]
        now = _CHANGED.search(query)
        new["date"], new["new_date"] = day, _day_said_anywhere(query[now.end() : at], copied, None) if now else None
    return move, SpanCall(move.name, tuple(new.get(p.name) for p in move.params))


# "von Sonntag bis Samstag", "between May 12 and June 1", "bis Sonntag", "for the next 3 days", "from 12 July to 1
# August", "November 22 to 6", "Monday to Wednesday": a span of days with its end said, which no timed event has.
_WEEKDAY_EN = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SPAN_SAID = re.compile(
    r"\b(?:bis|until|till|through|thru|between|zwischen)\b|\b(?:next|nächsten|kommenden)\s+\S+\s+(?:days|tage)\b",
    re.IGNORECASE,
)
# English "to" ends a span only between days; "to 6" alone is a clock ("twenty to 6"), so where only this says the
# span, a time must be said in clock words ("at 9", "9:30", "Uhr") to make the event timed.
_SPAN_TO = re.compile(
    rf"\bfrom\b[^;]*?\bto\b|\b(?:\d{{1,2}}(?:st|nd|rd|th)?|{_WEEKDAY_EN})\s+to\s+(?:the\s+)?(?:\d|{_WEEKDAY_EN}\b)",
    re.IGNORECASE,
)


_ALL_DAY_TYPES = [ParamType.TITLE, ParamType.RANGE_START, ParamType.RANGE_END]


def _makes_one_event(spec: Function) -> bool:
    """Whether the function puts one new event in the calendar (no series)."""
    return _makes_an_event(spec) and not any(p.type is ParamType.FREQUENCY for p in spec.params)


def _function_typed(types: list[ParamType]) -> Function | None:
    """The function whose arguments have these types, in order (found by what it takes, never by its name)."""
    return next((f for f in FUNCTIONS if [p.type for p in f.params] == types), None)


_TWO_DAYS_AT_END = re.compile(r"(?i)\s+(?P<days>(?:on\s+the|on|am|the)\s+\S+\s+(?:and|und)\s+\S+)$")


def _two_days_in_title(spec: Function, span: SpanCall, today: dt.date) -> tuple[Function, SpanCall]:
    """A timed event with no day or time whose copied title ends with two days in a row ("team offsite on the 15th
    and 16th", as one machine's decode copies it): the day-long event of those days, titled with the rest."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    day_long = _function_typed(_ALL_DAY_TYPES)
    m = _TWO_DAYS_AT_END.search(str(said.get("title") or ""))
    if m is None or day_long is None or not _makes_one_event(spec) or said.get("date") or said.get("time"):
        return spec, span
    days = resolve_date_range(m["days"], today)
    if days is None or (days[1] - days[0]).days != 1:
        return spec, span
    title = str(said["title"])[: m.start()]
    return day_long, SpanCall(day_long.name, (title, m["days"], None))


def _span_is_all_day(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A timed event with no time, no length and a span of days said with its end ("Trag von Sonntag bis Samstag
    Teamevent ein") is a day-long event over those days: a timed event cannot span them, and asking "at what
    time?" would make it one. A week or a month named alone stays a timed event that asks for its day ("Plan a
    call with Tom next week")."""
    types = [p.type for p in spec.params]
    said = dict(zip(types, span.phrases, strict=False))
    if not query or not _makes_an_event(spec) or ParamType.FREQUENCY in types or ParamType.TIME not in types:
        return spec, span  # a move's "von Montag bis Mittwoch" is where it goes, never a span
    if said[ParamType.TIME]:
        return spec, span
    if said.get(ParamType.MINUTES) or not said.get(ParamType.TITLE):
        return spec, span
    all_day = _function_typed(_ALL_DAY_TYPES)
    rest = query.replace(str(said[ParamType.TITLE]), " ; ")
    copied = str(said[ParamType.DATE] or "")
    spanned = bool(_SPAN_SAID.search(rest))
    said_to = not spanned and bool(_SPAN_TO.search(rest)) and copied.lower() in query.lower()
    days = resolve_date_range(rest, today) if said_to or spanned else None
    clock = _CLOCK_SAID.search(normalize(rest)) if said_to else names_a_value(ParamType.TIME, rest)
    if clock and not _CLOCK_SAID.search(normalize(rest)) and _DAYS_OF_A_MONTH.search(normalize(rest)):
        clock = None  # "vom 3. bis 7. Februar": days of a month, not "bis 7" o'clock
    if all_day is not None and not said[ParamType.DATE] and not clock and (days is None or days[1] <= days[0]):
        days, rest = _days_said_for(rest, today)  # "Put down out of office for the weekend" with no day copied
    if all_day is None or days is None or days[1] <= days[0] or clock:
        return spec, span
    return all_day, SpanCall(all_day.name, (said[ParamType.TITLE], rest.strip(), None))


_DAYS_OF_A_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:\.|st|nd|rd|th)\s*(?:bis|to|until|till|-|–)\s*(?:(?:zum|the)\s+)?\d{{1,2}}(?:\.|st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{_MONTH_RE})\b"
)


# "Put down one-on-one for in December", "for the weekend", "für die nächste Woche": the days an event is for, said
# right after "for" ("Book a table for 4 next week", "for Grandma next week" say something else first).
_DAYS_AFTER_FOR = re.compile(
    r"\b(?:for|für)\s+(?P<days>(?:(?:in|im)\s+)?(?:the|this|next|coming|die|diese[nm]?|nächste[nm]?|kommende[nm]?"
    r"|übernächste[nm]?|den|das|[^\W\d_]+(?=\s*(?:\d{4})?\s*(?:[;,.!?]|$)))\b[^;,.!?]*)",
    re.IGNORECASE,
)


def _days_said_for(rest: str, today: dt.date) -> tuple[tuple[dt.date, dt.date] | None, str]:
    """The span of days said right after "for"/"für" and those words, when they name more than one day."""
    for_days = _DAYS_AFTER_FOR.search(rest)
    if for_days is None or names_a_value(ParamType.TIME, for_days["days"]):
        return None, rest
    days = resolve_date_range(for_days["days"], today)
    return (days, for_days["days"]) if days is not None and days[1] > days[0] else (None, rest)


_ALL_DAY = re.compile(r"ganztägig|ganztags|ganzen\s+tag|ganzer\s+tag|all[\s-]day|whole\s+day|full\s+day", re.IGNORECASE)


# "zwischen 8 und 10", "between 8 and 10 am": two bare numbers of a day's hours, never days of a month (those are
# said "zwischen dem 8. und 10.", "between the 8th and the 10th").
_HOURS_BETWEEN = re.compile(
    r"(?:zwischen|between)\s+(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s+(?:und|and)\s+(?:[01]?\d|2[0-3])(?::[0-5]\d)?"
    r"(?:\s*(?:uhr|am|pm|a\.m\.|p\.m\.))?"
)


# "Tuesday 9 to 12", "Dienstag 9-12 Uhr": a weekday's hours said right after it, never a span of days ("December 9 to
# 12").
_HOURS_TAIL = re.compile(
    r"\s+(?:from\s+|von\s+)?(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:am|pm)?\s*"
    r"(?:to|bis|-|–|until|till)\s*(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:uhr|am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)


def _hours_after_weekday(first: str) -> re.Match[str] | None:
    m = _HOURS_TAIL.search(first)
    return m if m and _WEEKDAY_LAST.search(first[: m.start()]) else None


def _all_day_with_a_clock(spec: Function, span: SpanCall, query: str, lang: str | None) -> tuple[Function, SpanCall]:
    """A day-long event on one day whose query says a clock time ("für heute Wochenmarkt um dreiviertel zehn früh",
    "package pickup, for today, from 11 to 1" with the time copied as the last day) is a timed event at that time:
    a day-long one has none, and the time said would be lost. A span of days keeps its days."""
    types = [p.type for p in spec.params]
    if not query or types != _ALL_DAY_TYPES or _ALL_DAY.search(query):
        return spec, span
    title, first, last = span.phrases
    clock: str | None
    hours = re.search(_HOURS_BETWEEN.pattern, first or "", re.IGNORECASE) if not last else None
    hours = hours or (_hours_after_weekday(first or "") if not last else None)  # "Tuesday 9 to 12"
    day = (first[: hours.start()] + first[hours.end() :]).strip() if first and hours else ""
    if last and last != first and first and _HOURS_BETWEEN.fullmatch(normalize(last)):
        clock = last  # "Der Handwerker kommt morgen zwischen 8 und 10": bare numbers after a day are hours
    elif hours and day and names_a_value(ParamType.DATE, day):
        first, clock = day, hours[0]  # "Freitag zwischen 7 und 9" copied as the day: the day, then its hours
    elif last and last != first:  # "from 11 to 1", "at 13 hundred next week on Sunday" copied as the last day
        clock = _day_said_anywhere(last, [], lang, ParamType.TIME)
        if clock and names_a_value(ParamType.DATE, last) and not _CLOCK_SAID.search(normalize(clock)):
            clock = None  # "bis 5. Mai" is a last day
    else:
        clock = _day_said_anywhere(query, [p for p in span.phrases if p], lang, ParamType.TIME)
    timed = next(
        (
            f
            for f in FUNCTIONS
            if [p.type for p in f.params][:3] == [ParamType.TITLE, ParamType.DATE, ParamType.TIME]
            and _makes_an_event(f)
        ),
        None,
    )
    if timed is None or not clock:
        return spec, span
    said = {ParamType.TITLE: title, ParamType.DATE: first, ParamType.TIME: clock}
    return timed, SpanCall(timed.name, tuple(said.get(p.type) for p in timed.params))


# "Trag Notartermin Sonntag nächste Woche ein", "Put a cooking class in 6 weeks": an event asked for on one day with
# no time and no word that it lasts the day is a timed event whose time is asked (the contract: all-day is said,
# or a span of days). v25 made some of these day-long. Kept day-long: what lasts a day by its nature ("Trag Urlaub
# am Montag ein", "add mom's birthday on the 3rd"), a day marked, blocked or saved ("Block Friday for the move").
_MAKE_REQUEST = re.compile(
    r"^(?:trag\w*|add|put|schedule|pencil|plan\w*|create|enter|erstell\w*|notier\w*|schreib\w*|füg\w*|leg\w*|"
    r"book|buch\w*|block\w*|set\s+up|new\s+(?:event|appointment)|neue[nr]?\s+termin)\b"
    r"|\b(?:eintragen|ein|einplanen|hinzufügen|hinzu|anlegen|notieren)\W*$"
    r"|\b(?:add|put\s+in|schedule)\s+(?:it|that|this)(?:\s+in)?\W*$",  # "i've got a lunch on June 27th, add it"
    re.IGNORECASE,
)
# "Block out time for lunch with Megan for tomorrow", "Blockier mir Zeit für X": time for an event, not the day.
_DAY_KEPT = re.compile(
    r"\bmark\b|\bmarkier|\bblock(?!\w*(?:\s+(?:out|off|mir|dir))?(?:\s+(?:some|etwas))?\s+(?:time|zeit)\s+(?:for|für)\b)"
    r"|\bsave\b|\breserv|\bfrei\s*halten|\bfreihalten|ohne\s+(?:uhr)?z\w{0,2}t\b|"
    r"\bno\s+time|\bwithout\s+(?:a\s+)?time|\bden\s+ganzen\b|\bentire\b"
    r"|\bich\s+bin\b|\bbin\s+ich\b|\bi'?m\b|\bi\s+am\b|\bi'll\s+be\b|\bi\s+will\s+be\b",  # where one is that day
    re.IGNORECASE,
)
_LASTS_A_DAY = re.compile(
    r"(?i)urlaub|ferien|frei\b|feiertag|brückentag|geburtstag|jahrestag|hochzeit|reise|konferenz|messe\b|kongress|"
    r"tagung|fortbildung|weiterbildung|elternzeit|mutterschutz|homeoffice|home\s+office|krank(?!en)|überstunden|fest\b|"
    r"\bfair\b|"
    r"vacation|holiday|trip\b|conference|trade\s+(?:show|fair)|birthday|anniversary|wedding|festival|\boff\b|"
    r"\bleave\b|\bsick\b|\bon\s+call\b|retreat|offsite|\bwfh\b|remote|"
    r"abwesend|abwesenheit|rufbereitschaft|bereitschaft|\bout\s+of\s+(?:the\s+)?office\b|\booo\b|\baway\b|absent"
    # a day named as one: "Wahltag", "Umzugstag", "Projekttag" (never a weekday or a part of a day)
    r"|\b[^\W\d_]{3,}(?<!mit)(?<!mon)(?<!diens)(?<!donners)(?<!frei)(?<!sams)(?<!sonn)(?<!heu)tag\b"
)


def _says_all_day(query: str) -> bool:
    """Whether the query says the event lasts the day, a slip of the fingers included ("gnztägigen", "whloe day")."""
    if _ALL_DAY.search(query):
        return True
    words = re.findall(r"[^\W\d_]+", query.lower())
    from rapidfuzz.distance import OSA

    forms = [f"ganztägig{end}" for end in ("", "e", "en", "er", "es", "em")]
    if any(w.startswith("g") and any(_slip_of(w, f) for f in forms) for w in words):
        return True
    # "den gnazen Tag", "den ganezn Tag", "the wole day": a slip of the word before "day"/"Tag"
    return any(
        (nxt == "tag" and OSA.distance(w, "ganzen") <= 1) or (nxt == "day" and OSA.distance(w, "whole") <= 1)
        for w, nxt in zip(words, words[1:], strict=False)
    )


# "Blutabnahme für den 7.05. eintragen ohne Uhrzeit", "add the fair on Friday, no time": said to have no time.
_NO_TIME_SAID = re.compile(
    r"\bohne\s+(?:uhr)?z\w{0,2}t\b|\bwithout\s+(?:a\s+)?(?:specific\s+)?time\b|\bno\s+(?:specific\s+)?time\b",
    re.IGNORECASE,
)


def _no_time_said(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A timed event with a day, no time and no length, from a query that says it has no time or lasts the day, is
    a day-long event on that day: asking "at what time?" would ask what was just declined."""
    said = dict(zip((p.type for p in spec.params), span.phrases, strict=True))
    all_day = _function_typed(_ALL_DAY_TYPES)
    if not query or all_day is None or not _makes_one_event(spec) or ParamType.TIME not in said:
        return spec, span
    if said[ParamType.TIME] or said.get(ParamType.MINUTES) or not said.get(ParamType.DATE):
        return spec, span
    if not (_NO_TIME_SAID.search(query) or _says_all_day(query)):  # "am 29. ganzer Tag Umzug", "all day moving"
        return spec, span
    return all_day, SpanCall(all_day.name, (said.get(ParamType.TITLE), said[ParamType.DATE], None))


def _one_day_asked_without_a_time(
    spec: Function, span: SpanCall, query: str, today: dt.date
) -> tuple[Function, SpanCall]:
    """A day-long event on one day, asked for with a request to add it and no word that it lasts the day, is the
    timed event on that day whose time the dialog asks (``_MAKE_REQUEST``)."""
    if not query or [p.type for p in spec.params] != _ALL_DAY_TYPES:
        return spec, span
    title, first, last = span.phrases
    said = _ASK_LEAD.sub("", query.strip(), count=1)
    if not title or not first or _says_all_day(query) or _LASTS_A_DAY.search(title):
        return spec, span
    part = _day_part_said(first)  # "Block Friday afternoon for focus time": the afternoon, never the whole day
    if not part and (
        _DAY_KEPT.search(query)
        or not (_MAKE_REQUEST.search(said.rstrip(" ?!.")) or _only_day_and_title(query, title, first))
    ):
        return spec, span
    if _SPAN_SAID.search(query):
        return spec, span
    days = resolve_date_range(first, today)
    if days is None or days[1] != days[0] or (last and resolve_date_range(last, today) not in (None, days)):
        return spec, span  # a week, a month, or a last day of its own
    timed = next(
        (f for f in FUNCTIONS if [p.type for p in f.params][:3] == [ParamType.TITLE, ParamType.DATE, ParamType.TIME]),
        None,
    )
    if timed is None or not _makes_one_event(timed):
        return spec, span
    said_as = {ParamType.TITLE: title, ParamType.DATE: first}
    return timed, SpanCall(timed.name, tuple(said_as.get(p.type) for p in timed.params))


def _only_day_and_title(query: str, title: str, day: str) -> bool:
    """Whether the query says nothing but the event and its day ("Nächste Woche Mittwoch Arzttermin", "dentist on
    Friday"): a note of an appointment, whose time is asked, as a request to add one is."""
    said = set(normalize(f"{title} {day}").split()) | {"am", "on", "the", "der", "den", "dem", "im", "in", "at"}
    only = set(normalize(query).rstrip(" ?!.").replace(",", " ").split()) <= said
    return only and bool(_AT_AN_HOUR.search(title))  # "Am Heiligabend Familienbesuch" is the day's


# What is had at an hour, never for a day: an appointment, a meeting, a call, an interview.
_AT_AN_HOUR = re.compile(
    r"(?i)termin|appointment|meeting|besprechung|sitzung|interview|gespräch|\bcall\b|anruf|telefonat|konferenz\w*call"
)


def _day_part_said(phrase: str) -> bool:
    """Whether a day is said with a part of it ("Friday afternoon", "Freitagnachmittag", "heute Abend")."""
    t = normalize(phrase)
    return bool(
        _DAYPART_AFTER_DAY.search(t) or re.search(rf"\b(?:{_WD_RE})(?:morgen|vormittag|nachmittag|abend)s?\b", t)
    )


# "add a recurring meeting every weekday at nine thirty called standup", "Neuer Termin namens Elternabend": the
# name said after its kind of event. The model copies the kind ("meeting").
_CALLED = re.compile(
    r"\b(?:called|named|titled|namens|mit\s+(?:dem\s+)?(?:titel|namen))\s*:?\s+['\"„“]?(?P<name>[^,.;!?'\"„“”]+)",
    re.IGNORECASE,
)
_NAMING_WORDS = frozenset("called named titled namens titel namen".split())
_KINDS_OF_EVENT = frozenset(
    "meeting meetings event events appointment appointments entry reminder series call session termin eintrag "
    "ereignis veranstaltung serie serientermin erinnerung treffen besprechung recurring weekly daily regular "
    "wöchentliche wöchentlichen tägliche täglichen regelmäßige regelmäßigen new neue neuen neuer a an the ein eine "
    "einen".split()
)


def _title_called(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A title copied as the kind of event ("meeting") where the query names it after "called"/"namens" is that
    name, without the day, time or repetition copied after it ("standup" of "called standup every Monday")."""
    names = [p.name for p in spec.params]
    if not query or "title" not in names:
        return span
    m = _CALLED.search(query)
    title = span.named.get("title")
    if m is None or (title and not all(w in _KINDS_OF_EVENT for w in normalize(str(title)).split())):
        return span
    name = m["name"]
    for phrase in (p for p in span.phrases if p and p != title):
        at = _said_at(name, str(phrase))
        if at >= 0:
            name = name[:at]
    name = re.sub(r"\s+(?:on|at|for|from|every|am|um|für|ab|jeden|jede)\s*$", "", name.strip(), flags=re.IGNORECASE)
    if not name.strip() or all(w in _KINDS_OF_EVENT for w in normalize(name).split()):
        return span
    phrases = list(span.phrases)
    phrases[names.index("title")] = name.strip()
    return SpanCall(span.function, tuple(phrases))


def _weekday_before_a_week(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A day-long event's week copied without the weekday said right before it ("nächste Woche" of "Montag nächste
    Woche ist Osterferien") is that one day: the whole week was never said."""
    if not query or [p.type for p in spec.params] != _ALL_DAY_TYPES or not span.phrases[1] or span.phrases[2]:
        return span
    week = str(span.phrases[1])
    at = _said_at(query, week)
    said = re.search(rf"(?i)(?:^|\s)((?:am\s+|on\s+)?(?:{_WD_RE}))\s+$", query[:at]) if at > 0 else None
    days = resolve_date_range(week, today)
    if said is None or days is None or days[1] == days[0]:
        return span
    one = resolve_date_range(f"{said[1]} {week}", today)
    if one is None or one[0] != one[1] or not days[0] <= one[0] <= days[1]:
        return span
    return SpanCall(span.function, (span.phrases[0], f"{said[1]} {week}", None))


_UNTIL_BEFORE = re.compile(r"(?:through|thru|until|till|bis(?:\s+(?:zum|zur|einschließlich))?)\s+$", re.IGNORECASE)


def _until_said_before_start(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A day-long event's only day copied without the "through"/"bis" said right before it ("mark through
    thursday as volunteering" with "thursday") runs from today to that day: read alone, it was that day only."""
    types = [p.type for p in spec.params]
    if not query or types != _ALL_DAY_TYPES or span.phrases[2]:
        return span
    until = _with_until_before(query, span.phrases[1])
    return span if until is None else SpanCall(span.function, (span.phrases[0], until, None))


def _start_copied_as_end(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A series' last day copied out of the words of its first ("from in 6 weeks on, meeting weekly on saturday"
    with "in 6 weeks" as the first day and "in 6 weeks on" as the last): words said once are one day, the first,
    and the series has no end said (read as its end, it ended before it began)."""
    names = [p.name for p in spec.params]
    if not query or "until" not in names or "date" not in names:
        return span
    first, last = span.named.get("date"), span.named.get("until")
    if not first or not last:
        return span
    a, b = str(first).lower(), str(last).lower()
    if query.lower().count(a if len(a) <= len(b) else b) != 1 or not (a in b or b in a):
        return span
    phrases = list(span.phrases)
    phrases[names.index("until")] = None
    return SpanCall(span.function, tuple(phrases))


def _with_until_before(query: str, phrase: str | None) -> str | None:
    """The copied day with the "bis"/"until" said right before it ("zum 18.12." of "bis zum 18.12."), if one is."""
    at = _said_at(query, phrase) if phrase else -1
    marker = _UNTIL_BEFORE.search(query[:at]) if at > 0 else None
    return None if phrase is None or marker is None else query[marker.start() : at + len(phrase)]


# "Welcher Wochentag ist der 24. Dezember?", "What date is it today?", "Auf welchen Tag fällt Ostern?": a question
# about the calendar itself, no listing of events (issue 19's near misses; MASSIVE and SLURP: datetime_query).
_DATE_QUESTION = re.compile(
    r"\b(?:welche[rsn]?\s+(?:wochen)?tag|welches\s+datum|was\s+für\s+ein\s+tag|für\s+ein\s+datum|wievielte[nr]?|what\s+day|"
    r"what\s+date|which\s+day|what'?s\s+the\s+date|what\s+is\s+the\s+date|today\s+is\s+what|heute\s+ist\s+welche)\b",
    re.IGNORECASE,
)
_EVENT_SAID = re.compile(
    r"termin|kalender|treffen|besprechung|veranstaltung|\bhabe? ich\b|\bbin ich\b|calendar|appointment|meeting|"
    r"event|\bdo i have\b|\bam i\b|\bmy\b|\bmein",
    re.IGNORECASE,
)


def _asks_the_date(spec: Function, query: str) -> bool:
    """Whether a listing's query only asks which day or date it is ("Welcher Wochentag ist der 10.?"), with no
    event, calendar or "do I have" in it ("What day is my dentist appointment?" is a find)."""
    listing = all(p.type.is_date for p in spec.params)
    return listing and bool(_DATE_QUESTION.search(query)) and not _EVENT_SAID.search(query)


# Words said before a request that change nothing: "hey", "ok", "so", "äh", "bitte", "sag mal", "und".
_FILLERS = (
    r"(?:(?:hey|hi|ok|okay|alright|so|well|uh|um|ähm|äh|also|ja|naja|bitte|please|hm|sag mal|and|und|just|actually"
    r"|like|you know)[,.!]?\s+)*"
)

# "Email Sarah that the dinner on Saturday is cancelled", "Sag Thorsten, dass der Termin verschoben ist": a message
# to someone about an event, which no calendar function sends (and the news in it is no delete or move of one's
# own). "Tell me", "let me know", "gib mir Bescheid" ask for a reminder, and stay.
_TELLS_SOMEONE = re.compile(
    rf"^{_FILLERS}"
    r"(?:(?:can|could|would)\s+you\s+(?:please\s+)?|(?:kannst|könntest)\s+du\s+(?:bitte\s+|mal\s+)*"
    r"|sei\s+so\s+nett\s+und\s+|please\s+|bitte\s+)?"
    r"(?:(?:e-?mail|text|message|tell|notify|inform|let|sag|sage|schreib|schreibe|schick|schicke|gib|informiere?"
    r"|benachrichtige?|reply|respond|answer|antworte)\s+(?!(?:me|mir|mich|uns|us)\b)(?:[^.?!]*?\b(?:that|dass|bescheid)\b"
    r"|[^\s.?!]+(?:\s+[^\s.?!]+)?\s+know\b)"  # "Let Sarah know ...", "let my boss know ..."
    r"|(?!(?:mir|mich|uns)\b)[^\W\d_]+\s+(?:antworten|schreiben|mailen|simsen|mitteilen),?\s+dass\b)",  # "kannst du
    # charlotte antworten dass ..."
    re.IGNORECASE,
)
# "book a train ticket for Tuesday at 9", "bitte buch für morgen früh ein Zugticket", "i want tickets to the sold out
# concert": a purchase the assistant cannot make, never an event (asked to be added, "Zugticket kaufen" is one).
_BUYS_A_TICKET = re.compile(
    rf"^{_FILLERS}(?:(?:can|could|would)\s+you\s+(?:please\s+)?|(?:kannst|könntest)\s+du\s+(?:bitte\s+|mal\s+)*"
    r"|please\s+|bitte\s+)?"
    r"(?:(?:book|buy|purchase|order|get\s+me|reserve|i\s+want|i'd\s+like|i\s+need|buch\w*|kauf\w*|bestell\w*|"
    r"besorg\w*|reservier\w*|ich\s+(?:möchte|will|brauche|hätte\s+gern))\b[^.?!]*?"
    r"\b(?:\w*tickets?|(?:eintritts|kino|konzert|theater|fahr|fußball|flug|zug)karten?|karten\s+für|taxi|cab|uber|seats?|"
    r"sitzplatz\w*)\b"  # never "book flight to Boston" (an event), nor "Weihnachtskarten" (cards)
    r"|(?:\w*tickets?|(?:eintritts|kino|konzert|theater|fahr|zug)karten?)\s+(?:für|nach|for|to)\b"
    r"|(?:find|finde|such\w*)\s+(?:me\s+|mir\s+)?(?:an?|ein|einen)\s+(?:taxi|cab|uber)\b"  # "find an uber for tonight"
    r"|(?<=du\s)(?:bitte\s+|mal\s+)*(?:[^.?!]*\s)?(?:\w*tickets?|(?:eintritts|kino|konzert|theater|fahr|zug)karten?)"
    r"\s+(?!(?:buchen|kaufen|bestellen)\b)[^.?!]+\s(?:buchen|kaufen|bestellen|besorgen|reservieren)\W*$)",
    # "kannst du bitte zug tickets diesen freitag für zwei buchen" ("ich muss noch tickets buchen" is a to-do)
    re.IGNORECASE,
)
# "are there any special events near me this weekend", "welche Veranstaltungen finden ... in der Nähe statt": what
# goes on in town, not in the person's calendar.
_IN_TOWN = re.compile(
    r"\b(?:near\s+me|nearby|in\s+the\s+area|around\s+here|in\s+(?:my|this)\s+(?:city|town|area|neighbou?rhood)"
    r"|in\s+der\s+(?:nähe|gegend|umgebung)|in\s+meiner\s+(?:stadt|gegend|nähe|umgebung)|hier\s+in\s+der\s+nähe)\b",
    re.IGNORECASE,
)
# "bands anzeigen die dieses Wochenende in der Stadt sind", "find events near by", "welche Veranstaltungen finden
# hier im Umkreis statt": what goes on around, asked by no one about their own events ("my meeting in town" is).
_ABOUT_TOWN = re.compile(
    r"\b(?:in\s+town|in\s+der\s+stadt|(?:hier\s+)?im\s+umkreis|in\s+dieser\s+(?:umgebung|gegend)|in\s+der\s+"
    r"nachbarschaft|in\s+the\s+vicinity|near\s*by|in\s+(?:the\s+)?area|local\s+events|things\s+to\s+do)\b",
    re.IGNORECASE,
)
# One's own: "when is my train to Berlin", "was habe ich in der Stadt vor" ask about one's events.
_MINE = re.compile(r"\b(?:my|mine|i|i'm|i've|me|mein\w*|ich|mich|mir|we|our|wir|unser\w*)\b", re.IGNORECASE)
# A timetable asked ("when is the next train to Cologne", "nächste Zug nach Berlin", "die heutigen Zugzeiten von Berlin
# nach Köln"), not one's trip. A flight is left out: "next flight to boston with marketing?" (a generated find) is the
# person's own, as flights in a calendar are.
_TIMETABLE = re.compile(
    r"\b(?:next|nächsten?|nächster|nächstes|nächste)\s+(?:trains?|bus(?:es)?|trams?|zug|züge|bahn|busse?"
    r"|s-bahn|u-bahn)\s+(?:to|nach|zu|zum|zur|from|ab|von|into|in\s+richtung)\b"
    r"|\b(?:train|bus|flight)\s+(?:times?|schedules?|timetables?)\b|\bzug\w*zeiten\b"
    r"|\bfahrpl(?:an|äne)\b|\babfahrtszeit\w*|\bdeparture\s+times?\b",
    re.IGNORECASE,
)
# A sum asked ("was ist dreiundzwanzig mal zweiundfünfzig", "what is 200 divided by 13").
_SUMS = re.compile(
    rf"^{_FILLERS}(?:was|what)\s*(?:ist|is|'s)\s+[\w.,]+(?:\s+[\w.,]+)?\s+(?:mal|times|plus|minus|durch|geteilt\s+durch"
    r"|divided\s+by|multipliziert\s+mit|multiplied\s+by)\s+\w",
    re.IGNORECASE,
)
# A list's items looked at or taken off ("delete bread from shopping list", "was steht auf meiner to do liste",
# "what lists have i got"); "the list of my events" is the calendar's.
_OF_A_LIST = re.compile(
    r"\b(?:my|the|our|a|any|all|from|off|meine[rn]?|die|der|dem|unsere[rn]?|eine[rn]?|von|vom)\s+(?:[\w-]+\s+){0,2}"
    r"(?:lists?|listen?|[\w-]*zettel|[\w-]+liste|itinerary|reiseplanung)\b"  # never "auflisten"
    r"(?!\s+(?:of|der|von|mit|with|über|about|for|für|aller|my|me|all|the|our|meine\w*|alle|mir|events?"
    r"|termine)\b)|\blists\b"
    r"|\bto[\s-]?do[\s-]?(?:list|liste)\b|\b(?:shopping|grocery)\s+list\b",
    re.IGNORECASE,
)
# "book the flights", "die Karten abholen": a to-do about tickets the person has, not a purchase asked of us.
_KNOWN_TICKET = re.compile(
    r"\b(?:the|die|den|das|my|our|meine[nm]?|unsere[nm]?)\s+(?:\w+\s+)?(?:\w*tickets?|\w*karten?|flights?|flüge|flug)\b",
    re.IGNORECASE,
)
# "spiel ...", "play ...": music, the radio or a podcast asked for ("Play football on Saturday at 3" may be an event).
_PLAYS = re.compile(
    rf"^{_FILLERS}(?:(?:next|olly|alexa),?\s+)?(?:spiel|spiele|spielt|spielen|play|abspielen)\b", re.IGNORECASE
)
_MEDIA = re.compile(
    r"\b(?:album|song|songs|lied|lieder|musik|music|radio|playlist|podcast|sender|station|f\.?\s?m\.?|hörbuch|"
    r"audiobook)\b",
    re.IGNORECASE,
)
# "Kündige mein Handyabo", "cancel my newspaper subscription": a contract ended, which no calendar holds (issue 19);
# "Trag Handyabo kündigen für Freitag ein" asks for an event and stays one.
_CANCELS_A_CONTRACT = re.compile(
    r"(?:kündig(?:e|t|en)?\b|cancel\w*\s+(?:my|the|our)\s+(?:[\w-]+\s+){0,2}(?:subscriptions?|memberships?|contracts?|"
    r"accounts?|insurance|polic(?:y|ies)|abos?))\b",
    re.IGNORECASE,
)
# The weather, and what one wears or takes for it: never in the calendar (MASSIVE en/de: 858 such rows, none of
# them a calendar request). A new event is dropped only when asked as a question ("Regenschirm kaufen" is a to-do).
_WEATHER = re.compile(
    r"\b(?:wetter\w*|weather|regnen|regnet|rain(?:ing|y|s)?|schneien|schneit|schnee|snow(?:ing|s)?|forecast|"
    r"vorhersage|temperatur\w*|temperatures?|regenschirm|umbrella|sonnencreme|sunscreen|gewitter|thunderstorms?|"
    r"sonnig\w*|sunny)\b",
    re.IGNORECASE,
)
_WEATHER_QUESTION = re.compile(
    r"\?\s*$|^\W*(?:brauch\w*\s+ich|do\s+i\s+need|should\s+i|soll(?:te)?\s+ich|will\s+it|wird\s+es|is\s+it|"
    r"ist\s+es|gibt\s+es|how|wie|what|was)\b",
    re.IGNORECASE,
)
_TITLE_PREPOSITION = re.compile(
    r"\s(?:in|on|at|for|from|to|with|about|of|as|bei|beim|mit|an|auf|für|von|vom|aus|zu|zum|zur|im)\s", re.I
)


# Where a list's items go, and an order placed (MASSIVE en/de train: no calendar request says either).
_ONTO_A_LIST = re.compile(
    r"\b(?:to|on|onto|in)\s+(?:my|the|our)\s+(?:[\w-]+\s+)?(?:list|liste)\b"
    r"|\b(?:auf|zu|in)\s+(?:die|meine|unsere|der|meiner|unserer)\s+[\w-]*liste\b",
    re.IGNORECASE,
)
_ORDERS = re.compile(rf"^{_FILLERS}(?:please\s+|bitte\s+)?(?:order|bestell\w*)\b", re.IGNORECASE)
# An assistant's name said first ("olly book a ticket", "alexa füge ... hinzu"): the request follows it.
_ASSISTANT_NAME = r"(?:olly|alexa|siri|(?:hey|ok|okay)\s+google)"
_WAKE_WORD = re.compile(rf"^\W*{_ASSISTANT_NAME}\b[,.!]?\s*", re.IGNORECASE)
# A mail or message to send ("send email to robert what time is dinner", "veröffentliche eine email an meine
# Angestellten mit den Treffen für heute"), or an address spelled out ("jonas at g. m. x. punkt d. e."): mail and
# contacts, which no calendar function does (MASSIVE dev; "E-Mail an Chef schreiben" with a day stays a to-do).
# "send mike an email", "schicke eine Sprachnachricht an das Büro": a name or a kind of message in between.
_SENDS_A_MAIL = re.compile(
    rf"^{_FILLERS}(?:please\s+|bitte\s+)?(?:(?:send\w*|schick\w*)(?:\s+\w+)?|publish|veröffentlich\w*|compose"
    r"|verfass\w*|write|schreib\w*)\s+(?:(?:an?|eine?|the|die|my|meine)\s+)?(?:new\s+|neue\s+)?"
    r"(?:e-?mails?|mails?|\w*nachricht\w*|voice\s*(?:mail|message)s?|messages?|sms|texts?)\b",
    re.IGNORECASE,
)
# "email jan about our meeting", "E-Mail an Tom mit dem Datum für die morgige Besprechung": a mail asked for with the
# addressee first (MASSIVE en/de train, unseen); "E-Mail an Chef schreiben" (a to-do said with its verb last) is not.
_MAILS_SOMEONE = re.compile(
    rf"^{_FILLERS}(?:please\s+|bitte\s+)?(?:e-?mail|mail)\s+(?:an\s+)?"
    r"(?!(?:to|for|from|check\w*|inbox|the|a|an|my|this|that|these|those|it|them|die|den|das|meine\w*)\b)\w"
    r"(?!.*\b(?:schreiben|senden|schicken|verschicken|beantworten|checken|lesen)\W*$)",
    re.IGNORECASE,
)
# What a message says ("send a mail to mike tell him we will meet today at seven", "schick Mike eine E-Mail und sag
# ihm, wir treffen uns heute um 19 Uhr"): the day and time in it are the message's, not a to-do's.
_MESSAGE_SAYS = re.compile(
    r"\b(?:tell|telling|ask|asking)\s+(?:him|her|them)\b|\bsaying\b|\bsag\w*\s+(?:ihm|ihr|ihnen)\b|\bfrag\w*\s+"
    r"(?:ihn|sie)\b|\bthat\s+(?:we|i|the|our)\b|\bdass\b",
    re.IGNORECASE,
)
_CONTACTS = re.compile(r"\b(?:kontakt\w*|contacts?|adressbuch|address\s+book)\b", re.IGNORECASE)
_EMAIL_ADDRESS = re.compile(
    r"\S@\S|\s(?:at|ät)\s+(?:\w\.?\s?){1,15}(?:dot|punkt)\s+(?:com|de|org|net|at|ch|(?:\w\.\s?){2,3})",
    re.IGNORECASE,
)


def _not_for_the_calendar(spec: Function, span: SpanCall, query: str) -> bool:
    """A query that is no calendar request though the model read one: a ticket or a taxi to buy, what goes on in
    town, or a list, a mail, an order or an alarm to find, move or delete ("remove the guest list", "zu welcher
    Zeit wird meine Bestellung eintreffen"): nothing the calendar holds is named."""
    if not query:
        return False
    query = _WAKE_WORD.sub("", query)
    asked = asks_for_an_event(query) or asks_for_a_reminder(query) or bool(_ADD_SAID.search(query))
    # "Ich möchte um halb 5 übermorgen Tickets buchen eintragen.": the request said last, as German says it
    asked = asked or bool(_ADD_SAID_LAST.search(query))
    when = any(ph for ph, q in zip(span.phrases, spec.params, strict=True) if q.type is not ParamType.TITLE)
    if _EMAIL_ADDRESS.search(f" {query} ") and (not asked or _CONTACTS.search(query)):
        return True  # "schicke frohes neues jahr an jonas at g. m. x. punkt d. e.", "füge ... als Kontakt hinzu"
    mail = _SENDS_A_MAIL.match(query.strip()) or _MAILS_SOMEONE.match(query.strip())
    if not asked and mail and (not (_makes_an_event(spec) and when) or _MESSAGE_SAYS.search(query)):
        return True  # "send email to robert what time is dinner"; "send the mail to Tom tomorrow at 9" is a to-do
    if not asked and (_TIMETABLE.search(query) or _SUMS.match(query.strip())) and not _MINE.search(query):
        return True  # "wann ist die nächste Zug zu Köln", "what is 23 times 52"; "when is my train" is an event
    if not _makes_an_event(spec) and _OF_A_LIST.search(query):
        return True  # "delete bread from shopping list", "was steht auf meiner to do liste heute"
    bought = _BUYS_A_TICKET.match(query.strip())
    if bought and not asked and not _KNOWN_TICKET.search(bought[0]):
        return True
    if not _makes_an_event(spec) and _IN_TOWN.search(query):
        return True
    # a listing of what goes on around; "Zahnarzt in der Stadt", "Grillfest in der Nachbarschaft" are events
    if all(p.type.is_date for p in spec.params) and _ABOUT_TOWN.search(query) and not _MINE.search(query):
        return True
    if not asked and _PLAYS.match(query.strip()) and (not _makes_an_event(spec) or _MEDIA.search(query)):
        return True  # "spiel das Programm auf 91,3 FM", "next play justin bieber's sorry": music, not the calendar
    if not asked and _CANCELS_A_CONTRACT.match(_ASK_LEAD.sub("", query.strip(), count=1)):
        return True  # "Kündige das Zeitungsabo zum Monatsende": a contract ends, no event
    if not asked and _WEATHER.search(query) and (not _makes_an_event(spec) or _WEATHER_QUESTION.search(query)):
        return True  # "Brauche ich nächste Woche am Freitag einen Regenschirm?", "will it rain on Saturday"
    if _makes_an_event(spec) and not asks_for_a_reminder(query):
        if _ONTO_A_LIST.search(query):
            return True  # "Add bread to my to-do list", "Pack Butter auf die Einkaufsliste": an item of a list
        if not when and _ORDERS.match(query.strip()):
            return True  # "Order flowers for the party": an order; "order bagels at 2 for Monday" is a to-do
    title = next((p for p, q in zip(span.phrases, spec.params, strict=True) if q.type is ParamType.TITLE), None)
    if _WAKE_ME.match(query.strip()):
        return True  # "weck mich morgen um 6", "wake me up at 7": an alarm
    if _makes_an_event(spec) and title and _WAKE_TITLE.fullmatch(title.strip(" .!,")):
        return True  # "tomorrow at 7 wake up", "Montag um 6 aufstehen": an alarm's, not an event ("Wecker kaufen" is)
    if _makes_an_event(spec) or not title:
        return False
    head = _TITLE_PREPOSITION.split(f" {title} ".replace(",", " "), maxsplit=1)[0].split()
    word = head[-1].strip(".!?").lower() if head else ""
    calendar = word in _CALENDAR_WORDS or word.startswith("kalender")  # "delete events from calendar"
    return bool(_NOT_AN_EVENT.fullmatch(word)) and not calendar


# "No, forget it.", "Vergiss es", "never mind": nothing asked, whatever function a model reads into "forget".
_NEVER_MIND = re.compile(
    r"^\W*(?:(?:no|nein|nee|ach|oh|ok|okay)\W+)*(?:forget\s+it|never\s*mind|vergiss\s+es|schon\s+gut|egal)\W*$"
    # "Bitte trag nichts ein", "Please don't add anything": the request said not to be made
    r"|^\W*(?:(?:bitte|please)\s+)?(?:trag\w*\s+(?:\w+\s+)?nichts\s+ein|nichts\s+eintragen"
    r"|(?:don'?t|do\s+not)\s+(?:add|put|schedule|make|create)\s+(?:anything|it|that|this))\W*$",
    re.IGNORECASE,
)

# "Yoga morgen fällt aus", "dinner on the 10th is not happening", "visit Sarah got cancelled": news that an event
# is off, said with no delete verb.
_CALLED_OFF = re.compile(
    r"\b(?:is|was|got|has been|have been)\s+(?:not happening|off|cancell?ed|called off)\b|\bfällt\b.*\b(?:aus|flach)\b|"
    r"\bfindet\b.*\bnicht\s+statt\b|\b(?:ist|wurde|wird)\s+abgesagt\b"
    # "dinner on Wednesday isn't happening", "won't be happening", "is no longer happening"
    r"|\b(?:(?:is|are|was|were)n['’]?t|won['’]?t\s+be|will\s+not\s+be|(?:is|are)\s+no\s+longer)\s+happening\b"
    # "The team lunch on Thursday won't happen", "Ich geh am Freitag doch nicht ins Fitnessstudio" (session 40)
    r"|\b(?:won['’]?t|will\s+not|(?:is|are)n['’]?t\s+going\s+to)\s+happen\b"
    r"|\b(?:geh|gehe|komm|komme|fahr|fahre)\b[^.?!]*\bdoch\s+nicht\s+(?:zum|zur|ins|in\s+die|in\s+den|hin|mit)\b"
    # "I can't make it to yoga tomorrow", "Ich kann morgen nicht zum Zahnarzt", "Das Meeting brauche ich nicht mehr"
    r"|\b(?:can't|cannot|can\s+not|won't|wont|will\s+not)\s+(?:make\s+it|go|come|attend)\b"
    r"|\bkann\b[^.?!]*\bnicht\s+(?:zum|zur|ins|hin|kommen|teilnehmen|dabei)\b"
    r"|\bbrauch\w*\b[^.?!]*\bnicht\s+mehr\b|\bnicht\s+mehr\s+nötig\b|\bno\s+longer\s+need\w*\b",
    re.IGNORECASE,
)


def _note_read_as_delete(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A delete of a query that says nothing but its title and day ("Termin beim Friseur am Samstag", "Friseur
    Samstag": v25 deleted both) is that event noted: no word asks to remove it."""
    if not query or not _deletes_an_event(spec) or not all(span.phrases) or says_to_remove(query):
        return spec, span  # "storniere bitte Lauftreff" copied whole as the title still says it
    rest = query
    for phrase in sorted((str(p) for p in span.phrases), key=len, reverse=True):
        rest = re.sub(re.escape(phrase), " ", rest, count=1, flags=re.IGNORECASE)
    left = [w.lower() for w in re.findall(r"[^\W_]+", rest)]
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if create is None or any(w not in _NOTE_WORDS for w in left):
        return spec, span
    return create, SpanCall(create.name, (span.phrases[0], span.phrases[1], None, None))


_NOTE_WORDS = frozenset("am on the den der die das um at ist is hab habe have i ich ein einen eine a an".split())
# "I have to take the dog back for the 19th of March", "ich muss Reifen wechseln am Freitag": a to-do for a day.
_TO_DO = re.compile(rf"^{_FILLERS}(?:i\s+(?:have|need)\s+to|i\s+must|i'?ve\s+got\s+to|ich\s+muss|ich\s+sollte)\s", re.I)


# "drop by the bakery tomorrow at 9", "we'll stop by Anna's on Friday", "I'm off to the gym at 6": a visit, which
# v25 deleted ("drop", "off" read as the removal). Never "drop the meeting", "the party is off".
_VISIT = re.compile(
    rf"^{_FILLERS}(?:(?:i|we)(?:'m|'re|'ll|\s+am|\s+are|\s+will|\s+(?:have|need)\s+to|\s+must|\s+want\s+to)?\s+)?"
    r"(?:(?:going\s+to|gonna)\s+)?(?:(?P<verb>(?:drop|stop|swing|pop|pass)\s+(?:by|over|round|in))|off\s+to)\s+(?P<what>\S)",
    re.IGNORECASE,
)


def _visit_read_as_delete(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A delete of a query that says a visit ("drop by the bakery tomorrow at 9") is the visit made: its title
    with its verb ("drop by the bakery"; "off to the gym" is "gym") on its day, the time read as for any event."""
    if not query or not _deletes_an_event(spec) or not span.phrases or not span.phrases[0]:
        return spec, span
    m = _VISIT.match(query.strip())
    title = str(span.phrases[0])
    at = _said_at(query.strip(), title) if m else -1
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if m is None or at < (m.start("verb") if m["verb"] else m.start("what")) or create is None:
        return spec, span
    made = query.strip()[m.start("verb") : at + len(title)] if m["verb"] else title
    return create, SpanCall(create.name, (made, span.phrases[1] if len(span.phrases) > 1 else None, None, None))


# "Remind me on Monday to cancel the insurance": the removal is the to-do reminded of, not a request
_REMIND_TO = re.compile(
    rf"^{_FILLERS}(?:(?:please|can\s+you|could\s+you)\s+)?remind\s+me\b[^.?!]*?\bto\s+(?P<todo>[^.?!]+)", re.I
)


def _reminded_to_remove(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A delete whose removal verb is what a reminder is for ("Remind me on Monday to cancel the insurance") is the
    reminder made: the to-do up to its copied title is the title. v25 deleted "insurance"."""
    m = _REMIND_TO.match(query.strip()) if query else None
    if m is None or not _deletes_an_event(spec) or not span.phrases or not span.phrases[0]:
        return spec, span
    todo, title = m["todo"], str(span.phrases[0])
    end = todo.lower().find(title.lower())
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if end < 0 or create is None:
        return spec, span
    day = span.phrases[1] if len(span.phrases) > 1 else None
    return create, SpanCall(create.name, (todo[: end + len(title)], day, None, None))


def _made_read_as_delete(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A delete of a query that asks to make the event ("trag Medikamente abholen nächsten Dienstag in meinen
    Kalender ein", "Buch X am 15.", "I have to drop the packages off for next Tuesday") and says no removal outside
    its title is that event made: v25 deleted these (a to-do's "drop", "take back" read as the removal)."""
    if not query or not _deletes_an_event(spec) or not span.phrases or not span.phrases[0]:
        return spec, span
    title = str(span.phrases[0])
    at = _said_at(query, title)
    first = title.split()[0].lower()
    if at < 0 or any(_slip_of(first, v) for v in (*_DELETE_SAID, *_DELETE_VERBS)) or _REMOVE_SAID.match(first):
        return spec, span  # "storniere bitte Lauftreff" copied whole: the request is in the title
    rest = f"{query[:at]} ; {query[at + len(title) :]}"
    if says_to_remove(rest) or _TRAG_AUS.search(rest):
        return spec, span
    request = _ASK_LEAD.sub("", rest.strip(), count=1).rstrip(" ?!.")
    to_do = _TO_DO.match(query)  # the title right after it ("I need to kill X": another verb asks)
    if not (_ADD_SAID.search(rest) or _MAKE_REQUEST.search(request) or (to_do and to_do.end() == at)):
        return spec, span
    day_long = _function_typed(_ALL_DAY_TYPES)
    if _BLOCKS_A_DAY.match(request) and day_long and _clock_said_anywhere(query, [title], None) is None:
        return day_long, SpanCall(day_long.name, (title, None, None))  # "Block out the 23rd for the move"
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if create is None:
        return spec, span
    return create, SpanCall(create.name, (title, span.phrases[1] if len(span.phrases) > 1 else None, None, None))


# "Clear out the basement on Saturday at 10", "clean out the garage": a chore on a place, never a calendar's day
_CHORE_ON_A_PLACE = re.compile(
    r"(?i)(?:(?:clear|clean)\s+out|empty)\s+(?:the|my|our)\s+(?:[^\W\d_]+\s+)??(?P<what>[^\W\d_]+)"
    r"(?=\s*$|\s*[,.!?]|\s+(?:on|at|for|this|next|tomorrow|today|tonight|in|by|before|after|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\b)"
)
_NOT_A_PLACE = re.compile(
    r"(?i)(?:calendar|schedule|agenda|diary|days?|week|weekend|morning|afternoon|evening|events?|appointments?|"
    r"meetings?|plans?|everything|all)"
)


def _chore_read_as_delete(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A delete of a place that is cleared out ("Clear out the basement on Saturday at 10": v25 deleted
    "basement") is that chore made, its words the title; never a day or the calendar cleared."""
    if not query or not _deletes_an_event(spec) or not span.phrases or not span.phrases[0]:
        return spec, span
    chore = _CHORE_ON_A_PLACE.search(query)
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if chore is None or create is None or _NOT_A_PLACE.fullmatch(chore["what"]):
        return spec, span
    if _names_a_day_or_time(chore["what"]) or str(span.phrases[0]).lower() not in chore[0].lower():
        return spec, span
    return create, SpanCall(create.name, (chore[0], span.phrases[1] if len(span.phrases) > 1 else None, None, None))


# A day blocked, without a clock time, is held for the whole day ("Block out the 23rd for the move").
_BLOCKS_A_DAY = re.compile(
    r"(?i)block(?:ier\w*)?\b(?!(?:\s+(?:out|off))?\s+(?:mir\s+|me\s+)?(?:some\s+)?(?:time|zeit))"
)


# "send the invoice on the 30th is off", "Wäsche waschen morgen fällt aus", "Rechnungen backen verschiebt sich auf
# 14 Uhr": an event named first and then said to be off or moved; the model copied part of its name.
_STATUS_AFTER = re.compile(
    r"(?i)\s+(?:(?:is|was|got|has\s+been)\s+(?:off|cancell?ed|called\s+off|moved|postponed)\b|is\s+not\s+happening\b"
    r"|fällt\b|entfällt\b|verschiebt\s+sich\b|ist\s+abgesagt\b|wurde\s+(?:abgesagt|verschoben)\b)"
)
_ARTICLE_FIRST = re.compile(r"(?i)^(?:der|die|das|den|dem|the|my|our|mein|meine|meinen|unser|unsere)\s+")


def _title_said_first(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """The title of a delete or a move that names the event first and says it is off or moved after: all the
    words said before its day (or before what is said of it), where the model copied part of them."""
    if not query or not (_deletes_an_event(spec) or _moves_an_event(spec)) or not span.phrases or not span.phrases[0]:
        return span
    status = _STATUS_AFTER.search(query)
    if status is None:
        return span
    head = re.split(r"[,;]", query[: status.start()])[-1]
    head = re.sub(rf"(?i)^\s*{_FILLERS}", "", head).strip()
    for value in span.phrases[1:]:
        at = _said_at(head, value) if value else -1
        head = head[:at].strip() if at > 0 else head
    head = re.sub(r"(?i)^(?:(?:mal|ja|also|okay|ok|so|äh|ähm)[\s,]+)+", "", head)
    head = _ARTICLE_FIRST.sub("", _ARTICLE_FIRST.sub("", head))  # "ja der Der Termin ..."
    first, _, rest = head.partition(" ")
    from rapidfuzz.distance import OSA  # the fuzzy matcher the calendar's title match uses

    if rest and (first.lower() in ("event", "appointment") or OSA.distance(first.lower(), "termin") <= 1):
        head = rest  # "Der Termin Müll rausbringen", "der terin spanischkurs"
    head = re.sub(r"(?i)(?:\s+(?:am|an|on|for|für|zum|zur|in|at|um|bis|ab|vom|von|got|is|was|ist|wurde))+$", "", head)
    title = str(span.phrases[0])
    if len(head.split()) > 6 or head.lower() == title.lower() or title.lower() not in head.lower():
        return span
    if names_a_value(ParamType.RANGE_START, head) or says_to_remove(head) or asks_to_move(head):
        return span
    return SpanCall(span.function, (head, *span.phrases[1:]))


def _called_off(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A new event from a query that says an event is off is the delete of that event (its title and day).
    v21 made "parental leave November 27th is not happening" a day-long event; so is a move to nowhere ("Christmas
    dinner on 2029-08-25 is not happening": v25 moved it without a target) and a listing whose day is its title's
    ("weekend in Seattle for tomorrow is not happening")."""
    if not query:
        return spec, span
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    off = _CALLED_OFF.search(query)
    delete = next((f for f in FUNCTIONS if _deletes_an_event(f)), None)
    if (
        off
        and delete
        and _moves_an_event(spec)
        and said.get("title")
        and not any(said.get(p.name) for p in spec.params if p.name.startswith("new_"))
    ):
        return delete, SpanCall(delete.name, (said["title"], said.get("date")))
    if off and delete and all(p.type.is_date for p in spec.params) and len(span.phrases) == 2:
        first, last = span.phrases
        before = query[: off.start()].strip()
        if first and last and before.lower().endswith(str(last).lower()) and before.lower().startswith(first.lower()):
            title = before[: len(before) - len(str(last))].strip()  # "weekend in Seattle" + "for tomorrow"
            if title:
                return delete, SpanCall(delete.name, (title, last))
    if not _makes_an_event(spec):
        return spec, span
    if not (_CALLED_OFF.search(query) or _delete_said(query, said.get("title") or "")):
        return spec, span
    delete = next((f for f in FUNCTIONS if _deletes_an_event(f)), None)
    if delete is None or not said.get("title") or any(p.type is ParamType.FREQUENCY for p in spec.params):
        return spec, span
    return delete, SpanCall(delete.name, (said["title"], said.get("date")))


# "Is Christmas dinner with Aunt Linda in my calendar?", "ist Termin mit Matthias schon eingetragen": a question
# whether an event is there, which a model may copy as a new event.
_IS_IT_THERE = re.compile(
    rf"^{_FILLERS}(?:is|ist|steht|hab(?:e)?\s+ich|have\s+i|do\s+i\s+have)\b"
    r".*(?:\b(?:in|on|im)\s+(?:my\s+|meinem\s+)?(?:calendar|schedule|kalender)|\beingetragen|\bscheduled)\W*$",
    re.IGNORECASE,
)
# "Is the meeting with Grandma in my calendar?": what is asked about, between the verb and where it is kept.
_WHAT_IS_THERE = re.compile(
    rf"^{_FILLERS}(?:is|ist|steht)\s+(?P<what>.+?)\s+(?:schon\s+|already\s+)?"
    r"(?:(?:in|on|im)\s+(?:my\s+|meinem\s+)?(?:calendar|schedule|kalender)|eingetragen|scheduled)\W*$",
    re.IGNORECASE,
)


# "Hab ich nächsten Mittwoch Zeit für ein Treffen?", "Do I have time on Friday for a coffee?": whether a day is free,
# a look at that day (v25 looked for an event "Treffen").
_TIME_ON_A_DAY = re.compile(
    rf"^{_FILLERS}(?:hab(?:e)?\s+ich|hast\s+du|do\s+i\s+have|have\s+i\s+got|have\s+i|am\s+i)\s+(?P<rest>[^?]+?)\s*\?+$",
    re.IGNORECASE,
)


# "Schedule during November", "please, schedule day after tomorrow?", "my schedule for Friday": the schedule of those
# days, a look (v25 made a day-long event with no name, or a new event named by the days).
_SCHEDULE_OF = re.compile(
    rf"^{_FILLERS}(?:please[,\s]+)?(?:(?:show|give)\s+(?:me\s+)?)?(?:my\s+|the\s+)?schedule\s+"
    r"(?:(?:for|during|on|over)\s+)?(?P<days>[^?!.]+?)\s*[?!.]*$",
    re.IGNORECASE,
)


def _schedule_of_days(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A new event of "schedule <days>" and nothing else is the listing of those days."""
    listing = _function_typed([ParamType.RANGE_START, ParamType.RANGE_END])
    m = _SCHEDULE_OF.match(query.strip()) if query and _makes_an_event(spec) else None
    said = normalize(m["days"]).split() if m else []
    if m is None or listing is None or not all(_only_day_words(w) or w in _OVER_DAYS or w == "after" for w in said):
        return spec, span
    if resolve_date(m["days"], today) is None and resolve_date_range(m["days"], today) is None:
        return spec, span
    return listing, SpanCall(listing.name, (m["days"], None))


def _time_asked_listed(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A find or a new event of a question whether a day has time free is the listing of that day."""
    listing = _function_typed([ParamType.RANGE_START, ParamType.RANGE_END])
    m = _TIME_ON_A_DAY.match(query.strip()) if query and "?" in query else None
    if m is None or listing is None or spec.params[0].type is not ParamType.TITLE:
        return spec, span
    free = re.search(r"(?i)\b(?:zeit|time|frei|free)\b", m["rest"])
    asked = re.split(r"(?i)\b(?:for|für)\b", m["rest"], maxsplit=1)[0]  # "für ein Treffen": what for, no day
    day = _day_said_anywhere(asked.replace(free[0], " "), [], None) if free else None
    if day is None or resolve_date(day, today) is None:
        return spec, span
    return listing, SpanCall(listing.name, (day, None))


def _is_it_there_listed(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A listing read from "Is <event> in my calendar?" is the find of that event, when the words name one and no
    day ("Is anything on my calendar?", "Is tomorrow in my calendar?" stay listings)."""
    found = _WHAT_IS_THERE.match(query.strip()) if query else None
    find = _function_typed([ParamType.TITLE])
    if found is None or find is None or not all(p.type.is_date for p in spec.params):
        return spec, span
    what = _event_named(found["what"], today)
    return (spec, span) if what is None else (find, SpanCall(find.name, (what,)))


def _event_named(what: str, today: dt.date) -> str | None:
    """The words asked about without their article, when they name an event: not whatever there is ("Ist am
    Freitag was im Kalender?") and not a day ("Is tomorrow in my calendar"; "weekend getaway on Q4 goals" is an
    event)."""
    what = re.sub(r"(?i)^(?:the|a|an|my|der|die|das|mein|meine)\s+", "", what.strip())
    words = [w.lower() for w in re.findall(r"[^\W_]+", what)]
    if not words or all(w in _NOTHING_NAMED for w in words) or any(w in _ANYTHING for w in words):
        return None
    if words[0] in _ANY or (len(words) == 1 and words[0] in _EVENTS_IN_GENERAL) or names_every_event(what):
        return None  # "do i have any appointments coming up", "plans": a listing
    if len(words) <= 3 and (names_a_value(ParamType.RANGE_START, what) or resolve_date_range(what, today)):
        return None
    return what


# "Do I have church with Dad coming up", "steht rückgabe der leihwagen bald an?": whether an event comes up, which
# the model may read as a listing (of a day it sees in the title), a new event or a move.
_COMING_UP_ASKED = re.compile(
    rf"^{_FILLERS}(?:please\s+)?(?:do\s+i\s+have|have\s+i\s+got|is\s+there|steht|hab(?:e)?\s+ich)\s+(?P<what>\S.*?)\s+"
    r"(?:coming\s+up|(?:schon\s+)?(?:bald|demnächst)(?:\s+an)+)\W*$",
    re.IGNORECASE,
)


def _coming_up_asked(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """Any call read from a question whether an event comes up is the find of that event, when the words name one
    ("Do I have anything coming up?", "Steht heute was an?" stay what they were read as)."""
    found = _COMING_UP_ASKED.match(query.strip()) if query else None
    find = _function_typed([ParamType.TITLE])
    if found is None or find is None or spec is find:
        return spec, span
    what = _event_named(found["what"], today)
    return (spec, span) if what is None else (find, SpanCall(find.name, (what,)))


# "ist heute nachmittag ein meeting", "hab ich morgen einen Termin": German asks with the verb first, whether the day
# has any event (v25 made a new event "meeting" of the first).
_ANY_EVENT_ASKED = re.compile(
    rf"^{_FILLERS}(?:ist|sind|gibt\s+es|hab(?:e)?\s+ich|haben\s+wir)\s+(?P<rest>.+?)\s+"
    r"(?:ein|eine|einen|irgendein\w*|noch\s+ein\w*|was|etwas|irgendwas)\s+(?:termin|meeting|treffen|besprechung|call)?"
    r"[\s?.!]*$",
    re.IGNORECASE,
)


def _looked_up(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A new event read from "Kannst du vom 21. bis zum 30. Oktober in meinen Kalender schauen" or from "ist heute
    nachmittag ein meeting" is the listing of those days: the person asks to look, not to add."""
    listing = next((f for f in FUNCTIONS if f.params and all(p.type.is_date for p in f.params)), None)
    asked = _ANY_EVENT_ASKED.match(query.strip()) if query else None
    looked = _IN_MY_CALENDAR_LOOK.search(query) or (asked and names_a_value(ParamType.RANGE_START, asked["rest"]))
    if listing is None or not query or not looked or not _makes_an_event(spec):
        return spec, span
    days = [ph for p, ph in zip(spec.params, span.phrases, strict=True) if p.type.is_date and ph]
    said = (days + [None, None])[: len(listing.params)]
    return listing, SpanCall(listing.name, tuple(said))


_ANYTHING = frozenset("anything something everything nothing events event etwas was alles nichts termine".split())
_ANY = frozenset("any some all irgendwelche irgendein irgendeinen welche alle".split())
_EVENTS_IN_GENERAL = frozenset("appointments meetings plans besprechungen verabredungen pläne".split())


# "mark tuesday as school pickup", "markier Freitag als Urlaub": a day marked, all day long.
_MARK_AS = re.compile(r"\bmark\b.*\bas\b|\bmarkier\w*\b.*\bals\b", re.IGNORECASE)


def _asked_or_marked(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A single new event from a question whether it is in the calendar is the find of it; one with a day and
    no time from "mark <day> as <title>" is a day-long event on that day."""
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    single = _makes_one_event(spec)
    if not query or not single or not said.get("title") or "time" not in said:
        return spec, span
    if _IS_IT_THERE.search(query):
        find = _function_typed([ParamType.TITLE])
        return (spec, span) if find is None else (find, SpanCall(find.name, (said["title"],)))
    title, day = str(said["title"]), said.get("date")
    if _MARK_AS.search(query) and not day and names_a_value(ParamType.DATE, title):
        # "so mark May 7th as on call" with the day copied as the title: the title is what it is marked as
        marked = re.search(r"(?i)\b(?:as|als)\s+(?P<what>[^.,;!?]+?)[\s.,;!?]*$", query)
        title, day = (marked["what"], title) if marked else (title, day)
    if _MARK_AS.search(query) and day and not said.get("time"):
        all_day = _function_typed(_ALL_DAY_TYPES)
        return (spec, span) if all_day is None else (all_day, SpanCall(all_day.name, (title, day, None)))
    return spec, span


# "Prüfungswoche ist vom 3. bis 7. März", "am 29.12. ist Prüfungswoche", "frei ist an diesem Wochenende", "for
# tomorrow is funeral": a statement that something is on a day or days, which v25 read as a listing of them. The
# words on the other side of "ist"/"is" are a day-long event's title; never a question ("Was ist morgen?", "Ist
# morgen frei?", "march one is Susan's birthday, right"), a day named twice ("Heute ist Montag", "today is the 5th"),
# nothing ("morgen ist nichts los") or what is said of today (the crowd corpora label "today is John's birthday" a
# look at the calendar).
_STATED = re.compile(rf"^{_FILLERS}(?P<a>.+?)\s+(?:ist|is)\s+(?:(?:ist|is)\s+)?(?P<b>.+?)[\s.!]*$", re.IGNORECASE)
_STATED_PARTICLE = re.compile(r"(?i)^(?:doch|ja|eben|halt|wohl|eigentlich|übrigens|auch|actually|also)\s+(?=\S)")
_NOT_STATED = frozenset(
    "was what wer who wie how wo where wann when welche which welcher warum why nichts nothing viel much alles "
    "everything los on it es das this that there da dort hier here mein my meine heute today morgen tomorrow "
    "schon already noch still right oder gell correct".split()
)


# "i have a meeting at noon today", "i am having a meeting on tomorrow set it", "ich habe morgen eine Veranstaltung in
# Bonn, erinner mich daran": a statement that one has an event on a day, which v25 read as a listing of the day.
# Never a question ("do I have a meeting today", "habe ich morgen einen Termin?"), never "a lot of"/"a busy day".
_HAVE_AN_EVENT = re.compile(
    rf"^{_FILLERS}(?:i\s+have|i've\s+got|i\s+have\s+got|i\s+got|i\s+am\s+having|i'm\s+having|"
    r"ich\s+habe?|ich\s+hab'?|ich\s+hätte)\s+(?P<rest>.+?)[\s.!]*$",
    re.IGNORECASE,
)
_EVENT_ARTICLE = re.compile(r"(?:^|\s)(?:a|an|my|ein|eine|einen|meine[nm]?)\s+", re.IGNORECASE)
_ASKED_AFTER = re.compile(
    r"(?i)\b(?:true\s+or\s+false|right|correct|is\s+that\s+(?:so|right|correct)|oder|gell|stimmt(?:'s|\s+das)?|"
    r"oder\s+nicht|richtig)\W*$"
)
_NO_EVENT_WORDS = frozenset(
    "lot lots many few some any nothing no question questions idea busy free full day days week time tag woche zeit "
    "frage fragen ahnung idee viel viele wenig nichts keine keinen kein frei freien freie voll vollen volle "
    "langen lange long schedule calendar kalender tage".split()
)
# What "I have" starts that is no event ("i have to go", "i have nothing on friday", "ich habe morgen frei"): the
# words no event is besides those that start a clause, a pronoun, a number or an article.
_NOT_AN_EVENT_START = _NO_EVENT_WORDS | frozenset(
    "to been got had not never plenty already just only too so all it this that them him her you one two three four "
    "five six seven eight nine ten zu schon noch es das die den der dem heute morgen übermorgen a an my ein eine "
    "einen meine meinen meinem quite much enough less more".split()
)
# Where a statement's event ends: a request after it ("set it", "erinner mich daran"), a comma.
_STATEMENT_END = re.compile(
    r"\s*(?:,|\b(?:set|add|put|save|mark|remind|note|please|erinner\w*|trag\w*|bitte|stell\w*|speicher\w*|"
    r"and|und)\b)",
    re.IGNORECASE,
)


_RANGE_WORD = re.compile(
    r"(?i)\d[\d:.]*|von|from|bis|to|until|till|between|zwischen|und|and|-|uhr|pm|am|a\.m\.|p\.m\.|o'clock"
)


def _clock_said(words: list[str], lang: str | None) -> str | None:
    """The words that say a clock time: the shortest run that does, with its preposition ("at noon", "um 10"),
    or the range around it ("von 14 bis 16 Uhr")."""
    for n in range(1, min(5, len(words)) + 1):
        for k in range(len(words) - n + 1):
            said = " ".join(words[k : k + n])
            if not names_a_value(ParamType.TIME, said, lang) or resolve_time(said, lang) is None:
                continue
            around = sorted(((a, b) for a in range(4) for b in range(4) if a + b), key=lambda ab: -sum(ab))
            for a, b in around:  # "von 14 bis 16 Uhr" said around "16 Uhr"
                if a > k or k + n + b > len(words):
                    continue
                added = [*words[k - a : k], *words[k + n : k + n + b]]
                wider = " ".join(words[k - a : k + n + b])
                if all(_RANGE_WORD.fullmatch(w) for w in added) and resolve_time_range(wider, lang) is not None:
                    return wider
            lead = words[k - 1] if k and words[k - 1].lower() in ("at", "um", "gegen", "ab", "from") else ""
            return f"{lead} {said}".strip()
    return None


def _without_day_said_first(phrase: str, query: str) -> str:
    """A title that starts with a day said with its preposition ("Am Neujahrstag ausschlafen" titled "Neujahrstag
    ausschlafen", "on Christmas Day sleep in"): the day is when; the rest is the title."""
    at = _said_at(query, phrase, case=True)
    words = phrase.split()
    if at <= 0 or len(words) < 2 or not re.search(r"(?i)\b(?:am|on)\s+$", query[:at]):  # never "an Easter brunch"
        return phrase
    named = next((k for k in range(len(words) - 1, 0, -1) if _names_a_day(words[:k])), 0)
    return " ".join(words[named:]) if named else phrase


# "Ich muss am Dienstag zum Bürgeramt", "I need to go to the DMV on Tuesday": the way there, said with "must";
# the place is the event (as "Wann muss ich zum Bürgeramt?" finds "Bürgeramt").
_MUST_GO = re.compile(r"(?i)\b(?:muss|müssen|musst|sollte|sollten|need\s+to|have\s+to|has\s+to|got\s+to|gotta|must)\b")
_WAY_THERE = re.compile(
    r"(?i)^(?:(?:zum|zur|ins)|go(?:ing)?\s+to(?:\s+(?:the|a|an))?"
    # "go for a blood test", "go for an x-ray": what is done there; never "go for a run" (the outing is the event)
    r"|go(?:ing)?\s+for\s+(?:a|an)(?!\s+(?:run|walk|swim|jog|ride|drive|hike|drink|coffee|beer|bite|meal|spin)\b))"
    r"\s+(?=\S)"
)


# "Got the dentist tomorrow at nine", "I've got a lunch with Tom": having it is how it is said, not its name
_GOT_LEAD = re.compile(r"(?i)^(?:(?:i|we)(?:'ve|\s+have)?\s+)?got\s+(?:(?:a|an|the|my|our)\s+)?(?=[^\W\d_])")


def _without_got(phrase: str, spec: Function) -> str:
    """A new event's title without the "got" it was said with."""
    got = _GOT_LEAD.match(phrase)
    return phrase[got.end() :] if got and _makes_an_event(spec) else phrase


def _without_way_there(phrase: str, query: str, spec: Function) -> str:
    """A new event's title that starts with the way to a place after "must" ("zum Bürgeramt", "go to the DMV") is
    the place; never a title with a verb of its own ("zum TÜV bringen", "go to the gym and swim")."""
    way = _WAY_THERE.match(phrase)
    at = _said_at(query, phrase)
    if way is None or at < 0 or not _makes_an_event(spec) or not _MUST_GO.search(query[:at]):
        return phrase
    rest = phrase[way.end() :]
    words = rest.split()
    if len(words) > 4 or any(w.lower() in ("and", "und") for w in words):
        return phrase
    if way[0].lower().startswith(("zum", "zur", "ins")) and words[-1].islower() and words[-1].endswith("en"):
        return phrase  # "zur post bringen": a verb ends it (typed without capitals, so any lower "-en" word)
    return rest


def _holiday_as_day(spec: Function, span: SpanCall, query: str = "", lang: str | None = None) -> SpanCall:
    """A new event titled with a holiday and no day said ("Trag Weihnachten ein", "put Christmas in my calendar",
    "Heiligabend bei Oma") is on that holiday: v25 put "Weihnachten" on today. "Christmas party" names no day."""
    if not _makes_an_event(spec):
        return span
    types = [p.type for p in spec.params]
    title = next((i for i, t in enumerate(types) if t is ParamType.TITLE), None)
    day = next((i for i, t in enumerate(types) if t in (ParamType.DATE, ParamType.RANGE_START)), None)
    if title is None or day is None or span.phrases[day] or not span.phrases[title]:
        return span
    words = str(span.phrases[title]).split()
    over = bool(words) and words[0].lower() in ("over", "über")  # "over Christmas" copied as the title
    words = words[1:] if over and len(words) > 1 else words
    # the holiday alone, or with where or with whom ("Heiligabend bei Oma", "Christmas with the family")
    named = next(
        (
            k
            for k in range(len(words), 0, -1)
            if _names_a_day(words[:k]) and (k == len(words) or words[k].lower() in _TAIL_PREPOSITIONS)
        ),
        0,
    )
    eve = None if named else _EVE_PARTY.match(" ".join(words))
    if not named and eve is None and lang == "de":
        # "Pfingstmontag Grillen bei Jens um 13 Uhr": German says the feast apart from the event as its day (English
        # "Christmas party" is a party named by the feast, on a day near it)
        named = next((k for k in range(len(words) - 1, 0, -1) if _names_a_day(words[:k])), 0)
        if named:
            phrases = list(span.phrases)
            phrases[day], phrases[title] = " ".join(words[:named]), " ".join(words[named:])
            return SpanCall(span.function, tuple(phrases))
    if not named and eve is None:
        return span
    phrases = list(span.phrases)
    if eve is not None:  # "Silvesterparty bei Lisa", "New Year's Eve party at Lisa's": on the eve, named as said
        phrases[day] = _eve_feast(eve)
        return SpanCall(span.function, tuple(phrases))
    feast = " ".join(words[:named])
    before = re.search(rf"(?i)\b(über|over)\s+{re.escape(feast)}", query)
    # "Über Weihnachten bin ich bei meinen Eltern": the feast's days
    phrases[day] = f"{before[1]} {feast}" if before and types[day] is ParamType.RANGE_START else feast
    if named == len(words) and query:
        # "Ostersonntag um 10 Uhr Ostereier suchen mit den Kindern" with the feast copied as the title: what is said
        # besides it names the event ("Trag Weihnachten ein" names none: the feast is the event)
        left = _title_left_over(query, [p for p in phrases if p])
        phrases[title] = _where_one_is(query, str(phrases[day])) or left or phrases[title]
    return SpanCall(span.function, tuple(phrases))


# A party of an evening feast, whose day it is on (a Christmas or Halloween party is on a day near it, asked for).
_EVE_PARTY = re.compile(
    r"(?i)(?P<feast>(?:silvester|sylvester)(?=(?:party|feier|fete|sause|essen|dinner|abend|menü|buffet)\b)"
    r"|heiligabend(?=(?:essen|feier)\b)|(?:new\s+years?'?s?|christmas|xmas)\s+eve(?=\s+(?:party|dinner|bash|"
    r"celebration|drinks|countdown)\b))"
)


def _eve_feast(eve: re.Match[str]) -> str:
    """The feast's name as a day is read from it ("Sylvester" typed for "Silvester")."""
    return "silvester" if eve["feast"].lower().startswith(("silv", "sylv")) else eve["feast"]


_ONE_IS = re.compile(
    r"(?i)\b(?:bin\s+ich|ich\s+bin|sind\s+wir|wir\s+sind|i'm|i\s+am|we're|we\s+are)\s+"
    r"(?P<where>(?:bei|at|in|mit|with|zu|an|auf)\s+[^,;.!?]+)"
)


def _title_where_one_is(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A new event whose days were copied as its title, titled where one is said to be ("... sind wir in den
    Bergen": "in den Bergen")."""
    title = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    day = next((i for i, p in enumerate(spec.params) if p.type in (ParamType.DATE, ParamType.RANGE_START)), None)
    if title is None or day is None or span.phrases[title] or not span.phrases[day] or not _makes_an_event(spec):
        return span
    where = _where_one_is(query, str(span.phrases[day]))
    if where is None:
        return span
    phrases = list(span.phrases)
    phrases[title] = where
    return SpanCall(span.function, tuple(phrases))


def _where_one_is(query: str, day: str) -> str | None:
    """Where one is said to be on a feast ("Über Weihnachten bin ich bei meinen Eltern": "bei meinen Eltern")."""
    m = _ONE_IS.search(query)
    if m is None:
        return None
    where = re.sub(rf"(?i)\s*\b{re.escape(day)}\b\s*", " ", m["where"]).strip()
    return where if len(where.split()) >= 2 else None


# "Do I have an orthopedist appointment coming up?", "Habe ich demnächst einen Termin beim Zahnarzt?": whether a
# named event is ahead, no day said; v25 listed today.
_HAVE_I_ONE = re.compile(
    rf"^{_FILLERS}(?:do\s+i\s+have|have\s+i\s+got|is\s+there|habe?\s+ich|gibt\s+es)\s+(?:(?:demnächst|bald|noch)\s+)?"
    r"(?:an?|my|einen?|eine|meinen?)\s+(?P<title>[^?]+?)"
    r"(?:\s+(?:coming\s+up|soon|scheduled|planned|ahead|demnächst|bald|geplant|anstehen|an))?\s*\?*$",
    re.IGNORECASE,
)


def _asks_for_one(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A listing with no day said of "do I have a <named event> coming up?" is the find of that event; "do I
    have any meetings?" (no name) stays a listing."""
    find = _function_typed([ParamType.TITLE])
    m = _HAVE_I_ONE.match(query.strip())
    if find is None or m is None or any(span.phrases) or not all(p.type.is_date for p in spec.params):
        return spec, span
    title = m["title"].strip()
    if _ANY_EVENTS.fullmatch(title) or names_a_value(ParamType.DATE, title) or names_a_value(ParamType.TIME, title):
        return spec, span
    if {w.lower() for w in title.split()} & (_NO_EVENT_WORDS | _LISTING_WORDS) or names_a_value(
        ParamType.RANGE_START, title
    ):
        return spec, span  # "a lot of", "upcoming events", "... for the next three months": what is on
    return find, SpanCall(find.name, (title,))


# "Impftermin am ersten Dezember um viertel nach zehn", "Zahnarzt Freitag 9 Uhr": a title, its day and a clock
# time, said with no verb; v25 listed the day. A listing asks with a question or its words ("was", "Termine").
_BARE_TITLE = re.compile(rf"{_FILLERS}(?P<title>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){{0,3}})")


_LISTING_WORDS = frozenset(
    "was what which welche welcher wie how when wann where wo show zeig zeige list liste habe hab have has had gibt "
    "steht stehen any alle all my meine meinen mein termine events meetings appointments plans schedule calendar "
    "kalender agenda tell sag sage check prüf prüfe anything something etwas irgendwas is ist are sind i ich "
    "upcoming veranstaltungen pläne give gib read lies nenn tell me mir uns us you du can could kannst könntest "
    "please bitte find finde search such suche does do did hat haben for für of".split()
)


def _title_day_and_time(
    spec: Function, span: SpanCall, query: str, today: dt.date, lang: str | None
) -> tuple[Function, SpanCall]:
    """A listing of the day said after a bare title, with a clock time said too, is that event."""
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    day = span.phrases[0] if span.phrases else None
    if create is None or not day or "?" in query or not all(p.type.is_date for p in spec.params):
        return spec, span
    at = _said_at(query, day)
    m = _BARE_TITLE.fullmatch(query[:at].strip()) if at > 0 else None
    if m is None:
        return spec, span
    title = m["title"]
    words = [w.lower() for w in title.split()]
    if set(words) & _LISTING_WORDS or _ANY_EVENTS.fullmatch(title):
        return spec, span  # "Was habe ich ...", "Termine am Freitag": a listing's words
    plurals = (*_CALENDAR_WORDS, "terminplan", "events", "appointments", "meetings", "veranstaltungen", "termine")
    if any(_slip_of(w, n) and not n.startswith(w) for w in words for n in plurals):
        return spec, span  # "Calnedar for ...", "vernatsltungen heute ...": a listing's words typed a letter off
    first_last = resolve_date_range(day, today)
    if first_last is not None and first_last[0] != first_last[1]:
        return spec, span  # "November 4 to 13": days, no one event's day
    if names_a_value(ParamType.DATE, title) or names_a_value(ParamType.TIME, title):
        return spec, span
    clock = _clock_said(query[at:].split(), lang)
    if clock is None:
        return spec, span
    return create, SpanCall(create.name, (title, day, clock, None))


def _have_an_event(spec: Function, span: SpanCall, query: str, lang: str | None) -> tuple[Function, SpanCall]:
    """A listing of the day said in "I have a <event> <day>" is that event on that day, with the clock time said."""
    create = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    m = _HAVE_AN_EVENT.match(query.strip())
    if create is None or m is None or "?" in query or not all(p.type.is_date for p in spec.params):
        return spec, span
    if _ASKED_AFTER.search(query):
        return spec, span  # "i have a dentist appointment on monday true or false": a question
    day = span.phrases[0]
    article = _EVENT_ARTICLE.search(m["rest"])
    first = m["rest"].split()[0].lower()
    # "i have practice at wrigley tomorrow at six": no article said, and the event starts right after "have"
    bare = article is None and first not in _NOT_AN_EVENT_START and not _names_a_day_or_time(first)
    if not day or (article is None and not bare):
        return spec, span
    rest = m["rest"][article.end() if article else 0 :]
    ends = [len(rest)]
    if (end := _STATEMENT_END.search(rest)) is not None:
        ends.append(end.start())
    clock = _clock_said(m["rest"].split(), lang)
    for value in (day, clock):
        if value and (at := rest.lower().find(value.lower())) >= 0:
            ends.append(at)
    title = re.sub(r"(?i)\s+(?:on|at|for|in|am|um|für|im)$", "", rest[: min(ends)].strip(" ,"))
    ends_of = {title.split()[0].lower(), title.split()[-1].lower()} if title else set()
    if not title or ends_of & _NO_EVENT_WORDS or names_a_value(ParamType.DATE, title):
        return spec, span
    return create, SpanCall(create.name, (title, day, clock, None))


# "my sister's wedding is on June 14th", "meine Prüfung ist am 3. März": one's own event, said with its owner (as in
# "When is my next dentist appointment?", the title drops it); never one's day, calendar or week.
_OWN = frozenset("my our mein meine meines meinem unser unsere".split())
_NOT_OWN_EVENT = frozenset(
    "day tag calendar kalender schedule agenda week woche weekend wochenende month monat plan time zeit".split()
)


def _stated_days(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A listing of the day said in "<title> ist <day>" or "<day> is <title>" is that title's day-long event; so is
    a timed event with no time or length read from it ("19. juli ist seminar") and the find of the title ("on
    2029-05-16 is paint the application"): the statement says a day, and no time."""
    all_day = _function_typed(_ALL_DAY_TYPES)
    m = _STATED.match(query.strip())
    if all_day is None or m is None or "?" in query:
        return spec, span
    sides = [m["a"].strip(" ,"), m["b"].strip(" ,")]
    types = [p.type for p in spec.params]
    said = dict(zip(types, span.phrases, strict=False))
    if types == _ALL_DAY_TYPES and span.phrases[0] and not span.phrases[1]:
        day = None  # "mal die ganze Woche ist frei" with "die ganze Woche" copied as the title: read from the sides
        if names_a_value(ParamType.RANGE_START, str(span.phrases[0])):
            dated = [side for side in sides if names_a_value(ParamType.RANGE_START, side)]
            day = dated[0] if len(dated) == 1 else None
    elif all(t.is_date for t in types):
        day = span.phrases[0]
    elif _makes_one_event(spec) and ParamType.TIME in types and not said[ParamType.TIME]:
        day = None if said.get(ParamType.MINUTES) else said.get(ParamType.DATE)
    elif types == [ParamType.TITLE]:
        day = next((side for side in sides if names_a_value(ParamType.DATE, side)), None)
    else:
        return spec, span
    if not day:
        return spec, span
    with_day = [i for i, side in enumerate(sides) if day.lower() in side.lower()]
    if not with_day:  # "bei mama ist zwischen dem 17. und 19. august" copied across the "ist": the side with days
        with_day = [i for i, side in enumerate(sides) if names_a_value(ParamType.RANGE_START, side)]
        day = sides[with_day[0]] if len(with_day) == 1 else day
    if len(with_day) != 1:
        return spec, span
    rest = sides[with_day[0]].lower().replace(day.lower(), " ").split()
    title = _STATED_PARTICLE.sub("", sides[1 - with_day[0]]) or sides[1 - with_day[0]]  # "Morgen ist doch Zahnarzt"
    words = title.lower().split()
    if len(words) > 1 and words[0] in _OWN and words[1] not in _NOT_STATED and words[1] not in _NOT_OWN_EVENT:
        title, words = title.split(None, 1)[1], words[1:]  # "my sister's wedding is on June 14th"
    if len(rest) > 1 and not names_a_value(ParamType.TIME, " ".join(rest)):  # "Morgen um 9 ist Zahnarzt" is timed
        return spec, span
    if not words or words[0] in _NOT_STATED or words[-1] in _NOT_STATED:
        return spec, span
    if names_a_value(ParamType.DATE, title) or names_a_value(ParamType.TIME, title):
        return spec, span
    if resolve_date_range(day, today) in ((today, today), None):
        return spec, span  # "today is John's birthday", "heute ist Feiertag": said of today, as often asked as told
    return all_day, SpanCall(all_day.name, (title, day, None))


# "Termin mit Anna findet morgen statt statt in drei Tagen", "Der Zahnarzt ist jetzt am Freitag statt am
# Donnerstag", "the barbecue takes place on Sunday instead of Saturday": news that an event has moved, which v25
# read as a listing of one of the days. The event before the verb moves from the day after "statt"/"instead of" to
# the one before it.
_TAKES_PLACE_INSTEAD = tuple(
    re.compile(rf"^{_FILLERS}{p}[\s.!]*$", re.IGNORECASE)
    for p in (
        r"(?P<title>.+?)\s+(?:findet\s+)+(?P<new>.+?)\s+statt\s+(?:statt|anstatt)\s+(?P<old>.+?)",
        r"(?P<title>.+?)\s+(?:ist|is)\s+(?:jetzt|nun|now)\s+(?P<new>.+?)\s+(?:statt|anstatt|instead\s+of)\s+(?P<old>.+?)",
        r"(?P<title>.+?)\s+(?:takes\s+place|is\s+happening)\s+(?P<new>.+?)\s+instead\s+of\s+(?P<old>.+?)",
    )
)


def _takes_place_instead(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """Any reading but a move of "<event> findet <new day> statt statt <old day>" is that move."""
    move = next((f for f in FUNCTIONS if _moves_an_event(f)), None)
    if move is None or spec is move or "?" in query:
        return spec, span
    m = next((m for p in _TAKES_PLACE_INSTEAD if (m := p.match(query.strip()))), None)
    if m is None or m["title"].split()[0].lower() in _NOT_STATED:
        return spec, span
    new, old = m["new"].strip(" ,"), m["old"].strip(" ,")
    if not (names_a_value(ParamType.DATE, old) or names_a_value(ParamType.TIME, old)):
        return spec, span
    said = {"title": m["title"].strip(" ,"), "date": old if names_a_value(ParamType.DATE, old) else None}
    if names_a_value(ParamType.DATE, new):
        said["new_date"] = new
    elif names_a_value(ParamType.TIME, new):
        said["new_time"] = new
    else:
        return spec, span
    return move, SpanCall(move.name, tuple(said.get(p.name) for p in move.params))


# Verbs that ask for a delete, said outside the copied title ("Mitgliederversammlung am Sonntag austragen", "trag
# bewerbung abschicken aus", "strike conference call", one typed a letter off: "verwefen").
_DELETE_SAID = frozenset(
    "delete remove scrap strike erase lösch lösche löschen streich streiche streichen entferne entfernen storniere "
    "stornieren austragen verwerfen verwirf kicken tilge tilgen annulliere annullieren wegmachen rausschmeißen "
    "unschedule nuke ditch axe".split()
)
_ADD_SAID = re.compile(r"\b(?:trag|trage|schreib|schreibe)\b.*\b(?:ein|rein)\b|\bfüg\w*\b.*\bhinzu\b", re.IGNORECASE)
_TRAG_AUS = re.compile(r"\btrag\w*\b.*\baus\W*$", re.IGNORECASE)


# "mach mein Meeting um 14 Uhr eine halbe Stunde länger", "the meeting now takes two hours", "extend the workshop":
# a change of how long an event lasts, which no function makes (move keeps the length). Never a length said of a new
# event ("Workshop am Freitag um 9, dauert zwei Stunden"), "ein verlängertes Wochenende" or "extended family".
_LENGTH_CHANGE = re.compile(
    r"(?i)\b(?:stunden?|std|minuten?|min)\.?\s+(?:länger|kürzer)\b"
    r"|\bdauert\s+(?:jetzt|nun|ab\s+jetzt)\b|\b(?:hours?|hrs?|minutes?|mins?)\s+(?:longer|shorter)\b"
    r"|\b(?:lasts|takes)\s+now\b|\bnow\s+(?:lasts|takes)\b"
    # "verlängere das Meeting um eine Stunde", "extend the workshop by an hour"; never a document renewed ("Pass
    # verlängern" is a to-do's title)
    r"|^\W*(?:(?:bitte|please|kannst\s+du|can\s+you|could\s+you)\s+)?(?:verlänger|verkürz|extend|shorten|lengthen)\w*"
    r"\s+(?:den|das|die|mein\w*|unser\w*|the|my|our)\s+"
    r"(?!(?:reise)?pass\b|ausweis|abo|vertrag|visum|führerschein|mitgliedschaft|passport|visa|lease|contract"
    r"|subscription|membership|loan|deadline)"
)


def asks_to_change_length(query: str) -> bool:
    """Whether the query asks to make an event longer or shorter (see ``_LENGTH_CHANGE``), of nothing that is no
    event ("stell den Timer 5 Minuten länger")."""
    m = _LENGTH_CHANGE.search(query)
    return m is not None and not _WAKING.search(query) and not re.search(r"(?i)\btimer\b|\bcountdown\b", query)


def says_to_remove(query: str) -> bool:
    """Whether the query says, in any words, that an event goes: a delete verb, "cancel", "absagen", "is off"."""
    return bool(_CALLED_OFF.search(query) or _REMOVE_SAID.search(query)) or _delete_said(query, "")


# "Take out the trash on Tuesday", "take the bins out": a chore whose "take out" removes no event (v25 deleted
# "out the trash" by 3.2 logits over the new event).
_TAKE_OUT_CHORE = re.compile(
    r"(?i)\b(?:take|put|bring|carry|wheel)\s+(?:out\s+(?:the\s+)?(?:trash|garbage|rubbish|bins?|recycling|compost)"
    r"|(?:the\s+)?(?:trash|garbage|rubbish|bins?|recycling|compost|dog)\s+out)\b"
    # "Trash out on Monday", "Am Montag Müll raus", "Mülltonne rausstellen": the chore said in fewer words
    r"|^\W*(?:trash|garbage|rubbish|bins?|recycling)\s+out\b"
    r"|(?i:\b(?:müll|mülltonnen?|tonnen?|altpapier|gelben\s+sack|gelbe\s+säcke|biotonne|papiertonne)\s+"
    r"(?:raus|rausbringen|rausstellen|rausfahren|runterbringen)\b)"
)


def names_a_chore(query: str) -> bool:
    """Whether the query names a chore said with "take out" and no word that removes an event."""
    chore = _TAKE_OUT_CHORE.search(query)
    if chore is None:
        return False
    rest = query[: chore.start()] + " ; " + query[chore.end() :]
    return not says_to_remove(rest) and not _names_a_removal(rest)


_REMOVE_SAID = re.compile(
    r"\b(?:cancel\w*|clear|drop|call\s+off|absag\w*|sag\w*\b.*\bab|abblasen|streich\w*|nix|forget)\b", re.IGNORECASE
)


def _delete_said(query: str, title: str) -> bool:
    """Whether the query asks for a delete, in words outside the title, and asks to make nothing."""
    at = _said_at(query, title, case=True) if title else -1
    rest = query if at < 0 else query[:at] + " ; " + query[at + len(title) :]
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", rest)]
    if any(w == v or _slip_of(w, v) for w in words for v in _MADE_SAID) or _ADD_SAID.search(rest):
        return False
    return bool(_TRAG_AUS.search(rest)) or _names_a_removal(rest)


# A weekday said as a habit ("Samstags", "on Mondays") at a title's end.
_WEEKDAYS_AT_END = re.compile(
    rf"\s+(?P<days>(?:on\s+)?{_WEEKDAY_EN}s|(?:mon|diens|mitt|donners|frei|sams|sonn)tags|mittwochs)$",
    re.IGNORECASE,
)


def _series_said(spec: Function, span: SpanCall, query: str) -> tuple[Function, SpanCall]:
    """A single event from a query that says a repetition outside its title ("Trag jeden Montag um 8 Uhr das
    Teammeeting ein" copied as one event on "Montag") is that series: the function whose arguments are these
    and a repetition, with the words that say it."""
    names = [p.name for p in spec.params]
    if not query or not _makes_an_event(spec) or ParamType.TIME not in {p.type for p in spec.params}:
        return spec, span
    if any(p.type is ParamType.FREQUENCY for p in spec.params):
        return spec, span
    series = next(
        (
            f
            for f in FUNCTIONS
            if any(p.type is ParamType.FREQUENCY for p in f.params) and set(names) <= {p.name for p in f.params}
        ),
        None,
    )
    said = dict(zip(names, span.phrases, strict=True))
    title = next((said[p.name] for p in spec.params if p.type is ParamType.TITLE), None)
    rest = normalize(query.replace(title, " ; ") if title else query)
    found = next((m[0] for _, pattern in _FREQUENCY_RULES for m in [pattern.search(rest)] if m), None)
    weekdays = _WEEKDAYS_AT_END.search(title or "")
    if series is not None and found is None and weekdays and weekdays.start() > 0:
        # "Kannst du Umzug bei Fatma Samstags um ... eintragen" with "Samstags" copied into the title
        named = next(p.name for p in spec.params if p.type is ParamType.TITLE)
        found, said[named] = weekdays["days"], str(title)[: weekdays.start()].rstrip(" ,")
    if series is None or found is None:
        return spec, span
    return series, SpanCall(
        series.name, tuple(found if p.type is ParamType.FREQUENCY else said.get(p.name) for p in series.params)
    )


# "Any meetings the day after tomorrow?": no event's name, but what a listing asks for.
_ANY_EVENTS = re.compile(
    r"(?:any(?:thing)?|something|irgendwelche|irgendwas|etwas|was)?\s*(?:meetings|appointments|events|plans|"
    r"termine|treffen|besprechungen|veranstaltungen|pläne)?",
    re.IGNORECASE,
)


def _events_on_a_day(spec: Function, span: SpanCall, today: dt.date, lang: str | None) -> tuple[Function, SpanCall]:
    """A find whose title is only "meetings"/"Termine" and a day ("meetings the day after tomorrow") is the
    listing of that day."""
    if [p.type for p in spec.params] != [ParamType.TITLE] or not span.phrases[0]:
        return spec, span
    listing = calendar_listing(FUNCTIONS)
    words = str(span.phrases[0]).split()
    k, _ = _value_at_end(words, [ParamType.RANGE_START], today, lang)
    k = _with_words_before_a_day(words, k)
    if listing is None or k < 0 or not _ANY_EVENTS.fullmatch(" ".join(words[:k])):
        return spec, span
    return listing, SpanCall(listing.name, (" ".join(words[k:]), None))


# "Weißt du, wann ich zum Zahnarzt muss?", "when do I have to go to the dentist?": the way there and the clause's
# verb are the question's, the event is the dentist; so is "due", "fällig", "geplant" of "when is the car service due".
_FIND_LEAD = re.compile(
    r"^(?:(?:(?:go|going|get)\s+to|zum|zur|to)\s+(?:(?:the|my|dem|der|meinem|meiner)\s+)?"
    r"|(?:zuletzt|zum\s+letzten\s+mal|das\s+letzte\s+mal|last)\s+)",  # "Wann hatte ich zuletzt Friseur"
    re.I,
)
_FIND_TAIL = re.compile(
    r"\s+(?:muss|musst|müssen|soll|sollte|habe|hab|ist|sind|bin|gehe|geht|fahre|fährt|fliege|"
    r"due|scheduled|planned|happening|fällig|geplant|angesetzt)$",
    re.I,
)


def _found_event(spec: Function, span: SpanCall) -> SpanCall:
    """A find's title without the way there and the question's verb ("zum Zahnarzt muss": "Zahnarzt")."""
    if [p.type for p in spec.params] != [ParamType.TITLE] or not span.phrases[0]:
        return span
    title = _FIND_TAIL.sub("", _FIND_LEAD.sub("", str(span.phrases[0])))
    return SpanCall(span.function, (title or span.phrases[0],))


# A one-word month that is also an English word ("protest march", "what I may") names no span on its own.
_NOT_ALONE = frozenset({"may", "march"})
_NO_TITLE = frozenset(
    "der die das den dem des ein eine einen und oder ich mein meine meinen the a an and or i my me this that".split()
)


def _value(ptype: ParamType, words: str, today: dt.date, lang: str | None) -> object:
    """What the words name as a value of ``ptype`` (None when they name none or it does not exist)."""
    if not names_a_value(ptype, words, lang) or normalize(words) in _NOT_ALONE:
        return None
    if ptype is ParamType.TIME:
        time = resolve_time(words, lang)
        return None if time is None else (time, resolve_time_range(words, lang))
    if ptype is ParamType.RANGE_START:  # the whole span: "the 15th and 16th" is more than "the 15th"
        return resolve_date_range(words, today)
    return resolve_date_in(ptype, words, today)


def _names_a_day(words: list[str]) -> bool:
    """Whether the words are the whole name of a day that is named by more words than its last ("Christi
    Himmelfahrt", "Easter Sunday", "Labor Day")."""
    said = normalize(" ".join(words))
    return said in MOVABLE or said in HOLIDAYS


def _value_at_end(words: list[str], ptypes: list[ParamType], today: dt.date, lang: str | None) -> tuple[int, int]:
    """Where the title's last words that name a value of one of ``ptypes`` begin, and which one: the shortest
    run at the end that names one, widened by up to five words before it when they make it another value
    ("tomorrow" -> "day after tomorrow", "16:30" -> "von 16:00 bis 16:30"). At least one word stays a title.
    (-1, -1) when there is none."""
    for k in range(len(words) - 1, 0, -1):
        for n, ptype in enumerate(ptypes):
            base = _value(ptype, " ".join(words[k:]), today, lang)
            if base is None:
                continue
            whole = normalize(" ".join(words[k:])).strip(".,;:!?") in HOLIDAYS  # "New Year's Day", not "New Year's"
            if k < len(words) - 1 and not whole and _value(ptype, " ".join(words[k:-1]), today, lang) == base:
                continue  # the last word is no part of it ("Christmas party", "easter brunch")
            values = {j: _value(ptype, " ".join(words[j:]), today, lang) for j in range(max(1, k - 5), k)}
            values[k] = base
            wider = [j for j in range(max(1, k - 5), k) if values[j] not in (None, values[j + 1])]
            start = min(wider) if wider else k
            while start > 1 and words[start - 1].lower().strip(".,") in MONTH_WORDS:  # "December" of "December 31st"
                start -= 1
            named = [j for j in (start - 2, start - 1) if j >= 1 and _names_a_day(words[j : start + 1])]
            return (named[0] if named else start), n  # "christi himmelfahrt", not "christi" + "himmelfahrt"
    return -1, -1


def _with_words_before_a_day(words: list[str], k: int, keep: int = 0) -> int:
    """Where a day that starts at ``words[k]`` starts with the words said before it that go with it ("am",
    "for the", "nächsten": "nächsten Dienstag" is this Tuesday as much as "Dienstag"); ``keep`` words stay
    before it. ``k`` < 0 (no day) stays."""
    while k > keep and (words[k - 1].lower() in _LEADS_A_DAY or _DAY_MODIFIER.fullmatch(words[k - 1].lower())):
        k -= 1
    return k


def _values_in_title(spec: Function, span: SpanCall, today: dt.date, lang: str | None) -> SpanCall:
    """A day or clock time at the title's end whose own slot the model left empty ("volunteering day after
    tomorrow", "field trip in July", "Lauftreff von 16:00 bis 16:30"): the words go to that slot and the title
    ends before them, with its dangling preposition. Only the event's own day and the time right after it: a
    move's new time is never read out of its title ("Zahnarzt um 10 auf Freitag" names the old one), nor a
    series' day (its title's "montags" is how often)."""
    if any(p.type is ParamType.FREQUENCY for p in spec.params):
        return span
    title = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    day = next((i for i, p in enumerate(spec.params) if p.type in (ParamType.DATE, ParamType.RANGE_START)), None)
    if title is None or day is None or not span.phrases[title]:
        return span
    phrases = list(span.phrases)
    slots = [day] + [day + 1] * (day + 1 < len(spec.params) and spec.params[day + 1].type is ParamType.TIME)
    words = str(phrases[title]).split()
    # "kino samstag 20:15 mit nina": the day and time said before the title's company, which stays the title's
    cut = next((c for c in range(len(words) - 1, 1, -1) if words[c].lower() in ("mit", "with")), None)
    tail = ""
    if phrases[day] is None and cut is not None and _value_at_end(words, [ParamType.DATE], today, lang)[0] < 0:
        if _value_at_end(words[:cut], [ParamType.DATE, ParamType.TIME], today, lang)[0] > 0:
            phrases[title], tail = " ".join(words[:cut]), " " + " ".join(words[cut:])
    for _ in slots:
        words = str(phrases[title]).split()
        empty = [i for i in slots if phrases[i] is None]
        k, n = _value_at_end(words, [spec.params[i].type for i in empty], today, lang)
        if k < 0:
            break
        k = _with_words_before_a_day(words, k, keep=1)
        if all(w.lower() in _NO_TITLE | _LEADS_A_DAY for w in words[:k]):
            break  # "Die nächsten drei Tage": the day was copied as the title, which is not said here
        if all(re.fullmatch(r"\d{1,2}\.", normalize(w)) for w in words[:k]) and not any(phrases[i] for i in slots):
            # "siebenundzwanzigsten dezember bis zum zweiten januar": the day's ordinal is no title; the whole copy
            # is the day, and the title is asked for or read from the rest of the query
            phrases[day], phrases[title] = " ".join(words), None
            break
        lead = words[k].lower()
        if lead in ("auf", "to") and "new_date" not in (p.name for p in spec.params):
            break  # "Urlaub bis nach ... auf": a target is a move's
        if lead in ("auf", "to") and span.named.get("new_date") is not None:
            break  # the target is said already; these words are another day, or the title's
        phrases[empty[n]], phrases[title] = " ".join(words[k:]), " ".join(words[:k])
    if tail:
        phrases[title] = f"{phrases[title] or ''}{tail}".strip()
    return SpanCall(span.function, tuple(phrases))


# "Ab für morgen Termin in Köln jeden zweiten Donnerstag", "starting Monday standup every weekday at 9": a series'
# first day said first, with its "ab"/"starting", and copied as its title or the title's start.
_STARTING = re.compile(r"(?i)^(?:ab|from|starting(?:\s+(?:on|from))?|beginning(?:\s+on)?)\s+")
_NO_SERIES_TITLE = frozenset("habe hab haben ich wir i we have has is ist sind are um am at on".split())


def _start_in_series_title(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """The first day read out of a series' title: it goes to the empty first-day slot, and the title is the rest of
    the copy or, when nothing is left, the words said right after it up to the next argument."""
    if not query or not any(p.type is ParamType.FREQUENCY for p in spec.params):
        return span
    title = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    first = next((i for i, p in enumerate(spec.params) if p.type in (ParamType.FIRST_DATE, ParamType.DATE)), None)
    phrase = span.phrases[title] if title is not None else None
    start = _STARTING.match(phrase) if phrase else None
    if title is None or first is None or phrase is None or start is None:
        return span
    words = phrase[start.end() :].split()
    k, day = 0, None
    for n in range(1, len(words) + 1):  # the shortest run that names the day, longer only where it changes the day
        value = _value(ParamType.DATE, " ".join(words[:n]), today, None) if len(words[:n]) < 8 else None
        if value is not None and value != day:
            k, day = n, value
    if k == 0:
        return span
    rest = " ".join(words[k:])
    if not rest:
        at = _said_at(query, phrase, case=True)
        after = query[at + len(phrase) :] if at >= 0 else ""
        others = [o for i, o in enumerate(span.phrases) if o and i != title]
        ends = [m.start() for o in others for m in [re.search(rf"(?i)(?<!\w){re.escape(o)}(?!\w)", after)] if m]
        rest = re.split(r"[,.;!?]", after[: min(ends, default=len(after))])[0].strip()
    if not rest or not _TITLE_WORD.match(rest) or rest.split()[0].lower() in _NO_SERIES_TITLE or _says_nothing(rest):
        return span
    phrases = list(span.phrases)
    phrases[title] = rest
    if phrases[first] is None:
        phrases[first] = " ".join(words[:k])
    return SpanCall(span.function, tuple(phrases))


# What a reminder that names nothing is copied as, in place of a title: the one reminded, the request, when, and
# how ("mich morgen", "me about this", "in ten minutes", "reminder for this"). A named day ("Muttertag",
# "Thanksgiving") is what some reminders are for, so only these plain words of when are no title.
_SAYS_NOTHING = frozenset(
    "me mich mir uns us myself it this that something anything etwas irgendwas es das dies diese dieses daran dran "
    "remind reminder reminders remainder remainders erinnere erinner erinnern erinnerung erinnerungen please bitte "
    "mal a an the ein eine einen to about of for at on in by after before until um am im an für nach vor bis zu dass "
    "today tomorrow tonight morning afternoon evening night noon midnight next this coming week weekend month year "
    "day days weeks months minute minutes hour hours half quarter past am pm a.m. p.m. o'clock oclock later soon "
    "now then sometime future heute morgen übermorgen abend abends früh morgens nachmittag nachmittags vormittag "
    "vormittags mittag mittags mitternacht nacht nächste nächsten nächster kommende kommenden diesen dieser woche "
    "wochenende monat jahr tag tage tagen wochen monate minuten stunde stunden halb viertel dreiviertel uhr später "
    "bald jetzt dann irgendwann zukunft set create add make give put new schedule stell stelle setz setze erstell "
    "erstelle mach mache trag trage ein hinzu my mein meinen meinem calendar kalender terminkalender agenda block "
    "blockier blockiere".split()  # "block my calendar tomorrow afternoon": no title said
)


# "Erinnere mich in 20 Minuten an den Kuchen", "remind me at 5 about the laundry": what a reminder is for, said
# at the end after its preposition, when the model copied only the request ("Erinnere mich").
_REMINDED_OF = re.compile(
    r"(?i)\b(?:erinner\w*|remind)\b.*?\s(?:an|ans|about|of|to)\s+(?:(?:den|die|das|dem|meine[nm]?|mein|the|my)\s+)?"
    r"(?P<what>[^\W\d_][^,.!?]*?)[\s.!?]*$"
)


def _reminded_of(query: str, others: list[str]) -> str | None:
    """The words a reminder is for, said after "an"/"about"/"to" at the end of the query; None when they too name
    nothing, or another argument took them."""
    m = _REMINDED_OF.search(query)
    if m is None or _says_nothing(m["what"]) or any(o.lower() in m["what"].lower() for o in others):
        return None
    return m["what"]


# The small words inside a title ("Messe in Hamburg", "bring the tax return home"), never one at its edge.
_TITLE_GLUE = frozenset(
    "the a an my our to for with in at on of and zum zur zu für mit in im am an bei beim vom von der die das den dem "
    "und ein eine einen mein meine meinen".split()
)


# The words that end a request after its title ("... ein", "den ganzen Tag", "please").
_REQUEST_TAIL = frozenset(
    (
        "ein rein eintragen einplanen anlegen hinzufügen notieren ganzen ganze ganztägig ganztags whole all bitte "
        "please"
    ).split()
)


# "mittagessen mit der abteilung eintragen ungefähr" of "... eintragen ungefähr zwei stunden": the request and the
# hedge of the length that follows it, taken into the title by the widening.
_REQUEST_AND_HEDGE = re.compile(
    r"(?i)\s+(?:eintragen|einplanen|notieren|hinzufügen|anlegen)\s+(?:ungefähr|etwa|circa|ca\.?|rund|so)$"
)


def _without_request_before_length(phrase: str) -> str:
    """The title without a request verb and the hedge of a length it ends with ("Noten eintragen" is a to-do)."""
    return _REQUEST_AND_HEDGE.sub("", phrase) or phrase


def _title_left_over(query: str, others: list[str]) -> str | None:
    """A new event's title where the copied one named nothing ("abend" of "donnerstag abend um acht stammtisch"):
    the longest run of words no other argument copied that name something, without the template words at its
    edges ("zum" of "zum flughafen"), if it is a few words."""
    covered = [False] * len(query)
    for o in others:
        at = _said_at(query, o)
        if at >= 0:
            covered[at : at + len(o)] = [True] * len(o)
    runs: list[list[re.Match[str]]] = [[]]
    for m in re.finditer(r"[^\s,;:!?]+", query):
        word = m[0].strip(".")
        glue = word.lower() in _TITLE_GLUE
        ends = word.lower() in _REQUEST_TAIL or (_says_nothing(word) and not glue)
        if not word or any(covered[m.start() : m.end()]) or ends:
            runs.append([])
        else:
            runs[-1].append(m)
    best: list[re.Match[str]] = []
    for run in runs:
        while run and run[0][0].lower().strip(".") in _TITLE_GLUE:
            run = run[1:]
        while run and run[-1][0].lower().strip(".") in _TITLE_GLUE:
            run = run[:-1]
        if len(run) >= len(best) and not all(_is_frame_word(w[0].lower().strip(".")) for w in run):
            best = run  # "was" of "Trag mir morgen um 10 was ein": a template word alone names nothing
    if not 1 <= len(best) <= 6:
        return None
    return query[best[0].start() : best[-1].end()].rstrip(".")


def _says_nothing(phrase: str) -> bool:
    """Whether a copied title names nothing: only the words of a reminder's request, its day and its time."""
    words = [w.lower() for w in re.findall(r"[^\W_]+(?:['.:-][^\W_]+)*\.?", normalize(phrase))]
    return all(
        w in _SAYS_NOTHING
        or w.rstrip(".") in _SAYS_NOTHING
        or w in WEEKDAY_WORDS
        or w in MONTH_WORDS
        or w in cardinal_words
        or w in ordinal_words
        or re.fullmatch(r"\d+(?:[.:]\d\d)?(?:st|nd|rd|th|h|\.)?", w)  # "10", "8th", "9.30"; not "1:1"
        for w in words
    )


_WHEN_TYPES = (ParamType.DATE, ParamType.FIRST_DATE, ParamType.RANGE_START, ParamType.TIME)


def _title_only_when(spec: Function, span: SpanCall, today: dt.date, lang: str | None) -> SpanCall:
    """A new event's title copied as nothing but when it is ("remind me tomorrow at 10" -> "tomorrow", "Erinnere
    mich morgen um acht" -> "mich morgen"): the day or time goes to its slot if that is empty, and the title,
    which the user did not say, is left for the assistant to ask for."""
    t = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    if t is None or not spec.params[t].nullable or not span.phrases[t] or not _says_nothing(str(span.phrases[t])):
        return span
    phrases = list(span.phrases)
    words = str(phrases[t]).split()
    while words and words[0].lower() in _NO_TITLE | {"mich", "mir", "us", "uns", "about", "an", "daran", "dran"}:
        words = words[1:]
    when = " ".join(words)
    for i, p in enumerate(spec.params):
        if when and phrases[i] is None and p.type in _WHEN_TYPES and _value(p.type, when, today, lang) is not None:
            phrases[i] = when
            break
    phrases[t] = None
    return SpanCall(span.function, tuple(phrases))


# "can you move tomorrow's 9am to 10", "cancel Friday's meeting": the day said as the owner of the event is its day.
_DAY_OWNS = re.compile(rf"(?i)^(?P<day>today|tomorrow|tonight|(?:{_WD_RE}))'s\s+(?P<rest>\S.*)$")


def _day_owns_title(spec: Function, span: SpanCall) -> SpanCall:
    """A title copied with the day that owns it ("tomorrow's 9am") whose day slot is empty: the day to its slot."""
    names = [p.name for p in spec.params]
    if "title" not in names or "date" not in names or span.named.get("date") or not span.named.get("title"):
        return span
    m = _DAY_OWNS.match(str(span.named["title"]))
    if m is None:
        return span
    phrases = list(span.phrases)
    phrases[names.index("title")], phrases[names.index("date")] = m["rest"], m["day"]
    return SpanCall(span.function, tuple(phrases))


# "finish the slides for Monday's pitch", "Notizen für Freitags Präsentation": a day owning another event, said
# right after the title, is part of what the to-do is for, not its day.
_ANOTHER_EVENTS_DAY = re.compile(
    rf"(?i)(?:for|before|after|für|vor|zur|zum)\s+(?:the\s+|die\s+|das\s+|den\s+)?(?:{_WD_RE}|tomorrow|today|morgen)"
    r"(?:'s|s)\s+[^\W\d_][\w-]*$"
)


def _other_events_day(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A new event's day copied from words that name another event's day ("for Monday's pitch") while a day is said
    elsewhere ("Tonight at 9"): those words end the title, the day is read from the rest (or asked)."""
    names = [p.name for p in spec.params]
    if not query or not _makes_an_event(spec) or "date" not in names or "title" not in names:
        return span
    title, day = span.named.get("title"), span.named.get("date")
    if not title or not day or not _ANOTHER_EVENTS_DAY.fullmatch(str(day)):
        return span
    if not re.search(rf"(?i)(?<!\w){re.escape(str(title))}\s+{re.escape(str(day))}(?!\w)", query):
        return span
    phrases = list(span.phrases)
    phrases[names.index("title")], phrases[names.index("date")] = f"{title} {day}", None
    return SpanCall(span.function, tuple(phrases))


# "mark December 31 as a holiday", "put the 28th down as a day off", "Am 31. Dezember ganztägig frei": a day named by
# the kind of day it is, which is the title (the model copies the day as the title and leaves no title).
_AS_KIND = re.compile(
    r"(?i)\b(?:as|als)\s+(?:(?:a|an|my|ein|eine[nm]?|mein\w*)\s+)?(?P<name>[^\W\d_][^,.;!?]*?)\s*[.!?]*$"
)
_KIND_OF_DAY = re.compile(
    r"(?i)\b(?:(?:a\s+)?days?\s+off|(?:public\s+)?holiday|vacation(?:\s+day)?|urlaub\w*|frei|feiertag|"
    r"brückentag|home\s*office|wfh|sick\s+day|krank)\b"
)
_PUT_DOWN_WORDS = frozenset("put down mark set save block out off note jot as in on my the calendar kalender".split())


def _all_day_named_by_kind(spec: Function, span: SpanCall, query: str, today: dt.date, lang: str | None) -> SpanCall:
    """A day-long event with no title, or with the request and its day copied as the title ("put the 28th down"),
    named by the kind of day the query says it is ("as a day off", "frei"); the day copied goes to its slot."""
    if not query or [p.type for p in spec.params] != _ALL_DAY_TYPES:
        return span
    title, first, last = span.phrases
    m = _AS_KIND.search(query)
    kind = m["name"] if m and _KIND_OF_DAY.search(m["name"]) else None
    if kind is None:
        m = _KIND_OF_DAY.search(query)
        kind = m[0] if m else None
    if not kind or (title and kind.lower() in str(title).lower()):
        return span
    if title:
        day = " ".join(w for w in str(title).split() if w.lower() not in _PUT_DOWN_WORDS - {"the", "on"})
        if first or not day or _value(ParamType.RANGE_START, day, today, lang) is None:
            return span
        first = day
    return SpanCall(span.function, (re.sub(r"(?i)^a\s+", "", kind), first, last))


# "I don't need the dentist appointment anymore", "den Zahnarzttermin brauch ich nicht mehr": a delete (which the
# assistant confirms first), that the model reads as nothing or as a find.
_NOT_NEEDED = re.compile(
    rf"^{_FILLERS}(?:i\s+(?:don't|do\s+not|no\s+longer)\s+need\s+(?P<en>(?:the|my)\s+(?!any\b)\S.*?)(?:\s+any\s*more)?"
    r"|(?P<de>(?:den|die|das|meinen|meine|mein)\s+\S.*?)\s+(?:brauch|brauche)\s+ich\s+nicht\s+mehr"
    r"|ich\s+(?:brauch|brauche)\s+(?P<de2>(?:den|die|das|meinen|meine|mein)\s+\S.*?)\s+nicht\s+mehr)"
    r"[.!\s]*$",
    re.IGNORECASE,
)


def _no_longer_needed(call: Call | NoCall, query: str, today: dt.date, lang: str | None) -> Call | NoCall:
    """No call or a find read from "I don't need X anymore" as the delete of X (on the day said after it)."""
    if not query or (isinstance(call, Call) and call.function != "find_event"):
        return call
    m = _NOT_NEEDED.match(query.strip())
    what = next((g for g in (m["en"], m["de"], m["de2"]) if g), None) if m else None
    words = _without_day_at_end(what, today, lang) if what else ""
    named = _event_named(words, today) if what else None
    if named is None or not _names_no_other_thing(named) or _event_named(named, today) is None:
        return call
    rest = str(what)[len(words) :]
    day = resolve_date(rest, today) if rest.strip() else None
    return Call("delete_event", {"title": clean_title(named), "date": None if day is None else day.isoformat()})


def _day_cancelled(call: Call | NoCall, today: dt.date, lang: str | None, query: str) -> Call | NoCall:
    """A delete whose title is only a day ("cancel tomorrow", "streich den Freitag") clears that day: every event
    on it, listed and confirmed first."""
    if not isinstance(call, Call) or call.function != "delete_event" or call.arguments.get("date") is not None:
        return call
    title = str(call.arguments.get("title") or "")
    plain = _only_day_words(title, named=False)  # "Neujahr" may be an event's name
    day = resolve_date(title, today) if title and plain else None
    if day is None:
        return call
    said = lang if lang in EVERY_EVENT else guess_lang(query)
    return Call("delete_event", {"title": EVERY_EVENT[said], "date": day.isoformat()})


# "delete every yoga class", "cancel all my piano lessons": a series named by its events, which the model may read
# as a new series "every yoga class"; the delete of the next one asks whether the whole series goes.
_DELETE_EVERY = re.compile(
    rf"^{_FILLERS}(?:please\s+|bitte\s+)?(?:delete|remove|cancel|lösch\w*|entfern\w*|streich\w*)\s+"
    r"(?:every|each|all(?:\s+(?:of\s+)?(?:my|the))?|alle(?:\s+(?:meine|die))?|jede[ns]?)\s+(?P<what>[^\W\d_].*?)[.!\s]*$",
    re.IGNORECASE,
)


def resolve_call(
    span: SpanCall, today: dt.date, lang: str | None = None, query: str = "", now: dt.time | None = None
) -> Call | NoCall:
    """Turn the model's span form into a validated call with ISO values. ``now`` (the time of day on ``today``)
    reads a start said from now ("in 20 Minuten"); without it such an event asks when.

    Raises a ``CallError`` that names the words it could not read, so the assistant can say so.
    """
    query = _mend_slips(query)
    if span.function is not None:
        span = SpanCall(span.function, tuple(None if p is None else _mend_slips(p) for p in span.phrases))
    span, rest = _starts_from_now(span, query, today, now)
    try:
        call = _resolve_call(span, today, lang, rest)
    except CallError as error:
        # "delete every event" read as a series "every event": what the request is, the reading is not; never a
        # day or time said that does not exist ("Termin am 31. Februar um 10 Uhr Zahnarzt"): that is said so
        if _impossible_value_said(error) or not query:
            raise
        every = _DELETE_EVERY.match(query.strip())
        if every and not _CLEAR_REQUEST.search(query) and _names_no_other_thing(every["what"]):
            return Call("delete_event", {"title": clean_title(every["what"]), "date": None})  # the series, asked
        if not (_CLEAR_REQUEST.search(query) or _NEXT_REQUEST.search(query) or _BARE_ADD.match(query)):
            raise
        call = NoCall()
    call = _question_as_look(
        _next_deleted(_cleared(_day_cancelled(call, today, lang, query), query, today, lang), query, lang), query, today
    )
    call = _day_stated(_looked_for(_bare_add(call, query, today, lang), query, today, lang), query, today)
    return _no_longer_needed(call, query, today, lang)


def _clock_alone(phrase: str, query: str, lang: str | None) -> str:
    """A clock copied with what follows it: a length ("elf Uhr dreistündig", "um 5 Uhr 2" of "um 5 Uhr 2
    Stunden": never 11:03 or 17:02) or, in German, the day said after it ("um 1 am 2030-07-13", "um halb sechs am
    Montag": "am" is no meridiem there)."""
    cut = re.sub(r"(?i)\s+\S+-?stündig\w*$", "", phrase.strip())
    at = _said_at(query, cut) if query else -1
    if at >= 0 and re.match(r"(?i)\s*(?:stunden?|std\.?|minuten?|min\.?|h)\b", query[at + len(cut) :]):
        cut = re.sub(r"\s+\S+$", "", cut)  # its last number is the length's
    if lang == "de":
        day = re.search(r"(?i)\s+am\s+(?P<day>\S.*)$", cut)
        clock_first = day is not None and re.search(r"\d", normalize(cut[: day.start()]))
        part_of_day = day is not None and re.match(rf"(?i){_DAY_PART_OF}\b", day["day"])  # "am Morgen": 6 a.m.
        if day and clock_first and not part_of_day and resolve_date(day["day"], dt.date(2000, 1, 1)) is not None:
            cut = cut[: day.start()]
    return cut or phrase


def _impossible_value_said(error: CallError) -> bool:
    """Whether the error is a date or time the person said in the form of one that does not exist ("am 31.
    Februar", "um 25 Uhr"), not words the model copied that name none."""
    phrase = str(error.values.get("phrase") or error.values.get("date") or "")
    if isinstance(error, InvalidDate):
        return bool(phrase) and names_a_value(ParamType.DATE, phrase)
    return isinstance(error, InvalidTime) and bool(phrase) and names_a_value(ParamType.TIME, phrase)


# Words the rules read that a slip of the fingers hides ("intead of", "lieebr morgen"), in the query and in the
# words copied from it alike: a letter left out (long words only), added, or two swapped; never the first letter.
# "lieber" only by a swap or a doubled letter ("liebe" is a word of its own).
_MENDED = {
    "instead": True,
    "lieber": False,
    "forward": True,
    "shift": False,
    "until": False,
    "bitte": False,
    "please": False,
}


def _one_swap(word: str, target: str) -> bool:
    """Whether the word is the target with two neighbouring letters after the first swapped."""
    return any(word == target[:i] + target[i + 1] + target[i] + target[i + 2 :] for i in range(1, len(target) - 1))


def _mend_slips(text: str) -> str:
    """The text with slips of the words in ``_MENDED`` typed right."""
    if not text:
        return text

    def mend(m: re.Match[str]) -> str:
        word = m[0]
        low = word.lower()
        for target, short_too in _MENDED.items():
            if low == target or low[0] != target[0] or abs(len(low) - len(target)) > 1:
                continue
            if len(low) < len(target) and not short_too:
                continue
            swapped = len(low) == len(target) == 5 and _one_swap(low, target)  # "shfit", "unitl"
            if _slip_of(low, target) or swapped:
                return target if word.islower() else target.capitalize()
        return word

    return re.sub(r"[^\W\d_]{5,9}", mend, text)


# "Erinnere mich in 20 Minuten an den Kuchen", "remind me in an hour to call mom", "add a call with Bob in 15
# minutes": a start said from now. v25 copies it as the event's length (a 20-minute "Kuchen" asked "when?").
_FROM_NOW = re.compile(
    r"(?i)\b(?:in|within|innerhalb\s+von)\s+(?P<amount>(?:\S+\s+){0,2}?"
    r"(?:minuten?|minutes?|mins?|min\.|stunden?|hours?|std\.?))(?!\s+(?:lang|long|before|vorher|früher))\b"
)


def _starts_from_now(span: SpanCall, query: str, today: dt.date, now: dt.time | None) -> tuple[SpanCall, str]:
    """A new timed event whose start is said from now: the length copied from those words goes (the default
    length stays), and with ``now`` the start is now plus that much (tomorrow when it passes midnight). The
    query comes back without those words, so that no later reading takes them for a length again."""
    if span.function is None or not query:
        return span, query
    spec = function_by_name(span.function)
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    types = {p.name: p.type for p in spec.params}
    if not _makes_one_event(spec) or ParamType.TIME not in types.values() or ParamType.MINUTES not in types.values():
        return span, query
    found = _FROM_NOW.search(query)
    minutes = resolve_duration(found["amount"]) if found else None
    if found is None or not minutes:
        return span, query
    rest = f"{query[: found.start()].rstrip()} {query[found.end() :].lstrip()}".strip()
    phrases = dict(said)
    length = next(n for n, t in types.items() if t is ParamType.MINUTES)
    clock = next(n for n, t in types.items() if t is ParamType.TIME)
    day = next((n for n, t in types.items() if t is ParamType.DATE), None)
    copied, said_clock = phrases[length], phrases[clock]
    if copied and (copied.lower() in found[0].lower() or found[0].strip().lower() in copied.lower()):
        phrases[length] = None  # "20 Minuten" of "in 20 Minuten" (or "in 20 minutes to") is when, not how long
    if said_clock and said_clock.lower() not in found[0].lower():
        return SpanCall(span.function, tuple(phrases.values())), rest  # a clock time said too: it is the start
    phrases[clock] = None
    if now is not None:
        start = dt.datetime.combine(today, now) + dt.timedelta(minutes=minutes)
        phrases[clock] = f"{start:%H:%M}"
        said_day = phrases[day] if day is not None else None
        if day is not None and (not said_day or resolve_date(said_day, today) == today):
            phrases[day] = start.date().isoformat()
    return SpanCall(span.function, tuple(phrases.values())), rest


# "clear my calendar for Saturday", "erase all the events", "lösche alle Termine am Freitag", "mach meinen Kalender
# für Samstag frei": a request to delete every event of a day. The model reads most of these as a listing of that
# day (nothing in its training deletes more than one event); the assistant lists the day and asks before it
# deletes anything.
_CLEAR_VERB_EN = r"(?:clear|clean|erase|wipe|delete|remove|cancel|scrap|drop|empty|reset|get\s+rid\s+of)"
# "erase all calendar events", "clear every single event", "clear current calendar" (MASSIVE en train, unseen)
_EVERY_EN = (
    r"(?:(?:all|every)(?:\s+single)?(?:\s+of)?(?:\s+(?:the|my))?(?:\s+(?:scheduled|planned|upcoming|calendar))?\s+"
    r"(?:events?|appointments?|entries|dates|plans|things)|everything|(?:(?:my|the)\s+)?(?:whole\s+|entire\s+"
    r"|current\s+)(?:calendar|schedule|agenda)|(?:my|the)\s+(?:calendar|schedule|agenda)|the\s+events"
    r"|(?:(?:my|the)\s+)?calendar\s+(?:events|entries|appointments))"  # "remove calendar events"
)
_CLEAR_VERB_DE = (
    r"(?:lösch\w*|entfern\w*|streich\w*|leer\w*|storniere?|sag\w*(?=.*\bab(?:\W*$|\s+und\b))|mach\w*(?=.*\bfrei\W*$)|"
    r"räum\w*(?=.*\b(?:frei|leer|auf)\W*$)|cancel\w*)"
)
_EVERY_DE = (
    r"(?:alle(?:\s+(?:meine|unsere|die))?(?:\s+(?:geplanten|anstehenden|kommenden))?\s+"
    r"(?:termine|einträge|veranstaltungen|ereignisse|verabredungen)|alles|(?:meinen|den)\s+(?:ganzen\s+)?"
    r"(?:kalender|terminkalender)|mein\s+(?:ganzer\s+)?(?:kalender|terminkalender))"  # "lösche mein kalender": a slip
)
_GAP = (  # never a title; the day may stand between ("sag morgen alles ab")
    r"(?:(?:please|out|off|up|all|of|bitte|mal|mir|uns|doch|bloß|einfach|heute|morgen|übermorgen|today|tomorrow)\s+){0,2}"
)
# "remove all appointments with the dentist", "alle Termine mit Anna löschen": some events, named
_SOME_NAMED = r"(?!\s+(?:with|about|called|named|mit|namens|zum|zur|von|bei|beim)\b)"
_CLEAR_REQUEST = re.compile(
    rf"\b{_CLEAR_VERB_EN}\s+{_GAP}{_EVERY_EN}\b{_SOME_NAMED}|\b{_CLEAR_VERB_DE}\s+{_GAP}{_EVERY_DE}\b{_SOME_NAMED}"
    rf"|\b{_EVERY_DE}\b{_SOME_NAMED}.*\b(?:löschen|entfernen|streichen|absagen|stornieren|zurücksetzen|leeren)\b",
    re.IGNORECASE,
)
#: The title of a delete that names every event of its day, by language; ``names_every_event`` tells it.
EVERY_EVENT = {"de": "alle Termine", "en": "all events"}


def _is_one_of(titles: dict[str, str], title: str | None) -> bool:
    return title is not None and title.strip().lower() in {t.lower() for t in titles.values()}


def names_every_event(title: str | None) -> bool:
    """Whether a delete's title is the one that stands for every event of its day (``EVERY_EVENT``)."""
    return _is_one_of(EVERY_EVENT, title)


def _cleared(call: Call | NoCall, query: str, today: dt.date, lang: str | None) -> Call | NoCall:
    """A call read from a request to clear a day, as the delete of every event on it. Only for one day or none
    said (the day is then asked); a span of days, a part of a day ("nach 15 Uhr") or a named event stay as
    read: the assistant deletes no more than one day at a time, each time after asking."""
    if not query or not _CLEAR_REQUEST.search(query) or names_a_value(ParamType.TIME, query, lang):
        return call
    if isinstance(call, Call) and call.function == "list_events":
        first, last = call.arguments.get("date"), call.arguments.get("end_date")
        if first != last:
            return call
        day = first if resolve_date(query, today) is not None else None  # a listing's day defaults to today
    elif isinstance(call, Call) and call.function == "delete_event":
        day = call.arguments.get("date")
    elif isinstance(call, NoCall):
        found = resolve_date(query, today)
        day = None if found is None else found.isoformat()
    else:
        return call
    said = lang if lang in EVERY_EVENT else guess_lang(query)
    return Call("delete_event", {"title": EVERY_EVENT[said], "date": day})


# "remove my next event", "entferne mein nächstes Ereignis", "lösche den nächsten Termin": the delete of the next
# upcoming event, whatever its title (the model lists or declines these). Only the generic nouns: "cancel my next
# meeting" names meetings and stays the delete of a "meeting".
_NEXT_REQUEST = re.compile(
    rf"\b(?:{_CLEAR_VERB_EN}|lösch\w*|entfern\w*|streich\w*|storniere?|sag\w*(?=.*\bab\W*$))\s+{_GAP}"
    r"(?:(?:my|the|mein(?:en|e)?|den|die|das)\s+)?(?:very\s+)?"
    r"(?:next|upcoming|succeeding|following|nächste[nrs]?|kommende[nrs]?|nachfolgende[nrs]?|anstehende[nrs]?)\s+"
    r"(?:(?:scheduled|planned|geplanten?)\s+)?"
    r"(?:events?|appointments?|activity|entry|item|termin|ereignis|veranstaltung|eintrag|aktivität)\b"
    r"(?!\s+(?:with|about|called|named|mit|namens|zum|zur|von|bei|beim|on|am|at|um|in|im)\b"
    r"(?!\s+(?:(?:my|the|meinem|dem)\s+)?(?:calendar|schedule|kalender)\b))",  # "... on my calendar": where it is
    re.IGNORECASE,
)
#: The title of a delete that names the next upcoming event, whatever it is called (``names_next_event``).
NEXT_EVENT = {"de": "nächster Termin", "en": "next event"}


def names_next_event(title: str | None) -> bool:
    """Whether a delete's title is the one that stands for the next upcoming event (``NEXT_EVENT``)."""
    return _is_one_of(NEXT_EVENT, title)


def _next_deleted(call: Call | NoCall, query: str, lang: str | None) -> Call | NoCall:
    """Any reading of a request to delete "my next event" as the delete of the next upcoming one (the dialog
    names it and asks first)."""
    if not query or not _NEXT_REQUEST.search(query):
        return call
    said = lang if lang in NEXT_EVENT else guess_lang(query)
    return Call("delete_event", {"title": NEXT_EVENT[said], "date": None})


# An assistant's name said before the request ("alexa, ...", "google calendar add event ..."), as the rules below
# read it.
_SAID_TO = rf"(?:(?:{_ASSISTANT_NAME}|google(?:\s+calendar)?)[,.!]?\s+)?"
# "add an event to my calendar", "can you create an appointment for Friday", "füge einen Termin zu meinem Kalender
# hinzu", "neuer Termin morgen um 10", "einen Termin eintragen": a request to add an event that names no event. The
# model lists today for most of them or copies the noun as the title; the person wants to add one, and is asked
# what (MASSIVE en/de train rows the model never saw, 2026-12-06). "add an appointment with the dentist", "new
# event: review with Tom" name it and are not this.
_GENERIC_EVENT = (
    r"(?:(?:calendar|kalender)\s*)?(?:events?|appointments?|entry|entries|items?|termine?|eintrag|einträge"
    r"|ereignis(?:se)?|veranstaltung(?:en)?|kalendereintrag)"
)
_SOME = r"(?:(?:an?|the|this|that|one|another|new|my|einen?|eine|neue[nrs]?|diese[nrs]?|den|das|die)\s+){0,2}"
# The verbs that ask to add, said first ("add", "trag") or last ("hinzufügen", "eintragen").
_ADD_FIRST = (
    r"add|create|make|set|schedule|enter|put|insert|write|book|füg|füge|trag|trage|schreib|schreibe|leg|lege|erstell"
    r"|erstelle|mach|mache|notier|notiere"
)
_ADD_LAST = r"hinzufügen|eintragen|erstellen|anlegen|machen|einstellen|notieren|ansetzen"
_ADD_SAID_LAST = re.compile(rf"(?i)\b(?:{_ADD_LAST})\W*$")
_BARE_ADD = re.compile(
    rf"^{_FILLERS}{_SAID_TO}"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|i(?:'d|\s+would)\s+like\s+(?:you\s+)?to\s+"
    r"|i\s+(?:want|need)\s+(?:you\s+)?to\s+|please\s+|let'?s\s+|(?:kannst|könntest)\s+du\s+(?:bitte\s+|mal\s+)*"
    r"|ich\s+(?:möchte|will|muss|würde\s+gerne?)\s+|bitte\s+)?"
    rf"(?:(?:{_ADD_FIRST}|new|neue[rns]?)\s+(?:(?:me|up|mir|bitte|mal)\s+)*)?"  # "set up" by the "up"
    rf"{_SOME}{_GENERIC_EVENT}\b(?P<rest>.*?)"
    rf"(?:\s+(?:hinzu|ein|an|{_ADD_LAST}))?"
    r"[\s.!?]*$",
    re.IGNORECASE,
)
# The request said, not only an event named: "events tomorrow", "Termine am Montag", "new events this week" ask.
_ADD_VERB_SAID = re.compile(
    rf"\b(?:{_ADD_FIRST}|{_ADD_LAST})\b|^\W*(?:new\s+(?:calendar\s+)?(?:event|appointment|entry)|neue[rs]?\s+(?:termin|eintrag"
    r"|ereignis|kalendereintrag)|neue\s+veranstaltung)\b",
    re.IGNORECASE,
)
_IN_THE_CALENDAR = re.compile(
    r"\b(?:(?:to|in|into|on|onto|for|zu|in|im|auf|für)\s+)?(?:(?:my|the|me|mein|meinem|meinen|meiner|den|dem|mich)\s+)?"
    r"(?:(?:google|outlook)\s+)?(?:calendar|kalender|terminkalender|kalendar)\b|\b(?:for\s+me|please|bitte|mal)\b",
    re.IGNORECASE,
)


def _bare_add(call: Call | NoCall, query: str, today: dt.date, lang: str | None) -> Call | NoCall:
    """Any reading of a request to add an event that names none, as a create whose title is asked, with the day
    and time said, if any (a span of days or words that are no day or time leave the reading as it was)."""
    m = _BARE_ADD.match(query.strip()) if query else None
    if m is None or not _ADD_VERB_SAID.search(query):
        return call
    rest = _IN_THE_CALENDAR.sub(" ", m["rest"]).strip(" ,.!?")
    if rest and not _says_nothing(rest):
        return call
    day = time = None
    if rest:
        span = resolve_date_range(rest, today)
        if span is not None and span[0] != span[1]:
            return call
        found_day, time = resolve_date(rest, today), resolve_time(rest, lang, context=query)
        if found_day is None and time is None:
            return call
        day = None if found_day is None else found_day.isoformat()
    spec = function_by_name("create_event")
    arguments = {"title": None, "date": day, "time": None if time is None else time.strftime("%H:%M")}
    return Call(spec.name, spec.fill_defaults(arguments, today))


# "morgen hab ich Homeoffice", "am Freitag bin ich krank", "nächsten Montag bin ich in Hamburg", "friday I'm off
# sick": what a day is, stated (German puts the day first, then the verb), which the model may read as the question
# "hab ich morgen ...?" (a listing) or as nothing. Said with a question mark or of time one has, it stays.
_DAY_STATED = re.compile(
    rf"^{_FILLERS}(?P<day>\S[^,?]*?),?\s+"
    r"(?:(?P<have>(?:hab|habe)\s+ich|i\s+have|i've\s+got)|bin\s+ich|i'm|i\s+am)\s+"
    r"(?P<where>(?:auf|in|im|at)\s+)?(?:(?:einen|eine|ein|a|an)\s+)?(?P<what>[^\W\d_][^?]*?)[.!\s]*$",
    re.IGNORECASE,
)
# "ich hab frei von Heiligabend bis zum 2. Januar", "wir haben Urlaub nächste Woche": the kind of day, then its days
_KIND_THEN_DAYS = re.compile(
    rf"^{_FILLERS}(?:ich\s+(?:hab|habe|bin)|wir\s+(?:haben|sind))\s+(?P<rest>.+?)[.!\s]*$", re.I
)
# "mark Saturday as a holiday", "markier den Freitag als Urlaubstag" (the model may decline these)
_DAY_MARKED = re.compile(
    rf"^{_FILLERS}(?:(?:can|could)\s+you\s+|please\s+|bitte\s+)?(?:mark|set|put|markier\w*|trag\w*)\s+(?P<day>\S.*?)"
    r"\s+(?:down\s+)?(?:as|als)\s+(?:(?:a|an|my|ein|einen|eine[nm]?|mein\w*)\s+)?(?P<what>[^\W\d_][^,.;!?]*?)"
    r"(?:\s+(?:ein|an))?[.!\s]*$",
    re.IGNORECASE,
)
_NO_DAY_STATED = re.compile(
    r"(?i)\b(?:was|etwas|nichts|zeit|termine?|keine[nm]?|viel|los|free|busy|time|anything|nothing|plans?|frei\s+\w+)\b"
)


# A statement of what one did or what happened: a past participle or a second clause ("... gesucht und konnte ...").
_DONE_STATED = re.compile(
    r"(?i)\b(?:ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]+iert|bekommen|erhalten|verloren|vergessen|gefunden|been|had|got|seen"
    r"|und|and|aber|but|konnte|could|bitte|please|erinner\w*|remind)$|\b(?:und|and|aber|but|konnte|could)\b"
)


_DAY_WORDS_ONLY = (
    frozenset(WEEKDAY_WORDS)
    | frozenset(MONTH_WORDS)
    | frozenset(
        "today tomorrow heute morgen übermorgen next this coming nächste nächsten nächster nächstes kommende "
        "kommenden diese diesen dieser dieses am on im in the der den dem die vom von from bis zum to until through "
        "week woche weekend wochenende month monat ganze ganzen whole all day tag".split()
    )
)


def _only_day_words(text: str, named: bool = True) -> bool:
    """Whether the words say a day and nothing else ("next Monday", "den 2. Januar", "today"; with ``named``, a
    feast's name too: "Heiligabend")."""
    return all(
        w in _DAY_WORDS_ONLY or (named and w in _NAMED_DAY_WORDS) or any(c.isdigit() for c in w)
        for w in normalize(text).split()
    )


_NAMED_DAY_WORDS = frozenset(w for name in (*HOLIDAYS, *MOVABLE) for w in name.split())


def _day_and_kind(query: str, today: dt.date, listed: bool = False) -> Call | None:
    """ "Freitag Homeoffice", "Urlaub nächste Woche", "sick day tomorrow": a kind of day and the day, nothing else
    said: that day-long event (``listed``: where the model read a listing, a kind of day only, not an event)."""
    kind = _KIND_OF_DAY.search(query) or (None if listed else _LASTS_A_DAY.search(query))
    if kind is None:
        return None
    start = query.rfind(" ", 0, kind.start()) + 1
    end = (query.find(" ", kind.end()) + 1 or len(query) + 1) - 1  # the whole word: "Urlaubstag", "Homeoffice"
    title, day = query[start:end].strip(" ,.!?"), f"{query[:start]} {query[end:]}".strip(" ,.!?")
    if not day or not title or _value(ParamType.RANGE_START, day, today, None) is None:
        return None
    if not _only_day_words(day):
        return None  # "Urlaub buchen für Freitag": more than a day said
    days = resolve_date_range(day, today)
    if days is None:
        return None
    spec = function_by_name("create_all_day_event")
    arguments = {"title": title, "date": days[0].isoformat(), "end_date": days[1].isoformat()}
    return Call(spec.name, spec.fill_defaults(arguments, today))


def _day_stated(call: Call | NoCall, query: str, today: dt.date) -> Call | NoCall:
    """A listing or no call read from a statement of what a day is ("morgen hab ich Homeoffice", "mark Saturday as
    a holiday") as the day-long event it states, or, an appointment stated ("am Freitag hab ich Zahnarzt"), the new
    event whose time is asked."""
    if not query or "?" in query:
        return call
    if isinstance(call, Call) and call.function == "create_event" and call.arguments.get("time") is None:
        return _day_and_kind(query, today) or call  # "sick day tomorrow": no time to ask
    if isinstance(call, Call) and call.function != "list_events":
        return call
    marked = _DAY_MARKED.match(query.strip())
    days = resolve_date_range(marked["day"], today) if marked else None
    # "mark today as the start of my diet": any name, where what is marked is a day and nothing else
    if marked and days is not None and _only_day_words(marked["day"]) and _names_no_other_thing(marked["what"]):
        spec = function_by_name("create_all_day_event")
        title = re.sub(r"(?i)^(?:the|den|die|das)\s+", "", marked["what"])
        arguments = {"title": title, "date": days[0].isoformat(), "end_date": days[1].isoformat()}
        return Call(spec.name, spec.fill_defaults(arguments, today))
    said_first = _KIND_THEN_DAYS.match(query.strip())
    kind = _KIND_OF_DAY.match(said_first["rest"]) if said_first else None
    if said_first and kind:  # "ich hab frei von Heiligabend bis zum 2. Januar"
        days, when = resolve_date_range(said_first["rest"][kind.end() :], today), said_first["rest"][kind.end() :]
        if days is not None and _only_day_words(when.replace(".", " ")):
            spec = function_by_name("create_all_day_event")
            arguments = {"title": kind[0], "date": days[0].isoformat(), "end_date": days[1].isoformat()}
            return Call(spec.name, spec.fill_defaults(arguments, today))
    # read as a listing only a kind of day ("die nächste Woche frei."): "Tagungen im März" asks for them
    bare = _day_and_kind(query, today, listed=isinstance(call, Call))
    if bare is not None:
        return bare
    m = _DAY_STATED.match(query.strip())
    if m is None or _NO_DAY_STATED.search(m["what"]):
        return call
    days = resolve_date_range(m["day"], today)
    if days is None or _event_named(m["day"], today) is not None or _CLOCK_SAID.search(normalize(m["day"])):
        return call  # "der Zahnarzt hab ich ...": the first words are no day; "morgen um fünf hab ich": a time too
    what = m["what"].strip()
    if _DONE_STATED.search(what) or not _names_no_other_thing(what):
        return call  # "heute habe ich eine Bulldogge gesehen": what happened, no event
    if _LASTS_A_DAY.search(what) or _KIND_OF_DAY.search(what) or m["where"]:
        spec = function_by_name("create_all_day_event")
        arguments = {"title": what, "date": days[0].isoformat(), "end_date": days[1].isoformat()}
        return Call(spec.name, spec.fill_defaults(arguments, today))
    if not m["have"] or days[0] != days[1]:
        return call
    spec = function_by_name("create_event")
    return Call(spec.name, spec.fill_defaults({"title": what, "date": days[0].isoformat(), "time": None}, today))


# "habe ich am Montag um zehn das Meeting mit Jan", "gibt es morgen ein Treffen um zehn", "bin ich am Sonntag um
# fünf erreichbar", "do I have a party tomorrow at 8": a question whether something is on (German puts the verb
# first), which the model reads as a new event when a time is said. Never with a request said ("... dann trag es
# ein", "remind me"); "ist"/"is" start statements too ("Ist eingetragen: ...") and are left.
_YES_NO_QUESTION = re.compile(
    rf"^{_FILLERS}{_SAID_TO}"
    r"(?:hab(?:e)?\s+ich|bin\s+ich|gibt\s+es|do\s+i\s+have|have\s+i\s+got|am\s+i|is\s+there|are\s+there)\b",
    re.IGNORECASE,
)
_REQUEST_SAID = re.compile(r"(?i)\b(?:remind|erinner\w*|note|save|speicher\w*)\b")


# "morgige Veranstaltungen anzeigen", "zeig mir die Tagungen im März", "show me the party on friday", "lies mir die
# Informationen zu dem Termin am 19. März vor": a look asked in so many words, which the model may read as a new
# event ("Show at the Apollo tomorrow at 8" names a show).
_LOOK_ASKED = re.compile(
    rf"^{_FILLERS}{_SAID_TO}(?:(?:can|could|would)\s+you\s+)?"
    r"(?:(?:show|display|list)\s+(?:me|my|us|all|the|information|info|details)\b"
    # "read me tomorrow's events", never "Read the meter at the end of the month" (a to-do)
    r"|read\s+(?:me|us|out|my|all|(?:the\s+)?(?:information|info|details|events?|appointments?|schedule|calendar|agenda))\b"
    r"|(?:zeig|zeige)\s+(?:mir|mal|meine|uns|alle|die|den)\b"
    r"|lies\b.*\bvor\W*$)|\b(?:anzeigen|auflisten|aufzählen|vorlesen)\W*$",
    re.IGNORECASE,
)
# "was mach ich am montag", "Was machen wir am Wochenende?", "what am I doing on Friday": what is planned, asked
_DOING_ASKED = re.compile(
    rf"^{_FILLERS}(?:und\s+|and\s+)?(?:was\s+(?:mach|mache|machen|tu|tue|tun)\s+(?:ich|wir)"
    r"|what\s+(?:am\s+i|are\s+we)\s+doing)\s+(?:(?:denn|eigentlich|so|then)\s+)?"
    r"(?:am|an|on|this|next|diese\w*|nächst\w*|heute|morgen|übermorgen|today|tomorrow|tonight)\b[^,;]*\W*$",
    re.IGNORECASE,
)
# "ist Jimmies Party am Freitag abgesagt", "is the yoga class canceled": whether it is off, asked, not said.
_OFF_ASKED = re.compile(
    rf"^{_FILLERS}(?:is|ist|was|wurde|has|hat|did|wird)\b.*\b(?:cancell?ed|abgesagt|called\s+off|off|ausgefallen"
    r"|gestrichen)\W*$",
    re.IGNORECASE,
)


# "what's my next appointment", "wann ist mein nächster Termin", "what's next on my calendar": the next event,
# whatever it is (v25 listed today); "my next appointment with Dr. Smith" names one, "the next train" is nobody's.
_NEXT_ASKED = re.compile(
    rf"^{_FILLERS}(?:(?:tell|show)\s+me\s+|sag\s+mir\s+|zeig\s+mir\s+)?"
    r"(?:what(?:'?s|\s+is)|when(?:'?s|\s+is)|what\s+time\s+is|at\s+what\s+time\s+is|where(?:'?s|\s+is)|was\s+ist|wann\s+ist"
    r"|um\s+wie\s*viel\s+uhr\s+ist|um\s+welche\s+uhrzeit\s+ist|wo\s+ist)\s+"
    r"(?:(?:my|mein)\s+(?:very\s+)?(?:next|upcoming|nächster|kommender|nächstes)\s+(?:events?|appointments?|termin|eintrag"
    r"|ereignis)|next\s+(?:on|in)\s+my\s+(?:calendar|schedule|agenda))\W*$"
    rf"|^{_FILLERS}(?:what(?:'?s|\s+is)\s+(?:up\s+)?next|was\s+steht\s+als\s+nächstes\s+an"
    r"|was\s+kommt\s+(?:als\s+)?nächstes|was\s+ist\s+als\s+nächstes\s+dran)\W*$",
    re.IGNORECASE,
)
# "when am I seeing Priya", "when do I meet Tom", "wann sehe ich Oma wieder": when the event with them is.
_WHEN_SEEING = re.compile(
    rf"^{_FILLERS}(?:when|wann)\s+(?:am\s+i\s+(?:seeing|meeting)|do\s+i\s+(?:see|meet)|will\s+i\s+(?:see|meet)"
    r"|sehe?\s+ich|treffe?\s+ich"
    # "wann muss ich das Auto abholen": the to-do, named by what is to be done
    r"|(?:muss|soll|sollte)\s+ich(?=\s+(?:den|die|das|dem|meinen|meine|mein)\s)"
    # "wann fliege ich nach Mallorca", "when do I fly to Lisbon": the trip, asked by where it goes
    r"|(?:fliege?|fahre?|reise?)\s+ich(?=\s+(?:nach|in|zu|zum|zur|an)\b)|(?:do|will)\s+i\s+(?:fly|leave|travel|go)"
    r"(?=\s+(?:to|for)\b)|am\s+i\s+(?:flying|leaving|travelling|traveling|going)(?=\s+(?:to|for)\b))"
    r"\s+(?P<what>\S.*?)(?:\s+(?:again|next|wieder|das\s+nächste\s+mal|next\s+time))?\W*$",
    re.IGNORECASE,
)
# "what time is my flight on Friday", "um wie viel Uhr ist mein Zahnarzttermin": when one's own event is (never "what
# time does the post office close").
_WHAT_TIME_IS = re.compile(
    rf"^{_FILLERS}(?:(?:what\s+time\s+(?:is|does)|what\s+time's|(?:um\s+)?wie\s*viel\s+uhr\s+(?:ist|beginnt|fängt)"
    r"|wann\s+genau\s+(?:ist|beginnt|fängt))\s+(?P<what>(?:my|our|mein\w*|unser\w*)\s+\S.*?)(?:\s+(?:start|begin|an))?"
    # "what time does the gala start", "um wieviel Uhr fängt das Galadinner an": an event, by its beginning
    r"|what\s+time\s+(?:does|will)\s+(?P<starts>the\s+\S.*?)\s+(?:start|begin)(?P<starts_on>\s+(?:on|this|next|today"
    r"|tomorrow|tonight)\b.*?)?"
    r"|(?:(?:um\s+)?wie\s*viel\s+uhr|wann)\s+fängt\s+(?P<an>(?:der|die|das)\s+\S.*?)\s+an"
    r"|(?:(?:um\s+)?wie\s*viel\s+uhr|wann)\s+beginnt\s+(?P<beginnt>(?:der|die|das)\s+\S.*?))\W*$",
    re.IGNORECASE,
)


# "sag mir, wann die Heizungswartung ist", "tell me when the school play is": when an event is, asked as a clause
_WHEN_CLAUSE = re.compile(
    rf"^{_FILLERS}(?:sag|sage|verrat|verrate|tell)\s+(?:mir|me|uns|us)(?:\s+(?:bitte|mal|please))*,?\s+(?:wann|when)\s+"
    r"(?!(?:es|it|er|sie|das|dies|this|that|there|man|ich|du|wir|i|you|we|they)\b)(?P<what>\S.*?)\s+"
    r"(?:ist|is|stattfindet|anfängt|beginnt|starts|begins)\W*$",
    re.IGNORECASE,
)


def _without_day_at_end(what: str, today: dt.date, lang: str | None) -> str:
    """The words asked about without the day said after them ("flight on Friday": "flight")."""
    words = what.split()
    at, _ = _value_at_end(words, [ParamType.RANGE_START], today, lang) if len(words) > 1 else (-1, -1)
    if at < 0 and len(words) > 2 and words[-1].isdigit():  # "das Theater am 12." asked without its full stop
        at, _ = _value_at_end([*words[:-1], f"{words[-1]}."], [ParamType.RANGE_START], today, lang)
    if at > 0:
        words = words[:at]
        while len(words) > 1 and words[-1].lower() in _DANGLING_BEFORE_DAY:
            words.pop()
    # a trip asked by where it goes ("to Lisbon", "nach Mallorca"): the place names it
    if len(words) > 1 and words[0].lower() in {"to", "for", "nach", "zu", "zum", "zur"}:
        words = words[1:]
    return " ".join(words)


_DANGLING_BEFORE_DAY = frozenset("on at am um this next coming in im for für diesen nächsten kommenden".split())


def _looked_for(call: Call | NoCall, query: str, today: dt.date, lang: str | None) -> Call | NoCall:
    """A listing, a find or no call read from a question for the next event ("what's my next appointment") is the
    find of the next event (``NEXT_EVENT``, which the dialog answers whatever its title); one read from a question
    when one sees someone ("when am I seeing Priya") is the find of them."""
    if not query or (isinstance(call, Call) and call.function not in ("list_events", "find_event")):
        return call
    if _NEXT_ASKED.match(query.strip()):
        said = lang if lang in NEXT_EVENT else guess_lang(query)
        return Call("find_event", {"title": NEXT_EVENT[said]})
    seeing = (
        _WHEN_SEEING.match(query.strip()) or _WHAT_TIME_IS.match(query.strip()) or _WHEN_CLAUSE.match(query.strip())
    )
    asked = seeing and next(g for g in seeing.groupdict().values() if g)
    what = _event_named(_without_day_at_end(asked, today, lang), today) if asked else None
    if what is not None and not _names_no_other_thing(what):
        return call  # "what time is my alarm set for", "my domino's order"
    if what is None or what.lower() in _NOT_SEEN:
        return call
    if isinstance(call, Call) and call.function == "find_event" and what.lower() not in call.arguments["title"].lower():
        return call  # the model's find is the fewer words ("seeing seeing meeting with steve": "meeting with steve")
    return Call("find_event", {"title": what})


_NOT_SEEN = frozenset("you it that this him her them ihn sie es dich ihr".split())


def _question_as_look(call: Call | NoCall, query: str, today: dt.date) -> Call | NoCall:
    """A new event read from a yes/no question whether it is on or from a look asked in so many words, and a
    delete read from a question whether it is off, as the look at its day (the listing shows whether it is there)
    or, no day said, the find of it."""
    if not isinstance(call, Call) or not query or not _asks_to_look(call.function, query.strip()):
        return call
    first, last = call.arguments.get("date"), call.arguments.get("end_date")
    title = call.arguments.get("title")
    if first is None and (title is None or _says_nothing(title) or _names_events_in_general(title)):
        found = resolve_date_range(query, today)  # "morgige Veranstaltungen anzeigen": the day is in the title
        if found is not None:
            first, last = found[0].isoformat(), found[1].isoformat()
    if first is not None:
        spec = function_by_name("list_events")
        return Call(spec.name, spec.fill_defaults({"date": first, "end_date": last or first}, today))
    return call if title is None else Call("find_event", {"title": title})


def _asks_to_look(function: str, query: str) -> bool:
    """Whether a reading by ``function`` is of a question or a look: a delete of "is X cancelled", a move of a look
    asked in words ("lies mir die Informationen zu dem Termin am 19. März um 14 Uhr vor": no new day or time asked),
    a new event of a look or of a yes/no question with no request said."""
    look = bool(_LOOK_ASKED.search(query)) and not _ADD_VERB_SAID.search(query)
    if function == "delete_event":
        return bool(_OFF_ASKED.match(query))
    if function == "move_event":
        return look
    if function not in ("create_event", "create_all_day_event"):
        return False
    asked = _YES_NO_QUESTION.match(query) and not _ADD_VERB_SAID.search(query) and not _REQUEST_SAID.search(query)
    return look or bool(asked) or bool(_DOING_ASKED.match(query))


_ANY_DAY = dt.date(2026, 1, 1)  # a day to ask whether a word names one, whatever day it is
# Events in general, named by no title ("morgige Veranstaltungen", "tomorrow's events").
_EVENTS_AT_ALL = _EVENTS_IN_GENERAL | frozenset(
    "veranstaltungen termine events ereignisse tagungen meetings treffen einträge".split()
)


def _names_events_in_general(title: str) -> bool:
    """Whether a title is only a day and events in general ("morgige Veranstaltungen", "tomorrow's events")."""
    words = [w.lower() for w in re.findall(r"[^\W_]+", title)]
    return bool(words) and all(w in _EVENTS_AT_ALL or _says_nothing(w) or resolve_date(w, _ANY_DAY) for w in words)


# "Take next Friday off", "Nächsten Freitag frei nehmen": the day taken off, a day-long event (as "I'm off from the
# 23rd to the 2nd"); v25 deleted "next Friday off" and made an event without a title.
_DAY_OFF = re.compile(
    r"(?i)^\W*(?:(?:please|bitte|i'?ll|i\s+will|i'?m|i\s+am|i\s+want\s+to|i\s+wanna)\s+)?"
    r"(?:take|taking|(?:i\s*)?(?:have|have\s+got|'ve\s+got|got|get))\s+"
    r"(?:(?:the|a)\s+day\s+(?P<off2>off)\s+(?P<after>.+?)|(?P<en>.+?)\s+(?P<off>off))\W*$"
    r"|^\W*(?:(?:ich|bitte)\s+)?(?:nehme?\s+)?(?:mir\s+)?(?P<de>.+?)\s+(?P<frei>frei)\s*(?:nehmen|machen)?\W*$"
    # "Off sick today", "I'm out sick until Friday", "Ich bin bis Freitag krankgeschrieben": days one is ill
    r"|^\W*(?:(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be)\s+)?(?P<sick>(?:off|out)\s+sick)\s+(?P<sick_days>.+?)\W*$"
    r"|^\W*(?:ich\s+bin\s+|bin\s+)?(?P<krank_days>.+?)\s+(?P<krank>krankgeschrieben)\W*$"
)


# "I can't make the hairdresser on Thursday, put it on Friday at 5 pm", "Ich schaff den Friseur am Donnerstag nicht,
# mach ihn auf Freitag 17 Uhr": the event one cannot go to (and its day) and where it goes, said in two clauses.
_CANNOT_MAKE_IT = re.compile(
    r"(?i)^\W*(?:(?:i|we)\s+(?:can'?t|cannot|can\s+not|won'?t\s+be\s+able\s+to)\s+(?:make|do|attend|go\s+to)\s+"
    r"(?P<what>.+?),?\s+(?:so\s+)?(?:please\s+)?(?:put|move|push|make|shift|change|bump|do)\s+it\s+"
    r"(?P<new>(?:to|on|for|at|until|till)\s+\S.*?)"
    r"|(?:ich|wir)\s+(?:schaff\w*|kann|können)\s+(?P<was>.+?)\s+nicht(?:\s+[^\W\d_]+)?,?\s+(?:also\s+)?(?:bitte\s+)?"
    r"(?:mach|leg|schieb|verschieb|verleg|pack|setz)\w*\s+(?:ihn|sie|es|das)\s+(?:bitte\s+|doch\s+|mal\s+)*"
    r"(?P<neu>auf\s+\S.*?))\W*$"
)
_OWN_ARTICLE = re.compile(r"(?i)^(?:the|my|our|den|die|das|meinen|meine|mein|unseren|unsere|unser)\s+(?=\S)")


def _cannot_make_it(
    spec: Function, span: SpanCall, query: str, today: dt.date, lang: str | None
) -> tuple[Function, SpanCall]:
    """Any reading of an event one cannot go to and where it goes instead as that move (v25 made a new event of
    "I can't make the hairdresser on Thursday, put it on Friday at 5 pm", titled "can't make the hairdresser")."""
    move = next((f for f in FUNCTIONS if _moves_an_event(f)), None)
    m = _CANNOT_MAKE_IT.match(query) if query else None
    if m is None or move is None:
        return spec, span
    what, new = (m["what"], m["new"]) if m["what"] else (m["was"], m["neu"])
    title = _without_day_at_end(what, today, lang)
    day = what[len(title) :].strip(" ,") or None
    title = _OWN_ARTICLE.sub("", title)
    new_date = new if names_a_value(ParamType.DATE, new) else None
    new_time = new if names_a_value(ParamType.TIME, new) else None
    if not title or title.lower() in _NOT_SEEN or not (new_date or new_time):
        return spec, span  # "I can't make it on Thursday": which event is not said
    said = {"title": title, "date": day, "new_date": new_date, "new_time": new_time}
    return move, SpanCall(move.name, tuple(said.get(p.name) for p in move.params))


# "Am 6. Januar ist Heilige Drei Könige, da hab ich frei", "January 6th is a holiday, I'm off that day": the day said
# in a clause before it (v25 listed the first, deleted "holiday" of the second).
_OFF_THAT_DAY = re.compile(
    r"(?i)^(?P<clause>[^,;]+?)\s*[,;]\s*(?:und\s+|and\s+|so\s+)?(?:da\s+(?:hab|habe)\s+ich\s+(?P<frei>frei)"
    r"|(?:i'?m|i\s+am|i'?ll\s+be)\s+(?P<off>off)(?:\s+work)?\s+(?:that\s+day|then))\W*$"
)


def _day_taken_off(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A day or days said to be taken off, read whatever the model chose: the day-long event "off"/"frei"."""
    m = _DAY_OFF.match(query.strip()) if query and not query.rstrip().endswith("?") else None  # "Morgen frei?"
    day_long = _function_typed(_ALL_DAY_TYPES)
    that_day = _OFF_THAT_DAY.match(query.strip()) if query else None
    day = _day_said_anywhere(that_day["clause"], [], None) if that_day else None
    if that_day and day is not None and day_long is not None and (resolve_date(day, today) or today) >= today:
        return day_long, SpanCall(day_long.name, (that_day["frei"] or that_day["off"], day, None))
    if m is None or day_long is None:
        return spec, span
    days = m["en"] or m["de"] or m["after"] or m["sick_days"] or m["krank_days"]
    said = re.sub(r"(?i)^(?:den|the|am|on)\s+", "", days)
    if resolve_date(days, today) is None and resolve_date_range(days, today) is None:
        return spec, span
    joins = _LEADS_A_DAY | _DAY_WORDS | {"and", "und", "bis", "to", "until", "through", "mir", "week", "woche"}

    def day_word(w: str) -> bool:
        return w.lower() in joins or names_a_value(ParamType.RANGE_START, w) or bool(re.fullmatch(r"\d{1,2}\.?", w))

    if not all(day_word(w) for w in said.split()):
        return spec, span  # "take the trash off": a thing, no day
    title = m["off"] or m["off2"] or m["frei"] or m["sick"] or m["krank"]
    return day_long, SpanCall(day_long.name, (title, days, None))


# "Klassenfahrt nächste Woche", "offsite in April", "put X on my calendar over the weekend", "X am Wochenende
# eintragen": what is on days that are more than one, said with no clock: the day-long event over them (v25 deleted
# these, declined them or asked "when?" of a timed event).
_PUT_ON_CALENDAR = re.compile(
    r"(?i)^(?:put|add|pencil\s+in|note|schedule|enter)\s+(?P<what>.+?)\s+(?:on|in|to|into)\s+(?:my|the)\s+calendar\b"
)
_OVER_DAYS = frozenset(
    "over during rest of übernächste übernächsten upcoming days weeks tage tagen wochen für for".split()
)
# What takes an hour or two on one day, never days on end ("Meeting in Berlin next week" asks which day).
_TIMED_KIND = re.compile(
    r"(?i)(?:\w*termin|anruf|\w*treffen|appointment|meeting|call|besprechung|interview|\w*gespräch|lunch|dinner|"
    r"breakfast|brunch|\w*essen|table|tisch|reserv\w*)\b"
)
_ADD_AT_END = re.compile(r"(?i)\s+(?:eintragen|eintrgaen|einplanen|notieren|vormerken|einstellen)$")


def _title_over_days(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A title and days said with nothing else (a request to add aside): the day-long event over those days,
    whatever the model chose but a move, a series or a day-long event (read as they are); never a question, a
    clock, a removal, a move, or days gone."""
    all_day = _function_typed(_ALL_DAY_TYPES)
    if all_day is None or span.function == all_day.name or "?" in query:
        return spec, span
    if _moves_an_event(spec) and (any(span.phrases[1:]) or asks_to_move(query)):
        return spec, span  # "moving day in may" with nothing copied but its title is no move
    types = [p.type for p in spec.params]
    if ParamType.FREQUENCY in types or types == [ParamType.TITLE] or all(t.is_date for t in types):
        return spec, span  # a series, a find and a listing are read as they are
    if _makes_one_event(spec) and any(p for p, t in zip(span.phrases, types, strict=False) if t is ParamType.DATE):
        return spec, span  # "Add dentist to my calendar next week" with the week copied as its day: which day, asked
    text = re.sub(rf"(?i)^{_FILLERS}", "", query.strip().rstrip(" .!")).strip(" ,")
    put = _PUT_ON_CALENDAR.match(text)
    added = put is not None or _ADD_AT_END.search(text) is not None
    if span.function is None and not added:
        return spec, span  # declined: only where adding is asked
    text = f"{put['what']} {text[put.end() :]}" if put else _ADD_AT_END.sub("", text)
    if _CLOCK_SAID.search(normalize(text)) or says_to_remove(text) or asks_to_move(text):
        return spec, span
    if not _names_no_other_thing(text):
        return spec, span
    words = text.split()

    def day_word(w: str) -> bool:
        return all(_only_day_words(x) or x in _OVER_DAYS for x in normalize(w).split())

    for first in (False, True):  # the days said last ("offsite in April"), else first ("nächste Woche Pakete")
        order = words if first else words[::-1]
        n = next((i for i, w in enumerate(order) if not day_word(w)), len(order))
        while n and re.fullmatch(r"(?i)days?|tage?|all|whole|ganzen?", order[n - 1]):
            n -= 1  # "moving day in may": "day" is the title's
        if not 0 < n < len(words):
            continue
        days = " ".join(words[:n] if first else words[-n:])
        title = " ".join(words[n:] if first else words[:-n]).strip(" ,:")
        found = resolve_date_range(days, today) if names_a_value(ParamType.RANGE_START, days) else None
        if found is None or found[1] <= found[0] or found[1] < today or resolve_date(days, today) is not None:
            continue
        if len(title.split()) > 6 or names_a_value(ParamType.RANGE_START, title) or _TIMED_KIND.search(title):
            return spec, span  # "Meeting in Berlin next week": one day of it, asked
        if _ASKING & {w.lower() for w in re.findall(r"[^\W_]+", title)}:
            return spec, span
        copied = str(span.phrases[0]) if span.phrases and span.phrases[0] else ""
        if copied and copied.lower() in title.lower() and not names_a_value(ParamType.RANGE_START, copied):
            title = copied
        return all_day, SpanCall(all_day.name, (title, days, None))
    return spec, span


_WHO_IS = re.compile(
    r"(?i)^(?:bin\s+ich|ich\s+bin|sind\s+wir|wir\s+sind|i'?m|i\s+am|we'?re|we\s+are|is|ist|are|sind)\s+"
)


def _days_said_first(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A day-long event said days first ("Vom 20. bis 24. Dezember bin ich bei meinen Eltern", "From December 20th
    to the 24th I'm at my parents'") whose days the model copied as its title or in part: those days, and what
    follows them the title."""
    if [p.type for p in spec.params] != _ALL_DAY_TYPES or not query:
        return span
    words = re.sub(rf"(?i)^{_FILLERS}", "", query.strip().rstrip(" .!")).split()
    run = next((i for i, w in enumerate(words) if not _only_day_words(w)), len(words))
    days = " ".join(words[:run])
    found = resolve_date_range(days, today) if run >= 3 else None
    if found is None or found[1] <= found[0] or found[1] < today:
        return span
    copied = [p for p in span.phrases if p]
    title, day = str(span.phrases[0] or ""), str(span.phrases[1] or "")
    days_as_title = bool(title) and _only_day_words(title)
    if day and day.lower() in days.lower() and not days_as_title:
        return span  # its day copied from those words: read as said ("All day next week on Wednesday: spa day")
    if not (days_as_title or not day or not _only_day_words(day)):
        return span
    title = _WHO_IS.sub("", " ".join(words[run:])).strip(" ,:")
    if not title or len(title.split()) > 6 or not copied:
        return span
    return SpanCall(span.function, (title, days, None))


# "Meine Schwester hat am 19. Geburtstag", "Am Freitag hat Lisa Geburtstag": a birthday said as news, a day-long
# event whatever the model chose (v25 declined both), titled with whose it is.
_WHO = r"(?:(?:mein|meine|unser|unsere)\s+)?[^\W\d_][\w'-]*(?:\s+(?-i:[A-ZÄÖÜ])[\w'-]*)?"
_BIRTHDAY_SAID = (
    re.compile(rf"^(?P<who>{_WHO})\s+hat\s+(?P<day>[^,;!?]+?)\s+geburtstag[\s.!]*$", re.IGNORECASE),
    re.compile(rf"^(?P<day>[^,;!?]+?)\s+hat\s+(?P<who>{_WHO})\s+geburtstag[\s.!]*$", re.IGNORECASE),
)
_NOT_WHO = frozenset("er sie es wer wann was man das der die dies dieser jemand keiner niemand".split())
_DATIVE = {"mein": "meinem", "meine": "meiner", "unser": "unserem", "unsere": "unserer"}


def _birthday_stated(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A birthday someone has on a day to come, said as news: the day-long event "Geburtstag von <who>"."""
    day_long = _function_typed(_ALL_DAY_TYPES)
    if day_long is None or _deletes_an_event(spec) or _moves_an_event(spec):  # a listing, a new event or "no call"
        return spec, span
    for m in filter(None, (said.match(query.strip()) for said in _BIRTHDAY_SAID)):
        first, *rest = m["who"].split()
        day = m["day"]
        if first.lower() in _NOT_WHO or names_a_value(ParamType.TIME, day) or re.search(r"(?i)\bjede|\bimmer\b", day):
            continue
        when = resolve_date(day, today)
        if when is not None and when >= today and day.split()[-1].lower() not in _NOT_WHO:
            owner = " ".join([_DATIVE.get(first.lower(), first), *rest])
            return day_long, SpanCall(day_long.name, (f"Geburtstag von {owner}", day, None))
    return spec, span


# "Ich bin morgen von 16 bis 18 Uhr nicht erreichbar", "I'm busy on Friday from 2 to 4": one's own time said to be
# taken, at a clock time: a timed event named by the state (v25 titled the first "Ich" and listed "Am Freitag von 14
# bis 16 Uhr bin ich beschäftigt").
_BUSY = re.compile(
    r"(?i)\b(?:ich\s+bin|bin\s+ich|i'?m|i\s+am|i'?ll\s+be)\b(?:(?!\b(?:und|and|aber|but)\b)[^,;.?!])*?\b"
    r"(?P<state>nicht\s+(?:erreichbar|verfügbar|ansprechbar)|beschäftigt|verplant|busy|unavailable|not\s+available)\b"
)
_CLOCK_SPAN_SAID = re.compile(
    r"(?i)\b(?:von|from|between|zwischen)\s+\S+(?:\s+uhr)?\s+(?:bis|to|until|till|and|und)\s+\S+"
    r"(?:\s+(?:uhr|am|pm|in\s+the\s+(?:morning|afternoon|evening)|morgens|vormittags|nachmittags|abends))?"
)


def _busy_at_a_time(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A statement that one is busy or unreachable on a day at a clock time, whatever the model chose (see
    ``_BUSY``): the timed event titled as the state is said."""
    m = _BUSY.search(query) if query and "?" not in query else None
    timed = _function_typed([ParamType.TITLE, ParamType.DATE, ParamType.TIME, ParamType.MINUTES])
    if m is None or timed is None or _deletes_an_event(spec) or _moves_an_event(spec):
        return spec, span
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    clock = said.get("time") or (c[0] if (c := _CLOCK_SPAN_SAID.search(query)) else None)
    day = said.get("date") or _day_said_anywhere(query, [m["state"], clock or ""], None)
    if clock is None or not names_a_value(ParamType.TIME, clock) or day is None:
        return spec, span
    return timed, SpanCall(timed.name, (m["state"], day, clock, said.get("duration_minutes")))


def _resolve_call(span: SpanCall, today: dt.date, lang: str | None, query: str) -> Call | NoCall:
    # "Ich nehme mir den 23. frei": read also where the model declined it
    chosen = function_by_name(span.function) if span.function is not None else _function_typed(_ALL_DAY_TYPES)
    if chosen is None:
        return NoCall()
    spec, span = _birthday_stated(*_day_taken_off(chosen, span, query, today), query, today)
    spec, span = _busy_at_a_time(spec, span, query, today) if span.function is not None else (spec, span)
    spec, span = _work_shift_moved(spec, span, query, today)
    spec, span = _title_over_days(spec, span, query, today)
    if span.function is None:
        return NoCall()
    _series_by_weekday_of_month(query, spec)
    spec, span = _series_copied_as_days(*_series_never_said(spec, span, query, lang))
    spec, span = _days_copied_as_often(spec, span, query, today)
    if _asks_the_date(spec, query) or _TELLS_SOMEONE.search(query) or _NEVER_MIND.match(query):
        return NoCall()
    if _not_for_the_calendar(spec, span, query):
        return NoCall()
    if (_makes_an_event(spec) or _moves_an_event(spec)) and asks_to_change_length(query):
        return NoCall()  # no function changes a length: the dialog says so (never a new event of the request)
    plain = _without_stattfinden(query)  # "statt" left in it is the preposition
    spec, span = _made_read_as_delete(*_note_read_as_delete(*_visit_read_as_delete(spec, span, query), query), query)
    spec, span = _new_event_read_otherwise(*_chore_read_as_delete(spec, span, query), query)
    spec, span = _reminded_to_remove(spec, span, query)
    span = _request_copied_as_title(spec, _verb_copied_as_title(spec, span, query), query)
    spec, span = _instead_is_a_move(*_called_off(spec, span, query), plain)
    span = _title_said_first(spec, span, query)
    spec, span = _cannot_make_it(*_takes_place_instead(spec, span, query), query, today, lang)
    spec, span = _asked_or_marked(*_move_copied_as_create(*_change_stated(spec, span, query), query), query)
    spec, span = _stated_days(*_have_an_event(spec, span, query, lang), query, today)
    span = _days_said_first(spec, span, query, today)
    spec, span = _away_as_days(spec, span, query, today)
    spec, span = _looked_up(*_is_it_there_listed(*_time_asked_listed(spec, span, query, today), query, today), query)
    spec, span = _schedule_of_days(spec, span, query, today)
    spec, span = _coming_up_asked(spec, span, query, today)
    spec, span = _asks_for_one(*_title_day_and_time(spec, span, query, today, lang), query)
    span = _holiday_as_day(spec, _title_called(spec, span, query), query, lang)
    span = _length_in_title(spec, span)
    spec, span = _series_said(*_events_on_a_day(spec, span, today, lang), query)
    span = _found_event(spec, span)
    spec, span = _all_day_with_a_clock(
        *_span_is_all_day(*_two_days_in_title(spec, span, today), query, today), query, lang
    )
    spec, span = _no_time_said(*_one_day_asked_without_a_time(spec, span, query, today), query)
    spec, span = _move_copied_as_create(spec, span, query)  # again: a day-long reading is a timed one only now
    span = _until_said_before_start(spec, _weekday_before_a_week(spec, span, query, today), query)
    span = _values_in_title(
        spec, _title_only_when(spec, _start_in_series_title(spec, span, query, today), today, lang), today, lang
    )
    span = _title_where_one_is(spec, span, query)
    span = _all_day_named_by_kind(spec, _day_owns_title(spec, _other_events_day(spec, span, query)), query, today, lang)
    span = _until_copied_into_time(
        spec, _target_words_to_target(spec, _start_copied_as_end(spec, span, query), query), lang
    )
    span = _clock_copied_as_day(spec, _month_copied_into_clock(spec, span, query, lang), query, lang)
    span = _day_in_time_words(spec, _day_copied_as_clock(spec, span, query, lang))
    span = _not_that_clock(spec, span, query, lang)
    span = _decimal_length(spec, _length_copied_into_time(spec, span, lang), query)
    span = _words_left_in_query(spec, _move_days(spec, span, plain, lang), query, lang)
    span = _title_inside_frequency(spec, _title_runs_into_day(spec, span, query, today), query)
    span = _clock_to_clock_of_a_move(spec, _going_said_after_day(spec, span, query, lang), query)
    span = _time_said_instead(spec, _not_this_day_but_that(spec, span, query, today), query, lang)
    span = _now_said_day(spec, _now_not_then(spec, span, query, today), query, today)
    span = _day_before_a_new_time(spec, span, query)
    span = _whole_frequency(spec, span, query)
    arguments: dict[str, object] = {}
    said = span.named
    range_minutes: int | None = None
    for i, (p, phrase) in enumerate(zip(spec.params, span.phrases, strict=True)):
        others = [o for j, o in enumerate(span.phrases) if o is not None and j != i]  # the other arguments' copies
        if phrase is not None and p.type in _CORRECTABLE:
            phrase = _corrected(p.type, phrase, query, lang, others)
        if phrase is not None and p.type is ParamType.TITLE:
            phrase = _title_after_request(
                _whole_hyphened(_title_not_the_marker(phrase, query, others), query), query, others
            )
            phrase = _NEW_EVENT_HEAD.sub("", phrase, count=1) or phrase  # "new event paint the recycling"
            phrase = _title_without_others(_reminded(_noted_to_self(phrase, query), query), others, query)
            phrase = _with_place_after(_whole_title_words(phrase, query, span.phrases), query, span.phrases, lang)
            # "den Termin Müll rausstellen"; "termin" copied and "umzug von rüdiger" added by the widening
            phrase = _EVENT_NOUN_HEAD.sub("", phrase, count=1) or phrase
            phrase = _with_status_on(_without_calendar(phrase), query, others)
            phrase = _with_head(_with_owner(_title_without_others(phrase, others, query), query), query)
            phrase = _with_day_part_before(_with_book_before(phrase, query), query, others)
            phrase = _without_all_day_head(phrase, query)
            phrase = _with_verb_before(_with_particle_and_tail(phrase, query, others, span.phrases, lang), query)
            phrase = _with_ordinal_before(_with_task_verb(phrase, query, spec), query, spec)
            phrase = _company_after_day(_with_company(phrase, query, others), query, others)
            phrase = _without_make_it(_without_move_request(phrase, spec, query), query)
            phrase = _appointment_made(phrase, query) if _makes_an_event(spec) else phrase
            phrase = _brought_forward(phrase, spec, query)
            phrase = _without_request_after(_without_request(phrase, spec), spec, query)
            if _deletes_an_event(spec) and re.match(r"(?i)\W*(?:mach|tu)\s", query):  # "mach den Friseur weg"
                phrase = re.sub(r"(?i)\s+weg$", "", phrase) or phrase
            phrase = _without_arranging(_without_put(phrase, query, spec), query, spec)
            phrase = _without_time_for(_without_take_off(phrase, query, spec), query, spec)
            phrase = _without_day_said_first(_without_corrected_day(phrase, query), query)
            phrase = _without_way_there(_without_got(phrase, spec), query, spec)
            if _COMING_UP.match(query.strip()):  # "Steht Tanzkurs bald an": "bald" asks, it names nothing
                phrase = re.sub(r"(?i)\s+(?:schon\s+)?(?:bald|demnächst)$", "", phrase) or phrase
                asked = rf"(?i)(?:{_STANDS_IN_CALENDAR}|{_PUT_IN_YET}|\s+(?:schon|bereits|already|on|gelegt|gesetzt))$"
                phrase = re.sub(asked, "", phrase) or phrase
                # "What day did I book the plumber for?": the request the question repeats
                phrase = re.sub(r"(?i)^(?:put|move|schedule|book)\s+(?:the|my)\s+(?=\S)", "", phrase)
            # "Penncil in drop the holiday cards": the phrasal verb is first only now that the request is gone
            phrase = _verb_said_last(
                _with_particle_and_tail(phrase, query, others, span.phrases, lang), query, others, lang
            )
            phrase = _without_request_before_length(phrase)
            phrase = _reminded_whole(phrase, query) if _makes_an_event(spec) else phrase
            if _makes_an_event(spec) and _MEETING_US.fullmatch(phrase):  # "treffen uns" names nobody
                phrase = _whom_one_meets(query, others) or phrase
            if [q.type for q in spec.params] == [ParamType.TITLE]:  # "zuletzt" widened back onto a find's title
                phrase = re.sub(r"(?i)^(?:zuletzt|last|letzte[nrms]?|previous|vorige[nrms]?)\s+", "", phrase) or phrase
            if _moves_an_event(spec):  # "Can the dentist go to next Thursday instead?": the verb of the ask
                phrase = re.sub(r"(?i)\s+(?:go|be|happen)$", "", phrase) or phrase
            phrase = re.sub(r"(?i)^(?:bitte|please)\s+(?=\S)|\s+(?:bitte|please)$", "", phrase)  # "Btite Zimmer ..."
            if p.nullable and _says_nothing(phrase):
                phrase = None  # "set a reminder for this": what it is for is asked
        if phrase is None and p.type is ParamType.TITLE and p.nullable:
            phrase = _reminded_of(query, others) or (
                _title_left_over(query, others) if _makes_an_event(spec) else None
            )  # "Erinnere mich" copied of "Erinnere mich ... an den Kuchen"
        if phrase is not None and p.type is ParamType.TIME:
            phrase = _clock_alone(phrase, query, lang)
            moved = _moves_an_event(spec)  # a move's "from 12 to 1" is where it was and where it goes
            phrase = _whole_time_words(phrase, query, [o for o in span.phrases if o and o != phrase], lang, moved)
            if moved:
                phrase = re.sub(r"(?i)^(?:from|von)\s+\S.*?\s+(to|bis|auf)\s+(?=\S)", r"\1 ", phrase)
        if phrase is not None and p.type is ParamType.RANGE_START:
            # "zwischen Weihnachten und Neujahr" with "Weihnachten und Neujahr" copied: the span between them
            between = re.search(rf"(?i)\b(?:zwischen|between)\s+{re.escape(phrase)}", query)
            if between and " " in phrase:
                phrase = said[p.name] = f"{between[0].split()[0]} {phrase}"  # its end is read from it too
            of_month = re.search(rf"(?i){re.escape(phrase)}(\s+(?:im|in|of)\s+[^\W\d_]+)", query)
            if of_month and _NTH_WEEKEND.search(
                normalize(phrase + of_month[1])
            ):  # "am ersten Wochenende" + "im Januar"
                phrase = said[p.name] = phrase + of_month[1]
            # "Brückentag am Freitag, den 1. Oktober": the date said after the weekday
            phrase = said[p.name] = _weekday_with_its_date(p.type, phrase, query, today)
            later = re.search(rf"(?i){re.escape(phrase)}(\s+in\s+\S+\s+(?:wochen?|weeks?))\b", query)
            # "am Wochenende" + "in zwei Wochen", "on Friday" + "in three weeks"
            if later and re.search(rf"(?i)(?:wochenende|weekend|\b(?:{_WD_RE})\w*)$", phrase):
                phrase = said[p.name] = phrase + later[1]
            # "Nächste Woche" + "Mittwoch ganztägig": one day of that week, unless the days run on ("bis Freitag")
            weekday = rf"(\s+(?:am\s+|on\s+)?(?:{_WD_RE})\w*)\b(?!\s*(?:bis|to|until|-|–))"
            day_of = re.search(rf"(?i){re.escape(phrase)}{weekday}", query)
            end_said = i + 1 < len(span.phrases) and span.phrases[i + 1] is not None
            if day_of and re.search(r"(?i)(?:woche|week)$", phrase) and not end_said:
                phrase = said[p.name] = phrase + day_of[1]
            day_long = [q.type for q in spec.params] == _ALL_DAY_TYPES
            if day_long and not end_said and resolve_date(phrase, today) is not None:  # "day after tomorrow"
                others = [o for o in span.phrases if o and o != phrase]
                phrase = said[p.name] = _whole_day_words(ParamType.DATE, phrase, query, others, today)
        if phrase is not None and p.type in (ParamType.DATE, ParamType.FIRST_DATE):
            phrase = _with_ordinal_stop(phrase, query)
            phrase = _whole_day_words(p.type, phrase, query, [o for o in span.phrases if o and o != phrase], today)
            if p.name == "date" and (_deletes_an_event(spec) or _moves_an_event(spec)) and _names_days(phrase, today):
                phrase = None  # "Das Treffen mit Ben fällt diese Woche aus": the next one (it is in that week)
        arguments[p.name] = None if phrase is None else resolve_phrase(p.type, phrase, today, lang, query)
        if phrase is not None and p.type is ParamType.TIME:
            # "um halb zehn bis 17" copied of "... bis 17. Dezember": the end is a series' last day, no clock
            ends_in_day = re.search(rf"(?i){re.escape(phrase)}\.\s*(?:{_MONTH_RE})", query)
            span_of_time = None if ends_in_day else resolve_time_range(phrase, lang, context=query)
            if span_of_time is not None:  # "von 14 bis 16 Uhr" says the duration too
                start, end = (dt.datetime.combine(today, t) for t in span_of_time)
                range_minutes = round((end - start).total_seconds() / 60)
            elif (night := _night_span(phrase, lang)) is not None:  # "from 11 pm to 1 am"
                range_minutes = night[1]
            elif (until := _end_said_later(phrase, query, lang)) is not None and isinstance(arguments[p.name], str):
                start = dt.datetime.combine(today, dt.time.fromisoformat(str(arguments[p.name])))
                end = dt.datetime.combine(today, until)
                range_minutes = round((end - start).total_seconds() / 60) if end > start else range_minutes
    for p in spec.params:
        if p.type is ParamType.MINUTES and arguments.get(p.name) is None and range_minutes is not None:
            arguments[p.name] = range_minutes
        if p.type is ParamType.RANGE_END and arguments[p.name] is None:
            # "nächste Woche" said for the start says the end too
            first = next((q for q in spec.params if q.type is ParamType.RANGE_START and said[q.name]), None)
            last = None if first is None else resolve_date_in(ParamType.RANGE_END, said[first.name] or "", today)
            if last is not None:
                arguments[p.name] = last.isoformat()
    _end_weekday_after_start(spec, said, arguments)
    _small_hours_of_tonight(spec, said, arguments, query)
    _settle_series(spec, said, arguments, today)  # a series' first day first: its length counts from it
    _last_day_from_a_length(spec, said, arguments, query)
    return Call(spec.name, spec.fill_defaults(arguments, today))


_END_LATER = re.compile(r"(?i)\b(?:bis|until|till)\s+(?P<end>\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|am|pm)\b|\d{1,2}:\d{2})")


def _end_said_later(phrase: str, query: str, lang: str | None) -> dt.time | None:
    """The end of a start said with "ab"/"from" whose end the query says later ("Ab 9 Uhr am Samstag Arbeit bis 17
    Uhr"), in clock words."""
    at = _said_at(query, phrase)
    if at < 0 or not (re.search(r"(?i)\b(?:ab|from)\s*$", query[:at]) or re.match(r"(?i)(?:ab|from)\s", phrase)):
        return None
    m = _END_LATER.search(query, at + len(phrase))
    return resolve_time(f"um {m['end']}", lang, context=query) if m else None


def _small_hours_of_tonight(
    spec: Function, said: dict[str, str | None], arguments: dict[str, object], query: str
) -> None:
    """ "Heute Nacht um 1 Uhr Nachtwanderung": the night's small hours are on tomorrow's date (was today at 01:00)."""
    day = next((p.name for p in spec.params if p.type is ParamType.DATE), None)
    clock = next((p.name for p in spec.params if p.type is ParamType.TIME), None)
    if (
        day is None
        or clock is None
        or not isinstance(arguments.get(day), str)
        or not isinstance(arguments.get(clock), str)
    ):
        return
    tonight = re.search(r"(?i)\b(?:heute|diese)\s+nacht\b", f"{said.get(day) or ''} {query}")
    # "heute um Mitternacht", "Friday at midnight": the midnight that ends the day said, so the next day's 00:00
    midnight = arguments[clock] == "00:00" and bool(_MIDNIGHT.search(normalize(said.get(clock) or "")))
    if midnight and _makes_an_event(spec) and said.get(day):
        arguments[day] = (dt.date.fromisoformat(str(arguments[day])) + dt.timedelta(days=1)).isoformat()
        return
    if tonight is None or not _makes_an_event(spec) or not "00:00" <= str(arguments[clock]) < "06:00":
        return
    if said.get(day) and not re.match(r"(?i)\s*(?:heute|diese)\b", str(said.get(day))):
        return  # "heute Nacht" said of something else than the day copied
    arguments[day] = (dt.date.fromisoformat(str(arguments[day])) + dt.timedelta(days=1)).isoformat()


def _end_weekday_after_start(spec: Function, said: dict[str, str | None], arguments: dict[str, object]) -> None:
    """A day-long span's last day said as a bare weekday ("All day Tuesday" + "to Friday:") read before its first
    (this week's Friday before next week's Tuesday): the first such weekday on or after the first day."""
    first = next((p.name for p in spec.params if p.type is ParamType.RANGE_START), None)
    last = next((p.name for p in spec.params if p.type is ParamType.RANGE_END), None)
    if first is None or last is None or not isinstance(arguments.get(first), str):
        return
    end_said, start, end = said.get(last), arguments[first], arguments.get(last)
    if not end_said or not isinstance(end, str) or end >= str(start):
        return
    words = normalize(end_said).strip(" ,.:;!?").split()
    if not words or not re.fullmatch(rf"(?:{_WD_RE})\w*", words[-1]) or len(words) > 2:
        return  # only "Friday", "to Friday", "bis Freitag": a day said otherwise is as said (and answered so)
    day = dt.date.fromisoformat(end)
    while day < dt.date.fromisoformat(str(start)):
        day += dt.timedelta(days=7)
    arguments[last] = day.isoformat()


def _names_days(phrase: str, today: dt.date) -> bool:
    """Whether the words name a span of several days from today on and no one day ("diese Woche", "this
    weekend"): the next event is in it. Never "nächste Woche": the next one may come before it."""
    if resolve_date(phrase, today) is not None:
        return False
    days = resolve_date_range(phrase, today)
    return days is not None and days[0] <= today < days[1]


_COUNTED = re.compile(r"\b\d+\s+(?:tage?n?|wochen?|monate?n?|jahren?|days?|weeks?|months?|years?)\b")
# "Sonntag, den 3. Januar", "Friday, January 8th", "Monday the 11th": the date said after the weekday it falls on
_APPOSITIVE_LEAD = re.compile(rf"(?i)^,?\s+(?:(?:den|dem|the)\s+)?(?=(?:(?:{_MONTH_RE})\w*\.?\s+)?\d)")
_WEEKDAY_LAST = re.compile(rf"(?i)\b(?:{_WD_RE})\w*$")
_CLOCK_OR_SPAN_LEAD = frozenset("um at from von ab gegen bis to by".split())


def _dated_weekday(ptype: ParamType, phrase: str, after: str, base: dt.date, today: dt.date) -> str | None:
    """A weekday copied alone when the query says its date right after it: the weekday with that date. The model
    copies the weekday and drops the date, so "Am Sonntag, den 3. Januar" was tomorrow, not the 3rd of January."""
    lead = _APPOSITIVE_LEAD.match(after)
    if lead is None or not _WEEKDAY_LAST.search(phrase.strip()):  # "Friday", "New appointment: Friday"
        return None
    said, wider = phrase + lead[0].rstrip(), None
    for word in _SAID_END.split(after[lead.end() :], maxsplit=1)[0].split()[:3]:
        if word.lower() in _CLOCK_OR_SPAN_LEAD or ":" in word:
            break  # "den 3. Januar um 10": the clock is the time's
        said = f"{said} {word}"
        if resolve_date_in(ptype, said, today) not in (None, base):
            wider = said
    return wider


def _weekday_with_its_date(ptype: ParamType, phrase: str, query: str, today: dt.date) -> str:
    """A span's first day copied as its weekday alone when the query says the date right after it ("Day off on
    Friday, October 1st"): that date, as for one day (``_dated_weekday``)."""
    at = query.lower().rfind(phrase.lower())
    base = resolve_date_in(ptype, phrase, today) if at >= 0 else None
    if base is None:
        return phrase
    return _dated_weekday(ptype, phrase, query[at + len(phrase) :], base, today) or phrase


_TO_ANOTHER_DAY = frozenset("to for onto until till auf bis".split())
_OTHER_DAY = re.compile(rf"\b(?:{_WD_RE})|\b(?:statt|anstatt|instead|rather|nicht|not|oder|or)\b")
# "Mittwoch" + "nächste Woche", "next week" + "on Friday": a weekday said with a copied week is a day of it.
_WEEK_SAID = re.compile(r"\b(?:wochen?|weeks?)\b", re.IGNORECASE)
_WEEKDAY_ALONE = re.compile(rf"(?:(?:am|on|the)\s+)?(?:{_WD_RE})\w*", re.IGNORECASE)


def _week_of_the_slip(ptype: ParamType, phrase: str, head: str, others: list[str], today: dt.date) -> str | None:
    """A weekday said as the correction of another keeps the week said with the slip: "nächste Woche Dienstag, oder
    nein, Mittwoch" is next week's Wednesday (was this week's), "Tuesday next week, no, Wednesday" too."""
    marker = next((m for m in _CORRECTION.finditer(head) if m.end() == len(head)), None)
    if marker is None or not _WEEKDAY_ALONE.fullmatch(phrase.strip()):
        return None
    slip = _CLAUSE_END.split(head[: marker.start()])[-1]
    said = list(_WEEKDAY_ALONE.finditer(slip))
    if not said:
        return None
    again = slip[: said[-1].start()] + phrase.strip() + slip[said[-1].end() :]  # the slip with the corrected day
    wider = _whole_day_words(ptype, phrase.strip(), again, others, today)
    return wider if wider != phrase.strip() and re.search(r"(?i)wochen?|weeks?|übernächst|after next", wider) else None


def _whole_day_words(ptype: ParamType, phrase: str, query: str, others: list[str], today: dt.date) -> str:
    """The copied day with the words around it in the query that change which day it is: "Übernächsten
    Freitag" with "Freitag" copied, "am Montag in einer Woche" with "am Montag", "Nächsten Monat am 5." with
    "am 5.". Up to three words on each side, never words of another argument; the widest that names another day
    wins, never across a self-correction. A model that copies the noun of a date phrase and drops its modifier
    is wrong by a week or a month."""
    at = query.lower().rfind(phrase.lower())  # said twice: the correction is the later one
    base = resolve_date_in(ptype, phrase, today) if at >= 0 else None
    if base is None:
        return phrase
    taken = {w for o in others for w in normalize(o).split()}
    slip = _week_of_the_slip(ptype, phrase, query[:at], others, today)
    if slip is not None and resolve_date_in(ptype, slip, today) not in (None, base):
        return slip
    year = re.match(r",?\s*((?:19|20)\d\d)\b", query[at + len(phrase) :])  # "on March 3, 2025"
    titled = year and any(o.startswith(year[1]) and not names_a_value(ParamType.TIME, o) for o in others)
    if year and not titled and resolve_date_in(ptype, phrase + year[0], today) not in (None, base):
        return phrase + year[0]  # never the year a copied title starts with ("2029 budget training session")
    dated = _dated_weekday(ptype, phrase, query[at + len(phrase) :], base, today)
    if dated is not None:
        return dated
    before = query[:at].split()[-3:]
    ends = [k for k, w in enumerate(before) if w[-1:] in ",;!?"]  # never across a clause: "gym today, move it to"
    before = before[ends[-1] + 1 :] if ends else before
    after = _SAID_END.split(query[at + len(phrase) :], maxsplit=1)[0].split()[:4]  # "two weeks from now"
    for nb in range(len(before), -1, -1):
        for na in range(len(after), -1, -1):
            extra = before[len(before) - nb :] + after[:na]
            said = normalize(" ".join(extra))
            # "the second" of "the second Tuesday in September": the ordinal of the copied weekday counts it
            nth = re.sub(r"\b\d{1,2}\.$", "", normalize(" ".join(before[len(before) - nb :]))) if nb else ""
            numbers = said if not nb or not _WEEKDAY_ALONE.match(phrase) else f"{nth} {normalize(' '.join(after[:na]))}"
            if not extra or taken & set(said.split()) or re.search(r"\d", _COUNTED.sub("", numbers)):
                continue  # another argument's words, or a number that is not "in 2 Wochen" ("am 10.03. 15:00")
            weekday_of_week = _WEEK_SAID.search(phrase) and _WEEKDAY_ALONE.fullmatch(said)
            if (_OTHER_DAY.search(said) and not weekday_of_week) or (na and after[0].lower() in _TO_ANOTHER_DAY):
                continue  # "am Mittwoch statt am Dienstag", "today for Thanksgiving": a second day
            wider = " ".join([*before[len(before) - nb :], phrase, *after[:na]])
            if _CORRECTION.search(f" {wider} "):
                continue  # "am montag nein am dienstag": the correction is _corrected()'s
            got = resolve_date_in(ptype, wider, today)
            if got is not None and got != base:
                return wider
    return phrase


FRAME_WORDS_FILE = Path(__file__).with_name("frame_words.txt")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'-]*")
_MOST_WIDENED = 3  # words on each side
# "fertig machen", "sauber machen": the verb a title's last word needs, which the templates say as a request word.
_LIGHT_VERB_HEADS = frozenset("fertig sauber klar bereit".split())
_LIGHT_VERBS = frozenset("machen stellen bringen kriegen bekommen".split())
_POSSESSIVES = frozenset("my our his her their your mein meine meinen meinem meiner unser unsere unseren".split())
_CLOCK_MARKS = frozenset("pm am p.m a.m uhr o'clock oclock hrs".split())
# What a sentence says of an event, never a word of its name: "wurde" of "X wurde verlegt", "having" of "we're having
# dinner" (the templates say the other auxiliaries, "ist", "is", "was", "has", so the widening stops at them already).
_SAID_OF_IT = frozenset({"wurde", "having"})
_HOW_OFTEN_ADJECTIVE = re.compile(
    r"(?i)daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annual|"
    r"(?:täglich|wöchentlich|zweiwöchentlich|monatlich|vierteljährlich|jährlich)(?:e|es|er|en|em)"
)
_INFLECTION = re.compile(r"(?<=\w\w\w)(?:ing|ed|es|s|en|e|t)$")  # "skipping", "cancelled", "verschoben"


@functools.cache
def _frame_words() -> dict[int, frozenset[str]]:
    """The words the templates say around arguments (training/frame_words.py), by length."""
    words = [w for w in FRAME_WORDS_FILE.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#")]
    return {n: frozenset(w for w in words if len(w) == n) for n in {len(w) for w in words}}


@functools.cache
def _is_frame_word(word: str) -> bool:
    """A word the templates say, another form of one ("skipping"), or one typed a letter or two off it
    ("deltee", "Pospone")."""
    by_length = _frame_words()
    stem = _INFLECTION.sub("", word)
    stems = {stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem}  # "skipping": "skip"
    if any(w in by_length.get(len(w), ()) for w in {word, *stems}):
        return True
    near = [w for n in range(len(word) - 2, len(word) + 3) for w in by_length.get(n, ())]
    return bool(difflib.get_close_matches(word, near, n=1, cutoff=0.8))


def _whole_title_words(phrase: str, query: str, phrases: tuple[str | None, ...]) -> str:
    """The copied title with up to three words on either side that the templates never say around a title and
    no other argument took ("pta" + "meeting", "project alpha" + "retro"): a model that drops the first or last
    word of an unusual title shortens what the person named. Stops at punctuation, a number, a frame word."""
    at = _said_at(query, phrase, case=True)
    if at < 0:
        return phrase
    taken = {w.lower() for o in phrases if o and o != phrase for w in o.split()}

    def title_word(word: str) -> bool:
        low = word.lower()
        return (
            bool(_TITLE_WORD.fullmatch(word))
            and low not in taken
            and not _is_frame_word(low)
            and low not in _CLOCK_MARKS  # "the 2 pm meeting": the meeting of a time, no "pm meeting"
            and low not in _NAMING_WORDS  # "namens Elternabend": the name, not the word that gives it
            and low not in _SAID_OF_IT  # "Die Weihnachtsfeier wurde ... verlegt", "we're having dinner"
            and not _ALL_DAY.fullmatch(low)  # "Betriebsausflug ganztags": how long, no word of the name
        )

    left: list[str] = []
    before = query[:at]
    going = re.search(r"(?i)(?:^|(?<=\s))(go\s+for(?:\s+an?)?)\s+$", before)  # not "go to the dentist"
    if going and len(phrase.split()) <= 2 and not phrase.lower().startswith("go "):
        return f"{going[1]} {phrase}"  # "run" of "go for a run": the activity with its verb
    if before.endswith(" "):
        for word in reversed(before[:-1].split(" ")):
            # "weekly review every Friday": how often, said as the title's adjective when the repetition is copied
            # from other words ("every Friday"), names the event ("daily standup", "wöchentliches Teammeeting")
            often = not left and bool(_HOW_OFTEN_ADJECTIVE.fullmatch(word)) and word.lower() not in taken
            if len(left) == _MOST_WIDENED or not (title_word(word) or often):
                break
            left.insert(0, word)
    if left:  # "im Büro" + "Steuererklärung bezahlen": the place's preposition with the place
        rest = before.rstrip()[: -len(" ".join(left))].rstrip()
        place = _PLACE_BEFORE.search(rest)
        if place and not {w.lower() for w in place[0].split()} & taken and left[0].lower() not in _PRONOUNS:
            left[:0] = place[0].split()
        elif left[0].lower() == "hause" and re.search(r"(?i)(?:^|\s)zu$", rest):
            left.insert(0, rest[-2:])  # "zu Hause": at home ("zu Sandras Geburtstag" is where one goes)
    right: list[str] = []
    after = query[at + len(phrase) :]
    if after.startswith(" ") and phrase[-1:] not in ",;:":  # "lunch at the Millers'," + "write that down": it ended
        following = after[1:].split(" ")
        clock_copied = any(o and o != phrase and names_a_value(ParamType.TIME, o) for o in phrases)
        taken_bare = {w.rstrip(",.;:!?") for w in taken}
        for k, word in enumerate(following):
            nxt = following[k + 1] if k + 1 < len(following) else ""
            label = (
                _label_number(word, nxt, clock_copied)
                and word.rstrip(",.;:!?") not in taken_bare
                and not (word.rstrip(",;:!?").endswith(".") and nxt.lower() in taken)  # "13. Januar" copied
            )
            owned = (  # "mail" + "my id", "call" + "my mom": a verb copied without its object
                not right
                and " " not in phrase
                and word.lower() in _POSSESSIVES
                and bool(_TITLE_WORD.fullmatch(nxt.rstrip(",.;:!?")))
                and title_word(nxt.rstrip(",.;:!?"))
                and nxt.rstrip(",.;:!?").lower() not in _STORE_WORDS
            )
            light = bool(right or phrase.split()[-1:]) and (right or phrase.split())[-1].lower() in _LIGHT_VERB_HEADS
            verb = light and word.lower().rstrip(",.;:!?") in _LIGHT_VERBS  # "Rezept fertig" + "machen"
            clause_end = word[-1:] in ",;:" and title_word(word.rstrip(",;:"))  # "gitarrenunterricht" + "versicherung,"
            # "Bewerbung" + "abschicken." at the end of the sentence (never "13." of a day, nor "fällig?": said of it)
            last = k == len(following) - 1 and re.fullmatch(r"[^\W\d_]+[.!?]", word) is not None
            said_of = word.rstrip(".!?").lower() in _SAID_OF_AN_EVENT
            clause_end = clause_end or (last and not right and not said_of and title_word(word.rstrip(".!?")))
            if len(right) == _MOST_WIDENED or not (title_word(word) or label or owned or verb or clause_end):
                break
            if clause_end:
                right.append(word.rstrip(",;:.!?"))
                break
            stripped = word.rstrip(",;:!?")
            right.append(
                (stripped[:-1] if "." in stripped[:-1] and stripped.endswith(".") else stripped) if label else word
            )
            if label and word != word.rstrip(",;:!?"):
                break  # "Paragraph 13, trag das ein": the clause ends there
    while right and right[-1].lower() in _TAIL_PREPOSITIONS:
        right.pop()  # "drinks" + "before" of "before the concert": no title ends with its preposition
    return " ".join([*left, phrase, *right])


# The infinitives that ask the calendar for something, said last ("Zahnarzt morgen um 9 eintragen"): never a
# title's verb.
_REQUEST_INFINITIVES = frozenset(_ADD_LAST.split("|")) | frozenset(
    (
        "einschreiben aufschreiben reinschreiben vormerken speichern einplanen planen blocken blockieren merken "
        "setzen legen löschen streichen entfernen verschieben verlegen absagen stornieren zeigen anzeigen suchen "
        "finden erinnern vergessen haben sein werden können müssen sollen wollen dürfen festlegen vereinbaren "
        "rausnehmen austragen registrieren reservieren eingetragen verschoben gestrichen aufgeschrieben "
        "eingeschrieben reingeschrieben entfallen ausgefallen"
    ).split()
)


def _verb_said_last(phrase: str, query: str, others: list[str], lang: str | None) -> str:
    """A German title whose verb ends the sentence right after it ("Angebot an Firma Berger" + "schicken",
    "Versicherung wegen dem Wasserschaden" + "anrufen"): the model stops before a verb the templates say as a request
    word too, so the widening does; the last word is the activity's unless it asks the calendar for something."""
    at = _said_at(query, phrase, case=True)
    if lang != "de" or at < 0:
        return phrase
    m = re.fullmatch(r"\s+(?P<verb>[a-zäöüß]{3,}(?:en|ern|eln))[.!]?\s*", query[at + len(phrase) :])
    if m is None or any(m["verb"] in o.split() for o in others):
        return phrase
    if any(_slip_of(m["verb"], verb) for verb in _REQUEST_INFINITIVES):
        return phrase  # "eintragen" typed "eitnragen", "enitragen"
    if (
        phrase.split()[-1].lower() in _DETERMINERS
        or _WHEN_NOUNS.fullmatch(m["verb"])
        or resolve_date(m["verb"], _ANY_DAY)
    ):
        return phrase  # an article before it, or a day ("Zahnarzt um 9 morgen")
    return f"{phrase} {m['verb']}"


# A place, topic or company said right after a title ("Spanischkurs mit Mehmet" + "von der Kita", "weekend
# getaway" + "about the lease", "Augenarzt" + "im 3. Stock"): the model often stops at the preposition (a template
# word), so the widening above does too. Not "to"/"auf"/"for"/"für" (a move's target, "for me", "für morgen").
_TAIL_PREPOSITIONS = frozenset(
    "in im on about regarding von vom aus wegen an bei beim zum zur mit with at über vor nach zu for für from before "
    "after by until till bis to of".split()  # "team lunch" + "by" of "by an hour"
)
_BARE_NEVER = frozenset({"at"})  # "at oh five", "at five": "at" says a place only before "the" ("at the club")
_DETERMINERS = frozenset(
    "der die das dem den des the a an my your our his her their meinem meiner meine meinen unserem unserer "
    "einem einer einen ein".split()
)
# "im Büro" before a widened title: a preposition (and article) that says where or with whom. German only: "I'll be
# at José visiting" is a statement.
_PLACE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:im|in|bei|beim|zum|zur|vom|mit)(?:\s+(?:der|dem|den))?$", re.IGNORECASE)
# Words that say when or how long, not where ("in the morning", "in an hour", "am Wochenende").
_WHEN_NOUNS = re.compile(
    r"(?i)(?:morning|afternoon|evening|night|noon|midday|weekend|hours?|minutes?|days?|weeks?|months?|years?|"
    r"morgen|vormittag|nachmittag|abend|nacht|früh|frühe|mittag|wochenende|stunden?|minuten?|tag(?:en)?|"
    r"wochen?|monat(?:en)?|jahr(?:en)?|sommer|winter|herbst|frühling|summer|autumn|fall|spring|future|past|"
    r"zukunft|vergangenheit|monatsende|monatsanfang|jahresende|jahresanfang|feierabend|heutig\w*|morgig\w*|"
    r"gestrig\w*|oh|advance|voraus|vorhinein|zeitraum|period)"
)
_MOST_TAILS = 2
_PRONOUNS = frozenset("uns mir dir ihm ihr euch ihnen sich us me him her them you it".split())


def _month_typed(word: str) -> bool:
    """Whether a word is a month's name or one typed a letter off ("apirl", "mrch"), for words of four letters or
    more (said before a day's number)."""
    from rapidfuzz.distance import OSA

    return len(word) >= 4 and any(len(m) >= 4 and OSA.distance(word, m) <= 1 for m in MONTH_WORDS)


def _says_when_or_where_kept(word: str) -> bool:
    """A word after a title's preposition that makes it no place: when ("morning", a weekday typed a letter off),
    where events are kept ("calendar", "Terminen", "meinen" typed "menien") or a pronoun ("with us")."""
    if _WHEN_NOUNS.fullmatch(word) or word in _PRONOUNS:
        return True
    names = (*_STORE_WORDS, *WEEKDAY_WORDS, *MONTH_WORDS, "meinen", "meinem", "meiner")
    return any(_slip_of(word, n) for n in names)


def _with_place_after(phrase: str, query: str, phrases: tuple[str | None, ...], lang: str | None) -> str:
    """The copied title with up to two prepositional tails said right after it that name a place, a topic or a
    person ("in der Mittagspause", "on release 2.1", "aus dem Chor") and nothing another argument took, no day,
    time, length or calendar."""
    at = _said_at(query, phrase, case=True)
    if at < 0:
        return phrase
    after = query[at + len(phrase) :]
    # "Christmas party" + "on Q4 goals on October 9": a day copied with the title's tail in front of it
    joined = [o for o in phrases if o and o != phrase and after[1:].lower().startswith(o.lower())]
    taken = {w.lower().strip(",.;:!?") for o in phrases if o and o != phrase and o not in joined for w in o.split()}
    exact = _frame_words()
    words = after.split(" ")
    if words[:1] != [""]:
        return phrase  # the copy ends inside a word
    words = words[1:]
    added: list[str] = []
    for _ in range(_MOST_TAILS):
        if not words or words[0].lower() not in _TAIL_PREPOSITIONS or added and added[-1][-1:] in ",.;:!?":
            break
        k = 1
        while k < len(words) and words[k].lower() in _DETERMINERS and k < 3:
            k += 1
        if k == 1 and words[0].lower() in _BARE_NEVER:
            break
        named: list[str] = []
        for word in words[k : k + _MOST_WIDENED + 1]:
            core = word.rstrip(",.;:!?")
            low = core.lower()
            if _says_when_or_where_kept(low):
                named = []  # "in ein paar Stunden", "on Tuhrsday", "in menien Kalender": no place
                break
            plain = bool(_TITLE_WORD.fullmatch(core)) and low not in exact.get(len(low), ())
            label = bool(re.fullmatch(r"\d+(?:\.\d+)*\.?", core)) and (bool(named) or word.endswith("."))
            if not (plain or label) or low in taken or len(named) == _MOST_WIDENED:
                break
            named.append(word)
            if core != word.rstrip(".") or (word.endswith(".") and not label):
                break  # the clause ends at a comma or a full stop
        if not named or not any(_TITLE_WORD.fullmatch(w.rstrip(",.;:!?")) for w in named):
            break
        tail = " ".join(words[: k + len(named)])
        if any(names_a_value(t, tail, lang) for t in (ParamType.DATE, ParamType.TIME, ParamType.MINUTES)):
            break
        number = words[k + len(named)] if len(words) > k + len(named) else ""
        if number[:1].isdigit() and _month_typed(named[-1].rstrip(",.;:!?").lower()):
            break  # "for apirl 8th": a month typed a letter off, with its day
        rest = [o[len(" ".join([*added, tail])) :] for o in joined if not added or o.startswith(" ".join(added))]
        if any(not any(names_a_value(t, r, lang) for t in (ParamType.DATE, ParamType.TIME)) for r in rest):
            break  # the other argument is all title words
        added.extend(words[: k + len(named)])
        words = words[k + len(named) :]
    if not added:
        return phrase
    return " ".join([phrase, *added]).rstrip(",.;:!?")


_LABEL_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\.?[,;:!?]?")
_UNIT_AFTER = re.compile(
    r"(?i)(?:uhr|h|pm|am|a\.m\.|p\.m\.|o'clock|min\.?|mins?|minuten?|minutes?|std\.?|stunden?|hours?|hrs?|"
    r"tagen?|days?|wochen?|weeks?|monate?n?|months?|jahren?|years?|bis|to|until|-)[,.;:!?]?"
)


def _label_number(word: str, following: str, clock_copied: bool) -> bool:
    """A number that labels the title's last word ("Release 2.1", "Paragraph 13", "im 3. Stock", "lab 18"): not
    a clock time, a length or a day ("um 10", "13.", "2 Stunden"); a bare one only where the time was copied."""
    if not _LABEL_NUMBER.fullmatch(word) or _UNIT_AFTER.fullmatch(following):
        return False
    core = word.rstrip(",;:!?")
    if core.endswith(".") and "." in core[:-1]:
        return True  # "Release 2.1." at the end of a sentence
    if core.endswith("."):  # "3. Stock" is a floor; "am 13." a day
        word_after = following.rstrip(",.;:!?")
        return (
            bool(_TITLE_WORD.fullmatch(word_after))
            and word_after[:1].isupper()
            and word_after.lower() not in MONTH_WORDS
        )
    return "." in core or "," in core or clock_copied


_COMPANY_BEFORE = re.compile(
    r"(?:^|[\s,:])(mit(?:\s+(?:den|der|dem|meinen|meiner|meinem|unseren|unserer|unserem))?|with)\s+$", re.IGNORECASE
)


def _with_company(phrase: str, query: str, others: list[str]) -> str:
    """ "mit" before a title that starts with a name and goes on ("um 19 Uhr mit Lea Geschenke einpacken") is
    part of it: "Lea Geschenke einpacken" reads as something Lea does. Not where "mit" ends an earlier title
    ("Kaffee mit Lea") or another argument's words."""
    words = phrase.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return phrase
    at = _said_at(query, phrase, case=True)
    company = _COMPANY_BEFORE.search(query[:at]) if at > 0 else None
    if company is None:
        return phrase
    before = query[: company.start(1)].rstrip(" ,:").split(" ")[-1] if company.start(1) else ""
    taken = {w.lower() for o in others for w in o.split()}
    if before and _TITLE_WORD.fullmatch(before) and before.lower() not in taken and not _is_frame_word(before.lower()):
        return phrase  # "Kaffee mit Lea ...": the title before it has the company
    return f"{company[1]} {phrase}"


# "lösch den Termin morgen mit Herrn Weber", "cancel the meeting tomorrow with Jack", "den Termin am Freitag beim
# Zahnarzt": who the event is with, said after its day; the model stops the title at the day.
_COMPANY_STOP = (
    r"(?:löschen|streichen|absagen|entfernen|verschieben|verlegen|festlegen|planen|einplanen|eintragen|anlegen"
    r"|ansetzen|hinzufügen|vereinbaren|buchen|notieren|erstellen|machen|auf|to|on|at|um|am|für|for|ab|bitte|please"
    r"|ein)\b"
)
_COMPANY_AFTER = re.compile(
    rf"\s+((?:mit|with|beim|bei)\s+[^\W\d_][\w'.-]*(?:\s+(?!{_COMPANY_STOP})[^\W\d_][\w'.-]*){{0,2}}?)"
    rf"(?=\s+{_COMPANY_STOP}|[\s,.!?]*$)",
    re.IGNORECASE,
)


def _company_after_day(phrase: str, query: str, others: list[str]) -> str:
    """A short title whose day (and time) was said right after it and then who it is with: the title with them."""
    at = _said_at(query, phrase, case=False)
    if at < 0 or len(phrase.split()) > 2:
        return phrase
    after, skipped = query[at + len(phrase) :].lstrip(" ,"), 0
    while skipped < 3:  # its day, and its time after that ("dinner tomorrow at 7 with Sam")
        said = next((o for o in others if o and after.lower().startswith(o.lower())), None)
        if said is None:
            break
        after, skipped = after[len(said) :].lstrip(" ,"), skipped + 1
    m = _COMPANY_AFTER.match(f" {after}") if skipped else None
    if m is None or any(m[1].lower() in o.lower() for o in others if o):
        return phrase
    return f"{phrase} {m[1]}"


# "Paul's birthday": the owner said right before a copied title is part of it; "let's", "it's" own nothing.
_OWNER_BEFORE = re.compile(r"(?:^|\s)([^\W\d_][\w.-]*'s)\s+$")
_OWNER_FIRST = re.compile(r"[^\W\d_][\w.-]*'s\s")
_NOT_AN_OWNER = frozenset(
    {"let's", "it's", "that's", "what's", "there's", "here's", "he's", "she's", "who's", "where's", "when's", "how's"}
)


_DAY_OWNER = re.compile(
    rf"(?:{_WD_RE})\w*|today|tomorrow|tonight|yesterday|week|weekend|month|year|morning|evening|night|afternoon"
)


def _with_owner(phrase: str, query: str) -> str:
    """The copied title with the possessive right before it in the query ("Dad's" + "birthday"): a model that
    drops the owner names somebody else's birthday. A title that starts with its own owner ("Mother's Day
    lunch") takes no second one."""
    at = _said_at(query, phrase, case=True)
    owner = _OWNER_BEFORE.search(query[:at]) if at > 0 and not _OWNER_FIRST.match(phrase) else None
    if owner is None or owner[1].lower() in _NOT_AN_OWNER or _DAY_OWNER.fullmatch(owner[1].lower()[:-2]):
        return phrase  # "tomorrow's meeting" is the meeting of a day, said as its date
    return f"{owner[1]} {phrase}"


# "Erinnere mich an den Elternsprechtag", "remind me about the dentist": the reminder's preposition and the
# article after it belong to the request; v20 copied them ("an den Elternsprechtag").
_REMINDER_VERB = re.compile(r"\b(?:erinner|remind)\w*\b", re.IGNORECASE)
_REMINDED_LEAD = re.compile(
    r"(?:an|ans|about|of)\s+(?:(?:den|die|das|dem|meine[nm]?|mein|the|my)\s+)?(?=[^\W\d_])", re.IGNORECASE
)


def _noted_to_self(phrase: str, query: str) -> str:
    """ "note to self buy milk": the note's "self" copied before the to-do is no part of it; nor is "make a note that"
    before what is noted, and of "the plumber comes" the one who comes is the title."""
    noted = re.match(r"(?i)(?:please\s+)?(?:make\s+a\s+note|note\s+down|note|remember)\s+that\s+(?=\S)", phrase)
    if noted:
        phrase = phrase[noted.end() :]
        comes = re.fullmatch(
            r"(?i)((?:the\s+|my\s+)?\S+(?:\s+\S+)?)\s+(?:comes|is\s+coming|arrives|will\s+come)", phrase
        )
        return comes[1] if comes else phrase
    if not re.search(r"(?i)\bnote\s+to\s+self\b", query):
        return phrase
    return re.sub(r"(?i)^(?:note\s+to\s+)?self\b[:,]?\s+(?=\S)", "", phrase)


# "Sag mir am Sonntag Bescheid wegen der Fahrkarten", "give me a heads up about the train tickets": a reminder
# asked for without "remind"; what it is about is the title, the words that ask for it are not.
_TOLD_LEAD = re.compile(
    r"^(?:bescheid\s+(?:wegen|zu|zum|zur|über|für)|(?:a\s+)?heads[\s-]?up\s+(?:about|on|for|regarding)"
    r"|(?:a\s+)?(?:nudge|ping|shout)\s+(?:about|for|regarding))\s+"
    r"(?:(?:der|die|das|dem|den|des|meine[mnrs]?|mein|the|my)\s+)?(?=[^\W\d_])",
    re.IGNORECASE,
)


# "Sag mir morgen um 12 Bescheid, dass ich den Arzt anrufen muss", "give me a heads up that I need to call the bank":
# what the reminder is for is the clause after "dass"/"that", without its subject and its modal verb.
_TOLD_WORDS = frozenset({"bescheid", "heads up", "a heads up", "heads-up", "erinnerung", "reminder", "a reminder"})
_TOLD_THAT = re.compile(
    r"(?i)(?:,\s*|\s)(?:dass|that)\s+(?:ich|wir|i|we)\s+(?:(?:have|need|got)\s+to\s+|must\s+|should\s+)?"
    r"(?:(?:den|die|das|dem|the|my|meine[nm]?|mein)\s+)?(?P<what>[^\W\d_][^,.!?]*?)"
    r"(?:\s+(?:muss|müssen|soll|sollte|sollen|will|darf|kann|noch\s+muss))?[\s.!?]*$"
)


_MEETING_US = re.compile(r"(?i)(?:wir\s+)?(?:treffen|sehen|verabreden)\s+uns|(?:we'?re\s+)?meeting\s+up|we\s+meet")


def _whom_one_meets(query: str, others: list[str]) -> str | None:
    """What "wir treffen uns ..." meets for, as said ("mit den Nachbarn zum Kaffee")."""
    left = _title_left_over(query, others)
    if not left:
        return None
    m = re.search(rf"(?i)\b(?:mit|with)\s+(?:(?:den|der|dem|meinen|meiner|meinem|the|my)\s+)?{re.escape(left)}", query)
    return m[0] if m else left


_REMIND_ABOUT = re.compile(r"(?i)\bremind\s+me\s+(?:about|of)\s+(?:the\s+|my\s+)?(?P<what>\S.*)$")


def _reminded_whole(phrase: str, query: str) -> str:
    """A reminder's title copied without its head ("Tim" of "remind me about the present for Tim ..."): all that is
    said after "about" up to the copied words, when it says no day or time."""
    m = _REMIND_ABOUT.search(query)
    at = m["what"].lower().find(phrase.lower()) if m and phrase else -1
    head = m["what"][:at] if m and at > 0 else ""
    if not head.endswith(" ") or len(head.split()) > 4:
        return phrase
    if any(names_a_value(t, head) for t in (ParamType.DATE, ParamType.TIME)):
        return phrase
    return f"{head}{phrase}"


def _reminded(phrase: str, query: str) -> str:
    """The copied title without the "an den"/"about" that a reminder verb before it in the query asks for, or the
    German one right after it ("mich ... ans Tanken erinnern")."""
    that = _TOLD_THAT.search(query) if phrase.lower() in _TOLD_WORDS else None
    if that:
        return that["what"]
    told = _TOLD_LEAD.match(phrase)
    if told:
        return phrase[told.end() :] or phrase
    at = _said_at(query, phrase, case=True)
    lead = _REMINDED_LEAD.match(phrase)
    after = re.match(r"\s*(?:zu\s+)?erinner\w*", query[at + len(phrase) :], re.IGNORECASE) if at >= 0 else None
    if at < 0 or lead is None or not (_REMINDER_VERB.search(query[:at]) or after):
        return phrase
    return phrase[lead.end() :] or phrase


# "Anruf bei der Bank", "Termin beim Tierarzt", "appointment with Dr. Lee": a title that starts at its
# preposition lost the event noun before it (a template word, so the widening above stops at it).
_PREPOSITION_FIRST = re.compile(r"(?:bei|beim|mit|von|vom|zum|zur|im|an|with|at|from|of)\s", re.IGNORECASE)
_PLACE_FIRST = re.compile(r"(?:im|beim|bei|in|at)\s", re.IGNORECASE)
_EVENT_NOUN = re.compile(r"(?:\w*termin|anruf|besuch|treffen|appointment|meeting|call|visit)", re.IGNORECASE)


# "Karen visiting in my calendar", "pick up the prescription from my caledar", "Notartermin aus meinem Kalender":
# where the event is, said after its title; a typed slip of the word ("caledar") is the same word.
_CALENDAR_TAIL = re.compile(
    r"\s+(?:in|from|on|to|into|off|im|aus|von)\s+(?:(?:my|the|our|meinem|meinen|dem|den)\s+)?(?P<word>[^\W\d_]+)$",
    re.IGNORECASE,
)
_CALENDAR_WORDS = ("calendar", "kalender", "schedule", "agenda", "terminkalender")
# Where events or names are kept, not where one takes place ("im Terminplan", "in contacts").
_STORE_WORDS = (
    *_CALENDAR_WORDS,
    *"terminplan zeitplan planner planer diary contacts kontakten veranstaltungen termine terminen events".split(),
    *"appointments einträge einträgen entries liste list".split(),
)


def _said_at(query: str, phrase: str, *, case: bool = False) -> int:
    """Where the copied words stand in the query: the first place they are whole words ("gegen 1" in "gegen 16
    uhr, nein, gegen 1" is the second), else the first place at all, else -1. A plain find took the start of
    "gegen 16" for "gegen 1" and read the corrected time as 18:00."""
    flags = 0 if case else re.IGNORECASE
    m = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", query, flags) if phrase else None
    if m:
        return m.start()
    return query.find(phrase) if case else query.lower().find(phrase.lower())


def _slip_of(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` or one typed slip from it (one letter left out, added, changed, or two
    letters swapped: optimal string alignment distance 1), for words of six letters or more."""
    from rapidfuzz.distance import OSA  # the fuzzy matcher the calendar's title match uses

    return word == target or (min(len(word), len(target)) >= 6 and OSA.distance(word, target) <= 1)


# The request copied at the start of a title ("I'd like to add dentist" read as "add dentist", "trag lauftreff ...
# ein", "Penncil in therapy session", "event for plumber", "scrap barbecue"): the verbs a to-do rarely starts with
# ("book", "make", "plan", "put", "set up", "cancel", "drop", "move", "shift" are left: "book the flights", "cancel
# the gym membership" are to-dos).
_MAKE_VERBS = (
    "add schedule create arrange enter trag trage reservier reserviere notier notiere erstell erstelle speicher "
    "speichere blockier blockiere registrier registriere vermerke füg füge save note"
).split()
_DELETE_VERBS = (
    "delete remove scrap lösch lösche storniere stornier streich streiche entferne entfern "
    "strike wipe erase nuke ditch axe unschedule"  # the delete templates' verbs no to-do starts with
).split()
# The make verbs that rule out a delete said besides (_delete_said): "trag ... aus" deletes, "trag ... ein" is read
# by _ADD_SAID.
_MADE_SAID = [v for v in _MAKE_VERBS if len(v) > 3 and v not in ("trag", "trage")]
_MOVE_VERBS = "postpone reschedule push bump verschieb verschiebe verleg verlege".split()
# Verbs that ask for a move and are in titles too ("move the car", a house move): a move's title drops one only
# where the request starts with it ("Can you move the lawyer on the 30th to Saturday"), not where another verb asks
# ("Make move the drinks start at 3", "delay move the application"), it is said twice ("move move the car") or the
# title is the subject of news ("move the winter tires for today is now on Friday").
_MOVE_ONLY_IN_A_MOVE = frozenset("move shift change rebook bring put slide switch defer delay".split())


def _without_move_request(phrase: str, spec: Function, query: str) -> str:
    """A move's title copied with the verb that asks for the move at its start, without it."""
    head, _, rest = phrase.partition(" ")
    if not _moves_an_event(spec) or head.lower() not in _MOVE_ONLY_IN_A_MOVE or not rest:
        return phrase
    said = _ASK_LEAD.sub("", query.strip(), count=1)
    if not said.lower().startswith(phrase.lower()) or _NEWS_OF_IT.search(said[len(phrase) :]):
        return phrase  # "move the winter tires for today is now on Friday": news of the event "move the winter tires"
    return rest


_BRING_FORWARD = re.compile(
    r"\bbring\s+(?:bring\s+)?(?:forward\s+)?(?:(?:the|my|our)\s+)?(?P<what>(?:[^,.;!?]|(?<=\d)\.(?=\d))+?)"
    r"\s+(?:forward|earlier)\b",
    re.IGNORECASE,
)


def _brought_forward(phrase: str, spec: Function, query: str) -> str:
    """A move's title copied from inside "bring <title> forward" as all of it ("Bring water the plants forward":
    "water the plants", not "water"): those words can only name the event."""
    if _moves_an_event(spec) and re.match(r"(?i)forward\s+\S", phrase) and re.search(r"(?i)\bbring\s+forward\b", query):
        return phrase[len("forward ") :]  # "bring forward passport appointment ... to": the request's particle
    found = _BRING_FORWARD.search(query)
    if not _moves_an_event(spec) or found is None:
        return phrase
    what = found["what"]
    bare = re.sub(r"(?i)^bring\s+|\s+(?:forward|earlier)$", "", phrase).lower()  # "water the plants forward"
    inside = phrase.lower() in what.lower() or bare == what.lower()
    return what if inside and len(what.split()) <= 8 else phrase


# Said after a title, what makes the title the subject of news: "... is now on Friday", "... needs to move to".
_NEWS_OF_IT = re.compile(
    r"\b(?:is|ist|needs?|has\s+to|must|muss|mov\w*|shift\w*|postpon\w*|resched\w*|verschieb\w*|verleg\w*)\b",
    re.IGNORECASE,
)
# "make book the flights a recurring event": the request around the title.
_MAKE_IT_AN_EVENT = re.compile(
    r"\bmake\s+(?P<title>.+?)\s+(?:a|an|into\s+an?)\s+(?:(?:recurring|repeating|regular|weekly|daily|monthly|yearly"
    r"|all-day|all\s+day)\s+)?(?:event|series|appointment|entry)\b",
    re.IGNORECASE,
)


# "make an appointment for the car garage", "einen Termin für die Autowerkstatt machen": the appointment is the title,
# the verb that makes it none of it.
_MAKE_AN_APPOINTMENT = re.compile(
    r"(?i)^(?:make|book|schedule|set\s+up|get)\s+(?:an?|the|my)\s+(?=(?:appointment|reservation)\b)"
)
_TERMIN_MADE = re.compile(
    r"(?i)\b(?:einen|nen|'nen)\s+(?P<title>termin\s+(?:für|beim|bei|mit|zum|zur|in)\s+[^,;.!?]+?)"
    r"(?<!\bfertig)(?<!\bsauber)(?<!\bklar)(?<!\bbereit)\s+(?:machen|ausmachen|vereinbaren)\b"
)


def _appointment_made(phrase: str, query: str) -> str:
    """The appointment a request makes, without the verb that makes it (see ``_MAKE_AN_APPOINTMENT``)."""
    made = _TERMIN_MADE.search(query)
    bare = re.sub(r"(?i)\s+(?:machen|ausmachen|vereinbaren)$", "", phrase)
    if made and bare != phrase and made["title"].lower().endswith(bare.lower()):
        return made["title"]  # "Autowerkstatt machen" of "einen Termin für die Autowerkstatt machen"
    return _MAKE_AN_APPOINTMENT.sub("", phrase, count=1) or phrase


def _without_make_it(phrase: str, query: str) -> str:
    """A title copied with the "make" of "make <title> a recurring event" before it, without it."""
    m = _MAKE_IT_AN_EVENT.search(query)
    head, _, rest = phrase.partition(" ")
    if m is None or head.lower() != "make" or not rest or not m["title"].lower().startswith(rest.lower()):
        return phrase
    return rest


_REQUEST_LEAD = re.compile(
    r"^(?:(?P<go>go\s+a\w{2,5}d\s+and)\s+|(?:please|bitte)\s+)?(?P<verb>[^\W\d_]+)"
    r"(?:\s+(?P<particle>in|up|down|out time for))?"
    r"(?:\s+(?P<article>a|an|mir|bitte|mal))?\s+(?=\S)",
    re.IGNORECASE,
)
# What a sentence says of its event at its end, never a part of the title ("Die Steuererklärung ist fällig.").
_SAID_OF_AN_EVENT = frozenset("fällig due dran los statt an ab aus vorbei over done erledigt weg off on".split())
_GO_AHEAD_VERBS = frozenset("book put plan set make schedule add".split())
_PHRASAL_REQUEST = {"in": ("pencil", "slot"), "down": ("jot",), "out time for": ("block",)}
# "Leg einen Serientermin an: Pakete abschicken": "Serientermin an" is the request ("Termin an Gleis 12" is a place,
# so a plain "Termin an" only with its colon).
_SERIES_ANLEGEN = re.compile(r"^(?:serientermin\s+an[:,]?|termin\s+an[:,])\s+(?=\S)", re.IGNORECASE)
_EVENT_FOR = re.compile(r"^(?:an?\s+)?(?:event\s+(?:for|called)|(?:termin|eintrag)\s+namens)\s+(?=\S)", re.I)


def _moves_an_event(spec: Function) -> bool:
    return {"title", "date", "new_date", "new_time"} <= {p.name for p in spec.params}


def _request_verbs(spec: Function) -> list[str]:
    """The verbs that ask for what the function does: make, delete or move an event."""
    if _makes_an_event(spec):
        return _MAKE_VERBS
    if _deletes_an_event(spec):
        return _DELETE_VERBS
    return _MOVE_VERBS if _moves_an_event(spec) else []


def _without_request(phrase: str, spec: Function) -> str:
    """A title without the request copied before it: the verb that asks for the event, its removal or its move
    ("add", "trag", "pencil in", "scrap", "postpone", one typed a letter off) with its article, "event for", or
    the rest of "Leg einen Serientermin an: ..."."""
    verbs = _request_verbs(spec)
    event_for = (_EVENT_FOR.match(phrase) or _SERIES_ANLEGEN.match(phrase)) if verbs is _MAKE_VERBS else None
    if event_for:
        return phrase[event_for.end() :]
    lead = _REQUEST_LEAD.match(phrase)
    if lead is None or not verbs:
        return phrase
    verb, particle = lead["verb"].lower(), (lead["particle"] or "").lower()
    if particle == "up" or (particle and verbs is not _MAKE_VERBS):  # "set up a table at the restaurant": a to-do
        request = False
    elif particle:
        request = any(_slip_of(verb, v) or verb == v for v in _PHRASAL_REQUEST[particle])
    else:
        request = any(_slip_of(verb, v) for v in verbs)
        # "go ahead and book offsite", a letter off ("go aead and"): the frame asks, so "book" does too
        request = request or bool(lead["go"] and verbs is _MAKE_VERBS and verb in _GO_AHEAD_VERBS)
    rest = phrase[lead.end() :]
    return rest if request and _TITLE_WORD.match(rest) else phrase


# "take the gym off my calendar", "take dinner with Tom off the schedule": "take ... off" is the delete request.
_TAKE_OFF = re.compile(r"(?i)^take\s+(?:(?:the|my|a|an)\s+)?(?=[^\W\d_])")


def _without_take_off(phrase: str, query: str, spec: Function) -> str:
    """A deleted event's title without the "take" of "take X off" copied before it, or the "mit dem" of "weg mit
    dem Standup"."""
    away = re.match(r"(?i)mit\s+(?:dem|der|den|meinem|meiner)\s+(?=\S)", phrase)
    if away and _deletes_an_event(spec) and re.match(r"(?i)\W*weg\s+mit\b", query):
        return phrase[away.end() :]
    lead = _TAKE_OFF.match(phrase)
    at = _said_at(query, phrase, case=False)
    if lead is None or at < 0 or not _deletes_an_event(spec):
        return phrase
    after = query[at + len(phrase) :]
    return phrase[lead.end() :] if re.match(r"(?i)\W*(?:\S+\s+){0,3}?off\b", after) else phrase


# "block out time for the passport appointment", "Blockier Zeit für Fokusarbeit": the time is what the request makes,
# what it is for is the event.
_TIME_FOR = re.compile(r"^(?:(?:some|etwas)\s+)?(?:time\s+for|zeit\s+für)\s+(?=[^\W\d_])", re.IGNORECASE)
_MAKES_TIME = re.compile(
    r"(?i)\b(?:block|make|set|schedule|reserve|carve|put|blockier\w*|reservier\w*|nimm|plan\w*)"
    r"(?:\s+(?:out|off|aside|dir|mir))?(?:\s+(?:some|etwas))?\s*$"
)


def _without_time_for(phrase: str, query: str, spec: Function) -> str:
    """A new event's title copied with the "time for" a request to block time says before it, without it."""
    lead = _TIME_FOR.match(phrase)
    at = _said_at(query, phrase, case=True)
    if lead is None or at < 0 or not _makes_an_event(spec):
        return phrase
    # "Blockier mir morgen von 9 bis 12 Zeit für die Steuererklärung": the day and hours said in between
    blocks = _BLOCK_FIRST.match(_ASK_LEAD.sub("", query[:at], count=1))
    return phrase[lead.end() :] if _MAKES_TIME.search(query[:at]) or blocks else phrase


_BLOCK_FIRST = re.compile(r"(?i)\s*(?:block|blockier\w*|reservier\w*|reserve)\b")


# "on call next week", "note on duty on Saturday", "on leave from May 2 to 5": a status whose noun means something else
# without its "on" (a phone call, a task, leaving). The model stops at "on", a word the templates say before days.
_STATUS_AFTER_ON = frozenset({"call", "duty", "leave", "standby", "stand-by"})


def _with_status_on(phrase: str, query: str, others: Sequence[str]) -> str:
    """The copied title with the "on" said right before it when the title is such a status, and only it ("on call
    centre training" is no status)."""
    at = _said_at(query, phrase, case=True)
    if at < 3 or phrase.lower() not in _STATUS_AFTER_ON or query[at - 3 : at].lower() != "on ":
        return phrase
    if at > 3 and query[at - 4].isalnum() or any(o.lower().endswith(" on") or o.lower() == "on" for o in others):
        return phrase  # "upon call", or the "on" is another argument's
    return f"{query[at - 3 : at - 1]} {phrase}"


# "Set up a call with the Berlin office", "I'd like to book a lawyer", "arrange passport appointment with lisa", "at
# 8 next Friday, plan a grocery shopping": an English verb that arranges the event, said as the request, copied
# with the title. "book" and "plan" only with an article ("book club", "plan B" are events); with "the" it is a to-do
# ("book the flights", "set up the guest room"), and after another request ("add set up flowers for Mom", "remind
# me to book a table") the title's own.
_ARRANGE_LEAD = re.compile(
    r"^(?:(?:set\s+up|arrange|organi[sz]e)(?:\s+(?:a|an|my))?|(?:book|plan)\s+(?:a|an|my))\s+"
    r"(?!(?:the|that|this|it|a|an|my)\b)(?=[^\W\d_])",
    re.IGNORECASE,
)


def _without_arranging(phrase: str, query: str, spec: Function) -> str:
    """A new event's title without the arranging verb (and article) said as the request and copied at its start."""
    lead = _ARRANGE_LEAD.match(phrase)
    at = _said_at(query, phrase, case=True)
    if lead is None or at < 0 or not _makes_an_event(spec):
        return phrase
    before = re.sub(r"(?i)\b(\w+)\s+\1\b", r"\1", query[:at].strip())  # "I'd like like to": a word said twice
    before = re.sub(r"(?i)^(?:like|you\s+know)[,]?(?:\s+|$)", "", before)  # "like set up all-hands"
    if _ASK_LEAD.sub("", before + " ", count=1).strip() and not before.endswith((",", ":", ";", ".")):
        return phrase  # not the request: "add set up flowers for Mom", "remind me to book a table"
    if re.search(r"(?i)\b(?:event|appointment|entry|reminder)\s*:$", before):
        return phrase  # "new event: set up flowers for Mom": the request was said before the colon
    return phrase[lead.end() :]


# "Put the car wash on Saturday": "put" asks for the event when a day or the calendar follows the title; "put the
# bins out", "put up the tent" are to-dos with their particle.
_PUT_LEAD = re.compile(r"^put(?:\s+down)?\s+(?:(?:the|a|an|my)\s+)?(?=[^\W\d_])", re.IGNORECASE)
_PUT_TARGET = re.compile(r"[\s,]*(?:on|for|in|into|onto|at|$)\b", re.IGNORECASE)
_PARTICLES = frozenset("out up away back off over down in".split())


# "Stick sport in my calendar", "pop the dentist in on Wednesday": "put" said in other words, only where the calendar
# or the "in" follows the title ("stick the cake in the oven" is a to-do).
_PUT_ALIKE = re.compile(r"^(?:stick|pop|throw|chuck|slot|bung)\s+(?:(?:the|a|an|my)\s+)?(?=[^\W\d_])", re.IGNORECASE)
_INTO_THE_CALENDAR = re.compile(
    r"\s*(?:in\s+(?=on\b|for\b|at\b|$)|(?:in|on|into|onto)\s+(?:my|the|our)\s+(?:calendar|diary|schedule|agenda)\b)",
    re.IGNORECASE,
)


def _without_put(phrase: str, query: str, spec: Function) -> str:
    """A new event's title without the "put" (and article) that asks for it, copied at its start."""
    lead = _PUT_LEAD.match(phrase)
    at = _said_at(query, phrase, case=True)
    alike = _PUT_ALIKE.match(phrase)
    if lead is None and alike is not None and at >= 0 and _INTO_THE_CALENDAR.match(query, at + len(phrase)):
        return phrase[alike.end() :] if _makes_an_event(spec) else phrase
    if lead is None or at < 0 or not _makes_an_event(spec):
        return phrase
    rest = phrase[lead.end() :]
    words = rest.split()
    if len(words) > 1 and words[-1].lower() == "in":  # "put the electrician in" copied with its particle
        words.pop()
    if any(w.lower() in _PARTICLES for w in words) or not _PUT_TARGET.match(query, at + len(phrase)):
        return phrase
    return " ".join(words)


# "Add a run", "Trag mir Klavierstunde ein", "kannst du vorlesung blockieren?": a request to put something in the
# calendar, said with nothing but its title. The model declines some of these (a bare title looks like chit-chat),
# and the user who asked gets "I did not understand"; the caller lets a declined one of these become an event.
_ASK_LEAD = re.compile(
    rf"^{_FILLERS}"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|(?:kannst|könntest|würdest)\s+du\s+(?:bitte\s+|mal\s+)*"
    r"|go\s+ahead\s+and\s+|i(?:'d|\s+would)\s+like\s+to\s+|i\s+(?:want|need)\s+to\s+|please\s+|bitte\s+)?",
    re.IGNORECASE,
)
# The German requests said after the title ("Physio ansetzen", "Grillabend anlegen").
_ADD_AFTER_TITLE = ("eintragen", "ansetzen", "blockieren", "erstellen", "anlegen", "hinzufügen", "einplanen")
_ASKS_TO_ADD = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:add|create|enter|put(?:\s+down)?|pencil\s+in|slot\s+in|jot\s+down|remind\s+me\s+(?:to|about|of)"
        r"|new\s+(?:event|appointment|entry)"
        r"|schedule(?!\s+(?:on|for|in|at|today|tomorrow|tonight|the|next|this|until|till|through|events?)\b))"
        r"[:,]?\s+(?P<rest>.+)$",
        r"^(?:trag|trage|schreib|schreibe)\s+(?P<rest>.+?)\s+(?:ein|rein)[.!?]?$",
        # "Trag ein, dass Paul am Wochenende bei uns übernachtet", "trag mal bitte ein: Zahnarzt am Freitag um 9"
        r"^(?:trag|trage|schreib|schreibe)\s+(?:(?:mal|bitte|doch|mir|uns)\s+)*(?:ein|rein|auf)\s*[:,]?\s+"
        r"(?:dass\s+)?(?P<rest>.+)$",
        # "Nimm das Sommerfest im Kalender auf", "Zahnarzt in den Kalender aufnehmen": only with the calendar said,
        # for "nimm das Gespräch auf" records
        r"^(?:nimm|nehme?)\s+(?P<rest>.+?)\s+(?:in\s+(?:den|meinen|meinem)|im)\s+kalender\s+auf[.!?]?$",
        r"^(?P<rest>.+?)\s+(?:in\s+(?:den|meinen)|im)\s+kalender\s+aufnehmen[.!?]?$",
        r"^(?:füg|füge)\s+(?P<rest>.+?)\s+hinzu[.!?]?$",
        r"^erinnere?\s+mich(?!\s+(?:wenn|ob|wann|was|wie)\b)[:,]?\s+(?P<rest>.+)$",
        r"^neue[rnm]?\s+(?:termin|eintrag)[:,]?\s+(?P<rest>.+)$",
        r"^(?:erstell|erstelle|blockier|blockiere|eintragen)[:,]?\s+(?P<rest>.+)$",
        rf"^(?P<rest>.+?)\s+(?<!zu )(?:{'|'.join(_ADD_AFTER_TITLE)})[.!?]?$",
    )
)
# "Paul's birthday is on the 14th, put it in", "..., schreib das auf": an event told with its day or time, then the
# request (never "milk and eggs, write that down", "this is my number, write it down": no day, no time).
_TOLD_THEN_ADDED = re.compile(
    r"^(?P<rest>.+?)[,;.]?\s+(?:(?:please|bitte|and|und)\s+)?(?:put\s+(?:it|that|this)\s+(?:in|down)|"
    r"add\s+(?:it|that|this)|write\s+(?:it|that|this)\s+down|note\s+(?:it|that)(?:\s+down)?|"
    r"schreib\s+(?:das|es)\s+(?:bitte\s+)?auf|trag\s+(?:das|es)\s+(?:bitte\s+)?ein|notier\s+(?:das|es))"
    r"(?:\s+(?:please|bitte))?[.!?]?$",
    re.IGNORECASE,
)
_ASK_VERBS = ("erinnere", "erstelle", "blockiere", *_ADD_AFTER_TITLE, "schedule", "create", "remind")
# What else such a request adds to or makes (a mail, a song, a list, a contact, an alarm, a light's setting), or
# the calendar itself ("remind me about my schedule for the afternoon").
_NOT_AN_EVENT = re.compile(
    r"e-?mail|mail|song|lied|musik|music|playlist|\w*listen?|lists?|contacts?|kontakt\w*|tweet|channel|kanal"
    r"|alarm\w*|wecker|timer|notifications?|benachrichtigung\w*|artikel|article|menu\w*|address|adresse|lights?"
    r"|licht\w*|radio|order|bestellung|schedule|calendar|kalender\w*|agenda|datei|dateien|files?|dokumente?"
    r"|volume|lautstärke|temperature|temperatur|thermostat|brightness|helligkeit",
    re.IGNORECASE,
)
_NOTHING_NAMED = frozenset(
    "a an the my it this that something ein eine einen neuen neues neue mir bitte mal es das dies diese etwas "
    "irgendwas irgendwann termin eintrag event appointment entry daran".split()
)

# Words no title starts with: "erinnere mich um", "... nach zehn Minuten", "... dass ich etwas tun muss".
_NO_TITLE_START = frozenset(
    "um am nach in im dass ob wenn wann was wie welche zu ich mich at on to that if when what how which me i".split()
)


def asks_for_an_event(query: str) -> bool:
    """Whether the query asks, in so many words, to put something in the calendar ("add", "schedule", "trag ...
    ein", "erinnere mich an", "... ansetzen") and names what: never "add this song", "füge Jonas meiner
    Kontaktliste hinzu", "Schedule for today?" (a question about the calendar) or "Eintrag hinzufügen" (no title)."""
    words = _ASK_LEAD.sub("", query.strip(), count=1).split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower().rstrip(".!?")
    if first not in _ASK_VERBS:
        words[0] = next((v for v in _ASK_VERBS if _slip_of(first, v)), words[0])  # "Erninere mich", "erstelen"
    if last not in _ASK_VERBS:
        words[-1] = next((v for v in _ASK_VERBS if _slip_of(last, v)), words[-1])
    said = " ".join(words)
    for ask in _ASKS_TO_ADD:
        m = ask.match(said)
        if m:
            rest = [w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", m["rest"])]
            if any(_NOT_AN_EVENT.fullmatch(w) for w in rest):
                return False
            named = [w for w in rest if w not in _NOTHING_NAMED]
            return bool(named) and named[0] not in _NO_TITLE_START and not _names_a_day_or_time(named[0])
    told = _TOLD_THEN_ADDED.match(said)
    if told is None or any(_NOT_AN_EVENT.fullmatch(w) for w in re.findall(r"[^\W_]+", told["rest"])):
        return False
    return bool(_day_said_anywhere(told["rest"], [], None) or _clock_said_anywhere(told["rest"], [], None))


# "Remind me tomorrow at 10", "Erinnere mich bitte", "set a reminder for Friday", "Stell mir eine Erinnerung für
# Montag": a request for a reminder, said with or without what to be reminded of. A reminder is an event (as on a
# phone), and one that names nothing is asked what it is for. Never "remind her", "erinnere dich an dieses Lied",
# "remind me when I'm at the library" (no time to put it at) or "remind me what I have on Sunday" (a look at the
# calendar).
_REMINDER_REQUEST = re.compile(
    r"^(?:remind(?:\s+(?:me|us))?|erinnere?(?:\s+(?:mich|mir|uns))?"
    r"|(?:(?:set|create|add|make|give|put|schedule)\s+(?:me\s+|up\s+)?(?:an?\s+|some\s+)?|new\s+)?re(?:minder|mainder)s?"
    r"|(?:(?:stell|stelle|setz|setze|erstell|erstelle|mach|mache|leg|lege)\s+(?:mir\s+)?(?:eine\s+)?)?erinnerung"
    r")(?=$|[\s:,.!])(?P<rest>.*)$",
    re.IGNORECASE,
)
# "remind me the reminders I have set"; "remainder" is how people write "reminder" (MASSIVE and SLURP, a dozen times)
_REMINDER_NOUN = re.compile(r"re(?:minder|mainder)s?|erinnerung(?:en)?", re.IGNORECASE)
_NOT_WHEN = frozenset(
    "what when where who whom how which if whether once while wann was wo wer wie welche welchen welcher ob wenn "
    "sobald falls woran dich sie ihn ihr her him them you i ich".split()
)


def asks_for_a_reminder(query: str) -> bool:
    """Whether the query asks for a reminder at a time ("remind me tomorrow at 10", "Erinnere mich an Pauls
    Geburtstag", "set a reminder for this"), whatever it names: never one of someone else, one on a condition
    ("when I'm at the library"), a question about the calendar ("remind me what I have on Sunday") or one of
    what is no event (a mail, an alarm, the schedule)."""
    said = _ASK_LEAD.sub("", query.strip(), count=1)
    m = _REMINDER_REQUEST.match(said)
    if m is None or said.rstrip().endswith("?"):
        return False
    rest = [w.lower() for w in re.findall(r"[^\W_]+(?:['-][^\W_]+)*", m["rest"])]
    while rest and rest[0] in {"me", "mich", "mir", "daran", "dran"}:
        rest = rest[1:]
    if rest and rest[0] in _NOT_WHEN:
        return False
    return not any(_NOT_AN_EVENT.fullmatch(w) or _REMINDER_NOUN.fullmatch(w) for w in rest)


# "What does my day look like?", "how's tomorrow looking", "Wie sieht meine Woche aus?", "wie schaut's morgen bei
# mir aus": a look at the calendar that the model declines, said of the person's day, week or schedule or of a
# day. Never of the traffic, the weather, an alarm or a thing ("what does a geranium look like"), and never the
# small talk of "Wie sieht's aus?".
_LOOK_LEAD = r"^(?:(?:hey|so|ok|okay|please|and|und|also|na|sag mal|tell me|bitte),?\s+)*"
_HOW_LOOKS = re.compile(
    _LOOK_LEAD + r"(?:"
    r"(?:what|how)(?:'s|s| is| does| do| will| did)?\s+(?P<en>.+?)\s+(?:look|looks|looking)(?:\s+like)?\b"
    r"|wie\s+(?:sieht|schaut|sehen|schauen)(?:'s|s)?\s+(?P<de>.+?)\s+aus\b)(?P<tail>.*)$",
    re.IGNORECASE,
)
# "Wie voll ist mein Montag?", "how packed is next week": how full a day is, asked of the calendar.
_HOW_FULL = re.compile(
    _LOOK_LEAD + r"(?:"
    r"how\s+(?:busy|full|packed)\s+(?:is|are|will\s+be)\s+(?P<en>.+?)"
    r"|wie\s+(?:voll|vollgepackt|stressig|busy)\s+(?:ist|wird|sind|werden)\s+(?P<de>.+?))(?P<tail>)\W*$",
    re.IGNORECASE,
)
_PLANNED = frozenset(
    "day week weekend month morning afternoon evening schedule calendar agenda diary plans plan tag woche wochenende "
    "monat vormittag nachmittag abend kalender terminkalender zeitplan stundenplan terminplan tagesplan wochenplan "
    "termine appointments".split()
)
_LOOK_FILLER = frozenset(
    "my our the mein meine meinen meiner meinem der die das den dem for me für mich bei mir so denn eigentlich "
    "like then dann".split()
)
_DAY_WORDS = frozenset(
    "today tomorrow tonight heute morgen übermorgen next this coming upcoming rest of nächste nächsten nächster "
    "nächstes kommende kommenden kommender diese diesen dieser dieses am on im in at day after".split()
)


def asks_how_days_look(query: str) -> bool:
    """Whether the query asks how the person's day, week or schedule looks, or how a day looks ("What does
    tomorrow look like?"), in so many words."""
    m = _HOW_LOOKS.match(query.strip()) or _HOW_FULL.match(query.strip())
    if m is None:
        return False
    said = f"{m['en'] or m['de']} {m['tail']}"
    words = [w.lower() for w in re.findall(r"[^\W_]+(?:['.][^\W_]+)*", said)]
    planned = any(w in _PLANNED for w in words)
    rest = [w for w in words if w not in _PLANNED and w not in _LOOK_FILLER and w not in {"es", "it", "'s", "s"}]
    if any(w in {"it", "das", "that", "this"} for w in words) and not planned and not rest:
        return False
    dayish = [w for w in rest if w in _DAY_WORDS or w in WEEKDAY_WORDS or w in MONTH_WORDS or w[:1].isdigit()]
    if len(dayish) < len(rest):
        return False  # something else looks somehow: the traffic, the weather, a song
    return planned or (bool(rest) and resolve_date_range(" ".join(rest), dt.date(2001, 1, 3)) is not None)


# "push my dentist appointment back an hour", "Verschieb das Meeting um eine Stunde nach hinten", "bring the standup
# forward by half an hour", "zieh das Training 15 Minuten vor", "push it back a week", "verschieb ihn um zwei Tage
# nach hinten": a move by a length, not to a day or time. The call
# cannot say it (its new time is a clock time); the dialog reads it from the words and the event's own start.
_SHIFT_AMOUNT = re.compile(
    r"(?<!\bin )(?<!\bfor )(?<!\bfür )\b(\d+(?:[.,]\d+)?) "
    r"(stunden?|hours?|minuten?|minutes?|mins?|tag(?:e|en)?|days?|wochen?|weeks?)\b"
)
# Minutes in each unit of a shift ("1 woche" = 10080): hours, days and weeks; anything else is minutes.
_SHIFT_UNIT = {"stunde": 60, "hour": 60, "tag": 1440, "day": 1440, "woche": 10080, "week": 10080}
_SHIFT_EARLIER = re.compile(
    r"\b(?:earlier|forward|früher|eher|nach vorne?|vorziehen|vorgezogen|vorverlegen|up)\b"
    r"|\bvor\W*$|\bzieh\w*\b.*\bvor\b"
)
_SHIFT_LATER = re.compile(r"\b(?:later|back|später|nach hinten|delay\w*|postpone\w*|push\w*)\b")
_SHIFT_BY = re.compile(r"\b(?:by|um) \d")


def said_shift(query: str) -> int | None:
    """The minutes a query moves an event by, later (positive) or earlier (negative); None when it says none."""
    t = normalize(query)
    m = _SHIFT_AMOUNT.search(t)
    if m is None or re.match(r"\s*(?:lang|long)\b", t[m.end() :]) or (m[2] == "tag" and m[1] != "1"):
        return None  # "eine Stunde lang" is how long; "elf Tag der Deutschen Einheit" no shift
    unit = next((n for word, n in _SHIFT_UNIT.items() if m[2].startswith(word)), 1)
    minutes = float(m[1].replace(",", ".")) * unit
    earlier, later = bool(_SHIFT_EARLIER.search(t)), bool(_SHIFT_LATER.search(t))
    if earlier == later and not (not earlier and _SHIFT_BY.search(t[: m.end()])):
        return None  # both, or neither and no "by"/"um": where to is not said
    return round(minutes) * (-1 if earlier and not later else 1)


# "Verschieb den Zahnarzt", "Reschedule my dentist appointment", "Kannst du das Meeting verschieben?": a move asked
# for in so many words, with no day or time to move to (the dialog asks where to, or reads a length). v25 declined,
# created or deleted these: its moves all had their targets. "move" itself also moves cars and couches: only with
# the person's own event ("my", an event noun).
_MOVE_FIRST = re.compile(
    r"^(?:verschieb\w*|verleg\w*|reschedul\w*|postpon\w*|rebook\w*|defer|delay|schieb|schiebe)\s+(?P<rest>.+)$"
    r"|^(?:move|push|bump|shift)(?:\s+(?:back|up|forward))?\s+"
    r"(?P<own>(?:my|our)\s+.+|(?:the\s+)?(?:\w+\s+)?(?:meeting|appointment|call|lunch|dinner|"
    r"breakfast|session|class|lesson|event|interview|visit|date|party|training|practice|standup|sync)\b.*)$"
    # "Push the haircut from three to four", "change the meeting on Friday at 3 to 4 pm": any event, where it is and
    # where it goes said as days or clock times
    r"|^(?:move|push|bump|shift|change|switch)(?:\s+(?:back|up|forward))?\s+(?P<span_of>.+?)\s+(?:(?:from|at|on|for)\s+|(?=in\s))"
    r"(?P<was>\S.*?)"
    r"\s+to\s+(?P<goes>\S.*?)$"
    r"|^(?P<before>.+?)\s+(?:verschieben|verlegen|vorverlegen|vorziehen|umplanen|umlegen|(?:nach\s+(?:hinten|vorne?)\s+)"
    r"schieben)\W*$"
    r"|^bring\s+(?:bring\s+)?(?P<bring>.+?)\s+(?:forward|earlier)\b"  # "Bring water the plants forward to 6"
    # "Leg das Abendessen mit Tom auf den 19.", "den Friseur auf 16 Uhr legen": one's own event put on another day
    # or time ("Leg einen Termin auf Freitag" makes one)
    r"|^(?:leg|lege|mach|mache)\s+(?:(?:mir|uns|bitte|mal)\s+)*(?P<put>(?:den|die|das|meinen|meine|mein|unseren|unsere|unser)"
    r"\s+.+?)\s+auf\s+(?P<onto>\S.*?)$"
    r"|^(?P<laid>(?:den|die|das|meinen|meine|mein|unseren|unsere|unser)\s+.+?)\s+auf\s+(?P<onto_>\S.*?)\s+legen\W*$"
    # "Leg Nachhilfe auf den 16. Februar": an event named without its article (never "einen Termin", which makes one)
    r"|^(?:leg|lege)\s+(?:(?:bitte|mal)\s+)*(?P<bare>(?-i:[A-ZÄÖÜ])[\w-]*(?:\s+(?!auf\b)\S+){0,3}?)\s+auf\s+"
    r"(?P<onto__>\S.*?)$"
    # "Der Kurs am Dienstag fängt jetzt erst um 19 Uhr an", "The class on Tuesday starts at 7 pm now": one's own event
    # starting at another time from now on
    r"|^(?P<starts>(?:der|die|das|mein|meine|unser|unsere|the|my|our)\s+.+?)\s+(?:fängt|beginnt|startet)\s+"
    r"(?:jetzt|nun|ab\s+jetzt|jetzt\s+erst|erst)\s+(?:erst\s+|schon\s+)?(?:um|ab)\s+(?P<at>\S.*?)(?:\s+an)?$"
    r"|^(?P<starts_>(?:the|my|our)\s+.+?)\s+(?:starts|begins)\s+(?:now\s+at\s+(?P<at_>\S.*?)|at\s+(?P<at__>\S.*?)"
    r"\s+(?:now|instead|from\s+now\s+on))$"
    # "Der Zahnarzt ist doch erst um 11", "the dentist is now at 11", "the call isn't until four": one's own event at
    # another time
    r"|^(?P<is>(?:der|die|das|mein|meine|unser|unsere)\s+.+?)\s+ist\s+(?:(?:jetzt|nun|doch)\s+(?:erst\s+|schon\s+)?"
    r"|erst\s+)um\s+(?P<is_at>\S.*?)$"
    r"|^(?P<is_>(?:the|my|our)\s+.+?)\s+(?:is\s+now\s+at|(?:isn'?t|is\s+not)\s+until)\s+(?P<is_at_>\S.*?)$"
    # "Zieh das Meeting mit Sam auf 9 Uhr vor": brought forward (session 40)
    r"|^(?:zieh|ziehe)\s+(?P<pull>(?:den|die|das|meinen|meine|mein|unseren|unsere|unser)\s+.+?)\s+auf\s+(?P<pull_to>\S.*?)"
    r"\s+vor$"
    # "Ich mach den Friseur lieber am Freitag": one's own event done on another day or at another time
    r"|^(?:(?:also|mal|ok(?:ay)?|gut|dann|nee|nein)[\s,]+)*(?:ich\s+)+(?:mach|mache)\s+(?P<rather>.+?)\s+(?:lieber\s+)+"
    r"(?P<rather_to>\S.*?)$",
    re.IGNORECASE,
)


# The words of a clock time after "um"/"at" (numbers are digits once normalized).
_CLOCK_WORDS = frozenset(
    [str(n) for n in range(60)]
    + [f"{h}:{m:02d}" for h in range(24) for m in range(60)]
    + "uhr am pm o'clock oclock halb viertel dreiviertel nach vor abends morgens früh nachmittags vormittags mittags "
    "nachts half past quarter to in the morning afternoon evening night noon mittag".split()
)


_MOVE_VERBS_SAID = ("postpone", "reschedule", "verschiebe", "verschieben", "verlege", "verlegen", "rebook")


def asks_to_move(query: str) -> bool:
    """Whether the query asks, in so many words, to move an event it names: never music, an alarm or a list."""
    said = _ASK_LEAD.sub("", _mend_slips(query.strip()), count=1)  # "Shfit offsite on 28 October to tomorrow"
    first, _, after = said.partition(" ")
    verb = next((v for v in _MOVE_VERBS_SAID if _slip_of(first.lower(), v)), first)  # "Potspone", "Verschibe"
    asked = f"{verb} {after}".rstrip(" ?!.")
    cannot = _CANNOT_MAKE_IT.match(asked)  # "I can't make X on Thursday, put it on Friday": where it goes is said
    if cannot is not None:
        return _names_an_event_to_move(cannot["what"] or cannot["was"], query)
    m = _MOVE_FIRST.match(asked)
    if m is None:
        return False
    onto = m["onto"] or m["onto_"] or m["onto__"] or m["pull_to"] or m["rather_to"]
    onto = f"{onto}." if onto and onto[-1].isdigit() else onto  # "auf den 19." said without its full stop here
    if onto and not any(names_a_value(t, onto) for t in (ParamType.DATE, ParamType.TIME, ParamType.RANGE_START)):
        return False  # "Leg das Handy auf den Tisch": put somewhere, not on a day
    if m["span_of"] and not _days_or_clocks(m["was"], m["goes"]):
        return False  # "move the car from the garage to the street"
    at = m["at"] or m["at_"] or m["at__"] or m["is_at"] or m["is_at_"]
    clock = f"um {at}" if m["at"] or m["is_at"] else f"at {at}"
    if at and not (names_a_value(ParamType.TIME, clock) and set(normalize(at).split()) <= _CLOCK_WORDS):
        return False  # "the show starts at the station now", "Das Wetter ist jetzt um 10 Grad": no time
    named_by = (
        "rest",
        "own",
        "before",
        "bring",
        "put",
        "laid",
        "starts",
        "starts_",
        "is",
        "is_",
        "pull",
        "span_of",
        "rather",
        "bare",
    )
    return _names_an_event_to_move(next(m[g] for g in named_by if m[g]), query)


def _days_or_clocks(was: str, goes: str) -> bool:
    """Whether where a moved thing is and where it goes are both days, or both clock times ("from 3 to 4")."""
    if resolve_time_range(f"from {was} to {goes}") is not None:
        return True
    return all(names_a_value(ParamType.DATE, w) for w in (was, goes))


def _names_an_event_to_move(words: str, query: str) -> bool:
    """Whether the words a move request names its event by name one (never "me", music or an alarm), in a query
    that asks to add nothing."""
    rest = [w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", words)]
    named = [w for w in rest if w not in _NOTHING_NAMED and w not in {"du", "you", "bitte", "please", "kannst"}]
    if not named or any(_NOT_AN_EVENT.fullmatch(w) for w in rest) or named[0] in {"on", "back", "up"}:
        return False
    return not (_ADD_SAID.search(query) or asks_for_an_event(query))  # "Trag 'Termin verschieben' ein": a to-do


# "Kannst du den Friseur eine Stunde früher machen", "make the dentist an hour later", "leg das Meeting eine halbe
# Stunde nach hinten", "start the standup 15 minutes later", "das Training soll 30 Minuten später anfangen": a move
# by a length said with no move verb (v25 declined these). Only with a length and where it goes (``said_shift``)
# and an event named: "make the meeting 30 minutes longer" is no move, "setz den Wecker 10 Minuten früher" no event.
_SHIFT_VERB_FIRST = re.compile(
    r"^(?:make|mach|mache|leg|lege|setz|setze|start|begin|fang|fange|do|have|hold|zieh|ziehe)\s+(?P<what>.+)$"
)
# "can we do the standup 30 minutes earlier", "let's have lunch with Mark an hour later", "lass uns das Meeting eine
# Stunde später machen": the same ask said for both people
_SHIFT_WE = re.compile(r"^(?:(?:can|could|shall|should)\s+we|let'?s|let\s+us|lass\s+uns|können\s+wir)\s+")
_SHIFT_VERB_LAST = re.compile(r"^(?P<what>.+?)\s+(?:machen|legen|setzen|anfangen|beginnen|starten|ansetzen)$")
_SHIFT_WAY = re.compile(r"\b(?:earlier|later|früher|später|eher|nach (?:hinten|vorne?)|forward|back)\b|\bvor$")
# The words of a shift besides its event: the length, where it goes and what softens it.
_SHIFT_SAID_WORDS = frozenset(
    "by um an a one half halbe halben ein eine einen nach hinten vorne vorn earlier later früher später eher back "
    "forward up vor soll sollte should bitte please mal doch noch jetzt now instead lieber stattdessen hour hours "
    "stunde stunden minute minutes minuten min mins day days tag tage tagen week weeks woche wochen".split()
)


def asks_to_shift(query: str) -> bool:
    """Whether the query asks to move an event it names by a length, with no move verb ("mach den Friseur eine
    Stunde früher", "start the standup 15 minutes later"); with a move verb ``asks_to_move`` says so."""
    said = _SHIFT_WE.sub("", normalize(_ASK_LEAD.sub("", query.strip(), count=1)).rstrip(" ?!."), count=1)
    m = _SHIFT_VERB_FIRST.match(said) or _SHIFT_VERB_LAST.match(said)
    if m is None or said_shift(said) is None or not _SHIFT_WAY.search(said):
        return False  # "Leg Picknick um neun an, vier Stunden": a length, where to not said
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", m["what"])
    named = [w for w in words if w not in _NOTHING_NAMED and w not in _SHIFT_SAID_WORDS and w not in {"du", "you"}]
    if not named or any(_NOT_AN_EVENT.fullmatch(w) for w in words) or {"mich", "me", "uns", "us"} & set(words):
        return False  # "make me a coffee ...", "weck mich ...": no event of the calendar
    return not (_ADD_SAID.search(query) or asks_for_an_event(query))


# "when is mom's birthday", "wann ist Mamas Geburtstag", "when is our anniversary": when one's own event is, which
# the calendar answers; never "when is Easter", "wann fährt der nächste Zug" (nobody's).
_WHEN_IS_ONES = re.compile(
    r"^(?i:(?:(?:and|und|so|also|hey|ok|okay),?\s+)*(?:when|wann)\s+(?:is|ist|are|sind|was|war)\s+)"
    r"(?:(?i:my|our|mein\w*|unser\w*)|[^\W\d_]+'s|[A-ZÄÖÜ][^\W\d_]*s)\s+\S",
)


def _names_no_other_thing(text: str) -> bool:
    """Whether no word of the text is a mail, a song, a list, an alarm or another thing that is no event."""
    return not any(_NOT_AN_EVENT.fullmatch(w) for w in re.findall(r"[^\W_]+", text.lower()))


def asks_when_ones_event_is(query: str) -> bool:
    """Whether the query asks when the person's own (or a named person's) event is."""
    return bool(_WHEN_IS_ONES.match(query.strip())) and _names_no_other_thing(query)


# "wann ist der Müll", "wann ist die Müllabfuhr": when an event named with its article is; the caller takes the
# find only where the model declines it by little (v25: 1.0 and 0.0 logits; "wann ist der nächste Vollmond" 3.6).
# "Um wie viel Uhr ist morgen der Gottesdienst?", "what time is the school play": when, asked of its clock time
_WHEN_IS_THE = re.compile(
    r"^(?:when|wann|um\s+wie\s*viel\s+uhr|um\s+welche\s+uhrzeit|(?:at\s+)?what\s+time)\s+(?:is|ist|are|sind)\s+"
    r"(?:(?:heute|morgen|übermorgen|today|tomorrow)\s+)?(?:the|der|die|das|den)\s+[^\W\d_]",
    re.IGNORECASE,
)


def asks_when_an_event_is(query: str) -> bool:
    """Whether the query asks when something named with its article is ("wann ist der Müll")."""
    return bool(_WHEN_IS_THE.match(query.strip())) and _names_no_other_thing(query)


def asks_if_coming_up(query: str) -> bool:
    """Whether the query asks if an event it names comes up soon ("Steht der Deutschkurs bald an?"), is in the
    calendar ("Hab ich einen Friseurtermin?") or on which day it was put: a find."""
    named = re.sub(rf"(?i){_STANDS_IN_CALENDAR}", "", query)  # "steht X im Kalender?": the calendar is where it is
    return bool(_COMING_UP.match(query.strip())) and _names_no_other_thing(named)


# "Steht Tanzkurs bald an?", "ist der termin mit lena schon bald", "Do I have take the winter tires back coming up?",
# "Steht der Friseur noch?": whether an event comes up soon or still stands (a find; "do i have any appointments
# coming up" asks for a list).
_STANDS_IN_CALENDAR = (
    r"\s+(?:(?:schon|bereits|already)\s+)?(?:im|in\s+meinem|in\s+unserem|in\s+dem|in|on)\s+(?:(?:the|my|our)\s+)?"
    r"(?:kalender|calendar|schedule|terminkalender)(?:\s+(?:yet|already|drin|eingetragen))?"
)
_PUT_IN_YET = (
    r"\s+(?:(?:schon|bereits)\s+(?:drin|drinnen|eingetragen|notiert|gespeichert)"
    r"|(?:in\s+there|saved|entered|noted\s+down)\s+(?:yet|already))"
)
_COMING_UP = re.compile(
    rf"^{_FILLERS}(?:steht\s+(?!(?:heute|morgen|was|etwas|nichts|irgendwas)\b)\S.*?\s+(?:bald|demnächst)\s+an"
    r"|ist\s+(?:der|die|das|mein|meine)\s+\S.*?\s+(?:schon\s+)?(?:bald|demnächst)"
    # "Steht der Friseur noch?", "is the haircut still on?": whether an event still stands
    r"|steht\s+(?:der|die|das|mein|meine|unser|unsere)\s+\S.*?\s+(?:noch|überhaupt\s+noch)"
    r"|(?:is|are)\s+(?:the|my|our)\s+\S.*?\s+still\s+on"
    # "Steht der Ölwechsel schon im Kalender?", "is the oil change in the calendar yet?": whether it was put in
    rf"|(?:steht|stehen|ist|sind)\s+(?:der|die|das|mein|meine|unser|unsere)\s+\S.*?{_STANDS_IN_CALENDAR}"
    rf"|(?:is|are)\s+(?:the|my|our)\s+\S.*?{_STANDS_IN_CALENDAR}"
    # "Steht der Flug nach Lissabon schon drin?", "is the flight in there yet?": the calendar left unsaid
    rf"|(?:steht|stehen|ist|sind|is|are)\s+(?:der|die|das|mein|meine|unser|unsere|the|my|our)\s+\S.*?{_PUT_IN_YET}"
    # "Hast du schon den Friseur am Samstag eingetragen?", "did you put the dentist in yet?": whether it was put in
    r"|(?:hast|hattest)\s+du\s+(?:(?:schon|bereits|auch)\s+)*(?:der|die|das|den|dem|meinen|meine|mein)\s+\S.*?\s+"
    r"(?:eingetragen|notiert|gespeichert|reingeschrieben|aufgeschrieben)"
    r"|did\s+you\s+(?:already\s+)?(?:put|add|save|enter|note)\s+(?:the|my)\s+\S.*?\s+(?:in|down|on)"
    r"(?:\s+(?:my|the)\s+calendar)?(?:\s+(?:yet|already))?"
    # "Hab ich einen Friseurtermin?", "do I have a dentist appointment?": whether such an appointment is in it
    r"|(?:hab|habe)\s+ich\s+(?:(?:noch|demnächst|bald|schon)\s+)?(?:einen|eine|ein)\s+(?:[^\W\d_]+termin\w*"
    r"|termin\s+(?:beim|bei|mit|im|zum|zur)\s+\S+(?:\s+\S+)?)"
    r"|do\s+i\s+have\s+an?\s+(?!(?:appointment|any|other|new)\b)[^\W\d_]+(?:\s+[^\W\d_]+)?\s+appointment"
    # "Which day did I put the vet on?", "Auf welchen Tag hab ich den Tierarzt gelegt?": the day it was put on
    r"|(?:which|what)\s+day\s+did\s+i\s+(?:put|move|schedule|book)\s+(?:the|my)\s+\S.*?(?:\s+(?:on|for))?"
    r"|(?:auf|an|für)\s+welchen\s+tag\s+(?:hab|habe)\s+ich\s+(?:den|die|das|meinen|meine|mein)\s+\S.*?"
    r"\s+(?:gelegt|gesetzt|eingetragen|verschoben|gebucht)"
    r"|(?:please\s+)?(?:do\s+i\s+have|have\s+i\s+got)\s+"
    r"(?!(?:any|anything|something|events?|appointments?|meetings?|plans?|much|a\s+lot)\b)\S.*?\s+coming\s+up)\W*$",
    re.IGNORECASE,
)


def asks_what_is_on(query: str) -> bool:
    """Whether the query asks, in few words, what is planned ("Mein Tag morgen?", "Was liegt an?" typed with a
    slip, "Kannst du vom 21. bis 30. Oktober in meinen Kalender schauen"): a look at the calendar (v25 declined
    these)."""
    said = query.strip()
    if _MY_DAY.match(said) or _IN_MY_CALENDAR_LOOK.search(said) or _TELL_WHAT_IS_ON.match(said):
        return True
    free = _STILL_FREE.match(said)  # "Is tomorrow at 10 still free?", "Am I free on Friday afternoon?"
    when = f"{free['a'] or ''} {free['b'] or ''}".strip() if free else ""
    if when and any(names_a_value(t, when) for t in (ParamType.RANGE_START, ParamType.TIME)):
        # nothing but when: "the pool", "the table" are asked about, not the calendar
        return all(_word_says_when(w) for w in re.findall(r"[^\W_]+", when.lower()))

    was = _WHAT_WAS.match(said)  # "Was war gestern?", "Was war am Montag?": a day gone, looked at
    if was and len(was["day"].split()) <= 4 and names_a_value(ParamType.RANGE_START, was["day"]):
        near = {"letzte", "letzten", "letzter", "vergangene", "vergangenen", "vorige", "vorigen", "woche", "wochenende"}
        return all(
            names_a_value(ParamType.RANGE_START, w) or w.lower() in _LEADS_A_DAY | near for w in was["day"].split()
        )
    m = _WHAT_IS_ON.match(said)
    from rapidfuzz.distance import OSA  # "liget", "lieegt", "leigt": one slip of "liegt" (too short for _slip_of)

    return m is not None and OSA.distance(m[1].lower(), "liegt") <= 1


_MY_DAY = re.compile(
    rf"^{_FILLERS}(?:mein|my)\s+(?:tag|day|woche|week)\b(?!\s+(?:war|was|ist|is|wird|will|has|hat)\b)[^.!]*\?\s*$",
    re.IGNORECASE,
)
_WHAT_IS_ON = re.compile(
    rf"^{_FILLERS}(?:okay,?\s+|ja,?\s+)?was\s+(l\w{{3,5}})\s+(?:(?:heute|morgen|übermorgen|diese\s+woche)\s+)?an\W*$",
    re.IGNORECASE,
)
_WHEN_WORDS = frozenset("at on in this next morning afternoon evening night tonight pm am o clock oclock".split())


def _word_says_when(word: str) -> bool:
    """Whether one word is part of saying when ("tomorrow", "at", "10", "afternoon")."""
    return (
        word.isdigit()
        or word in _WHEN_WORDS
        or word in _LEADS_A_DAY
        or any(names_a_value(t, word) for t in (ParamType.RANGE_START, ParamType.TIME))
    )


_STILL_FREE = re.compile(
    rf"^{_FILLERS}(?:is|am\s+i|are\s+we)\s+(?:(?P<a>\S.*?)\s+)?(?:still\s+)?(?:free|open|available)"
    r"(?:\s+(?P<b>\S.*?))?\W*$",
    re.IGNORECASE,
)
_WHAT_WAS = re.compile(rf"^{_FILLERS}was\s+(?:war|hatte\s+ich)\s+(?P<day>[^?!.]+?)\W*$", re.IGNORECASE)
# "Erzähl mir, was übermorgen ansteht", "sag mir was morgen los ist": what is planned, asked as a clause
_TELL_WHAT_IS_ON = re.compile(
    rf"^{_FILLERS}(?:erzähl|erzähle|sag|sage|zeig|zeige)\s+(?:mir|uns)(?:\s+(?:bitte|mal))*,?\s+was\s+"
    r"(?:ich\s+)?(?:(?:heute|morgen|übermorgen|diese\s+woche|nächste\s+woche|am\s+\w+)\s+)?"
    r"(?:ansteht|anliegt|los\s+ist|geplant\s+ist|vorhabe|so\s+ansteht)\W*$",
    re.IGNORECASE,
)
_IN_MY_CALENDAR_LOOK = re.compile(r"(?i)\bin\s+meinen\s+kalender\s+(?:schauen|sehen|gucken|blicken)\b")


# "Streich den Friseur", "Entferne das Training": a delete asked with a German verb that also paints, spreads or
# takes away, of an event it names; the caller takes the delete where the model declines it within its margin (v25
# declined the first by 3.5 logits, "streich die Butter aufs Brot" by 11). English "delete my account", "remove the
# batteries" are declined by 3.4 and 1.6: those verbs are left to the model, which deletes what is an event.
# "meinen Termin um halb zwei löschen", "kannst du die aktuelle Veranstaltung löschen": the infinitive said last, as
# German asks; v25 made the first an event. Never with a request to make one ("Trag 'Zaun streichen' ein").
_REMOVE_FIRST = re.compile(
    r"^(?:streich\w*|entfern\w*|annullier\w*)\s+(?P<rest>.+)$"
    r"|^(?P<before>.+?)\s+(?:löschen|entfernen|streichen|stornieren|annullieren|wegmachen|rausnehmen)\W*$"
    # "Nimm den Elternabend am 15. raus", "heute fällt Wochenmarkt aus, nimm das raus": every such row of the sets
    # and of MASSIVE de-DE is a delete
    r"|^nimm\s+(?!(?:mich|uns|dich|euch)\b)(?P<out>.+?)\s+(?:raus|heraus)\W*$"
    # "mach den Termin beim Optiker weg, der ist nicht mehr nötig": one's event made to go (v25 declined it)
    r"|^(?:mach|tu)\s+(?!\w+\s+(?:müll|dreck|abfall|wäsche|geschirr|schnee|staub|fleck\w*)\b)"
    r"(?P<away>(?:den|die|das|meinen|meine|mein|unseren|unsere|unser)\s+[^,;.!?]+?)\s+weg\b(?:\W.*)?$"
    r"|^(?P<falls>.+?)\W+nimm\s+(?:das|es|ihn|sie)\s+(?:raus|heraus)\W*$"
    # "der Stammtisch am Dienstag ist gestrichen": one's own event said to be off (v25 declined it by 0.1 logits)
    r"|^(?P<struck>(?:der|die|das|mein|meine|unser|unsere)\s+.+?)\s+(?:ist|wurde)\s+(?:leider\s+)?"
    r"(?:gestrichen|abgesagt|storniert|gecancelt)\W*$",
    re.IGNORECASE,
)


_REMOVE_VERBS_SAID = ("cancel", "delete", "remove", "lösche", "storniere", "entferne")


def asks_to_remove(query: str) -> bool:
    """Whether the query starts with a verb that deletes (typed a letter off too: "Cacnel job interview",
    "storiner kurs 4"), or ends with its infinitive, and names what."""
    said = _ASK_LEAD.sub("", query.strip(), count=1)
    first, _, after = said.partition(" ")
    if any(first.lower() != v and _slip_of(first.lower(), v) for v in _REMOVE_VERBS_SAID):
        return _names_an_event(after)  # the model reads the verb said right; one typed a letter off it may miss
    m = _REMOVE_FIRST.match(said)
    if m is None or (m["before"] and (_ADD_SAID.search(query) or asks_for_an_event(query))):
        return False
    return _names_an_event(m["rest"] or m["before"] or m["out"] or m["falls"] or m["struck"] or m["away"])


def _names_an_event(words: str, also_nothing: frozenset[str] = frozenset()) -> bool:
    """Whether the words after (or before) a removal verb name something, and nothing that is no event."""
    said = [w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", words)]
    named = [w for w in said if w not in _NOTHING_NAMED and w not in also_nothing]
    return bool(named) and not any(_NOT_AN_EVENT.fullmatch(w) for w in said)


# "Bitte sag am 11.01. Quartalsplanung ab", "sag den Friseur morgen ab": "absagen" split around what is called off, as
# German says it; v25 listed two of 13 such generated rows and made one all-day. Never "sag mal ruf meine Termine ab"
# (another verb's "ab"), "sag mir, ab wann" (no "ab" at the end), nor all events ("sag alles ab": the clearing).
_CALL_OFF_SPLIT = re.compile(
    rf"^{_FILLERS}(?:dann\s+)?{_FILLERS}sag\w*\s+(?!mir\b|uns\b|bescheid\b)(?P<rest>.+?)\s+ab[\s.!?]*$"
    # "Ich hab den Notartermin abgesagt": called off already, so it goes from the calendar (v25 declined it)
    r"|^(?:ich|wir)\s+(?:hab|habe|haben)\s+(?P<done>(?:den|die|das|meinen|meine|mein|unseren|unsere|unser)\s+.+?)"
    r"\s+abgesagt[\s.!?]*$",
    re.I,
)
_OTHER_SEPARABLE = re.compile(r"(?i)\b(?:ruf|hol|frag|schau|guck|les|lad|ruft|holt|fragt|schaut|lädt)\w*\b")


def asks_to_call_off(query: str) -> bool:
    """Whether the query calls off, with German's split "sag ... ab", one event it names."""
    m = _CALL_OFF_SPLIT.match(_ASK_LEAD.sub("", query.strip(), count=1))
    rest = (m["rest"] or m["done"]) if m else None
    if rest is None or _OTHER_SEPARABLE.search(rest) or _CLEAR_REQUEST.search(query):
        return False
    return _names_an_event(rest, _NOT_NAMED_IN_A_CALL_OFF)


_NOT_NAMED_IN_A_CALL_OFF = frozenset({"mal", "bitte", "doch", "alles", "alle"})


# "Morgen früh um 7 Brötchen holen", "Freitag 10 Uhr Friseur": a day, a clock time and an activity, said as a note
# with no verb of request; v25 declined the first by 0.2 logits. Never a question, never an alarm, a wake-up or
# another thing no event is ("morgen um sieben aufstehen", "Montag um 9 Wecker stellen").
_WAKING = re.compile(r"\b(?:aufstehen|aufwachen|wecken|weck|wake|waking|get\s+up|alarm\w*|wecker)\b", re.IGNORECASE)


_WAKE_TITLE = re.compile(
    r"(?:wake(?:\s*-?\s*up)?(?:\s+call)?|get(?:ting)?\s+up|aufstehen|aufwachen|wecken|wecker|weckruf|alarm)",
    re.IGNORECASE,
)
_WAKE_ME = re.compile(
    rf"^{_FILLERS}(?:please\s+|bitte\s+)?(?:weck\w*\s+(?:mich|uns)|wake\s+(?:me|us))\b", re.IGNORECASE
)


# "Ich gehe am Sonntag um 19 Uhr ins Theater", "Wir fahren Samstag um 8 nach Hamburg": one's own plan, said as news.
_GOING_VERBS = frozenset("gehe gehen fahre fahren fliege fliegen treffe treffen".split())


def _may_be_a_note(t: str, words: list[str], going: bool = False) -> bool:
    """Whether the words may note an event: no question, no listing or question word first (but "ich gehe"), no
    wake-up, nothing that is no event."""
    if not words or t.endswith("?") or (words[0] in _LISTING_WORDS and not going) or words[0] in _QUESTION_WORDS:
        return False
    return not _WAKING.search(t) and _names_no_other_thing(t)


# "Morgen Abend gehen wir ins Kino", "Am Samstag fahr ich nach Hamburg", "Tomorrow night we're going to the movies":
# a day said first, then that one goes somewhere (v25 deleted "Kino" or declined these by 1.3 to 2.9 logits)
_GO_WE = r"(?:geh|gehe|gehen|fahr|fahre|fahren|flieg|fliege|fliegen)\s+(?:wir|ich)"  # "gehen wir", "fahr ich"
_WE_GO = re.compile(
    rf"(?i)^(?P<day>.+?)\s+(?:{_GO_WE}"
    r"|(?:we're|we\s+are|i'm|i\s+am)\s+(?:going|heading|driving|flying))\s+(?P<where>\S.*)$"
)


def says_we_go(query: str, today: dt.date) -> bool:
    """Whether the query says, with the day first, that one goes somewhere then (a note of a plan, no question)."""
    t = query.strip()
    m = _WE_GO.match(t)
    if m is None or says_to_remove(t) or not _may_be_a_note(t, [w.lower() for w in re.findall(r"[^\W_]+", t)]):
        return False
    day = resolve_date(m["day"], today)
    return day is not None and day >= today and _names_no_other_thing(m["where"])


def states_an_event(query: str, today: dt.date) -> bool:
    """Whether the query is a note of an event: a day and a clock time said, words besides them, no question."""
    t = query.strip()
    words = [w.lower() for w in re.findall(r"[^\W_]+", t)]
    going = len(words) > 1 and words[0] in ("ich", "wir") and words[1] in _GOING_VERBS  # "Ich gehe ... ins Theater"
    if not _may_be_a_note(t, words, going):
        return False
    day = resolve_date(t, today)  # a day gone is news, not a note ("der Protest gestern Mittag")
    eve = _EVE_PARTY.search(t) if day is None else None
    day = resolve_date(_eve_feast(eve), today) if eve else day  # "Silvesterparty bei Lisa ab 20 Uhr"
    return day is not None and day >= today and resolve_time(t) is not None


# "Der Schornsteinfeger kommt Montag um 18 Uhr", "the chimney sweep is coming Monday at 6 pm": someone comes on a
# day at a time. v25 declines these by 3 to 5 logits against a new event ("Der Zug kommt um 13 Uhr", no day: 8.3).
_SOMEONE_COMES = re.compile(
    r"(?i)\b(?:kommt|kommen)\b|\b(?:is|are)\s+coming\b(?!\s+up)|\bcom(?:es|ing)\s+(?:by|over|round|around)\b"
)


def says_someone_comes(query: str, today: dt.date) -> bool:
    """Whether the query says that someone comes on a day at a clock time (a note of a visit, no question)."""
    return bool(_SOMEONE_COMES.search(query)) and states_an_event(query, today)


def states_an_event_loosely(query: str, today: dt.date) -> bool:
    """Whether the query notes an event with a day and a part of it ("Morgen früh Brötchen holen") or a start said
    from now ("In einer Stunde Telefonat mit Jens", "Call with Jens in an hour"), no clock, no question, nothing that
    is no event (v25 declined these by 0.6 to 1.5 logits)."""
    t = query.strip()
    words = [w.lower() for w in re.findall(r"[^\W_]+", t)]
    if not _may_be_a_note(t, words) or says_to_remove(t) or names_a_value(ParamType.TIME, t):
        return False
    day = resolve_date(t, today)
    loose = (day is not None and day >= today and _day_part_said(t)) or bool(_FROM_NOW.search(t))
    # said first: the day, the start from now or the event ("Call with Jens in an hour"); never "brauche ich heute
    # nachmittag meine schneestiefel", "need to carry an umbrella this evening" (MASSIVE: weather, no event)
    first = bool(_FROM_NOW.match(t)) or resolve_date(" ".join(words[:2]), today) is not None
    return loose and len(words) >= 3 and (first or bool(_EVENT_NOUN.fullmatch(words[0])))


def _names_a_removal(text: str) -> bool:
    """Whether a word of the text is a delete verb, or one typed a letter off ("delete the scheduled meeting")."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return any(_slip_of(w, v) for w in words for v in _DELETE_SAID)


def states_a_timed_event(query: str, today: dt.date) -> bool:
    """Whether the query notes an event with its clock time said in clock words ("Farewell party for Tom on
    Friday at 4 pm") and says no word of removing one: never a delete ("Just kill swimming on 2027-07-14")."""
    said = states_an_event(query, today) and bool(_CLOCK_SAID.search(normalize(query)))
    return said and not says_to_remove(query) and not _names_a_removal(query)


def states_an_unmoved_event(query: str, today: dt.date) -> bool:
    """Whether the query notes an event at a day and clock time (``states_a_timed_event``) and says nothing of a
    move: no move verb, no "instead"/"statt", "now"/"jetzt", shift or target day or time after "to"/"auf" ("Take
    the tax papers to the accountant Monday at 9": v25 moved it by 1.1 logits)."""
    noted = states_a_timed_event(query, today) or asks_for_an_event(query)
    # "I have to change the bed sheets on the 23rd", "ich muss am Freitag Reifen wechseln": a to-do on a day
    noted = noted or bool(_MUST_DO.match(query.strip()) and resolve_date(query, today) is not None)
    if not noted or asks_to_move(query) or asks_to_shift(query) or says_to_remove(query):
        return False
    if _MOVE_SAID.search(query) or _MOVE_SAID_BESIDES.search(query) or _INSTEAD.search(query):
        return False
    if _CHANGED.search(query) or _NOT_THEN_BUT.search(query) or said_shift(query) is not None:
        return False
    for target in _TARGET.finditer(query):
        words = query[target.end() :].split()
        for k in range(1, min(4, len(words)) + 1):
            said = " ".join(words[:k])
            named = any(names_a_value(t, f"{target[0]}{said}") for t in (ParamType.DATE, ParamType.TIME))
            alone = k == 1 and any(names_a_value(t, said) for t in (ParamType.DATE, ParamType.TIME))  # "midday"
            if named and (_says_nothing(said) or alone):
                return False  # "to Monday", "auf 15 Uhr", "auf Viertel vor sieben": where it goes
    return True


_MUST_DO = re.compile(
    rf"(?i)^{_FILLERS}(?:i\s+have\s+to|i\s+need\s+to|i'?ve\s+got\s+to|i\s+must|ich\s+muss|ich\s+sollte)\s"
)
# "ist erst um 17 Uhr", "nicht um 10, sondern um 11", "isn't at 10, it's at 11": another time than the one it had
_NOT_THEN_BUT = re.compile(
    r"(?i)\b(?:ist|is)\s+(?:erst|schon|doch)\b|\bsondern\b|\b(?:isn'?t|is\s+not|not)\s+(?:at|on)\b"
)


def states_days(query: str, today: dt.date) -> bool:
    """Whether the query states that something is on a day or days to come ("Osterferien ist im April", "mal die
    ganze Woche ist frei", "vorlesung nach der arbeit ist die ganze woche"): "<title> ist <days>" or the other way
    round, no clock time, no question, never of today, nothing but days on the one side and no day on the other
    (v25 declined these; the caller takes a day-long event within a margin)."""
    t = query.strip()
    m = _STATED.match(t)
    if m is None or "?" in t or names_a_value(ParamType.TIME, t) or not _names_no_other_thing(t):
        return False
    said = {w.lower() for w in re.findall(r"[^\W_]+", t)}
    if said & _ASKING or _DATE_QUESTION.search(t) or _WEATHER.search(t) or _WAKING.search(t):
        return False  # "an welchem tag ist ostern", "may i know what is trending"
    sides = [m["a"].strip(" ,"), m["b"].strip(" ,")]
    dated = [i for i, side in enumerate(sides) if _only_days(side, today)]
    if len(dated) != 1:
        return False
    words = [w.lower() for w in re.findall(r"[^\W_]+", sides[1 - dated[0]])]
    if not words or words[0] in _NOT_STATED or words[-1] in _NOT_STATED or words[0] in _QUESTION_WORDS:
        return False
    return not names_a_value(ParamType.RANGE_START, sides[1 - dated[0]])


# "I'm off from the 23rd to the 2nd", "I'll be away next week", "ich bin vom 3. bis 7. verreist", "wir haben über
# Ostern frei": the person says they are away on days to come, which a calendar keeps as a day-long event (v25 read
# "I'm off from the 23rd to the 2nd" as a delete, "ich hab vom 23. bis 2. frei" as a listing).
_AWAY_EN = re.compile(
    rf"^{_FILLERS}(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be|we'?re|we\s+are|we'?ll\s+be)\s+(?:going\s+to\s+be\s+)?"
    r"(?P<away>off(?:\s+work)?|away|out\s+of\s+(?:the\s+)?office|ooo|on\s+(?:vacation|holidays?|leave)|abroad)\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_AWAY_DE = re.compile(
    rf"^{_FILLERS}(?:ich|wir)\s+(?:bin|sind|habe|hab|haben|werde|werden)\s+(?P<rest>.*?)\s*"
    r"\b(?P<away>frei|urlaub|weg|verreist|unterwegs|abwesend|nicht\s+da|im\s+urlaub|in\s+den\s+ferien)(?:\s+sein)?[\s.!]*$",
    re.IGNORECASE,
)


def marks_a_whole_day(query: str, today: dt.date) -> bool:
    """Whether the query marks a day to come as taken all day by something it names ("den ganzen Tag übermorgen:
    Rufbereitschaft", "All day Friday: inventory"): no question, no clock, no removal or move (v25 declined some)."""
    t = query.strip()
    if "?" in t or not _ALL_DAY.search(t) or _CLOCK_SAID.search(normalize(t)) or not _names_no_other_thing(t):
        return False
    if _WEATHER.search(t):
        return False  # "Es regnet den ganzen Tag morgen"
    if says_to_remove(t) or asks_to_move(t) or _ASKING & {w.lower() for w in re.findall(r"[^\W_]+", t)}:
        return False
    rest = _ALL_DAY.sub(" ", t)
    day = _day_said_anywhere(rest, [], None)
    day = re.split(r"[:,;]", day)[0].strip() if day else None  # "Friday: inventory" said as one run
    when = resolve_date(day, today) if day else None
    if day is None or when is None or when < today:
        return False
    named = re.sub(re.escape(day), " ", rest, flags=re.IGNORECASE)
    words = [w for w in re.findall(r"[^\W\d_]+", named) if not _only_day_words(w) and w.lower() not in _FILLER_WORDS]
    return 1 <= len(words) <= 6


_FILLER_WORDS = frozenset("hey hi ok okay so well uh um ähm äh also ja naja bitte please hm and und just mal".split())


def says_one_is_away(query: str, today: dt.date) -> bool:
    """Whether the query says the person is away (off, on vacation, out of office) on days to come it names, with
    no clock time and no question: a day-long event."""
    return _away_said(query, today) is not None


def _away_said(query: str, today: dt.date) -> tuple[str, str] | None:
    """How the person says they are away ("off", "on vacation", "verreist") and the words of the days."""
    t = query.strip()
    m = _AWAY_EN.match(t) or _AWAY_DE.match(t)
    if m is None or "?" in t:
        return None
    rest = m["rest"]
    if re.match(r"(?i)\s*to\b", rest) or _ANOTHER_CLAUSE.search(rest):
        return None  # "I'm off to the gym tomorrow"; "I'm off tomorrow so cancel my meetings": the other clause asks
    if re.search(r"(?i)\b(?:and|und)\b", rest) and not re.search(r"(?i)\b(?:between|zwischen)\b", rest):
        return None  # "tomorrow and Friday": two days, no span
    if _CLOCK_SAID.search(normalize(t)) or re.search(r"(?i)\b(?:um|at|gegen|ab)\s+(?:halb|viertel)", t):
        return None  # "I'm off at 5"
    days = resolve_date_range(rest, today) or ((day, day) if (day := resolve_date(rest, today)) is not None else None)
    if days is None or days[1] < today:
        return None
    return re.sub(r"(?i)^(?:on|im|in\s+den)\s+(?!leave)", "", m["away"]), rest.strip(" ,;:!")  # "on leave" stays


_ANOTHER_CLAUSE = re.compile(r"(?i)[,;]|\b(?:so|but|then|please|aber|also|dann|bitte|deshalb|deswegen)\b")


def _away_as_days(spec: Function, span: SpanCall, query: str, today: dt.date) -> tuple[Function, SpanCall]:
    """A statement that the person is away on days ("I'm off from the 23rd to the 2nd", "ich hab vom 23. bis 2.
    frei") read as a delete, a look at the calendar or a day-long event with the days copied into its title: the
    day-long event of those days, called what they are ("off", "frei")."""
    all_day = _function_typed(_ALL_DAY_TYPES)
    if all_day is None or (_makes_an_event(spec) and spec is not all_day) or _moves_an_event(spec):
        return spec, span
    away = _away_said(query, today)
    if away is None:
        return spec, span
    title = span.phrases[0] if spec is all_day else None
    dated = title and (resolve_date(title, today) is not None or resolve_date_range(title, today) is not None)
    if title and not dated and title.lower() not in away[0].lower():
        return spec, span  # "I'm on vacation in Dublin for next week" read as it is said; "office" is "out of office"
    return all_day, SpanCall(all_day.name, (away[0], away[1], None))


_ASKING = frozenset(
    "welche welcher welches welchem welchen was wann wie warum wer wo what which when how why who where whether "
    "ob know wissen".split()
)


def _only_days(text: str, today: dt.date) -> bool:
    """Whether the words are nothing but days to come, not today ("im April 2024", "die ganze Woche")."""
    plain = re.sub(r"(?i)^(?:mal|so|also|ja|well)\s+", "", text.strip())
    days = resolve_date_range(plain, today) if plain else None
    if days is None or days[1] < today or days == (today, today):
        return False
    rest = normalize(plain)
    return len(rest.split()) <= 6 and names_a_value(ParamType.RANGE_START, plain)


_QUESTION_WORDS = frozenset(
    "worum warum wieso weshalb wer wen wem wo wohin woher welches wozu who whom whose why where which whats "
    "what's".split()
)


# "nein, um 11", "Actually make that 1 pm", "lieber am Samstag", "no, Friday at 3": a correction of the event just
# made, said as nothing but its new day or time after a word that corrects.
_CORRECTION_LEAD = re.compile(
    r"^(?:nein|nee|no|nope|oh|ah|oops|sorry|actually|eigentlich|doch|wait|warte|moment|lieber|besser|rather|"
    r"make\s+(?:that|it)|mach\s+(?:das|es|daraus)|change\s+(?:that|it)|ändere?\s+(?:das|es))\b",
    re.IGNORECASE,
)
_CORRECTION_WORDS = frozenset(
    "nein nee no nope oh ah oops sorry actually eigentlich doch wait warte moment lieber besser rather instead "
    "stattdessen make that it mach das es daraus change ändere ändern to auf um at on am for für the den der "
    "please bitte then dann i mean ich meine meinte meant sondern but aber uhr o'clock oclock pm am a.m p.m "
    "halb viertel dreiviertel half quarter past nach vor heute morgen übermorgen today tomorrow tonight früh "
    "abend abends morgens mittag mittags nachmittag nachmittags vormittag vormittags noon midnight morning "
    "afternoon evening night next nächsten nächste kommenden this diesen week woche".split()
)


def _says_only_when(text: str, also: frozenset[str] = frozenset()) -> bool:
    """Whether the words are nothing but a day or a time, the words that correct one, and ``also``."""
    words = [w.lower().strip(".") for w in re.findall(r"[^\W_]+(?:[.'][^\W_]+)*\.?", normalize(text))]
    return all(
        w in _CORRECTION_WORDS or w in WEEKDAY_WORDS or w in MONTH_WORDS or w[:1].isdigit() or w in also for w in words
    )


# A correction's bare hour at its end: "make that 3", "mach 4 daraus", "nein, lieber 5".
_BARE_HOUR_SAID = re.compile(
    r"(?:^|\s)(\d{1,2}(?:[:.]\d{2})?)(?:\s+(?:daraus|instead|stattdessen|then|dann|please|bitte))?\W*$"
)
_WHICH_ONE = frozenset("one day tag termin that dem des vom of".split())  # "the one on the 12th", "den Termin am 5."


def says_only_when(text: str) -> bool:
    """Whether an answer is nothing but a day or a time and the words around one ("morgen um 9", "at 7 pm")."""
    return bool(text.strip()) and _says_only_when(text)


# The words a loose answer to "at what time?" says around its time ("let's say around half past twelve", "so
# gegen 5 wäre gut", "3 pm works for me"); "order a pizza for 7 pm" says more and answers nothing.
_LOOSE_ANSWER = frozenset(
    "let's lets let us say around about maybe perhaps probably how what wie wärs wäre wär's gut passt works fine "
    "good best besten think guess go with sagen wir so gegen ungefähr etwa circa ca vielleicht wahrscheinlich mit "
    "make it that do geht okay ok ja yes yeah i i'd like would be is ist es one for me mir uns hmm uh äh ähm "
    "schon ganz fände finde würde sounds great perfect perfekt super prima "
    # and the words of a day said in other ways ("the day after tomorrow", "in zwei Wochen", "a week from Tuesday")
    "in a an ein eine einer einem day days tag tage tagen week weeks woche wochen month monat year jahr after from of "
    "this coming kommenden kommende nächsten nächste übernächsten end ende anfang beginning mitte middle weekend "
    "wochenende afternoon evening night nacht vom von zum zur dem des monats bis until before".split()
)


def says_loosely_when(text: str, named: str = "") -> bool:
    """Whether an answer is a day or a time with nothing around it but words that soften it ("let's say around
    half past twelve", "so gegen 5 wäre gut") and the words of ``named``, the event asked about ("lunch at 1")."""
    own = frozenset(w.lower() for w in re.findall(r"[^\W_]+(?:[.'][^\W_]+)*", normalize(named)))
    return bool(text.strip()) and _says_only_when(text, _LOOSE_ANSWER | own)


def said_only_a_day(text: str, today: dt.date) -> dt.date | None:
    """The day an answer names when it says nothing else ("den am Montag", "nein, am Freitag", "the one on the 12th");
    None for more ("Trag Friseur morgen um 10 ein" is a new command)."""
    if not text.strip() or not _says_only_when(text, _WHICH_ONE):
        return None
    return resolve_date(text, today)


def resolve_bare_hour(number: str, lang: str | None, context: str = "") -> dt.time | None:
    """A number said alone where a clock is asked for or corrected ("9", "14:30"; alone, a number is no time), read
    as said with "um"/"at"."""
    return resolve_time(f"{'um' if lang == 'de' else 'at'} {number}", lang, context=context)


def said_correction(text: str, today: dt.date, lang: str | None = None) -> tuple[str | None, str | None] | None:
    """The new day and time (ISO, either may be None) of a correction of the event just made; None when the
    words are no such correction ("nein, um 11" is one, "nein" alone or "no, add lunch too" is not)."""
    t = re.sub(r"^(?:(?:um|uh|uhm|ähm|äh|ok|okay|hmm)\b[,.]?\s*)+", "", text.strip(), flags=re.IGNORECASE)
    if not _CORRECTION_LEAD.match(t):
        return None
    if not _says_only_when(t):
        return None  # more than a day or a time: a new command
    day, time = resolve_date(t, today), resolve_time(t, lang)
    bare = _BARE_HOUR_SAID.search(normalize(t))
    if day is None and time is None and bare:  # "actually make that 3"
        time = resolve_bare_hour(bare[1], lang)
    if day is None and time is None:
        return None
    return (None if day is None else day.isoformat()), (None if time is None else f"{time:%H:%M}")


def _names_a_day_or_time(word: str) -> bool:
    """ "tomorrow" in "remind me about this tomorrow": when, not what."""
    return names_a_value(ParamType.DATE, word) or names_a_value(ParamType.TIME, word)


def event_makers(functions: Sequence[Function]) -> tuple[Function, ...]:
    """The functions that put a new event in the calendar."""
    return tuple(f for f in functions if _makes_an_event(f))


def day_long_makers(functions: Sequence[Function]) -> tuple[Function, ...]:
    """The functions that put a day-long event in the calendar."""
    return tuple(f for f in functions if [p.type for p in f.params] == _ALL_DAY_TYPES)


def calendar_deleters(functions: Sequence[Function]) -> tuple[Function, ...]:
    """The functions that delete an event."""
    return tuple(f for f in functions if _deletes_an_event(f))


def calendar_movers(functions: Sequence[Function]) -> tuple[Function, ...]:
    """The functions that move an event."""
    return tuple(f for f in functions if _moves_an_event(f))


def calendar_listing(functions: Sequence[Function]) -> Function | None:
    """The function that lists the events of a span of days: the one whose arguments are its first and last day."""
    days = [ParamType.RANGE_START, ParamType.RANGE_END]
    return next((f for f in functions if [p.type for p in f.params] == days), None)


def calendar_readers(functions: Sequence[Function]) -> tuple[Function, ...]:
    """The functions that only read the calendar (list, find): neither make, delete nor move an event."""
    return tuple(f for f in functions if not (_makes_an_event(f) or _deletes_an_event(f) or _moves_an_event(f)))


# "KFZ-Zulassungsstelle ... anlegen", "für klausur ein", "termin im hofbräuhaus streichen": the request said after
# the title, as German says it, copied at the title's end. "ein"/"rein" are the particle of the "trag"/"plan"
# said before; a verb is the title's own when the request is said besides ("lösche Zaun streichen", "Koffer
# streichen ... bitte löschen").
_REQUEST_AFTER_MAKE = frozenset(_ADD_AFTER_TITLE)
_PARTICLE_AFTER_MAKE = frozenset({"ein", "rein"})
_REQUEST_AFTER_DELETE = frozenset("streichen löschen entfernen absagen stornieren canceln".split())


# "... einen Termin bei der Bank trag das mal ein": the request said after the event, its verb copied with the title.
_SPLIT_ADD = frozenset("trag trage schreib schreibe pack packe setz setze nimm".split())
_SPLIT_ADD_REST = re.compile(
    r"(?i)(?:\s+(?:das|es|den|die|ihn|sie|mir|mal|bitte|doch|dann|noch|gleich))*\s+(?:ein|auf)\b"
)


def _without_request_after(phrase: str, spec: Function, query: str) -> str:
    """A title without the request verb or particle copied at its end."""
    words = phrase.split()
    verbs = _request_verbs(spec)
    if len(words) < 2 or verbs not in (_MAKE_VERBS, _DELETE_VERBS):
        return phrase
    last = words[-1].lower()
    if verbs is _MAKE_VERBS and last in _PARTICLE_AFTER_MAKE:
        return " ".join(words[:-1])
    at = _said_at(query, phrase, case=True)
    if verbs is _MAKE_VERBS and last in _SPLIT_ADD and at >= 0 and _SPLIT_ADD_REST.match(query[at + len(phrase) :]):
        return " ".join(words[:-1])  # "einen Termin bei der Bank, trag das mal ein": "trag" asks
    after = _REQUEST_AFTER_MAKE if verbs is _MAKE_VERBS else _REQUEST_AFTER_DELETE
    if last not in after:
        return phrase
    at = _said_at(query, phrase, case=True)
    besides = query[:at] + " " + query[at + len(phrase) :]
    if at < 0 or any(_slip_of(w.lower(), v) for w in re.findall(r"[^\W\d_]+", besides) for v in (*verbs, *after)):
        return phrase
    if verbs is _DELETE_VERBS and asks_to_call_off(query):
        return phrase  # "Sag im Büro Hochzeitsgeschenk streichen ab": "sag ... ab" is the request
    return " ".join(words[:-1])


# "Leg einen Serientermin an: Geschenk kaufen wöchentlich ...", "Reeminder for February 11th at 4: print the meter
# reading": a title copy that is only the request names no event; the title is what was said after it that no
# other argument took.
_REQUEST_ONLY = re.compile(
    r"(?:serientermin\s+an|termin\s+an|new\s+(?:event|appointment|entry)|neue[rn]?\s+(?:termin|eintrag)"
    r"|(?P<word>[^\W\d_]+))[:,.]?",
    re.IGNORECASE,
)


_REQUEST_WORDS = ("reminder", "trag", "trage", "terminier", "terminiere", *_MOVE_VERBS)
_NEW_EVENT_HEAD = re.compile(
    r"^(?:new\s+(?:event|appointment|entry)|neue[rn]?\s+(?:termin|eintrag))[:,]?\s+(?=[^\W\d_])", re.IGNORECASE
)


# "verschieb den Termin Müll rausstellen", "delete the event 1:1 at the university": the event noun said before a title
# names the kind of thing, not the event; with a preposition after it it is the title's head ("Termin beim Notar",
# "appointment with Grace").
_EVENT_NOUN_HEAD = re.compile(
    r"^(?:termin|eintrag|kalendereintrag|event|appointment|entry)\s+"
    r"(?!(?:in|im|on|at|for|from|to|with|about|of|as|bei|beim|mit|an|am|auf|für|von|vom|aus|zu|zum|zur|um|nach|vor"
    r"|über|gegen|wegen|und|and|or|oder)\b)(?=[^\W_])",
    re.IGNORECASE,
)


def _title_after_request(phrase: str, query: str, others: Sequence[str]) -> str:
    """The words after a copied request ("Serientermin an", "reminder", one typed a letter off) up to the next
    argument's words or the end of the sentence, when the copy is nothing but the request."""
    only = _REQUEST_ONLY.fullmatch(phrase.strip())
    if only is None or (only["word"] and not any(_slip_of(only["word"].lower(), w) for w in _REQUEST_WORDS)):
        return phrase  # ("trag mal lauftreff für morgen aus": "trag" copied, "lauftreff" meant)
    at = _said_at(query, phrase)
    if at < 0:
        return phrase
    rest = query[at + len(phrase) :]
    for other in sorted(others, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(other)}(?!\w)", " ; ", rest, flags=re.IGNORECASE)
    for piece in re.split(r"[;.!?]", rest):
        said = re.sub(r"(?i)^(?:(?:mal|bitte|doch|mir|uns|please|me)\s+)+", "", piece.strip(" ,:"))
        if said:
            return said if _TITLE_WORD.match(said) else phrase
    return phrase


def _without_calendar(phrase: str) -> str:
    """The copied title without "in my calendar" said at its end: no event is named so."""
    tail = _CALENDAR_TAIL.search(phrase)
    if tail is None or tail.start() == 0:
        return phrase
    word = tail["word"].lower()
    return phrase[: tail.start()] if any(_slip_of(word, w) for w in _CALENDAR_WORDS) else phrase


# "Leg einen Termin an", "lege mir ein Meeting an": "an" is the verb's particle, not the event's place.
_ANLEGEN = re.compile(r"\b(?:leg|lege|legen|legt)\b|\b(?:ein|eine|einen|neuen)\s+$", re.IGNORECASE)


# "Call with the" said first, "Wann ist mein nächster Termin mit": an event noun and its "with", the title's head
_HEAD_WITH = re.compile(
    r"(?i)(?:^\s*|\b(?:my|our|next|the|an?|mein\w*|unser\w*|nächste\w*|der|den|die|das|ein\w*)\s+)"
    rf"(?P<head>(?:{_EVENT_NOUN.pattern}|telefonat)\s+(?:with|mit)"
    r"(?:\s+(?:the|my|der|dem|den|meiner|meinem))?)\s+$"
)


def _with_head(phrase: str, query: str) -> str:
    """The copied title with the event noun right before it in the query when it is a preposition and a place
    or a person."""
    at = _said_at(query, phrase, case=True)
    # "Call with the health insurance about the bill ..." with "health insurance about the bill" copied: the event
    # noun and its "with" are all that is said before it
    lead = _HEAD_WITH.search(_ASK_LEAD.sub("", query[:at], count=1)) if at > 0 else None
    if lead and not _PREPOSITION_FIRST.match(phrase):
        return f"{lead['head']} {phrase}"
    if at <= 0 or len(phrase.split()) > 3:
        return phrase  # a longer one is a to-do with its place first ("beim Bürgeramt Pass abholen")
    if _PREPOSITION_FIRST.match(phrase):
        head = re.search(r"(?:^|\s)([^\W\d_]+)\s+$", query[:at])
        if head and _EVENT_NOUN.fullmatch(head[1]):
            return f"{head[1]} {phrase}"
        # "lauftreff" + "im hofbräuhaus": what happens at the place, a word no template says and no day
        if head is None or not _PLACE_FIRST.match(phrase) or len(head[1]) < 4 or _is_frame_word(head[1].lower()):
            return phrase
        return phrase if names_a_value(ParamType.DATE, head[1]) else f"{head[1]} {phrase}"
    # "einen Termin beim Orthopäden" with only "Orthopäden" copied
    head = re.search(
        r"(?:^|\s)([^\W\d_]+\s+(bei|beim|im|an|am|für|with|for|at)\s+(?:(?:der|dem|den|die|the|my)\s+)?)$",
        query[:at],
        re.I,
    )
    if head and head[2].lower() == "am" and names_a_value(ParamType.DATE, phrase):
        return phrase  # "Termin am Hauptbahnhof" is a place; "am Montag" a day
    if head and head[2].lower() == "an" and _ANLEGEN.search(query[: at - len(head[1])]):
        return phrase  # "Leg einen Serientermin an Blumen gießen": the particle of "anlegen"
    if head and head[2].lower() in ("für", "for"):  # "Notartermin für Käthe"; never "Termin für Pflanzen umtopfen"
        named = all(w[:1].isupper() for w in phrase.split())
        if not named or head[1].split()[0].lower() in ("termin", "appointment", "meeting", "event"):
            return phrase
    said_first = _ASK_LEAD.sub("", query[:at], count=1)
    longer = _HEAD_OF_WORDS.fullmatch(said_first) if head and said_first != head[1] else None
    if longer and _words_name_what(longer["words"].split()):
        return f"{longer[0]}{phrase}"  # "Team lunch at the office", "Parents' evening at school": said first
    if head and not _EVENT_NOUN.fullmatch(head[1].split()[0]):
        # "Table at Da Luca on Valentine's Day": said first, what happens at the place is the title's head
        first = _ASK_LEAD.sub("", query[:at], count=1) == head[1] and head[2].lower() in _PLACE_PREPOSITIONS
        word = head[1].split()[0]
        if not first or len(word) < 3 or _is_frame_word(word.lower()) or _names_a_day_or_time(word):
            return phrase
    return f"{head[1]}{phrase}" if head else phrase


_PLACE_PREPOSITIONS = frozenset("at bei beim im with mit".split())
# Two or three words said first, then a place: what happens there ("Team lunch at", "Mittagessen mit Kollegen im")
_HEAD_OF_WORDS = re.compile(
    r"(?i)(?P<words>(?:[^\W\d_]+'?\s+){2,3})(?:at|bei|beim|im|with|mit)\s+(?:(?:der|dem|den|die|the|my)\s+)?"
)
_DAY_PART_WORD = re.compile(r"(?i)(?:morning|afternoon|evening|night|abend|nachmittag|vormittag|morgen)")


def _words_name_what(words: list[str]) -> bool:
    """Whether words said before a place name what happens there: the first a word of its own (no request of the
    templates, no day, no time), the others no day or time but a part of one in a compound ("Parents' evening")."""
    first = words[0].strip("'").lower()
    if len(first) < 3 or _is_frame_word(first) or _names_a_day_or_time(first):
        return False
    return all(_DAY_PART_WORD.fullmatch(w) or not _names_a_day_or_time(w) for w in words[1:])


# "Book club every second Thursday": "book" is the noun of a compound here, not the request (the model drops it)
_BOOK_COMPOUNDS = frozenset("club clubs fair signing launch reading readings group circle swap sale exchange".split())


def _title_not_the_marker(phrase: str, query: str, others: Sequence[str]) -> str:
    """A title copied of a correction's words ("scratch that" of "Run with Tim tomorrow at 8, scratch that, 9"): the
    words said first, before any other argument's copy, when they are some."""
    if not _CORRECTION.fullmatch(f" {phrase.strip(' ,.')} "):
        return phrase
    ends = [at for o in others if o and (at := _said_at(query, o)) >= 0]
    head = query[: min(ends)].strip(" ,.") if ends else ""
    return head if head and not _CORRECTION.search(f" {head} ") else phrase


def _with_day_part_before(phrase: str, query: str, others: Sequence[str]) -> str:
    """The copied title with the part of the day said first, right before it, where no other argument has it:
    "Morning workout every weekday at 7:30", "Evening walk at 8", "Night shift on Friday at 10 pm"."""
    at = _said_at(query, phrase, case=True)
    head = re.fullmatch(r"(?i)\W*(morning|evening|afternoon|night)\s+", query[:at]) if at > 0 else None
    if head is None or any(head[1].lower() in o.lower().split() for o in others):
        return phrase
    return f"{head[1]} {phrase}"


def _without_all_day_head(phrase: str, query: str) -> str:
    """A title copied with the "day" of "all day" before it ("for next Friday all day offsite": "day offsite"; "am
    29. ganzer Tag Umzug": "Tag Umzug")."""
    m = re.match(r"(?i)(?:day|tag)\s+(?=\S)", phrase)
    at = _said_at(query, phrase, case=True)
    if m is None or at < 0 or not re.search(r"(?i)\b(?:all|whole|entire|ganzer|ganzen|ganze)\s+$", query[:at]):
        return phrase
    return phrase[m.end() :]


def _with_book_before(phrase: str, query: str) -> str:
    """The copied title with the "book" said right before it where the two are one noun ("Book club")."""
    at = _said_at(query, phrase, case=True)
    words = phrase.split()
    if at <= 0 or not words or words[0].lower() not in _BOOK_COMPOUNDS:
        return phrase
    before = re.search(r"(?i)\b(book)\s+$", query[:at])
    return f"{before[1]} {phrase}" if before else phrase


# "drop the kids off", "take the quote back", "pick Grandma up": an English verb's particle said after its object
# belongs to the title; the model stops at it (it is a template word: "take X off my calendar").
_PHRASAL_VERB = frozenset("take drop pick bring put let call give hand send fill carry throw get check".split())
_PARTICLE_AFTER = re.compile(
    r"\s+(off|back|up|in|out|over|away|down)\b"
    r"(?!\s+(?:\d|(?:my|the|your|of|from(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|noon)\b)|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|half|few|several)\b))",  # not "off my calendar", not "in three days"; "back from 8 to 9"
    re.IGNORECASE,
)


def _with_particle(phrase: str, query: str, others: Sequence[str] = ()) -> str:
    """The copied title with the particle right after it when it starts with a phrasal verb; never "off my
    calendar", "off the list", never the first word of another argument ("in April 2026")."""
    at = _said_at(query, phrase, case=True)
    words = phrase.split()
    if at < 0 or len(words) < 2 or words[0].lower() not in _PHRASAL_VERB:
        return phrase
    particle = _PARTICLE_AFTER.match(query, at + len(phrase))
    if particle is None or any(_PARTICLE_AFTER.fullmatch(f" {w}") for w in (words[1], words[-1])):
        return phrase  # none, or the title has its own ("pick the library books up", "hand in my bike")
    rest = query[particle.start(1) :].lower()
    if particle[1].lower() == "in" and any(rest.startswith(o.lower()) for o in others):
        return phrase  # "take the dog to the vet" + "in fourteen days": the date's ("back for today" is no day's)
    request = _REQUEST_PARTICLE.get(particle[1].lower())
    if request and (request.search(query[:at]) or request.fullmatch(words[0])):
        return phrase  # "put X in", "pencil X in", "push X back": the request's particle (its verb copied, too)
    return f"{phrase} {particle[1]}"


def _with_particle_and_tail(
    phrase: str, query: str, others: Sequence[str], phrases: tuple[str | None, ...], lang: str | None
) -> str:
    """The title with its phrasal verb's particle and, after the particle, a place or person ("drop the holiday
    cards" + "off" + "with José"): the tail could not be read while the particle stood between."""
    particled = _with_particle(phrase, query, others)
    return phrase if particled == phrase else _with_place_after(particled, query, phrases, lang)


# Particles that belong to the request said before the title, not to a phrasal verb the title starts with.
_REQUEST_PARTICLE = {
    "in": re.compile(r"\b(?:put|pencil|slot|fit|squeeze|block)\b", re.I),
    "back": re.compile(r"\b(?:push|bump)\b", re.I),  # not "move X back for today", nor "put X back at 8" (a create)
}


_INTO_CALENDAR = re.compile(r"\s+(?:on|in|into|onto|to)\s+(?:my|the|our)\s+(?:calendar|schedule|agenda)\b", re.I)


def _with_verb_before(phrase: str, query: str) -> str:
    """The copied title with the phrasal verb said right before it when the title starts with its particle
    ("Put" + "out the recycling")."""
    at = _said_at(query, phrase, case=True)
    before = query[:at].split()
    if at <= 0 or not before:
        return phrase
    first = phrase.split()[0].lower()
    if _INTO_CALENDAR.match(query, at + len(phrase)):
        return phrase  # "Put out sick on my calendar": "put ... on my calendar" is the request
    if _PARTICLE_AFTER.fullmatch(f" {first}") and before[-1].lower() in _PHRASAL_VERB:
        return f"{before[-1]} {phrase}"
    return phrase  # never verb and particle before a whole title: "Call off", "Put down" are the request's


# "mail the tax forms on Monday at 9", "hey check the rent payment monthly": an English to-do said as a command,
# its verb and article first; the model copies the object only. Never a verb that asks the assistant for something.
_TASK_ARTICLE = frozenset("the my our a an his her their your some".split())
_NOT_A_TASK = frozenset(
    (
        "add put set book make note mark plan block pencil slot fit squeeze log save jot list show find search look "
        "cancel rebook delete remove clear erase scrap postpone reschedule push bump delay reserve create schedule "
        "enter insert remind what when where which who how is are was were does did can could would will should "
        "have has had need want keep got gotta"  # "Got a job interview at Siemens": one has it, no to-do
    ).split()
)


# Requests whose slips are no to-do's verb ("clear" is one letter from "clean", "book" from "cook": not here).
_REQUESTS_MISTYPED = ("create", "enter", "schedule", "remind", "insert", "reserve", "postpone", "delete", "remove")


def _with_task_verb(phrase: str, query: str, spec: Function) -> str:
    """A new event's copied title with the verb and article said right before it when they are all that comes
    before it in the request ("mail" + "the" + "tax forms"), or with a to-do's verb said right before it at the
    start, after a day or time, or after a colon ("Pack" + "moving boxes", "... from 12 to 1 check the" + "tax
    return", "All day for June 26th: check the" + "trash")."""
    at = _said_at(query, phrase, case=True)
    if at <= 0 or not _makes_an_event(spec):
        return phrase
    before = _ASK_LEAD.sub("", query[:at].strip(), count=1).split()
    task = _to_do_verb_before(before, phrase, query)
    if task:
        return f"{' '.join(before[-task:])} {phrase}"
    if len(before) != 2 or before[1].lower() not in _TASK_ARTICLE or phrase.split()[0].lower() in _TASK_ARTICLE:
        return phrase
    verb = before[0].lower()
    if not verb.isalpha() or not verb.isascii() or verb in _NOT_A_TASK or verb in _MAKE_VERBS:
        return phrase
    from rapidfuzz.distance import OSA

    if any(OSA.distance(verb, v) <= 1 for v in _REQUESTS_MISTYPED):
        return phrase  # "Ceate a picnic", "Etner an electrician": a request typed a letter off
    return f"{before[0]} {before[1]} {phrase}"


# English to-dos' verbs, which never ask the assistant for anything: said right before a copied title, they are
# its first word ("Pack moving boxes on January 2nd": the model copied "moving boxes").
_TASK_VERBS = frozenset(
    "pack bake pick buy clean wash water check bring pay return send mail renew cook prepare finish study walk feed "
    "collect order print submit repair paint charge apply fill sign grab fetch hang mow vacuum iron sort tidy fold "
    "wrap decorate practice practise drop take get call ring phone visit hand turn file fix replace install".split()
)
_TASK_PARTICLES = frozenset("up off out back in".split())


def _to_do_verb_before(before: list[str], phrase: str, query: str) -> int:
    """How many of the words before a copied title are a to-do's verb with its particle and article (0: none),
    when what precedes the verb is nothing, a colon or comma, or a day or time."""
    words = [w.lower() for w in before]
    n = 0
    if words and words[-1] in _TASK_ARTICLE and phrase.split()[0].lower() not in _TASK_ARTICLE:
        n = 1
    if len(words) > n and words[-1 - n] in _TASK_PARTICLES:
        n += 1
    if len(words) <= n or words[-1 - n] not in _TASK_VERBS or guess_lang(query) != "en":
        return 0  # "Pack Picknick übermorgen in meinen Kalender": the German request
    if words[-1 - n] == "call" and n and words[-n] == "off":
        return 0  # "call off": a removal
    n += 1
    ahead = before[:-n]
    if not ahead or ahead[-1][-1:] in ":,;":
        return n
    tail = " ".join(ahead[-4:])
    said_when = any(
        names_a_value(t, " ".join(ahead[-k:])) for t in (ParamType.DATE, ParamType.TIME) for k in range(1, 5)
    )
    return n if said_when and not _ADD_SAID.search(tail) else 0


# "Am 1.3. um 8 Uhr erster Arbeitstag", "add the first rehearsal": which one of its kind a new event is belongs to
# its title; the templates say these words of days ("am ersten Montag"), so the widening stops at them.
_TITLE_ORDINAL = re.compile(r"(?i)erste[rs]?|zweite[rs]?|dritte[rs]?|letzte[rs]?|first|second|third|last|final")
_ORDINAL_OF_A_DAY = frozenset("am an on ab bis vom zum until from starting jeden every each im in".split())
_NO_ORDINAL_HEAD = re.compile(
    rf"(?i)(?:{_WD_RE}|{_MONTH_RE}|woche|wochenende|monats?|week|weekend|month|advent|mal|time)\b"
)


def _with_ordinal_before(phrase: str, query: str, spec: Function) -> str:
    """A new event's copied title with the ordinal adjective said right before it ("erster" + "Arbeitstag"),
    unless the ordinal counts days ("am ersten Montag", "the first weekend") or follows a word that makes it one."""
    at = _said_at(query, phrase, case=True)
    if at <= 0 or not _makes_an_event(spec) or _NO_ORDINAL_HEAD.match(phrase):
        return phrase
    before = query[:at].split()
    if not before or not _TITLE_ORDINAL.fullmatch(before[-1]) or not query[:at].endswith(" "):
        return phrase
    leads = [w.lower() for w in before[-3:-1]]
    if leads[-1:] == ["the"]:
        leads.pop()  # "on the first": the word before the article
    if leads[-1:] and leads[-1] in _ORDINAL_OF_A_DAY:
        return phrase  # "am ersten", "on the first", "until the last"
    return f"{before[-1]} {phrase}"


_DANGLING = frozenset({"on", "at", "for", "in", "from", "am", "um", "zu", "zum", "für", "ab", "von", "im", "an"})
_DAY_MODIFIER = re.compile(r"(?:über)?nächste[nrs]?|kommende[nrs]?|diese[nrs]?|next|coming|this")
# The words that go before a day or a clock time, with it ("am Montag", "for the day after tomorrow").
_LEADS_A_DAY = _DANGLING | {"auf", "to", "vom", "zwischen", "between", "der", "die", "das", "den", "dem", "the"}


def _title_without_others(phrase: str, phrases: list[str], query: str = "") -> str:
    """The copied title without another argument's words at its end ("lecture the day after tomorrow" with the
    day copied as the date too), or how often at its start ("täglich essen mit sabine" with "täglich" copied as
    the frequency): a word said once belongs to one argument, and the title is the one that ran over. The
    preposition left dangling goes with it ("run for tomorrow")."""
    for other in phrases:
        said_once = query.lower().count(other.lower()) == 1  # "daily standup daily": the title's own "daily"
        often = resolve_frequency(other) is not None  # a day it starts with is the title's ("Memorial Day barbecue")
        if other != phrase and said_once and often and phrase.lower().startswith(other.lower() + " "):
            return phrase[len(other) + 1 :]  # "täglich essen mit sabine" with "täglich" copied as how often
        if other != phrase and not phrase.lower().endswith(" " + other.lower()):
            # "call for the next week" with "on call for the next week" copied as the day: the day's end
            mine, theirs = phrase.lower().split(), other.lower().split()
            ends = next(
                (
                    k
                    for k in range(len(mine) - 1, 1, -1)
                    if mine[-k:] == theirs[-k:] and names_a_value(ParamType.RANGE_START, " ".join(mine[-k:]))
                ),
                0,
            )
            if ends:
                return " ".join(phrase.split()[:-ends])
        if other == phrase or not phrase.lower().endswith(" " + other.lower()):
            continue
        words = phrase[: -len(other)].split()
        while words and words[-1].lower() in _DANGLING:
            words.pop()
        if words:
            return " ".join(words)
    return phrase


_DURATION_UNIT = re.compile(r"(?:min|minuten?|minutes?|mins?|std|stunden?|hours?|hrs?)\b")
_CLOCK_TAIL = re.compile(
    r"(?:\d{1,2}(?::\d\d)?|am|pm|a\.m\.?|p\.m\.?|uhr|o'?clock|h|abends|morgens|nachmittags|vormittags|nachts|früh)"
)  # "um 10 Uhr abends" is 22:00


_DAYPART_WORD = re.compile(r"(?i)morning|afternoon|evening|night|morgen|vormittag|nachmittag|abend|nacht")


# A span's end said in clock form right after a copied start ("to 4:15", "bis 16 Uhr", "- 5 pm").
_SPAN_END_CLOCK = re.compile(
    r"(?i)\s*(?:to|bis|until|till|-|–)\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm))?|\d{1,2}\s*(?:uhr|am|pm|o'clock)"
    # a bare hour ("on Friday 2:30 to 4"), never a day ("bis 15. Juni", "to the 15th")
    rf"|\d{{1,2}}(?![.\d]|\s*(?:{_MONTH_RE}|st|nd|rd|th)\b))\b"
)


def _continues_a_clock(word: str) -> bool:
    """Whether a word can go on a clock time said before it: minutes ("30", "thirty"), "Uhr", "pm". Never an
    end ("bis 15. Juni"), a day, or "ein" (a verb's particle: "plan ... von 18 bis 20 ein")."""
    word = word.strip(",;!?")
    if _CLOCK_TAIL.fullmatch(word):
        return True
    return 2 <= cardinal_words.get(word, 0) <= 59


# The part of the day said right after a copied clock, which the clock takes on.
_DAYPART_AFTER = re.compile(
    r"\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)|in\s+der\s+(?P<nacht>nacht|früh)"
    r"|am\s+(?P<am>morgen|vormittag|nachmittag|abend)|(?P<bare>morgens|abends|nachts|vormittags|nachmittags|früh))\b",
    re.IGNORECASE,
)
# A span of the day said up to its end ("von 9 bis", "from 2 to"): its end copied alone is the whole span.
_BARE_SPAN_OPENED = re.compile(
    r"(?:^|\s)(?P<start>\d{1,2}(?:[:.]\d{2})?(?:\s*uhr)?)\s*(?:\bbis\b|\bto\b|-|–)\s*$", re.I
)
_SPAN_OPENED = re.compile(
    r"\b(?:von|from|between|zwischen)\s+(?P<start>\S+(?:\s+\S+){0,2}?)\s*(?:\bbis\b|\buntil\b|\btill\b|\bto\b|\band\b|\bund\b|-|–)\s*$",
    re.IGNORECASE,
)


def _whole_time_words(phrase: str, query: str, others: list[str], lang: str | None, target: bool = False) -> str:
    """The copied time with up to two words right after it that make it another time or a span: "ten to eleven"
    copied out of "from ten to eleven thirty" (10:50 -> 10:00 for 90 minutes), "um 7" before "Uhr 30". Never
    another argument's words, nor anything but minutes, "Uhr" or "pm" (not "bis 15. Juni", not "30 minutes")."""
    at = _said_at(query, phrase)
    taken = {w for o in others for w in normalize(o).split()}
    spans = at > 0 and not target and not resolve_time_range(phrase, lang, query)  # a move's target is no span
    # "Dienstag 9 bis 12:30 Schulung" with "12:30" copied: a bare start said right before "bis" opens the span too
    opened = (_SPAN_OPENED.search(query[:at]) or _BARE_SPAN_OPENED.search(query[:at])) if spans else None
    if opened and not set(normalize(opened["start"]).split()) & taken:  # "von 9 bis" + "halb 11"
        wider = f"{opened[0].strip()} {phrase}"
        if resolve_time_range(wider, lang, context=query):
            return wider
    base = resolve_time(phrase, lang, context=query) if at >= 0 else None
    if base is None:
        return phrase
    base_span = resolve_time_range(phrase, lang, context=query)
    before = query[:at].rstrip().split()
    if (
        not target
        and base_span is None
        and before
        and _SPAN_END_FIRST.match(phrase)
        and normalize(before[-1]) not in taken
    ):
        wider = f"{before[-1]} {phrase}"  # "9" + "to 11": the span the model cut at its start
        if re.fullmatch(r"\d{1,2}", normalize(before[-1])) and resolve_time_range(wider, lang, context=query):
            return wider
    end = _SPAN_END_CLOCK.match(query[at + len(phrase) :]) if not target and base_span is None else None
    if end and not set(normalize(end[0]).split()) & taken:  # "3:30" + "to 4:15": the span the model cut at its end
        wider = f"{phrase}{end[0].rstrip()}"
        if resolve_time_range(wider, lang, context=query):
            return wider
    nxt = query[at + len(phrase) :].split()[:1]
    if (
        nxt
        and re.search(r"(?i)\s(?:in\s+the|in\s+der|am)$", phrase)
        and _DAYPART_WORD.fullmatch(nxt[0].rstrip(",;!?."))
    ):
        return f"{phrase} {nxt[0].rstrip(',;!?.')}"  # "to half past seven in the" + "evening"
    part = _DAYPART_AFTER.match(query[at + len(phrase) :])
    if part and not _DAYPART_WORD.search(phrase) and part[0].split()[-1].lower() not in taken:
        return f"{phrase} {part[0].strip()}"  # "to 5:00" + "in the morning", "auf zwei Uhr dreißig" + "in der Nacht"
    after: list[str] = []
    for word in query[at + len(phrase) :].split()[:3]:  # whole words: "14 Uhr 1,5 Stunden" goes on with "1,5"
        if re.fullmatch(r"\d+\.", word):
            break  # "vier Uhr 11. Oktober": an ordinal is a day
        after.append(word.rstrip(",;!?."))
        if word != after[-1]:
            break  # the clause ends with this word
    for n in range(min(len(after), 2), 0, -1):
        said = normalize(" ".join(after[:n]))
        if n < len(after) and _DURATION_UNIT.match(normalize(after[n])):
            continue  # "at 9 30 minutes": the number is a length
        wider = " ".join([phrase, *after[:n]])
        if taken & set(said.split()) or not all(_continues_a_clock(w) for w in said.split()):
            continue
        if not names_a_value(ParamType.TIME, wider, lang):
            continue
        got, got_span = resolve_time(wider, lang, context=query), resolve_time_range(wider, lang, context=query)
        if base_span is not None and got_span is None:
            continue  # "von 9 bis 17" + "am" (Donnerstag): the word would undo the span, not say more of it
        if got is not None and (got != base or got_span != base_span):
            return wider
    return phrase


_SPAN_END_FIRST = re.compile(r"(?:to|bis|until|till)\s", re.IGNORECASE)
_CORRECTABLE = frozenset({ParamType.DATE, ParamType.FIRST_DATE, ParamType.TIME})
# A slip and its correction: "um elf, nee, um zwölf", "to Thursday no Friday", "at eleven actually make that noon".
_CORRECTION = re.compile(
    r"(?:^|[\s,]+)(?:nein|nee|no|äh|ähm|uh|quatsch|moment|sorry|ich meine|i mean|oder nein|no wait|hang on|hold on|"
    r"actually(?: make that| make it)?|make that|make it|oder doch|lieber|scratch that|strike that|correction|i meant"
    r"|ich meinte|ne warte|warte mal|oh wait|ach ne|ach nee|ach nein|oh no)(?=[\s,])"
    r"(?:[\s,]+(?:nein|no|i mean|wait|warte|actually|sorry|ich meine|make (?:that|it)|mach (?:das|es)))?[\s,]+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;!?]|(?<!\d)\.")  # "27. Januar": an ordinal's full stop ends nothing
# The word another argument's copy starts with when it is an argument of its own, not a piece of one copied too
# long ("to the 4th of February", never "50 abends für 4 Stunden").
_ARGUMENT_LEAD = re.compile(r"(?:to|auf|bis|until|till|nach|for|für|at|um|on|am|from|von|vom|ab)\s", re.IGNORECASE)
_LEAD = re.compile(r"(?:at|um|on|am|to|auf)\s", re.IGNORECASE)


def _corrected(ptype: ParamType, phrase: str, query: str, lang: str | None, others: list[str]) -> str:
    """The words a speaker corrected the copied ones to, if the query corrects them later ("samstag um elf uhr
    flohmarkt ein nee um zwölf" with "um elf uhr" copied: "um zwölf"); else the copied words. A later
    correction wins, as people mean it; the model usually copies it, and this keeps it right when it does not.
    Words copied for another argument are never taken ("move it from today, no, to Monday": "to Monday" is the
    target the model copied already)."""
    inside = _CORRECTION.search(phrase)
    if inside and names_a_value(ptype, phrase[: inside.start()], lang):  # "at twelve uh twelve thirty" copied whole
        fixed = _corrected(ptype, phrase[: inside.start()], phrase, lang, others)
        if fixed != phrase[: inside.start()]:
            return fixed
    marker = _CORRECTION.search(f"{phrase} ")
    if marker and marker.end() > len(phrase) and names_a_value(ptype, phrase[: marker.start()], lang):
        # "um zehn äh" copied of "um zehn äh um halb elf": the words after the marker, read in the query
        return _corrected(ptype, phrase[: marker.start()], query, lang, others)
    at = _said_at(query, phrase)
    if at < 0:
        return phrase
    tail = query[at + len(phrase) :]
    lead = phrase.split()[0] if _LEAD.match(phrase) else None  # "at twelve uh twelve thirty": "at" for both
    for m in _CORRECTION.finditer(tail):
        if names_a_value(ptype, tail[: m.start()], lang):
            return phrase  # another value of this kind came first: the marker corrects that one, or something else
        words = _CLAUSE_END.split(tail[m.end() :], maxsplit=1)[0].split()
        # "coming Thursday" of "I mean coming Thursday to the 4th of February": up to another argument's words
        cut = next(
            (
                k
                for k in range(1, len(words))
                if any(
                    " ".join(words[k:]).lower().startswith(o.lower()) and _ARGUMENT_LEAD.match(o) for o in others if o
                )
            ),
            len(words),
        )
        found = _longest_value(words[:cut], 1, ptype, lang, query, others, lead)
        if found:
            return found
    return phrase


def _overlaps(said: str, other: str, ptype: ParamType, lang: str | None) -> bool:
    """Whether words read for a value are, or hold, another argument's copy; a day that a clock's copy starts with
    ("27. Januar" of "27. Januar um Viertel nach sechs") is the day's, the rest the clock's."""
    if other.lower() in said.lower():
        return True
    rest = other[len(said) :] if other.lower().startswith(said.lower()) else None
    shared = ptype is not ParamType.TIME and rest is not None and names_a_value(ParamType.TIME, rest, lang)
    return said.lower() in other.lower() and not shared


def _longest_value(
    words: list[str],
    shortest: int,
    ptype: ParamType,
    lang: str | None,
    query: str,
    others: list[str],
    lead: str | None = None,
) -> str | None:
    """The longest opening run of ``words`` (at least ``shortest``; with ``lead`` before it, if that reads) that
    names a value of ``ptype`` and resolves, and that is no part of words copied for another argument."""
    for n in range(len(words), shortest - 1, -1):
        said = " ".join(words[:n])
        if any(_overlaps(said, o, ptype, lang) for o in others):
            continue
        for candidate in (said, f"{lead} {said}") if lead else (said,):
            if names_a_value(ptype, candidate, lang):
                try:
                    resolve_phrase(ptype, candidate, dt.date(2000, 1, 1), lang, query)
                except CallError:
                    continue
                return candidate
    return None


# "auf Samstag", "to Friday": words that name where something goes, never where it is now.
_TARGET_WORDS = re.compile(r"^\s*(?:auf|to|onto|nach)\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(?:auf|to|onto|nach)\s*$", re.IGNORECASE)


def _said_as_target(phrase: str, query: str) -> bool:
    """Whether the words are, or in the query follow, a target preposition ("auf in 14 Tagen" copied without
    its "auf")."""
    if _TARGET_WORDS.match(phrase):
        return True
    at = _said_at(query, phrase)
    return at > 0 and bool(_TARGET_BEFORE.search(query[:at]))


_RESCHEDULED_FOR = re.compile(
    r"\b(?:reschedul\w*|postpon\w*|mov\w*|push\w*|bump\w*|shift\w*|chang\w*)\b.*\bfor\s*$", re.IGNORECASE
)


def _rescheduled_for(phrase: str, query: str) -> bool:
    """Whether a day is said after "for" in a request to reschedule ("Reschedule my leg day for next Monday"):
    where it goes, as "to" says it (the event's own day is said with "on", "am")."""
    at = _said_at(query, phrase)
    lead = re.match(r"(?i)\s*for\s+", phrase)
    before = query[:at] + (lead[0] if lead else "")
    return at >= 0 and bool(_RESCHEDULED_FOR.search(before.rstrip() + " "))


# "Push my 3 pm to 4": the request and the event named by its start, said before the target.
_MOVED_BY_ITS_START = re.compile(
    r"(?i)^\W*(?:(?:please|bitte)\s+)?(?:push|move|shift|bump|reschedule|change|put|verschieb\w*|schieb\w*|verleg\w*"
    r"|leg\w*)\s+(?:(?:my|the|our|meinen|meine|mein|den|die|das)\s+)?(?P<what>\S.*?)\s*$"
)


def _target_copied_as_title(names: list[str], span: SpanCall, query: str) -> SpanCall:
    """A move whose title is its target's words ("to 4" of "Push my 3 pm to 4") with no new time or day copied:
    the target is the new time or day, and the event is named by what is said between the request and it."""
    said = span.named
    title = str(said.get("title") or "")
    lead = re.match(r"(?i)(?:to|auf|onto)\s+(?=\S)", title)
    at = _said_at(query, title) if lead else -1
    if at <= 0 or said.get("new_date") or said.get("new_time"):
        return span
    target = title[lead.end() :]  # type: ignore[union-attr]
    if any(names_a_value(ParamType.TIME, t) for t in (target, f"at {target}")) and "new_time" in names:
        kind = "new_time"
    elif names_a_value(ParamType.DATE, target) and "new_date" in names:
        kind = "new_date"
    else:
        return span
    m = _MOVED_BY_ITS_START.match(query[:at])
    if m is None:
        return span
    phrases = list(span.phrases)
    phrases[names.index("title")], phrases[names.index(kind)] = m["what"], title
    return SpanCall(span.function, tuple(phrases))


def _target_words_to_target(spec: Function, span: SpanCall, query: str = "") -> SpanCall:
    """A move whose current-day words name a target ("Verschieb X auf Samstag" copied into the old day) while no
    new day was copied: the words go to the new day. A small model confuses the two slots; the preposition
    does not."""
    names = [p.name for p in spec.params]
    if "date" not in names or "new_date" not in names:
        return span
    span = _target_copied_as_title(names, span, query)
    said = span.named
    if said["date"] and said["new_date"] is None:
        phrases = list(span.phrases)
        split = _FROM_TO.match(said["date"])
        if _said_as_target(said["date"], query) or (
            said.get("new_time") is None and _rescheduled_for(said["date"], query)
        ):
            phrases[names.index("new_date")], phrases[names.index("date")] = said["date"], None
        elif split and all(names_a_value(ParamType.DATE, split[k]) for k in ("old", "new")):
            # "von Dienstag auf Mittwoch", "Tuesday to Wednesday" copied whole into the current day
            phrases[names.index("date")], phrases[names.index("new_date")] = split["old"], split["new"]
        elif split and names_a_value(ParamType.DATE, split["new"]) and not _any_day_in(split["old"]):
            # "weekend getaway to next thursday", "in der Mittagspause auf kommenden Donnerstag": the title's
            # words and the target copied as the current day; the title takes its words back where it is said
            # right before them
            phrases[names.index("date")], phrases[names.index("new_date")] = None, split["new"]
            title = said.get("title")
            if title and re.search(rf"(?i)(?<!\w){re.escape(title)}\s+{re.escape(split['old'])}(?!\w)", query):
                phrases[names.index("title")] = f"{title} {split['old']}"
        return SpanCall(span.function, tuple(phrases))
    if said["date"] and said["new_date"]:
        # "from Sunday to 9 April 2029" copied as the current day with "to 9 April 2029" as the target: the day is
        # what comes before the target
        day, target = str(said["date"]), str(said["new_date"])
        old = day[: -len(target)].strip() if day.lower().endswith(" " + target.lower()) else ""
        if old and _FROM_TO.match(day) and names_a_value(ParamType.DATE, old):
            phrases = list(span.phrases)
            phrases[names.index("date")] = old
            return SpanCall(span.function, tuple(phrases))
    if said["date"] and said["new_date"] and query:
        # "I'll do the getaway for tomorrow at 21:00 instead" with "for tomorrow" copied as both days: words said once
        # are one day, the target (the model copies a target's day into the old one, not the other way)
        day, target = str(said["date"]).lower(), str(said["new_date"]).lower()
        once = len(re.findall(rf"(?<!\w){re.escape(day)}(?!\w)", query.lower())) == 1
        if once and (target == day or target.endswith(" " + day)):
            phrases = list(span.phrases)
            phrases[names.index("date")] = None
            return SpanCall(span.function, tuple(phrases))
    if said["date"] is None and said["new_date"] and said["new_time"] and query:
        # "change the party on the 26th of December to 19 hundred": the day said where the event is, the target a
        # clock time; the model copied the day as the new one
        day, clock = str(said["new_date"]), str(said["new_time"])
        at, then = query.find(day), query.find(clock)
        # "The parent teacher meeting on Wednesday is at 5 pm now": the day names the event the statement is about
        stated = 0 <= at < then and _IS_BETWEEN.match(query[at + len(day) : then])
        if _WHERE_IT_IS.match(day) and (_TARGET_WORD.match(clock) or stated) and 0 <= at < then:
            phrases = list(span.phrases)
            phrases[names.index("date")], phrases[names.index("new_date")] = day, None
            return SpanCall(span.function, tuple(phrases))
    return span


_WHERE_IT_IS = re.compile(r"(?i)(?:on|am)\s")
_IS_BETWEEN = re.compile(r"(?i)[\s,]*(?:is|ist|are|sind)(?:\s+(?:now|jetzt|nun|erst))?[\s,]*$")
_TARGET_WORD = re.compile(r"(?i)(?:to|onto|auf|nach)\s")


def _any_day_in(words: str) -> bool:
    """Whether any run of the words names a day ("at the office on the 5th": "on the 5th")."""
    said = words.split()
    if len(said) > 8:
        return True  # too long to tell: leave it as copied
    runs = (" ".join(said[i:j]) for i in range(len(said)) for j in range(i + 1, len(said) + 1))
    return any(names_a_value(ParamType.DATE, run) for run in runs)


# A move's two days in one phrase: the target preposition between them ("von Dienstag auf Mittwoch").
_FROM_TO = re.compile(r"^(?P<old>.+?)\s+(?P<new>(?:auf|to|onto)\s+.+)$", re.IGNORECASE)


def _not_that_clock(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A clock copied where the query says it is not the one ("Übermorgen um 10 Uhr und nicht um 9 Zahnarzt", "at 10,
    not 9"): the other clock said."""
    phrases = list(span.phrases)
    for i, p in enumerate(spec.params):
        phrase = phrases[i]
        if p.type is not ParamType.TIME or not phrase:
            continue
        negated = re.compile(rf"(?i)(?:\s*,|\s+und|\s+and)?\s+(?:nicht|not)\s+{re.escape(phrase)}(?!\w)")
        if not negated.search(query):
            continue
        other = _clock_said_anywhere(negated.sub(" ", query), [o for o in phrases if o and o != phrase], lang)
        phrases[i] = other or phrase
    return SpanCall(span.function, tuple(phrases))


def _day_in_time_words(spec: Function, span: SpanCall) -> SpanCall:
    """A day and its clock time copied as one phrase into one of their two slots ("auf morgen um 11" for the new
    time, "Mittwoch um 19 Uhr" for the day) while the other slot is empty: each slot reads its part out of the
    phrase. A clock copied with a corrected day after the day ("am Dienstag" and "äh, Donnerstag um neun") gives the
    day slot that day: the correction wins. The day slot is the one just before the time slot (``date``/``time``,
    ``new_date``/``new_time``)."""
    phrases = list(span.phrases)
    for i, p in enumerate(spec.params):
        before = spec.params[i - 1] if i else None
        if p.type is not ParamType.TIME or before is None or before.type not in (ParamType.DATE, ParamType.FIRST_DATE):
            continue
        day, time = phrases[i - 1], phrases[i]
        if day is None and time is not None and names_a_value(ParamType.DATE, time):
            phrases[i - 1] = time
        elif day is not None and time is not None and (fix := _CORRECTION.match(f" {time}")):
            corrected = time[max(fix.end() - 1, 0) :]  # "am Dienstag" and "äh, Donnerstag um 9": "Donnerstag um 9"
            if names_a_value(ParamType.DATE, corrected):
                phrases[i - 1] = corrected
        elif time is None and day is not None and _CLOCK_SAID.search(normalize(day)):
            phrases[i] = day  # only a clock said as one ("um 19 Uhr"), never "auf 12. April" or "am 10.03."
    return SpanCall(span.function, tuple(phrases))


_CLOCK_SAID = re.compile(
    r"\b(?:um|at|gegen|around)\s+\d{1,2}\b(?!\.)|\d:\d{2}|\buhr\b|\d\s*(?:am|pm)\b|o'?clock"
    # "um halb acht", "at half past 7", "um viertel nach 3": a clock said in its words
    r"|\b(?:um|at|gegen|around)\s+(?:halb|dreiviertel|viertel\s+(?:vor|nach)|half\s+past|(?:a\s+)?quarter\s+(?:past|to))"
    r"\s+\d{1,2}\b(?!\.)"
    r"|\b(?:mittags|noon|midday|mitternacht|midnight)\b"  # "Dienstag mittags": noon, said with its day
)
# A clock time said right after a day ("auf Freitag um drei", "to friday at three"), and the words that open a
# series' first and last day ("ab dem 4. Januar", "starting January 4"; "bis Ende März", "until March 29").
_CLOCK_LEAD = frozenset({"um", "at", "gegen", "around", "ab"})
_SERIES_FROM = re.compile(r"\b(?:ab|starting|beginning|beginnend)\b", re.IGNORECASE)
_SERIES_UNTIL = re.compile(r"\b(?:bis|until|till|through|thru)\b", re.IGNORECASE)
_SERIES_FROM_MONTH = re.compile(
    rf"\b(?:from|von)\b(?=\s+(?:(?:the\s+)?(?:start|beginning|anfang)\s+(?:of\s+)?)?(?:{_MONTH_RE})\b)", re.IGNORECASE
)
_SAID_END = re.compile(r"[,;!?]|(?<!\d)\.")  # a clause ends there, but not at "29. März"
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{_WD_RE})\w*\s*$")


def _said_after(query: str, marker: re.Match[str], ptype: ParamType, copied: list[str], lang: str | None) -> str | None:
    """The longest run of up to six words after ``marker`` (the marker included) that names a value of ``ptype``
    and resolves, and that is no part of words copied for another argument."""
    words = _SAID_END.split(query[marker.start() :], maxsplit=1)[0].split()[:7]
    return _longest_value(words, 2, ptype, lang, query, copied)


def _day_said_anywhere(
    query: str, copied: list[str], lang: str | None, ptype: ParamType = ParamType.DATE
) -> str | None:
    """The first run of words (up to six, within a clause) that names a day (or a value of ``ptype``) and
    resolves, outside the words copied for the other arguments: "Ende des Monats um 10 Uhr Miete überweisen"
    with the day left empty."""
    rest = query
    for phrase in sorted(copied, key=len, reverse=True):  # the words copied are no day said besides them
        rest = re.sub(re.escape(phrase), " ; ", rest, flags=re.IGNORECASE)
    for clause in _SAID_END.split(rest):
        words = clause.split()
        for start in range(len(words)):
            if start and words[start].lower() == "morgen" and words[start - 1].lower() in _THE_MORNING:
                continue  # "um 9 am Morgen": the morning, not tomorrow
            found = _longest_value(words[start : start + 6], 1, ptype, lang, query, copied)
            if found:
                return found
    return None


def _days_said_anywhere(query: str, copied: list[str]) -> str | None:
    """The fewest words of a clause, outside the words copied for the other arguments, that name the same days as
    the whole clause: "from monday to wednesday" in "what is on my calendar from monday to wednesday"."""
    rest = query
    for phrase in sorted(copied, key=len, reverse=True):
        rest = re.sub(re.escape(phrase), " ; ", rest, flags=re.IGNORECASE)

    def days(words: list[str]) -> tuple[DateSpan | None, ...]:  # two days of reference: "bis Samstag" on a Saturday
        return tuple(resolve_date_range(" ".join(words), today) for today in _REFERENCE_DAYS)

    for clause in _SAID_END.split(rest):
        words = clause.split()
        whole = days(words)
        if not words or None in whole:
            continue
        start, end = 0, len(words)
        while start + 1 < end and days(words[start + 1 : end]) == whole:
            start += 1
        while end - 1 > start and days(words[start : end - 1]) == whole:
            end -= 1
        return " ".join(words[start:end])
    return None


_CLOCK_RANGE = re.compile(
    r"(?i)\b(?:from|von|between|zwischen)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|uhr))?\s+(?:to|bis|and|und|till|until)\s+"
    r"\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|uhr)\b)?"
)


def _clock_range_said(query: str, copied: list[str], lang: str | None) -> str | None:
    """A span of clock times the model left empty ("from 2 to 3" of "I've got a meeting ... in a week from 2 to 3",
    copied with the day or not at all), said once and not in the title's words."""
    found = [m for m in _CLOCK_RANGE.finditer(query) if not any(m[0].lower() in c.lower() for c in copied)]
    if len(found) != 1 or resolve_time_range(found[0][0], lang, context=query) is None:
        return None
    return found[0][0]


def _clock_said_anywhere(query: str, copied: list[str], lang: str | None) -> str | None:
    """A clock time said in clock words ("for 2pm", "um 15 Uhr", "at 9:30") outside the words copied, that the
    model left empty: never the end of a span ("until 6pm", "bis 18 Uhr"), nor one of two clocks said."""
    found = _day_said_anywhere(query, copied, lang, ParamType.TIME)
    said = normalize(found or "")
    if not found or len(re.findall(r"\d{1,2}(?:[:.]\d{2})?", said)) != 1 or not _CLOCK_SAID.search(said):
        return None
    at = _said_at(query, found)
    if at < 0 or _SPAN_WORD.search(f"{normalize(query[:at])} {said.split()[0]}"):
        return None
    rest = f"{query[:at]} ; {query[at + len(found) :]}"
    for phrase in copied:
        rest = re.sub(re.escape(phrase), " ; ", rest, flags=re.IGNORECASE)
    return None if _CLOCK_SAID.search(normalize(rest)) else found


# A clock after these is where a span ends or starts, not an event's start.
_SPAN_WORD = re.compile(r"\b(?:bis|until|till|to|through|thru|from|von|ab|between|zwischen)\s*(?:\d|$)|-\s*$")


_REFERENCE_DAYS = (dt.date(2001, 1, 3), dt.date(2001, 1, 6))
_THE_MORNING = frozenset("am jeden diesen den der zum heute gestern".split())


# "Morgen Mittag Essen mit Oma", "lunch with grandma tomorrow noon": noon said as a word, not copied as the time
# (never "Mittagessen", "nachmittags": a word of its own).
_NOON_WORD = re.compile(r"(?i)\b(?:mittags?|noon|midday|lunchtime|lunch\s+time|mittagszeit)\b")


def _noon_said(query: str, titles: list[str]) -> str | None:
    """The noon said outside the copied title, when no other clock time is said."""
    rest = query
    for title in titles:
        rest = re.sub(re.escape(title), " ; ", rest, flags=re.IGNORECASE)
    found = _NOON_WORD.search(rest)
    other = _NOON_WORD.sub(" ", rest)  # "noon" is a clock word itself
    return found[0] if found and not _CLOCK_SAID.search(normalize(other)) else None


# The words that lead a day: where a copied day starts that has the title's last words before it.
_LEADS_OF_A_DAY = frozenset("on am from vom von for für this next diesen nächsten kommenden coming".split())
# "The kids are at camp", "Mom is in Berlin": what a new event states of someone, said as a title ("kids at camp").
_STATED_PLACE = re.compile(r"(?i)^(?P<who>\S+(?:\s+\S+){0,2}?)\s+(?:is|are)\s+(?P<where>(?:in|at)\s+\S.*)$")


_TO_MINUTES = frozenset("5 10 15 20 25".split())  # "twenty to nine" is 8:40, as _RANGE reads it
_CLOCK_TO_CLOCK = re.compile(r"(?i)^(?:at|um)\s+(?P<a>\S.*?)\s+(?P<to>to|auf|bis)\s+(?P<b>\S.*)$")
_PLAIN_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|uhr))?")


def _clock_to_clock_of_a_move(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A move's new time copied as "at 3 to 4 pm" (of "change the meeting on Friday at 3 to 4 pm"): it goes to the
    second clock; a day copied as its new day that the query says with "on" right before the first clock is where
    the event is now (v25 moved the meeting to Friday at 15:00)."""
    if not _moves_an_event(spec):
        return span
    said = dict(zip((p.name for p in spec.params), span.phrases, strict=True))
    time = said.get("new_time")
    m = _CLOCK_TO_CLOCK.match(time or "")
    first = normalize(m["a"]) if m else ""
    if time is None or m is None or not _PLAIN_CLOCK.fullmatch(first) or (m["to"] == "to" and first in _TO_MINUTES):
        return span  # "at quarter to 10", "at twenty to nine": one clock
    said["new_time"] = f"{m['to']} {m['b']}"
    day = said.get("new_date")
    old_day = re.search(rf"(?i)\b(?:on|am)\s+{re.escape(day or '')}\s+{re.escape(time)}", query)
    if day and said.get("date") is None and old_day:
        said["date"], said["new_date"] = day, None
    return SpanCall(span.function, tuple(said[p.name] for p in spec.params))


_GOING_HEAD = re.compile(rf"(?i)\b{_GO_WE}\b\s*")


def _going_said_after_day(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A new event said as where one goes after its day ("Morgen Abend gehen wir um acht mit Lena und Tim ins
    Kino") with "gehen wir ..." copied as its title: the title is where one goes ("mit Lena und Tim ins Kino"), and
    a clock said in those words is the time when the model left it empty."""
    t = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TITLE), None)
    head = _GOING_HEAD.search(query)
    if t is None or head is None or not _makes_an_event(spec) or not _GOING_HEAD.match(span.phrases[t] or ""):
        return span
    rest = _SAID_END.split(query[head.end() :], maxsplit=1)[0]
    phrases = list(span.phrases)
    clock = next((i for i, p in enumerate(spec.params) if p.type is ParamType.TIME), None)
    if clock is not None and phrases[clock] is None:
        phrases[clock] = _clock_said(rest.split(), lang)
    for i, o in enumerate(phrases):
        if i != t and o:
            rest = re.sub(rf"(?i)(?<!\w){re.escape(o)}(?!\w)", " ", rest)
    title = " ".join(rest.split()).strip(" ,.")
    phrases[t] = title or phrases[t]
    return SpanCall(span.function, tuple(phrases))


def _title_inside_frequency(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A series' title copied out of its "how often" ("Arbeitstag" of "jeden Arbeitstag"): the words left that name
    something ("Bis Ende April jeden Arbeitstag um 9:15 Standup": "Standup")."""
    names = [p.name for p in spec.params]
    often = next((p.name for p in spec.params if p.type is ParamType.FREQUENCY), None)
    said = dict(zip(names, span.phrases, strict=True))
    title, how = said.get("title"), said.get(often) if often else None
    if not title or not how or str(title).lower() not in str(how).lower() or not resolve_frequency(str(how)):
        return span
    others = [str(v) for k, v in said.items() if v and k != "title"]
    left = _title_left_over(query, others)
    if not left:
        return span
    said["title"] = left
    return SpanCall(span.function, tuple(said[n] for n in names))


def _title_runs_into_day(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A new event's title with the words copied at the start of its day that are not the day's ("report cards" +
    "day on February 10th", "contractors" + "in the apartment from March 1st to 3rd", said after "are"), and a
    title that states where someone is without its "is"/"are" ("Mom is in Berlin": "Mom in Berlin")."""
    names = [p.name for p in spec.params]
    said = dict(zip(names, span.phrases, strict=True))
    title, day = said.get("title"), said.get("date")
    if not _makes_an_event(spec) or not title or any(p.type is ParamType.FREQUENCY for p in spec.params):
        return span
    stated = _STATED_PLACE.match(str(title))
    if stated and _said_at(query, str(title), case=False) >= 0 and not names_a_value(ParamType.DATE, stated["where"]):
        said["title"] = title = f"{stated['who']} {stated['where']}"
    words = str(day).split() if day else []
    for k in range(1, min(4, len(words))):
        head, tail = words[:k], " ".join(words[k:])
        if words[k].lower() not in _LEADS_OF_A_DAY or head[-1].lower() in _DANGLING_BEFORE_DAY:
            continue
        if any(_names_a_day_or_time(w) or any(c.isdigit() for c in w) for w in head):
            break
        # a place said with its own words ("in the apartment") or the title's "day" ("report cards day"); never the
        # day's words ("next week", "a week", "all day", "early")
        lowered = [w.lower() for w in head]
        if lowered not in (["day"], ["tag"]) and (
            all(_is_frame_word(w) for w in lowered) or lowered[0] not in _PLACE_PREPOSITIONS | {"in", "on"}
        ):
            break
        joined = re.escape(" ".join(head))
        if not re.search(rf"(?i){re.escape(str(title))}\s+(?:(?:is|are)\s+)?{joined}\s+{re.escape(tail)}", query):
            break
        tail_day = resolve_date(tail, today)
        if tail_day is None or tail_day != resolve_date(str(day), today):
            continue
        said["title"], said["date"] = f"{title} {' '.join(head)}", tail
        break
    return SpanCall(span.function, tuple(said[n] for n in names))


_THIS_SPAN_OF_A_SERIES = re.compile(
    r"(?i)(?<!\bab )(?<!\bfrom )(?<!\bstarting )(?<!\bbeginning )"
    r"\b(?:this\s+week|diese\s+woche|this\s+month|diesen\s+monat)\b"
)


def _words_left_in_query(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """Values the query says but the model left empty, where the words that say them leave no doubt: a clock time
    right after the copied day, a series' first day after "ab"/"starting", its last day after "bis"/"until"
    (never "von Montag bis Freitag", which is the repetition), "alle 14 Tage" over a copied "montags", and a day
    that would be asked for though the query names it."""
    if not query:
        return span
    phrases = _first_day_copied_as_last(spec, list(span.phrases), query)
    copied = [p for p in phrases if p]
    series = any(q.type is ParamType.FREQUENCY for q in spec.params)
    for i, p in enumerate(spec.params):
        before = spec.params[i - 1] if i else None
        if p.type is ParamType.TIME and phrases[i] is None and before is not None and phrases[i - 1]:
            at = _said_at(query, str(phrases[i - 1]))
            rest = query[at + len(str(phrases[i - 1])) :] if at >= 0 else ""
            lead = re.match(r"[\s,]*(\w+)", rest)
            if at >= 0 and lead and lead[1].lower() in _CLOCK_LEAD:
                phrases[i] = _said_after(rest, lead, ParamType.TIME, copied, lang)
            elif at >= 0 and lead:  # "auf Sonntag 21:35", "auf übermorgen elf Uhr früh": a clock said as one
                found = _said_after(rest, lead, ParamType.TIME, copied, lang)
                clock = bool(found and re.match(r"\d", normalize(found)) and _CLOCK_SAID.search(normalize(found)))
                two = re.match(r"[\s,]*([^\W\d_]+\s+[^\W\d_-]+(?:-[^\W\d_]+)?)(?!\w)", rest)
                if not clock and two and re.fullmatch(r"\d{1,2} [0-5]\d", normalize(two[1])):
                    found, clock = two[1], True  # "sunday ten thirty church service": an hour and its minutes in words
                phrases[i] = found if clock else None
        if p.type is ParamType.TIME and p.missing is Missing.ASK and phrases[i] is None:
            titles = [c for c, q in zip(phrases, spec.params, strict=True) if c and q.type is ParamType.TITLE]
            # "set a meeting with Sara for 2pm on Tuesday"; "Morgen Mittag Essen mit Oma"
            phrases[i] = _clock_said_anywhere(query, copied, lang) or _noon_said(query, titles)
            phrases[i] = phrases[i] or _clock_range_said(query, [str(t) for t in titles], lang)  # never the title's
        if (
            p.type is ParamType.RANGE_END
            and phrases[i]
            and any(q.type is ParamType.FIRST_DATE and phrases[j] == phrases[i] for j, q in enumerate(spec.params))
        ):
            phrases[i] = None  # the first day copied again as the last: the end is read from "bis"/"until"
        if p.type is ParamType.RANGE_END and phrases[i] is None and series:
            # "every day this week", "jeden Tag diese Woche": the series ends with the week (or month) said
            this = _THIS_SPAN_OF_A_SERIES.search(query)
            phrases[i] = this[0] if this and not any(c and this[0].lower() in c.lower() for c in copied) else None
        if p.type is ParamType.MINUTES and phrases[i] is None:
            phrases[i] = _length_said(query, copied, lang)
        if series and phrases[i] is None:
            marker = {ParamType.FIRST_DATE: _SERIES_FROM, ParamType.RANGE_END: _SERIES_UNTIL}.get(p.type)
            leads = [*marker.finditer(query)] if marker else []
            if p.type is ParamType.FIRST_DATE:  # "Tuesdays at 6 from March through May": "from" before a month
                leads += _SERIES_FROM_MONTH.finditer(query)
            for m in leads:
                if re.match(r"\s*(?:jetzt|sofort|now|nun)\b", query[m.end() :], re.IGNORECASE):
                    continue  # "ab jetzt", "starting now": today, as when nothing is said
                if p.type is ParamType.RANGE_END and _WEEKDAY_BEFORE.search(normalize(query[: m.start()])):
                    continue  # "von Montag bis Freitag", "Monday through Friday": the days it repeats on
                # the last day may be a month ("bis März": its last day), the first a day or a month ("ab Januar":
                # its first day, which resolve_first_date reads)
                found = _said_after(query, m, p.type if p.type is ParamType.RANGE_END else ParamType.DATE, copied, lang)
                if found is None and p.type is ParamType.FIRST_DATE:
                    found = _said_after(query, m, ParamType.RANGE_START, copied, lang)
                if found:
                    phrases[i] = found
                    break
        if p.type is ParamType.FIRST_DATE and phrases[i] is None:
            often = next(
                (str(q) for r, q in zip(spec.params, phrases, strict=True) if r.type is ParamType.FREQUENCY and q), ""
            )
            if resolve_frequency(often) in ("yearly", "monthly") and not _SERIES_UNTIL.search(query):
                # "add my birthday on April 2nd every year" (a day said with "bis"/"until" is the last one)
                phrases[i] = _day_said_anywhere(query, copied, lang)
        if p.type is ParamType.DATE and p.missing is Missing.ASK and phrases[i] is None:
            phrases[i] = _day_said_anywhere(query, copied, lang)  # else it is asked for: said once is enough
        if p.type is ParamType.RANGE_START and p.missing is Missing.TODAY and phrases[i] is None:
            # "How does my week look?" with nothing copied is this week, not today
            phrases[i] = _days_said_anywhere(query, copied)
        if p.type is ParamType.FREQUENCY and phrases[i] and resolve_frequency(phrases[i] or "") == "daily":
            on_weekdays = dict(_FREQUENCY_RULES)["weekdays"].search(normalize(query))
            if on_weekdays and not re.search(rf"\b(?:{_WD_RE})", on_weekdays[0]):  # "every morning ... on weekdays"
                phrases[i] = f"{phrases[i]} {on_weekdays[0]}"
        if p.type is ParamType.FREQUENCY and phrases[i] and resolve_frequency(phrases[i] or "") == "weekly":
            every_other = dict(_FREQUENCY_RULES)["biweekly"].search(normalize(query))
            if every_other:  # "alle 14 Tage montags" with only "montags" copied
                phrases[i] = f"{every_other[0]} {phrases[i]}"
        first_said = any(q.type is ParamType.FIRST_DATE and phrases[j] for j, q in enumerate(spec.params))
        if p.type is ParamType.FREQUENCY and phrases[i] and not first_said:
            day = _repetition_day_left(query, str(phrases[i]), copied)
            if day:  # "every week" copied out of "on Tuesdays ... every week": the series is on Tuesdays
                phrases[i] = f"{phrases[i]} {day}"
    return SpanCall(span.function, tuple(phrases))


_FROM_BEFORE = re.compile(_SERIES_FROM.pattern.removesuffix(r"\b") + r"\s*$", re.IGNORECASE)


# More weekdays, as a series said on several copies them: "wednesday and friday", ", Mittwoch und Freitag".
_MORE_WEEKDAYS = re.compile(rf"^(?:[\s,&]*(?:(?:and|und|sowie|plus)\s+)?(?:(?:on|am)\s+)?(?:{_WD_RE})\w*)+")


def _first_day_copied_as_last(spec: Function, phrases: list[str | None], query: str) -> list[str | None]:
    """A series' last day that the query says after "ab"/"starting" ("carpool every weekday starting January 4"
    copied as its end) is its first day, when no first day was copied; a first day copied with its "bis"/"until"
    ("bis Ende Februar") is the last."""
    first = next((i for i, p in enumerate(spec.params) if p.type is ParamType.FIRST_DATE), None)
    last = next((i for i, p in enumerate(spec.params) if p.type is ParamType.RANGE_END), None)
    if first is None or last is None:
        return phrases
    said_last = str(phrases[last] or "")
    if said_last and not _SERIES_UNTIL.search(said_last) and not _until_before(query, said_last):
        often = next(
            (str(p) for q, p in zip(spec.params, phrases, strict=True) if q.type is ParamType.FREQUENCY and p), ""
        )
        more = _MORE_WEEKDAYS.match(normalize(said_last))
        if more and re.search(rf"\b(?:{_WD_RE})", normalize(often)):
            # "every monday, wednesday and friday at 7 am" with "wednesday and friday at 7 am" copied as its end:
            # more days it repeats on (the dialog reads them all from the words), and the clock said with them
            clock = next((i for i, q in enumerate(spec.params) if q.type is ParamType.TIME), None)
            rest = normalize(said_last)[more.end() :].strip(" ,")
            if clock is not None and not phrases[clock] and rest and names_a_value(ParamType.TIME, rest):
                phrases[clock] = said_last[len(said_last) - len(rest) :] if said_last.lower().endswith(rest) else rest
            phrases[last] = None
            return phrases
        if said_last.lower() in often.lower():
            phrases[last] = None  # "jede Woche am Donnerstag" with "am Donnerstag" copied as its end too
            return phrases
        if not phrases[first] and not _FOR_DAYS.search(normalize(said_last)):  # "die nächsten 6 Wochen": its end
            phrases[first], phrases[last] = said_last, None  # "annually on August 15": when it starts
            return phrases
    said_first = str(phrases[first] or "")
    if _SERIES_UNTIL.match(said_first.strip()) and (not phrases[last] or str(phrases[last]) in said_first):
        # "bis Ende Februar" copied as the first day (and "Februar" as the last): it is the last day
        phrases[first], phrases[last] = None, said_first
        return phrases
    both = re.match(r"(?i)^(?P<first>\S.*?)\s+(?:bis|until|till|through|thru)\s+(?P<last>\S.*)$", said_first)
    if (
        both
        and not phrases[last]
        and names_a_value(ParamType.RANGE_END, both["last"])
        and any(names_a_value(t, both["first"]) for t in (ParamType.DATE, ParamType.RANGE_START))
        and not _WEEKDAY_BEFORE.search(normalize(both["first"]))  # "von Montag bis Freitag": the days it repeats on
        and not re.search(r"\d", both["first"])  # "ab dem 2.12. ... bis zum 17.8.": a day, read on its own
    ):
        # "Von März bis Mai dienstags" with "Von März bis Mai" copied as the first day: its first and last
        phrases[first], phrases[last] = both["first"], both["last"]
        return phrases
    until = _with_until_before(query, said_first or None)
    if until and (not phrases[last] or phrases[last] == said_first):
        # "Chor jeden Montag bis zum 18.12." with "zum 18.12." copied as the first day: the last, said with its "bis"
        phrases[first], phrases[last] = None, until
        return phrases
    if phrases[first] or not phrases[last]:
        return phrases
    phrase = str(phrases[last])
    at = _said_at(query, phrase)
    if _SERIES_UNTIL.search(phrase):  # "7 June until July 4" copied whole: its end is the end
        return phrases
    if _SERIES_FROM.match(phrase.strip()) or (at > 0 and _FROM_BEFORE.search(query[:at])):
        phrases[first], phrases[last] = phrase, None
    return phrases


def _until_before(query: str, phrase: str) -> bool:
    """Whether the copied day is said after "bis"/"until" (or a slip of it: "unitl", "utnil", "unil"), as a last
    day is."""
    at = _said_at(query, phrase)
    if at < 0:
        return True  # not found as said: leave it as copied
    from rapidfuzz.distance import OSA

    said = _END_OF_BEFORE.sub("", query[:at])  # "until the end of March" with "March" copied
    before = [w.strip(",") for w in said.lower().split()[-3:]]
    return any(w in _UNTIL_WORDS or OSA.distance(w, "until") <= 1 or _slip_of(w, "through") for w in before)


_UNTIL_WORDS = frozenset("bis until till through thru ending endet enden up to".split())
_END_OF_BEFORE = re.compile(r"\b(?:(?:the\s+)?end\s+of(?:\s+the)?|ende(?:\s+des)?)\s*$", re.IGNORECASE)


# The day a repetition falls on, said apart from its "how often": "montags", "on Tuesdays", "jeden Montag",
# "am 28.", "on the 1st"; never after "ab"/"bis"/"starting"/"until" (a first or last day).
_REPEAT_WEEKDAY = re.compile(rf"\b(?:(jeden|immer|every|on|am)\s+)?({_WD_RE})(s)?\b")
_REPEAT_MONTHDAY = re.compile(r"\b(?:am|on the|on|the)\s+(\d{1,2})(?:\.|st|nd|rd|th)(?!\d)")
_BOUND_BEFORE = re.compile(r"\b(?:ab|bis|vom|von|starting|beginning|beginnend|from|until|till|through|thru|to|auf)\s*$")


def _repetition_day_left(query: str, frequency: str, copied: list[str]) -> str | None:
    """The weekday of a weekly series or the day of a monthly one, said in the query outside the copied words,
    when the copied repetition ("every week", "monthly", "alle 14 Tage") names none."""
    how_often = resolve_frequency(frequency)
    rest = normalize(query)
    for phrase in copied:
        rest = rest.replace(normalize(phrase), " | ")
    if how_often in ("weekly", "biweekly") and _weekday_named(frequency) is None:
        for m in _REPEAT_WEEKDAY.finditer(rest):
            if (m[1] or m[3]) and not _BOUND_BEFORE.search(rest[: m.start()]):
                return m[0]
    if how_often == "monthly" and not re.search(r"\d", normalize(frequency)):
        for m in _REPEAT_MONTHDAY.finditer(rest):
            if not _BOUND_BEFORE.search(rest[: m.start()]):
                return m[0]
    return None


# "Let's do X on the 28th instead of in fourteen days", "Ich mach X lieber am Freitag", "X findet morgen statt
# statt Dienstag": the day said with "instead"/"lieber" is where the event goes, the one after "instead of" or
# "statt" where it is now.
_RATHER = re.compile(r"\b(?:instead|lieber|rather|statt|anstatt)\b", re.IGNORECASE)
_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than|anstatt|statt)\b", re.IGNORECASE)


def _day_instead_of(query: str, instead_of: re.Match[str] | None, copied: list[str], lang: str | None) -> str | None:
    """The day said after "instead of"/"statt" (where the event is now), if one is."""
    return _said_after(query, instead_of, ParamType.DATE, copied, lang) if instead_of else None


def _said_after_now_is(query: str, day: str) -> bool:
    """Whether the day is said right after "ist jetzt" / "is now" / "findet doch" (with "am", "on", "erst" between)."""
    at = _said_at(query, day)
    return at > 0 and bool(
        re.search(
            r"(?i)\b(?:ist|is|findet)\s+(?:(?:ist|is)\s+)?(?:jetzt|nun|now|doch)\s+(?:erst\s+|am\s+|on\s+)?$",
            query[:at],
        )
    )


_INSTEAD_CLOCK = re.compile(
    r"(?i)\b(?:um|at|ab|from|auf|to)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:uhr|am|pm|a\.m\.|p\.m\.))?"
)
_INSTEAD_BEFORE = re.compile(r"(?i)\b(?:statt|anstatt|instead\s+of|rather\s+than|nicht\s+(?:mehr\s+)?)\s*$")


def _time_said_instead(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A move's new time copied from the words after "statt"/"instead of" ("ab sofort um 19 Uhr statt um 18 Uhr"):
    that is where the event was; the other clock time the query says is where it goes."""
    names = [p.name for p in spec.params]
    said = dict(zip(names, span.phrases, strict=True))
    phrase = said.get("new_time")
    at = _said_at(query, phrase) if phrase and "new_time" in names else -1
    if at < 0 or not _INSTEAD_BEFORE.search(query[:at]):
        return span
    other = next(
        (m[0] for m in _INSTEAD_CLOCK.finditer(query) if m.end() <= at - 1 or m.start() >= at + len(str(phrase))), None
    )
    if other is None or resolve_time(other, lang) in (None, resolve_time(str(phrase), lang)):
        return span
    return SpanCall(span.function, tuple(other if n == "new_time" else said[n] for n in names))


# "nicht am Samstag, sondern am Sonntag", "isn't Saturday, it's Sunday", "not on the 12th but the 13th": the day after
# the "not" is where the event was, the one after "sondern"/"but"/"it's" where it is now.
_NOT_THIS_DAY = re.compile(
    r"(?i)\b(?:nicht|not|isn't|isnt|is\s+not|aren't)\s+(?:mehr\s+)?(?P<old>(?:(?:am|an|on|the)\s+)*[\w.]+(?:\s+[\w.]+){0,2}?)"
    r"\s*,?\s*(?:sondern|but|it's|its|it\s+is|they're|es\s+ist|er\s+ist|sie\s+ist)\s+(?:(?:now|jetzt|erst)\s+)*"
    r"(?P<new>(?:(?:am|an|on|the)\s+)*[\w.]+(?:\s+[\w.]+){0,2})"
)


def _not_this_day_but_that(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A move said as "X ist nicht am Samstag, sondern am Sonntag": from the first day to the second, whichever way
    the model copied them (it swapped them, or copied the second as where the event was)."""
    names = [p.name for p in spec.params]
    m = _NOT_THIS_DAY.search(query) if query else None
    old = resolve_date(m["old"], today) if m is not None and {"date", "new_date"} <= set(names) else None
    if m is None or old is None:
        return span
    words = m["new"].split()
    said_new = ((" ".join(words[:n]), resolve_date(" ".join(words[:n]), today)) for n in range(len(words), 0, -1))
    new, day = next(((w, d) for w, d in said_new if d is not None), (None, None))
    if new is None or day == old:
        return span
    said = dict(zip(names, span.phrases, strict=True)) | {"date": m["old"], "new_date": new}
    return SpanCall(span.function, tuple(said[n] for n in names))


# "Die Budgetrunde ist jetzt am 1.06. um 16 Uhr, nicht Dienstag nächste Woche", "X is now on the 5th at 6, not
# Friday": the day said last, after "nicht"/"not", is where the event was; the one said after "jetzt"/"now" where
# it goes (the model copied them the other way round, the old day inside the new time).
_NOW_NOT_THEN = re.compile(
    r"(?i)\b(?:jetzt|nun|now)\s+(?P<new>\S.*?)\s*,\s*(?:(?:und|and)\s+)?(?:nicht|not)\s+(?:mehr\s+)?(?P<old>[^,;!?]+?)[\s.!]*$"
)


def _now_not_then(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A move said as "X ist jetzt <day> [um <clock>], nicht <day>": from the last day to the first."""
    names = [p.name for p in spec.params]
    m = _NOW_NOT_THEN.search(query) if query and {"date", "new_date", "new_time"} <= set(names) else None
    if m is None:
        return span
    fixes = list(_CORRECTION.finditer(f" {m['old']} "))
    old = f" {m['old']} "[fixes[-1].end() :].strip() if fixes else m["old"].strip()  # "Freitag nein diesen Samstag"
    words = m["new"].split()
    said_new = (" ".join(words[:n]) for n in range(len(words), 0, -1))
    new = next(
        (
            w
            for w in said_new
            if resolve_date(w, today) is not None
            and not _CLOCK_SAID.search(normalize(w))
            and not re.search(r"(?i)\s(?:at|um|gegen|around|ab)$", w)
        ),
        None,
    )
    if new is None or resolve_date(old, today) is None or resolve_date(old, today) == resolve_date(new, today):
        return span
    said = dict(zip(names, span.phrases, strict=True))
    time = said["new_time"]
    if time:  # the old day copied into the new time ("um 16:00, nicht Dienstag nächste Woche")
        time = re.split(r"(?i)\s*,?\s*\b(?:nicht|not)\b", time, maxsplit=1)[0].strip(" ,") or None
    clock = m["new"][len(new) :].strip(" ,")
    if not time and clock and names_a_value(ParamType.TIME, clock):  # "is now on Wednesday at 10, not Tuesday"
        time = clock
    said |= {"date": old, "new_date": new, "new_time": time}
    return SpanCall(span.function, tuple(said[n] for n in names))


# "accountant on Christmas Day is now on November 7 at 8 pm", "budget meeting for today is now tomorrow at 10:35":
# the day said after "is now" / "ist jetzt" is where the event goes, the one said before it where it was.
_NOW_AT = re.compile(r"(?i)\b(?:(?:is|are)\s+now|ist\s+jetzt|sind\s+jetzt)\s+(?P<new>\S.*)$")


def _now_said_day(spec: Function, span: SpanCall, query: str, today: dt.date) -> SpanCall:
    """A move's new day said after "is now" that the model left out or copied as where the event was."""
    names = [p.name for p in spec.params]
    m = _NOW_AT.search(query) if query and {"date", "new_date", "new_time"} <= set(names) else None
    if m is None or re.search(r"(?i)\b(?:nicht|not)\b", m["new"]) or _RATHER.search(m["new"]):
        return span  # "ist jetzt am Mittwoch, nicht am Dienstag" (_now_not_then), "... statt am Dienstag" (_move_days)
    words = m["new"].split()
    said_new = (" ".join(words[:n]).rstrip(" ,.") for n in range(min(len(words), 6), 0, -1))
    new = next(
        (
            w
            for w in said_new
            if resolve_date(w, today) is not None
            and not _CLOCK_SAID.search(normalize(w))
            and not re.search(r"(?i)\s(?:at|um|gegen|around|ab|on|am)$", w)
        ),
        None,
    )
    said = dict(zip(names, span.phrases, strict=True))
    if new is None or (said["new_date"] and said["new_date"].lower() in m["new"].lower()):
        return span
    before = query[: m.start()]
    old = said["date"] if said["date"] and said["date"].lower() in before.lower() else None
    if old is None and said["new_date"] and said["new_date"].lower() in before.lower():
        old = said["new_date"]  # "for today is now tomorrow" with "for today" copied as where it goes
    said |= {"date": old, "new_date": new}
    return SpanCall(span.function, tuple(said[n] for n in names))


def _day_before_a_new_time(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A move's day said with no target word before a clock said as the target ("änder den Ausflug 3. Februar auf
    viertel vor eins", "Move the dentist Friday to 10"): where the event is, not where it goes."""
    names = [p.name for p in spec.params]
    if not query or not {"date", "new_date", "new_time"} <= set(names):
        return span
    said = dict(zip(names, span.phrases, strict=True))
    day, clock = said["new_date"], said["new_time"]
    if said["date"] or not day or not clock or _said_as_target(day, query) or _RATHER.search(query):
        return span  # "Put physio on Thursday at 9 instead": both where it goes
    at, then = _said_at(query, day), _said_at(query, clock)
    if not 0 <= at < then or not _said_as_target(clock, query):
        return span
    said |= {"date": day, "new_date": None}
    return SpanCall(span.function, tuple(said[n] for n in names))


def _move_days(spec: Function, span: SpanCall, query: str, lang: str | None) -> SpanCall:
    """A move's days and time as the query says them where the model left them out or swapped them: the day
    said with "instead"/"lieber" is the new one (the model copied it as the old); a day said before the new one
    and copied for nothing is the old one ("call the bank in three days to in two weeks"); with neither new
    day nor new time copied (it would ask "to when?"), a clock time or a day the query says is the new one
    ("Das Meeting mit Tom ist jetzt erst um 15 Uhr"). Never a day said as a target or corrected away. ``query`` is
    said without the "statt" of "findet ... statt"."""
    names = [p.name for p in spec.params]
    if not query or not {"date", "new_date", "new_time"} <= set(names):
        return span
    phrases = list(span.phrases)
    said = dict(zip(names, phrases, strict=True))
    copied = [p for p in phrases if p]
    old, new, new_time = names.index("date"), names.index("new_date"), names.index("new_time")
    span_of_move = _MOVED_FROM_SPAN.search(str(said["new_date"] or ""))
    if (
        said["new_date"]
        and span_of_move is None
        and re.search(rf"(?i)\b(?:from|von|vom)\s+{re.escape(said['new_date'])}", query)
    ):  # "von Dienstag auf Donnerstag" copied without its "von"
        span_of_move = _MOVED_FROM_SPAN.search(f"von {said['new_date']}")
    if said["date"] is None and span_of_move:
        # "from Sunday to 9 April 2029" copied as the new day: where it was and where it goes
        phrases[old], phrases[new] = span_of_move["first"], span_of_move["then"]
        return _move_days(spec, SpanCall(span.function, tuple(phrases)), query, lang)
    time_at = _said_at(query, said["new_time"]) if said["new_time"] else -1
    if time_at > 0 and _said_instead_of(query[:time_at]):
        # "ist jetzt schon um neun statt um halb elf" with "um halb elf" copied as the new time: that is where it
        # was; the other clock said is where it goes
        instead = list(_INSTEAD_OF.finditer(query[:time_at]))[-1]
        other = _clock_said_anywhere(query[: instead.start()], [p for p in copied if p != said["new_time"]], lang)
        if other:
            phrases[new_time] = other
            return SpanCall(span.function, tuple(phrases))
    if said["date"] and said["new_date"]:
        at, then = _said_at(query, said["date"]), _said_at(query, said["new_date"])
        if 0 <= at < then and _said_instead_of(query[:then]) and not _said_instead_of(query[:at]):
            # "Das Essen ist jetzt am Samstag statt am Freitag" copied the other way round: the day after "statt"
            # is where it was
            phrases[old], phrases[new] = said["new_date"], said["date"]
            return SpanCall(span.function, tuple(phrases))
        between = query[at + len(said["date"]) : then] if 0 <= at < then else ""
        if between and _CORRECTION.fullmatch(f" {between}") and not _said_as_target(said["date"], query):
            # "am achten November ähm nein 23. November", "am Donnerstag äh nein auf Dienstag": the day said after
            # the correction replaces the first; it is the target only where it says so
            aimed = _said_as_target(said["new_date"], query)
            phrases[old], phrases[new] = (None, said["new_date"]) if aimed else (said["new_date"], None)
            return SpanCall(span.function, tuple(phrases))
    if said["date"] and said["new_date"] is None and _RATHER.search(query):
        at = _said_at(query, said["date"])
        instead_of = _INSTEAD_OF.search(query)
        time_at = _said_at(query, said["new_time"]) if said["new_time"] else -1
        between = query[at + len(said["date"]) : time_at]
        fix = _CORRECTION.search(f"{between} ")
        # said right before the new time, or before a time corrected into it ("at 3:30 actually at eleven"; never
        # "X on Monday is now at 3, sorry, at 1 instead": the day names the event)
        corrected = fix is not None and re.match(r"[\s,]*(?:at|um|gegen)\s", between[: fix.start()])
        with_time = time_at < 0 or not between.strip(" ,") or bool(corrected)
        # "the Thursday jour fixe at 2 pm instead of 10": a clock replaced, so the day is the event's own
        of_a_clock = instead_of is not None and _clock_not_day(query[instead_of.end() :], lang)
        if at >= 0 and (instead_of is None or at < instead_of.start()) and with_time and not of_a_clock:
            # "X tomorrow at 11 instead": the day with the new time; "X on Thanksgiving start at 10 instead"
            # names the event by its day and moves its time
            phrases[new] = said["date"]
            phrases[old] = _day_instead_of(query, instead_of, copied, lang)
            if phrases[old] is None and instead_of is None:  # "Put X on the 29th on Monday instead": the day before
                phrases[old] = _old_day_said_before(query, at, copied, lang)
        elif at >= 0 and instead_of is not None and at > instead_of.start() and said["new_time"] is None:
            # "let's do breakfast at the end of the month instead of on the twentieth": the old day was copied,
            # the new one is said before "instead of"
            found = _day_said_anywhere(query[: instead_of.start()], copied, lang)
            phrases[new] = found if found and not _said_as_target(found, query) else None
    elif (
        said["date"]
        and said["new_date"] is None
        and (said["new_time"] is None or _said_at(query, said["new_time"]) > _said_at(query, said["date"]))
        and _said_after_now_is(query, said["date"])
    ):
        # "Mitgliederversammlung ist jetzt am 2. Januar 2028", "Der Zahnarzt ist jetzt am Freitag um 11": the day
        # said after "ist jetzt" is where it goes (with the time said after it)
        phrases[new], phrases[old] = said["date"], None
    elif (
        said["date"] is None
        and said["new_date"]
        and said["new_time"] is None
        and (clock := _clock_said_as_target_after(query, said["new_date"], copied, lang))
    ):
        # "Push dinner tonight to 8 pm" with "tonight" copied as the new day: the day names the event, the
        # clock after "to" is where it goes
        phrases[old], phrases[new], phrases[new_time] = said["new_date"], None, clock
    elif (
        said["date"] is None
        and said["new_date"]
        and (later := _day_said_after_as_target(query, said["new_date"], copied, lang))
    ):
        # "Quartalsplanung von morgen auf kommenden Sonntag legen", "put lunch with Chris 3 weeks from today on 22
        # January instead" with the first day copied as the new one: it names the event, the later one is the target
        phrases[old], phrases[new] = said["new_date"], later
    elif said["date"] is None and (said["new_date"] or said["new_time"]):
        at = _said_at(query, str(said["new_date"] or said["new_time"]))  # "Push X tonight to 8 pm"
        found = _old_day_said_before(query, at, copied, lang)
        since = _said_at(query, found) if found else -1
        if found:
            phrases[old] = found
            if _INSTEAD_OF.search(query[since:at]):  # "am Mittwoch statt am Dienstag"
                phrases[old], phrases[new] = said["new_date"], found
        elif at >= 0 and (instead_of := _INSTEAD_OF.search(query, at)):  # "on Saturday now instead of Friday"
            phrases[old] = _day_instead_of(query, instead_of, copied, lang)
    elif said["new_date"] is None and said["new_time"] is None:
        inside = [(at, at + len(c)) for c in copied for at in [_said_at(query, c)] if at >= 0]
        for target in re.finditer(r"\b(?:auf|to|onto)\s", query, re.IGNORECASE):  # "von heute auf morgen"
            if any(a <= target.start() < b for a, b in inside):
                continue  # "take the prescription to the post office": the title's own "to"
            phrases[new] = _said_after(query, target, ParamType.DATE, copied, lang)
            if phrases[new]:
                break
        found = _day_said_anywhere(query, [*copied, *filter(None, [phrases[new]])], lang, ParamType.TIME)
        if found and (_CLOCK_SAID.search(normalize(found)) or _NOON_ONLY.search(normalize(found))):
            phrases[new_time] = found
    moved_from = _MOVED_FROM_TO.match(str(phrases[new_time] or ""))
    if moved_from:
        phrases[new_time] = moved_from["new"]  # "from 10 to 11 am": 11
    return SpanCall(span.function, tuple(phrases))


def _old_day_said_before(query: str, at: int, copied: list[str], lang: str | None) -> str | None:
    """The day said before position ``at`` that no argument copied, when it is no target and no correction
    follows it: where a moved event is now."""
    found = _day_said_anywhere(query[:at], copied, lang) if at > 0 else None
    since = _said_at(query, found) if found else -1
    if found and not _said_as_target(found, query) and not _CORRECTION.search(f" {query[since:at]} "):
        return found
    return None


_MOVED_FROM_SPAN = re.compile(
    r"\b(?:from|von|vom)\s+(?P<first>\S.*?)\s+(?:to|auf|nach)\s+(?P<then>\S.*)$", re.IGNORECASE
)


def _day_said_after_as_target(query: str, day: str, copied: list[str], lang: str | None) -> str | None:
    """The day said after a copied day that is no target, when it is one: after "auf"/"to"/"onto", or followed by
    "instead"/"lieber" ("von morgen auf kommenden Sonntag", "on the 29th on Monday instead")."""
    at = _said_at(query, day)
    if at < 0 or _said_as_target(day, query):
        return None
    after = query[at + len(day) :]
    found = _day_said_anywhere(after, copied, lang)
    since = _said_at(after, found) if found else -1
    if not found or _CORRECTION.search(f" {after[: max(since, 0)]} "):
        return None  # "am Montag, nein, am Dienstag": a correction, read elsewhere
    rest = after[since + len(found) :]
    if _INSTEAD_OF.search(found) or _said_instead_of(after[:since]):
        return None  # "is on Saturday now instead of Friday": where it was
    if _said_as_target(found, query) or _RATHER.match(rest.strip(" ,")) or _RATHER.search(found):
        return found
    return None


def _said_instead_of(before: str) -> bool:
    """Whether the words before a day end in "instead of"/"statt" (and its preposition): the day is where it was."""
    return bool(
        re.search(r"(?i)\b(?:instead\s+of|rather\s+than|anstatt|statt)\s+(?:(?:am|on|the|den|dem)\s+)?$", before)
    )


def _clock_said_as_target_after(query: str, day: str, copied: list[str], lang: str | None) -> str | None:
    """The clock time after "to"/"auf" that follows a copied day said without one ("tonight to 8 pm"), if any."""
    at = _said_at(query, day)
    if at < 0 or _said_as_target(day, query):
        return None
    rest = query[at + len(day) :]
    target = re.match(r"[\s,]*(?:to|auf|onto)\s", rest, re.IGNORECASE)
    if target is None:
        return None
    found = _said_after(rest, target, ParamType.TIME, copied, lang)
    return found if found and _CLOCK_SAID.search(normalize(found)) else None


# A move's clock time said with where it was: "from 10 to 11 am", "von 10 auf 11 Uhr".
_MOVED_FROM_TO = re.compile(r"^\s*(?:from|von)\s+\S+(?:\s+uhr)?\s+(?P<new>(?:to|auf)\s+.+)$", re.IGNORECASE)


# "standup every weekday at 9:15, 15 minutes": a length said on its own, no offset ("in 15 Minuten", "15 minutes
# before") and no other argument's words.
_LENGTH = re.compile(
    r"(?<![\w-])(?:\S+\s+){0,2}?(?:min|minuten?|minutes?|mins?|std|stunden?|hours?|hrs?)\b(?:\s+and\s+a\s+half\b)?",
    re.IGNORECASE,
)
_OFFSET_BEFORE = re.compile(r"\b(?:in|within|innerhalb|nach|after|vor|alle|every|jede[nrsm]?|each)\s*$", re.IGNORECASE)
_OFFSET_AFTER = re.compile(
    r"^\s*(?:before|vorher|davor|früher|eher|later|später|after|danach|ago|vor|nach|from now|lang\w* vorher)\b",
    re.IGNORECASE,
)


def _length_said(query: str, copied: list[str], lang: str | None) -> str | None:
    """A length the query says that the model left out, when it is no offset and no other argument's words."""
    for m in _LENGTH.finditer(query):
        if _OFFSET_AFTER.match(query[m.end() :]):
            continue
        words = query[m.start() : m.end()].split()
        for k in range(len(words)):  # the longest run that reads as a length
            if _OFFSET_BEFORE.search(" ".join([query[: m.start()], *words[:k]])) or _OFFSET_BEFORE.match(words[k]):
                continue  # "in 20 minutes" is when, not how long
            found = _longest_value(words[k:], len(words) - k, ParamType.MINUTES, lang, query, copied)
            if found:
                return found
    for m in re.finditer(r"(?<![\w-])[^\W_]+(?:-[^\W_]+)*", query):  # "a 90-minute call", "zweistündige Probe"
        word = m[0]
        interval = re.match(r"\s+(?:intervall\w*|abständ\w*|intervals?)\b", query[m.end() :], re.IGNORECASE)
        if _LENGTH_WORD.match(normalize(word)) and not interval and not any(word in c.split() for c in copied):
            return word
    return None


def _whole_frequency(spec: Function, span: SpanCall, query: str) -> SpanCall:
    """A "how often" copied without the word before it that makes it one ("Montag" out of "jeden Montag", "Woche"
    out of "jede zweite Woche"): up to two words before it, when they make a repetition and it was none, or make
    a weekly one every working day or every other week ("freitags" out of "montags bis freitags")."""
    i = next((k for k, p in enumerate(spec.params) if p.type is ParamType.FREQUENCY), None)
    phrase = span.phrases[i] if i is not None else None
    often = resolve_frequency(phrase) if phrase else None
    if i is None or not phrase or often not in (None, "weekly"):
        return span
    at = _said_at(query, phrase)
    before = query[:at].split() if at > 0 else []
    for n in (1, 2) if often is None else (2, 1):
        wider = " ".join([*before[-n:], phrase]) if len(before) >= n else ""
        widened = resolve_frequency(wider) if wider else None
        if widened is not None and (often is None or widened in ("weekdays", "biweekly")):
            return SpanCall(span.function, tuple(wider if k == i else p for k, p in enumerate(span.phrases)))
    return span


def _settle_series(spec: Function, said: dict[str, str | None], arguments: dict[str, object], today: dt.date) -> None:
    """The first occurrence of a series: the day said, else the day a monthly or yearly repetition names, else
    today; moved forward onto the weekday its repetition names ("jeden Donnerstag") and off weekends for
    "werktags"."""
    first = next((p for p in spec.params if p.type is ParamType.FIRST_DATE), None)
    freq = next((p for p in spec.params if p.type is ParamType.FREQUENCY), None)
    if first is None or freq is None:
        return
    freq_words = said.get(freq.name) or ""
    first_words = said.get(first.name) or ""
    if arguments[freq.name] == "daily" and _WORKWEEK.search(normalize(f"{first_words} {freq_words}")):
        # "von Montag bis Freitag jeden Tag": every working day from today, not daily from next Monday
        arguments[freq.name] = "weekdays"
        if _WORKWEEK.fullmatch(normalize(first_words).strip()):
            arguments[first.name] = None
    if arguments[first.name] is None and arguments[freq.name] in ("monthly", "yearly"):
        # "jedes Jahr am 2. Mai", "monthly on the 28th": the repetition names its first day
        named = resolve_first_date(freq_words, today) if freq_words else None
        day_of_month = re.search(r"\b(\d{1,2})(?:\.|st|nd|rd|th)(?!\d)", normalize(freq_words))
        if named is None and day_of_month and arguments[freq.name] == "monthly":  # "jeden 28. im Monat"
            named = _next_day_of_month(int(day_of_month[1]), today)
        arguments[first.name] = named.isoformat() if named else None
    if arguments[first.name] is None:
        arguments[first.name] = today.isoformat()
    day = dt.date.fromisoformat(str(arguments[first.name]))
    weekday = _weekday_named(freq_words)
    if arguments[freq.name] in ("weekly", "biweekly") and weekday is not None:
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    elif arguments[freq.name] == "weekdays" and day.weekday() >= 5:
        day += dt.timedelta(days=7 - day.weekday())
    arguments[first.name] = day.isoformat()


_WORKWEEK = re.compile(
    r"\b(?:von |from )?(?:montags?|mondays?|mo) ?(?:bis|to|through|thru|till|until|-) ?(?:freitags?|fridays?|fr)\b"
)


# "Urlaub ab Montag für zwei Wochen", "Tabletten jeden Tag um 8 für 10 Tage", "every Monday for 6 weeks": how many
# days a span or a series lasts, from its first day.
_FOR_DAYS = re.compile(
    r"(?:\b(?:für|for)\s+(?:(?:die|the)\s+)?|^(?:die|the|in\s+den|over\s+the)\s+(?=nächsten|next|kommenden|coming))"
    r"(?:(?:nächsten|next|kommenden|coming)\s+)?(\d{1,3})\s+(tage?n?|wochen?|days?|weeks?)\b"
    r"(?!\s+(?:from|after|before|von|ab|nach|vor|later|später|ago)\b)"  # "for two weeks from Sunday" is a day
)


# "a 3 day conference", "3-day trip", "2-week vacation", "dreitägige Konferenz", "zweiwöchiger Urlaub": the length as
# the event's adjective ("in 1 day" is a day).
_GERMAN_COUNT = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10}
_DAYS_LONG = re.compile(
    r"(?:\b(?<![\d.])(\d{1,2})-|\b(?:a|an|the|my|our)\s+(?=\d)(?=(\d{1,2})\s)\d{1,2}\s)(day|week)\b(?!s)"
    r"|\b(ein|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|\d{1,2})-?(tägig|wöchig)\w*"
)


def _last_day_from_a_length(
    spec: Function, said: dict[str, str | None], arguments: dict[str, object], query: str
) -> None:
    """The last day of a span or series whose end was not copied but whose length the query says."""
    start = next((p for p in spec.params if p.type in (ParamType.RANGE_START, ParamType.FIRST_DATE)), None)
    end = next((p for p in spec.params if p.type is ParamType.RANGE_END), None)
    m = (_FOR_DAYS.search(normalize(query)) or _DAYS_LONG.search(normalize(query))) if query else None
    if m is None or start is None or end is None or said.get(end.name) or not arguments.get(start.name):
        return
    n, unit = (m[1] or m[2], m[3]) if m.re is _DAYS_LONG and (m[1] or m[2]) else (m[1], m[2])
    if m.re is _DAYS_LONG and not (m[1] or m[2]):
        n, unit = m[4], m[5]
    days = (int(n) if n.isdigit() else _GERMAN_COUNT[n]) * (7 if unit.startswith(("woche", "week", "wöch")) else 1)
    if days >= 1:
        first = dt.date.fromisoformat(str(arguments[start.name]))
        arguments[end.name] = (first + dt.timedelta(days=days - 1)).isoformat()


def _weekday_named(words: str) -> int | None:
    m = re.search(rf"\b({_WD_RE})", normalize(words)) if words else None
    return WEEKDAY_WORDS[m[1]] if m else None
