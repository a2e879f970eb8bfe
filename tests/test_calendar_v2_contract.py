"""The calendar-v2 contract: every function complete in every part (templates, executor, replies in both
languages), the span-of-days and repetition rules as tables, and what the resolver settles for a series."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from assistant import messages
from assistant.calendar.ical import RRULES
from assistant.conversation.dialog import EXECUTORS, REPLIES, Assistant
from assistant.schema.functions import (
    FREQUENCIES,
    FUNCTIONS,
    Call,
    CallError,
    InvalidTime,
    NoCall,
    ParamType,
    SpanCall,
    function_by_name,
)
from assistant.schema.lexicon import LANGS
from assistant.schema.resolve import (
    asks_for_a_reminder,
    asks_for_an_event,
    asks_how_days_look,
    asks_if_coming_up,
    asks_to_call_off,
    asks_to_change_length,
    asks_to_move,
    asks_to_remove,
    asks_to_shift,
    asks_what_is_on,
    asks_when_an_event_is,
    asks_when_ones_event_is,
    clean_title,
    marks_a_whole_day,
    names_a_chore,
    names_every_event,
    names_next_event,
    resolve_call,
    resolve_date,
    resolve_date_range,
    resolve_frequency,
    resolve_phrase,
    resolve_time,
    said_correction,
    said_only_a_day,
    said_shift,
    says_one_is_away,
    says_someone_comes,
    says_to_remove,
    says_we_go,
    states_a_timed_event,
    states_an_event,
    states_an_event_loosely,
    states_an_unmoved_event,
    states_days,
    weekdays_said,
)
from training.data import load_templates
from training.phrases import load_table

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "ranges.yaml").read_text(encoding="utf-8"))
TODAY = dt.date.fromisoformat(TABLE["today"])
SPANS = [(lang, phrase, tuple(span)) for lang in LANGS for phrase, span in TABLE[lang].items()]


@pytest.mark.parametrize("function", [f.name for f in FUNCTIONS])
def test_every_function_has_templates_an_executor_and_replies_in_both_languages(function: str) -> None:
    templates = [t for t in load_templates() if t.function == function]
    for lang in LANGS:
        assert sum(t.lang == lang and t.complete for t in templates) >= 20, (function, lang)
    assert 0 < load_table(function)["share"] < 1
    assert callable(getattr(Assistant, EXECUTORS[function]))
    for key in REPLIES[function]:
        for lang in LANGS:
            assert messages.catalog(lang).get(f"reply.{key}"), (function, key, lang)


def test_functional_tokens_are_distinct_and_each_function_has_a_worked_example() -> None:
    assert len({f.token for f in FUNCTIONS}) == len(FUNCTIONS)
    for f in FUNCTIONS:
        assert f.init_word and f.example and len(f.example[2]) == len(f.params)


def test_every_frequency_has_an_rrule_and_words() -> None:
    assert set(RRULES) == set(FREQUENCIES)
    for lang in LANGS:
        assert {
            k.removesuffix("_plain").removesuffix("_day") for k in load_table("phrases")["frequencies"][lang]
        } == set(FREQUENCIES)
    for frequency in FREQUENCIES:
        assert f"reply.freq_{frequency}" in messages.catalog("en")


@pytest.mark.parametrize("lang,phrase,span", SPANS, ids=[f"{lang}:{p}" for lang, p, _ in SPANS])
def test_span_of_days_table(lang: str, phrase: str, span: tuple[str, str]) -> None:
    first, last = resolve_date_range(phrase, TODAY)
    assert (first.isoformat(), last.isoformat()) == span


@pytest.mark.parametrize("phrase", TABLE["not_a_span"])
def test_words_that_name_no_days_are_no_span(phrase: str) -> None:
    assert resolve_date_range(phrase, TODAY) is None


@pytest.mark.parametrize("phrase,frequency", TABLE["frequencies"].items())
def test_frequency_table(phrase: str, frequency: str) -> None:
    assert resolve_frequency(phrase) == frequency


SERIES = [  # (frequency phrase, start phrase, today) -> first occurrence; today is a Thursday
    ("jeden Donnerstag", None, "2026-12-03"),  # today is one: on or after today
    ("every Friday", None, "2026-12-04"),
    ("jeden zweiten Montag", None, "2026-12-07"),
    ("täglich", None, "2026-12-03"),
    ("werktags", "ab Samstag", "2026-12-07"),  # off the weekend
    ("jeden Montag", "ab dem 15. Dezember", "2026-12-21"),  # onto the weekday it names
    ("monatlich", "ab dem 15. Dezember", "2026-12-15"),
    ("jedes Jahr am 2. Mai", None, "2027-05-02"),  # a yearly or monthly repetition names its first day
    ("every year on May 2nd", None, "2027-05-02"),
    ("monatlich am 28.", None, "2026-12-28"),
    ("jeden 3. im Monat", None, "2026-12-03"),  # today is the 3rd
    ("on the 1st of every month", None, "2027-01-01"),
    ("Monday through Friday", None, "2026-12-03"),  # a weekday span names no first day
    ("jährlich", None, "2026-12-03"),
]


@pytest.mark.parametrize("freq,start,first", SERIES)
def test_first_occurrence_of_a_series(freq: str, start: str | None, first: str) -> None:
    call = resolve_call(SpanCall("create_recurring_event", ("Chor", start, "um 19 Uhr", None, freq, None)), TODAY, "de")
    assert call.arguments["date"] == first


def test_a_range_said_for_the_start_gives_the_end_too() -> None:
    call = resolve_call(SpanCall("list_events", ("nächste Woche", None)), TODAY, "de")
    assert (call.arguments["date"], call.arguments["end_date"]) == ("2026-12-07", "2026-12-13")
    call = resolve_call(SpanCall("list_events", (None, None)), TODAY, "de")
    assert call.arguments == {"date": "2026-12-03", "end_date": "2026-12-03"}
    call = resolve_call(SpanCall("create_all_day_event", ("Urlaub", "vom 22. bis 30. Dezember", None)), TODAY, "de")
    assert (call.arguments["date"], call.arguments["end_date"]) == ("2026-12-22", "2026-12-30")


@pytest.mark.parametrize("old_words", ["auf Samstag", "to Saturday", "onto Saturday"])
def test_target_words_copied_into_the_old_day_go_to_the_new_day(old_words: str) -> None:
    """'Verschieb X auf Samstag' with 'auf Samstag' copied into the move's current day: the preposition says it
    is where the event goes (and a current day plus a new day stay as they were)."""
    call = resolve_call(SpanCall("move_event", ("Zahnarzt", old_words, None, None)), TODAY, "de")
    assert (call.arguments["date"], call.arguments["new_date"]) == (None, "2026-12-05")
    kept = resolve_call(SpanCall("move_event", ("Zahnarzt", "am Freitag", "auf Samstag", None)), TODAY, "de")
    assert (kept.arguments["date"], kept.arguments["new_date"]) == ("2026-12-04", "2026-12-05")


@pytest.mark.parametrize(
    ("both", "old", "new"),
    [
        ("von Dienstag auf Mittwoch", "2026-12-08", "2026-12-09"),
        ("Tuesday to Wednesday", "2026-12-08", "2026-12-09"),
        ("from Tuesday to Thursday", "2026-12-08", "2026-12-10"),
    ],
)
def test_both_days_copied_into_the_old_day_are_split_at_the_target(both: str, old: str, new: str) -> None:
    """'Move choir from Tuesday to Wednesday' with both days copied into the current day: the target preposition
    between them divides them (a move's day is one day, so "to" is never a range's end there)."""
    call = resolve_call(SpanCall("move_event", ("Chor", both, None, None)), TODAY, "en")
    assert (call.arguments["date"], call.arguments["new_date"]) == (old, new)
    untouched = resolve_call(SpanCall("move_event", ("Chor", both, "am Samstag", None)), TODAY, "de")
    assert untouched.arguments["new_date"] == "2026-12-05"


@pytest.mark.parametrize(
    ("both", "target", "old", "new"),
    [
        ("from Tuesday to Thursday", "to Thursday", "2026-12-08", "2026-12-10"),
        ("von Dienstag auf den 10.12.", "auf den 10.12.", "2026-12-08", "2026-12-10"),
        ("Tuesday to 11 January 2027", "to 11 January 2027", "2026-12-08", "2027-01-11"),
    ],
)
def test_both_days_copied_into_the_old_day_and_the_target_copied_too(both, target, old, new) -> None:
    """'Move the one-on-one from Sunday to 9 April' with both days copied as the current day and the target
    copied as the new day as well: the current day is what comes before the target."""
    call = resolve_call(SpanCall("move_event", ("Chor", both, target, None)), TODAY, "en")
    assert (call.arguments["date"], call.arguments["new_date"]) == (old, new)
    other = resolve_call(SpanCall("move_event", ("Chor", "am Dienstag", "auf Donnerstag", None)), TODAY, "de")
    assert (other.arguments["date"], other.arguments["new_date"]) == ("2026-12-08", "2026-12-10")


@pytest.mark.parametrize(
    ("function", "phrases", "day", "time"),
    [
        (
            "move_event",
            ("Telefonat", None, None, "auf morgen um 11"),
            ("new_date", "2026-12-04"),
            ("new_time", "11:00"),
        ),
        ("create_event", ("Zahnarzt", None, "Freitag um 9", None), ("date", "2026-12-04"), ("time", "09:00")),
        ("create_event", ("Zahnarzt", None, "um 9", None), ("date", None), ("time", "09:00")),
        ("create_event", ("Zahnarzt", "Samstag", "Freitag um 9", None), ("date", "2026-12-05"), ("time", "09:00")),
    ],
)
def test_time_words_that_name_the_day_give_an_empty_day(function: str, phrases: tuple, day: tuple, time: tuple) -> None:
    """'verschiebe ich auf morgen um 11' copied whole for the new time: the day is in it, and the day's own slot
    was empty (a day copied for it is never replaced; words without a day leave it asked back)."""
    call = resolve_call(SpanCall(function, phrases), TODAY, "de")
    assert (call.arguments[day[0]], call.arguments[time[0]]) == (day[1], time[1])


@pytest.mark.parametrize(
    ("query", "copied"),
    [
        ("Verschieb mal den Zahnarzt auf in 14 Tagen", "in 14 Tagen"),
        ("push the dentist to next Friday", "next Friday"),
    ],
)
def test_target_preposition_before_the_copied_words_counts_too(query: str, copied: str) -> None:
    """The model may copy the day without its "auf"/"to": the query still says it is the target."""
    call = resolve_call(SpanCall("move_event", ("Zahnarzt", copied, None, None)), TODAY, "de", query)
    assert call.arguments["date"] is None and call.arguments["new_date"] is not None
    stays = resolve_call(SpanCall("move_event", ("Zahnarzt", copied, None, None)), TODAY, "de", f"Zahnarzt {copied}")
    assert stays.arguments["new_date"] is None and stays.arguments["date"] is not None


# (query, function, the copied words, the field they fill, the value after the correction)
CORRECTIONS = [
    (
        "schreib samstag um elf uhr flohmarkt ein nee um zwölf",
        "create_event",
        ("flohmarkt", "samstag", "um elf uhr", None),
        "time",
        "12:00",
    ),
    (
        "flea market saturday at eleven am actually make that noon",
        "create_event",
        ("flea market", "saturday", "at eleven am", None),
        "time",
        "12:00",
    ),
    (
        "lunch with lisa tomorrow at twelve uh twelve thirty",
        "create_event",
        ("lunch with lisa", "tomorrow", "at twelve", None),
        "time",
        "12:30",
    ),
    (
        "verschieb den zahnarzt auf donnerstag nein auf freitag",
        "move_event",
        ("zahnarzt", None, "auf donnerstag", None),
        "new_date",
        "2026-12-04",
    ),
    (
        "Trag morgen um 10, nein, übermorgen Zahnarzt ein",
        "create_event",
        ("Zahnarzt", "morgen", "um 10", None),
        "date",
        "2026-12-05",
    ),
    # the correction copied, its words also said inside the slip: the later words are the copy
    (
        "put meditation on my calendar for Christmas Eve, I mean for Christmas",
        "create_event",
        ("meditation", "for Christmas", None, None),
        "date",
        "2026-12-25",
    ),
    # the correction is the start of the slip's words ("gegen 1" in "gegen 16"): the copy is the later one
    (
        "trag mittwochs gegen 16 uhr, äh, nein, gegen 1 die leihwagen-rückgabe ein",
        "create_event",
        ("leihwagen-rückgabe", "mittwochs", "gegen 1", None),
        "time",
        "13:00",
    ),
    (
        "dentist on friday at 10 no at 1",
        "create_event",
        ("dentist", "on friday", "at 1", None),
        "time",
        "13:00",
    ),
]


@pytest.mark.parametrize(("query", "function", "phrases", "field", "value"), CORRECTIONS)
def test_a_later_correction_wins_over_copied_words(
    query: str, function: str, phrases: tuple[str | None, ...], field: str, value: str
) -> None:
    """A slip corrected later in the query ("um elf, nee, um zwölf"): the correction is what the person means,
    whichever of the two the model copied."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert call.arguments[field] == value


def test_a_correction_never_takes_words_copied_for_another_argument() -> None:
    """'move it from tomorrow next Saturday, no, to Monday': the words after "no" are the target the model
    copied; the current day stays what was copied."""
    query = "Can you move the date for tomorrow next Saturay, no, to this Monday?"
    call = resolve_call(SpanCall("move_event", ("date", "for tomorrow", "to this Monday", None)), TODAY, "en", query)
    assert call.arguments["date"] == "2026-12-04"
    # no correction marker: the copied words stand
    plain = SpanCall("create_event", ("Zahnarzt", "morgen", "um 10", None))
    call = resolve_call(plain, TODAY, "de", "Zahnarzt morgen um 10 mit Anna")
    assert call.arguments["time"] == "10:00"


@pytest.mark.parametrize(
    ("query", "often", "said", "lang", "time"),
    [
        ("Trag mir jeden Morgen um 6:30 Yoga ein", "jeden Morgen", "um 6:30", "de", "06:30"),
        ("jeden Abend um acht Tagesschau", "jeden Abend", "um acht", "de", "20:00"),
        ("Yoga every morning at 6:30 for 20 minutes", "every morning", "at 6:30", "en", "06:30"),
        ("walk the dog every evening at 7", "every evening", "at 7", "en", "19:00"),
    ],
)
def test_a_series_said_by_its_part_of_the_day_gives_a_bare_time_its_half(
    query: str, often: str, said: str, lang: str, time: str
) -> None:
    """ "jeden Morgen um 6:30" is 06:30, as "morgen früh um 6:30" is (v17 with the resolver before read 18:30)."""
    span = SpanCall("create_recurring_event", ("Yoga", None, said, None, often, None))
    assert resolve_call(span, TODAY, lang, query).arguments["time"] == time


@pytest.mark.parametrize(
    ("copied", "title"),
    [
        ("um the dentist", "dentist"),
        ("ähm, Zahnarzt", "Zahnarzt"),
        ("dentist uh", "dentist"),
        ("Umzug", "Umzug"),
        ("Hummer essen", "Hummer essen"),
        ("um", "um"),
    ],
)
def test_a_hesitation_is_never_the_edge_of_a_title(copied: str, title: str) -> None:
    """A speech recognizer writes "delete um the dentist": the "um" is no part of the event's name (a word that
    only begins like one is, and a title that is nothing but the word stays as said)."""
    call = resolve_call(SpanCall("delete_event", (copied, "Freitag")), TODAY, "en")
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("function", "copied", "title"),
    [
        ("delete_event", "the dentist", "dentist"),
        ("move_event", "die Elternversammlung", "Elternversammlung"),
        ("find_event", "den Zahnarzttermin", "Zahnarzttermin"),
        ("create_event", "a haircut", "haircut"),
        ("create_event", "eine Probe mit dem Chor", "Probe mit dem Chor"),
        # an article inside the title, a word that begins like one, and a title that is only one, stay
        ("create_event", "lunch with the team", "lunch with the team"),
        ("create_event", "Theaterprobe", "Theaterprobe"),
        ("create_event", "Dessert tasting", "Dessert tasting"),
        ("find_event", "the", "the"),
    ],
)
def test_an_article_before_a_title_is_never_part_of_it(function: str, copied: str, title: str) -> None:
    """ "verleg die Elternversammlung" names the meeting, not "die Elternversammlung": the training data never
    copies the article, and a copy that takes it would show it in the calendar."""
    phrases = tuple(copied if p.name == "title" else None for p in function_by_name(function).params)
    call = resolve_call(SpanCall(function, phrases), TODAY, None)
    assert call.arguments["title"] == title


# (query, the model's span call, the argument the query fills, its value)
LEFT_IN_QUERY = [
    (
        "äh verschieb den haarschnitt auf freitag um drei",
        ("move_event", ("haarschnitt", None, "auf freitag", None)),
        "new_time",
        "15:00",
    ),
    ("move my haircut to friday at 7 pm", ("move_event", ("haircut", None, "to friday", None)), "new_time", "19:00"),
    # a day copied as the new one but said before "to <clock>" names the event ("tonight to 8 pm")
    (
        "push dinner with Ben tonight to 8 pm",
        ("move_event", ("dinner with Ben", None, "tonight", None)),
        "new_time",
        "20:00",
    ),
    (
        "Schieb das Abendessen morgen auf 20 Uhr",
        ("move_event", ("Abendessen", None, "morgen", None)),
        "date",
        "2026-12-04",
    ),
    (
        "Schieb das Abendessen auf morgen",
        ("move_event", ("Abendessen", None, "auf morgen", None)),
        "new_date",
        "2026-12-04",
    ),
    (
        "Nächste Woche Mittwoch um 19 Uhr Volleyball",
        ("create_event", ("Volleyball", "Mittwoch um 19 Uhr", None, None)),
        "time",
        "19:00",
    ),
    (
        "Jeden Dienstag um halb sechs Schwimmen bis Ende Februar",
        ("create_recurring_event", ("Schwimmen", None, "um halb sechs", None, "Jeden Dienstag", None)),
        "until",
        "2027-02-28",
    ),
    (
        "Ab dem 11. Januar jeden Montag um 18 Uhr Kurs bis zum 29. März",
        ("create_recurring_event", ("Kurs", None, "um 18 Uhr", None, "jeden Montag", None)),
        "until",
        "2027-03-29",
    ),
    (
        "carpool every weekday at 7:30 am starting January 4",
        ("create_recurring_event", ("carpool", None, "at 7:30 am", None, "every weekday", None)),
        "date",
        "2027-01-04",
    ),
    (
        "Alle 14 Tage montags um 9 Uhr Jour fixe",
        ("create_recurring_event", ("Jour fixe", None, "um 9 Uhr", None, "montags", None)),
        "frequency",
        "biweekly",
    ),
    # a series' day said after "starting"/"ab" but copied as its last day is its first; a month or a week as its first
    (
        "carpool every weekday at 7:30 am starting January 4",
        ("create_recurring_event", ("carpool", None, "at 7:30 am", None, "every weekday", "January 4")),
        "until",
        None,
    ),
    (
        "Tanzkurs jeden Montag um 19 Uhr ab März",
        ("create_recurring_event", ("Tanzkurs", None, "um 19 Uhr", None, "jeden Montag", "ab März")),
        "date",
        "2027-03-01",
    ),
    (
        "dance class every Monday at 7 pm starting next week until March 29",
        ("create_recurring_event", ("dance class", None, "at 7 pm", None, "every Monday", "March 29")),
        "date",
        "2026-12-07",
    ),
    (
        "Jeden Dienstag um halb sechs Schwimmen bis Ende Februar",
        (
            "create_recurring_event",
            ("Schwimmen", "bis Ende Februar", "um halb sechs", None, "Jeden Dienstag", "Februar"),
        ),
        "until",
        "2027-02-28",
    ),
    (
        "Chor jeden Montag um 19 Uhr bis zum 18.12.",
        ("create_recurring_event", ("Chor", "zum 18.12.", "um 19 Uhr", None, "jeden Montag", None)),
        "until",
        "2026-12-18",
    ),
    (
        "choir every Monday at 7 pm starting next week until December 18",
        ("create_recurring_event", ("choir", "December 18", "at 7 pm", None, "every Monday", "December 18")),
        "date",
        "2026-12-07",
    ),
    # the day a series repeats on, said apart from the copied "how often": its first occurrence
    (
        "Nachhilfe dienstags um 16 Uhr jede Woche",
        ("create_recurring_event", ("Nachhilfe", None, "um 16 Uhr", None, "jede Woche", None)),
        "date",
        "2026-12-08",
    ),
    (
        "Alle 14 Tage montags um 9 Uhr Jour fixe",
        ("create_recurring_event", ("Jour fixe", None, "um 9 Uhr", None, "Alle 14 Tage", None)),
        "date",
        "2026-12-07",
    ),
    (
        "water the plants monthly on the 28th at 9 am",
        ("create_recurring_event", ("water the plants", None, "at 9 am", None, "monthly", None)),
        "date",
        "2026-12-28",
    ),
    (
        "yoga on Mondays at 6 pm every week",
        ("create_recurring_event", ("yoga", None, "at 6 pm", None, "every week", None)),
        "date",
        "2026-12-07",
    ),
    # a weekday in the title, or after "bis"/"until", is not the day it repeats on
    (
        "Tuesday team sync every week at 9",
        ("create_recurring_event", ("Tuesday team sync", None, "at 9", None, "every week", None)),
        "date",
        "2026-12-03",
    ),
    (
        "Chor jede Woche um 19 Uhr bis Montag, den 15. Februar",
        ("create_recurring_event", ("Chor", None, "um 19 Uhr", None, "jede Woche", None)),
        "date",
        "2026-12-03",
    ),
    (
        "Ende des Monats um 9 Uhr Zählerstand ablesen",
        ("create_event", ("Zählerstand ablesen", None, "um 9 Uhr", None)),
        "date",
        "2026-12-31",
    ),
    ("cancel yoga on the 18th please", ("delete_event", ("yoga", None)), "date", "2026-12-18"),
    # a day at the end of the copied title is the day (test_a_day_or_time_at_the_title_end_fills_its_empty_slot)
    (
        "Mathe nächsten Dienstag um 16 Uhr",
        ("create_event", ("Mathe nächsten Dienstag", None, "um 16 Uhr", None)),
        "date",
        "2026-12-08",
    ),
    # words that only look like a day leave the argument as the model gave it
    ("add plumber about release 2.1", ("create_event", ("plumber about release 2.1", None, None, None)), "date", None),
    (
        "Von Montag bis Freitag jeden Tag um 7:45 Kita",
        ("create_recurring_event", ("Kita", None, "um 7:45", None, "jeden Tag", None)),
        "until",
        None,
    ),
    (
        "Monday through Friday at 8 standup",
        ("create_recurring_event", ("standup", None, "at 8", None, "Monday through Friday", None)),
        "until",
        None,
    ),
    (
        "Jeden Montag von 10 bis 11 Uhr Yoga",
        ("create_recurring_event", ("Yoga", None, "von 10 bis 11 Uhr", None, "Jeden Montag", None)),
        "until",
        None,
    ),
    ("Trag Zahnarzt morgen ein", ("create_event", ("Zahnarzt", "morgen", None, None)), "time", None),
    ("Zahnarzt am Freitag um die Ecke", ("create_event", ("Zahnarzt", "am Freitag", None, None)), "time", None),
]


@pytest.mark.parametrize(("query", "span", "field", "value"), LEFT_IN_QUERY)
def test_values_the_query_says_but_the_model_left_empty(query: str, span: tuple, field: str, value: object) -> None:
    """A clock time right after the copied day, a series' first day after "ab"/"starting", its last day after
    "bis"/"until", "alle 14 Tage" over a copied weekday, the weekday or day of the month a series repeats on, a day
    that would be asked for: said in so many words, so taken from the query."""
    call = resolve_call(SpanCall(span[0], span[1]), TODAY, None, query)
    assert call.arguments[field] == value


@pytest.mark.parametrize(
    ("query", "copied", "day"),
    [
        ("Übernächsten Freitag um 19 Uhr Theater mit Anna", "Freitag", "2026-12-11"),
        ("Nächsten Monat am 5. um 18 Uhr Elternabend", "am 5.", "2027-01-05"),
        ("dentist on Monday in two weeks at 9", "on Monday", "2026-12-21"),
        # words that do not change the day, or are another argument's, or a correction, leave it as copied
        ("Theater am Freitag um 19 Uhr", "am Freitag", "2026-12-04"),
        ("trag am montag nein am dienstag um drei physio ein", "am dienstag", "2026-12-08"),
        ("Verschieb Schicht auf achten 01. 12:00", "achten 01.", "2027-01-08"),
        ("Theater today for Thanksgiving at 7 pm", "today", "2026-12-03"),  # after "for"/"to": another day
    ],
)
def test_a_copied_day_takes_the_words_around_it_that_change_it(query: str, copied: str, day: str) -> None:
    """A model that copies "Freitag" out of "Übernächsten Freitag" is a week early: the words next to the copied
    day that make it another day are part of it (never a clock time, another argument or a corrected slip)."""
    call = resolve_call(SpanCall("create_event", ("Theater", copied, None, None)), TODAY, None, query)
    assert (call.arguments.get("date") or call.arguments.get("new_date")) == day  # "Verschieb ... auf": a move's


@pytest.mark.parametrize(
    ("query", "copied", "time", "minutes"),
    [
        ("workshop friday from nine to ten thirty", "nine to ten", "09:00", 90),
        ("Zahnarzt morgen um 7 Uhr 30", "um 7", "07:30", 60),
        # words after the time that are a length, an end, a day or a correction leave it as copied (a length is
        # the duration the model left out)
        ("dentist friday at 9 30 minutes", "at 9", "09:00", 30),
        ("Schwimmen morgen um 8 bis 15. Juni", "um 8", "08:00", 60),
        ("Treffen morgen um 10 und um 12 Mittag", "um 10", "10:00", 60),
        ("Weihnachtsmarkt morgen 14 Uhr 1,5 Stunden lang", "14 Uhr", "14:00", 90),  # not 14:01
        ("Reservier mir vier Uhr 11. Oktober für Fahrstunde", "vier Uhr", "16:00", 60),
        ("call friday at 4 no 5", "at 4", "17:00", 60),  # the correction wins (_corrected), not "4 no 5"
    ],
)
def test_a_copied_time_takes_the_words_right_after_it_that_change_it(
    query: str, copied: str, time: str, minutes: int
) -> None:
    """A model that copies "nine to ten" out of "from nine to ten thirty" starts at 8:50 for an hour: the words
    right after the copied time that make it another time or a span are part of it."""
    call = resolve_call(SpanCall("create_event", ("x", "morgen", copied, None)), TODAY, None, query)
    assert (call.arguments["time"], call.arguments["duration_minutes"]) == (time, minutes)


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("remind me about Emma's recital on Friday", "recital", "Emma's recital"),
        ("cancel grandma's check-up on Friday", "check-up", "grandma's check-up"),
        # contractions own nothing; an owner the model copied stays once
        ("let's schedule yoga on Friday", "yoga", "yoga"),
        ("move tomorrow's standup to Friday", "standup", "standup"),
        ("cancel Friday's team lunch", "team lunch", "team lunch"),
        ("it's lunch with Ann on Friday", "lunch with Ann", "lunch with Ann"),
        ("add Emma's recital on Friday", "Emma's recital", "Emma's recital"),
        # a title that names its own owner takes no second one (a typo'd "there's" is no owner either)
        ("tehre's Mother's Day lunch on Friday", "Mother's Day lunch", "Mother's Day lunch"),
    ],
)
def test_a_copied_title_keeps_the_owner_said_right_before_it(query: str, copied: str, title: str) -> None:
    """A model that copies "birthday" out of "Dad's birthday" puts somebody else's event in the calendar."""
    call = resolve_call(SpanCall("create_event", (copied, "on Friday", None, None)), TODAY, "en", query)
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("function", "query", "phrases", "title"),
    [
        (
            "create_event",
            "schedule hackathon kickoff on Friday at 9",
            ("hackathon", "on Friday", "at 9", None),
            "hackathon kickoff",
        ),
        (
            "create_event",
            "schedule hackathon kickoff on Friday at 9",
            ("kickoff", "on Friday", "at 9", None),
            "hackathon kickoff",
        ),
        ("create_event", "Nachhilfe Physik Freitag um 9", ("Physik", "Freitag", "um 9", None), "Nachhilfe Physik"),
        ("delete_event", "cancel sprint review Friday", ("review", "Friday"), "sprint review"),
        # never over a word the templates say (or one typed a letter off it, or another form of it), over
        # punctuation or another argument's words
        (
            "create_event",
            "Zahnreinigung Termin am Freitag um 9",
            ("Zahnreinigung", "am Freitag", "um 9", None),
            "Zahnreinigung",
        ),
        (
            "move_event",
            "pospone hackathon kickoff to Friday",
            ("hackathon kickoff", None, "to Friday", None),
            "hackathon kickoff",
        ),
        ("delete_event", "I'm skipping sprint review on Friday", ("sprint review", "on Friday"), "sprint review"),
        ("create_event", "hackathon, kickoff on Friday at 9", ("kickoff", "on Friday", "at 9", None), "kickoff"),
        # who it is with, said after the day and time, belongs to it (session 36; was "yoga")
        ("create_event", "add yoga tomorrow at 8 with Kim", ("yoga", "tomorrow", "at 8", None), "yoga with Kim"),
        # a number that labels the title's last word is part of it; never a time, a length or a day
        (
            "create_event",
            "Besprechung in Raum 204 morgen um 10",
            ("Besprechung in Raum", "morgen", "um 10", None),
            "Besprechung in Raum 204",
        ),
        (
            "create_event",
            "retro on version 3.2 Friday at 9",
            ("retro on version", "Friday", "at 9", None),
            "retro on version 3.2",
        ),
        ("create_event", "Lesung im 2. Stock morgen um 8", ("Lesung im", "morgen", "um 8", None), "Lesung im 2. Stock"),
        ("create_event", "Training 2 Stunden morgen um 10", ("Training", "morgen", "um 10", None), "Training"),
        ("create_event", "Zahnarzt am Freitag 10 Uhr", ("Zahnarzt", "am Freitag", "10 Uhr", None), "Zahnarzt"),
        ("delete_event", "lösche Training 13. Januar", ("Training", None), "Training"),
        # "mit <Name>" right before a title that goes on is part of it; not after an earlier title word
        (
            "create_event",
            "Freitag um 17 Uhr mit Ole Fahrrad reparieren",
            ("Ole Fahrrad reparieren", "Freitag", "um 17 Uhr", None),
            "mit Ole Fahrrad reparieren",
        ),
        (
            "create_event",
            "Morgen um 9 mit Mia Unterlagen sortieren",
            ("Unterlagen sortieren", "Morgen", "um 9", None),
            "mit Mia Unterlagen sortieren",
        ),
        (
            "create_event",
            "Radtour mit Ole Petersen am Freitag um 17 Uhr",
            ("Ole Petersen", "am Freitag", "um 17 Uhr", None),
            "Ole Petersen",
        ),
    ],
)
def test_a_copied_title_takes_the_unusual_words_right_next_to_it(
    function: str, query: str, phrases: tuple, title: str
) -> None:
    """A model that drops the first or last word of an unusual title ("pta meeting", "project alpha retro")
    shortens what the person named: a word next to the copy that no template says around a title belongs to
    it."""
    assert resolve_call(SpanCall(function, phrases), TODAY, None, query).arguments["title"] == title


@pytest.mark.parametrize(
    ("function", "query", "copied", "title"),
    [
        ("create_event", "go ahead and add dentist on Friday at 9", "add dentist", "dentist"),
        ("create_event", "could you pencil in choir Friday at 9", "pencil in choir", "choir"),
        ("create_event", "can you shedule yoga on Friday at 9", "shedule yoga", "yoga"),  # a typed slip
        ("create_event", "I need an event for plumber Friday at 9", "event for plumber", "plumber"),
        ("create_event", "trag lauftreff am Freitag um 9 ein", "trag lauftreff", "lauftreff"),
        ("create_all_day_event", "Reservier Messe Köln am Freitag ganztägig", "Reservier Messe Köln", "Messe Köln"),
        ("create_recurring_event", "Leg einen Serientermin an: Chor jeden Freitag", "Serientermin an: Chor", "Chor"),
        ("create_event", "Termin an Gleis 12 am Freitag um 9", "Termin an Gleis 12", "Termin an Gleis 12"),
        ("delete_event", "please scrap barbecue on Friday", "scrap barbecue", "barbecue"),
        ("delete_event", "storniere bitte Lauftreff am Freitag", "storniere bitte Lauftreff", "Lauftreff"),
        ("move_event", "well, postpone breakfast Friday to Monday", "posttpone breakfast", "breakfast"),
        # a to-do that starts with its own verb keeps it; other functions' titles are left alone
        (
            "delete_event",
            "delete cancel the gym membership on Friday",
            "cancel the gym membership",
            "cancel the gym membership",
        ),
        ("move_event", "push move the couch to Friday", "move the couch", "move the couch"),
        ("create_event", "set up the Wi-Fi on Friday at 9", "set up the Wi-Fi", "set up the Wi-Fi"),
        (
            "create_event",
            "set up a table at Luigi's on Friday at 9",
            "set up a table at Luigi's",
            "table at Luigi's",  # "set up a" asks ("Set up a call"); "set up the Wi-Fi" is a to-do
        ),
        ("create_event", "book the flights on Friday at 9", "book the flights", "book the flights"),
        ("create_event", "Termin für Anna am Freitag um 9", "Termin für Anna", "Termin für Anna"),
        ("find_event", "when is add-on training", "add-on training", "add-on training"),
    ],
)
def test_a_new_events_title_leaves_out_the_request_copied_before_it(
    function: str, query: str, copied: str, title: str
) -> None:
    """A model that meets a frame it never saw ("go ahead and add X") may copy the request into the title; the
    calendar would show "add dentist"."""
    phrases = tuple(
        copied
        if p.type.name == "TITLE"
        else ("Freitag" if p.name == "date" else "jeden Freitag" if p.name == "frequency" else None)
        for p in function_by_name(function).params
    )
    assert resolve_call(SpanCall(function, phrases), TODAY, None, query).arguments["title"] == title


@pytest.mark.parametrize(
    ("function", "query", "phrases", "title"),
    [
        (
            "create_recurring_event",
            "Leg einen Serientermin an: Chorprobe jeden Freitag um 19 Uhr",
            ("Serientermin an", None, "um 19 Uhr", None, "jeden Freitag", None),
            "Chorprobe",
        ),
        (
            "create_event",
            "Remider for Friday at 9: water the plants.",  # a typed slip of "Reminder"
            ("Remider", "for Friday", "at 9", None),
            "water the plants",
        ),
        (
            "create_event",
            "Reminder on Friday at 9",
            ("Reminder", "on Friday", "at 9", None),
            None,
        ),  # names nothing: the assistant asks what it is for
        (
            "create_event",
            "plane am Freitag um 9 für Klausur ein.",
            ("Klausur ein", "am Freitag", "um 9", None),
            "Klausur",
        ),
        (
            "create_event",
            "am Freitag um 9 Grillabend anlegen",
            ("Grillabend anlegen", "am Freitag", "um 9", None),
            "Grillabend",
        ),
        (
            "delete_event",
            "Den Termin beim Notar streichen.",
            ("Termin beim Notar streichen", None),
            "Termin beim Notar",
        ),
        # the request was said besides: the verb is the title's
        ("delete_event", "lösche Zaun streichen am Freitag", ("Zaun streichen", "am Freitag"), "Zaun streichen"),
        (
            "delete_event",
            "Koffer streichen am Freitag, bitte löschen",
            ("Koffer streichen", "am Freitag"),
            "Koffer streichen",
        ),
    ],
)
def test_a_title_is_not_the_request_said_around_it(function: str, query: str, phrases: tuple, title: str) -> None:
    """A copy that is only the request ("Serientermin an") names no event: the title is said after it; a request
    verb copied at a German title's end ("anlegen", "streichen", the "ein" of "plane ... ein") is no part of it."""
    assert resolve_call(SpanCall(function, phrases), TODAY, None, query).arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Add a dentist appointment", True),
        ("could you please create swim practice", True),
        ("ok schedule a call with the landlord", True),
        ("remind me about the parcel", True),
        ("Trag Elternsprechtag ein", True),
        ("Schreib mir Kita-Fest rein.", True),
        ("Kannst du Physiotherapie ansetzen?", True),
        ("kannst du Yoga blockieren?", True),
        ("Erinner mich an den Reifenwechsel", True),
        ("Erinenre mich: Steuer abgeben", True),  # a typed slip of the verb
        ("Füge Chorprobe hinzu", True),
        ("Neuer Termin: Steuerberater", True),
        ("Erstelle Sommerfest", True),
        ("bitte nimm das Sommerfest im Kalender auf", True),
        ("Zahnarzt am Freitag in den Kalender aufnehmen", True),
        ("nimm das Gespräch auf", False),  # records, with no calendar said
        # something else is added, nothing is named, or the calendar is asked about
        ("Add eggs to my shopping list", False),
        ("add this song to my playlist", False),
        ("Create an email to Sam", False),
        ("Füg Lena zu meinen Kontakten hinzu", False),
        ("Schedule for tomorrow?", False),
        ("Schedule next Monday?", False),
        ("remind me about this tomorrow", False),
        ("remind me about my schedule for the afternoon", False),
        ("erinnere mich, was ich morgen habe", False),
        ("Erinnere mich um", False),
        ("erinnere mich nach einer Stunde", False),
        ("Trag es ein", False),
        ("Eintrag hinzufügen", False),
        ("hilf mir eine Beschwerde zu erstellen", False),
        ("What's on tomorrow?", False),
        # an event told with its day or time, then the request (session 37); a note with neither is no event
        ("Paul's birthday is on the 14th, put it in", True),
        ("Wir gehen am Freitag essen, schreib das auf", True),
        ("milk and eggs, write that down", False),
        ("this is my number, write it down", False),
        ("the song is on the radio at 3, put it in my playlist", False),
    ],
)
def test_a_request_to_add_something_is_told_from_other_requests(query: str, asks: bool) -> None:
    """The caller lets a declined bare request ("Add a run") become an event; only a request to put a named thing
    in the calendar may."""
    assert asks_for_an_event(query) is asks


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("remind me tomorrow at 10", True),
        ("Erinnere mich bitte", True),
        ("set a reminder for Friday", True),
        ("Stell mir eine Erinnerung für Montag um 8", True),
        ("please remind me about this tomorrow", True),
        ("Erinnerung morgen um 9", True),
        ("erinnere mich daran", True),
        ("remind me to call the bank on Friday", True),  # names what: the model copies it
        ("set a remainder for twelve p. m. for lunch", True),  # as a dozen MASSIVE and SLURP requests write it
        ("Kannst du mich an Pauls Geburtstag erinnern", False),  # said after: asks_for_an_event's
        ("remind her to bring the cake", False),  # someone else
        ("Erinnere dich an dieses Lied", False),
        ("remind me when I'm at the library", False),  # on a condition, at no time
        ("erinnere mich wenn Mama anruft", False),
        ("remind me what I have on Sunday", False),  # a look at the calendar
        ("erinnere mich daran was ich am Sonntag mache", False),
        ("remind me about my schedule for the afternoon", False),
        ("remind me the reminders I have set", False),
        ("Zeig mir meine Erinnerungen", False),
        ("Set a reminder?", False),
        ("remind me to play this song tonight", False),
        ("erinnere ich habe einen Kuchen bestellt", False),
    ],
)
def test_a_request_for_a_reminder_is_told_from_other_requests(query: str, asks: bool) -> None:
    """A reminder is an event, as on a phone: the caller lets a declined request for one become an event, and the
    assistant asks what one that names nothing is for."""
    assert asks_for_a_reminder(query) is asks


@pytest.mark.parametrize(
    ("function", "query", "phrases", "expected"),
    [
        ("create_event", "remind me tomorrow at 10", ("tomorrow", None, "at 10", None), (None, "2026-12-04", "10:00")),
        (
            "create_event",
            "Erinnere mich morgen um acht",
            ("mich morgen", "morgen", "um acht", None),
            (None, "2026-12-04", "08:00"),
        ),
        (
            "create_event",
            "set a reminder for Friday",
            ("set a reminder", "Friday", None, None),
            (None, "2026-12-04", None),
        ),
        ("create_event", "remind me about this", ("me about this", None, None, None), (None, None, None)),
        ("create_event", "Reminder in ten minutes", ("in ten minutes", None, None, None), (None, None, None)),
        # a title of its own stays, even one of numbers or a named day
        ("create_event", "Add a 1:1 tomorrow at 3", ("1:1", "tomorrow", "at 3", None), ("1:1", "2026-12-04", "15:00")),
        (
            "create_event",
            "schedule a leg day on Friday at 7",
            ("leg day", "on Friday", "at 7", None),
            ("leg day", "2026-12-04", "07:00"),
        ),
        (
            "create_event",
            "Erinnere mich an Muttertag",
            ("Muttertag", None, None, None),
            ("Muttertag", "2027-05-09", None),
        ),
    ],
)
def test_a_reminder_that_names_nothing_leaves_its_title_to_be_asked(
    function: str, query: str, phrases: tuple[str | None, ...], expected: tuple[str | None, ...]
) -> None:
    """ "Remind me tomorrow at 10" copied "tomorrow" as its title (v25): the day goes where it belongs and the title,
    never said, is asked for ("What should I put in your calendar on Friday at 10?")."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert (call.arguments["title"], call.arguments["date"], call.arguments["time"]) == expected
    assert ("title" in call.missing) is (expected[0] is None)


@pytest.mark.parametrize(
    ("query", "first", "often", "frequency", "date"),
    [
        ("Von Montag bis Freitag jeden Tag um 7 Yoga", "Montag bis Freitag", "jeden Tag", "weekdays", "2026-12-03"),
        (
            "every day Monday through Friday at 7 yoga",
            None,
            "every day Monday through Friday",
            "weekdays",
            "2026-12-03",
        ),
        ("Mo - Fr täglich um 7 Yoga", None, "Mo - Fr täglich", "weekdays", "2026-12-03"),
        # a day said on its own stays the first one; "every day" alone is every day
        ("ab Montag jeden Tag um 7 Yoga", "ab Montag", "jeden Tag", "daily", "2026-12-07"),
        ("every day at 7 yoga", None, "every day", "daily", "2026-12-03"),
    ],
)
def test_every_day_from_monday_to_friday_is_every_working_day(
    query: str, first: str | None, often: str, frequency: str, date: str
) -> None:
    """ "Von Montag bis Freitag jeden Tag" is a series on working days from today (v19 made it daily from next
    Monday: the weekend in, the rest of this week out)."""
    span = SpanCall("create_recurring_event", ("Yoga", first, "um 7", None, often, None))
    call = resolve_call(span, TODAY, None, query)
    assert (call.arguments["frequency"], call.arguments["date"]) == (frequency, date)


@pytest.mark.parametrize(
    ("function", "query", "phrases", "title"),
    [
        # a reminder's "an den" / "about the" is the request's
        (
            "create_event",
            "Erinnere mich nächste Woche Donnerstag um 16 Uhr an den Elternsprechtag",
            ("an den Elternsprechtag", "nächste Woche Donnerstag", "um 16 Uhr", None),
            "Elternsprechtag",
        ),
        (
            "create_event",
            "remind me about the dentist on Friday at 9",
            ("about the dentist", "on Friday", "at 9", None),
            "dentist",
        ),
        # without a reminder verb, "an" and "about" stay the person's words
        (
            "create_event",
            "Samstag um 9 an die Ostsee fahren",
            ("an die Ostsee fahren", "Samstag", "um 9", None),
            "an die Ostsee fahren",
        ),
        # a title that starts at its preposition takes the event noun before it
        (
            "create_event",
            "Erinnere mich morgen um 10 an den Anruf bei der Bank",
            ("bei der Bank", "morgen", "um 10", None),
            "Anruf bei der Bank",
        ),
        (
            "create_event",
            "termin beim tierarzt übermorgen um viertel nach vier",
            ("beim tierarzt", "übermorgen", "um viertel nach vier", None),
            "termin beim tierarzt",
        ),
        # a word before the preposition that is no event noun stays out
        (
            "create_event",
            "trag mir bei der Bank morgen um 10 ein",
            ("bei der Bank", "morgen", "um 10", None),
            "bei der Bank",
        ),
        # another argument's words at the end of the title are that argument's
        (
            "delete_event",
            "let's erase lecture the day after tomorrow",
            ("lecture the day after tomorrow", "the day after tomorrow"),
            "lecture",
        ),
        (
            "create_event",
            "Trag Chorprobe zu Ostersonntag um viertel nach 5 ein",
            ("Chorprobe zu Ostersonntag", "Ostersonntag", "um viertel nach 5", None),
            "Chorprobe",
        ),
        # at its start they stay: "Memorial Day barbecue" is the barbecue's name
        (
            "create_event",
            "Memorial Day barbecue at 3 pm",
            ("Memorial Day barbecue", "Memorial Day", "at 3 pm", None),
            "Memorial Day barbecue",
        ),
    ],
)
def test_a_copied_title_keeps_its_own_words_only(function: str, query: str, phrases: tuple, title: str) -> None:
    """What the calendar shows is the event's name: not the reminder's "an den" (v20 copied "an den
    Elternsprechtag"), not a date the model copied twice, and with the event noun before its preposition
    ("bei der Bank" lost its "Anruf")."""
    assert resolve_call(SpanCall(function, phrases), TODAY, None, query).arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "time", "often", "minutes"),
    [
        ("standup every weekday at 9:15, 15 minutes", "at 9:15", "every weekday", 15),
        ("Teammeeting jeden Montag um 9 Uhr, eine halbe Stunde", "um 9 Uhr", "jeden Montag", 30),
        ("yoga every Tuesday at 6 pm for an hour and a half", "at 6 pm", "every Tuesday", 90),
        # an offset or a reminder's lead time is no length
        ("standup every weekday at 9:15, 15 minutes before the call", "at 9:15", "every weekday", 60),
        ("Teammeeting jeden Montag um 9 Uhr, erinnere mich 10 Minuten vorher", "um 9 Uhr", "jeden Montag", 60),
        ("yoga every Tuesday at 6 pm, remind me in 20 minutes", "at 6 pm", "every Tuesday", 60),
    ],
)
def test_a_length_the_model_left_out_is_read_from_the_query(query: str, time: str, often: str, minutes: int) -> None:
    """ "standup every weekday at 9:15, 15 minutes" with no length copied made an hour-long standup: a length
    said on its own is the duration; an offset ("in 20 minutes", "10 Minuten vorher") is not."""
    span = SpanCall("create_recurring_event", ("x", None, time, None, often, None))
    assert resolve_call(span, TODAY, None, query).arguments["duration_minutes"] == minutes


def test_a_series_end_copied_as_its_first_day_is_read_from_bis() -> None:
    """ "Ab dem 11. Januar jeden Montag ... bis zum 29. März" with "dem 11. Januar" copied for both ends made a
    series of one day: the first day copied again is no end; the end is what "bis" says."""
    query = "Ab dem 11. Januar jeden Montag um 18 Uhr Volkshochschulkurs bis zum 29. März"
    span = SpanCall(
        "create_recurring_event",
        ("Volkshochschulkurs", "dem 11. Januar", "um 18 Uhr", None, "jeden Montag", "dem 11. Januar"),
    )
    call = resolve_call(span, TODAY, "de", query)
    assert (call.arguments["date"], call.arguments["until"]) == ("2027-01-11", "2027-03-29")


@pytest.mark.parametrize(
    ("query", "often", "date"),
    [
        ("Dienstag um 11 Uhr beim Bürgeramt Reisepass abholen", "Dienstag", "2026-12-08"),
        ("Mittwoch in zwei Wochen um 9 Uhr Reisepass abholen", "Mittwoch in zwei Wochen", "2026-12-23"),
    ],
)
def test_a_series_with_no_repetition_said_is_one_event(query: str, often: str, date: str) -> None:
    """A series call whose "how often" is a plain day, from a query that says no repetition, is the one event on
    that day: v21 wrote such calls and the assistant answered "I could not understand how often: 'Dienstag'"."""
    span = SpanCall("create_recurring_event", ("Reisepass abholen", None, "um 11 Uhr", None, often, None))
    call = resolve_call(span, TODAY, "de", query)
    assert (call.function, call.arguments["date"], call.arguments["time"]) == ("create_event", date, "11:00")


@pytest.mark.parametrize(
    ("query", "often", "clock", "time"),
    [
        ("Plan mir Chorprobe um 7 Uhr abends am kommenden Samstag ein", "7 Uhr abends", "um 7 Uhr abends", "19:00"),
        (
            "am kommenden Samstag um Viertel nach sieben abends Chorprobe",
            "nach sieben abends",
            "um Viertel nach sieben abends",
            "19:15",
        ),
        ("jeden Samstag um 7 Uhr abends Chorprobe", "7 Uhr abends", "um 7 Uhr abends", None),  # a repetition said
    ],
)
def test_how_often_copied_out_of_the_clock_time_is_the_times(query, often, clock, time) -> None:
    """A series whose "how often" is words of its clock time, from a query that says no repetition, is one event at
    that time on the first day copied (read as how often, "7 Uhr abends" failed); with a repetition said it stays
    a series whose "how often" is reported."""
    span = SpanCall("create_recurring_event", ("Chorprobe", "am kommenden Samstag", clock, None, often, None))
    if time is None:
        with pytest.raises(CallError):
            resolve_call(span, TODAY, "de", query)
        return
    call = resolve_call(span, TODAY, "de", query)
    assert (call.function, call.arguments["date"], call.arguments["time"]) == ("create_event", "2026-12-05", time)


@pytest.mark.parametrize(
    ("first", "last", "query"),
    [
        ("in 6 weeks", "in 6 weeks on", "from in 6 weeks on, choir weekly on saturday at 7 pm"),
        ("the 11th of January", "beginning the 11th of January", "beginning the 11th of January choir weekly at 7 pm"),
        ("nächsten Montag", "ab nächsten Montag", "ab nächsten Montag jeden Montag um 19 Uhr Chor"),
    ],
)
def test_a_series_end_copied_out_of_its_start_is_no_end(first: str, last: str, query: str) -> None:
    """A series' last day copied out of the words of its first day: those words are said once, they are the first
    day, and the series has no end (read as its end, it ended before it began). A last day said apart stays."""
    span = SpanCall("create_recurring_event", ("choir", first, "at 7 pm", None, "weekly", last))
    call = resolve_call(span, TODAY, "en", query)
    assert call.arguments["until"] is None and call.arguments["date"] >= TODAY.isoformat()
    said = SpanCall("create_recurring_event", ("choir", first, "at 7 pm", None, "weekly", "until March"))
    assert resolve_call(said, TODAY, "en", query + " until March").arguments["until"] == "2027-03-31"


@pytest.mark.parametrize(
    ("function", "copied", "title", "minutes"),
    [
        ("create_event", "30-minute call with Tom", "call with Tom", 30),
        ("create_recurring_event", "two-hour car service", "car service", 120),
        ("create_event", "zweistündige Probe", "Probe", 120),
        ("create_event", "call with Tom", "call with Tom", 60),  # no length said
    ],
)
def test_a_length_copied_as_the_titles_first_word_is_the_length(
    function: str, copied: str, title: str, minutes: int
) -> None:
    """ "Set a recurring two-hour car service": a model that copies "two-hour car service" as the title books an
    hour of "two-hour car service"."""
    phrases = tuple(
        copied if p.name == "title" else {"date": "Freitag", "time": "um 9", "frequency": "jeden Freitag"}.get(p.name)
        for p in function_by_name(function).params
    )
    call = resolve_call(SpanCall(function, phrases), TODAY, None)
    assert (call.arguments["title"], call.arguments["duration_minutes"]) == (title, minutes)


@pytest.mark.parametrize(
    ("query", "copied", "days"),
    [
        ("mark through Sunday as staycation", "Sunday", ("2026-12-03", "2026-12-06")),
        ("Trag bis Sonntag Baustelle ein", "Sonntag", ("2026-12-03", "2026-12-06")),
        ("mark Sunday as staycation", "Sunday", ("2026-12-06", "2026-12-06")),  # one day
    ],
)
def test_a_day_long_events_end_copied_without_its_until_runs_from_today(query: str, copied: str, days: tuple) -> None:
    """ "mark through thursday as volunteering" with "thursday" copied: v25 marked Thursday alone."""
    call = resolve_call(SpanCall("create_all_day_event", ("staycation", copied, None)), TODAY, None, query)
    assert (call.arguments["date"], call.arguments["end_date"]) == days


@pytest.mark.parametrize(
    ("query", "minutes"),
    [
        ("Set a recurring 90-minute car service every Friday at 9", 90),
        ("Set a recurring two-hour car service every Friday at 9", 120),
        ("Jeden Freitag zweistündige car service um 9", 120),
        ("car service every Friday at 9", 60),  # no length said
        ("car service every Friday at 9 with the 2-hour-parking sign", 60),  # a word that only ends like one
    ],
)
def test_a_length_said_as_an_adjective_and_not_copied_is_the_length(query: str, minutes: int) -> None:
    """ "Set a recurring 90-minute conference call ...": v25 copied the title alone and booked an hour."""
    span = SpanCall("create_recurring_event", ("car service", None, "at 9", None, "every Friday", None))
    call = resolve_call(span, TODAY, None, query)
    assert (call.arguments["title"], call.arguments["duration_minutes"]) == ("car service", minutes)


@pytest.mark.parametrize(
    ("copied", "title"),
    [("verleg die Elternversammlung", "Elternversammlung"), ("postpone the dentist", "dentist")],
)
def test_a_create_whose_title_starts_with_moving_it_is_a_move(copied: str, title: str) -> None:
    """ "verleg die Elternversammlung auf den 15. Dezember um 19 Uhr" copied as a new event called "verleg die
    Elternversammlung" would put a second one in the calendar: it is the move, to the day and time copied."""
    call = resolve_call(SpanCall("create_event", (copied, "auf den 15. Dezember", "um 19 Uhr", None)), TODAY, None)
    assert call.function == "move_event"
    assert (call.arguments["title"], call.arguments["new_date"], call.arguments["new_time"]) == (
        title,
        "2026-12-15",
        "19:00",
    )


@pytest.mark.parametrize(
    ("query", "copied", "first"),
    [
        ("Ab Mittwoch nächste Woche habe ich einmal die Woche um 9 Chor", "nächste Woche", "2026-12-09"),
        ("Ab nächster Woche habe ich einmal die Woche um 9 Chor", "nächster Woche", "2026-12-07"),
        ("Ab Mittwoch statt nächste Woche habe ich einmal die Woche um 9 Chor", "nächste Woche", "2026-12-07"),
    ],
)
def test_a_weekday_said_with_a_copied_week_is_a_day_of_it(query: str, copied: str, first: str) -> None:
    """ "Ab Mittwoch nächste Woche" with "nächste Woche" copied started the series on Monday."""
    span = SpanCall("create_recurring_event", ("Chor", copied, "um 9", None, "einmal die Woche", None))
    assert resolve_call(span, TODAY, "de", query).arguments["date"] == first


@pytest.mark.parametrize(
    ("query", "phrases", "want"),
    [
        # the same day copied as the first day and as "how often", with no repetition said: that one day
        (
            "Trag Einkaufen 16. Dezember um 9 ein",
            ("Einkaufen", "16. Dezember", "um 9", None, "16. Dezember", None),
            ("create_event", "2026-12-16", None),
        ),
        # "how often" copied without the word that makes it one
        (
            "Chor jeden Montag um 9",
            ("Chor", "Montag", "um 9", None, "Montag", None),
            ("create_recurring_event", "2026-12-07", "weekly"),
        ),
        (
            "Chor jede zweite Woche um 9",
            ("Chor", None, "um 9", None, "Woche", None),
            ("create_recurring_event", "2026-12-03", "biweekly"),
        ),
    ],
)
def test_a_series_copy_that_is_no_repetition_is_read_from_the_query(query: str, phrases: tuple, want: tuple) -> None:
    """v25 wrote "Trag Einkaufen gehen 16. Februar um 9:00 abends ein" as a series "how often: 16. Februar" and
    the assistant answered that it could not understand how often."""
    call = resolve_call(SpanCall("create_recurring_event", phrases), TODAY, None, query)
    assert (call.function, call.arguments["date"], call.arguments.get("frequency")) == want


@pytest.mark.parametrize(
    ("query", "phrases", "function"),
    [
        ("Is the dentist appointment in my calendar?", ("dentist appointment", None, None, None), "find_event"),
        ("ist Elternabend schon eingetragen", ("Elternabend", None, None, None), "find_event"),
        ("mark Friday as sick day", ("sick day", "Friday", None, None), "create_all_day_event"),
        ("markier Freitag als Urlaub", ("Urlaub", "Freitag", None, None), "create_all_day_event"),
        # a new event asked for, or a clock time said
        (
            "Put the dentist appointment in my calendar on Friday",
            ("dentist appointment", "on Friday", None, None),
            "create_event",
        ),
        ("Mark Friday at 9 as dentist", ("dentist", "Friday", "at 9", None), "create_event"),
    ],
)
def test_a_question_whether_it_is_there_finds_and_a_marked_day_is_all_day(
    query: str, phrases: tuple, function: str
) -> None:
    """ "Is Christmas dinner with Aunt Linda in my calendar?" copied as a new event would make one."""
    assert resolve_call(SpanCall("create_event", phrases), TODAY, None, query).function == function


@pytest.mark.parametrize(
    ("query", "phrases", "deleted"),
    [
        ("Chorprobe am Sonntag austragen", ("Chorprobe", "am Sonntag", None, None), True),
        ("am Samstag trag Flohmarkt aus", ("Flohmarkt", "am Samstag", None, None), True),
        ("kannst du den Notartermin am Freitag verwefen", ("Notartermin", "am Freitag", None, None), True),  # a slip
        ("please strike the budget review on Friday", ("budget review", "on Friday", None, None), True),
        ("entferne die Besprechung um neun aus meinem Kalender", ("Besprechung", None, "um neun", None), True),
        # the delete verb is the title's, or a new event is asked for
        ("Add remove the old paint on Friday", ("remove the old paint", "on Friday", None, None), False),
        ("Trag Zahnarzt am Freitag ein und lösch den Friseur", ("Zahnarzt", "am Freitag", None, None), False),
        ("Schedule delete old photos on Friday", ("delete old photos", "on Friday", None, None), False),
    ],
)
def test_a_create_from_a_query_that_asks_for_a_delete_is_the_delete(query: str, phrases: tuple, deleted: bool) -> None:
    """ "Mitgliederversammlung am übernächsten Sonntag austragen" copied as a new event put a second one in the
    calendar (v25: 5 such rows of its generated split, 2 of MASSIVE's removes)."""
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert call.function == ("delete_event" if deleted else "create_event")


@pytest.mark.parametrize(
    ("query", "phrases", "move"),
    [
        ("bring drinks with Karen forward to nine am", ("bring drinks with Karen", None, "to nine am", None), True),
        ("Kannst du Zahnarzt auf 19 Uhr vorziehen?", ("Zahnarzt", None, "auf 19 Uhr", None), True),
        ("Elternabend auf Mittwoch umplanen", ("Elternabend", "auf Mittwoch", None, None), True),
        # no move said, or a day and time that are no target
        ("Add a run from 8 to 9", ("run", None, "from 8 to 9", None), False),
        ("Move-in day on Friday at 9", ("Move-in day", "on Friday", "at 9", None), False),
        ("Trag Zahnarzt auf 19 Uhr ein", ("Zahnarzt", None, "auf 19 Uhr", None), False),
    ],
)
def test_a_create_aimed_at_a_new_day_or_time_with_a_move_said_is_a_move(query: str, phrases: tuple, move: bool) -> None:
    """ "bring meeting with sarah forward to 8 o'clock" copied as a new event at 8 would put a second one in the
    calendar (v25: 5 such rows of its generated split)."""
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert call.function == ("move_event" if move else "create_event")
    if move:
        assert not call.arguments["title"].lower().startswith("bring")


@pytest.mark.parametrize(
    ("query", "title", "date"),
    [
        ("annual review with my boss two weeks from Wednesday at 11 am", "annual review with my boss", "2026-12-23"),
        ("Jahresgespräch am Freitag um 11 Uhr", "Jahresgespräch", "2026-12-04"),
        ("Jahresgespräch um 11 Uhr", "Jahresgespräch", None),  # no day: asked for
    ],
)
def test_a_series_whose_how_often_is_its_title_is_one_event(query: str, title: str, date: str | None) -> None:
    """A series call that copies its title as its "how often", from a query that says no repetition outside the
    title ("annual review"), is the one event the query names; v25 wrote such a call and it failed to validate."""
    span = SpanCall("create_recurring_event", (title, None, "um 11 Uhr", None, title, None))
    call = resolve_call(span, TODAY, None, query)
    assert (call.function, call.arguments["date"], call.arguments["time"]) == ("create_event", date, "11:00")


@pytest.mark.parametrize(
    ("query", "weekly"),
    [("dienstags um 11 Uhr Reisepass abholen", False), ("Reisepass abholen jede Woche Dienstag um 11 Uhr", True)],
)
def test_a_series_whose_query_says_a_repetition_stays_one(query: str, weekly: bool) -> None:
    """Where the query does say a repetition, a "how often" copied as a plain day is no single event: the words
    right before the copy that make it a repetition ("jede Woche" + "Dienstag") are read with it, and where there
    are none the call does not validate, and the assistant says what it could not read."""
    span = SpanCall("create_recurring_event", ("Reisepass abholen", None, "um 11 Uhr", None, "Dienstag", None))
    if weekly:
        call = resolve_call(span, TODAY, "de", query)
        assert (call.function, call.arguments["frequency"], call.arguments["date"]) == (
            "create_recurring_event",
            "weekly",
            "2026-12-08",
        )
    else:
        with pytest.raises(CallError):
            resolve_call(span, TODAY, "de", query)


@pytest.mark.parametrize(
    ("function", "query", "phrases", "title", "values"),
    [
        (
            "delete_event",
            "could you scrap the company picnic day after tomorrow?",
            ("company picnic day after tomorrow", None),
            "company picnic",
            {"date": "2026-12-05"},
        ),
        (
            "create_all_day_event",
            "Kannst du Wochenmarkt im Hofbräuhaus Pfingstmontag eintragen, ganztägig?",
            ("Wochenmarkt im Hofbräuhaus Pfingstmontag", None, None),
            "Wochenmarkt im Hofbräuhaus",
            {"date": "2027-05-17", "end_date": "2027-05-17"},
        ),
        (
            "create_all_day_event",
            "I'll be at field trip in July.",
            ("field trip in July", None, None),
            "field trip",
            {"date": "2027-07-01", "end_date": "2027-07-31"},
        ),
        (
            "create_event",
            "Trag Lauftreff von 16:00 bis 16:30 am Samstag nächste Woche ein.",
            ("Lauftreff von 16:00 bis 16:30", "am Samstag nächste Woche", None, None),
            "Lauftreff",
            {"date": "2026-12-12", "time": "16:00", "duration_minutes": 30},
        ),
        (  # a target goes to the new day
            "move_event",
            "Leg Ehrenamt auf Tag der Arbeit.",
            ("Ehrenamt auf Tag der Arbeit", None, None, None),
            "Ehrenamt",
            {"date": None, "new_date": "2027-05-01"},
        ),
        # the last word is no part of a day: the day names the event
        (
            "delete_event",
            "nuke my version 3 easter brunch please",
            ("version 3 easter brunch", None),
            "version 3 easter brunch",
            {"date": None},
        ),
        (
            "move_event",
            "The office Christmas party has been moved to the 18th",
            ("office Christmas party", None, "to the 18th", None),
            "office Christmas party",
            {"date": None, "new_date": "2026-12-18"},
        ),
        # "march" and "may" alone are words, not months
        ("delete_event", "cancel the protest march", ("protest march", None), "protest march", {"date": None}),
        # a move's new time is never read out of its title: "um 10" is when the dentist is now
        (
            "move_event",
            "verschieb den Zahnarzt um 10 auf Freitag",
            ("Zahnarzt um 10", None, "auf Freitag", None),
            "Zahnarzt um 10",
            {"new_time": None},
        ),
    ],
)
def test_a_day_or_time_at_the_title_end_fills_its_empty_slot(
    function: str, query: str, phrases: tuple, title: str, values: dict
) -> None:
    """v21 copied "volunteering day after tomorrow" as the title and left the day empty: a delete that asks
    which day and then finds no event of that name. Words at a title's end that name the empty day (or the
    clock time after it) are that day, and the title ends before them."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert call.arguments["title"] == title
    assert {k: call.arguments[k] for k in values} == values


@pytest.mark.parametrize(
    ("query", "phrases", "moved"),
    [
        # the day said with "instead"/"lieber" is the new one; the one after "instead of"/"statt" the old one
        (
            "let's do the street fair next week Sunday instead of on Friday",
            ("street fair", "next week Sunday", None, None),
            ("2026-12-04", "2026-12-13", None),
        ),
        (
            "I'll do the call with the insurance tomorrow at 11 instead",
            ("call with the insurance", "tomorrow", None, "at 11"),
            (None, "2026-12-04", "11:00"),
        ),
        (
            "Ich mach den Wochenmarkt lieber am Samstag",
            ("Wochenmarkt", "am Samstag", None, None),
            (None, "2026-12-05", None),
        ),
        (  # the day before a time corrected into the new one
            "I'll do the call with the insurance tomorrow at 10, sorry, at 11 instead",
            ("call with the insurance", "tomorrow", None, "at 11"),
            (None, "2026-12-04", "11:00"),
        ),
        # a day that names the event, with a new time after other words, stays the old day
        (
            "Make the call with Karen on Friday start at 10 instead",
            ("call with Karen", "on Friday", None, "at 10"),
            ("2026-12-04", None, "10:00"),
        ),
        # a day said before the new one and copied for nothing is the old one
        (
            "Postpone call the bank in three days to in two weeks",
            ("call the bank", None, "to in two weeks", None),
            ("2026-12-06", "2026-12-17", None),
        ),
        (
            "zieh den augenarzt von diesem freitag auf heute in einer woche vor",
            ("augenarzt", None, "auf heute in einer woche", None),
            ("2026-12-04", "2026-12-10", None),
        ),
        (
            "Chorprobe ist jetzt am Mittwoch statt am Dienstag",
            ("Chorprobe", None, "am Dienstag", None),
            ("2026-12-08", "2026-12-09", None),
        ),
        # ... but never one corrected away or said as a target
        (
            "Leg Kindergeburtstag am 7. sorry auf 25. um 15.30 Uhr",
            ("Kindergeburtstag", None, "auf 25.", "um 15.30 Uhr"),
            (None, "2026-12-25", "15:30"),
        ),
        (
            "Verschieb Yoga auf Montag, nein, auf Dienstag",
            ("Yoga", None, "auf Dienstag", None),
            (None, "2026-12-08", None),
        ),
        # nothing new copied: a clock time the query says is the new time, so no "to when?" is asked
        ("Das Meeting mit Tom ist jetzt erst um 15 Uhr", ("Meeting mit Tom", None, None, None), (None, None, "15:00")),
        (
            "kannst du den Termin bei Rüdiger auf zu Mittag verlegen",
            ("Termin bei Rüdiger", None, None, None),
            (None, None, "12:00"),
        ),
        # a clock time said right after the new day, without "um"/"at"
        (
            "Ich möchte die Bewerbung auf Sonntag 21:35 verschieben",
            ("Bewerbung", None, "auf Sonntag", None),
            (None, "2026-12-06", "21:35"),
        ),
    ],
)
def test_a_moves_days_are_read_as_the_query_says_them(query: str, phrases: tuple, moved: tuple) -> None:
    """v21 swapped a move's days after "instead of" (11 rows of its generated split) and dropped an old day said
    before the new one: the event moved was looked up on the wrong day, or asked about."""
    call = resolve_call(SpanCall("move_event", phrases), TODAY, None, query)
    assert (call.arguments["date"], call.arguments["new_date"], call.arguments["new_time"]) == moved


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("drop the suitcase off tomorrow afternoon at five", "drop the suitcase", "drop the suitcase off"),
        ("let the meter reader in on Friday at 9 am", "let the meter reader", "let the meter reader in"),
        ("Just erase take the quote back Wednesday", "take the quote", "take the quote back"),
        # a particle that opens another phrase stays out: "off my calendar", "in three days"
        ("take call the bank off my calendar", "call the bank", "call the bank"),
        ("pick up the prescription in two days at 1 pm", "pick up the prescription", "pick up the prescription"),
        ("Bump pick up Grandma from the station in 21 days to today", "pick up Grandma from the station", None),
        ("i'm on hand in my bike in april 2026", "hand in my bike", None),  # the verb has its particle
        # the request's own particle: "push X back", "put X in"
        ("Push send the visa back to this Sunday", "send the visa", None),
        ("Push call with Ethan back to the 20th of September", "call with Ethan", None),
        ("pencil pick up Lena in for Friday at 3", "pick up Lena", None),
        # the event noun before a place or a person ("Termin" + "im Rathaus", "Notartermin für" + "Käthe")
        ("termin im rathaus um sieben uhr am abend vermerken", "im rathaus", "termin im rathaus"),
        ("an diesem Wochenende ist Notartermin für Käthe", "Käthe", "Notartermin für Käthe"),
        ("Termin an Gleis 12 am 14.08.2024 rausstreichen", "Gleis 12", "Termin an Gleis 12"),
        ("Leg einen Serientermin an Blumen gießen jährlich um 7", "Blumen gießen", None),  # "anlegen"'s "an"
        ("Leg einnen Termin an Osterfrühstück bei Matthias heute", "Osterfrühstück bei Matthias", None),
        # where the event is kept is no part of its name, also when typed with a slip
        ("Find Karen visiting in my calendar.", "Karen visiting in my calendar", "Karen visiting"),
        (
            "Remove pick up the prescription from my caledar",
            "pick up the prescription from my caledar",
            "pick up the prescription",
        ),
        ("Entferne Notartermin aus meinem Kalender", "Notartermin aus meinem Kalender", "Notartermin"),
        ("Find the party in my sister's garden", "party in my sister's garden", None),
    ],
)
def test_a_copied_title_takes_its_particle_and_its_event_noun(query: str, copied: str, title: str | None) -> None:
    """ "drop the suitcase off" copied as "drop the suitcase" is another to-do; "im rathaus" without its "termin"
    is a place. The title takes the particle of its phrasal verb and the event noun before its preposition."""
    call = resolve_call(SpanCall("find_event", (copied,)), TODAY, None, query)
    assert call.arguments["title"] == (title or copied)


@pytest.mark.parametrize(
    ("function", "query", "phrases", "moved"),
    [
        (
            "create_event",
            "I'll do package pickup in a week at 23 hundred instead.",
            ("package pickup", "in a week", "at 23 hundred", None),
            (None, "2026-12-10", "23:00"),
        ),
        (
            "create_all_day_event",
            "Let's do the staycation tomorrow instead of today.",
            ("staycation", "tomorrow", None),
            ("2026-12-03", "2026-12-04", None),
        ),
        (
            "create_all_day_event",
            "Ich mach den Spieleabend lieber am Samstag.",
            ("Spieleabend", "am Samstag", None),
            (None, "2026-12-05", None),
        ),
        (  # "findet ... statt" is "takes place"; the second "statt" says where it was
            "create_event",
            "Kaffeetrinken findet am kommenden Montag statt statt übermorgen.",
            ("Kaffeetrinken", "am kommenden Montag", None, None),
            ("2026-12-05", "2026-12-07", None),
        ),
    ],
)
def test_a_create_said_instead_of_something_is_a_move(function: str, query: str, phrases: tuple, moved: tuple) -> None:
    """ "I'll do X tomorrow at 11 instead" put a second X in the calendar (v21: 28 such rows of its generated
    split): "instead" and "statt" name an event that goes elsewhere."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert call.function == "move_event"
    assert (call.arguments["date"], call.arguments["new_date"], call.arguments["new_time"]) == moved


@pytest.mark.parametrize("query", ["Kaffeetrinken findet am Montag statt.", "Trag Kaffeetrinken am Montag ein."])
def test_a_create_that_takes_place_stays_a_create(query: str) -> None:
    call = resolve_call(SpanCall("create_event", ("Kaffeetrinken", "am Montag", None, None)), TODAY, None, query)
    assert call.function == "create_event"


@pytest.mark.parametrize(
    ("query", "title", "span"),
    [
        ("Trag von Sonntag bis Samstag Teamevent ein.", "Teamevent", ("2026-12-06", "2026-12-12")),
        ("mal trag bis Sonntag Baustelle in Hannover ein.", "Baustelle in Hannover", ("2026-12-03", "2026-12-06")),
        ("Put down the conference for the next 3 days.", "conference", ("2026-12-03", "2026-12-05")),
    ],
)
def test_a_timed_event_over_a_span_of_days_is_all_day(query: str, title: str, span: tuple) -> None:
    """A create with no time over a span of days said with its end is a day-long event over them: "Trag von
    Sonntag bis Samstag Teamevent ein" asked "at what time?" and made a one-hour event on Sunday."""
    call = resolve_call(SpanCall("create_event", (title, None, None, None)), TODAY, None, query)
    assert (call.function, call.arguments["date"], call.arguments["end_date"]) == ("create_all_day_event", *span)


@pytest.mark.parametrize(
    ("query", "phrases", "timed"),
    [
        ("Flohmarkt am Samstag um viertel nach acht", ("Flohmarkt", "am Samstag", None), ("08:15", 60)),
        ("Sommerfest Samstag mittags", ("Sommerfest", "Samstag", None), ("12:00", 60)),
        ("New event: bake sale, Saturday, from 10 to 2", ("bake sale", "Saturday", "from 10 to 2"), ("10:00", 240)),
        (
            "Block at 7 pm on Saturday for quiz night",
            ("quiz night", "on Saturday", "at 7 pm on Saturday"),
            ("19:00", 60),
        ),
        # no clock, a span of days or a day-long event said in so many words: day-long
        ("Sommerfest am Samstag", ("Sommerfest", "am Samstag", None), None),
        ("Messe vom 8. bis 10. Dezember", ("Messe", "vom 8.", "bis 10. Dezember"), None),
        ("Flohmarkt am Samstag ab 8 Uhr, ganztägig", ("Flohmarkt", "am Samstag", None), None),
    ],
)
def test_a_day_long_event_with_a_clock_time_is_timed(query: str, phrases: tuple, timed: tuple | None) -> None:
    """A day-long event on one day whose query says a clock time is a timed event at that time: the day-long one
    dropped the time said (v25 wrote "für heute Wochenmarkt um dreiviertel zehn früh" as a day-long event)."""
    call = resolve_call(SpanCall("create_all_day_event", phrases), TODAY, None, query)
    if timed is None:
        assert call.function == "create_all_day_event"
    else:
        assert call.function == "create_event"
        assert (call.arguments["date"], call.arguments["time"], call.arguments["duration_minutes"]) == (
            "2026-12-05",
            *timed,
        )


@pytest.mark.parametrize(
    ("query", "function", "phrases", "message"),
    [
        ("Email Tom that the barbecue on Saturday is cancelled", "delete_event", ("barbecue", "on Saturday"), True),
        ("Let Tom know the barbecue moved to Sunday", "move_event", ("barbecue", None, "to Sunday", None), True),
        ("Sag Jana, dass der Chor morgen ausfällt", "delete_event", ("Chor", "morgen"), True),
        ("Text Sam that lunch moved to Friday", "move_event", ("lunch", None, "to Friday", None), True),
        (
            "Gib Oma Bescheid, dass Kaffee am Sonntag verschoben ist",
            "move_event",
            ("Kaffee", "am Sonntag", None, None),
            True,
        ),
        # a reminder asked for, or a delete that says the news: the call stays
        ("Let me know about the barbecue on Saturday", "find_event", ("barbecue",), False),
        (
            "gib mir am Samstag um 9 Bescheid, dass Müll rausmuss",
            "create_event",
            ("Müll rausmuss", "am Samstag", "um 9", None),
            False,
        ),
        ("the barbecue on Saturday is cancelled", "delete_event", ("barbecue", "on Saturday"), False),
    ],
)
def test_a_message_to_someone_about_an_event_is_no_call(
    query: str, function: str, phrases: tuple, message: bool
) -> None:
    """ "Email Sarah that the appointment on Saturday is cancelled" is a message to Sarah: v25 deleted the
    appointment (the news "is cancelled" reads as a delete)."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert (call.function is None) is message


@pytest.mark.parametrize(
    ("query", "nothing"),
    [("No, forget it.", True), ("nein, vergiss es", True), ("never mind", True), ("Forget it: delete the gym", False)],
)
def test_never_mind_is_no_call(query: str, nothing: bool) -> None:
    """ "No, forget it" read as the delete of an event called "forget it" (v25, 3 generated rows)."""
    call = resolve_call(SpanCall("delete_event", ("forget it", None)), TODAY, None, query)
    assert (call.function is None) is nothing


@pytest.mark.parametrize(
    "query", ["Plan a call with Tom next week", "Trag Yoga nächste Woche ein", "Meeting next week at 9"]
)
def test_a_timed_event_in_a_named_week_stays_timed(query: str) -> None:
    """A week named alone is when a timed event is, not how long; a clock time makes it timed."""
    call = resolve_call(SpanCall("create_event", ("x", None, None, None)), TODAY, None, query)
    assert call.function == "create_event"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Welcher Wochentag ist der 24. Dezember?", False),
        ("Auf welchen Tag fällt Pfingsten dieses Jahr?", False),
        ("What date is on the 7th of September?", False),
        ("was für ein tag ist übernächsten montag", False),
        # a question about the user's own days is a listing
        ("Was habe ich am 24. Dezember?", True),
        ("What day is my calendar free next week?", True),
        ("Welche Termine habe ich am Montag?", True),
    ],
)
def test_a_question_about_the_date_lists_nothing(query: str, listed: bool) -> None:
    """Issue 19: "which date or weekday it is" is no calendar command; v19 listed the day it named."""
    call = resolve_call(SpanCall("list_events", ("am Montag", None)), TODAY, None, query)
    assert (call.function == "list_events") is listed


@pytest.mark.parametrize(
    ("function", "query", "phrases", "date"),
    [
        (
            "create_all_day_event",
            "parental leave December 7th is not happening.",
            ("parental leave", "December 7th", None),
            "2026-12-07",
        ),
        ("create_event", "Yoga am Montag fällt aus", ("Yoga", "am Montag", None, None), "2026-12-07"),
        (
            "create_all_day_event",
            "visit Sarah on Friday got cancelled.",
            ("visit Sarah", "on Friday", None),
            "2026-12-04",
        ),
    ],
)
def test_an_event_said_to_be_off_is_deleted(function: str, query: str, phrases: tuple, date: str) -> None:
    """News that an event is off ("is not happening", "fällt aus") is its delete, never a new event of it."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert (call.function, call.arguments["title"], call.arguments["date"]) == ("delete_event", phrases[0], date)


def test_a_delete_said_instead_is_a_move() -> None:
    query = "can we do the book club next Wednesday instead"
    call = resolve_call(SpanCall("delete_event", ("book club", "next Wednesday")), TODAY, None, query)
    assert (call.function, call.arguments["date"], call.arguments["new_date"]) == ("move_event", None, "2026-12-09")


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("Trag Handyabo kündigen für Freitag um 10 ein", "Handyabo", "Handyabo kündigen"),
        ("jeden werktag um acht uhr mails checken", "checken", "mails checken"),
        (
            "Winterreifen aufziehen lassen auf Montag verschieben",
            "Winterreifen aufziehen",
            "Winterreifen aufziehen lassen",
        ),
    ],
)
def test_words_only_near_misses_say_are_title_words(query: str, copied: str, title: str) -> None:
    """ "kündigen", "checken", "lassen" are said by near misses ("Kündige mein Handyabo"), never around a title:
    they are part of the title the person named (v19 wrote "Handyabo" for "Handyabo kündigen")."""
    call = resolve_call(SpanCall("find_event", (copied,)), TODAY, None, query)
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "phrases", "often"),
    [
        ("Trag jeden Montag um 8 Uhr das Teammeeting ein", ("Teammeeting", "Montag", "um 8 Uhr", None), "weekly"),
        ("Ich habe an Werktagen um 18.30 Uhr Klausur.", ("Klausur", None, "um 18.30 Uhr", None), "weekdays"),
        ("Set up the standup Monday through Friday at 9", ("standup", "Monday", "at 9", None), "weekdays"),
        ("Meeting from Monday to Friday at 9", ("Meeting", None, "at 9", None), "weekdays"),
    ],
)
def test_one_event_from_a_query_that_says_a_repetition_is_a_series(query: str, phrases: tuple, often: str) -> None:
    """ "jeden Montag" copied as "Montag" made one meeting: a repetition said outside the title is the series."""
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert (call.function, call.arguments["frequency"]) == ("create_recurring_event", often)


def test_a_repetition_inside_the_title_stays_one_event() -> None:
    span = SpanCall("create_event", ("weekly review", "tomorrow", "at 10", None))
    assert resolve_call(span, TODAY, None, "add the weekly review tomorrow at 10").function == "create_event"


@pytest.mark.parametrize(
    ("title", "days"),
    [
        ("meetings the day after tomorrow", ("2026-12-05", "2026-12-05")),
        ("appointments on Christmas", ("2026-12-25", "2026-12-25")),
        ("Termine am Wochenende", ("2026-12-05", "2026-12-06")),
        ("meetings next Monday", ("2026-12-07", "2026-12-07")),  # the modifier goes with the day
    ],
)
def test_a_find_of_any_meetings_on_a_day_lists_it(title: str, days: tuple) -> None:
    call = resolve_call(SpanCall("find_event", (title,)), TODAY, None, f"any {title}?")
    assert (call.function, call.arguments["date"], call.arguments["end_date"]) == ("list_events", *days)


def test_a_find_of_a_named_event_on_a_day_stays_a_find() -> None:
    call = resolve_call(SpanCall("find_event", ("dentist on Friday",)), TODAY, None, "when is the dentist on Friday?")
    assert call.function == "find_event"


@pytest.mark.parametrize(
    ("query", "phrases", "moved"),
    [
        (
            "verschieb mal den Kinoabend von heute auf morgen",
            ("Kinoabend", "heute", None, None),
            ("2026-12-03", "2026-12-04", None),
        ),
        (
            "move office hours on Monday from 10 to 11 am",
            ("office hours", "on Monday", None, "from 10 to 11 am"),
            ("2026-12-07", None, "11:00"),
        ),
        # a target inside the title is the title's
        (
            "move take the kids to school on Friday",
            ("take the kids to school", "on Friday", None, None),
            ("2026-12-04", None, None),
        ),
    ],
)
def test_a_moves_target_said_after_its_day_is_the_new_one(query: str, phrases: tuple, moved: tuple) -> None:
    call = resolve_call(SpanCall("move_event", phrases), TODAY, None, query)
    assert (call.arguments["date"], call.arguments["new_date"], call.arguments["new_time"]) == moved


@pytest.mark.parametrize(
    ("query", "phrases", "moved"),
    [
        (
            "i need to rebook data privacy weekend getaway to next thursday",
            ("data privacy", "weekend getaway to next thursday", None, None),
            ("data privacy weekend getaway", None, "2026-12-10", None),
        ),
        (
            "Verschieb den Termin mit Mehmet in der Mittagspause auf kommenden Donnerstag",
            ("Termin mit Mehmet", "in der Mittagspause auf kommenden Donnerstag", None, None),
            ("Termin mit Mehmet in der Mittagspause", None, "2026-12-10", None),
        ),
        (
            "change the birthday party on the twenty-sixth of december to 19 hundred",
            ("birthday party", None, "on the twenty-sixth of december", "to 19 hundred"),
            ("birthday party", "2026-12-26", None, "19:00"),
        ),
        (  # one day said once, copied as both: the target
            "I'll do weekend getaway for tomorrow at 21:00 instead",
            ("weekend getaway", "for tomorrow", "for tomorrow", "at 21:00"),
            ("weekend getaway", None, "2026-12-04", "21:00"),
        ),
        (  # said twice: both days stay as copied
            "move the dentist from tomorrow to the day after tomorrow",
            ("dentist", "tomorrow", "the day after tomorrow", None),
            ("dentist", "2026-12-04", "2026-12-05", None),
        ),
        (  # the day said after the new time is the new day
            "move the dentist to 3 pm on Friday",
            ("dentist", None, "on Friday", "to 3 pm"),
            ("dentist", None, "2026-12-04", "15:00"),
        ),
    ],
)
def test_a_moves_day_and_target_are_told_apart_by_their_prepositions(query: str, phrases: tuple, moved: tuple) -> None:
    """Words before "to"/"auf" that name no day are the title's; a day said with "on" before a target clock time is
    where the event is: the model mixes the slots up, the prepositions do not."""
    call = resolve_call(SpanCall("move_event", phrases), TODAY, None, query)
    args = call.arguments
    assert (args["title"], args["date"], args["new_date"], args["new_time"]) == moved


@pytest.mark.parametrize(
    ("query", "copied", "title", "first"),
    [
        (
            "Ab für morgen Termin in Köln jeden zweiten Donnerstag um viertel nach 8",
            "Ab für morgen",
            "Termin in Köln",
            "2026-12-10",  # the first other Thursday on or after tomorrow (today is Thursday the 3rd)
        ),
        (
            "Ab für morgen bei Jürgen Rechnungen abschicken jeden zweiten Donnerstag um viertel nach 8",
            "Ab für morgen bei Jürgen Rechnungen",
            "bei Jürgen Rechnungen abschicken",
            "2026-12-10",
        ),
        ("Ab Montag Chorprobe jeden zweiten Donnerstag um viertel nach 8", "Ab Montag", "Chorprobe", "2026-12-10"),
    ],
)
def test_a_series_first_day_said_first_is_no_part_of_its_title(query: str, copied: str, title: str, first: str) -> None:
    """ "Ab für morgen ...": the model copied the first day as the title; the day goes to its slot and the title is
    what is said after it, up to the next argument."""
    span = SpanCall(
        "create_recurring_event", (copied, None, "um viertel nach 8", None, "jeden zweiten Donnerstag", None)
    )
    call = resolve_call(span, TODAY, None, query)
    assert (call.arguments["title"], call.arguments["date"]) == (title, first)


def test_a_year_said_after_the_copied_day_is_part_of_it() -> None:
    query = "project alpha retro on March 3, 2025 at 10 am"
    span = SpanCall("create_event", ("project alpha retro", "on March 3", "2025 at 10 am", None))
    assert resolve_call(span, TODAY, "en", query).arguments["date"] == "2025-03-03"


def test_a_day_said_before_a_moves_new_time_is_its_day() -> None:
    span = SpanCall("move_event", ("dinner with Ben", None, None, "to 8 pm"))
    call = resolve_call(span, TODAY, "en", "Push dinner with Ben tonight to 8 pm")
    assert (call.arguments["date"], call.arguments["new_time"]) == ("2026-12-03", "20:00")


@pytest.mark.parametrize(
    ("query", "copied", "title", "day"),
    [
        (
            "füge mitarbeitergespräch zu christi himmelfahrt hinzu",
            "mitarbeitergespräch zu christi himmelfahrt",
            "mitarbeitergespräch",
            "2027-05-06",
        ),
        ("Remove lecture on Easter Sunday", "lecture on Easter Sunday", "lecture", "2027-03-28"),
        ("Cancel meeting with José on Labor Day", "meeting with José on Labor Day", "meeting with José", "2027-09-06"),
    ],
)
def test_a_day_named_by_several_words_at_the_titles_end_goes_whole(
    query: str, copied: str, title: str, day: str
) -> None:
    """ "Christi Himmelfahrt" copied into the title with the day left empty: the whole name is the day, not
    "Himmelfahrt" with "zu Christi" left in the title."""
    call = resolve_call(SpanCall("delete_event", (copied, None)), TODAY, None, query)
    assert (call.arguments["title"], call.arguments["date"]) == (title, day)


def test_a_year_a_copied_title_starts_with_is_the_titles() -> None:
    span = SpanCall("delete_event", ("2029 budget training session", "on the fourteenth of March"))
    call = resolve_call(span, TODAY, "en", "Cancel on the fourteenth of March 2029 budget training session.")
    assert (call.arguments["title"], call.arguments["date"]) == ("2029 budget training session", "2027-03-14")
    span = SpanCall("create_event", ("project alpha retro", "on March 3", "2025 at 10 am", None))  # a time's: a year
    call = resolve_call(span, TODAY, "en", "project alpha retro on March 3, 2025 at 10 am")
    assert (call.arguments["date"], call.arguments["time"]) == ("2025-03-03", "10:00")


@pytest.mark.parametrize(
    "query",
    [
        "Fitnessstudio am Sonntag finndet nicht statt lösch das",
        "Hausarzt 8. März fnidet nicht statt, lösch das",
        "Kochkurs am Sonntag findet nicht statt, lösch das",
    ],
)
def test_takes_place_typed_with_a_slip_is_no_instead(query: str) -> None:
    """ "findet nicht statt" ("does not take place") is a delete, also with the verb typed wrong; its "statt" is
    no "instead of" that would make the call a move."""
    title = query.split()[0]
    day = " ".join(query.split()[1:3])
    call = resolve_call(SpanCall("delete_event", (title, day)), TODAY, "de", query)
    assert call.function == "delete_event" and call.arguments["date"] is not None


def test_a_particle_that_opens_another_argument_stays_out_of_the_title() -> None:
    span = SpanCall("delete_event", ("take the dog to the vet", "in fourteen days"))
    call = resolve_call(span, TODAY, "en", "delete take the dog to the vet in fourteen days.")
    assert (call.arguments["title"], call.arguments["date"]) == ("take the dog to the vet", "2026-12-17")
    span = SpanCall("move_event", ("take the library books", None, "to thursday", None))  # "back" opens no day
    call = resolve_call(span, TODAY, "en", "so can you move take the library books back for today to thursday?")
    assert call.arguments["title"] == "take the library books back"


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("Put out the recycling every other Wednesday at 5 pm", "out the recycling", "Put out the recycling"),
        ("Put down the dentist for Friday", "the dentist", "dentist"),  # the request's verb and particle stay out
        ("Put out sick on my calendar through Tuesday", "out sick", "out sick"),  # "put ... on my calendar"
    ],
)
def test_a_title_that_starts_with_its_particle_takes_its_verb(query: str, copied: str, title: str) -> None:
    assert resolve_call(SpanCall("find_event", (copied,)), TODAY, "en", query).arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("Weißt du, wann ich zum Zahnarzt muss?", "zum Zahnarzt muss", "Zahnarzt"),
        ("Do you know when I have to go to the dentist?", "go to the dentist", "dentist"),
        ("Wann ist die Nachhilfe von Emma?", "Nachhilfe von Emma", "Nachhilfe von Emma"),
        ("when is the car service due", "car service due", "car service"),  # the question's word, v32's hand-written
        ("Wann ist die Steuererklärung fällig?", "Steuererklärung fällig", "Steuererklärung"),
        ("when is the due diligence call", "due diligence call", "due diligence call"),
    ],
)
def test_a_finds_title_is_the_event_not_the_way_there(query: str, copied: str, title: str) -> None:
    assert resolve_call(SpanCall("find_event", (copied,)), TODAY, None, query).arguments["title"] == title


def test_a_move_over_two_days_stays_a_move() -> None:
    """ "verschieb Yoga von Montag auf Mittwoch" said with "bis" is where it goes, never a day-long event."""
    span = SpanCall("move_event", ("Yoga", "von Montag", "bis Mittwoch", None))
    assert resolve_call(span, TODAY, "de", "verschieb Yoga von Montag bis Mittwoch").function == "move_event"


@pytest.mark.parametrize(
    ("query", "phrases", "date"),
    [
        (
            "Erinnere mich um 9 am Morgen ähm nein um 2 nachts an Essen mit Björn",
            ("Essen mit Björn", None, "um 2 nachts"),
            None,
        ),
        ("Trag Joggen um 7 am Morgen ein", ("Joggen", None, "um 7"), None),
        ("Trag Essen mit Björn morgen ein, um 9", ("Essen mit Björn", None, "um 9"), "2026-12-04"),
        ("Heute Morgen um 9 Essen mit Björn eintragen", ("Essen mit Björn", None, "um 9"), "2026-12-03"),
    ],
)
def test_the_morning_said_is_no_day(query: str, phrases: tuple[str | None, ...], date: str | None) -> None:
    """ "am Morgen" names the morning; only "morgen" said alone is tomorrow (seed 14's data had a
    reminder at 2 at night moved to tomorrow by the "Morgen" of its corrected time)."""
    call = resolve_call(SpanCall("create_event", (*phrases, None)), TODAY, "de", query)
    assert call.arguments["date"] == date


@pytest.mark.parametrize(
    ("query", "day", "expected"),
    [
        ("am 29.12.2030 ist Prüfungswoche.", "am 29.12.2030", ("Prüfungswoche", "2030-12-29", "2030-12-29")),
        (
            "Prüfungswoche ist vom 7. bis 11. Dezember",
            "vom 7. bis 11. Dezember",
            ("Prüfungswoche", "2026-12-07", "2026-12-11"),
        ),
        ("also, frei ist an diesem Wochenende.", "an diesem Wochenende", ("frei", "2026-12-05", "2026-12-06")),
        ("for tomorrow is funeral.", "for tomorrow", ("funeral", "2026-12-04", "2026-12-04")),
        (
            "essen mit rüdiger ist ist an diesem wochenende",
            "an diesem wochenende",
            ("essen mit rüdiger", "2026-12-05", "2026-12-06"),
        ),
        # never a question, the day said twice, nothing, or what is said of today
        ("Was ist morgen", "morgen", None),
        ("Ist morgen frei?", "morgen", None),
        ("Heute ist Montag", "Heute", None),
        ("morgen ist nichts los", "morgen", None),
        ("today is John's birthday", "today", None),
        ("march one is Susan's birthday right", "march one", None),
    ],
)
def test_a_statement_that_something_is_on_a_day_is_a_day_long_event(
    query: str, day: str, expected: tuple[str, str, str] | None
) -> None:
    """ "Prüfungswoche ist vom 7. bis 11. Dezember": v25 listed those days (7 rows of its generated split)."""
    call = resolve_call(SpanCall("list_events", (day, None)), TODAY, None, query)
    if expected is None:
        assert call.function == "list_events"
    else:
        assert call.function == "create_all_day_event"
        assert (call.arguments["title"], call.arguments["date"], call.arguments["end_date"]) == expected


@pytest.mark.parametrize(
    ("query", "function", "phrases", "expected"),
    [
        (
            "Termin mit Anna findet für morgen statt statt in drei Tagen.",
            "list_events",
            ("für morgen", None),
            ("Termin mit Anna", "2026-12-06", "2026-12-04", None),
        ),
        (
            "Der Zahnarzt ist jetzt am Freitag statt am Samstag",
            "list_events",
            ("am Freitag", None),
            ("Zahnarzt", "2026-12-05", "2026-12-04", None),
        ),
        (
            "the barbecue takes place on Sunday instead of Saturday",
            "list_events",
            ("on Sunday", None),
            ("barbecue", "2026-12-05", "2026-12-06", None),
        ),
        (
            "gitarrenunterricht findet montag statt statt heute",
            "create_recurring_event",
            ("gitarrenunterricht", "heute", None, None, "montag", None),
            ("gitarrenunterricht", "2026-12-03", "2026-12-07", None),
        ),
    ],
)
def test_news_that_an_event_takes_place_on_another_day_is_its_move(
    query: str, function: str, phrases: tuple[str | None, ...], expected: tuple[str | None, ...]
) -> None:
    """ "X findet <new> statt statt <old>": v25 read it as a listing of one of the days (4 rows of its split)."""
    call = resolve_call(SpanCall(function, phrases), TODAY, "de", query)
    assert call.function == "move_event"
    assert tuple(call.arguments.values()) == expected


@pytest.mark.parametrize(
    ("query", "function", "phrases", "title"),
    [
        (
            "Can you move the lawyer on the 30th of January to Saturday?",
            "move_event",
            ("move the lawyer", "on the 30th of January", "to Saturday", None),
            "lawyer",
        ),
        (
            "bring car service forward to half past three",
            "move_event",
            ("bring car service", None, None, "to half past three"),
            "car service",
        ),
        # the verb is the title's where another verb asks, it is said twice, or the title is the news
        (
            "Make move the drinks start at half past 3",
            "move_event",
            ("move the drinks", None, None, "at half past 3"),
            "move the drinks",
        ),
        (
            "I need to move move the car to Wednesday",
            "move_event",
            ("move the car", None, "to Wednesday", None),
            "move the car",
        ),
        (
            "move the car for today is now on Friday",
            "move_event",
            ("move the car", "for today", "on Friday", None),
            "move the car",
        ),
        (
            "move the fence needs to move to August 24",
            "move_event",
            ("move the fence", None, "to August 24", None),
            "move the fence",
        ),
        (
            "make book the flights a recurring event fortnightly at 9",
            "create_recurring_event",
            ("make book the flights", None, "at 9", None, "fortnightly", None),
            "book the flights",
        ),
        ("Add make dinner tomorrow at 7", "create_event", ("make dinner", "tomorrow", "at 7", None), "make dinner"),
        ("Add move on October 15 all day", "create_all_day_event", ("move", "on October 15", None), "move"),
    ],
)
def test_the_verb_that_asks_is_no_part_of_the_title(
    query: str, function: str, phrases: tuple[str | None, ...], title: str
) -> None:
    """ "move the lawyer", "make book the flights": v25 copied the request with the title (3 rows of its split)."""
    assert resolve_call(SpanCall(function, phrases), TODAY, "en", query).arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "phrases", "time"),
    [
        (
            "Plane am 18.12. um 10 Uhr abends 4 Stunden für Steuer ein",
            ("Steuer", "am 18.12.", "um 10 Uhr", "4 Stunden"),
            "22:00",
        ),
        ("Plane kommenden Dienstag mittags für Physio ein", ("Physio", "Dienstag mittags", None, None), "12:00"),
        (
            "Trag Physio am Dienstag um 10 Uhr ein, 2 Stunden",
            ("Physio", "am Dienstag", "um 10 Uhr", "2 Stunden"),
            "10:00",
        ),
    ],
)
def test_the_part_of_the_day_said_with_a_clock_or_a_day_is_read(
    query: str, phrases: tuple[str | None, ...], time: str
) -> None:
    """ "um 10 Uhr abends" copied as "um 10 Uhr" was 10:00, "Dienstag mittags" copied as the day had no time (v25)."""
    assert resolve_call(SpanCall("create_event", phrases), TODAY, "de", query).arguments["time"] == time


@pytest.mark.parametrize(
    ("query", "phrases", "expected"),
    [
        # the day a repetition falls on, copied as its end too: no end
        (
            "Einkaufen gehen jede Woche am Donnerstag 19:00",
            ("Einkaufen gehen", None, "19:00", None, "jede Woche am Donnerstag", "am Donnerstag"),
            ("Einkaufen gehen", "2026-12-03", "weekly", None),
        ),
        # a day said without "until" is when it starts
        (
            "i have the meter reading annually on august 15",
            ("the meter reading", None, None, None, "annually", "on august 15"),
            ("meter reading", "2027-08-15", "yearly", None),
        ),
        # "until" said, or typed a letter off, is the end
        (
            "choir every Monday at 7 pm utnil December 21",
            ("choir", None, "at 7 pm", None, "every Monday", "December 21"),
            ("choir", "2026-12-07", "weekly", "2026-12-21"),
        ),
        (
            "Chor jeden Montag bis zum 21.12. um 19 Uhr",
            ("Chor", None, "um 19 Uhr", None, "jeden Montag", "zum 21.12."),
            ("Chor", "2026-12-07", "weekly", "2026-12-21"),
        ),
        # how often copied at the title's start goes; a title's own word said twice stays
        (
            "bitte, trag täglich essen mit sabine ein",
            ("täglich essen mit sabine", None, None, None, "täglich", None),
            ("essen mit sabine", "2026-12-03", "daily", None),
        ),
        (
            "Set up a recurring daily standup daily",
            ("daily standup", None, None, None, "daily", None),
            ("daily standup", "2026-12-03", "daily", None),
        ),
    ],
)
def test_a_series_end_is_said_with_its_until(
    query: str, phrases: tuple[str | None, ...], expected: tuple[str | None, ...]
) -> None:
    """v25 ended "jede Woche am Donnerstag" on its first Thursday and "annually on August 15" on August 15."""
    a = resolve_call(SpanCall("create_recurring_event", phrases), TODAY, None, query).arguments
    assert (a["title"], a["date"], a["frequency"], a["until"]) == expected


@pytest.mark.parametrize(
    ("query", "phrases", "title"),
    [
        # a place, topic or company said after the copied title belongs to it
        (
            "Ich habe jeden Monat um 1 am Nachmittag Spanischkurs mit Mehmet von der Kita",
            ("Spanischkurs mit Mehmet", None, "um 1 am Nachmittag", None, "jeden Monat", None),
            "Spanischkurs mit Mehmet von der Kita",
        ),
        ("Look up sprint planning in London.", ("sprint planning",), "sprint planning in London"),
        ("trag seminar im 3. stock ein, in 4 tagen", ("seminar", "in 4 tagen", None, None), "seminar im 3. stock"),
        (
            "from Sunday until Saturday is weekend getaway about the lease",
            ("weekend getaway", "from Sunday until Saturday", None),
            "weekend getaway about the lease",
        ),
        # a widened place before it keeps its preposition ("Büro Steuererklärung" was half of it)
        (
            "Ich habe morgen im Büro Steuererklärung bezahlen.",
            ("Steuererklärung bezahlen", "morgen", None, None),
            "im Büro Steuererklärung bezahlen",
        ),
        # a day copied with the title's tail in front of it leaves the tail to the title
        (
            "please clear Christmas party on Q4 goals on October 9 from my schedule.",
            ("Christmas party", "on Q4 goals on October 9"),
            "Christmas party on Q4 goals",
        ),
        (
            "Trag im Dezember zu Hause Steuererklärung abschicken ein.",
            ("Steuererklärung abschicken", "im Dezember", None),
            "zu Hause Steuererklärung abschicken",
        ),
        # never when, where events are kept, a pronoun, a weekday typed a letter off or a bare "at"
        ("add yoga in the morning", ("yoga", None, None, None), "yoga"),
        ("erinnere mich an mein treffen in ein paar stunden", ("treffen", None, None, None), "treffen"),
        ("put lunch with Anna on my calendar", ("lunch with Anna", None, None, None), "lunch with Anna"),
        ("Zahnarzt im Terminplan für Freitag eintragen", ("Zahnarzt", "für Freitag", None, None), "Zahnarzt"),
        ("plan a meeting with us tomorrow", ("meeting", "tomorrow", None, None), "meeting"),
        ("add dentist on Tuhrsday", ("dentist", None, None, None), "dentist"),
        (
            "book pick up the prescription at oh five to one",
            ("pick up the prescription", None, None, None),
            "pick up the prescription",
        ),
        (
            "ich will zu Sandras Geburtstag am Samstag gehen",
            ("Geburtstag", "am Samstag", None, None),
            "Sandras Geburtstag",
        ),
    ],
)
def test_a_place_said_next_to_a_title_belongs_to_it(query: str, phrases: tuple, title: str) -> None:
    """The model stops a title at a preposition, a template word ("Spanischkurs mit Mehmet" of "... von der
    Kita"): the place, topic or company said there is part of what the person named."""
    makers = {6: "create_recurring_event", 3: "create_all_day_event", 2: "delete_event", 1: "find_event"}
    function = makers.get(len(phrases), "create_event")
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "span", "date"),
    [
        ("clear my calendar for saturday", SpanCall("list_events", ("for saturday", None)), "saturday"),
        ("erase all the events in the calendar", SpanCall("list_events", (None, None)), None),
        ("wipe everything on my calendar", SpanCall("list_events", (None, None)), None),
        ("get rid of the events on the nineteenth", SpanCall("list_events", ("on the nineteenth", None)), "19"),
        ("mach meinen kalender für samstag frei", SpanCall("list_events", ("samstag", None)), "saturday"),
        ("lösche alle Termine am Freitag", SpanCall("delete_event", ("Termine", "am Freitag")), "friday"),
        ("streiche alle meine geplanten termine", SpanCall(None, ()), None),
        ("erase all calendar events on friday", SpanCall("delete_event", ("calendar", "on friday")), "friday"),
        ("clear every single event off my calendar", SpanCall("list_events", (None, None)), None),
        ("reset my whole calendar", SpanCall("list_events", (None, None)), None),
        ("clear current schedule", SpanCall(None, ()), None),
        ("lösch mein kalender für morgen", SpanCall("list_events", ("morgen", None)), "friday"),
        ("meinen kalender zurücksetzen", SpanCall("list_events", (None, None)), None),
        ("remove calendar events for friday", SpanCall("delete_event", ("calendar", "for friday")), "friday"),
        (
            "sag alle Termine für morgen ab und sag Jan Bescheid",
            SpanCall("list_events", ("für morgen", None)),
            "friday",
        ),
        # read as a series said "every event": an error of the reading, not of the request
        (
            "delete every event",
            SpanCall("create_recurring_event", ("event", None, None, None, "every event", None)),
            None,
        ),
    ],
)
def test_a_request_to_clear_a_day_deletes_every_event_of_it(query: str, span: SpanCall, date: str | None) -> None:
    """The model reads "clear my calendar for Saturday" as a listing of it: the request says delete, and what
    it deletes is every event of that one day (the dialog lists them and asks first; no day said: it asks)."""
    call = resolve_call(span, TODAY, None, query)
    assert call.function == "delete_event" and names_every_event(call.arguments["title"])
    day = call.arguments["date"]
    if date is None:
        assert day is None
    elif date.isdigit():
        assert dt.date.fromisoformat(day).day == int(date)
    else:
        assert dt.date.fromisoformat(day).strftime("%A").lower() == date


@pytest.mark.parametrize(
    ("query", "span", "function"),
    [
        ("Remove massage from my calendar on 17 April.", SpanCall("delete_event", ("massage", "on 17 April")), None),
        (
            "clear everything off my calendar for the rest of the week",
            SpanCall("list_events", ("this week", None)),
            "list_events",
        ),
        ("sage alle termine nach fünfzehn uhr heute ab", SpanCall(None, ()), "no_call"),
        ("Sag mir alle Termine ab Montag", SpanCall("list_events", ("ab Montag", None)), "list_events"),
        ("delete all my emails", SpanCall(None, ()), "no_call"),
        ("remove all appointments with the dentist", SpanCall("delete_event", ("dentist", None)), None),
        ("alle Termine mit Anna morgen löschen", SpanCall("delete_event", ("Termine mit Anna", "morgen")), None),
        ("cancel my gym membership", SpanCall(None, ()), "no_call"),
    ],
)
def test_what_is_no_day_to_clear_stays_as_read(query: str, span: SpanCall, function: str | None) -> None:
    """A named event, a span of days, part of a day ("nach fünfzehn Uhr") or something that is no event is not
    a cleared day: the assistant clears one whole day at a time and nothing else."""
    call = resolve_call(span, TODAY, None, query)
    if function == "no_call":
        assert call.function is None
    elif function is None:
        assert call.function == "delete_event" and not names_every_event(call.arguments["title"])
    else:
        assert call.function == function


@pytest.mark.parametrize(
    ("query", "span", "date", "time"),
    [
        ("add an event to my calendar", SpanCall("list_events", (None, None)), None, None),
        ("i need you to put this event in my calendar", SpanCall("list_events", (None, None)), None, None),
        ("please create a new appointment", SpanCall(None, ()), None, None),
        ("set a calendar event", SpanCall("list_events", (None, None)), None, None),
        ("alexa add event", SpanCall("create_event", ("event", None, None, None)), None, None),
        (
            "google calendar add event for the tenth of december",
            SpanCall("list_events", ("the tenth of december", None)),
            "2026-12-10",
            None,
        ),
        (
            "schedule an appointment tomorrow at 3",
            SpanCall("create_event", ("appointment", "tomorrow", "at 3", None)),
            "2026-12-04",
            "15:00",
        ),
        (
            "add an event for the tenth of december",
            SpanCall("create_event", ("the tenth of december", None, None, None)),
            "2026-12-10",
            None,
        ),
        (
            "füg einen Termin zu meinem Kalender hinzu",
            SpanCall("create_event", ("Termin", None, None, None)),
            None,
            None,
        ),
        (
            "ich möchte einen neuen eintrag in meinen kalender eintragen",
            SpanCall("list_events", (None, None)),
            None,
            None,
        ),
        (
            "neuer Termin am Montag um 9",
            SpanCall("create_event", ("Termin", "am Montag", "um 9", None)),
            "2026-12-07",
            "09:00",
        ),
        ("Kannst du bitte eine Veranstaltung erstellen", SpanCall(None, ()), None, None),
    ],
)
def test_a_request_to_add_an_event_that_names_none_asks_what(
    query: str, span: SpanCall, date: str | None, time: str | None
) -> None:
    """ "add an event to my calendar" names nothing to put in: the model lists today for most of these or copies
    the noun as the title. The person wants to add one: a create whose title is asked, at the day and time said."""
    call = resolve_call(span, TODAY, None, query)
    assert call.function == "create_event"
    assert call.arguments["title"] is None
    assert (call.arguments["date"], call.arguments["time"]) == (date, time)


@pytest.mark.parametrize(
    ("query", "span", "function", "title"),
    [
        (
            "add an appointment with the dentist",
            SpanCall("create_event", ("appointment with the dentist", None, None, None)),
            "create_event",
            "appointment with the dentist",
        ),
        (
            "New event: quarterly review with Tom",
            SpanCall("create_event", ("quarterly review with Tom", None, None, None)),
            "create_event",
            "quarterly review with Tom",
        ),
        ("events tomorrow", SpanCall("list_events", ("tomorrow", None)), "list_events", None),
        ("Termine am Montag", SpanCall("list_events", ("am Montag", None)), "list_events", None),
        ("new events this week", SpanCall("list_events", ("this week", None)), "list_events", None),
        ("add an event for next week", SpanCall("list_events", ("next week", None)), "list_events", None),
        ("delete the event", SpanCall("delete_event", ("event", None)), "delete_event", "event"),
        ("make this event recurring", SpanCall(None, ()), None, None),
    ],
)
def test_what_names_an_event_or_asks_is_no_bare_add(
    query: str, span: SpanCall, function: str | None, title: str | None
) -> None:
    """An event named, a look at the calendar, a span of days or a change of an event stay as read."""
    call = resolve_call(span, TODAY, None, query)
    assert call.function == function
    if title is not None:
        assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "span", "function", "value"),
    [
        (
            "habe ich am Montag um zehn das Meeting mit Jan",
            SpanCall("create_event", ("Meeting mit Jan", "am Montag", "um zehn", None)),
            "list_events",
            "2026-12-07",
        ),
        (
            "gibt es morgen ein Treffen um zehn",
            SpanCall("create_event", ("Treffen", "morgen", "um zehn", None)),
            "list_events",
            "2026-12-04",
        ),
        (
            "bin ich am Sonntag um fünf erreichbar",
            SpanCall("create_event", ("ich am Sonntag", "am Sonntag", None, None)),
            "list_events",
            "2026-12-06",
        ),
        ("do I have the party at 8", SpanCall("create_event", ("party", None, "at 8", None)), "find_event", "party"),
        # a request said with it: made
        (
            "hab ich morgen um 10 zeit? dann trag zahnarzt ein",
            SpanCall("create_event", ("zahnarzt", "morgen", "um 10", None)),
            "create_event",
            "zahnarzt",
        ),
        (
            "Ich habe morgen um zehn ein Meeting mit Jan",
            SpanCall("create_event", ("Meeting mit Jan", "morgen", "um zehn", None)),
            "create_event",
            "Meeting mit Jan",
        ),
        # a look asked in so many words, or whether it is off
        (
            "die morgigen Termine anzeigen",
            SpanCall("create_event", ("morgigen", None, None, None)),
            "list_events",
            "2026-12-04",
        ),
        (
            "zeig mir die Tagungen im Januar",
            SpanCall("create_all_day_event", ("Tagungen", "im Januar", None)),
            "list_events",
            "2027-01-01",
        ),
        (
            "read me the details of the event on the 10th at 2 pm",
            SpanCall("create_event", ("details of the event", "on the 10th", "at 2 pm", None)),
            "list_events",
            "2026-12-10",
        ),
        (
            "ist das Grillfest am Samstag abgesagt",
            SpanCall("delete_event", ("Grillfest", "am Samstag")),
            "list_events",
            "2026-12-05",
        ),
        ("is the yoga class cancelled", SpanCall("delete_event", ("yoga class", None)), "find_event", "yoga class"),
        ("yoga is cancelled", SpanCall("delete_event", ("yoga", None)), "delete_event", "yoga"),
        (
            "Show at the Apollo tomorrow at 8",
            SpanCall("create_event", ("Show at the Apollo", "tomorrow", "at 8", None)),
            "create_event",
            "Show at the Apollo",
        ),
    ],
)
def test_a_question_whether_it_is_on_is_a_look_not_a_new_event(
    query: str, span: SpanCall, function: str, value: str
) -> None:
    """German asks with the verb first ("habe ich ... um zehn ..."): the model reads a question with a time as a
    new event. It is a look at the day (whether it is there), or the find of it; "Ich habe ..." states one."""
    call = resolve_call(span, TODAY, None, query)
    assert call.function == function
    assert value in call.arguments.values()


@pytest.mark.parametrize(
    ("query", "span", "next_event"),
    [
        ("entferne mein nächstes ereignis", SpanCall("list_events", (None, None)), True),
        ("remove succeeding event", SpanCall(None, ()), True),
        ("clear my next activity", SpanCall("list_events", (None, None)), True),
        ("entferne bitte meinen nächsten geplanten termin", SpanCall("delete_event", ("termin", None)), True),
        ("cancel my next meeting", SpanCall("delete_event", ("meeting", None)), False),  # names meetings
        ("lösche den nächsten Termin mit Anna", SpanCall("delete_event", ("Termin mit Anna", None)), False),
        ("what is my next event", SpanCall("list_events", (None, None)), False),
        ("delete the next appointment in my calendar", SpanCall("list_events", (None, None)), True),
        ("lösche den nächsten Termin im Büro", SpanCall("delete_event", ("Büro", None)), False),
    ],
)
def test_a_request_to_delete_the_next_event_deletes_whatever_comes_next(
    query: str, span: SpanCall, next_event: bool
) -> None:
    """ "remove my next event" names no title: it is the next upcoming event's delete, which the dialog names
    and asks about. A next event with a name ("meeting", "mit Anna") is a delete of that name."""
    call = resolve_call(span, TODAY, None, query)
    assert (call.function == "delete_event" and names_next_event(call.arguments["title"])) is next_event


@pytest.mark.parametrize(
    ("query", "day", "made"),
    [
        ("i have a meeting at noon today", "today", ("meeting", "12:00", 60)),
        ("i am having a meeting on tomorrow set it", "tomorrow", ("meeting", None, 60)),
        (
            "ich habe morgen eine Veranstaltung in Bonn, erinner mich daran",
            "morgen",
            ("Veranstaltung in Bonn", None, 60),
        ),
        ("ich habe morgen von 14 bis 16 Uhr ein Meeting", "morgen", ("Meeting", "14:00", 120)),
        ("I have a dentist appointment tomorrow at 3 pm", "tomorrow", ("dentist appointment", "15:00", 60)),
        # a question, "a lot of", "a busy day": what is on the day, no event
        ("do I have a meeting today", "today", None),
        ("habe ich morgen einen Termin?", "morgen", None),
        ("I have a lot of meetings today", "today", None),
        ("ich habe morgen einen vollen Tag", "morgen", None),
        ("i have a busy day tomorrow", "tomorrow", None),
        ("i have a dentist appointment on monday morning true or false", "monday morning", None),
        ("ich habe morgen einen Termin beim Zahnarzt, oder", "morgen", None),
        # no article said (MASSIVE train, unseen): still an event; what "I have" starts that is none stays
        ("i have choir practice tomorrow at six", "tomorrow", ("choir practice", "18:00", 60)),
        ("ich habe Physiotherapie am Montag um 8", "am Montag", ("Physiotherapie", "08:00", 60)),
        ("i have to go to work tomorrow", "tomorrow", None),
        ("i have nothing on friday", "friday", None),
        ("i have nothing on thursday", "thursday", None),
    ],
)
def test_a_statement_that_one_has_an_event_on_a_day_is_that_event(
    query: str, day: str, made: tuple[str, str | None, int] | None
) -> None:
    """ "I have a meeting at noon today" tells the calendar what is on: v25 read it as a listing of the day."""
    call = resolve_call(SpanCall("list_events", (day, None)), TODAY, None, query)
    if made is None:
        assert call.function == "list_events"
        return
    assert call.function == "create_event"
    assert (call.arguments["title"], call.arguments["time"], call.arguments["duration_minutes"]) == made


@pytest.mark.parametrize(
    ("query", "phrases", "now", "expected"),
    [
        (
            "Erinnere mich in 20 Minuten an den Kuchen",
            ("Kuchen", None, None, "20 Minuten"),
            "23:50",
            ("+1", "00:10", 60),
        ),
        ("add a call with Bob in 15 minutes", ("call with Bob", None, None, None), "09:00", ("0", "09:15", 60)),
        (
            "Trag in 30 Minuten Telefonat mit Anna ein, 45 Minuten lang",
            ("Telefonat mit Anna", None, None, "45 Minuten"),
            "10:00",
            ("0", "10:30", 45),
        ),
        ("remind me in an hour to call mom", ("call mom", None, None, "in an hour"), None, (None, None, 60)),
        ("Yoga in 2 hours at 5 pm", ("Yoga", None, "at 5 pm", None), "09:00", (None, "17:00", 60)),  # the clock
        (
            "Meeting morgen um 10 für 30 Minuten",
            ("Meeting", "morgen", "um 10", "für 30 Minuten"),
            "09:00",
            ("+1", "10:00", 30),
        ),
        ("Block 2 hours in the afternoon for focus", ("focus", None, None, "2 hours"), "09:00", (None, None, 120)),
        # the model copied the offset with the word after it as the length (session 36): still when, not how long
        (
            "remind me in 20 minutes to check the oven",
            ("check the oven", None, None, "in 20 minutes to"),
            "14:00",
            ("0", "14:20", 60),
        ),
    ],
)
def test_a_start_said_from_now_is_read_from_the_clock(
    query: str, phrases: tuple, now: str | None, expected: tuple[str | None, str | None, int]
) -> None:
    """ "in 20 Minuten" says when, not how long; with the time of day it is now plus that much (past midnight:
    tomorrow), without it the event asks when."""
    clock = dt.time.fromisoformat(now) if now else None
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query, clock)
    day, time, length = expected
    date = None if day is None else (TODAY + dt.timedelta(days=int(day))).isoformat()
    assert (call.arguments["date"], call.arguments["time"], call.arguments["duration_minutes"]) == (date, time, length)


@pytest.mark.parametrize(
    ("query", "phrases", "title"),
    [
        ("Erinnere mich in 20 Minuten an den Kuchen", ("Erinnere mich", None, None, "20 Minuten"), "Kuchen"),
        ("remind me tomorrow at 5 about the laundry", ("remind me", "tomorrow", "at 5", None), "laundry"),
        ("Erinnere mich morgen um 8", ("Erinnere mich", "morgen", "um 8", None), None),  # asked what for
        ("remind me about it tomorrow", ("remind me", "tomorrow", None, None), None),
    ],
)
def test_what_a_reminder_is_for_is_read_when_the_model_copied_only_the_request(
    query: str, phrases: tuple, title: str | None
) -> None:
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("function", "query", "phrases", "date"),
    [
        ("create_all_day_event", "Trag Weihnachten ein", ("Weihnachten", None, None), "12-25"),
        ("create_event", "put Christmas in my calendar", ("Christmas", None, None, None), "12-25"),
        ("create_all_day_event", "Trag Heiligabend bei Oma ein", ("Heiligabend bei Oma", None, None), "12-24"),
        ("create_event", "Christmas party at 7 pm", ("Christmas party", None, "at 7 pm", None), None),  # no day said
        ("create_event", "Weihnachtsessen um 18 Uhr", ("Weihnachtsessen", None, "um 18 Uhr", None), None),
    ],
)
def test_a_new_event_named_after_a_holiday_is_on_it(
    function: str, query: str, phrases: tuple, date: str | None
) -> None:
    """ "Trag Weihnachten ein" is Christmas, not today; a holiday's party or dinner still asks which day."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert (call.arguments["date"] or "")[5:] == (date or "")


@pytest.mark.parametrize(
    ("query", "day", "made"),
    [
        ("Impftermin am ersten Dezember um viertel nach zehn", "am ersten Dezember", ("Impftermin", "10:15")),
        ("dentist appointment tomorrow at 3 pm", "tomorrow", ("dentist appointment", "15:00")),
        ("Termine am Freitag um 9", "am Freitag", None),  # a listing's words
        ("Was habe ich am Freitag um 9", "am Freitag", None),
        ("give me today's calendar events after six pm", "today's", None),
        ("Zahnarzt am Freitag", "am Freitag", None),  # no clock time: as read
    ],
)
def test_a_bare_title_with_its_day_and_time_is_that_event(query: str, day: str, made: tuple | None) -> None:
    """ "Impftermin am ersten Dezember um viertel nach zehn" (no verb) was read as a listing of the day."""
    call = resolve_call(SpanCall("list_events", (day, None)), TODAY, None, query)
    if made is None:
        assert call.function == "list_events"
    else:
        assert call.function == "create_event"
        assert (call.arguments["title"], call.arguments["time"]) == made


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Do I have an orthopedist appointment coming up?", "orthopedist appointment"),
        ("Habe ich demnächst einen Termin beim Zahnarzt?", "Termin beim Zahnarzt"),
        ("Do I have any meetings?", None),
        ("do I have any events planned for the next three months", None),
        ("do I have a busy day?", None),
    ],
)
def test_whether_a_named_event_is_ahead_is_its_find(query: str, title: str | None) -> None:
    call = resolve_call(SpanCall("list_events", (None, None)), TODAY, None, query)
    if title is None:
        assert call.function == "list_events"
    else:
        assert call.function == "find_event" and call.arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "days"),
    [
        ("Wie sieht meine Woche aus?", ("2026-11-30", "2026-12-06")),
        ("How does my week look?", ("2026-11-30", "2026-12-06")),
        ("what does my weekend look like", ("2026-12-05", "2026-12-06")),
        ("What do I have this week?", ("2026-11-30", "2026-12-06")),
        ("what is on my calendar from monday to wednesday", ("2026-12-07", "2026-12-09")),
        ("was habe ich vom 3. bis 5. Januar", ("2027-01-03", "2027-01-05")),
        ("Was steht an?", ("2026-12-03", "2026-12-03")),  # no day said: today
        ("Show my meetings", ("2026-12-03", "2026-12-03")),
    ],
)
def test_a_listing_with_no_day_copied_lists_the_days_the_query_says(query: str, days: tuple) -> None:
    """v25 copied nothing of "How does my week look?" and listed today."""
    call = resolve_call(SpanCall("list_events", (None, None)), TODAY, None, query)
    assert (call.arguments["date"], call.arguments["end_date"]) == days


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Wie sieht mein Tag aus?", True),
        ("Wie sieht es morgen aus?", True),
        ("wie sieht's morgen bei mir aus", True),
        ("wie sieht mein kalender für nächste woche aus", True),
        ("What does my day look like?", True),
        ("What does tomorrow look like?", True),
        ("what's my upcoming week look like", True),
        ("how is my day looking", True),
        ("So what does Monday look like?", True),
        ("Wie sieht's aus?", False),  # small talk
        ("wie sieht es heute beim wetter aus", False),
        ("wie sieht der alarm für morgen aus", False),
        ("what does the traffic look like on my usual route to work", False),
        ("what does my facebook feed look like", False),
        ("what does a grapefruit look like", False),
        ("what does it look like", False),
        ("how do I look today", False),
        ("Wie voll ist mein Montag?", True),  # how full a day is (session 38)
        ("wie voll ist nächste woche", True),
        ("How busy is my Monday?", True),
        ("Wie voll ist der Tank?", False),
        ("How full is the parking garage", False),
    ],
)
def test_how_a_day_looks_is_a_look_at_the_calendar(query: str, asks: bool) -> None:
    """The caller lists these where the model declines them; the weather, the traffic and things never."""
    assert asks_how_days_look(query) is asks


@pytest.mark.parametrize(
    ("function", "query", "phrases", "title"),
    [
        ("create_event", "mail the tax forms on Monday at 9", ("tax forms", "on Monday", "at 9", None), None),
        (
            "create_recurring_event",
            "hey check the rent payment monthly on the 1st at 10 am",
            ("rent payment", None, "at 10 am", None, "monthly", None),
            "check the rent payment",
        ),
        ("create_event", "Put the car wash on Saturday", ("Put the car wash", "on Saturday", None, None), "car wash"),
        ("create_event", "Put the bins out on Tuesday", ("Put the bins out", "on Tuesday", None, None), None),
        ("create_event", "Add the dentist on Friday", ("dentist", "on Friday", None, None), "dentist"),
        ("create_event", "Book the hotel for Friday", ("hotel", "for Friday", None, None), "hotel"),
        ("find_event", "check the dentist appointment", ("dentist appointment",), "dentist appointment"),
        ("delete_event", "Delete the 2 pm meeting", ("meeting", None), "meeting"),
    ],
)
def test_a_task_keeps_its_verb_and_a_request_loses_its_own(
    function: str, query: str, phrases: tuple, title: str | None
) -> None:
    """ "mail the tax forms": the to-do's verb and article belong to the title; "put" (a day after the title),
    "add", "book" ask for the event; a clock time before the title is no part of it ("the 2 pm meeting")."""
    call = resolve_call(SpanCall(function, phrases), TODAY, None, query)
    assert call.arguments["title"] == (title or query.split(" on ")[0])


@pytest.mark.parametrize(
    ("query", "title", "kept"),
    [
        ("I'd like to book a lawyer at 12:00 on Friday", "book a lawyer", "lawyer"),
        (
            "Set up a call with the Berlin office on Friday at 10 am",
            "Set up a call with the Berlin office",
            "call with the Berlin office",
        ),
        ("uh set up print the wedding gift on Friday at 7", "set up print the wedding gift", "print the wedding gift"),
        (
            "arrange passport appointment with lisa on Friday at 9",
            "arrange passport appointment with lisa",
            "passport appointment with lisa",
        ),
        ("at 8 pm on Friday, plan a grocery shopping", "plan a grocery shopping", "grocery shopping"),
        ("I'd like like to set up a car service on Friday at 8", "set up a car service", "car service"),
        ("like set up all-hands in London on Friday at 9", "set up all-hands in London", "all-hands in London"),
        ("book club on Friday at 3", "book club", "book club"),
        ("plan B on Friday at 3", "plan B", "plan B"),
        ("book the flights on Friday at 9", "book the flights", "book the flights"),
        ("set up the guest room on Friday at 9", "set up the guest room", "set up the guest room"),
        ("add set up flowers for Mom on Friday at 9", "set up flowers for Mom", "set up flowers for Mom"),
        ("remind me to book a table at Luigi's on Friday at 6", "book a table at Luigi's", "book a table at Luigi's"),
    ],
)
def test_an_arranging_verb_said_as_the_request_is_no_part_of_the_title(query: str, title: str, kept: str) -> None:
    """ "Set up a call", "book a lawyer": the verb asks for the event, as the hand-written set and the templates
    read it; "book club", "book the flights" and a verb after another request ("add set up flowers") stay."""
    call = resolve_call(SpanCall("create_event", (title, "on Friday", None, None)), TODAY, "en", query)
    assert call.arguments["title"] == kept


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("Please block out time for passport appointment on Saturday at 9", "time for passport appointment", None),
        ("schedule some time for reading on Saturday at 8", "time for reading", "reading"),
        ("Blockier Zeit für Fokusarbeit am Samstag um 9", "Zeit für Fokusarbeit", "Fokusarbeit"),
        ("add time for reflection on Saturday at 9", "time for reflection", "time for reflection"),
    ],
)
def test_time_blocked_for_something_is_an_event_named_by_what_it_is_for(
    query: str, copied: str, title: str | None
) -> None:
    """ "block out time for X": the request makes the time, X is the event; "add time for reflection" names it so."""
    call = resolve_call(SpanCall("create_event", (copied, "on Saturday", "at 9", None)), TODAY, None, query)
    assert call.arguments["title"] == (title or "passport appointment")


@pytest.mark.parametrize(
    ("query", "copied", "title"),
    [
        ("on call this weekend", "call", "on call"),
        ("Put down on call for July 2 through 5.", "call", "on call"),
        ("note on duty on Saturday, all day", "duty", "on duty"),
        ("mark me on leave from May 2 to 5", "leave", "on leave"),
        ("I'm on vacation next week", "vacation", "vacation"),
        ("conference call on Saturday, all day", "conference call", "conference call"),
        ("call mom on Saturday, all day", "call mom", "call mom"),
        ("depend on call centre training Saturday", "call centre training", "call centre training"),
    ],
)
def test_a_status_keeps_the_on_that_makes_it_one(query: str, copied: str, title: str) -> None:
    """ "on call" is no phone call, "on leave" no leaving: the "on" the model stops at stays with these; other
    titles are not widened over an "on"."""
    call = resolve_call(SpanCall("create_all_day_event", (copied, "on Saturday", None)), TODAY, "en", query)
    assert call.arguments["title"] == title


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("Jeden ersten Montag im Monat Teammeeting um 10", "ersten Montag im Monat"),
        ("team sync every first Monday of the month at 9", "first Monday of the month"),
        ("book club the second Tuesday of every month at 7 pm", "second Tuesday of every month"),
        ("am letzten Freitag jeden Monats Stammtisch um 19 Uhr", "letzten Freitag jeden Monats"),
        ("once a month on the last Friday drinks at 6", "once a month on the last Friday"),
    ],
)
def test_a_series_on_a_weekday_of_the_month_is_refused_in_the_users_language(query: str, phrase: str) -> None:
    """The contract's "monthly" repeats the day of the month: such a series was a single event on the next
    Monday, said as done. Now nothing is made, and the reply names what can be."""
    for function, phrases in (
        ("create_event", ("Teammeeting", None, "um 10", None)),
        ("create_recurring_event", ("Teammeeting", None, "um 10", None, phrase, None)),
    ):
        with pytest.raises(CallError) as caught:
            resolve_call(SpanCall(function, phrases), TODAY, None, query)
        assert phrase in caught.value.reason("de") and "kann ich nicht anlegen" in caught.value.reason("de")
        assert phrase in caught.value.reason("en") and "I cannot make a series" in caught.value.reason("en")
    kept = resolve_call(
        SpanCall("create_event", ("Stammtisch", "am ersten Freitag im Januar", "um 19 Uhr", None)), TODAY
    )
    assert kept.function == "create_event"  # one day, said once: no series asked


@pytest.mark.parametrize(
    ("query", "minutes"),
    [
        ("Push my dentist appointment back an hour", 60),
        ("Verschieb das Meeting um eine Stunde nach hinten", 60),
        ("move the call thirty minutes later", 30),
        ("bring the standup forward by half an hour", -30),
        ("verschieb den Zahnarzt eine halbe Stunde nach vorne", -30),
        ("zieh das Training 15 Minuten vor", -15),
        ("an hour and a half later", 90),
        ("verschieb das Meeting um eine Stunde", 60),
        ("move the meeting up by 30 minutes", -30),
        ("move the meeting to 3", None),
        ("move the meeting in 2 hours", None),  # a start from now, not a shift
        ("Verschieb den Friseur auf Freitag", None),
        ("Trag eine Stunde lang Joggen ein", None),  # how long
        ("push it back a week", 7 * 1440),  # days and weeks (session 34)
        ("verschieb den Friseur um zwei Tage nach hinten", 2 * 1440),
        ("move the meeting two days earlier", -2 * 1440),
        ("bring the dentist forward by a week", -7 * 1440),
        ("verschieb das Meeting um eine Woche", 7 * 1440),
        ("Urlaub für 2 Wochen verschieben", None),  # how long
        ("move the dinner in 3 days", None),  # a day from now
    ],
)
def test_a_move_by_a_length_is_read_with_its_direction(query: str, minutes: int | None) -> None:
    assert said_shift(query) == minutes


@pytest.mark.parametrize(
    ("query", "removes"),
    [
        ("Sag alle Termine morgen ab", True),
        ("Cancel everything tomorrow", True),
        ("Lösch den Zahnarzt", True),
        ("Yoga morgen fällt aus", True),
        ("Can you add the team offsite on the 15th and 16th", False),
        ("Trag Handyabo kündigen für Freitag ein", False),
    ],
)
def test_a_delete_is_said_in_words(query: str, removes: bool) -> None:
    """The caller lets a delete the query says no word of become an event when it asks to add one."""
    assert says_to_remove(query) is removes


def test_every_reason_a_call_fails_is_said_in_both_languages() -> None:
    """A German user heard "I could not understand the date ..." inside a German sentence."""
    cases = [
        (
            lambda: resolve_call(SpanCall("create_event", ("Zahnarzt", "am 30. Februar", "um 9", None)), TODAY),
            "30. Feb",
        ),
        (lambda: resolve_call(SpanCall("create_event", ("Zahnarzt", "morgen", "um 25 Uhr", None)), TODAY), "25 Uhr"),
        (lambda: Call("create_all_day_event", {"title": "U", "date": "2026-12-10", "end_date": "2026-12-05"}), "12-05"),
        (lambda: Call("list_events", {"date": "2026-12-10", "end_date": "2028-12-05"}), "2028-12-05"),
        (
            lambda: Call("create_event", {"title": "Z", "date": "2226-12-10", "time": None, "duration_minutes": 60}),
            "2226",
        ),
        (lambda: Call("create_event", {"title": "Z", "date": None, "time": None, "duration_minutes": 5000}), "5000"),
    ]
    for make, detail in cases:
        with pytest.raises(CallError) as caught:
            make()
        de, en = caught.value.reason("de"), caught.value.reason("en")
        assert detail in de and detail in en and de != en, (de, en)
        assert caught.value.message("de").startswith("Ungültiger Aufruf: ") and de in caught.value.message("de")


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Verschieb den Zahnarzt", True),
        ("schieb bitte steuererklärung abgeben auf zwölf", True),  # every "schieb" of the sets is a move
        ("schieb mir die datei rüber", False),
        ("Bring water the plants forward to half past six", True),  # v25 declined it without the full stop
        ("bring the meeting earlier", True),
        ("bring the kids to school", False),
        ("bring forward", False),  # nothing named
        ("Kannst du das Meeting verschieben?", True),
        ("Reschedule my dentist appointment", True),
        ("Move the team meeting", True),
        ("push back my 3pm by 2 hours", True),
        ("Postpone lunch with Sara", True),
        ("Just defer Steve's mentoring to 26 October please", True),
        ("Potspone my dentist to 2 o'clock", True),  # one letter slip of the verb
        ("delay the team lunch by an hour", True),
        ("delay my alarm by ten minutes", False),
        ("move on", False),
        ("move the car", False),  # a to-do, or small talk: the model decides
        ("Push the button", False),
        ("Verschieb die Musik auf später", False),
        ("Termin verschieben", False),  # names no event
        ("Trag Termin verschieben für Freitag ein", False),  # a to-do asked to be added
        # "legen" onto a day or a time (session 37): one's own event; never a thing put somewhere, never a new one
        ("Kannst du den Friseur auf 16 Uhr legen", True),
        ("Leg das Abendessen mit Tom auf den 19.", True),
        ("Leg mir das Meeting auf Montag um 10", True),
        ("Bitte leg den Termin mit Anna auf nächste Woche", True),
        ("Leg einen Termin auf Freitag", False),
        ("Leg das Handy auf den Tisch", False),
        ("Leg den Wecker auf 7 Uhr", False),
        # one's own event starting at another time from now on
        ("Der Kurs am Dienstag fängt jetzt erst um 19 Uhr an", True),
        ("The class on Tuesday starts at 7 pm now", True),
        ("my yoga class starts at 6 instead", True),
        ("Das Meeting beginnt um 10", False),  # said of it, not changed
        ("the show starts at the station now", False),  # no time
        ("Der Zahnarzt ist doch erst um 11", True),
        ("the dentist is now at 11:30 am", True),
        ("Das Wetter ist jetzt um 10 Grad", False),
        ("my flight is now at gate 5", False),
    ],
)
def test_a_move_asked_in_words_is_a_move(query: str, asks: bool) -> None:
    """The caller takes the move for these whatever the model chose: v25 declined "Verschieb den Zahnarzt" and read
    "Kannst du das Meeting verschieben?" as a delete."""
    assert asks_to_move(query) is asks


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Kannst du den Friseur eine Stunde früher machen", True),
        ("make the dentist an hour later", True),
        ("Can you make the dentist appointment an hour later?", True),
        ("leg das Meeting eine halbe Stunde nach hinten", True),
        ("start the standup 15 minutes later", True),
        ("das Training soll 30 Minuten später anfangen", True),
        ("Lass das Training 30 Minuten früher anfangen", True),
        ("fang die Probe eine Stunde früher an", True),
        ("setz das Meeting zwei Tage nach hinten", True),
        ("make lunch with Tom half an hour earlier", True),
        # said for both people (session 36: v25 made "can we do the call with Anna an hour later" a new event)
        ("can we do the standup 30 minutes earlier tomorrow", True),
        ("let's do lunch with Mark an hour later", True),
        ("lass uns das Meeting eine Stunde später machen", True),
        ("können wir den Friseur 30 Minuten früher machen", True),
        ("let's do the laundry", False),
        ("zieh das Treffen mit Lisa zwei Tage vor", True),  # was read as a delete (session 36)
        ("zieh das Meeting eine Stunde vor", True),
        ("zieh den Zahnarzt auf Montag vor", False),  # a move to a day: the model's
        ("zieh die Jacke vor", False),
        ("can we have a meeting later", False),
        ("make the meeting 30 minutes longer", False),  # its length, not where it goes
        ("setz den Wecker 10 Minuten früher", False),  # no event
        ("weck mich 10 Minuten früher", False),
        ("make me a coffee an hour later", False),
        ("mach die Musik 10 Minuten später an", False),
        ("make it an hour later", False),  # a pronoun: the dialog's referent
        ("mach einen Termin eine Stunde später", False),  # names no event
        ("Leg Picknick übermorgen um neun Uhr an, vier Stunden.", False),  # a new event and its length
        ("Make dinner at 7 tomorrow", False),
    ],
)
def test_a_shift_asked_with_no_move_verb_is_a_move(query: str, asks: bool) -> None:
    """The caller takes the move for these: v25 declined "Kannst du den Friseur eine Stunde früher machen"; the
    dialog reads the length from the words and the event's own start."""
    assert asks_to_shift(query) is asks


@pytest.mark.parametrize(
    ("query", "span", "function"),
    [
        ("book a train ticket for this tuesday at nine am", ("train ticket", "this tuesday", "at nine am", None), None),
        ("bitte buch für morgen früh ein Zugticket nach Hannover", ("Zugticket", "für morgen", None, None), None),
        ("Order me a taxi for tomorrow at 8", ("taxi", "for tomorrow", "at 8", None), None),
        ("Ticket für Bremen", ("Ticket für Bremen", None, None, None), None),
        ("book the flights on the ninth of august at 3 pm", ("book the flights", "on the ninth", "at 3 pm", None), 1),
        ("Trag Zugticket kaufen für Freitag ein", ("Zugticket kaufen", "für Freitag", None, None), 1),
        ("remind me to buy tickets on Friday", ("buy tickets", "on Friday", None, None), 1),
    ],
)
def test_a_ticket_to_buy_is_no_event(query: str, span: tuple, function: int | None) -> None:
    """The assistant books nothing: a purchase asked of it is no call; a to-do about tickets is an event."""
    call = resolve_call(SpanCall("create_event", span), TODAY, None, query)
    assert call.function == (None if function is None else "create_event")


@pytest.mark.parametrize(
    ("query", "span", "kept"),
    [
        ("are there any special events near me this weekend", SpanCall("list_events", ("this weekend", None)), False),
        ("welche Veranstaltungen finden in der Nähe statt", SpanCall("list_events", (None, None)), False),
        ("remove the guest list i created last week", SpanCall("delete_event", ("guest list", None)), False),
        ("zu welcher Zeit wird meine Bestellung eintreffen", SpanCall("find_event", ("Bestellung",)), False),
        ("delete events from calendar", SpanCall("delete_event", ("calendar", None)), True),  # asked which
        ("cancel the email marketing meeting", SpanCall("delete_event", ("email marketing meeting", None)), True),
        ("what do I have this weekend", SpanCall("list_events", ("this weekend", None)), True),
        # the weather, a contract, music, a message, a ticket (session 28; none matches a MASSIVE train calendar row)
        (
            "Brauche ich nächste Woche am Freitag einen Regenschirm?",
            SpanCall("create_all_day_event", ("Regenschirm", "nächste Woche am Freitag", None)),
            False,
        ),
        ("will it rain on saturday", SpanCall("list_events", ("on saturday", None)), False),
        (
            "Regenschirm kaufen morgen um 10",
            SpanCall("create_event", ("Regenschirm kaufen", "morgen", "um 10", None)),
            True,
        ),
        ("Kündige das Zeitungsabo zum Monatsende", SpanCall("delete_event", ("Zeitungsabo", None)), False),
        ("please cancel my newspaper subscription", SpanCall("delete_event", ("newspaper subscription", None)), False),
        (
            "Trag Handyabo kündigen für Freitag ein",
            SpanCall("create_event", ("Handyabo kündigen", "für Freitag", None, None)),
            True,
        ),
        ("cancel the plan of party", SpanCall("delete_event", ("party", None)), True),
        ("spiele irgendwas aus tim bendzkos album", SpanCall("find_event", ("tim bendzkos album",)), False),
        ("next play justin bieber's sorry", SpanCall("delete_event", ("justin bieber's sorry", None)), False),
        (
            "Spieleabend verschiebt sich auf halb neun",
            SpanCall("move_event", ("Spieleabend", None, None, "auf halb neun")),
            True,
        ),
        ("Play football on Saturday at 3", SpanCall("create_event", ("football", "on Saturday", "at 3", None)), True),
        (
            "kannst du charlotte antworten dass ich die nächsten drei wochen beschäftigt bin",
            SpanCall("create_all_day_event", ("beschäftigt", "die nächsten drei wochen", None)),
            False,
        ),
        (
            "kannst du bitte zug tickets diesen freitag für zwei buchen",
            SpanCall("delete_event", ("zug tickets", "diesen freitag")),
            False,
        ),
        # a list's item, an order (session 29; neither matches a MASSIVE train calendar request)
        (
            "Add bread to my to-do list for the store",
            SpanCall("create_event", ("bread to my to-do list", None, None, None)),
            False,
        ),
        ("Pack Butter auf die Einkaufsliste", SpanCall("create_event", ("Butter", None, None, None)), False),
        (
            "Order flowers for sprint 18 demo.",
            SpanCall("create_event", ("flowers for sprint 18 demo", None, None, None)),
            False,
        ),
        (
            "order bagels at 2 o'clock for Monday",
            SpanCall("create_event", ("order bagels", "for Monday", "at 2 o'clock", None)),
            True,
        ),
        (
            "remind me to order flowers on Friday",
            SpanCall("create_event", ("order flowers", "on Friday", None, None)),
            True,
        ),
        (
            "Add guest list review on Monday at 9",
            SpanCall("create_event", ("guest list review", "on Monday", "at 9", None)),
            True,
        ),
        # a mail to send, an address spelled out, an assistant's name before a purchase (session 30, MASSIVE dev)
        ("send email to robert what time is dinner", SpanCall("find_event", ("dinner",)), False),
        (
            "schicke frohes neues jahr an jonas at g. m. x. punkt d. e.",
            SpanCall("create_event", ("frohes neues jahr", None, None, None)),
            False,
        ),
        (
            "alexa füge erosser at g.m.x. punkt d.e. als neuen kontakt zu emily rosser hinzu",
            SpanCall("create_event", ("erosser", None, None, None)),
            False,
        ),
        (
            "olly book a ticket to paris on eurostar at five p. m. this friday",
            SpanCall("create_event", ("ticket to paris", "this friday", "at five p. m.", None)),
            False,
        ),
        (
            "find an uber driver available for tonight after ten p. m.",
            SpanCall("find_event", ("uber driver",)),
            False,
        ),
        (
            "finde ein uber das heute abend nach zweiundzwanzig uhr verfügbar ist",
            SpanCall("list_events", ("heute abend", None)),
            False,
        ),
        ("find my uber receipt", SpanCall("find_event", ("uber receipt",)), True),
        (
            "Send the invoice email to Tom tomorrow at 9",
            SpanCall("create_event", ("Send the invoice email to Tom", "tomorrow", "at 9", None)),
            True,
        ),
        (
            "E-Mail an Chef schreiben morgen um 9",
            SpanCall("create_event", ("E-Mail an Chef schreiben", "morgen", "um 9", None)),
            True,
        ),
        (
            "Add meeting with tom@example.com tomorrow at 3",
            SpanCall("create_event", ("meeting with tom@example.com", "tomorrow", "at 3", None)),
            True,
        ),
        (
            "meet Tom at the station at 9",
            SpanCall("create_event", ("meet Tom at the station", None, "at 9", None)),
            True,
        ),
        # session 31, unseen MASSIVE train rows: a mail with its addressee first or with what it says, a list's
        # items, a timetable, a sum, what goes on around
        (
            "email anna about the choir rehearsal",
            SpanCall("create_event", ("choir rehearsal", None, None, None)),
            False,
        ),
        (
            "send a mail to ben and tell him we meet friday at eight",
            SpanCall("create_event", ("meet", "friday", "at eight", None)),
            False,
        ),
        (
            "schick Lea eine Nachricht und sag ihr, dass wir uns morgen um 7 treffen",
            SpanCall("create_event", ("treffen", "morgen", "um 7", None)),
            False,
        ),
        ("take the eggs off my shopping list", SpanCall("delete_event", ("eggs", None)), False),
        ("streich Milch vom Einkaufszettel", SpanCall("delete_event", ("Milch", None)), False),
        ("what's on my to-do list for tomorrow", SpanCall("list_events", ("tomorrow", None)), False),
        ("zeig mir meine Einkaufsliste", SpanCall("list_events", (None, None)), False),
        ("wann fährt der nächste Bus nach Potsdam", SpanCall("find_event", ("Bus nach Potsdam",)), False),
        ("next train to leeds", SpanCall("create_event", ("train to leeds", None, None, None)), False),
        ("what is twelve times fourteen", SpanCall("list_events", (None, None)), False),
        ("welche Konzerte gibt es am Wochenende im Umkreis", SpanCall("list_events", ("am Wochenende", None)), False),
        ("any local events tonight", SpanCall("list_events", ("tonight", None)), False),
        # one's own events, the calendar's list, a to-do with its verb last: kept
        ("when is my train to leeds", SpanCall("find_event", ("train to leeds",)), True),
        ("next flight to boston with marketing?", SpanCall("find_event", ("flight to boston with marketing",)), True),
        ("show me the list of my meetings this week", SpanCall("list_events", ("this week", None)), True),
        ("meine Termine morgen auflisten", SpanCall("list_events", ("morgen", None)), True),
        ("next week list my events", SpanCall("list_events", ("next week", None)), True),
        (
            "Montag nächste Woche Flug nach Rom löschen",
            SpanCall("delete_event", ("Flug nach Rom", "Montag nächste Woche")),
            True,
        ),
        (
            "mail the parcel to grandma on friday at 9",
            SpanCall("create_event", ("mail the parcel to grandma", "on friday", "at 9", None)),
            True,
        ),
        (
            "wann ist der Flohmarkt in der Nachbarschaft",
            SpanCall("find_event", ("Flohmarkt in der Nachbarschaft",)),
            True,
        ),
        ("Elternabend in der Stadt löschen", SpanCall("delete_event", ("Elternabend in der Stadt", None)), True),
        ("was habe ich morgen in der Stadt vor", SpanCall("list_events", ("morgen", None)), True),
        (
            "Mail an Vermieter schicken Freitag um 10",
            SpanCall("create_event", ("Mail an Vermieter schicken", "Freitag", "um 10", None)),
            True,
        ),
        (
            "Add a train to Leeds on Friday at 9",
            SpanCall("create_event", ("train to Leeds", "on Friday", "at 9", None)),
            True,
        ),
    ],
)
def test_what_goes_on_in_town_or_is_no_event_is_no_call(query: str, span: SpanCall, kept: bool) -> None:
    """Events near me are the town's, not the calendar's; a list, an order or a mail is nothing to delete or find."""
    assert (resolve_call(span, TODAY, None, query).function is not None) is kept


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("when is mom's birthday", True),
        ("wann ist Mamas Geburtstag", True),
        ("When is our anniversary?", True),
        ("when is my flight", True),
        ("when is Easter", False),  # nobody's: a date question
        ("wann fährt der nächste Zug", False),
        ("when is my alarm set", False),
        ("When is it", False),
    ],
)
def test_when_ones_own_event_is_asked(query: str, asks: bool) -> None:
    """The caller lets a declined one of these be a find (v25 declined "when is mom's birthday" by 0.5 logits)."""
    assert asks_when_ones_event_is(query) is asks


@pytest.mark.parametrize(
    ("query", "days"),
    [
        ("Montags und mittwochs um 18 Uhr Yoga", (0, 2)),
        ("every Monday and Wednesday at 6 pm yoga", (0, 2)),
        ("remind me to water my plants every tuesday thursday and saturday", (1, 3, 5)),  # as a recognizer writes it
        ("jeden Montag, Mittwoch und Freitag um 7 Laufen", (0, 2, 4)),
        ("on Tuesdays and Thursdays at 7 pilates", (1, 3)),
        ("montags bis freitags um 8 standup", ()),  # every weekday: its own frequency
        ("every monday at 7 choir", ()),
    ],
)
def test_the_weekdays_of_a_series_said_on_several_are_read(query: str, days: tuple) -> None:
    assert weekdays_said(query) == days


def test_a_series_on_several_weekdays_is_one_rrule_and_survives_the_outbox() -> None:
    from assistant.calendar.ical import NewEvent, new_event, rrule

    event = new_event("Yoga", dt.date(2026, 12, 1), dt.time(18), 60, "Europe/Berlin", "weekly", None, (3, 1))
    assert rrule(event) == {"freq": "WEEKLY", "byday": ["TU", "TH"]}
    assert NewEvent.from_json(event.to_json()) == event
    old = {k: v for k, v in event.to_json().items() if k != "weekdays"}  # an outbox entry written before
    assert NewEvent.from_json(old).weekdays == ()
    with pytest.raises(ValueError):
        new_event("Yoga", dt.date(2026, 12, 1), dt.time(18), 60, "Europe/Berlin", "monthly", None, (1, 3))


@pytest.mark.parametrize(
    ("query", "states"),
    [
        ("Morgen früh um 7 Brötchen holen", True),
        ("Freitag 10 Uhr Friseur", True),
        ("morgen um sieben aufstehen", False),  # a wake-up
        ("Montag um 9 Uhr Wecker stellen", False),
        ("Was habe ich morgen um 10?", False),
        ("Zahnarzt am Freitag", False),  # no clock time: the model decides
        ("worum ging es bei dem protest am brandenburger tor gestern mittag", False),  # a question, of a day gone
        ("Ich gehe am Sonntag um 19 Uhr ins Theater", True),  # one's own plan (session 38)
        ("Wir fahren Samstag um 8 nach Hamburg", True),
        ("Ich habe morgen um 10 was vor", False),  # "ich" opens a listing unless a going verb follows
        ("Ich gehe morgen um 6 Uhr aufstehen", False),
    ],
)
def test_a_note_of_a_day_a_time_and_an_activity_states_an_event(query: str, states: bool) -> None:
    """The caller lets a declined one of these be an event within NOTE_MARGIN (v25 declined the first by 0.2)."""
    assert states_an_event(query, TODAY) is states


@pytest.mark.parametrize(
    ("query", "phrases", "kept"),
    [
        ("tomorrow at 7 wake up", ("wake up", "tomorrow", "at 7", None), False),
        ("weck mich morgen um 6", ("mich", "morgen", "um 6", None), False),
        ("wake me at six am thursday so i have time for the meeting", ("meeting", "thursday", "six am", None), False),
        ("Wecker kaufen morgen um 10", ("Wecker kaufen", "morgen", "um 10", None), True),
        ("wake up call with Tom at 9 tomorrow", ("wake up call with Tom", "tomorrow", "at 9", None), True),
    ],
)
def test_a_wake_up_is_an_alarm_not_an_event(query: str, phrases: tuple, kept: bool) -> None:
    call = resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert (call.function is not None) is kept


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("nein, um 11", (None, "11:00")),
        ("Actually make that 1 pm", (None, "13:00")),
        ("lieber am Samstag", ("2026-12-05", None)),
        ("no, Friday at 3", ("2026-12-04", "15:00")),
        ("sorry, half past ten", (None, "10:30")),
        ("nein", None),  # no new day or time
        ("no, add lunch too", None),  # a new command
        ("nein, das Meeting ist um 11", None),
        ("um 11", None),  # no word that corrects: the model reads it
        # a bare hour at the end of a correction is a clock (session 35), after a hesitation too
        ("um actually make that 3", (None, "15:00")),
        ("nein, lieber 5", (None, "17:00")),
        ("no 3 people", None),
        ("nein, 2 Stunden", None),  # a length
    ],
)
def test_a_correction_is_only_a_new_day_or_time(query: str, said: tuple | None) -> None:
    """The dialog moves the event it just made for these ("nein, um 11"); anything more is a new command."""
    assert said_correction(query, TODAY) == said


@pytest.mark.parametrize(
    ("function", "query", "phrases", "expected"),
    [
        (
            "create_event",
            "Add an event: board meeting, next Tuesday, 9 to 11",
            ("board meeting", "next Tuesday", "to 11", None),
            ("09:00", 120),
        ),
        ("create_event", "lunch at ten to one", ("lunch", None, "at ten to one", None), ("12:50", 60)),
        (
            "create_event",
            "Ceate a picnic at 12 noon on Thursday.",
            ("picnic", "on Thursday", "at 12 noon", None),
            "picnic",
        ),
        (
            "create_event",
            "clean the garage on Saturday at 10",
            ("garage", "on Saturday", "at 10", None),
            "clean the garage",
        ),
    ],
)
def test_a_span_of_hours_and_a_mistyped_request_are_read(function: str, query: str, phrases: tuple, expected) -> None:
    """ "9 to 11" was 10:51 (nine minutes to eleven) for an hour; only minutes people count so ("ten to one") are."""
    a = resolve_call(SpanCall(function, phrases), TODAY, "en", query).arguments
    if isinstance(expected, tuple):
        assert (a["time"], a["duration_minutes"]) == expected
    else:
        assert a["title"] == expected


def test_a_length_said_is_the_last_day_and_a_weekday_alone_moves_forward() -> None:
    span = resolve_call(
        SpanCall("create_all_day_event", ("Urlaub", "ab Montag", None)), TODAY, "de", "Urlaub ab Montag für zwei Wochen"
    )
    assert (span.arguments["date"], span.arguments["end_date"]) == ("2026-12-07", "2026-12-20")
    series = resolve_call(
        SpanCall("create_recurring_event", ("Tabletten", None, "um 8", None, "jeden Tag", None)),
        TODAY,
        "de",
        "Tabletten jeden Tag um 8 für 10 Tage",
    )
    assert (series.arguments["date"], series.arguments["until"]) == ("2026-12-03", "2026-12-12")
    until = resolve_call(
        SpanCall("create_recurring_event", ("Fußball", None, "um 19 Uhr", None, "Jeden zweiten Dienstag", None)),
        TODAY,
        "de",
        "Jeden zweiten Dienstag Fußball um 19 Uhr bis März",
    )
    assert until.arguments["until"] == "2027-03-31"
    day = resolve_call(
        SpanCall("list_events", ("two weeks from Sunday", None)),
        TODAY,
        "en",
        "Give me my appointments for two weeks from Sunday.",
    )
    assert day.arguments["date"] == day.arguments["end_date"]  # a day two weeks on, not a span of two weeks
    news = "Medikamente abholen ist jetzt diesen Sonntag um 8:00, nicht Mittwoch in 3 Wochen."
    moved = resolve_call(
        SpanCall("move_event", ("Medikamente abholen", "Mittwoch in 3 Wochen", "diesen Sonntag", "um 8:00")),
        TODAY,
        "de",
        news,
    )
    assert moved.arguments["new_date"] == "2026-12-06"  # this Sunday, as said: earlier than the old day on purpose


@pytest.mark.parametrize(
    ("query", "calls_off"),
    [
        ("Bitte sag am 11.01. Quartalsplanung ab.", True),
        ("okay dann äh sag den yoga kurs am mittwoch ab", True),
        ("Sag das Meeting mit Frau Hoffmann am 3.12. ab", True),
        ("sag mal ruf meine Termine nächstes Wochenende ab", False),  # "abrufen": a listing
        ("sag mir, ab wann der Laden offen hat", False),
        ("sag alles für morgen ab", False),  # every event: the clearing asks first
        ("Sag meiner Mutter, dass ich das Essen absage", False),
        ("sag den Wecker ab", False),
        ("Ich hab den Notartermin abgesagt", True),  # called off already (session 38)
        ("Wir haben die Party am Samstag abgesagt", True),
        ("Ich habe meinem Chef abgesagt", False),  # a person, not an event
    ],
)
def test_a_german_call_off_split_around_the_event_is_a_delete(query: str, calls_off: bool) -> None:
    """ "sag ... ab": the caller deletes whatever the model chose (v25 listed 2 of 13 generated such rows)."""
    assert asks_to_call_off(query) is calls_off


@pytest.mark.parametrize(
    ("query", "when", "remove"),
    [
        ("wann ist der Müll", True, False),
        ("when is the garbage pickup", True, False),
        ("when is the next alarm", False, False),
        ("Streich den Friseur", False, True),
        ("Entferne das Training am Montag", False, True),
        ("entferne den Kontakt Anna", False, False),
        ("meinen Termin um ein Uhr dreißig löschen", False, True),
        ("kannst du die aktuelle Veranstaltung löschen", False, True),
        ("Nimm den Elternabend am 15. raus", False, True),
        ("heute fällt Wochenmarkt aus nimm das raus", False, True),
        ("nimm mich raus", False, False),
        ("Der Zug fällt aus", False, False),  # news, not a request
        ("Trag Zaun streichen am Samstag ein", False, False),  # a to-do asked to be made
        ("Zaun streichen am Samstag um 10", False, False),  # the infinitive is not said last
        ("delete my account", False, False),  # English removal verbs are the model's to read
        ("delete item", False, False),
        # one typed a letter off may miss the model (session 35: seeds 16 and 17 declined these)
        ("Cacnel job interview.", False, True),
        ("Canecl check the fence", False, True),
        ("löschen sie die geplante treffen", False, True),
        ("Cacnel my alarm", False, False),
    ],
)
def test_when_an_event_is_and_a_german_removal_are_asked(query: str, when: bool, remove: bool) -> None:
    """The caller takes a find (within 2 logits) or a delete (within 6) where the model declines these."""
    assert (asks_when_an_event_is(query), asks_to_remove(query)) == (when, remove)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("nein, den am Montag", "2026-12-07"),
        ("the one on the 12th", "2026-12-12"),
        ("Trag Friseur morgen um 10 ein", None),  # a new command that names a day
        ("Was habe ich morgen?", None),
    ],
)
def test_an_answer_that_is_only_a_day(text: str, day: str | None) -> None:
    """Where a delete offered the next match, only an answer of nothing but a day is taken as another day."""
    found = said_only_a_day(text, TODAY)
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        # a phrasal verb's particle before "from 8", and a place or person after it
        (
            "create_event",
            ("take the recycling", "Saturday", "from 8 until 9 pm", None),
            "I'd like to plan take the recycling back from 8 until 9 pm Saturday.",
            ("create_event", {"title": "take the recycling back", "time": "20:00"}),
        ),
        (
            "create_event",
            ("Penncil in drop the holiday cards", "today", "at half past twelve", "90 mins long"),
            "Penncil in drop the holiday cards off with José today at half past twelve 90 mins long",
            ("create_event", {"title": "drop the holiday cards off with José"}),
        ),
        # one day asked for with no time and no word that it lasts the day: a timed event whose time is asked
        (
            "create_all_day_event",
            ("Notartermin", "Sonntag nächste Woche", None),
            "Trag Notartermin Sonntag nächste Woche ein.",
            ("create_event", {"title": "Notartermin", "date": "2026-12-13", "time": None}),
        ),
        (
            "create_all_day_event",
            ("cooking class", "in 6 weeks", None),
            "Put a cooking class in 6 weeks.",
            ("create_event", {"date": "2027-01-14", "time": None}),
        ),
        # ... but what lasts a day, a statement of where one is, "ganztägig" typed a letter off, a blocked day
        (
            "create_all_day_event",
            ("Urlaub", "am Montag", None),
            "Trag Urlaub am Montag ein.",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("mom's birthday", "on March 3", None),
            "add mom's birthday on March 3",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("Projekttag", "am 15.", None),
            "Ich bin am 15. auf Projekttag, trag das bitte ein.",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("Gleitzeittag", "am kommenden Samstag", None),
            "Trag mir am kommenden Samstag Gleitzeittag als gnztägigen Termin ein.",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("Nachtschicht", "morgen", None),
            "Trag für morgen Nachtschicht ein, den ganezn Tag.",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("buy a gift for Mom", "next week on Sunday", None),
            "hey, add buy a gift for Mom for the wole day next week on Sunday.",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("the move", "Friday", None),
            "Block Friday for the move",
            ("create_all_day_event", {}),
        ),
        (
            "create_all_day_event",
            ("Messe", "nächste Woche", None),
            "Trag Messe nächste Woche ein",
            ("create_all_day_event", {"end_date": "2026-12-13"}),
        ),
        # a repetition copied as a day-long event's days is the series; a span of weekdays stays days
        (
            "create_all_day_event",
            ("Wochenmarkt", "alle 2 Wochen Montags", None),
            "Trag alle 2 Wochen Montags Wochenmarkt ein",
            ("create_recurring_event", {"frequency": "biweekly", "date": "2026-12-07", "time": None}),
        ),
        (
            "create_all_day_event",
            ("workshop", "from Monday to Friday", None),
            "Add workshop from Monday to Friday as an all-day event.",
            ("create_all_day_event", {"date": "2026-12-07", "end_date": "2026-12-11"}),
        ),
        # a word's start before a hyphen; a verb's own object; "trag" copied of "trag ... aus"
        (
            "create_recurring_event",
            ("-Zulassungsstelle", None, "um halb 9", None, "jede zweite Woche", None),
            "KFZ-Zulassungsstelle jede zweite Woche um halb 9",
            ("create_recurring_event", {"title": "KFZ-Zulassungsstelle"}),
        ),
        (
            "create_recurring_event",
            ("call", None, "at 7 pm", None, "every evening", None),
            "call my mom every evening at 7 pm",
            ("create_recurring_event", {"title": "call my mom"}),
        ),
        (
            "create_event",
            ("call", "tomorrow", "at 9", None),
            "call my calendar tomorrow at 9",
            ("create_event", {"title": "call"}),
        ),
        (
            "delete_event",
            ("trag", "für morgen"),
            "trag mal lauftreff für morgen aus",
            ("delete_event", {"title": "lauftreff", "date": "2026-12-04"}),
        ),
        # "bring X forward": X is the title, whatever the model copied of it or chose
        (
            "create_event",
            ("Bring water", None, "to half past six", None),
            "Bring water the plants forward to half past six.",
            ("move_event", {"title": "water the plants", "new_time": "18:30"}),
        ),
        (
            "move_event",
            ("bring drinks with karen", None, None, "to nine am"),
            "well, bring bring drinks with karen forward to nine am.",
            ("move_event", {"title": "drinks with karen"}),
        ),
        (
            "create_all_day_event",
            ("weekend getaway", None, "twenty to ten"),
            "bring weekend getaway on release 2.1 forward to twenty to ten",
            ("move_event", {"title": "weekend getaway on release 2.1", "new_time": "09:40"}),
        ),
        # "instead"/"lieber" typed a letter off
        (
            "move_event",
            ("barbecue", "next week on Thursday", None, None),
            "Let's do barbecue next week on Thursday intead of day after tomorrow.",
            ("move_event", {"date": "2026-12-05", "new_date": "2026-12-10"}),
        ),
        (
            "create_event",
            ("Sabine", "morgen", None, None),
            "Ich mach Sabine lieebr morgen",
            ("move_event", {"new_date": "2026-12-04"}),
        ),
        # a correction is read up to another argument's own words, never through a piece copied too long
        (
            "move_event",
            ("pick up groceries", "this coming Wednesday", "to the 4th of February", None),
            "Postpone pick up groceries this coming Wednesday, I mean coming Thursday to the 4th of February.",
            ("move_event", {"date": "2026-12-10", "new_date": "2027-02-04"}),
        ),
        (
            "create_event",
            ("Spanischkurs", "am 17.12.2027", "um 18:00", "50 abends für 4 Stunden"),
            "Trag Spanischkurs am 17.12.2027 um 18:00, sorry, um 11 Uhr 50 abends für 4 Stunden ein.",
            ("create_event", {"time": "23:50"}),
        ),
        # statements of a day: a timed event with no time, a find, a listing copied across the "ist"
        (
            "create_event",
            ("seminar", "19. juli", None, None),
            "19. juli ist seminar.",
            ("create_all_day_event", {"title": "seminar", "date": "2027-07-19"}),
        ),
        (
            "find_event",
            ("paint the application",),
            "on 2027-05-16 is paint the application.",
            ("create_all_day_event", {"title": "paint the application", "date": "2027-05-16"}),
        ),
        (
            "list_events",
            ("bei mama ist zwischen dem 17. und 19. august", None),
            "termin bei mama ist zwischen dem 17. und 19. august",
            ("create_all_day_event", {"title": "termin bei mama", "date": "2027-08-17", "end_date": "2027-08-19"}),
        ),
        ("create_event", ("Zahnarzt", "morgen", "um 9", None), "Morgen um 9 ist Zahnarzt", ("create_event", {})),
        # a span of days copied as how often; a weekday said before a copied week; "mark <day> as <title>"
        (
            "create_recurring_event",
            ("Steuererklärung", "ist von Montag bis Sonntag", None, None, "von Montag bis Sonntag", None),
            "Steuererklärung ist von Montag bis Sonntag.",
            ("create_all_day_event", {"date": "2026-12-07", "end_date": "2026-12-13"}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "von Montag bis Freitag", None),
            "Chor jede Woche von Montag bis Freitag um 19 Uhr",
            ("create_recurring_event", {}),
        ),
        (
            "create_all_day_event",
            ("Osterferien", "nächste Woche", None),
            "Montag nächste Woche ist Osterferien.",
            ("create_all_day_event", {"date": "2026-12-07", "end_date": "2026-12-07"}),
        ),
        (
            "create_all_day_event",
            ("Osterferien", "nächste Woche", None),
            "Osterferien sind nächste Woche.",
            ("create_all_day_event", {"date": "2026-12-07", "end_date": "2026-12-13"}),
        ),
        (
            "create_event",
            ("May 7th", None, None, None),
            "so mark May 7th as on call.",
            ("create_all_day_event", {"title": "on call", "date": "2027-05-07"}),
        ),
        # a day's words copied at the end of a title; a visit's head noun before "von"
        (
            "create_all_day_event",
            ("call for the next week", "on call for the next week", None),
            "Put down on call for the next week",
            ("create_all_day_event", {"title": "on call", "date": "2026-12-07"}),
        ),
        (
            "create_all_day_event",
            ("von mama", "vom 16.4. bis 29.4.", None),
            "besuch von mama ist vom 16.4. bis 29.4.",
            ("create_all_day_event", {"title": "besuch von mama"}),
        ),
        # an activity's "go for"; never a place one goes to
        (
            "create_event",
            ("run", "in twelve days", "at eight", None),
            "I have to go for a run in six days sorry I mean in twelve days at eight",
            ("create_event", {"title": "go for a run"}),
        ),
        (
            "find_event",
            ("dentist",),
            "Do you know when I have to go to the dentist?",
            ("find_event", {"title": "dentist"}),
        ),
        # "fertig" + "machen"; a title's word before a comma; "new event" before a title
        (
            "create_event",
            ("vom Bahnhof Rezept beim Arzt", "am 2.11.", "um 18 Uhr", "4 Stunden"),
            "Plan mal vom Bahnhof Rezept beim Arzt fertig machen am 2.11. um 18 Uhr 4 Stunden ein.",
            ("create_event", {"title": "vom Bahnhof Rezept beim Arzt fertig machen"}),
        ),
        (
            "create_event",
            ("gitarrenunterricht", "für samstag", "zu mittag", None),
            "ich hab für samstag zu mittag gitarrenunterricht versicherung, trag trag das bitte ein.",
            ("create_event", {"title": "gitarrenunterricht versicherung"}),
        ),
        (
            "create_event",
            ("new event paint the recycling", "christmas eve", "at 4 in the afternoon", None),
            "new event paint the recycling christmas eve at 4 in the afternoon",
            ("create_event", {"title": "paint the recycling"}),
        ),
        # a length copied into the clock
        (
            "create_event",
            ("Quartalsplanung", "am Dienstag", "halb drei 105 Min. lang", None),
            "Buch mal Quartalsplanung am Dienstag halb drei 105 Min. lang.",
            ("create_event", {"time": "14:30", "duration_minutes": 105}),
        ),
        # what happens at the place, before it
        (
            "delete_event",
            ("streichen", "nächste woche freitag"),
            "könntest du nächste woche freitag lauftreff im hofbräuhaus streichen?",
            ("delete_event", {"title": "lauftreff im hofbräuhaus"}),
        ),
        # "is <event> in my calendar" finds it; "is anything" / "was" lists
        (
            "list_events",
            ("today", None),
            "Is the meeting with Grandma in my calendar?",
            ("find_event", {"title": "meeting with Grandma"}),
        ),
        (
            "list_events",
            ("am kommenden Freitag", None),
            "Ist am kommenden Freitag was im Kalender?",
            ("list_events", {}),
        ),
        # a corrected day is no part of the title; an ordinal's full stop; a day a clock's copy starts with
        (
            "delete_event",
            ("mail the application for the 9th of July", "on March the 30th"),
            "Call off mail the application for the 9th of July, sorry, on March the 30th.",
            ("delete_event", {"title": "mail the application", "date": "2027-03-30"}),
        ),
        (
            "create_event",
            ("Lauftreff", "am achtundzwanzigsten 11", "um 8:00", None),
            "Ich hab am achtundzwanzigsten 11. um 8:00 Lauftreff trag das bitte ein",
            ("create_event", {"date": "2027-11-28"}),
        ),
        (
            "create_event",
            ("Termin in Köln", "für den 15.03.,", "27. Januar um Viertel nach sechs", None),
            "Trag Termin in Köln für den 15.03., äh, nein, 27. Januar um Viertel nach sechs ein.",
            ("create_event", {"date": "2027-01-27", "time": "18:15"}),
        ),
        # "shift", "forward", "until" typed a letter off; "in the" + "evening"
        (
            "create_all_day_event",
            ("all-hands", None, None),
            "hey, please shfit all-hands to half past seven in the evening.",
            ("move_event", {"title": "all-hands", "new_time": "19:30"}),
        ),
        (
            "move_event",
            ("forawrd passport appointment", "end of the month", "to in thirty days", None),
            "Can you bring forawrd passport appointment end of the month to in thirty days",
            ("move_event", {"title": "passport appointment"}),
        ),
        (
            "create_recurring_event",
            ("company picnic", "starting tomorrow", "at 14 hundred", None, "on tuesdays", None),
            "add company picnic on tuesdays at 14 hundred starting tomorrow unitl on november the 23rd.",
            ("create_recurring_event", {"until": "2027-11-23"}),
        ),
        # "is not happening" of a move to nowhere or a listing whose day is the title's; a move with a target stays
        (
            "move_event",
            ("Christmas dinner", "on 2027-08-25", None, None),
            "Christmas dinner on 2027-08-25 is not happening.",
            ("delete_event", {"title": "Christmas dinner", "date": "2027-08-25"}),
        ),
        (
            "list_events",
            ("weekend in Seattle", "for tomorrow"),
            "weekend in Seattle for tomorrow is not happening.",
            ("delete_event", {"title": "weekend in Seattle", "date": "2026-12-04"}),
        ),
        (
            "move_event",
            ("Christmas dinner", "on 2027-08-25", "to Friday", None),
            "Christmas dinner on 2027-08-25 is not happening, move it to Friday",
            ("move_event", {"new_date": "2026-12-04"}),
        ),
        # a series' last day copied with its clock; a span of hours stays the clock's
        (
            "create_recurring_event",
            ("Lauftreff", None, "um acht bis in 6 Wochen", None, "montags bis freitags", None),
            "Lauftreff montags bis freitags um acht bis in 6 Wochen.",
            ("create_recurring_event", {"date": "2026-12-03", "time": "08:00", "until": "2027-01-14"}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, "um 8 bis 10", None, "montags", None),
            "Chor montags um 8 bis 10",
            ("create_recurring_event", {"time": "08:00", "duration_minutes": 120, "until": None}),
        ),
        # the new day said before "instead of" the copied old one; a version number before the full stop
        (
            "move_event",
            ("breakfast", "on the twentieth", None, None),
            "please let's do breakfast at the end of the month instead of on the twentieth",
            ("move_event", {"date": "2026-12-20", "new_date": "2026-12-31"}),
        ),
        (
            "create_all_day_event",
            ("lawyer on release", "all day august 8th", "to august 10th:"),
            "please, all day august 8th to august 10th: lawyer on release 2.1.",
            ("create_all_day_event", {"title": "lawyer on release 2.1"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "am 13.", "um 9", None),
            "Zahnarzt am 13. um 9",
            ("create_event", {"title": "Zahnarzt"}),
        ),
        # chosen on a fresh split (seed 14): "ist jetzt <day>" is the new day; "<day> start at <time> instead" names
        # the event; "auf 15.00 Uhr" is a clock; "in meinen Kalender schauen" lists
        (
            "move_event",
            ("Mitgliederversammlung", "am 2. Januar 2028", None, None),
            "Mitgliederversammlung ist jetzt am 2. Januar 2028",
            ("move_event", {"date": None, "new_date": "2028-01-02"}),
        ),
        (
            "create_event",
            ("meeting with Tyler", "tomorrow", "at 10:00", None),
            "Make meeting with Tyler tomorrow start at 10:00 instead.",
            ("move_event", {"date": "2026-12-04", "new_date": None, "new_time": "10:00"}),
        ),
        (
            "create_event",
            ("barbecue", "tomorrow", "at 11", None),
            "I'll do the barbecue tomorrow at 11 instead",
            ("move_event", {"date": None, "new_date": "2026-12-04", "new_time": "11:00"}),
        ),
        (
            "move_event",
            ("Mitgliederversammlung", None, "auf 15.", None),
            "Mitgliederversammlung auf 15.00 Uhr verlegen",
            ("move_event", {"new_date": None, "new_time": "15:00"}),
        ),
        (
            "create_all_day_event",
            ("Kalender", "vom 21. bis zum 30. Oktober", None),
            "Kannst du vom 21. bis zum 30. Oktober in meinen Kalender schauen",
            ("list_events", {"date": "2027-10-21", "end_date": "2027-10-30"}),
        ),
    ],
)
def test_titles_days_and_functions_read_from_what_was_said(
    function: str, phrases: tuple, query: str, expected: tuple[str, dict]
) -> None:
    """Classes of v25's errors on its generated split (session 28), each with a row that must not change."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


def _assert_resolves_as(
    span: SpanCall, query: str, expected: tuple[str, dict], lang: str | None = None, today: dt.date = TODAY
) -> None:
    """The span read against the query is the expected function with (at least) these arguments."""
    call = resolve_call(span, today, lang, query)
    assert isinstance(call, Call) and call.function == expected[0], call
    assert {k: call.arguments[k] for k in expected[1]} == expected[1], call


@pytest.mark.parametrize(
    ("query", "today", "states"),
    [
        ("Osterferien ist im April 2027.", "2027-03-30", True),
        ("mal die ganze Woche ist frei.", "2026-12-03", True),
        ("vorlesung nach der arbeit ist die ganze woche.", "2026-12-03", True),
        ("tomorrow is mom's birthday", "2026-12-03", True),
        ("heute ist Besuch von Sören.", "2026-12-03", False),  # said of today: as often asked as told
        ("Was ist morgen?", "2026-12-03", False),
        ("Morgen ist Montag", "2026-12-03", False),  # a day on both sides
        ("an welchem tag ist ostern", "2026-12-03", False),
        ("morgen ist ein sonniger tag richtig", "2026-12-03", False),  # the weather
        ("morgen um 9 ist Zahnarzt", "2026-12-03", False),  # a time: a note of a timed event
        ("Osterferien waren im April 2024", "2026-12-03", False),  # no "ist", and gone
    ],
)
def test_a_statement_of_days_to_come(query: str, today: str, states: bool) -> None:
    """The caller takes a day-long event (within 2 logits) where the model declines such a statement."""
    assert states_days(query, dt.date.fromisoformat(today)) is states


def test_one_number_before_a_full_stop_is_no_day_of_a_month() -> None:
    """ "am achtundzwanzigsten 11." copied without its full stop takes it back; "auf 8." of "Schieb Festival am 9.10.
    auf 8." is no 8th of a month (v25 copied it as the new day: it is reported, as before, never a wrong day)."""
    call = resolve_call(
        SpanCall("create_event", ("Lauftreff", "am achtundzwanzigsten 11", "um 8:00", None)),
        TODAY,
        "de",
        "Ich hab am achtundzwanzigsten 11. um 8:00 Lauftreff trag das bitte ein",
    )
    assert isinstance(call, Call) and call.arguments["date"] == "2027-11-28"
    with pytest.raises(CallError):
        resolve_call(
            SpanCall("move_event", ("Festival", "am 9.10.", "auf 8", None)),
            TODAY,
            "de",
            "Schieb Festival am 9.10. auf 8.",
        )


@pytest.mark.parametrize(
    ("query", "listing", "finding"),
    [
        ("Mein Tag morgen?", True, False),
        ("mein tag an tag der deutschen einheit?", True, False),
        ("Was liget an?", True, False),  # "liegt" typed with a slip
        ("ja was liegt an?", True, False),
        ("Kannst du zwischen dem 10. und 16. November in meinen Kalender schauen?", True, False),
        ("mein tag war heute voller arbeit", False, False),  # MASSIVE: a remark, not a question
        ("Was liegt auf dem Tisch an", False, False),
        ("Steht Tanzkurs bald an", False, True),
        ("ist der termin mit lena schon bald", False, True),
        ("Steht heute was an?", False, False),
        ("Do I have take the winter tires back coming up?", False, True),
        ("do i have any appointments coming up", False, False),  # MASSIVE: a listing
        ("what do i have coming up", False, False),
        ("Steht der Friseur noch?", False, True),  # session 37: whether it still stands
        ("is the haircut still on?", False, True),
        ("Steht der Wecker noch?", False, False),
    ],
)
def test_what_is_on_and_what_comes_up_are_asked(query: str, listing: bool, finding: bool) -> None:
    """The caller takes a listing or a find (within 6 logits) where the model declines these (v25 by 0.1-8.6 on a
    fresh split); no row of another intent in MASSIVE en/de or SLURP test matches either."""
    assert (asks_what_is_on(query), asks_if_coming_up(query)) == (listing, finding)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        # a span of days said with English "to" is all-day; a clock said besides keeps the event timed
        (
            "create_event",
            ("video call", "for from 18 November to 1 December", None, None),
            "Put down video call for from 18 November to 1 December",
            ("create_all_day_event", {"date": "2027-11-18", "end_date": "2027-12-01"}),
        ),
        (
            "create_event",
            ("pick up Grandma", "for December 22 to 6", None, None),
            "Put down pick up Grandma for December 22 to 6.",
            ("create_all_day_event", {"date": "2026-12-22", "end_date": "2027-01-06"}),  # the 6th after it
        ),
        (
            "create_event",
            ("meetup", "Saturday to Tuesday", None, None),
            "add meetup Saturday to Tuesday",
            ("create_all_day_event", {"date": "2026-12-05", "end_date": "2026-12-08"}),
        ),
        (
            "create_event",
            ("dinner", "Friday to Sunday", None, None),
            "add dinner Friday to Sunday at 7",
            ("create_event", {"date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("dentist", "next week", None, None),
            "Add dentist to my calendar next week",
            ("asks", {}),  # a week named alone: the day of the timed event is asked
        ),
        # the days said right after "for" when no day was copied
        (
            "create_event",
            ("out of office", None, None, None),
            "Put down out of office for the weekend.",
            ("create_all_day_event", {"date": "2026-12-05", "end_date": "2026-12-06"}),
        ),
        (
            "create_event",
            ("one-on-one", None, None, None),
            "Put down one-on-one for in February",
            ("create_all_day_event", {"date": "2027-02-01", "end_date": "2027-02-28"}),
        ),
        (
            "create_event",
            ("table", None, None, None),
            "Book a table for 4 next week",
            ("create_event", {"date": None}),
        ),
        (
            "create_event",
            ("call with Tom", "next week", None, None),
            "Plan a call with Tom for next week",
            ("asks", {}),
        ),
        # the move templates' other verbs ("terminier X um", "auf X packen"); the target after another target
        (
            "create_event",
            ("Sommerfest", "auf 3. November 2027", "gegen 4", None),
            "Terminier Sommerfest auf 3. November 2027 gegen 4 um.",
            ("move_event", {"title": "Sommerfest", "new_date": "2027-11-03", "new_time": "16:00"}),
        ),
        (
            "create_event",
            ("Präsentation einreichen", None, "auf 20.00 Uhr", None),
            "Könntest du Präsentation einreichen auf 20.00 Uhr packen?",
            ("move_event", {"new_date": None, "new_time": "20:00"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "am Montag", "um 3", None),
            "Pack Zahnarzt am Montag um 3 in meinen Kalender",
            ("create_event", {"date": "2026-12-07"}),
        ),
        (
            "create_event",
            ("oil change", "Friday", None, None),
            "Add oil change to Friday",
            ("create_event", {"title": "oil change"}),
        ),
        # a title copied as only the move's verb is what was said after it
        (
            "move_event",
            ("Terminier", "diesen Donnerstag", "auf kommenden Sonntag", None),
            "Terminier mal Paket abholen diesen Donnerstag auf kommenden Sonntag um.",
            ("move_event", {"title": "Paket abholen", "new_date": "2026-12-06"}),
        ),
        # the event noun before a title is no part of it; before a preposition it is the title's head
        (
            "move_event",
            ("termin müll rausstellen", None, None, "auf 17 uhr"),
            "den termin müll rausstellen bitte auf 17 uhr verschieben.",
            ("move_event", {"title": "müll rausstellen"}),
        ),
        (
            "move_event",
            ("termin", None, None, "auf 20:30"),
            "bitte, den termin umzug von rüdiger bitte auf 20:30 verschieben.",
            ("move_event", {"title": "umzug von rüdiger"}),
        ),
        (
            "delete_event",
            ("event 1:1 at the university", "on the first of February 2027"),
            "Delete the event 1:1 at the university on the first of February 2027.",
            ("delete_event", {"title": "1:1 at the university"}),
        ),
        (
            "move_event",
            ("termin am hauptbahnhof", "diesen donnerstag", "auf dienstag", None),
            "termin am hauptbahnhof bitte von diesen donnerstag auf dienstag legen.",
            ("move_event", {"title": "termin am hauptbahnhof"}),
        ),
        (
            "create_event",
            ("appointment with Grace", "tomorrow", "at 9", None),
            "Save an appointment with Grace tomorrow at 9",
            ("create_event", {"title": "appointment with Grace"}),
        ),
        # whether an event comes up is its find, whatever it was read as; what is on stays a listing
        (
            "list_events",
            ("on Sunday", None),
            "Do I have church with Dad coming up",
            ("find_event", {"title": "church with Dad"}),
        ),
        (
            "move_event",
            ("rückgabe der leihwagen", None, None, None),
            "steht rückgabe der leihwagen bald an?",
            ("find_event", {"title": "rückgabe der leihwagen"}),
        ),
        (
            "create_event",
            ("rasen mähen", None, None, None),
            "steht rasen mähen bald an an?",
            ("find_event", {"title": "rasen mähen"}),
        ),
        (
            "list_events",
            (None, None),
            "do i have any appointments coming up",
            ("list_events", {"date": "2026-12-03"}),
        ),
        (
            "list_events",
            ("heute", None),
            "Steht heute was an?",
            ("list_events", {"date": "2026-12-03"}),
        ),
        # time blocked for an event, or a day's event asked with "add it", is timed (its time asked); a day blocked
        # stays day-long
        (
            "create_all_day_event",
            ("lunch with Megan", "for tomorrow", None),
            "Block out time for lunch with Megan for tomorrow",
            ("create_event", {"date": "2026-12-04", "time": None}),
        ),
        (
            "create_all_day_event",
            ("lunch", "on June the 27th", None),
            "okay i've got a lunch on June the 27th, add it.",
            ("create_event", {"date": "2027-06-27", "time": None}),
        ),
        (
            "create_all_day_event",
            ("the move", "Friday", None),
            "Block Friday for the move",
            ("create_all_day_event", {"date": "2026-12-04", "end_date": "2026-12-04"}),
        ),
        # a delete asked to be made is the event made; the delete templates' other verbs remove
        (
            "delete_event",
            ("Medikamente abholen", "nächsten Dienstag in meinen Kalender"),
            "äh trag Medikamente abholen nächsten Dienstag in meinen Kalender ein.",
            ("create_event", {"title": "Medikamente abholen", "date": "2026-12-08", "time": None}),
        ),
        (
            "delete_event",
            ("take the dog back", "for the 19th of March"),
            "I have to take the dog back for the 19th of March.",
            ("create_event", {"date": "2027-03-19"}),
        ),
        (
            "delete_event",
            ("BBQ", "for Friday"),
            "I need to get rid of BBQ for Friday",
            ("delete_event", {"title": "BBQ", "date": "2026-12-04"}),
        ),
        (
            "delete_event",
            ("Lauftreff", "morgen"),
            "trag Lauftreff morgen aus",
            ("delete_event", {"title": "Lauftreff"}),
        ),
        (
            "create_event",
            ("Weihnachtskarten durchsehen", "morgen", None, None),
            "okay, morgen Weihnachtskarten durchsehen tilgen, bitte.",
            ("delete_event", {"title": "Weihnachtskarten durchsehen", "date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("termin in der praxis", "am nächsten donnerstag", None, None),
            "ich möchte termin in der praxis am nächsten donnerstag kicken.",
            ("delete_event", {"title": "termin in der praxis"}),
        ),
        # a move's days: the first day said before a target or "instead" names the event; "from A to B" copied as
        # the new day; a day corrected ("ähm nein") is replaced, in the slot its own preposition says
        (
            "move_event",
            ("Quartalsplanung", None, "von morgen", None),
            "Quartalsplanung bitte von morgen auf kommenden Sonntag legen.",
            ("move_event", {"date": "2026-12-04", "new_date": "2026-12-06"}),
        ),
        (
            "move_event",
            ("tutoring", None, "next week on Monday", None),
            "Put tutoring next week on Monday on this coming Tuesday instead.",
            ("move_event", {"date": "2026-12-07", "new_date": "2026-12-08"}),
        ),
        (
            "move_event",
            ("shift 15", "on Monday", None, None),
            "Put shift 15 on the twenty-ninth on Monday instead.",
            ("move_event", {"date": "2026-12-29", "new_date": "2026-12-07"}),
        ),
        (
            "move_event",
            ("barbecue", "tomorrow", None, None),
            "I'll do the barbecue tomorrow instead",
            ("move_event", {"date": None, "new_date": "2026-12-04"}),
        ),
        (
            "move_event",
            ("one-on-one", None, "from Sunday to 9 April 2027", None),
            "Move the one-on-one from Sunday to 9 April 2027",
            ("move_event", {"date": "2026-12-06", "new_date": "2027-04-09"}),
        ),
        (
            "move_event",
            ("Termin mit Thorsten", "am achten Dezember", "23. Dezember", "auf 4 Uhr"),
            "Ändere die Uhrzeit von Termin mit Thorsten am achten Dezember ähm nein 23. Dezember auf 4 Uhr",
            ("move_event", {"date": "2026-12-23", "new_date": None, "new_time": "16:00"}),
        ),
        (
            "move_event",
            ("mitarbeitergespräch", "am donnerstag", "auf dienstag", "um 11"),
            "verschiebe mitarbeitergespräch am donnerstag äh nein auf dienstag um 11",
            ("move_event", {"date": None, "new_date": "2026-12-08", "new_time": "11:00"}),
        ),
        (
            "move_event",
            ("Yoga", "am Montag", "auf Dienstag", None),
            "Verschieb Yoga am Montag auf Dienstag",
            ("move_event", {"date": "2026-12-07", "new_date": "2026-12-08"}),
        ),
        # the templates' request verbs copied at a title's start ("save", "note", "strike", "wipe", a move's "put");
        # "book the flights" and "drop the lease off" are to-dos
        (
            "create_event",
            ("note book the flights", "today", "at midday", None),
            "hey, could you note book the flights for me today at midday?",
            ("create_event", {"title": "book the flights"}),
        ),
        (
            "delete_event",
            ("Wipe book reading", None),
            "Wipe Wipe book reading.",
            ("delete_event", {"title": "book reading"}),
        ),
        (
            "delete_event",
            ("strike meeting with Megan", "on 3 July 2027"),
            "on 3 July 2027, strike meeting with Megan.",
            ("delete_event", {"title": "meeting with Megan"}),
        ),
        (
            "move_event",
            ("put megan's farewell party", "on the nineteenth", None, None),
            "put megan's farewell party on the nineteenth instead.",
            ("move_event", {"title": "megan's farewell party"}),
        ),
        (
            "create_event",
            ("book the flights", "tomorrow", None, None),
            "Add book the flights tomorrow",
            ("create_event", {"title": "book the flights"}),
        ),
        (
            "delete_event",
            ("drop the lease off", "Thursday"),
            "drop the lease off Thursday got cancelled.",
            ("delete_event", {"title": "drop the lease off"}),
        ),
        # a weekday habit copied at a title's end makes the series; a day said to have no time is day-long
        (
            "create_event",
            ("Umzug bei Fatma Samstags", None, "um Viertel vor fünf nachmittags", None),
            "Kannst du Umzug bei Fatma Samstags um Viertel vor fünf nachmittags eintragen?",
            ("create_recurring_event", {"title": "Umzug bei Fatma", "frequency": "weekly", "time": "16:45"}),
        ),
        (
            "create_event",
            ("Samstagsmarkt", "morgen", "um 9", None),
            "Trag Samstagsmarkt morgen um 9 ein",
            ("create_event", {"title": "Samstagsmarkt", "date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("Blutabnahme", "für den 7.05.", None, None),
            "mal bitte für den 7.05. Blutabnahme eintragen ohne Uhrzit",
            ("create_all_day_event", {"date": "2027-05-07", "end_date": "2027-05-07"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "am Montag", None, None),
            "Trag Zahnarzt am Montag ein",
            ("create_event", {"date": "2026-12-07", "time": None}),
        ),
        # a tail with "for", "für", "vor", "nach", "zu", "from" that names a person, a place or a group is the title's;
        # one that says when, for whom the request is ("for me") or where it is kept is not
        (
            "delete_event",
            ("pay the dog", "on 27 June"),
            "Could you remove pay the dog for the team on 27 June please?",
            ("delete_event", {"title": "pay the dog for the team"}),
        ),
        (
            "find_event",
            ("Konfirmation",),
            "Steht Konfirmation zu Hause bald an",
            ("find_event", {"title": "Konfirmation zu Hause"}),
        ),
        (
            "create_event",
            ("Klassentreffen", "am Montag", "um 9", None),
            "Trag Klassentreffen vor der Hochzeit am Montag um 9 ein",
            ("create_event", {"title": "Klassentreffen vor der Hochzeit"}),
        ),
        (
            "create_event",
            ("drinks", "on Monday", "at 9", None),
            "Add drinks before the concert on Monday at 9",
            ("create_event", {"title": "drinks before the concert"}),  # never "drinks before"
        ),
        (
            "create_event",
            ("dentist", "for tomorrow", "at 9", None),
            "Add dentist for tomorrow at 9",
            ("create_event", {"title": "dentist"}),
        ),
        (
            "create_event",
            ("lunch", "tomorrow", "at 12", None),
            "Book lunch for me tomorrow at 12",
            ("create_event", {"title": "lunch"}),
        ),
        (
            "create_event",
            ("Essen", "zu Ostern", "um 18 Uhr", None),
            "Trag Essen zu Ostern um 18 Uhr ein",
            ("create_event", {"title": "Essen"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "am Montag", "um 9", None),
            "Trag Zahnarzt für meinen Kalender am Montag um 9 ein",
            ("create_event", {"title": "Zahnarzt"}),
        ),
        # "Termin am <place>" is the event; "Termin am Montag" a day
        (
            "find_event",
            ("Hauptbahnhof",),
            "Hab ich Termin am Hauptbahnhof schon eingetragen",
            ("find_event", {"title": "Termin am Hauptbahnhof"}),
        ),
    ],
)
def test_classes_chosen_on_a_third_split(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """Classes of v25's errors on a fresh generated split (seed 15, session 29), each with rows that must not change."""
    if expected[0] == "asks":
        with pytest.raises(CallError):
            resolve_call(SpanCall(function, phrases), TODAY, None, query)
        return
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        (
            "move_event",
            ("team lunch", None, None, None),
            "postpone the team lunch by an hour",
            ("move_event", {"title": "team lunch"}),  # never "team lunch by"
        ),
        # the request said apart from the title keeps the title's own verbs
        (
            "create_event",
            ("set up flowers for Mom", "tomorrow", "at 2 p.m.", None),
            "like new event: set up flowers for Mom, tomorrow, at 2 p.m.",
            ("create_event", {"title": "set up flowers for Mom"}),
        ),
        (
            "delete_event",
            ("im Büro Hochzeitsgeschenk streichen", None),
            "Sag im Büro Hochzeitsgeschenk streichen ab.",
            ("delete_event", {"title": "im Büro Hochzeitsgeschenk streichen"}),
        ),
        # "every" in German's dative: the repetition, never one event on the day
        (
            "create_recurring_event",
            ("Müll", None, "um 8", None, "Montag", None),
            "erinnere mich an jedem Montag um 8 an den Müll",
            ("create_recurring_event", {"frequency": "weekly", "date": "2026-12-07", "time": "08:00"}),
        ),
        (
            "create_recurring_event",
            ("Geburtstag Oma", None, "um 15 Uhr", None, "an jedem 3. Mai", None),
            "Geburtstag Oma an jedem 3. Mai um 15 Uhr",
            ("create_recurring_event", {"frequency": "yearly", "date": "2027-05-03"}),
        ),
        # the person says they are away on days: a day-long event of those days, called what they are
        (
            "delete_event",
            ("off from the 23rd", "to the 2nd"),
            "I'm off from the 23rd to the 2nd",
            ("create_all_day_event", {"title": "off", "date": "2026-12-23", "end_date": "2027-01-02"}),
        ),
        (
            "list_events",
            ("vom 23. bis 2.", None),
            "ich hab vom 23. bis 2. frei",
            ("create_all_day_event", {"title": "frei", "date": "2026-12-23", "end_date": "2027-01-02"}),
        ),
        (  # a day off said (session 33; a listing before): the day-long event "frei"
            "list_events",
            ("morgen", None),
            "ich habe morgen frei",
            ("create_all_day_event", {"title": "frei", "date": "2026-12-04", "end_date": "2026-12-04"}),
        ),
        (
            "create_all_day_event",
            ("office", "next week", None),
            "I'm out of office next week",
            ("create_all_day_event", {"title": "out of office", "date": "2026-12-07", "end_date": "2026-12-13"}),
        ),
        (
            "create_all_day_event",
            ("morgen", None, None),
            "ich bin morgen nicht da",
            ("create_all_day_event", {"title": "nicht da", "date": "2026-12-04", "end_date": "2026-12-04"}),
        ),
        (  # a title of its own, said with no day in it, is kept
            "create_all_day_event",
            ("vacation in Dublin", "for next week", None),
            "I'm on vacation in Dublin for next week.",
            ("create_all_day_event", {"title": "vacation in Dublin", "date": "2026-12-07"}),
        ),
        # one's own event said with its owner is stated as others are; one's day or calendar is no event
        (
            "list_events",
            ("june 14th", None),
            "my sister's wedding is on june 14th",
            ("create_all_day_event", {"title": "sister's wedding", "date": "2027-06-14"}),
        ),
        (
            "list_events",
            ("am 3. März", None),
            "meine Prüfung ist am 3. März",
            ("create_all_day_event", {"title": "Prüfung", "date": "2027-03-03"}),
        ),
        ("list_events", ("morgen", None), "mein Kalender ist morgen voll", ("list_events", {"date": "2026-12-04"})),
        # a clock time, a place to go, another clause, a question, a day gone: no such statement
        (  # a visit (session 34): made, its time asked
            "delete_event",
            ("gym", "tomorrow"),
            "I'm off to the gym tomorrow",
            ("create_event", {"title": "gym", "date": "2026-12-04", "time": None}),
        ),
        (
            "delete_event",
            ("meetings", "tomorrow"),
            "I'm off tomorrow so cancel my meetings",
            ("delete_event", {"title": "meetings"}),
        ),
        ("list_events", ("tomorrow", None), "am I off tomorrow?", ("list_events", {"date": "2026-12-04"})),
        ("delete_event", ("weg", "am Montag"), "ich bin am Montag um 3 weg", ("delete_event", {"title": "weg"})),
    ],
)
def test_phrasings_of_session_33(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """Real phrasings found on MASSIVE's unseen train rows and by hand (session 33)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        (
            "delete_event",
            ("bakery", "tomorrow"),
            "drop by the bakery tomorrow at 9",
            ("create_event", {"title": "drop by the bakery", "date": "2026-12-04", "time": "09:00"}),
        ),
        (
            "delete_event",
            ("gym", "tomorrow"),
            "I'm off to the gym tomorrow at 6",
            ("create_event", {"title": "gym", "date": "2026-12-04", "time": "18:00"}),
        ),
        (
            "delete_event",
            ("drop by mom's", "tomorrow"),
            "ok drop by mom's tomorrow at 5",
            ("create_event", {"title": "drop by mom's", "time": "17:00"}),
        ),
        (
            "delete_event",
            ("the post office", "on Friday"),
            "I need to stop by the post office on Friday at 10",
            ("create_event", {"title": "stop by the post office", "date": "2026-12-04", "time": "10:00"}),
        ),
        ("delete_event", ("meeting", "tomorrow"), "drop the meeting tomorrow", ("delete_event", {"title": "meeting"})),
        ("delete_event", ("yoga", "tomorrow"), "yoga tomorrow is off", ("delete_event", {"title": "yoga"})),
        (  # more weekdays copied as the end, with the clock: the days repeat, the clock is the start
            "create_recurring_event",
            ("gym", None, None, None, "every monday", "wednesday and friday at 7 am"),
            "gym every monday, wednesday and friday at 7 am",
            ("create_recurring_event", {"date": "2026-12-07", "time": "07:00", "until": None}),
        ),
        (
            "create_recurring_event",
            ("Fitnessstudio", None, "um 7 Uhr", None, "jeden Montag", "Mittwoch und Freitag"),
            "jeden Montag, Mittwoch und Freitag um 7 Uhr Fitnessstudio",
            ("create_recurring_event", {"date": "2026-12-07", "time": "07:00", "until": None}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "jeden Montag", "18. Dezember"),
            "Chor jeden Montag um 19 Uhr bis 18. Dezember",
            ("create_recurring_event", {"date": "2026-12-07", "until": "2026-12-18"}),
        ),
    ],
)
def test_phrasings_of_session_34(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """A visit ("drop by", "stop by", "I'm off to") is an event made, never the delete v25 read; more weekdays of a
    series copied as its end are none (session 34)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        (  # a clock said in clock words that the model left out ("set" is no add verb it knows)
            "create_event",
            ("meeting with Sara", "on Tuesday", None, None),
            "set a meeting with Sara for 2pm on Tuesday",
            ("create_event", {"date": "2026-12-08", "time": "14:00"}),
        ),
        ("create_event", ("meeting", None, None, None), "set a meeting for 2pm", ("create_event", {"time": "14:00"})),
        (
            "create_event",
            ("Elternabend", "am Dienstag", None, None),
            "Elternabend am Dienstag, Beginn 19:30",
            ("create_event", {"date": "2026-12-08", "time": "19:30"}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, None, None, "jeden Montag", None),
            "Chor jeden Montag, 19 Uhr",
            ("create_recurring_event", {"date": "2026-12-07", "time": "19:00"}),
        ),
        # a day said with a part of it is no whole day: the timed event, its time asked
        (
            "create_all_day_event",
            ("focus time", "Friday afternoon", None),
            "Block Friday afternoon for focus time",
            ("create_event", {"date": "2026-12-04", "time": None}),
        ),
        (
            "create_all_day_event",
            ("Fokuszeit", "Freitagnachmittag", None),
            "Freitagnachmittag Fokuszeit blocken",
            ("create_event", {"date": "2026-12-04", "time": None}),
        ),
        (
            "create_all_day_event",
            ("the move", "Friday", None),
            "block Friday for the move",
            ("create_all_day_event", {"date": "2026-12-04"}),
        ),
        (
            "create_all_day_event",
            ("Familienbesuch", "am Heiligabend", None),
            "Am Heiligabend Familienbesuch",
            ("create_all_day_event", {"date": "2026-12-24"}),
        ),
        # a span's end copied alone as the start: the whole span ("von 9 bis halb 11" was 10:30 for an hour)
        (
            "create_event",
            ("Teammeeting", "Montag", "halb 11", None),
            "Nächsten Montag Teammeeting von 9 bis halb 11",
            ("create_event", {"date": "2026-12-07", "time": "09:00", "duration_minutes": 90}),
        ),
        (
            "create_event",
            ("Teammeeting", "Montag", "11", None),
            "Nächsten Montag Teammeeting von 9 bis 11",
            ("create_event", {"time": "09:00", "duration_minutes": 120}),
        ),
        (
            "create_event",
            ("meeting", "tomorrow", "4 pm", None),
            "meeting tomorrow from 2 to 4 pm",
            ("create_event", {"time": "14:00", "duration_minutes": 120}),
        ),
        (
            "create_event",
            ("Meeting", "Montag", "um 10", None),
            "Meeting von Montag bis Mittwoch um 10",
            ("create_event", {"time": "10:00", "duration_minutes": 60}),
        ),
        # the kind of event copied where the query names it after "called"/"namens": the name
        (
            "create_recurring_event",
            ("meeting", None, "at nine thirty", None, "every weekday", None),
            "add a recurring meeting every weekday at nine thirty called standup",
            ("create_recurring_event", {"title": "standup", "time": "09:30", "frequency": "weekdays"}),
        ),
        (
            "create_event",
            ("meeting", "tomorrow", "at 3", None),
            "schedule a meeting called budget review tomorrow at 3",
            ("create_event", {"title": "budget review", "date": "2026-12-04", "time": "15:00"}),
        ),
        (
            "create_event",
            ("Termin", "am Dienstag", "um 19 Uhr", None),
            "Neuer Termin namens Elternabend am Dienstag um 19 Uhr",
            ("create_event", {"title": "Elternabend", "time": "19:00"}),
        ),
        (  # a name of its own copied: kept
            "create_event",
            ("call the guy named Bob", "tomorrow", "at 3", None),
            "call the guy named Bob tomorrow at 3",
            ("create_event", {"title": "call the guy named Bob"}),
        ),
        # "go ahead and book" asks, typed a letter off too; a title's verb at the end of the sentence is kept
        (
            "create_event",
            ("go ahead and book offsite", "Thursday morning", "at 11 o'clock", "for 2 hours"),
            "okay go ahead and book offsite Thursday morning at 11 o'clock for 2 hours.",
            ("create_event", {"title": "offsite"}),
        ),
        (
            "create_event",
            ("go aead and book drop the phone contract", "on the 20th of january", "at ten am", "for 4 hours"),
            "go aead and book drop the phone contract off on the 20th of january at ten am for 4 hours.",
            ("create_event", {"title": "drop the phone contract off"}),
        ),
        (
            "create_event",
            ("book flights to Rome", "tomorrow", "at 9", None),
            "book flights to Rome tomorrow at 9",
            ("create_event", {"title": "book flights to Rome"}),
        ),
        (
            "create_event",
            ("Bewerbung", "nächsten Samstag", "um 9 am Abend", None),
            "Erstelle bitte nächsten Samstag um 9 am Abend Bewerbung abschicken.",
            ("create_event", {"title": "Bewerbung abschicken"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "Morgen", "um 9", None),
            "Morgen um 9 Zahnarzt bitte.",
            ("create_event", {"title": "Zahnarzt"}),
        ),
        # a day said by its ordinal copied as the clock is no clock; a day after "Uhr" is no minutes; a part of
        # the day said after the copied clock is its part
        (
            "move_event",
            ("Besuch bei Matthias", None, None, "auf 13., bitte"),
            "Schieb Besuch bei Matthias auf 13., bitte.",
            ("move_event", {"new_date": "2026-12-13", "new_time": None}),
        ),
        (
            "move_event",
            ("Staffel 1 Finale", "in 10 Tagen", "auf 7. August", "auf 7. August"),
            "mal verlege den Termin Staffel 1 Finale von in 10 Tagen auf 7. August.",
            ("move_event", {"new_date": "2027-08-07", "new_time": None}),
        ),
        (
            "create_event",
            ("Treffen", "morgen", "um 13.", None),
            "Treffen morgen um 13.",
            ("create_event", {"time": "13:00"}),
        ),
        (
            "create_event",
            ("Prüfung", "um 8 Uhr 5. März", "um 8 Uhr 5. März", "für anderthalb Stunden"),
            "Leg Prüfung um 8 Uhr 5. März an, für anderthalb Stunden.",
            ("create_event", {"date": "2027-03-05", "time": "08:00"}),
        ),
        (
            "create_event",
            ("Treffen", "am 5. März", "um 8 Uhr 30.", None),
            "Treffen am 5. März um 8 Uhr 30.",
            ("create_event", {"time": "08:30"}),
        ),
        (
            "move_event",
            ("French lesson", None, None, "to 5:00"),
            "Please bump French lesson to 5:00 in the morning.",
            ("move_event", {"new_time": "05:00"}),
        ),
        (
            "move_event",
            ("Abteilungsbesprechung mit der Buchhaltung", None, None, "auf zwei Uhr dreißig"),
            "Könntest du die Abteilungsbesprechung mit der Buchhaltung auf zwei Uhr dreißig in der Nacht umterminieren",
            ("move_event", {"new_time": "02:30"}),
        ),
        (
            "create_event",
            ("Treffen", "morgen", "um 9", None),
            "Treffen um 9 morgen",
            ("create_event", {"time": "09:00"}),
        ),
        # "reschedule X for <day>": where it goes; "on <day>" names the event
        (
            "move_event",
            ("leg day", "for next Monday", None, None),
            "Reschedule my leg day for next Monday.",
            ("move_event", {"date": None, "new_date": "2026-12-07"}),
        ),
        (
            "move_event",
            ("dinner", "on Friday", None, None),
            "reschedule the dinner on Friday",
            ("move_event", {"date": "2026-12-04", "new_date": None}),
        ),
        # two clocks, the end of a span, a clock in the title, a move's old start: none taken
        (
            "create_event",
            ("Friseur", "morgen", None, None),
            "Friseur morgen, 15 Uhr oder 16 Uhr",
            ("create_event", {"date": "2026-12-04", "time": None}),
        ),
        (
            "create_event",
            ("meeting", "tomorrow", None, None),
            "meeting until 6pm tomorrow",
            ("create_event", {"time": None}),
        ),
        (
            "create_event",
            ("3pm slot with Tom", "tomorrow", None, None),
            "book the 3pm slot with Tom tomorrow",
            ("create_event", {"time": None}),
        ),
        (
            "move_event",
            ("meeting", None, "Friday", None),
            "move my 3pm meeting to Friday",
            ("move_event", {"new_date": "2026-12-04", "new_time": None}),
        ),
    ],
)
def test_phrasings_of_session_35(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """A clock time said in clock words that the model left empty is the start (session 35); never one of two,
    the end of a span, one inside the title or the old start of a move. A day said with a part of it ("Friday
    afternoon") is no day-long event."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("query", "phrases", "shown"),
    [
        ("Termin am 31. Februar um 10 Uhr Zahnarzt", ("Zahnarzt", "am 31. Februar", "um 10 Uhr", None), "31. Februar"),
        ("add dentist on february 30th at 10", ("dentist", "on february 30th", "at 10", None), "february 30th"),
        ("Zahnarzt am 32.12. um 9", ("Zahnarzt", "am 32.12.", "um 9", None), "32.12."),
    ],
)
def test_a_day_said_that_does_not_exist_is_said_so(query: str, phrases: tuple, shown: str) -> None:
    """ "Termin am 31. Februar ..." was "not a calendar command" (a request that starts with "Termin" dropped the
    reading that failed); now the day is named as one that does not exist, in both languages (session 35)."""
    with pytest.raises(CallError) as caught:
        resolve_call(SpanCall("create_event", phrases), TODAY, None, query)
    assert caught.value.said == "date_impossible", caught.value
    de, en = caught.value.reason("de"), caught.value.reason("en")
    assert shown in de and "gibt es nicht" in de and shown in en and "not a real date" in en, (de, en)


@pytest.mark.parametrize(
    ("span", "query", "title"),
    [
        (SpanCall("list_events", (None, None)), "what's my next appointment", "next event"),
        (SpanCall("list_events", (None, None)), "wann ist mein nächster termin", "nächster Termin"),
        (SpanCall("find_event", ("appointment",)), "what time is my next appointment", "next event"),
        (SpanCall("list_events", (None, None)), "whats next on my calendar", "next event"),
        (SpanCall("list_events", (None, None)), "was steht als nächstes an?", "nächster Termin"),
        (SpanCall("list_events", (None, None)), "when am I seeing Priya", "Priya"),
        (SpanCall(None, ()), "wann sehe ich Oma wieder", "Oma"),
        (SpanCall("find_event", ("meet Tom",)), "when do I meet Tom", "Tom"),
        # a named one stays itself; a listing of days, nobody's next, a delete stay as read
        (
            SpanCall("find_event", ("appointment with dr smith",)),
            "when is my next appointment with dr smith",
            "appointment with dr smith",
        ),
        (SpanCall("list_events", ("next week", None)), "what's next week like", "list_events"),
        (SpanCall(None, ()), "when is the next train to Berlin", None),
        (SpanCall("delete_event", ("nächster Termin", None)), "lösche meinen nächsten Termin", "delete_event"),
        (SpanCall("list_events", ("tomorrow", None)), "when do I see you tomorrow", "list_events"),
    ],
)
def test_the_next_event_and_whom_one_sees_are_looked_for(span: SpanCall, query: str, title: str | None) -> None:
    """ "what's my next appointment" listed today and "when am I seeing Priya" too (session 34): the first is the
    find of the next event (the dialog answers it whatever its title), the second the find of Priya. ``title`` is
    the found one's, or the function read when it is none."""
    call = resolve_call(span, TODAY, None, query)
    if title is None:
        assert call.function is None, call
    elif title in ("list_events", "delete_event"):
        assert call.function == title, call
    else:
        assert call == Call("find_event", {"title": title}), call


def test_a_delete_without_its_event_says_which_is_missing() -> None:
    """ "which event you mean was not said", in the person's language, never "'title' is missing"."""
    with pytest.raises(CallError) as caught:
        resolve_call(SpanCall("delete_event", (None, "tomorrow")), TODAY, None, "delete tomorrow")
    assert "which event" in caught.value.reason("en") and "welcher Termin" in caught.value.reason("de")


@pytest.mark.parametrize(
    ("time", "query", "expected"),
    [
        ("at eight", "add dinner with Sam on Saturday at eight", "20:00"),
        ("um acht", "Abendessen mit Paul am Freitag um acht", "20:00"),
        ("at 10:00", "dinner with the board at 10:00", "10:00"),  # late or early: as said
        ("at six", "breakfast with Sam on Saturday at six", "06:00"),
        ("um 6", "Frühstück mit Oma am Sonntag um 6", "06:00"),
        ("at 6 o'clock", "reschedule the lunch with María to 6 o'clock", "18:00"),  # any bare hour 1-6
        ("at eight", "add the call with Sam on Saturday at eight", "08:00"),
        ("at eight", "move breakfast to dinner time at eight", "08:00"),  # two meals say neither
        ("at 7 am", "dinner at 7 am", "07:00"),
        ("um 8", "Elternabend am Dienstag um 8", "20:00"),  # an evening said by its event (session 34)
        ("at 8", "date night with Alex on Friday at 8", "20:00"),
        ("at 9", "movie night at 9", "21:00"),
        ("at 8", "dinner and game night at 8", "20:00"),
        ("um 10", "Sonnabend um 10 Flohmarkt", "10:00"),  # a Saturday, no evening
        ("um 7", "morgen früh um 7 Elternabend vorbereiten", "07:00"),  # the morning said wins
        ("at 8", "night shift at 8", "08:00"),  # only an evening's event: a shift is as said
    ],
)
def test_a_meal_says_its_part_of_the_day(time: str, query: str, expected: str) -> None:
    """ "dinner at eight" is at 20:00, as everybody means it; a bare hour elsewhere is read as before."""
    assert resolve_time(time, "de" if " um " in f" {time} " else "en", context=query) == dt.time.fromisoformat(expected)


@pytest.mark.parametrize(
    "phrase", ["every two days", "alle drei Wochen", "jeden zweiten Tag", "twice a week", "dreimal pro Woche"]
)
def test_a_repetition_no_frequency_makes_is_answered_with_those_there_are(phrase: str) -> None:
    """Never "unclear": the person hears which series can be made (the weekday of the month is refused alike)."""
    with pytest.raises(CallError) as caught:
        span = SpanCall(_SERIES, ("Gießen", None, "um 8", None, phrase, None))
        resolve_call(span, TODAY, None, f"{phrase} um 8 Gießen")
    assert "wöchentlich" in caught.value.reason("de") and "weekly" in caught.value.reason("en")


@pytest.mark.parametrize(
    ("query", "away"),
    [
        ("I'm off from the 23rd to the 2nd", True),
        ("I'll be away next week", True),
        ("we're on holiday over Easter", True),
        ("ich bin vom 3. bis 7. Januar verreist", True),
        ("wir haben über Ostern frei", True),
        ("ich hab zwischen Weihnachten und Neujahr frei", True),
        ("I'm off", False),  # no days
        ("I was off last week", False),
        ("I'm off at 5 tomorrow", False),
        ("ich bin am Montag ab halb drei weg", False),
        ("ich bin morgen um drei weg", False),
        ("I'm off to the gym tomorrow", False),
        ("I'm off tomorrow and Friday", False),  # two days, not a span: the model reads it
        ("am I off tomorrow?", False),
    ],
)
def test_being_away_on_days_is_told(query: str, away: bool) -> None:
    assert says_one_is_away(query, TODAY) is away


_SERIES = "create_recurring_event"


@pytest.mark.parametrize(
    ("phrases", "query", "expected"),
    [
        # how often, said as the title's adjective while the repetition is copied from other words
        (
            ("review", None, "at 5 pm", None, "every Friday", None),
            "weekly review every Friday at 5 pm",
            {"title": "weekly review", "frequency": "weekly"},
        ),
        (
            ("standup", None, "at 9", None, "every weekday", None),
            "add a daily standup every weekday at 9",
            {"title": "daily standup", "frequency": "weekdays"},
        ),
        (
            ("Teammeeting", None, "um 10", None, "jeden Montag", None),
            "Wöchentliches Teammeeting jeden Montag um 10",
            {"title": "Wöchentliches Teammeeting", "frequency": "weekly"},
        ),
        # the repetition itself copied: no part of the title; "wöchentlich" alone is an adverb, not the title's
        (
            ("team call", None, "at 5", None, "weekly", None),
            "weekly team call on Fridays at 5",
            {"title": "team call", "frequency": "weekly"},
        ),
        (
            ("Teammeeting", None, "um 10", None, "montags", None),
            "wöchentlich Teammeeting montags um 10",
            {"title": "Teammeeting"},
        ),
        # "until the end of March" with the month alone copied: the last day of March, not the first day
        (
            ("class", None, "at 6:30 pm", "one hour", "every Thursday", "March"),
            "add back class every Thursday at 6:30 pm for one hour until the end of March",
            {"until": "2027-03-31", "frequency": "weekly"},
        ),
        (
            ("Chor", None, "um 19 Uhr", None, "jeden Dienstag", "März"),
            "Chor jeden Dienstag um 19 Uhr bis Ende März",
            {"until": "2027-03-31"},
        ),
        (  # a month said as the first day stays the first day
            ("class", None, "at 6:30 pm", None, "every Thursday", "March"),
            "evening class every Thursday at 6:30 pm starting March",
            {"until": None},
        ),
    ],
)
def test_series_read_from_the_handwritten_sets_errors(phrases: tuple, query: str, expected: dict) -> None:
    """Classes of v32's errors on the hand-written set (session 30), each with rows that must not change."""
    _assert_resolves_as(SpanCall(_SERIES, phrases), query, (_SERIES, expected))


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        # a correction after "no wait" / "no actually" (the marker "no" alone was taken, the rest read as words)
        (
            "create_event",
            ("meeting with HR", "monday", "at 10", None),
            "add meeting with HR on monday at 10 no wait 11",
            ("create_event", {"time": "11:00"}),
        ),
        (
            "create_event",
            ("haircut", "next saturday", "at 10", None),
            "can you schedule a haircut for next saturday at 10 no actually 11",
            ("create_event", {"time": "11:00"}),
        ),
        (
            "create_event",
            ("Termin beim Finanzamt", "am Montag", "um 10", None),
            "Termin beim Finanzamt am Montag um 10, nein warte, um 11",
            ("create_event", {"time": "11:00"}),
        ),
        (
            "create_event",
            ("coffee with james", "on monday", "at nine", None),
            "add coffee with james on monday at nine no make that ten",
            ("create_event", {"time": "10:00"}),
        ),
        (
            "create_event",
            ("Kaffee", "am Montag", "um neun", None),
            "Kaffee am Montag um neun, nein, mach das zehn",
            ("create_event", {"time": "10:00"}),
        ),
        # a small word a speech recognizer wrote twice
        (
            "create_event",
            ("meeting with the the landlord", "friday", "at ten a m", None),
            "put in meeting with the the landlord friday at ten a m",
            ("create_event", {"title": "meeting with the landlord", "time": "10:00"}),
        ),
        # British "half five" is 5:30 (German "halb fünf" stays 4:30; "half an hour" a length)
        (
            "create_event",
            ("drinks with the team", "on friday", "at half five", None),
            "drinks with the team on friday at half five",
            ("create_event", {"time": "17:30"}),
        ),
        (
            "create_event",
            ("Kaffee", "am Freitag", "um halb fünf", None),
            "Kaffee am Freitag um halb fünf",
            ("create_event", {"time": "16:30"}),
        ),
        (
            "create_event",
            ("call", "tomorrow", "at 9", "for half an hour"),
            "call tomorrow at 9 for half an hour",
            ("create_event", {"time": "09:00", "duration_minutes": 30}),
        ),
        # a show people go to at night: "Kino um acht" is 20:00 as "dinner at eight" is
        (
            "create_event",
            ("Kino mit Ben", "am Samstag", "um acht", None),
            "äh trag mal äh Kino mit Ben am Samstag um acht ein",
            ("create_event", {"time": "20:00"}),
        ),
        (
            "create_event",
            ("concert", "on friday", "at 7", None),
            "concert on friday at 7",
            ("create_event", {"time": "19:00"}),
        ),
        (
            "create_event",
            ("Probe", "am Samstag", "um acht", None),
            "Probe am Samstag um acht",
            ("create_event", {"time": "08:00"}),
        ),
        (
            "create_event",
            ("teamessen", "donnerstag", "um 7", None),
            "nächsten donnerstag um 7 haben wir teamessen",
            ("create_event", {"time": "19:00"}),
        ),
        (
            "create_event",
            ("Meeting in Essen", None, "um 9", None),
            "Meeting in Essen um 9",
            ("create_event", {"time": "09:00"}),
        ),
        # a note to self, a calendar blocked with no name, what one is that day
        (
            "create_event",
            ("self buy milk", None, None, None),
            "note to self buy milk",
            ("create_event", {"title": "buy milk"}),
        ),
        (
            "create_event",
            ("self defense class", "on friday", "at 6", None),
            "self defense class on friday at 6",
            ("create_event", {"title": "self defense class"}),
        ),
        (
            "create_event",
            ("calendar", "tomorrow afternoon", None, None),
            "block my calendar tomorrow afternoon",
            ("create_event", {"title": None, "date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("I'm busy", "on thursday", "from 2 to 5", None),
            "I'm busy on thursday from 2 to 5",
            ("create_event", {"title": "busy", "time": "14:00", "duration_minutes": 180}),
        ),
        # a reminder's infinitive with "zu" is the to-do's plain infinitive
        (
            "create_event",
            ("Oma zu besuchen", "am Sonntag", "um 15 Uhr", None),
            "Erinnere mich, Oma zu besuchen am Sonntag um 15 Uhr",
            ("create_event", {"title": "Oma besuchen"}),
        ),
        (
            "create_event",
            ("Steuer abzugeben", "am Freitag", None, None),
            "Erinner mich dran, am Freitag die Steuer abzugeben",
            ("create_event", {"title": "Steuer abgeben"}),
        ),
        # "take X off my calendar": "take" asks; a to-do that starts with "take" keeps it
        (
            "delete_event",
            ("take the gym", "tomorrow"),
            "take the gym off my calendar tomorrow",
            ("delete_event", {"title": "gym"}),
        ),
        (
            "delete_event",
            ("take out the trash", "tomorrow"),
            "delete take out the trash tomorrow",
            ("delete_event", {"title": "take out the trash"}),
        ),
        # a day named by the kind of day it is: that is the title
        (
            "create_all_day_event",
            ("december 31", None, None),
            "mark december 31 as a holiday",
            ("create_all_day_event", {"title": "holiday", "date": "2026-12-31"}),
        ),
        (
            "create_all_day_event",
            ("put the 28th down", None, None),
            "put the 28th down as a day off",
            ("create_all_day_event", {"title": "day off", "date": "2026-12-28"}),
        ),
        (
            "create_all_day_event",
            ("Am 31. Dezember", None, None),
            "Am 31. Dezember ganztägig frei",
            ("create_all_day_event", {"title": "frei", "date": "2026-12-31"}),
        ),
        (
            "create_all_day_event",
            ("Brückentag", "den 2. Januar", None),
            "Markier den 2. Januar als Brückentag",
            ("create_all_day_event", {"title": "Brückentag", "date": "2027-01-02"}),
        ),
        # an appointment noted with its day alone: its time is asked; a visit on a holiday stays the day's
        (
            "create_all_day_event",
            ("Arzttermin", "Nächste Woche Mittwoch", None),
            "Nächste Woche Mittwoch Arzttermin",
            ("create_event", {"date": "2026-12-09", "time": None}),
        ),
        (
            "create_all_day_event",
            ("Familienbesuch", "am Heiligabend", None),
            "Am Heiligabend Familienbesuch",
            ("create_all_day_event", {"date": "2026-12-24"}),
        ),
        (
            "create_all_day_event",
            ("Sommerfest", "am Samstag", None),
            "Sommerfest am Samstag",
            ("create_all_day_event", {"date": "2026-12-05"}),
        ),
        # the request said after the event, its verb copied with the title
        (
            "create_event",
            ("bank trag", "dienstag", "um drei", None),
            "hm ich glaub ich hab am dienstag um drei einen termin bei der bank trag das mal ein",
            ("create_event", {"title": "termin bei der bank", "time": "15:00"}),
        ),
        # what a day is, stated: the day-long event (or the appointment, its time asked); never time one has
        (
            "list_events",
            ("morgen", None),
            "morgen hab ich homeoffice",
            ("create_all_day_event", {"title": "homeoffice", "date": "2026-12-04"}),
        ),
        (
            "list_events",
            ("am Freitag", None),
            "am Freitag hab ich Urlaub",
            ("create_all_day_event", {"title": "Urlaub", "date": "2026-12-04"}),
        ),
        (
            "list_events",
            ("am Freitag", None),
            "am Freitag hab ich Zahnarzt",
            ("create_event", {"title": "Zahnarzt", "date": "2026-12-04", "time": None}),
        ),
        ("list_events", ("morgen", None), "morgen hab ich Zeit", ("list_events", {"date": "2026-12-04"})),
        (
            "list_events",
            ("heiligabend", None),
            "ich hab frei von heiligabend bis zum 2. januar",
            ("create_all_day_event", {"title": "frei", "date": "2026-12-24", "end_date": "2027-01-02"}),
        ),
        ("list_events", ("bis freitag", None), "ich hab zeit bis freitag", ("list_events", {"date": "2026-12-03"})),
        ("list_events", ("morgen", None), "hab ich morgen frei", ("list_events", {"date": "2026-12-04"})),
        ("list_events", ("morgen", None), "morgen hab ich frei?", ("list_events", {"date": "2026-12-04"})),
        # a day marked as a kind of day, which the model declines
        (None, (), "mark saturday as a holiday", ("create_all_day_event", {"title": "holiday", "date": "2026-12-05"})),
        (None, (), "trag Freitag als Urlaubstag ein", ("create_all_day_event", {"title": "Urlaubstag"})),
        # any name, where what is marked is a day (SLURP and MASSIVE de-DE test: "mark today as the start of my diet")
        (None, (), "mark today as the start of my diet", ("create_all_day_event", {"title": "start of my diet"})),
        (
            "list_events",
            ("die nächste woche", None),
            "die nächste woche frei.",
            ("create_all_day_event", {"title": "frei"}),
        ),
        # who the event is with, said after its day (and time): part of the title
        (
            "delete_event",
            ("termin", "morgen"),
            "kannst du den termin morgen mit herrn weber löschen",
            ("delete_event", {"title": "termin mit herrn weber"}),
        ),
        (
            "delete_event",
            ("meeting", "tomorrow"),
            "cancel the meeting tomorrow with jack",
            ("delete_event", {"title": "meeting with jack"}),
        ),
        (
            "create_event",
            ("dinner", "tomorrow", "at 7", None),
            "dinner tomorrow at 7 with Sam",
            ("create_event", {"title": "dinner with Sam", "time": "19:00"}),
        ),
        (
            "create_event",
            ("besprechung", "nächsten dienstag", "um elf uhr", None),
            "eine besprechung nächsten dienstag um elf uhr mit jessica festlegen",
            ("create_event", {"title": "besprechung mit jessica"}),
        ),
        # a kind of day and the day, nothing else said
        (None, (), "freitag homeoffice", ("create_all_day_event", {"title": "homeoffice", "date": "2026-12-04"})),
        (
            "create_event",
            ("sick day", "tomorrow", None, None),
            "sick day tomorrow",
            ("create_all_day_event", {"title": "sick day", "date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("Krankenhaus", "morgen", None, None),
            "Krankenhaus morgen",
            ("create_event", {"title": "Krankenhaus", "time": None}),
        ),
        ("list_events", (None, None), "was kommt als nächstes", ("find_event", {"title": "nächster Termin"})),
        # a series named by its events, deleted: the next one, whose delete asks whether the whole series goes
        (
            "create_recurring_event",
            ("yoga class", None, None, None, "every yoga class", None),
            "delete every yoga class",
            ("delete_event", {"title": "yoga class", "date": None}),
        ),
        # a yearly or monthly series' first day said without "ab"/"starting"; "every 1st of the month"
        (
            "create_recurring_event",
            ("birthday", None, None, None, "every year", None),
            "add my birthday on april 2nd every year",
            ("create_recurring_event", {"date": "2027-04-02", "frequency": "yearly"}),
        ),
        (
            "create_recurring_event",
            ("geburtstag", None, None, None, "jährlich", None),
            "trag meinen geburtstag am 2. april jährlich ein",
            ("create_recurring_event", {"date": "2027-04-02"}),
        ),
        (
            "create_recurring_event",
            ("Impfung", None, "um halb sieben", None, "monatlich", None),
            "monatlich um halb sieben Impfung, bis zum 10. August.",
            ("create_recurring_event", {"date": "2026-12-03", "until": "2027-08-10"}),
        ),
        (
            "create_recurring_event",
            ("pay rent", None, "at 9", None, "every 1st of the month", None),
            "every 1st of the month at 9 pay rent",
            ("create_recurring_event", {"date": "2027-01-01", "frequency": "monthly"}),
        ),
        # days of a month are no clock ("bis 7"); a span of hours keeps its end ("am" Donnerstag is no meridiem)
        (
            "delete_event",
            ("reise nach rom", "vom 3. bis 7. februar"),
            "reise nach rom vom 3. bis 7. februar",
            ("create_all_day_event", {"date": "2027-02-03", "end_date": "2027-02-07"}),
        ),
        (
            "create_event",
            ("Workshop", "Donnerstag", "von 9 bis 17", None),
            "Workshop von 9 bis 17 am Donnerstag",
            ("create_event", {"time": "09:00", "duration_minutes": 480}),
        ),
        # spans: between two named days, the rest of the week, a length said as the event's adjective
        (
            "list_events",
            ("weihnachten und neujahr", None),
            "was hab ich zwischen weihnachten und neujahr",
            ("list_events", {"date": "2026-12-25", "end_date": "2027-01-01"}),
        ),
        (
            "list_events",
            ("between christmas and new year", None),
            "what do I have between christmas and new year",
            ("list_events", {"date": "2026-12-25", "end_date": "2027-01-01"}),
        ),
        (
            "list_events",
            ("den rest der woche", None),
            "was hab ich den rest der woche noch",
            ("list_events", {"date": "2026-11-30", "end_date": "2026-12-06"}),
        ),
        (
            "create_all_day_event",
            ("conference in berlin", "march 10", None),
            "put a 3 day conference in berlin starting march 10",
            ("create_all_day_event", {"date": "2027-03-10", "end_date": "2027-03-12"}),
        ),
        (
            "create_all_day_event",
            ("Urlaub", "dem 1. August", None),
            "zweiwöchiger Urlaub ab dem 1. August",
            ("create_all_day_event", {"date": "2027-08-01", "end_date": "2027-08-14"}),
        ),
        (
            "create_all_day_event",
            ("day trip about sales numbers", "on April 26", None),
            "All day on April 26 day trip about sales numbers",
            ("create_all_day_event", {"end_date": "2027-04-26"}),
        ),
        (
            "create_recurring_event",
            ("drinks with Grandma", None, "at 15:00", "for five mins", "once a week", None),
            "Add drinks with Grandma once a week at 15:00, for five mins.",
            ("create_recurring_event", {"until": None}),
        ),
        # a move's "from 12 to 1" is where it was and where it goes; a create's "3:30 to 4:15" is its span
        (
            "move_event",
            ("lunch with dave", None, None, "to 1"),
            "change lunch with dave from 12 to 1",
            ("move_event", {"new_time": "13:00"}),
        ),
        (
            "move_event",
            ("lunch with dave", None, None, "from 12 to 1"),
            "move lunch with dave from 12 to 1",
            ("move_event", {"new_time": "13:00"}),
        ),
        (
            "create_event",
            ("haircut", "tomorrow", "3:30", None),
            "add haircut tomorrow 3:30 to 4:15",
            ("create_event", {"time": "15:30", "duration_minutes": 45}),
        ),
        # no longer needed: the delete (confirmed first); "help" is no event
        (None, (), "I don't need the dentist appointment anymore", ("delete_event", {"title": "dentist appointment"})),
        (
            "find_event",
            ("zahnarzttermin",),
            "den zahnarzttermin brauch ich nicht mehr",
            ("delete_event", {"title": "zahnarzttermin", "date": None}),
        ),
        (
            None,
            (),
            "ich brauche den termin am freitag nicht mehr",
            ("delete_event", {"title": "termin", "date": "2026-12-04"}),
        ),
        (
            "delete_event",
            ("mit dem standup", "morgen"),
            "weg mit dem standup morgen",
            ("delete_event", {"title": "standup"}),
        ),
        (None, (), "wann muss ich das auto abholen", ("find_event", {"title": "auto abholen"})),
        # a whole day cancelled: every event on it (listed and confirmed first); "Neujahr" may be an event's name
        (
            "delete_event",
            ("tomorrow", None),
            "cancel tomorrow",
            ("delete_event", {"title": "all events", "date": "2026-12-04"}),
        ),
        (None, (), "sag morgen alles ab", ("delete_event", {"title": "alle Termine", "date": "2026-12-04"})),
        (
            "delete_event",
            ("neujahr", None),
            "lösche neujahr vom kalender",
            ("delete_event", {"title": "neujahr", "date": None}),
        ),
        # a series for the next weeks, said first without "für"
        (
            "create_recurring_event",
            ("töpferkurs", "die nächsten 4 wochen", "um 19 uhr", None, "jeden dienstag", None),
            "die nächsten 4 wochen jeden dienstag um 19 uhr töpferkurs",
            ("create_recurring_event", {"until": "2027-01-04"}),  # counted from its first day
        ),
        # the day that owns the event ("tomorrow's 9am"): its day; the dialog finds it by its start
        (
            "move_event",
            ("tomorrow's 9am", None, None, "to 10"),
            "can you move tomorrow's 9am to 10",
            ("move_event", {"title": "9am", "date": "2026-12-04", "new_time": "10:00"}),
        ),
        # when one's own event is, by its time or by where a trip goes
        (
            "find_event",
            ("fliege ich nach mallorca",),
            "wann fliege ich nach mallorca",
            ("find_event", {"title": "mallorca"}),
        ),
        (
            "list_events",
            (None, None),
            "um wie viel uhr ist mein zahnarzttermin",
            ("find_event", {"title": "zahnarzttermin"}),
        ),
        ("list_events", ("on friday", None), "what time is my flight on friday", ("find_event", {"title": "flight"})),
        (
            "list_events",
            (None, None),
            "um wieviel uhr fängt das galadinner an",
            ("find_event", {"title": "galadinner"}),
        ),
    ],
)
def test_phrasings_of_session_36(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """Commands typed as a person would (session 36), each failure a class: corrections after "no wait", British
    "half five", shows at night, "zu" infinitives, "take X off", a day named by its kind, appointments noted with a
    day, a request after the event, statements of what a day is, "what time is my ...", trips."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        # which one of its kind a new event is ("erster Arbeitstag"); never the ordinal of a day
        (
            "create_event",
            ("Arbeitstag", "Am 1.3.", "um 8 Uhr", None),
            "Am 1.3. um 8 Uhr erster Arbeitstag",
            ("create_event", {"title": "erster Arbeitstag", "date": "2027-03-01", "time": "08:00"}),
        ),
        (
            "create_event",
            ("rehearsal", "on Friday", "at 6 pm", None),
            "add the first rehearsal on Friday at 6 pm",
            ("create_event", {"title": "first rehearsal"}),
        ),
        (
            "create_event",
            ("Jahresplanung", "Am ersten Montag im Januar", "um 9 Uhr", None),
            "Am ersten Montag im Januar um 9 Uhr Jahresplanung",
            ("create_event", {"title": "Jahresplanung", "date": "2027-01-04"}),
        ),
        (
            "create_event",
            ("rehearsal", None, "at 6 pm", None),
            "rehearsal on the first at 6 pm",
            ("create_event", {"title": "rehearsal", "date": "2027-01-01"}),
        ),
        # "Got a ...": what one has is the title, "got" is no to-do's verb
        (
            "create_event",
            ("job interview at Siemens", "on Wednesday", "at 2:30 pm", None),
            "Got a job interview at Siemens on Wednesday at 2:30 pm",
            ("create_event", {"title": "job interview at Siemens", "date": "2026-12-09", "time": "14:30"}),
        ),
        (
            "create_event",
            ("pick up the kids", "on Friday", "at 3", None),
            "get the kids on Friday at 3",
            ("create_event", {"title": "pick up the kids"}),
        ),
        # a reminder asked for without "remind": "Bescheid wegen ...", "a heads up about ..."
        (
            "create_event",
            ("Bescheid wegen der Fahrkarten", "am Sonntag", "um 18 Uhr", None),
            "Sag mir am Sonntag um 18 Uhr Bescheid wegen der Fahrkarten",
            ("create_event", {"title": "Fahrkarten", "date": "2026-12-06", "time": "18:00"}),
        ),
        (
            "create_event",
            ("heads up about the train tickets", "on Sunday", "at 6 pm", None),
            "Give me a heads up about the train tickets on Sunday at 6 pm",
            ("create_event", {"title": "train tickets"}),
        ),
        # "ist jetzt am Freitag um 11": the day after "jetzt" goes with the new time; before it, it names the event
        (
            "move_event",
            ("Zahnarzt", "am Freitag", None, "um 11"),
            "Der Zahnarzt ist jetzt am Freitag um 11",
            ("move_event", {"date": None, "new_date": "2026-12-04", "new_time": "11:00"}),
        ),
        (
            "move_event",
            ("dentist", "on Friday", None, "at 11"),
            "The dentist is now on Friday at 11",
            ("move_event", {"date": None, "new_date": "2026-12-04", "new_time": "11:00"}),
        ),
        (
            "move_event",
            ("dentist", "on Friday", None, "at 11"),
            "The dentist on Friday is now at 11",
            ("move_event", {"date": "2026-12-04", "new_date": None, "new_time": "11:00"}),
        ),
        # a series that starts in a month: its first weekday in that month
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "jeden Donnerstag", None),
            "Ab Januar jeden Donnerstag um 19 Uhr Chor",
            ("create_recurring_event", {"date": "2027-01-07", "frequency": "weekly"}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "jeden Donnerstag", None),
            "Ab nächster Woche jeden Donnerstag um 19 Uhr Chor",
            ("create_recurring_event", {"date": "2026-12-10"}),
        ),
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "jeden Donnerstag", None),
            "Ab 19 Uhr jeden Donnerstag Chor",
            ("create_recurring_event", {"date": "2026-12-03"}),
        ),
        # "zwischen 8 und 10" after a day: hours (a visit's window), not the 8th to the 10th
        (
            "create_all_day_event",
            ("Der Handwerker kommt", "morgen", "zwischen 8 und 10"),
            "Der Handwerker kommt morgen zwischen 8 und 10",
            ("create_event", {"date": "2026-12-04", "time": "08:00", "duration_minutes": 120}),
        ),
        (
            "create_all_day_event",
            ("plumber", "tomorrow", "between 8 and 10 am"),
            "The plumber is coming tomorrow between 8 and 10 am",
            ("create_event", {"title": "plumber", "time": "08:00", "duration_minutes": 120}),
        ),
        (
            "create_all_day_event",
            ("Urlaub", "zwischen dem 8. und 10.", None),
            "Urlaub zwischen dem 8. und 10.",
            ("create_all_day_event", {"date": "2026-12-08", "end_date": "2026-12-10"}),
        ),
        # half B: "Block out the 23rd for the move" read as a delete is the day blocked (a time said: that time)
        (
            "delete_event",
            ("move", None),
            "Block out the 23rd for the move",
            ("create_all_day_event", {"title": "move", "date": "2026-12-23", "end_date": "2026-12-23"}),
        ),
        (
            "delete_event",
            ("lunch with Megan", None),
            "Block out time for lunch with Megan tomorrow",
            ("create_event", {"title": "lunch with Megan", "date": "2026-12-04", "time": None}),
        ),
        # what a sentence says of an event is no word of its name
        (
            "move_event",
            ("Weihnachtsfeier", None, "auf den 18.", None),
            "Die Weihnachtsfeier wurde auf den 18. verlegt",
            ("move_event", {"title": "Weihnachtsfeier", "new_date": "2026-12-18"}),
        ),
        (
            "create_event",
            ("dinner with the neighbors", "Friday", "at 7 pm", None),
            "We're having dinner with the neighbors Friday at 7 pm, write that down",
            ("create_event", {"title": "dinner with the neighbors", "time": "19:00"}),
        ),
        # "X on Wednesday is at 5 pm now": the day names the event, the clock is where it goes
        (
            "move_event",
            ("teacher meeting", None, "on Wednesday", "at 5 pm"),
            "The parent teacher meeting on Wednesday is at 5 pm now",
            ("move_event", {"title": "parent teacher meeting", "date": "2026-12-09", "new_date": None}),
        ),
        (
            "move_event",
            ("Elterngespräch", None, "am Mittwoch", "um 17 Uhr"),
            "Das Elterngespräch am Mittwoch ist jetzt um 17 Uhr",
            ("move_event", {"date": "2026-12-09", "new_date": None, "new_time": "17:00"}),
        ),
        # "no sorry" corrects
        (
            "create_event",
            ("Dentist", "on the 14th", "at 8 am", None),
            "Dentist on the 14th, no sorry, the 15th at 8 am",
            ("create_event", {"date": "2026-12-15", "time": "08:00"}),
        ),
        # another event's day said after the title is what the to-do is for; its own day is said elsewhere
        (
            "create_event",
            ("finish the slides", "for Monday's pitch", "Tonight at 9", None),
            "Tonight at 9 finish the slides for Monday's pitch",
            ("create_event", {"title": "finish the slides for Monday's pitch", "date": "2026-12-03", "time": "21:00"}),
        ),
        (
            "create_event",
            ("review the notes", "for Friday's presentation", "at 3", None),
            "review the notes for Friday's presentation on Thursday at 3",
            ("create_event", {"title": "review the notes for Friday's presentation", "date": "2026-12-10"}),
        ),
        # who one does it with, said with an article before the activity
        (
            "create_event",
            ("Nachbarn essen", "am Freitag", "um 19 Uhr", None),
            "Wir gehen am Freitag um 19 Uhr mit den Nachbarn essen, schreib das auf",
            ("create_event", {"title": "mit den Nachbarn essen"}),
        ),
        # a day said before a comma is no part of the target's words ("gym today, move it to tomorrow")
        (
            "move_event",
            ("gym", "today", "to tomorrow", None),
            "I can't make it to the gym today, move it to tomorrow",
            ("move_event", {"date": "2026-12-03", "new_date": "2026-12-04"}),
        ),
        # "hang on" corrects
        (
            "create_event",
            ("concert", "Friday", "at 8 pm", None),
            "Friday at 8 pm, hang on, 8:30 concert",
            ("create_event", {"time": "20:30"}),
        ),
        # an event said to be somewhere else now ("doch", "after all", "jetzt ... nicht ..."): its move
        (
            "create_event",
            ("Abendessen mit Tim", "am Samstag", None, None),
            "Das Abendessen mit Tim findet doch am Samstag statt",
            ("move_event", {"title": "Abendessen mit Tim", "date": None, "new_date": "2026-12-05"}),
        ),
        (
            "create_all_day_event",
            ("Dinner with Tim", "on Saturday", None),
            "Dinner with Tim is on Saturday after all",
            ("move_event", {"date": None, "new_date": "2026-12-05"}),
        ),
        (
            "move_event",
            ("Abendessen mit Tim", "am Samstag", None, None),
            "Das Abendessen mit Tim findet jetzt am Samstag statt",
            ("move_event", {"date": None, "new_date": "2026-12-05"}),
        ),
        (
            "create_event",
            ("termin mit katharina", "freitag nächste woche", "am übernächsten donnerstag 12 uhr", None),
            "termin mit katharina ist jetzt am übernächsten donnerstag 12 uhr, nicht freitag nächste woche.",
            ("move_event", {"date": "2026-12-11", "new_date": "2026-12-17", "new_time": "12:00"}),
        ),
        (
            "create_event",
            ("Party", "am Samstag", "um 20 Uhr", None),
            "Die Party ist am Samstag um 20 Uhr",
            ("create_event", {"title": "Party", "date": "2026-12-05"}),
        ),
        (
            "create_event",
            ("party", "on Saturday", "at 8 pm", None),
            "The party is now on Saturday at 8 pm, add it",
            ("create_event", {"title": "party"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "morgen", None, None),
            "Morgen ist doch Zahnarzt",
            ("create_all_day_event", {"title": "Zahnarzt", "date": "2026-12-04"}),
        ),
        # the delete verb copied as the title, the event named before its day
        (
            "delete_event",
            ("streichen", "morgen"),
            "Den Friseur morgen kannst du streichen",
            ("delete_event", {"title": "Friseur", "date": "2026-12-04"}),
        ),
        (
            "delete_event",
            ("streichen", "nächste woche freitag"),
            "könntest du nächste woche freitag lauftreff im hofbräuhaus streichen?",
            ("delete_event", {"title": "lauftreff im hofbräuhaus"}),
        ),
        # New Year's Eve at a bare hour is its evening
        (
            "create_event",
            ("Silvester", None, "um acht bei Tom", None),
            "Silvester um acht bei Tom",
            ("create_event", {"date": "2026-12-31", "time": "20:00"}),
        ),
        # a reminder "ans ..." (an das), also with "erinnern" after it
        (
            "create_recurring_event",
            ("Erinnere mich", None, "um 20 Uhr", None, "jeden Sonntag", None),
            "Erinnere mich jeden Sonntag um 20 Uhr ans Wochenplanen",
            ("create_recurring_event", {"title": "Wochenplanen", "frequency": "weekly"}),
        ),
        (
            "create_event",
            ("ans Tanken", "übermorgen", "um 7", None),
            "Kannst du mich übermorgen um 7 ans Tanken erinnern",
            ("create_event", {"title": "Tanken", "date": "2026-12-05", "time": "07:00"}),
        ),
        (
            "create_event",
            ("Miete", "am Monatsende", None, None),
            "Erinnere mich am Monatsende an die Miete",
            ("create_event", {"title": "Miete", "date": "2026-12-31"}),
        ),
        # a recognizer's "p m"
        (
            "create_event",
            ("movie with max", "the day after tomorrow", "at eight fifteen p m", None),
            "add movie with max the day after tomorrow at eight fifteen p m",
            ("create_event", {"time": "20:15"}),
        ),
    ],
)
def test_phrasings_of_session_37(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """A second in-the-wild set written in session 37 (evaluation/data/wild2.jsonl), each failure a class. Half A:
    ordinals of a new event, "got a ...", reminders without "remind", "ist jetzt am ...", a series from a month on,
    a window of hours after a day. Half B: a day blocked, auxiliaries, "is at 5 pm now", "no sorry", another
    event's day, company before the activity, "p m"."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "expected"),
    [
        # a German title's verb said last, after the model stopped the title (never a request verb, typed or not)
        (
            "create_event",
            ("Angebot an Firma Berger", "Am Montag", "um 14 Uhr", None),
            "Am Montag um 14 Uhr Angebot an Firma Berger schicken",
            ("create_event", {"title": "Angebot an Firma Berger schicken", "date": "2026-12-07"}),
        ),
        (
            "create_event",
            ("angebot", "morgen", "um neun", None),
            "morgen um neun angebot schicken",
            ("create_event", {"title": "angebot schicken"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "Morgen", "um 9", None),
            "Morgen um 9 Zahnarzt eintragen",
            ("create_event", {"title": "Zahnarzt"}),
        ),
        (
            "create_event",
            ("Bandprobe", "morgen", "um 9", None),
            "bitte morgen um 9 Bandprobe enitragen",
            ("create_event", {"title": "Bandprobe"}),
        ),
        (
            "create_event",
            ("Backen mit Oma", "am Sonntag", "um 3", None),
            "Kannst du mir am Sonntag um 3 Backen mit Oma registrieren",
            ("create_event", {"title": "Backen mit Oma"}),
        ),
        (
            "create_event",
            ("zahnarzt", "morgen", "um neun", None),
            "zahnarzt um neun morgen",
            ("create_event", {"title": "zahnarzt"}),
        ),
        # "nicht X, sondern Y", "isn't X, it's Y": from X to Y, whichever way the model copied them
        (
            "move_event",
            ("Treffen mit Jan", "am Sonntag", "am Samstag", None),
            "Das Treffen mit Jan ist nicht am Samstag, sondern am Sonntag",
            ("move_event", {"date": "2026-12-05", "new_date": "2026-12-06"}),
        ),
        (
            "move_event",
            ("meetup with Jan", "Sunday", None, None),
            "The meetup with Jan isn't Saturday, it's Sunday",
            ("move_event", {"date": "2026-12-05", "new_date": "2026-12-06"}),
        ),
        (
            "move_event",
            ("Zahnarzt", "am 16.", "am 14., sondern am 16.", None),
            "Der Zahnarzt ist nicht am 14., sondern am 16. um 10",
            ("move_event", {"date": "2026-12-14", "new_date": "2026-12-16", "new_time": "10:00"}),
        ),
        # a self-repair after a filler copied into the time
        (
            "create_event",
            ("kundentermin", "morgen", "um zehn äh", None),
            "morgen um zehn äh um halb elf kundentermin",
            ("create_event", {"time": "10:30"}),
        ),
        # a day of the month said with "jeden"/"every" alone is monthly; "montags bis freitags" every working day
        (
            "create_recurring_event",
            ("Rechnungen bezahlen", None, "um 8 Uhr", None, "Jeden 15.", None),
            "Jeden 15. um 8 Uhr Rechnungen bezahlen",
            ("create_recurring_event", {"date": "2026-12-15", "frequency": "monthly"}),
        ),
        (
            "create_recurring_event",
            ("pay the rent", None, "at 9 am", None, "Every 1st", None),
            "Every 1st at 9 am pay the rent",
            ("create_recurring_event", {"date": "2027-01-01", "frequency": "monthly"}),
        ),
        (
            "create_recurring_event",
            ("Mittagspause", None, "um 12:30", "45 Minuten", "freitags", None),
            "Montags bis freitags um 12:30 Mittagspause, 45 Minuten",
            ("create_recurring_event", {"date": "2026-12-03", "frequency": "weekdays", "duration_minutes": 45}),
        ),
        # "schreib's auf" copied as how often: the one event
        (
            "create_recurring_event",
            ("Mittagessen bei Müllers", "Sonntag", "um 12", None, "auf", None),
            "Sonntag um 12 ist Mittagessen bei Müllers, schreib's auf",
            ("create_event", {"title": "Mittagessen bei Müllers", "date": "2026-12-06", "time": "12:00"}),
        ),
        # a title copied up to a comma ends there; a plural's possessive keeps its apostrophe
        (
            "create_event",
            ("lunch at the Millers',", "Sunday", "at noon", None),
            "Sunday at noon is lunch at the Millers', write that down",
            ("create_event", {"title": "lunch at the Millers'"}),
        ),
        # "Bescheid, dass ich ... muss": what the reminder is for
        (
            "create_event",
            ("Bescheid", "morgen", "um 12", None),
            "Sag mir morgen um 12 Bescheid, dass ich den Arzt anrufen muss",
            ("create_event", {"title": "Arzt anrufen"}),
        ),
        # a range asked with a question mark after its end
        (
            "list_events",
            ("vom 28. bis zum 30.?", None),
            "Was hab ich vom 28. bis zum 30.?",
            ("list_events", {"date": "2026-12-28", "end_date": "2026-12-30"}),
        ),
        # typed batches of session 38: "heute und morgen", a time after "statt", the request copied as the title, a
        # day said with "am" at the start of a day-long event's title
        (
            "list_events",
            ("für heute und morgen", None),
            "Zeig mir meine Termine für heute und morgen",
            ("list_events", {"date": "2026-12-03", "end_date": "2026-12-04"}),
        ),
        (
            "move_event",
            ("Training", None, None, "um 18 Uhr"),
            "Das Training ist ab sofort um 19 Uhr statt um 18 Uhr",
            ("move_event", {"new_time": "19:00"}),
        ),
        (
            "create_event",
            ("Termin eintragen", "Donnerstag nächste Woche", "11 Uhr", None),
            "Termin eintragen: Donnerstag nächste Woche 11 Uhr Notar",
            ("create_event", {"title": "Notar", "date": "2026-12-10", "time": "11:00"}),
        ),
        (
            "create_event",
            ("Termin", "Freitag", "11 Uhr", None),
            "Termin eintragen: Freitag 11 Uhr Notar",
            ("create_event", {"title": "Notar"}),
        ),
        (
            "create_event",
            ("Termin morgen", None, "um 9", None),
            "Termin morgen um 9 mit Jonas",  # the event noun, no request said
            ("create_event", {"title": "Termin mit Jonas"}),
        ),
        (
            "create_all_day_event",
            ("Neujahrstag", None, None),
            "Am Neujahrstag ausschlafen, ganztägig",
            ("create_all_day_event", {"title": "ausschlafen", "date": "2027-01-01"}),
        ),
        (
            "create_event",
            ("Noah's christening", "on Sunday", "at 11 am", None),
            "Noah's christening on Sunday two weeks from now at 11 am",
            ("create_event", {"date": "2026-12-20"}),
        ),
        (
            "create_all_day_event",
            ("frei", "Die Woche nach Weihnachten", None),
            "Die Woche nach Weihnachten hab ich frei",
            ("create_all_day_event", {"date": "2026-12-28", "end_date": "2027-01-03"}),
        ),
    ],
)
def test_phrasings_of_session_38(function: str, phrases: tuple, query: str, expected: tuple[str, dict]) -> None:
    """A fourth in-the-wild set written in session 38 before any decode (evaluation/data/wild4.jsonl), each failure
    a class: verbs said last, "nicht X, sondern Y", a filler before a corrected time, "jeden 15.", "montags bis
    freitags", a request copied as how often, a clause after a comma, "Bescheid, dass ...", "30.?". Read with the
    language the set gives (a German verb said last is read in German only)."""
    lang = "en" if re.search(r"(?i)\b(?:the|is|at|every)\b", query) else "de"
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a weekday copied alone, its date said right after it (today is Thursday 2026-12-03)
        (
            "create_event",
            ("Brunch mit Caro", "Am Sonntag", "um 10 Uhr", None),
            "Am Sonntag, den 3. Januar um 10 Uhr Brunch mit Caro",
            "de",
            ("create_event", {"date": "2027-01-03", "time": "10:00"}),
        ),
        (
            "create_event",
            ("Jahresgespräch mit Herrn Braun", "Freitag", "8. Januar, 9 Uhr", None),
            "Mach mal nen Termin: Freitag, 8. Januar, 9 Uhr, Jahresgespräch mit Herrn Braun",
            "de",
            ("create_event", {"date": "2027-01-08", "time": "09:00"}),
        ),
        (
            "create_event",
            ("Project Northstar meeting", "Monday", "at 2 pm", "45 minutes"),
            "Monday, January 11th at 2 pm, Project Northstar meeting, 45 minutes",
            "en",
            ("create_event", {"date": "2027-01-11", "duration_minutes": 45}),
        ),
        (  # the weekday read from the query with the request before it ("the day is read from the query")
            "create_recurring_event",
            ("annual review with Mr. Brown", None, "9 am", None, "annual review with Mr. Brown", None),
            "New appointment: Friday, January 8th, 9 am, annual review with Mr. Brown",
            "en",
            ("create_event", {"date": "2027-01-08", "time": "09:00"}),
        ),
        (  # never a word that is no month before the number: "auf 23. März" is where it goes
            "move_event",
            ("Blumen gießen", "Samstag", "auf 23. März", None),
            "Schieb mal Blumen gießen Samstag auf 23. März",
            "de",
            ("move_event", {"date": "2026-12-05", "new_date": "2027-03-23"}),
        ),
        (
            "create_event",
            ("Zahnarzt", "Monday", "3 pm", None),
            "Zahnarzt Monday, 3 pm",
            "en",
            ("create_event", {"date": "2026-12-07", "time": "15:00"}),
        ),
        # the way to a place after "must" is the place
        (
            "create_event",
            ("zum Bürgeramt", "am Dienstag", "um 9", "eine halbe Stunde"),
            "Ich muss am Dienstag um 9 zum Bürgeramt, das dauert ungefähr eine halbe Stunde",
            "de",
            ("create_event", {"title": "Bürgeramt", "duration_minutes": 30}),
        ),
        (
            "create_event",
            ("go to the DMV", "on Tuesday", "at 9", None),
            "I need to go to the DMV on Tuesday at 9",
            "en",
            ("create_event", {"title": "DMV", "date": "2026-12-08"}),
        ),
        (  # a verb of its own ends it
            "create_event",
            ("zur post bringen", "morgen", "um 10", None),
            "ich muss morgen um 10 zur post bringen",
            "de",
            ("create_event", {"title": "zur post bringen"}),
        ),
        (  # no "must": an imperative to-do keeps its words
            "create_event",
            ("Go to the gym", "tomorrow", "at 7", None),
            "Go to the gym tomorrow at 7",
            "en",
            ("create_event", {"title": "Go to the gym"}),
        ),
        # a removal that is what a reminder is for
        (
            "delete_event",
            ("insurance", "on Monday"),
            "Remind me on Monday to cancel the insurance",
            "en",
            ("create_event", {"title": "cancel the insurance", "date": "2026-12-07", "time": None}),
        ),
        # "isn't happening" says it is off
        (
            "move_event",
            ("Dinner with the Schmidts", "on Wednesday", None, None),
            "Dinner with the Schmidts on Wednesday isn't happening",
            "en",
            ("delete_event", {"title": "Dinner with the Schmidts", "date": "2026-12-09"}),
        ),
        # "was mach ich am montag": what is planned, asked
        (
            "create_recurring_event",
            ("mach", None, None, None, "montag", None),
            "was mach ich am montag",
            "de",
            ("list_events", {"date": "2026-12-07", "end_date": "2026-12-07"}),
        ),
        # a to-do's verb said right before the copied title, at the start, after a day or time, after a colon
        (
            "create_event",
            ("moving boxes", "on January 2nd", "from 10 am to noon", None),
            "Pack moving boxes on January 2nd from 10 am to noon",
            "en",
            ("create_event", {"title": "Pack moving boxes", "duration_minutes": 120}),
        ),
        (
            "create_event",
            ("tax return", "on the eighth of November", "from 12 to 1", None),
            "on the eighth of November from 12 to 1 check the tax return.",
            "en",
            ("create_event", {"title": "check the tax return", "date": "2027-11-08"}),
        ),
        (
            "create_all_day_event",
            ("trash", "for June 26th", None),
            "All day for June 26th: check the trash.",
            "en",
            ("create_all_day_event", {"title": "check the trash"}),
        ),
        (  # never the German request "Pack ... in meinen Kalender", nor a request verb
            "create_event",
            ("Picknick", "übermorgen", "um halb elf früh", None),
            "Pack Picknick übermorgen um halb elf früh in meinen Kalender",
            "de",
            ("create_event", {"title": "Picknick"}),
        ),
        (
            "create_event",
            ("accountant", "on Thursday", "at half past 3", None),
            "Book accountant on Thursday at half past 3",
            "en",
            ("create_event", {"title": "accountant"}),
        ),
    ],
)
def test_phrasings_of_session_39(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """A sixth in-the-wild set written in session 39 before any decode (evaluation/data/wild6.jsonl), each failure a
    class: a weekday with its date after it, the way to a place, a reminder to remove something, "isn't happening",
    "was mach ich", a to-do's verb the model left out of the title."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # hours said after a weekday copied with it as the day
        (
            "create_all_day_event",
            ("Handwerker", "Freitag zwischen 7 und 9", None),
            "Der Handwerker kommt Freitag zwischen 7 und 9",
            "de",
            ("create_event", {"date": "2026-12-04", "time": "07:00", "duration_minutes": 120}),
        ),
        (  # days of a month stay days
            "create_all_day_event",
            ("Urlaub", "zwischen dem 7. und 9. Januar", None),
            "Urlaub zwischen dem 7. und 9. Januar",
            "de",
            ("create_all_day_event", {"date": "2027-01-07", "end_date": "2027-01-09"}),
        ),
        # noon said as a word
        (
            "create_event",
            ("Essen mit Oma", "Morgen Mittag", None, None),
            "Morgen Mittag Essen mit Oma",
            "de",
            ("create_event", {"date": "2026-12-04", "time": "12:00"}),
        ),
        (
            "create_event",
            ("Lunch with grandma", "tomorrow", None, None),
            "Lunch with grandma tomorrow noon",
            "en",
            ("create_event", {"time": "12:00"}),
        ),
        (  # "Mittagessen" is a word of its own: the time is asked
            "create_event",
            ("Mittagessen mit Oma", "morgen", None, None),
            "Trag morgen Mittagessen mit Oma ein",
            "de",
            ("create_event", {"time": None}),
        ),
        (  # another clock said: that one
            "create_event",
            ("Essen mit Oma", "morgen", "um 13 Uhr", None),
            "Essen mit Oma morgen mittag um 13 Uhr",
            "de",
            ("create_event", {"time": "13:00"}),
        ),
        # a request that ends at its colon, copied with the day as the title
        (
            "create_event",
            ("entry: Saturday", None, "1 pm", None),
            "Make an entry: Saturday, 1 pm, Jana and Felix's wedding",
            "en",
            ("create_event", {"title": "Jana and Felix's wedding", "date": "2026-12-05", "time": "13:00"}),
        ),
        # an event noun and its "with" said before the copied title
        (
            "create_event",
            ("health insurance about the bill", "the day after tomorrow", "at 10", None),
            "Call with the health insurance about the bill the day after tomorrow at 10",
            "en",
            ("create_event", {"title": "Call with the health insurance about the bill"}),
        ),
        (
            "find_event",
            ("Dr. Müller",),
            "Wann ist mein nächster Termin mit Dr. Müller?",
            "de",
            ("find_event", {"title": "Termin mit Dr. Müller"}),
        ),
        # having it is how it is said
        (
            "create_event",
            ("Got the dentist", "tomorrow", "at nine", None),
            "Got the dentist tomorrow at nine",
            "en",
            ("create_event", {"title": "dentist", "time": "09:00"}),
        ),
        # "Zeit für" of a request to block time, with the day and hours said in between
        (
            "create_event",
            ("Zeit für die Steuererklärung", "morgen", "von 9 bis 12", None),
            "Blockier mir morgen von 9 bis 12 Zeit für die Steuererklärung",
            "de",
            ("create_event", {"title": "Steuererklärung", "duration_minutes": 180}),
        ),
        (  # no request to block: the words are its name
            "create_event",
            ("Zeit für Familie", "am Sonntag", "um 15 Uhr", None),
            "Zeit für Familie am Sonntag um 15 Uhr",
            "de",
            ("create_event", {"title": "Zeit für Familie"}),
        ),
        # a delete of "this week": the next one, which is in it
        (
            "create_all_day_event",
            ("Treffen mit Ben", "diese Woche", None),
            "Das Treffen mit Ben fällt diese Woche aus",
            "de",
            ("delete_event", {"title": "Treffen mit Ben", "date": None}),
        ),
        (
            "create_all_day_event",
            ("vacation", "between Christmas and New Year's", None),
            "I'm on vacation between Christmas and New Year's",
            "en",
            ("create_all_day_event", {"date": "2026-12-25", "end_date": "2027-01-01"}),
        ),
        # a day taken off, whatever the model chose
        (
            "delete_event",
            ("next Friday off", None),
            "Take next Friday off",
            "en",
            ("create_all_day_event", {"title": "off", "date": "2026-12-04", "end_date": "2026-12-04"}),
        ),
        (
            "delete_event",
            ("day off", "tomorrow"),
            "Take the day off tomorrow",
            "en",
            ("create_all_day_event", {"title": "off", "date": "2026-12-04"}),
        ),
        (
            "create_event",
            ("Nächsten Freitag", None, None, None),
            "Nächsten Freitag frei nehmen",
            "de",
            ("create_all_day_event", {"date": "2026-12-04"}),
        ),
        # a request said first, the event after a comma
        (
            "create_event",
            ("appointment", "for Monday morning", None, None),
            "Make me an appointment for Monday morning, car to the inspection",
            "en",
            ("create_event", {"title": "car to the inspection", "date": "2026-12-07"}),
        ),
        # "In zwei Wochen am Montag" as "Montag in zwei Wochen"
        (
            "create_event",
            ("Jahresgespräch", "In zwei Wochen am Montag", "10 Uhr", "eine Stunde"),
            "In zwei Wochen am Montag Jahresgespräch, 10 Uhr, eine Stunde",
            "de",
            ("create_event", {"date": "2026-12-21"}),
        ),
        # a span that runs past midnight, and one written "10am-12pm"
        (
            "create_event",
            ("Party bei Tom", "Am Samstag", "von 22 bis 2 Uhr", None),
            "Am Samstag von 22 bis 2 Uhr Party bei Tom",
            "de",
            ("create_event", {"time": "22:00", "duration_minutes": 240}),
        ),
        (
            "create_event",
            ("New Year's Eve party at Lisa's", "on December 31st", "from 11 pm to 3 am", None),
            "New Year's Eve party at Lisa's on December 31st from 11 pm to 3 am",
            "en",
            ("create_event", {"date": "2026-12-31", "time": "23:00", "duration_minutes": 240}),
        ),
        (  # "bis 14 Uhr" is no night hour: the span is not read, the start stays
            "create_event",
            ("Schicht", "am Samstag", "von 22 bis 14 Uhr", None),
            "Schicht am Samstag von 22 bis 14 Uhr",
            "de",
            ("create_event", {"duration_minutes": 60}),
        ),
        (
            "create_event",
            ("Meeting", "tomorrow", "10am-12pm", None),
            "Meeting 10am-12pm tomorrow",
            "en",
            ("create_event", {"time": "10:00", "duration_minutes": 120}),
        ),
        # "last Friday" is the one gone by
        (
            "list_events",
            ("letzten Freitag", None),
            "Was hatte ich letzten Freitag?",
            "de",
            ("list_events", {"date": "2026-11-27", "end_date": "2026-11-27"}),
        ),
        (
            "list_events",
            ("last Thursday", None),
            "What did I have last Thursday?",
            "en",
            ("list_events", {"date": "2026-11-26"}),
        ),
    ],
)
def test_phrasings_of_session_39_batches(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """Classes of the typed batches of session 39 (commands written to find what fails, not a scored set)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


@pytest.mark.parametrize(
    ("query", "comes"),
    [
        ("Der Schornsteinfeger kommt Montag um 18 Uhr", True),
        ("Am Dienstag um 10 kommt der Elektriker", True),
        ("The chimney sweep is coming Monday at 6 pm", True),
        ("The electrician is coming over on Tuesday at 10", True),
        ("My parents are coming over on Saturday at 3", False),  # "my ..." first: as often a question ("my day")
        ("Der Zug kommt um 13 Uhr", False),  # no day: news, not a note
        ("Was kommt am Samstag um 20 Uhr im Fernsehen", False),  # a question
        ("What's coming up on Monday at 9", False),
        ("Am kommenden Montag um 9 Zahnarzt", False),  # "kommenden" says the day
    ],
)
def test_someone_coming_on_a_day_at_a_time_is_a_visit(query: str, comes: bool) -> None:
    """The caller makes such a note an event where the model declines it within its margin (v25: 3 to 5 logits)."""
    assert says_someone_comes(query, TODAY) is comes


def test_a_day_taken_off_that_the_model_declined_is_made() -> None:
    """ "Ich nehme mir den 23. frei": v25 declined it; never "Take the trash off" (no day)."""
    call = resolve_call(SpanCall(None, ()), TODAY, "de", "Ich nehme mir den 23. frei")
    assert isinstance(call, Call) and call.function == "create_all_day_event"
    assert call.arguments["date"] == "2026-12-23" and call.arguments["title"] == "frei"
    assert isinstance(resolve_call(SpanCall(None, ()), TODAY, "en", "Take the trash off"), NoCall)
    assert isinstance(resolve_call(SpanCall(None, ()), TODAY, "de", "Morgen frei?"), NoCall)  # asked, not said


@pytest.mark.parametrize("query", ["Bitte trag nichts ein", "Please don't add anything", "nichts eintragen"])
def test_a_request_said_not_to_be_made_is_no_call(query: str) -> None:
    """v25 made "Bitte trag nichts ein" a new event called "trag" (session 39's batches)."""
    assert isinstance(resolve_call(SpanCall("create_event", ("trag", None, None, None)), TODAY, None, query), NoCall)


@pytest.mark.parametrize(
    ("query", "loose"),
    [
        ("Morgen früh Brötchen holen", True),
        ("In einer Stunde Telefonat mit Jens", True),
        ("Call with Jens in an hour", True),
        ("Wake me up in an hour", False),  # an alarm
        ("Turn off the lights in 10 minutes", False),
        ("Was mache ich morgen früh?", False),  # a question
        ("Morgen früh um 7 Brötchen holen", False),  # a clock: states_an_event's
        # MASSIVE rows of other intents a first version took (said first: neither a day nor an event)
        ("brauche ich heute nachmittag meine schneestiefel", False),
        ("need to carry a umbrella this evening", False),
        ("rezepte die in einer stunde gekocht werden können", False),
    ],
)
def test_a_note_with_a_part_of_the_day_or_a_start_from_now(query: str, loose: bool) -> None:
    """The caller makes such a note an event where the model declines it by no more than 2 logits (v25: 0.6 to 1.5
    for these; docs/model.md, session 39, for what it moved on the corpora)."""
    assert states_an_event_loosely(query, TODAY) is loose


@pytest.mark.parametrize(
    ("query", "timed"),
    [
        ("Farewell party for my colleague Tom two weeks from Friday at 4 pm", True),
        ("Abschiedsfeier für Tom am Freitag um 16 Uhr", True),
        ("Yoga morgen um 9 fällt aus", False),  # said to be off
        ("Just kill swimming downtown on 2027-07-14.", False),  # no clock time in clock words
        ("Lösch den Zahnarzt morgen um 9", False),
        ("delete the scheduled meeting on fourth october twelve p. m.", False),  # "scheduled" reads as a request
    ],
)
def test_a_delete_of_a_note_with_a_clock_and_no_removal_word_is_made(query: str, timed: bool) -> None:
    """The caller takes a new event over a delete for such a note where the model's two choices are close (v25 tied
    "Farewell party ..." at 12.0 and 12.0: "Farewell" read as the removal)."""
    assert states_a_timed_event(query, TODAY) is timed


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Um wie viel Uhr ist morgen der Gottesdienst?", True),
        ("Um welche Uhrzeit ist die Möbellieferung", True),
        ("what time is the school play", True),
        ("wann ist der Müll", True),
        ("Um wie viel Uhr kommt der Zug?", False),
        ("what time is it", False),
    ],
)
def test_when_an_event_named_with_its_article_is_asked_by_its_clock_time(query: str, asks: bool) -> None:
    """Asked of its clock time too (session 39). The caller takes the find only where the model declines it by no
    more than 2 logits: v25 declines "Um wie viel Uhr ist der Sonnenuntergang?" by 4.4 and "what time is the next
    train to boise" outright, so they stay no call."""
    assert asks_when_an_event_is(query) is asks


@pytest.mark.parametrize(
    ("text", "often"),
    [
        ("jeden 15.", "monthly"),
        ("every 15th", "monthly"),
        ("jeden 3. Mai", "yearly"),
        ("every 15th of May", "yearly"),
        ("jeden 1. Montag", None),  # by weekday of the month: not in the contract
        ("jeden 2. Tag", None),
        ("every 3rd time", None),
    ],
)
def test_a_day_of_the_month_said_with_every_is_monthly(text: str, often: str | None) -> None:
    assert resolve_frequency(text) == often


@pytest.mark.parametrize(
    "query",
    [
        "what time does the post office close",
        "what time is my alarm set for",
        "heute habe ich eine Bulldogge gesehen",
        "morgen hab ich was vor",
        "wie viel uhr ist der sonnenuntergang",
        "mark this email as read",
        "I don't need help anymore",
        "i do not need this any more",
        "wann soll ich dich wecken",
        "wann sollte ich zum büro aufbrechen",
        "set my status as busy",
    ],
)
def test_questions_and_statements_that_name_no_event_stay_no_call(query: str) -> None:
    """The readings of session 36 that turn no call into a find or a new event leave these alone: a shop's hours,
    an alarm, what happened today, plans said of nothing (found on the MASSIVE and SLURP pools)."""
    assert isinstance(resolve_call(SpanCall(None, ()), TODAY, None, query), NoCall)


@pytest.mark.parametrize(
    ("copied", "title"),
    [
        ("Oma zu besuchen", "Oma besuchen"),
        ("die Steuer abzugeben", "Steuer abgeben"),
        ("Lena abzuholen", "Lena abholen"),
        ("Wohnung aufzuräumen", "Wohnung aufräumen"),
        ("Tom zurückzurufen", "Tom zurückrufen"),
        ("Müll rauszustellen", "Müll rausstellen"),  # session 38: "raus", "kennen", "teil", ... before "zu"
        ("Lisa kennenzulernen", "Lisa kennenlernen"),
        ("an der Sitzung teilzunehmen", "an der Sitzung teilnehmen"),
        ("Auszubildende treffen", "Auszubildende treffen"),  # a noun, not "aus-zu-bilden"
        ("Anzug kaufen", "Anzug kaufen"),
        ("Zeit zu zweit", "Zeit zu zweit"),
        ("Gruppe bis zu sieben", "Gruppe bis zu sieben"),
        ("zu besuchen", "zu besuchen"),  # nothing before it: left as copied
    ],
)
def test_a_reminders_zu_infinitive_is_the_plain_infinitive(copied: str, title: str) -> None:
    """ "erinnere mich, Oma zu besuchen" is "Oma besuchen" in the calendar (16 MASSIVE de-DE test titles changed so,
    session 36)."""
    assert clean_title(copied) == title


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # carnival days (Easter less 52 days) and Groundhog Day
        (
            "create_event",
            ("Party im Büro", None, "um 11 Uhr", None),
            "Weiberfastnacht um 11 Uhr Party im Büro",
            "de",
            ("create_event", {"date": "2027-02-04", "time": "11:00"}),
        ),
        (
            "create_event",
            ("Office party", None, "at 11 am", None),
            "Office party on Groundhog Day at 11 am",
            "en",
            ("create_event", {"date": "2027-02-02"}),
        ),
        # when an event starts, asked with its day after it
        (None, (), "Um wie viel Uhr beginnt das Theater am 12.?", "de", ("find_event", {"title": "Theater"})),
        (None, (), "What time does the theater start on the 12th?", "en", ("find_event", {"title": "theater"})),
        # whether an event is in the calendar: a find, "im Kalender" no part of its name
        (
            "find_event",
            ("Ölwechsel schon im Kalender",),
            "Steht der Ölwechsel schon im Kalender?",
            "de",
            ("find_event", {"title": "Ölwechsel"}),
        ),
        # what happens at the place, said first
        (
            "create_event",
            ("Da Luca", "on Valentine's Day", "at 7:30 pm", None),
            "Table at Da Luca on Valentine's Day at 7:30 pm",
            "en",
            ("create_event", {"title": "Table at Da Luca", "date": "2027-02-14", "time": "19:30"}),
        ),
        # words of the title copied at the start of its day
        (
            "create_event",
            ("report cards", "day on February 10th", None, None),
            "Add report cards day on February 10th",
            "en",
            ("create_event", {"title": "report cards day", "date": "2027-02-10"}),
        ),
        (
            "create_all_day_event",
            ("contractors", "in the apartment from March 1st to 3rd", None),
            "The contractors are in the apartment from March 1st to 3rd",
            "en",
            ("create_all_day_event", {"title": "contractors in the apartment", "end_date": "2027-03-03"}),
        ),
        (  # never the day's own words
            "create_event",
            ("school play", "next week on Monday", "at 9 o'clock", None),
            "I have a school play next week on Monday at 9 o'clock",
            "en",
            ("create_event", {"title": "school play", "date": "2026-12-07"}),
        ),
        (
            "create_all_day_event",
            ("Mom is in Berlin", "from Monday to Wednesday", None),
            "Mom is in Berlin from Monday to Wednesday",
            "en",
            ("create_all_day_event", {"title": "Mom in Berlin", "date": "2026-12-07", "end_date": "2026-12-09"}),
        ),
        # "put X in" copied whole after a filler
        (
            "create_event",
            ("put the electrician in", "for friday", "at two thirty pm", None),
            "um put the electrician in for friday at two thirty pm",
            "en",
            ("create_event", {"title": "electrician", "date": "2026-12-04", "time": "14:30"}),
        ),
        # the event one cannot go to, put on another day
        (
            "create_event",
            ("make the hairdresser", "on Friday", "at 5 pm", None),
            "I can't make the hairdresser on Friday, put it on Monday at 5 pm",
            "en",
            (
                "move_event",
                {"title": "hairdresser", "date": "2026-12-04", "new_date": "2026-12-07", "new_time": "17:00"},
            ),
        ),
        (
            "create_event",
            ("Zahnarzt", "am Montag", None, None),
            "Ich kann den Zahnarzt am Montag nicht wahrnehmen, leg ihn bitte auf Dienstag",
            "de",
            ("move_event", {"title": "Zahnarzt", "date": "2026-12-07", "new_date": "2026-12-08", "new_time": None}),
        ),
        # the month of a date copied into the clock after it
        (
            "create_event",
            ("Zahnarzt", None, "2. 14.30 Uhr", None),
            "Zahnarzt 3.2. 14.30 Uhr",
            "de",
            ("create_event", {"date": "2027-02-03", "time": "14:30"}),
        ),
        # a call to someone as a to-do
        (
            "create_event",
            ("mom", "on Sunday", "at 1900", None),
            "Call mom at 1900 on Sunday",
            "en",
            ("create_event", {"title": "Call mom", "date": "2026-12-06", "time": "19:00"}),
        ),
    ],
)
def test_phrasings_of_session_40(function: str | None, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """A seventh in-the-wild set written in session 40 before any decode (evaluation/data/wild7.jsonl) and typed
    probes after it, each failure a class."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


def test_an_event_one_cannot_make_without_its_name_stays_as_read() -> None:
    """ "I can't make it on Thursday, put it on Friday": which event is not said, so no move is made up."""
    span = SpanCall("create_event", ("it", "on Thursday", None, None))
    call = resolve_call(span, TODAY, "en", "I can't make it on Thursday, put it on Friday")
    assert not (isinstance(call, Call) and call.function == "move_event")


@pytest.mark.parametrize(
    ("query", "chore"),
    [
        ("Take out the trash on Tuesday", True),
        ("take the bins out tomorrow at 7", True),
        ("remind me to take out the garbage at six pm", True),
        ("Take the dentist out on Tuesday", False),  # an event taken out of the calendar
        ("Delete take out the trash on Tuesday", False),  # the removal is said
        ("Cancel taking out the recycling", False),
    ],
)
def test_a_chore_said_with_take_out_removes_nothing(query: str, chore: bool) -> None:
    """The caller takes a new event over a delete for such a chore within its margin (v25 deleted "out the trash" of
    "Take out the trash on Tuesday" by 3.2 logits)."""
    assert names_a_chore(query) is chore


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Steht der Ölwechsel schon im Kalender?", True),
        ("Is my flight to Rome on my calendar?", True),
        ("ist das geburtstagsessen für freitag im kalender", True),
        ("Steht die Einkaufsliste schon im Kalender?", False),  # a list is no event
        ("Is the alarm in my calendar?", False),
    ],
)
def test_whether_an_event_is_in_the_calendar_is_a_find(query: str, asks: bool) -> None:
    assert asks_if_coming_up(query) is asks


@pytest.mark.parametrize(
    ("query", "moves"),
    [
        ("I can't make the hairdresser on Thursday, put it on Friday at 5 pm", True),
        ("we cant do the team lunch tomorrow, move it to Friday", True),
        ("Ich schaff den Friseur am Donnerstag nicht, mach ihn auf Freitag 17 Uhr", True),
        ("Mach den Friseur auf 11 Uhr", True),  # "mach ... auf" a time: a move (session 40's batches)
        ("Mach das Fenster auf", False),
        ("Zieh das Meeting mit Sam auf 9 Uhr vor", True),
        ("Zieh die Jacke vor", False),
        ("I can't make the hairdresser on Thursday", False),  # where it goes is not said
        ("Ich kann das Auto nicht finden", False),
    ],
)
def test_an_event_one_cannot_make_put_elsewhere_is_a_move(query: str, moves: bool) -> None:
    assert asks_to_move(query) is moves


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # the day said after "statt"/"instead of" is where the event was (v25 moved it the other way)
        (
            "move_event",
            ("Essen mit Tom", "am Samstag", "am Freitag", None),
            "Das Essen mit Tom ist jetzt am Samstag statt am Freitag",
            "de",
            ("move_event", {"date": "2026-12-04", "new_date": "2026-12-05"}),
        ),
        (
            "move_event",
            ("Dinner with Tom", None, "on Saturday", None),
            "Dinner with Tom is on Saturday now instead of Friday",
            "en",
            ("move_event", {"date": "2026-12-04", "new_date": "2026-12-05"}),
        ),
        # a series' months said with "from"/"von ... bis"
        (
            "create_recurring_event",
            ("Spanish class", None, "at 6", None, "Tuesdays", None),
            "Spanish class Tuesdays at 6 from March through May",
            "en",
            ("create_recurring_event", {"date": "2027-03-02", "until": "2027-05-31"}),
        ),
        (
            "create_recurring_event",
            ("Spanischkurs", "Von März bis Mai", "um 18 Uhr", None, "dienstags", None),
            "Von März bis Mai dienstags um 18 Uhr Spanischkurs",
            "de",
            ("create_recurring_event", {"date": "2027-03-02", "until": "2027-05-31"}),
        ),
        (  # never the weekdays it repeats on
            "create_recurring_event",
            ("Kinder zur Kita bringen", "Von Montag bis Freitag", "um 7:45", None, "jeden Tag", None),
            "Von Montag bis Freitag jeden Tag um 7:45 Kinder zur Kita bringen",
            "de",
            ("create_recurring_event", {"frequency": "weekdays", "until": None}),
        ),
        # "Book club": one noun
        (
            "create_recurring_event",
            ("club", None, "at 7 pm", None, "every second Thursday", None),
            "Book club every second Thursday at 7 pm",
            "en",
            ("create_recurring_event", {"title": "Book club", "frequency": "biweekly"}),
        ),
        # more ways to correct oneself
        (
            "create_event",
            ("Laufen mit Tim", "Morgen", "8 Uhr", None),
            "Morgen 8 Uhr Laufen mit Tim, ne warte, 9 Uhr",
            "de",
            ("create_event", {"time": "09:00"}),
        ),
        (
            "create_event",
            ("scratch that", "tomorrow", "at 8", None),
            "Run with Tim tomorrow at 8, scratch that, 9",
            "en",
            ("create_event", {"title": "Run with Tim", "time": "09:00"}),
        ),
        # the event named by its start, its target copied as the title
        (
            "move_event",
            ("to 4", None, None, None),
            "Push my 3 pm to 4",
            "en",
            ("move_event", {"title": "3 pm", "new_time": "16:00"}),
        ),
        # a title copied of the day's words: the words left that name something
        (
            "create_event",
            ("abend", None, "um acht", None),
            "donnerstag abend um acht stammtisch",
            "de",
            ("create_event", {"title": "stammtisch", "date": "2026-12-10", "time": "20:00"}),
        ),
        (
            "create_event",
            ("mittwoch früh", None, "um sieben", None),
            "mittwoch früh um sieben zum flughafen",
            "de",
            ("create_event", {"title": "flughafen", "date": "2026-12-09", "time": "07:00"}),
        ),
        (  # nothing named: asked
            "create_event",
            ("mir morgen", None, "um 10", None),
            "Trag mir morgen um 10 was ein",
            "de",
            ("create_event", {"title": None, "time": "10:00"}),
        ),
        (
            "create_event",
            ("tomorrow", None, "at 10", None),
            "Remind me tomorrow at 10",
            "en",
            ("create_event", {"title": None}),
        ),
        # days one is ill: day-long, never a delete of "sick"
        ("delete_event", ("sick", "today"), "Off sick today", "en", ("create_all_day_event", {"title": "Off sick"})),
        (
            "create_all_day_event",
            ("krankgeschrieben", "bis Freitag", None),
            "Ich bin bis Freitag krankgeschrieben",
            "de",
            ("create_all_day_event", {"date": "2026-12-03", "end_date": "2026-12-04"}),
        ),
    ],
)
def test_phrasings_of_session_40_batches(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """Classes of the typed batches of session 40 (commands written to find what fails, not a scored set)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


def test_asking_the_date_in_so_many_words_is_no_call() -> None:
    """ "was ist heute für ein datum" was a look at today's events (session 40's batches)."""
    span = SpanCall("list_events", ("heute", None))
    assert isinstance(resolve_call(span, TODAY, "de", "was ist heute für ein datum"), NoCall)
    assert isinstance(resolve_call(span, TODAY, "de", "was hab ich heute"), Call)


@pytest.mark.parametrize(
    ("phrase", "query"),
    [("on February 30th", "What do I have on February 30th?"), ("am 31. April", "Was habe ich am 31. April?")],
)
def test_a_look_at_a_day_no_month_has_is_answered_clearly(phrase: str, query: str) -> None:
    """Read as a span, "February 30th" was all of February (session 40): an impossible date is said to be one."""
    with pytest.raises(CallError, match="not a real date"):
        resolve_call(SpanCall("list_events", (phrase, None)), TODAY, None, query)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a weekday typed or heard a letter off
        (
            "create_event",
            ("Zahnartz", None, "um 15 Uhr", None),
            "Trag bitte Zahnartz am Mitwoch um 15 Uhr ein",
            "de",
            ("create_event", {"date": "2026-12-09"}),
        ),
        (
            "create_event",
            ("dentsit", None, "at 3 pm", None),
            "Please add dentsit on Wendesday at 3 pm",
            "en",
            ("create_event", {"date": "2026-12-09"}),
        ),
        # the feast copied as the title: the words said besides it name the event
        (
            "create_event",
            ("Ostersonntag", None, "um 10 Uhr", None),
            "Ostersonntag um 10 Uhr Ostereier suchen mit den Kindern",
            "de",
            ("create_event", {"title": "Ostereier suchen mit den Kindern", "date": "2027-03-28"}),
        ),
        (
            "create_event",
            ("Weihnachten", None, None, None),
            "Trag Weihnachten ein",
            "de",
            ("create_event", {"title": "Weihnachten", "date": "2026-12-25"}),
        ),
        # a correction copied as how often
        (
            "create_recurring_event",
            ("Yoga", "am Dienstag", "um sechs", None, "ach ne, um sieben abends", None),
            "Yoga am Dienstag um sechs, ach ne, um sieben abends",
            "de",
            ("create_event", {"date": "2026-12-08", "time": "19:00"}),
        ),
        # the time said after "statt" is where it was
        (
            "move_event",
            ("Vorstellungsgespräch", None, None, "um halb elf"),
            "Das Vorstellungsgespräch ist jetzt schon um neun statt um halb elf",
            "de",
            ("move_event", {"new_time": "09:00"}),
        ),
        # the part of the day said first names the event
        (
            "create_recurring_event",
            ("workout", "tomorrow", "at 7:30", "20 minutes", "every weekday", None),
            "Morning workout every weekday at 7:30 starting tomorrow, 20 minutes",
            "en",
            ("create_recurring_event", {"title": "Morning workout"}),
        ),
        # a day-long span's last weekday said before its first, read on after it
        (
            "create_all_day_event",
            ("Team Meeting", "All day Tuesday", "to Friday:"),
            "All day Tuesday to Friday: Team Meeting.",
            "en",
            ("create_all_day_event", {"date": "2026-12-08", "end_date": "2026-12-11"}),
        ),
        # the "day" of "all day" copied into the title
        (
            "create_all_day_event",
            ("day holiday", "for the 21st of December", None),
            "for the 21st of December all day holiday.",
            "en",
            ("create_all_day_event", {"title": "holiday"}),
        ),
        # a span of clock times left out of the copies, or its end left out
        (
            "create_event",
            ("meeting with Lisa from church", "in a week from 2 to 3", None, None),
            "I've got meeting with Lisa from church in a week from 2 to 3, add it please.",
            "en",
            ("create_event", {"date": "2026-12-10", "time": "14:00", "duration_minutes": 60}),
        ),
        (
            "create_event",
            ("Meeting with Paul", "on Friday", "2:30", None),
            "Meeting with Paul on Friday 2:30 to 4",
            "en",
            ("create_event", {"time": "14:30", "duration_minutes": 90}),
        ),
    ],
)
def test_phrasings_of_the_eighth_wild_set(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    """An eighth in-the-wild set written in session 40 before any decode (evaluation/data/wild8.jsonl), each failure
    a class."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


@pytest.mark.parametrize(
    ("query", "unmoved"),
    [
        ("Take the tax papers to the accountant Monday at 9", True),
        ("I have to change the bed sheets on the twenty-third of July 2024.", True),  # a to-do on a day
        ("I have to move my dentist to Friday", False),
        ("Cahnge DMV with Nathan on Tuesday next week to midday", False),  # "to midday": where it goes
        ("Kurs 9 wegen Gehalt am Dienstag der nächsten Woche um 23 Uhr", True),
        ("Move the dentist to Monday at 9", False),
        ("ja änder den ausflug 3. februar auf viertel vor eins mittags", False),  # where it goes, after "auf"
        ("Das Elterngespräch am Mittwoch ist erst um 17 Uhr", False),
        ("Tomorrow's meeting isn't at 10, it's at 11", False),
        ("Dentist Monday at 9 instead of Tuesday", False),
    ],
)
def test_an_event_noted_with_no_word_of_a_move_is_made(query: str, unmoved: bool) -> None:
    """The caller takes a new event over a move for such a note within 2 logits (v25 moved "Take the tax papers to
    the accountant Monday at 9" by 1.1; of the saved decodes it read as moves, two are such notes)."""
    assert states_an_unmoved_event(query, TODAY) is unmoved


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Erzähl mir was übermorgen ansteht", True),
        ("sag mir was morgen los ist", True),
        ("Erzähl mir einen Witz", False),
        ("Sag mir, was das Wetter macht", False),
    ],
)
def test_what_is_planned_asked_as_a_clause(query: str, asks: bool) -> None:
    """A look at the calendar the caller takes within its margin (v25 declined "Erzähl mir was übermorgen ansteht")."""
    assert asks_what_is_on(query) is asks


def test_when_an_event_is_asked_as_a_clause_is_a_find() -> None:
    """ "sag mir, wann heizungswartung ist" was declined; "sag mir wann es dunkel ist" names no event."""
    call = resolve_call(SpanCall(None, ()), TODAY, "de", "sag mir, wann heizungswartung ist.")
    assert call == Call("find_event", {"title": "heizungswartung"})
    assert isinstance(resolve_call(SpanCall(None, ()), TODAY, "de", "sag mir wann es dunkel ist"), NoCall)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a day-long state, asked with a request and no word of the whole day
        (
            "create_all_day_event",
            ("abwesend", "nächsten Montag", None),
            "Trag mich nächsten Montag als abwesend ein",
            "de",
            ("create_all_day_event", {"title": "abwesend", "date": "2026-12-07"}),
        ),
        # "make a note that": the request; of "the plumber comes", the plumber
        (
            "create_event",
            ("Make a note that the plumber comes", "Tuesday", "between 9 and 11", None),
            "Make a note that the plumber comes Tuesday between 9 and 11",
            "en",
            ("create_event", {"title": "plumber", "time": "09:00", "duration_minutes": 120}),
        ),
        # said to be off in other words
        (
            "create_event",
            ("team lunch", "on Thursday", None, None),
            "The team lunch on Thursday won't happen",
            "en",
            ("delete_event", {"title": "team lunch", "date": "2026-12-10"}),
        ),
        (
            "create_all_day_event",
            ("Fitnessstudio", "am Freitag", None),
            "Ich geh am Freitag doch nicht ins Fitnessstudio",
            "de",
            ("delete_event", {"title": "Fitnessstudio", "date": "2026-12-04"}),
        ),
        # series: the adverb of the part of the day, "on weekdays" said apart, "jedes Monats", "jeden Arbeitstag"
        (
            "create_recurring_event",
            ("schwimmen", None, "um 6:30", None, "Werktags morgens", None),
            "Werktags morgens um 6:30 schwimmen",
            "de",
            ("create_recurring_event", {"time": "06:30", "frequency": "weekdays"}),
        ),
        (
            "create_recurring_event",
            ("Swim", None, "at 6:30", None, "every morning", None),
            "Swim every morning at 6:30 on weekdays",
            "en",
            ("create_recurring_event", {"frequency": "weekdays"}),
        ),
        (
            "create_recurring_event",
            ("Miete", "am Ersten", None, None, "jedes Monats", None),
            "Miete am Ersten jedes Monats",
            "de",
            ("create_recurring_event", {"date": "2027-01-01", "frequency": "monthly"}),
        ),
        (
            "create_recurring_event",
            ("Arbeitstag", "Ende April", "um 9:15", None, "jeden Arbeitstag", None),
            "Bis Ende April jeden Arbeitstag um 9:15 Standup",
            "de",
            ("create_recurring_event", {"title": "Standup", "frequency": "weekdays", "until": "2027-04-30"}),
        ),
        # the night's small hours said with "heute Nacht" are on tomorrow's date
        (
            "create_event",
            ("Nachtwanderung", "Heute", "um 1 Uhr", None),
            "Heute Nacht um 1 Uhr Nachtwanderung",
            "de",
            ("create_event", {"date": "2026-12-04", "time": "01:00"}),
        ),
        (
            "create_event",
            ("Nachtwanderung", "Heute Nacht", "um 23 Uhr", None),
            "Heute Nacht um 23 Uhr Nachtwanderung",
            "de",
            ("create_event", {"date": "2026-12-03", "time": "23:00"}),
        ),
        # "evening" said with the event sets its clock ("Evening walk at 8"); never over a morning said of it
        (
            "create_event",
            ("Evening walk", "tomorrow", "at 8", None),
            "Evening walk at 8 tomorrow",
            "en",
            ("create_event", {"title": "Evening walk", "time": "20:00"}),
        ),
        (
            "create_event",
            ("workshop", "tomorrow", "from 9", None),
            "workshop tomorrow from 9 in the morning to the evening",
            "en",
            ("create_event", {"time": "09:00"}),
        ),
    ],
)
def test_phrasings_of_session_40_last_batch(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang)


FRIDAY = dt.date(2027, 7, 30)  # the ninth wild set's today


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a span whose start is said in clock words ("halb zwei bis drei"): 13:30 for 90 minutes, never 14-15
        (
            "create_event",
            ("Telefonkonferenz mit Zürich", "Freitag", "halb zwei bis drei Uhr", None),
            "Nächsten Freitag von halb zwei bis drei Uhr Telefonkonferenz mit Zürich",
            "de",
            ("create_event", {"time": "13:30", "duration_minutes": 90}),
        ),
        # a recognizer's repeat is one clock time, not 10:10
        (
            "create_event",
            ("friseur", "morgen", "zehn uhr zehn uhr", None),
            "morgen um zehn uhr zehn uhr friseur",
            "de",
            ("create_event", {"time": "10:00"}),
        ),
        # the corrected day copied with the clock: the correction wins
        (
            "create_event",
            ("Kinderarzt", "am Dienstag", "äh, Donnerstag um neun", None),
            "Kinderarzt am Dienstag, äh, Donnerstag um neun",
            "de",
            ("create_event", {"date": "2027-08-05", "time": "09:00"}),
        ),
        # a day-long event's weekday said with its date
        (
            "create_all_day_event",
            ("Brückentag", "am Freitag", "den 1. Oktober"),
            "Brückentag am Freitag, den 1. Oktober, ganztägig",
            "de",
            ("create_all_day_event", {"date": "2027-10-01", "end_date": "2027-10-01"}),
        ),
        (
            "create_all_day_event",
            ("day", "on Friday", None),
            "Day off on Friday, October 1st, all day",
            "en",
            ("create_all_day_event", {"title": "Day off", "date": "2027-10-01", "end_date": "2027-10-01"}),
        ),
        # a weekday said after weeks counted ("in two weeks on Saturday"), not two weeks from today
        (
            "create_event",
            ("Garden party", "in two weeks", "at 3 pm", None),
            "Garden party in two weeks on Saturday at 3 pm",
            "en",
            ("create_event", {"date": "2027-08-14"}),
        ),
        # a date typed with slashes, left out of the copies
        (
            "create_event",
            ("First day of school", None, "at 8 am", None),
            "First day of school on 9/1 at 8 am",
            "en",
            ("create_event", {"date": "2027-09-01"}),
        ),
        # the ordinal of a weekday of a month, left out of the copy (and the day copied as how often)
        (
            "create_recurring_event",
            ("Club meeting", None, "at 7 pm", None, "Tuesday in September", None),
            "Club meeting on the second Tuesday in September at 7 pm",
            "en",
            ("create_event", {"date": "2027-09-14", "time": "19:00"}),
        ),
        # "between now and Wednesday": from today
        (
            "list_events",
            ("between now and Wednesday", None),
            "What do I have between now and Wednesday?",
            "en",
            ("list_events", {"date": "2027-07-30", "end_date": "2027-08-04"}),
        ),
        # where one goes, said after the day: the title, and the clock said in it
        (
            "create_event",
            ("gehen wir um acht mit Lena und Tim", "Morgen Abend", None, None),
            "Morgen Abend gehen wir um acht mit Lena und Tim ins Kino",
            "de",
            ("create_event", {"title": "mit Lena und Tim ins Kino", "time": "20:00"}),
        ),
        (
            "create_event",
            ("gehen wir", "Heute Abend", "um acht", None),
            "Heute Abend gehen wir um acht essen",
            "de",
            ("create_event", {"title": "essen", "time": "20:00"}),
        ),
        # a series' last day after its clock ("um halb zehn bis 17. Dezember"): no span of clock times
        (
            "create_recurring_event",
            ("Bewerbung", None, "um halb zehn bis 17", None, "alle zwei Wochen", None),
            "Bewerbung abschicken alle zwei Wochen um halb zehn bis 17. Dezember eintragen.",
            "de",
            ("create_recurring_event", {"time": "09:30", "duration_minutes": 60, "until": "2027-12-17"}),
        ),
        # "schon drin": whether it was put in, the words of the question no part of the title
        (
            "find_event",
            ("Paket schon drin",),
            "Ist das Paket schon drin?",
            "de",
            ("find_event", {"title": "Paket"}),
        ),
    ],
)
def test_phrasings_of_the_ninth_wild_set(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """A ninth in-the-wild set written in session 41 before any decode (evaluation/data/wild9.jsonl, today Friday
    2027-07-30), each failure a class."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on 9/1", "2027-09-01"),  # month first after an English word
        ("on 12/24", "2027-12-24"),
        ("on 24/12", "2027-12-24"),  # no month 24: day first
        ("am 3/4", "2028-04-03"),  # day first after a German word; April 3rd is past
        ("12/24/2026", "2026-12-24"),
        ("open 24/7", None),
        ("eine 1/2 Stunde", None),
        ("on 2/30", None),
    ],
)
def test_dates_typed_with_slashes(text: str, day: str | None) -> None:
    got = resolve_date(text, FRIDAY)
    assert (got.isoformat() if got else None) == day


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("Morgen Abend gehen wir ins Kino", True),
        ("Am Freitag geh ich zum Arzt", True),
        ("Tomorrow night we're going to the movies with Lena", True),
        ("Morgen gehen wir ins Kino?", False),  # a question
        ("Gestern gingen wir ins Kino", False),
        ("Morgen gehen wir nicht ins Kino, lösch das", False),  # the removal is said
        ("Heute gehen wir die Playlist durch", False),  # no event
    ],
)
def test_where_one_goes_said_after_its_day_is_a_note(query: str, says: bool) -> None:
    """The caller takes a new event over a delete or "no call" for such a note within its margin (v25 deleted "Kino"
    of "Morgen Abend gehen wir ins Kino" and declined "Morgen gehen wir essen")."""
    assert says_we_go(query, FRIDAY) is says


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Push the haircut from three to four", True),
        ("Move the yoga class from Tuesday to Thursday", True),
        ("move the car from the garage to the street", False),
        ("shift the lights from red to green", False),
    ],
)
def test_a_move_of_any_event_from_one_time_to_another(query: str, asks: bool) -> None:
    """ "Push the haircut from three to four" was declined (v25, 1.5 logits): the event is no meeting word."""
    assert asks_to_move(query) is asks


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Steht der Flug nach Lissabon schon drin?", True),
        ("Ist der Zahnarzt schon eingetragen?", True),
        ("Is the flight to Lisbon in there yet?", True),
        ("Steht der Flug nach Lissabon?", False),
    ],
)
def test_whether_an_event_was_put_in_asked_without_the_calendar(query: str, asks: bool) -> None:
    assert asks_if_coming_up(query) is asks


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # spoken "heut"
        (
            "create_event",
            ("Elternabend", "Heut Abend", "um 7", None),
            "Heut Abend um 7 Elternabend",
            "de",
            ("create_event", {"date": "2027-07-30", "time": "19:00"}),
        ),
        # days off sick said with "next week"
        (
            "delete_event",
            ("sick", "Monday to Wednesday"),
            "I'm off sick Monday to Wednesday next week",
            "en",
            ("create_all_day_event", {"title": "off sick", "date": "2027-08-02", "end_date": "2027-08-04"}),
        ),
        # "read" of a to-do, no look at the calendar
        (
            "create_event",
            ("meter", "at the end of the month", "at 10 am", None),
            "Read the meter at the end of the month at 10 am",
            "en",
            ("create_event", {"title": "Read the meter", "date": "2027-07-31", "time": "10:00"}),
        ),
        # a move's "at 3 to 4 pm": where it is and where it goes, the day said with the first clock the old one
        (
            "move_event",
            ("meeting", None, "friday", "at 3 to 4 pm"),
            "change the meeting on friday at 3 to 4 pm",
            "en",
            ("move_event", {"date": "2027-08-06", "new_date": None, "new_time": "16:00"}),
        ),
        (
            "move_event",
            ("Meeting", None, "Freitag", "um 3 auf 4"),
            "Verschieb das Meeting am Freitag um 3 auf 4",
            "de",
            ("move_event", {"date": "2027-08-06", "new_date": None, "new_time": "16:00"}),
        ),
        (
            "move_event",
            ("meeting", None, "friday", "at quarter to 10"),
            "move the meeting to friday at quarter to 10",
            "en",
            ("move_event", {"new_date": "2027-08-06", "new_time": "09:45"}),
        ),
    ],
)
def test_phrasings_of_session_41_batches(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """Classes of the typed batches of session 41 (commands written to find what fails, not a scored set)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("query", "moves", "removes"),
    [
        ("das telefonat mit der bank ist erst um vier", True, False),  # v25 declined it
        ("the call with the bank isn't until four", True, False),
        ("change the meeting on friday at 3 to 4 pm", True, False),  # v25 made "change the meeting"
        ("change the volume from 3 to 5", False, False),
        ("change the lights at 9 to blue", False, False),
        ("der stammtisch am dienstag ist gestrichen", False, True),  # v25 declined it by 0.1 logits
        ("Die Bestellung ist storniert", False, False),
    ],
)
def test_moves_and_removals_said_as_statements(query: str, moves: bool, removes: bool) -> None:
    assert asks_to_move(query) is moves
    assert asks_to_remove(query) is removes


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (
            "create_all_day_event",
            ("Urlaub", "Zwischen den Jahren", None),
            "Zwischen den Jahren hab ich Urlaub",
            "de",
            ("create_all_day_event", {"date": "2027-12-25", "end_date": "2028-01-01"}),
        ),
        (
            "create_all_day_event",
            ("shutdown", "from 12/23 to 1/2", None),
            "Company shutdown from 12/23 to 1/2",
            "en",
            ("create_all_day_event", {"title": "Company shutdown", "date": "2027-12-23", "end_date": "2028-01-02"}),
        ),
    ],
)
def test_the_days_between_the_years_and_a_span_typed_with_slashes(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("query", "chore"),
    [
        ("Am Montag Müll raus", True),  # v25 deleted "Müll"
        ("Trash out on Monday", True),
        ("Mülltonne rausstellen am Dienstag um 19 Uhr", True),
        ("Lösch Müll raus am Montag", False),  # the removal is said
        ("Nimm den Müll-Termin raus", False),
    ],
)
def test_a_chore_said_in_few_words_removes_nothing(query: str, chore: bool) -> None:
    assert names_a_chore(query) is chore


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # "ganzer Tag", "all day" said of a timed event copied with no time: the day-long event, never "at what time?"
        (
            "create_event",
            ("tag umzug", "am neunundzwanzigsten", None, None),
            "im kalender am neunundzwanzigsten ganzer tag umzug",
            "de",
            ("create_all_day_event", {"title": "umzug", "date": "2027-08-29", "end_date": "2027-08-29"}),
        ),
        (
            "create_event",
            ("moving", "on the 29th", None, None),
            "on the 29th all day moving",
            "en",
            ("create_all_day_event", {"title": "moving", "date": "2027-08-29"}),
        ),
        # the request and the hedge of the length after the title ("eintragen ungefähr zwei Stunden")
        (
            "create_event",
            ("mittagessen mit der abteilung eintragen", "am freitag", "um zwölf uhr", "zwei stunden"),
            "bitte am freitag um zwölf uhr mittagessen mit der abteilung eintragen ungefähr zwei stunden",
            "de",
            ("create_event", {"title": "mittagessen mit der abteilung", "duration_minutes": 120}),
        ),
    ],
)
def test_a_whole_day_said_in_other_words_and_a_hedged_length(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # "stick", "pop", "throw" asking to put an event in the calendar
        (
            "create_event",
            ("sport", "Wednesday", "at 5 pm", None),
            "Stick sport in my calendar Wednesday at 5 pm",
            "en",
            ("create_event", {"title": "sport"}),
        ),
        (
            "create_event",
            ("dentist", "Wednesday", "at 5 pm", None),
            "Pop the dentist in on Wednesday at 5 pm",
            "en",
            ("create_event", {"title": "dentist"}),
        ),
        (
            "create_event",
            ("party", "on Saturday", "at 8 pm", None),
            "Throw a party on Saturday at 8 pm",  # no calendar said: the verb is the event's
            "en",
            ("create_event", {"title": "Throw a party"}),
        ),
        # a weekday's hours copied with it as a day-long event's days (was the 16th to the 12th of December)
        (
            "create_all_day_event",
            ("focus work", "Tuesday 9 to 12", None),
            "Block off Tuesday 9 to 12 for focus work",
            "en",
            ("create_event", {"date": "2027-08-03", "time": "09:00", "duration_minutes": 180}),
        ),
        (
            "create_all_day_event",
            ("Vacation", "December 9 to 12", None),
            "Vacation December 9 to 12",
            "en",
            ("create_all_day_event", {"date": "2027-12-09", "end_date": "2027-12-12"}),
        ),
        # the weekend of a week counted ahead
        (
            "list_events",
            ("am Wochenende", None),
            "Was hab ich am Wochenende in zwei Wochen?",
            "de",
            ("list_events", {"date": "2027-08-14", "end_date": "2027-08-15"}),
        ),
        (
            "list_events",
            ("the weekend", None),
            "What have I got the weekend in two weeks?",
            "en",
            ("list_events", {"date": "2027-08-14", "end_date": "2027-08-15"}),
        ),
    ],
)
def test_phrasings_of_session_41_later_batches(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("query", "minutes"),
    [
        ("Kannst du das Elterngespräch einen Tag später machen", 1440),  # was no shift: "Tag" said alone
        ("den Zahnarzt zwei Tage später", 2880),
        ("erstelle termin um zehn nach elf tag der deutschen einheit", None),
    ],
)
def test_a_shift_by_one_day(query: str, minutes: int | None) -> None:
    assert said_shift(query) == minutes


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a feast's days said with "über"/"over", and where one is then
        (
            "create_all_day_event",
            ("Weihnachten", None, None),
            "Über Weihnachten bin ich bei meinen Eltern",
            "de",
            ("create_all_day_event", {"title": "bei meinen Eltern", "date": "2027-12-24", "end_date": "2027-12-26"}),
        ),
        (
            "create_all_day_event",
            ("over Christmas", None, None),
            "I'm at my parents' over Christmas",
            "en",
            ("create_all_day_event", {"title": "at my parents'", "date": "2027-12-24", "end_date": "2027-12-26"}),
        ),
        # a weekday said after "next week" for a day-long event or a look: that day
        (
            "create_all_day_event",
            ("Workshop", "Nächste Woche", None),
            "Nächste Woche Mittwoch ganztägig Workshop",
            "de",
            ("create_all_day_event", {"date": "2027-08-04", "end_date": "2027-08-04"}),
        ),
        (
            "list_events",
            ("nächste Woche", None),
            "Was hab ich nächste Woche Mittwoch?",
            "de",
            ("list_events", {"date": "2027-08-04", "end_date": "2027-08-04"}),
        ),
        # two days in a row said as dates with "und" / "and"
        (
            "list_events",
            ("Am 31.12.", "und 1.1."),
            "Am 31.12. und 1.1. frei",
            "de",
            ("create_all_day_event", {"title": "frei", "date": "2027-12-31", "end_date": "2028-01-01"}),
        ),
        # two events said in one breath: the first, without the "und" that joins the second
        (
            "create_event",
            ("Zahnarzt und", "Morgen", "um 10 Uhr", None),
            "Morgen um 10 Uhr Zahnarzt und um 12 Uhr Mittagessen",
            "de",
            ("create_event", {"title": "Zahnarzt", "time": "10:00"}),
        ),
        (
            "create_all_day_event",
            ("Off on December 31st and January 1st", None, None),
            "Off on December 31st and January 1st",
            "en",
            ("create_all_day_event", {"title": "Off", "date": "2027-12-31", "end_date": "2028-01-01"}),
        ),
    ],
)
def test_phrasings_of_session_41_seventh_batch(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Hab ich einen Friseurtermin?", True),  # v25 declined it by 2.9 logits
        ("Habe ich einen Termin beim Zahnarzt?", True),
        ("Hab ich einen Termin?", False),  # no event named
        ("Hab ich einen Regenschirm?", False),
        ("Do I have a dentist appointment?", True),
        ("do i have an appointment", False),
        ("Which day did I put the vet on?", True),  # v25 declined it by 1.3 logits
        ("Auf welchen Tag hab ich den Tierarzt gelegt?", True),
    ],
)
def test_whether_an_appointment_is_in_and_on_which_day(query: str, asks: bool) -> None:
    assert asks_if_coming_up(query) is asks


@pytest.mark.parametrize(
    ("phrases", "query", "title"),
    [
        (("vet on",), "Which day did I put the vet on?", "vet"),
        (("Tierarzt gelegt",), "Auf welchen Tag hab ich den Tierarzt gelegt?", "Tierarzt"),
        (("book the plumber",), "What day did I book the plumber for?", "plumber"),
    ],
)
def test_the_words_of_the_question_are_no_title(phrases: tuple, query: str, title: str) -> None:
    call = resolve_call(SpanCall("find_event", phrases), FRIDAY, None, query)
    assert call == Call("find_event", {"title": title})


def test_a_clock_said_in_its_words_is_a_clock_of_a_note() -> None:
    """ "Tisch bei Luigi heute Abend um halb acht" was moved (v25, 0.6 logits over the new event): "um halb acht" is
    a clock said in clock words, so the note is one the caller keeps from a move."""
    assert states_an_unmoved_event("Tisch bei Luigi heute Abend um halb acht", FRIDAY)
    assert not states_an_unmoved_event("Verschieb Tisch bei Luigi auf halb acht", FRIDAY)


@pytest.mark.parametrize(
    ("phrase", "frequency"),
    [
        ("every morning except weekends", "weekdays"),
        ("jeden Morgen außer am Wochenende", "weekdays"),
        ("every day", "daily"),
    ],
)
def test_every_day_but_the_weekend_is_weekdays(phrase: str, frequency: str) -> None:
    assert resolve_frequency(phrase) == frequency


def test_the_verb_of_a_move_asked_as_a_question_is_no_title() -> None:
    span = SpanCall("delete_event", ("dentist go to next Thursday", None))
    call = resolve_call(span, FRIDAY, "en", "Can the dentist go to next Thursday instead?")
    assert isinstance(call, Call) and call.function == "move_event" and call.arguments["title"] == "dentist", call


def test_twenty_to_nine_in_a_move_is_one_clock() -> None:
    """ "at twenty to nine" copied as a move's new time is 8:40, not a span from 20 to nine (caught by the generated
    data's own check when "at 3 to 4 pm" became a span of a move)."""
    span = SpanCall("move_event", ("breakfast", "next week Friday", "to the Saturday after next", "at twenty to nine"))
    query = "Move the breakfast from next week Friday to the Saturday after next at twenty to nine."
    call = resolve_call(span, FRIDAY, "en", query)
    assert isinstance(call, Call) and call.arguments["new_time"] == "08:40", call


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "time"),
    [
        (
            "create_event",
            ("Lunch with Sam", "tomorrow", None, None),
            "Lunch with Sam at lunchtime tomorrow",
            "en",
            "12:00",
        ),
        (
            "create_event",
            ("Mittagessen mit Sam", "morgen", None, None),
            "Mittagessen mit Sam morgen zur Mittagszeit",
            "de",
            "12:00",
        ),
        # a table booked is a dinner out: 7 is in the evening (a table-tennis game is not)
        (
            "create_event",
            ("table for two", "on Saturday", "at 7", None),
            "Book a table for two at Nando's on Saturday at 7",
            "en",
            "19:00",
        ),
        ("create_event", ("Table tennis", "on Saturday", "at 7", None), "Table tennis on Saturday at 7", "en", "07:00"),
    ],
)
def test_lunchtime_and_a_table_booked(function: str, phrases: tuple, query: str, lang: str, time: str) -> None:
    call = resolve_call(SpanCall(function, phrases), FRIDAY, lang, query)
    assert isinstance(call, Call) and call.arguments["time"] == time, call


@pytest.mark.parametrize(
    ("query", "phrases", "until"),
    [
        (
            "Run at 7 in the morning every day this week",
            ("Run", None, "at 7 in the morning", None, "every day", None),
            "2027-08-01",
        ),
        ("Diese Woche jeden Tag um 7 Uhr laufen", ("laufen", None, "um 7 Uhr", None, "jeden Tag", None), "2027-08-01"),
        ("Ab diese Woche jeden Montag um 18 Uhr Yoga", ("Yoga", None, "um 18 Uhr", None, "jeden Montag", None), None),
    ],
)
def test_a_series_said_for_this_week_ends_with_it(query: str, phrases: tuple, until: str | None) -> None:
    call = resolve_call(SpanCall("create_recurring_event", phrases), FRIDAY, None, query)
    assert isinstance(call, Call) and call.arguments["until"] == until, call


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a start said with "ab" and its end later in the sentence
        (
            "create_event",
            ("Arbeit", "am Samstag", "9 Uhr", None),
            "Ab 9 Uhr am Samstag Arbeit bis 17 Uhr",
            "de",
            ("create_event", {"time": "09:00", "duration_minutes": 480}),
        ),
        # an afternoon start and a bare end hour: the end in the evening ("halb sechs bis sieben": 17:30 to 19:00)
        (
            "create_event",
            ("Fußball", "Am Freitag", "halb sechs bis sieben", None),
            "Am Freitag Fußball von halb sechs bis sieben",
            "de",
            ("create_event", {"time": "17:30", "duration_minutes": 90}),
        ),
        # the clock said not to be the one
        (
            "create_event",
            ("Zahnarzt", "Übermorgen", "um 9", None),
            "Übermorgen um 10 Uhr und nicht um 9 Zahnarzt",
            "de",
            ("create_event", {"time": "10:00"}),
        ),
    ],
)
def test_clock_spans_and_a_clock_said_not_to_be_it(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, FRIDAY)


MONDAY = dt.date(2026, 12, 7)  # the typed batches of session 42


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        # a corrected weekday keeps the week said with the slip
        (
            "create_event",
            ("handwerker", "mittwoch", "um zehn", None),
            "nächste woche dienstag oder nein mittwoch um zehn handwerker kommt",
            "de",
            ("create_event", {"date": "2026-12-16", "time": "10:00"}),
        ),
        (
            "create_event",
            ("plumber", "Wednesday", "at ten", None),
            "Tuesday next week, no, Wednesday at ten plumber",
            "en",
            ("create_event", {"date": "2026-12-16"}),
        ),
        (
            "create_event",
            ("Handwerker", "Mittwoch", "um zehn", None),
            "Dienstag, nein, Mittwoch um zehn Handwerker",
            "de",
            ("create_event", {"date": "2026-12-09"}),
        ),
        # a weekday "in three weeks" of a day-long event; "ganztags" is how long, no word of the title
        (
            "create_all_day_event",
            ("company outing", "all day on friday", None),
            "company outing all day on friday in three weeks",
            "en",
            ("create_all_day_event", {"date": "2027-01-01", "end_date": "2027-01-01"}),
        ),
        (
            "create_all_day_event",
            ("betriebsausflug", "in drei wochen am freitag", None),
            "in drei wochen am freitag betriebsausflug ganztags",
            "de",
            ("create_all_day_event", {"title": "betriebsausflug", "date": "2027-01-01"}),
        ),
        # the party of an evening feast is on its day; a Christmas party's day is asked
        (
            "create_event",
            ("silvesterparty bei lisa", None, "ab 20 uhr", None),
            "silvesterparty bei lisa ab 20 uhr",
            "de",
            ("create_event", {"title": "silvesterparty bei lisa", "date": "2026-12-31", "time": "20:00"}),
        ),
        (
            "create_event",
            ("new years eve party at lisa's", None, "from 8 pm", None),
            "new years eve party at lisa's from 8 pm",
            "en",
            ("create_event", {"date": "2026-12-31", "time": "20:00"}),
        ),
        (
            "create_event",
            ("Christmas party", None, "at 7 pm", None),
            "Christmas party at 7 pm",
            "en",
            ("create_event", {"date": None}),
        ),
        # a party at a bare hour is in the evening; a memorial service is not
        (
            "create_event",
            ("feier bei anna", "am samstag", "ab sieben", None),
            "die feier bei anna ist am samstag ab sieben",
            "de",
            ("create_event", {"time": "19:00"}),
        ),
        (
            "create_event",
            ("anna's party", "on saturday", "from seven", None),
            "anna's party is on saturday from seven",
            "en",
            ("create_event", {"time": "19:00"}),
        ),
        (
            "create_event",
            ("Trauerfeier", "am Samstag", "um neun", None),
            "Trauerfeier am Samstag um neun",
            "de",
            ("create_event", {"time": "09:00"}),
        ),
        # a weekday with the part of its day is a weekly series
        (
            "create_recurring_event",
            ("Anruf bei Mama", None, "um 19 Uhr", None, "jeden Sonntagabend", None),
            "Bitte jeden Sonntagabend um 19 Uhr Anruf bei Mama eintragen",
            "de",
            ("create_recurring_event", {"date": "2026-12-13", "frequency": "weekly"}),
        ),
        # a clock said after "statt"/"instead of": the day names the event, its start moves
        (
            "create_event",
            ("Jour fixe", "am Donnerstag", "14 Uhr", None),
            "Mach aus dem Jour fixe am Donnerstag 14 Uhr statt 10 Uhr",
            "de",
            ("move_event", {"date": "2026-12-10", "new_date": None, "new_time": "14:00"}),
        ),
        (
            "create_event",
            ("jour fixe", "the Thursday", "at 2 pm", None),
            "Make the Thursday jour fixe at 2 pm instead of 10",
            "en",
            ("move_event", {"date": "2026-12-10", "new_date": None, "new_time": "14:00"}),
        ),
        (
            "create_event",
            ("jour fixe", "on Friday", "at 2 pm", None),
            "Do the jour fixe on Friday at 2 pm instead of Thursday",
            "en",
            ("move_event", {"date": "2026-12-10", "new_date": "2026-12-11"}),
        ),
        # a slash date with its clock right after it; a month said apart from its day
        (
            "create_event",
            ("dermatologist", None, "2/3 11:15", None),
            "dermatologist 2/3 11:15",
            "en",
            ("create_event", {"date": "2027-02-03", "time": "11:15"}),
        ),
        (
            "create_event",
            ("Konzert von Coldplay", "im Juni am 14.", "um 20 Uhr", None),
            "Konzert von Coldplay im Juni am 14. um 20 Uhr",
            "de",
            ("create_event", {"date": "2027-06-14"}),
        ),
        # a day off said after the clause that names the day
        (
            "list_events",
            ("Am 6. Januar", None),
            "Am 6. Januar ist Heilige Drei Könige, da hab ich frei",
            "de",
            ("create_all_day_event", {"title": "frei", "date": "2027-01-06"}),
        ),
        (
            "delete_event",
            ("holiday", "January 6th"),
            "January 6th is a holiday, I'm off that day",
            "en",
            ("create_all_day_event", {"title": "off", "date": "2027-01-06"}),
        ),
        # the appointment made is the title, without the verb that makes it
        (
            "create_event",
            ("Autowerkstatt machen", "am Freitag", "um 10", None),
            "Ich würde gerne am Freitag um 10 einen Termin für die Autowerkstatt machen",
            "de",
            ("create_event", {"title": "Termin für die Autowerkstatt"}),
        ),
        (
            "create_event",
            ("make an appointment for the car garage", "on Friday", "at 10", None),
            "I'd like to make an appointment for the car garage on Friday at 10",
            "en",
            ("create_event", {"title": "appointment for the car garage"}),
        ),
        (
            "delete_event",
            ("termin beim optiker weg", None),
            "mach den termin beim optiker weg der ist nicht mehr nötig",
            "de",
            ("delete_event", {"title": "termin beim optiker"}),
        ),
        # the midnight that ends the day said
        (
            "create_event",
            ("Geburtstag von Jonas", "für heute", "um Mitternacht", None),
            "Kannst du mir für heute um Mitternacht eine Erinnerung zum Geburtstag von Jonas setzen",
            "de",
            ("create_event", {"date": "2026-12-08", "time": "00:00"}),
        ),
        # German says a feast apart from the event as its day; English "Christmas party" is named by it
        (
            "create_event",
            ("Pfingstmontag Grillen bei Jens", None, "um 13 Uhr", None),
            "Pfingstmontag Grillen bei Jens um 13 Uhr",
            "de",
            ("create_event", {"title": "Grillen bei Jens", "date": "2027-05-17"}),
        ),
        (
            "create_event",
            ("Christmas party", None, "at 7 pm", None),
            "Christmas party at 7 pm",
            "en",
            ("create_event", {"title": "Christmas party", "date": None}),
        ),
        # a series' end said as the next weeks, after a comma
        (
            "create_recurring_event",
            ("Chor", None, "um 19 Uhr", None, "Jeden Montag", "die nächsten sechs Wochen"),
            "Jeden Montag um 19 Uhr Chor, die nächsten sechs Wochen",
            "de",
            ("create_recurring_event", {"date": "2026-12-07", "until": "2027-01-17"}),
        ),
        # a day and time copied inside the title, before its company
        (
            "create_event",
            ("kino samstag 20:15 mit nina", None, None, None),
            "kino samstag 20:15 mit nina und ben",
            "de",
            ("create_event", {"date": "2026-12-12", "time": "20:15"}),
        ),
        # one's time said to be taken at a clock time: a timed event named by the state
        (
            "create_event",
            ("Ich", "morgen", "von 16 bis 18 Uhr", None),
            "Ich bin morgen von 16 bis 18 Uhr nicht erreichbar, trag das ein",
            "de",
            ("create_event", {"title": "nicht erreichbar", "time": "16:00", "duration_minutes": 120}),
        ),
        (
            "list_events",
            ("Am Freitag", None),
            "Am Freitag von 14 bis 16 Uhr bin ich beschäftigt",
            "de",
            ("create_event", {"title": "beschäftigt", "date": "2026-12-11", "time": "14:00"}),
        ),
        (
            "list_events",
            ("on Friday", None),
            "Am I busy on Friday at 2?",
            "en",
            ("list_events", {"date": "2026-12-11"}),
        ),
        # a span's end said with its part of the day
        (
            "create_event",
            ("unavailable", "tomorrow", "from four to six in the evening", None),
            "i am unavailable from four to six in the evening tomorrow mark my calendar",
            "en",
            ("create_event", {"time": "16:00", "duration_minutes": 120}),
        ),
        # a day named as one ("Wahltag") lasts the day
        (
            "create_all_day_event",
            ("Wahltag", "13. Juni", None),
            "Der 13. Juni ist Wahltag, trag das bitte ein",
            "de",
            ("create_all_day_event", {"title": "Wahltag", "date": "2027-06-13"}),
        ),
        # the days copied as the title, the ordinal of its first day no title; where one is names it
        (
            "create_all_day_event",
            ("siebenundzwanzigsten dezember bis zum zweiten januar", None, None),
            "am siebenundzwanzigsten dezember bis zum zweiten januar sind wir in den bergen",
            "de",
            ("create_all_day_event", {"title": "in den bergen", "date": "2026-12-27", "end_date": "2027-01-02"}),
        ),
        # two days in a row at the end of a copied title with no day ("team offsite on the 15th and 16th", as this
        # session's machine decodes "Can you add the team offsite on the 15th and 16th")
        (
            "create_event",
            ("team offsite on the 15th and 16th", None, None, None),
            "Can you add the team offsite on the 15th and 16th",
            "en",
            ("create_all_day_event", {"title": "team offsite", "date": "2026-12-15", "end_date": "2026-12-16"}),
        ),
        # a children's party at a bare hour is by day
        (
            "create_event",
            ("kid's birthday party", "on Saturday", "at 9 o'clock", None),
            "Sarah's kid's birthday party on Saturday at 9 o'clock",
            "en",
            ("create_event", {"time": "09:00"}),
        ),
    ],
)
def test_phrasings_of_session_42_batches(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """Classes of the typed batches of session 42 (commands written to find what fails, not a scored set)."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, MONDAY)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("meine schwester hat am 19. geburtstag", {"title": "Geburtstag von meiner schwester", "date": "2026-12-19"}),
        ("Am Freitag hat Lisa Geburtstag", {"title": "Geburtstag von Lisa", "date": "2026-12-11"}),
        ("Mein Bruder hat morgen Geburtstag", {"title": "Geburtstag von meinem Bruder", "date": "2026-12-08"}),
        ("Wer hat morgen Geburtstag", None),  # a question
        ("Lisa hat gestern Geburtstag gehabt", None),  # news of a day gone
        ("Lisa hat jedes Jahr am 3. März Geburtstag", None),  # a series is the model's to read
    ],
)
def test_a_birthday_said_as_news_is_a_day_long_event(query: str, expected: dict | None) -> None:
    """v25 declined "meine Schwester hat am 19. Geburtstag" (English "my sister's birthday is on the 19th" it made)."""
    call = resolve_call(SpanCall(None, ()), MONDAY, "de", query)
    if expected is None:
        assert call.function is None, call
    else:
        assert call.function == "create_all_day_event" and {k: call.arguments[k] for k in expected} == expected, call


@pytest.mark.parametrize(
    ("query", "removes", "adds"),
    [
        ("mach den termin beim optiker weg der ist nicht mehr nötig", True, False),  # v25 declined it
        ("tu den Friseur am Samstag weg", True, False),
        ("Mach den Müll weg", False, False),  # a chore
        ("Kannst du den Zahnarzt am Freitag rausnehmen", True, False),
        ("Trag ein, dass Paul am Wochenende bei uns übernachtet", False, True),  # v25 declined it
        ("trag mal bitte ein: Zahnarzt am Freitag um 9", False, True),
    ],
)
def test_removals_with_weg_and_requests_with_ein_first(query: str, removes: bool, adds: bool) -> None:
    assert asks_to_remove(query) is removes
    assert asks_for_an_event(query) is adds


@pytest.mark.parametrize(
    ("query", "states"),
    [
        ("silvesterparty bei lisa ab 20 uhr", True),  # v25 declined it: the day is the feast's
        ("Sylvesterfeier bei Tom um 9", True),
        ("Weihnachtsfeier bei Tom um 9", False),  # a Christmas party is on a day near it: no day said
    ],
)
def test_the_party_of_an_evening_feast_says_its_day(query: str, states: bool) -> None:
    assert states_an_event(query, MONDAY) is states


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("mach mein meeting um 14 uhr eine halbe stunde länger", True),  # v25 made a new event "meeting"
        ("make my 2 pm meeting half an hour longer", True),
        ("Das Meeting am Mittwoch dauert jetzt zwei Stunden", True),
        ("extend the workshop by an hour", True),
        ("Montag um 9 Reisepass verlängern", False),  # a to-do's title
        ("Workshop am Freitag um 9, dauert zwei Stunden", False),  # a new event's length
        ("extended family dinner on Sunday at 6", False),
        ("stell den Timer 5 Minuten länger", False),
    ],
)
def test_a_change_of_length_is_asked(query: str, asks: bool) -> None:
    """No function changes how long an event lasts: such a request is no new event, and the dialog says so."""
    assert asks_to_change_length(query) is asks
    if asks:
        assert resolve_call(SpanCall("create_event", ("meeting", None, None, None)), MONDAY, None, query) == NoCall()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ist heute nachmittag ein meeting", ("2026-12-07", "2026-12-07")),  # v25 made a new event "meeting"
        ("hab ich morgen einen termin", ("2026-12-08", "2026-12-08")),
    ],
)
def test_a_german_question_whether_a_day_has_an_event_is_a_look(query: str, expected: tuple) -> None:
    day = "heute nachmittag" if "heute" in query else "morgen"
    _assert_resolves_as(
        SpanCall("create_event", (query.split()[-1], day, None, None)),
        query,
        ("list_events", {"date": expected[0], "end_date": expected[1]}),
        "de",
        MONDAY,
    )


WEDNESDAY = dt.date(2027, 3, 10)  # the tenth wild set's today


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (
            "move_event",
            ("shift", "the day after tomorrow", None, "at 8"),
            "Early shift the day after tomorrow at 8",
            "en",
            ("create_event", {"title": "Early shift", "date": "2027-03-12", "time": "08:00"}),
        ),
        (
            "create_event",
            ("Schulung", "Dienstag", "12:30", None),
            "Dienstag 9 bis 12:30 Schulung",
            "de",
            ("create_event", {"time": "09:00", "duration_minutes": 210}),
        ),
        (
            "create_event",
            ("treffen uns am Sonntag", None, "um 15 Uhr", None),
            "Wir treffen uns am Sonntag um 15 Uhr mit den Nachbarn zum Kaffee",
            "de",
            ("create_event", {"title": "mit den Nachbarn zum Kaffee", "date": "2027-03-14"}),
        ),
        (
            "create_event",
            ("Tim the day after tomorrow", None, "at 5 pm", None),
            "Remind me about the present for Tim the day after tomorrow at 5 pm",
            "en",
            ("create_event", {"title": "present for Tim", "date": "2027-03-12", "time": "17:00"}),
        ),
        (
            "create_event",
            ("quarterly report", "at the end of the month", "at 10", None),
            "Hand in the quarterly report at the end of the month at 10",
            "en",
            ("create_event", {"title": "Hand in the quarterly report", "date": "2027-03-31"}),
        ),
        (
            "find_event",
            ("zuletzt Friseur",),
            "Wann hatte ich zuletzt Friseur",
            "de",
            ("find_event", {"title": "Friseur"}),
        ),
        (
            "create_event",
            ("shift", "the day after tomorrow", "at 8", None),
            "Early shift the day after tomorrow at 8",
            "en",
            ("create_event", {"title": "Early shift"}),
        ),
    ],
)
def test_phrasings_of_the_tenth_wild_set(function: str, phrases: tuple, query: str, lang: str, expected: tuple) -> None:
    """A tenth in-the-wild set written in session 42 before any decode (evaluation/data/wild10.jsonl, today Wednesday
    2027-03-10), each failure a class."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, WEDNESDAY)


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Was war gestern?", True),  # v25 declined it
        ("Was war letzte Woche?", True),
        ("Was war die Frage?", False),
        ("Was war gestern in den Nachrichten?", False),
        ("Is tomorrow at 10 still free", True),  # v25 declined it
        ("Am I free on Friday afternoon?", True),
        ("Is the pool open tomorrow?", False),  # the world, not the calendar
        ("Is the table free at 8 tonight?", False),
    ],
)
def test_what_a_day_gone_held_is_a_look(query: str, asks: bool) -> None:
    assert asks_what_is_on(query) is asks


THURSDAY = dt.date(2027, 9, 30)  # the eleventh wild set's today


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (  # a hyphen inside a word is no word edge at the title's end either
            "create_recurring_event",
            ("Hochzeitstag", None, "um 19 Uhr", None, "Jedes Jahr am 12. Oktober", None),
            "Jedes Jahr am 12. Oktober um 19 Uhr Hochzeitstag-Essen",
            "de",
            ("create_recurring_event", {"title": "Hochzeitstag-Essen", "date": "2027-10-12"}),
        ),
        (
            "create_event",
            ("Weekly Check", "tomorrow", "at 9", None),
            "Weekly Check-in tomorrow at 9",
            "en",
            ("create_event", {"title": "Weekly Check-in", "time": "09:00"}),
        ),
        (  # "von Dienstag auf Donnerstag" copied without its "von": where it was and where it goes
            "move_event",
            ("Zahnarzt", None, "Dienstag auf Donnerstag", None),
            "Schieb den Zahnarzt von Dienstag auf Donnerstag, gleiche Uhrzeit",
            "de",
            ("move_event", {"date": "2027-10-05", "new_date": "2027-10-07"}),
        ),
        (
            "move_event",
            ("dentist", None, "Tuesday to Thursday", None),
            "Move the dentist from Tuesday to Thursday",
            "en",
            ("move_event", {"date": "2027-10-05", "new_date": "2027-10-07"}),
        ),
        (  # two or three words said first, then the place: what happens there
            "create_event",
            ("school", "tonight", "at half past seven", None),
            "Parents' evening at school tonight at half past seven",
            "en",
            ("create_event", {"title": "Parents' evening at school", "time": "19:30"}),
        ),
        (
            "create_event",
            ("office", "tomorrow", "at 12", None),
            "Team lunch at the office tomorrow at 12",
            "en",
            ("create_event", {"title": "Team lunch at the office"}),
        ),
        (
            "create_event",
            ("Büro", "morgen", "um 12", None),
            "Mittagessen mit Kollegen im Büro morgen um 12",
            "de",
            ("create_event", {"title": "Mittagessen mit Kollegen im Büro"}),
        ),
        (  # a day said first is no part of it
            "create_event",
            ("office", "tomorrow", "at 12", None),
            "Meeting tomorrow at the office at 12",
            "en",
            ("create_event", {"title": "office"}),
        ),
        (  # an hour and its minutes in words, with no "at": a clock
            "create_event",
            ("church service", "sunday", None, None),
            "sunday ten thirty church service",
            "en",
            ("create_event", {"time": "10:30", "date": "2027-10-03"}),
        ),
        (
            "create_event",
            ("church service", "sunday", "ten thirty", None),
            "sunday ten thirty church service",
            "en",
            ("create_event", {"time": "10:30"}),
        ),
        (
            "create_event",
            ("dinner with anna", "friday", None, None),
            "friday eleven forty-five dinner with anna",
            "en",
            ("create_event", {"time": "11:45"}),
        ),
        (  # never a length said in words
            "create_event",
            ("call with bob", "monday", None, "twenty five minutes"),
            "monday twenty five minutes call with bob",
            "en",
            ("create_event", {"time": None, "duration_minutes": 25}),
        ),
        (  # a place cleared out is a chore
            "delete_event",
            ("basement", "on Saturday"),
            "Clear out the basement on Saturday at 10",
            "en",
            ("create_event", {"title": "Clear out the basement", "date": "2027-10-02", "time": "10:00"}),
        ),
        (
            "delete_event",
            ("garage", "tomorrow"),
            "clean out the garage tomorrow",
            "en",
            ("create_event", {"title": "clean out the garage", "date": "2027-10-01"}),
        ),
        (  # the calendar cleared is no chore
            "delete_event",
            ("calendar", "on Saturday"),
            "clear out my calendar on Saturday",
            "en",
            ("delete_event", {"date": "2027-10-02"}),
        ),
        (  # a day one has off
            "delete_event",
            ("Friday off", None),
            "I have Friday off",
            "en",
            ("create_all_day_event", {"title": "off", "date": "2027-10-01", "end_date": "2027-10-01"}),
        ),
        (
            "create_event",
            ("off", "next Monday", None, None),
            "I've got next Monday off",
            "en",
            ("create_all_day_event", {"title": "off", "date": "2027-10-04"}),
        ),
        (  # what is done where one must go, never an outing
            "create_event",
            ("go for a blood test", "on Monday", "at 8", None),
            "I have to go for a blood test on Monday at 8",
            "en",
            ("create_event", {"title": "blood test"}),
        ),
        (
            "create_event",
            ("go for a run", "on Monday", "at 8", None),
            "I need to go for a run on Monday at 8",
            "en",
            ("create_event", {"title": "go for a run"}),
        ),
    ],
)
def test_phrasings_of_the_eleventh_wild_set(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    """An eleventh in-the-wild set written in session 43 before any decode (evaluation/data/wild11.jsonl, today
    Thursday 2027-09-30), each failure a class."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, THURSDAY)


@pytest.mark.parametrize(
    ("phrase", "clock"),
    [("ten thirty", "10:30"), ("seven fifteen", "07:15"), ("ten oh five", "10:05"), ("twelve thirty", "12:30")],
)
def test_an_hour_and_its_minutes_copied_as_the_time(phrase: str, clock: str) -> None:
    assert resolve_phrase(ParamType.TIME, phrase, THURSDAY, "en", f"dentist tomorrow {phrase}") == clock


def test_minutes_past_an_hour_that_no_clock_has() -> None:
    with pytest.raises(InvalidTime):
        resolve_phrase(ParamType.TIME, "ten seventy", THURSDAY, "en", "dentist tomorrow ten seventy")


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (  # a title and days that are more than one, said with nothing else: day-long over them
            "delete_event",
            ("Klassenfahrt", None),
            "Klassenfahrt nächste Woche",
            "de",
            ("create_all_day_event", {"title": "Klassenfahrt", "date": "2027-10-04", "end_date": "2027-10-10"}),
        ),
        (
            "delete_event",
            ("offsite", None),
            "offsite in April",
            "en",
            ("create_all_day_event", {"date": "2028-04-01", "end_date": "2028-04-30"}),
        ),
        (
            "move_event",
            ("moving day", None, None, None),
            "moving day in may 2028",
            "en",
            ("create_all_day_event", {"title": "moving day", "date": "2028-05-01"}),
        ),
        (
            "create_event",
            ("performance review", None, None, None),
            "uh, put performance review on my calendar over the weekend.",
            "en",
            ("create_all_day_event", {"title": "performance review", "date": "2027-10-02", "end_date": "2027-10-03"}),
        ),
        (
            "create_event",
            ("pakete erledigen", None, None, None),
            "hm, nächste woche pakete erledigen.",
            "de",
            ("create_all_day_event", {"title": "pakete erledigen", "date": "2027-10-04"}),
        ),
        (
            None,
            (),
            "baustelle in wien die ganze woche eintragen",
            "de",
            ("create_all_day_event", {"title": "baustelle in wien", "end_date": "2027-10-03"}),
        ),
        (  # a meeting takes one day of them: asked
            "create_event",
            ("Meeting in Berlin", None, None, None),
            "Meeting in Berlin next week",
            "en",
            ("create_event", {"date": None}),
        ),
        (  # one day only is a timed event's day
            "create_event",
            ("Zahnarzt", "morgen", None, None),
            "Zahnarzt morgen",
            "de",
            ("create_event", {"date": "2027-10-01", "time": None}),
        ),
        (  # "ist jetzt <day> um <clock>, nicht <day>": from the last day to the first
            "move_event",
            ("Budgetrunde", "für den 1.06.", "um 16:00, nicht Dienstag nächste Woche", None),
            "Budgetrunde ist jetzt für den 1.06. um 16:00, nicht Dienstag nächste Woche.",
            "de",
            ("move_event", {"date": "2027-10-05", "new_date": "2028-06-01", "new_time": "16:00"}),
        ),
        (
            "move_event",
            ("Gitarrenunterricht", "am 12. Oktober", "um 18:00, nicht Freitag nein diesen Samstag", None),
            "Gitarrenunterricht ist jetzt am 12. Oktober um 18:00, nicht Freitag nein diesen Samstag.",
            "de",
            ("move_event", {"date": "2027-10-02", "new_date": "2027-10-12"}),
        ),
        (  # a day-long event's one day, widened as a timed event's is
            "create_all_day_event",
            ("summer vacation", "tomorrow", None),
            "All day day after tomorrow: summer vacation.",
            "en",
            ("create_all_day_event", {"date": "2027-10-02", "end_date": "2027-10-02"}),
        ),
        (  # an event named first, then said to be off or moved: all its words before its day
            "delete_event",
            ("invoice", "on the 30th"),
            "send the invoice on the 30th is off",
            "en",
            ("delete_event", {"title": "send the invoice"}),
        ),
        (
            "delete_event",
            ("Wäsche", "morgen"),
            "Wäsche waschen morgen fällt aus, bitte löschen",
            "de",
            ("delete_event", {"title": "Wäsche waschen", "date": "2027-10-01"}),
        ),
        (
            "move_event",
            ("Rechnungen", None, None, "auf 14 Uhr"),
            "Rechnungen backen verschiebt sich auf 14 Uhr",
            "de",
            ("move_event", {"title": "Rechnungen backen", "new_time": "14:00"}),
        ),
        (  # never the word of the calendar nor an article said first
            "delete_event",
            ("Bücherei", "in vier Tagen"),
            "Der Termin Bücherei in vier Tagen ist abgesagt.",
            "de",
            ("delete_event", {"title": "Bücherei"}),
        ),
        (
            "move_event",
            ("parental leave", None, "to the twenty-ninth", None),
            "parental leave got got moved to the twenty-ninth",
            "en",
            ("move_event", {"title": "parental leave"}),
        ),
        (  # "is now <day> at <clock>, not <day>": the clock said with the new day is the new time
            "move_event",
            ("meeting with Jan", "Tuesday", "not Tuesday", None),
            "The meeting with Jan is now on Wednesday at 10, not Tuesday",
            "en",
            ("move_event", {"date": "2027-10-05", "new_date": "2027-10-06", "new_time": "10:00"}),
        ),
        (
            "delete_event",
            ("out the attic", "Saturday morning"),
            "Clear out the attic Saturday morning",
            "en",
            ("create_event", {"title": "Clear out the attic", "date": "2027-10-02"}),
        ),
        (  # whether a day has time free: a look at that day
            "find_event",
            ("Treffen",),
            "Hab ich nächsten Mittwoch Zeit für ein Treffen?",
            "de",
            ("list_events", {"date": "2027-10-06", "end_date": "2027-10-06"}),
        ),
        (
            "find_event",
            ("coffee",),
            "Do I have time on Friday for a coffee?",
            "en",
            ("list_events", {"date": "2027-10-01"}),
        ),
        (
            "find_event",
            ("Treffen",),
            "Hab ich Zeit für ein Treffen?",
            "de",
            ("find_event", {"title": "Treffen"}),
        ),
        (  # "letzter" asks which, it is no part of the name
            "find_event",
            ("Arzttermin",),
            "Wann war nochmal mein letzter Arzttermin?",
            "de",
            ("find_event", {"title": "Arzttermin"}),
        ),
        (  # days said first, then who is where: those days, the rest the title
            "create_all_day_event",
            ("Vom 20. bis 24. Dezember", None, None),
            "Vom 20. bis 24. Dezember bin ich bei meinen Eltern",
            "de",
            ("create_all_day_event", {"title": "bei meinen Eltern", "date": "2027-12-20", "end_date": "2027-12-24"}),
        ),
        (
            "create_all_day_event",
            ("parents'", "to the 24th I'm at my", None),
            "From December 20th to the 24th I'm at my parents'",
            "en",
            ("create_all_day_event", {"date": "2027-12-20", "end_date": "2027-12-24"}),
        ),
        (
            "create_all_day_event",
            ("spa day", "on Wednesday", None),
            "All day next week on Wednesday: spa day",
            "en",
            ("create_all_day_event", {"title": "spa day", "date": "2027-10-06", "end_date": "2027-10-06"}),
        ),
        (  # a day copied without its month
            "move_event",
            ("Teammeeting beim Italiener", None, None, "auf 7."),
            "Verschieb das Teammeeting beim Italiener auf 7.11.",
            "de",
            ("move_event", {"new_date": "2027-11-07"}),
        ),
    ],
)
def test_classes_of_the_generated_splits_of_session_43(
    function: str | None, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    """Failure classes of the generated splits of seeds 16 and 17 (session 43), read as people mean them."""
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, THURSDAY)


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Ich mach den Friseur lieber am Freitag", True),
        ("also ich mach das essen mit jonas lieber den 25. mai", True),
        ("Ich mach Hautarzt lieber am 22.", True),
        ("Ich mach lieber Pizza", False),
        ("Ich mach das lieber selbst", False),
        ("Ich mach heute lieber Sport", False),
        # one's own event switched or shifted from one day to another, brought forward, or put on a day
        ("Switch offsite for Monday to this Friday", True),
        ("Shfit offsite on 28 October 2028 to tomorrow", True),
        ("Switch offsite about chapter 11 in three weeks to 24 February.", True),
        ("switch the car on Monday to winter tyres", False),
        ("move the meeting in the calendar to Friday", False),
        ("Abschiedsfeier von Anna auf den 9. Oktober vorziehen", True),
        ("Leg Nachhilfe auf 16. Februar gegen 15 Uhr", True),
        ("Leg Wert auf Pünktlichkeit", False),
        ("Leg Termin auf Freitag", False),
    ],
)
def test_asked_to_move_in_the_ways_of_session_43(query: str, asks: bool) -> None:
    assert asks_to_move(query) is asks


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("Hast du schon den Friseur am Samstag eingetragen?", True),
        ("Did you put the dentist in yet?", True),
        ("Hast du die Milch gekauft?", False),
        ("did you put the milk in the fridge?", False),
    ],
)
def test_whether_the_assistant_put_an_event_in_is_a_find(query: str, asks: bool) -> None:
    assert asks_if_coming_up(query) is asks


@pytest.mark.parametrize(
    ("phrase", "query", "clock"),
    [
        ("elf uhr dreistündig", "sprint review morgen früh elf uhr dreistündig", "11:00"),  # never 11:03
        ("um 5 uhr 2", "steuererklärung nächsten freitag um 5 uhr 2 stunden", "17:00"),  # never 17:02
        ("um 5 uhr 20", "zahnarzt um 5 uhr 20", "17:20"),
        ("um 1 am 2030-07-13", "Bitte trag Schulfest um 1 am 2030-07-13 ein.", "13:00"),  # "am" no meridiem
        ("um halb sechs am 2026-04-13", "Weihnachtsmarkt um halb sechs am 2026-04-13", "17:30"),
        ("um viertel vor sechs am Morgen", "termin mit mama um viertel vor sechs am morgen", "05:45"),
    ],
)
def test_a_german_clock_copied_with_what_follows_it(phrase: str, query: str, clock: str) -> None:
    assert resolve_phrase(ParamType.TIME, phrase, THURSDAY, "de", query) == clock


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "today", "expected"),
    [
        (  # a length with a decimal comma copied from after the comma
            "create_recurring_event",
            ("Teammeeting vom Verein 1", "Dienstags", "um 16.00 Uhr", "5 Stunden lang", "wöchentlich", None),
            "wöchentlich Dienstags um 16.00 Uhr Teammeeting vom Verein 1,5 Stunden lang",
            "de",
            THURSDAY,
            ("create_recurring_event", {"title": "Teammeeting vom Verein", "duration_minutes": 90}),
        ),
        (
            "create_event",
            ("sprint review", "morgen früh", "elf uhr dreistündig", None),
            "sprint review morgen früh elf uhr dreistündig",
            "de",
            THURSDAY,
            ("create_event", {"time": "11:00", "duration_minutes": 180}),
        ),
        (  # the day said as a word, its month as a number
            "create_event",
            ("Vortrag", "am elften", "11. gegen 10 Uhr", None),
            "Blocke am elften 11. gegen 10 Uhr für Vortrag",
            "de",
            THURSDAY,
            ("create_event", {"date": "2027-11-11", "time": "10:00"}),
        ),
        (  # "bitte" typed with two letters swapped is no part of a title
            "create_event",
            ("Btite Zimmer aufräumen", "Dienstag", "um 12", None),
            "Btite Zimmer aufräumen Dienstag um 12 eintragen.",
            "de",
            THURSDAY,
            ("create_event", {"title": "Zimmer aufräumen"}),
        ),
    ],
)
def test_lengths_days_and_slips_of_session_43(
    function: str, phrases: tuple, query: str, lang: str, today: dt.date, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, today)


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (  # a new event asked for in so many words, read as a move or a delete
            "move_event",
            ("Oper von der Kita", "am 2. Oktober", None, "zu Mittag"),
            "Ich möchte Oper von der Kita am 2. Oktober zu Mittag reinschreiben",
            "de",
            ("create_event", {"title": "Oper von der Kita", "date": "2027-10-02", "time": "12:00"}),
        ),
        (
            "delete_event",
            ("Bandprobe von Maximilian", "für den 16. Oktober"),
            "Termin Bandprobe von Maximilian für den 16. Oktober.",
            "de",
            ("create_event", {"title": "Bandprobe von Maximilian", "date": "2027-10-16"}),
        ),
        (
            "delete_event",
            ("Abschiedsfeier von Mia", "am 23. Oktober"),
            "Mach einen Termin für Abschiedsfeier von Mia am 20. Oktober ähm nein am 23. Oktober",
            "de",
            ("create_event", {"date": "2027-10-23"}),
        ),
        (  # a to-do whose name starts with a verb of moving, with no target
            "move_event",
            ("change the bed sheets", "on the twenty-third of October", None, None),
            "I have to change the bed sheets on the twenty-third of October.",
            "en",
            ("create_event", {"title": "change the bed sheets", "date": "2027-10-23"}),
        ),
        (  # never a removal or a move asked
            "delete_event",
            ("Termin beim Zahnarzt", None),
            "Termin beim Zahnarzt absagen",
            "de",
            ("delete_event", {"title": "Termin beim Zahnarzt"}),
        ),
        (  # "schedule <days>" and nothing else: a look at those days
            "create_all_day_event",
            ("November", None, None),
            "Schedule during November",
            "en",
            ("list_events", {"date": "2027-11-01", "end_date": "2027-11-30"}),
        ),
        (
            "create_event",
            ("day after tomorrow", None, None, None),
            "please, schedule day after tomorrow?",
            "en",
            ("list_events", {"date": "2027-10-02"}),
        ),
        (
            "create_event",
            ("dentist", "Friday", None, None),
            "Schedule dentist for Friday",
            "en",
            ("create_event", {"title": "dentist"}),
        ),
        (  # the request copied as the title: the words said after the day and time
            "create_event",
            ("Speicher", "Samstag", "15:30", None),
            "Speicher bitte Samstag 15:30 mit Maximilian Angebot vorbereiten.",
            "de",
            ("create_event", {"title": "mit Maximilian Angebot vorbereiten"}),
        ),
    ],
)
def test_requests_read_otherwise_in_session_43(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, THURSDAY)


@pytest.mark.parametrize(
    ("query", "marks"),
    [
        ("den ganzen tag übermorgen: rufbereitschaft.", True),
        ("All day Friday: inventory", True),
        ("Trade fair in Leipzig all day on Friday", True),
        ("all day tomorrow", False),  # nothing named
        ("Was hab ich den ganzen Tag morgen?", False),
        ("Lösch den ganzen Tag morgen", False),
        ("Es regnet den ganzen Tag morgen", False),
        ("play music all day tomorrow", False),
    ],
)
def test_a_day_marked_as_taken_all_day(query: str, marks: bool) -> None:
    assert marks_a_whole_day(query, THURSDAY) is marks


@pytest.mark.parametrize(
    ("function", "phrases", "query", "lang", "expected"),
    [
        (  # the day said after "is now" is where it goes, the one before where it was
            "move_event",
            ("accountant", "on Christmas Day", None, "at 8:00 in the evening"),
            "accountant on Christmas Day is now on November 7 at 8:00 in the evening.",
            "en",
            ("move_event", {"date": "2027-12-25", "new_date": "2027-11-07", "new_time": "20:00"}),
        ),
        (
            "move_event",
            ("budget meeting", "for today", "for today", "at 10:35"),
            "so, budget meeting for today is now tomorrow at 10:35.",
            "en",
            ("move_event", {"date": "2027-09-30", "new_date": "2027-10-01", "new_time": "10:35"}),
        ),
        (  # a day said with no target word before a clock said as the target: where the event is
            "move_event",
            ("ausflug", None, "3. februar", "auf viertel vor eins mittags"),
            "ja änder den ausflug 3. februar auf viertel vor eins mittags",
            "de",
            ("move_event", {"date": "2028-02-03", "new_date": None, "new_time": "12:45"}),
        ),
        (
            "move_event",
            ("dentist", None, "Friday", "to 10"),
            "Move the dentist Friday to 10",
            "en",
            ("move_event", {"date": "2027-10-01", "new_date": None, "new_time": "10:00"}),
        ),
        (  # both said as where it goes
            "move_event",
            ("Zahnarzt", None, "auf Freitag", "um 10"),
            "Verschieb den Zahnarzt auf Freitag um 10",
            "de",
            ("move_event", {"date": None, "new_date": "2027-10-01", "new_time": "10:00"}),
        ),
        (
            "move_event",
            ("physio", None, "on Thursday", "at 9"),
            "Put physio on Thursday at 9 instead",
            "en",
            ("move_event", {"date": None, "new_date": "2027-10-07"}),
        ),
    ],
)
def test_where_a_moved_event_was_and_goes_in_session_43(
    function: str, phrases: tuple, query: str, lang: str, expected: tuple
) -> None:
    _assert_resolves_as(SpanCall(function, phrases), query, expected, lang, THURSDAY)
