"""The conversation: text -> model -> validated call -> calendar change -> localized ``Outcome``.

It keeps the little state a conversation needs: a create that waits for its date or time (the next
utterance, "morgen um 9", completes it), a delete that waits for "ja"/"nein", and the undo journal.
The CLI's ``ask``, the TUI and ``listen`` all drive this one class, so they behave the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from assistant.calendar.client import (
    CalDAVCalendar,
    CalendarError,
    Unconfirmed,
    is_exact_match,
    is_generic_title,
    match_events,
    normalize_title,
)
from assistant.calendar.ical import EventInfo, NewEvent, new_all_day_event, new_event
from assistant.calendar.outbox import Change, Journal, Outbox
from assistant.conversation import replies
from assistant.conversation.referents import (
    PronounRequest,
    asked_to_delete,
    asked_when,
    at_clock,
    chosen,
    clocks_said,
    event_clock,
    is_a_request,
    names_no_event,
    pronoun_request,
    said_again,
    says_a_new_event,
    without_clock,
)
from assistant.conversation.segments import two_events
from assistant.schema.functions import (
    FUNCTIONS,
    MAX_YEAR,
    MIN_YEAR,
    Call,
    CallError,
    InvalidDate,
    NoCall,
    ParamType,
    function_by_name,
    parse_call,
)
from assistant.schema.resolve import (
    asks_for_an_event,
    asks_to_change_length,
    event_makers,
    guess_lang,
    names_every_event,
    names_next_event,
    normalize,
    resolve_bare_hour,
    resolve_date,
    resolve_time,
    said_correction,
    said_only_a_day,
    said_shift,
    says_loosely_when,
    says_only_when,
    weekdays_said,
)

__all__ = ["EXECUTORS", "REPLIES", "Assistant", "Outcome", "OutcomeKind", "Turn", "executes"]

log = logging.getLogger(__name__)

YES = {
    "ja",
    "jawohl",
    "genau",
    "klar",
    "ok",
    "okay",
    "passt",
    "ja bitte",
    "ja genau",
    "ja lösch",
    "mach das",
    "bestätigen",
    "löschen",
    "ja löschen",
    "yes",
    "yeah",
    "yep",
    "sure",
    "confirm",
    "do it",
    "yes please",
    "delete it",
    "y",
    "j",
}
NO = {
    "nein",
    "nee",
    "nö",
    "abbrechen",
    "abbruch",
    "stopp",
    "stop",
    "lieber nicht",
    "nicht löschen",
    "no",
    "nope",
    "cancel",
    "don't",
    "do not",
    "n",
    "vergiss es",
    "vergiss das",
    "lass es",
    "lass das",
    "never mind",
    "nevermind",
    "cancel that",  # while a question waits: drop it, never the delete of the event talked about
    "cancel it",
    "forget it",
    "forget that",
}
ONLY_THIS = {
    "nur diesen",
    "nur den",
    "nur diesen termin",
    "diesen",
    "nur dieses mal",
    "nur heute",
    "nur einen",
    "only this one",
    "this one",
    "just this one",
    "only this",
    "just this",
    "only that one",
    "this time",
}
WHOLE_SERIES = {
    "alle",
    "die ganze serie",
    "ganze serie",
    "die serie",
    "alle termine",
    "komplett",
    "alle löschen",
    "whole series",
    "the whole series",
    "all",
    "all of them",
    "the series",
    "every one",
    "all occurrences",
}
UNDO = {"rückgängig", "rückgängig machen", "mach das rückgängig", "undo", "undo that", "undo the last change"}


class OutcomeKind(StrEnum):
    """What a command led to. A str, so that JSON output and scripts see the same words as before; an unknown
    kind is an error where the outcome is made, not a silently wrong branch in a front end."""

    CREATED = "created"
    QUEUED = "queued"
    MOVED = "moved"
    DELETED = "deleted"
    UNDONE = "undone"
    LISTED = "listed"
    FOUND = "found"
    ASK = "ask"
    CONFIRM = "confirm"
    CANCELLED = "cancelled"
    NOTHING_TO_UNDO = "nothing_to_undo"
    ERROR = "error"
    NOT_UNDERSTOOD = "not_understood"
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"
    NO_CALL = "no_call"
    NOTHING_HEARD = "nothing_heard"
    MODEL_MISSING = "model_missing"


#: ``changed`` kinds touched the calendar or the outbox; ``waiting`` ones asked a question.
CHANGED = {OutcomeKind.CREATED, OutcomeKind.QUEUED, OutcomeKind.DELETED, OutcomeKind.UNDONE, OutcomeKind.MOVED}
FAILED = {
    OutcomeKind.ERROR,
    OutcomeKind.NOT_UNDERSTOOD,
    OutcomeKind.NOT_FOUND,
    OutcomeKind.AMBIGUOUS,
    OutcomeKind.NO_CALL,
    OutcomeKind.NOTHING_HEARD,
    OutcomeKind.MODEL_MISSING,
}
WAITING = {OutcomeKind.ASK, OutcomeKind.CONFIRM}


@dataclass(frozen=True)
class Outcome:
    """What happened, in the user's language, with the data a UI or a script needs."""

    kind: OutcomeKind
    message: str
    lang: str
    call: dict[str, Any] | None = None
    events: tuple[dict[str, Any], ...] = ()
    missing: tuple[str, ...] = ()
    sent: int = 0  # queued events sent before this command ran
    pending: int = 0  # queued events still waiting after it
    error: str | None = None  # the error's class name (JSON); the object itself is ``exception``
    exception: BaseException | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", OutcomeKind(self.kind))

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
        return {
            "kind": str(self.kind),
            "message": self.message,
            "lang": self.lang,
            "call": self.call,
            "events": list(self.events),
            "missing": list(self.missing),
            "sent": self.sent,
            "pending": self.pending,
            "error": self.error,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(
            data["kind"],
            data["message"],
            data["lang"],
            data.get("call"),
            tuple(data.get("events", ())),
            tuple(data.get("missing", ())),
            int(data.get("sent", 0)),
            int(data.get("pending", 0)),
            data.get("error"),
        )


@dataclass
class Turn:
    """One user utterance and everything it led to, for the conversation log."""

    text: str
    lang: str
    outcome: Outcome
    raw: str = ""  # the model's output, functional tokens and all
    latency_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "raw": self.raw,
            "latency_ms": round(self.latency_ms, 1),
            "outcome": self.outcome.to_json(),
        }


@dataclass
class _Waiting:
    call: Call
    lang: str
    target: EventInfo | None = None  # set when a delete waits for confirmation
    series: bool = False  # the target is an occurrence: the question is "only this one or the whole series?"
    whole_series: bool = False
    asking: tuple[str, ...] = ()  # arguments asked for besides the call's missing ones (a move's new day or time)
    past: bool = False  # a create on a day already gone waits for "ja"/"yes"
    clearing: tuple[EventInfo, ...] = ()  # a cleared day's events, waiting for "ja"/"yes" (``target`` is the first)
    weekdays: tuple[int, ...] = ()  # a series said on several weekdays, waiting for its time or title
    which: PronounRequest | None = None  # a delete, move or find that named no event, waiting for its name
    choices: tuple[EventInfo, ...] = ()  # several events matched a move or delete, listed in this order: which?
    said: str = ""  # the words of the command waiting, for what its call does not carry


def _time_answered(text: str, lang: str, said: str) -> dt.time | None:
    """The time an answer to "at what time?" says: a clock ("um 9", "halb drei") or a bare hour ("9", "Neun.",
    "fourteen"; alone, a number is no time), in the part of the day the request said ("Friday afternoon" - "2",
    "dinner with Sam" - "um 8")."""
    found = resolve_time(text, lang, context=said)
    bare = normalize(text).strip(" .!?")
    if found is None and re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?", bare):
        found = resolve_bare_hour(bare, lang, context=said)
    return found


#: function name -> the Assistant method that runs it; ``executes`` fills it, a test checks every function has one.
EXECUTORS: dict[str, str] = {}
#: function name -> the reply keys its executor may say; a test checks each exists in every language.
REPLIES: dict[str, tuple[str, ...]] = {}
_MAKERS = frozenset(f.name for f in event_makers(FUNCTIONS))
# What a new event is for, asked when its title went unsaid ("Erinnere mich morgen um 8"), with its day and time.
ASK_TITLE_KEYS = ("ask_title", "ask_title_day", "ask_title_days", "ask_title_time", "ask_title_day_time")
# Words a named answer starts with that go with the question, not the title ("an Pauls Geburtstag", "to call Mum").
_ANSWER_LEAD = re.compile(
    r"^(?:(?:an|ans|to|about|of|that|dass|daran,?\s+dass|für|for)\s+)+(?:(?:den|die|das|dem|the|my|meine[nm]?)\s+)?",
    re.IGNORECASE,
)
# The request an answer completes, for the model to read it in (said without, and with, its own "an"/"to").
_REQUEST_FOR = {"de": ("Erinnere mich an", "Erinnere mich"), "en": ("Remind me to", "Remind me")}
# The functions that name an existing event by its title, and the words that re-say each request with a name
# ("Which event do you mean?" - "the dentist": "delete the dentist").
_NAMERS = ("delete_event", "move_event", "find_event")
_REQUEST_VERB = {
    "delete_event": {"de": "lösche ", "en": "delete "},
    "move_event": {"de": "verschiebe ", "en": "move "},
    "find_event": {"de": "wann ist ", "en": "when is "},
}
# Outcomes whose one event is what "it" means next ("delete it", "move it to 5").
_REFERRING = {
    OutcomeKind.CREATED,
    OutcomeKind.QUEUED,
    OutcomeKind.MOVED,
    OutcomeKind.FOUND,
    OutcomeKind.LISTED,
    OutcomeKind.CONFIRM,
    OutcomeKind.ASK,
}
# A start said of an event with no day ("cancel my 3 o'clock") is looked for this many days ahead.
CLOCK_DAYS = 14
# A list read aloud in full up to this many events; a longer one is summed up with its first few.
LIST_ALOUD = 6
LIST_FIRST = 3


def executes(function: str, *reply_keys: str) -> Callable[[Callable[..., Outcome]], Callable[..., Outcome]]:
    """Register an Assistant method as the executor of ``function`` (and the replies it uses)."""

    def register(method: Callable[..., Outcome]) -> Callable[..., Outcome]:
        EXECUTORS[function] = method.__name__
        REPLIES[function] = reply_keys
        return method

    return register


def _one_command(method: Callable[..., Any]) -> Callable[..., Any]:
    """The calendar work of an entry point runs under one deadline (``CalDAVCalendar.command``)."""

    @functools.wraps(method)
    def run(self: Assistant, *args: Any, **kwargs: Any) -> Any:
        with self.calendar.command():
            return method(self, *args, **kwargs)

    return run


def _disk(error: OSError) -> str:
    """An OSError as a user can read it: what, and where ("No space left on device: /home/...")."""
    return f"{error.strerror or type(error).__name__}: {error.filename}" if error.filename else str(error)


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
    # The time of day on ``today`` (None: the real clock); tests that pin the day pin this too, or "the next
    # upcoming event" would depend on when they run.
    clock: Callable[[], dt.time] | None = None
    auto_confirm: bool = False  # --yes: deletes go ahead without asking
    default_lang: str = ""  # the interface language: replies to what has no words (undo key, queued sends)
    waiting: _Waiting | None = field(default=None)
    # Offline: background retries wait 5 s, 10 s, ... up to 5 min after each failure (a command still tries).
    _retry_at: float = field(default=0.0, repr=False)
    _retry_delay: float = field(default=0.0, repr=False)
    _told: set[str] = field(default_factory=set, repr=False)  # notices said once (damaged files, refusals)
    _unjournaled: str = field(default="", repr=False)  # why the last change could not be journaled for undo
    # The weekdays of a series said on several ("dienstags und donnerstags"), read from the words of the command
    # being run: the call's "weekly" says one. Set around one execution, kept with a question asked about it.
    _weekdays: tuple[int, ...] = field(default=(), repr=False)
    # The timed event the last command made or moved (title, day): "nein, um 11" right after it moves it.
    _just_made: tuple[str, dt.date] | None = field(default=None, repr=False)
    # The one event the last commands made, moved, found, listed or asked about (title, day): "delete it".
    _referent: tuple[str, dt.date] | None = field(default=None, repr=False)
    # The language of the last command: typed words that say neither language are taken to be in it.
    _last_lang: str = field(default="", repr=False)
    # The words and language of the command being run: a delete, move or find reads an event's start in them.
    _said: tuple[str, str] = field(default=("", ""), repr=False)
    # The event an answer to "which one?" chose: the move or delete waiting runs on it, whatever its title says.
    _pinned: EventInfo | None = field(default=None, repr=False)

    @property
    def zone(self) -> str:
        return self.calendar.settings.zone

    # ------------------------------------------------------------------ entry points

    @_one_command
    def handle(self, text: str, lang: str | None = None) -> Turn:
        """One typed or transcribed utterance; two new events said in it ("Zahnarzt am Montag um 9 und Friseur am
        Dienstag um 10") are two commands, the second run once the first is in (else it is named, never lost)."""
        parts = two_events(text, self.today(), lang) if self.waiting is None and self.model is not None else None
        if parts is None:
            return self._handled(text, lang)
        first = self._handled(parts[0], lang)  # a "no call" outcome refers to nothing: _refer leaves the referent
        if first.outcome.kind in (OutcomeKind.NO_CALL, OutcomeKind.NOT_UNDERSTOOD) and self.waiting is None:
            return self._handled(text, lang)  # no event after all ("den Zeitunterschied zwischen 8 und 5 Uhr"): as said
        if first.outcome.kind not in (OutcomeKind.CREATED, OutcomeKind.QUEUED) or self.waiting is not None:
            told = replies.say("second_event_later", first.lang, rest=parts[1])
            outcome = replace(first.outcome, message=f"{first.outcome.message} {told}")
            return replace(first, text=text, outcome=outcome)
        second = self._handled(parts[1], first.lang)
        outcome = replace(second.outcome, message=f"{first.outcome.message} {second.outcome.message}")
        raw = f"{first.raw} {second.raw}".strip()
        return Turn(text, first.lang, outcome, raw, first.latency_ms + second.latency_ms)

    def _handled(self, text: str, lang: str | None) -> Turn:
        """One command, its event kept for "it" in the next one."""
        turn = self._handle(text, lang)
        self._refer(turn.outcome)
        return turn

    def _handle(self, text: str, lang: str | None) -> Turn:
        # a reply is in its command's language; words that say neither ("nein, lieber 5") keep the last one's
        lang = lang or guess_lang(text, self._last_lang or self.default_lang or "en")
        self._last_lang = lang
        today = self.today()
        sent = self.flush()
        words = _words(text)
        if not words:
            return Turn(text, lang, self._outcome("nothing_heard", lang, replies.say("nothing_heard", lang), sent))
        if words in UNDO:
            self._just_made = None
            return Turn(text, lang, self.undo(lang, sent=sent))
        made, self._just_made = self._just_made, None  # a correction is of the command just before it only
        if made is not None and self.waiting is None and (said := said_correction(text, today, lang)) is not None:
            title, day = made  # "nein, um 11": the event just made moves, and one undo puts it back
            move = Call(
                "move_event", {"title": title, "date": day.isoformat(), "new_date": said[0], "new_time": said[1]}
            )
            return Turn(text, lang, self.execute(move, lang, sent=sent))
        if self.waiting is not None:
            self._weekdays = self.waiting.weekdays
            try:
                answered = self._answer(text, words, lang, today, sent)
            finally:
                self._weekdays = ()
            if answered is not None:
                return Turn(text, lang, answered)
        if self.model is None:
            message = replies.say("model_missing", lang, reason=self.model_problem or "-")
            return Turn(text, lang, self._outcome("model_missing", lang, message, sent))
        if (about := pronoun_request(text)) is not None:  # "delete it", "verschieb ihn auf Freitag"
            return Turn(text, lang, self._about_it(about, lang, today, sent))
        started = time.perf_counter()
        prediction = self.model.predict(text, today, lang, self._now().time())
        latency = (time.perf_counter() - started) * 1000
        if prediction.error or prediction.call is None:
            reason = prediction.reason(lang)
            outcome = self._outcome(
                "not_understood", lang, replies.say("not_understood", lang, reason=reason), sent, error="CallError"
            )
            return Turn(text, lang, outcome, prediction.raw, latency)
        if isinstance(prediction.call, NoCall) and asks_to_change_length(text):  # "mach das Meeting länger"
            outcome = self._outcome("no_call", lang, replies.say("length_unchangeable", lang), sent)
            return Turn(text, lang, outcome, prediction.raw, latency)
        with self._saying(text, lang):
            call = self._shifted(self._known_event_asked(prediction.call, text), text, lang, sent)
            if isinstance(call, Outcome):
                return Turn(text, lang, call, prediction.raw, latency)
            weekly = isinstance(call, Call) and call.function == "create_recurring_event"
            often = weekly and call.arguments["frequency"] in ("weekly", "biweekly")
            self._weekdays = weekdays_said(text) if often else ()
            try:
                return Turn(text, lang, self.execute(call, lang, sent=sent), prediction.raw, latency)
            finally:
                self._weekdays = ()

    def _shifted(self, call: Call | NoCall, text: str, lang: str, sent: int) -> Call | NoCall | Outcome:
        """A move said as a length ("push the dentist back an hour", "eine halbe Stunde früher") with its new day
        and time read from the event's own start; the call as it is when it says where to, or says no length. An
        event that is not there, or is not one, is said so; an all-day event is asked where to."""
        if not isinstance(call, Call) or call.function != "move_event":
            return call
        minutes = said_shift(text)
        if minutes is None or call.arguments["new_date"] is not None or self._names_nothing(call):
            return call  # (an event named by nothing is asked for first)
        if call.arguments["new_time"] is not None and clocks_said(text, lang):
            return call  # a clock said besides the length; one copied from it ("um zwei Tage": 14:00) is none
        found = self._target(call, lang, sent)
        if isinstance(found, Outcome):
            return found
        start = found.local_start(self.zone)
        if not isinstance(start, dt.datetime):
            return call
        try:
            moved = start + dt.timedelta(minutes=minutes)
            return call.with_arguments(
                date=start.date().isoformat(), new_date=moved.date().isoformat(), new_time=f"{moved:%H:%M}"
            )
        except CallError as error:  # "push it back 100000 weeks": past the years a calendar keeps
            return self._misread(error, lang, sent, call)
        except OverflowError:  # past year 9999 the date itself cannot be written
            beyond = InvalidDate("beyond 9999", "year_outside", date="…", first=MIN_YEAR, last=MAX_YEAR)
            return self._misread(beyond, lang, sent, call)

    def _known_event_asked(self, call: Call | NoCall, text: str) -> Call | NoCall:
        """A question when an event is, or a delete of one, by its name alone, that the model declined ("wann ist
        der Friseur?", "Lösch die Putzfrau": v25 takes them for small talk) is the find or the delete of it when
        the calendar holds one ahead by that name (a delete is confirmed first, as every one is); a question about
        the world ("wann ist der nächste Vollmond") or "delete the file" finds none and stays declined."""
        if not isinstance(call, NoCall):
            return call
        if (name := asked_when(text)) is not None:
            found: Call = Call("find_event", {"title": name})
        elif (name := asked_to_delete(text)) is not None:
            found = Call("delete_event", {"title": name, "date": None})
        else:
            return call
        try:
            ahead = self.calendar.find_next(name, self._now())
        except CalendarError:
            return call  # the request stays declined; the calendar's trouble is said by the next command
        return found if ahead else call

    def end_conversation(self) -> None:
        """Forget what a conversation left open: a question asked back, what "it" is, the event just made, the
        language it was in."""
        self.waiting = None
        self._last_lang = ""
        self._referent = None
        self._just_made = None

    @_one_command
    def run_call_text(self, text: str, lang: str) -> Turn:
        """A line in the functional-token format, run as the model's output would be (shell, TUI, debugging)."""
        sent = self.flush()
        self._just_made = None
        try:
            call = parse_call(text)
        except CallError as error:
            return Turn(text, lang, self._misread(error, lang, sent), raw=text)
        return Turn(text, lang, self.execute(call, lang, sent=sent), raw=text)

    @_one_command
    def execute(self, call: Call | NoCall, lang: str, sent: int = 0, past_ok: bool = False) -> Outcome:
        """Run a validated call. Nothing reaches the calendar unless every argument it needs is known; a create
        on a day already gone is asked about first (a said past year is kept, never moved to next year)."""
        self.waiting = None
        if isinstance(call, NoCall) or call.function is None:
            return self._outcome("no_call", lang, replies.say("no_call", lang), sent)
        if call.function in _MAKERS and said_again(call.arguments["title"]):  # "und übermorgen um 11 nochmal"
            if self._referent is None:
                return self._ask_what(call.with_arguments(title=None), lang, sent)
            call = call.with_arguments(title=self._referent[0])
        if "title" in call.missing:
            return self._ask_what(call, lang, sent)
        if (
            call.function in _NAMERS and self._pinned is None and self._names_nothing(call)
        ):  # "cancel", "move it": which event?
            return self._ask_which(call, _REQUEST_VERB[call.function][lang if lang == "de" else "en"], "", lang, sent)
        if (
            call.function in ("create_event", "create_all_day_event")
            and not call.missing
            and not past_ok
            and not self.auto_confirm
            and dt.date.fromisoformat(call.arguments["date"]) < self.today()
        ):
            self.waiting = _Waiting(call, lang, past=True)
            day = replies.day(dt.date.fromisoformat(call.arguments["date"]), lang, self.today())
            return self._outcome(
                "ask",
                lang,
                replies.say("confirm_past", lang, title=call.arguments["title"], day=day),
                sent,
                call,
                missing=("past",),
            )
        try:
            return getattr(self, EXECUTORS[call.function])(call, lang, sent)
        except CallError as error:
            return self._misread(error, lang, sent, call)
        except CalendarError as error:
            return self._failed(error, lang, sent, call)

    @_one_command
    def confirm(self, yes: bool, lang: str | None = None) -> Outcome:
        """The answer to a pending delete (the TUI's dialog calls this; typed 'ja'/'nein' lands here too)."""
        waiting = self.waiting
        self.waiting = None
        self._just_made = None  # "nein, um 11" after this is no correction of an earlier create
        lang = lang or (waiting.lang if waiting else self.default_lang or "en")
        if waiting is None or waiting.target is None or not yes:
            return self._outcome("cancelled", lang, replies.say("cancelled", lang))
        try:
            if waiting.clearing:
                return self._really_clear(waiting.call, waiting.clearing, lang, 0)
            return self._really_delete(waiting.call, waiting.target, lang, 0, whole_series=waiting.whole_series)
        except CalendarError as error:
            return self._failed(error, lang, 0, waiting.call)

    @_one_command
    def undo(self, lang: str | None = None, sent: int = 0) -> Outcome:
        lang = lang or self.default_lang or "en"
        self.waiting = None
        self._just_made = None  # Ctrl+Z in the TUI comes here without a command
        change = self.journal.last()
        if change is None and self.journal.damaged is not None:
            self._told.add(str(self.journal.damaged))  # said here; not again as a notice
            return self._outcome(
                "nothing_to_undo", lang, replies.say("undo_unavailable", lang, path=self.journal.damaged), sent
            )
        if change is None:
            return self._outcome("nothing_to_undo", lang, replies.say("nothing_to_undo", lang), sent)
        try:
            key = self._revert(change)
            self.journal.pop()
            back = 1
            batch = change.extra.get("batch")
            while batch and (before := self.journal.last()) is not None and before.extra.get("batch") == batch:
                self._revert(before)  # a cleared day: every event of it goes back
                self.journal.pop()
                back += 1
        except CalendarError as error:
            return self._failed(error, lang, sent)
        if batch:
            return self._outcome(
                "undone", lang, replies.say("undone_cleared", lang, count=replies.events(back, lang)), sent
            )
        return self._outcome(
            "nothing_to_undo" if key == "undo_gone" else "undone",
            lang,
            replies.say(key, lang, title=change.title),
            sent,
        )

    def _revert(self, change: Change) -> str:
        """Put one journaled change back; the reply key that says so."""
        if change.action == "queued" and self.outbox.remove(change.uid):
            return "undone_queued"
        if change.action in ("created", "queued"):
            # the server says whether it was there: an event already gone is not reported as undone
            return "undone_created" if self.calendar.delete_uid(change.uid) else "undo_gone"
        if change.action == "changed":  # a move, or one occurrence deleted: the object as it was
            self.calendar.replace(change.ical, change.calendar, change.extra.get("href", ""))
            return "undone_changed"
        self.calendar.restore(change.ical, change.calendar)
        return "undone_deleted"

    @_one_command
    def flush(self, background: bool = False) -> int:
        """Send queued creates; how many went out. Still offline is not an error here. A ``background`` retry
        backs off after each failure (5 s doubling to 5 min); a command always tries."""
        if not self.outbox.pending():
            return 0
        now = time.monotonic()
        if background and now < self._retry_at:
            return 0
        try:
            sent = len(self.outbox.flush(self.calendar))
        except CalendarError as error:
            self._retry_delay = min(300.0, max(5.0, self._retry_delay * 2))
            self._retry_at = now + self._retry_delay
            log.info("outbox not sent (%s); next background try in %.0f s", type(error).__name__, self._retry_delay)
            return 0
        self._retry_delay, self._retry_at = 0.0, 0.0
        return sent

    def _remember(self, change: Change) -> None:
        """Journal a change for undo; a journal that cannot be written (full disk, read-only directory) leaves
        the change done and the user told that undo is not available for it."""
        try:
            self.journal.push(change)
        except OSError as disk:
            log.warning("undo journal not written: %s", disk)
            self._unjournaled = _disk(disk)

    def notices(self, lang: str) -> list[str]:
        """What the user has not been told yet about the state on disk: damaged files set aside, queued creates
        the server refused for good. Each is said once per process."""
        out = []
        if self._unjournaled:
            out.append(replies.say("undo_not_saved", lang, disk=self._unjournaled))
            self._unjournaled = ""
        damaged = [*self.outbox.quarantined, *([self.journal.damaged] if self.journal.damaged else [])]
        for path in damaged:
            if str(path) not in self._told:
                self._told.add(str(path))
                out.append(replies.say("state_damaged", lang, path=path))
        new = [r for r in self.outbox.refused() if f"refused:{r.entry.event.uid}" not in self._told]
        if new:
            self._told.update(f"refused:{r.entry.event.uid}" for r in new)
            out.append(
                replies.say(
                    "outbox_refused", lang, n=len(new), titles=", ".join(f"'{r.entry.event.title}'" for r in new)
                )
            )
        return out

    def queued_on(self, day: dt.date, last: dt.date | None = None) -> list[EventInfo]:
        """Creates of that day (or of day..last, by day) still waiting in the outbox (known without the server);
        an event counts on its first day. The outbox is read once, however long the range."""
        last = last or day
        pending = sorted(
            (p for p in self.outbox.pending() if day <= p.event.start.date() <= last),
            key=lambda p: p.event.start.date(),
        )
        return [p.event.info() for p in pending]

    @_one_command
    def agenda(self, day: dt.date, last: dt.date | None = None) -> tuple[list[EventInfo], list[EventInfo]]:
        """(events on the server, events still in the outbox) of a day or days, for the agenda panel."""
        last = last or day
        return self.calendar.events_between(day, last), self.queued_on(day, last)

    # ------------------------------------------------------------------ the functions (EXECUTORS)

    @executes(
        "create_event",
        "created",
        "queued",
        "not_saved",
        "confirm_past",
        "ask_when",
        "ask_time",
        "ask_date",
        "overlap",
        *ASK_TITLE_KEYS,
    )
    def _create(self, call: Call, lang: str, sent: int) -> Outcome:
        a = call.arguments
        title = a["title"]
        if call.missing:
            return self._ask_when(call, lang, sent)
        date = dt.date.fromisoformat(a["date"])
        event = new_event(title, date, dt.time.fromisoformat(a["time"]), a["duration_minutes"], self.zone)
        values = dict(
            title=event.title,
            day=replies.day(date, lang, self.today()),
            time=replies.clock(event.start.time(), lang),
            duration=replies.duration(event.minutes, lang),
        )
        return self._send(call, event, "created", values, lang, sent)

    @executes(
        "create_recurring_event",
        "created_series",
        "queued",
        "not_saved",
        "ask_time",
        "overlap",
        *replies.FREQUENCY_KEYS,
        *ASK_TITLE_KEYS,
    )
    def _create_series(self, call: Call, lang: str, sent: int) -> Outcome:
        a = call.arguments
        if call.missing:
            return self._ask_when(call, lang, sent)
        first = dt.date.fromisoformat(a["date"])
        until = dt.date.fromisoformat(a["until"]) if a["until"] else None
        days = self._weekdays if a["frequency"] in ("weekly", "biweekly") else ()
        if days:  # the first of the days said, from today (or from a first day said further ahead)
            base = self.today() if first <= self.today() + dt.timedelta(days=6) else first
            first = min(base + dt.timedelta(days=(d - base.weekday()) % 7) for d in days)
        event = new_event(
            a["title"],
            first,
            dt.time.fromisoformat(a["time"]),
            a["duration_minutes"],
            self.zone,
            a["frequency"],
            until,
            days,
        )
        named = replies.weekdays(days, lang) if days else replies.weekday(first, lang)
        values = dict(
            title=event.title,
            day=replies.day(first, lang, self.today()),
            time=replies.clock(event.start.time(), lang),
            duration=replies.duration(event.minutes, lang),
            how=replies.say(f"freq_{a['frequency']}", lang, weekday=named),
            until=replies.until(until, lang, self.today()),
        )
        return self._send(call, event, "created_series", values, lang, sent)

    @executes(
        "create_all_day_event",
        "created_all_day",
        "created_days",
        "queued",
        "not_saved",
        "confirm_past",
        *ASK_TITLE_KEYS,
    )
    def _create_all_day(self, call: Call, lang: str, sent: int) -> Outcome:
        a = call.arguments
        first, last = dt.date.fromisoformat(a["date"]), dt.date.fromisoformat(a["end_date"])
        event = new_all_day_event(a["title"], first, last, self.zone)
        values = dict(
            title=event.title,
            day=replies.span(first, last, lang, self.today()),
            time=replies.say("all_day", lang),
            duration=replies.days(event.days, lang),
        )
        return self._send(call, event, "created_all_day" if first == last else "created_days", values, lang, sent)

    def _send(self, call: Call, event: NewEvent, key: str, values: dict[str, str], lang: str, sent: int) -> Outcome:
        """Write a new event (a series, whole days), or queue it when the calendar is out of reach."""
        try:
            info = self.calendar.create(event)
        except CalendarError as error:
            if not error.transient:
                raise
            try:
                self.outbox.add(event, lang)
            except OSError as disk:  # neither sent nor saved: say so; it is not in the calendar
                return self._outcome(
                    "error",
                    lang,
                    replies.say("not_saved", lang, title=event.title, problem=error.message(lang), disk=_disk(disk)),
                    sent,
                    call,
                    error=type(error).__name__,
                    exception=error,
                )
            self._remember(Change("queued", event.uid, event.title, lang))
            return self._outcome(
                "queued",
                lang,
                replies.say("queued", lang, problem=error.message(lang), **values),
                sent,
                call,
                events=(event.info().to_json(),),
                error=type(error).__name__,
                exception=error,
            )
        self._remember(Change("created", event.uid, event.title, lang, calendar=info.calendar))
        if not event.frequency and not event.all_day:
            self._just_made = (event.title, event.start.date())
        message = replies.say(key, lang, **values) + self._overlaps(event.info(), lang)
        return self._outcome("created", lang, message, sent, call, events=(info.to_json(),))

    def _ask_what(self, call: Call, lang: str, sent: int) -> Outcome:
        """Ask what a new event is for when only its request and time were said ("Erinnere mich morgen um 8",
        "set a reminder for Friday"); the next utterance names it, and what else is missing is asked after."""
        a = call.arguments
        self.waiting = _Waiting(call, lang, asking=("title",), weekdays=self._weekdays)
        values: dict[str, str] = {}
        key = "ask_title"
        if a.get("end_date") and a["end_date"] != a["date"]:  # whole days: "vom 30. November bis 6. Dezember"
            first, last = dt.date.fromisoformat(a["date"]), dt.date.fromisoformat(a["end_date"])
            key, values["day"] = key + "_days", replies.span(first, last, lang, self.today())
        elif a.get("date"):
            key, values["day"] = key + "_day", replies.day(dt.date.fromisoformat(a["date"]), lang, self.today())
        if a.get("time"):
            key, values["time"] = key + "_time", replies.clock(dt.time.fromisoformat(a["time"]), lang)
        return self._outcome("ask", lang, replies.say(key, lang, **values), sent, call, missing=call.missing)

    def _named(self, text: str, lang: str, today: dt.date, call: Call) -> dict[str, Any] | None:
        """What the answer to "what should I put in?" names: the title, and the day or time the call still lacks
        if the answer says them ("den Zahnarzt anrufen, um drei"). The model reads the answer as the request it
        completes ("erinnere mich an ..."); None when the answer is another calendar command ("Was habe ich
        morgen?")."""
        if self.model is not None:
            alone = self.model.predict(text, today, lang).call
            if isinstance(alone, Call) and alone.function not in _MAKERS:
                return None
            lead = _ANSWER_LEAD.match(text.strip())
            request = _REQUEST_FOR[lang if lang in _REQUEST_FOR else "en"]
            said = self.model.predict(f"{request[bool(lead)]} {text.strip()}", today, lang).call
            if isinstance(said, Call) and said.function in _MAKERS and said.arguments["title"]:
                return {n: v for n, v in said.arguments.items() if n in call.missing and v is not None}
        title = _ANSWER_LEAD.sub("", text.strip()).strip(" .!?,;:")
        return {"title": title} if title else None

    def _ask_when(self, call: Call, lang: str, sent: int) -> Outcome:
        """Ask for the date and/or time a create lacks; the next utterance completes it."""
        a = call.arguments
        self.waiting = _Waiting(call, lang, weekdays=self._weekdays, said=self._said[0])
        if "date" in call.missing and "time" in call.missing:
            message = replies.say("ask_when", lang, title=a["title"])
        elif "time" in call.missing:
            message = replies.say(
                "ask_time",
                lang,
                title=a["title"],
                day=replies.day(dt.date.fromisoformat(a["date"]), lang, self.today()),
            )
        else:
            message = replies.say(
                "ask_date", lang, title=a["title"], time=replies.clock(dt.time.fromisoformat(a["time"]), lang)
            )
        return self._outcome("ask", lang, message, sent, call, missing=call.missing)

    @executes(
        "list_events", "listed", "listed_none", "listed_pending", "listed_span", "listed_span_none", "listed_span_more"
    )
    def _list(self, call: Call, lang: str, sent: int) -> Outcome:
        first, last = (dt.date.fromisoformat(call.arguments[k]) for k in ("date", "end_date"))
        events = self.calendar.events_between(first, last)
        queued = self.queued_on(first, last)
        if first == last:
            label = replies.day(first, lang, self.today())
            if events:
                message = replies.say(
                    "listed", lang, day=label, events=replies.event_list(events, lang, self.zone, self.today())
                )
            else:
                message = replies.say("listed_none", lang, day=label)
        else:
            label = replies.span(first, last, lang, self.today())
            if not events:
                message = replies.say("listed_span_none", lang, span=label)
            elif len(events) <= LIST_ALOUD:
                message = replies.say(
                    "listed_span",
                    lang,
                    span=label,
                    count=replies.events(len(events), lang),  # "1 Termin", never "1 Termin(e)" read aloud
                    events=replies.by_day(events, lang, self.zone, self.today(), first),
                )
            else:  # a long list is summed up: the count and the first few
                message = replies.say(
                    "listed_span_more",
                    lang,
                    span=label,
                    n=len(events),
                    k=LIST_FIRST,
                    events=replies.by_day(events[:LIST_FIRST], lang, self.zone, self.today(), first),
                )
        if queued:
            message += replies.say("listed_pending", lang, events=replies.event_list(queued, lang, self.zone))
        return self._outcome("listed", lang, message, sent, call, events=tuple(e.to_json() for e in events))

    @executes(
        "find_event",
        "found",
        "found_none",
        "found_nothing_next",
        "ask_which_event",
        "not_found_at",
        "not_found_at_ahead",
        "ambiguous_at",
    )
    def _find(self, call: Call, lang: str, sent: int) -> Outcome:
        title = call.arguments["title"]
        at = self._at_said_clock(call, lang, sent)  # "when is my 3 o'clock?"
        if isinstance(at, Outcome):
            return at
        if names_next_event(title):  # "what's my next appointment": whatever comes next
            upcoming = self.calendar.next_event(self._now())
            if upcoming is None:
                return self._outcome("not_found", lang, replies.say("found_nothing_next", lang), sent, call)
            matches = [upcoming]
        else:
            matches = [at] if at is not None else self.calendar.find_next(title, self._now())
        if not matches:
            return self._outcome("not_found", lang, replies.say("found_none", lang, title=title), sent, call)
        event = matches[0]
        return self._outcome(
            "found",
            lang,
            replies.say("found", lang, title=event.title, when=replies.when(event, lang, self.zone, self.today())),
            sent,
            call,
            events=(event.to_json(),),
        )

    @executes(
        "move_event",
        "moved",
        "already_there",
        "ask_move_where",
        "not_found",
        "not_found_upcoming",
        "ambiguous",
        "which_event",
        "overlap",
        "ask_which_event",
        "not_found_at",
        "not_found_at_ahead",
        "ambiguous_at",
    )
    def _move(self, call: Call, lang: str, sent: int) -> Outcome:
        call = self._to_the_other_clock(call)
        a = call.arguments
        title = a["title"]
        if a["new_date"] is None and a["new_time"] is None:
            self.waiting = _Waiting(call, lang, asking=("new_date", "new_time"))
            return self._outcome(
                "ask",
                lang,
                replies.say("ask_move_where", lang, title=title),
                sent,
                call,
                missing=("new_date", "new_time"),
            )
        found = self._target(call, lang, sent)
        if isinstance(found, Outcome):
            return found
        target = found
        start = target.local_start(self.zone)
        day = (
            dt.date.fromisoformat(a["new_date"])
            if a["new_date"]
            else (start.date() if isinstance(start, dt.datetime) else start)
        )
        if isinstance(start, dt.datetime):
            length = (
                target.end - target.start
                if isinstance(target.end, dt.datetime) and isinstance(target.start, dt.datetime)
                else dt.timedelta(hours=1)
            )
            clock = dt.time.fromisoformat(a["new_time"]) if a["new_time"] else start.time()
            new_start: dt.datetime | dt.date = dt.datetime.combine(day, clock, tzinfo=ZoneInfo(self.zone))
            new_end: dt.datetime | dt.date = new_start + length
        else:  # an all-day event moves by whole days; a time said for it is not one it can take
            span = (target.end - target.start) if isinstance(target.end, dt.date) else dt.timedelta(days=1)
            new_start, new_end = day, day + span
        if new_start == start:  # "move the meeting to Friday" when it is on Friday: nothing to write
            when = replies.when(target, lang, self.zone, self.today())
            return self._outcome(
                "found", lang, replies.say("already_there", lang, title=target.title, when=when), sent, call
            )
        before = self.calendar.move(target, new_start, new_end)
        self._remember(
            Change(
                "changed",
                target.uid,
                target.title,
                lang,
                ical=before,
                calendar=target.calendar,
                extra={"href": target.href},
            )
        )
        moved = EventInfo(
            target.uid,
            target.title,
            new_start,
            new_end,
            target.calendar,
            target.href,
            target.recurring,
            target.recurrence_id,
        )
        start = moved.local_start(self.zone)
        if isinstance(start, dt.datetime) and not target.recurring:  # "actually make that 3" right after it
            self._just_made = (target.title, start.date())
        message = replies.say(
            "moved", lang, title=target.title, when=replies.when(moved, lang, self.zone, self.today())
        )
        return self._outcome(
            "moved", lang, message + self._overlaps(moved, lang), sent, call, events=(moved.to_json(),)
        )

    @executes(
        "delete_event",
        "confirm",
        "confirm_series",
        "deleted",
        "deleted_occurrence",
        "deleted_series",
        "ask_delete_date",
        "delete_soonest",
        "not_found",
        "ambiguous",
        "which_event",
        "ask_clear_date",
        "confirm_clear",
        "cleared",
        "nothing_to_clear",
        "nothing_next",
        "ask_which_event",
        "not_found_at",
        "not_found_at_ahead",
        "ambiguous_at",
    )
    def _delete(self, call: Call, lang: str, sent: int) -> Outcome:
        title = call.arguments["title"]
        soonest = ""  # said before the question when no day was said and the next one is offered
        if names_every_event(title):
            return self._clear(call, lang, sent)
        if names_next_event(title):  # "remove my next event": whatever comes next, named and asked about
            upcoming = self.calendar.next_event(self._now())
            if upcoming is None:
                return self._outcome("not_found", lang, replies.say("nothing_next", lang), sent, call)
            found: EventInfo | Outcome = upcoming
        elif call.arguments["date"] is None and self._clock_said(call) is None:
            ahead = self.calendar.find_next(title, self._now())
            if not ahead:  # none ahead: which day (a past one) is asked
                self.waiting = _Waiting(call, lang)
                return self._outcome(
                    "ask", lang, replies.say("ask_delete_date", lang, title=title), sent, call, missing=call.missing
                )
            found = ahead[0]  # the soonest, named and asked about; a day said instead is taken (_answer)
            soonest = replies.say("delete_soonest", lang)
        else:
            found = self._target(call, lang, sent)
        if isinstance(found, Outcome):
            return found
        target = self.calendar.versioned(found)  # what the user is asked about is what gets deleted, or nothing
        date = target.first_day(self.zone)
        label = replies.day(date, lang, self.today())
        if self.auto_confirm and is_exact_match(title, target) and not is_generic_title(title):
            # --yes never deletes more than the one occurrence that was named, and only an event named exactly:
            # a fuzzy or generic match is asked about even then
            return self._really_delete(call, target, lang, sent)
        at = self._at(target, lang)
        if target.recurrence_id:
            self.waiting = _Waiting(call, lang, target, series=True)
            return self._outcome(
                "ask",
                lang,
                soonest + replies.say("confirm_series", lang, title=target.title, day=label, at=at),
                sent,
                call,
                events=(target.to_json(),),
                missing=("series",),
            )
        self.waiting = _Waiting(call, lang, target)
        return self._outcome(
            "confirm",
            lang,
            soonest + replies.say("confirm", lang, title=target.title, day=label, at=at),
            sent,
            call,
            events=(target.to_json(),),
        )

    def _clear(self, call: Call, lang: str, sent: int) -> Outcome:
        """Every event of one day ("clear my calendar for Saturday"): the day asked for when unsaid, its events
        listed and deleted only after a "ja"/"yes" (``--yes`` too asks: it never deletes more than one event)."""
        if call.arguments["date"] is None:
            self.waiting = _Waiting(call, lang)
            return self._outcome("ask", lang, replies.say("ask_clear_date", lang), sent, call, missing=("date",))
        date = dt.date.fromisoformat(call.arguments["date"])
        label = replies.day(date, lang, self.today())
        on_day = tuple(self.calendar.versioned(e) for e in self.calendar.events_on(date))
        if not on_day:
            return self._outcome("not_found", lang, replies.say("nothing_to_clear", lang, day=label), sent, call)
        self.waiting = _Waiting(call, lang, on_day[0], clearing=on_day)
        listing = replies.event_list(on_day, lang, self.zone)
        return self._outcome(
            "confirm",
            lang,
            replies.say("confirm_clear", lang, count=replies.events(len(on_day), lang), day=label, events=listing),
            sent,
            call,
            events=tuple(e.to_json() for e in on_day),
        )

    def _really_clear(self, call: Call, events: tuple[EventInfo, ...], lang: str, sent: int) -> Outcome:
        """Delete a cleared day's events, each journaled under one batch so that one "undo" puts all back; of a
        series only the day's occurrence goes."""
        batch = f"clear-{time.time_ns()}"
        done: list[EventInfo] = []
        for target in events:
            self._delete_journaled(target, lang, batch=batch)
            done.append(target)
        day = replies.day(events[0].first_day(self.zone), lang, self.today())
        return self._outcome(
            "deleted",
            lang,
            replies.say("cleared", lang, count=replies.events(len(done), lang), day=day),
            sent,
            call,
            events=tuple(e.to_json() for e in done),
        )

    def _target(self, call: Call, lang: str, sent: int) -> EventInfo | Outcome:
        """The one event a move or delete names: on its day, or (no day said) the next upcoming one. None or
        several: an outcome that says so, and nothing changes."""
        if self._pinned is not None:
            return self._pinned
        title = call.arguments["title"]
        at = self._at_said_clock(call, lang, sent)
        if at is not None:
            return at
        if call.arguments["date"] is None:
            matches = self.calendar.find_next(title, self._now())
            if not matches:
                return self._outcome(
                    "not_found", lang, replies.say("not_found_upcoming", lang, title=title), sent, call
                )
            return matches[0]
        date = dt.date.fromisoformat(call.arguments["date"])
        label = replies.day(date, lang, self.today())
        on_day = self.calendar.events_on(date)
        matches = match_events(title, on_day)
        if not matches and len(on_day) == 1 and is_generic_title(title) and self._asks_before_deleting(call):
            return on_day[0]  # "cancel the thing on Saturday": the day's one event, which the delete asks about
        if not matches and on_day and is_generic_title(title):  # "den Termin morgen": list the day, ask which
            return self._several(call, "which_event", on_day, lang, sent, day=label, title=title)
        if not matches:
            return self._outcome("not_found", lang, replies.say("not_found", lang, day=label, title=title), sent, call)
        if len(matches) > 1:
            return self._several(call, "ambiguous", matches, lang, sent, day=label, title=title)
        return matches[0]

    def _asks_before_deleting(self, call: Call) -> bool:
        """Whether the call is a delete that is confirmed before it runs: a generic word ("the thing", "den
        Termin") may offer the day's one event only so; never a move, never under ``ask --yes`` (defect 4)."""
        return call.function == "delete_event" and not self.auto_confirm

    def _several(self, call: Call, key: str, events: list[EventInfo], lang: str, sent: int, **values: str) -> Outcome:
        """Several events a move or delete may mean: listed, and the next utterance may pick one ("the second",
        "den um 15 Uhr", "yoga"); nothing changes until then."""
        events = sorted(events, key=EventInfo.sort_key)
        self.waiting = _Waiting(call, lang, choices=tuple(events), said=self._said[0])
        listing = replies.event_list(events, lang, self.zone)
        return self._outcome(
            "ambiguous",
            lang,
            replies.say(key, lang, events=listing, **values),
            sent,
            call,
            events=tuple(e.to_json() for e in events),
        )

    def _at_said_clock(self, call: Call, lang: str, sent: int) -> EventInfo | Outcome | None:
        """The event a delete, move or find names by its start ("cancel my 3 o'clock", "das Meeting um 10", "the
        dentist at 3" among two): on the call's day, else on the first day ahead that has one at that time; an
        outcome when there are none or several. None when no start is said, or when the title names an event
        that none at that time is (the title then decides, as without a time)."""
        clock = self._clock_said(call)
        if clock is None:
            return None
        title = call.arguments["title"]
        named = not (names_no_event(title) or is_generic_title(title))
        said_day = dt.date.fromisoformat(call.arguments["date"]) if call.arguments.get("date") else None
        now = self._now()
        pool = (
            self.calendar.events_on(said_day)
            if said_day is not None
            else self.calendar.events_between(now.date(), now.date() + dt.timedelta(days=CLOCK_DAYS - 1))
        )
        starts = [(e, s) for e in pool if isinstance(s := e.local_start(self.zone), dt.datetime)]
        near = [(e, s) for e, s in starts if at_clock(s, clock) and (said_day is not None or s >= now)]
        timed = [e for e, s in near if at_clock(s, clock, twelve_hours=False)] or [e for e, _ in near]
        if named:
            timed = match_events(without_clock(title), timed)
        elif is_generic_title(title):  # "das Meeting um 10": a meeting at 10 first, any event at 10 else
            word = normalize_title(without_clock(title)).split()[-1]
            timed = [e for e in timed if word in normalize_title(e.title).split()] or timed
        if not timed and named:
            return None
        time = replies.clock(clock, lang)
        if not timed:
            if said_day is None:
                return self._outcome("not_found", lang, replies.say("not_found_at_ahead", lang, time=time), sent, call)
            day = replies.day(said_day, lang, self.today())
            return self._outcome("not_found", lang, replies.say("not_found_at", lang, time=time, day=day), sent, call)
        first = min(e.first_day(self.zone) for e in timed)
        timed = [e for e in timed if e.first_day(self.zone) == first]
        if len(timed) == 1:
            return timed[0]
        return self._several(
            call, "ambiguous_at", timed, lang, sent, time=time, day=replies.day(first, lang, self.today())
        )

    def _to_the_other_clock(self, call: Call) -> Call:
        """A move whose new time is the start said of its event ("das Meeting um 16 Uhr auf 17 Uhr" read as to
        16:00) goes to the other time said: to where it is already would change nothing."""
        said = self._clock_said(call)
        if said is None or call.arguments["new_time"] != f"{said:%H:%M}":
            return call
        others = [c for c in clocks_said(self._said[0], self._said[1] or None) if c != said]
        return call.with_arguments(new_time=f"{others[-1]:%H:%M}") if others else call

    def _clock_said(self, call: Call) -> dt.time | None:
        """The start the command's words give the event a delete, move or find means, if any."""
        text, lang = self._said
        if not text or call.function not in _NAMERS:
            return None
        return event_clock(text, lang or None, call.arguments.get("new_time"))

    def _names_nothing(self, call: Call) -> bool:
        """Whether a delete, move or find names no event: its title only a request verb or a pronoun ("cancel",
        "move it"), and no start said of one (that names it: "cancel my 3 o'clock")."""
        title = call.arguments["title"]
        if is_generic_title(title) or names_next_event(title) or names_every_event(title):
            return False
        return names_no_event(title) and self._clock_said(call) is None

    @contextmanager
    def _saying(self, text: str, lang: str) -> Iterator[None]:
        """The words of the command being run, for what its call does not carry (an event's own start)."""
        before, self._said = self._said, (text, lang)
        try:
            yield
        finally:
            self._said = before

    def _ask_which(self, call: Call, head: str, tail: str, lang: str, sent: int) -> Outcome:
        """Ask which event a delete, move or find means when it named none ("delete it" with nothing just made);
        the answer ("den Zahnarzt am Freitag") is read as the request said with it."""
        self.waiting = _Waiting(call, lang, which=PronounRequest(call.function, head, tail))
        return self._outcome("ask", lang, replies.say("ask_which_event", lang), sent, call, missing=("title",))

    def _about_it(self, about: PronounRequest, lang: str, today: dt.date, sent: int) -> Outcome:
        """A request whose event is only a pronoun: the event just made, moved, found or listed alone, with the
        rest of the request read by the model as said with its name ("move it to 5" -> "move dentist to 5");
        with no such event, which one is asked."""
        if self._referent is None:
            said = Call(about.function, function_by_name(about.function).fill_defaults({"title": about.it}, today))
            return self._ask_which(said, about.head, about.tail, lang, sent)
        name, day = self._referent
        return self._run_named(about, name, {"date": day.isoformat()}, lang, today, sent)

    def _run_named(
        self, about: PronounRequest, name: str, known: dict[str, Any], lang: str, today: dt.date, sent: int
    ) -> Outcome:
        """Run a request re-said with the name of its event: the model reads where a move goes, and what it
        reads of the name is replaced by ``name`` and ``known`` (the event's day)."""
        said = about.said_with(name)
        spec = function_by_name(about.function)
        call = Call(about.function, spec.fill_defaults({"title": name, **known}, today))
        if about.tail.strip() and self.model is not None:
            read = self.model.predict(said, today, lang, self._now().time()).call
            if isinstance(read, Call) and read.function == about.function:
                kept = {k: v for k, v in read.arguments.items() if k not in known and k != "title" and v is not None}
                call = call.with_arguments(**kept)
        with self._saying(said, lang):
            shifted = self._shifted(call, said, lang, sent)
            return shifted if isinstance(shifted, Outcome) else self.execute(shifted, lang, sent)

    def _which_answer(
        self, waiting: _Waiting, text: str, words: str, lang: str, today: dt.date, sent: int
    ) -> Outcome | None:
        """The answer to "which event do you mean?": a name, maybe with its day ("den Zahnarzt am Freitag"); None
        when it is a command of its own ("Was habe ich morgen?")."""
        assert waiting.which is not None
        self.waiting = None
        if words in NO:
            return self._outcome("cancelled", lang, replies.say("cancelled", lang), sent)
        answer = text.strip().rstrip(" .!?")
        if words in YES or pronoun_request(answer) is not None:
            return None  # "ja", "wann ist das": no name; a request of its own
        known = {k: v for k, v in waiting.call.arguments.items() if k != "title" and v is not None}
        if self.model is not None:
            alone = self.model.predict(answer, today, lang, self._now().time()).call
            if isinstance(alone, Call) and (
                alone.function == "list_events"
                or (alone.function in _MAKERS and not alone.missing and asks_for_an_event(answer))
                or (alone.function in _NAMERS and is_a_request(answer))
            ):
                return None
            read = self.model.predict(waiting.which.said_with(answer), today, lang, self._now().time()).call
            if (
                isinstance(read, Call)
                and read.function == waiting.call.function
                and not names_no_event(read.arguments["title"])
            ):
                day = {"date": read.arguments["date"]} if read.arguments.get("date") else {}
                return self._run_named(waiting.which, read.arguments["title"], {**known, **day}, lang, today, sent)
        name = _ANSWER_LEAD.sub("", answer).strip(" .!?,;:")
        if not name:
            return None
        return self._run_named(waiting.which, name, known, lang, today, sent)

    def _a_command_of_its_own(self, text: str, lang: str, today: dt.date) -> bool:
        """Whether the model reads the words alone as a whole request to make, move or delete an event, nothing
        left to ask, or as a new event asked for in so many words: then they are one, never the answer to the
        question asked before them (a listing is the model's reading of many a vague answer, "let's say around half
        past twelve", and asks nothing of the calendar)."""
        if self.model is None:
            return False
        alone = self.model.predict(text, today, lang, self._now().time()).call
        if not isinstance(alone, Call) or alone.function in ("list_events", "find_event"):
            return False
        if (
            alone.function in _MAKERS
            and alone.arguments["title"]
            and (asks_for_an_event(text) or says_a_new_event(text))
        ):
            return True  # "add a meeting at 2pm", "set a meeting for 2pm": a new event asked for, whatever it lacks
        return not alone.missing and (alone.function not in _NAMERS or not self._names_nothing(alone))

    def _choice(self, waiting: _Waiting, text: str, words: str, lang: str, sent: int) -> Outcome | None:
        """The answer to several events listed: the move or delete runs on the one it picks (by place, start or
        title); None when it picks none, so that it runs as a command of its own."""
        self.waiting = None
        if words in NO:
            return self._outcome("cancelled", lang, replies.say("cancelled", lang), sent)
        pick = chosen(waiting.choices, text, lang, self.zone)
        if pick is None:
            return None
        call = waiting.call.with_arguments(date=pick.first_day(self.zone).isoformat())
        self._pinned = pick
        try:
            with self._saying(waiting.said, lang):
                shifted = self._shifted(call, waiting.said, lang, sent)  # "push the meeting back an hour"
                return shifted if isinstance(shifted, Outcome) else self.execute(shifted, lang, sent)
        finally:
            self._pinned = None

    def _refer(self, outcome: Outcome) -> None:
        """Keep the one event a command made, moved, found, listed or asked about, for "it" in the next ones; a
        delete or undo forgets it, several events listed or matched too."""
        several = len(outcome.events) > 1 or (outcome.kind is OutcomeKind.LISTED and not outcome.events)
        if outcome.kind in (OutcomeKind.DELETED, OutcomeKind.UNDONE) or several:
            self._referent = None
        elif len(outcome.events) == 1 and outcome.kind in _REFERRING:
            event = outcome.events[0]
            start = event["start"]
            if "T" in start:
                day = dt.datetime.fromisoformat(start).astimezone(ZoneInfo(self.zone)).date()
            else:
                day = dt.date.fromisoformat(start)
            self._referent = (event["title"], day)

    def _really_delete(
        self, call: Call, target: EventInfo, lang: str, sent: int, whole_series: bool = False
    ) -> Outcome:
        day = replies.day(target.first_day(self.zone), lang, self.today())
        key = self._delete_journaled(target, lang, whole_series)
        return self._outcome(
            "deleted", lang, replies.say(key, lang, title=target.title, day=day), sent, call, events=(target.to_json(),)
        )

    def _delete_journaled(self, target: EventInfo, lang: str, whole_series: bool = False, batch: str = "") -> str:
        """Delete one event, or of a series only this occurrence unless ``whole_series``, and journal it for undo
        (under ``batch`` when it is part of a cleared day); the reply key that says what went."""
        extra = {"batch": batch} if batch else {}
        if target.recurrence_id and not whole_series:
            before = self.calendar.delete_occurrence(target)
            self._remember(
                Change(
                    "changed",
                    target.uid,
                    target.title,
                    lang,
                    ical=before,
                    calendar=target.calendar,
                    extra={"href": target.href, **extra},
                )
            )
            return "deleted_occurrence"
        ical = self.calendar.ical_of(target)
        self.calendar.delete(target)
        self._remember(
            Change("deleted", target.uid, target.title, lang, ical=ical, calendar=target.calendar, extra=extra)
        )
        return "deleted_series" if target.recurrence_id else "deleted"

    def _overlaps(self, event: EventInfo, lang: str) -> str:
        """' Achtung: um 15:00 ist schon 'Zahnarzt'.' for timed events the new one overlaps (the first day of a
        series); empty when there are none or the calendar cannot say."""
        start = event.local_start(self.zone)
        if not isinstance(start, dt.datetime) or not isinstance(event.end, dt.datetime):
            return ""
        try:
            others = self.calendar.events_on(start.date())
        except CalendarError:
            return ""
        clashes = [
            o
            for o in others
            if o.uid != event.uid
            and isinstance(o.start, dt.datetime)
            and isinstance(o.end, dt.datetime)
            and o.start < event.end
            and event.start < o.end
        ]
        return "".join(
            " " + replies.say("overlap", lang, title=o.title, time=replies.clock(o.local_start(self.zone).time(), lang))
            for o in clashes[:2]
        )  # type: ignore[union-attr]

    def _at(self, target: EventInfo, lang: str) -> str:
        start = target.local_start(self.zone)
        if isinstance(start, dt.datetime):
            return (" um " if lang == "de" else " at ") + replies.clock(start.time(), lang)
        return ""

    def _now(self) -> dt.datetime:
        """Now in the user's zone, on the assistant's today, at ``clock``'s time (by default the real one)."""
        zone = ZoneInfo(self.zone)
        time_of_day = self.clock() if self.clock is not None else dt.datetime.now(zone).time()
        return dt.datetime.combine(self.today(), time_of_day, tzinfo=zone)

    # ------------------------------------------------------------------ answers to a question

    def _answer(self, text: str, words: str, lang: str, today: dt.date, sent: int) -> Outcome | None:
        """Complete or cancel what waits; None when the utterance is a new command instead."""
        waiting = self.waiting
        assert waiting is not None
        lang = waiting.lang
        if waiting.target is not None and waiting.series:  # only this occurrence, or the whole series?
            if words in NO:
                return self.confirm(False, lang)
            if words in WHOLE_SERIES or words in ONLY_THIS or words in YES:
                waiting.whole_series = words in WHOLE_SERIES
                return self.confirm(True, lang)
            self.waiting = None
            return self._another_day(waiting, text, lang, today, sent)
        if waiting.past:  # a create in the past waiting for yes/no
            if words in YES:
                return self.execute(waiting.call, lang, sent, past_ok=True)
            if words in NO:
                self.waiting = None
                return self._outcome("cancelled", lang, replies.say("cancelled", lang), sent)
            self.waiting = None
            return None
        if waiting.target is not None:  # a delete waiting for yes/no
            if words in YES:
                return self.confirm(True, lang)
            if words in NO:
                return self.confirm(False, lang)
            self.waiting = None
            return self._another_day(waiting, text, lang, today, sent)
        if waiting.which is not None:  # "Welchen Termin meinst du?" - "den Zahnarzt"
            return self._which_answer(waiting, text, words, lang, today, sent)
        if waiting.choices:  # several listed: "the second", "den um 15 Uhr", "yoga"
            return self._choice(waiting, text, words, lang, sent)
        if words in NO:
            self.waiting = None
            return self._outcome("cancelled", lang, replies.say("cancelled", lang), sent)
        if "title" in waiting.asking:
            named = self._named(text, lang, today, waiting.call)
            if named is None:
                self.waiting = None
                return None
            return self.execute(waiting.call.with_arguments(**named), lang, sent)
        if said_shift(text) is not None and len(text.split()) <= 6:  # "Auf wann?" - "eine Stunde später" (a whole
            # new command, "Verschieb lieber das Meeting um eine Stunde nach hinten", is the model's to read)
            shifted = self._shifted(waiting.call, text, lang, sent)
            if shifted is not waiting.call:
                self.waiting = None
                return shifted if isinstance(shifted, Outcome) else self.execute(shifted, lang, sent)
        if not says_only_when(text) and self._a_command_of_its_own(text, lang, today):
            self.waiting = None  # "Um wie viel Uhr?" - "trag jeden Mittwoch Stammtisch um 20 Uhr ein": a new one
            return None
        if not says_loosely_when(text, str(waiting.call.arguments.get("title") or "")):
            self.waiting = None  # "order a pizza for 7 pm": more than a time, and no answer to the question
            return None
        changes: dict[str, Any] = {}
        spec = waiting.call.spec
        for name in waiting.asking or waiting.call.missing:
            ptype = spec.param(name).type
            if ptype.is_date and (date := resolve_date(text, today)) is not None:
                changes[name] = date.isoformat()
            elif ptype is ParamType.TIME and (time_ := _time_answered(text, lang, waiting.said)) is not None:
                changes[name] = f"{time_:%H:%M}"
        if not changes:
            self.waiting = None
            return None
        return self.execute(waiting.call.with_arguments(**changes), lang, sent)

    def _another_day(self, waiting: _Waiting, text: str, lang: str, today: dt.date, sent: int) -> Outcome | None:
        """A day said where a delete named without one offered the next ("Lösch den Zahnarzt" - "Soll ich den am
        Freitag löschen?" - "nein, den am Montag"): that day's; None when no day is said (a new command)."""
        if waiting.call.function != "delete_event" or waiting.call.arguments["date"] is not None or waiting.clearing:
            return None
        if names_next_event(waiting.call.arguments["title"]) or (date := said_only_a_day(text, today)) is None:
            return None  # a new command that names a day is run as such, never taken as the answer
        return self.execute(waiting.call.with_arguments(date=date.isoformat()), lang, sent)

    # ------------------------------------------------------------------ helpers

    def _misread(self, error: CallError, lang: str, sent: int = 0, call: Call | None = None) -> Outcome:
        """A call that did not validate as an outcome: what could not be read, and that nothing changed."""
        reason = error.reason(lang)
        return self._outcome(
            "not_understood",
            lang,
            replies.say("not_understood", lang, reason=reason),
            sent,
            call,
            error=type(error).__name__,
        )

    def _failed(self, error: CalendarError, lang: str, sent: int = 0, call: Call | None = None) -> Outcome:
        """A calendar error as an outcome: what went wrong, and that nothing changed (unless the server could
        not say whether a change it was sent was made: then exactly that)."""
        key = "error_unconfirmed" if isinstance(error, Unconfirmed) else "error"
        return self._outcome(
            "error",
            lang,
            replies.say(key, lang, problem=error.message(lang)),
            sent,
            call,
            error=type(error).__name__,
            exception=error,
        )

    def _outcome(
        self,
        kind: OutcomeKind | str,
        lang: str,
        message: str,
        sent: int = 0,
        call: Call | None = None,
        events: tuple[dict[str, Any], ...] = (),
        missing: tuple[str, ...] = (),
        error: str | None = None,
        exception: BaseException | None = None,
    ) -> Outcome:
        if sent:
            message = replies.say("sent", lang, n=sent) + " " + message
        log.info("%s -> %s%s", call.function if call is not None else "-", kind, f" ({error})" if error else "")
        pending = len(self.outbox.pending())
        message = " ".join([message, *self.notices(lang)])
        return Outcome(
            OutcomeKind(kind),
            message,
            lang,
            call.to_json() if call is not None else None,
            events,
            missing,
            sent,
            pending,
            error,
            exception,
        )
