"""Durable state on disk: the outbox of creates made while offline, and the journal that makes undo work.

The outbox is one JSON file per pending event, written to a temporary name, fsynced and renamed, so a
crash or kill leaves either the whole entry or none. Each entry carries the event's UID, and the event is
stored on the server under that UID: if the process dies after the server took the event but before the
entry was removed, the next flush sees the UID on the server and only removes the entry. So every queued
event reaches the server exactly once. Deletes are never queued.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.calendar.client import EventRefused
from assistant.calendar.ical import NewEvent

__all__ = ["Change", "Journal", "Outbox", "Pending", "Refused", "quarantine", "write_json_atomic"]

log = logging.getLogger(__name__)


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:  # a full disk: no half-written temporary file left behind, the old file stays whole
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock across processes (two assistants flushing at once send each event once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Pending:
    event: NewEvent
    lang: str
    queued_at: float

    def to_json(self) -> dict[str, Any]:
        return {"event": self.event.to_json(), "lang": self.lang, "queued_at": self.queued_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pending:
        return cls(NewEvent.from_json(data["event"]), data.get("lang", "en"), float(data.get("queued_at", 0)))


def quarantine(path: Path, folder: Path) -> Path | None:
    """Move a damaged state file aside (never delete what a person may want to look at); where it went."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.{os.getpid()}"
        os.replace(path, target)
        log.warning("damaged state file %s moved to %s", path, target)
        return target
    except OSError as error:  # a read-only directory: leave it, reading goes on around it
        log.warning("damaged state file %s could not be moved aside: %s", path, error)
        return None


@dataclass(frozen=True)
class Refused:
    """A queued create the server will never take (a 4xx, an event it cannot store): set aside with its reason,
    so it neither blocks the rest nor disappears."""

    entry: Pending
    reason: str
    refused_at: float

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry.to_json(), "reason": self.reason, "refused_at": self.refused_at}

    @classmethod
    def from_json(cls, data: Any) -> Refused:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return cls(Pending.from_json(data["entry"]), str(data.get("reason", "")), float(data.get("refused_at", 0)))


class Outbox:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory) / "outbox"
        self.refused_dir = self.directory / "refused"
        self.damaged_dir = self.directory / "damaged"
        self.quarantined: list[Path] = []  # damaged entries moved aside in this process (said once)

    def _path(self, uid: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in uid)
        return self.directory / f"{safe}.json"

    def add(self, event: NewEvent, lang: str) -> Pending:
        entry = Pending(event, lang, time.time())
        write_json_atomic(self._path(event.uid), entry.to_json())
        return entry

    def remove(self, uid: str) -> bool:
        try:
            self._path(uid).unlink()
            return True
        except FileNotFoundError:
            return False

    def pending(self) -> list[Pending]:
        return sorted(self._read_all(self.directory, Pending.from_json), key=lambda p: p.queued_at)

    def _read_all(self, folder: Path, parse: Any) -> list[Any]:
        """Every entry file in ``folder`` parsed; one of the wrong shape (`null`, `[]`, truncated, binary) is never
        sent half and never a crash: it is moved aside once (``quarantined``)."""
        if not folder.exists():
            return []
        entries = []
        for path in folder.glob("*.json"):
            try:
                entries.append(parse(json.loads(path.read_text(encoding="utf-8"))))
            except FileNotFoundError:
                continue  # sent (or retried) by another process meanwhile
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                moved = quarantine(path, self.damaged_dir)
                if moved is not None:
                    self.quarantined.append(moved)
        return entries

    def __len__(self) -> int:
        """Entries waiting. Counted without reading them, since the TUI's status line asks on every update."""
        return sum(1 for _ in self.directory.glob("*.json")) if self.directory.exists() else 0

    def flush(self, calendar: Any) -> list[Pending]:
        """Send what is pending, oldest first. An entry the server refuses for good (a 4xx on its PUT, an event
        no calendar object can hold) is set aside (``refused``) and the rest is still sent; any other error
        (offline, 5xx, login) stops the flush (it raises: everything waits for the next try)."""
        sent = []
        with _locked(self.directory.parent / "outbox.lock"):
            for entry in self.pending():
                try:
                    if not calendar.has_uid(entry.event.uid):
                        calendar.create(entry.event)
                except EventRefused as error:  # this entry, for good (a 4xx on its PUT); the others still go
                    self._refuse(entry, f"{type(error).__name__}: {error.message(entry.lang)}")
                    continue
                except (ValueError, OverflowError) as error:  # an event no calendar object can hold
                    self._refuse(entry, f"{type(error).__name__}: {error}")
                    continue
                self.remove(entry.event.uid)
                sent.append(entry)
        return sent

    def _refuse(self, entry: Pending, reason: str) -> None:
        write_json_atomic(
            self.refused_dir / self._path(entry.event.uid).name, Refused(entry, reason, time.time()).to_json()
        )
        self.remove(entry.event.uid)
        log.warning("queued create %s refused for good: %s", entry.event.uid, reason)

    def refused(self) -> list[Refused]:
        """Creates the server refused for good, oldest first, each with its reason."""
        return sorted(self._read_all(self.refused_dir, Refused.from_json), key=lambda r: r.refused_at)

    def retry(self, uid: str) -> bool:
        """Put a refused create back in the queue (after the cause was fixed)."""
        path = self.refused_dir / self._path(uid).name
        try:
            refused = Refused.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        write_json_atomic(self._path(uid), refused.entry.to_json())
        path.unlink(missing_ok=True)
        return True

    def discard(self, uid: str) -> bool:
        """Drop a refused create for good (the user decided)."""
        path = self.refused_dir / self._path(uid).name
        if not path.exists():
            return False
        path.unlink()
        return True


@dataclass(frozen=True)
class Change:
    """One change the user may undo: a create (sent or queued) or a delete (with the object to put back)."""

    action: str  # "created" | "queued" | "deleted"
    uid: str
    title: str
    lang: str
    ical: str = ""
    calendar: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "uid": self.uid,
            "title": self.title,
            "lang": self.lang,
            "ical": self.ical,
            "calendar": self.calendar,
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        if not isinstance(data, dict):
            raise ValueError("a journal entry is not an object")
        return cls(
            data["action"],
            data["uid"],
            data["title"],
            data.get("lang", "en"),
            data.get("ical", ""),
            data.get("calendar", ""),
            data.get("extra", {}),
        )


class Journal:
    """The last changes, newest last, kept on disk so that `python -m assistant undo` works across runs."""

    def __init__(self, directory: Path, keep: int = 20) -> None:
        self.path = Path(directory) / "journal.json"
        self.keep = keep
        self.damaged: Path | None = None  # where a damaged journal went: undo says it is not available

    def changes(self) -> list[Change]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, list):
                raise ValueError("the journal is not a list")
            return [Change.from_json(c) for c in data]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("undo journal %s unreadable: %s", self.path, error)
            moved = quarantine(self.path, self.path.parent / "damaged")
            self.damaged = moved or self.path
            return []

    def push(self, change: Change) -> None:
        changes = [*self.changes(), change]
        start = max(0, len(changes) - self.keep)
        batch = change.extra.get("batch")
        while batch and start > 0 and changes[start - 1].extra.get("batch") == batch:
            start -= 1  # a cleared day is undone whole: its batch is never cut
        write_json_atomic(self.path, [c.to_json() for c in changes[start:]])

    def last(self) -> Change | None:
        changes = self.changes()
        return changes[-1] if changes else None

    def pop(self) -> None:
        write_json_atomic(self.path, [c.to_json() for c in self.changes()[:-1]])
