"""The calendar assistant people use every day: type or talk, see the call, the result and the day.

Everything slow (server start, model load, the model, CalDAV, Whisper, speech output) runs in worker threads,
one at a time behind ``lock``, so the screen never freezes and the assistant is never used by two threads at
once. Workers change nothing on the screen: they post a message (``updates``), and its handler here, on the UI
thread, updates the widgets (``widgets``) and the app's own state (held commands, readiness, the model).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Input, ProgressBar

from assistant import messages
from assistant.app import load_model, make_assistant
from assistant.calendar.client import CalendarError
from assistant.calendar.outbox import Refused
from assistant.conversation import replies
from assistant.conversation.dialog import Assistant, Outcome, OutcomeKind
from assistant.logs import log_file
from assistant.settings import KeyringUnavailable, Settings, save_settings
from assistant.tui.screens import ConfirmScreen, OutboxScreen, SettingsScreen, localize_bindings
from assistant.tui.updates import (
    ActivityChanged,
    AgendaLoaded,
    BackendReady,
    Heard,
    LevelChanged,
    MicChecked,
    ModelLoaded,
    OutboxChanged,
    OutcomeReady,
    Said,
    TurnDone,
    Unexpected,
)
from assistant.tui.widgets import Agenda, Conversation, StatusLine

__all__ = ["CalendarApp", "run_tui"]

log = logging.getLogger(__name__)

#: Outcomes that say nothing about the calendar's connection (no server was asked).
_NO_SERVER = {OutcomeKind.MODEL_MISSING, OutcomeKind.NOT_UNDERSTOOD, OutcomeKind.NO_CALL, OutcomeKind.NOTHING_HEARD}


class CalendarApp(App[None]):
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+t", "talk", "key_talk"),  # descriptions are catalog keys, said in the interface language
        Binding("ctrl+z", "undo", "key_undo"),
        Binding("pageup", "day(-1)", "key_prev_day"),
        Binding("pagedown", "day(1)", "key_next_day"),
        Binding("f2", "settings", "key_settings"),
        Binding("f3", "outbox", "key_outbox"),
        Binding("f4", "debug", "key_debug"),
        Binding("ctrl+q", "quit", "key_quit"),
    ]

    def __init__(
        self,
        settings: Settings,
        *,
        today: dt.date | None = None,
        model: Any = None,
        load_model_on_start: bool = True,
        config_path: Path | None = None,
        speech: Any = None,
        ui_lang: str = "",
    ) -> None:
        super().__init__()
        self.settings = settings
        self.fixed_today = today
        self.model = model
        self.load_model_on_start = load_model_on_start and model is None
        self.config_path = config_path
        self.speech = speech  # a speech.Voice (listen + speak) or None; built lazily when speech is on
        self.ui_lang = ui_lang or messages.interface_language(settings.language)
        localize_bindings(self, self.ui_lang)
        # Backend state: used by workers, always under ``lock``.
        self.lock = threading.Lock()
        self.assistant: Assistant | None = None
        self._stack = contextlib.ExitStack()
        self._loaded: tuple[Any, str] | None = None  # what the model worker loaded
        # UI state: read and changed on the UI thread only.
        self.backend_ready = False
        self.show_raw = False  # F4: the model's raw output (functional tokens, latency) in the conversation
        self._held: list[tuple[str, str | None]] = []  # commands given before the assistant was ready
        self._refused: list[Refused] = []  # the outbox's refused creates, as last read (F3)
        self.title = self.t("title")

    def t(self, key: str, **values: object) -> str:
        return messages.text(f"ui.{key}", self.ui_lang, **values)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatusLine(self.ui_lang, self.settings.language, id="status")
        with Horizontal(id="main"):
            conversation = Conversation(id="conversation")
            conversation.border_title = self.t("conversation")
            yield conversation
            yield Agenda(self.today(), self.today, self.ui_lang, self.settings.calendar.zone, id="agenda")
        yield ProgressBar(id="level", total=100, show_eta=False, show_percentage=False)
        yield Input(placeholder=self.t("placeholder"), id="command")
        yield Footer()

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def conversation(self) -> Conversation:
        return self.query_one("#conversation", Conversation)

    @property
    def agenda(self) -> Agenda:
        return self.query_one("#agenda", Agenda)

    @property
    def model_state(self) -> str:
        return self.status_line.model_state

    def on_mount(self) -> None:
        self.query_one("#command", Input).focus()
        self.status_line.server = self._server_label()
        if self.load_model_on_start:
            self.status_line.model_state = "model_loading"
            self.start_model()
        else:
            self.status_line.model_state = "model_ready" if self.model is not None else "model_missing"
        self.start_backend()
        if self.speech is not None:
            self.check_microphone()
        self.set_interval(20, self.retry_outbox)

    def on_unmount(self) -> None:
        with self.lock:
            self._stack.close()

    def _server_label(self) -> str:
        cal = self.settings.calendar
        host = urlsplit(cal.url).hostname or cal.url
        return f"{self.t('local') if cal.embedded else host} ({cal.name})"

    def set_language(self, lang: str) -> None:
        """Say the interface (footer, labels, status) in ``lang`` from now on; replies keep their commands'."""
        self.ui_lang = lang
        localize_bindings(self, lang)
        self.refresh_bindings()
        self.title = self.t("title")
        self.conversation.border_title = self.t("conversation")
        self.query_one("#command", Input).placeholder = self.t("placeholder")
        self.agenda.lang = lang
        self.agenda.show_title()
        self.status_line.lang = lang
        self.status_line.server = self._server_label()

    # ------------------------------------------------------------------ what the workers tell

    @on(Said)
    def _said(self, message: Said) -> None:
        self.conversation.say(message.text, message.css)

    @on(Unexpected)
    def _unexpected(self, message: Unexpected) -> None:
        """A bug, not a user's problem: the traceback goes to the log file, the screen says where it is."""
        log.error("unexpected error during %s", message.what, exc_info=message.error)
        text = self.t("unexpected", what=type(message.error).__name__, path=log_file())
        self.conversation.say(text, "turn-error")

    @on(ActivityChanged)
    def _activity(self, message: ActivityChanged) -> None:
        self.status_line.activity = message.activity
        if message.activity != "listening":
            self.query_one("#level", ProgressBar).remove_class("recording")

    @on(TurnDone)
    def _turn_done(self, message: TurnDone) -> None:
        self.conversation.show_turn(message.turn, self.show_raw)
        self._answered(message.turn.outcome)

    @on(OutcomeReady)
    def _outcome_ready(self, message: OutcomeReady) -> None:
        self.conversation.show_outcome(message.outcome)
        self._answered(message.outcome)

    def _answered(self, outcome: Outcome) -> None:
        """After the answer is shown: say it, note what it tells of the server, ask before a delete, and point
        the agenda at the days it was about."""
        if outcome.kind == OutcomeKind.ERROR:
            self.notify(outcome.message, severity="error", timeout=6)
        self.speak(outcome)
        if isinstance(outcome.exception, CalendarError) and outcome.exception.transient:
            self.status_line.calendar_state = "offline"
        elif outcome.kind not in _NO_SERVER:
            self.status_line.calendar_state = "connected"
        if outcome.kind == OutcomeKind.CONFIRM:
            self.push_screen(
                ConfirmScreen(outcome.message, outcome.lang),
                lambda yes: self._confirmed(bool(yes), outcome.lang),
            )
        self.agenda.follow(outcome)
        self.refresh_agenda()

    @on(BackendReady)
    def _backend_ready(self) -> None:
        self.backend_ready = True
        self.status_line.calendar_state = "connected"
        self.refresh_agenda()
        self._run_held()

    @on(ModelLoaded)
    def _model_loaded(self, message: ModelLoaded) -> None:
        """Commands held until now run next."""
        self.model = message.model
        self.status_line.model_state = "model_ready" if message.model is not None else "model_missing"
        if message.problem:
            self.conversation.say(message.problem, "turn-error")
        self._run_held()

    @on(AgendaLoaded)
    async def _agenda_loaded(self, message: AgendaLoaded) -> None:
        await self.agenda.show(message.day, message.last, message.events, message.queued, message.problem)
        self.status_line.pending = message.pending
        self.status_line.refused = len(message.refused)
        self._refused = message.refused

    @on(OutboxChanged)
    def _outbox_changed(self, message: OutboxChanged) -> None:
        if message.connected:
            self.status_line.calendar_state = "connected"
        self.refresh_agenda()

    @on(MicChecked)
    def _mic_checked(self, message: MicChecked) -> None:
        self.status_line.mic_state = message.state

    @on(LevelChanged)
    def _level(self, message: LevelChanged) -> None:
        self.query_one("#level", ProgressBar).update(progress=min(100, message.level * 100))

    @on(Heard)
    def _heard(self, message: Heard) -> None:
        self.conversation.say(f"> ({self.t('heard')}, {message.lang}) {message.text}", "turn-user")
        self.command(message.text, message.lang)

    # ------------------------------------------------------------------ agenda

    def refresh_agenda(self) -> None:
        """Read the shown days (and the outbox's counts) in a worker; the agenda shows them when they come."""
        self._read_agenda(self.agenda.day, self.agenda.last)

    @work(thread=True, group="agenda")
    def _read_agenda(self, day: dt.date, last: dt.date) -> None:
        with self.lock:
            if self.assistant is None:
                return
            try:
                events, queued = self.assistant.agenda(day, last)
                problem = ""
            except CalendarError as error:
                events, queued = [], self.assistant.queued_on(day, last)
                problem = error.message(self.ui_lang)
            pending, refused = len(self.assistant.outbox), self.assistant.outbox.refused()
        self.post_message(AgendaLoaded(day, last, events, queued, problem, pending, refused))

    def action_day(self, step: int) -> None:
        self.agenda.page(step)
        self.refresh_agenda()

    # ------------------------------------------------------------------ backend

    def _current_model(self) -> tuple[Any, str]:
        """(model, problem) as known now; call with ``self.lock`` held."""
        if self.assistant is not None:
            return self.assistant.model, self.assistant.model_problem
        return self._loaded or (self.model, "")

    def _connect(self, what: str) -> None:
        """(Re)build the assistant on the current settings; call with ``self.lock`` held."""
        model, problem = self._current_model()
        self._stack.close()
        self._stack = contextlib.ExitStack()
        self.assistant = None
        try:
            self.assistant = self._stack.enter_context(
                make_assistant(self.settings, model, problem, today=self.fixed_today)
            )
            if self.fixed_today is None:
                self.assistant.today = dt.date.today
        except CalendarError as error:  # said; the model still loads, and F2 (reconnect) can fix the calendar
            self.post_message(Said(error.message(self.ui_lang), "turn-error"))
        except Exception as error:  # noqa: BLE001 - the app stays up, says so, and the log has the traceback
            self.post_message(Unexpected(error, what))
        else:
            self.post_message(BackendReady())

    @work(thread=True, group="backend")
    def start_backend(self) -> None:
        with self.lock:
            self._connect("start")

    @work(thread=True, group="backend")
    def reconnect(self) -> None:
        with self.lock:
            self._connect("reconnect")

    @work(thread=True, group="model")
    def start_model(self) -> None:
        """Beside the calendar's start, not after it: a slow or absent server does not delay the model."""

        def progress(text: str) -> None:
            self.post_message(Said(text, "turn-call"))

        settings = self.settings
        model, problem = load_model(settings.model, progress=progress, quant=settings.quant, lang=self.ui_lang)
        with self.lock:
            self._loaded = (model, problem)
            if self.assistant is not None:
                self.assistant.model, self.assistant.model_problem = model, problem
        self.post_message(ModelLoaded(model, problem))

    @work(thread=True, group="backend")
    def retry_outbox(self) -> None:
        """Send queued creates in the background once the server is back."""
        with self.lock:
            if self.assistant is None or not self.assistant.outbox.pending():
                return
            sent = self.assistant.flush(background=True)
        if sent:
            self.post_message(Said(replies.say("sent", self.ui_lang, n=sent), "turn-ok"))
            self.post_message(OutboxChanged(connected=True))

    # ------------------------------------------------------------------ commands

    @on(Input.Submitted, "#command")
    def submit(self, event: Input.Submitted) -> None:
        """A typed command goes to the assistant; the input is cleared for the next one."""
        text = event.value.strip()
        event.input.value = ""
        if text:
            self.conversation.say(f"> {text}", "turn-user")
            self.command(text)

    def command(self, text: str, lang: str | None = None) -> None:
        """Run a command now, or hold it until the calendar and the model are ready (issue 22): never dropped.
        A call typed in the functional-token format needs no model."""
        raw = text.startswith("<oc_")
        if not self.backend_ready or (self.model_state == "model_loading" and not raw):
            self._held.append((text, lang))
            self.conversation.say(self.t("held", n=len(self._held)), "turn-ask")
            return
        self.handle([(text, lang)])

    def _run_held(self) -> None:
        """Commands typed or spoken while the calendar or the model was loading, in the order given."""
        if not self.backend_ready or self.model_state == "model_loading" or not self._held:
            return
        held, self._held = self._held, []
        self.handle(held)

    @work(thread=True, group="backend")
    def handle(self, commands: list[tuple[str, str | None]]) -> None:
        """Run commands one after another (in one worker, so in the order given) and show each turn."""
        for text, lang in commands:
            self.post_message(ActivityChanged("thinking"))
            with self.lock:
                assert self.assistant is not None  # ready before a command runs
                if text.startswith("<oc_"):  # a call typed in the functional-token format runs as the model's would
                    turn = self.assistant.run_call_text(text, lang or self.settings.language or self.ui_lang)
                else:
                    turn = self.assistant.handle(text, lang)  # the reply follows the command's language
            self.post_message(ActivityChanged("idle"))
            self.post_message(TurnDone(turn))

    def _confirmed(self, yes: bool, lang: str) -> None:
        self.answer_confirmation(yes, lang)

    @work(thread=True, group="backend")
    def answer_confirmation(self, yes: bool, lang: str) -> None:
        with self.lock:
            if self.assistant is None:
                return
            outcome = self.assistant.confirm(yes, lang)
        self.post_message(OutcomeReady(outcome))

    @work(thread=True, group="backend")
    def action_undo(self) -> None:
        with self.lock:
            if self.assistant is None:
                return
            outcome = self.assistant.undo(self.ui_lang)
        self.post_message(OutcomeReady(outcome))

    def action_debug(self) -> None:
        """Show or hide the model's raw output lines (hidden by default: they are for developers)."""
        self.show_raw = not self.show_raw
        self.notify(f"debug {'on' if self.show_raw else 'off'}", timeout=2)

    def action_outbox(self) -> None:
        """The creates the server refused for good: send one again (after fixing the cause) or drop it."""
        if self.backend_ready:
            self.push_screen(OutboxScreen(self._refused, self.ui_lang), self._outbox_closed)

    def _outbox_closed(self, answer: tuple[str, str] | None) -> None:
        if answer is not None:
            self.outbox_answered(*answer)

    @work(thread=True, group="backend")
    def outbox_answered(self, action: str, uid: str) -> None:
        """Send a refused create again ("retry") or drop it ("discard")."""
        with self.lock:
            if self.assistant is None:
                return
            outbox = self.assistant.outbox
            title = next((r.entry.event.title for r in outbox.refused() if r.entry.event.uid == uid), uid)
            if action == "retry" and outbox.retry(uid):
                self.post_message(Said(self.t("retried", title=title), "turn-ok"))
                sent = self.assistant.flush()
                if sent:
                    self.post_message(Said(replies.say("sent", self.ui_lang, n=sent), "turn-ok"))
            elif action == "discard" and outbox.discard(uid):
                self.post_message(Said(self.t("discarded", title=title), "turn-ok"))
        self.post_message(OutboxChanged())

    def action_settings(self) -> None:
        self.push_screen(SettingsScreen(self.settings, self.ui_lang), self._settings_saved)

    def _settings_saved(self, settings: Settings | None) -> None:
        if settings is None:
            return
        try:
            path = save_settings(settings, self.config_path, store_password="keyring")
            self.conversation.say(self.t("saved", path=path), "turn-call")
        except KeyringUnavailable:  # said, not silent (issue 20): the password is in the owner-only file
            path = save_settings(settings, self.config_path, store_password="file")
            self.conversation.say(self.t("saved_password_in_file", path=path), "turn-error")
        if self.speech is not None and hasattr(self.speech, "reconfigure"):
            self.speech.reconfigure(settings.speech)
        self.settings = settings
        self.agenda.zone = settings.calendar.zone
        self.status_line.language = settings.language
        self.set_language(messages.interface_language(settings.language))
        self.backend_ready = False  # commands given while it reconnects wait for it
        self.reconnect()

    # ------------------------------------------------------------------ speech

    def speak(self, outcome: Outcome) -> None:
        if self.speech is not None and self.settings.speech.enabled:
            self._speak(outcome.message, outcome.lang)

    @work(thread=True, group="voice", exclusive=True)
    def _speak(self, text: str, lang: str) -> None:
        try:
            self.speech.speak(text, lang)
        except Exception as error:  # noqa: BLE001 - no sound is no reason to stop
            log.warning("speech output failed", exc_info=error)
            self.post_message(Said(f"({type(error).__name__}: {error})", "turn-call"))

    @work(thread=True, group="microphone")
    def check_microphone(self) -> None:
        """Asking the sound system can take a moment: off the UI thread, then said in the status line."""
        problem = self.speech.problem()
        self.post_message(MicChecked("mic_absent" if problem else "mic_ready"))

    def action_talk(self) -> None:
        """Push-to-talk as a toggle: first press starts recording, the second (or silence) ends it."""
        if self.speech is None:
            self.conversation.say(self.t("no_speech", reason="speech is off"), "turn-error")
            return
        if self.status_line.activity == "listening":
            self.speech.stop_listening()
            return
        problem = self.speech.problem()
        self.status_line.mic_state = "mic_absent" if problem else "mic_ready"
        if problem:
            self.conversation.say(self.t("no_speech", reason=problem), "turn-error")
            return
        self.status_line.activity = "listening"
        self.query_one("#level", ProgressBar).add_class("recording")
        self.listen()

    @work(thread=True, group="listen", exclusive=True)
    def listen(self) -> None:
        def level(value: float) -> None:
            self.post_message(LevelChanged(value))

        def ended() -> None:
            self.post_message(ActivityChanged("transcribing"))

        try:  # transcribed ahead at each pause: at the end only the rest of that is waited for
            transcript = self.speech.listen(level=level, ended=ended).transcript
        except Exception as error:  # noqa: BLE001 - a missing microphone must not crash the app
            log.warning("speech input failed", exc_info=error)
            self.post_message(ActivityChanged("idle"))
            self.post_message(Said(self.t("no_speech", reason=str(error)), "turn-error"))
            return
        self.post_message(ActivityChanged("idle"))
        self.post_message(Heard(transcript.text, transcript.lang))


def run_tui(
    settings: Settings, today: dt.date | None = None, config_path: Path | None = None, speech: Any = None
) -> int:
    if speech is None:
        from assistant.speech.voice import Voice

        speech = Voice(settings.speech)
    CalendarApp(settings, today=today, config_path=config_path, speech=speech).run()
    return 0
