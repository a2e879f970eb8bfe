"""Real commands from crowd corpora (issue 19): SLURP (English) and MASSIVE de-DE, both CC BY 4.0.

The repository ships the parts it uses, trimmed to the fields it reads (`training/corpora/`, training and dev
partitions; `evaluation/data/`, the test partitions, never trained on). `extract` rebuilt them once from the
public copies (provenance in `training/corpora/README.md`); nothing is fetched at run time or in CI.

    python -m training.realdata extract --massive-en en-US.jsonl --massive-de-xlsx en-de.xlsx \\
        --slurp-test test.jsonl --slurp-devel devel.jsonl
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from assistant.jsonl import read_jsonl, write_jsonl

__all__ = ["CORPORA", "EVAL_DATA", "FAMILIES", "convert", "family", "load", "norm", "slot_spans"]

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(__file__).resolve().parent / "corpora"
EVAL_DATA = ROOT / "evaluation" / "data"
CALENDAR_INTENTS = ("calendar_set", "calendar_query", "calendar_remove")
_XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SLOT_RE = re.compile(r"\[(\w+) : ([^\]]*)\]")


def norm(text: str) -> str:
    """Utterances compare lower-cased with single spaces (a test sentence must never be trained on)."""
    return " ".join(text.casefold().split())


def slot_spans(annotation: str) -> tuple[str, list[tuple[str, str, int]]]:
    """'put [event_name : meeting] with [person : pawel]' -> ('put meeting with pawel', [(slot, words, char
    offset in the plain text), ...])."""
    annotation = " ".join(annotation.split())  # offsets refer to single-spaced text
    plain, slots, pos = [], [], 0
    for match in _SLOT_RE.finditer(annotation):
        plain.append(annotation[pos : match.start()])
        offset = len("".join(plain))
        words = match.group(2).strip()
        slots.append((match.group(1), words, offset))
        plain.append(words)
        pos = match.end()
    plain.append(annotation[pos:])
    return "".join(plain), slots


def _xlsx_rows(path: Path) -> list[dict[str, str | None]]:
    """The first sheet of an .xlsx as dicts by column letter (inline strings, as the MASSIVE copy writes them)."""
    sheet = ET.fromstring(zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(_XLSX + "row"):
        values: dict[str, str | None] = {}
        for cell in row.findall(_XLSX + "c"):
            column = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            text, value = cell.find(".//" + _XLSX + "t"), cell.find(_XLSX + "v")
            values[column] = text.text if text is not None else value.text if value is not None else None
        rows.append(values)
    return rows


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(path, rows)
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}")


def extract(massive_en: Path, massive_de_xlsx: Path, slurp_test: Path, slurp_devel: Path) -> None:
    """Trim the public files to what training and evaluation read; test partitions go to evaluation/data only,
    and a training row whose English text is a SLURP test or devel sentence is dropped."""
    en = read_jsonl(massive_en)
    de = _xlsx_rows(massive_de_xlsx)[1:]  # header: id, utt, annot_utt, de_utt, de_annot_utt
    if len(de) != len(en) or any(d.get("B") != e["utt"] for d, e in zip(de, en, strict=True)):
        raise SystemExit("the German sheet is not row-aligned with en-US.jsonl")
    slurp = {}
    for name, path in (("test", slurp_test), ("devel", slurp_devel)):
        slurp[name] = read_jsonl(path)
    held_out = {norm(r["sentence"]) for rows in slurp.values() for r in rows}
    keep = ("id", "partition", "scenario", "intent")
    splits: dict[str, list[dict[str, Any]]] = {"massive_en": [], "massive_de": [], "massive_de_test": []}
    dropped = 0
    for e, d in zip(en, de, strict=True):
        base = {k: e[k] for k in keep}
        if e["partition"] == "test":
            splits["massive_de_test"].append({**base, "lang": "de", "utt": d["D"], "annot_utt": d["E"]})
            continue
        if norm(e["utt"]) in held_out:
            dropped += 1
            continue
        splits["massive_en"].append({**base, "lang": "en", "utt": e["utt"], "annot_utt": e["annot_utt"]})
        splits["massive_de"].append({**base, "lang": "de", "utt": d["D"], "annot_utt": d["E"]})
    print(f"dropped {dropped} training rows whose English text is a SLURP test/devel sentence")
    _write(CORPORA / "massive_en.jsonl", splits["massive_en"])
    _write(CORPORA / "massive_de.jsonl", splits["massive_de"])
    _write(EVAL_DATA / "massive_de_test.jsonl", splits["massive_de_test"])
    seen: set[str] = set()
    test = []
    for r in slurp["test"]:  # one row per distinct sentence (SLURP repeats a text for each recording)
        if norm(r["sentence"]) not in seen:
            seen.add(norm(r["sentence"]))
            test.append(
                {
                    "id": f"slurp-{r['slurp_id']}",
                    "partition": "test",
                    "scenario": r["scenario"],
                    "intent": r["intent"],
                    "lang": "en",
                    "utt": r["sentence"],
                    "annot_utt": r["sentence_annotation"],
                }
            )
    _write(EVAL_DATA / "slurp_test.jsonl", test)


def load(name: str) -> list[dict[str, Any]]:
    """A shipped corpus file by name: massive_en, massive_de (training/corpora), slurp_test, massive_de_test."""
    path = CORPORA / f"{name}.jsonl"
    if not path.exists():
        path = EVAL_DATA / f"{name}.jsonl"
    return read_jsonl(path)


# How a corpus intent is scored (issue 19): the functions that count as right for it.
FAMILIES = {
    "calendar_set": ("create_event", "create_recurring_event", "create_all_day_event", "move_event"),
    "calendar_query": ("list_events", "find_event"),
    "calendar_remove": ("delete_event",),
}
# Slots that belong to an event's title when they stand next to its name ("meeting with [person : bob]").
TITLE_PARTS = {"person", "relation", "place_name", "business_name", "meal_type", "sport_type"}
CONNECTORS = {
    "with",
    "at",
    "in",
    "for",
    "of",
    "my",
    "the",
    "and",
    "to",
    "mit",
    "bei",
    "im",
    "von",
    "für",
    "und",
    "meiner",
    "meinem",
    "meinen",
    "mein",
    "meine",
    "dem",
    "der",
    "den",
    "die",
    "zum",
    "zur",
    "'s",
}


def family(intent: str) -> tuple[str, ...]:
    """The functions that answer an intent right; () for a non-calendar intent (right answer: no call)."""
    return FAMILIES.get(intent, ())


def _title(text: str, slots: list[tuple[str, str, int]]) -> str | None:
    """The event's name, grown over title parts joined to it by small words only: "birthday of my uncle joe"."""
    names = [s for s in slots if s[0] == "event_name" and s[1]]
    if not names:
        return None
    start, end = names[0][2], names[0][2] + len(names[0][1])
    parts = sorted((s for s in slots if s[0] in TITLE_PARTS), key=lambda s: s[2])
    grown = True
    while grown:
        grown = False
        for _, words, at in parts:
            if at >= end and all(w in CONNECTORS for w in text[end:at].split()) and at - end < 20:
                end, grown = at + len(words), True
            elif (
                at + len(words) <= start
                and all(w in CONNECTORS for w in text[at + len(words) : start].split())
                and start - at - len(words) < 20
                and text[at + len(words) : start].split()
            ):
                start, grown = at, True
    verb = _with_reminded_verb(text, start, slots)
    particle = text[end:].split(" ", 2)[1:2]
    if verb and particle and particle[0] in _PARTICLES:  # "take the [bins] out"
        end += 1 + len(particle[0])
    return verb + text[start:end].strip() or None


# "remind me to [take the] [event_name : bins] [out]": the corpus names the thing, the person the to-do. The
# words between a reminder's "to" and the name are the title's verb (v18 learned "get flowers" -> "flowers").
_REMINDER = re.compile(r"\b(?:remind|reminder|remember|tell me|alert me|notify me)\b")
# No to-do starts with an article; verbs that only say an event is there ("have a meeting") are no title's, nor
# is a second reminder ("remember to remind me about ...").
_NOT_A_VERB = frozenset({"the", "a", "an", "my", "me", "your", "this", "that", "our", "be", "do"})
_LIGHT = frozenset({"have", "attend", "make", "schedule", "add", "book", "set", "remind", "about", "of"})
_PARTICLES = frozenset({"out", "up", "off", "in", "back", "over", "down", "away"})


def _with_reminded_verb(text: str, start: int, slots: list[tuple[str, str, int]]) -> str:
    """The verb phrase (at most four words, no other slot in it) between a reminder's "to" and the name."""
    reminder = _REMINDER.search(text[:start])
    if reminder is None:
        return ""
    taken = [(at, at + len(words)) for kind, words, at in slots if kind != "event_name"]
    for to in reversed(list(re.finditer(r"\bto ", text[reminder.end() : start]))):
        at = reminder.end() + to.end()
        words = text[at:start].split()
        if not 1 <= len(words) <= 4 or any(a < start and b > at for a, b in taken):
            return ""
        if words[0] not in _NOT_A_VERB and not _LIGHT & set(words):
            return text[at:start]
    return ""


# "erinnere mich daran [die präsentation] heute um eins zu verschicken": the annotation leaves the verb out of the
# name and no contiguous span holds both; such a row teaches a cut title, so it is dropped.
_ZU_INFINITIVE = re.compile(
    r"\bzu (?!erinnern)\w+(?:en|ern|eln)\b|\b(?!hinzuf)(?:an|ab|auf|aus|ein|mit|vor|zurück|weg|raus|rein|los|"
    r"hin|her|nach|fest|durch|um|zusammen|weiter|heim|fertig)zu\w+(?:en|ern|eln)\b"
)


def _phrase(slots: list[tuple[str, str, int]], kind: str) -> str | None:
    return next((words for k, words, _ in slots if k == kind and words), None)


def _time_phrase(text: str, slots: list[tuple[str, str, int]]) -> str | None:
    """The time said, with its part of the day when that stands right beside it ("seven [timeofday : pm]")."""
    times = [s for s in slots if s[0] == "time" and s[1]]
    if not times:
        return None
    _, words, at = times[0]
    start, end = at, at + len(words)
    for _, part, p_at in (s for s in slots if s[0] == "timeofday"):
        if 0 <= p_at - end <= 8:
            end = p_at + len(part)
        elif 0 <= start - p_at - len(part) <= 8:
            start = p_at
    return text[start:end]


# Non-calendar intents whose requests a calendar may rightly answer ("when is my flight to Lisbon" is a find
# for someone who put the flight in): kept out of the no-call rows rather than taught as near misses.
AMBIGUOUS_OTHER = frozenset({"transport_query", "recommendation_events"})
# MASSIVE labels some bare "stand-up freitag um zehn uhr" or "lösche meinen verlauf" as calendar_remove; v13
# learned from them that a title with a day and no verb is a delete (a vacation span became one). A remove row
# is kept only when it says a delete word.
DELETE_WORDS = re.compile(
    r"\b(?:lösch|losch|entfern|streich|absag|sag\w*\b.*\bab\b|storn|cancel|delet|remov|"
    r"eras|clear|drop|get rid)",
    re.IGNORECASE,
)


def convert(record: dict[str, Any], today: Any) -> tuple[dict[str, Any] | None, str]:
    """One corpus record -> a training row in the generator's format, or (None, why it was dropped).

    Only what the annotation says goes into the call, read by the assistant's own resolver: a record whose
    slots do not make a call of this schema (no event name to create or delete, a date or repetition the
    resolver cannot read, an intent this product has no function for) is dropped, never guessed."""
    from assistant.schema.functions import CallError, SpanCall, function_by_name
    from assistant.schema.resolve import resolve_call, resolve_frequency

    text, slots = slot_spans(record["annot_utt"])
    base = {
        "lang": record["lang"],
        "today": today.isoformat(),
        "query": text,
        "template": f"{record['lang']}.massive.{record['intent']}",
        "source": f"massive-{record['id']}",
    }
    intent = record["intent"]
    if intent in AMBIGUOUS_OTHER:
        return None, "ambiguous near miss"
    if intent == "calendar_remove" and not DELETE_WORDS.search(text):
        return None, "remove without a delete word"
    if not family(intent):
        return {**base, "call": {"function": None, "arguments": {}}, "text": "<oc_0><oc_end>", "slots": {}}, "no_call"
    title, date, time = _title(text, slots), _phrase(slots, "date"), _time_phrase(text, slots)
    if title and record["lang"] == "de" and intent == "calendar_set" and _ZU_INFINITIVE.search(text):
        return None, "title cut from its verb"
    frequency = _phrase(slots, "general_frequency")
    if not frequency and date and resolve_frequency(date):  # "every sunday" annotated as the date: a series
        frequency, date = date, None
    said: dict[str, str | None]
    if intent == "calendar_query":
        if title and not date:
            function, said = "find_event", {"title": title}
        else:
            function, said = "list_events", {"date": date}
    elif title is None:
        return None, "no event name"
    elif intent == "calendar_remove":
        function, said = "delete_event", {"title": title, "date": date}
    elif frequency:
        function, said = "create_recurring_event", {"title": title, "date": date, "time": time, "frequency": frequency}
    else:
        function, said = "create_event", {"title": title, "date": date, "time": time}
    spec = function_by_name(function)
    phrases = tuple(said.get(p.slot) for p in spec.params)
    try:
        call = resolve_call(SpanCall(function, phrases), today, record["lang"], text)
    except CallError as error:
        return None, f"unread {type(error).__name__}"
    if call.function != function:  # the resolver reads the words as another function: the slots say this one
        return None, f"read as {call.function}"
    row_slots = {p.slot: said.get(p.slot) for p in spec.params if said.get(p.slot)}
    return {**base, "call": call.to_json(), "text": call.render(), "slots": row_slots}, function


def unseen(data: Path, train_rows: int, other: int, out: Path) -> dict[Path, int]:
    """The MASSIVE en/de train-partition rows that the first ``train_rows`` training rows of ``data`` do not hold:
    a trained model never saw them, so rules for real requests can be chosen on them without touching a test
    partition. Split by id parity (an English row and its German translation share an id and a half): choose on
    half A, check on half B. Calendar rows all; ``other`` rows of other intents per language and half (a fixed
    sample)."""
    import random

    from assistant.jsonl import read_jsonl, write_jsonl

    trained = read_jsonl(data / "train.jsonl")[:train_rows]
    seen = {(r["lang"], r["source"]) for r in trained if r.get("source", "").startswith("massive-")}
    out.mkdir(parents=True, exist_ok=True)
    written: dict[Path, int] = {}
    for name, lang in (("massive_en", "en"), ("massive_de", "de")):
        records = [r for r in load(name) if r["partition"] == "train" and (lang, f"massive-{r['id']}") not in seen]
        for half, parity in (("A", 0), ("B", 1)):
            rows = [r for r in records if int(r["id"]) % 2 == parity]
            calendar = [r for r in rows if r["intent"].startswith("calendar_")]
            rest = [r for r in rows if not r["intent"].startswith("calendar_")]
            rest = random.Random(f"unseen/{lang}/{half}").sample(rest, min(other, len(rest)))
            for kind, chosen in (("calendar", calendar), ("other", rest)):
                path = out / f"{half}_{kind}_{lang}.jsonl"
                write_jsonl(path, chosen)
                written[path] = len(chosen)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.realdata", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    x = sub.add_parser("extract", help="rebuild the shipped corpus files from the public copies")
    x.add_argument("--massive-en", type=Path, required=True, help="MASSIVE en-US.jsonl (with partitions)")
    x.add_argument("--massive-de-xlsx", type=Path, required=True, help="en-de.xlsx, row-aligned with en-US")
    x.add_argument("--slurp-test", type=Path, required=True)
    x.add_argument("--slurp-devel", type=Path, required=True)
    c = sub.add_parser("convert", help="how the shipped corpora turn into training rows: counts and examples")
    c.add_argument("--seed", type=int, default=13)
    c.add_argument("--show", type=int, default=0, help="print N converted calendar rows")
    u = sub.add_parser(
        "unseen",
        help="the train-partition rows a trained model never saw, in two halves (choose on A, check on B), for "
        "python -m evaluation corpus --data",
    )
    u.add_argument("--data", type=Path, required=True, help="the data directory the model was trained from")
    u.add_argument("--train-rows", type=int, default=15600, help="training rows SFT used (recipe --train_rows)")
    u.add_argument("--other", type=int, default=1500, help="non-calendar rows per language and half")
    u.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "unseen":
        for path, n in unseen(args.data, args.train_rows, args.other, args.out).items():
            print(f"{path}: {n} rows")
    if args.command == "extract":
        extract(args.massive_en, args.massive_de_xlsx, args.slurp_test, args.slurp_devel)
    if args.command == "convert":
        import random
        from collections import Counter

        from .data import sample_today

        rng = random.Random(args.seed)
        for name in ("massive_en", "massive_de"):
            outcomes: Counter[str] = Counter()
            shown = 0
            for record in load(name):
                row, why = convert(record, sample_today(rng))
                outcomes[why] += 1
                if row and row["call"] and shown < args.show:
                    shown += 1
                    print(f"  {record['annot_utt']}\n    -> {row['text']}  (today {row['today']})")
            print(name, dict(outcomes.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
