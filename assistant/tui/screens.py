"""Modal screens: the delete confirmation and the settings form."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, Switch

from ..outbox import Refused
from ..settings import Settings

__all__ = ["ConfirmScreen", "OutboxScreen", "SettingsScreen"]


class ConfirmScreen(ModalScreen[bool]):
    """Asks before a delete; Escape, 'n' and the No button all keep the event."""

    BINDINGS = [Binding("y,j", "answer(True)", "Yes / Ja"), Binding("n,escape", "answer(False)", "No / Nein")]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        yes, no = ("Ja, löschen", "Nein") if self.lang == "de" else ("Yes, delete", "No")
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

    BINDINGS = [Binding("escape", "close", "Close")]
    WORDS = {"de": ("Abgelehnte Termine", "Keine abgelehnten Termine.", "Erneut senden", "Verwerfen", "Schließen"),
             "en": ("Refused events", "No refused events.", "Send again", "Discard", "Close")}

    def __init__(self, refused: list[Refused], lang: str) -> None:
        super().__init__()
        self.refused = refused
        self.words = self.WORDS.get(lang, self.WORDS["en"])

    def compose(self) -> ComposeResult:
        title, none, again, drop, close = self.words
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

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        cal = self.settings.calendar
        speech = self.settings.speech
        fields = [("CalDAV URL", "url", cal.url, "empty: embedded local calendar"),
                  ("User / Benutzer", "username", cal.username, ""),
                  ("Password / Passwort", "password", cal.password, "Nextcloud: app password"),
                  ("Calendar / Kalender", "name", cal.name, ""),
                  ("Whisper model", "whisper", speech.whisper_model, "base, tiny.en, or a path")]
        with VerticalScroll(id="settings-box"):
            yield Static("Settings / Einstellungen", id="settings-title")
            for label, wid, value, hint in fields:
                with Horizontal(classes="settings-row"):
                    yield Label(label)
                    yield Input(value, placeholder=hint, password=wid == "password", id=wid, compact=True)
            with Horizontal(classes="settings-row"):
                yield Label("Language / Sprache")
                yield Select([("auto (de/en)", ""), ("Deutsch", "de"), ("English", "en")],
                             value=self.settings.language, allow_blank=False, id="language", compact=True)
            with Horizontal(classes="settings-row"):
                yield Label("Voice / Stimme")
                yield Switch(speech.enabled, id="voice")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        """Return the edited settings; the app saves them and reconnects."""
        value = lambda wid: self.query_one(f"#{wid}", Input).value.strip()  # noqa: E731
        calendar = dataclasses.replace(self.settings.calendar, url=value("url"), username=value("username"),
                                       password=self.query_one("#password", Input).value,
                                       name=value("name") or "Assistant")
        speech = dataclasses.replace(self.settings.speech, enabled=self.query_one("#voice", Switch).value,
                                     whisper_model=value("whisper") or "base")
        language = self.query_one("#language", Select).value
        self.dismiss(dataclasses.replace(self.settings, calendar=calendar, speech=speech,
                                         language=language if isinstance(language, str) else ""))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
