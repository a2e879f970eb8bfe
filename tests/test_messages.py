"""The message catalog: every key in both languages with the same placeholders, every key the code names
exists, and the language rule (interface = setting or system locale; a reply = its command's language)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import messages
from assistant.schema.resolve import guess_lang

ROOT = Path(__file__).resolve().parent.parent / "assistant"


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    de, en = messages.catalog("de"), messages.catalog("en")
    assert set(de) == set(en), set(de) ^ set(en)
    for key in en:
        assert messages.placeholders(de[key]) == messages.placeholders(en[key]), key
        assert de[key].strip() and en[key].strip(), key


def _named_keys() -> set[str]:
    """Catalog keys named literally in the code: say("x"), t("x"), text("section.x"), error keys, bindings."""
    keys: set[str] = set()
    for path in ROOT.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        keys |= {f"reply.{k}" for k in re.findall(r"\bsay\(\s*\"(\w+)\"", source)}
        keys |= {k for k in re.findall(r"\btext\(\s*\"(\w+\.\w+)\"", source)}
        keys |= {k for k in re.findall(r"^\s+key = \"(\w+\.\w+)\"", source, re.M)}
        if path.parent.name == "tui":
            keys |= {f"ui.{k}" for k in re.findall(r"\bt\(\s*\"(\w+)\"", source)}
            keys |= {f"ui.{k}" for k in re.findall(r"Binding\([^)]*\"(key_\w+)\"\)", source)}
    return keys


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    named = _named_keys()
    assert len(named) > 60  # the scan finds the code's keys (a broken pattern would find none)
    assert named - set(messages.catalog("en")) == set()


def test_every_user_error_says_itself_in_both_languages() -> None:
    from assistant.calendar.client import CalendarError, Unreachable
    from assistant.schema.functions import CallError, InvalidDate
    from assistant.settings import KeyringUnavailable
    from assistant.speech.audio import AudioUnavailable
    from assistant.speech.stt import SpeechError

    for error in (
        AudioUnavailable("no device"),
        SpeechError("no model"),
        KeyringUnavailable("no backend"),
        InvalidDate("2026-13-01"),
        Unreachable("127.0.0.1:5232"),
    ):
        assert isinstance(error, messages.UserError)
        de, en = error.message("de"), error.message("en")
        assert de and en and de != en, type(error)
    assert issubclass(CalendarError, messages.UserError) and issubclass(CallError, messages.UserError)
    assert Unreachable("h").transient and not InvalidDate("x").transient


@pytest.mark.parametrize(
    "environ,lang",
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_interface_language_is_the_setting_else_the_system_locale(environ, lang) -> None:
    assert messages.interface_language("", environ) == lang
    assert messages.interface_language("de", environ) == "de"
    assert messages.interface_language("en", environ) == "en"


def test_a_reply_follows_its_commands_language_and_falls_back_to_the_interface() -> None:
    assert guess_lang("Trag Zahnarzt morgen um 9 ein", default="en") == "de"
    assert guess_lang("Add dentist tomorrow at 9", default="de") == "en"
    assert guess_lang("Yoga", default="de") == "de" and guess_lang("Yoga", default="en") == "en"
