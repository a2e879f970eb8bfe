"""`octocal serve`: one assistant kept loaded behind a per-user Unix socket, so that one-shot commands
(`ask`, `agenda`, `undo`) are answered in well under a second instead of loading the model each time
(10-17 s here, issue 22).

The socket lives in the state directory (``<state_dir>/octocal.sock``, mode 0600 in a 0700 directory: only
its user can connect). The protocol is one JSON object per line each way:

    {"op": "ask", "text": "...", "lang": null, "yes": false, "today": "2026-12-03"}  -> {"turn": Turn JSON}
    {"op": "answer", "text": "morgen um 9", "lang": "de"}  (a reply to a question asked back)  -> {"turn": ...}
    {"op": "confirm", "yes": false, "lang": "de"}  -> {"outcome": Outcome JSON}
    {"op": "agenda", "day": "2026-12-04"}, {"op": "undo"}  -> {"outcome": Outcome JSON}

Requests are served one at a time (the assistant is not shared between threads); a question asked back belongs
to its connection and is dropped when that connection closes, so one client's half-finished command never
completes another's. A client that finds no server (or a stale socket) loads the model itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import signal
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.conversation.dialog import Assistant, Outcome, Turn
from assistant.schema.functions import Call

__all__ = ["RemoteAssistant", "connect", "identity_of", "serve", "socket_path"]

log = logging.getLogger(__name__)

SOCKET_NAME = "octocal.sock"


def socket_path(state_dir: Path) -> Path:
    return Path(state_dir) / SOCKET_NAME


def _reply(assistant: Assistant, request: dict[str, Any], identity: dict[str, str]) -> dict[str, Any]:
    """One request against the loaded assistant."""
    op = request.get("op")
    if op == "hello":  # which calendar this server writes to: a client with other settings loads its own
        return dict(identity)
    today = dt.date.fromisoformat(request["today"]) if request.get("today") else None
    assistant.today = (lambda: today) if today else dt.date.today  # type: ignore[assignment,return-value]
    assistant.auto_confirm = bool(request.get("yes"))
    lang = request.get("lang") or None
    if op in ("ask", "answer"):
        return {"turn": assistant.handle(str(request.get("text", "")), lang).to_json()}
    if op == "confirm":
        return {"outcome": assistant.confirm(bool(request.get("yes")), lang).to_json()}
    if op == "undo":
        assistant.flush()
        return {"outcome": assistant.undo(lang or assistant.default_lang).to_json()}
    if op == "agenda":
        day = request.get("day") or (today or dt.date.today()).isoformat()
        call = Call("list_events", {"date": day, "end_date": day})
        return {"outcome": assistant.execute(call, lang or assistant.default_lang, sent=assistant.flush()).to_json()}
    return {"error": f"unknown op {op!r}"}


def _handle_connection(assistant: Assistant, conn: socket.socket, identity: dict[str, str]) -> None:
    with conn, conn.makefile("rwb") as stream:
        for line in stream:
            try:
                answer = _reply(assistant, json.loads(line), identity)
            except Exception as error:  # noqa: BLE001 - one bad request must not stop the server
                log.exception("request failed")
                answer = {"error": f"{type(error).__name__}: {error}"}
            stream.write(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
            stream.flush()
    assistant.end_conversation()  # a question asked back, "it", belong to their connection
    assistant.auto_confirm = False


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)


@contextlib.contextmanager
def listening(path: Path) -> Iterator[socket.socket]:
    """A listening socket at ``path`` (0600), replacing a stale one; removed again on exit."""
    _private_dir(path.parent)
    if path.exists() or path.is_symlink():
        if _alive(path):
            raise RuntimeError(f"an assistant already serves {path}")
        path.unlink()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        old = os.umask(0o177)  # the socket is created 0600: no window in which others could connect
        try:
            server.bind(str(path))
        finally:
            os.umask(old)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        server.listen(8)
        yield server
    finally:
        server.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def identity_of(settings: Any) -> dict[str, str]:
    """What a client compares before handing over: the calendar (its URL, or the embedded one) and its name."""
    return {"calendar": settings.calendar.url or "embedded", "name": settings.calendar.name}


def serve(assistant: Assistant, path: Path, identity: dict[str, str], ready: Any = None) -> None:
    """Answer requests on ``path`` until SIGTERM (or the socket is closed)."""
    with listening(path) as server:
        stop = False

        def _stop(*_: object) -> None:
            nonlocal stop
            stop = True
            server.close()

        with contextlib.suppress(ValueError):  # not the main thread: the caller stops it by other means
            signal.signal(signal.SIGTERM, _stop)
        if ready is not None:
            ready(path)
        while not stop:
            try:
                conn, _ = server.accept()
            except OSError:
                break
            _handle_connection(assistant, conn, identity)


def _alive(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(0.5)
            probe.connect(str(path))
        return True
    except OSError:
        return False


def connect(path: Path, identity: dict[str, str], timeout_s: float = 120.0) -> RemoteAssistant | None:
    """A client for a running server that writes to the same calendar, or None (no socket, a stale one, or a
    server for another calendar: then the caller loads the model itself)."""
    if not path.exists():
        return None
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(timeout_s)
    try:
        conn.connect(str(path))
        remote = RemoteAssistant(conn)
        if remote._call(op="hello") != identity:
            remote.close()
            return None
    except (OSError, ValueError, RuntimeError):
        conn.close()
        return None
    return remote


class RemoteAssistant:
    """What `ask`/`agenda`/`undo` need of an Assistant, answered by a running server."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.stream = conn.makefile("rwb")
        self.today: dt.date | None = None
        self.yes = False

    def _call(self, **request: Any) -> dict[str, Any]:
        request.setdefault("today", self.today.isoformat() if self.today else None)
        request.setdefault("yes", self.yes)
        self.stream.write(json.dumps(request, ensure_ascii=False).encode() + b"\n")
        self.stream.flush()
        line = self.stream.readline()
        if not line:
            raise ConnectionError("the assistant server closed the connection")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the assistant server failed: {answer['error']}")
        return answer

    @staticmethod
    def _turn(data: dict[str, Any]) -> Turn:
        return Turn(
            data["text"],
            data["lang"],
            Outcome.from_json(data["outcome"]),
            data.get("raw", ""),
            float(data.get("latency_ms", 0.0)),
        )

    def handle(self, text: str, lang: str | None = None) -> Turn:
        return self._turn(self._call(op="ask", text=text, lang=lang)["turn"])

    def confirm(self, yes: bool, lang: str | None = None) -> Outcome:
        return Outcome.from_json(self._call(op="confirm", yes=yes, lang=lang)["outcome"])

    def agenda(self, day: dt.date, lang: str | None) -> Outcome:
        return Outcome.from_json(self._call(op="agenda", day=day.isoformat(), lang=lang)["outcome"])

    def undo(self, lang: str | None) -> Outcome:
        return Outcome.from_json(self._call(op="undo", lang=lang)["outcome"])

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
            self.conn.close()
