"""The metrics of the study: function accuracy, parameter correctness, exact match, structure, latency.

Pure functions over gold rows (``{"id", "lang", "call"}``) and prediction rows (``{"id", "call", "raw",
"latency_ms", "error"}``); nothing here runs a model.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from assistant.schema.functions import FUNCTIONS
from assistant.schema.lexicon import MONTH_WORDS, WEEKDAY_WORDS

__all__ = [
    "DATE_KINDS",
    "FIELDS",
    "GRAMMAR_RE",
    "NO_CALL",
    "compute_metrics",
    "date_kind",
    "date_miss",
    "normalize_title",
    "row_outcome",
]

NO_CALL = "no_call"
# Every argument name of the function set, in first-seen order: a new function's fields are scored as it lands.
FIELDS = tuple(dict.fromkeys(p.name for f in FUNCTIONS for p in f.params))
CLASSES = tuple(f.name for f in FUNCTIONS) + (NO_CALL,)

# The functional-token grammar, written independently of assistant.schema.functions' parser on purpose: a parser bug
# must not be able to hide a structural failure.
_STRING = r'"(?:[^"\\]|\\.)*"'
_ARG = rf"(?:{_STRING}|null|-?\d+)"
GRAMMAR_RE = re.compile(rf"^\s*(?:<oc_0><oc_end>|<oc_[1-9]\d*>\({_ARG}(?:, {_ARG})*\)<oc_end>)\s*$")


_WEEKDAY = "|".join(sorted((f"{w}s?" for w in WEEKDAY_WORDS), key=len, reverse=True))  # "freitags" too
_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
# How a date was said, for date accuracy per kind (where a model that writes ISO dates must do arithmetic and
# one that copies spans need not). First match wins.
DATE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        ("ISO date", r"\b\d{4}-\d{2}-\d{2}\b"),
        ("numeric (24.12.)", r"\b\d{1,2}\.\s?\d{1,2}\.|\b\d{1,2}/\d{1,2}\b"),
        ("in N days/weeks", r"\b(?:in|within)\b.*\b(?:tag|tagen|woche|wochen|days?|weeks?|fortnight)\b"),
        ("weekday of next week", rf"\b(?:{_WEEKDAY})\b.*\b(?:woche|week)\b|\b(?:woche|week)\b.*\b(?:{_WEEKDAY})\b"),
        ("weekday", rf"\b(?:{_WEEKDAY})\b"),
        (
            "today / tomorrow",
            r"\b(?:heute|morgen|übermorgen|today|tomorrow|tonight|this (?:morning|afternoon|evening))\b",
        ),
        ("day and month", rf"\b(?:{_MONTH})\b|\w(?:ten|ter) \d{{1,2}}\."),
        ("day of month", r"\b\d{1,2}(?:\.|st|nd|rd|th)|\b(?:am|the|on the)\b"),
    )
)


def date_kind(phrase: str) -> str:
    """The kind of a date phrase ("übermorgen": today / tomorrow; "Freitag nächste Woche": weekday of next week);
    "holiday or other" for the rest ("an Heiligabend", "Christmas Day")."""
    text = phrase.lower()
    return next((kind for kind, pattern in DATE_KINDS if pattern.search(text)), "holiday or other")


def date_miss(gold: str | None, pred: Any) -> str:
    """How a wrong date is wrong: the ISO-writing failure modes of earlier attempts (wrong year, days off)
    against the span model's (a wrong phrase copied, or none)."""
    if not isinstance(pred, str):
        return "no date written"
    if gold is None:
        return "date where none was said"
    try:
        g, p = dt.date.fromisoformat(gold), dt.date.fromisoformat(pred)
    except ValueError:
        return "not a date"
    if (g.month, g.day) == (p.month, p.day):
        return "wrong year only"
    if abs((g - p).days) <= 7:
        return "1-7 days off"
    return "other"


def normalize_title(title: Any) -> str:
    """Titles compare after Unicode, case, punctuation and whitespace normalisation."""
    if not isinstance(title, str):
        return ""
    text = unicodedata.normalize("NFKC", title).casefold()
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


def _function(call: Any) -> str:
    if not isinstance(call, dict):
        return "invalid"
    return call.get("function") or NO_CALL


def _field_equal(name: str, gold: Any, pred: Any) -> bool:
    if name == "title":
        return normalize_title(gold) == normalize_title(pred) and (gold is None) == (pred is None)
    return gold == pred


def row_outcome(gold: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, Any]:
    """What one prediction got right: function, each field the gold call has, the whole call."""
    gold_call = gold["call"]
    gold_fn = _function(gold_call)
    pred_call = (pred or {}).get("call")
    pred_fn = _function(pred_call) if pred is not None else "missing"
    if pred is not None and (pred.get("error") or pred_call is None):
        pred_fn = "invalid"
    fields: dict[str, bool] = {}
    gold_args = gold_call.get("arguments") or {}
    pred_args = (pred_call or {}).get("arguments") or {} if isinstance(pred_call, dict) else {}
    for name in FIELDS:
        if name in gold_args:
            fields[name] = pred_fn == gold_fn and _field_equal(name, gold_args[name], pred_args.get(name))
    exact = pred_fn == gold_fn and all(fields.values())
    raw = (pred or {}).get("raw") or ""
    return {
        "gold_function": gold_fn,
        "pred_function": pred_fn,
        "function_ok": pred_fn == gold_fn,
        "fields": fields,
        "exact": exact,
        "structural": bool(GRAMMAR_RE.match(raw)),
        "valid": pred is not None and not pred.get("error") and isinstance(pred_call, dict),
        "latency_ms": (pred or {}).get("latency_ms"),
        "tokens": (pred or {}).get("tokens"),
    }


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo), 1)


def _summary(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    per_field = {name: _rate([o["fields"][name] for o in outcomes if name in o["fields"]]) for name in FIELDS}
    latencies = [o["latency_ms"] for o in outcomes if isinstance(o["latency_ms"], (int, float))]
    tokens = [o["tokens"] for o in outcomes if isinstance(o["tokens"], (int, float))]
    return {
        "rows": len(outcomes),
        "function_accuracy": _rate([o["function_ok"] for o in outcomes]),
        "exact_match": _rate([o["exact"] for o in outcomes]),
        "fields": per_field,
        "structural": _rate([o["structural"] for o in outcomes]),
        "valid": _rate([o["valid"] for o in outcomes]),
        "latency_ms": {
            "p50": _percentile(latencies, 0.5),
            "p90": _percentile(latencies, 0.9),
            "p95": _percentile(latencies, 0.95),
            "p99": _percentile(latencies, 0.99),
            "max": max(latencies) if latencies else None,
            "mean": round(statistics.mean(latencies), 1) if latencies else None,
        },
        "tokens_mean": round(statistics.mean(tokens), 2) if tokens else None,
    }


def compute_metrics(gold_rows: list[dict[str, Any]], pred_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """All metrics, overall and per language and per gold function, plus the confusion matrix and failures.

    A gold row without a prediction counts as wrong everywhere (``pred_function == "missing"``); a prediction
    whose output did not validate counts as ``invalid``.
    """
    preds = {str(p.get("id")): p for p in pred_rows if isinstance(p, dict)}
    outcomes = []
    for gold in gold_rows:
        pred = preds.get(str(gold["id"]))
        outcome = row_outcome(gold, pred)
        outcome.update(
            id=gold["id"],
            lang=gold.get("lang", "?"),
            query=gold.get("query", ""),
            kind=gold.get("class"),
            gold_call=gold["call"],
            pred_call=(pred or {}).get("call"),
            raw=(pred or {}).get("raw"),
            error=(pred or {}).get("error") if pred is not None else "no prediction",
        )
        outcomes.append(outcome)
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_function: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_class: dict[str, list[dict[str, Any]]] = defaultdict(list)  # sets whose rows name a class of input
    for o in outcomes:
        by_lang[o["lang"]].append(o)
        by_function[o["gold_function"]].append(o)
        if o["kind"]:
            by_class[o["kind"]].append(o)
    date_kinds: dict[str, list[bool]] = defaultdict(list)
    date_misses: Counter[str] = Counter()
    for gold, o in zip(gold_rows, outcomes, strict=True):
        phrase = (gold.get("slots") or {}).get("date")
        if phrase and "date" in o["fields"]:
            date_kinds[date_kind(phrase)].append(o["fields"]["date"])
        if o["function_ok"] and "date" in o["fields"] and not o["fields"]["date"]:
            date_misses[
                date_miss(
                    gold["call"]["arguments"]["date"], ((o["pred_call"] or {}).get("arguments") or {}).get("date")
                )
            ] += 1
    labels = list(CLASSES) + ["invalid", "missing"]
    confusion = Counter((o["gold_function"], o["pred_function"]) for o in outcomes)
    return {
        "overall": _summary(outcomes),
        "by_lang": {lang: _summary(rows) for lang, rows in sorted(by_lang.items())},
        "by_function": {fn: _summary(rows) for fn, rows in sorted(by_function.items())},
        "by_class": {kind: _summary(rows) for kind, rows in sorted(by_class.items())},
        "date_by_kind": {kind: {"rows": len(v), "date": _rate(v)} for kind, v in sorted(date_kinds.items())},
        "date_misses": dict(date_misses.most_common()),
        "confusion": {"labels": labels, "matrix": [[confusion.get((g, p), 0) for p in labels] for g in CLASSES]},
        "failures": [
            {k: o[k] for k in ("id", "lang", "kind", "query", "gold_call", "pred_call", "raw", "error")}
            for o in outcomes
            if not o["exact"]
        ],
        "predictions_missing": sum(1 for o in outcomes if o["pred_function"] == "missing"),
    }
