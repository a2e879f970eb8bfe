"""A facade over one CalDAV account (``caldav``): create, list, find, delete, and typed errors.

Every failure becomes a ``CalendarError`` whose message names the server by host only (never the user
name, password or a URL with credentials in it) and says what the user can do. ``transient`` errors
(unreachable, slow, 5xx) are the ones a create may wait out in the outbox; the others would fail again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .ical import EventInfo, NewEvent, event_info, to_ical
from .settings import CalendarSettings

__all__ = [
    "AuthFailed",
    "CalDAVCalendar",
    "CalendarError",
    "CalendarNotFound",
    "EventRefused",
    "ServerFailed",
    "Unreachable",
    "match_events",
    "is_transient",
    "normalize_title",
    "redact_url",
    "server_label",
]

log = logging.getLogger(__name__)


class CalendarError(Exception):
    """A calendar operation failed; ``message(lang)`` is for the user, ``str()`` is the English one."""

    transient = False
    texts = {"de": "Der Kalender hat einen Fehler gemeldet ({server}).",
             "en": "The calendar reported an error ({server})."}

    def __init__(self, server: str, detail: str = "") -> None:
        self.server = server
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        text = self.texts.get(lang, self.texts["en"]).format(server=self.server)
        return f"{text} ({self.detail})" if self.detail else text


class Unreachable(CalendarError):
    transient = True
    texts = {"de": "Der Kalenderserver {server} ist nicht erreichbar. Läuft er, und stimmt die Adresse?",
             "en": "The calendar server {server} cannot be reached. Is it running, and is the address right?"}


class TimedOut(Unreachable):
    texts = {"de": "Der Kalenderserver {server} antwortet nicht rechtzeitig.",
             "en": "The calendar server {server} does not answer in time."}


class ServerFailed(CalendarError):
    transient = True
    texts = {"de": "Der Kalenderserver {server} hat einen Serverfehler gemeldet; später noch einmal versuchen.",
             "en": "The calendar server {server} reported a server error; try again later."}


class AuthFailed(CalendarError):
    texts = {"de": "Der Kalenderserver {server} lehnt die Anmeldung ab: Benutzername und Passwort "
                   "(bei Nextcloud ein App-Passwort) prüfen.",
             "en": "The calendar server {server} refuses the login: check the user name and password "
                   "(for Nextcloud, an app password)."}


class CalendarNotFound(CalendarError):
    texts = {"de": "Auf {server} gibt es diesen Kalender nicht; Adresse und Kalendername prüfen.",
             "en": "There is no such calendar on {server}; check the address and the calendar name."}


class EventRefused(CalendarError):
    texts = {"de": "Der Kalenderserver {server} hat die Änderung abgelehnt.",
             "en": "The calendar server {server} refused the change."}


def is_transient(error_name: str) -> bool:
    """Whether the CalendarError subclass of that name is one a later try may get past (offline, 5xx)."""
    pending = [CalendarError]
    while pending:
        cls = pending.pop()
        if cls.__name__ == error_name:
            return cls.transient
        pending += cls.__subclasses__()
    return False


def server_label(url: str) -> str:
    """host[:port] of a URL: what messages may name (a URL can carry user:password@)."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = parts.hostname or "?"
    return f"{host}:{parts.port}" if parts.port else host


def redact_url(url: str) -> str:
    """The URL without user:password@, for showing it."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


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
    if isinstance(error, dav.DAVError):
        status = _status(error)
        if status in (401, 403):
            return AuthFailed(server)
        if isinstance(error, dav.NotFoundError) or status == 404:
            return CalendarNotFound(server)
        if status is not None and status >= 500:
            return ServerFailed(server, f"HTTP {status}")
        if isinstance(error, (dav.PutError, dav.DeleteError)):
            return EventRefused(server, f"HTTP {status}" if status else "")
        return ServerFailed(server, f"HTTP {status}" if status else name)
    if isinstance(error, (ConnectionError, OSError)) or "Connection" in name or "SSL" in name:
        return Unreachable(server)
    return CalendarError(server, name)


def normalize_title(text: str) -> str:
    """Casefold, umlauts spelled out, accents and punctuation dropped: 'Müller-Treffen' ~ 'mueller treffen'."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def match_events(title: str, events: list[EventInfo], threshold: float = 80.0) -> list[EventInfo]:
    """Events whose title is the said title, up to case, umlauts and small ASR errors.

    An exact (normalized) match wins outright; otherwise every event scoring >= threshold is returned,
    so the caller can tell "none" and "several" apart and change nothing in both cases.
    """
    from rapidfuzz import fuzz

    said = normalize_title(title)
    exact = [e for e in events if normalize_title(e.title) == said]
    if exact:
        return exact
    scored = []
    for event in events:
        have = normalize_title(event.title)
        score = max(fuzz.ratio(said, have), fuzz.token_set_ratio(said, have) if min(len(said), len(have)) > 3 else 0)
        if score >= threshold:
            scored.append((score, event))
    if not scored:
        return []
    best = max(s for s, _ in scored)
    # A clear winner (10 points ahead of the rest) is one match, not an ambiguity.
    close = [e for s, e in scored if s >= best - 10]
    return close


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

    def _connect(self) -> None:
        if self._client is not None and self._target is not None:
            return
        import caldav

        with self._errors("connect"):
            # A user name with an empty password still answers a challenge (Radicale without auth needs one).
            user = self.settings.username or None
            client = caldav.DAVClient(url=self.url, username=user, password=self.settings.password if user else None,
                                      timeout=self.settings.timeout_s,
                                      ssl_verify_cert=self.settings.verify_tls, enable_rfc6764=False)
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

    def check(self) -> str:
        """Connect (creating the calendar if needed); the calendar's name."""
        self._connect()
        assert self._target is not None
        return self._target.name

    def create(self, event: NewEvent) -> EventInfo:
        """PUT the event under its UID; sending the same UID twice leaves one event (the outbox relies on it)."""
        self._connect()
        assert self._target is not None
        with self._errors("create"):
            obj = self._target.handle.add_event(to_ical(event))
        return event.info(self._target.name, str(obj.url))

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

    def events_on(self, day: dt.date) -> list[EventInfo]:
        """The events of that day in the user's zone, from every calendar of the account, recurring expanded."""
        self._connect()
        assert self._all is not None
        start = dt.datetime.combine(day, dt.time(0), tzinfo=self.zone)
        end = start + dt.timedelta(days=1)
        found: list[EventInfo] = []
        with self._errors("list"):
            for cal in self._all:
                for obj in cal.handle.search(event=True, start=start, end=end, expand=True):
                    for component in obj.icalendar_instance.walk("VEVENT"):
                        info = event_info(component, cal.name, str(obj.url))
                        if _on_day(info, day, self.zone):
                            found.append(info)
        return sorted(found, key=EventInfo.sort_key)

    def ical_of(self, event: EventInfo) -> str:
        """The stored object, so that an undo of a delete can put it back unchanged."""
        self._connect()
        with self._errors("read"):
            obj = self._object(event)
            return obj.get_data()

    def delete(self, event: EventInfo) -> None:
        self._connect()
        with self._errors("delete"):
            self._object(event).delete()

    def restore(self, ical: str, calendar: str = "") -> None:
        """Put back an object removed by ``delete`` (undo)."""
        self._connect()
        assert self._all is not None and self._target is not None
        cal = next((c for c in self._all if c.name == calendar), self._target)
        with self._errors("restore"):
            cal.handle.add_event(ical)

    def delete_uid(self, uid: str) -> bool:
        """Remove the event with this UID from the target calendar (undo of a create); False if it is gone."""
        from caldav.lib import error as dav

        self._connect()
        assert self._target is not None
        with self._errors("delete"):
            try:
                self._target.handle.get_event_by_uid(uid).delete()
                return True
            except dav.NotFoundError:
                return False

    def _object(self, event: EventInfo) -> Any:
        assert self._all is not None
        cal = next((c for c in self._all if c.name == event.calendar), self._target)
        assert cal is not None
        return cal.handle.event_by_url(event.href) if event.href else cal.handle.get_event_by_uid(event.uid)


def _on_day(event: EventInfo, day: dt.date, zone: ZoneInfo) -> bool:
    if event.all_day:
        end = event.end if isinstance(event.end, dt.date) and not isinstance(event.end, dt.datetime) else None
        return event.start <= day < (end or event.start + dt.timedelta(days=1))
    start = event.local_start(str(zone))
    assert isinstance(start, dt.datetime)
    end = event.end.astimezone(zone) if isinstance(event.end, dt.datetime) and event.end.tzinfo else start
    day_start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    return start.date() == day or (start < day_start < end)
