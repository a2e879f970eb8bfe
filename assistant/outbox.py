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
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ical import NewEvent

__all__ = ["Change", "Journal", "Outbox", "Pending", "write_json_atomic"]


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
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


class Outbox:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory) / "outbox"

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
        if not self.directory.exists():
            return []
        entries = []
        for path in self.directory.glob("*.json"):
            try:
                entries.append(Pending.from_json(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError):
                continue  # a foreign or damaged file is left for a person to look at, never sent half
        return sorted(entries, key=lambda p: p.queued_at)

    def __len__(self) -> int:
        """Entries waiting (a damaged one included: it is still there for a person to look at). Counted
        without reading them, since the TUI's status line asks on every update."""
        return sum(1 for _ in self.directory.glob("*.json")) if self.directory.exists() else 0

    def flush(self, calendar: Any) -> list[Pending]:
        """Send what is pending, oldest first; stops at the first transient error (it raises)."""
        sent = []
        with _locked(self.directory.parent / "outbox.lock"):
            for entry in self.pending():
                if not calendar.has_uid(entry.event.uid):
                    calendar.create(entry.event)
                self.remove(entry.event.uid)
                sent.append(entry)
        return sent


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
        return {"action": self.action, "uid": self.uid, "title": self.title, "lang": self.lang, "ical": self.ical,
                "calendar": self.calendar, "extra": self.extra}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        return cls(data["action"], data["uid"], data["title"], data.get("lang", "en"), data.get("ical", ""),
                   data.get("calendar", ""), data.get("extra", {}))


class Journal:
    """The last changes, newest last, kept on disk so that `python -m assistant undo` works across runs."""

    def __init__(self, directory: Path, keep: int = 20) -> None:
        self.path = Path(directory) / "journal.json"
        self.keep = keep

    def changes(self) -> list[Change]:
        try:
            return [Change.from_json(c) for c in json.loads(self.path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, KeyError):
            return []

    def push(self, change: Change) -> None:
        write_json_atomic(self.path, [c.to_json() for c in [*self.changes(), change][-self.keep:]])

    def last(self) -> Change | None:
        changes = self.changes()
        return changes[-1] if changes else None

    def pop(self) -> None:
        write_json_atomic(self.path, [c.to_json() for c in self.changes()[:-1]])
