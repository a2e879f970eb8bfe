"""Modal screens: the delete confirmation and the settings form."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, Switch

from assistant import messages
from assistant.calendar.outbox import Refused
from assistant.settings import Settings

__all__ = ["ConfirmScreen", "OutboxScreen", "SettingsScreen", "localize_bindings"]


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Key descriptions in BINDINGS are catalog keys ("key_undo"): say them in ``lang`` in the footer. Textual
    reads a node's bindings from its own copy, so one app or screen can be German and the next English."""
    merged = type(node)._merged_bindings  # the class's own keys, so a node can be said again in another language
    if merged is not None:
        node._bindings = merged.copy()
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=messages.text(f"ui.{b.description}", lang))
            if f"ui.{b.description}" in messages.catalog("en")
            else b
            for b in bindings
        ]


class ConfirmScreen(ModalScreen[bool]):
    """Asks before a delete; Escape, 'n' and the No button all keep the event."""

    BINDINGS = [Binding("y,j", "answer(True)", "key_yes"), Binding("n,escape", "answer(False)", "key_no")]

    def __init__(self, question: str, lang: str) -> None:
        """``lang``: the question's (the reply's) language; the buttons answer in it."""
        super().__init__()
        self.question = question
        self.lang = lang
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yes, no = messages.text("ui.confirm_yes", self.lang), messages.text("ui.confirm_no", self.lang)
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(yes, variant="error", id="yes")
                yield Button(no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe choice has focus

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """A button answers the question."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class OutboxScreen(ModalScreen[tuple[str, str] | None]):
    """Creates the server refused for good, each with its reason and a way to send it again (after fixing the
    cause) or to drop it; answers ("retry" | "discard", uid), or None when closed."""

    BINDINGS = [Binding("escape", "close", "key_close")]

    def __init__(self, refused: list[Refused], lang: str) -> None:
        super().__init__()
        self.refused = refused
        self.lang = lang
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        title, none, again, drop, close = (
            messages.text(f"ui.outbox_{k}", self.lang) for k in ("title", "none", "retry", "discard", "close")
        )
        with VerticalScroll(id="outbox-box"):
            yield Static(title, id="outbox-title")
            if not self.refused:
                yield Static(none)
            for i, r in enumerate(self.refused):
                event = r.entry.event
                with Horizontal(classes="outbox-row"):
                    yield Label(f"{event.start:%Y-%m-%d %H:%M}  {event.title}  ({r.reason})", markup=False)
                    yield Button(again, id=f"retry-{i}", compact=True)
                    yield Button(drop, variant="error", id=f"discard-{i}", compact=True)
            yield Button(close, variant="primary", id="close", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        action, _, index = (event.button.id or "").partition("-")
        if action in ("retry", "discard"):
            self.dismiss((action, self.refused[int(index)].entry.event.uid))
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class SettingsScreen(ModalScreen[Settings | None]):
    """CalDAV server, calendar, credentials, voice, Whisper model, language; saved like `assistant config`."""

    BINDINGS = [Binding("escape", "cancel", "key_cancel")]

    def __init__(self, settings: Settings, lang: str = "en") -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        localize_bindings(self, lang)

    def t(self, key: str) -> str:
        return messages.text(f"ui.{key}", self.lang)

    def compose(self) -> ComposeResult:
        cal = self.settings.calendar
        speech = self.settings.speech
        t = self.t
        fields = [
            (t("settings_url"), "url", cal.url, t("settings_url_hint")),
            (t("settings_user"), "username", cal.username, ""),
            (t("settings_password"), "password", cal.password, t("settings_password_hint")),
            (t("settings_calendar"), "name", cal.name, ""),
            (t("settings_whisper"), "whisper", speech.whisper_model, t("settings_whisper_hint")),
        ]
        with VerticalScroll(id="settings-box"):
            yield Static(t("settings_title"), id="settings-title")
            for label, wid, value, hint in fields:
                with Horizontal(classes="settings-row"):
                    yield Label(label)
                    yield Input(value, placeholder=hint, password=wid == "password", id=wid, compact=True)
            with Horizontal(classes="settings-row"):
                yield Label(t("settings_language"))
                yield Select(
                    [(t("settings_language_auto"), ""), ("Deutsch", "de"), ("English", "en")],
                    value=self.settings.language,
                    allow_blank=False,
                    id="language",
                    compact=True,
                )
            with Horizontal(classes="settings-row"):
                yield Label(t("settings_voice"))
                yield Switch(speech.enabled, id="voice")
            with Horizontal(id="settings-buttons"):
                yield Button(t("settings_save"), variant="primary", id="save", compact=True)
                yield Button(t("settings_cancel"), id="cancel", compact=True)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        """Return the edited settings; the app saves them and reconnects."""
        value = lambda wid: self.query_one(f"#{wid}", Input).value.strip()  # noqa: E731
        calendar = dataclasses.replace(
            self.settings.calendar,
            url=value("url"),
            username=value("username"),
            password=self.query_one("#password", Input).value,
            name=value("name") or "Assistant",
        )
        speech = dataclasses.replace(
            self.settings.speech,
            enabled=self.query_one("#voice", Switch).value,
            whisper_model=value("whisper") or "base",
        )
        language = self.query_one("#language", Select).value
        self.dismiss(
            dataclasses.replace(
                self.settings, calendar=calendar, speech=speech, language=language if isinstance(language, str) else ""
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
