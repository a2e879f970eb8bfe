"""Optional LLM judge for titles, as in the study: any OpenAI-compatible endpoint (llama.cpp, vLLM, ...).

Off by default and never needed by the tests' real runs. Only rows whose call is right except for the title
are asked about; the judge decides whether the predicted title names the same event the user said.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from .metrics import FIELDS

__all__ = ["judge_titles"]

PROMPT = (
    'A user said: "{query}"\nThe calendar event title expected is "{gold}". A system wrote "{pred}".\n'
    "Do both titles name the same event, with nothing important lost or invented? Answer yes or no."
)


def _ask(url: str, model: str, prompt: str, timeout: float) -> bool:
    body = json.dumps(
        {"model": model, "temperature": 0, "max_tokens": 3, "messages": [{"role": "user", "content": prompt}]}
    ).encode()
    request = urllib.request.Request(
        url.rstrip("/") + "/v1/chat/completions", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - a URL the user gave
        answer = json.loads(response.read())["choices"][0]["message"]["content"]
    return answer.strip().lower().startswith("yes")


def judge_titles(metrics: dict[str, Any], url: str, model: str = "judge", timeout: float = 30.0) -> dict[str, Any]:
    """Add ``judge`` to the metrics: how many title-only failures the judge accepts, and the adjusted rates."""
    accepted = 0
    asked = 0
    for failure in metrics["failures"]:
        gold, pred = failure.get("gold_call") or {}, failure.get("pred_call") or {}
        if not isinstance(pred, dict) or gold.get("function") != pred.get("function"):
            continue
        ga, pa = gold.get("arguments") or {}, pred.get("arguments") or {}
        others_right = all(ga.get(f) == pa.get(f) for f in FIELDS if f in ga and f != "title")
        if "title" not in ga or not others_right or failure.get("error"):
            continue
        asked += 1
        if _ask(url, model, PROMPT.format(query=failure["query"], gold=ga["title"], pred=pa.get("title")), timeout):
            accepted += 1
            failure["judge"] = "same event"
    overall = metrics["overall"]
    rows = overall["rows"] or 1
    titled = sum(1 for f in metrics["failures"] if "title" in ((f.get("gold_call") or {}).get("arguments") or {}))
    metrics["judge"] = {
        "url": url,
        "model": model,
        "asked": asked,
        "accepted": accepted,
        "exact_match_judged": round((overall["exact_match"] or 0) + accepted / rows, 4),
        "title_failures": titled,
    }
    return metrics
