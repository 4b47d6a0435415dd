"""English date words: months, weekdays, seasons, period units, counts, ordinals, deictic and
relative words, days and parts of a day.

The date component reads a date expression's words against these tables only
(`extraction.dates.words`, `patterns`, `values`), so they are what a new language translates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.lang.en.numbers import SMALL_NUMBERS

if TYPE_CHECKING:
    from claimcheck.extraction.dates.timex import Unit

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
UNITS: dict[str, Unit] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "season": "season",
    "seasons": "season",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "qtr": "quarter",
    "qtrs": "quarter",
    "fortnight": "week",
    "fortnights": "week",
}
#: Units that stand for several of the unit they map to ("a fortnight later" is two weeks later).
UNIT_MULTIPLES: dict[str, int] = {"fortnight": 2, "fortnights": 2}
#: Words that are counts; "a year ago" counts one year.
COUNT_WORDS: dict[str, int] = {
    word: number for word, number in SMALL_NUMBERS.items() if number <= 12
} | {"a": 1, "an": 1, "couple": 2}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
#: Parts of a longer period an ordinal can pick out: "the third quarter", "the first Monday of
#: October", "the last week of 2019", "the last day of the month".
ORDINAL_PARTS = frozenset({"half", "quarter", "qtr", "week", "day"})
#: Abbreviations for the edge of the current period, as business writing uses them.
EDGE_ABBREVIATIONS: dict[str, tuple[str, Unit]] = {
    "eom": ("end", "month"),
    "eoy": ("end", "year"),
    "bom": ("beginning", "month"),
    "boy": ("beginning", "year"),
}
#: Day words: offset in days from the publication day.
DAY_WORDS: dict[str, int] = {"today": 0, "tonight": 0, "tonite": 0, "yesterday": -1, "tomorrow": 1}
#: Parts of a day: "this morning" is the publication day, "last night" the day before.
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
#: Deictic words and the direction they point in from the publication date.
DEICTIC: dict[str, int] = {
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
}
#: Words placing a date relative to the previously mentioned one, with their direction.
RELATIVE_TO_PREVIOUS: dict[str, int] = {
    "later": 1,
    "after": 1,
    "afterwards": 1,
    "following": 1,
    "earlier": -1,
    "before": -1,
    "prior": -1,
}
#: Abbreviated weekdays that are also English words: a date only when written as a name
#: ("Sat.", "Wed, May 3"), never "he sat." or "the sun".
AMBIGUOUS_WEEKDAYS = frozenset({"mon", "wed", "sat", "sun"})
#: Nouns a number modifies that make it a clock time, not a quantity ("5 p.m.").
TIME_WORDS: frozenset[str] = frozenset(
    {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "et", "est", "edt", "pt"}
)
