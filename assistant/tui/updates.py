"""What worker threads tell the UI thread.

Workers (server start, model load, the model, CalDAV, Whisper) never touch a widget or the app's screen state:
they post one of these messages (``post_message`` is thread-safe), and the app's handler, on the UI thread,
changes what the screen shows. A worker never waits for the screen either (``call_from_thread`` would).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.message import Message

from assistant.calendar.outbox import Refused
from assistant.conversation.dialog import Outcome, Turn

__all__ = [
    "ActivityChanged",
    "AgendaLoaded",
    "BackendReady",
    "Heard",
    "LevelChanged",
    "MicChecked",
    "ModelLoaded",
    "OutboxChanged",
    "OutcomeReady",
    "Said",
    "TurnDone",
    "Unexpected",
]


class Said(Message):
    """A line for the conversation: progress, a problem, a note ("3 queued creates sent")."""

    def __init__(self, text: str, css: str) -> None:
        super().__init__()
        self.text, self.css = text, css


class Unexpected(Message):
    """A bug, not a user's problem: logged with its traceback; the conversation says where the log is."""

    def __init__(self, error: BaseException, what: str) -> None:
        super().__init__()
        self.error, self.what = error, what


class ActivityChanged(Message):
    """What the assistant is doing now: "idle", "thinking", "listening", "transcribing"."""

    def __init__(self, activity: str) -> None:
        super().__init__()
        self.activity = activity


class TurnDone(Message):
    """A command ran: its call and outcome are shown, spoken, and the agenda follows."""

    def __init__(self, turn: Turn) -> None:
        super().__init__()
        self.turn = turn


class OutcomeReady(Message):
    """An answer without a model turn: a confirmation answered, an undo."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.outcome = outcome


class BackendReady(Message):
    """The calendar (local server or CalDAV) is connected: held commands may run."""


class ModelLoaded(Message):
    """The model worker finished: ``model`` is None when it could not load, and ``problem`` says why."""

    def __init__(self, model: Any, problem: str) -> None:
        super().__init__()
        self.model, self.problem = model, problem


class OutboxChanged(Message):
    """Queued creates were sent, retried or dropped: the status counts and the agenda are read again."""

    def __init__(self, connected: bool = False) -> None:
        super().__init__()
        self.connected = connected  # a send went through: the server is back


class AgendaLoaded(Message):
    """The events of the shown days, read in a worker, with the outbox's counts for the status line."""

    def __init__(
        self,
        day: dt.date,
        last: dt.date,
        events: list[Any],
        queued: list[Any],
        problem: str,
        pending: int,
        refused: list[Refused],
    ) -> None:
        super().__init__()
        self.day, self.last, self.events, self.queued, self.problem = day, last, events, queued, problem
        self.pending = pending  # creates waiting in the outbox
        self.refused = refused  # creates the server refused for good (F3 shows them)


class MicChecked(Message):
    """Whether a microphone is there: "mic_ready" or "mic_absent"."""

    def __init__(self, state: str) -> None:
        super().__init__()
        self.state = state


class LevelChanged(Message):
    """The microphone's level while recording, 0..1."""

    def __init__(self, level: float) -> None:
        super().__init__()
        self.level = level


class Heard(Message):
    """Recording ended: the transcript (text and its detected language) goes to the assistant."""

    def __init__(self, text: str, lang: str) -> None:
        super().__init__()
        self.text, self.lang = text, lang
