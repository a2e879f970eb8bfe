"""The conversation: text -> model -> validated call -> calendar change -> localized ``Outcome``.

It keeps the little state a conversation needs: a create that waits for its date or time (the next
utterance, "morgen um 9", completes it), a delete that waits for "ja"/"nein", and the undo journal.
The CLI's ``ask``, the TUI and ``listen`` all drive this one class, so they behave the same.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import replies
from .calendar import CalDAVCalendar, CalendarError, match_events
from .functions import Call, CallError, NoCall, parse_call
from .ical import EventInfo, new_event
from .outbox import Change, Journal, Outbox
from .resolve import guess_lang, resolve_date, resolve_time

__all__ = ["Assistant", "Outcome", "Turn"]

log = logging.getLogger(__name__)

YES = {"ja", "jawohl", "genau", "klar", "ok", "okay", "passt", "ja bitte", "ja genau", "ja lösch", "mach das",
       "bestätigen", "löschen", "ja löschen", "yes", "yeah", "yep", "sure", "confirm", "do it", "yes please",
       "delete it", "y", "j"}
NO = {"nein", "nee", "nö", "abbrechen", "abbruch", "stopp", "stop", "lieber nicht", "nicht löschen", "no", "nope",
      "cancel", "don't", "do not", "n", "vergiss es", "never mind", "nevermind"}
UNDO = {"rückgängig", "rückgängig machen", "mach das rückgängig", "undo", "undo that", "undo the last change"}

#: Outcome kinds; ``changed`` ones touched the calendar or the outbox.
CHANGED = {"created", "queued", "deleted", "undone"}
FAILED = {"error", "not_understood", "not_found", "ambiguous", "no_call", "nothing_heard", "model_missing"}
WAITING = {"ask", "confirm"}


@dataclass(frozen=True)
class Outcome:
    """What happened, in the user's language, with the data a UI or a script needs."""

    kind: str
    message: str
    lang: str
    call: dict[str, Any] | None = None
    events: tuple[dict[str, Any], ...] = ()
    missing: tuple[str, ...] = ()
    sent: int = 0  # queued events sent before this command ran
    pending: int = 0  # queued events still waiting after it
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.kind in CHANGED

    @property
    def failed(self) -> bool:
        return self.kind in FAILED

    @property
    def waiting(self) -> bool:
        return self.kind in WAITING

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "lang": self.lang, "call": self.call,
                "events": list(self.events), "missing": list(self.missing), "sent": self.sent,
                "pending": self.pending, "error": self.error}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(data["kind"], data["message"], data["lang"], data.get("call"), tuple(data.get("events", ())),
                   tuple(data.get("missing", ())), int(data.get("sent", 0)), int(data.get("pending", 0)),
                   data.get("error"))


@dataclass
class Turn:
    """One user utterance and everything it led to, for the conversation log."""

    text: str
    lang: str
    outcome: Outcome
    raw: str = ""  # the model's output, functional tokens and all
    latency_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "lang": self.lang, "raw": self.raw, "latency_ms": round(self.latency_ms, 1),
                "outcome": self.outcome.to_json()}


@dataclass
class _Waiting:
    call: Call
    lang: str
    target: EventInfo | None = None  # set when a delete waits for confirmation


def _words(text: str) -> str:
    """Lowercase words without punctuation, for matching yes/no/undo answers."""
    return " ".join(re.sub(r"[^\w'äöüß ]+", " ", text.casefold()).split())


@dataclass
class Assistant:
    calendar: CalDAVCalendar
    outbox: Outbox
    journal: Journal
    model: Any = None
    model_problem: str = ""
    today: Callable[[], dt.date] = dt.date.today
    auto_confirm: bool = False  # --yes: deletes go ahead without asking
    default_lang: str = ""
    waiting: _Waiting | None = field(default=None)

    @property
    def zone(self) -> str:
        return self.calendar.settings.zone

    # ------------------------------------------------------------------ entry points

    def handle(self, text: str, lang: str | None = None) -> Turn:
        """One typed or transcribed utterance."""
        lang = lang or self.default_lang or guess_lang(text)
        today = self.today()
        sent = self.flush()
        words = _words(text)
        if not words:
            return Turn(text, lang, self._outcome("nothing_heard", lang, replies.say("nothing_heard", lang), sent))
        if words in UNDO:
            return Turn(text, lang, self.undo(lang, sent=sent))
        if self.waiting is not None:
            answered = self._answer(text, words, lang, today, sent)
            if answered is not None:
                return Turn(text, lang, answered)
        if self.model is None:
            message = replies.say("model_missing", lang, reason=self.model_problem or "-")
            return Turn(text, lang, self._outcome("model_missing", lang, message, sent))
        started = time.perf_counter()
        prediction = self.model.predict(text, today, lang)
        latency = (time.perf_counter() - started) * 1000
        if prediction.error or prediction.call is None:
            reason = prediction.error or "no call"
            outcome = self._outcome("not_understood", lang, replies.say("not_understood", lang, reason=reason), sent,
                                    error="CallError")
            return Turn(text, lang, outcome, prediction.raw, latency)
        return Turn(text, lang, self.execute(prediction.call, lang, sent=sent), prediction.raw, latency)

    def run_call_text(self, text: str, lang: str) -> Turn:
        """A line in the functional-token format, run as the model's output would be (shell, TUI, debugging)."""
        sent = self.flush()
        try:
            call = parse_call(text)
        except CallError as error:
            outcome = self._outcome("not_understood", lang, replies.say("not_understood", lang, reason=str(error)),
                                    sent, error=type(error).__name__)
            return Turn(text, lang, outcome, raw=text)
        return Turn(text, lang, self.execute(call, lang, sent=sent), raw=text)

    def execute(self, call: Call | NoCall, lang: str, sent: int = 0) -> Outcome:
        """Run a validated call. Nothing reaches the calendar unless every argument it needs is known."""
        self.waiting = None
        if isinstance(call, NoCall) or call.function is None:
            return self._outcome("no_call", lang, replies.say("no_call", lang), sent)
        try:
            if call.function == "create_event":
                return self._create(call, lang, sent)
            if call.function == "list_events":
                return self._list(call, lang, sent)
            if call.function == "delete_event":
                return self._delete(call, lang, sent)
        except CallError as error:
            return self._outcome("not_understood", lang, replies.say("not_understood", lang, reason=str(error)), sent,
                                 call, error=type(error).__name__)
        except CalendarError as error:
            return self._failed(error, lang, sent, call)
        raise AssertionError(f"no executor for {call.function}")

    def confirm(self, yes: bool, lang: str | None = None) -> Outcome:
        """The answer to a pending delete (the TUI's dialog calls this; typed 'ja'/'nein' lands here too)."""
        waiting = self.waiting
        self.waiting = None
        lang = lang or (waiting.lang if waiting else self.default_lang or "en")
        if waiting is None or waiting.target is None or not yes:
            return self._outcome("cancelled", lang, replies.say("cancelled", lang))
        try:
            return self._really_delete(waiting.call, waiting.target, lang, 0)
        except CalendarError as error:
            return self._failed(error, lang, 0, waiting.call)

    def undo(self, lang: str | None = None, sent: int = 0) -> Outcome:
        lang = lang or self.default_lang or "en"
        self.waiting = None
        change = self.journal.last()
        if change is None:
            return self._outcome("nothing_to_undo", lang, replies.say("nothing_to_undo", lang), sent)
        try:
            if change.action == "queued" and self.outbox.remove(change.uid):
                key = "undone_queued"
            elif change.action in ("created", "queued"):
                self.calendar.delete_uid(change.uid)
                key = "undone_created"
            else:
                self.calendar.restore(change.ical, change.calendar)
                key = "undone_deleted"
        except CalendarError as error:
            return self._failed(error, lang, sent)
        self.journal.pop()
        return self._outcome("undone", lang, replies.say(key, lang, title=change.title), sent)

    def flush(self) -> int:
        """Send queued creates; how many went out. Still offline is not an error here."""
        if not self.outbox.pending():
            return 0
        try:
            return len(self.outbox.flush(self.calendar))
        except CalendarError as error:
            log.info("outbox not sent: %s", type(error).__name__)
            return 0

    def queued_on(self, day: dt.date) -> list[EventInfo]:
        """Creates of that day still waiting in the outbox (known without the server)."""
        return [p.event.info() for p in self.outbox.pending() if p.event.start.date() == day]

    def agenda(self, day: dt.date) -> tuple[list[EventInfo], list[EventInfo]]:
        """(events on the server, events still in the outbox) of one day, for the agenda panel."""
        return self.calendar.events_on(day), self.queued_on(day)

    # ------------------------------------------------------------------ the three functions

    def _create(self, call: Call, lang: str, sent: int) -> Outcome:
        a = call.arguments
        title = a["title"]
        if call.missing:
            self.waiting = _Waiting(call, lang)
            if a["date"] is None and a["time"] is None:
                message = replies.say("ask_when", lang, title=title)
            elif a["time"] is None:
                message = replies.say("ask_time", lang, title=title,
                                      day=replies.day(dt.date.fromisoformat(a["date"]), lang, self.today()))
            else:
                message = replies.say("ask_date", lang, title=title,
                                      time=replies.clock(dt.time.fromisoformat(a["time"]), lang))
            return self._outcome("ask", lang, message, sent, call, missing=call.missing)
        date = dt.date.fromisoformat(a["date"])
        event = new_event(title, date, dt.time.fromisoformat(a["time"]), a["duration_minutes"], self.zone)
        values = dict(title=event.title, day=replies.day(date, lang, self.today()),
                      time=replies.clock(event.start.time(), lang), duration=replies.duration(event.minutes, lang))
        try:
            info = self.calendar.create(event)
        except CalendarError as error:
            if not error.transient:
                raise
            self.outbox.add(event, lang)
            self.journal.push(Change("queued", event.uid, event.title, lang))
            return self._outcome("queued", lang, replies.say("queued", lang, problem=error.message(lang), **values),
                                 sent, call, events=(event.info().to_json(),), error=type(error).__name__)
        self.journal.push(Change("created", event.uid, event.title, lang, calendar=info.calendar))
        return self._outcome("created", lang, replies.say("created", lang, **values), sent, call,
                             events=(info.to_json(),))

    def _list(self, call: Call, lang: str, sent: int) -> Outcome:
        date = dt.date.fromisoformat(call.arguments["date"])
        label = replies.day(date, lang, self.today())
        events, queued = self.agenda(date)
        if events:
            message = replies.say("listed", lang, day=label, events=replies.event_list(events, lang, self.zone))
        else:
            message = replies.say("listed_none", lang, day=label)
        if queued:
            message += replies.say("listed_pending", lang, events=replies.event_list(queued, lang, self.zone))
        return self._outcome("listed", lang, message, sent, call, events=tuple(e.to_json() for e in events))

    def _delete(self, call: Call, lang: str, sent: int) -> Outcome:
        title = call.arguments["title"]
        if call.arguments["date"] is None:
            self.waiting = _Waiting(call, lang)
            return self._outcome("ask", lang, replies.say("ask_delete_date", lang, title=title), sent, call,
                                 missing=call.missing)
        date = dt.date.fromisoformat(call.arguments["date"])
        label = replies.day(date, lang, self.today())
        matches = match_events(title, self.calendar.events_on(date))
        if not matches:
            return self._outcome("not_found", lang, replies.say("not_found", lang, day=label, title=title), sent, call)
        if len(matches) > 1:
            listing = replies.event_list(matches, lang, self.zone)
            return self._outcome("ambiguous", lang, replies.say("ambiguous", lang, day=label, title=title,
                                                                events=listing), sent, call,
                                 events=tuple(e.to_json() for e in matches))
        target = matches[0]
        if self.auto_confirm:
            return self._really_delete(call, target, lang, sent)
        self.waiting = _Waiting(call, lang, target)
        start = target.local_start(self.zone)
        at = ""
        if isinstance(start, dt.datetime):
            at = (" um " if lang == "de" else " at ") + replies.clock(start.time(), lang)
        return self._outcome("confirm", lang, replies.say("confirm", lang, title=target.title, day=label, at=at),
                             sent, call, events=(target.to_json(),))

    def _really_delete(self, call: Call, target: EventInfo, lang: str, sent: int) -> Outcome:
        ical = self.calendar.ical_of(target)
        self.calendar.delete(target)
        self.journal.push(Change("deleted", target.uid, target.title, lang, ical=ical, calendar=target.calendar))
        start = target.local_start(self.zone)
        date = start.date() if isinstance(start, dt.datetime) else start
        return self._outcome("deleted", lang, replies.say("deleted", lang, title=target.title,
                                                          day=replies.day(date, lang, self.today())), sent, call,
                             events=(target.to_json(),))

    # ------------------------------------------------------------------ answers to a question

    def _answer(self, text: str, words: str, lang: str, today: dt.date, sent: int) -> Outcome | None:
        """Complete or cancel what waits; None when the utterance is a new command instead."""
        waiting = self.waiting
        assert waiting is not None
        lang = waiting.lang
        if waiting.target is not None:  # a delete waiting for yes/no
            if words in YES:
                return self.confirm(True, lang)
            if words in NO:
                return self.confirm(False, lang)
            self.waiting = None
            return None
        if words in NO:
            self.waiting = None
            return self._outcome("cancelled", lang, replies.say("cancelled", lang), sent)
        changes: dict[str, Any] = {}
        if "date" in waiting.call.missing and (date := resolve_date(text, today)) is not None:
            changes["date"] = date.isoformat()
        if "time" in waiting.call.missing and (time_ := resolve_time(text, lang)) is not None:
            changes["time"] = f"{time_:%H:%M}"
        if not changes:
            self.waiting = None
            return None
        return self.execute(waiting.call.with_arguments(**changes), lang, sent)

    # ------------------------------------------------------------------ helpers

    def _failed(self, error: CalendarError, lang: str, sent: int = 0, call: Call | None = None) -> Outcome:
        """A calendar error as an outcome: what went wrong, and that nothing changed."""
        return self._outcome("error", lang, replies.say("error", lang, problem=error.message(lang)), sent, call,
                             error=type(error).__name__)

    def _outcome(self, kind: str, lang: str, message: str, sent: int = 0, call: Call | None = None,
                 events: tuple[dict[str, Any], ...] = (), missing: tuple[str, ...] = (),
                 error: str | None = None) -> Outcome:
        if sent:
            message = replies.say("sent", lang, n=sent) + " " + message
        return Outcome(kind, message, lang, call.to_json() if call is not None else None, events, missing, sent,
                       len(self.outbox.pending()), error)

