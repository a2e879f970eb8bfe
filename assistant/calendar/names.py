"""The same event named in the other language: "streich den Flug" for "flight to Lisbon", "when is my vacation"
for "Urlaub".

People who speak both languages to the assistant name an event in the language of the moment, and the calendar
holds it in the language it was made in. A short table of the nouns events are named by, both ways, lets a title
said in one language find an event named in the other; the calendar client asks it only when nothing matches the
title as said, once for each word for every event it holds (so both look-ups are cached).
"""

from __future__ import annotations

import functools

# English, German: the words people name events by, written as titles are compared (lower case, umlauts spelled
# out: "ae", "ss"). A word may stand in several rows ("doctor": "arzt", "doktor").
_PAIRS = (
    ("dentist", "zahnarzt"),
    ("doctor", "arzt"),
    ("doctor", "doktor"),
    ("doctors", "arzttermin"),
    ("orthodontist", "kieferorthopaede"),
    ("orthopedist", "orthopaede"),
    ("dermatologist", "hautarzt"),
    ("optician", "optiker"),
    ("vet", "tierarzt"),
    ("physio", "physio"),
    ("physiotherapy", "physiotherapie"),
    ("therapy", "therapie"),
    ("hospital", "krankenhaus"),
    ("pharmacy", "apotheke"),
    ("haircut", "friseur"),
    ("hairdresser", "friseur"),
    ("barber", "friseur"),
    ("vacation", "urlaub"),
    ("holiday", "urlaub"),
    ("holidays", "ferien"),
    ("birthday", "geburtstag"),
    ("wedding", "hochzeit"),
    ("anniversary", "jahrestag"),
    ("party", "feier"),
    ("christmas", "weihnachten"),
    ("christmas", "weihnachtsfeier"),
    ("dinner", "abendessen"),
    ("lunch", "mittagessen"),
    ("breakfast", "fruehstueck"),
    ("brunch", "brunch"),
    ("coffee", "kaffee"),
    ("meeting", "besprechung"),
    ("meeting", "treffen"),
    ("call", "anruf"),
    ("call", "telefonat"),
    ("interview", "vorstellungsgespraech"),
    ("presentation", "praesentation"),
    ("talk", "vortrag"),
    ("conference", "konferenz"),
    ("course", "kurs"),
    ("class", "kurs"),
    ("lesson", "unterricht"),
    ("exam", "pruefung"),
    ("test", "klausur"),
    ("school", "schule"),
    ("kindergarten", "kita"),
    ("gym", "fitnessstudio"),
    ("swimming", "schwimmen"),
    ("running", "laufen"),
    ("football", "fussball"),
    ("soccer", "fussball"),
    ("tennis", "tennis"),
    ("practice", "training"),
    ("choir", "chor"),
    ("concert", "konzert"),
    ("cinema", "kino"),
    ("movie", "kino"),
    ("theater", "theater"),
    ("theatre", "theater"),
    ("museum", "museum"),
    ("flight", "flug"),
    ("train", "zug"),
    ("trip", "reise"),
    ("trip", "ausflug"),
    ("car", "auto"),
    ("garage", "werkstatt"),
    ("tires", "reifen"),
    ("tyres", "reifen"),
    ("rent", "miete"),
    ("taxes", "steuer"),
    ("groceries", "einkauf"),
    ("shopping", "einkaufen"),
    ("cleaning", "putzen"),
    ("trash", "muell"),
    ("garbage", "muell"),
    ("bank", "bank"),
    ("lawyer", "anwalt"),
    ("notary", "notar"),
    ("office", "buero"),
    ("work", "arbeit"),
    ("mom", "mama"),
    ("mum", "mama"),
    ("mother", "mutter"),
    ("dad", "papa"),
    ("father", "vater"),
    ("grandma", "oma"),
    ("grandpa", "opa"),
    ("sister", "schwester"),
    ("brother", "bruder"),
    ("parents", "eltern"),
    ("kids", "kinder"),
    ("children", "kinder"),
    ("daughter", "tochter"),
    ("son", "sohn"),
    ("friends", "freunde"),
    ("neighbors", "nachbarn"),
    ("boss", "chef"),
    ("team", "team"),
    ("appointment", "termin"),
    ("checkup", "kontrolle"),
    ("piano", "klavier"),
    ("guitar", "gitarre"),
    ("violin", "geige"),
    ("music", "musik"),
    ("dance", "tanz"),
    ("dancing", "tanzen"),
    ("lesson", "stunde"),
    ("lessons", "unterricht"),
    ("parents", "eltern"),
    ("evening", "abend"),
    ("night", "abend"),
    ("game", "spiel"),
    ("appointment", "besuch"),
    ("check-up", "vorsorge"),
)

_OTHER: dict[str, set[str]] = {}
for _en, _de in _PAIRS:
    _OTHER.setdefault(_en, set()).add(_de)
    _OTHER.setdefault(_de, set()).add(_en)

# German words end by case and number ("beim Orthopäden", "die Kontrollen"); English ones by number.
_ENDINGS = ("en", "n", "e", "s", "es")


@functools.cache
def equivalents(word: str) -> frozenset[str]:
    """What the word (normalised as titles are) is in the other language; empty when the table does not know it."""
    found = _OTHER.get(word)
    if found is None:
        found = next(
            (_OTHER[word[: -len(e)]] for e in _ENDINGS if word.endswith(e) and word[: -len(e)] in _OTHER), set()
        )
    return frozenset(found)


@functools.cache
def compound_parts(word: str) -> tuple[tuple[str, str], ...]:
    """A German compound the table knows the first part of, split into it and the rest, with and without the
    joining "s" ("klavierstunde" -> "klavier" + "stunde"; "geburtstagsfeier" -> "geburtstag" + "sfeier" or
    "feier"); none for any other word."""
    if word in _OTHER:
        return ()
    heads = [k for k in _OTHER if len(k) >= 4 and word.startswith(k) and len(word) - len(k) >= 3]
    if not heads:
        return ()
    head = max(heads, key=len)
    rest = word[len(head) :]
    return ((head, rest), (head, rest[1:])) if rest.startswith("s") and len(rest) > 4 else ((head, rest),)
