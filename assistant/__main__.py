"""``python -m assistant``: the assistant's command line."""

from .cli import run

if __name__ == "__main__":
    run()
