"""The ISO-date variant (``--dates iso``): the model writes YYYY-MM-DD itself, decoded along real dates.

Built to decide by measurement whether a small model should write dates or copy what was said (docs/model.md, "Spans
or ISO dates"); these tests pin its mechanics on tiny models.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from assistant.schema.functions import ParamType, function_by_name
from assistant.schema.resolve import resolve_date
from evaluation.metrics import GRAMMAR_RE
from training.data import span_call_for_row
from training.sft import SFTSettings, train

TODAY = dt.date(2026, 11, 26)


def _rows(data: Path, split: str) -> list[dict]:
    return [json.loads(line) for line in (data / f"{split}.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def iso_adapter(tiny_base, small_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("adapter-iso")
    config = train(
        SFTSettings(
            data=small_data,
            out=out,
            base=str(tiny_base("gemma3")),
            train_rows=32,
            max_steps=2,
            batch_size=4,
            train_layers=1,
            dates="iso",
        )
    )
    assert config["dates"] == "iso"
    return out


def test_the_date_trie_holds_exactly_the_real_dates() -> None:
    from assistant.model.decoding import ISO_YEARS, iso_date_trie

    trie = iso_date_trie(TODAY)
    dates = []

    def walk(prefix: str) -> None:
        if len(prefix) == 10:
            dates.append(prefix)
            return
        for c in trie[prefix]:
            walk(prefix + c)

    walk("")
    first, last = dt.date(TODAY.year + ISO_YEARS[0], 1, 1), dt.date(TODAY.year + ISO_YEARS[1], 12, 31)
    assert len(dates) == (last - first).days + 1
    assert all(dt.date.fromisoformat(d) for d in dates)
    assert trie["2026-1"] == ("0", "1", "2")  # no month 13
    assert trie["2026-02-2"] == tuple("012345678")  # no 29 February in 2026
    assert trie["2028-02-2"] == tuple("0123456789")  # but in 2028
    assert trie["2026-04-3"] == ("0",)  # 30 April, never 31
    assert "8" not in trie["2025-1"] and "2025-18" not in trie  # so "2025-18-34" cannot be written


def test_iso_rows_write_the_date_and_copy_the_rest(tiny_base, small_data) -> None:
    from transformers import AutoTokenizer

    from assistant.model.decoding import SEP_TOKEN, PromptCodec

    codec = PromptCodec(AutoTokenizer.from_pretrained(tiny_base("gemma3")), 1000, dates="iso")
    checked = 0
    for row in _rows(small_data, "train")[:200]:
        span = span_call_for_row(row, "iso")
        if span.function is None:
            continue
        spec = function_by_name(span.function)
        q = codec.query(row["query"])
        args, current = [], []
        for t in codec.completion_ids(span, q)[1:-1] + [codec.extra_id[SEP_TOKEN]]:
            if t == codec.extra_id[SEP_TOKEN]:
                args.append(current)
                current = []
            else:
                current.append(t)
        for param, phrase, arg in zip(spec.params, span.phrases, args, strict=True):
            if param.type.is_date and phrase is not None:
                assert phrase == row["call"]["arguments"][param.name]
                assert "".join(codec.char_of[t] for t in arg) == phrase
                checked += 1
            elif param.type.is_date:
                assert row["slots"].get(param.slot) is None  # not said: null, as in the span form
    assert checked > 50


def test_a_tokenizer_without_digit_tokens_is_refused(tiny_base) -> None:
    from transformers import AutoTokenizer

    from assistant.model.decoding import PromptCodec

    tokenizer = AutoTokenizer.from_pretrained(tiny_base("gemma3"))
    tokenizer.decode = lambda ids, **_: "?"  # every token reads back as something else
    with pytest.raises(ValueError, match="one character each"):
        PromptCodec(tokenizer, 1000, dates="iso")


def test_an_iso_adapter_records_its_form_and_always_writes_a_real_date(iso_adapter, small_data) -> None:
    """Whatever the (random) weights say, the date that comes out is a real calendar date near today."""
    from assistant.model.caller import FunctionCaller
    from assistant.model.decoding import NULL_TOKEN, adapter_prompt_style

    caller = FunctionCaller.load(iso_adapter, dtype="float32")
    assert caller.codec.dates == "iso" and adapter_prompt_style(iso_adapter) == "short"
    # Two training steps leave the weights random: they may well write null for every date. Null is taken off
    # the table where something else is allowed, so every date argument goes down the trie by random choices.
    null, choose = caller.codec.extra_id[NULL_TOKEN], caller._choose
    caller._choose = lambda logits, options, also=(): choose(logits, [o for o in options if o != null] or options, also)
    dates = 0
    for row in _rows(small_data, "test")[:30]:
        today = dt.date.fromisoformat(row["today"])
        p = caller.predict(row["query"], today, row["lang"])
        assert GRAMMAR_RE.match(p.raw), p.raw
        if p.span.function is None:
            continue
        spec = function_by_name(p.span.function)
        for param, phrase in zip(spec.params, p.span.phrases, strict=True):
            if param.type.is_date and phrase is not None:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase)
                assert abs(dt.date.fromisoformat(phrase).year - today.year) <= 9
                dates += 1
        if p.call is not None and p.call.function is not None:  # an end before its start is refused; a call for
            # the weather or a contract ended reads as no call
            # the resolver may read the query as another function ("statt": a move) and give a day another slot,
            # or read a find whose title names a day ("on saturday") as that day's list, but a date that comes out
            # is always one the model wrote, or the day that words it copied name
            copied = [phrase for phrase in p.span.phrases if phrase is not None]
            written = set(copied) | {str(resolve_date(phrase, today)) for phrase in copied}
            called = function_by_name(p.call.function)
            days = [dt.date.fromisoformat(w) for w in written if re.fullmatch(r"\d{4}-\d{2}-\d{2}", w)]
            for param in called.params:
                value = p.call.arguments[param.name]
                if param.type is ParamType.FIRST_DATE and value is not None and value not in written:
                    # a series on a named weekday ("jeden Samstag") starts on the first such day from the one written
                    first = dt.date.fromisoformat(value)
                    assert any(0 < (first - d).days < 7 for d in days), (p.raw, row["query"], p.call)
                    continue
                assert not param.type.is_date or value is None or value in written, (p.raw, row["query"], p.call)
    assert dates > 0


def test_oracle_decoding_writes_every_gold_iso_date(iso_adapter, small_data) -> None:
    """With scripted choices (the gold completion minus what the grammar forces: the token after <oc_null> or
    <oc_0>, date characters the trie leaves no choice about, and the closer after a date) the decoder gives back
    exactly the gold calls."""
    from assistant.model.caller import FunctionCaller
    from assistant.model.decoding import NULL_TOKEN, SEP_TOKEN, iso_date_trie
    from assistant.schema.functions import call_from_json

    caller = FunctionCaller.load(iso_adapter, dtype="float32")
    caller.decline_margin = None  # the scripted choice of function stands: no guard second-guesses it
    codec = caller.codec
    script: list[int] = []

    def choose(hidden, candidates, also=()):
        want = script.pop(0)
        assert want in candidates, "the grammar must allow the gold token"
        return want

    caller._choose = choose
    rows = _rows(small_data, "test")
    for row in rows:
        today = dt.date.fromisoformat(row["today"])
        span = span_call_for_row(row, "iso")
        ids = codec.completion_ids(span, codec.query(row["query"]))
        trie = iso_date_trie(today)
        forced_after = {codec.extra_id[NULL_TOKEN], codec.extra_id["<oc_0>"]}
        params = function_by_name(span.function).params if span.function else ()
        arg, text = 0, ""
        script[:] = []
        for i, t in enumerate(ids):
            date_written = len(text) == 10  # the separator or end after a whole date is forced too
            if t == codec.extra_id[SEP_TOKEN]:
                arg, text = arg + 1, ""
            if i and ids[i - 1] in forced_after or date_written:
                continue
            in_date = i and arg < len(params) and params[arg].type.is_date and t in codec.char_of
            if in_date:
                forced = len(trie[text]) == 1 and text != ""  # the first character may also be <oc_null>
                text += codec.char_of[t]
                if forced:
                    continue
            script.append(t)
        p = caller.predict(row["query"], today, row["lang"])
        assert not script
        assert p.error is None, (row, p.error)
        assert p.call == call_from_json(row["call"]), row
    assert len(rows) >= 40


def test_preference_training_refuses_an_iso_model(iso_adapter, tmp_path) -> None:
    from training.preference import PreferenceSettings, _start_model

    with pytest.raises(SystemExit, match="span-date models"):
        _start_model(PreferenceSettings(from_model=iso_adapter, pairs=tmp_path / "pairs.jsonl"))
