"""The main screen's parts: the status line, the conversation and the agenda.

Each widget owns what it shows and is changed only on the UI thread, by the app's message handlers (see
``updates``); none of them reads the calendar or the model.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from assistant import messages
from assistant.conversation import replies
from assistant.conversation.dialog import Outcome, OutcomeKind, Turn

__all__ = ["Agenda", "Conversation", "StatusLine", "agenda_range"]


def ui_text(key: str, lang: str, **values: object) -> str:
    return messages.text(f"ui.{key}", lang, **values)


class StatusLine(Widget):
    """One line: model, calendar, queued and refused creates, microphone, language, activity. Its fields are
    reactive: setting one (on the UI thread) redraws the line; while the model loads it counts the seconds."""

    lang = reactive("en")
    model_state = reactive("model_missing")  # a catalog key: model_loading, model_ready, model_missing
    calendar_state = reactive("starting")  # starting, offline, connected
    server = reactive("")  # what "connected" shows: "lokal (Assistant)", "cloud.example.org (Privat)"
    pending = reactive(0)
    refused = reactive(0)
    mic_state = reactive("")  # mic_ready / mic_absent once checked (only with speech on)
    language = reactive("")  # the language setting; empty: both, by each command
    activity = reactive("idle")

    def __init__(self, lang: str, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_reactive(StatusLine.lang, lang)
        self.set_reactive(StatusLine.language, language)
        self._loading_since: float | None = None
        self._clock: Timer | None = None

    def watch_model_state(self, state: str) -> None:
        """While the model loads the line says for how long, once a second."""
        if state == "model_loading":
            self._loading_since = time.monotonic()
            if self._clock is None:
                self._clock = self.set_interval(1, self.refresh)
        elif self._clock is not None:
            self._clock.stop()
            self._clock = None

    def render(self) -> str:
        t = lambda key, **values: ui_text(key, self.lang, **values)  # noqa: E731
        if self.calendar_state in ("starting", "offline"):
            where = t(self.calendar_state)
        else:
            where = self.server
        if self.model_state == "model_loading" and self._loading_since is not None:
            model = t("model_loading_for", s=round(time.monotonic() - self._loading_since))
        else:
            model = t(self.model_state)
        parts = [model, where]
        if self.pending:
            parts.append(t("pending", n=self.pending))
        if self.refused:
            parts.append(t("refused", n=self.refused))
        if self.mic_state:
            parts.append(t(self.mic_state))
        parts.append(self.language or t("languages"))
        parts.append(t(self.activity))
        return " │ ".join(parts)


class Conversation(VerticalScroll):
    """What was said, called and answered, newest at the bottom."""

    def say(self, text: str, css: str) -> None:
        self.mount(Static(text, classes=css, markup=False))
        self.scroll_end(animate=False)

    def show_turn(self, turn: Turn, raw: bool) -> None:
        """The call as the assistant understood it (and with ``raw`` the model's own output), then its answer."""
        if turn.raw and raw:
            self.say(f"  {turn.raw}  ({turn.latency_ms:.0f} ms)", "turn-call")
        call = turn.outcome.call
        if call:
            args = ", ".join(f"{k}={'?' if v is None else v}" for k, v in call["arguments"].items())
            self.say(f"  {call['function']}({args})", "turn-call")
        self.show_outcome(turn.outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        css = "turn-error" if outcome.failed else "turn-ask" if outcome.waiting else "turn-ok"
        self.say(outcome.message, css)


class Agenda(Vertical):
    """The days from ``day`` through ``last`` (one day, or a listed range), grouped by day for a range; creates
    still in the outbox are marked."""

    def __init__(self, day: dt.date, today: Callable[[], dt.date], lang: str, zone: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.day = self.last = day
        self.today = today
        self.lang = lang
        self.zone = zone

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-day")
        yield VerticalScroll(id="agenda-events")

    def on_mount(self) -> None:
        self.show_title()

    def show_title(self) -> None:
        self.query_one("#agenda-day", Static).update(replies.span(self.day, self.last, self.lang, self.today()))

    def page(self, step: int) -> None:
        """Page by the shown range's length: a day at a time, or a week at a time after "next week"."""
        shift = dt.timedelta(days=step * ((self.last - self.day).days + 1))
        self.day, self.last = self.day + shift, self.last + shift
        self.show_title()

    def follow(self, outcome: Outcome) -> bool:
        """Point at what a command was about; False when it was about no day (the agenda stays)."""
        first, last = agenda_range(outcome, self.zone)
        if first is None:
            return False
        self.day, self.last = first, last or first
        self.show_title()
        return True

    async def show(self, day: dt.date, last: dt.date, events: list[Any], queued: list[Any], problem: str) -> None:
        """The events read for ``day..last``; a read for days no longer shown (the user paged on) is dropped. The
        old rows are gone before the new ones mount: unawaited, a read right after another lost rows (the day's
        first event missing after commands given in a row)."""
        if (day, last) != (self.day, self.last):
            return
        self.show_title()
        box = self.query_one("#agenda-events", VerticalScroll)
        await box.remove_children()
        rows = [(replies.shown_day(e, self.zone, day), e, "") for e in events]
        rows += [(replies.shown_day(e, self.zone, day), e, " " + ui_text("queued_mark", self.lang)) for e in queued]
        lines: list[Static] = []
        shown: dt.date | None = None
        for first, event, mark in sorted(rows, key=lambda row: row[0]):
            if last > day and first != shown:  # a range: a heading per day with events
                shown = first
                heading = replies.day(first, self.lang, self.today())
                lines.append(Static(heading, classes="agenda-heading", markup=False))
            css = "agenda-event agenda-pending" if mark else "agenda-event"
            line = replies.event_line(event, self.lang, self.zone, self.today())
            lines.append(Static(line + mark, classes=css, markup=False))
        if problem:
            lines.insert(0, Static(problem, classes="turn-error", markup=False))
        elif not lines:
            lines.append(Static(ui_text("agenda_none", self.lang), classes="turn-call"))
        await box.mount_all(lines)


def agenda_range(outcome: Outcome, zone: str) -> tuple[dt.date | None, dt.date | None]:
    """The days a command's outcome is about: (first, last), or (None, None) to leave the agenda where it is."""
    if outcome.events and outcome.kind in (OutcomeKind.FOUND, OutcomeKind.MOVED):
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
