"""Words for numbers, months and weekdays in German and English.

One table serves both directions: the resolver reads these words in what people say, and the training-data
generator writes them, so the two can never disagree about what "vierundzwanzigsten" means.
"""

from __future__ import annotations

__all__ = [
    "LANGS",
    "MONTHS",
    "MONTH_WORDS",
    "WEEKDAYS",
    "WEEKDAY_WORDS",
    "cardinal",
    "cardinal_words",
    "ordinal",
    "ordinal_words",
]

LANGS = ("de", "en")

MONTHS = {
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_MONTH_VARIANTS = {
    "jänner": 1,
    "jan": 1,
    "feb": 2,
    "maerz": 3,
    "mrz": 3,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dez": 12,
    "dec": 12,
}
MONTH_WORDS: dict[str, int] = {
    **{name.lower(): i + 1 for names in MONTHS.values() for i, name in enumerate(names)},
    **_MONTH_VARIANTS,
}

WEEKDAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
WEEKDAY_WORDS: dict[str, int] = {
    **{name.lower(): i for names in WEEKDAYS.values() for i, name in enumerate(names)},
    "sonnabend": 5,
}

_DE_UNITS = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS = {
    20: "zwanzig",
    30: "dreißig",
    40: "vierzig",
    50: "fünfzig",
    60: "sechzig",
    70: "siebzig",
    80: "achtzig",
    90: "neunzig",
}
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
_EN_ORD_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]


def cardinal(n: int, lang: str) -> str:
    """0..99 as a word: 24 -> 'vierundzwanzig' / 'twenty-four'."""
    if not 0 <= n < 100:
        raise ValueError(n)
    if lang == "de":
        if n < 20:
            return _DE_UNITS[n]
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _DE_TENS[n]
        return ("ein" if unit == 1 else _DE_UNITS[unit]) + "und" + _DE_TENS[tens * 10]
    if n < 20:
        return _EN_UNITS[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens * 10] + ("" if unit == 0 else "-" + _EN_UNITS[unit])


def ordinal(n: int, lang: str) -> str:
    """1..31 as an ordinal word in the form used for dates: 'dritten' (am dritten) / 'third'."""
    if not 1 <= n < 100:
        raise ValueError(n)
    if lang == "de":
        if n == 1:
            stem = "erst"
        elif n == 3:
            stem = "dritt"
        elif n == 7:
            stem = "siebt"
        elif n == 8:
            stem = "acht"
        elif n < 20:
            stem = _DE_UNITS[n] + "t"
        else:
            stem = cardinal(n, "de") + "st"
        return stem + "en"
    if n < 20:
        return _EN_ORD_UNITS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _EN_TENS[n][:-1] + "ieth"
    return _EN_TENS[tens * 10] + "-" + _EN_ORD_UNITS[unit]


def _cardinal_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for n in range(100):
        for lang in ("de", "en"):
            word = cardinal(n, lang)
            if word:
                table[word] = n
                table[word.replace("-", " ")] = n
    table["zwo"] = 2
    del table["null"], table["zero"]  # "null" is also a word people say, and nobody books an event at zero
    return table


def _ordinal_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for n in range(1, 32):
        de = ordinal(n, "de")
        for ending in ("en", "e", "er", "es"):
            table[de[:-2] + ending] = n
        en = ordinal(n, "en")
        table[en] = n
        table[en.replace("-", " ")] = n
    return table


cardinal_words: dict[str, int] = _cardinal_table()
ordinal_words: dict[str, int] = _ordinal_table()
