"""Which event a command means when its title does not say it: a pronoun, or the event's start."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.calendar.ical import EventInfo
from assistant.conversation.referents import (
    at_clock,
    chosen,
    clocks_said,
    event_clock,
    names_no_event,
    pronoun_request,
    said_again,
    without_clock,
)


@pytest.mark.parametrize(
    ("text", "function", "said_with_dentist"),
    [
        ("delete it", "delete_event", "delete dentist"),
        ("Cancel that.", "delete_event", "Cancel dentist"),
        ("ok please remove this one", "delete_event", "remove dentist"),
        ("remove it from my calendar please", "delete_event", "remove dentist"),
        ("lösch es bitte aus dem Kalender", "delete_event", "lösch dentist"),
        ("move it to 5 pm", "move_event", "move dentist to 5 pm"),
        ("push it back an hour", "move_event", "push dentist back an hour"),
        ("push it back 90 minutes", "move_event", "push dentist back 90 minutes"),
        ("bring it forward by two days", "move_event", "bring dentist forward by two days"),
        ("can you move that to tomorrow at 9", "move_event", "move dentist to tomorrow at 9"),
        ("move it", "move_event", "move dentist"),
        ("when is it?", "find_event", "when is dentist"),
        ("lösch ihn", "delete_event", "lösch dentist"),
        ("nein, lösch das bitte wieder", "delete_event", "lösch dentist"),
        ("streich es", "delete_event", "streich dentist"),
        ("sag ihn ab", "delete_event", "lösche dentist"),
        ("nimm das wieder raus", "delete_event", "lösche dentist"),
        ("verschieb ihn auf Freitag um 9", "move_event", "verschieb dentist auf Freitag um 9"),
        ("verleg das eine Stunde nach hinten", "move_event", "verleg dentist eine Stunde nach hinten"),
        ("wann ist das", "find_event", "wann ist dentist"),
        # no move verb: a length, a day or a time said with "make it", "mach es", "leg ihn" (re-said with one)
        ("make it an hour later", "move_event", "move dentist an hour later"),
        ("can you make it half an hour earlier please", "move_event", "move dentist half an hour earlier please"),
        ("make it 5 pm", "move_event", "move dentist to 5 pm"),
        ("make it tomorrow", "move_event", "move dentist to tomorrow"),
        ("mach es eine Stunde früher", "move_event", "verschieb dentist eine Stunde früher"),
        ("leg ihn auf Freitag", "move_event", "verschieb dentist auf Freitag"),
        ("setz das auf 15 Uhr", "move_event", "verschieb dentist auf 15 Uhr"),
    ],
)
def test_a_request_about_it_is_said_again_with_a_name(text: str, function: str, said_with_dentist: str) -> None:
    about = pronoun_request(text)
    assert about is not None and about.function == function
    assert about.said_with("dentist") == said_with_dentist


@pytest.mark.parametrize(
    "text",
    [
        "delete the dentist",
        "lösch den Zahnarzt",
        "lösch das Meeting",  # German "das" before a name is its article
        "cancel that order",
        "put it in my calendar for Friday",
        "when is it going to rain",
        "schreib es auf",
        "delete it all",
        "delete that event on Friday",  # its day said: the model reads which
        "bring it to the party on Friday",
        "what is it",
        "make it a weekly thing",  # no day, time or length: the model reads it
        "make it two hours",  # a length of the event, not where it goes
        "mach es ganztägig",
        "make it every Friday",
        "make it quick",
    ],
)
def test_a_named_event_or_another_request_is_no_request_about_it(text: str) -> None:
    assert pronoun_request(text) is None


@pytest.mark.parametrize(
    ("text", "lang", "new_time", "clock"),
    [
        ("cancel my 3 o'clock", "en", None, "15:00"),
        ("delete my meeting for two o'clock pm today", "en", None, "14:00"),
        ("delete the 10 am meeting tomorrow", "en", None, "10:00"),
        ("postpone my 3 o'clock to 4", "en", "16:00", "15:00"),
        ("move the meeting at 10 to 11", "en", "11:00", "10:00"),
        ("move office hours on Monday from 10 to 11 am", "en", "11:00", "10:00"),
        ("move the meeting to tomorrow at 10", "en", "10:00", None),
        ("move the dentist to 3 pm", "en", "15:00", None),
        ("move my 10 am to 10 pm", "en", "22:00", "10:00"),
        ("move the dentist to Friday", "en", None, None),
        ("delete the dentist for 2 hours", "en", None, None),  # a length is no start
        ("lösch den Termin um 15 Uhr", "de", None, "15:00"),
        ("verschieb den 15-Uhr-Termin auf Freitag", "de", None, "15:00"),
        ("verschieb das Meeting morgen um 10 auf 11", "de", "11:00", "10:00"),
        ("verschieb den Zahnarzt auf Freitag um 10", "de", "10:00", None),
        ("wann ist mein Termin um halb drei", "de", None, "14:30"),
        ("lösch den Zahnarzt am 3.", "de", None, None),
    ],
)
def test_the_start_said_of_the_event_meant(text: str, lang: str, new_time: str | None, clock: str | None) -> None:
    said = event_clock(text, lang, new_time)
    assert (None if said is None else f"{said:%H:%M}") == clock, clocks_said(text, lang)


@pytest.mark.parametrize(
    ("title", "nothing"),
    [
        ("cancel", True),
        ("move it", True),
        ("my 3 o'clock", True),
        ("den 15-Uhr-Termin", True),
        ("lösche das", True),
        ("it back", True),
        ("", True),
        ("dentist", False),
        ("3 o'clock tea", False),
        ("meeting", False),
        ("Die Ärzte Konzert", False),
    ],
)
def test_a_title_that_names_no_event(title: str, nothing: bool) -> None:
    assert names_no_event(title) is nothing


def test_a_start_matches_its_event_either_half_of_the_day_and_leaves_the_title() -> None:
    start = dt.datetime(2026, 12, 7, 15, 0)
    assert at_clock(start, dt.time(15)) and at_clock(start, dt.time(3))
    assert not at_clock(start, dt.time(3), twelve_hours=False) and not at_clock(start, dt.time(15, 30))
    assert without_clock("10 am meeting") == "meeting" and without_clock("15-Uhr-Termin") == "Termin"
    assert without_clock("dentist") == "dentist"


def _at(title: str, hour: int) -> EventInfo:
    start = dt.datetime(2026, 12, 7, hour, tzinfo=dt.timezone.utc)
    return EventInfo(f"uid-{title}", title, start, start + dt.timedelta(hours=1), "Assistant", "")


@pytest.mark.parametrize(
    ("answer", "picked"),
    [
        ("the second one", "yoga"),
        ("den zweiten", "yoga"),
        ("das erste", "dentist"),
        ("the last one", "board meeting"),
        ("the one at 4", "board meeting"),
        ("den um 15 Uhr", None),  # two start then
        ("yoga", "yoga"),
        ("I mean the board meeting", "board meeting"),
        ("meeting", None),  # says none of them by name
        ("the fifth", None),
        ("what do I have on Friday", None),
    ],
)
def test_an_answer_picks_one_of_the_events_listed(answer: str, picked: str | None) -> None:
    listed = [_at("dentist", 15), _at("yoga", 15), _at("board meeting", 16)]
    pick = chosen(listed, answer, "de" if " um " in f" {answer} " or "zweit" in answer else "en", "UTC")
    assert (pick.title if pick else None) == picked


@pytest.mark.parametrize(
    ("title", "again"),
    [("Und", True), ("nochmal", True), ("same again", True), ("das Gleiche", True), ("and", True)]
    + [("Und Tanzen", False), ("Again and again", True), ("Gleichstellungsrunde", False), ("", False), (None, False)],
)
def test_a_title_that_says_only_again(title: str | None, again: bool) -> None:
    assert said_again(title) is again
