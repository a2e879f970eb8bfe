"""Supervised fine-tuning with functional tokens (TRL SFTTrainer), on this CPU or on a GPU.

    python -m training.sft --data data/ --out runs/sft                      # bundled recipe (LoRA, top layers)
    python -m training.sft --data data/ --out runs/sft --max-steps 20       # a quick smoke run
    python -m training.sft --base Qwen/Qwen2-0.5B --method full --train-layers 0 --epochs 3   # a GPU run
    accelerate launch -m training.sft --data data/ --out runs/sft-gpu ...   # several GPUs

The loss is on the completion only, and only over the tokens the decoder can ever choose at that point: the
query's own tokens and the seven extra tokens (``assistant.model.caller``). That is what makes an epoch affordable on
two CPU cores: no 262k-way softmax, logits for ~40 candidates per position. Lower layers stay frozen; LoRA
(or full fine-tuning) on the top ``train_layers`` layers plus the extra-token embeddings.

The run writes ``adapter_config.json`` + ``adapter.safetensors`` (what ``FunctionCaller.load`` reads), the
log history, and ``loss.png``.
"""

from __future__ import annotations

import gc
import json
import math
import sys
import time
import weakref
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.jsonl import read_jsonl
from assistant.model.decoding import EXTRA_TOKENS, function_signatures

from .config import parse_config
from .data import span_call_for_row

__all__ = ["SFTSettings", "candidate_loss", "encode_example", "encode_rows", "main", "token_logps", "train"]


@dataclass
class SFTSettings:
    data: Path = field(default=Path("data"), metadata={"help": "directory with train.jsonl / validation.jsonl"})
    out: Path = field(default=Path("runs/sft"), metadata={"help": "output directory (adapter, logs, plots)"})
    base: str = field(default="gemma-3-270m", metadata={"help": "base LM: the bundled Gemma, a directory or a hub id"})
    method: str = field(default="lora", metadata={"help": "lora or full"})
    train_layers: int = field(default=8, metadata={"help": "fine-tune the top N decoder layers (0 = all)"})
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.0
    lora_targets: list[str] = field(
        default_factory=lambda: [
            "q_proj",
            "k_proj",
            "v_proj",
            "o_proj",
            "gate_proj",
            "up_proj",
            "down_proj",
            "qkv_proj",
            "gate_up_proj",
        ]
    )
    train_rows: int = field(default=9000, metadata={"help": "training rows used (0 = all)"})
    epochs: float = 1.0
    max_steps: int = field(default=-1, metadata={"help": "stop after this many optimizer steps (-1 = epochs)"})
    batch_size: int = 8
    grad_accum: int = 1
    learning_rate: float = 3e-4
    extra_learning_rate: float = field(default=3e-3, metadata={"help": "learning rate of the extra-token embeddings"})
    warmup_ratio: float = 0.05
    weight_decay: float = 0.0
    scheduler: str = "cosine"
    seed: int = 13
    threads: int = field(default=0, metadata={"help": "torch CPU threads (0 = torch default)"})
    logging_steps: int = 10
    dtype: str = field(default="float32", metadata={"help": "training dtype: float32 (CPU) or bfloat16 (GPU)"})
    autocast: str = field(
        default="float32",
        metadata={
            "help": "dtype the forward and backward passes compute in (torch autocast; the weights and the optimizer "
            "stay in --dtype): float32, or bfloat16, whose steps take ~0.63x as long on a CPU with AVX512-BF16 (not "
            "the bundled recipe: docs/model.md, v30)"
        },
    )
    name: str = field(default="octocal-gemma3-270m", metadata={"help": "model name written into the adapter"})
    prompt: str = field(
        default="short",
        metadata={
            "help": "prompt style: octopus (with the Octopus v2 instruction sentence) or short (without; about 30 %% "
            "fewer tokens per training row). Recorded in the adapter; the runtime follows it"
        },
    )
    dates: str = field(
        default="span",
        metadata={
            "help": "how the model writes dates: span (copies the words said; the resolver computes the date) or iso "
            "(writes YYYY-MM-DD itself, decoded along real dates). Recorded in the adapter"
        },
    )


def encode_example(query: str, today: str, span: Any, codec: Any, prefix_cache: dict[str, list[int]]) -> dict[str, Any]:
    """One prompt + completion as token ids, the positions that predict the completion, and the candidate
    tokens (the query's tokens + the extra tokens) with each target's index among them."""
    import datetime as dt

    if today not in prefix_cache:
        prefix_cache[today] = codec.prefix_ids(dt.date.fromisoformat(today))
    q = codec.query(query)
    completion = codec.completion_ids(span, q)
    prompt = prefix_cache[today] + list(q.ids) + list(codec.suffix_ids)
    candidates = sorted(set(q.ids) | set(codec.value_ids)) + sorted(codec.extra_id.values())
    index = {t: i for i, t in enumerate(candidates)}
    return {
        "input_ids": prompt + completion[:-1],
        "target_positions": list(range(len(prompt) - 1, len(prompt) + len(completion) - 1)),
        "target_index": [index[t] for t in completion],
        "candidates": candidates,
    }


def encode_rows(rows: list[dict[str, Any]], codec: Any) -> list[dict[str, Any]]:
    """Generated rows -> training examples of their span form (see ``encode_example``)."""
    prefix_cache: dict[str, list[int]] = {}
    return [
        encode_example(row["query"], row["today"], span_call_for_row(row, codec.dates), codec, prefix_cache)
        for row in rows
    ]


def collate(batch: list[dict[str, Any]], pad_id: int = 0) -> dict[str, Any]:
    import torch

    n = len(batch)
    width = max(len(b["input_ids"]) for b in batch)
    n_targets = max(len(b["target_positions"]) for b in batch)
    n_cands = max(len(b["candidates"]) for b in batch)
    input_ids = torch.full((n, width), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((n, width), dtype=torch.long)
    positions = torch.zeros((n, n_targets), dtype=torch.long)
    targets = torch.full((n, n_targets), -100, dtype=torch.long)
    candidates = torch.zeros((n, n_cands), dtype=torch.long)
    candidate_mask = torch.zeros((n, n_cands), dtype=torch.bool)
    for i, b in enumerate(batch):
        ids = b["input_ids"]
        input_ids[i, : len(ids)] = torch.tensor(ids)
        attention_mask[i, : len(ids)] = 1
        positions[i, : len(b["target_positions"])] = torch.tensor(b["target_positions"])
        targets[i, : len(b["target_index"])] = torch.tensor(b["target_index"])
        candidates[i, : len(b["candidates"])] = torch.tensor(b["candidates"])
        candidate_mask[i, : len(b["candidates"])] = True
    return {
        "input_ids": input_ids,
        "attention_mask": attention_mask,
        "target_positions": positions,
        "targets": targets,
        "candidates": candidates,
        "candidate_mask": candidate_mask,
    }


def completion_hidden(module: Any, batch: dict[str, Any], forward: Any = None) -> Any:
    """Hidden states (B, T, H) at the positions that predict the completion tokens.

    ``forward``: the model as the trainer holds it (wrapped by DDP on several devices). The pass then goes
    through it, so DDP sees the forward and synchronises the gradients; the LM head runs for one position
    only (``logits_to_keep=1``) and the last hidden state (after the final norm) is read as before.
    """
    import torch

    if forward is None:
        hidden, _ = module.hidden(batch["input_ids"], attention_mask=batch["attention_mask"])
    else:
        out = forward(
            inputs_embeds=module.embed(batch["input_ids"]),
            attention_mask=batch["attention_mask"],
            output_hidden_states=True,
            logits_to_keep=1,
            use_cache=False,
        )
        hidden = out.hidden_states[-1]
    return torch.gather(hidden, 1, batch["target_positions"].unsqueeze(-1).expand(-1, -1, hidden.shape[-1]))


def candidate_logits(module: Any, batch: dict[str, Any], forward: Any = None) -> Any:
    """Logits (B, T, K) of each completion position over that row's candidates (padding masked out)."""
    import torch

    h = completion_hidden(module, batch, forward)
    vectors = module.output_vectors(batch["candidates"]).to(h.dtype)  # (B, K, H)
    logits = torch.bmm(h, vectors.transpose(1, 2)).float()  # (B, T, K)
    return logits.masked_fill(~batch["candidate_mask"].unsqueeze(1), float("-inf"))


def token_logps(module: Any, batch: dict[str, Any]) -> tuple[Any, Any]:
    """Log-probability of each completion token among its candidates (B, T), and the mask of real tokens."""
    import torch

    logits = candidate_logits(module, batch)
    valid = batch["targets"] != -100
    logps = torch.gather(torch.log_softmax(logits, -1), 2, batch["targets"].clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return logps.masked_fill(~valid, 0.0), valid


def candidate_loss(module: Any, batch: dict[str, Any], forward: Any = None) -> tuple[Any, Any]:
    """Cross-entropy of each completion token among that row's candidates; returns (loss, accuracy)."""
    import torch

    logits = candidate_logits(module, batch, forward)
    targets = batch["targets"]
    loss = torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100
    )
    valid = targets != -100
    accuracy = ((logits.argmax(-1) == targets) & valid).sum().float() / valid.sum().clamp(min=1)
    return loss, accuracy


def build_model(settings: SFTSettings) -> tuple[Any, Any, Any]:
    """Base (+ LoRA or unfrozen top layers) wrapped with the extra tokens; returns (module, base, tokenizer)."""
    from assistant.model.network import DTYPES, init_extra_embeddings, load_base

    base, tokenizer = load_base(settings.base, settings.dtype)
    module = make_trainable(base, init_extra_embeddings(base, tokenizer).to(DTYPES[settings.dtype]), settings)
    return module, module.base, tokenizer


def make_trainable(base: Any, extra: Any, settings: SFTSettings) -> Any:
    """Freeze ``base``, then add LoRA (or unfreeze) on the top ``train_layers`` layers; the extra-token rows
    ``extra`` are trainable. Used for SFT from the base and for preference tuning on top of an SFT model."""
    from assistant.model.network import FunctionCallingLM

    n_layers = base.config.num_hidden_layers
    first = 0 if settings.train_layers <= 0 else max(0, n_layers - settings.train_layers)
    layers = list(range(first, n_layers))
    for p in base.parameters():
        p.requires_grad_(False)
    if settings.method == "lora":
        from peft import LoraConfig, get_peft_model

        names = {n.rsplit(".", 1)[-1] for n, _ in base.named_modules()}
        targets = [t for t in settings.lora_targets if t in names]
        config = LoraConfig(
            r=settings.lora_r,
            lora_alpha=settings.lora_alpha,
            lora_dropout=settings.lora_dropout,
            target_modules=targets,
            layers_to_transform=layers,
            bias="none",
        )
        base = get_peft_model(base, config)
    elif settings.method == "full":
        for name, p in base.named_parameters():
            parts = name.split(".")
            if "layers" in parts and int(parts[parts.index("layers") + 1]) in layers:
                p.requires_grad_(True)
    else:
        raise ValueError(f"method must be lora or full, not {settings.method!r}")
    module = FunctionCallingLM(base, extra)
    module.extra.requires_grad_(True)
    return module


def extra_aware_adamw(model: Any, extra: Any, lr: float, extra_lr: float, weight_decay: float = 0.0) -> Any:
    """AdamW with its own learning rate (and no decay) for the extra-token rows, which start far from home."""
    import torch

    others = [p for p in model.parameters() if p.requires_grad and p is not extra]
    return torch.optim.AdamW(
        [
            {"params": others, "lr": lr, "weight_decay": weight_decay},
            {"params": [extra], "lr": extra_lr, "weight_decay": 0.0},
        ],
        lr=lr,
    )


def _make_trainer_class() -> type:
    from trl import SFTTrainer

    class FunctionTokenSFTTrainer(SFTTrainer):
        """SFTTrainer whose loss is the candidate loss above (completion only, restricted vocabulary)."""

        def __init__(self, *args: Any, function_lm: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.function_lm = function_lm

        def compute_loss(
            self, model: Any, inputs: dict[str, Any], return_outputs: bool = False, num_items_in_batch: Any = None
        ) -> Any:
            loss, accuracy = candidate_loss(self.function_lm, inputs, forward=model)
            mode = "train" if self.model.training else "eval"
            self._metrics[mode]["token_accuracy"].append(float(accuracy))
            return (loss, {"loss": loss}) if return_outputs else loss

        def create_optimizer(self, *args: Any, **kwargs: Any) -> Any:
            if self.optimizer is None:
                self.optimizer = extra_aware_adamw(
                    self.model, self.function_lm.extra, self.args.learning_rate, self._extra_lr, self.args.weight_decay
                )
            return self.optimizer

    return FunctionTokenSFTTrainer


def load_rows(path: Path, limit: int = 0) -> list[dict[str, Any]]:
    rows = read_jsonl(path)
    return rows[:limit] if limit else rows


def train(settings: SFTSettings) -> dict[str, Any]:
    """Train, save the adapter into ``settings.out``, and return a summary (time, steps, final loss)."""
    import torch
    from datasets import Dataset
    from trl import SFTConfig

    from assistant.model.decoding import PromptCodec
    from assistant.model.network import save_adapter

    if settings.threads:
        torch.set_num_threads(settings.threads)
    torch.manual_seed(settings.seed)
    start = time.perf_counter()
    rows = load_rows(settings.data / "train.jsonl", settings.train_rows)
    module, base, tokenizer = build_model(settings)
    codec = PromptCodec(tokenizer, module.vocab_size, settings.prompt, settings.dates)
    encoded = encode_rows(rows, codec)
    dataset = Dataset.from_list(encoded)
    trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
    print(
        f"{len(rows)} rows, {trainable / 1e6:.2f} M trainable parameters, {settings.method} on the top "
        f"{settings.train_layers or 'all'} layers",
        flush=True,
    )
    args = SFTConfig(
        output_dir=str(settings.out / "trainer"),
        per_device_train_batch_size=settings.batch_size,
        gradient_accumulation_steps=settings.grad_accum,
        learning_rate=settings.learning_rate,
        lr_scheduler_type=settings.scheduler,
        warmup_steps=settings.warmup_ratio,
        weight_decay=settings.weight_decay,
        num_train_epochs=settings.epochs,
        max_steps=settings.max_steps,
        logging_steps=settings.logging_steps,
        save_strategy="no",
        report_to=[],
        seed=settings.seed,
        data_seed=settings.seed,
        remove_unused_columns=False,
        dataset_kwargs={"skip_prepare_dataset": True},
        bf16="bfloat16" in (settings.dtype, settings.autocast),
        use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0,
        disable_tqdm=False,
        gradient_checkpointing=False,
        # Every trainable tensor gets a gradient each step, and the extra-token rows get theirs outside the
        # wrapped forward (through the candidate logits): DDP's search for unused parameters would mark them
        # unused and then fail when their gradient arrives.
        ddp_find_unused_parameters=False,
        train_sampling_strategy="group_by_length",
    )
    trainer_class = _make_trainer_class()
    trainer_class._extra_lr = settings.extra_learning_rate
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    trainer = trainer_class(
        model=base,
        args=args,
        train_dataset=dataset,
        processing_class=tokenizer,
        data_collator=lambda b: collate(b, pad),
        function_lm=module,
    )
    result = trainer.train()
    seconds = time.perf_counter() - start
    config = {
        "name": settings.name,
        "base": settings.base,
        "method": settings.method,
        "train_layers": settings.train_layers,
        "lora": {"r": settings.lora_r, "alpha": settings.lora_alpha} if settings.method == "lora" else None,
        "extra_tokens": list(EXTRA_TOKENS),
        "functions": function_signatures(),
        "prompt": settings.prompt,
        "dates": settings.dates,
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(settings).items()},
        "train_rows": len(rows),
        "steps": result.global_step,
        "train_seconds": round(seconds, 1),
        "final_loss": _last_loss(trainer.state.log_history),
    }
    if args.world_size > 1:
        config["replicas"] = _check_replicas(module)
    history, first = trainer.state.log_history, trainer.is_world_process_zero()
    if first:
        save_adapter(module, settings.out, config)
        (settings.out / "log_history.json").write_text(json.dumps(history, indent=1), "utf-8")
        plot_loss(history, settings.out / "loss.png", settings.name)
        print(f"trained {result.global_step} steps in {seconds / 60:.1f} min; adapter in {settings.out}", flush=True)
    if args.world_size > 1:  # every rank waits for the adapter, then leaves the group in order (no abort on exit)
        # The DDP reducer holds the process group. Freed after the group was destroyed (when this function's
        # locals go), it destroyed the group itself, joining a gloo thread that waited on a peer already gone:
        # rank 0 hung at exit until the test's 10 minutes ran out (session 38). Free it while every rank is here.
        wrapped = weakref.ref(trainer.model_wrapped)
        del trainer
        gc.collect()
        torch.distributed.barrier()
        torch.distributed.destroy_process_group()
        print(f"DDP wrapper freed before leaving the group: {wrapped() is None}", flush=True)
    return config


def _check_replicas(module: Any) -> int:
    """Under DDP every process must end with the same weights; a loss computed outside the wrapped model would
    leave the gradients unsynchronised and the replicas apart. Returns the number of replicas, or raises."""
    import torch
    import torch.distributed as dist

    with torch.no_grad():
        total = sum(float(p.double().sum()) for p in module.parameters() if p.requires_grad)
    sums: list[Any] = [None] * dist.get_world_size()
    dist.all_gather_object(sums, total)
    if len(set(sums)) != 1:
        raise RuntimeError(f"the {len(sums)} replicas ended with different weights (sums {sums})")
    print(f"{len(sums)} replicas agree (trainable parameter sum {total:.6f})", flush=True)
    return len(sums)


def _last_loss(history: list[dict[str, Any]]) -> float | None:
    losses = [h["loss"] for h in history if "loss" in h]
    return round(losses[-1], 4) if losses else None


def plot_loss(history: list[dict[str, Any]], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = [h["step"] for h in history if "loss" in h]
    losses = [h["loss"] for h in history if "loss" in h]
    accuracy = [h.get("token_accuracy") for h in history if "loss" in h]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(steps, losses, label="training loss")
    ax.set_yscale("log")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss (candidate cross-entropy)")
    if any(a is not None for a in accuracy):
        ax2 = ax.twinx()
        ax2.plot(
            steps, [a if a is not None else math.nan for a in accuracy], color="tab:orange", label="token accuracy"
        )
        ax2.set_ylabel("token accuracy")
        ax2.set_ylim(0, 1.01)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    settings = parse_config(SFTSettings, argv, __doc__.splitlines()[0])
    train(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
