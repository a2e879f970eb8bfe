"""Every sentence the user reads or hears, one TOML file per language (``de.toml``, ``en.toml``), and the one
language rule the CLI and the TUI share.

Why TOML files and not gettext: the catalog is small (a few hundred keys), has exactly two languages, and the
keys are what tests assert on; a flat ``section.key`` table read with the standard library keeps it one file per
language that a translator can edit without tools. ``tests/test_messages.py`` checks that both files have the
same keys and the same ``{placeholders}``.

The language rule: the *interface* language (labels, footer, buttons, messages not caused by a command) is the
``language`` setting, or the system locale when it is empty; a *reply* is in the language of the command it
answers (Whisper's detected language, ``--lang``, or the words typed).
"""

from __future__ import annotations

import functools
import locale
import os
import string
from collections.abc import Mapping
from importlib import resources

import tomllib

__all__ = ["LANGS", "UserError", "catalog", "interface_language", "placeholders", "system_language", "text"]

LANGS = ("de", "en")


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """All texts of a language as {"section.key": template}."""
    raw = resources.files(__package__).joinpath(f"{lang}.toml").read_text(encoding="utf-8")
    return {
        f"{section}.{key}": value for section, entries in tomllib.loads(raw).items() for key, value in entries.items()
    }


def text(key: str, lang: str, **values: object) -> str:
    """The sentence ``key`` ("reply.created", "ui.title", "error.unreachable") in ``lang`` (English when the
    language is not one of ours), filled with ``values``."""
    return catalog(lang if lang in LANGS else "en")[key].format(**values)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """ "de" when the user's locale is German (LC_ALL, LC_MESSAGES, LANG, LANGUAGE, then Python's), else "en"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "de" if value.lower().startswith("de") else "en"
    if environ is None:
        current = locale.getlocale(locale.LC_MESSAGES)[0] or ""
        return "de" if current.lower().startswith("de") else "en"
    return "en"


def interface_language(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the interface: the setting when it names one of ours, else the system's."""
    return setting if setting in LANGS else system_language(environ)


class UserError(Exception):
    """The root of every error the user can be told about: ``message(lang)`` says it from the catalog
    (``key``), ``transient`` says whether trying again later may help. The CLI and the TUI catch this root;
    anything else is a bug, logged with its traceback."""

    key = "error.generic"
    transient = False

    def message(self, lang: str) -> str:
        return text(self.key, lang, detail=str(self))
