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

# -- the words around a date expression (the date component's candidates) --

#: Words that may open a candidate but are not part of the expression ("in May", "on Tuesday").
LEADING_WORDS = frozenset(
    {"in", "on", "at", "since", "by", "until", "from", "before", "after", "during", "of", "for"}
    | {"between"}
)
#: Words before a unit that make "the ... months" a period on the calendar rather than a
#: duration: "the final years of ...", "the first few months of his presidency".
PERIOD_WORDS = frozenset(
    {"first", "final", "last", "early", "earliest", "late", "closing", "opening", "initial"}
)
#: Words that make an expression a set or a manner, never one date ("each day", "per year").
SET_WORDS = frozenset({"each", "every", "per", "daily", "weekly", "monthly", "yearly", "annual"})
#: Verbs' auxiliaries that put a sentence in the future ("there will be", "they'll meet").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
#: Modal auxiliaries that look ahead from the time of writing ("must file by Nov. 15", "can
#: apply until Dec. 31"); not "would" and "could", which report the past as often.
FORWARD_MODALS = frozenset({"must", "should", "can", "ca", "may", "might"})
#: Prepositions that set a deadline: with a present-tense verb they look ahead ("has until
#: Dec. 31 to respond", "is due by Nov. 15").
DEADLINE_WORDS = frozenset({"by", "until", "till", "through", "before"})
#: Words that count a stretch of time from a date, and the direction they count in ("three weeks
#: from tomorrow", "two days after Christmas", "2 weeks before May 13").
COUNT_LINKS: dict[str, int] = {"from": 1, "after": 1, "before": -1}
#: Tokens that may stand between a weekday and the week or day that completes it ("next week
#: on Tuesday", "Wednesday evening next week", "Sunday from last week", "Fri, Jul 18").
PART_JOINERS = frozenset({",", "-", "–", "on", "from", "of", "'s", "’s"}) | PARTS_OF_DAY
#: Words joining the two ends of a range, and words opening one.
RANGE_LINKS = frozenset({"to", "-", "–", "—", "through", "thru", "until", "till"})
RANGE_OPENERS = frozenset({"from", "between"})
#: Words a DATE entity sometimes runs on into ("between 2007 and" | "2009").
TRAILING = RANGE_LINKS | {"and", "or"}
#: Words for a vague recent stretch of time ("in recent years").
RECENT_WORDS = frozenset({"recent", "coming", "past", "previous"})
#: Words for a part of a unit: "the end of the year" keeps the year.
EDGE_WORDS = frozenset({"end", "beginning", "start", "middle", "rest"})
#: Words before "in the week", "in the year" that place something within that period.
WITHIN_WORDS = frozenset({"earlier", "later", "early", "late"})
