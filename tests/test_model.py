"""Mechanics of the model: tokens, the training loop, adapters and constrained decoding, on tiny models."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.functions import SpanCall
from evaluation.metrics import GRAMMAR_RE
from tests.conftest import ARCHITECTURES
from training.data import span_call_for_row
from training.sft import SFTSettings, train

TODAY = dt.date(2026, 11, 26)


def _rows(data: Path, split: str = "train") -> list[dict]:
    return [json.loads(line) for line in (data / f"{split}.jsonl").read_text("utf-8").splitlines()]


def test_codec_copies_spans_from_the_query(tiny_base, small_data) -> None:
    from transformers import AutoTokenizer

    from assistant.model import END_TOKEN, NULL_TOKEN, SEP_TOKEN, PromptCodec

    tokenizer = AutoTokenizer.from_pretrained(tiny_base("gemma3"))
    codec = PromptCodec(tokenizer, len(tokenizer))
    for row in _rows(small_data)[:200]:
        q = codec.query(row["query"])
        span = span_call_for_row(row)
        ids = codec.completion_ids(span, q)
        assert ids[-1] == codec.extra_id[END_TOKEN]
        assert ids[0] in codec.function_ids
        if span.function is not None:
            # split at separators: every argument is null or a run of query tokens that reads as the phrase
            args, current = [], []
            for t in ids[1:-1] + [codec.extra_id[SEP_TOKEN]]:
                if t == codec.extra_id[SEP_TOKEN]:
                    args.append(current)
                    current = []
                else:
                    current.append(t)
            assert len(args) == len(span.phrases)
            for phrase, arg in zip(span.phrases, args, strict=True):
                if phrase is None:
                    assert arg == [codec.extra_id[NULL_TOKEN]]
                else:
                    text = " " + " ".join(row["query"].split())
                    joined = [i for i in range(len(q.ids) - len(arg) + 1) if list(q.ids[i:i + len(arg)]) == arg]
                    assert joined, (row["query"], phrase)
                    got = q.span_text(joined[0], joined[0] + len(arg))
                    assert phrase.strip() in got and got in text


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_lora_training_step_and_adapter_round_trip(arch, tiny_base, small_data, tmp_path) -> None:
    from assistant.model import FunctionCaller

    config = train(SFTSettings(data=small_data, out=tmp_path, base=str(tiny_base(arch)), train_rows=32,
                               max_steps=2, batch_size=4, train_layers=1, logging_steps=1))
    assert config["steps"] == 2 and config["final_loss"] is not None
    assert (tmp_path / "adapter.safetensors").exists() and (tmp_path / "loss.png").exists()
    caller = FunctionCaller.load(tmp_path, dtype="float32")
    prediction = caller.predict("Trag Zahnarzt morgen um 9 ein", TODAY, "de")
    assert GRAMMAR_RE.match(prediction.raw), prediction.raw


def test_full_fine_tuning_saves_the_trained_layers(tiny_base, small_data, tmp_path) -> None:
    from safetensors.torch import load_file

    train(SFTSettings(data=small_data, out=tmp_path, base=str(tiny_base("gemma3")), method="full", train_rows=16,
                      max_steps=1, batch_size=4, train_layers=1))
    keys = load_file(str(tmp_path / "adapter.safetensors")).keys()
    assert any(k.startswith("full.") and ".layers.1." in k for k in keys)
    assert not any(".layers.0." in k for k in keys)


def test_adapter_changes_the_model_only_where_trained(tiny_adapter, tiny_base) -> None:
    """LoRA is merged into the top layer only; the extra-token rows moved away from their initialisation."""
    import torch
    from transformers import AutoModelForCausalLM

    from assistant.network import load_function_calling_lm

    module, _, config = load_function_calling_lm(tiny_adapter, dtype="float32")
    plain = AutoModelForCausalLM.from_pretrained(config["base"])
    tuned = dict(module.base.named_parameters())
    for name, p in plain.named_parameters():
        same = torch.equal(p, tuned[name])
        assert same == (".layers.1." not in name or "norm" in name), name


def test_random_model_output_is_always_grammatical(tiny_adapter, small_data) -> None:
    """The decoder cannot produce a malformed call, whatever the weights say."""
    from assistant.model import FunctionCaller

    caller = FunctionCaller.load(tiny_adapter, dtype="float32")
    for row in _rows(small_data, "test")[:40]:
        p = caller.predict(row["query"], dt.date.fromisoformat(row["today"]), row["lang"])
        assert GRAMMAR_RE.match(p.raw), p.raw
        for phrase in p.span.phrases:
            assert phrase is None or phrase in " ".join(row["query"].split())
        assert p.call is not None or p.error


class _Oracle:
    """Scripted choices: the gold completion, minus the tokens the grammar forces without asking."""

    def __init__(self, caller, codec) -> None:
        self.caller, self.codec, self.script = caller, codec, []

    def load(self, ids: list[int]) -> None:
        forced_after = {self.codec.extra_id["<oc_null>"], self.codec.extra_id["<oc_0>"]}
        self.script = [t for i, t in enumerate(ids) if not (i and ids[i - 1] in forced_after)]

    def __call__(self, hidden, candidates):
        want = self.script.pop(0)
        assert want in candidates, "the grammar must allow the gold token"
        return want


def test_oracle_decoding_reproduces_every_gold_call(tiny_adapter, small_data) -> None:
    """With scripted choices the decoder, KV-cache cropping and resolver give back exactly the gold calls."""
    from assistant.functions import call_from_json
    from assistant.model import FunctionCaller

    caller = FunctionCaller.load(tiny_adapter, dtype="float32")
    oracle = _Oracle(caller, caller.codec)
    caller._choose = oracle
    rows = _rows(small_data, "test")
    for row in rows:
        gold_span = span_call_for_row(row)
        oracle.load(caller.codec.completion_ids(gold_span, caller.codec.query(row["query"])))
        p = caller.predict(row["query"], dt.date.fromisoformat(row["today"]), row["lang"])
        assert not oracle.script
        assert p.error is None, (row, p.error)
        assert p.call == call_from_json(row["call"]), row
        # a span is whole tokens, so it may carry punctuation glued to its last word ("days.")
        def edge(s):
            return s and " ".join(s.split()).strip(".,;!?„“\"")
        assert [edge(s) for s in p.span.phrases] == [edge(s) for s in gold_span.phrases]
    assert len(rows) >= 40


def test_span_call_round_trip() -> None:
    from assistant.functions import parse_span_call

    span = SpanCall("create_event", ("Zahnarzt", "nächste Woche Dienstag", "um halb drei", None))
    assert span.render() == '<oc_1>("Zahnarzt", "nächste Woche Dienstag", "um halb drei", null)<oc_end>'
    assert parse_span_call(span.render()) == span
    assert parse_span_call("<oc_0><oc_end>") == SpanCall(None)


def test_token_span_prefers_words_outside_the_title_but_allows_a_repeat(tiny_base) -> None:
    """The decoder may copy the same words into two arguments; encoding such an output must still work."""
    from transformers import AutoTokenizer

    from assistant.model import PromptCodec

    tokenizer = AutoTokenizer.from_pretrained(tiny_base("gemma3"))
    q = PromptCodec(tokenizer, len(tokenizer)).query("Yoga morgen und morgen Yoga")
    title = q.token_span("Yoga")
    later = q.token_span("Yoga", avoid=title)
    assert later != title and q.span_text(*later) == "Yoga"
    only = q.token_span("und", avoid=q.token_span("morgen und morgen"))
    assert q.span_text(*only) == "und"
