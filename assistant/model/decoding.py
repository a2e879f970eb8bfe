"""Prompts, tokens and the output grammar of the function-calling model: everything about decoding that needs
no tensors (pure Python, so the CLI, the evaluation and the runtime can import it without torch).

The function-calling model: functional tokens on a small causal LM, and a decoder that cannot go wrong.

What the model writes (token ids, never free text)::

    <oc_1> ▁Zahn arzt <oc_sep> ▁morgen <oc_sep> ▁um ▁ 9 <oc_sep> <oc_null> <oc_end>

The functional token picks the function; each argument is either a span copied token by token from the
query or ``<oc_null>`` (not said); ``<oc_sep>`` separates arguments and ``<oc_end>`` ends the call. (A model
trained with ``dates="iso"`` writes the date as ISO digits instead, along a trie of real dates.) Spans are
turned into ISO values by ``assistant.schema.resolve.resolve_call``, so the model never does date arithmetic, and a
title can only be words the user said. Decoding is constrained to exactly that grammar, so every output is
structurally valid; what fails to resolve ("am 30. Februar") is reported, never executed.

The seven extra tokens get their own embedding rows (``assistant.model.network.FunctionCallingLM``), used for input
and output alike; the base vocabulary is untouched, and logits are only ever computed for the few tokens the
grammar allows at a step (in training: the query's tokens plus the extra tokens).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.schema.functions import (
    END_TOKEN,
    FUNCTIONAL_TOKENS,
    FUNCTIONS,
    NO_CALL_TOKEN,
    Call,
    CallError,
    NoCall,
    ParamType,
    SpanCall,
    function_by_name,
    prompt_prefix,
)
from assistant.schema.resolve import names_a_value, resolve_phrase

__all__ = [
    "adapter_prompt_style",
    "ArgumentSpans",
    "CALIBRATION_QUERIES",
    "date_format",
    "DATE_FORMATS",
    "default_assets_dir",
    "DEFAULT_QUANT",
    "EXTRA_INIT_WORDS",
    "EXTRA_TOKENS",
    "function_signatures",
    "ISO_CHARS",
    "iso_date_trie",
    "ISO_YEARS",
    "LEGACY_SIGNATURES",
    "MAX_QUERY_TOKENS",
    "MAX_SPAN_TOKENS",
    "MAX_VALUE_WORDS",
    "NULL_TOKEN",
    "Prediction",
    "prompt_style",
    "PromptCodec",
    "QUANT",
    "QueryTokens",
    "RESPONSE_SUFFIX",
    "RUNNERS",
    "SEP_TOKEN",
    "signatures",
    "SPAN_MODES",
    "SPECULATE_TOKENS",
]

SEP_TOKEN = "<oc_sep>"
NULL_TOKEN = "<oc_null>"
EXTRA_TOKENS: tuple[str, ...] = (*FUNCTIONAL_TOKENS, SEP_TOKEN, NULL_TOKEN)
# Words whose embeddings start the extra tokens off somewhere sensible, not at random.
EXTRA_INIT_WORDS = {
    NO_CALL_TOKEN: "none",
    **{f.token: f.init_word or f.name for f in FUNCTIONS},
    END_TOKEN: "end",
    SEP_TOKEN: ",",
    NULL_TOKEN: "null",
}
RESPONSE_SUFFIX = "\n\nResponse:"
MAX_SPAN_TOKENS = 48
# How many query tokens a span copy feeds ahead in one pass; a longer span simply takes another pass.
SPECULATE_TOKENS = 12
# A calendar command is a sentence; a longer transcript is cut, which also keeps every prompt inside the
# 512-token sliding window of Gemma 3, where the KV cache can be cropped back after speculation.
MAX_QUERY_TOKENS = 160
# A date, time or duration said in more words than this is not one; spans of a typed argument stop here.
MAX_VALUE_WORDS = 10
_WORD = re.compile(r"\w")  # the word characters of the training targets' whole-word matches
_QUOTE_PAIRS = {"„": "“”", "“": "”", '"': '"', "»": "«", "«": "»", "‚": "‘’", "‘": "’", "'": "'"}
# An opening quote after a space (or at the start), the words, the closing quote before a non-word character:
# "what's" or "Anna's" never opens a quote.
_QUOTED = re.compile(r"(?:(?<=\s)|^)(?P<open>[„“\"»«‚‘'])(?P<body>\w[^„“”\"»«‚‘’']*?)(?P<close>[“”\"«»‘’'])(?!\w)")
# How a forward pass runs (assistant.model.runtime); by default int8 linear layers on the lean Gemma 3 runner.
RUNNERS = ("auto", "lean", "transformers")
QUANT = ("none", "int8")
# Which spans an argument may copy: "valid" ones only (those that resolve), or "any" (then a span that does
# not resolve is reported after decoding; kept to measure what the check buys).
SPAN_MODES = ("valid", "any")
DEFAULT_QUANT = "int8"
# How the model writes a date: "span" copies the words said ("nächsten Freitag") for the resolver to turn into
# an ISO date; "iso" writes the ISO date itself, digit by digit, constrained to real calendar dates. The issue
# asks to decide between them by measurement (docs/model.md: "Spans or ISO dates"); the bundled model writes spans.
DATE_FORMATS = ("span", "iso")
# The years an ISO date may name, relative to today's: a calendar command talks about the coming years.
ISO_YEARS = (-1, 9)
ISO_CHARS = "0123456789-"
# Sentences whose activations calibrate the int8 smoothing (assistant.model.runtime); none is in any evaluation set.
CALIBRATION_QUERIES = (
    "Trag mir morgen um 9 Uhr den Zahnarzt ein",
    "Bitte Elternabend am 3. März um halb acht eintragen",
    "Was steht nächste Woche an?",
    "Lösch das Teammeeting am Donnerstag",
    "Wie wird das Wetter morgen?",
    "Add dinner with Sarah on Friday at 7 pm for two hours",
    "What's on my calendar tomorrow?",
    "Cancel the dentist appointment next Tuesday",
    "Set a timer for ten minutes",
    "put soccer practice in for the 12th at 5:30 lasting ninety minutes",
)


def default_assets_dir() -> Path:
    """The bundled model: inside the installed package ``octocal_assets`` (assets/ in a checkout)."""
    try:
        return Path(str(resources.files("octocal_assets") / "model"))
    except ModuleNotFoundError:  # a checkout used without installing it
        return Path(__file__).resolve().parents[2] / "assets" / "model"


def prompt_style(config: dict[str, Any]) -> str:
    """The prompt style an adapter config records; adapters from before styles existed used the Octopus one."""
    return config.get("prompt", "octopus")


# What adapters from before the calendar-v2 function set wrote for the functions that took fewer arguments then.
LEGACY_SIGNATURES = {"list_events": ("date",)}


def signatures(config: dict[str, Any]) -> dict[str, Sequence[str]]:
    """The arguments an adapter's model writes per function; adapters from before they were recorded wrote the
    three-function contract."""
    return config.get("functions", LEGACY_SIGNATURES)


def function_signatures() -> dict[str, list[str]]:
    """What a new adapter records: each function's arguments, in order."""
    return {f.name: [p.name for p in f.params] for f in FUNCTIONS}


def date_format(config: dict[str, Any]) -> str:
    """How the adapter's model writes dates; adapters from before the ISO variant existed copy spans."""
    return config.get("dates", "span")


@functools.lru_cache(maxsize=8)
def iso_date_trie(today: dt.date) -> dict[str, tuple[str, ...]]:
    """Prefix of a YYYY-MM-DD date -> the characters that may follow it, over every real calendar date in the
    years ``ISO_YEARS`` around today's: decoding along it cannot write "2025-18-34" or "2026-02-30"."""
    nexts: dict[str, set[str]] = {}
    day, last = dt.date(today.year + ISO_YEARS[0], 1, 1), dt.date(today.year + ISO_YEARS[1], 12, 31)
    while day <= last:
        text = day.isoformat()
        for i in range(len(text)):
            nexts.setdefault(text[:i], set()).add(text[i])
        day += dt.timedelta(days=1)
    return {prefix: tuple(sorted(chars)) for prefix, chars in nexts.items()}


def adapter_prompt_style(adapter_dir: Path) -> str:
    """The prompt style of the adapter in ``adapter_dir``, read without loading weights (none there: octopus)."""
    try:
        return prompt_style(json.loads((adapter_dir / "adapter_config.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return prompt_style({})


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class QueryTokens:
    """The query as the model sees it, with each token's character span in ``text`` (which is ' ' + query)."""

    text: str
    ids: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]

    @cached_property
    def starts(self) -> tuple[bool, ...]:
        """Whether a span may start at each token: not inside a word ("Not|arter|min" starts only at "Not")."""
        return tuple(_edge(self.text, s) for s, _ in self.offsets)

    @cached_property
    def ends(self) -> tuple[bool, ...]:
        """Whether a span may end after each token: only where a word ends (so no "artermin" or "hiz")."""
        return tuple(_edge(self.text, e) for _, e in self.offsets)

    @cached_property
    def quoted(self) -> tuple[int, int] | None:
        """Token range [start, end) of the words between the query's one pair of quotes („…“, "…", »…«, ...):
        a user who types a title in quotes has said exactly where it starts and ends. None when there is no
        such pair, more than one, or the quotes do not fall on token edges."""
        found = [
            m
            for m in _QUOTED.finditer(self.text)
            if _QUOTE_PAIRS.get(m["open"]) and m["close"] in _QUOTE_PAIRS[m["open"]]
        ]
        if len(found) != 1:
            return None
        body_start, body_end = found[0].span("body")
        starts = [i for i, (s, _) in enumerate(self.offsets) if s == body_start]
        ends = [i + 1 for i, (_, e) in enumerate(self.offsets) if e == body_end]
        if not starts or not ends or ends[0] <= starts[0]:
            return None
        return starts[0], ends[0]

    def span_text(self, start: int, end: int) -> str:
        """The words covered by tokens [start, end)."""
        return self.text[self.offsets[start][0] : self.offsets[end - 1][1]].strip()

    def token_span(self, phrase: str, avoid: tuple[int, int] | None = None) -> tuple[int, int]:
        """Token range [start, end) that covers ``phrase`` as a whole-word match, not overlapping ``avoid``. A
        phrase the decoder copied from a punctuation token (", Polterabend am 9.2." after "ja") has no word edge
        there to match."""
        lead = r"(?<!\w)" if phrase[:1].isalnum() or phrase[:1] == "_" else ""
        tail = r"(?!\w)" if phrase[-1:].isalnum() or phrase[-1:] == "_" else ""
        pattern = re.compile(lead + re.escape(phrase) + tail)
        overlapping = None
        for m in pattern.finditer(self.text):
            covered = [i for i, (s, e) in enumerate(self.offsets) if e > m.start() and s < m.end()]
            if not covered:
                continue
            span = (covered[0], covered[-1] + 1)
            if avoid and span[0] < avoid[1] and avoid[0] < span[1]:
                overlapping = overlapping or span  # the decoder may copy the same words twice; prefer not to
                continue
            return span
        if overlapping:
            return overlapping
        raise ValueError(f"{phrase!r} is not in the query {self.text.strip()!r}")


def _edge(text: str, i: int) -> bool:
    """True if character position ``i`` of ``text`` is not inside a run of word characters."""
    return i <= 0 or i >= len(text) or not (_WORD.match(text[i - 1]) and _WORD.match(text[i]))


@dataclass(frozen=True)
class ArgumentSpans:
    """The token ranges [start, end) of the query that one argument may copy: those whose words resolve, or
    name a value of the argument's kind that does not exist ("am 30. Februar": copied, then reported).

    With it the decoder cannot write "für 90 Min." as a time or "day" as a date: it may only start a span
    where some valid span starts, extend it while a valid end lies ahead, and close it at a valid end.
    """

    valid: frozenset[tuple[int, int]]
    reach: dict[int, int]  # start -> the furthest valid end from there

    @classmethod
    def of(cls, qt: QueryTokens, ptype: ParamType, today: dt.date, lang: str | None, query: str) -> ArgumentSpans:
        if ptype is ParamType.TITLE and qt.quoted:  # the user quoted the title: exactly that
            return cls(frozenset({qt.quoted}), {qt.quoted[0]: qt.quoted[1]})
        n = len(qt.ids)
        ends = [e for e in range(1, n + 1) if qt.ends[e - 1]]
        seen: dict[str, bool] = {}
        valid = set()
        for s in (p for p in range(n) if qt.starts[p]):
            for e in ends:  # ascending
                if e <= s:
                    continue
                if e - s > MAX_SPAN_TOKENS:
                    break
                text = qt.span_text(s, e)
                if ptype is not ParamType.TITLE and len(text.split()) > MAX_VALUE_WORDS:
                    break
                if text not in seen:
                    try:
                        resolve_phrase(ptype, text, today, lang, query)
                        seen[text] = True
                    except CallError:
                        seen[text] = names_a_value(ptype, text, lang)
                if seen[text]:
                    valid.add((s, e))
        return cls.among(valid)

    @classmethod
    def among(cls, valid: Iterable[tuple[int, int]]) -> ArgumentSpans:
        """These spans, with the furthest end from each start."""
        spans = frozenset(valid)
        reach: dict[int, int] = {}
        for s, e in spans:
            reach[s] = max(e, reach.get(s, 0))
        return cls(spans, reach)

    def can_extend(self, start: int, end: int) -> bool:
        """Whether a valid span [start, e) with e >= end exists."""
        return self.reach.get(start, 0) >= end

    def outside(self, taken: frozenset[int]) -> ArgumentSpans:
        """The valid spans that copy none of the token positions ``taken`` (another argument's words)."""
        return ArgumentSpans.among((s, e) for s, e in self.valid if not any(p in taken for p in range(s, e)))

    def starts(self, q: Sequence[int]) -> list[int]:
        """The query tokens a valid span starts with."""
        return sorted({q[s] for s in self.reach})


class PromptCodec:
    """Token ids for prompts and completions of one tokenizer; ids >= ``vocab_size`` are the extra tokens."""

    def __init__(
        self,
        tokenizer: Any,
        vocab_size: int,
        prompt: str = "octopus",
        dates: str = "span",
        extra_tokens: Sequence[str] = EXTRA_TOKENS,
        signatures: dict[str, Sequence[str]] | None = None,
    ) -> None:
        if dates not in DATE_FORMATS:
            raise ValueError(f"dates must be one of {DATE_FORMATS}, not {dates!r}")
        self.tokenizer = tokenizer
        self.vocab_size = vocab_size
        self.prompt = prompt
        self.dates = dates
        # ISO dates are written one character per token; the base tokenizer must have a token for each.
        self.char_id: dict[str, int] = {}
        if dates == "iso":
            for c in ISO_CHARS:
                i = tokenizer.convert_tokens_to_ids(c)
                if i is None or i == tokenizer.unk_token_id or tokenizer.decode([i]).strip() != c:
                    raise ValueError(f"the tokenizer has no token {c!r}; ISO dates are written one character each")
                self.char_id[c] = i
        self.char_of = {i: c for c, i in self.char_id.items()}
        # An adapter records the extra tokens it was trained with, in its embedding rows' order; a model trained
        # before a function existed simply never chooses it.
        missing = [t for t in (NO_CALL_TOKEN, END_TOKEN, SEP_TOKEN, NULL_TOKEN) if t not in extra_tokens]
        if missing:
            raise ValueError(f"the model's extra tokens lack {missing}")
        self.extra_id = {t: vocab_size + i for i, t in enumerate(extra_tokens)}
        self.extra_name = {i: t for t, i in self.extra_id.items()}
        self.suffix_ids = tuple(tokenizer(RESPONSE_SUFFIX, add_special_tokens=False)["input_ids"])
        self.functions = tuple(f for f in FUNCTIONS if f.token in self.extra_id)
        # The arguments the model writes per function (an adapter records them); a model trained when a function
        # took fewer arguments writes those, and the rest are null ("not said").
        self.signatures = {f.name: tuple(p.name for p in f.params) for f in self.functions}
        self.signatures.update({k: tuple(v) for k, v in (signatures or {}).items() if k in self.signatures})
        self.function_ids = tuple(self.extra_id[t] for t in (NO_CALL_TOKEN, *(f.token for f in self.functions)))

    @classmethod
    def from_config(cls, tokenizer: Any, vocab_size: int, config: dict[str, Any]) -> PromptCodec:
        """The codec an adapter's config (or a saved runner's meta) records: prompt style, date format, extra
        tokens and the arguments each function writes."""
        return cls(
            tokenizer,
            vocab_size,
            prompt_style(config),
            date_format(config),
            config.get("extra_tokens", EXTRA_TOKENS),
            signatures(config),
        )

    def calibration_ids(self) -> list[list[int]]:
        """For each calibration query: a whole prompt plus the shape of a completion (extra tokens included)."""
        x = self.extra_id
        out = []
        for query in CALIBRATION_QUERIES:
            q = self.query(query).ids
            tail = [x["<oc_1>"], *q[:3], x[SEP_TOKEN], *q[-3:], x[SEP_TOKEN], x[NULL_TOKEN], x[END_TOKEN]]
            out.append([*self.prefix_ids(dt.date(2026, 1, 15)), *q, *self.suffix_ids, *tail])
        return out

    def prefix_ids(self, today: dt.date) -> list[int]:
        return list(self.tokenizer(prompt_prefix(today, self.prompt), add_special_tokens=True)["input_ids"])

    def query(self, query: str) -> QueryTokens:
        text = " " + " ".join(query.split())
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"][:MAX_QUERY_TOKENS], enc["offset_mapping"][:MAX_QUERY_TOKENS]
        return QueryTokens(text, tuple(ids), tuple(tuple(o) for o in offsets))

    @property
    def value_ids(self) -> tuple[int, ...]:
        """Base tokens a completion may write that are not copied from the query (the ISO date characters)."""
        return tuple(self.char_id.values())

    def iso_ids(self, date: str) -> list[int]:
        """An ISO date as the tokens the model writes for it, one per character."""
        dt.date.fromisoformat(date)  # a target must be a real date
        if len(date) != 10:
            raise ValueError(f"{date!r} is not in YYYY-MM-DD form")
        return [self.char_id[c] for c in date]

    def completion_ids(self, span: SpanCall, query: QueryTokens) -> list[int]:
        """The target token ids for a call in span form; spans are copied from the query's own tokens (with
        ``dates="iso"`` the date is the ISO date itself, written out)."""
        if span.function is None:
            return [self.extra_id[NO_CALL_TOKEN], self.extra_id[END_TOKEN]]
        spec = function_by_name(span.function)
        ids = [self.extra_id[spec.token]]
        title_span: tuple[int, int] | None = None
        for i, phrase in enumerate(span.phrases):
            if phrase is None:
                ids.append(self.extra_id[NULL_TOKEN])
            elif self.dates == "iso" and spec.params[i].type.is_date:
                ids.extend(self.iso_ids(phrase))
            else:
                start, end = query.token_span(phrase, avoid=title_span)
                if i == 0:
                    title_span = (start, end)
                ids.extend(query.ids[start:end])
            ids.append(self.extra_id[SEP_TOKEN if i < len(span.phrases) - 1 else END_TOKEN])
        return ids

    def render(self, ids: Sequence[int], query: QueryTokens) -> str:
        """Completion ids as text, for display and debugging."""
        out = []
        for i in ids:
            out.append(self.extra_name.get(i) or self.tokenizer.decode([i]))
        return "".join(out)


# --------------------------------------------------------------------------- prediction


@dataclass
class Prediction:
    """One query's answer, with everything needed to show, score or debug it."""

    query: str
    today: str
    call: Call | NoCall | None
    span: SpanCall | None
    raw: str
    error: str | None = None
    latency_ms: float = 0.0
    steps: int = 0  # forward passes after the prompt
    tokens: int = 0  # completion tokens produced
    exception: CallError | None = field(default=None, repr=False, compare=False)  # ``error``, for the user's eyes

    def reason(self, lang: str) -> str:
        """Why no call came of the query, in ``lang`` where the error says it so."""
        if self.exception is not None:
            return self.exception.reason(lang)
        return self.error or "no call"

    def to_json(self) -> dict[str, Any]:
        return {
            "call": self.call.to_json() if self.call is not None else None,
            "raw": self.raw,
            "span": self.span.render() if self.span is not None else None,
            "latency_ms": round(self.latency_ms, 1),
            "tokens": self.tokens,
            "error": self.error,
        }
