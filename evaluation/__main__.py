"""Evaluate any model the same way, so each training choice is a number.

python -m evaluation predict --data IN.jsonl --out OUT.jsonl [--model PATH] [--baseline in-context]
python -m evaluation score --data GOLD.jsonl --pred OUT.jsonl --out-dir REPORT/ [--resolve-again]
python -m evaluation compare REPORT_A/ REPORT_B/ ...
python -m evaluation agree A.jsonl B.jsonl                            # same predictions? (e.g. --load pack)
python -m evaluation corpus --data slurp_test [--other-limit 400] [--pred SAVED.jsonl]
python -m evaluation run [--model PATH] [--data data/test.jsonl] [--out-dir reports/test]
python -m evaluation bench [--model PATH] [--baseline-rows 20]        # latency, memory, speed-up
python -m evaluation passes [--model PATH]                            # ms per forward pass, per runtime
python -m evaluation speech [--out-dir reports/speech] [--repeat 2]   # STT RTF/WER, voice latency
python -m evaluation startup [--runs 5] [--first-start]               # start -> ready, memory, one-shot ask
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.jsonl import write_jsonl
from assistant.model.decoding import QUANT, RUNNERS, SPAN_MODES

from .metrics import compute_metrics
from .predict import load_predictor, predict_file, read_jsonl, resolve_again
from .report import compare_table, summary_table, write_report

HANDWRITTEN = Path(__file__).resolve().parent / "data" / "handwritten.jsonl"


def data_path(data: str | Path) -> Path:
    """A set by path, or a shipped one by name (handwritten, wild, slurp_test, massive_de_test)."""
    shipped = HANDWRITTEN.parent / f"{data}.jsonl"
    return shipped if not Path(data).suffix and shipped.exists() else Path(data)


def score(
    data: Path,
    pred: Path,
    out_dir: Path,
    name: str | None = None,
    judge_url: str | None = None,
    judge_model: str = "judge",
    again: bool = False,
) -> dict:
    gold = [r for r in read_jsonl(data) if isinstance(r, dict) and "call" in r and "id" in r]
    preds = [r for r in read_jsonl(pred) if isinstance(r, dict)]
    if again:
        preds = resolve_again(gold, preds)
        out_dir.mkdir(parents=True, exist_ok=True)
        pred = out_dir / "predictions.jsonl"  # the calls scored are these, not the saved ones
        write_jsonl(pred, preds)
    metrics = compute_metrics(gold, preds)
    if judge_url:
        from .judge import judge_titles

        judge_titles(metrics, judge_url, judge_model)
    metrics["name"] = name or out_dir.name
    metrics["data"] = str(data)
    metrics["predictions"] = str(pred)
    metrics["latencies"] = [p["latency_ms"] for p in preds if isinstance(p.get("latency_ms"), (int, float))]
    write_report(metrics, out_dir, metrics["name"])
    return metrics


def _runtime_options(parser: argparse.ArgumentParser) -> None:
    """How the model runs: the same choices for predict, run and bench."""
    parser.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float32"])
    parser.add_argument(
        "--runner", default="auto", choices=list(RUNNERS), help="forward pass (assistant.model.runtime)"
    )
    parser.add_argument(
        "--quant",
        default=None,
        choices=list(QUANT),
        help="lean runner's linear layers (default: the assistant's, int8)",
    )
    parser.add_argument(
        "--spans",
        default="valid",
        choices=list(SPAN_MODES),
        help="'any': let arguments copy spans that do not resolve (to measure the check)",
    )
    parser.add_argument(
        "--load",
        default="long",
        choices=["long", "pack"],
        help="'pack': from the saved runner, as the assistant starts (assistant.model.packed); 'long': base + adapter",
    )


def _predictor(args: argparse.Namespace) -> Any:
    return load_predictor(args.model, args.baseline, args.dtype, args.runner, args.quant, args.spans, args.load)


def _agree(args: argparse.Namespace) -> int:
    """Rows whose call, raw output or error differ; exit 1 when any do."""
    a, b = read_jsonl(args.a), read_jsonl(args.b)
    keys = ("call", "raw", "error")

    def said(row: Any) -> list[Any]:
        return [row.get(k) for k in keys] if isinstance(row, dict) else [row]

    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if said(x) != said(y)]
    print(f"{len(a)} rows, {len(differ)} differ" + (f": rows {differ[:20]}" if differ else ""))
    return 0 if not differ else 1


def _startup(args: argparse.Namespace) -> int:
    """Start -> ready and memory in fresh processes."""
    from .startup import format_startup, run_startup

    print(format_startup(run_startup(args.runs, args.out_dir, args.first_start)))
    return 0


def _soak(args: argparse.Namespace) -> int:
    """Many commands in one session; exit 1 on a crash."""
    from .soak import run_soak

    result = run_soak(args.commands, args.model, args.out_dir, keep=args.keep, fixed=args.fixed)
    print((args.out_dir / "soak.md").read_text(encoding="utf-8"))
    return 0 if result["crashes"] == 0 else 1


def _corpus(args: argparse.Namespace) -> int:
    """A crowd corpus test partition, scored by intent family."""
    from .corpus import format_corpus, run_corpus

    path = data_path(args.data)
    out_dir = args.out_dir or Path("reports") / path.stem
    metrics = run_corpus(path, out_dir, args.model, args.today, args.other_limit, pred=args.pred)
    print(format_corpus(metrics))
    return 0


def _study(args: argparse.Namespace) -> int:
    """Two or more adapters on the rows of the functions all know."""
    from .study import run_study

    models = dict(m.split("=", 1) for m in args.model)
    sets = {}
    for item in args.data:
        name, _, path = item.partition("=")
        sets[name] = data_path(path or name)
    results = run_study(models, sets, args.out_dir, args.limit)
    print((args.out_dir / "study.md").read_text(encoding="utf-8"))
    return 0 if results["sets"] else 1


def _speech(args: argparse.Namespace) -> int:
    """The speech benchmark."""
    from .speech import run_speech_bench

    summary = run_speech_bench(args.out_dir, args.repeat, args.whisper, args.model, args.stream)
    print((args.out_dir / "report.md").read_text().split("\n\n")[1])
    return 0 if summary else 1


def _passes(args: argparse.Namespace) -> int:
    """Milliseconds per forward pass, per runtime."""
    from .bench import format_passes, pass_timings

    print(format_passes(pass_timings(args.model, args.out_dir, ctranslate2=args.ctranslate2)))
    return 0


def _bench(args: argparse.Namespace) -> int:
    """Latency, memory and the speed-up over the in-context baseline."""
    from .bench import format_bench, run_bench

    result = run_bench(
        args.model,
        args.out_dir,
        args.baseline_rows,
        args.dtype,
        args.data,
        runner=args.runner,
        quant=args.quant,
        spans=args.spans,
    )
    print(format_bench(result))
    return 0


def _predict(args: argparse.Namespace) -> int:
    """A model over a JSONL file of queries."""
    predictor = _predictor(args)
    n = predict_file(args.data, args.out, predictor, args.limit)
    print(f"wrote {n} predictions to {args.out}")
    return 0


def _score(args: argparse.Namespace) -> int:
    """Predictions against gold rows: report.md, metrics.json, PNGs."""
    data = data_path(args.data)
    metrics = score(data, args.pred, args.out_dir, args.name, args.judge_url, args.judge_model, args.resolve_again)
    if "judge" in metrics:
        print(f"judge: {metrics['judge']}")
    print(summary_table(metrics))
    print(f"report: {args.out_dir / 'report.md'}")
    return 0


def _compare(args: argparse.Namespace) -> int:
    """Report directories side by side."""
    print(compare_table(args.reports, args.unseen_by, args.dates))
    return 0


def _run(args: argparse.Namespace) -> int:
    """Predict and score in one go."""
    data = data_path(args.data)
    if not data.exists():
        print(
            f"{data} does not exist; generate it with `python -m training.data --out {data.parent}`",
            file=sys.stderr,
        )
        return 1
    name = args.name or ("baseline" if args.baseline else "model") + "-" + data.stem
    out_dir = args.out_dir or Path("reports") / name
    predictor = _predictor(args)
    pred = out_dir / "predictions.jsonl"
    predict_file(data, pred, predictor, args.limit)
    gold_limit = args.limit
    gold = data
    if gold_limit:
        rows = read_jsonl(data)[:gold_limit]
        gold = out_dir / "gold.jsonl"
        write_jsonl(gold, (r for r in rows if isinstance(r, dict)))
    metrics = score(gold, pred, out_dir, name)
    print(summary_table(metrics))
    print(f"report: {out_dir / 'report.md'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand with its options; each one's handler is its ``run`` default."""
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("predict", help="run a model over a JSONL file of queries")
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--model", default=None, help="adapter directory (default: the bundled model)")
    p.add_argument("--baseline", choices=["in-context"], default=None)
    p.add_argument("--limit", type=int, default=0, help="only the first N rows")
    _runtime_options(p)

    s = sub.add_parser("score", help="score predictions against gold rows; write report.md, metrics.json, PNGs")
    s.add_argument("--data", type=Path, required=True)
    s.add_argument("--pred", type=Path, required=True)
    s.add_argument("--out-dir", type=Path, required=True)
    s.add_argument("--name", default=None)
    s.add_argument("--judge-url", default=None, help="OpenAI-compatible server for the optional LLM judge")
    s.add_argument("--judge-model", default="judge")
    s.add_argument(
        "--resolve-again",
        action="store_true",
        help="read the saved spans again with this repository's resolver (a resolver change, no model run)",
    )

    ag = sub.add_parser("agree", help="rows whose call, raw output or error differ between two prediction files")
    ag.add_argument("a", type=Path)
    ag.add_argument("b", type=Path)

    c = sub.add_parser("compare", help="side-by-side table of report directories")
    c.add_argument("reports", type=Path, nargs="+")
    c.add_argument(
        "--unseen-by",
        type=Path,
        nargs="+",
        default=None,
        metavar="DATA_DIR",
        help="score only rows whose template no model trained on (the generated data directories "
        "the compared models were trained from)",
    )
    c.add_argument(
        "--dates",
        action="store_true",
        help="also date accuracy by how the date was said (weekday, in N days, 24.12., ...)",
    )

    r = sub.add_parser("run", help="predict + score in one go (default: the generated test split)")
    r.add_argument("--data", type=Path, default=Path("data/test.jsonl"))
    r.add_argument("--model", default=None)
    r.add_argument("--baseline", choices=["in-context"], default=None)
    r.add_argument("--out-dir", type=Path, default=None)
    r.add_argument("--limit", type=int, default=0)
    _runtime_options(r)
    r.add_argument("--name", default=None)

    b = sub.add_parser("bench", help="latency and memory of the model, and speed-up over the baseline")
    b.add_argument("--model", default=None)
    b.add_argument("--out-dir", type=Path, default=Path("reports/bench"))
    b.add_argument("--baseline-rows", type=int, default=20, help="0 skips the baseline")
    _runtime_options(b)
    b.add_argument("--data", type=Path, default=HANDWRITTEN)
    pa = sub.add_parser("passes", help="milliseconds per forward pass, per runtime (make bench)")
    pa.add_argument("--model", default=None)
    pa.add_argument("--out-dir", type=Path, default=Path("reports/bench"))
    pa.add_argument("--ctranslate2", action="store_true", help="also CTranslate2 int8 (converts the base once)")
    sp = sub.add_parser("speech", help="speech benchmark: RTF, WER and end-to-end voice latency")
    sp.add_argument("--out-dir", type=Path, default=Path("reports/speech"))
    sp.add_argument("--repeat", type=int, default=2, help="passes over the command set")
    sp.add_argument("--whisper", default="base")
    sp.add_argument("--model", default="")
    sp.add_argument("--stream", action="store_true", help="feed recordings in real time, as a microphone does")

    st = sub.add_parser(
        "study", help="two adapters on the rows of the functions both know (more functions, less accuracy?)"
    )
    st.add_argument("--model", action="append", required=True, metavar="NAME=DIR", help="twice or more")
    st.add_argument(
        "--data",
        action="append",
        required=True,
        metavar="NAME=JSONL",
        help="a set; a shipped set by name alone (handwritten, wild)",
    )
    st.add_argument("--out-dir", type=Path, default=Path("reports/study"))
    st.add_argument("--limit", type=int, default=0, help="only the first N shared rows of each set")

    co = sub.add_parser("corpus", help="a crowd corpus test partition scored by intent family (SLURP, MASSIVE)")
    co.add_argument("--data", required=True, help="slurp_test, massive_de_test, or a JSONL path")
    co.add_argument("--model", default=None)
    co.add_argument("--out-dir", type=Path, default=None)
    co.add_argument("--today", default="2026-12-03", help="the day the commands are read against")
    co.add_argument("--other-limit", type=int, default=0, help="score a fixed sample of N non-calendar rows")
    co.add_argument(
        "--pred",
        type=Path,
        default=None,
        help="saved predictions.jsonl of an earlier corpus run: read again by this resolver, no model run",
    )

    st = sub.add_parser("startup", help="start -> ready and memory in fresh processes; one-shot ask (make bench)")
    st.add_argument("--runs", type=int, default=5)
    st.add_argument("--out-dir", type=Path, default=Path("reports/startup"))
    st.add_argument("--first-start", action="store_true", help="also time one start with no saved model")

    so = sub.add_parser("soak", help="many commands in one session on a local Radicale: latency and memory per block")
    so.add_argument("--commands", type=int, default=1000)
    so.add_argument("--model", default=None)
    so.add_argument("--out-dir", type=Path, default=Path("reports/soak"))
    so.add_argument("--keep", action="store_true", help="keep what is created (the calendar grows all session)")
    so.add_argument(
        "--fixed", action="store_true", help="hold the calendar at one size (fill it once, undo every change after)"
    )
    handlers = {
        "agree": _agree,
        "startup": _startup,
        "soak": _soak,
        "corpus": _corpus,
        "study": _study,
        "speech": _speech,
        "passes": _passes,
        "bench": _bench,
        "predict": _predict,
        "score": _score,
        "compare": _compare,
        "run": _run,
    }
    for name, command in sub.choices.items():
        command.set_defaults(run=handlers[name])
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
