"""The text command line, run as a person would: as a subprocess and through its shell."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

from assistant.cli import shell


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


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


def test_prompt_follows_the_models_prompt_style(tmp_path) -> None:
    from assistant.model.decoding import adapter_prompt_style

    (tmp_path / "adapter_config.json").write_text(json.dumps({"prompt": "short"}), encoding="utf-8")
    assert adapter_prompt_style(tmp_path) == "short"
    (tmp_path / "adapter_config.json").write_text(json.dumps({"name": "older adapter"}), encoding="utf-8")
    assert adapter_prompt_style(tmp_path) == "octopus"
    assert adapter_prompt_style(tmp_path / "missing") == "octopus"


def test_shell_without_input_exits_cleanly() -> None:
    result = run("--model", "/nonexistent", stdin="")
    assert result.returncode == 0 and "Offline calendar assistant" in result.stdout
    assert "bundled model is missing" in result.stdout  # and it says how to get one


def test_shell_answers_each_line() -> None:
    out = io.StringIO()
    lines = 'morgen um 9\n<oc_1>("Yoga", null, null, 60)<oc_end>\n<oc_0><oc_end>\nquit\nnever read\n'
    assert shell(dt.date(2026, 11, 26), "de", io.StringIO(lines), out, model=None, model_problem="test") == 0
    text = out.getvalue()
    assert "date 2026-11-27" in text and "time 09:00" in text
    assert "would ask for: date, time" in text
    assert "no call" in text
    assert "never read" not in text


def test_shell_runs_model_output_lines_on_a_real_calendar(radicale) -> None:
    line = '<oc_1>("Zahnarzt", "2026-11-27", "14:30", 45)<oc_end>\n'
    done = run(
        "shell",
        "--model",
        "/nonexistent",
        "--calendar",
        radicale.url,
        "--username",
        "anna",
        "--lang",
        "de",
        "--today",
        "2026-11-26",
        stdin=line,
    )
    assert done.returncode == 0, done.stderr
    assert "Termin 'Zahnarzt' am Freitag, 27. November um" in done.stdout
    agenda = run("agenda", "2026-11-27", "--calendar", radicale.url, "--username", "anna", "--json")
    assert agenda.returncode == 0
    assert [e["title"] for e in json.loads(agenda.stdout)["events"]] == ["Zahnarzt"]


def test_queued_create_survives_a_kill_and_is_sent_once_the_server_is_back(tmp_path) -> None:
    import signal
    import time

    from assistant.calendar.local_server import LocalServer, free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant",
            "shell",
            "--model",
            "/nonexistent",
            "--calendar",
            url,
            "--username",
            "anna",
            "--lang",
            "en",
            "--today",
            "2026-11-26",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write('<oc_1>("Dentist", "2026-11-27", "09:00", 30)<oc_end>\n')
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        out = proc.stdout.readline()
        if "is queued" in out or not out:
            break
    assert "is queued" in out
    proc.send_signal(signal.SIGKILL)  # no clean shutdown
    proc.wait()
    offline = run("agenda", "2026-11-27", "--calendar", url, "--username", "anna")
    assert offline.returncode == 1 and "cannot be reached" in offline.stdout
    with LocalServer(tmp_path / "radicale", port=port):
        first = run("agenda", "2026-11-27", "--calendar", url, "--username", "anna")
        assert first.stdout.startswith("Sent 1 queued event(s).") and "9:00 AM-9:30 AM Dentist" in first.stdout
        second = run("agenda", "2026-11-27", "--calendar", url, "--username", "anna", "--json")
        data = json.loads(second.stdout)
        assert data["sent"] == 0 and [e["title"] for e in data["events"]] == ["Dentist"]


def test_config_file_is_written_private_and_shown_masked(tmp_path) -> None:
    import os
    import stat

    path = tmp_path / "config.toml"
    wrote = run(
        "config",
        "--config",
        str(path),
        "--calendar",
        "https://cloud.example.com/remote.php/dav",
        "--username",
        "anna",
        "--calendar-name",
        "Persönlich",
        stdin="s3cret-app-pass\n",
    )
    assert wrote.returncode == 0 and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    shown = run("config", "--show", "--config", str(path))
    assert "cloud.example.com" in shown.stdout and "password=set" in shown.stdout
    assert "s3cret" not in shown.stdout + shown.stderr


def test_the_log_file_records_commands_and_never_a_secret(radicale, tmp_path) -> None:
    """Issue 21: every run logs into one file (console only with --verbose); the password in use, credentials in
    a URL and tokens in a query are masked in the file and on the console, library lines included."""
    import os

    secret, token = "s3cr3t-Pass-42", "tok-987654"
    env = {
        **os.environ,
        "OCTOCAL_LOG_DIR": str(tmp_path / "logs"),
        "ASSISTANT_CALDAV_PASSWORD": secret,
        "ASSISTANT_STATE_DIR": str(tmp_path / "state"),
    }
    url = radicale.url.replace("http://", f"http://anna:{secret}@") + f"?access_token={token}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "agenda",
            "2026-11-27",
            "--calendar",
            url,
            "--username",
            "anna",
            "--state-dir",
            str(tmp_path / "state"),
            "--verbose",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    logged = (tmp_path / "logs" / "octocal.log").read_text(encoding="utf-8")
    assert "command agenda" in logged and "list_events -> listed" in logged
    assert "DEBUG" in done.stderr  # --verbose: the console gets the lines too, the libraries' debug ones included
    for text in (logged, done.stderr, done.stdout):
        assert secret not in text and token not in text
    assert oct(os.stat(tmp_path / "logs" / "octocal.log").st_mode & 0o777) == "0o600"


def test_redaction_masks_secrets_in_any_log_line(tmp_path, monkeypatch) -> None:
    """What a library might log (a URL with credentials, a token, an Authorization header, a settings dict)
    reaches the file masked; the known password is masked wherever it appears."""
    import logging

    from assistant.logs import setup_logging

    monkeypatch.setenv("OCTOCAL_LOG_DIR", str(tmp_path))
    path = setup_logging(False, ("hunter2-pw",))
    try:
        lib = logging.getLogger("octocal-test.library")  # (caldav sets its own logger to WARNING on import)
        lib.info("GET https://anna:pa55word@cloud.example/dav?access_token=abc123&x=1")
        lib.info("headers: {'Authorization': 'Basic YW5uYTpwYTU1d29yZA=='}")
        lib.info("settings %s", {"password": "p@ss-in-dict", "user": "anna"})
        lib.warning("login with hunter2-pw failed")
        try:
            raise RuntimeError("connect to https://anna:pa55word@cloud.example failed")
        except RuntimeError:
            lib.exception("it broke")
    finally:
        for handler in logging.getLogger().handlers:
            handler.flush()
        setup_logging(False)
    text = path.read_text(encoding="utf-8")
    for secret in ("pa55word", "abc123", "YW5uYTpwYTU1d29yZA", "p@ss-in-dict", "hunter2-pw"):
        assert secret not in text, secret
    assert text.count("***") >= 5 and "cloud.example" in text and "x=1" in text
