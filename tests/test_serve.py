"""`octocal serve` (issue 22): one-shot commands handed to a running assistant over a per-user socket."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant import serve as S
from assistant.calendar.client import CalDAVCalendar
from assistant.calendar.local_server import LocalServer
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant
from assistant.settings import CalendarSettings, Settings

TODAY = dt.date(2026, 11, 26)


def _server(radicale: LocalServer, state: Path) -> tuple[threading.Thread, Path, dict[str, str]]:
    settings = Settings(state_dir=str(state))
    settings.calendar.url, settings.calendar.username = radicale.url, "anna"
    cal = CalDAVCalendar(CalendarSettings(url=radicale.url, username="anna", timezone="Europe/Berlin"))
    assistant = Assistant(
        cal, Outbox(state), Journal(state), model=None, today=lambda: TODAY, clock=lambda: dt.time(12, 0)
    )
    path, identity = S.socket_path(state), S.identity_of(settings)
    ready = threading.Event()
    thread = threading.Thread(target=S.serve, args=(assistant, path, identity, lambda _: ready.set()), daemon=True)
    thread.start()
    assert ready.wait(10)
    return thread, path, identity


def test_the_socket_is_private_and_answers_only_its_own_calendar(radicale: LocalServer, tmp_path: Path) -> None:
    thread, path, identity = _server(radicale, tmp_path / "state")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert S.connect(path, {**identity, "calendar": "https://elsewhere.example/dav"}) is None
    remote = S.connect(path, identity)
    assert remote is not None
    remote.today = TODAY
    agenda = remote.agenda(TODAY, "en")
    assert agenda.kind == "listed" and agenda.lang == "en" and agenda.events == ()
    assert remote.undo("de").kind == "nothing_to_undo"
    remote.close()
    with pytest.raises(RuntimeError, match="already serves"):  # a second server never steals the socket
        with S.listening(path):
            pass
    again = S.connect(path, identity)  # the first server still serves
    assert again is not None and thread.is_alive()
    again.close()


def test_a_stale_socket_is_no_server(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "state" / "octocal.sock"
    path.parent.mkdir()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens: a server that was killed
    assert path.exists() and S.connect(path, {"calendar": "embedded", "name": "Assistant"}) is None
    with S.listening(path) as server:  # a new server replaces it
        assert server.fileno() >= 0


@pytest.mark.slow
def test_one_shot_commands_are_handed_to_the_running_server(radicale: LocalServer, tmp_path: Path) -> None:
    """With `serve` running, `ask` and `agenda` answer from it (no model load: a fraction of the time) and
    change the same calendar; stopped, `ask` loads the model itself again."""
    flags = ["--calendar", radicale.url, "--username", "anna", "--state-dir", str(tmp_path / "state")]
    env = {**os.environ, "OCTOCAL_LOG_DIR": str(tmp_path / "logs")}

    def octocal(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args, *flags],
            capture_output=True,
            text=True,
            timeout=180,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        return done, time.monotonic() - started

    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", *flags], stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert "ask/agenda/undo" in (server.stderr.readline() + server.stderr.readline())  # ready line
        made, served_s = octocal(
            "ask", "Add a dentist appointment on Friday at 3 pm", "--today", "2026-11-26", "--json"
        )
        assert made.returncode == 0, made.stderr
        assert json.loads(made.stdout)["outcome"]["kind"] == "created"
        assert "loading the model" not in made.stderr  # handed over
        agenda, _ = octocal("agenda", "2026-11-27", "--today", "2026-11-26", "--json")
        assert "dentist appointment" in json.loads(agenda.stdout)["message"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    assert not (tmp_path / "state" / "octocal.sock").exists()  # removed on the way out
    alone, alone_s = octocal("ask", "What's on Friday?", "--today", "2026-11-26")
    assert alone.returncode == 0 and "loading the model" in alone.stderr
    assert "dentist appointment" in alone.stdout
    assert served_s < alone_s  # handing over skips the model load
