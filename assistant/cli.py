"""Text front end: inspect calls, resolve phrases, and a small interactive shell.

    python -m assistant                          # interactive shell (what `make run` starts for now)
    python -m assistant parse '<oc_2>("2026-11-26")<oc_end>'
    python -m assistant resolve "nächste Woche Dienstag um halb drei" --today 2026-11-26
    python -m assistant prompt "Trag Zahnarzt morgen um 9 ein" --today 2026-11-26

The function-calling model, the calendar and speech plug into this shell as they land; until the bundled
model exists, the shell says so and shows what the deterministic parts understand of each line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TextIO

from .functions import CallError, build_prompt, parse_call
from .resolve import resolve_date, resolve_duration, resolve_time

__all__ = ["main", "describe_phrase", "describe_output"]

GREETING = (
    "Offline calendar assistant (German/English).\n"
    "The function-calling model is not bundled yet, so commands are not executed.\n"
    "Type a date/time phrase to see how it resolves, or a model output such as\n"
    '  <oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>\n'
    "to see it validated. Ctrl-D or 'quit' ends."
)


def describe_output(text: str) -> str:
    """A validated call in readable form, or the reason it does not validate."""
    try:
        call = parse_call(text)
    except CallError as error:
        return f"invalid call ({type(error).__name__}): {error}"
    if call.function is None:
        return "no call: not a calendar command"
    args = ", ".join(f"{k}={'(not said)' if v is None else v}" for k, v in call.arguments.items())
    missing = f"  -> would ask for: {', '.join(call.missing)}" if call.missing else ""
    return f"{call.function}({args}){missing}"


def describe_phrase(text: str, today: dt.date, lang: str | None) -> str:
    date = resolve_date(text, today)
    time = resolve_time(text, lang)
    minutes = resolve_duration(text)
    parts = []
    if date:
        parts.append(f"date {date.isoformat()} ({date:%A})")
    if time:
        parts.append(f"time {time:%H:%M}")
    if minutes:
        parts.append(f"duration {minutes} min")
    return ", ".join(parts) if parts else "no date, time or duration found"


def shell(today: dt.date, lang: str | None, stdin: TextIO, stdout: TextIO) -> int:
    interactive = stdin.isatty()
    print(GREETING, file=stdout)
    print(f"Today is {today:%A}, {today.isoformat()}.", file=stdout)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            print("", file=stdout)
            return 0
        line = line.strip()
        if line in ("quit", "exit", ":q"):
            return 0
        if not line:
            continue
        if line.startswith("<oc_"):
            print(describe_output(line), file=stdout)
        else:
            print(describe_phrase(line, today, lang), file=stdout)


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--today", type=dt.date.fromisoformat, default=argparse.SUPPRESS,
                        help="pretend today is this date (YYYY-MM-DD)")
    common.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS, help="language of the input")
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__.splitlines()[0],
                                     parents=[common])
    sub = parser.add_subparsers(dest="command")
    p_parse = sub.add_parser("parse", parents=[common],
                             help="validate a model output in the functional-token format")
    p_parse.add_argument("text")
    p_parse.add_argument("--json", action="store_true")
    p_resolve = sub.add_parser("resolve", parents=[common], help="resolve a date/time/duration phrase")
    p_resolve.add_argument("text")
    p_prompt = sub.add_parser("prompt", parents=[common], help="print the model prompt for a query")
    p_prompt.add_argument("text")
    args = parser.parse_args(argv)
    today = getattr(args, "today", None) or dt.date.today()
    lang = getattr(args, "lang", None)

    if args.command == "parse":
        if args.json:
            try:
                print(json.dumps(parse_call(args.text).to_json(), ensure_ascii=False))
            except CallError as error:
                print(json.dumps({"error": str(error), "type": type(error).__name__}))
                return 1
            return 0
        out = describe_output(args.text)
        print(out)
        return 1 if out.startswith("invalid") else 0
    if args.command == "resolve":
        print(describe_phrase(args.text, today, lang))
        return 0
    if args.command == "prompt":
        print(build_prompt(args.text, today))
        return 0
    return shell(today, lang, sys.stdin, sys.stdout)
