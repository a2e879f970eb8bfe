"""Text front end: commands to calls, validation, phrase resolution, and a small interactive shell.

    python -m assistant                          # interactive shell (what `make run` starts for now)
    python -m assistant call "Trag Zahnarzt morgen um 9 ein" --today 2026-11-26 [--json]
    python -m assistant parse '<oc_2>("2026-11-26")<oc_end>'
    python -m assistant resolve "nächste Woche Dienstag um halb drei" --today 2026-11-26
    python -m assistant prompt "Trag Zahnarzt morgen um 9 ein" --today 2026-11-26

The calendar, speech and the TUI plug into this as they land; until then a call is shown, not executed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .functions import Call, CallError, NoCall, build_prompt, parse_call
from .resolve import guess_lang, resolve_date, resolve_duration, resolve_time

__all__ = ["main", "describe_call", "describe_phrase", "describe_output", "load_model"]


def load_model(path: str | None = None, stdout: TextIO = sys.stderr) -> tuple[Any, str | None]:
    """The function caller, or None and the reason it could not be loaded (never raises)."""
    try:
        from .model import FunctionCaller, default_assets_dir

        target = path or default_assets_dir()
        if not (Path(target) / "adapter_config.json").exists():
            return None, f"no model in {target}"
        print("loading the model (the first start converts the base model, about a minute) ...", file=stdout)
        return FunctionCaller.load(target), None
    except Exception as error:  # noqa: BLE001 - the shell must start even without a working model
        return None, f"{type(error).__name__}: {error}"


def describe_call(call: Call | NoCall) -> str:
    if call.function is None:
        return "no call: not a calendar command"
    args = ", ".join(f"{k}={'(not said)' if v is None else v}" for k, v in call.arguments.items())
    missing = f"  -> would ask for: {', '.join(call.missing)}" if call.missing else ""
    return f"{call.function}({args}){missing}"


def describe_prediction(prediction: Any) -> str:
    lines = [f"model:    {prediction.raw}   ({prediction.latency_ms:.0f} ms)"]
    if prediction.error:
        lines.append(f"not understood: {prediction.error}")
    else:
        lines.append(f"call:     {prediction.call.render()}")
        lines.append(f"          {describe_call(prediction.call)}")
    return "\n".join(lines)

GREETING = (
    "Offline calendar assistant (German/English).\n"
    "Type a calendar command (\"Trag Zahnarzt morgen um 9 ein\", \"What's on Friday?\") to see the call the\n"
    "model makes; the calendar is not connected yet, so nothing is executed. A line starting with <oc_\n"
    "is validated as a model output. Ctrl-D or 'quit' ends."
)
NO_MODEL = ("The bundled model is missing ({reason}); run `make model` to build it. Until then each line is\n"
            "read for dates, times and durations only.")


def describe_output(text: str) -> str:
    """A validated call in readable form, or the reason it does not validate."""
    try:
        call = parse_call(text)
    except CallError as error:
        return f"invalid call ({type(error).__name__}): {error}"
    return describe_call(call)


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


def shell(today: dt.date, lang: str | None, stdin: TextIO, stdout: TextIO, model: Any = None,
          model_problem: str | None = None) -> int:
    interactive = stdin.isatty()
    print(GREETING, file=stdout)
    if model is None:
        print(NO_MODEL.format(reason=model_problem or "not loaded"), file=stdout)
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
        elif model is not None:
            print(describe_prediction(model.predict(line, today, lang or guess_lang(line))), file=stdout)
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
    p_call = sub.add_parser("call", parents=[common], help="the validated call the model makes for a command")
    p_call.add_argument("text")
    p_call.add_argument("--json", action="store_true")
    for p in (parser, p_call):
        p.add_argument("--model", default=argparse.SUPPRESS, help="adapter directory (default: assets/model)")
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
    model, problem = load_model(getattr(args, "model", None))
    if args.command == "call":
        if model is None:
            print(f"cannot run the model: {problem}", file=sys.stderr)
            return 2
        prediction = model.predict(args.text, today, lang or guess_lang(args.text))
        if args.json:
            print(json.dumps(prediction.to_json(), ensure_ascii=False))
        else:
            print(describe_prediction(prediction))
        return 0 if prediction.error is None else 1
    return shell(today, lang, sys.stdin, sys.stdout, model, problem)
