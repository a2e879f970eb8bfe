"""Two new events said in one breath: "Zahnarzt am Montag um 9 und Friseur am Dienstag um 10".

A call is one function call, so the model reads one of them (and at times mixes the two: "Run tomorrow at 8 and
yoga at 6 pm" was yoga at 8). The dialog runs each part as a command of its own, so nothing said is lost. A part is
an event only with words of its own besides a day or a clock ("Kaffee und Kuchen um 3", "Montag und Dienstag
Urlaub", "Meeting zwischen 9 und 10" stay one command); a second part that says no day takes the first one's
("Morgen um 8 Joggen und um 18 Uhr Yoga"); each part says its own clock.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.schema.functions import ParamType
from assistant.schema.resolve import (
    asks_to_move,
    asks_to_shift,
    names_a_value,
    resolve_date,
    resolve_time,
    says_to_remove,
)

# Where a second event starts: "und", "and", a comma or semicolon, with "danach"/"dann"/"then" after it.
_JOIN = re.compile(
    r"(?i)\s*(?:,|;)?\s+(?:und|and)\s+(?:(?:danach|dann|anschließend|then|afterwards|after\s+that)\s+)?"
    r"|\s*[,;]\s*(?:(?:danach|dann|anschließend|then|afterwards|after\s+that)\s+)"
)
# Words that ask for an event or lead a value, never an event's own name.
_NO_NAME = frozenset(
    "trag trage ein rein bitte mal noch add put please schedule book create enter also auch und and then dann danach "
    "um at on am im in the den die das der dem ab from von vom bis to until till gegen around for für ich i me mir "
    "uhr o'clock oclock am pm a.m p.m morning evening afternoon night morgens abends nachmittags früh vormittags "
    "heute morgen übermorgen today tomorrow tonight".split()
)
_BETWEEN = re.compile(r"(?i)\b(?:between|zwischen|von|from)\s+\S+(?:\s+(?:uhr|am|pm))?$")
_QUESTION = re.compile(r"\?|^\W*(?:wann|when|what|was|wie|how|where|wo|hab\s+ich|do\s+i|is|ist)\b", re.IGNORECASE)


def _names_an_event(part: str, lang: str | None) -> bool:
    """Whether the words name something besides its day and clock ("Friseur am Dienstag um 10", not "um 10")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", part.lower()) if w not in _NO_NAME]
    return any(not names_a_value(ParamType.DATE, w, lang) and not names_a_value(ParamType.TIME, w, lang) for w in words)


def _says_when(part: str, today: dt.date, lang: str | None) -> tuple[bool, bool]:
    """Whether the words say a day, and a clock time."""
    return resolve_date(part, today) is not None, resolve_time(part, lang) is not None


def two_events(text: str, today: dt.date, lang: str | None = None) -> tuple[str, str] | None:
    """The two commands of two new events said in one utterance, each with its own words and clock; None for one
    event, a question, a move or a delete."""
    t = text.strip()
    joins = list(_JOIN.finditer(t))  # most commands have none: the checks below run on every utterance otherwise
    if not joins or _QUESTION.search(t) or asks_to_move(t) or asks_to_shift(t) or says_to_remove(t):
        return None
    for join in joins:
        first, second = t[: join.start()].strip(" ,;"), t[join.end() :].strip(" ,;.!")
        if not first or not second or not _names_an_event(first, lang) or not _names_an_event(second, lang):
            continue
        if _BETWEEN.search(first):
            continue  # "between 4 and 5 pm", "zwischen 18 und 19 Uhr": one span
        (day_1, clock_1), (day_2, clock_2) = _says_when(first, today, lang), _says_when(second, today, lang)
        if not clock_2 or not clock_1:
            continue  # "Kaffee und Kuchen bei Oma um 3", "... movies with Lena and Tim at eight": one clock, one event
        if not day_2 and day_1:
            day = _day_words(first, today)
            second = f"{day} {second}" if day else second  # "Morgen um 8 Joggen und um 18 Uhr Yoga"
        return first, second
    return None


def _day_words(part: str, today: dt.date) -> str | None:
    """The shortest run of words of ``part`` that says its day ("Morgen", "am Freitag")."""
    words = part.split()
    want = resolve_date(part, today)
    for n in range(1, 4):
        for k in range(len(words) - n + 1):
            said = " ".join(words[k : k + n]).strip(",;")
            if resolve_date(said, today) == want:
                return said
    return None
