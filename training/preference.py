"""Preference optimisation after SFT (DPO, ORPO) or instead of it (ORPO from the base).

    python -m training.preference pairs --model assets/model --data data/ --out runs/pairs.jsonl
    python -m training.preference train --method orpo --from assets/model --pairs runs/pairs.jsonl --out runs/orpo
    python -m training.preference train --method dpo  --from assets/model --pairs runs/pairs.jsonl --out runs/dpo
    python -m training.preference train --method orpo --from-base --pairs runs/pairs.jsonl --out runs/orpo-base

Pairs are (chosen = gold span call, rejected = a wrong one) for the same query: the SFT model's own mistakes
on training queries, plus rule-made near misses (title cut short or run on, wrong function, a said argument
dropped, an unsaid one invented, another span taken for the date or time), in both languages. A rejected call
always resolves to something other than the gold call, so no pair punishes a harmless difference.

The losses are computed like the SFT loss: sequence log-probabilities over the tokens the decoder can choose
(query tokens + functional tokens). TRL's DPOTrainer and ORPOTrainer score completions over the tokenizer's
full vocabulary, which has no functional tokens here, so DPO (Rafailov et al. 2023) and ORPO (Hong et al.
2024) are written out below and run in the same TRL training loop as SFT.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.jsonl import read_jsonl, write_jsonl
from assistant.schema.functions import (
    FUNCTIONS,
    CallError,
    Function,
    Missing,
    ParamType,
    SpanCall,
    function_by_name,
    parse_span_call,
)
from assistant.schema.resolve import resolve_call

from .data import span_call_for_row
from .sft import (
    SFTSettings,
    build_model,
    collate,
    encode_example,
    extra_aware_adamw,
    load_rows,
    make_trainable,
    plot_loss,
    token_logps,
)

__all__ = ["PreferenceSettings", "build_pairs", "decision_pairs", "near_misses", "pairs_from_data", "preference_loss"]


# --------------------------------------------------------------------------- pairs


def _words(phrase: str) -> list[str]:
    return phrase.split()


def near_misses(row: dict[str, Any]) -> list[tuple[str, SpanCall]]:
    """Rule-made wrong span calls for a row, each with its kind; only ones that resolve differently."""
    gold = span_call_for_row(row)
    query = " ".join(row["query"].split())
    out: list[tuple[str, SpanCall]] = []
    if gold.function is None:
        # a no-call taken for a command: the query's first words as a title
        words = _words(query)
        titled = next(f for f in FUNCTIONS if f.params and f.params[0].type is ParamType.TITLE)
        swapped = _swapped(titled, {"title": " ".join(words[:2])}) if words else None
        today = dt.date.fromisoformat(row["today"])
        # never one the resolver reads as no call too ("Wie wird das Wetter morgen?": the weather is never an event)
        if swapped is not None and _resolves_to_a_call(swapped, today, row["lang"], query):
            out.append(("wrong function", swapped))
        return out
    spec = function_by_name(gold.function)
    phrases = list(gold.phrases)
    title = phrases[0] if spec.params[0].name == "title" else None
    if title and len(_words(title)) >= 2:
        out.append(("title cut short", SpanCall(gold.function, (" ".join(_words(title)[:-1]), *phrases[1:]))))
        out.append(("title missing its head", SpanCall(gold.function, (" ".join(_words(title)[1:]), *phrases[1:]))))
    if title:
        after = query.split(title, 1)[1].split() if title in query else []
        if after:
            out.append(("title runs on", SpanCall(gold.function, (f"{title} {after[0]}", *phrases[1:]))))
    if title:
        # the same words read as another function that takes a title (the arguments it shares kept)
        for other in FUNCTIONS:
            if other.name != gold.function and other.params[0].type is ParamType.TITLE:
                swapped = _swapped(other, gold.named)
                if swapped is not None:
                    out.append(("wrong function", swapped))
    # a command taken for something the assistant does not do: the one-token choice short commands hinge on
    out.append(("declined", SpanCall(None)))
    for i, (p, phrase) in enumerate(zip(spec.params, phrases, strict=True)):
        if p.type is ParamType.TITLE:
            continue
        droppable = p.nullable or p.missing is Missing.DEFAULT
        if phrase is not None and droppable:
            out.append((f"{p.name} dropped", SpanCall(gold.function, tuple(phrases[:i] + [None] + phrases[i + 1 :]))))
        others = [q for j, q in enumerate(phrases) if j != i and q and j != 0]
        if others and (phrase is not None or droppable):
            out.append(
                (
                    f"{p.name} from another span",
                    SpanCall(gold.function, tuple(phrases[:i] + [others[0]] + phrases[i + 1 :])),
                )
            )
    today = dt.date.fromisoformat(row["today"])
    gold_call = resolve_call(gold, today, row["lang"], query)
    kept = []
    for kind, span in out:
        if not _copyable(span, query):
            continue  # a rejected call must be one the decoder could write: spans of the query, not overlapping
        try:
            if resolve_call(span, today, row["lang"], query) == gold_call:
                continue
        except CallError:
            pass  # a rejected call that does not even resolve is a fine negative
        kept.append((kind, span))
    return kept


def _resolves_to_a_call(span: SpanCall, today: dt.date, lang: str, query: str) -> bool:
    try:
        return resolve_call(span, today, lang, query).function is not None
    except ValueError:
        return True  # not resolvable at all: a fine negative


def _swapped(function: Function, said: dict[str, str | None]) -> SpanCall | None:
    """A span call of ``function`` with the phrases of ``said`` that it has a parameter of the same name for;
    None when a parameter it requires was not said."""
    phrases = tuple(said.get(p.name) for p in function.params)
    if any(v is None and p.missing is Missing.FORBIDDEN for p, v in zip(function.params, phrases, strict=True)):
        return None
    return SpanCall(function.name, phrases)


def _copyable(span: SpanCall, query: str) -> bool:
    """Every phrase occurs in the query as whole words, and none overlaps the title (as the codec requires)."""
    taken: tuple[int, int] | None = None
    for i, phrase in enumerate(span.phrases):
        if phrase is None:
            continue
        spots = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", query)]
        free = [s for s in spots if taken is None or s[1] <= taken[0] or s[0] >= taken[1]]
        if not free:
            return False
        if i == 0:
            taken = free[0]
    return True


def build_pairs(
    rows: list[dict[str, Any]], model: Any | None, seed: int = 13, per_row: int = 1, progress: bool = True
) -> list[dict[str, Any]]:
    """Chosen/rejected pairs: the model's own mistakes first (when a model is given), then near misses."""
    rng = random.Random(seed)
    pairs = []
    bar = None
    if progress and model is not None:
        from tqdm import tqdm

        bar = tqdm(total=len(rows), desc="finding the SFT model's mistakes", unit="query", file=sys.stderr)
    for row in rows:
        gold = span_call_for_row(row)
        base = {
            "id": row["id"],
            "lang": row["lang"],
            "today": row["today"],
            "query": row["query"],
            "chosen": gold.render(),
        }
        if model is not None:
            prediction = model.predict(row["query"], dt.date.fromisoformat(row["today"]), row["lang"])
            wrong = prediction.error or prediction.call is None or prediction.call.to_json() != row["call"]
            if wrong and prediction.span is not None and prediction.span != gold:
                pairs.append({**base, "rejected": prediction.span.render(), "source": "model"})
            if bar is not None:
                bar.update(1)
        misses = near_misses(row)
        for kind, span in rng.sample(misses, min(per_row, len(misses))):
            pairs.append({**base, "rejected": span.render(), "source": f"rule: {kind}"})
    if bar is not None:
        bar.close()
    return pairs


def decision_pairs(rows: list[dict[str, Any]], max_words: int, per_side: int, seed: int = 13) -> list[dict[str, Any]]:
    """Pairs for the choice of function on short queries, ``per_side`` rows each way: a short command (chosen)
    against no call and against another function, and a short request the assistant does not serve (chosen: no
    call) against a call made of its words.

    Short commands ("Add a haircut", "Trag Friseur ein") and short near misses ("Add milk", "Stell einen Wecker")
    differ in one functional token and little else; generic pairs rarely hold one (about one row in a hundred
    is short), so this choice gets its own pairs."""
    rng = random.Random(seed)
    short = [r for r in rows if len(r["query"].split()) <= max_words]
    sides: dict[bool, list[list[dict[str, Any]]]] = {True: [], False: []}
    for row in short:
        gold = span_call_for_row(row)
        misses = near_misses(row)
        # a command against no call and against one other function (a day without a time is no all-day event,
        # a short title no delete); a request the assistant does not serve against a call made of its words
        rejected = [miss for miss in misses if miss[0] == "declined"]
        others = [miss for miss in misses if miss[0] == "wrong function"]
        if others:
            rejected.append(rng.choice(others))
        if not rejected:
            continue
        base = {"id": row["id"], "lang": row["lang"], "today": row["today"], "query": row["query"]}
        sides[gold.function is not None].append(
            [
                {**base, "chosen": gold.render(), "rejected": span.render(), "source": f"decision: {kind}"}
                for kind, span in rejected
            ]
        )
    pairs = []
    for side in (True, False):
        rng.shuffle(sides[side])
        pairs += [pair for row_pairs in sides[side][:per_side] for pair in row_pairs]
    return pairs


def pairs_from_data(
    train: Path,
    model: Any | None,
    rows: int,
    seed: int = 13,
    per_row: int = 1,
    decision_words: int = 0,
    decision_rows: int = 400,
) -> list[dict[str, Any]]:
    """The pairs `pairs` writes and `make model` trains on: ``rows`` shuffled training rows (the model's mistakes
    and near misses), plus the decision pairs, drawn from every training row since short ones are rare."""
    every_row = load_rows(train)
    sample = list(every_row)
    random.Random(seed).shuffle(sample)
    pairs = build_pairs(sample[:rows], model, seed, per_row)
    if decision_words:
        pairs += decision_pairs(every_row, decision_words, decision_rows, seed)
    return pairs


# --------------------------------------------------------------------------- losses


def preference_loss(
    method: str,
    chosen_logps: Any,
    rejected_logps: Any,
    chosen_tokens: Any,
    rejected_tokens: Any,
    ref_chosen: Any = None,
    ref_rejected: Any = None,
    beta: float = 0.1,
) -> tuple[Any, dict]:
    """DPO: -log sigmoid(beta * (policy margin - reference margin)). ORPO: NLL of chosen + beta * odds-ratio
    term, with per-token average log-probabilities as in the ORPO paper."""
    import torch
    import torch.nn.functional as F

    if method == "dpo":
        logits = (chosen_logps - ref_chosen) - (rejected_logps - ref_rejected)
        loss = -F.logsigmoid(beta * logits).mean()
        return loss, {
            "reward_margin": float((beta * logits).detach().mean()),
            "accuracy": float((logits > 0).float().mean()),
        }
    if method == "orpo":
        avg_c = chosen_logps / chosen_tokens
        avg_r = rejected_logps / rejected_tokens
        log_odds = (avg_c - avg_r) - (
            torch.log1p(-torch.exp(avg_c).clamp(max=1 - 1e-6)) - torch.log1p(-torch.exp(avg_r).clamp(max=1 - 1e-6))
        )
        ratio = F.logsigmoid(log_odds)
        nll = -avg_c.mean()
        return nll - beta * ratio.mean(), {
            "nll": float(nll.detach()),
            "log_odds": float(log_odds.detach().mean()),
            "accuracy": float((log_odds > 0).float().mean()),
        }
    raise ValueError(f"method must be dpo or orpo, not {method!r}")


# --------------------------------------------------------------------------- training


@dataclass
class PreferenceSettings:
    pairs: Path = field(default=Path("runs/pairs.jsonl"), metadata={"help": "pairs file from the pairs command"})
    out: Path = field(default=Path("runs/orpo"), metadata={"help": "output adapter directory"})
    method: str = field(default="orpo", metadata={"help": "orpo or dpo"})
    from_model: Path | None = field(default=None, metadata={"help": "SFT adapter to start from (default: bundled)"})
    from_base: bool = field(default=False, metadata={"help": "start from the untuned base (ORPO alone)"})
    base: str = "gemma-3-270m"
    beta: float = field(default=0.1, metadata={"help": "DPO beta / ORPO lambda"})
    learning_rate: float = 5e-5
    extra_learning_rate: float = 5e-4
    epochs: float = 1.0
    max_steps: int = -1
    batch_size: int = field(default=4, metadata={"help": "pairs per step"})
    train_layers: int = 8
    lora_r: int = 16
    lora_alpha: int = 32
    max_pairs: int = 0
    seed: int = 13
    logging_steps: int = 10
    name: str = "octocal-gemma3-270m"
    autocast: str = field(default="float32", metadata={"help": "compute dtype (see training.sft --autocast)"})


def _start_model(settings: PreferenceSettings) -> tuple[Any, Any, str, str]:
    """The policy: the SFT model with its LoRA merged and a fresh LoRA on top, or the base with a fresh LoRA."""
    from assistant.model.decoding import date_format, default_assets_dir, prompt_style
    from assistant.model.network import load_function_calling_lm

    sft = SFTSettings(
        base=settings.base,
        train_layers=settings.train_layers,
        lora_r=settings.lora_r,
        lora_alpha=settings.lora_alpha,
        seed=settings.seed,
    )
    if settings.from_base:
        module, _, tokenizer = build_model(sft)
        return module, tokenizer, settings.base, sft.prompt
    merged, tokenizer, config = load_function_calling_lm(settings.from_model or default_assets_dir(), "float32")
    if date_format(config) != "span":
        # The pairs (chosen = the row's spans, rule-made near misses that shift a date span) are span calls.
        raise SystemExit(
            f"preference training works on span-date models; {config['name']} writes {date_format(config)} dates"
        )
    module = make_trainable(merged.base, merged.extra.detach().clone(), sft)
    return module, tokenizer, config["base"], prompt_style(config)  # tuned in the SFT model's prompt


def _encode_pairs(pairs: list[dict[str, Any]], codec: Any) -> list[dict[str, Any]]:
    cache: dict[str, list[int]] = {}
    out = []
    for pair in pairs:
        chosen = encode_example(pair["query"], pair["today"], parse_span_call(pair["chosen"]), codec, cache)
        rejected = encode_example(pair["query"], pair["today"], parse_span_call(pair["rejected"]), codec, cache)
        out.append({"chosen": chosen, "rejected": rejected})
    return out


def _collate_pairs(batch: list[dict[str, Any]]) -> dict[str, Any]:
    return collate([b["chosen"] for b in batch] + [b["rejected"] for b in batch])


def _sequence_logps(module: Any, batch: dict[str, Any]) -> tuple[Any, Any]:
    logps, valid = token_logps(module, batch)
    return logps.sum(-1), valid.sum(-1).clamp(min=1)


def train_preference(settings: PreferenceSettings) -> dict[str, Any]:
    import torch
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    from assistant.model.decoding import EXTRA_TOKENS, PromptCodec, function_signatures
    from assistant.model.network import save_adapter

    torch.manual_seed(settings.seed)
    start = time.perf_counter()
    pairs = read_jsonl(settings.pairs)
    if settings.max_pairs:
        pairs = pairs[: settings.max_pairs]
    module, tokenizer, base_name, prompt = _start_model(settings)
    if module.extra.shape[0] != len(EXTRA_TOKENS):
        raise SystemExit(
            f"the starting model has {module.extra.shape[0]} extra tokens, the function set needs "
            f"{len(EXTRA_TOKENS)}: train SFT on the current function set first"
        )
    codec = PromptCodec(tokenizer, module.vocab_size, prompt)
    encoded = _encode_pairs(pairs, codec)
    if settings.method == "dpo":
        # The reference is the starting policy; its log-probabilities are fixed, so they are computed once.
        with torch.no_grad():
            for i in range(0, len(encoded), 16):
                chunk = encoded[i : i + 16]
                logps, _ = _sequence_logps(module, _collate_pairs(chunk))
                n = len(chunk)
                for j, item in enumerate(chunk):
                    item["ref"] = [float(logps[j]), float(logps[n + j])]
    method, beta = settings.method, settings.beta

    class PreferenceTrainer(SFTTrainer):
        def compute_loss(
            self, model: Any, inputs: dict[str, Any], return_outputs: bool = False, num_items_in_batch: Any = None
        ) -> Any:
            refs = inputs.pop("ref", None)
            logps, tokens = _sequence_logps(module, inputs)
            n = logps.shape[0] // 2
            ref_c = ref_r = None
            if refs is not None:
                ref_c, ref_r = refs[:, 0], refs[:, 1]
            loss, stats = preference_loss(method, logps[:n], logps[n:], tokens[:n], tokens[n:], ref_c, ref_r, beta)
            for key, value in stats.items():
                self._metrics["train"][key].append(value)
            return (loss, {"loss": loss}) if return_outputs else loss

        def create_optimizer(self, *args: Any, **kwargs: Any) -> Any:
            if self.optimizer is None:
                self.optimizer = extra_aware_adamw(
                    self.model, module.extra, settings.learning_rate, settings.extra_learning_rate
                )
            return self.optimizer

    def collate_with_refs(batch: list[dict[str, Any]]) -> dict[str, Any]:
        out = _collate_pairs(batch)
        if "ref" in batch[0]:
            out["ref"] = torch.tensor([b["ref"] for b in batch])
        return out

    args = SFTConfig(
        output_dir=str(settings.out / "trainer"),
        per_device_train_batch_size=settings.batch_size,
        learning_rate=settings.learning_rate,
        lr_scheduler_type="cosine",
        warmup_steps=0.05,
        num_train_epochs=settings.epochs,
        max_steps=settings.max_steps,
        logging_steps=settings.logging_steps,
        save_strategy="no",
        report_to=[],
        seed=settings.seed,
        remove_unused_columns=False,
        dataset_kwargs={"skip_prepare_dataset": True},
        use_cpu=not torch.cuda.is_available(),
        bf16=settings.autocast == "bfloat16",
        gradient_checkpointing=False,
    )
    trainer = PreferenceTrainer(
        model=module.base,
        args=args,
        train_dataset=Dataset.from_list(encoded),
        processing_class=tokenizer,
        data_collator=collate_with_refs,
    )
    result = trainer.train()
    seconds = time.perf_counter() - start
    config = {
        "name": f"{settings.name}-{settings.method}{'-from-base' if settings.from_base else ''}",
        "base": base_name,
        "method": "lora",
        "train_layers": settings.train_layers,
        "lora": {"r": settings.lora_r, "alpha": settings.lora_alpha},
        "extra_tokens": list(EXTRA_TOKENS),
        "functions": function_signatures(),
        "prompt": prompt,
        "preference": settings.method,
        "pairs": len(pairs),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(settings).items()},
        "steps": result.global_step,
        "train_seconds": round(seconds, 1),
    }
    if not settings.from_base:
        # The SFT LoRA was merged into the base before the new LoRA went on: save both as one adapter.
        config["stacked_on"] = str(settings.from_model or "assets/model")
    save_adapter(module, settings.out, config)
    if not settings.from_base:
        _stack_sft_factors(settings.out, settings.from_model)
    plot_loss(trainer.state.log_history, settings.out / "loss.png", config["name"])
    (settings.out / "log_history.json").write_text(json.dumps(trainer.state.log_history, indent=1), "utf-8")
    print(
        f"{settings.method}: {result.global_step} steps on {len(pairs)} pairs in {seconds / 60:.1f} min -> "
        f"{settings.out}",
        flush=True,
    )
    return config


def _stack_sft_factors(out: Path, sft_dir: Path | None) -> None:
    """Add the SFT adapter's LoRA factors to the new adapter file, so loading merges both (they add up)."""
    from safetensors.torch import load_file, save_file

    from assistant.model.decoding import default_assets_dir

    sft = load_file(str((sft_dir or default_assets_dir()) / "adapter.safetensors"))
    new = load_file(str(out / "adapter.safetensors"))
    merged = dict(new)
    for key, value in sft.items():
        if key.endswith(".lora_A") or key.endswith(".lora_B"):
            merged[f"sft::{key}"] = value
    save_file(merged, str(out / "adapter.safetensors"))


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .config import config_parser

    parser = argparse.ArgumentParser(prog="python -m training.preference", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pairs", help="build chosen/rejected pairs")
    p.add_argument("--data", type=Path, default=Path("data"))
    p.add_argument("--model", type=Path, default=None, help="SFT adapter whose mistakes to collect")
    p.add_argument("--no-model", action="store_true", help="rule-made near misses only")
    p.add_argument("--rows", type=int, default=1500)
    p.add_argument("--per-row", type=int, default=1)
    p.add_argument("--out", type=Path, default=Path("runs/pairs.jsonl"))
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--decision-words",
        type=int,
        default=0,
        help="also pair short queries (this many words or fewer, from all training rows) for the choice of function",
    )
    p.add_argument("--decision-rows", type=int, default=400, help="short rows each way (command, no command)")
    train = config_parser(PreferenceSettings, "DPO or ORPO on a pairs file", add_help=False)
    train.add_argument("--from", dest="from_model", type=Path, default=None, help="the same as --from-model")
    sub.add_parser("train", help="DPO or ORPO on a pairs file", parents=[train])
    args = parser.parse_args(argv)
    if args.command == "pairs":
        model = None
        if not args.no_model:
            from assistant.model.caller import FunctionCaller

            model = FunctionCaller.load(args.model)
        train_path = args.data / "train.jsonl"
        pairs = pairs_from_data(
            train_path, model, args.rows, args.seed, args.per_row, args.decision_words, args.decision_rows
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_jsonl(args.out, pairs)
        sources = Counter(pair["source"] for pair in pairs)
        print(f"{len(pairs)} pairs -> {args.out}: {json.dumps(dict(sources), ensure_ascii=False)}")
        return 0
    names = {f.name for f in fields(PreferenceSettings)}
    train_preference(PreferenceSettings(**{k: v for k, v in vars(args).items() if k in names}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
