"""The evaluation package: metrics on hand-made files with known answers, reports, and predict end to end."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.schema.resolve import EVERY_EVENT, NEXT_EVENT
from evaluation.__main__ import main as evaluation_main
from evaluation.metrics import GRAMMAR_RE, compute_metrics, date_kind, date_miss, normalize_title

DATA_DIR = Path(__file__).resolve().parent.parent / "evaluation" / "data"

GOLD = [
    {
        "id": "a",
        "lang": "de",
        "query": "Trag Zahnarzt morgen um 9 ein",
        "call": {
            "function": "create_event",
            "arguments": {"title": "Zahnarzt", "date": "2026-11-27", "time": "09:00", "duration_minutes": 60},
        },
    },
    {
        "id": "b",
        "lang": "en",
        "query": "What's on tomorrow?",
        "call": {"function": "list_events", "arguments": {"date": "2026-11-27", "end_date": "2026-11-27"}},
    },
    {
        "id": "c",
        "lang": "en",
        "query": "Cancel gym on Friday",
        "call": {"function": "delete_event", "arguments": {"title": "gym", "date": "2026-11-27"}},
    },
    {"id": "d", "lang": "de", "query": "Danke", "call": {"function": None, "arguments": {}}},
    {
        "id": "e",
        "lang": "de",
        "query": "Lösch Yoga",
        "call": {"function": "delete_event", "arguments": {"title": "Yoga", "date": None}},
    },
]
PRED = [
    # right, with a title differing only in case and punctuation
    {
        "id": "a",
        "call": {
            "function": "create_event",
            "arguments": {"title": "zahnarzt!", "date": "2026-11-27", "time": "09:00", "duration_minutes": 60},
        },
        "raw": '<oc_1>("zahnarzt!", "2026-11-27", "09:00", 60)<oc_end>',
        "latency_ms": 100.0,
        "error": None,
    },
    # right function, wrong date
    {
        "id": "b",
        "call": {"function": "list_events", "arguments": {"date": "2026-11-28", "end_date": "2026-11-28"}},
        "raw": '<oc_2>("2026-11-28", "2026-11-28")<oc_end>',
        "latency_ms": 200.0,
        "error": None,
    },
    # malformed output: never validated
    {
        "id": "c",
        "call": None,
        "raw": '<oc_3>("gym", "2025-18-34"',
        "latency_ms": 300.0,
        "error": "InvalidDate: '2025-18-34' is not a real calendar date",
    },
    # "e" has no prediction at all; "d" is a wrong function
    {
        "id": "d",
        "call": {"function": "list_events", "arguments": {"date": "2026-11-26", "end_date": "2026-11-26"}},
        "raw": '<oc_2>("2026-11-26", "2026-11-26")<oc_end>',
        "latency_ms": 400.0,
        "error": None,
    },
    {"id": "zzz", "call": None, "raw": "", "latency_ms": None, "error": "prediction for a row not in gold"},
]


def test_metrics_on_known_answers() -> None:
    m = compute_metrics(GOLD, PRED)
    o = m["overall"]
    assert o["rows"] == 5
    assert o["function_accuracy"] == 0.4  # a, b right; c invalid; d wrong; e missing
    assert o["exact_match"] == 0.2  # only a
    assert o["fields"]["title"] == pytest.approx(1 / 3, abs=1e-4)  # a right; c invalid; e missing
    assert o["fields"]["date"] == 0.25  # a right; b wrong; c, e not
    assert o["fields"]["time"] == 1.0 and o["fields"]["duration_minutes"] == 1.0
    assert o["structural"] == 0.6  # a, b, d match the grammar; c is cut off; e has no raw
    assert o["valid"] == 0.6
    assert o["latency_ms"]["p50"] == 250.0 and o["latency_ms"]["max"] == 400.0
    assert m["predictions_missing"] == 1
    assert m["by_lang"]["de"]["rows"] == 3 and m["by_lang"]["en"]["function_accuracy"] == 0.5
    labels = m["confusion"]["labels"]
    row = m["confusion"]["matrix"][labels.index("delete_event")]
    assert row[labels.index("invalid")] == 1 and row[labels.index("missing")] == 1
    assert row[labels.index("delete_event")] == 0
    assert {f["id"] for f in m["failures"]} == {"b", "c", "d", "e"}


@pytest.mark.parametrize(
    "raw,ok",
    [
        ('<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>', True),
        ('<oc_1>("Say \\"hi\\"", null, null, 60)<oc_end>', True),
        ("<oc_0><oc_end>", True),
        ('<oc_2>("2026-11-25", "2026-11-25")', False),
        ('<oc_1>("Zahnarzt", 2026-11-25)<oc_end>', False),
        ('<oc_1>("Zahnarzt"<oc_end>', False),
        ('Sure: <oc_2>("2026-11-25", "2026-11-25")<oc_end>', False),
        ('<oc_2>("2026-11-25", "2026-11-25")<oc_end><oc_2>("2026-11-25", "2026-11-25")<oc_end>', False),
    ],
)
def test_grammar_regex(raw: str, ok: bool) -> None:
    assert bool(GRAMMAR_RE.match(raw)) == ok


def test_title_normalisation() -> None:
    said = normalize_title("  Weihnachtsessen, bei meinen Eltern! ")
    assert said == normalize_title("weihnachtsessen bei meinen eltern")
    assert normalize_title("Ölwechsel") != normalize_title("Olwechsel")


def _write(path: Path, rows: list) -> Path:
    path.write_text(
        "".join((json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def test_score_writes_report_metrics_and_plots(tmp_path: Path, capsys) -> None:
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    pred = _write(tmp_path / "pred.jsonl", PRED)
    out = tmp_path / "report"
    assert evaluation_main(["score", "--data", str(gold), "--pred", str(pred), "--out-dir", str(out)]) == 0
    for name in ("report.md", "metrics.json", "confusion.png", "fields.png", "latency.png"):
        assert (out / name).stat().st_size > 0, name
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| all | 5 | 40.0 | 20.0 |" in report
    assert "2025-18-34" in report  # the failures table shows the raw output
    assert evaluation_main(["compare", str(out), str(out)]) == 0
    assert capsys.readouterr().out.count("| report | all | 5 |") == 2


def test_compare_on_rows_no_model_trained_on(tmp_path: Path, capsys) -> None:
    """Two generator versions hold out different templates; --unseen-by keeps rows neither trained on."""
    gold = _write(tmp_path / "gold.jsonl", [{**g, "template": f"t{i}"} for i, g in enumerate(GOLD)])
    out = tmp_path / "report"
    assert (
        evaluation_main(
            ["score", "--data", str(gold), "--pred", str(_write(tmp_path / "p.jsonl", PRED)), "--out-dir", str(out)]
        )
        == 0
    )
    for name, used in (("v1", ["t0", "t9"]), ("v2", ["t1"])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "summary.json").write_text(
            json.dumps({"splits": {"train": {"by_template": {t: 10 for t in used}}}}), encoding="utf-8"
        )
    capsys.readouterr()
    assert evaluation_main(["compare", str(out), "--unseen-by", str(tmp_path / "v1"), str(tmp_path / "v2")]) == 0
    table = capsys.readouterr().out
    assert "| report | all | 3 | 0.0 | 0.0 |" in table  # rows c, d, e: all three wrong
    assert "| report | de | 2 |" in table and "| report | en | 1 |" in table


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("übermorgen", "today / tomorrow"),
        ("tomorrow afternoon", "today / tomorrow"),
        ("am Freitag", "weekday"),
        ("next Tuesday", "weekday"),
        ("Montag nächste Woche", "weekday of next week"),
        ("on Sunday of next week", "weekday of next week"),
        ("in zehn Tagen", "in N days/weeks"),
        ("in 2 weeks", "in N days/weeks"),
        ("24. Dezember", "day and month"),
        ("on march the 8th", "day and month"),
        ("am elften 08.", "day and month"),
        ("am 24.12.", "numeric (24.12.)"),
        ("am 2.10.2025", "numeric (24.12.)"),
        ("am 2026-12-24", "ISO date"),
        ("am dritten", "day of month"),
        ("on the 12th", "day of month"),
        ("an Heiligabend", "holiday or other"),
        ("Christmas Day", "holiday or other"),
    ],
)
def test_date_kinds(phrase: str, kind: str) -> None:
    assert date_kind(phrase) == kind


def test_date_accuracy_per_kind_in_report_and_compare(tmp_path: Path, capsys) -> None:
    gold = [
        {**GOLD[0], "slots": {"date": "morgen"}},
        {**GOLD[1], "slots": {"date": "tomorrow"}},
        {**GOLD[2], "slots": {"date": "on Friday"}},
        GOLD[3],
        GOLD[4],
    ]
    metrics = compute_metrics(gold, PRED)
    assert metrics["date_by_kind"] == {
        "today / tomorrow": {"rows": 2, "date": 0.5},
        "weekday": {"rows": 1, "date": 0.0},
    }
    assert metrics["date_misses"] == {"1-7 days off": 1}  # "b"; "c" never validated, so its function is wrong
    assert date_miss("2026-12-24", "2025-12-24") == "wrong year only"
    assert date_miss("2026-12-24", None) == "no date written"
    assert date_miss(None, "2026-12-24") == "date where none was said"
    assert date_miss("2026-12-24", "2026-11-24") == "other"
    out = tmp_path / "report"
    assert (
        evaluation_main(
            [
                "score",
                "--data",
                str(_write(tmp_path / "gold.jsonl", gold)),
                "--pred",
                str(_write(tmp_path / "p.jsonl", PRED)),
                "--out-dir",
                str(out),
                "--name",
                "m",
            ]
        )
        == 0
    )
    assert "| today / tomorrow | 2 | 50.0 |" in (out / "report.md").read_text("utf-8")
    capsys.readouterr()
    assert evaluation_main(["compare", str(out), str(out), "--dates"]) == 0
    assert "| weekday | 1 | 0.0 | 1 | 0.0 |" in capsys.readouterr().out


def test_predict_end_to_end_with_a_tiny_model(tiny_adapter, tmp_path: Path) -> None:
    rows = [
        {**GOLD[0], "today": "2026-11-26"},
        "this line is not json",
        {"id": "x", "query": "Was steht an?"},
        {**GOLD[1], "today": "2026-11-26"},
        {"id": "y", "query": "Was steht an?", "today": "2026-13-40"},
    ]
    data = _write(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert (
        evaluation_main(
            ["predict", "--data", str(data), "--out", str(out), "--model", str(tiny_adapter), "--dtype", "float32"]
        )
        == 0
    )
    preds = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in preds] == ["a", "line-2", "x", "b", "y"]
    assert preds[1]["error"].startswith("malformed input row") and preds[2]["error"].startswith("malformed")
    assert "YYYY-MM-DD" in preds[4]["error"]
    for p in (preds[0], preds[3]):
        assert GRAMMAR_RE.match(p["raw"]) and p["latency_ms"] > 0
        assert set(p) >= {"id", "call", "raw", "latency_ms", "error"}


def test_pass_timings_cover_every_runtime(tiny_adapter, tmp_path: Path) -> None:
    from evaluation.bench import format_passes, pass_timings

    result = pass_timings(str(tiny_adapter), tmp_path, sizes=(1, 5), repeats=2, prefix=8)
    assert list(result) == ["transformers bf16", "lean bf16", "lean int8"]
    assert all(set(r) == {1, 5} and min(r.values()) > 0 for r in result.values())
    table = format_passes(json.loads((tmp_path / "passes.json").read_text()))  # JSON keys are strings
    assert table.count("\n") == 3 and "| 5 |" in table


def test_optional_llm_judge_against_a_local_openai_compatible_server(tmp_path: Path) -> None:
    """A real HTTP round trip to a stand-in judge on 127.0.0.1 that accepts 'Zahnarzttermin' for 'Zahnarzt'."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    asked = []

    class Judge(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            prompt = body["messages"][0]["content"]
            asked.append(prompt)
            answer = "yes" if "Zahnarzttermin" in prompt else "no"
            data = json.dumps({"choices": [{"message": {"content": answer}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Judge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pred = [dict(PRED[0]), *PRED[1:]]
        pred[0]["call"] = {
            "function": "create_event",
            "arguments": {**GOLD[0]["call"]["arguments"], "title": "Zahnarzttermin"},
        }
        gold_path, pred_path = _write(tmp_path / "g.jsonl", GOLD), _write(tmp_path / "p.jsonl", pred)
        url = f"http://127.0.0.1:{server.server_address[1]}"
        assert (
            evaluation_main(
                [
                    "score",
                    "--data",
                    str(gold_path),
                    "--pred",
                    str(pred_path),
                    "--out-dir",
                    str(tmp_path / "r"),
                    "--judge-url",
                    url,
                ]
            )
            == 0
        )
        metrics = json.loads((tmp_path / "r" / "metrics.json").read_text(encoding="utf-8"))
        assert metrics["overall"]["exact_match"] == 0.0
        assert metrics["judge"]["asked"] == 1 and metrics["judge"]["accepted"] == 1
        assert metrics["judge"]["exact_match_judged"] == 0.2
        assert len(asked) == 1 and "Trag Zahnarzt morgen um 9 ein" in asked[0]
    finally:
        server.shutdown()


def _in_order(title: str, query: str) -> bool:
    """Whether the title's words are words of the query in the same order (a typo in either fails)."""
    words = iter(normalize_title(query).split())
    return all(any(w == q for q in words) for w in normalize_title(title).split())


@pytest.mark.parametrize(
    "name",
    ["handwritten", "wild", "wild2", "wild3", "wild4", "wild5", "wild6", "wild7", "wild8", "wild9", "wild10", "wild11"],
)
def test_shipped_sets_hold_valid_gold_calls(name: str) -> None:
    """Every gold call of a shipped set validates under today's schema, its text is that call, and a title is
    words of the query (the model can only copy): a typo in a hand-written row must fail here, not in a report."""
    from assistant.schema.functions import call_from_json, parse_call

    rows = [json.loads(line) for line in (DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        call = call_from_json(r["call"])
        assert parse_call(r["text"]) == call, r["id"]
        title = call.arguments.get("title")
        if title in (*EVERY_EVENT.values(), *NEXT_EVENT.values()):
            continue  # "Clear all my events on Sunday": the clearing's own title, never copied
        if title is not None:  # "die Pflanzen zu gießen", "rauszusuchen": titled as the plain infinitive says it
            prefix = r"\b(ab|an|auf|aus|ein|mit|nach|vor|weg|zurück|raus|rein|runter|hoch|fertig)"
            plain = re.sub(rf"{prefix}zu(?=\w{{2,}}en\b)", r"\1", r["query"])
            stated = re.sub(r"\s+(?:is|are)\s+(?=(?:in|at)\s)", " ", r["query"])  # "kids are at camp": "kids at camp"
            said = tuple(normalize_title(q) for q in (r["query"], re.sub(r"\bzu\s+", "", r["query"]), plain, stated))
            # "einen Termin am Montag um 16 Uhr mit Herrn Yilmaz": its words in order, a day and time said between
            assert any(normalize_title(title) in q for q in said) or _in_order(title, r["query"]), r["id"]
    by_lang = Counter(r["lang"] for r in rows)
    assert set(by_lang) == {"de", "en"}
    if name.startswith("wild"):  # issue 19: >= 150 per language (later sets: 122 ... 109), every class in both
        least = {
            "wild": 150,
            "wild2": 120,
            "wild3": 80,
            "wild4": 100,
            "wild5": 48,
            "wild6": 109,
            "wild7": 114,
            "wild8": 50,
            "wild9": 95,
            "wild10": 99,
            "wild11": 99,
        }
        assert min(by_lang.values()) >= least[name]
        classes = {(r["class"], r["lang"]) for r in rows}
        assert {c for c, _ in classes} >= {"verb-title", "date", "near-miss", "reminder", "speech"}
        assert all((c, other) in classes for c, _ in classes for other in ("de", "en"))
    else:  # issue 18: >= 20 rows per new function and language
        per = Counter((r["call"]["function"], r["lang"]) for r in rows)
        for function in ("move_event", "find_event", "create_recurring_event", "create_all_day_event"):
            assert per[(function, "de")] >= 20 and per[(function, "en")] >= 20, function


def test_corpus_rows_are_scored_by_intent_family() -> None:
    from evaluation.corpus import score_corpus

    rows = [
        {"id": "a", "intent": "calendar_set", "query": "x"},
        {"id": "b", "intent": "calendar_set", "query": "x"},
        {"id": "c", "intent": "calendar_query", "query": "x"},
        {"id": "d", "intent": "music_play", "query": "x"},
        {"id": "e", "intent": "alarm_set", "query": "x"},
    ]
    preds = [
        {"id": "a", "call": {"function": "create_recurring_event"}},
        {"id": "b", "call": {"function": None}},
        {"id": "c", "call": {"function": "find_event"}},
        {"id": "d", "call": {"function": None}},
        {"id": "e", "call": {"function": "create_event"}},
    ]
    m = score_corpus(rows, preds)
    assert m["calendar_function_accuracy"] == round(2 / 3, 4) and m["other_no_call"] == 0.5
    assert m["by_intent"]["calendar_set"] == {"rows": 2, "right": 0.5}
    assert [f["id"] for f in m["failures"]] == ["b", "e"]


def test_a_row_that_names_its_function_is_right_with_that_function_only() -> None:
    """The short creates ("Add a haircut") are calendar_set rows that a move would pass by family; they name
    create_event, and only that counts."""
    from evaluation.__main__ import data_path
    from evaluation.corpus import _rows, score_corpus

    rows = _rows(data_path("short_creates"), "2026-12-03", 0, 13)
    assert len(rows) == 24 and {r["function"] for r in rows} == {"create_event"}
    assert {r["lang"] for r in rows} == {"de", "en"}
    preds = [{"id": r["id"], "call": {"function": "create_event"}} for r in rows]
    preds[0]["call"]["function"] = "move_event"
    preds[1]["call"]["function"] = None
    m = score_corpus(rows, preds)
    assert m["calendar_function_accuracy"] == round(22 / 24, 4)
    assert [f["id"] for f in m["failures"]] == [rows[0]["id"], rows[1]["id"]]


def test_study_compares_on_the_rows_both_models_know(tmp_path: Path) -> None:
    from evaluation.study import known_functions, shared_rows, study_table

    old, new = tmp_path / "old", tmp_path / "new"
    for d, tokens in (
        (old, ["<oc_0>", "<oc_1>", "<oc_2>", "<oc_3>", "<oc_end>"]),
        (new, ["<oc_0>", *(f"<oc_{i}>" for i in range(1, 8)), "<oc_end>"]),
    ):
        d.mkdir()
        (d / "adapter_config.json").write_text(json.dumps({"extra_tokens": tokens}), encoding="utf-8")
    assert known_functions(old) == {"create_event", "list_events", "delete_event"}
    assert len(known_functions(new)) == 7
    rows = [{"call": {"function": f}} for f in ("create_event", "move_event", None, "find_event", "delete_event")]
    assert [r["call"]["function"] for r in shared_rows(rows, known_functions(old))] == [
        "create_event",
        None,
        "delete_event",
    ]
    gold = [
        {
            "id": "1",
            "lang": "de",
            "call": {
                "function": "create_event",
                "arguments": {"title": "A", "date": "2026-01-01", "time": "09:00", "duration_minutes": 60},
            },
        }
    ]
    good = compute_metrics(gold, [{"id": "1", "call": gold[0]["call"], "raw": ""}])
    bad = compute_metrics(
        gold,
        [
            {
                "id": "1",
                "call": {"function": "create_event", "arguments": {**gold[0]["call"]["arguments"], "title": "B"}},
                "raw": "",
            }
        ],
    )
    table = study_table({"sets": {"hw": {"3fn": good, "7fn": bad}}})
    assert "| hw | 3fn | all | 1 | 100.0 | 100.0 | 100.0 | 100.0 | – | 100.0 | 100.0 |" in table
    assert "| hw | 7fn | de | 1 | 100.0 | 0.0 | 0.0 | 100.0 | – | 100.0 | 100.0 |" in table


def test_soak_mechanics_with_a_tiny_model(tiny_adapter, tmp_path: Path) -> None:
    """The soak's loop on a tiny random model: every command answered or counted as a crash, series undone, a
    block per N commands with latency, memory and the server's event count."""
    import json

    from evaluation.soak import run_soak

    result = run_soak(24, str(tiny_adapter), tmp_path, block=10)
    assert result["commands"] == 24 and len(result["blocks"]) == 3 and result["blocks"][-1]["commands"] == 24
    assert sum(n for k, n in result["outcomes"].items() if not k.startswith("undo")) == 24
    created = sum(result["outcomes"].get(k, 0) for k in ("created", "queued"))
    assert result["outcomes"].get("undo: undone", 0) <= created  # the series among them
    assert all(b["rss_mb"] > 0 and b["p50_ms"] > 0 for b in result["blocks"])
    assert json.loads((tmp_path / "soak.json").read_text())["crashes"] == result["crashes"]
    assert (tmp_path / "soak.png").stat().st_size > 0 and "| 24 |" in (tmp_path / "soak.md").read_text()


def test_saved_spans_are_read_again_by_this_resolver(tmp_path: Path) -> None:
    """`score --resolve-again` measures a resolver change on a model's saved outputs: the spans stay, the calls
    are made anew (a stale call, a stale error), and a span that does not read is an error, not a crash."""
    gold = [
        {"id": "1", "lang": "de", "today": "2026-12-03", "query": "Zahnarzt morgen um 9",
         "call": {"function": "create_event",
                  "arguments": {"title": "Zahnarzt", "date": "2026-12-04", "time": "09:00", "duration_minutes": 60}}},
        {"id": "2", "lang": "en", "today": "2026-12-03", "query": "what's on today",
         "call": {"function": "list_events", "arguments": {"date": "2026-12-03", "end_date": "2026-12-03"}}},
        {"id": "3", "lang": "en", "today": "2026-12-03", "query": "play music",
         "call": {"function": None, "arguments": {}}},
    ]  # fmt: skip
    preds = [
        {"id": "1", "call": None, "error": "stale", "raw": "", "latency_ms": 1.0, "tokens": 9,
         "span": '<oc_1>("Zahnarzt", "morgen", "um 9", null)<oc_end>'},
        {"id": "2", "call": None, "error": None, "raw": "", "latency_ms": 1.0, "tokens": 4,
         "span": "<oc_2>(null, null)<oc_end>"},
        {"id": "3", "call": {"function": None, "arguments": {}}, "error": None, "raw": "", "latency_ms": 1.0,
         "tokens": 2, "span": "<oc_9>(<oc_end>"},
    ]  # fmt: skip
    data, pred, out = _write(tmp_path / "g.jsonl", gold), _write(tmp_path / "p.jsonl", preds), tmp_path / "again"
    assert evaluation_main(["score", "--data", str(data), "--pred", str(pred), "--out-dir", str(out)]) == 0
    assert json.loads((out / "metrics.json").read_text())["overall"]["exact_match"] == pytest.approx(1 / 3, abs=1e-3)
    args = ["score", "--data", str(data), "--pred", str(pred), "--out-dir", str(out), "--resolve-again"]
    assert evaluation_main(args) == 0
    again = [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]
    assert [p["call"] for p in again[:2]] == [gold[0]["call"], gold[1]["call"]]
    assert again[2]["call"] is None and again[2]["error"]
    assert json.loads((out / "metrics.json").read_text())["overall"]["exact_match"] == pytest.approx(2 / 3, abs=1e-3)


def test_a_corpus_run_scores_saved_predictions_read_again(tmp_path: Path) -> None:
    from evaluation.corpus import run_corpus

    records = [
        {
            "id": "a",
            "lang": "en",
            "intent": "calendar_set",
            "annot_utt": "add [event_name : dentist] [date : tomorrow]",
        },
        {"id": "b", "lang": "en", "intent": "play_music", "annot_utt": "play [song_name : appointment]"},
    ]
    saved = [  # calls from an older resolver: the spans are what is read
        {"id": "a", "call": None, "error": "stale", "span": '<oc_1>("dentist", "tomorrow", null, null)<oc_end>'},
        {"id": "b", "call": None, "error": None, "span": "<oc_0><oc_end>"},
    ]
    data, pred = _write(tmp_path / "c.jsonl", records), _write(tmp_path / "p.jsonl", saved)
    m = run_corpus(data, tmp_path / "out", pred=pred)
    assert m["calendar_function_accuracy"] == 1.0 and m["other_no_call"] == 1.0
    assert "read again" in m["model"]
