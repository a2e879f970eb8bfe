"""Settings: dataclasses with offline defaults, read from a TOML file, the environment and the keyring.

Nothing is read on import. ``load_settings()`` merges, in rising priority: defaults, the config file
(``<user config dir>/octocal/config.toml``), environment variables, then explicit overrides (CLI flags).
The password is never part of ``repr`` and never written to logs; ``save_settings`` writes the file 0600.

Example config file::

    [calendar]
    url = "https://cloud.example.com/remote.php/dav"   # empty: the embedded local server
    username = "anna"
    password = "app-password"     # or leave it out: keyring, then ASSISTANT_CALDAV_PASSWORD
    name = "Persönlich"
    timezone = "Europe/Berlin"
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.messages import UserError

__all__ = [
    "CalendarSettings",
    "KEYRING_SERVICE",
    "KeyringUnavailable",
    "Settings",
    "SpeechSettings",
    "config_path",
    "data_dir",
    "load_settings",
    "local_timezone",
    "save_settings",
]

KEYRING_SERVICE = "octocal"
ENV = {
    "url": "ASSISTANT_CALDAV_URL",
    "username": "ASSISTANT_CALDAV_USERNAME",
    "password": "ASSISTANT_CALDAV_PASSWORD",
    "name": "ASSISTANT_CALENDAR",
    "timezone": "ASSISTANT_TIMEZONE",
    "ca_bundle": "ASSISTANT_CA_BUNDLE",
}


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("octocal"))


def config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("octocal")) / "config.toml"


def local_timezone() -> str:
    """The IANA name of the machine's zone (events carry it as TZID); UTC when it cannot be told."""
    try:
        import tzlocal

        return tzlocal.get_localzone_name() or "UTC"
    except Exception:  # noqa: BLE001 - an odd /etc/localtime must not stop the assistant
        return "UTC"


@dataclass
class CalendarSettings:
    """Where the calendar is. An empty ``url`` means the embedded Radicale on 127.0.0.1."""

    url: str = field(default="", metadata={"help": "CalDAV server URL; empty: the embedded local server"})
    username: str = field(default="", metadata={"help": "CalDAV user name"})
    password: str = field(default="", repr=False, metadata={"cli": False})
    name: str = field(default="Assistant", metadata={"help": "calendar to write to (created if missing)"})
    timezone: str = field(default="", metadata={"help": "IANA zone of new events; empty: the machine's zone"})
    verify_tls: bool = field(default=True, metadata={"help": "verify the server's TLS certificate"})
    ca_bundle: str = field(
        default="",
        metadata={"help": "CA certificate file (PEM) to trust for the server, for a self-signed or company CA"},
    )
    timeout_s: float = field(default=10.0, metadata={"help": "seconds to wait for the server"})
    deadline_s: float = field(
        default=15.0,
        metadata={
            "help": "seconds a whole command may take on the server; past it a create is queued (0: no deadline)"
        },
    )
    storage: str = field(default="", metadata={"help": "embedded server storage; empty: user data dir"})

    @property
    def embedded(self) -> bool:
        return not self.url

    @property
    def zone(self) -> str:
        return self.timezone or local_timezone()


@dataclass
class SpeechSettings:
    enabled: bool = True  # speak confirmations
    whisper_model: str = "base"  # "base" (bundled), "tiny.en", or a path to a faster-whisper model
    german_voice: str = ""  # path to a German piper .onnx voice (de_DE-thorsten); empty: espeak-ng


@dataclass
class Settings:
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    language: str = ""  # "de", "en", or empty: detect per utterance
    model: str = ""  # adapter directory; empty: the bundled model
    quant: str = ""  # the model's linear layers: "int8" (about 2x faster), "none" (bf16 as trained); empty: int8
    state_dir: str = ""  # outbox and undo journal; empty: the user data dir

    @property
    def state_path(self) -> Path:
        return Path(self.state_dir) if self.state_dir else data_dir()


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def _apply(obj: Any, values: dict[str, Any]) -> None:
    for f in dataclasses.fields(obj):
        if f.name in values and values[f.name] is not None:
            current = getattr(obj, f.name)
            if dataclasses.is_dataclass(current):
                _apply(current, values[f.name])
            else:
                value = values[f.name]
                setattr(obj, f.name, type(current)(value) if not isinstance(current, bool) else bool(value))


def keyring_password(username: str, url: str) -> str:
    """The password stored in the system keyring for this account, or '' (no keyring is fine)."""
    if not username:
        return ""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, f"{username}@{url}") or ""
    except Exception:  # noqa: BLE001 - no backend, locked, headless: fall back to other sources
        return ""


def load_settings(
    path: Path | None = None,
    environ: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
    use_keyring: bool = True,
) -> Settings:
    """Defaults < config file < environment < ``overrides`` (nested dicts, as the CLI builds them)."""
    settings = Settings()
    path = path if path is not None else config_path()
    if path.exists():
        _apply(settings, _read_toml(path))
    env = os.environ if environ is None else environ
    _apply(settings.calendar, {k: env[v] for k, v in ENV.items() if env.get(v)})
    if overrides:
        _apply(settings, overrides)
    cal = settings.calendar
    if cal.url and cal.username and not cal.password and use_keyring:
        cal.password = keyring_password(cal.username, cal.url)
    return settings


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value))  # a JSON string with ASCII escapes is a valid TOML basic string


class KeyringUnavailable(UserError, RuntimeError):
    """No working system keyring: the password was not stored anywhere."""

    key = "error.keyring"


def _credentials_out_of_url(cal: CalendarSettings) -> None:
    """``https://anna:pw@host/dav`` -> url ``https://host/dav``, username anna, password pw (unless set)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(cal.url)
    if parts.username is None and parts.password is None:
        return
    cal.username = cal.username or unquote(parts.username or "")
    cal.password = cal.password or unquote(parts.password or "")
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    cal.url = parts._replace(netloc=netloc).geturl()


def save_settings(settings: Settings, path: Path | None = None, store_password: str = "file") -> Path:
    """Write the config file readable by the owner only. ``store_password``: 'file', 'keyring' or 'none'.

    With 'keyring' the password goes to the system keyring and stays out of the file; if no keyring works,
    ``KeyringUnavailable`` is raised and nothing is written (a plain-text fallback needs the user's consent:
    saving again with 'file'). Credentials in the URL (``https://user:pw@host``) move into the user name and the
    secret store; the URL is stored without them.
    """
    path = path if path is not None else config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    cal = settings.calendar
    _credentials_out_of_url(cal)
    if store_password == "keyring" and cal.password:
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, f"{cal.username}@{cal.url}", cal.password)
        except Exception as error:  # noqa: BLE001 - no backend, locked, headless
            raise KeyringUnavailable(f"{type(error).__name__}: {error}") from None
    lines = []
    for section in ("calendar", "speech"):
        lines.append(f"[{section}]")
        obj = getattr(settings, section)
        for f in dataclasses.fields(obj):
            if f.name == "password" and (store_password != "file" or not cal.password):
                continue
            lines.append(f"{f.name} = {_toml_value(getattr(obj, f.name))}")
        lines.append("")
    top = [f"{name} = {_toml_value(getattr(settings, name))}" for name in ("language", "model", "quant", "state_dir")]
    text = "\n".join(top + [""] + lines)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path
