"""A facade over one CalDAV account (``caldav``): create, list, find, delete, and typed errors.

Every failure becomes a ``CalendarError`` whose message names the server by host only (never the user
name, password or a URL with credentials in it) and says what the user can do. ``transient`` errors
(unreachable, slow, 5xx) are the ones a create may wait out in the outbox; the others would fail again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from assistant import messages
from assistant.calendar.ical import EventInfo, NewEvent, event_info, to_ical
from assistant.calendar.names import compound_parts, equivalents
from assistant.settings import CalendarSettings

__all__ = [
    "AuthFailed",
    "CalDAVCalendar",
    "CalendarError",
    "CalendarNotFound",
    "CertificateUntrusted",
    "ChangedElsewhere",
    "EventRefused",
    "ServerFailed",
    "Unconfirmed",
    "Unreachable",
    "is_exact_match",
    "is_generic_title",
    "match_events",
    "normalize_title",
    "redact_url",
    "server_label",
]

log = logging.getLogger(__name__)


class CalendarError(messages.UserError):
    """A calendar operation failed; ``message(lang)`` is for the user, ``str()`` is the English one."""

    transient = False
    key = "error.calendar"

    def __init__(self, server: str, detail: str = "") -> None:
        self.server = server
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        text = messages.text(self.key, lang, server=self.server)
        return f"{text} ({self.detail})" if self.detail else text


class Unreachable(CalendarError):
    transient = True
    key = "error.unreachable"


class TimedOut(Unreachable):
    worker: threading.Thread | None = None  # the abandoned request's thread (tests join it)
    key = "error.timed_out"


class CertificateUntrusted(CalendarError):
    """TLS verification failed: never retried unverified on its own; the user is told how to trust a CA."""

    key = "error.certificate_untrusted"


class ServerFailed(CalendarError):
    transient = True
    key = "error.server_failed"


class AuthFailed(CalendarError):
    key = "error.auth_failed"


class CalendarNotFound(CalendarError):
    key = "error.calendar_not_found"


class ChangedElsewhere(CalendarError):
    key = "error.changed_elsewhere"


class Unconfirmed(CalendarError):
    """A change was sent, its answer never came, and the server could not be asked afterwards whether it was
    made: neither "done" nor "nothing changed" would be true."""

    key = "error.unconfirmed"


class EventRefused(CalendarError):
    key = "error.event_refused"


def server_label(url: str) -> str:
    """host[:port] of a URL: what messages may name (a URL can carry user:password@)."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = parts.hostname or "?"
    return f"{host}:{parts.port}" if parts.port else host


_SECRET_PARAM = re.compile(r"token|key|secret|pass|auth|sig|session|code", re.IGNORECASE)


def redact_url(url: str) -> str:
    """The URL without user:password@ and with secret-looking query values (token=, api_key=, ...) masked,
    for showing it."""
    from urllib.parse import parse_qsl, urlencode

    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        host = parts.hostname or ""
        parts = parts._replace(netloc=f"{host}:{parts.port}" if parts.port else host)
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, "***" if _SECRET_PARAM.search(k) else v) for k, v in pairs]
        parts = parts._replace(query=urlencode(query, safe="*"))
    return parts.geturl()


def _status(error: Any) -> int | None:
    status = getattr(error, "status", None)
    if isinstance(status, int):
        return status
    reason = str(getattr(error, "reason", ""))
    for token in reason.replace("(", " ").split():
        if token.isdigit() and len(token) == 3:
            return int(token)
    return None


def translate(error: BaseException, server: str) -> CalendarError:
    """Map niquests/caldav/socket exceptions onto the typed errors above."""
    from caldav.lib import error as dav

    name = type(error).__name__
    if isinstance(error, CalendarError):
        return error
    if "Timeout" in name or isinstance(error, TimeoutError):
        return TimedOut(server)
    if isinstance(error, dav.AuthorizationError):
        return AuthFailed(server)
    if type(error).__name__ in ("ETagMismatchError", "ScheduleTagMismatchError"):
        return ChangedElsewhere(server)
    if isinstance(error, dav.DAVError):
        status = _status(error)
        if status == 412:
            return ChangedElsewhere(server)
        if status in (401, 403):
            return AuthFailed(server)
        if isinstance(error, dav.NotFoundError) or status == 404:
            return CalendarNotFound(server)
        if status is not None and status >= 500:
            return ServerFailed(server, f"HTTP {status}")
        if isinstance(error, (dav.PutError, dav.DeleteError)):
            return EventRefused(server, f"HTTP {status}" if status else "")
        return ServerFailed(server, f"HTTP {status}" if status else name)
    if _is_certificate_error(error):
        return CertificateUntrusted(server)
    if isinstance(error, (ConnectionError, OSError)) or "Connection" in name or "SSL" in name:
        return Unreachable(server)
    return CalendarError(server, name)


def _is_certificate_error(error: BaseException) -> bool:
    """A failed certificate check, wherever the HTTP stack wrapped it (ssl, urllib3, niquests, caldav)."""
    import ssl

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if (
            isinstance(current, ssl.SSLCertVerificationError)
            or "CERTIFICATE_VERIFY_FAILED" in str(current)
            or "certificate verify failed" in str(current).lower()
        ):
            return True
        current = current.__cause__ or current.__context__
    return False


def normalize_title(text: str) -> str:
    """Casefold, umlauts spelled out, accents and punctuation dropped: 'Müller-Treffen' ~ 'mueller treffen'."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


# Words that name no particular event: "lösch den Termin morgen" must not pick "Termin beim Friseur".
GENERIC_WORDS = frozenset(
    "termin termine eintrag ereignis veranstaltung sache ding besprechung "
    "appointment appointments meeting event entry thing".split()
)
_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem mein meine meinen meinem unser unseren "
    "diesen dieser dies the my a an this that our".split()
)


# Words that join a name to what it is about and name nothing themselves ("mit", "beim", "with").
_LINK_WORDS = _ARTICLES | frozenset(
    "mit with beim bei im in am an at on for fuer von vom of zum zur to und and".split()
)


def is_generic_title(title: str) -> bool:
    """Whether a said title is only generic words ("den Termin", "the appointment", "meeting")."""
    words = normalize_title(title).split()
    return bool(words) and any(w in GENERIC_WORDS for w in words) and all(w in GENERIC_WORDS | _ARTICLES for w in words)


def is_exact_match(title: str, event: EventInfo) -> bool:
    return normalize_title(title) == normalize_title(event.title)


def _words_all_named(said: list[str], have: list[str]) -> bool:
    """Whether every word said that names something is in the event's title, in either language: "Flug" in
    "flight to Lisbon", "dentist appointment" in "Termin beim Zahnarzt", "Tom" in "Mittagessen mit Tom". A word is
    in the title as a word close to it ("Orthopäde" ~ "Orthopäden") or as a part of a compound ("Designteam")."""
    from rapidfuzz import fuzz

    def close(word: str, other: str) -> bool:
        return fuzz.ratio(word, other) >= 85 or (len(word) >= 4 and (other.startswith(word) or other.endswith(word)))

    def found(word: str) -> bool:
        if any(close(w, h) for w in (word, *equivalents(word)) for h in have):
            return True
        # "Klavierstunde" in "piano lesson": each part, in either language
        return any(all(found(part) for part in parts) for parts in compound_parts(word))

    named = [w for w in said if w not in _LINK_WORDS]
    return bool(named) and all(found(word) for word in named)


def _without_termin(word: str) -> str:
    """A German compound without its last part "termin" (and the joining "s"), when something is left."""
    if not word.endswith("termin") or len(word) < len("termin") + 3:
        return word
    stem = word[: -len("termin")]
    return stem[:-1] if stem.endswith("s") and len(stem) > 5 else stem


def match_events(title: str, events: list[EventInfo], threshold: float = 80.0) -> list[EventInfo]:
    """Events whose title is the said title, up to case, umlauts and small ASR errors, or, when none is, whose
    title has every word said, in either language ("Flug" finds "flight to Lisbon").

    An exact (normalized) match wins outright; otherwise every event scoring >= threshold is returned,
    so the caller can tell "none" and "several" apart and change nothing in both cases.
    """
    from rapidfuzz import fuzz

    said = normalize_title(title)
    exact = [e for e in events if normalize_title(e.title) == said]
    if exact:
        return exact
    if is_generic_title(title):  # generic words select only an event of exactly that name ("das Meeting")
        bare = " ".join(w for w in said.split() if w not in _ARTICLES)
        return [e for e in events if normalize_title(e.title) == bare]
    # "Termin mit Lisa" for "Kino mit Lisa": a generic word said besides what names the event is left out of its
    # words, and so are the words that join it ("mit", which alone names nothing)
    named = [w for w in said.split() if w not in GENERIC_WORDS]
    core = " ".join(w for w in named if w not in _LINK_WORDS) if len(named) < len(said.split()) else ""
    # "Zahnarzttermin" for "Zahnarzt", "Besprechungstermin" for "Besprechung": the appointment said with its noun
    stems = [_without_termin(w) for w in named]
    if stems != named:
        core = " ".join(w for w in stems if w not in _LINK_WORDS)
    scored = []
    for event in events:
        have = normalize_title(event.title)
        score = max(fuzz.ratio(said, have), fuzz.token_set_ratio(said, have) if min(len(said), len(have)) > 3 else 0)
        if core:
            score = max(score, fuzz.token_set_ratio(core, have))
        if score >= threshold:
            scored.append((score, event))
    if not scored:
        # none close as a whole: the events whose title has every word said, in either language
        return [e for e in events if _words_all_named(said.split(), normalize_title(e.title).split())]
    best = max(s for s, _ in scored)
    # A clear winner (10 points ahead of the rest) is one match, not an ambiguity.
    close = [e for s, e in scored if s >= best - 10]
    return close


_in_bounded = threading.local()


def _bounded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a calendar operation within the command's deadline (``CalDAVCalendar.begin``): a server that
    answers one byte at a time never trips a per-read timeout, so the operation runs in a worker thread and
    is given up when the deadline passes (TimedOut, a transient error: a create then goes to the outbox, and
    its UID keeps a late arrival from being sent twice). Nested operations share the outer one's thread."""

    @functools.wraps(method)
    def bounded(self: CalDAVCalendar, *args: Any, **kwargs: Any) -> Any:
        if getattr(_in_bounded, "active", False) or self.deadline is None:
            return method(self, *args, **kwargs)
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimedOut(self.server, "the command's time is up")
        box: dict[str, Any] = {}
        cancelled = threading.Event()

        def run() -> None:
            _in_bounded.active = True
            _in_bounded.cancelled = cancelled
            try:
                box["value"] = method(self, *args, **kwargs)
            except BaseException as error:  # noqa: BLE001 - handed to the caller below
                box["error"] = error

        worker = threading.Thread(target=run, name=f"caldav-{method.__name__}", daemon=True)
        worker.start()
        worker.join(left)
        if worker.is_alive():  # abandoned: its connection is dropped, the next operation connects afresh
            cancelled.set()  # a write it has not begun is never sent (_before_write)
            self._client = self._target = self._all = None
            log.warning("%s on %s gave up after the command's deadline", method.__name__, self.server)
            timed_out = TimedOut(self.server, f"no answer within {self.settings.deadline_s:.0f} s")
            timed_out.worker = worker
            raise timed_out
        if "error" in box:
            raise box["error"]
        return box.get("value")

    return bounded


def _before_write(server: str) -> None:
    """Called just before a request that changes the server: an operation the command already gave up on
    (deadline passed) must not change anything afterwards, behind the user's back."""
    cancelled = getattr(_in_bounded, "cancelled", None)
    if cancelled is not None and cancelled.is_set():
        raise TimedOut(server, "given up before the change was sent")


def _fingerprint(ical: str | None) -> list[tuple[str, str, int, str]] | None:
    """What a change sets, per VEVENT: its RECURRENCE-ID, start, SEQUENCE and EXDATEs (a server may
    re-serialise the rest); None for no object."""
    if ical is None:
        return None
    import icalendar

    out = []
    for c in icalendar.Calendar.from_ical(ical).walk("VEVENT"):
        exdates = c.get("exdate") or []
        exdates = exdates if isinstance(exdates, list) else [exdates]
        out.append(
            (
                str(c.get("recurrence-id").dt) if "recurrence-id" in c else "",
                str(c.decoded("dtstart")) if "dtstart" in c else "",
                int(c.get("sequence", 0)),
                ",".join(sorted(str(d.dt) for e in exdates for d in e.dts)),
            )
        )
    return sorted(out)


@dataclass
class _Collection:
    name: str
    handle: Any


class CalDAVCalendar:
    """One account; writes go to the calendar named in the settings (created if missing)."""

    def __init__(self, settings: CalendarSettings, url: str | None = None) -> None:
        self.settings = settings
        self.url = url or settings.url
        self.server = server_label(self.url)
        self._client: Any = None
        self._target: _Collection | None = None
        self._all: list[_Collection] | None = None
        self.deadline: float | None = None  # monotonic time the current command must be done by (command)
        self._connect_lock = threading.Lock()  # one connection at a time in this process (see connect_soon)

    @contextlib.contextmanager
    def command(self) -> Iterator[None]:
        """One user command: its calendar operations together get ``settings.deadline_s`` seconds (a command
        inside another shares the outer deadline)."""
        if self.deadline is not None or self.settings.deadline_s <= 0:
            yield
            return
        self.deadline = time.monotonic() + self.settings.deadline_s
        try:
            yield
        finally:
            self.deadline = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.zone)

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except Exception as error:  # noqa: BLE001 - everything becomes a typed, credential-free error
            typed = translate(error, self.server)
            log.debug("%s on %s failed: %s", what, self.server, type(error).__name__)
            if not typed.transient:
                self._client = None
                self._target = None
                self._all = None
            raise typed from None

    def connect_soon(self) -> threading.Thread:
        """Connect in a background thread, so that the first command finds the calendar ready (discovery and
        the first requests take a second or more). A failure here is only logged: the command that needs the
        calendar connects again, within its deadline, and says what is wrong."""

        def run() -> None:
            try:
                self._connect()
            except Exception as error:  # noqa: BLE001 - reported by the next command, which connects again
                log.info("early connect to %s failed: %s", self.server, type(error).__name__)

        thread = threading.Thread(target=run, name="caldav-connect-early", daemon=True)
        thread.start()
        return thread

    def _connect(self) -> None:
        if self._client is not None and self._target is not None:
            return
        import caldav

        with self._connect_lock:
            if self._client is None or self._target is None:  # an early connect may have finished meanwhile
                self._connect_locked(caldav)

    def _connect_locked(self, caldav: Any) -> None:
        with self._errors("connect"), _setup_lock():
            # A user name with an empty password still answers a challenge (Radicale without auth needs one).
            # The lock: two assistants started at once on a fresh account would each create the calendar.
            user = self.settings.username or None
            client = caldav.DAVClient(  # type: ignore[operator]  # caldav 3 exports it lazily, typed as object
                url=self.url,
                username=user,
                password=self.settings.password if user else None,
                timeout=self.settings.timeout_s,
                ssl_verify_cert=(self.settings.ca_bundle or True) if self.settings.verify_tls else False,
                enable_rfc6764=False,
            )
            principal = client.principal()
            calendars = [_Collection(str(c.get_display_name() or c.url), c) for c in principal.calendars()]
            wanted = self.settings.name.casefold()
            # A URL that is itself one of the account's calendars picks that calendar; else the name does.
            direct = self.url.split("@")[-1].rstrip("/")
            target = next((c for c in calendars if str(c.handle.url).split("@")[-1].rstrip("/") == direct), None)
            target = target or next((c for c in calendars if c.name.casefold() == wanted), None)
            if target is None:
                made = principal.make_calendar(name=self.settings.name)
                target = _Collection(self.settings.name, made)
                calendars.append(target)
            self._client, self._target, self._all = client, target, calendars

    @_bounded
    def check(self) -> str:
        """Connect (creating the calendar if needed); the calendar's name."""
        self._connect()
        assert self._target is not None
        return self._target.name

    @_bounded
    def create(self, event: NewEvent) -> EventInfo:
        """PUT the event under its UID; sending the same UID twice leaves one event (the outbox relies on it)."""
        self._connect()
        assert self._target is not None
        with self._errors("create"):
            _before_write(self.server)
            obj = self._target.handle.add_event(to_ical(event))
        return event.info(self._target.name, str(obj.url))

    @_bounded
    def has_uid(self, uid: str) -> bool:
        from caldav.lib import error as dav

        self._connect()
        assert self._target is not None
        with self._errors("lookup"):
            try:
                self._target.handle.get_event_by_uid(uid)
                return True
            except dav.NotFoundError:
                return False

    @_bounded
    def events_on(self, day: dt.date) -> list[EventInfo]:
        """The events of that day in the user's zone, from every calendar of the account, recurring expanded."""
        return self.events_between(day, day)

    @_bounded
    def events_between(self, first: dt.date, last: dt.date) -> list[EventInfo]:
        """The events touching the days first..last (inclusive) in the user's zone, from every calendar of the
        account; a series comes as its occurrences (caldav expands what the server does not)."""
        self._connect()
        assert self._all is not None
        start, end = self._window(first, last)
        found: dict[tuple[str, str, str], EventInfo] = {}
        with self._errors("list"):
            for cal in self._all:
                for obj in cal.handle.search(event=True, start=start, end=end, expand=True):
                    for component in obj.icalendar_instance.walk("VEVENT"):
                        info = event_info(component, cal.name, str(obj.url))
                        if _touches(info, first, last, self.zone):
                            found[(info.uid, info.recurrence_id, str(info.start))] = info
        return sorted(found.values(), key=EventInfo.sort_key)

    def _window(self, first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The days first..last (inclusive) as a time range in the user's zone, for a CalDAV search."""
        start = dt.datetime.combine(first, dt.time(0), tzinfo=self.zone)
        return start, dt.datetime.combine(last, dt.time(0), tzinfo=self.zone) + dt.timedelta(days=1)

    @_bounded
    def find_next(self, title: str, now: dt.datetime, days: int = 400) -> list[EventInfo]:
        """Events matching ``title`` (as ``match_events`` does) that start at ``now`` or later, soonest first;
        occurrences of a series included.

        Only the objects whose own title matches are expanded into their occurrences: expanding the whole
        calendar over 400 days made every find, and every move or delete without a day, slower with each
        daily series in it (the 1,000-command soak: seconds per command after a few hundred)."""
        import recurring_ical_events

        self._connect()
        assert self._all is not None
        first, last = now.date(), now.date() + dt.timedelta(days=days)
        start, end = self._window(first, last)
        found: dict[tuple[str, str, str], EventInfo] = {}
        with self._errors("find"):
            for cal in self._all:
                for obj in cal.handle.search(event=True, start=start, end=end, expand=False):
                    ical = obj.icalendar_instance
                    named = [event_info(c, cal.name, str(obj.url)) for c in ical.walk("VEVENT")]
                    if not match_events(title, named):
                        continue
                    if any("rrule" in c or "rdate" in c for c in ical.walk("VEVENT")):
                        components = recurring_ical_events.of(ical, components=["VEVENT"]).between(start, end)
                    else:
                        components = ical.walk("VEVENT")
                    for component in components:
                        info = event_info(component, cal.name, str(obj.url))
                        if _touches(info, first, last, self.zone) and _starts_after(info, now, self.zone):
                            found[(info.uid, info.recurrence_id, str(info.start))] = info
        return sorted(match_events(title, list(found.values())), key=EventInfo.sort_key)

    @_bounded
    def next_event(self, now: dt.datetime, horizons: tuple[int, ...] = (7, 31, 400)) -> EventInfo | None:
        """The soonest event of any title that starts at ``now`` or later, an occurrence of a series included;
        looked for a week ahead first, then a month, then as far as ``find_next`` looks."""
        for days in horizons:
            ahead = self.events_between(now.date(), now.date() + dt.timedelta(days=days))
            coming = [e for e in ahead if _starts_after(e, now, self.zone)]
            if coming:
                return min(coming, key=EventInfo.sort_key)
        return None

    def move(self, event: EventInfo, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> str:
        """Move the event (or one occurrence of a series, as a RECURRENCE-ID override) in place: same UID,
        SEQUENCE + 1, written with If-Match so that a change made elsewhere meanwhile is reported, not
        overwritten. Returns the object as it was, for undo."""

        def change(cal: Any) -> None:
            target = _component_for(cal, event)
            for name, value in (("dtstart", start), ("dtend", end)):
                target.pop(name, None)
                target.add(name, value)
            target.pop("duration", None)
            _bump_sequence(target)

        return self._rewrite(event, change)

    def delete_occurrence(self, event: EventInfo) -> str:
        """Delete one occurrence of a series: an EXDATE on the master, its override (if any) removed. Returns
        the object as it was, for undo."""

        def change(cal: Any) -> None:
            master = _master(cal)
            rid = _recurrence_id(master, event.recurrence_id)
            master.add("exdate", rid)
            _bump_sequence(master)
            for sub in list(cal.subcomponents):
                if sub.name == "VEVENT" and "recurrence-id" in sub and _same_instant(sub.decoded("recurrence-id"), rid):
                    cal.subcomponents.remove(sub)

        return self._rewrite(event, change)

    def _rewrite(self, event: EventInfo, change: Any) -> str:
        sent: dict[str, str] = {}
        try:
            return self._rewrite_once(event, change, sent)
        except Unreachable as error:
            if "written" not in sent:
                raise
            self._landed(error, lambda: _fingerprint(self._current(event)) == _fingerprint(sent["written"]))
            return sent["before"]

    @_bounded
    def _rewrite_once(self, event: EventInfo, change: Any, sent: dict[str, str]) -> str:
        self._connect()
        with self._errors("update"):
            obj = self._object(event)
            obj.load()
            before = obj.data
            cal = obj.icalendar_instance
            change(cal)
            obj.icalendar_instance = cal
            _before_write(self.server)
            sent["before"], sent["written"] = before, obj.data
            obj.save(increase_seqno=False, precondition="etag")
        return before

    def _landed(self, error: Unreachable, made: Callable[[], bool]) -> None:
        """A change was sent and its answer lost (reset, or the deadline passed): ask the server whether it was
        made. Made: return, it is done. Not made: the error stands ("nothing changed" is true). The server cannot
        be asked, or the abandoned request may still arrive: Unconfirmed."""
        worker = getattr(error, "worker", None)
        if worker is not None:
            worker.join(min(2.0, self.settings.deadline_s))
        saved = self.deadline
        if saved is not None:  # the command's time is spent; the question gets a short time of its own
            self.deadline = time.monotonic() + min(5.0, self.settings.deadline_s)
        try:
            done = made()
        except CalendarError:
            raise Unconfirmed(self.server) from error
        finally:
            self.deadline = saved
        if done:
            log.info("a change on %s was made though its answer was lost", self.server)
            return
        if worker is not None and worker.is_alive():
            raise Unconfirmed(self.server) from error
        raise error

    @_bounded
    def _current(self, event: EventInfo) -> str | None:
        """The object's data as the server holds it now; None when it is gone."""
        from caldav.lib import error as dav

        self._connect()
        with self._errors("read"):
            try:
                return self._object(event).get_data()
            except dav.NotFoundError:
                return None

    def replace(self, ical: str, calendar: str, href: str) -> None:
        """Put an object back as it was at ``href`` (undo of a move or of an occurrence's delete)."""
        try:
            self._replace_once(ical, calendar, href)
        except Unreachable as error:
            probe = EventInfo(_uid_of(ical), "", dt.date.min, None, calendar, href)
            self._landed(error, lambda: _fingerprint(self._current(probe)) == _fingerprint(ical))

    @_bounded
    def _replace_once(self, ical: str, calendar: str, href: str) -> None:
        self._connect()
        assert self._all is not None and self._target is not None
        cal = next((c for c in self._all if c.name == calendar), self._target)
        with self._errors("restore"):
            obj = cal.handle.event_by_url(href) if href else None
            _before_write(self.server)
            if obj is None:
                cal.handle.add_event(ical)
            else:
                obj.save(raw_data=ical.encode("utf-8"))

    @_bounded
    def ical_of(self, event: EventInfo) -> str:
        """The stored object, so that an undo of a delete can put it back unchanged."""
        self._connect()
        with self._errors("read"), _gone_is_changed(self.server):
            obj = self._object(event)
            return obj.get_data()

    @_bounded
    def versioned(self, event: EventInfo) -> EventInfo:
        """The event with the server's current version (ETag) of its object, read when the user is asked, so
        that a delete confirmed later can be made conditional on it (expanded listings carry no ETag)."""
        self._connect()
        with self._errors("lookup"):
            obj = self._object(event)
            obj.load()
            etag = str(getattr(obj, "etag", None) or "")
        return dataclasses.replace(event, etag=etag) if etag and not etag.startswith("W/") else event

    def delete(self, event: EventInfo) -> None:
        """Delete the event as it was read: if another client changed or removed it since (its ETag no longer
        matches), ChangedElsewhere is raised and nothing is deleted."""
        sent: dict[str, str] = {}
        try:
            self._delete_once(event, sent)
        except Unreachable as error:
            if "delete" not in sent:
                raise
            self._landed(error, lambda: self._current(event) is None)

    @_bounded
    def _delete_once(self, event: EventInfo, sent: dict[str, str]) -> None:
        self._connect()
        with self._errors("delete"), _gone_is_changed(self.server):
            obj = self._object(event)
            _before_write(self.server)
            sent["delete"] = event.uid
            obj.delete(if_match=event.etag or False)

    def restore(self, ical: str, calendar: str = "") -> None:
        """Put back an object removed by ``delete`` (undo)."""
        try:
            self._restore_once(ical, calendar)
        except Unreachable as error:
            self._landed(error, lambda: self.has_uid(_uid_of(ical)))

    @_bounded
    def _restore_once(self, ical: str, calendar: str) -> None:
        self._connect()
        assert self._all is not None and self._target is not None
        cal = next((c for c in self._all if c.name == calendar), self._target)
        with self._errors("restore"):
            _before_write(self.server)
            cal.handle.add_event(ical)

    def delete_uid(self, uid: str) -> bool:
        """Remove the event with this UID from the target calendar (undo of a create); False if it is gone."""
        sent: dict[str, str] = {}
        try:
            return self._delete_uid_once(uid, sent)
        except Unreachable as error:
            if "delete" not in sent:
                raise
            self._landed(error, lambda: not self.has_uid(uid))
            return True

    @_bounded
    def _delete_uid_once(self, uid: str, sent: dict[str, str]) -> bool:
        from caldav.lib import error as dav

        self._connect()
        assert self._target is not None
        with self._errors("delete"):
            try:
                obj = self._target.handle.get_event_by_uid(uid)
            except dav.NotFoundError:
                return False
            _before_write(self.server)
            sent["delete"] = uid
            obj.delete()
            return True

    def _object(self, event: EventInfo) -> Any:
        assert self._all is not None
        cal = next((c for c in self._all if c.name == event.calendar), self._target)
        assert cal is not None
        return cal.handle.event_by_url(event.href) if event.href else cal.handle.get_event_by_uid(event.uid)


def _uid_of(ical: str) -> str:
    m = re.search(r"^UID:(.+?)\r?$", ical, re.MULTILINE)
    return m[1].strip() if m else ""


@contextlib.contextmanager
def _gone_is_changed(server: str) -> Iterator[None]:
    """An event that was there when the user was asked and is gone now was changed elsewhere (not "no such
    calendar")."""
    from caldav.lib import error as dav

    try:
        yield
    except dav.DAVError as error:
        if isinstance(error, dav.NotFoundError) or _status(error) in (404, 410):
            raise ChangedElsewhere(server, "gone") from None
        raise


@contextlib.contextmanager
def _setup_lock() -> Iterator[None]:
    """Serialise finding (and, the first time, creating) the calendar across processes of this user."""
    import fcntl

    from assistant.settings import data_dir

    try:
        path = data_dir() / "calendar-setup.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "a")  # noqa: SIM115 - held for the block
    except OSError:  # a read-only data directory: go on unlocked rather than not at all
        yield
        return
    with fh:
        give_up = time.monotonic() + 10.0  # a setup stuck elsewhere (a dripping server) must not block forever
        locked = False
        while not locked and time.monotonic() < give_up:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:
                time.sleep(0.05)
        try:
            yield
        finally:
            if locked:
                fcntl.flock(fh, fcntl.LOCK_UN)


def _touches(event: EventInfo, first: dt.date, last: dt.date, zone: ZoneInfo) -> bool:
    return event.first_day(str(zone)) <= last and event.last_day(str(zone)) >= first


def _starts_after(event: EventInfo, now: dt.datetime, zone: ZoneInfo) -> bool:
    start = event.local_start(str(zone))
    if isinstance(start, dt.datetime):
        return start >= now
    return start >= now.date()


def _master(cal: Any) -> Any:
    return next(c for c in cal.walk("VEVENT") if "recurrence-id" not in c)


def _recurrence_id(master: Any, text: str) -> dt.datetime | dt.date:
    """An occurrence's RECURRENCE-ID in the zone of the series' DTSTART (a bare UTC offset has no TZID)."""
    if "T" not in text:
        return dt.date.fromisoformat(text)
    value = dt.datetime.fromisoformat(text)
    start = master.decoded("dtstart")
    if value.tzinfo is not None and isinstance(start, dt.datetime) and start.tzinfo is not None:
        return value.astimezone(start.tzinfo)
    return value


def _same_instant(a: Any, b: Any) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return (a.tzinfo is None) == (b.tzinfo is None) and a == b
    return a == b


def _component_for(cal: Any, event: EventInfo) -> Any:
    """The VEVENT to change for this event: the master, or an occurrence's override (made if there is none:
    a copy of the master without its repetition, with RECURRENCE-ID = the occurrence's original start)."""
    import icalendar

    master = _master(cal)
    if not event.recurrence_id or "rrule" not in master:
        return master
    rid = _recurrence_id(master, event.recurrence_id)
    for sub in cal.walk("VEVENT"):
        if "recurrence-id" in sub and _same_instant(sub.decoded("recurrence-id"), rid):
            return sub
    override = icalendar.Event()
    for key in ("uid", "summary", "description", "location"):
        if key in master:
            override.add(key, master[key])
    override.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    override.add("recurrence-id", rid)
    cal.add_component(override)
    return override


def _bump_sequence(component: Any) -> None:
    sequence = int(component.get("sequence", 0))
    component.pop("sequence", None)
    component.add("sequence", sequence + 1)
