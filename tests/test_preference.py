"""Preference optimisation: pair construction on a table of cases, the losses, one short run of each method."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from assistant.schema.functions import parse_span_call
from assistant.schema.resolve import resolve_call
from evaluation.metrics import GRAMMAR_RE
from training.data import span_call_for_row
from training.preference import (
    PreferenceSettings,
    build_pairs,
    decision_pairs,
    near_misses,
    preference_loss,
    train_preference,
)

ROWS = [
    {
        "id": "c1",
        "lang": "de",
        "today": "2026-11-26",
        "query": "Trag Klavierunterricht für Lina bitte morgen um 15 Uhr ein",
        "call": {
            "function": "create_event",
            "arguments": {
                "title": "Klavierunterricht für Lina",
                "date": "2026-11-27",
                "time": "15:00",
                "duration_minutes": 60,
            },
        },
        "slots": {"title": "Klavierunterricht für Lina", "date": "morgen", "time": "um 15 Uhr"},
    },
    {
        "id": "l1",
        "lang": "en",
        "today": "2026-11-26",
        "query": "What's on my calendar on Friday?",
        "call": {"function": "list_events", "arguments": {"date": "2026-11-27", "end_date": "2026-11-27"}},
        "slots": {"date": "on Friday"},
    },
    {
        "id": "d1",
        "lang": "en",
        "today": "2026-11-26",
        "query": "Cancel team meeting tomorrow",
        "call": {"function": "delete_event", "arguments": {"title": "team meeting", "date": "2026-11-27"}},
        "slots": {"title": "team meeting", "date": "tomorrow"},
    },
    {
        "id": "n1",
        "lang": "de",
        "today": "2026-11-26",
        "query": "Wie wird das Spiel morgen?",  # not the weather: that the resolver reads as no call itself
        "call": {"function": None, "arguments": {}},
        "slots": {"date": "morgen"},
    },
]
EXPECTED_KINDS = {
    "c1": {
        "wrong function",
        "declined",
        # no "time dropped" nor "date dropped": the resolver takes a clock said right after the copied day
        # ("morgen um 15 Uhr") and a day said anywhere outside the copied words when the model leaves them out,
        # so those calls resolve to the gold one and are no near misses; nor a title cut short or missing its
        # head when the word cut off is one no template says around a title ("Lina", "Klavierunterricht",
        # "team"): the resolver puts it back; nor a title run on into "bitte" (the resolver drops it)
    },
    "l1": {"declined"},
    "d1": {"title cut short", "wrong function", "declined"},  # "team" without "meeting", a word the templates say
    "n1": {"wrong function"},
}


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_near_misses_are_wrong_but_made_of_the_query(row) -> None:
    misses = near_misses(row)
    kinds = {kind for kind, _ in misses}
    assert EXPECTED_KINDS[row["id"]] <= kinds, kinds
    gold = span_call_for_row(row)
    today = dt.date.fromisoformat(row["today"])
    gold_call = resolve_call(gold, today, row["lang"], row["query"])
    for kind, span in misses:
        assert span != gold, kind
        for phrase in span.phrases:
            assert phrase is None or phrase in row["query"], (kind, phrase)
        try:
            assert resolve_call(span, today, row["lang"], row["query"]) != gold_call, kind
        except ValueError:
            pass  # not resolvable at all: a fine negative


def test_title_near_misses_are_the_classic_errors() -> None:
    spans = dict((kind, span) for kind, span in near_misses(ROWS[0]))
    # "Klavierunterricht für" and "für Lina" are read as "Klavierunterricht für Lina": no near misses
    assert "title cut short" not in spans and "title missing its head" not in spans
    assert dict(near_misses(ROWS[2]))["title cut short"].phrases[0] == "team"
    # "Klavierunterricht für Lina bitte": a "bitte" at a title's end is no part of it, so that reads as the gold call
    assert "title runs on" not in spans
    # a title running into the date is no near miss the decoder could write (spans do not overlap)
    assert all(kind != "title runs on" for kind, _ in near_misses(ROWS[2]))
    # the same words read as each other function that takes a title and needs nothing else that was not said; the
    # day-long reading is none here: its query says a clock time ("um 15 Uhr"), so it reads as the gold call; nor
    # is the delete: "Trag ... ein" asks to make it, and the resolver reads that delete as the gold call too
    wrong = {span.function for kind, span in near_misses(ROWS[0]) if kind == "wrong function"}
    assert wrong == {"move_event", "find_event"}


def test_decision_pairs_pit_short_commands_against_no_call_and_back() -> None:
    pairs = decision_pairs(ROWS, max_words=6, per_side=10)
    by_id: dict[str, list[dict]] = {}
    for pair in pairs:
        by_id.setdefault(pair["id"], []).append(pair)
    # the 10-word create is not short; the others are, and each gets the pairs for its side
    assert set(by_id) == {"l1", "d1", "n1"}
    # a short delete against no call and against another function that takes its title
    rejected = {parse_span_call(p["rejected"]).function for p in by_id["d1"]}
    assert None in rejected and len(rejected) == 2 and "delete_event" not in rejected
    assert {p["source"] for p in by_id["d1"]} == {"decision: declined", "decision: wrong function"}
    # a short list has no other function to be taken for: no call only
    assert [p["rejected"] for p in by_id["l1"]] == ["<oc_0><oc_end>"]
    # a short request the assistant does not serve: no call chosen, a call rejected
    assert [p["chosen"] for p in by_id["n1"]] == ["<oc_0><oc_end>"]
    assert parse_span_call(by_id["n1"][0]["rejected"]).function is not None
    # per_side caps the rows of each side: one command and the one no-call row
    capped = decision_pairs(ROWS, max_words=6, per_side=1)
    assert len({p["id"] for p in capped}) == 2 and "n1" in {p["id"] for p in capped}


def test_build_pairs_from_rules_and_from_model_mistakes(tiny_adapter, small_data) -> None:
    from assistant.model.caller import FunctionCaller

    rows = [json.loads(line) for line in (small_data / "train.jsonl").read_text("utf-8").splitlines()][:12]
    rule_pairs = build_pairs(rows, None, per_row=2, progress=False)
    assert rule_pairs and all(p["source"].startswith("rule: ") for p in rule_pairs)
    for pair in rule_pairs:
        assert pair["chosen"] != pair["rejected"]
        parse_span_call(pair["rejected"])
    model = FunctionCaller.load(tiny_adapter, dtype="float32")  # random weights: mostly wrong, on purpose
    pairs = build_pairs(rows, model, per_row=1, progress=False)
    model_pairs = [p for p in pairs if p["source"] == "model"]
    assert model_pairs
    for pair in model_pairs:
        assert GRAMMAR_RE.match(pair["rejected"]) and pair["rejected"] != pair["chosen"]


def test_losses() -> None:
    import torch

    zero = torch.zeros(3)
    loss, stats = preference_loss("dpo", zero, zero, torch.ones(3), torch.ones(3), zero, zero, beta=0.1)
    assert float(loss) == pytest.approx(math.log(2))
    better, _ = preference_loss(
        "dpo",
        torch.full((3,), -1.0),
        torch.full((3,), -5.0),
        torch.ones(3),
        torch.ones(3),
        zero - 2,
        zero - 2,
        beta=0.1,
    )
    assert float(better) < math.log(2)
    likely, s1 = preference_loss(
        "orpo", torch.full((2,), -0.1), torch.full((2,), -3.0), torch.ones(2), torch.ones(2), beta=0.1
    )
    unlikely, s2 = preference_loss(
        "orpo", torch.full((2,), -3.0), torch.full((2,), -0.1), torch.ones(2), torch.ones(2), beta=0.1
    )
    assert float(likely) < float(unlikely) and s1["accuracy"] == 1.0 and s2["accuracy"] == 0.0
    with pytest.raises(ValueError):
        preference_loss("kto", zero, zero, zero, zero)


@pytest.fixture(scope="module")
def pairs_file(small_data, tmp_path_factory) -> Path:
    rows = [json.loads(line) for line in (small_data / "train.jsonl").read_text("utf-8").splitlines()][:24]
    path = tmp_path_factory.mktemp("pairs") / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in build_pairs(rows, None, progress=False)), "utf-8")
    return path


@pytest.mark.parametrize("method", ["dpo", "orpo"])
def test_one_short_run_after_sft_loads_and_decodes(method, tiny_adapter, pairs_file, tmp_path) -> None:
    from assistant.model.caller import FunctionCaller

    config = train_preference(
        PreferenceSettings(
            pairs=pairs_file,
            out=tmp_path,
            method=method,
            from_model=tiny_adapter,
            base="unused",
            max_steps=2,
            batch_size=2,
            train_layers=1,
            logging_steps=1,
        )
    )
    assert config["steps"] == 2 and config["preference"] == method
    caller = FunctionCaller.load(tmp_path, dtype="float32")
    assert GRAMMAR_RE.match(caller.predict("Trag Yoga morgen um 9 ein", dt.date(2026, 11, 26), "de").raw)


def test_orpo_alone_from_the_base(tiny_base, pairs_file, tmp_path) -> None:
    from assistant.model.caller import FunctionCaller

    config = train_preference(
        PreferenceSettings(
            pairs=pairs_file,
            out=tmp_path,
            method="orpo",
            from_base=True,
            base=str(tiny_base("qwen2")),
            max_steps=2,
            batch_size=2,
            train_layers=1,
        )
    )
    assert config["steps"] == 2
    caller = FunctionCaller.load(tmp_path, dtype="float32")
    assert GRAMMAR_RE.match(caller.predict("Cancel gym tomorrow", dt.date(2026, 11, 26), "en").raw)


def test_a_dropped_time_the_resolver_reads_back_is_no_near_miss() -> None:
    """Dropping "um 15 Uhr" after "morgen", or anywhere in clock words (session 35), is read back by the resolver
    (the same call): not a rejected answer. A time said without clock words stays a near miss when dropped."""
    kinds = {kind for kind, _ in near_misses(ROWS[0])}
    assert "time dropped" not in kinds
    apart = dict(ROWS[0], query="Trag um 15 Uhr Klavierunterricht für Lina bitte morgen ein")
    assert "time dropped" not in {kind for kind, _ in near_misses(apart)}
    call = {**ROWS[0]["call"], "arguments": {**ROWS[0]["call"]["arguments"], "time": "15:30"}}
    loose = dict(ROWS[0], query="Trag halb vier Klavierunterricht für Lina bitte morgen ein", call=call)
    assert "time dropped" in {kind for kind, _ in near_misses(loose)}


def test_recipe_preference_stage_pairs_trains_and_stacks(tiny_adapter, small_data, tmp_path) -> None:
    """`make model`'s third stage on a tiny SFT run: pairs file, a preference adapter that loads with the SFT
    factors stacked, and the figures the model card prints."""
    import shutil

    from assistant.model.caller import FunctionCaller
    from training.recipe import RecipeSettings, _preference_line, _preference_stage

    run = tmp_path / "run"
    shutil.copytree(tiny_adapter, run)
    settings = RecipeSettings(data=small_data, run=run, pair_rows=6, decision_words=6, decision_rows=3)
    stage = _preference_stage(settings, run / "orpo", base="unused", max_steps=2, batch_size=2, train_layers=1)
    pairs = [json.loads(line) for line in (run / "pairs.jsonl").read_text("utf-8").splitlines()]
    assert stage["pairs"] == len(pairs) and stage["steps"] == 2 and stage["method"] == "orpo"
    assert stage["sources"].get("decision", 0) > 0 and stage["sources"].get("rule", 0) > 0
    from safetensors import safe_open

    with safe_open(str(run / "orpo" / "adapter.safetensors"), "pt") as f:
        assert any(key.startswith("sft::") for key in f.keys())
    caller = FunctionCaller.load(run / "orpo", dtype="float32")
    assert GRAMMAR_RE.match(caller.predict("Trag Yoga morgen um 9 ein", dt.date(2026, 11, 26), "de").raw)
    line = _preference_line({"preference": stage})
    assert f"{stage['pairs']} chosen/rejected pairs" in line and "ORPO" in line
