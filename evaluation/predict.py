"""Run a model over a JSONL file of queries and write one prediction row per input row.

Input rows need ``id``, ``query`` and ``today`` (``lang`` is used when present); anything else is ignored,
so labelled and unlabelled files both work. A malformed input row is reported and gets an output row with
its ``error``; it never stops the run.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from assistant.jsonl import read_jsonl as shared_read_jsonl
from assistant.jsonl import write_jsonl

__all__ = ["Predictor", "load_predictor", "predict_file", "predict_rows", "read_jsonl", "resolve_again"]


class Predictor(Protocol):
    name: str

    def predict(self, query: str, today: dt.date, lang: str | None = None) -> Any: ...


def read_jsonl(path: Path) -> list[dict[str, Any] | str]:
    """Gold or prediction rows; a line that is not a JSON object stays as its text, to be reported."""
    return shared_read_jsonl(path, keep_bad=True)


def _check_row(row: dict[str, Any] | str, n: int) -> tuple[str, str, dt.date, str | None]:
    if not isinstance(row, dict):
        raise ValueError(f"line {n}: not a JSON object")
    missing = [k for k in ("id", "query", "today") if k not in row]
    if missing:
        raise ValueError(f"line {n}: missing {', '.join(missing)}")
    if not isinstance(row["query"], str):
        raise ValueError(f"line {n}: query must be text")
    try:
        today = dt.date.fromisoformat(str(row["today"]))
    except ValueError:
        raise ValueError(f"line {n}: today {row['today']!r} is not a YYYY-MM-DD date") from None
    lang = row.get("lang") if row.get("lang") in ("de", "en") else None
    return str(row["id"]), row["query"], today, lang


def resolve_again(rows: Iterable[dict[str, Any] | str], preds: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Saved predictions read again by this repository's resolver: the model's spans stay, the calls are made
    anew, so a resolver change is measured in seconds on a model's saved outputs instead of an hour of running
    it again. A prediction whose row or span is missing stays as it was."""
    from assistant.schema.functions import CallError, parse_span_call
    from assistant.schema.resolve import resolve_call

    by_id = {str(r["id"]): r for r in rows if isinstance(r, dict) and "id" in r}
    out = []
    for pred in preds:
        row, text = by_id.get(str(pred.get("id"))), pred.get("span") or pred.get("raw")
        if row is None or not text:
            out.append(pred)
            continue
        try:
            _, query, today, lang = _check_row(row, 0)
            call, error = resolve_call(parse_span_call(text), today, lang, query).to_json(), None
        except (CallError, ValueError) as exc:
            call, error = None, str(exc)
        out.append({**pred, "call": call, "error": error})
    return out


def predict_rows(
    rows: Iterable[dict[str, Any] | str], predictor: Predictor, progress: bool = True
) -> Iterator[dict[str, Any]]:
    rows = list(rows)
    bar = _progress(len(rows), predictor.name) if progress else None
    for n, row in enumerate(rows, start=1):
        try:
            row_id, query, today, lang = _check_row(row, n)
        except ValueError as error:
            print(f"skipped malformed input row: {error}", file=sys.stderr)
            row_id = str(row.get("id")) if isinstance(row, dict) and "id" in row else f"line-{n}"
            yield {
                "id": row_id,
                "call": None,
                "raw": "",
                "latency_ms": None,
                "tokens": 0,
                "error": f"malformed input row: {error}",
            }
        else:
            prediction = predictor.predict(query, today, lang)
            yield {"id": row_id, **prediction.to_json()}
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def _progress(total: int, name: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=f"predict ({name})", unit="query", file=sys.stderr)


def load_predictor(
    model: str | None = None,
    baseline: str | None = None,
    dtype: str = "bfloat16",
    runner: str = "auto",
    quant: str | None = None,
    spans: str = "valid",
    load: str = "long",
) -> Predictor:
    """The bundled model, a trained adapter directory, or the in-context baseline on the untuned base.
    ``load="pack"``: as the assistant starts, from the saved runner (written on first use)."""
    if baseline:
        if baseline != "in-context":
            raise ValueError(f"unknown baseline {baseline!r} (known: in-context)")
        from .baseline import InContextBaseline

        return InContextBaseline.load(model or "gemma-3-270m", dtype=dtype)
    from assistant.model.caller import FunctionCaller

    if load == "pack":
        from assistant.model.packed import load_caller

        return load_caller(model, dtype=dtype, quant=quant or "", spans=spans)
    return FunctionCaller.load(model, dtype=dtype, runner=runner, quant=quant, spans=spans)


def predict_file(data: Path, out: Path, predictor: Predictor, limit: int = 0, progress: bool = True) -> int:
    rows = read_jsonl(data)
    if limit:
        rows = rows[:limit]
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_jsonl(out, predict_rows(rows, predictor, progress))
