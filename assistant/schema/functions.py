"""The calendar function schema: the one typed core that training, evaluation and the assistant import.

A call is rendered in the functional-token format of Octopus v2 (arXiv 2404.01744)::

    <oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>

``<oc_i>`` picks the function, its arguments follow in schema order as JSON literals (strings, integers,
``null`` for "not said"), and ``<oc_end>`` stops generation. A query that is not a calendar command gets
``<oc_0><oc_end>``. Adding a function is one new entry in ``FUNCTIONS`` (plus its templates).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.messages import UserError, text

__all__ = [
    "END_TOKEN",
    "FUNCTIONS",
    "FUNCTIONAL_TOKENS",
    "NO_CALL_TOKEN",
    "PROMPT_INSTRUCTION",
    "PROMPT_STYLES",
    "ArgumentTypeError",
    "ArityError",
    "Call",
    "CallError",
    "Function",
    "InvalidDate",
    "DATE_TYPES",
    "FREQUENCIES",
    "InvalidDuration",
    "InvalidFrequency",
    "InvalidRange",
    "InvalidTime",
    "InvalidTitle",
    "MalformedCall",
    "Missing",
    "MissingArgument",
    "MissingEndToken",
    "NoCall",
    "Param",
    "ParamType",
    "SpanCall",
    "UnbalancedQuotes",
    "UnknownFunctionToken",
    "build_prompt",
    "call_from_json",
    "function_by_name",
    "function_by_token",
    "parse_call",
    "parse_span_call",
    "prompt_prefix",
    "prompt_query_part",
    "render_call",
]

END_TOKEN = "<oc_end>"
NO_CALL_TOKEN = "<oc_0>"
MAX_TITLE_CHARS = 200
# Years the calendar keeps: outside them a date is refused with a clear message (year 1 or 9999 broke listings).
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_DURATION_MINUTES = 24 * 60


# --------------------------------------------------------------------------- errors


class CallError(UserError, ValueError):
    """A model output or a call that does not validate. The message is meant for the user's eyes: ``said`` names
    the catalog's sentence ("call.date_unclear") that tells it in the user's language, with ``values``; without
    one (a malformed model output, which the constrained decoder does not produce) the English text stands."""

    key = "error.call"

    def __init__(self, message: str, said: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.said, self.values = said, values

    def reason(self, lang: str) -> str:
        return text(f"call.{self.said}", lang, **self.values) if self.said else str(self)

    def message(self, lang: str) -> str:
        return text(self.key, lang, detail=self.reason(lang))


class MalformedCall(CallError):
    """The text is not shaped like ``<oc_i>(args)<oc_end>`` at all."""


class MissingEndToken(CallError):
    """Generation stopped (or ran away) without ``<oc_end>``."""


class UnknownFunctionToken(CallError):
    """The functional token names no function of the schema."""


class ArityError(CallError):
    """Too many or too few arguments for the function."""


class ArgumentTypeError(CallError):
    """An argument has the wrong JSON type (a number where a string belongs, ...)."""


class UnbalancedQuotes(CallError):
    """A string argument is not closed."""


class MissingArgument(CallError):
    """``null`` (not said) where the schema needs a value."""

    @classmethod
    def of(cls, p: Param) -> MissingArgument:
        """The error for ``p`` not said; a missing title says which event was not said ("cancel my 3 o'clock")."""
        said = "missing_event" if p.type is ParamType.TITLE else "missing"
        return cls(f"'{p.name}' is required and was not given", said, name=p.name)


class InvalidDate(CallError):
    """Not a real calendar date in YYYY-MM-DD form (2025-18-34, 2026-02-30)."""


class InvalidTime(CallError):
    """Not a 24-hour HH:MM time (25:00, 9:5)."""


class InvalidDuration(CallError):
    """A duration that is not a whole number of minutes in 1..1440."""


class InvalidTitle(CallError):
    """An empty or absurdly long title."""


class InvalidFrequency(CallError):
    """A repetition the calendar cannot write ("every 3 days" is not in the contract)."""


class InvalidRange(CallError):
    """Dates that do not make a span: an end before the start, a series that ends before it begins, a span
    of more than a year."""


# --------------------------------------------------------------------------- schema


class ParamType(enum.Enum):
    """What kind of value an argument holds, and so how its words are read (``assistant.schema.resolve``)."""

    TITLE = "title"  # free text, copied from the query
    DATE = "date"  # YYYY-MM-DD: the day the words name
    FIRST_DATE = "first_date"  # YYYY-MM-DD: the first day on or after today the words name (a series' start)
    RANGE_START = "range_start"  # YYYY-MM-DD: the first day of a day or span of days ("nächste Woche": Monday)
    RANGE_END = "range_end"  # YYYY-MM-DD: the last day of a day or span of days ("bis Freitag": Friday)
    TIME = "time"  # HH:MM, 24 h
    MINUTES = "minutes"  # positive int, <= 24 h
    FREQUENCY = "frequency"  # one of FREQUENCIES

    @property
    def is_date(self) -> bool:
        return self in DATE_TYPES


DATE_TYPES = frozenset({ParamType.DATE, ParamType.FIRST_DATE, ParamType.RANGE_START, ParamType.RANGE_END})
FREQUENCIES = ("daily", "weekdays", "weekly", "biweekly", "monthly", "yearly")


class Missing(enum.Enum):
    """What the schema does with an argument the user did not say."""

    FORBIDDEN = "forbidden"  # the call is invalid without it
    ASK = "ask"  # the call carries null; the assistant asks back before executing
    OPTIONAL = "optional"  # the call carries null; the executor knows what that means (no end, same day)
    DEFAULT = "default"  # the renderer writes Param.default
    TODAY = "today"  # the renderer writes the date of the prompt's "today"
    START = "start"  # the renderer writes the function's RANGE_START value (a span of one day)


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    missing: Missing = Missing.FORBIDDEN
    default: Any = None
    description: str = ""

    @property
    def nullable(self) -> bool:
        """Whether a validated call may carry null here."""
        return self.missing in (Missing.ASK, Missing.OPTIONAL)

    @property
    def slot(self) -> str:
        """The name of the phrase said for it in data rows and templates ("duration" for duration_minutes)."""
        return "duration" if self.type is ParamType.MINUTES else self.name


@dataclass(frozen=True)
class Function:
    """One function of the contract: everything the model, the data, the metrics and the baseline need.

    The assistant's executor and replies, and the templates in ``training/templates/<name>.yaml``, are found by
    ``name``; a test fails when one of them is missing for a function or a language.
    """

    name: str
    token: str
    params: tuple[Param, ...]
    description: str  # used only by the in-context baseline and the docs, never by the tuned model's prompt
    init_word: str = ""  # the functional token's embedding starts at this word's ("create", "move")
    # One worked example for the in-context baseline: (today, query, arguments in ISO form).
    example: tuple[str, str, tuple[Any, ...]] | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def fill_defaults(self, arguments: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
        """Arguments in schema order, with unsaid DEFAULT/TODAY/START arguments filled and unsaid ASK/OPTIONAL
        ones null."""
        out: dict[str, Any] = {}
        for p in self.params:
            value = arguments.get(p.name)
            if value is None:
                if p.missing is Missing.DEFAULT:
                    value = p.default
                elif p.missing is Missing.TODAY:
                    value = today.isoformat()
                elif p.missing is Missing.START:
                    value = next((out[q.name] for q in self.params if q.type is ParamType.RANGE_START), None)
            out[p.name] = value
        return out


# A new event's title may go unsaid ("remind me tomorrow at 10"): the assistant asks what it is for.
_TITLE = "what the event is, in the user's words (null: not said, asked for)"
FUNCTIONS: tuple[Function, ...] = (
    Function(
        name="create_event",
        token="<oc_1>",
        description="Create one timed calendar event.",
        init_word="create",
        example=(
            "2026-03-02",
            "Trag Zahnarzt am Mittwoch um 14:30 ein, 45 Minuten",
            ("Zahnarzt", "2026-03-04", "14:30", 45),
        ),
        params=(
            Param("title", ParamType.TITLE, Missing.ASK, description=_TITLE),
            Param("date", ParamType.DATE, Missing.ASK, description="day of the event, YYYY-MM-DD"),
            Param("time", ParamType.TIME, Missing.ASK, description="start time, HH:MM (24 h)"),
            Param("duration_minutes", ParamType.MINUTES, Missing.DEFAULT, 60, "length in minutes"),
        ),
    ),
    Function(
        name="list_events",
        token="<oc_2>",
        description="List the events from date through end_date, inclusive.",
        init_word="list",
        example=("2026-03-02", "Was habe ich nächste Woche?", ("2026-03-09", "2026-03-15")),
        params=(
            Param("date", ParamType.RANGE_START, Missing.TODAY, description="first day, YYYY-MM-DD"),
            Param("end_date", ParamType.RANGE_END, Missing.START, description="last day (inclusive), YYYY-MM-DD"),
        ),
    ),
    Function(
        name="delete_event",
        token="<oc_3>",
        description="Delete an event by its title on a given day.",
        init_word="delete",
        example=("2026-03-02", "Lösche das Teammeeting am 10. März", ("Teammeeting", "2026-03-10")),
        params=(
            Param("title", ParamType.TITLE, description="title of the event to delete"),
            Param("date", ParamType.DATE, Missing.ASK, description="day of the event, YYYY-MM-DD"),
        ),
    ),
    Function(
        name="move_event",
        token="<oc_4>",
        description="Reschedule an event, keeping its length.",
        init_word="move",
        example=(
            "2026-03-02",
            "Move the dentist from Wednesday to Friday at 10",
            ("dentist", "2026-03-04", "2026-03-06", "10:00"),
        ),
        params=(
            Param("title", ParamType.TITLE, description="title of the event to move"),
            Param(
                "date",
                ParamType.DATE,
                Missing.OPTIONAL,
                description="its current day, YYYY-MM-DD (null: the next upcoming one)",
            ),
            Param("new_date", ParamType.DATE, Missing.OPTIONAL, description="new day (null: the same day)"),
            Param("new_time", ParamType.TIME, Missing.OPTIONAL, description="new start time (null: the same)"),
        ),
    ),
    Function(
        name="find_event",
        token="<oc_5>",
        description="When is the next upcoming event with this title.",
        init_word="find",
        example=("2026-03-02", "Wann ist mein nächster Zahnarzttermin?", ("Zahnarzttermin",)),
        params=(Param("title", ParamType.TITLE, description="title of the event to find"),),
    ),
    Function(
        name="create_recurring_event",
        token="<oc_6>",
        description="Create a repeating timed event.",
        init_word="repeat",
        example=(
            "2026-03-02",
            "Every Thursday at 7 pm choir practice",
            ("choir practice", "2026-03-05", "19:00", 60, "weekly", None),
        ),
        params=(
            Param("title", ParamType.TITLE, Missing.ASK, description=_TITLE),
            Param(
                "date",
                ParamType.FIRST_DATE,
                Missing.TODAY,
                description="first occurrence on or after today, YYYY-MM-DD",
            ),
            Param("time", ParamType.TIME, Missing.ASK, description="start time, HH:MM (24 h)"),
            Param("duration_minutes", ParamType.MINUTES, Missing.DEFAULT, 60, "length in minutes"),
            Param("frequency", ParamType.FREQUENCY, description="daily, weekdays, weekly, biweekly, monthly, yearly"),
            Param("until", ParamType.RANGE_END, Missing.OPTIONAL, description="last day, inclusive (null: no end)"),
        ),
    ),
    Function(
        name="create_all_day_event",
        token="<oc_7>",
        description="Create an event over one or more whole days.",
        init_word="holiday",
        example=("2026-03-02", "Urlaub vom 22. bis 30. Dezember", ("Urlaub", "2026-12-22", "2026-12-30")),
        params=(
            Param("title", ParamType.TITLE, Missing.ASK, description=_TITLE),
            Param("date", ParamType.RANGE_START, Missing.TODAY, description="first day, YYYY-MM-DD"),
            Param("end_date", ParamType.RANGE_END, Missing.START, description="last day (inclusive), YYYY-MM-DD"),
        ),
    ),
)

FUNCTIONAL_TOKENS: tuple[str, ...] = (NO_CALL_TOKEN, *(f.token for f in FUNCTIONS), END_TOKEN)

_BY_NAME = {f.name: f for f in FUNCTIONS}
_BY_TOKEN = {f.token: f for f in FUNCTIONS}
assert len(_BY_NAME) == len(FUNCTIONS) and len(_BY_TOKEN) == len(FUNCTIONS), "duplicate function name/token"


def function_by_name(name: str) -> Function:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownFunctionToken(f"unknown function {name!r}") from None


def function_by_token(token: str) -> Function:
    try:
        return _BY_TOKEN[token]
    except KeyError:
        raise UnknownFunctionToken(f"unknown functional token {token!r}") from None


# --------------------------------------------------------------------------- calls


@dataclass(frozen=True)
class Call:
    """A validated function call. Arguments are in schema order; ``None`` means "not said, ask back"."""

    function: str
    arguments: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec = function_by_name(self.function)
        args = dict(self.arguments)
        names = [p.name for p in spec.params]
        if sorted(args) != sorted(names):
            raise ArityError(f"{self.function} takes {names}, got {sorted(args)}")
        for p in spec.params:
            _validate_value(p, args[p.name])
        _validate_span(spec, args)
        object.__setattr__(self, "arguments", {n: args[n] for n in names})

    @property
    def spec(self) -> Function:
        return function_by_name(self.function)

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of arguments the user did not say and the assistant must ask for (not the OPTIONAL ones)."""
        spec = self.spec
        return tuple(n for n, v in self.arguments.items() if v is None and spec.param(n).missing is Missing.ASK)

    def with_arguments(self, **changes: Any) -> Call:
        return Call(self.function, {**self.arguments, **changes})

    def to_json(self) -> dict[str, Any]:
        return {"function": self.function, "arguments": dict(self.arguments)}

    def render(self) -> str:
        return render_call(self)


@dataclass(frozen=True)
class NoCall:
    """The query is not a calendar command (chit-chat, weather, garbled speech)."""

    function: None = None

    @property
    def arguments(self) -> dict[str, Any]:
        return {}

    @property
    def missing(self) -> tuple[str, ...]:
        return ()

    def to_json(self) -> dict[str, Any]:
        return {"function": None, "arguments": {}}

    def render(self) -> str:
        return render_call(self)


def call_from_json(data: Mapping[str, Any]) -> Call | NoCall:
    """Inverse of ``to_json``; validates like the parser does."""
    if not isinstance(data, Mapping) or "function" not in data:
        raise MalformedCall("a call needs a 'function' field")
    if data["function"] is None:
        return NoCall()
    arguments = data.get("arguments") or {}
    if not isinstance(arguments, Mapping):
        raise MalformedCall("'arguments' must be an object")
    return Call(str(data["function"]), dict(arguments))


# --------------------------------------------------------------------------- validation

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def _validate_value(p: Param, value: Any) -> None:
    if value is None:
        if not p.nullable:
            raise MissingArgument.of(p)
        return
    if p.type is ParamType.TITLE:
        if not isinstance(value, str):
            raise ArgumentTypeError(f"'{p.name}' must be text, got {value!r}")
        if not value.strip():
            raise InvalidTitle(f"'{p.name}' is empty", "title_empty")
        if len(value) > MAX_TITLE_CHARS:
            raise InvalidTitle(
                f"'{p.name}' is longer than {MAX_TITLE_CHARS} characters", "title_long", most=MAX_TITLE_CHARS
            )
    elif p.type.is_date:
        if not isinstance(value, str):
            raise ArgumentTypeError(f"'{p.name}' must be a date string, got {value!r}")
        if not _DATE_RE.fullmatch(value):
            raise InvalidDate(f"'{value}' is not a date in YYYY-MM-DD form")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidDate(f"'{value}' is not a real calendar date", "date_impossible", date=value) from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise InvalidDate(
                f"{value} is outside the years {MIN_YEAR}-{MAX_YEAR} the calendar keeps",
                "year_outside",
                date=value,
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
    elif p.type is ParamType.TIME:
        if not isinstance(value, str):
            raise ArgumentTypeError(f"'{p.name}' must be a time string, got {value!r}")
        if not _TIME_RE.fullmatch(value):
            raise InvalidTime(f"'{value}' is not a 24-hour time HH:MM")
    elif p.type is ParamType.MINUTES:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ArgumentTypeError(f"'{p.name}' must be a whole number of minutes, got {value!r}")
        if not 0 < value <= MAX_DURATION_MINUTES:
            raise InvalidDuration(
                f"a duration of {value} minutes is not between 1 minute and 24 hours", "duration_range", minutes=value
            )
    elif p.type is ParamType.FREQUENCY:
        if value not in FREQUENCIES:
            raise InvalidFrequency(f"'{value}' is not one of {', '.join(FREQUENCIES)}")


MAX_SPAN_DAYS = 366


def _validate_span(spec: Function, args: Mapping[str, Any]) -> None:
    """An end (RANGE_END) never before the start it belongs to; a span of days at most a year."""
    start = next((p for p in spec.params if p.type in (ParamType.RANGE_START, ParamType.FIRST_DATE)), None)
    if start is None or args[start.name] is None:
        return
    first = dt.date.fromisoformat(args[start.name])
    for p in spec.params:
        if p.type is not ParamType.RANGE_END or args[p.name] is None:
            continue
        last = dt.date.fromisoformat(args[p.name])
        if last < first:
            raise InvalidRange(
                f"'{p.name}' {last} is before '{start.name}' {first}", "end_before_start", first=first, last=last
            )
        if start.type is ParamType.RANGE_START and (last - first).days >= MAX_SPAN_DAYS:
            raise InvalidRange(f"{first} to {last} is longer than a year", "span_too_long", first=first, last=last)


# --------------------------------------------------------------------------- rendering and parsing


def _literal(value: Any) -> str:
    # JSON literals escape quotes, backslashes and newlines, so any title round-trips exactly.
    return json.dumps(value, ensure_ascii=False)


def render_call(call: Call | NoCall) -> str:
    if isinstance(call, NoCall):
        return NO_CALL_TOKEN + END_TOKEN
    args = ", ".join(_literal(v) for v in call.arguments.values())
    return f"{call.spec.token}({args}){END_TOKEN}"


_TOKEN_RE = re.compile(r"\s*(<oc_[^>]*>)")
_DECODER = json.JSONDecoder()
_LITERAL_RE = re.compile(r"-?\d+(\.\d+)?|null|true|false")


def parse_call(text: str) -> Call | NoCall:
    """Parse one model output. Raises a ``CallError`` subclass that says what is wrong."""
    m = _TOKEN_RE.match(text)
    if not m:
        raise MalformedCall(f"output does not start with a functional token: {text[:60]!r}")
    token = m.group(1)
    if token == END_TOKEN:
        raise MalformedCall("output starts with <oc_end> instead of a functional token")
    pos = m.end()
    if token == NO_CALL_TOKEN:
        rest = text[pos:].strip()
        if rest != END_TOKEN:
            if END_TOKEN not in rest:
                raise MissingEndToken("no-call output is not closed by <oc_end>")
            raise MalformedCall(f"unexpected text after {NO_CALL_TOKEN}: {rest[:60]!r}")
        return NoCall()
    spec = function_by_token(token)
    values, pos = _parse_arguments(text, pos)
    rest = text[pos:]
    if not rest.startswith(END_TOKEN):
        raise MissingEndToken(f"call is not closed by {END_TOKEN}")
    if rest[len(END_TOKEN) :].strip():
        raise MalformedCall(f"unexpected text after {END_TOKEN}: {rest[len(END_TOKEN) :][:60]!r}")
    if len(values) != len(spec.params):
        raise ArityError(f"{spec.name} takes {len(spec.params)} arguments, got {len(values)}")
    return Call(spec.name, {p.name: v for p, v in zip(spec.params, values, strict=True)})


def _parse_arguments(text: str, pos: int) -> tuple[list[Any], int]:
    """Parse ``(lit, lit, ...)`` starting at ``pos``; return the values and the position after ``)``."""
    if pos >= len(text) or text[pos] != "(":
        if END_TOKEN in text[pos:] or pos >= len(text):
            raise MalformedCall("arguments must be in parentheses after the functional token")
        raise MalformedCall(f"expected '(' after the functional token, got {text[pos : pos + 20]!r}")
    pos += 1
    values: list[Any] = []
    while True:
        pos = _skip_ws(text, pos)
        if pos >= len(text):
            raise MissingEndToken("output ends inside the argument list")
        if text[pos] == ")" and not values:
            return values, pos + 1
        if text[pos] == '"':
            try:
                value, pos = _DECODER.raw_decode(text, pos)
            except json.JSONDecodeError:
                raise UnbalancedQuotes("a quoted argument is not closed") from None
        else:
            m = _LITERAL_RE.match(text, pos)
            if not m:
                raise MalformedCall(f"cannot read an argument at {text[pos : pos + 20]!r}")
            value = json.loads(m.group(0))
            pos = m.end()
        if isinstance(value, (float, bool)):
            raise ArgumentTypeError(f"argument {len(values) + 1} has the wrong type: {value!r}")
        values.append(value)
        pos = _skip_ws(text, pos)
        if pos >= len(text):
            raise MissingEndToken("output ends inside the argument list")
        if text[pos] == ",":
            pos += 1
            continue
        if text[pos] == ")":
            return values, pos + 1
        raise MalformedCall(f"expected ',' or ')' between arguments, got {text[pos : pos + 20]!r}")


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


# --------------------------------------------------------------------------- the model's span form


@dataclass(frozen=True)
class SpanCall:
    """A call as the tuned model writes it: every argument is the words said for it, copied from the query
    (``"nächste Woche Dienstag"``, ``"um halb drei"``), or ``None`` when it was not said.

    ``assistant.schema.resolve.resolve_call`` turns it into a ``Call`` with ISO values; the call that is shown,
    evaluated and executed is always that resolved one.
    """

    function: str | None
    phrases: tuple[str | None, ...] = ()

    def __post_init__(self) -> None:
        if self.function is None:
            if self.phrases:
                raise ArityError("a no-call takes no arguments")
            return
        spec = function_by_name(self.function)
        if len(self.phrases) != len(spec.params):
            raise ArityError(f"{spec.name} takes {len(spec.params)} arguments, got {len(self.phrases)}")
        for p, phrase in zip(spec.params, self.phrases, strict=True):
            if phrase is None and p.missing is Missing.FORBIDDEN:
                raise MissingArgument.of(p)
            if phrase is not None and not isinstance(phrase, str):
                raise ArgumentTypeError(f"'{p.name}' must be the words said, got {phrase!r}")

    @property
    def named(self) -> dict[str, str | None]:
        if self.function is None:
            return {}
        return {p.name: v for p, v in zip(function_by_name(self.function).params, self.phrases, strict=True)}

    def render(self) -> str:
        """The Octopus form with phrases in place of values: ``<oc_1>("Zahnarzt", "morgen", "um 9", null)<oc_end>``."""
        if self.function is None:
            return NO_CALL_TOKEN + END_TOKEN
        args = ", ".join(_literal(v) for v in self.phrases)
        return f"{function_by_name(self.function).token}({args}){END_TOKEN}"


def parse_span_call(text: str) -> SpanCall:
    """Parse the span form written by ``SpanCall.render`` (string or null arguments only)."""
    m = _TOKEN_RE.match(text)
    if not m or m.group(1) == END_TOKEN:
        raise MalformedCall(f"output does not start with a functional token: {text[:60]!r}")
    if m.group(1) == NO_CALL_TOKEN:
        if text[m.end() :].strip() != END_TOKEN:
            raise MalformedCall("no-call output must be <oc_0><oc_end>")
        return SpanCall(None)
    spec = function_by_token(m.group(1))
    values, pos = _parse_arguments(text, m.end())
    if text[pos:].strip() != END_TOKEN:
        raise MissingEndToken(f"call is not closed by {END_TOKEN}")
    return SpanCall(spec.name, tuple(values))


# --------------------------------------------------------------------------- prompt

PROMPT_INSTRUCTION = (
    "Below is the query from the users, please choose the correct function and generate the parameters "
    "to call the function."
)


# "octopus": the Octopus v2 instruction sentence first. "short": without it. The sentence is the same in
# every row, so a fine-tuned model learns nothing from it, but it is 23 of about 76 tokens per training row;
# the runtime caches it with the day's prefix, so only training time differs. An adapter records its style.
PROMPT_STYLES = ("octopus", "short")


def prompt_prefix(today: dt.date, style: str = "octopus") -> str:
    """The part of the prompt that is constant for a day, so its key/values can be cached once.

    Today's date (and weekday, in English) goes before the query so relative dates can be resolved and
    the cacheable prefix is as long as possible.
    """
    if style not in PROMPT_STYLES:
        raise ValueError(f"prompt style {style!r}: one of {', '.join(PROMPT_STYLES)}")
    day = f"Today: {today:%A}, {today.isoformat()}\n\nQuery:"
    return day if style == "short" else f"{PROMPT_INSTRUCTION}\n\n{day}"


def prompt_query_part(query: str) -> str:
    return f" {query.strip()}\n\nResponse:"


def build_prompt(query: str, today: dt.date, style: str = "octopus") -> str:
    """The Octopus v2 prompt with today's date; the completion follows directly after it."""
    return prompt_prefix(today, style) + prompt_query_part(query)
