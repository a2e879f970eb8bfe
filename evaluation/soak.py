"""Soak benchmark (issue 20): many commands in one session through the whole text path (model, resolver,
dialog, a real Radicale on 127.0.0.1), recording latency and memory per block, so that a leak or a slowdown
over a long session shows.

    python -m evaluation soak [--commands 1000] [--keep] [--model DIR] [--out-dir reports/soak]

Commands cycle through the hand-written set (creates, lists, moves, finds, deletes, series, all-day events,
near misses), each with `--yes` semantics; each series created is undone right after (not timed), so the
calendar keeps a person's size and a trend is the session's. `--keep` keeps them: the calendar then holds every
series of the set several times over, and the latency follows its size (CalDAV time-range queries expand every
series). `--fixed` holds the calendar at one size: one untimed pass over the set fills it (series undone), then
every change a timed command makes is undone right after (not timed), so the same command meets the same
calendar in every pass and a ratio above 1 is the session's own drift. Writes soak.json, soak.md and soak.png
(latency p50/p95 and RSS per block of 100).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.jsonl import read_jsonl

__all__ = ["run_soak"]


def _rss_now_mb() -> float:
    """Current (not peak) resident memory, from /proc: a leak shows as growth, a peak would hide it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_soak(
    commands: int, model_dir: str | None, out_dir: Path, block: int = 100, keep: bool = False, fixed: bool = False
) -> dict[str, Any]:
    from tqdm import tqdm

    from assistant.app import load_model
    from assistant.calendar.client import CalDAVCalendar
    from assistant.calendar.local_server import LocalServer
    from assistant.calendar.outbox import Journal, Outbox
    from assistant.conversation.dialog import CHANGED, Assistant
    from assistant.settings import CalendarSettings

    from .__main__ import data_path

    rows = read_jsonl(data_path("handwritten"))
    model, problem = load_model(model_dir)
    if model is None:
        raise SystemExit(f"cannot load the model: {problem}")
    out_dir.mkdir(parents=True, exist_ok=True)
    today = dt.date(2026, 12, 3)
    blocks: list[dict[str, Any]] = []
    kinds: dict[str, int] = {}
    crashes = 0
    with tempfile.TemporaryDirectory() as tmp, LocalServer(Path(tmp) / "radicale") as url:
        cal = CalDAVCalendar(CalendarSettings(url=url, username="soak", password="x", timezone="Europe/Berlin"))
        a = Assistant(
            cal,
            Outbox(Path(tmp) / "state"),
            Journal(Path(tmp) / "state"),
            model=model,
            today=lambda: today,
            auto_confirm=True,
        )
        if fixed:  # the calendar a person has: the set's single events, then it stays that size
            for row in tqdm(rows, desc="fill", unit="cmd"):
                turn = a.handle(row["query"], row["lang"])
                if turn.outcome.waiting:
                    a.handle("nein" if row["lang"] == "de" else "no", row["lang"])
                call = turn.outcome.call
                if turn.outcome.kind in CHANGED and call and call["function"] == "create_recurring_event":
                    a.undo(row["lang"])
        latencies: list[float] = []
        by_row: dict[int, list[float]] = {}  # the same command in each pass over the set, to compare like with like
        for i in tqdm(range(commands), desc="soak", unit="cmd"):
            row = rows[i % len(rows)]
            started = time.perf_counter()
            try:
                turn = a.handle(row["query"], row["lang"])
                kind = str(turn.outcome.kind)
                if turn.outcome.waiting:  # a question: answered no, so nothing waits into the next command
                    a.handle("nein" if row["lang"] == "de" else "no", row["lang"])
            except Exception:  # noqa: BLE001 - counted: the soak reports crashes, it does not stop at one
                crashes += 1
                kind = "crash"
            latencies.append((time.perf_counter() - started) * 1000)
            by_row.setdefault(i % len(rows), []).append(latencies[-1])
            call = turn.outcome.call if kind != "crash" else None
            if fixed and kind in CHANGED:  # taken back (not timed): every pass meets the same calendar
                undone = str(a.undo(row["lang"]).kind)
                kinds[f"undo: {undone}"] = kinds.get(f"undo: {undone}", 0) + 1
            elif not keep and kind in ("created", "queued") and call and call["function"] == "create_recurring_event":
                # a series is taken back (not timed): the calendar stays the size a person's has (single events
                # stay, and later commands move, find and delete them), so a trend over the session is the
                # session's, not that of a calendar holding the set's daily series dozens of times
                undone = str(a.undo(row["lang"]).kind)
                kinds[f"undo: {undone}"] = kinds.get(f"undo: {undone}", 0) + 1
            kinds[kind] = kinds.get(kind, 0) + 1
            if (i + 1) % block == 0 or i + 1 == commands:
                part = sorted(latencies)
                blocks.append(
                    {
                        "commands": i + 1,
                        "p50_ms": round(statistics.median(part), 1),
                        "p95_ms": round(part[int(0.95 * (len(part) - 1))], 1),
                        "rss_mb": round(_rss_now_mb(), 1),
                        "events": len(
                            cal.events_between(today - dt.timedelta(days=400), today + dt.timedelta(days=800))
                        ),
                    }
                )
                latencies = []
    # the same commands in the last full pass against the first: a session that degrades shows a ratio above 1
    passes = min(len(v) for v in by_row.values()) if by_row else 0
    same = [v[passes - 1] / v[0] for v in by_row.values() if passes > 1 and v[0] > 0]
    ratio = round(statistics.median(same), 2) if same else None
    result = {
        "commands": commands,
        "keep": keep,
        "fixed": fixed,
        "same_command_ratio": ratio,
        "passes": passes,
        "crashes": crashes,
        "outcomes": kinds,
        "changed": sum(n for k, n in kinds.items() if k in CHANGED),
        "blocks": blocks,
    }
    (out_dir / "soak.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    lines = [
        f"# Soak: {commands} commands in one session "
        f"({'everything kept' if keep else 'calendar held at one size' if fixed else 'series undone'})",
        "",
        f"crashes: {crashes}; outcomes: {kinds}",
        "",
        f"the same command in pass {passes} of the set against pass 1 (median of the ratios): {ratio}",
        "",
        "| after commands | p50 ms | p95 ms | RSS MB | events on the server |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {b['commands']} | {b['p50_ms']} | {b['p95_ms']} | {b['rss_mb']} | {b['events']} |" for b in blocks]
    (out_dir / "soak.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _plot(blocks, out_dir / "soak.png")
    return result


def _plot(blocks: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [b["commands"] for b in blocks]
    fig, left = plt.subplots(figsize=(7, 3.5))
    left.plot(x, [b["p50_ms"] for b in blocks], label="p50 ms")
    left.plot(x, [b["p95_ms"] for b in blocks], label="p95 ms")
    left.set_xlabel("commands in the session")
    left.set_ylabel("ms per command (model + calendar)")
    right = left.twinx()
    right.plot(x, [b["rss_mb"] for b in blocks], color="gray", linestyle="--", label="RSS MB")
    right.set_ylabel("resident memory, MB")
    left.legend(loc="upper left")
    right.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
