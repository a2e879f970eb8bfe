"""Crowd corpora test partitions (SLURP test, MASSIVE de-DE test; issue 19), scored by intent family: a
calendar_set row is right with any create or a move, calendar_query with a list or a find, calendar_remove
with a delete; a row of any other intent (music, weather, alarms, messages: real near misses) is right with no
call. A row that names its ``function`` (evaluation/data/short_creates.jsonl) is right with that function only.
The corpora carry no calls of this schema, so arguments are not scored here (the hand-written and wild sets do
that).

    python -m evaluation corpus --data slurp_test --out-dir reports/slurp-test
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from assistant.jsonl import read_jsonl, write_jsonl

from .predict import load_predictor, predict_rows, resolve_again

__all__ = ["score_corpus", "run_corpus"]


def _rows(path: Path, today: str, other_limit: int, seed: int) -> list[dict[str, Any]]:
    """The corpus rows as queries: every calendar row, and (other_limit > 0) a fixed sample of the others."""
    from training.realdata import slot_spans

    records = read_jsonl(path)
    calendar = [r for r in records if r["intent"].startswith("calendar_")]
    other = [r for r in records if not r["intent"].startswith("calendar_")]
    if other_limit and len(other) > other_limit:
        other = random.Random(seed).sample(other, other_limit)
    return [
        {
            "id": r["id"],
            "lang": r["lang"],
            "today": today,
            "intent": r["intent"],
            "query": slot_spans(r["annot_utt"])[0],
            **({"function": r["function"]} if r.get("function") else {}),
        }
        for r in calendar + other
    ]


def score_corpus(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    from training.realdata import family

    by_id = {p["id"]: p for p in preds}
    outcomes: dict[str, list[bool]] = defaultdict(list)
    confusion: Counter[tuple[str, str]] = Counter()
    failures = []
    for row in rows:
        call = (by_id.get(row["id"]) or {}).get("call") or {}
        got = call.get("function") or "no_call"
        want = {row["function"]} if row.get("function") else family(row["intent"])
        ok = got in want if want else got == "no_call"
        key = row["intent"] if want else "other"
        outcomes[key].append(ok)
        confusion[(key, got)] += 1
        if not ok:
            failures.append({"id": row["id"], "intent": row["intent"], "query": row["query"], "got": got})
    calendar = [ok for k, v in outcomes.items() if k != "other" for ok in v]

    def rate(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 4) if values else None

    return {
        "rows": len(rows),
        "calendar_rows": len(calendar),
        "calendar_function_accuracy": rate(calendar),
        "other_rows": len(outcomes["other"]),
        "other_no_call": rate(outcomes["other"]),
        "by_intent": {k: {"rows": len(v), "right": rate(v)} for k, v in sorted(outcomes.items())},
        "confusion": {f"{k} -> {g}": n for (k, g), n in sorted(confusion.items())},
        "failures": failures,
    }


def run_corpus(
    data: Path,
    out_dir: Path,
    model: str | None = None,
    today: str = "2026-12-03",
    other_limit: int = 0,
    seed: int = 13,
    pred: Path | None = None,
) -> dict[str, Any]:
    """Predict and score the corpus rows; with ``pred``, score those saved predictions read again by this
    resolver (the same rows: same ``today``, ``other_limit`` and ``seed``)."""
    rows = _rows(data, today, other_limit, seed)
    if pred is None:
        preds = list(predict_rows(rows, load_predictor(model)))
    else:
        preds = resolve_again(rows, [p for p in read_jsonl(pred) if isinstance(p, dict)])
        model = f"{pred} (read again)"
    metrics = score_corpus(rows, preds)
    metrics["data"], metrics["model"], metrics["today"] = str(data), model or "bundled", today
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / "predictions.jsonl", preds)
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8")
    return metrics


def format_corpus(metrics: dict[str, Any]) -> str:
    def pct(v: float | None) -> str:
        return "–" if v is None else f"{100 * v:.1f}"

    lines = [
        f"calendar rows: {metrics['calendar_rows']}, function right by family: "
        f"{pct(metrics['calendar_function_accuracy'])} %",
        f"other intents: {metrics['other_rows']}, answered with no call: {pct(metrics['other_no_call'])} %",
    ]
    lines += [f"  {k}: {v['rows']} rows, {pct(v['right'])} %" for k, v in metrics["by_intent"].items()]
    return "\n".join(lines)
