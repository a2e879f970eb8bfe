"""Logging for the front ends: one rotating file in the user log directory, the console only with --verbose,
and no secret in either (the configured password, credentials in URLs, tokens, Authorization headers)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

__all__ = ["Redact", "log_file", "setup_logging"]

_PATTERNS = [
    (re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?\w+\s+)[^'\"\s,}&]+"), r"\1***"),
    (re.compile(r"(://[^/\s:@]*:)[^@/\s]+@"), r"\1***@"),  # scheme://user:password@host
    (re.compile(r"(?i)([?&](?:access_token|token|password|passwd|pwd|secret|key|api_key|auth)=)[^&\s]+"), r"\1***"),
    (re.compile(r"(?i)((?:password|passwd|secret|token)['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}&]+"), r"\1***"),
]


def log_file() -> Path:
    """Where the log goes: $OCTOCAL_LOG_DIR, else the user log directory (platformdirs)."""
    folder = os.environ.get("OCTOCAL_LOG_DIR")
    if not folder:
        import platformdirs

        folder = platformdirs.user_log_dir("octocal")
    return Path(folder) / "octocal.log"


class Redact(logging.Filter):
    """Replaces secrets in every record's final text: the ones known (the password in use) and the ones that
    look like secrets. Applied on the handlers, so that a library's own log lines are covered too."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s and len(s) >= 3)

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        clean = self.clean(text)
        if clean != text:
            record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = self.clean(record.exc_text)
        return True

    def clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        for pattern, repl in _PATTERNS:
            text = pattern.sub(repl, text)
        return text


def setup_logging(verbose: bool = False, secrets: tuple[str, ...] = ()) -> Path | None:
    """Log INFO and up (DEBUG with ``verbose``) into a rotating file (1 MB, 3 kept); the console gets the same
    only with ``verbose``. Returns the file, or None when it cannot be written (logging then goes nowhere but
    the console: never a reason not to run)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_octocal", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redact = Redact(secrets)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        os.chmod(path, 0o600)  # a log of someone's calendar is theirs alone
    except OSError:
        path, handler = None, logging.NullHandler()
    handlers = [handler]
    if verbose:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(fmt)
        h.addFilter(redact)
        h._octocal = True  # type: ignore[attr-defined]
        root.addHandler(h)
    for noisy in ("urllib3", "niquests", "filelock", "httpx", "PIL", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)
    return path
