"""How soon the assistant is ready, and in how much memory: fresh processes, started as a user starts them.

    python -m evaluation startup [--runs 5] [--out-dir reports/startup] [--first-start]   # part of make bench

Each figure is the median over ``--runs`` fresh processes (min and max beside it), on a warm disk cache:

- ``text``: process start -> the model loaded (from its saved pack, warmed by one command) and the embedded
  calendar serving and connected, the way the CLI and the TUI build the assistant (``assistant.app``: the
  calendar starts and connects while the model loads); then the first command answered. Memory is the
  resident set size at ready and its peak.
- ``speech``: the same plus Whisper and the English piper voice loaded.
- ``ask``: ``octocal ask --no-server "..."``, a one-shot command that loads everything itself, wall time.
- ``--first-start``: once, with an empty cache directory, as the first start after ``make setup``: the base
  model converted from its PyPI package, the long load, and the pack written.

Every process gets its own temporary config and data directories, so the user's calendar is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evaluation.memory import memory_mb

__all__ = ["run_startup"]

COMMAND = "Was steht morgen an?"


def probe(kind: str) -> None:
    """Run in a fresh process: build the assistant as the front ends do, print one JSON line when ready."""
    from assistant.app import load_model, make_assistant
    from assistant.settings import load_settings

    settings = load_settings()
    with make_assistant(settings, None) as assistant:  # the embedded calendar starts and connects meanwhile
        model, problem = load_model()
        if model is None:
            raise SystemExit(f"no model: {problem}")
        assistant.model = model
        if kind == "speech":
            from assistant.speech.voice import Voice

            voice = Voice(settings.speech)
            voice.transcriber  # noqa: B018 - loading is the point
            voice.speaker._piper_voice(voice.speaker.voice_for("en"))
        assistant.calendar.check()  # connected (waits for the early connection if it is still under way)
        ready = time.perf_counter()
        rss, peak = memory_mb()
        assistant.handle(COMMAND)
        answered = time.perf_counter()
        print(
            json.dumps(
                {
                    "answer_after_ready_s": round(answered - ready, 3),
                    "rss_mb": round(rss),
                    "peak_mb": round(peak),
                    "runtime": model.runtime,
                    "model": type(model.module).__name__,
                }
            ),
            flush=True,
        )
        sys.stdout.flush()
        os._exit(0)  # the measurement is taken: no need to wait for the server's shutdown


def _env(home: Path, fresh_cache: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    if fresh_cache:  # as on a machine that has never started the assistant: nothing converted or saved yet
        env["XDG_CACHE_HOME"] = str(home / "cache")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def _timed_probe(kind: str, home: Path, fresh_cache: bool = False) -> dict[str, Any]:
    """Wall time from spawning the process to its ready line (the probe prints that line when ready)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "evaluation.startup", "--probe", kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(home, fresh_cache),
    )
    line = proc.stdout.readline() if proc.stdout else ""
    ready = time.perf_counter() - start
    _, err = proc.communicate(timeout=600)
    if not line.strip():
        raise RuntimeError(f"startup probe {kind} failed: {err[-2000:]}")
    out = json.loads(line)
    out["ready_s"] = round(ready - out["answer_after_ready_s"], 3)
    out["first_answer_s"] = round(ready, 3)
    return out


def _timed_ask(home: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant", "--today", "2026-12-03", "ask", *extra, COMMAND],
        env=_env(home),
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return time.perf_counter() - start


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2), "max": round(max(values), 2)}


def run_startup(runs: int, out_dir: Path, first_start: bool = False, progress: bool = True) -> dict[str, Any]:
    from assistant.model.packed import load_caller

    def say(message: str) -> None:
        if progress:
            print(message, file=sys.stderr, flush=True)

    result: dict[str, Any] = {"runs": runs, "command": COMMAND}
    with tempfile.TemporaryDirectory(prefix="octocal-startup-") as tmp:
        home = Path(tmp)
        if first_start:
            say("first start: empty cache (base conversion, long load, writing the pack) ...")
            first = _timed_probe("text", home, fresh_cache=True)
            result["first_start"] = {"ready_s": first["ready_s"], "peak_mb": first["peak_mb"]}
        load_caller(progress=say)  # the pack exists before the timed runs
        for kind in ("text", "speech"):
            probes = []
            for i in range(runs):
                say(f"{kind}: run {i + 1}/{runs} ...")
                probes.append(_timed_probe(kind, home))
            result[kind] = {
                "ready_s": _summary([p["ready_s"] for p in probes]),
                "first_answer_s": _summary([p["first_answer_s"] for p in probes]),
                "rss_mb": _summary([p["rss_mb"] for p in probes]),
                "peak_mb": _summary([p["peak_mb"] for p in probes]),
                "model": probes[0]["model"],
                "runtime": probes[0]["runtime"],
            }
        asks = []
        for i in range(runs):
            say(f"ask --no-server: run {i + 1}/{runs} ...")
            asks.append(_timed_ask(home, ["--no-server"]))
        result["ask"] = _summary(asks)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "startup.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    (out_dir / "startup.md").write_text(format_startup(result) + "\n", encoding="utf-8")
    return result


def format_startup(r: dict[str, Any]) -> str:
    def span(s: dict[str, float], unit: str) -> str:
        return f"{s['median']:g} {unit} ({s['min']:g}-{s['max']:g})"

    lines = [
        f"median of {r['runs']} fresh processes (min-max); first command: {r['command']!r}",
        "",
        "| what | value |",
        "|---|---|",
    ]
    if "first_start" in r:
        f = r["first_start"]
        lines.append(f"| first start (no saved model yet): ready | {f['ready_s']} s, peak {f['peak_mb']} MB |")
    for kind in ("text", "speech"):
        k = r[kind]
        lines += [
            f"| {kind}: start -> ready | {span(k['ready_s'], 's')} |",
            f"| {kind}: start -> first command answered | {span(k['first_answer_s'], 's')} |",
            f"| {kind}: memory at ready / peak | {span(k['rss_mb'], 'MB')} / {span(k['peak_mb'], 'MB')} |",
        ]
    lines.append(f"| `octocal ask` one-shot, loading itself | {span(r['ask'], 's')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation startup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out-dir", type=Path, default=Path("reports/startup"))
    parser.add_argument("--first-start", action="store_true", help="also time one start with no saved model")
    parser.add_argument("--probe", choices=("text", "speech"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        probe(args.probe)
        return 0
    result = run_startup(args.runs, args.out_dir, args.first_start)
    print(format_startup(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
