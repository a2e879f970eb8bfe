"""Text front end: commands to calls, validation, phrase resolution, and a small interactive shell.

    python -m assistant                          # interactive shell on the calendar (what `make run` starts)
    python -m assistant ask "Trag Zahnarzt morgen um 9 ein" [--today 2026-11-26] [--calendar URL] [--yes] [--json]
    python -m assistant listen --wav command.wav [--say-to reply.wav] [--json]   # one spoken command
    python -m assistant undo                     # take back the last change
    python -m assistant agenda [--today ...]     # the day's events
    python -m assistant config --url URL --username U [--keyring]   # password read from stdin or a prompt
    python -m assistant call "Trag Zahnarzt morgen um 9 ein" --today 2026-11-26 [--json]   # the call only
    python -m assistant parse '<oc_2>("2026-11-26")<oc_end>'
    python -m assistant resolve "nächste Woche Dienstag um halb drei" --today 2026-11-26
    python -m assistant prompt "Trag Zahnarzt morgen um 9 ein" --today 2026-11-26

Without ``--calendar`` (or a config file / ASSISTANT_CALDAV_URL) the embedded local Radicale is used.
The password comes from ASSISTANT_CALDAV_PASSWORD, the config file or the system keyring, never a flag.
Exit status: 0 done, 1 nothing done because of an error or a command not understood, 3 waiting for an
answer (a missing date/time, or a delete without --yes) that a non-interactive run cannot give.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from assistant import messages
from assistant.app import load_model
from assistant.conversation import replies
from assistant.logs import log_file, setup_logging
from assistant.messages import UserError
from assistant.schema.functions import Call, CallError, NoCall, build_prompt, parse_call
from assistant.schema.resolve import guess_lang, resolve_date, resolve_duration, resolve_time

__all__ = ["main", "describe_call", "describe_phrase", "describe_output", "load_model"]

log = logging.getLogger(__name__)


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


def shell(
    today: dt.date,
    lang: str | None,
    stdin: TextIO,
    stdout: TextIO,
    model: Any = None,
    model_problem: str | None = None,
    assistant: Any = None,
    ui_lang: str = "",
) -> int:
    """A plain line-by-line conversation; with an ``assistant`` the calls are carried out on the calendar.
    ``ui_lang``: the interface language (greeting, notices); replies follow each command's language."""
    ui = ui_lang or lang or messages.interface_language(None)
    interactive = stdin.isatty()
    if hasattr(stdin, "reconfigure"):  # bytes that are not UTF-8 become U+FFFD instead of ending the shell
        stdin.reconfigure(errors="replace")
    print(messages.text("cli.greeting", ui), file=stdout)
    if model is None:
        print(messages.text("cli.no_model", ui, reason=model_problem or "-"), file=stdout)
    print(messages.text("cli.today_is", ui, weekday=replies.weekday(today, ui), date=today.isoformat()), file=stdout)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        try:
            line = stdin.readline()
        except UnicodeDecodeError:  # bytes that are not UTF-8: say so, keep the conversation
            print(messages.text("cli.not_utf8", ui), file=stdout)
            continue
        if not line:
            print("", file=stdout)
            return 0
        line = line.strip()
        if line in ("quit", "exit", ":q"):
            return 0
        if not line:
            continue
        if line.startswith("<oc_"):
            described = describe_output(line)
            print(described, file=stdout)
            if assistant is not None and not described.startswith("invalid"):
                turn = assistant.run_call_text(line, lang or ui)
                print(turn.outcome.message, file=stdout)
        elif assistant is not None and (model is not None or assistant.waiting is not None or line in ("undo",)):
            turn = assistant.handle(line, lang)
            if turn.raw:
                print(f"model:    {turn.raw}   ({turn.latency_ms:.0f} ms)", file=stdout)
            print(turn.outcome.message, file=stdout)
        elif model is not None:
            print(describe_prediction(model.predict(line, today, lang or guess_lang(line))), file=stdout)
        else:
            print(describe_phrase(line, today, lang), file=stdout)


EXIT_DONE, EXIT_FAILED, EXIT_WAITING = 0, 1, 3


def _outbox(args: argparse.Namespace, settings: Any) -> int:
    """List what waits and what the server refused; retry or discard refused creates (no server needed)."""
    from assistant.calendar.outbox import Outbox

    outbox = Outbox(settings.state_path)
    target = args.retry or args.discard
    if target:
        uids = [r.entry.event.uid for r in outbox.refused()] if target == "all" else [target]
        act = outbox.retry if args.retry else outbox.discard
        done = [uid for uid in uids if act(uid)]
        print(f"{'queued again' if args.retry else 'discarded'}: {len(done)}")
        return 0 if done else 1
    waiting, refused = outbox.pending(), outbox.refused()
    if args.json:
        print(
            json.dumps(
                {
                    "waiting": [p.to_json() for p in waiting],
                    "refused": [r.to_json() for r in refused],
                    "damaged": [str(p) for p in outbox.quarantined],
                },
                ensure_ascii=False,
            )
        )
        return 0
    for p in waiting:
        print(f"waiting  {p.event.uid}  {p.event.start:%Y-%m-%d %H:%M}  {p.event.title}")
    for r in refused:
        print(
            f"refused  {r.entry.event.uid}  {r.entry.event.start:%Y-%m-%d %H:%M}  {r.entry.event.title}  ({r.reason})"
        )
    for path in outbox.quarantined:
        print(f"damaged  {path}")
    if not (waiting or refused or outbox.quarantined):
        print("the outbox is empty")
    return 0


def _run_remote(args: argparse.Namespace, remote: Any, lang: str | None) -> int:
    """ask / undo / agenda answered by `octocal serve` (same output, same exit status as loading locally)."""
    remote.today = getattr(args, "today", None)
    if args.command == "ask":
        remote.yes = args.yes
        return _converse(remote, args.text, lang, args.json, sys.stdin, sys.stdout)
    if args.command == "undo":
        outcome = remote.undo(lang)
    else:
        outcome = remote.agenda(args.day or getattr(args, "today", None) or dt.date.today(), lang)
    print(json.dumps(outcome.to_json(), ensure_ascii=False) if args.json else outcome.message)
    return _exit_status(outcome)


def _serve(settings: Any, model: Any, problem: str, ui: str) -> int:
    """Keep one assistant loaded behind the per-user socket until stopped (Ctrl-C or SIGTERM)."""
    from assistant.app import make_assistant
    from assistant.serve import identity_of, serve, socket_path

    if model is None:
        print(messages.text("cli.cannot_run_model", ui, reason=problem), file=sys.stderr)
        return 2
    path = socket_path(settings.state_path)
    with make_assistant(settings, model, problem or "") as assistant:
        ready = lambda p: print(messages.text("cli.serving", ui, path=p), file=sys.stderr, flush=True)  # noqa: E731
        try:
            serve(assistant, path, identity_of(settings), ready=ready)
        except KeyboardInterrupt:
            pass
        except RuntimeError as error:  # another server holds the socket
            print(str(error), file=sys.stderr)
            return 1
    return 0


def _exit_status(outcome: Any) -> int:
    if outcome.failed:
        return EXIT_FAILED
    return EXIT_WAITING if outcome.waiting else EXIT_DONE


def _config_file(args: argparse.Namespace) -> Path | None:
    return Path(args.config) if getattr(args, "config", None) else None


def _settings(args: argparse.Namespace) -> Any:
    from assistant.settings import load_settings

    calendar = {
        "url": getattr(args, "calendar", None),
        "username": getattr(args, "username", None),
        "name": getattr(args, "calendar_name", None),
        "timezone": getattr(args, "timezone", None),
        "ca_bundle": getattr(args, "ca_bundle", None),
    }
    if getattr(args, "insecure", False):
        calendar["verify_tls"] = False
    overrides: dict[str, Any] = {
        "calendar": calendar,
        "language": getattr(args, "lang", None),
        "model": getattr(args, "model", None),
        "state_dir": getattr(args, "state_dir", None),
    }
    settings = load_settings(_config_file(args), overrides=overrides)
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(settings.calendar.zone)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError; "../x" a ValueError
        print(
            f"unknown time zone '{settings.calendar.zone}': give an IANA name such as Europe/Berlin or "
            "America/New_York (--timezone, ASSISTANT_TIMEZONE or the config file)",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    return settings


def _converse(assistant: Any, text: str, lang: str | None, as_json: bool, stdin: TextIO, stdout: TextIO) -> int:
    """Run one command; on a terminal, answer its questions (missing date, delete confirmation) in place."""
    turn = assistant.handle(text, lang)
    turns = [turn]
    while turn.outcome.waiting and stdin.isatty() and not as_json:
        stdout.write(turn.outcome.message + " ")
        stdout.flush()
        answer = stdin.readline()
        if not answer.strip():
            turn = type(turn)(answer, turn.lang, assistant.confirm(False, turn.lang))
        else:
            turn = assistant.handle(answer.strip(), turn.lang)
        turns.append(turn)
    if as_json:
        print(
            json.dumps(turn.to_json() if len(turns) == 1 else [t.to_json() for t in turns], ensure_ascii=False),
            file=stdout,
        )
    else:
        if turn.raw:
            print(f"model: {turn.raw}", file=sys.stderr)
        print(turn.outcome.message, file=stdout)
    return _exit_status(turn.outcome)


def _listen(args: argparse.Namespace, settings: Any, model: Any, problem: str, today: dt.date) -> int:
    from assistant.app import make_assistant
    from assistant.speech.audio import AudioUnavailable
    from assistant.speech.tts import write_wav
    from assistant.speech.voice import Voice, listen_file

    if args.whisper:
        settings.speech.whisper_model = args.whisper
    voice = Voice(settings.speech)
    try:
        audio = args.wav
        if audio is None:
            print(messages.text("cli.listening", messages.interface_language(settings.language)), file=sys.stderr)
            audio = voice.listen()  # transcribed ahead at each pause
        with make_assistant(settings, model, today=today, auto_confirm=args.yes) as assistant:
            heard = listen_file(assistant, voice, audio, speak=bool(args.say_to) or settings.speech.enabled)
    except UserError as error:  # no sound, no speech model, no calendar: said, in the interface language
        print(error.message(messages.interface_language(settings.language)), file=sys.stderr)
        return EXIT_FAILED
    if args.say_to and heard.speech is not None:
        write_wav(heard.speech, args.say_to)
    if args.json:
        print(json.dumps(heard.to_json(), ensure_ascii=False))
    else:
        print(f"heard ({heard.transcript.lang}): {heard.transcript.text or '-'}")
        if heard.turn.raw:
            print(f"model: {heard.turn.raw}")
        print(heard.turn.outcome.message)
    if heard.speech is not None and not args.say_to and settings.speech.enabled:
        try:
            voice.player.play(heard.speech.samples, heard.speech.rate)
        except AudioUnavailable:
            pass
    return _exit_status(heard.turn.outcome)


def _config(args: argparse.Namespace) -> int:
    import getpass

    from assistant.calendar.client import redact_url
    from assistant.settings import KeyringUnavailable, config_path, save_settings

    settings = _settings(args)
    path = _config_file(args) or config_path()
    if args.show:
        cal = settings.calendar
        print(f"config file: {path}{'' if path.exists() else ' (not written yet)'}")
        print(
            f"calendar:    {redact_url(cal.url) or 'embedded local server'}  name={cal.name!r}  "
            f"user={cal.username or '-'}  password={'set' if cal.password else 'not set'}  zone={cal.zone}  "
            f"verify_tls={cal.verify_tls}"
        )
        print(f"log file:    {log_file()}")
        return 0
    if settings.calendar.url and settings.calendar.username:
        if sys.stdin.isatty():
            settings.calendar.password = getpass.getpass("CalDAV password (app password for Nextcloud): ")
        else:
            settings.calendar.password = sys.stdin.readline().rstrip("\n")
    try:
        written = save_settings(settings, path, store_password="keyring" if args.keyring else "file")
    except KeyringUnavailable as error:
        print(
            f"no working system keyring here ({error}); nothing written. To keep the password in the config "
            f"file instead (readable by you only, mode 0600), run the same command without --keyring.",
            file=sys.stderr,
        )
        return 1
    print(f"wrote {written} (readable by you only)")
    return 0


# Commands that run once and end; ``run`` ends their process without tearing the interpreter down.
ONE_SHOT = ("ask", "agenda", "undo", "call", "parse", "resolve", "prompt")
_command: str | None = None  # what the last ``main`` ran


def run() -> None:
    """The console script (``octocal``, ``python -m assistant``): ``main``, then the process's end. After a
    one-shot command everything is written, synced and flushed, and tearing down an interpreter that holds
    torch takes another 0.6-0.7 s here (a fifth of an ``ask``), so it ends at once; no exit hook is ours."""
    code = main()
    if _command in ONE_SHOT:
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


def build_parser() -> argparse.ArgumentParser:
    """Subcommands and their options (``main`` runs them)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--today", type=dt.date.fromisoformat, default=argparse.SUPPRESS, help="pretend today is this date (YYYY-MM-DD)"
    )
    common.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS, help="language of the input")
    common.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log to the console too (the log file is always written: python -m assistant config --show names it)",
    )
    calendar = argparse.ArgumentParser(add_help=False)
    calendar.add_argument(
        "--calendar",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="CalDAV server URL (default: config file, else the embedded local server)",
    )
    calendar.add_argument(
        "--calendar-name",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="calendar to write to, created if missing (default: Assistant)",
    )
    calendar.add_argument("--username", default=argparse.SUPPRESS, help="CalDAV user name")
    calendar.add_argument("--timezone", default=argparse.SUPPRESS, help="IANA zone of new events")
    calendar.add_argument(
        "--ca-bundle",
        metavar="PEM",
        default=argparse.SUPPRESS,
        help="CA certificate file to trust for the server (self-signed or company CA)",
    )
    calendar.add_argument(
        "--insecure", action="store_true", default=argparse.SUPPRESS, help="do not verify the server's TLS certificate"
    )
    calendar.add_argument("--config", default=argparse.SUPPRESS, help="config file (default: user config dir)")
    calendar.add_argument("--state-dir", default=argparse.SUPPRESS, help="outbox and undo journal directory")
    calendar.add_argument("--model", default=argparse.SUPPRESS, help="adapter directory (default: assets/model)")
    parser = argparse.ArgumentParser(
        prog="python -m assistant", description=__doc__.splitlines()[0], parents=[common, calendar]
    )
    sub = parser.add_subparsers(dest="command")
    p_parse = sub.add_parser("parse", parents=[common], help="validate a model output in the functional-token format")
    p_parse.add_argument("text")
    p_parse.add_argument("--json", action="store_true")
    p_resolve = sub.add_parser("resolve", parents=[common], help="resolve a date/time/duration phrase")
    p_resolve.add_argument("text")
    p_prompt = sub.add_parser("prompt", parents=[common], help="print the model prompt for a query")
    p_prompt.add_argument("text")
    p_call = sub.add_parser("call", parents=[common, calendar], help="the validated call the model makes")
    p_call.add_argument("text")
    p_call.add_argument("--json", action="store_true")
    handover = argparse.ArgumentParser(add_help=False)
    handover.add_argument(
        "--no-server", action="store_true", help="load the model here even when `octocal serve` is running"
    )
    p_ask = sub.add_parser("ask", parents=[common, calendar, handover], help="carry out one command on the calendar")
    p_ask.add_argument("text")
    p_ask.add_argument("--yes", action="store_true", help="confirm a delete without asking")
    p_ask.add_argument("--json", action="store_true", help="print the call and the outcome as JSON")

    p_undo = sub.add_parser("undo", parents=[common, calendar, handover], help="take back the last change")
    p_undo.add_argument("--json", action="store_true")
    p_agenda = sub.add_parser(
        "agenda", parents=[common, calendar, handover], help="the events of a day (default: today)"
    )
    p_agenda.add_argument("day", nargs="?", type=dt.date.fromisoformat, default=None)
    p_agenda.add_argument("--json", action="store_true")
    p_listen = sub.add_parser(
        "listen",
        parents=[common, calendar],
        help="one spoken command: a WAV file (or the microphone) through the whole pipeline",
    )
    p_listen.add_argument("--wav", help="recorded utterance (any format ffmpeg/av reads); default: the microphone")
    p_listen.add_argument("--say-to", metavar="WAV", help="write the spoken reply to this file")
    p_listen.add_argument("--yes", action="store_true", help="confirm a delete without asking")
    p_listen.add_argument("--json", action="store_true")
    p_listen.add_argument("--whisper", default=None, help="Whisper model: base (bundled), tiny.en, or a path")
    p_outbox = sub.add_parser(
        "outbox",
        parents=[common, calendar],
        help="queued creates: waiting, and refused for good (with --retry / --discard)",
    )
    p_outbox.add_argument("--retry", metavar="UID|all", help="queue a refused create again (sent on the next run)")
    p_outbox.add_argument("--discard", metavar="UID|all", help="drop a refused create for good")
    p_outbox.add_argument("--json", action="store_true")
    sub.add_parser(
        "serve",
        parents=[common, calendar],
        help="keep the model loaded for ask/agenda/undo (a per-user socket in the state directory)",
    )
    sub.add_parser("tui", parents=[common, calendar], help="the terminal app (the default on a terminal)")
    sub.add_parser("shell", parents=[common, calendar], help="line-by-line conversation (the default when piped)")
    p_config = sub.add_parser("config", parents=[common, calendar], help="write or show the config file")
    p_config.add_argument("--keyring", action="store_true", help="keep the password in the system keyring")
    p_config.add_argument("--show", action="store_true", help="print the settings in effect (password masked)")
    return parser


def _cmd_parse(args: argparse.Namespace, today: dt.date, lang: str | None) -> int:
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


def _cmd_resolve(args: argparse.Namespace, today: dt.date, lang: str | None) -> int:
    print(describe_phrase(args.text, today, lang))
    return 0


def _cmd_prompt(args: argparse.Namespace, today: dt.date, lang: str | None) -> int:
    from assistant.model.decoding import adapter_prompt_style, default_assets_dir

    model = _settings(args).model
    print(build_prompt(args.text, today, adapter_prompt_style(Path(model) if model else default_assets_dir())))
    return 0


# Commands that need neither the settings' calendar nor the model.
_OFFLINE = {
    "parse": _cmd_parse,
    "resolve": _cmd_resolve,
    "prompt": _cmd_prompt,
    "config": lambda args, today, lang: _config(args),
}


def _hand_over(args: argparse.Namespace, settings: Any, lang: str | None) -> int | None:
    """``ask``/``undo``/``agenda`` answered by a running ``octocal serve``, or None when none is running."""
    from assistant.serve import connect, identity_of, socket_path

    remote = connect(socket_path(settings.state_path), identity_of(settings))
    if remote is None:
        return None
    log.info("handed to the running assistant")  # `octocal serve` holds the model: well under a second
    try:
        return _run_remote(args, remote, lang)
    finally:
        remote.close()


def _agenda_or_undo(args: argparse.Namespace, settings: Any, today: dt.date, lang: str | None) -> int:
    """Neither needs the model: the calendar and the journal answer them."""
    from assistant.app import make_assistant

    with make_assistant(settings, today=today) as assistant:
        if args.command == "undo":
            assistant.flush()
            outcome = assistant.undo(lang or assistant.default_lang)
        else:
            day = (args.day or today).isoformat()
            outcome = assistant.execute(
                Call("list_events", {"date": day, "end_date": day}),
                lang or assistant.default_lang,
                sent=assistant.flush(),
            )
        print(json.dumps(outcome.to_json(), ensure_ascii=False) if args.json else outcome.message)
        return _exit_status(outcome)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    global _command
    _command = args.command
    verbose = getattr(args, "verbose", False)
    setup_logging(verbose)
    today = getattr(args, "today", None) or dt.date.today()
    lang = getattr(args, "lang", None)
    if args.command in _OFFLINE:
        return _OFFLINE[args.command](args, today, lang)
    settings = _settings(args)
    ui = messages.interface_language(settings.language)
    setup_logging(verbose, (settings.calendar.password,))  # the password in use is masked in every line
    log.info("command %s", args.command or "default")
    if args.command == "outbox":
        return _outbox(args, settings)
    from assistant.app import make_assistant

    if args.command in ("ask", "undo", "agenda") and not args.no_server:
        handed = _hand_over(args, settings, lang)
        if handed is not None:
            return handed
    if args.command in ("undo", "agenda"):
        return _agenda_or_undo(args, settings, today, lang)
    if args.command == "tui" or (args.command is None and sys.stdin.isatty() and sys.stdout.isatty()):
        from assistant.tui import run_tui  # it loads the model itself, in the background, with progress on screen

        return run_tui(settings, getattr(args, "today", None), _config_file(args))
    if args.command == "listen" and args.wav is None:  # no microphone: said at once, before seconds of loading
        from assistant.speech.audio import audio_problem

        missing = audio_problem("input")
        if missing:
            print(messages.text("cli.cannot_listen", ui, reason=missing), file=sys.stderr)
            return EXIT_FAILED
    say = lambda text: print(text, file=sys.stderr)  # noqa: E731
    if args.command == "ask":  # the calendar starts (and connects) while the model loads
        with make_assistant(settings, None, today=today, auto_confirm=args.yes) as assistant:
            model, problem = load_model(settings.model, progress=say, quant=settings.quant)
            if model is None:
                print(messages.text("cli.cannot_run_model", ui, reason=problem), file=sys.stderr)
                return 2
            assistant.model, assistant.model_problem = model, problem
            return _converse(assistant, args.text, lang, args.json, sys.stdin, sys.stdout)
    model, problem = load_model(settings.model, progress=say, quant=settings.quant)
    if args.command in ("call", "listen") and model is None:
        print(messages.text("cli.cannot_run_model", ui, reason=problem), file=sys.stderr)
        return 2
    if args.command == "serve":
        return _serve(settings, model, problem, ui)
    if args.command == "call":
        prediction = model.predict(args.text, today, lang or guess_lang(args.text))
        if args.json:
            print(json.dumps(prediction.to_json(), ensure_ascii=False))
        else:
            print(describe_prediction(prediction))
        return 0 if prediction.error is None else 1
    if args.command == "listen":
        return _listen(args, settings, model, problem, today)
    with make_assistant(settings, model, problem or "", today=today) as assistant:
        if settings.calendar.embedded:
            print(f"calendar: embedded server at {assistant.calendar.url} (calendar '{settings.calendar.name}')")
        return shell(today, lang, sys.stdin, sys.stdout, model, problem, assistant, ui_lang=ui)
