"""The text command line, run as a person would: as a subprocess and through its shell."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

from assistant.cli import shell


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_parse_valid_and_invalid() -> None:
    ok = run("parse", "--json", '<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>')
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["arguments"]["duration_minutes"] == 45
    bad = run("parse", '<oc_1>("Weihnachtssuch", "2025-18-34", "18:00", 18)<oc_end>')
    assert bad.returncode == 1 and "InvalidDate" in bad.stdout


def test_resolve_and_prompt_take_today() -> None:
    out = run("resolve", "nächste Woche Dienstag um halb drei", "--today", "2026-11-26", "--lang", "de").stdout
    assert "2026-12-01" in out and "14:30" in out
    prompt = run("prompt", "Was steht morgen an?", "--today", "2026-11-26").stdout
    assert "Today: Thursday, 2026-11-26" in prompt and prompt.rstrip().endswith("Response:")


def test_shell_without_input_exits_cleanly() -> None:
    result = run("--model", "/nonexistent", stdin="")
    assert result.returncode == 0 and "Offline calendar assistant" in result.stdout
    assert "bundled model is missing" in result.stdout  # and it says how to get one


def test_shell_answers_each_line() -> None:
    out = io.StringIO()
    lines = "morgen um 9\n<oc_1>(\"Yoga\", null, null, 60)<oc_end>\n<oc_0><oc_end>\nquit\nnever read\n"
    assert shell(dt.date(2026, 11, 26), "de", io.StringIO(lines), out, model=None, model_problem="test") == 0
    text = out.getvalue()
    assert "date 2026-11-27" in text and "time 09:00" in text
    assert "would ask for: date, time" in text
    assert "no call" in text
    assert "never read" not in text
