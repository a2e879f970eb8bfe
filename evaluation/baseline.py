"""The in-context few-shot baseline: the same base model, untuned, with function descriptions and examples.

It anchors what fine-tuning buys in accuracy and speed. Its output goes through the same parser as the tuned
model's, with ISO values expected directly (it has no resolver to lean on).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from assistant.schema.functions import FUNCTIONS, Call, CallError, NoCall, build_prompt, parse_call, render_call

__all__ = ["InContextBaseline", "baseline_prompt"]

# One worked example per function, from its schema entry, and one query that is no command.
EXAMPLES = [
    *(
        (
            f.example[0],
            f.example[1],
            render_call(Call(f.name, dict(zip((p.name for p in f.params), f.example[2], strict=True)))),
        )
        for f in FUNCTIONS
        if f.example
    ),
    ("2026-03-02", "How is the weather?", render_call(NoCall())),
]


def baseline_prompt(query: str, today: dt.date) -> str:
    lines = ["You call calendar functions. Answer with exactly one call and nothing else.", "Functions:"]
    for f in FUNCTIONS:
        params = ", ".join(f"{p.name}" for p in f.params)
        lines.append(
            f"{f.token} {f.name}({params}): {f.description} "
            + "; ".join(f"{p.name}: {p.description}" for p in f.params)
        )
    lines.append("<oc_0> no function: the query is not a calendar command.")
    lines.append(
        "Dates are YYYY-MM-DD, times HH:MM (24 h), durations in minutes (60 if not said); "
        "null for an argument not said. End every call with <oc_end>."
    )
    lines.append("")
    for today_s, q, answer in EXAMPLES:
        lines.append(build_prompt(q, dt.date.fromisoformat(today_s)) + " " + answer)
        lines.append("")
    lines.append(build_prompt(query, today))
    return "\n".join(lines)


@dataclass
class _BaselinePrediction:
    call: Any
    raw: str
    error: str | None
    latency_ms: float
    tokens: int

    def to_json(self) -> dict[str, Any]:
        return {
            "call": self.call.to_json() if self.call is not None else None,
            "raw": self.raw,
            "latency_ms": round(self.latency_ms, 1),
            "tokens": self.tokens,
            "error": self.error,
        }


class InContextBaseline:
    name = "in-context baseline"

    def __init__(self, model: Any, tokenizer: Any, max_new_tokens: int = 48) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_new_tokens = max_new_tokens

    @classmethod
    def load(cls, base: str = "gemma-3-270m", dtype: str = "bfloat16") -> InContextBaseline:
        from assistant.model.network import load_base

        model, tokenizer = load_base(base, dtype)
        return cls(model, tokenizer)

    def predict(self, query: str, today: dt.date, lang: str | None = None) -> _BaselinePrediction:
        import torch

        start = time.perf_counter()
        enc = self.tokenizer(baseline_prompt(query, today), return_tensors="pt")
        with torch.inference_mode():
            out = self.model.generate(
                **enc,
                max_new_tokens=self.max_new_tokens,
                do_sample=False,
                stop_strings=["<oc_end>"],
                tokenizer=self.tokenizer,
            )
        new = out[0, enc["input_ids"].shape[1] :]
        raw = self.tokenizer.decode(new, skip_special_tokens=True).strip()
        if "<oc_end>" in raw:
            raw = raw[: raw.index("<oc_end>") + len("<oc_end>")]
        call, error = None, None
        try:
            call = parse_call(raw)
        except CallError as exc:
            error = f"{type(exc).__name__}: {exc}"
        return _BaselinePrediction(call, raw, error, (time.perf_counter() - start) * 1000, len(new))
