"""The resolver against a hand-written table of phrases (tests/data/phrases.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.resolve import resolve_date, resolve_duration, resolve_time

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
