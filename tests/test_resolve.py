"""The resolver against a hand-written table of phrases (tests/data/phrases.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.schema.resolve import resolve_date, resolve_duration, resolve_time

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "phrases.yaml").read_text(encoding="utf-8"))

DATE_CASES = [
    pytest.param(block["today"], lang, phrase, expected, id=f"{block['today']}-{lang}-{phrase}")
    for block in TABLE["dates"]
    for lang in ("de", "en")
    for phrase, expected in block.get(lang, {}).items()
]
TIME_CASES = [
    pytest.param(lang, p, t, id=f"{lang}-{p}") for lang in ("de", "en") for p, t in TABLE["times"][lang].items()
]
DURATION_CASES = [
    pytest.param(p, m, id=f"{lang}-{p}") for lang in ("de", "en") for p, m in TABLE["durations"][lang].items()
]


@pytest.mark.parametrize("today,lang,phrase,expected", DATE_CASES)
def test_date_phrases(today: dt.date, lang: str, phrase: str, expected: dt.date | None) -> None:
    assert resolve_date(str(phrase), today) == expected


@pytest.mark.parametrize("lang,phrase,expected", TIME_CASES)
def test_time_phrases(lang: str, phrase: str, expected: str | None) -> None:
    got = resolve_time(str(phrase), lang)
    assert (got.strftime("%H:%M") if got else None) == expected


@pytest.mark.parametrize("phrase,expected", DURATION_CASES)
def test_duration_phrases(phrase: str, expected: int | None) -> None:
    assert resolve_duration(str(phrase)) == expected


def test_table_covers_both_languages_and_several_todays() -> None:
    assert len({b["today"] for b in TABLE["dates"]}) >= 4
    assert len(DATE_CASES) > 60 and len(TIME_CASES) > 40 and len(DURATION_CASES) > 30


def test_sentences_give_date_and_time_together() -> None:
    """Completing a call from an answer such as 'morgen um 9' needs both from one sentence."""
    today = dt.date(2026, 11, 26)
    assert resolve_date("morgen um 9", today) == dt.date(2026, 11, 27)
    assert resolve_time("morgen um 9", "de") == dt.time(9, 0)
    assert resolve_date("next Friday at half past two", today) == dt.date(2026, 11, 27)
    assert resolve_time("next Friday at half past two", "en") == dt.time(14, 30)


def test_time_ranges_give_start_and_end() -> None:
    from assistant.schema.resolve import resolve_time_range

    def hm(pair):
        return pair and tuple(t.strftime("%H:%M") for t in pair)

    assert hm(resolve_time_range("von 14 bis 16 Uhr", "de")) == ("14:00", "16:00")
    assert hm(resolve_time_range("von halb drei bis vier", "de")) == ("14:30", "16:00")
    assert hm(resolve_time_range("from 2 to 4 pm", "en")) == ("14:00", "16:00")
    assert hm(resolve_time_range("from 10 to 11 pm", "en")) == ("22:00", "23:00")
    # a copied span may end in the sentence's full stop; it is still a range, not "8 minutes to 9"
    assert hm(resolve_time_range("from 8 to 9.", "en")) == ("08:00", "09:00")
    assert hm(resolve_time_range("von 8 bis 9.", "de")) == ("08:00", "09:00")
    assert hm(resolve_time_range("9-11 Uhr", "de")) == ("09:00", "11:00")
    assert resolve_time_range("at ten to eleven", "en") is None  # 10:50, not a range
    assert hm(resolve_time_range("from ten to eleven thirty", "en")) == ("10:00", "11:30")  # said as words
    assert hm(resolve_time_range("ten to eleven thirty", "en")) == ("10:00", "11:30")  # minutes after: a span
    assert hm(resolve_time_range("von zehn bis elf uhr dreißig", "de")) == ("10:00", "11:30")
    assert resolve_time_range("von 16 bis 14 Uhr", "de") is None
    assert hm(resolve_time_range("von 20 Uhr bis Mitternacht", "de")) == ("20:00", "23:59")
    assert hm(resolve_time_range("from 8 pm until midnight", "en")) == ("20:00", "23:59")


def test_a_range_sets_the_duration_of_a_call() -> None:
    from assistant.schema.functions import SpanCall
    from assistant.schema.resolve import resolve_call

    call = resolve_call(
        SpanCall("create_event", ("Workshop", "morgen", "von 14 bis 16:30 Uhr", None)), dt.date(2026, 11, 26), "de"
    )
    assert call.arguments == {"title": "Workshop", "date": "2026-11-27", "time": "14:00", "duration_minutes": 150}
    said = resolve_call(
        SpanCall("create_event", ("Workshop", "morgen", "von 14 bis 16 Uhr", "eine Stunde")),
        dt.date(2026, 11, 26),
        "de",
    )
    assert said.arguments["duration_minutes"] == 60  # what was said explicitly wins
    party = resolve_call(
        SpanCall("create_event", ("Party", "am 31. Dezember", "von 20 Uhr bis Mitternacht", None)),
        dt.date(2026, 11, 26),
        "de",
    )
    assert party.arguments["time"] == "20:00" and party.arguments["duration_minutes"] == 240


@pytest.mark.parametrize(
    "ptype, phrase, lang, expected",
    [
        ("DATE", "am 30. Februar", "de", True),
        ("DATE", "am 31.04.", "de", True),
        ("DATE", "day", "en", False),
        ("DATE", "nächsten Dienstag", "de", True),
        ("TIME", "um 25 Uhr", "de", True),
        ("TIME", "at 13:75", "en", True),
        ("TIME", "für 90 Min.", "de", False),
        ("TIME", "zehn Minuten später", "de", False),
        ("MINUTES", "0 Minuten", "de", True),
        ("MINUTES", "15 im kalender", "de", False),
        # "bis 26." ends a span of days, not of hours
        ("TIME", "vom 13. August bis 26.", "de", False),
        ("TIME", "bis 25:00", "de", True),
    ],
)
def test_names_a_value_tells_impossible_from_unreadable(ptype, phrase, lang, expected) -> None:
    """Impossible values keep their form (the decoder may copy them, to report them); other words do not."""
    from assistant.schema.functions import ParamType
    from assistant.schema.resolve import names_a_value

    assert names_a_value(ParamType[ptype], phrase, lang) is expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Urlaub vom 21. bis 23. Dezember", "de"),
        ("Jeden Dienstag um 19 Uhr Chorprobe", "de"),
        ("Verschieb den Friseur auf Samstag", "de"),
        ("Wann ist die nächste Chorprobe?", "de"),
        ("Trag Zahnarzt morgen um 9 ein", "de"),
        ("Vacation from December 21 to 23", "en"),
        ("Every Monday at 9 am team standup", "en"),
        ("Move the haircut to Saturday", "en"),
        ("When is my next haircut?", "en"),
        ("Add dentist tomorrow at 9", "en"),
    ],
)
def test_typed_text_gets_its_language(text: str, lang: str) -> None:
    """Typed commands carry no detected language: replies must not switch to English for a German span of days
    (v12's TUI answered "Urlaub vom 21. bis 23. Dezember" in English)."""
    from assistant.schema.resolve import guess_lang

    assert guess_lang(text) == lang
