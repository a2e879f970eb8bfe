"""The function schema: rendering, parsing, validation, the prompt."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.schema import functions as F
from assistant.schema.functions import Call, NoCall, build_prompt, call_from_json, parse_call, render_call

ROUND_TRIP = [
    (
        '<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>',
        Call("create_event", {"title": "Zahnarzt", "date": "2026-11-25", "time": "14:30", "duration_minutes": 45}),
    ),
    (
        '<oc_1>("Weihnachtsessen bei meinen Eltern", "2024-12-24", "18:00", 180)<oc_end>',
        Call(
            "create_event",
            {
                "title": "Weihnachtsessen bei meinen Eltern",
                "date": "2024-12-24",
                "time": "18:00",
                "duration_minutes": 180,
            },
        ),
    ),
    (
        '<oc_1>("Ölwechsel", null, null, 60)<oc_end>',
        Call("create_event", {"title": "Ölwechsel", "date": None, "time": None, "duration_minutes": 60}),
    ),
    (
        '<oc_1>("Yoga", "2028-02-29", null, 90)<oc_end>',
        Call("create_event", {"title": "Yoga", "date": "2028-02-29", "time": None, "duration_minutes": 90}),
    ),
    (
        '<oc_2>("2026-11-26", "2026-11-26")<oc_end>',
        Call("list_events", {"date": "2026-11-26", "end_date": "2026-11-26"}),
    ),
    (
        '<oc_2>("2026-11-30", "2026-12-06")<oc_end>',
        Call("list_events", {"date": "2026-11-30", "end_date": "2026-12-06"}),
    ),
    (
        '<oc_4>("Friseur", null, "2026-12-05", null)<oc_end>',
        Call("move_event", {"title": "Friseur", "date": None, "new_date": "2026-12-05", "new_time": None}),
    ),
    ('<oc_5>("Zahnarzt")<oc_end>', Call("find_event", {"title": "Zahnarzt"})),
    (
        '<oc_6>("Chor", "2026-12-03", "19:00", 90, "weekly", "2027-03-31")<oc_end>',
        Call(
            "create_recurring_event",
            {
                "title": "Chor",
                "date": "2026-12-03",
                "time": "19:00",
                "duration_minutes": 90,
                "frequency": "weekly",
                "until": "2027-03-31",
            },
        ),
    ),
    (
        '<oc_6>("Standup", "2026-12-07", null, 15, "weekdays", null)<oc_end>',
        Call(
            "create_recurring_event",
            {
                "title": "Standup",
                "date": "2026-12-07",
                "time": None,
                "duration_minutes": 15,
                "frequency": "weekdays",
                "until": None,
            },
        ),
    ),
    (
        '<oc_7>("Urlaub", "2026-12-22", "2026-12-30")<oc_end>',
        Call("create_all_day_event", {"title": "Urlaub", "date": "2026-12-22", "end_date": "2026-12-30"}),
    ),
    (
        '<oc_3>("Team-Meeting", "2027-01-04")<oc_end>',
        Call("delete_event", {"title": "Team-Meeting", "date": "2027-01-04"}),
    ),
    ('<oc_3>("dentist", null)<oc_end>', Call("delete_event", {"title": "dentist", "date": None})),
    (
        '<oc_1>("Say \\"hi\\" \\\\ to Mom\\nEND:VEVENT", "2026-01-01", "00:00", 1440)<oc_end>',
        Call(
            "create_event",
            {
                "title": 'Say "hi" \\ to Mom\nEND:VEVENT',
                "date": "2026-01-01",
                "time": "00:00",
                "duration_minutes": 1440,
            },
        ),
    ),
    ("<oc_0><oc_end>", NoCall()),
]


@pytest.mark.parametrize("text,call", ROUND_TRIP, ids=[t for t, _ in ROUND_TRIP])
def test_render_parse_round_trip(text: str, call: Call | NoCall) -> None:
    assert render_call(call) == text
    assert parse_call(text) == call
    assert parse_call(render_call(parse_call(text))) == call
    assert call_from_json(call.to_json()) == call


MALFORMED = [
    ('<oc_8>("x")<oc_end>', F.UnknownFunctionToken),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30")<oc_end>', F.ArityError),
    ('<oc_2>("2026-11-25", "2026-11-26", "2026-11-27")<oc_end>', F.ArityError),
    ('<oc_7>("x")<oc_end>', F.ArityError),
    ('<oc_2>("2026-11-26", "2026-11-25")<oc_end>', F.InvalidRange),
    ('<oc_2>("2026-01-01", "2027-01-02")<oc_end>', F.InvalidRange),
    ('<oc_7>("Urlaub", "2026-12-30", "2026-12-22")<oc_end>', F.InvalidRange),
    ('<oc_6>("Chor", "2026-12-03", "19:00", 60, "weekly", "2026-12-01")<oc_end>', F.InvalidRange),
    ('<oc_6>("Chor", "2026-12-03", "19:00", 60, "every 3 days", null)<oc_end>', F.InvalidFrequency),
    ('<oc_6>("Chor", "2026-12-03", "19:00", 60, null, null)<oc_end>', F.MissingArgument),
    ("<oc_5>(null)<oc_end>", F.MissingArgument),
    ("<oc_3>()<oc_end>", F.ArityError),
    ('<oc_1>(42, "2026-11-25", "14:30", 45)<oc_end>', F.ArgumentTypeError),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", "45")<oc_end>', F.ArgumentTypeError),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 4.5)<oc_end>', F.ArgumentTypeError),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", true)<oc_end>', F.ArgumentTypeError),
    ('<oc_1>("Zahnarzt", "2025-18-34", "14:30", 45)<oc_end>', F.InvalidDate),
    ('<oc_1>("Zahnarzt", "2026-02-30", "14:30", 45)<oc_end>', F.InvalidDate),
    ('<oc_1>("Zahnarzt", "24.12.2026", "14:30", 45)<oc_end>', F.InvalidDate),
    ('<oc_2>("2026-1-5", "2026-01-05")<oc_end>', F.InvalidDate),
    ('<oc_1>("Zahnarzt", "2026-11-25", "25:00", 45)<oc_end>', F.InvalidTime),
    ('<oc_1>("Zahnarzt", "2026-11-25", "9:5", 45)<oc_end>', F.InvalidTime),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:60", 45)<oc_end>', F.InvalidTime),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 0)<oc_end>', F.InvalidDuration),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", -30)<oc_end>', F.InvalidDuration),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 1441)<oc_end>', F.InvalidDuration),
    ('<oc_1>("Zahnarzt, "2026-11-25", "14:30", 45)<oc_end>', F.MalformedCall),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45<oc_end>', F.MalformedCall),
    ('<oc_1>("Zahnarzt)<oc_end>', F.UnbalancedQuotes),
    ('<oc_1>("Weihnachtssuch', F.UnbalancedQuotes),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)', F.MissingEndToken),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)("Zahnarzt", "2026', F.MissingEndToken),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45', F.MissingEndToken),
    ("<oc_0>", F.MissingEndToken),
    ("<oc_0> yes<oc_end>", F.MalformedCall),
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end> and more', F.MalformedCall),
    ('<oc_4>(null, null, "2026-11-25", null)<oc_end>', F.MissingArgument),  # a move names its event
    ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", null)<oc_end>', F.MissingArgument),
    ("<oc_3>(null, null)<oc_end>", F.MissingArgument),
    ('<oc_1>("   ", "2026-11-25", "14:30", 45)<oc_end>', F.InvalidTitle),
    ("Sure! Here is the call.", F.MalformedCall),
    ("", F.MalformedCall),
    ("<oc_end>", F.MalformedCall),
    ("<oc_1>Zahnarzt<oc_end>", F.MalformedCall),
]


@pytest.mark.parametrize("text,error", MALFORMED, ids=[t or "empty" for t, _ in MALFORMED])
def test_malformed_output_gives_typed_error(text: str, error: type[F.CallError]) -> None:
    with pytest.raises(error) as info:
        parse_call(text)
    assert str(info.value)  # a message a person can read


def test_every_error_is_a_call_error_and_a_value_error() -> None:
    for _, error in MALFORMED:
        assert issubclass(error, F.CallError) and issubclass(error, ValueError)


def test_whitespace_between_arguments_is_tolerated() -> None:
    assert parse_call('<oc_2>( "2026-11-26" ,"2026-11-26")<oc_end>\n') == Call(
        "list_events", {"date": "2026-11-26", "end_date": "2026-11-26"}
    )


def test_call_validates_on_construction() -> None:
    with pytest.raises(F.ArityError):
        Call("create_event", {"title": "x"})
    with pytest.raises(F.UnknownFunctionToken):
        Call("reschedule_event", {})
    with pytest.raises(F.InvalidDate):
        Call("list_events", {"date": "2025-18-34", "end_date": "2025-18-34"})


def test_missing_arguments_and_defaults() -> None:
    spec = F.function_by_name("create_event")
    today = dt.date(2026, 11, 26)
    filled = spec.fill_defaults({"title": "Yoga"}, today)
    assert filled == {"title": "Yoga", "date": None, "time": None, "duration_minutes": 60}
    assert Call("create_event", filled).missing == ("date", "time")
    assert F.function_by_name("list_events").fill_defaults({}, today) == {
        "date": "2026-11-26",
        "end_date": "2026-11-26",
    }
    assert F.function_by_name("list_events").fill_defaults({"date": "2026-12-01"}, today)["end_date"] == "2026-12-01"
    assert [p.name for p in spec.params if p.nullable] == ["title", "date", "time"]  # a reminder may name nothing
    move = Call("move_event", {"title": "Friseur", "date": None, "new_date": None, "new_time": "10:00"})
    assert move.missing == ()  # OPTIONAL arguments are the executor's to read, not the dialog's to ask for
    series = F.function_by_name("create_recurring_event").fill_defaults({"title": "Chor", "frequency": "daily"}, today)
    assert series == {
        "title": "Chor",
        "date": "2026-11-26",
        "time": None,
        "duration_minutes": 60,
        "frequency": "daily",
        "until": None,
    }
    assert not F.function_by_name("list_events").param("date").nullable
    assert NoCall().missing == ()


def test_tokens_and_registry_are_consistent() -> None:
    assert F.FUNCTIONAL_TOKENS == ("<oc_0>", *(f"<oc_{i}>" for i in range(1, 8)), "<oc_end>")
    assert [f.name for f in F.FUNCTIONS] == [
        "create_event",
        "list_events",
        "delete_event",
        "move_event",
        "find_event",
        "create_recurring_event",
        "create_all_day_event",
    ]
    for spec in F.FUNCTIONS:
        assert F.function_by_token(spec.token) is spec
        assert F.function_by_name(spec.name) is spec


def test_prompt_has_date_before_query_and_prefix_is_reusable() -> None:
    today = dt.date(2026, 11, 26)
    prompt = build_prompt("Trag Zahnarzt morgen um 9 ein", today)
    assert prompt.startswith(F.PROMPT_INSTRUCTION)
    assert "Today: Thursday, 2026-11-26" in prompt
    assert prompt.endswith("Query: Trag Zahnarzt morgen um 9 ein\n\nResponse:")
    assert prompt == F.prompt_prefix(today) + F.prompt_query_part("Trag Zahnarzt morgen um 9 ein")
    assert "create_event" not in prompt  # functional tokens: no function descriptions in the prompt


def test_short_prompt_style_leaves_out_only_the_instruction() -> None:
    today = dt.date(2026, 11, 26)
    short = build_prompt("Was steht morgen an?", today, "short")
    assert short == "Today: Thursday, 2026-11-26\n\nQuery: Was steht morgen an?\n\nResponse:"
    assert build_prompt("Was steht morgen an?", today) == F.PROMPT_INSTRUCTION + "\n\n" + short
    with pytest.raises(ValueError):
        F.prompt_prefix(today, "long")


def test_call_json_rejects_garbage() -> None:
    with pytest.raises(F.MalformedCall):
        call_from_json({"arguments": {}})
    with pytest.raises(F.MalformedCall):
        call_from_json({"function": "list_events", "arguments": ["2026-11-26"]})
    assert call_from_json({"function": None}) == NoCall()
