"""The calendar assistant people use every day: type or talk, see the call, the result and the day.

Everything slow (server start, model load, the model, CalDAV, Whisper, speech output) runs in worker
threads, one at a time behind a lock, so the screen never freezes and the assistant's state is never
touched by two threads at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, ProgressBar, Static

from assistant import messages
from assistant.app import load_model, make_assistant
from assistant.calendar.client import CalendarError
from assistant.conversation import replies
from assistant.conversation.dialog import Assistant, Outcome, Turn
from assistant.logs import log_file
from assistant.settings import KeyringUnavailable, Settings, save_settings
from assistant.tui.screens import ConfirmScreen, OutboxScreen, SettingsScreen, localize_bindings

__all__ = ["CalendarApp", "run_tui"]

log = logging.getLogger(__name__)


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
        self.assistant: Assistant | None = None
        self.day = today or dt.date.today()
        self.last = self.day  # the agenda shows self.day .. self.last (a listed range, or one day)
        self.lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        self.model_state = (
            "model_loading" if self.load_model_on_start else ("model_ready" if model is not None else "model_missing")
        )
        self.calendar_state = "starting"
        self.activity = "idle"
        self.show_raw = False  # F4: the model's raw output (functional tokens, latency) in the conversation
        self._held: list[tuple[str, str | None]] = []  # commands given before the assistant was ready
        self._held_lock = threading.Lock()
        self._loading_since: float | None = None  # when the model started loading (the status counts seconds)
        self._load_clock: Any = None
        self._loaded: tuple[Any, str] | None = None  # what the model worker loaded (under self.lock)
        self.mic_state = ""  # "mic_ready" / "mic_absent" once checked (only with speech on)
        self.title = self.t("title")

    def set_language(self, lang: str) -> None:
        """Say the interface (footer, labels, status) in ``lang`` from now on; replies keep their commands'."""
        self.ui_lang = lang
        localize_bindings(self, lang)
        self.refresh_bindings()
        self.title = self.t("title")
        self.query_one("#conversation", VerticalScroll).border_title = self.t("conversation")
        self.query_one("#command", Input).placeholder = self.t("placeholder")
        self._render_agenda_title()
        self._update_status()

    def t(self, key: str, **values: object) -> str:
        return messages.text(f"ui.{key}", self.ui_lang, **values)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            conversation = VerticalScroll(id="conversation")
            conversation.border_title = self.t("conversation")
            yield conversation
            with Vertical(id="agenda"):
                yield Static(id="agenda-day")
                yield VerticalScroll(id="agenda-events")
        yield ProgressBar(id="level", total=100, show_eta=False, show_percentage=False)
        yield Input(placeholder=self.t("placeholder"), id="command")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#command", Input).focus()
        self._update_status()
        self._render_agenda_title()
        if self.model_state == "model_loading":
            self._loading_since = time.monotonic()
            self._load_clock = self.set_interval(1, self._update_status)
            self.start_model()
        self.start_backend()
        if self.speech is not None:
            self.check_microphone()
        self.set_interval(20, self.retry_outbox)

    def on_unmount(self) -> None:
        with self.lock:
            self._stack.close()

    # ------------------------------------------------------------------ status and log

    def _update_status(self) -> None:
        cal = self.settings.calendar
        if self.calendar_state == "starting":
            where = self.t("starting")
        elif self.calendar_state == "offline":
            where = self.t("offline")
        else:
            host = urlsplit(cal.url).hostname or cal.url
            where = f"{self.t('local') if cal.embedded else host} ({cal.name})"
        if self.model_state == "model_loading" and self._loading_since is not None:
            model = self.t("model_loading_for", s=round(time.monotonic() - self._loading_since))
        else:
            model = self.t(self.model_state)
        parts = [model, where]
        pending = len(self.assistant.outbox) if self.assistant else 0
        if pending:
            parts.append(self.t("pending", n=pending))
        refused = len(self.assistant.outbox.refused()) if self.assistant else 0
        if refused:
            parts.append(self.t("refused", n=refused))
        if self.speech is not None and self.mic_state:
            parts.append(self.t(self.mic_state))
        parts.append(self.settings.language or self.t("languages"))
        parts.append(self.t(self.activity))
        self.query_one("#status", Static).update(" │ ".join(parts))

    def unexpected(self, error: BaseException, what: str) -> None:
        """A bug, not a user's problem: the traceback goes to the log file, the screen says where it is."""
        log.error("unexpected error during %s", what, exc_info=error)
        self.log_line(self.t("unexpected", what=type(error).__name__, path=log_file()), "turn-error")

    def log_line(self, text: str, css: str) -> None:
        log = self.query_one("#conversation", VerticalScroll)
        log.mount(Static(text, classes=css, markup=False))
        log.scroll_end(animate=False)

    def show_turn(self, turn: Turn, heard: bool = False) -> None:
        if turn.raw and self.show_raw:
            self.log_line(f"  {turn.raw}  ({turn.latency_ms:.0f} ms)", "turn-call")
        call = turn.outcome.call
        if call:
            args = ", ".join(f"{k}={'?' if v is None else v}" for k, v in call["arguments"].items())
            self.log_line(f"  {call['function']}({args})", "turn-call")
        self.show_outcome(turn.outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        css = "turn-error" if outcome.failed else "turn-ask" if outcome.waiting else "turn-ok"
        self.log_line(outcome.message, css)
        if outcome.kind == "error":
            self.notify(outcome.message, severity="error", timeout=6)
        self.speak(outcome)
        if isinstance(outcome.exception, CalendarError) and outcome.exception.transient:
            self.calendar_state = "offline"
        elif outcome.kind not in ("model_missing", "not_understood", "no_call", "nothing_heard"):
            self.calendar_state = "connected"
        self._update_status()
        if outcome.kind == "confirm":
            self.push_screen(
                ConfirmScreen(outcome.message, outcome.lang),
                lambda yes: self.answer_confirmation(bool(yes), outcome.lang),
            )
        self._follow(outcome)
        self.refresh_agenda()

    def _follow(self, outcome: Outcome) -> None:
        """Point the agenda at what the command was about: a listed range, an all-day span, a moved event's new
        day, a found event's day, a created event's day."""
        first, last = agenda_range(outcome, self.settings.calendar.zone)
        if first is not None:
            self.day, self.last = first, last or first

    # ------------------------------------------------------------------ agenda

    def _render_agenda_title(self) -> None:
        self.query_one("#agenda-day", Static).update(replies.span(self.day, self.last, self.ui_lang, self.today()))

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    @work(thread=True, group="agenda")
    def refresh_agenda(self) -> None:
        if self.assistant is None:
            return
        day, last = self.day, self.last
        with self.lock:
            try:
                events, queued = self.assistant.agenda(day, last)
                problem = ""
            except CalendarError as error:
                events, queued = [], self.assistant.queued_on(day, last)
                problem = error.message(self.ui_lang)
        self.call_from_thread(self._show_agenda, day, last, events, queued, problem)

    def _show_agenda(self, day: dt.date, last: dt.date, events: list[Any], queued: list[Any], problem: str) -> None:
        self._render_agenda_title()
        box = self.query_one("#agenda-events", VerticalScroll)
        box.remove_children()
        zone = self.settings.calendar.zone
        rows = [(e.first_day(zone), e, "") for e in events]
        rows += [(e.first_day(zone), e, " " + self.t("queued_mark")) for e in queued]
        lines: list[Static] = []
        shown: dt.date | None = None
        for first, event, mark in sorted(rows, key=lambda row: row[0]):
            if last > day and first != shown:  # a range: a heading per day with events
                shown = first
                lines.append(
                    Static(replies.day(first, self.ui_lang, self.today()), classes="agenda-heading", markup=False)
                )
            lines.append(
                Static(
                    replies.event_line(event, self.ui_lang, zone) + mark,
                    classes="agenda-event agenda-pending" if mark else "agenda-event",
                    markup=False,
                )
            )
        if problem:
            lines.insert(0, Static(problem, classes="turn-error", markup=False))
        elif not lines:
            lines.append(Static(self.t("agenda_none"), classes="turn-call"))
        box.mount_all(lines)
        self._update_status()

    def action_day(self, step: int) -> None:
        """Page by the shown range's length: a day at a time, or a week at a time after "next week"."""
        shift = dt.timedelta(days=step * ((self.last - self.day).days + 1))
        self.day, self.last = self.day + shift, self.last + shift
        self._render_agenda_title()
        self.refresh_agenda()

    # ------------------------------------------------------------------ backend

    def _current_model(self) -> tuple[Any, str]:
        """(model, problem) as known now; call with ``self.lock`` held."""
        if self.assistant is not None:
            return self.assistant.model, self.assistant.model_problem
        return self._loaded or (self.model, "")

    @work(thread=True, group="backend")
    def start_backend(self) -> None:
        with self.lock:
            try:
                model, problem = self._current_model()
                self.assistant = self._stack.enter_context(
                    make_assistant(self.settings, model, problem, today=self.fixed_today)
                )
                if self.fixed_today is None:
                    self.assistant.today = dt.date.today
            except CalendarError as error:  # said; the model still loads, and F2 (reconnect) can fix the calendar
                self.call_from_thread(self.log_line, error.message(self.ui_lang), "turn-error")
            except Exception as error:  # noqa: BLE001 - the app stays up, says so, and the log has the traceback
                self.call_from_thread(self.unexpected, error, "start")
        if self.assistant is not None:
            self.call_from_thread(self._backend_ready)

    @work(thread=True, group="model")
    def start_model(self) -> None:
        """Beside the calendar's start, not after it: a slow or absent server does not delay the model."""
        progress: Callable[[str], None] = lambda text: self.call_from_thread(self.log_line, text, "turn-call")  # noqa: E731
        settings = self.settings
        model, problem = load_model(settings.model, progress=progress, quant=settings.quant, lang=self.ui_lang)
        with self.lock:
            self._loaded = (model, problem)
            if self.assistant is not None:
                self.assistant.model, self.assistant.model_problem = model, problem
        self.call_from_thread(self._model_ready, model, problem)

    def _backend_ready(self) -> None:
        self.calendar_state = "connected"
        self._update_status()
        self.refresh_agenda()
        self._run_held()

    def _model_ready(self, model: Any, problem: str) -> None:
        """On the UI thread, like every change of what the screen shows: commands held until now run next."""
        with self._held_lock:
            self.model = model
            self.model_state = "model_ready" if model is not None else "model_missing"
        if self._load_clock is not None:
            self._load_clock.stop()
        if problem:
            self.log_line(problem, "turn-error")
        self._update_status()
        self._run_held()

    def _run_held(self) -> None:
        """Commands typed or spoken while the calendar or the model was loading, in the order given."""
        with self._held_lock:
            if self.assistant is None or self.model_state == "model_loading":
                return
            held, self._held = self._held, []
        if held:
            self._handle_held(held)

    @work(thread=True, group="backend")
    def retry_outbox(self) -> None:
        """Send queued creates in the background once the server is back."""
        if self.assistant is None or not self.assistant.outbox.pending():
            return
        with self.lock:
            sent = self.assistant.flush(background=True)
        if sent:
            message = replies.say("sent", self.ui_lang, n=sent)
            self.call_from_thread(self.log_line, message, "turn-ok")
            self.calendar_state = "connected"
            self.call_from_thread(self.refresh_agenda)

    # ------------------------------------------------------------------ commands

    @on(Input.Submitted, "#command")
    def submit(self, event: Input.Submitted) -> None:
        """A typed command goes to the assistant; the input is cleared for the next one."""
        text = event.value.strip()
        event.input.value = ""
        if text:
            self.log_line(f"> {text}", "turn-user")
            self.handle_text(text)

    @work(thread=True, group="backend")
    def handle_text(self, text: str, lang: str | None = None) -> None:
        with self._held_lock:  # not ready yet: the command waits and runs once it is (issue 22), never dropped
            raw = text.startswith("<oc_")
            if self.assistant is None or (self.model_state == "model_loading" and not raw):
                self._held.append((text, lang))
                self.call_from_thread(self.log_line, self.t("held", n=len(self._held)), "turn-ask")
                return
        self._handle_now(text, lang)

    @work(thread=True, group="backend")
    def _handle_held(self, held: list[tuple[str, str | None]]) -> None:
        for text, lang in held:  # one worker, so they run in the order they were given
            self._handle_now(text, lang)

    def _handle_now(self, text: str, lang: str | None) -> None:
        """Run one command (in a worker thread) and show its turn."""
        assert self.assistant is not None
        self.activity = "thinking"
        self.call_from_thread(self._update_status)
        with self.lock:
            if text.startswith("<oc_"):  # a call typed in the functional-token format runs as the model's would
                turn = self.assistant.run_call_text(text, lang or self.settings.language or self.ui_lang)
            else:
                turn = self.assistant.handle(text, lang)  # the reply follows the command's language
        self.activity = "idle"
        self.call_from_thread(self.show_turn, turn)

    @work(thread=True, group="backend")
    def answer_confirmation(self, yes: bool, lang: str) -> None:
        if self.assistant is None:
            return
        with self.lock:
            outcome = self.assistant.confirm(yes, lang)
        self.call_from_thread(self.show_outcome, outcome)

    @work(thread=True, group="backend")
    def action_undo(self) -> None:
        if self.assistant is None:
            return
        with self.lock:
            outcome = self.assistant.undo(self.ui_lang)
        self.call_from_thread(self.show_outcome, outcome)

    def action_debug(self) -> None:
        """Show or hide the model's raw output lines (hidden by default: they are for developers)."""
        self.show_raw = not self.show_raw
        self.notify(f"debug {'on' if self.show_raw else 'off'}", timeout=2)

    def action_outbox(self) -> None:
        """The creates the server refused for good: send one again (after fixing the cause) or drop it."""
        if self.assistant is not None:
            self.push_screen(OutboxScreen(self.assistant.outbox.refused(), self.ui_lang), self.outbox_answered)

    @work(thread=True, group="backend")
    def outbox_answered(self, answer: tuple[str, str] | None) -> None:
        if self.assistant is None or answer is None:
            return
        action, uid = answer
        with self.lock:
            title = next(
                (r.entry.event.title for r in self.assistant.outbox.refused() if r.entry.event.uid == uid), uid
            )
            if action == "retry" and self.assistant.outbox.retry(uid):
                self.call_from_thread(self.log_line, self.t("retried", title=title), "turn-ok")
                sent = self.assistant.flush()
                if sent:
                    self.call_from_thread(self.log_line, replies.say("sent", self.ui_lang, n=sent), "turn-ok")
            elif action == "discard" and self.assistant.outbox.discard(uid):
                self.call_from_thread(self.log_line, self.t("discarded", title=title), "turn-ok")
        self.call_from_thread(self.refresh_agenda)
        self.call_from_thread(self._update_status)

    def action_settings(self) -> None:
        self.push_screen(SettingsScreen(self.settings, self.ui_lang), self._settings_saved)

    def _settings_saved(self, settings: Settings | None) -> None:
        if settings is None:
            return
        try:
            path = save_settings(settings, self.config_path, store_password="keyring")
            self.log_line(self.t("saved", path=path), "turn-call")
        except KeyringUnavailable:  # said, not silent (issue 20): the password is in the owner-only file
            path = save_settings(settings, self.config_path, store_password="file")
            self.log_line(self.t("saved_password_in_file", path=path), "turn-error")
        if self.speech is not None and hasattr(self.speech, "reconfigure"):
            self.speech.reconfigure(settings.speech)
        self.settings = settings
        self.set_language(messages.interface_language(settings.language))
        self.reconnect()

    @work(thread=True, group="backend")
    def reconnect(self) -> None:
        with self.lock:
            model, problem = self._current_model()
            self._stack.close()
            self._stack = contextlib.ExitStack()
            try:
                self.assistant = self._stack.enter_context(
                    make_assistant(self.settings, model, problem, today=self.fixed_today)
                )
            except CalendarError as error:
                self.call_from_thread(self.log_line, error.message(self.ui_lang), "turn-error")
                return
            except Exception as error:  # noqa: BLE001 - the app stays up, says so, and the log has the traceback
                self.call_from_thread(self.unexpected, error, "reconnect")
                return
        self.call_from_thread(self._backend_ready)

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
            self.call_from_thread(self.log_line, f"({type(error).__name__}: {error})", "turn-call")

    @work(thread=True, group="microphone")
    def check_microphone(self) -> None:
        """Asking the sound system can take a moment: off the UI thread, then said in the status line."""
        problem = self.speech.problem()
        self.call_from_thread(self._set_microphone, "mic_absent" if problem else "mic_ready")

    def _set_microphone(self, state: str) -> None:
        self.mic_state = state
        self._update_status()

    def action_talk(self) -> None:
        """Push-to-talk as a toggle: first press starts recording, the second (or silence) ends it."""
        if self.speech is None:
            self.log_line(self.t("no_speech", reason="speech is off"), "turn-error")
            return
        if self.activity == "listening":
            self.speech.stop_listening()
            return
        problem = self.speech.problem()
        self._set_microphone("mic_absent" if problem else "mic_ready")
        if problem:
            self.log_line(self.t("no_speech", reason=problem), "turn-error")
            return
        self.activity = "listening"
        self.query_one("#level", ProgressBar).add_class("recording")
        self._update_status()
        self.listen()

    @work(thread=True, group="listen", exclusive=True)
    def listen(self) -> None:
        def level(value: float) -> None:
            self.call_from_thread(self.query_one("#level", ProgressBar).update, progress=min(100, value * 100))

        def ended() -> None:
            self.activity = "transcribing"
            self.call_from_thread(self._stop_level)

        try:  # transcribed ahead at each pause: at the end only the rest of that is waited for
            transcript = self.speech.listen(level=level, ended=ended).transcript
        except Exception as error:  # noqa: BLE001 - a missing microphone must not crash the app
            log.warning("speech input failed", exc_info=error)
            self.activity = "idle"
            self.call_from_thread(self._stop_level)
            self.call_from_thread(self.log_line, self.t("no_speech", reason=str(error)), "turn-error")
            return
        self.activity = "idle"
        self.call_from_thread(self.log_line, f"> ({self.t('heard')}, {transcript.lang}) {transcript.text}", "turn-user")
        self.call_from_thread(self.handle_text, transcript.text, transcript.lang)

    def _stop_level(self) -> None:
        self.query_one("#level", ProgressBar).remove_class("recording")
        self._update_status()


def agenda_range(outcome: Outcome, zone: str) -> tuple[dt.date | None, dt.date | None]:
    """The days a command's outcome is about: (first, last), or (None, None) to leave the agenda where it is."""
    if outcome.events and outcome.kind in ("found", "moved"):
        start = dt.datetime.fromisoformat(str(outcome.events[0]["start"]))
        if start.tzinfo is not None:  # a timed event's day is the day in the calendar's zone
            start = start.astimezone(ZoneInfo(zone))
        return start.date(), start.date()
    args = (outcome.call or {}).get("arguments", {})
    start = args.get("new_date") or args.get("date")
    if not start:
        return None, None
    first = dt.date.fromisoformat(start)
    end = args.get("end_date")
    last = dt.date.fromisoformat(end) if end else first
    return first, max(first, last)


def run_tui(
    settings: Settings, today: dt.date | None = None, config_path: Path | None = None, speech: Any = None
) -> int:
    if speech is None:
        from assistant.speech.voice import Voice

        speech = Voice(settings.speech)
    CalendarApp(settings, today=today, config_path=config_path, speech=speech).run()
    return 0
