"""Property tests (issue 20): random and adversarial text, arbitrary unicode and absurd numbers never crash the
parser, the validator or the dialog, and never change the calendar through a call that did not validate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.schema.functions import FUNCTIONS, Call, CallError, NoCall, parse_call, render_call

TOKENS = [f"<oc_{i}>" for i in range(len(FUNCTIONS) + 3)] + ["<oc_end>", "<oc_null>", "<oc_sep>"]
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "2026-02-30",
            "2025-18-34",
            "9999-12-31",
            "0001-01-01",
            "24:00",
            "9:5",
            "-5",
            "1e9",
            "",
            "\u202e",
            "\x00",
            "\\",
            '"',
            "null",
            "<oc_end>",
        ]
    ),
)


def _arg(value: object) -> str:
    return (
        "null"
        if value is None
        else json.dumps(value, ensure_ascii=False)
        if not isinstance(value, float)
        else repr(value)
    )


model_like = st.builds(
    lambda token, args, end: f"{token}({', '.join(_arg(a) for a in args)}){end}",
    st.sampled_from(TOKENS),
    st.lists(values, max_size=8),
    st.sampled_from(["<oc_end>", "", "<oc_end><oc_end>", ")"]),
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(max_size=200), model_like, st.binary(max_size=80).map(lambda b: b.decode("latin-1"))))
def test_parsing_never_crashes_and_whatever_passes_is_valid(text: str) -> None:
    try:
        call = parse_call(text)
    except CallError:
        return
    assert isinstance(call, (Call, NoCall))
    if isinstance(call, Call):  # it validated: rendering and parsing it again gives the same call
        assert parse_call(render_call(call)) == call


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([f.name for f in FUNCTIONS]), st.dictionaries(st.text(max_size=12), values, max_size=8))
def test_building_a_call_from_any_arguments_validates_or_says_why(function: str, arguments: dict) -> None:
    try:
        Call(function, arguments)
    except CallError:
        pass


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(model_like, st.text(max_size=120)))
def test_the_dialog_never_crashes_and_changes_nothing_without_a_valid_call(
    module_radicale, tmp_path: Path, text: str
) -> None:
    from assistant.calendar.client import CalDAVCalendar
    from assistant.calendar.outbox import Journal, Outbox
    from assistant.conversation.dialog import CHANGED, Assistant
    from assistant.settings import CalendarSettings

    cal = CalDAVCalendar(
        CalendarSettings(url=module_radicale.url, username="anna", password="x", timezone="Europe/Berlin")
    )
    a = Assistant(cal, Outbox(tmp_path / "state"), Journal(tmp_path / "state"), today=lambda: dt.date(2026, 12, 3))
    window = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
    before = {e.uid for e in cal.events_between(*window)}
    turn = a.run_call_text(text, "de")  # a line in the output format, run as the model's would be
    answer = a.handle("ja", "de") if turn.outcome.waiting else None  # a question answered yes: the worst case
    after = {e.uid for e in cal.events_between(*window)}
    changed = turn.outcome.kind in CHANGED or (answer is not None and answer.outcome.kind in CHANGED)
    if not changed:
        assert after == before, (text, turn.outcome.kind)
    try:
        valid = isinstance(parse_call(text), Call)
    except CallError:
        valid = False
    if not valid:
        assert after == before and turn.outcome.kind not in CHANGED, text
