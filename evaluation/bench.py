"""Speed and memory of the bundled model against the in-context baseline, measured in one run.

    python -m evaluation bench [--model PATH] [--baseline-rows 20] [--out-dir reports/bench]   # make bench

Latency is query text in, validated call out, warm (after a few warm-up queries), one query at a time, over
the hand-written set. The baseline (same base model, untuned, function descriptions and examples in the
prompt) runs on the first rows of the same set in the same process, after the model's figures are taken.
Peak memory is the process's maximum resident set size with the model loaded and used.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import time
from pathlib import Path
from typing import Any

from .memory import memory_mb
from .metrics import _percentile
from .predict import read_jsonl
from .report import save_figure

__all__ = ["run_bench"]

HANDWRITTEN = Path(__file__).resolve().parent / "data" / "handwritten.jsonl"


def _latencies(predictor: Any, rows: list[dict[str, Any]]) -> list[float]:
    out = []
    for row in rows:
        p = predictor.predict(row["query"], dt.date.fromisoformat(row["today"]), row.get("lang"))
        out.append(p.latency_ms)
    return out


def _stats(values: list[float]) -> dict[str, float | None]:
    return {
        "p50": _percentile(values, 0.5),
        "p90": _percentile(values, 0.9),
        "p95": _percentile(values, 0.95),
        "p99": _percentile(values, 0.99),
        "max": round(max(values), 1) if values else None,
        "n": len(values),
    }


def run_bench(
    model: str | None,
    out_dir: Path,
    baseline_rows: int = 20,
    dtype: str = "bfloat16",
    data: Path = HANDWRITTEN,
    threads: int | None = None,
    runner: str = "auto",
    quant: str | None = None,
    spans: str = "valid",
) -> dict[str, Any]:
    import torch

    from assistant.model.caller import FunctionCaller
    from assistant.model.decoding import DEFAULT_QUANT, default_assets_dir
    from assistant.model.packed import has_pack, load_caller

    rows = [r for r in read_jsonl(data) if isinstance(r, dict)]
    rss_before = memory_mb()[1]
    if runner == "transformers":
        start = time.perf_counter()
        caller = FunctionCaller.load(model, dtype=dtype, threads=threads, runner=runner, quant=quant, spans=spans)
    else:  # as the assistant loads it: from the saved pack, written first (in its own process) if missing
        adapter = Path(model) if model else default_assets_dir()
        if not has_pack(adapter, quant or DEFAULT_QUANT, dtype):
            import subprocess
            import sys

            code = (
                "import sys; from assistant.model.packed import load_caller; a = sys.argv; "
                "load_caller(a[1], dtype=a[2], quant=a[3])"
            )
            subprocess.run([sys.executable, "-c", code, str(adapter), dtype, quant or ""], check=True)
        start = time.perf_counter()
        caller = load_caller(adapter, dtype=dtype, threads=threads, quant=quant or "", spans=spans)
    load_s = time.perf_counter() - start
    _latencies(caller, rows[:5])  # warm-up: first calls pay for lazy initialisation
    model_lat = _latencies(caller, rows)
    rss_model = memory_mb()[1]
    result: dict[str, Any] = {
        "machine": f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} torch threads",
        "dtype": dtype,
        "runtime": caller.runtime,
        "rows": len(rows),
        "load_seconds": round(load_s, 1),
        "peak_rss_mb_with_model": round(rss_model, 0),
        "rss_mb_before_load": round(rss_before, 0),
        "model_latency_ms": _stats(model_lat),
    }
    if baseline_rows:
        from .baseline import InContextBaseline

        del caller
        baseline = InContextBaseline.load(dtype=dtype)
        subset = rows[:baseline_rows]
        _latencies(baseline, subset[:1])
        base_lat = _latencies(baseline, subset)
        result["baseline_latency_ms"] = _stats(base_lat)
        same = _stats(model_lat[:baseline_rows])
        result["model_latency_ms_same_rows"] = same
        result["speedup_p50_same_rows"] = round(result["baseline_latency_ms"]["p50"] / same["p50"], 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    _plot(model_lat, result, out_dir / "latency.png")
    (out_dir / "bench.md").write_text(format_bench(result) + "\n", encoding="utf-8")
    return result


def format_bench(r: dict[str, Any]) -> str:
    m = r["model_latency_ms"]
    lines = [
        f"machine: {r['machine']}, {r['dtype']}, runtime {r.get('runtime', 'transformers')}",
        "",
        "| what | value |",
        "|---|---|",
        f"| model load (from the saved pack; the transformers runner: base + adapter merge) | {r['load_seconds']} s |",
        f"| peak memory with the model loaded and used | {r['peak_rss_mb_with_model']:.0f} MB |",
        f"| latency query -> validated call, p50 / p90 / p95 / p99 / max ({m['n']} queries) | "
        f"{m['p50']:.0f} / {m['p90']:.0f} / {m['p95']:.0f} / {m['p99']:.0f} / {m['max']:.0f} ms |",
    ]
    if "baseline_latency_ms" in r:
        b, s = r["baseline_latency_ms"], r["model_latency_ms_same_rows"]
        lines += [
            f"| in-context baseline p50 / p95 (first {b['n']} queries) | {b['p50']:.0f} / {b['p95']:.0f} ms |",
            f"| tuned model p50 on the same queries | {s['p50']:.0f} ms |",
            f"| speed-up at p50 | {r['speedup_p50_same_rows']}x |",
        ]
    return "\n".join(lines)


def _plot(latencies: list[float], result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.hist(latencies, bins=30, label="tuned model")
    if "baseline_latency_ms" in result:
        ax.axvline(result["baseline_latency_ms"]["p50"], color="red", linestyle="--", label="baseline p50")
    ax.axvline(300, color="green", linestyle=":", label="target p50 300 ms")
    ax.set_xscale("log")
    ax.set_xlabel("ms per query (log)")
    ax.set_ylabel("queries")
    ax.legend()
    save_figure(fig, path)


PASS_SIZES = (1, 4, 13, 30)


def pass_timings(
    model: str | None,
    out_dir: Path,
    sizes: tuple[int, ...] = PASS_SIZES,
    repeats: int = 12,
    prefix: int = 60,
    ctranslate2: bool = False,
) -> dict[str, dict[int, float]]:
    """Median milliseconds of one forward pass feeding n tokens after a cached prefix, per runtime.

    What the runtime choice buys, apart from decoding: transformers' own Gemma 3 forward, the lean runner in
    bf16 (the same numbers), the lean runner with int8 linear layers (SmoothQuant-calibrated, as the
    assistant runs it). ``ctranslate2``: the same passes on the base model converted to CTranslate2 int8
    (see ``_ctranslate2_timings``).
    """
    import torch

    from assistant.model.caller import FunctionCaller
    from assistant.model.runtime import Gemma3Runner

    caller = FunctionCaller.load(model, runner="transformers", quant="none")  # weights kept for all three
    calibration = caller.codec.calibration_ids()
    runners = {
        "transformers bf16": caller.runner,
        "lean bf16": Gemma3Runner(caller.module),
        "lean int8": Gemma3Runner(caller.module, quant="int8", calibration=calibration),
    }
    result: dict[str, dict[int, float]] = {}
    vocab = caller.module.vocab_size
    tokens = [(37 * i) % (vocab - 10) + 5 for i in range(prefix + max(sizes))]  # any ordinary tokens
    with torch.inference_mode():
        for name, runner in runners.items():
            cache = runner.new_cache()
            runner.forward(cache, tokens[:prefix], 0)
            result[name] = {}
            for n in sizes:
                ids = tokens[prefix : prefix + n]
                times = []
                for _ in range(repeats):
                    start = time.perf_counter()
                    runner.forward(cache, ids, prefix)
                    times.append((time.perf_counter() - start) * 1000)
                    runner.crop(cache, prefix, prefix + n)
                result[name][n] = round(_percentile(times, 0.5), 1)
    if ctranslate2:
        result.update(_ctranslate2_timings(tokens, sizes, repeats, prefix))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "passes.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    (out_dir / "passes.md").write_text(format_passes(result) + "\n", encoding="utf-8")
    return result


def _ctranslate2_timings(
    tokens: list[int], sizes: tuple[int, ...], repeats: int, prefix: int
) -> dict[str, dict[int, float]]:
    """CTranslate2 int8 on the same passes, to decide whether it should run the model (it ships with Whisper).

    Its Python API cannot run the grammar-constrained decoder as is: generation takes no per-step token
    mask and the key/value cache is not exposed. Two figures bound what it could do: ``forward_batch`` over
    the prefix and the new tokens (the only way to read logits at every position: no cache), and
    ``generate_tokens`` with the prefix as a cached static prompt, feeding the new tokens and producing one
    unconstrained token (the cache, but with a head over the whole vocabulary). Measured on the base model
    (converted once into the user cache dir): the adapter changes no shapes, so the speed is the same.
    """
    import ctranslate2
    import torch

    from assistant.model.base import base_checkpoint, default_cache_dir

    target = default_cache_dir().parent / "ctranslate2-int8"
    if not (target / "model.bin").exists():
        print(f"converting the base model to CTranslate2 int8 into {target} (once) ...", flush=True)
        from ctranslate2.converters import TransformersConverter

        TransformersConverter(str(base_checkpoint())).convert(str(target), quantization="int8", force=True)
    generator = ctranslate2.Generator(
        str(target), device="cpu", compute_type="int8", intra_threads=torch.get_num_threads()
    )
    vocabulary = json.loads((target / "vocabulary.json").read_text(encoding="utf-8"))
    words = [vocabulary[t] for t in tokens]
    out: dict[str, dict[int, float]] = {"ctranslate2 int8, no cache": {}, "ctranslate2 int8, cached, 1 step": {}}
    for n in sizes:
        for name, run in (
            ("ctranslate2 int8, no cache", lambda n=n: generator.forward_batch([tokens[: prefix + n]])),
            (
                "ctranslate2 int8, cached, 1 step",
                lambda n=n: list(
                    generator.generate_tokens(words[prefix : prefix + n], max_length=1, static_prompt=words[:prefix])
                ),
            ),
        ):
            run()  # the first call caches the static prompt
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                run()
                times.append((time.perf_counter() - start) * 1000)
            out[name][n] = round(_percentile(times, 0.5), 1)
    return out


def format_passes(result: dict[str, dict[int, float]]) -> str:
    names = list(result)
    sizes = list(next(iter(result.values())))
    lines = ["| tokens fed in one pass | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for n in sizes:
        lines.append(f"| {n} | " + " | ".join(f"{result[name][n]:.1f} ms" for name in names) + " |")
    return "\n".join(lines)
