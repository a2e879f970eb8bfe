"""``python -m assistant``: the assistant's command line."""

from assistant.cli import run

if __name__ == "__main__":
    run()
