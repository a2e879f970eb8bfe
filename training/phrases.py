"""Render dates, times, durations and titles the way people say them, from the tables in templates/*.yaml.

Each renderer first picks a value (and the kind of expression), then writes one phrase for it; the value is
the ground truth of the row. ``assistant.schema.resolve`` reads the phrase back, and the generator counts every
disagreement, so a form in the tables that does not mean what the code thinks is found at once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from assistant.schema.lexicon import MONTHS, WEEKDAYS, cardinal, ordinal
from assistant.schema.resolve import HOLIDAYS, MOVABLE, resolve_date, resolve_time, resolve_time_range

__all__ = ["PhraseBook", "load_table", "part_of_day"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """One YAML table from training/templates/ (cached: the generator reads each once)."""
    text = resources.files("training").joinpath("templates", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# Kinds of date expression and how often people use them, for commands that name a day.
DATE_KIND_WEIGHTS = {
    "today": 6,
    "tomorrow": 14,
    "day_after_tomorrow": 6,
    "weekday": 18,
    "next_week_weekday": 8,
    "in_days": 6,
    "in_weeks": 2,
    "in_one_week": 2,
    "day_month": 20,
    "day_month_year": 6,
    "day_only": 4,
    "iso": 3,
    "holiday": 2,
    "movable": 2,
    "after_next": 2,
    "weekday_in_one_week": 1,
    "weekday_in_weeks": 1,
    "today_in_weeks": 1,
    "end_of_month": 1,
    "next_month_day": 1,
}
TIME_KIND_WEIGHTS = {
    "hhmm_24": 14,
    "hour_24": 10,
    "hour_12": 22,
    "ampm": 14,
    "hhmm_12": 8,
    "half": 10,
    "quarter_past": 5,
    "quarter_to": 5,
    "minutes_past": 3,
    "minutes_to": 2,
    "noon": 3,
}
SPAN_KIND_WEIGHTS = {
    "this_week": 12,
    "next_week": 14,
    "week_after_next": 3,
    "weekend": 10,
    "next_weekend": 5,
    "month": 8,
    "this_month": 5,
    "next_month": 5,
    "next_days": 8,
    "until_weekday": 6,
    "from_to_days": 16,
    "from_to_weekdays": 8,
}
FREQUENCY_KIND_WEIGHTS = {
    "daily": 12,
    "weekdays": 10,
    "weekly": 30,
    "weekly_plain": 6,
    "biweekly": 10,
    "biweekly_plain": 4,
    "monthly": 10,
    "yearly": 8,
    "monthly_day": 4,
    "yearly_day": 4,
}
DURATION_WEIGHTS = {
    15: 4,
    20: 3,
    30: 12,
    45: 8,
    60: 14,
    75: 2,
    80: 1,
    90: 12,
    100: 1,
    105: 1,
    120: 14,
    150: 4,
    180: 8,
    210: 1,
    240: 5,
    300: 2,
    360: 1,
    480: 2,
    -1: 3,
    -2: 3,  # -1: odd minutes, -2: hours and minutes
}


@dataclass
class PhraseBook:
    """Value -> phrase renderers for one language, driven by the YAML tables."""

    lang: str

    def __post_init__(self) -> None:
        tables = load_table("phrases")
        self.dates: dict[str, list[str]] = tables["dates"][self.lang]
        self.times: dict[str, Any] = tables["times"][self.lang]
        self.durations: dict[str, Any] = tables["durations"][self.lang]
        self.holidays: list[str] = tables["holidays"][self.lang]
        self.movable: list[str] = tables["movable"][self.lang]
        self.dayparts: dict[str, dict[str, list[str]]] = tables["dayparts"][self.lang]
        self.spans: dict[str, list[str]] = tables["spans"][self.lang]
        self.frequencies: dict[str, list[str]] = tables["frequencies"][self.lang]

    # ----------------------------------------------------------------- numbers

    def number(self, n: int, words: bool) -> str:
        return cardinal(n, self.lang) if words and n < 100 else str(n)

    # ----------------------------------------------------------------- dates

    def date(
        self, rng: random.Random, today: dt.date, words: bool, kinds: dict[str, float] | None = None
    ) -> tuple[str, dt.date, str]:
        """A date phrase, its date, and the kind of expression it is."""
        kind = _weighted(rng, kinds or DATE_KIND_WEIGHTS)
        n = None
        if kind == "today":
            value = today
        elif kind == "tomorrow":
            value = today + dt.timedelta(days=1)
        elif kind == "day_after_tomorrow":
            value = today + dt.timedelta(days=2)
        elif kind == "weekday":
            value = today + dt.timedelta(days=rng.randint(1, 7))
        elif kind == "next_week_weekday":
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
            value = monday + dt.timedelta(days=rng.randint(0, 6))
        elif kind == "in_days":
            n = rng.choice([2, 3, 3, 4, 5, 6, 7, 8, 10, 10, 12, 14, 14, 20, 21, 30])
            value = today + dt.timedelta(days=n)
        elif kind == "in_weeks":
            n = rng.choice([2, 2, 3, 4, 6])
            value = today + dt.timedelta(weeks=n)
        elif kind == "in_one_week":
            value = today + dt.timedelta(weeks=1)
        elif kind == "day_only":
            value = today + dt.timedelta(days=rng.randint(0, 27))
        elif kind == "day_month_year":
            value = today + dt.timedelta(days=rng.randint(-30, 500))
        elif kind == "iso":
            value = today + dt.timedelta(days=rng.randint(-60, 400))
        elif kind == "holiday":
            holiday = rng.choice(self.holidays)
            value = resolve_date(holiday, today)  # the next such day on or after today (table in the resolver)
            assert value is not None and holiday.lower() in HOLIDAYS, holiday
        elif kind == "movable":  # dateutil's rule for the feast (MOVABLE), the next one on or after today
            holiday = rng.choice(self.movable)
            on = MOVABLE[holiday.lower()]
            value = on(today.year) if on(today.year) >= today else on(today.year + 1)
        elif kind == "after_next":  # "übernächsten Freitag": a week after the next such day
            value = today + dt.timedelta(days=(rng.randint(0, 6) - today.weekday() - 1) % 7 + 1 + 7)
        elif kind in ("weekday_in_one_week", "weekday_in_weeks"):  # "Mittwoch in zwei Wochen", from this week's
            n = 1 if kind == "weekday_in_one_week" else rng.choice([2, 2, 3])
            value = today + dt.timedelta(days=(rng.randint(0, 6) - today.weekday()) % 7 + 7 * n)
        elif kind == "today_in_weeks":
            n = rng.choice([1, 1, 2, 3])
            value = today + dt.timedelta(weeks=n)
        elif kind == "end_of_month":
            value = dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
        elif kind == "next_month_day":
            year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
            value = dt.date(year, month, rng.randint(1, 28))
        else:  # day_month: the next such day on or after today
            value = today + dt.timedelta(days=rng.randint(0, 364))
        forms = self.dates[kind]
        if kind == "today_in_weeks":  # "in einer Woche" says one; "in {n} Wochen" more
            forms = [f for f in forms if ("{n}" in f) == (n != 1)]
        form = rng.choice(forms)
        phrase = form.format(
            weekday=WEEKDAYS[self.lang][value.weekday()],
            n=self.number(n, words) if n is not None else "",
            day=value.day,
            day_ord=ordinal(value.day, self.lang),
            day_th=_th(value.day),
            month=MONTHS[self.lang][value.month - 1],
            mm=f"{value.month:02d}",
            m=value.month,
            yyyy=value.year,
            iso=value.isoformat(),
            holiday=holiday if kind in ("holiday", "movable") else "",
        )
        return phrase, value, kind

    def span(self, rng: random.Random, today: dt.date, words: bool) -> tuple[str, tuple[dt.date, dt.date], str]:
        """A span-of-days phrase ("nächste Woche", "vom 22. bis 30. Dezember"), its first and last day, its kind;
        the days computed here, independently of the resolver that reads the phrase back."""
        kind = _weighted(rng, SPAN_KIND_WEIGHTS)
        monday = today - dt.timedelta(days=today.weekday())
        n = None
        month1 = month2 = None
        if kind in ("this_week", "next_week", "week_after_next"):
            ahead = {"this_week": 0, "next_week": 1, "week_after_next": 2}[kind]
            first = monday + dt.timedelta(weeks=ahead)
            last = first + dt.timedelta(days=6)
        elif kind in ("weekend", "next_weekend"):
            first = monday + dt.timedelta(days=5 + (7 if kind == "next_weekend" else 0))
            last = first + dt.timedelta(days=1)
        elif kind in ("month", "this_month", "next_month"):
            if kind == "month":
                month = rng.randint(1, 12)
                year = today.year if month >= today.month else today.year + 1
            else:
                year, month = (
                    (today.year, today.month)
                    if kind == "this_month"
                    else ((today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1))
                )
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        elif kind == "next_days":
            n = rng.choice([2, 3, 3, 4, 5, 7, 10, 14])
            first, last = today, today + dt.timedelta(days=n - 1)
        elif kind == "until_weekday":
            first, last = today, today + dt.timedelta(days=rng.randint(1, 7))
        elif kind == "from_to_weekdays":
            first = today + dt.timedelta(days=rng.randint(1, 7))
            last = first + dt.timedelta(days=rng.randint(1, 6))
        else:  # from_to_days: the next such start on or after today, a few days to three weeks long
            first = today + dt.timedelta(days=rng.randint(0, 300))
            last = first + dt.timedelta(days=rng.choice([1, 2, 3, 4, 6, 7, 9, 13, 14, 20]))
        month1, month2 = MONTHS[self.lang][first.month - 1], MONTHS[self.lang][last.month - 1]
        forms = self.spans[kind]
        if kind == "from_to_days" and first.month != last.month:
            forms = [f for f in forms if "{month1}" in f or "{m1}" in f]  # the start needs its own month
        if kind == "month" and first.year == today.year + 1 and rng.random() < 0.5:
            forms = [f for f in forms if "{yyyy}" in f]
        phrase = rng.choice(forms).format(
            weekday1=WEEKDAYS[self.lang][first.weekday()],
            weekday2=WEEKDAYS[self.lang][last.weekday()],
            day1=first.day,
            day2=last.day,
            day1_th=_th(first.day),
            day2_th=_th(last.day),
            month1=month1,
            month2=month2,
            m1=first.month,
            m2=last.month,
            n=self.number(n, words) if n is not None else "",
            yyyy=first.year,
        )
        return phrase, (first, last), kind

    def frequency(
        self, rng: random.Random, today: dt.date, with_day: bool = True
    ) -> tuple[str, str, int | None, dt.date | None]:
        """A repetition phrase, its frequency, the weekday it names (None when it names none), and the first
        day it names ("jedes Jahr am 2. Mai", "monthly on the 28th"; None when it names none). ``with_day``
        False leaves out the forms that name a day (the sentence says the first day itself)."""
        weights = (
            FREQUENCY_KIND_WEIGHTS
            if with_day
            else {k: w for k, w in FREQUENCY_KIND_WEIGHTS.items() if not k.endswith("_day")}
        )
        kind = _weighted(rng, weights)
        weekday = rng.randint(0, 6) if kind in ("weekly", "biweekly") else None
        first = None
        if kind == "monthly_day":  # the next such day of a month, on or after today
            day = rng.randint(1, 28)
            first = (
                today.replace(day=day)
                if day >= today.day
                else (
                    dt.date(today.year + 1, 1, day) if today.month == 12 else dt.date(today.year, today.month + 1, day)
                )
            )
        elif kind == "yearly_day":
            first = today + dt.timedelta(days=rng.randint(0, 364))
        phrase = rng.choice(self.frequencies[kind]).format(
            weekday=WEEKDAYS[self.lang][weekday] if weekday is not None else "",
            day=first.day if first else "",
            day_th=_th(first.day) if first else "",
            month=MONTHS[self.lang][first.month - 1] if first else "",
        )
        return phrase, kind.removesuffix("_plain").removesuffix("_day"), weekday, first

    def date_with_daypart(self, rng: random.Random, kind: str, value: dt.date, part: str) -> str | None:
        """ "heute Abend", "tomorrow morning", "am Freitagabend" for a day of kind today/tomorrow/weekday."""
        forms = self.dayparts.get(part, {}).get(kind)
        if not forms:
            return None
        return rng.choice(forms).format(weekday=WEEKDAYS[self.lang][value.weekday()])

    # ----------------------------------------------------------------- times

    def time_range(self, rng: random.Random) -> tuple[str, dt.time, int]:
        """ "von 14 bis 16 Uhr", "from 2 to 4 pm": a phrase, its start and its length in minutes."""
        start_hour = rng.randint(7, 20)
        start_minute = rng.choice([0, 0, 0, 0, 30])
        minutes = rng.choice([30, 60, 60, 90, 120, 120, 150, 180, 240])
        start = dt.datetime(2000, 1, 1, start_hour, start_minute)
        end = start + dt.timedelta(minutes=minutes)
        if end.day != start.day:
            end = start + dt.timedelta(minutes=60)
            minutes = 60
        forms = list(self.times["range"])
        rng.shuffle(forms)
        for form in forms:
            if (start.minute or end.minute) and "{aMM}" not in form:
                continue
            twelve = self.lang == "en"
            a = start.hour % 12 or 12 if twelve else start.hour
            b = end.hour % 12 or 12 if twelve else end.hour
            phrase = form.format(
                a=a, b=b, aMM=f"{start.minute:02d}", bMM=f"{end.minute:02d}", ap="am" if end.hour < 12 else "pm"
            )
            if resolve_time_range(phrase, self.lang) == (start.time(), end.time()):
                return phrase, start.time(), minutes
        # Every form was ambiguous for this range: say it with 24-hour times.
        phrase = f"von {start:%H:%M} bis {end:%H:%M} Uhr" if self.lang == "de" else f"from {start:%H:%M} to {end:%H:%M}"
        return phrase, start.time(), minutes

    def time(self, rng: random.Random, words: bool, qualify: bool = True) -> tuple[str, dt.time, str]:
        """A time phrase, its time, and the kind of expression it is."""
        kinds = {k: w for k, w in TIME_KIND_WEIGHTS.items() if k in self.times and k != "range"}
        kind = _weighted(rng, kinds)
        hour = rng.choices(
            range(24), weights=[1, 1, 1, 1, 1, 2, 5, 10, 14, 14, 14, 12, 10, 10, 12, 14, 14, 12, 14, 14, 10, 5, 2, 1]
        )[0]
        minute_kind = _weighted(rng, {"0": 50, "30": 20, "15": 8, "45": 7, "5x": 10, "any": 5})
        if kind in ("hour_24", "hour_12", "ampm") and rng.random() < 0.85:
            minute_kind = "0"
        if minute_kind == "5x":
            minute = rng.randrange(5, 60, 5)
        elif minute_kind == "any":
            minute = rng.randrange(0, 60)
        else:
            minute = int(minute_kind)
        if kind == "half":
            minute = 30
        elif kind == "quarter_past":
            minute = 15
        elif kind == "quarter_to":
            minute = 45
        elif kind == "minutes_past":
            minute = rng.choice([5, 10, 20])
        elif kind == "minutes_to":
            minute = rng.choice([40, 50, 55])
        elif kind == "noon":
            hour, minute = 12, 0
        elif kind == "hour_24":
            minute = 0
        if kind in ("hour_24", "hhmm_24") and 1 <= hour < 12 and rng.random() < 0.8:
            hour += 12  # 24-hour forms are mostly said for afternoon and evening times
        elif kind == "hour_12":
            minute = 0
        value = dt.time(hour, minute)
        return self.render_time(rng, kind, value, words, qualify), value, kind

    def render_time(
        self, rng: random.Random, kind: str, value: dt.time, words: bool, qualify: bool = True, context: str = ""
    ) -> str:
        hour, minute = value.hour, value.minute
        h12 = hour % 12 or 12
        nh = (hour + 1) % 12 or 12  # the hour named in "halb drei", "quarter to three"
        forms = self.times[kind]
        if minute:  # "at eleven am" cannot say 11:30
            forms = [f for f in forms if "{MM}" in f or "{min_word}" in f] or forms
        else:  # nobody says "seven oh zero" or "13 Uhr 00"
            forms = [f for f in forms if "{min_word}" not in f and "Uhr {MM}" not in f] or forms
        form = rng.choice(forms)
        # Hours 1-6 read as afternoon when bare, so a 24-hour "06:30" keeps its leading zero.
        zero = hour < 10 and (_bare_reading(hour) != hour or rng.random() < 0.3)
        if context and hour < 10 and not zero and "{H}" in form:  # "dinner at 7:00" is 19:00: "07:00" is morning
            said = form.format(H=hour, MM=f"{minute:02d}")
            zero = resolve_time(said, self.lang, context=f"{context} {said}") != value
        phrase = form.format(
            H=f"{hour:02d}" if zero else hour,
            MM=f"{minute:02d}",
            h=h12,
            h_word=self.number(h12, True),
            nh=nh,
            nh_word=self.number(nh, True),
            min_word=self._minute_word(60 - minute if kind == "minutes_to" else minute),
            ap=rng.choice(["am", "a.m."] if hour < 12 else ["pm", "p.m."]),
        )
        if kind in ("hhmm_24", "hour_24", "ampm", "noon") or not qualify:
            return phrase
        # A bare 12-hour phrase means what the resolver's convention says ("um drei" = 15:00,
        # "halb acht" = 07:30); where that is not the value, say the part of the day. Sometimes say it anyway.
        options = self.times["qualifiers"].get(part_of_day(hour)) or []
        # the words around it count: "dinner at eight" is 20:00
        said = f"{context} {phrase}" if context else ""
        if options and (resolve_time(phrase, self.lang, context=said) != value or rng.random() < 0.3):
            phrase = f"{phrase} {rng.choice(options)}"
        return phrase

    def _minute_word(self, minute: int) -> str:
        word = self.number(minute, True)
        return f"oh {word}" if self.lang == "en" and minute < 10 else word

    # ----------------------------------------------------------------- durations

    def duration(self, rng: random.Random, words: bool, style: str) -> tuple[str, int]:
        """A duration phrase in ``style`` (adverbial, bare or adjective) and its minutes."""
        minutes = int(_weighted(rng, {str(k): w for k, w in DURATION_WEIGHTS.items()}))
        if minutes == -1:
            minutes = rng.choice([10, 25, 35, 40, 50, 55, 5, 70, 110])
        elif minutes == -2:
            minutes = rng.choice([1, 2, 3]) * 60 + rng.choice([10, 15, 20, 25, 40, 45])
        hours, rest = divmod(minutes, 60)
        if minutes == 30:
            kinds = ["half_hour", "minutes"]
        elif minutes == 15:
            kinds = ["quarter", "minutes"]
        elif minutes == 45:
            kinds = ["three_quarters", "minutes"]
        elif minutes == 60:
            kinds = ["one_hour", "minutes"]
        elif minutes == 90:
            kinds = ["hour_and_half", "minutes"]
        elif rest == 30 and hours in (2, 3):
            kinds = ["n_and_half", "minutes"]
        elif rest == 0:
            kinds = ["hours"]
        elif hours == 1:
            kinds = ["one_hour_minutes", "minutes"]
        elif hours > 1:
            kinds = ["hours_minutes"]
        else:
            kinds = ["minutes"]
        if style == "adjective":
            table = self.durations["adjective"]
            kinds = [k for k in kinds if k in table]
            if not kinds:
                return self.duration(rng, words, style)
            kind = rng.choice(kinds)
            forms = table[kind]
        else:
            kind = rng.choice(kinds)
            forms = self.durations["bare"][kind]
        n = minutes if kind == "minutes" else hours
        phrase = rng.choice(forms).format(
            n=self.number(n, words), n_word=self.number(n, True), min=self.number(rest, words)
        )
        if style == "adverbial":
            extra = self.durations.get("adverbial_only", {}).get(kind, [])
            if extra and rng.random() < 0.25:
                phrase = rng.choice(extra).format(n_word=self.number(n, True))
            else:
                phrase = rng.choice(self.durations["adverbial"]).format(bare=phrase)
        return phrase, minutes


def _th(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _bare_reading(h12: int) -> int:
    """What a bare hour on a 12-hour face means (the resolver's convention): 1-6 afternoon, 7-12 as said."""
    return h12 + 12 if 1 <= h12 <= 6 else h12


def part_of_day(hour: int) -> str:
    if hour < 5:
        return "night"
    if hour < 12:
        return "morning"
    if hour == 12:
        return "noon"
    if hour < 18:
        return "afternoon"
    return "evening"
