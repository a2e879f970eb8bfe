"""Settings: defaults < config file < environment < flags; the file is private; the password stays hidden."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.settings import Settings, load_settings, save_settings


def test_defaults_work_offline(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml", environ={})
    assert settings.calendar.embedded and settings.calendar.name == "Assistant"
    assert settings.calendar.verify_tls and settings.calendar.zone  # the machine's zone, or UTC


def test_priority_file_env_overrides(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[calendar]\nurl = "https://cloud.example.com/remote.php/dav"\nusername = "anna"\n'
        'name = "Persönlich"\ntimezone = "Europe/Berlin"\nverify_tls = false\n\n'
        "[speech]\nenabled = false\n"
    )
    s = load_settings(path, environ={})
    assert (s.calendar.url, s.calendar.name, s.calendar.verify_tls, s.speech.enabled) == (
        "https://cloud.example.com/remote.php/dav",
        "Persönlich",
        False,
        False,
    )
    env = {"ASSISTANT_CALDAV_PASSWORD": "from-env", "ASSISTANT_CALENDAR": "Arbeit"}
    s = load_settings(path, environ=env, overrides={"calendar": {"name": "Flag", "url": None}})
    assert (s.calendar.password, s.calendar.name, s.calendar.username) == ("from-env", "Flag", "anna")
    assert "from-env" not in repr(s)


def test_saved_file_is_private_and_round_trips(tmp_path: Path) -> None:
    settings = Settings()
    settings.calendar.url = "https://cloud.example.com/dav"
    settings.calendar.username = "anna"
    settings.calendar.password = 'p"w\\ü'
    settings.calendar.name = 'Zuhause "Familie"'
    path = save_settings(settings, tmp_path / "cfg" / "config.toml")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = load_settings(path, environ={})
    assert again.calendar == settings.calendar


def test_keyring_choice_keeps_password_out_of_the_file_or_falls_back(tmp_path: Path) -> None:
    settings = Settings()
    settings.calendar.url, settings.calendar.username, settings.calendar.password = "https://x/dav", "anna", "pw1"
    # The tests run with keyring's "fail" backend: nothing is written in plain text without consent (issue 20).
    from assistant.settings import KeyringUnavailable

    with pytest.raises(KeyringUnavailable):
        save_settings(settings, tmp_path / "config.toml", store_password="keyring")
    assert not (tmp_path / "config.toml").exists()
    path = save_settings(settings, tmp_path / "config.toml", store_password="file")  # the consent: plain 0600 file
    assert load_settings(path, environ={}).calendar.password == "pw1"
    path = save_settings(settings, tmp_path / "other.toml", store_password="none")
    assert "pw1" not in path.read_text() and load_settings(path, environ={}).calendar.password == ""


def test_credentials_in_the_url_move_out_of_it(tmp_path: Path) -> None:
    settings = Settings()
    settings.calendar.url = "https://anna:s%40cret@cloud.example.com:8443/remote.php/dav"
    path = save_settings(settings, tmp_path / "config.toml", store_password="file")
    text = path.read_text()
    assert "anna:" not in text and "https://cloud.example.com:8443/remote.php/dav" in text
    again = load_settings(path, environ={}).calendar
    assert (again.username, again.password) == ("anna", "s@cret")


@pytest.mark.parametrize(
    "url,shown",
    [
        ("https://anna:pw@host/dav", "https://host/dav"),
        ("https://host/dav?access_token=abc123&x=1", "https://host/dav?access_token=***&x=1"),
        ("https://host/dav?api_key=k&sig=s", "https://host/dav?api_key=***&sig=***"),
        ("https://host/dav", "https://host/dav"),
    ],
)
def test_shown_urls_mask_every_secret(url: str, shown: str) -> None:
    from assistant.calendar.client import redact_url

    assert redact_url(url) == shown
