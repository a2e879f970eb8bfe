"""The Textual TUI: conversation, agenda, push-to-talk; ``make run`` opens it."""

from assistant.tui.app import CalendarApp, run_tui

__all__ = ["CalendarApp", "run_tui"]
