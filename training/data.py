"""Generate the bilingual training data: sentence templates x value generators -> JSONL splits.

    python -m training.data --out data/ --n 20000 --seed 13

Rows: ``{"id", "lang", "today", "query", "call": {"function", "arguments"}, "text", "template", "slots"}``;
``text`` is the model's target (``<oc_1>("Zahnarzt", "2026-11-25", "14:30", 45)<oc_end>``), ``slots`` the
phrases said for each argument. The test and validation splits use templates and title parts that the
training split never sees, so they measure generalisation rather than memory.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.jsonl import write_jsonl
from assistant.schema.functions import (
    FUNCTIONS,
    Call,
    CallError,
    Missing,
    NoCall,
    Param,
    ParamType,
    SpanCall,
    function_by_name,
    render_call,
)
from assistant.schema.lexicon import LANGS, ordinal
from assistant.schema.resolve import (
    resolve_call,
    resolve_date_in,
    resolve_date_range,
    resolve_duration,
    resolve_frequency,
    resolve_time,
)

from .config import parse_config
from .phrases import DATE_KIND_WEIGHTS, PhraseBook, load_table, part_of_day

__all__ = ["DataConfig", "Template", "generate", "main", "span_call_for_row", "split_templates", "title_pools"]

SPLITS = ("train", "validation", "test")
# The shipped evaluation sets (hand-written, wild, the corpora's test partitions): no training or validation row
# may say what one of them says, or their scores would measure memory (v19's seed templates said 10 wild rows).
EVALUATION_SETS = Path(__file__).resolve().parents[1] / "evaluation" / "data"
NO_CALL = "no_call"
SLOT_RE = re.compile(r"\{(\w+)\}")
LIST_DATE_KIND_WEIGHTS = {**DATE_KIND_WEIGHTS, "today": 22, "tomorrow": 20, "in_weeks": 1}
# A series' first day is said as a day ahead ("ab dem 5. Januar", "starting tomorrow"); a bare weekday would
# be ambiguous (the repetition names it already).
FIRST_DATE_KIND_WEIGHTS = {"tomorrow": 6, "day_month": 12, "next_week_weekday": 4, "in_days": 2, "in_weeks": 2}
UNTIL_KIND_WEIGHTS = {"day_month": 10, "in_weeks": 2}
# Share of titles drawn from the day-long pool ("Urlaub", "business trip to Denver") per function.
ALL_DAY_TITLE_SHARE = {"create_all_day_event": 0.6, "delete_event": 0.05, "move_event": 0.05, "find_event": 0.05}
# English creates that say an article before a bare title ("Add a haircut", "I've got an eye exam Friday"): the
# article is not part of the title. v14/v15 read "Add a haircut" as no command.
ARTICLE_SHARE = 0.25
TAIL_SHARE = 0.12  # of plain and companion titles: a tail after them
# Commands that name nothing but the event ("Trag Friseur ein", "Add a haircut") name it short: of the rows from a
# template whose only slot is the title, this share takes a bare base title. Drawn like every other title, creates
# of four words or fewer were 89 of v23's 15,600 training rows (v19's: 94); v23 (two seeds) read "Trag Friseur
# ein" as a delete and "Add a haircut" as no command.
SHORT_TITLE_SHARE = {"create_event": 0.5}
_ARTICLE_SLOT = re.compile(r"(?i)\b(add|book|schedule|put|plan|create|set up|of|about|got|have|need) \{title\}")
# Changes and questions name the event with its article ("Verschieb den Zahnarzttermin", "Wann ist die
# Chorprobe?", "cancel the dentist"); the templates mostly say the bare title, and v15 kept "die Teambesprechung"
# as the title. The article is never part of the title.
DEFINITE_SHARE = 0.35
_DEFINITE = {
    "de": {
        "acc": re.compile(
            r"(?i)\b(verschieb\w*|verleg\w*|schieb|leg|pack|setz|änder\w*|zieh|mach|du|mal|wir|muss|"
            r"lösch\w*|sag|streich\w*|entfern\w*|stornier\w*|nimm|such\w*|finde|an) \{title\}"
        ),
        "nom": re.compile(r"(?i)\b(ist|findet|steht|kommt|geht) \{title\}"),
    },
    "en": {
        "the": re.compile(
            r"(?i)\b(move|reschedule|push|shift|bump|change|delete|cancel|remove|drop|clear|"
            r"find|is|was|for|when's) \{title\}"
        )
    },
}
_ARTICLES_DE = {"acc": {"m": "den", "f": "die", "n": "das"}, "nom": {"m": "der", "f": "die", "n": "das"}}
TWELVE_HOUR_KINDS = ("hour_12", "hhmm_12", "half", "quarter_past", "quarter_to", "minutes_past", "minutes_to")


@dataclass
class DataConfig:
    out: Path = field(default=Path("data"), metadata={"help": "output directory"})
    n: int = field(default=20000, metadata={"help": "rows over all splits"})
    seed: int = field(default=13, metadata={"help": "random seed; same seed, same files"})
    validation_share: float = field(default=0.05, metadata={"help": "share of rows in validation"})
    test_share: float = field(default=0.10, metadata={"help": "share of rows in test"})
    span_share: float = field(default=0.5, metadata={"help": "span-of-days arguments said as a span, not a day"})
    heldout_template_share: float = field(default=0.30, metadata={"help": "templates kept out of train"})
    heldout_value_share: float = field(default=0.20, metadata={"help": "title parts kept out of train"})
    numbers_as_words: float = field(default=0.30, metadata={"help": "rows with numbers spelled out"})
    lowercase: float = field(default=0.20, metadata={"help": "rows lowercased (ASR style)"})
    no_punctuation: float = field(default=0.30, metadata={"help": "rows without punctuation (ASR style)"})
    filler: float = field(default=0.12, metadata={"help": "rows with a filler word (äh, um)"})
    typo: float = field(default=0.08, metadata={"help": "rows with a typo outside the arguments"})
    self_correction: float = field(
        default=0.05,
        metadata={
            "help": "call rows where a date or time is first said wrong and corrected ('am Montag, nein, am Dienstag')"
        },
    )
    repeat_word: float = field(default=0.03, metadata={"help": "rows with a word said twice (ASR style)"})
    time_range: float = field(default=0.10, metadata={"help": "times said as a range (von 14 bis 16 Uhr)"})
    daypart: float = field(default=0.30, metadata={"help": "'heute Abend um acht' where the time allows it"})
    swap_date_time: float = field(default=0.25, metadata={"help": "rows with date and time in the other order"})
    compose_share: float = field(default=0.4, metadata={"help": "rows from verb x frame combinations"})
    real_share: float = field(
        default=0.0,
        metadata={
            "help": "share of the train and validation splits made of real commands (training/corpora, MASSIVE "
            "en/de: train partition -> train, dev -> validation; converted by training.realdata); 0 = none"
        },
    )


@dataclass(frozen=True)
class Template:
    id: str
    function: str  # "no_call" for negatives
    lang: str
    text: str
    complete: bool
    span: bool = False  # its first date argument is always said as a span of days ("span" group)

    @property
    def slots(self) -> list[str]:
        return SLOT_RE.findall(self.text)


def load_templates() -> list[Template]:
    """Flat templates, plus ``compose`` sections expanded to one template per (frame, verb): a verb is then
    seen in several sentence shapes, and a held-out combination tests a shape or a verb in a new pairing."""
    templates = []
    for name in [f.name for f in FUNCTIONS] + [NO_CALL]:
        table = load_table(name)
        for group in ("complete", "incomplete", "span"):
            for lang, texts in (table.get(group) or {}).items():
                for i, text in enumerate(texts):
                    templates.append(
                        Template(
                            f"{name}.{lang}.{group[0]}{i:02d}",
                            name,
                            lang,
                            text,
                            group != "incomplete",
                            span=group == "span",
                        )
                    )
            for lang, spec in (table.get("compose") or {}).items():
                for fi, frame in enumerate(spec.get(group) or []):
                    for vi, verb in enumerate(spec["verbs"]):
                        text = expand_verb(frame, verb)
                        text = text[:1].upper() + text[1:]
                        templates.append(
                            Template(
                                f"{name}.{lang}.{group[0]}x{fi:02d}v{vi:02d}", name, lang, text, group == "complete"
                            )
                        )
    return templates


def expand_verb(frame: str, verb: str) -> str:
    """Put a verb "imperative|infinitive" into a frame. A German separable verb is written with a star where
    the clause goes ("sag * ab|absagen"): its particle moves to the end of the verb's clause ("Sag {title}
    {date} ab."), as people say it, so the model learns that "ab"/"ein"/"hinzu" closes a command, not a title."""
    imperative, infinitive = verb.split("|")
    head, star, particle = imperative.partition(" * ")
    text = frame.replace("{verb_inf}", infinitive)
    at = text.find("{verb}")
    if at < 0:
        return text
    if star:
        end = min((i for i in (text.find(c, at) for c in ",.?!") if i >= 0), default=len(text))
        text = text[:end] + " " + particle + text[end:]
    return text.replace("{verb}", head)


def is_composed(template_id: str) -> bool:
    return ".cx" in template_id or ".ix" in template_id


def template_shape(template: Template) -> tuple[tuple[str, ...], bool]:
    """What a template teaches beyond its words: which arguments it says, and whether the sentence opens with
    one ("pick up Lena from school tomorrow at 3" opens with its title; "Add ..." with a command)."""
    slots = tuple(sorted({"title" if s == "task" else s.split("_")[0] for s in template.slots}))
    return slots, template.text.startswith("{")


def split_templates(templates: list[Template], seed: int, heldout_share: float) -> dict[str, list[Template]]:
    """Assign each template to exactly one split, per (function, language, group), by seed.

    Held-out templates test new sentences, never a kind of sentence training lacks: a template is held out only
    while another of its shape stays in training. v16's split held out all three English "Starting {date}, ..."
    series templates, and its model never learned that "starting tomorrow" is a series' first day."""
    groups: dict[tuple[str, str, bool], list[Template]] = {}
    for t in templates:
        groups.setdefault((t.function, t.lang, t.complete), []).append(t)
    out: dict[str, list[Template]] = {s: [] for s in SPLITS}
    for key, items in sorted(groups.items(), key=lambda kv: str(kv[0])):
        items = sorted(items, key=lambda t: t.id)
        random.Random(f"{seed}/{key}").shuffle(items)
        n_heldout = max(2, round(len(items) * heldout_share))
        shapes = {t.id: template_shape(t) for t in items}
        left = Counter(shapes.values())
        heldout: list[Template] = []
        for t in items:
            if len(heldout) < n_heldout and left[shapes[t.id]] > 1:
                heldout.append(t)
                left[shapes[t.id]] -= 1
        if len(heldout) < 2:  # a group of one shape: hold out as before
            heldout = items[:n_heldout]
        held = {t.id for t in heldout}
        n_val = max(1, len(heldout) // 3)
        out["validation"] += heldout[:n_val]
        out["test"] += heldout[n_val:]
        out["train"] += [t for t in items if t.id not in held]
    return out


def _split_pool(items: list[str], seed: int, share: float) -> tuple[list[str], list[str]]:
    """(train, held-out) by a seeded hash of the case-folded value, so "Sauna" (de) and "sauna" (en) or
    "Team Meeting" and "team meeting" always land on the same side."""

    def heldout(item: str) -> bool:
        digest = hashlib.sha256(f"{seed}/{item.casefold()}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < share

    items = sorted(set(items))
    return [i for i in items if not heldout(i)], [i for i in items if heldout(i)]


def title_pools(seed: int, share: float) -> dict[str, dict[str, dict[str, list[str]]]]:
    """Title parts per split and language: {"train"|"heldout": {lang: {"base", "people", "places", ...}}}."""
    table = load_table("values")["titles"]
    pools: dict[str, dict[str, dict[str, list[str]]]] = {"train": {}, "heldout": {}}
    for lang in LANGS:
        for part in ("base", "people", "places", "topics", "tasks", "task_objects", "task_verbs", "all_day"):
            train, heldout = _split_pool(table[lang][part], seed, share)
            pools["train"].setdefault(lang, {})[part] = train
            pools["heldout"].setdefault(lang, {})[part] = heldout
        for side, other in (("train", "heldout"), ("heldout", "train")):
            # a listed to-do the other side composes from its verbs and objects ("pick up" + "the prescription")
            # would say a held-out title in training
            composed = {t.casefold() for t in _composed_tasks(lang, pools[other][lang])}
            tasks = pools[side][lang]["tasks"]
            tasks[:] = [t for t in tasks if t.casefold() not in composed]
    return pools


def _composed_tasks(lang: str, pool: dict[str, list[str]]) -> list[str]:
    """Every to-do ``_compose_task`` makes from the pool's verbs and objects without a companion."""
    pairs = [(obj, verb) for obj in pool["task_objects"] for verb in pool["task_verbs"]]
    return [f"{obj} {verb}" if lang == "de" else verb.format(obj=obj) for obj, verb in pairs]


def _names(pool: dict[str, list[str]]) -> list[str]:
    """The people of a title pool said by name ("Tom", not "my sister"), or all of them when none is."""
    return [p for p in pool["people"] if _is_name(p)] or pool["people"]


def _is_name(person: str) -> bool:
    return " " not in person and person[:1].isupper()


_NUMBER_SLOTS = {
    "{nnn}": lambda rng: str(rng.randint(100, 450)),
    "{n}": lambda rng: str(rng.randint(1, 20)),
    "{L}": lambda rng: rng.choice("ABCDEF"),
    "{yyyy}": lambda rng: str(rng.randint(2024, 2031)),
}


def _fill_numbers(rng: random.Random, title: str) -> str:
    """Numbers, letters and years in title parts ("Raum {nnn}", "Kurs {n}", "room {L}", "Budget {yyyy}") drawn
    per row: a model that saw "Raum 204" only would learn that one number, not that the number belongs to the
    title (v7 cut "zahnarzt budget 2027" before the year)."""
    for slot, draw in _NUMBER_SLOTS.items():
        while slot in title:
            title = title.replace(slot, draw(rng), 1)
    return title


def sample_title(rng: random.Random, lang: str, pool: dict[str, list[str]]) -> str:
    """A title as people name events: a base, with a person, a name, a place or a topic, or a task."""
    return _fill_numbers(rng, _compose_title(rng, lang, pool))


def _compose_title(rng: random.Random, lang: str, pool: dict[str, list[str]]) -> str:
    forms = load_table("values")["titles"][lang]
    base, person, place = rng.choice(pool["base"]), rng.choice(pool["people"]), rng.choice(pool["places"])
    names = _names(pool)
    name, topic = rng.choice(names), rng.choice(pool["topics"])
    kind = rng.choices(
        ["base", "person", "name", "place", "topic", "task", "composed_task", "possessive"],
        weights=[36, 13, 5, 11, 7, 10, 13, 5],  # v18 cut verbs off to-dos (wild English exact 80.7): more of them
    )[0]
    if kind == "base":
        return _with_tail(rng, base, forms["tails"])
    if kind == "task":
        return rng.choice(pool["tasks"])
    if kind == "composed_task":
        return _compose_task(rng, lang, pool, forms["task_with"], name, person)
    if kind == "possessive":
        return rng.choice(forms["possessive"]).format(person=name)
    form = rng.choice(
        forms[{"person": "with_person", "name": "with_name", "place": "with_place", "topic": "with_topic"}[kind]]
    )
    if form.startswith("{topic}"):  # "budget review", not "the budget review" (an article is no title)
        topic = re.sub(r"^(the|my) ", "", topic)
    title = form.format(base=base, person=person, name=name, place=place, topic=topic)
    return _with_tail(rng, title, forms["tails"]) if kind == "person" else title


def bare_title(rng: random.Random, pool: dict[str, list[str]]) -> str:
    """A base title alone, with no person, place or tail ("haircut", "Friseur"): what short commands and an
    article before the title name."""
    return _fill_numbers(rng, rng.choice(pool["base"]))


def _with_tail(rng: random.Random, title: str, tails: list[str]) -> str:
    """Now and then a group or an occasion after the title ("Mittagessen mit den Kollegen vom Vertrieb", "team
    drinks after work"): v19 cut such tails off people's titles (wild German exact 89.7)."""
    return f"{title} {rng.choice(tails)}" if rng.random() < TAIL_SHARE else title


def sample_task(rng: random.Random, lang: str, pool: dict[str, list[str]]) -> str:
    """A to-do for a {task} slot: a listed one, or one composed from a verb and an object (more verbs, so that
    a verb the model has not seen reads as part of the title, not as a command)."""
    if rng.random() < 0.5:
        return rng.choice(pool["tasks"])
    forms = load_table("values")["titles"][lang]
    name, person = rng.choice(_names(pool)), rng.choice(pool["people"])
    return _fill_numbers(rng, _compose_task(rng, lang, pool, forms["task_with"], name, person))


def _compose_task(
    rng: random.Random, lang: str, pool: dict[str, list[str]], tails: list[str], name: str, person: str
) -> str:
    """A to-do with its verb, the verb being part of the title ("Winterreifen aufziehen lassen", "pick up my
    passport at city hall"): v12 cut such verbs off (52 % exact on verb titles in the wild set)."""
    obj, verb = rng.choice(pool["task_objects"]), rng.choice(pool["task_verbs"])
    with_ = rng.choice(tails).format(name=name, person=person) if rng.random() < 0.25 else None
    if lang == "de":  # the verb goes last; a companion or a place goes first
        return f"{with_} {obj} {verb}" if with_ else f"{obj} {verb}"
    task = verb.format(obj=obj)
    return f"{task} {with_}" if with_ else task


def sample_today(rng: random.Random) -> dt.date:
    """Today's date for a row: any day 2024-2029, with month ends, year ends and leap days over-sampled."""
    r = rng.random()
    year = rng.randint(2024, 2029)
    if r < 0.22:
        month = rng.randint(1, 12)
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, rng.choice([last - 2, last - 1, last, last, 1]))
    if r < 0.30:
        return dt.date(year, 12, rng.randint(20, 31))
    if r < 0.35:
        leap = rng.choice([2024, 2028])
        return dt.date(leap, 2, rng.choice([25, 26, 27, 28, 29]))
    return dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))


class RowMaker:
    """Fills templates with values and applies ASR-style variation; counts phrase/resolver disagreements."""

    def __init__(self, config: DataConfig) -> None:
        self.config = config
        self.books = {lang: PhraseBook(lang) for lang in LANGS}
        self.values = load_table("values")
        self.mismatches: Counter[str] = Counter()
        self.mismatch_examples: list[str] = []

    def all_day_title(self, rng: random.Random, lang: str, title_pool: dict[str, list[str]]) -> str:
        """A day-long event's title ("Dienstreise nach Köln", "parental leave", "Tom visiting")."""
        names = _names(title_pool)
        return rng.choice(title_pool["all_day"]).format(
            city=rng.choice(self.values["cities"][lang]), name=rng.choice(names)
        )

    def row(
        self,
        rng: random.Random,
        template: Template,
        title_pool: dict[str, list[str]],
        garble_pool: list[str] | None = None,
    ) -> dict[str, Any]:
        cfg, lang = self.config, template.lang
        today = sample_today(rng)
        book = self.books[lang]
        words = rng.random() < cfg.numbers_as_words
        slots: dict[str, str] = {}
        values: dict[str, Any] = {}
        kinds: dict[str, str] = {}
        says_duration = any(slot.startswith("duration") for slot in template.slots)

        def draw_frequency() -> tuple[str, str, int | None, dt.date | None]:
            # a sentence that says the first or last day itself gets no repetition that names a day
            return book.frequency(rng, today, with_day=not {"date", "until"} & set(template.slots))

        params = {p.slot: p for p in function_by_name(template.function).params} if template.function != NO_CALL else {}
        for slot in template.slots:
            ptype = params[slot].type if slot in params else None
            if slot == "title" and rng.random() < ALL_DAY_TITLE_SHARE.get(template.function, 0.0):
                slots[slot] = self.all_day_title(rng, lang, title_pool)
            elif (
                slot == "title"
                and template.slots == ["title"]
                and rng.random() < SHORT_TITLE_SHARE.get(template.function, 0.0)
            ):
                slots[slot] = bare_title(rng, title_pool)
            elif slot == "title":
                slots[slot] = sample_title(rng, lang, title_pool)
            elif slot == "task":  # a to-do with its verb: a listed one or one composed from verb and object
                slots[slot] = sample_task(rng, lang, title_pool)
            elif ptype is ParamType.RANGE_START and (template.span or rng.random() < cfg.span_share):
                slots[slot], (values[slot], values["end_date"]), kinds[slot] = book.span(rng, today, words)
            elif ptype is ParamType.RANGE_START:  # one day, a span of one
                weights = LIST_DATE_KIND_WEIGHTS if template.function == "list_events" else None
                slots[slot], values[slot], kinds[slot] = book.date(rng, today, words, weights)
                values["end_date"] = values[slot]
            elif ptype is ParamType.FIRST_DATE:  # a series' start, within four months
                slots[slot], values[slot], kinds[slot] = _draw(
                    lambda: book.date(rng, today, words, FIRST_DATE_KIND_WEIGHTS),
                    lambda d: d <= today + dt.timedelta(days=120),
                )
            elif ptype is ParamType.RANGE_END:  # a series' last day, at least two weeks after its start
                after = max(values.get("date", today), values.get("named_first") or today, today) + dt.timedelta(
                    days=14
                )
                slots[slot], values[slot], kinds[slot] = _draw(
                    lambda: book.date(rng, today, words, UNTIL_KIND_WEIGHTS), lambda d, after=after: d >= after
                )
            elif ptype is ParamType.FREQUENCY:
                slots[slot], values[slot], values["weekday"], values["named_first"] = draw_frequency()
            elif slot == "date" or ptype is ParamType.DATE:
                weights = LIST_DATE_KIND_WEIGHTS if template.function == "list_events" else None
                slots[slot], values[slot], kinds[slot] = book.date(rng, today, words, weights)
            elif slot == "time" and not says_duration and template.function and rng.random() < cfg.time_range:
                slots[slot], values["time"], values["duration"] = book.time_range(rng)
                kinds["time"] = "range"
            elif slot == "time" or ptype is ParamType.TIME:
                slots[slot], values[slot], kinds[slot] = book.time(rng, words)
            elif slot.startswith("duration"):
                style = {"duration": "adverbial", "duration_bare": "bare", "duration_adj": "adjective"}[slot]
                slots[slot], values["duration"] = book.duration(rng, words, style)
            elif slot == "person":
                slots[slot] = rng.choice(title_pool["people"])
            elif slot == "city":
                slots[slot] = rng.choice(self.values["cities"][lang])
            else:
                raise ValueError(f"template {template.id} has an unknown slot {{{slot}}}")
        if "frequency" in slots and "time" in slots:
            # "jeden Morgen um sechs" is 06:00: a repetition that names a part of the day must agree with the time
            for _ in range(50):
                said = f"{slots['frequency']} {slots['time']}"
                if resolve_time(slots["time"], lang, context=said) == values["time"]:
                    break
                slots["frequency"], values["frequency"], values["weekday"], values["named_first"] = draw_frequency()
        if (
            template.function == "move_event"
            and values.get("date") is not None
            and values.get("date") == values.get("new_date")
        ):
            return self.row(rng, template, title_pool, garble_pool)  # "from Friday to Friday" moves nothing
        if (
            kinds.get("date") in ("today", "tomorrow", "weekday")
            and kinds.get("time") in TWELVE_HOUR_KINDS
            and rng.random() < cfg.daypart
        ):
            # "heute Abend um acht": the part of the day moves to the day, the time goes bare.
            part = part_of_day(values["time"].hour)
            with_part = book.date_with_daypart(rng, kinds["date"], values["date"], part)
            if with_part:
                bare = book.render_time(rng, kinds["time"], values["time"], words, qualify=False)
                said = f"{slots.get('frequency', '')} {with_part} {bare}"
                if resolve_time(bare, lang, context=said) == values["time"]:  # not "every evening ... morning"
                    slots["date"] = with_part
                    slots["time"] = bare
        text = template.text
        if slots.get("title", "")[:1].lower() in tuple("aeiou"):  # "{verb} a {title}" with "appointment ..."
            text = re.sub(r"\b([Aa]) \{title\}", r"\1n {title}", text)
        if (
            lang == "en"
            and template.function in ("create_event", "create_all_day_event")
            and "title" in slots
            and _ARTICLE_SLOT.search(text)
            and rng.random() < ARTICLE_SHARE
        ):
            slots["title"] = bare_title(rng, title_pool)
            article = "an" if slots["title"][:1].lower() in "aeio" else "a"
            text = _ARTICLE_SLOT.sub(lambda m: f"{m[1]} {article} {{title}}", text, count=1)
        # Titles said with "the/den/die/das" before them: those of a move, delete or find, and German reminders
        # ("Erinnere mich an den Elternsprechtag", where v18 copied "an den").
        definite = template.function in ("move_event", "delete_event", "find_event") or (
            lang == "de" and "an {title}" in text
        )
        if slots.get("title", "").split(" ")[0].casefold() in _task_verbs(lang):  # not "cancel the call the bank"
            text = re.sub(r"(?i)\b(the|my|a|an) \{title\}", "{title}", text)
        elif definite and "title" in slots and rng.random() < DEFINITE_SHARE:
            text = _with_definite_article(lang, text, slots["title"])
        for slot in ("time", "new_time"):  # "dinner at eight" is 20:00: a meal in the title says the part of the day
            if kinds.get(slot) in (*TWELVE_HOUR_KINDS, "hhmm_24", "hour_24") and "title" in slots:
                if resolve_time(slots[slot], lang, context=f"{slots['title']} {slots[slot]}") != values[slot]:
                    slots[slot] = book.render_time(rng, kinds[slot], values[slot], words, context=slots["title"])
        text = _preposition_into_slots(text, slots)
        text = _said_after_preposition(text, slots, values, params, today, lang)
        if garble_pool is not None:
            query = " ".join(rng.choice(garble_pool) for _ in range(rng.randint(2, 7)))
            segments: list[tuple[str | None, str]] = [(None, query)]
        else:
            if rng.random() < cfg.swap_date_time:
                # "at 3 pm tomorrow" as well as "tomorrow at 3 pm": which slot a phrase fills must come from
                # what it says, not from where it stands.
                text = (
                    text.replace("{date} {time}", "{time} {date}", 1)
                    if "{date} {time}" in text
                    else text.replace("{time} {date}", "{date} {time}", 1)
                )
            segments = self._segments(text, slots)
            if template.function != NO_CALL and rng.random() < cfg.self_correction:
                segments = self._self_correct(rng, book, lang, segments, values, kinds, today, words)
        segments = self._asr_style(rng, lang, segments)
        query = "".join(text for _, text in segments)
        said = {slot: text for slot, text in segments if slot is not None}
        self._check(template, said, values, today, query)
        call = self._call(template.function, said, values, today)
        argument_slots = {p.slot for f in FUNCTIONS for p in f.params}
        row_slots = {
            ("duration" if k.startswith("duration") else k): v
            for k, v in said.items()
            if k in argument_slots or k.startswith("duration")
        }
        if call.function is not None:
            # The whole row read back the way the assistant reads the model's spans must give the gold call.
            span = span_call_for_row({"call": call.to_json(), "slots": row_slots})
            try:
                agrees = resolve_call(span, today, lang, query) == call
            except CallError:
                agrees = False
            if not agrees:
                self._mismatch(template, "call", f"{span.render()} for {query!r}", call.render(), today)
        return {
            "lang": lang,
            "today": today.isoformat(),
            "query": query,
            "call": call.to_json(),
            "text": render_call(call),
            "template": template.id,
            "slots": row_slots,
        }

    @staticmethod
    def _segments(text: str, slots: dict[str, str]) -> list[tuple[str | None, str]]:
        segments: list[tuple[str | None, str]] = []
        pos = 0
        for m in SLOT_RE.finditer(text):
            if m.start() > pos:
                segments.append((None, text[pos : m.start()]))
            # a {task} is said where the title goes: it is the title
            segments.append(("title" if m.group(1) == "task" else m.group(1), slots[m.group(1)]))
            pos = m.end()
        if pos < len(text):
            segments.append((None, text[pos:]))
        return segments

    def _self_correct(
        self,
        rng: random.Random,
        book: PhraseBook,
        lang: str,
        segments: list[tuple[str | None, str]],
        values: dict[str, Any],
        kinds: dict[str, str],
        today: dt.date,
        words: bool,
    ) -> list[tuple[str | None, str]]:
        """A slip and its correction before one date or time ("um drei, nein, um vier"): the slot keeps the
        corrected words, so the model learns that the correction wins. Left as it was when the slip could
        change how the resolver reads the corrected words (a "pm" in the slip)."""
        at = [
            i
            for i, (slot, _) in enumerate(segments)
            if (slot in ("date", "new_date") and kinds.get(slot) in DATE_KIND_WEIGHTS)
            or (slot in ("time", "new_time") and kinds.get(slot) not in (None, "range"))
        ]
        if not at:
            return segments
        i = rng.choice(at)
        slot, right = segments[i]
        for _ in range(10):
            if "date" in slot:
                wrong, value, _kind = book.date(rng, today, words, {kinds[slot]: 1})
            else:
                wrong, value, _kind = book.time(rng, words)
            if value != values[slot]:
                break
        else:
            return segments
        marker = rng.choice(self.values["corrections"][lang])
        out = segments[:i] + [(None, wrong + marker)] + segments[i:]
        if "time" in slot:
            query = "".join(text for _, text in out)
            if resolve_time(right, lang, context=query) != values[slot]:
                return segments
        return out

    def _asr_style(
        self, rng: random.Random, lang: str, segments: list[tuple[str | None, str]]
    ) -> list[tuple[str | None, str]]:
        """Lowercase, punctuation dropped, a filler word, a typo outside the arguments: as Whisper writes."""
        cfg = self.config
        if rng.random() < cfg.typo:
            literal = [i for i, (slot, text) in enumerate(segments) if slot is None and _TYPO_WORD.search(text)]
            if literal:
                i = rng.choice(literal)
                segments[i] = (None, _typo(rng, segments[i][1]))
        if rng.random() < cfg.repeat_word:  # "trag mir mir ein": a word said twice, outside the arguments
            literal = [i for i, (slot, text) in enumerate(segments) if slot is None and re.search(r"\w{2,}", text)]
            if literal:
                i = rng.choice(literal)
                words = re.findall(r"\w{2,}", segments[i][1])
                word = rng.choice(words)
                segments[i] = (None, re.sub(rf"\b{re.escape(word)}\b", f"{word} {word}", segments[i][1], count=1))
        if rng.random() < cfg.filler:
            filler = rng.choice(self.values["fillers"][lang])
            segments.insert(0, (None, filler + (", " if rng.random() < 0.5 else " ")))
            first = 1
            if segments[first][0] is None:
                segments[first] = (None, segments[first][1][:1].lower() + segments[first][1][1:])
        if rng.random() < cfg.no_punctuation:
            out = []
            for slot, text in segments:
                if slot is None:
                    text = re.sub(r"[,?!;„“\"]", "", text)
                    text = re.sub(r":(?=\s)", "", text)
                out.append((slot, text))
            segments = out
            if segments and segments[-1][0] is None:
                segments[-1] = (None, segments[-1][1].rstrip(" ."))
        if rng.random() < cfg.lowercase:
            segments = [(slot, text.lower()) for slot, text in segments]
        # Whitespace left by dropped words or punctuation is collapsed, and "Min.." loses its second dot;
        # segments stay aligned with slots.
        cleaned: list[tuple[str | None, str]] = []
        for slot, text in segments:
            if slot is None:
                text = re.sub(r"\s{2,}", " ", text)
                if cleaned and cleaned[-1][1].endswith(".") and text.startswith("."):
                    text = text[1:]
            cleaned.append((slot, text))
        if cleaned and cleaned[0][0] is None:
            cleaned[0] = (None, cleaned[0][1].lstrip())
        return [(slot, text) for slot, text in cleaned if text]

    def _check(
        self, template: Template, said: dict[str, str], values: dict[str, Any], today: dt.date, query: str
    ) -> None:
        lang = template.lang
        params = (
            {p.slot: p for p in function_by_name(template.function).params}
            if template.function != NO_CALL
            else {"date": Param("date", ParamType.DATE), "time": Param("time", ParamType.TIME)}
        )
        for slot, text in said.items():
            ptype = params[slot].type if slot in params else None
            if ptype is not None and ptype.is_date:
                got: Any = resolve_date_in(ptype, text, today)
                want = values[slot]
                if ptype is ParamType.FIRST_DATE:
                    continue  # its gold is settled with the repetition (_first_occurrence), checked by the call
                if ptype is ParamType.RANGE_START:
                    got, want = (got, resolve_date_in(ParamType.RANGE_END, text, today)), (want, values["end_date"])
            elif ptype is ParamType.FREQUENCY:
                got, want = resolve_frequency(text), values[slot]
            elif slot == "time" or ptype is ParamType.TIME:
                got, want = resolve_time(text, lang, context=query), values[slot]
            elif slot.startswith("duration"):
                got, want = resolve_duration(text), values["duration"]
            else:
                continue
            if got != want:
                self._mismatch(template, slot, repr(text), want, today, got)

    def _mismatch(self, template: Template, what: str, text: str, want: Any, today: dt.date, got: Any = None) -> None:
        self.mismatches[what] += 1
        if len(self.mismatch_examples) < 20:
            self.mismatch_examples.append(f"{template.id} {what}: {text} -> {got} != {want} ({today})")

    @staticmethod
    def _call(function: str, said: dict[str, str], values: dict[str, Any], today: dt.date) -> Call | NoCall:
        if function == NO_CALL:
            return NoCall()
        spec = function_by_name(function)
        arguments: dict[str, Any] = {}
        for p in spec.params:
            value = values.get(p.slot)
            if p.type is ParamType.TITLE:
                arguments[p.name] = said[p.name]
            elif p.type is ParamType.FIRST_DATE:
                arguments[p.name] = _first_occurrence(value, values, today).isoformat()
            elif p.type is ParamType.RANGE_END and value is None and p.missing is not Missing.OPTIONAL:
                arguments[p.name] = values["end_date"].isoformat() if "end_date" in values else None
            elif isinstance(value, dt.date):
                arguments[p.name] = value.isoformat()
            elif isinstance(value, dt.time):
                arguments[p.name] = value.strftime("%H:%M")
            else:
                arguments[p.name] = value
        return Call(function, spec.fill_defaults(arguments, today))


_TARGET_PREP = re.compile(r"\b(auf|to|for) \{(new_date|new_time)\}")
_OWN_PREP = re.compile(r"^(?:am|an|um|zu|für den|für|den|on|at|for)\s+", re.IGNORECASE)


def _preposition_into_slots(text: str, slots: dict[str, str]) -> str:
    """ "auf {new_date}" with "am Freitag" is said "auf Freitag": the template's preposition replaces the phrase's
    own and is part of what the argument copies ("auf Freitag", "to 4 pm"), so it never reads "auf am"."""

    def move(m: re.Match[str]) -> str:
        slots[m[2]] = f"{m[1]} {_OWN_PREP.sub('', slots[m[2]])}"
        return "{" + m[2] + "}"

    return _TARGET_PREP.sub(move, text)


# A day said after the template's own preposition ("ab {date}", "bis {until}", "Termine für {date}", "starting
# {date}"): v25's data said "ab für morgen", "bis für den 24.08.", "until on the 15th", "für für nächste Woche" in
# about one row in twenty, and the model learnt those as part of titles ("Ab für morgen Termin in Köln").
_LEAD_PREP = re.compile(r"(?i)\b(ab|bis|seit|von|für|auf|starting|until|till|from|beginning|for|on) \{(date|until)\}")
_DAY_PREP = re.compile(r"^(?:für den|am|an|zu|zum|den|dem|für|on|for|at)\s+", re.IGNORECASE)
_DE_DAY_ARTICLE = {"ab": "dem", "seit": "dem", "bis": "zum", "für": "den", "auf": "den"}


def _said_after_preposition(
    text: str, slots: dict[str, str], values: dict[str, Any], params: dict[str, Any], today: dt.date, lang: str
) -> str:
    """The day's phrase without its own preposition where the template says one before it ("ab Freitag", "bis zum
    24.08.", "starting tomorrow"), kept as drawn where the shorter phrase would mean another day."""

    def said(m: re.Match[str]) -> str:
        prep, slot = m[1], m[2]
        phrase = slots.get(slot, "")
        own = _DAY_PREP.match(phrase)
        if own is None:
            return m[0]
        rest, word = phrase[own.end() :], prep.casefold()
        if lang == "de" and own[0].strip().casefold() in ("am", "den", "für den", "dem", "zum") and _day_first(rest):
            if word == "von":  # "von am 5. Mai" -> "vom 5. Mai", said as one ("vierzehnten" alone names no day)
                rest, prep = f"{prep[:2]}m {rest}", ""
            elif word in _DE_DAY_ARTICLE:  # "ab am 5. Mai" -> "ab dem 5. Mai", "bis den 5." -> "bis zum 5."
                rest = f"{_DE_DAY_ARTICLE[word]} {rest}"
        if slot in params and not _same_day(rest, slot, values, params[slot].type, today):
            return m[0]  # (a near miss's day has no value to keep)
        slots[slot] = rest
        return f"{prep} {{{slot}}}".lstrip()

    return _LEAD_PREP.sub(said, text)


def _day_first(words: str) -> bool:
    """Whether a German day phrase starts with the day of the month ("5. Mai", "vierundzwanzigsten Dezember")."""
    first = words.split(" ")[0].casefold()
    return first[:1].isdigit() or first in _GERMAN_ORDINALS


_GERMAN_ORDINALS = frozenset(ordinal(n, "de").casefold() for n in range(1, 32))


def _same_day(phrase: str, slot: str, values: dict[str, Any], ptype: ParamType, today: dt.date) -> bool:
    """Whether ``phrase`` names the day the drawn one did (a range's first and last day)."""
    if ptype is ParamType.RANGE_START:
        return resolve_date_range(phrase, today) == (values.get(slot), values.get("end_date"))
    return resolve_date_in(ptype, phrase, today) == values.get(slot)


@functools.cache
def _task_verbs(lang: str) -> frozenset[str]:
    """First words of the to-do titles ("call", "pick", "get"), English only: German to-dos end in their verb."""
    if lang != "de":
        table = load_table("values")["titles"][lang]
        return frozenset(t.split(" ")[0].casefold() for t in table["tasks"] + table["task_verbs"])
    return frozenset()


def german_gender(title: str) -> str | None:
    """ "m", "f" or "n" for a title whose head noun (its first word) ends like a known noun; else None."""
    head = title.split(" ")[0].casefold()
    return next((g for e, g in _gender_endings() if head.endswith(e)), None)


@functools.cache
def _gender_endings() -> tuple[tuple[str, str], ...]:
    """(ending, gender), longest ending first: sorted once, not for every generated row."""
    pairs = ((e, g) for g, es in load_table("values")["genders"].items() for e in es)
    return tuple(sorted(pairs, key=lambda item: -len(item[0])))


def _with_definite_article(lang: str, text: str, title: str) -> str:
    """The template with "den/die/das"/"the" before {title} where a verb governs it; unchanged for names,
    possessives and titles whose gender is unknown."""
    words = title.split(" ")
    if (
        not title[:1].isalpha()
        or words[0].casefold() in ("my", "the", "a", "an", "mein", "meine")
        or words[0].casefold() in _task_verbs(lang)
        or (lang == "de" and len(words) > 1 and words[-1].islower())
    ):
        return text  # a to-do ("call the plumber", "Steuererklärung fertig machen") takes no article
    if lang == "en":
        if title[:1].isupper() or "'s" in title:
            return text
        return _DEFINITE["en"]["the"].sub(lambda m: f"{m[1]} the {{title}}", text, count=1)
    gender = german_gender(title)
    if gender is None:
        return text
    for case in ("acc", "nom"):
        article = _ARTICLES_DE[case][gender]
        text, n = _DEFINITE["de"][case].subn(lambda m, a=article: f"{m[1]} {a} {{title}}", text, count=1)
        if n:
            break
    return text


def _draw(make: Any, ok: Any, tries: int = 200) -> Any:
    """``make()`` again until its value passes ``ok`` (a phrase and its value are drawn together)."""
    for _ in range(tries):
        phrase, value, kind = make()
        if ok(value):
            return phrase, value, kind
    raise RuntimeError("no phrase with a fitting value drawn")


def _first_occurrence(said: dt.date | None, values: dict[str, Any], today: dt.date) -> dt.date:
    """A series' first day: the day said (else today), moved onto the weekday its repetition names, or off a
    weekend for one that repeats on weekdays."""
    day = said or values.get("named_first") or today
    if values.get("weekday") is not None:
        day += dt.timedelta(days=(values["weekday"] - day.weekday()) % 7)
    elif values.get("frequency") == "weekdays" and day.weekday() >= 5:
        day += dt.timedelta(days=7 - day.weekday())
    return day


def span_call_for_row(row: dict[str, Any], dates: str = "span") -> SpanCall:
    """The span form of a row, what the model learns to write: each argument is the phrase said for it.
    With ``dates="iso"`` a date that was said is its ISO value instead (the ISO-writing variant)."""
    function = row["call"]["function"]
    if function is None:
        return SpanCall(None)
    spec = function_by_name(function)
    phrases = []
    for p in spec.params:
        phrase = row["slots"].get(p.slot)
        if (
            dates == "iso"
            and p.type is ParamType.RANGE_END
            and phrase is None
            and any(q.type is ParamType.RANGE_START and row["slots"].get(q.slot) for q in spec.params)
        ):
            phrase = row["call"]["arguments"][p.name]  # a span's last day is written out, as no words say it alone
        if dates == "iso" and p.type.is_date and phrase is not None:
            phrase = row["call"]["arguments"][p.name]
        phrases.append(phrase)
    return SpanCall(function, tuple(phrases))


_TYPO_WORD = re.compile(r"\b[^\W\d_]{5,}\b(?!')")


def _typo(rng: random.Random, text: str) -> str:
    """One slip of the fingers in a longer word; never in a word with an apostrophe ("There's" as "Thre's"
    reads as somebody's, a different error from the ones typing makes in a title)."""
    words = list(_TYPO_WORD.finditer(text))
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randrange(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.5:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind < 0.8:
        w2 = w[:i] + w[i + 1 :]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return text[: m.start()] + w2 + text[m.end() :]


def _garble_pools(seed: int, share: float) -> dict[str, dict[str, list[str]]]:
    table = load_table("values")["garbled_syllables"]
    pools: dict[str, dict[str, list[str]]] = {"train": {}, "heldout": {}}
    for lang in LANGS:
        train, heldout = _split_pool(table[lang], seed, 0.4)
        pools["train"][lang], pools["heldout"][lang] = train, heldout
    return pools


def same_words(text: str) -> str:
    """A query as words only: case, punctuation and spacing do not make a held-out query a new one."""
    return " ".join(re.findall(r"[\w']+", text.lower()))


@functools.cache
def evaluation_queries(folder: Path = EVALUATION_SETS) -> frozenset[str]:
    """The words of every query in the shipped evaluation sets."""
    said = set()
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        said.update(same_words(row.get("query") or row.get("utt") or "") for row in rows)  # utt: corpus records
    return frozenset(said)


def generate(config: DataConfig) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """All splits in memory, and a summary of what they hold."""
    templates = split_templates(load_templates(), config.seed, config.heldout_template_share)
    titles = title_pools(config.seed, config.heldout_value_share)
    garble = _garble_pools(config.seed, config.heldout_value_share)
    maker = RowMaker(config)
    n_val = round(config.n * config.validation_share)
    n_test = round(config.n * config.test_share)
    sizes = {"train": config.n - n_val - n_test, "validation": n_val, "test": n_test}
    # Each function's share of rows, and of its rows those from "incomplete" templates, are in its template file.
    tables = {name: load_table(name) for name in (*(f.name for f in FUNCTIONS), NO_CALL)}
    shares = {name: float(table["share"]) for name, table in tables.items()}
    incomplete = {name: float(table.get("incomplete_share", 0.0)) for name, table in tables.items()}
    splits: dict[str, list[dict[str, Any]]] = {}
    for split in SPLITS:
        rng = random.Random(f"{config.seed}/{split}")
        pool_name = "train" if split == "train" else "heldout"
        by_key: dict[tuple[str, str, bool], list[Template]] = {}
        for t in templates[split]:
            by_key.setdefault((t.function, t.lang, t.complete), []).append(t)
        rows = []
        for i in range(sizes[split]):
            lang = LANGS[i % 2]
            while True:  # drawn again while it says what an evaluation set says (never in the test split)
                function = rng.choices(list(shares), weights=list(shares.values()))[0]
                garble_pool = None
                if function == NO_CALL and rng.random() < 0.15:
                    template = Template(f"{NO_CALL}.{lang}.garbled.{split}", NO_CALL, lang, "", True)
                    garble_pool = garble[pool_name][lang]
                else:
                    complete = function == NO_CALL or rng.random() >= incomplete[function]
                    choices = by_key[(function, lang, complete)]
                    composed = [t for t in choices if is_composed(t.id)]
                    flat = [t for t in choices if not is_composed(t.id)]
                    if composed and flat:  # the many combinations must not crowd out the hand-written sentences
                        choices = composed if rng.random() < config.compose_share else flat
                    template = rng.choice(choices)
                row = maker.row(rng, template, titles[pool_name][lang], garble_pool)
                if split == "test" or same_words(row["query"]) not in evaluation_queries():
                    break
            rows.append({"id": f"{split}-{i:06d}", **row})
        splits[split] = rows
    if config.real_share > 0:
        _mix_real(splits, config)
    summary = summarize(splits, templates)
    summary["phrase_mismatches"] = dict(maker.mismatches)
    summary["phrase_mismatch_examples"] = maker.mismatch_examples
    summary["config"] = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(config).items()}
    return splits, summary


def _mix_real(splits: dict[str, list[dict[str, Any]]], config: DataConfig) -> None:
    """Replace rows of the train and validation splits with converted real commands: half calendar rows that
    convert, half non-calendar requests (real near misses); the test split stays generated (the corpora's own
    test partitions are scored separately)."""
    from .realdata import convert, load

    records = [r for name in ("massive_de", "massive_en") for r in load(name)]
    for split, partition in (("train", "train"), ("validation", "dev")):
        rng = random.Random(f"{config.seed}/real/{split}")
        rows = splits[split]
        want = round(len(rows) * config.real_share)
        calendar, other = [], []
        for record in records:
            if record["partition"] != partition:
                continue
            row, _ = convert(record, sample_today(rng))
            if row is not None and same_words(row["query"]) not in evaluation_queries():
                (other if row["call"]["function"] is None else calendar).append(row)
        rng.shuffle(calendar)
        rng.shuffle(other)
        # Queries outnumber creates about 3:2 in MASSIVE, and list/find were already the strongest functions:
        # no more query rows than create/delete rows.
        queries = [r for r in calendar if r["template"].endswith("calendar_query")]
        rest = [r for r in calendar if not r["template"].endswith("calendar_query")]
        calendar = rest + queries[: len(rest)]
        rng.shuffle(calendar)
        # Half calendar commands, half real near misses (music, weather, alarms, messages), as far as they go.
        n_calendar = min(len(calendar), max(want // 2, want - len(other)))
        real = calendar[:n_calendar] + other[: want - n_calendar]
        rng.shuffle(real)
        # Spread over the split, not appended: training may use only the first rows of it.
        for i, (at, row) in enumerate(zip(sorted(rng.sample(range(len(rows)), len(real))), real, strict=True)):
            rows[at] = {"id": f"{split}-real-{i:06d}", **row}


def summarize(splits: dict[str, list[dict[str, Any]]], templates: dict[str, list[Template]]) -> dict[str, Any]:
    summary: dict[str, Any] = {"splits": {}}
    for split, rows in splits.items():
        summary["splits"][split] = {
            "rows": len(rows),
            "templates_available": len(templates[split]),
            "by_lang": dict(Counter(r["lang"] for r in rows)),
            "by_function": dict(Counter(r["call"]["function"] or NO_CALL for r in rows)),
            "by_lang_function": dict(Counter(f"{r['lang']}/{r['call']['function'] or NO_CALL}" for r in rows)),
            "with_missing_arguments": sum(1 for r in rows if None in r["call"]["arguments"].values()),
            "by_template": dict(sorted(Counter(r["template"] for r in rows).items())),
            "distinct_titles": len({r["call"]["arguments"].get("title") for r in rows} - {None}),
        }
    return summary


def write(splits: dict[str, list[dict[str, Any]]], summary: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for split, rows in splits.items():
        write_jsonl(out / f"{split}.jsonl", rows)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


def format_summary(summary: dict[str, Any]) -> str:
    functions = [f.name for f in FUNCTIONS] + [NO_CALL]
    header = f"{'split':<11}{'rows':>7}{'tmpl':>6}{'de':>7}{'en':>7}" + "".join(f"{f:>14}" for f in functions)
    lines = [header + f"{'missing':>9}{'titles':>8}"]
    for split, s in summary["splits"].items():
        lines.append(
            f"{split:<11}{s['rows']:>7}{s['templates_available']:>6}{s['by_lang'].get('de', 0):>7}"
            f"{s['by_lang'].get('en', 0):>7}"
            + "".join(f"{s['by_function'].get(f, 0):>14}" for f in functions)
            + f"{s['with_missing_arguments']:>9}{s['distinct_titles']:>8}"
        )
    mism = summary.get("phrase_mismatches") or {}
    lines.append("phrase/resolver disagreements: " + (", ".join(f"{k} {v}" for k, v in mism.items()) or "none"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    config = parse_config(DataConfig, argv, __doc__.splitlines()[0])
    start = time.perf_counter()
    splits, summary = generate(config)
    write(splits, summary, config.out)
    print(format_summary(summary))
    print(
        f"wrote {', '.join(f'{s}.jsonl' for s in splits)} and summary.json to {config.out}/ "
        f"in {time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
