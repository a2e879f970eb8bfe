"""The words the templates say around the arguments: never part of a title.

The resolver widens a copied title over the words right next to it that are not among these ("pta" before a
copied "meeting", "retro" after a copied "project alpha"): a word the templates never say around a title was
most likely said as part of it. The assistant does not read training's templates at run time, so the list is
written to ``assistant/schema/frame_words.txt``; a test fails when it is out of date with the templates:

    python -m training.frame_words
"""

from __future__ import annotations

import re
import sys
from typing import Any

from assistant.schema import lexicon
from assistant.schema.functions import FUNCTIONS
from assistant.schema.resolve import FRAME_WORDS_FILE

from .phrases import load_table

# Tables whose every string is frame (each function's templates, the phrase book); of values.yaml only the fillers
# and corrections are (the rest are titles). The near misses (no_call) say no title: their words ("kündigen",
# "Wetter", "open") are what people name events with ("Handyabo kündigen"), and stopped the widening at them.
_TABLES = (*(f.name for f in FUNCTIONS), "phrases")
# Words that say what happens to an event or whether it does, which the templates happen not to say.
_AUXILIARIES = (
    "is are was were be been being has have had will would do does did due not no yes "
    "ist sind war waren wird werden hat habe haben hatte bin bist kein keine nicht"
).split()
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _words(obj: Any, out: set[str]) -> None:
    if isinstance(obj, str):
        out.update(w.lower() for w in _WORD.findall(re.sub(r"\{\w+\}", " ", obj)))
    elif isinstance(obj, dict):
        for value in obj.values():
            _words(value, out)
    elif isinstance(obj, list):
        for value in obj:
            _words(value, out)


def frame_words() -> list[str]:
    """Every word of the templates, the phrase book, fillers and corrections, month and weekday names and
    numbers in words, both languages, sorted."""
    out: set[str] = set(_AUXILIARIES)
    for name in _TABLES:
        _words(load_table(name), out)
    values = load_table("values")
    _words([values["fillers"], values["corrections"]], out)
    _words([lexicon.MONTHS, lexicon.WEEKDAYS, *lexicon.MONTH_WORDS, *lexicon.WEEKDAY_WORDS], out)
    _words([*lexicon.cardinal_words, *lexicon.ordinal_words], out)
    return sorted(out)


def render() -> str:
    return "# Written by python -m training.frame_words; do not edit.\n" + "\n".join(frame_words()) + "\n"


def main(argv: list[str] | None = None) -> int:
    del argv
    text = render()
    FRAME_WORDS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines()) - 1} words to {FRAME_WORDS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
