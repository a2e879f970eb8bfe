"""Which event a command means when its title does not say it.

People name an event they just talked about by a pronoun ("delete it", "verschieb ihn auf Freitag") and one of the
day by its start ("cancel my 3 o'clock", "das Meeting um 10", "the 10 am call"). The model copies what stands where
a title goes ("cancel", "move it", "my 3 o'clock"); these rules tell such a title from a name, find the clock said
as the event's own start, and re-say a pronoun request with the event's name for the model to read the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.calendar.client import match_events
from assistant.calendar.ical import EventInfo
from assistant.schema.functions import ParamType
from assistant.schema.resolve import names_a_value, resolve_time, said_shift

_LEAD = (
    r"(?:(?:hey|hi|ok|okay|alright|so|well|uh|um|ähm|äh|also|ja|naja|and|und|then|dann|oh|actually|no|nein"
    r"|wait|warte)[,.!]?\s+)*(?:(?:please|bitte|can\s+you|could\s+you|kannst\s+du|könntest\s+du)\s+)?"
)
_DELETE = r"delete|cancel|remove|scrap|drop|erase|lösch\w*|streich\w*|entfern\w*|storni\w*"
_MOVE = (
    r"move|push|shift|postpone|reschedule|bump|delay|verschieb\w*|verleg\w*|schieb\w*"
    r"|bring(?=\s+(?:it|that|this)\s+(?:forward|back|earlier|later|up)\b)"  # not "bring it to the party"
)
_FIND = r"when\s+is|when's|wann\s+ist"
# "make it an hour later", "mach es eine Stunde früher", "leg ihn auf Freitag", "make it 5 pm": a move only with a
# length or a day or time said ("make it a weekly thing", "mach es ganztägig" are not).
_SHIFT = r"make|mach|mache|leg|lege|setz|setze"
_ASIDE = r"(?:\s+(?:please|bitte|again|wieder|too|auch|doch|mal|gleich|lieber|instead|back|forward|up|vor|zurück))*"
# "delete it", "cancel that one", "move it to 5", "lösch ihn wieder", "verschieb das auf morgen": a request whose
# object is only a pronoun, with what follows it (where a move goes). German "den", "die", "das" stand alone only:
# "lösch den Zahnarzt" names one.
_PRONOUN_REQUEST = re.compile(
    rf"^{_LEAD}(?P<head>(?P<verb>{_DELETE}|{_MOVE}|{_FIND}|{_SHIFT})\s+)"
    r"(?P<it>(?:this|that)\s+(?:one|event|appointment|entry)|it|that|this|ihn|es|das|den|die|sie"
    r"|diese[nms]?(?:\s+(?:termin|eintrag))?)"
    rf"(?P<tail>{_ASIDE}(?:\s+(?:to|until|till|by|for|on|at|from|in|into|auf|nach|um|zu|von|vom|am|an|ab|bis|aus"
    r"|einen|eine|ein|one|two|half|a|an|\d+|tomorrow|today|morgen|heute|übermorgen|next|nächste\w*)\b.*)?)"
    r"[\s.!?]*$",
    re.IGNORECASE,
)
# German's split verbs with a pronoun: "sag ihn ab", "nimm das wieder raus", "trag es aus".
_PRONOUN_OFF = re.compile(
    rf"^{_LEAD}(?:sag|sage|nimm|trag|trage)\s+(?P<it>ihn|es|das|den|die|sie){_ASIDE}\s+(?:ab|raus|heraus|aus)[\s.!?]*$",
    re.IGNORECASE,
)


_FROM_THE_CALENDAR = re.compile(
    rf"^{_ASIDE}(?:\s+(?:from|aus)\s+(?:my|the|dem|meinem)\s+(?:calendar|kalender|schedule))?{_ASIDE}", re.IGNORECASE
)


_A_REQUEST = re.compile(rf"^{_LEAD}(?:{_DELETE}|{_MOVE}|{_FIND}|when|wann|where|wo)\b", re.IGNORECASE)


def is_a_request(text: str) -> bool:
    """Whether the words start with a delete, move or find of their own ("lösch den Zahnarzt", "when is ..."): an
    answer to "which event?" that does is a command, a name alone ("Zahnarzt", "the dentist") is the answer."""
    return _A_REQUEST.match(text.strip()) is not None


@dataclass(frozen=True)
class PronounRequest:
    """A request about "it": its function, and the words around the pronoun to re-say it with a name."""

    function: str
    head: str
    tail: str
    it: str = "it"  # the pronoun said, the title of the request as said

    def said_with(self, name: str) -> str:
        return f"{self.head}{name}{self.tail}"


def pronoun_request(text: str) -> PronounRequest | None:
    """The request when its event is only a pronoun ("delete that", "move it to Friday"); None otherwise."""
    said = text.strip()
    if (off := _PRONOUN_OFF.match(said)) is not None:
        return PronounRequest("delete_event", "lösche ", "", off["it"])
    m = _PRONOUN_REQUEST.match(said)
    if m is None:
        return None
    verb = m["verb"].casefold()
    if re.fullmatch(_FIND, verb):
        return PronounRequest("find_event", m["head"], "", m["it"]) if not m["tail"].strip() else None
    if re.fullmatch(_DELETE, verb):  # "delete that on Friday" names its day: the model reads it
        said_more = _FROM_THE_CALENDAR.sub("", m["tail"]).strip()
        return None if said_more else PronounRequest("delete_event", m["head"], "", m["it"])
    if re.fullmatch(_SHIFT, verb):
        return _shift_request(said, m["tail"], m["it"], german=verb != "make")
    return PronounRequest("move_event", m["head"], m["tail"], m["it"])  # no tail: asked where to once named


def _shift_request(said: str, tail: str, it: str, german: bool) -> PronounRequest | None:
    """ "make it 5 pm", "leg ihn auf Freitag": the move, re-said with a move verb (and "to"/"auf" before a bare
    day or time) for the model to read where it goes; None when the words say no move."""
    shift = said_shift(said) is not None
    if not shift and not _says_where_to(tail):
        return None
    if not shift and not re.match(r"\s*(?:to|until|till|for|on|at|auf|um|zu|nach|am|an)\b", tail, re.IGNORECASE):
        tail = f" {'auf' if german else 'to'}{tail}"
    return PronounRequest("move_event", "verschieb " if german else "move ", tail, it)


def _says_where_to(tail: str) -> bool:
    """Whether the words after "make it", "leg es" say a clock time or a day to move to ("5 pm", "auf Freitag")."""
    return bool(clocks_said(tail)) or names_a_value(ParamType.DATE, tail)


_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eins|ein|zwei|drei|vier|fünf|sechs|sieben"
    r"|acht|neun|zehn|elf|zwölf"
)
_NOT_A_LENGTH = r"(?!\s*(?:h\b|hrs?\b|hours?|minutes?|mins?|stunden?|minuten|days?|tage?n?|weeks?|wochen?|mal\b|times))"
# A clock time said in a command: "3 o'clock", "for two o'clock pm", "10 am", "15:30", "15-Uhr-Termin", and a bare
# hour only after its lead word ("um 10", "at three", "from 10", "um halb drei").
_CLOCK_MENTION = re.compile(
    rf"(?:\b(?:at|um|from|von|gegen|around|for)\s+)?"
    rf"\b(?:\d{{1,2}}(?:[:.]\d{{2}})?|{_NUMBER_WORD})[\s-]*(?:a\.?m\.?|p\.?m\.?|o'?\s?clock|uhr)(?:\s+\d{{2}}\b)?"
    r"|\b\d{1,2}:\d{2}\b"
    r"|\b(?:at|um|from|von|gegen|around|for)\s+"
    r"(?:(?:halb|viertel\s+(?:vor|nach)|dreiviertel|quarter\s+(?:past|to)|half\s+past)\s+)?"
    rf"(?:\d{{1,2}}|{_NUMBER_WORD})\b(?![.:]?\d){_NOT_A_LENGTH}",
    re.IGNORECASE,
)


def clocks_said(text: str, lang: str | None = None) -> list[dt.time]:
    """The clock times the words say, in order ("move my 3 o'clock to 4" says 15:00; "to 4" is no clock said
    with a lead word of its own)."""
    found = []
    for m in _CLOCK_MENTION.finditer(text):
        time = resolve_time(m[0].replace("-", " "), lang, context=text)
        if time is not None:
            found.append(time)
    return found


def event_clock(text: str, lang: str | None, new_time: str | None = None) -> dt.time | None:
    """The start the words give the event they mean: the clock said in a delete or a find; in a move, the one
    said besides its new time ("move the meeting at 10 to 11", "verschieb den 15-Uhr-Termin auf Freitag")."""
    clocks = clocks_said(text, lang)
    if new_time is None or len(clocks) > 1:
        return clocks[0] if clocks else None
    if clocks and f"{clocks[0]:%H:%M}" != new_time:
        return clocks[0]
    return None


def at_clock(start: dt.datetime, clock: dt.time, twelve_hours: bool = True) -> bool:
    """Whether an event starting at ``start`` is the one said at ``clock`` ("my 3 o'clock" is 15:00 or 03:00)."""
    if start.time().replace(second=0, microsecond=0) == clock:
        return True
    return twelve_hours and start.minute == clock.minute and start.hour % 12 == clock.hour % 12


# Words that name no event where a title goes: the request's verb, a pronoun, a possessive or article.
_NAMES_NOTHING = frozenset(
    "delete cancel remove scrap drop erase move push shift postpone reschedule bump delay bring put change "
    "lösch lösche löschen streich streiche streichen entferne entfernen storniere stornieren verschieb verschiebe "
    "verschieben verleg verlege verlegen schieb schiebe it that this one ihn es das den die sie diesen dieses diese "
    "my our the a an mein meine meinen meinem unser unseren der dem ein einen please bitte event appointment entry "
    "termin eintrag at um for from von gegen around back forward up later earlier".split()
)


# A new event's title that says only that it is the one before again: "und übermorgen um 11 nochmal", "same again on
# Friday", "das Gleiche am Montag".
_AGAIN = frozenset(
    "und and nochmal noch mal einmal again same thing the das dasselbe gleiche selbe also auch wieder ebenfalls "
    "one more time please bitte".split()
)
_AGAIN_SAID = frozenset("nochmal again same dasselbe gleiche selbe wieder".split())


def said_again(title: str | None) -> bool:
    """Whether a new event's title says nothing but "again" ("Und ... nochmal", "same again"), or only "und"."""
    words = re.findall(r"[^\W_]+", (title or "").casefold())
    return (
        bool(words)
        and all(w in _AGAIN for w in words)
        and (bool(_AGAIN_SAID & set(words)) or words in (["und"], ["and"]))
    )


def names_no_event(title: str | None, lang: str | None = None) -> bool:
    """Whether a title says no event by name: only a request verb, a pronoun, a start ("cancel", "move it",
    "my 3 o'clock", "den 15-Uhr-Termin")."""
    if not title:
        return True
    rest = _CLOCK_MENTION.sub(" ", title)
    words = re.findall(r"[^\W_]+", rest.casefold())
    return all(w in _NAMES_NOTHING or w.isdigit() for w in words)


def without_clock(title: str) -> str:
    """A title without the start said in it ("10 am meeting" -> "meeting", "15-Uhr-Termin" -> "Termin")."""
    rest = " ".join(_CLOCK_MENTION.sub(" ", title).replace("-", " ").split())
    return rest or title


_ORDINAL = {
    "first": 0,
    "1st": 0,
    "erst": 0,
    "second": 1,
    "2nd": 1,
    "zweit": 1,
    "third": 2,
    "3rd": 2,
    "dritt": 2,
    "fourth": 3,
    "4th": 3,
    "viert": 3,
    "last": -1,
    "letzt": -1,
}
_GERMAN_ENDING = re.compile(r"^(erst|zweit|dritt|viert|letzt)(?:e|en|er|es|em)$")
_ANSWER_WORDS = frozenset("the one den die das der dem one at um with mit please bitte ich meine i mean".split())


def chosen(choices: Sequence[EventInfo], text: str, lang: str | None, zone: str) -> EventInfo | None:
    """The one of the events listed after "which one?" that an answer picks: by its place in the list ("the
    second", "den letzten"), its start ("the one at 3", "den um 15 Uhr") or its title ("yoga"); None when it
    picks none or several (a new command, then)."""
    words = re.findall(r"[^\W_]+", text.casefold())
    for word in words:
        place = _ORDINAL.get(_GERMAN_ENDING.sub(r"\1", word))
        if place is not None:
            return choices[place] if -len(choices) <= place < len(choices) else None
    clocks = clocks_said(text, lang)
    if clocks:
        starts = [(e, e.local_start(zone)) for e in choices]
        at = [e for e, s in starts if isinstance(s, dt.datetime) and at_clock(s, clocks[0])]
        return at[0] if len(at) == 1 else None
    name = " ".join(w for w in words if w not in _ANSWER_WORDS)
    named = match_events(name, list(choices)) if name else []
    return named[0] if len(named) == 1 else None


# "wann ist der Friseur?", "when's my haircut again", "wann hab ich Yoga", "when do I have the dentist": when an
# event is, asked by a name the model may decline ("wann ist der nächste Vollmond" is a question of the world too).
_WHEN_ASKED = re.compile(
    rf"^{_LEAD}(?:(?:when|wann)\s+(?:is|ist|are|sind)|when's|(?:when|wann)\s+(?:do\s+i\s+have|habe?\s+ich))\s+"
    r"(?:(?:the|der|die|das|den|my|mein\w*|our|unser\w*|next|nächste\w*)\s+)*(?P<what>[^\W\d_][^?!.]*?)"
    r"(?:\s+(?:again|next|wieder|nochmal|noch\s*mal|das\s+nächste\s+mal|next\s+time))?[\s?.!]*$",
    re.IGNORECASE,
)


def asked_when(text: str) -> str | None:
    """The name in a question when an event is ("wann ist der Friseur" -> "Friseur"); None for another question
    or one of more than four words after its article."""
    m = _WHEN_ASKED.match(text.strip())
    if m is None or len(m["what"].split()) > 4 or names_no_event(m["what"]):
        return None
    return m["what"]


# "set a meeting for 2pm", "book a call with Tom at 3", "plan a dinner with Sara at 7", "mach einen Termin mit Lisa um
# 3": a new event asked for by a verb of making and an article, which no answer to a question says ("make it 2 pm",
# "set it for 3", "let's say at 2" answer it).
_NEW_EVENT_SAID = re.compile(
    rf"^{_LEAD}(?:set(?:\s+up)?|book|block(?:\s+(?:out|off))?|plan|arrange|organi[sz]e|make|mach|mache|leg|lege|plane"
    r"|buch|buche)\s+(?:me\s+|mir\s+)?(?:a|an|another|einen?|eine[mn]?|noch\s+einen?|new|neue[nms]?)\s+[^\W\d_]",
    re.IGNORECASE,
)


def says_a_new_event(text: str) -> bool:
    """Whether the words ask for a new event with a verb of making and an article ("set a meeting for 2pm")."""
    return _NEW_EVENT_SAID.match(text.strip()) is not None


# "Lösch die Putzfrau", "cancel the plumber": a delete of an event named by a person or a thing the model may
# decline ("delete the file", "lösch die Nachricht" name no event of the calendar, and find none there).
_DELETE_ASKED = re.compile(
    rf"^{_LEAD}(?:{_DELETE})\s+(?:(?:the|my|der|die|das|den|dem|mein\w*|unser\w*)\s+)?(?P<what>[^\W\d_][^?!.,]*?)"
    r"(?:\s+(?:please|bitte|again|wieder|aus\s+dem\s+kalender|from\s+my\s+calendar))*[\s?.!]*$",
    re.IGNORECASE,
)


def asked_to_delete(text: str) -> str | None:
    """The name in a request to delete an event said by its name alone ("Lösch die Putzfrau" -> "Putzfrau"); None
    for more (a day, a clock: the model reads those) or for no name."""
    m = _DELETE_ASKED.match(text.strip())
    if m is None or len(m["what"].split()) > 4 or names_no_event(m["what"]) or clocks_said(m["what"]):
        return None
    return None if names_a_value(ParamType.DATE, m["what"]) else m["what"]
