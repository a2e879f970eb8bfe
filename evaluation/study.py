"""Does training on more functions cost argument accuracy? Two adapters on the same rows: those whose gold
function both know (and the no-call rows), so a model that knows more functions is measured only on what the
other one was trained for, and every confusion with its extra functions counts against it.

    python -m evaluation study --model 3fn=runs/v11 --model 7fn=assets/model \\
        --data test=data/test.jsonl --data handwritten --out-dir reports/study

Writes study.json, study.md (function, exact and per-field accuracy per set, model and language) and
study.png.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.jsonl import write_jsonl
from assistant.schema.functions import FUNCTIONS

from .metrics import NO_CALL, compute_metrics
from .predict import load_predictor, predict_file, read_jsonl

__all__ = ["known_functions", "run_study", "study_table"]

STUDY_FIELDS = ("title", "date", "end_date", "time", "duration_minutes")


def known_functions(model_dir: str | Path) -> set[str]:
    """The functions an adapter was trained with: those whose token is among its extra tokens."""
    config = json.loads((Path(model_dir) / "adapter_config.json").read_text(encoding="utf-8"))
    tokens = set(config.get("extra_tokens", []))
    return {f.name for f in FUNCTIONS if f.token in tokens}


def shared_rows(rows: Sequence[dict[str, Any]], functions: set[str]) -> list[dict[str, Any]]:
    return [r for r in rows if ((r.get("call") or {}).get("function") or NO_CALL) in functions | {NO_CALL}]


def run_study(models: dict[str, str], sets: dict[str, Path], out_dir: Path, limit: int = 0) -> dict[str, Any]:
    """Predict and score every model on every set's shared rows; returns {set: {model: metrics}}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shared = set.intersection(*(known_functions(d) for d in models.values()))
    results: dict[str, Any] = {"functions": sorted(shared), "models": dict(models), "sets": {}}
    for set_name, path in sets.items():
        rows = shared_rows(read_jsonl(path), shared)
        if limit:
            rows = rows[:limit]
        gold = out_dir / f"{set_name}-gold.jsonl"
        write_jsonl(gold, rows)
        results["sets"][set_name] = {}
        for model_name, model_dir in models.items():
            print(f"[study] {model_name} on {set_name}: {len(rows)} rows", flush=True)
            pred = out_dir / f"{set_name}-{model_name}.jsonl"
            predict_file(gold, pred, load_predictor(model_dir))  # the runtime `run` and the assistant use
            metrics = compute_metrics(rows, read_jsonl(pred))
            results["sets"][set_name][model_name] = {k: metrics[k] for k in ("overall", "by_lang", "by_function")}
    (out_dir / "study.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (out_dir / "study.md").write_text(study_table(results) + "\n", encoding="utf-8")
    plot_study(results, out_dir / "study.png")
    return results


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def study_table(results: dict[str, Any]) -> str:
    """One row per set, model and language: function, exact and each argument's accuracy."""
    head = "| set | model | lang | rows | function % | exact % | " + " | ".join(f"{f} %" for f in STUDY_FIELDS) + " |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for set_name, by_model in results["sets"].items():
        for model_name, m in by_model.items():
            for lang, s in [("all", m["overall"]), *m["by_lang"].items()]:
                lines.append(
                    f"| {set_name} | {model_name} | {lang} | {s['rows']} | {_pct(s['function_accuracy'])} | "
                    f"{_pct(s['exact_match'])} | " + " | ".join(_pct(s["fields"].get(f)) for f in STUDY_FIELDS) + " |"
                )
    return "\n".join(lines)


def plot_study(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sets = list(results["sets"])
    metrics = ("function_accuracy", "exact_match", *STUDY_FIELDS)
    fig, axes = plt.subplots(1, len(sets), figsize=(6 * len(sets), 4), squeeze=False)
    for ax, set_name in zip(axes[0], sets, strict=True):
        by_model = results["sets"][set_name]
        width = 0.8 / max(1, len(by_model))
        for i, (model_name, m) in enumerate(by_model.items()):
            s = m["overall"]
            values = [100 * (s[k] if k in s else s["fields"].get(k) or 0) for k in metrics]
            ax.bar([x + i * width for x in range(len(metrics))], values, width, label=model_name)
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(metrics))])
        ax.set_xticklabels(["function", "exact", *STUDY_FIELDS], rotation=30, ha="right")
        ax.set_ylim(80, 100)
        ax.set_title(f"{set_name}: rows of {', '.join(results['functions'])}", fontsize=8)
        ax.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
