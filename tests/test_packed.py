"""The saved runner (``assistant.model.packed``): a later start computes bit for bit what the long load computes,
never trusts a damaged or stale pack, and needs no transformers."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from assistant import messages
from assistant.model.caller import FunctionCaller
from assistant.model.packed import KEEP, META_FILE, PACK_FILE, PackedLM, load_caller, pack_dir
from assistant.schema.functions import prompt_prefix
from training.recipe import SHIPPED_SETS

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)
QUERIES = [
    "Trag mir morgen um 9 den Zahnarzt ein",
    "What's on my calendar next week?",
    "Lösch das Teammeeting am Donnerstag",
    "move the dentist to Friday at 3 pm",
    "every Thursday at 7 choir practice",
    "Wie wird das Wetter?",
]


def _said(key: str, lines: list[str]) -> bool:
    """Whether one of ``lines`` is the catalog sentence ``key`` (in English), whatever its values."""
    template = messages.catalog("en")[key]
    pattern = re.sub(r"\\\{[^}]*\\\}", ".*", re.escape(template))
    return any(re.fullmatch(pattern, line, re.S) for line in lines)


def _queries(small_data: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in (small_data / "test.jsonl").read_text("utf-8").splitlines()]
    return [(q, "2026-11-26") for q in QUERIES] + [(r["query"], r["today"]) for r in rows[:20]]


def _same_predictions(a: FunctionCaller, b: FunctionCaller, queries: list[tuple[str, str]]) -> None:
    for query, today in queries:
        day = dt.date.fromisoformat(today)
        pa, pb = a.predict(query, day), b.predict(query, day)
        assert (pa.raw, pa.call, pa.error) == (pb.raw, pb.call, pb.error), query


@pytest.mark.parametrize("quant", ["int8", "none"])
def test_pack_computes_what_the_long_load_computes(tiny_adapter: Path, small_data: Path, tmp_path: Path, quant: str):
    first = load_caller(tiny_adapter, quant=quant, dtype="float32", root=tmp_path)
    assert not isinstance(first.module, PackedLM)  # nothing saved yet: loaded the long way, then packed
    target = pack_dir(tiny_adapter, quant, "float32", tmp_path)
    assert (target / PACK_FILE).exists() and (target / META_FILE).exists()
    second = load_caller(tiny_adapter, quant=quant, dtype="float32", root=tmp_path)
    assert isinstance(second.module, PackedLM)
    assert second.runtime == first.runtime
    # the tokenizer library directly tokenizes as transformers' tokenizer does
    for query, _ in _queries(small_data):
        assert second.codec.query(query) == first.codec.query(query)
    assert second.codec.prefix_ids(TODAY) == first.codec.prefix_ids(TODAY)
    # every hidden state, exactly
    with torch.inference_mode():
        for ids in first.codec.calibration_ids():
            ha = first.runner.forward(first.runner.new_cache(), ids, 0)
            hb = second.runner.forward(second.runner.new_cache(), ids, 0)
            assert torch.equal(ha, hb)
            cands = torch.tensor(sorted(set(ids)))
            assert torch.equal(first.module.candidate_logits(ha, cands), second.module.candidate_logits(hb, cands))
    _same_predictions(first, second, _queries(small_data))


def test_a_changed_adapter_gets_its_own_pack_and_old_ones_are_pruned(tiny_adapter: Path, tmp_path: Path):
    root = tmp_path / "packs"
    made = []
    for i in range(KEEP + 1):
        adapter = tmp_path / f"adapter-{i}"
        shutil.copytree(tiny_adapter, adapter)
        config = json.loads((adapter / "adapter_config.json").read_text("utf-8"))
        config["name"] = f"variant {i}"  # any byte of the adapter changes the key
        (adapter / "adapter_config.json").write_text(json.dumps(config), "utf-8")
        load_caller(adapter, dtype="float32", root=root)
        made.append(pack_dir(adapter, "int8", "float32", root))
    assert len(set(made)) == KEEP + 1
    left = sorted(p for p in root.iterdir())
    assert len(left) == KEEP and made[-1] in left and made[0] not in left
    # the newest still loads from its pack
    assert isinstance(load_caller(tmp_path / f"adapter-{KEEP}", dtype="float32", root=root).module, PackedLM)


def test_a_damaged_pack_is_rebuilt_and_said(tiny_adapter: Path, tmp_path: Path):
    load_caller(tiny_adapter, dtype="float32", root=tmp_path)
    target = pack_dir(tiny_adapter, "int8", "float32", tmp_path)
    data = (target / PACK_FILE).read_bytes()
    (target / PACK_FILE).write_bytes(data[: len(data) // 3])
    said: list[str] = []
    caller = load_caller(tiny_adapter, dtype="float32", root=tmp_path, progress=said.append)
    assert not isinstance(caller.module, PackedLM)
    assert _said("load.pack_unreadable", said)
    assert (target / PACK_FILE).stat().st_size == len(data)  # written again, whole
    assert isinstance(load_caller(tiny_adapter, dtype="float32", root=tmp_path).module, PackedLM)


def test_a_pack_that_cannot_be_written_costs_only_speed(tiny_adapter: Path, tmp_path: Path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    said: list[str] = []
    caller = load_caller(tiny_adapter, dtype="float32", root=blocked, progress=said.append)
    assert caller.predict("Trag morgen um 9 den Zahnarzt ein", TODAY).raw
    assert _said("load.pack_unwritable", said)


def test_starting_from_a_pack_imports_no_transformers(tiny_adapter: Path, tmp_path: Path):
    load_caller(tiny_adapter, dtype="float32", root=tmp_path)
    code = (
        "import sys, datetime as dt; from pathlib import Path; from assistant.model.packed import load_caller;"
        f"c = load_caller(Path({str(tiny_adapter)!r}), dtype='float32', root=Path({str(tmp_path)!r}));"
        "c.predict('morgen um 9 Zahnarzt', dt.date(2026, 11, 26));"
        "print(type(c.module).__name__, 'transformers' in sys.modules, 'peft' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["PackedLM", "False", "False"]


@pytest.mark.slow
def test_the_bundled_models_pack_tokenizes_every_query_as_transformers_does():
    """The real tokenizer (262k tokens, byte fallback) converted to SentencePiece, on every real query we have.
    (That the pack then decodes as the long load does is ``test_bundled_model``'s cross-process test.)"""
    from transformers import AutoTokenizer

    from assistant.model.base import base_checkpoint
    from assistant.model.decoding import default_assets_dir
    from assistant.model.packed import PieceTokenizer

    load_caller(default_assets_dir())  # writes the pack if this machine has none yet
    packed = load_caller(default_assets_dir())
    assert isinstance(packed.module, PackedLM) and isinstance(packed.codec.tokenizer, PieceTokenizer)
    reference = AutoTokenizer.from_pretrained(base_checkpoint())
    texts = []
    for name in (*SHIPPED_SETS, "slurp_test", "massive_de_test"):  # every set the recipe reports
        path = ROOT / "evaluation" / "data" / f"{name}.jsonl"
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        texts += [r.get("query") or r["utt"] for r in rows]
    assert len(texts) > 1000
    for text in texts:
        query = " " + " ".join(text.split())
        mine = packed.codec.tokenizer(query, add_special_tokens=False, return_offsets_mapping=True)
        theirs = reference(query, add_special_tokens=False, return_offsets_mapping=True)
        assert mine["input_ids"] == theirs["input_ids"] and mine["offset_mapping"] == list(theirs["offset_mapping"])
    assert packed.codec.prefix_ids(TODAY) == reference(prompt_prefix(TODAY, packed.codec.prompt))["input_ids"]


def _gemma_like_tokenizer_file(tmp_path: Path, texts: list[str]) -> Path:
    """A small tokenizer with Gemma's structure (spaces as "▁", BPE with byte fallback, BOS template)."""
    from tokenizers import Tokenizer, decoders, models, normalizers, processors, trainers

    tok = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True, fuse_unk=True))
    tok.normalizer = normalizers.Replace(" ", "▁")
    tok.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse()])
    specials = ["<pad>", "<eos>", "<bos>", "<unk>", "<start_of_turn>"]
    byte_tokens = [f"<0x{b:02X}>" for b in range(256)]
    trainer = trainers.BpeTrainer(vocab_size=900, special_tokens=specials + byte_tokens)
    tok.train_from_iterator(texts, trainer)
    tok.post_processor = processors.TemplateProcessing(single="<bos> $A", special_tokens=[("<bos>", 2)])
    path = tmp_path / "tokenizer.json"
    tok.save(str(path))
    return path


def test_a_gemma_like_tokenizer_is_converted_to_sentencepiece_exactly(small_data: Path, tmp_path: Path):
    from assistant.model.packed import JsonTokenizer, PieceTokenizer, load_tokenizer, save_tokenizer

    texts = [json.loads(line)["query"] for line in (small_data / "train.jsonl").read_text("utf-8").splitlines()]
    path = _gemma_like_tokenizer_file(tmp_path, texts)
    reference = JsonTokenizer(path)
    target = tmp_path / "pack"
    target.mkdir()
    assert save_tokenizer(path, target, reference, texts[:20]) == "sentencepiece"
    fast = load_tokenizer(target)
    assert isinstance(fast, PieceTokenizer)
    held_out = [json.loads(line)["query"] for line in (small_data / "test.jsonl").read_text("utf-8").splitlines()]
    for text in [*held_out, "Straße um 7:30 🎉", "<start_of_turn>x", "  two  spaces "]:
        for special in (False, True):
            a = fast(text, add_special_tokens=special, return_offsets_mapping=True)
            b = reference(text, add_special_tokens=special, return_offsets_mapping=True)
            assert (a["input_ids"], a["offset_mapping"]) == (b["input_ids"], b["offset_mapping"]), text
    assert fast("x")["input_ids"][0] == 2  # the template's BOS


def test_a_tokenizer_that_does_not_convert_is_kept_as_it_is(tiny_adapter: Path, tmp_path: Path):
    """The tiny fixture's tokenizer splits on Metaspace without byte fallback: not converted, still exact."""
    load_caller(tiny_adapter, dtype="float32", root=tmp_path)
    meta = json.loads((pack_dir(tiny_adapter, "int8", "float32", tmp_path) / META_FILE).read_text("utf-8"))
    assert meta["tokenizer"] == "json"
