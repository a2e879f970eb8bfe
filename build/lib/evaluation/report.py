"""Write what people read: report.md, metrics.json and PNG plots; and side-by-side tables of runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .metrics import FIELDS

__all__ = ["compare_table", "write_report"]

SHORT = {f: {"duration_minutes": "duration"}.get(f, f) for f in FIELDS}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def summary_table(metrics: dict[str, Any]) -> str:
    head = (
        "| slice | rows | function | exact | "
        + " | ".join(SHORT[f] for f in FIELDS)
        + " | structural | valid | p50 ms | p90 ms | p99 ms | max ms |"
    )
    sep = "|" + "---|" * (head.count("|") - 1)
    lines = [head, sep]
    slices = [("all", metrics["overall"])]
    slices += [(lang, s) for lang, s in metrics["by_lang"].items()]
    slices += [(fn, s) for fn, s in metrics["by_function"].items()]
    slices += [(f"class: {kind}", s) for kind, s in metrics.get("by_class", {}).items()]
    for name, s in slices:
        lat = s["latency_ms"]
        lines.append(
            f"| {name} | {s['rows']} | {_pct(s['function_accuracy'])} | {_pct(s['exact_match'])} | "
            + " | ".join(_pct(s["fields"][f]) for f in FIELDS)
            + f" | {_pct(s['structural'])} | {_pct(s['valid'])} | {_ms(lat['p50'])} | {_ms(lat['p90'])} |"
            f" {_ms(lat['p99'])} | {_ms(lat['max'])} |"
        )
    return "\n".join(lines)


def date_kind_table(named: list[tuple[str, dict[str, Any]]]) -> str:
    """Date accuracy per kind of date phrase (rows of the generated data whose date was said), one column per
    report: where writing ISO dates (arithmetic) and copying spans differ."""
    kinds = sorted({k for _, m in named for k in m.get("date_by_kind", {})})
    lines = [
        "| date said as | " + " | ".join(f"{n} rows | {n} date %" for n, _ in named) + " |",
        "|---|" + "---|---|" * len(named),
    ]
    for kind in kinds:
        cells = []
        for _, m in named:
            k = m.get("date_by_kind", {}).get(kind, {"rows": 0, "date": None})
            cells.append(f"{k['rows']} | {_pct(k['date'])}")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    misses = sorted({k for _, m in named for k in m.get("date_misses", {})})
    if misses:
        lines += [
            "",
            "| wrong date (right function) | " + " | ".join(f"{n} rows" for n, _ in named) + " |",
            "|---|" + "---|" * len(named),
        ]
        lines += [
            f"| {k} | " + " | ".join(str(m.get("date_misses", {}).get(k, 0)) for _, m in named) + " |" for k in misses
        ]
    return "\n".join(lines)


def _call_text(call: Any) -> str:
    if not isinstance(call, dict):
        return "–"
    if call.get("function") is None:
        return "no call"
    args = ", ".join(json.dumps(v, ensure_ascii=False) for v in (call.get("arguments") or {}).values())
    return f"{call['function']}({args})"


def _cell(text: Any) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def write_report(metrics: dict[str, Any], out_dir: Path, title: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8")
    plot_confusion(metrics, out_dir / "confusion.png", title)
    plot_fields(metrics, out_dir / "fields.png", title)
    plot_latency(metrics, out_dir / "latency.png", title)
    failures = metrics["failures"]
    lines = [
        f"# {title}",
        "",
        "Percentages of rows; fields count a row as right only when the function is right too.",
        "",
        summary_table(metrics),
        "",
        *(
            [
                f"LLM judge ({metrics['judge']['url']}): accepted {metrics['judge']['accepted']} of "
                f"{metrics['judge']['asked']} title-only failures; exact match with the judge "
                f"{_pct(metrics['judge']['exact_match_judged'])}%",
                "",
            ]
            if "judge" in metrics
            else []
        ),
        *(
            ["Date accuracy by how the date was said:", "", date_kind_table([("", metrics)]), ""]
            if metrics.get("date_by_kind")
            else []
        ),
        "![confusion](confusion.png) ![fields](fields.png) ![latency](latency.png)",
        "",
        f"## Failures ({len(failures)})",
        "",
        "| id | lang | query | expected | got | raw | error |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in failures[:200]:
        lines.append(
            f"| {_cell(f['id'])} | {f['lang']} | {_cell(f['query'])} | {_cell(_call_text(f['gold_call']))} | "
            f"{_cell(_call_text(f['pred_call']))} | `{_cell(f['raw'])}` | {_cell(f['error'])} |"
        )
    (out_dir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_figure(fig: Any, path: Path) -> None:
    """Lay out, write as PNG and free a figure (matplotlib keeps every open figure otherwise)."""
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_confusion(metrics: dict[str, Any], path: Path, title: str) -> None:
    plt = _plt()
    conf = metrics["confusion"]
    matrix = conf["matrix"]
    labels = conf["labels"]
    keep = [j for j, _ in enumerate(labels) if any(row[j] for row in matrix) or j < len(matrix)]
    cols = [labels[j] for j in keep]
    data = [[row[j] for j in keep] for row in matrix]
    fig, ax = plt.subplots(figsize=(1.3 * len(cols) + 2, 0.8 * len(data) + 1.8))
    ax.imshow(data, cmap="Blues")
    ax.set_xticks(range(len(cols)), cols, rotation=30, ha="right")
    ax.set_yticks(range(len(data)), labels[: len(data)])
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            ax.text(j, i, str(v), ha="center", va="center", color="black" if v < max(map(max, data)) / 2 else "white")
    ax.set_xlabel("predicted")
    ax.set_ylabel("expected")
    ax.set_title(f"{title}: function confusion")
    save_figure(fig, path)


def plot_fields(metrics: dict[str, Any], path: Path, title: str) -> None:
    plt = _plt()
    names = ["function", "exact", *(SHORT[f] for f in FIELDS)]
    slices = [("all", metrics["overall"]), *metrics["by_lang"].items()]
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.8 / len(slices)
    for k, (label, s) in enumerate(slices):
        values = [s["function_accuracy"], s["exact_match"], *(s["fields"][f] for f in FIELDS)]
        xs = [i + k * width for i in range(len(names))]
        ax.bar(xs, [100 * (v or 0) for v in values], width, label=label)
    ax.set_xticks([i + width * (len(slices) - 1) / 2 for i in range(len(names))], names)
    ax.set_ylabel("% correct")
    ax.set_ylim(0, 105)
    ax.legend(loc="lower right")
    ax.set_title(f"{title}: accuracy per field and language")
    save_figure(fig, path)


def plot_latency(metrics: dict[str, Any], path: Path, title: str) -> None:
    plt = _plt()
    values = metrics.get("latencies") or []
    fig, ax = plt.subplots(figsize=(7, 3.5))
    if values:
        ax.hist(values, bins=40)
        for q in ("p50", "p90", "p99"):
            v = metrics["overall"]["latency_ms"][q]
            if v is not None:
                ax.axvline(v, linestyle="--", color="gray")
                ax.text(v, ax.get_ylim()[1] * 0.9, q, rotation=90, ha="right")
    ax.set_xlabel("latency per query (ms)")
    ax.set_ylabel("queries")
    ax.set_title(f"{title}: latency")
    save_figure(fig, path)


def trained_templates(data_dirs: list[Path]) -> set[str]:
    """Templates the training splits of these generated data directories used (from their summary.json)."""
    out: set[str] = set()
    for d in data_dirs:
        summary = json.loads((Path(d) / "summary.json").read_text(encoding="utf-8"))
        out |= set(summary["splits"]["train"]["by_template"])
    return out


def _unseen_metrics(report: Path, metrics: dict[str, Any], trained: set[str]) -> dict[str, Any]:
    """The report's predictions scored again on the rows of its data whose template is not in ``trained``
    (an empty set: all rows, rescored with today's metrics)."""
    from .metrics import compute_metrics
    from .predict import read_jsonl

    gold = [
        r
        for r in read_jsonl(Path(metrics["data"]))
        if isinstance(r, dict) and "call" in r and "id" in r and r.get("template") not in trained
    ]
    preds = [
        r for r in read_jsonl(Path(metrics.get("predictions") or report / "predictions.jsonl")) if isinstance(r, dict)
    ]
    ids = {str(r["id"]) for r in gold}
    return compute_metrics(gold, [p for p in preds if str(p.get("id")) in ids])


def compare_table(reports: list[Path], unseen_by: list[Path] | None = None, dates: bool = False) -> str:
    """One row per report directory (and per language), from each one's metrics.json.

    Models trained from different generator versions hold out different templates, so one test split can
    hold sentences another model trained on. ``unseen_by`` (the data directories the models were trained
    from) keeps only rows whose template none of them trained on: a comparison that is fair to each model.
    """
    head = (
        "| run | slice | rows | function | exact | "
        + " | ".join(SHORT[f] for f in FIELDS)
        + " | structural | p50 ms | p90 ms |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    trained = trained_templates(unseen_by) if unseen_by else None
    named = []
    for report in reports:
        metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
        name = metrics.get("name") or report.name
        if trained is not None or (dates and "date_misses" not in metrics):
            metrics = _unseen_metrics(report, metrics, trained or set())  # rescored (reports before date kinds)
        named.append((name, metrics))
        for label, s in [("all", metrics["overall"]), *metrics["by_lang"].items()]:
            lat = s["latency_ms"]
            lines.append(
                f"| {name} | {label} | {s['rows']} | {_pct(s['function_accuracy'])} | "
                f"{_pct(s['exact_match'])} | "
                + " | ".join(_pct(s["fields"][f]) for f in FIELDS)
                + f" | {_pct(s['structural'])} | {_ms(lat['p50'])} | {_ms(lat['p90'])} |"
            )
    if dates:
        lines += ["", date_kind_table(named)]
    return "\n".join(lines)
