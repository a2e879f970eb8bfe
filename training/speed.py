"""What each training-speed choice buys: seconds per optimizer step for variants of the bundled recipe.

    python -m training.speed --data data/ --steps 8        # writes reports/train-speed.md

Each variant runs a few steps of the real recipe on the real base (batch 8) and reports the median step time.
Variants: the recipe as bundled (short prompt); the full 262k-token LM head at completion positions instead of
candidate logits; training the extra-token rows through their input use too (gradients through the frozen
layers); LoRA on all 18 layers; no length grouping (more padding); the Octopus prompt (with its instruction
sentence, as models before v10 were trained).
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import parse_config
from .sft import SFTSettings, build_model, candidate_loss, collate, completion_hidden, encode_rows, load_rows

__all__ = ["SpeedSettings", "main"]


@dataclass
class SpeedSettings:
    data: Path = field(default=Path("data"), metadata={"help": "generated data directory"})
    steps: int = field(default=8, metadata={"help": "timed steps per variant (after one warm-up step)"})
    out: Path = field(default=Path("reports/train-speed.md"))


def _full_head_loss(module: Any, batch: dict[str, Any]) -> Any:
    """The usual way: logits over the whole vocabulary at the completion positions."""
    import torch

    h = completion_hidden(module, batch)
    weight = module.base.get_output_embeddings().weight
    logits = torch.cat([h @ weight.T, h @ module.extra.T], dim=-1).float()
    targets = torch.gather(batch["candidates"], 1, batch["targets"].clamp(min=0))
    targets = targets.masked_fill(batch["targets"] < 0, -100)
    return torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100
    )


def _time_variant(
    name: str,
    settings: SFTSettings,
    rows: list[dict[str, Any]],
    steps: int,
    *,
    full_head: bool = False,
    input_extra: bool = False,
    sort_by_length: bool = True,
) -> float:
    import torch

    from assistant.model.decoding import PromptCodec

    torch.manual_seed(0)
    module, _, tokenizer = build_model(settings)
    module.train_input_extra = input_extra
    encoded = encode_rows(rows, PromptCodec(tokenizer, module.vocab_size, settings.prompt))
    if sort_by_length:  # what length grouping does for a batch
        encoded.sort(key=lambda e: len(e["input_ids"]))
        chunks = [encoded[i : i + 8] for i in range(0, len(encoded), 8)]
        chunks = chunks[:: max(1, len(chunks) // (steps + 1))][: steps + 1]
    else:
        chunks = [encoded[i : i + 8] for i in range(0, 8 * (steps + 1), 8)]
    params = [p for p in module.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=1e-4)
    times = []
    for i, chunk in enumerate(chunks):
        batch = collate(chunk)
        start = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=settings.autocast == "bfloat16"):
            loss = _full_head_loss(module, batch) if full_head else candidate_loss(module, batch)[0]
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if i:
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{name}: {median:.2f} s/step", flush=True)
    return median


def main(argv: list[str] | None = None) -> int:
    cfg = parse_config(SpeedSettings, argv, __doc__.splitlines()[0])
    rows = load_rows(cfg.data / "train.jsonl", 8 * 40)
    base = SFTSettings(data=cfg.data)
    variants = [
        ("bundled recipe: LoRA top 8 layers, candidate logits, length-grouped batches, short prompt", base, {}),
        ("bf16 autocast (`--autocast bfloat16`)", SFTSettings(data=cfg.data, autocast="bfloat16"), {}),
        ("full 262k-token LM head at completion positions", base, {"full_head": True}),
        ("extra-token rows also trained through their input use", base, {"input_extra": True}),
        ("LoRA on all 18 layers", SFTSettings(data=cfg.data, train_layers=0), {}),
        ("random batches (no length grouping)", base, {"sort_by_length": False}),
        ("Octopus prompt (with the instruction sentence)", SFTSettings(data=cfg.data, prompt="octopus"), {}),
    ]
    results = [(name, _time_variant(name, settings, rows, cfg.steps, **kw)) for name, settings, kw in variants]
    reference = results[0][1]
    lines = ["| variant | s/step (batch 8) | vs bundled |", "|---|---|---|"]
    lines += [f"| {name} | {t:.2f} | {t / reference:.2f}x |" for name, t in results]
    cfg.out.parent.mkdir(parents=True, exist_ok=True)
    cfg.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
