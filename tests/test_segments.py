"""Two new events said in one breath are two commands (assistant.conversation.segments)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.conversation.segments import two_events

MONDAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Zahnarzt am Montag um 9 und Friseur am Dienstag um 10",
            ("Zahnarzt am Montag um 9", "Friseur am Dienstag um 10"),
        ),
        ("Morgen um 8 Joggen und um 18 Uhr Yoga", ("Morgen um 8 Joggen", "Morgen um 18 Uhr Yoga")),  # the day shared
        ("Run tomorrow at 8 and yoga at 6 pm", ("Run tomorrow at 8", "tomorrow yoga at 6 pm")),  # v25: yoga at 8
        (
            "Add parents evening on Wednesday at 7 pm and football on Thursday at 5 pm",
            ("Add parents evening on Wednesday at 7 pm", "football on Thursday at 5 pm"),
        ),
        (
            "Doctor on Friday at 10, then lunch with Lisa at 12",
            ("Doctor on Friday at 10", "Friday lunch with Lisa at 12"),
        ),
        # one event: a title with "und", a span of days or clocks, company, a day or clock alone, a move, a question
        ("Kaffee und Kuchen bei Oma am Sonntag um 15 Uhr", None),
        ("Bread and butter pudding class on Saturday at 2", None),
        ("Montag und Dienstag Urlaub", None),
        ("Meeting zwischen 9 und 10", None),
        ("Dinner at 8 with Anna and Tom", None),
        ("Am Montag um 9 Zahnarzt und danach Einkaufen", None),
        ("Zahnarzt am Montag um 9 und am Dienstag um 10", None),
        ("Verschieb den Zahnarzt auf Montag um 9 und den Friseur auf Dienstag um 10", None),
        ("Hab ich am Montag um 9 Zahnarzt und am Dienstag um 10 Friseur?", None),
        # the rows of every shipped set and the generated split hold one event each: none of them is split
        ("Tomorrow night we're going to the movies with Lena and Tim at eight", None),
        ("block for tomorrow between 4 and 5 pm for lecture in lab 11.", None),
        ("company picnic is weekly on Wednesday between 10 and 2 pm from now on", None),
        ("mal ich habe jeden Morgen zwischen 18 und 19 Uhr Treffen mit Jürgen.", None),
    ],
)
def test_two_events_are_told_apart_from_one(text: str, parts: tuple[str, str] | None) -> None:
    assert two_events(text, MONDAY) == parts
