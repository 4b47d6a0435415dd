"""Token `Matcher` patterns for the calendar shapes news writes dates in.

spaCy's DATE entities miss some of these (bare month names, holidays, "the third quarter",
compact numeric forms) and run others into neighbouring words; the patterns give the dates
recogniser a second source of candidates, which it then reads and filters word by word.
"""

from __future__ import annotations

import calendar
from functools import lru_cache

from spacy.vocab import Vocab

from claimcheck.extraction.dates.gated_matcher import GatedMatcher
from claimcheck.extraction.dates.holidays import holiday_patterns
from claimcheck.lang.en.dates import (
    AMBIGUOUS_WEEKDAYS,
    DAY_WORDS,
    DEICTIC,
    MONTHS,
    ORDINAL_PARTS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    WITHIN_WORDS,
)
from claimcheck.lang.en.numbers import DAY_ORDINAL_WORDS, SMALL_NUMBERS

PERIOD_NOUNS = ("period", "time", "month", "year", "week", "quarter", "day", "season", "date")
_YEAR = {"TEXT": {"REGEX": r"^(1[0-9]|2[0-9])\d\d$"}}
_DAY = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
_AMBIGUOUS_MONTHS = ["may", "march", "mar", "jan", "sun", "sat", "dec", "wed"]
_MONTH = {"LOWER": {"IN": sorted(set(MONTHS) - set(_AMBIGUOUS_MONTHS))}}
_MONTH_NAME = {"LOWER": {"IN": sorted(MONTHS)}, "IS_TITLE": True, "POS": "PROPN"}
_MONTH_FULL_NAME = {"LOWER": {"IN": [name.lower() for name in calendar.month_name[1:]]}}
_WEEKDAY = {"LOWER": {"IN": sorted(name for name in WEEKDAYS if len(name) > 3)}}
_SHORT_WEEKDAYS = sorted(name for name in WEEKDAYS if len(name) <= 4 and name != "june")
#: "Thu." and "Tues,": an abbreviated weekday closed by a dot or comma; the ones that are also
#: English words ("sat", "sun") only as capitalised names.
_SHORT_WEEKDAY = {"LOWER": {"IN": sorted(set(_SHORT_WEEKDAYS) - AMBIGUOUS_WEEKDAYS)}}
_SHORT_WEEKDAY_NAME = {
    "LOWER": {"IN": sorted(AMBIGUOUS_WEEKDAYS)},
    "IS_TITLE": True,
    "POS": "PROPN",
}
_ANY_WEEKDAY = {"LOWER": {"IN": sorted(WEEKDAYS)}}
_PLURAL_WEEKDAY = {"LOWER": {"IN": sorted(f"{name}s" for name in WEEKDAYS if len(name) > 4)}}
_ORDINAL_DAY_WORD = {"LOWER": {"IN": sorted(DAY_ORDINAL_WORDS)}}
#: "eleventh", "twenty-seventh", "thirty first".
_SPELLED_DAY = [
    {"LOWER": {"IN": ["twenty", "thirty"]}, "OP": "?"},
    {"ORTH": "-", "OP": "?"},
    _ORDINAL_DAY_WORD,
]
_SEASON = {"LOWER": {"IN": sorted(SEASONS)}}
_UNIT = {"LOWER": {"IN": sorted(UNITS)}}
_DEICTIC = {"LOWER": {"IN": sorted(DEICTIC)}}
_COUNT = {"LIKE_NUM": True}
_PART_OF_DAY = {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}
_NUMERIC_DATE = {
    "TEXT": {
        "REGEX": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/(\d{2}|\d{4})|\d{1,2}/\d{1,2}"
        r"|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}/\d{1,2}|\d{1,2}/\d{4})$"
    }
}
_MONTH_ANY: list[dict] = [_MONTH, _MONTH_NAME]
_ORDINAL = {"LOWER": {"IN": sorted(ORDINALS)}}
_HYPHEN = {"ORTH": "-", "OP": "?"}
#: Units that "later in the ..." can place a date in; "early in the day" is a time of day.
_LONG_UNIT = {"LOWER": {"IN": ["week", "month", "quarter", "year"]}}
_CENTURY_ORDINAL = {"LOWER": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}}


def _ordinal_part_patterns() -> list[list[dict]]:
    """'the first Monday of October', 'the last week of 2019', 'the last day of the month',
    'the third quarter of next year', and 'the third quarter' alone (financial reporting)."""
    opener = [
        {"LOWER": "the", "OP": "?"},
        {"LOWER": {"IN": sorted(ORDINALS)}, "OP": "?"},  # "the second last week of 2018"
        {"LOWER": {"IN": ["-", "to"]}, "OP": "*"},  # "second-to-last"
        {"LOWER": {"IN": [*sorted(ORDINALS), "last"]}},
        _HYPHEN,
        {"LOWER": {"IN": sorted(ORDINAL_PARTS | {*WEEKDAYS})}},
        {"LOWER": {"IN": ["of", "in"]}},
    ]
    containers = [
        [_YEAR],
        *[[month, {"ORTH": ",", "OP": "?"}, {**_YEAR, "OP": "?"}] for month in _MONTH_ANY],
        [{"LOWER": {"IN": ["the", *sorted(DEICTIC)]}}, {"LOWER": {"IN": ["month", "year"]}}],
    ]
    bare_quarter = [
        {"LOWER": "the", "OP": "?"},
        _ORDINAL,
        _HYPHEN,
        {"LOWER": {"IN": ["quarter", "qtr"]}},
    ]
    with_year = [*bare_quarter, {"LOWER": "of", "OP": "?"}, _YEAR]  # "4th qtr 2018"
    return [opener + container for container in containers] + [bare_quarter, with_year]


def _holiday_with_context_patterns() -> list[list[dict]]:
    """A holiday alone, with a year ('Easter 2018', 'Thanksgiving of 2013'), with a deictic
    word ('last Thanksgiving') or with a relative year ('Memorial Day of last year')."""
    patterns = []
    for name in holiday_patterns():
        patterns += [
            name,
            # longer than the model's "the New Year" in "the New Year holiday", so it wins
            [{"LOWER": "the"}, *name],
            [_DEICTIC, *name],
            [*name, {"LOWER": {"IN": ["in", "of"]}, "OP": "?"}, _YEAR],
            [*name, {"LOWER": "of"}, _DEICTIC, {"LOWER": "year"}],
        ]
    return patterns


def _weekend_patterns() -> list[list[dict]]:
    """'this weekend', 'over the weekend', 'the coming weekend', 'the Labor Day weekend',
    'the weekend of Thanksgiving'."""
    weekend = {"LOWER": {"IN": ["weekend", "week-end"]}}
    the = {"LOWER": "the", "OP": "?"}
    opener = {"LOWER": {"IN": ["the", "that", *sorted(DEICTIC)]}}
    of = {"LOWER": {"IN": ["of", "in"]}}
    year = {**_YEAR, "OP": "?"}
    patterns = [[opener, {**_DEICTIC, "OP": "?"}, weekend]]
    # "the last weekend of October (2017)": longer than "last weekend", so it wins
    patterns += [[the, {**_ORDINAL, "OP": "?"}, weekend, of, month, year] for month in _MONTH_ANY]
    for name in holiday_patterns():
        patterns += [[the, *name, weekend, year], [the, weekend, of, *name, year]]
    return patterns


def _month_patterns() -> list[list[dict]]:
    patterns = []
    for month in _MONTH_ANY:
        patterns += [
            [month, _DAY, {"ORTH": ",", "OP": "?"}, _YEAR],
            [month, _DAY],
            [month, {"ORTH": ",", "OP": "?"}, _YEAR],
            [month],
            [_DAY, {"LOWER": "of", "OP": "?"}, month, {"ORTH": ",", "OP": "?"}, _YEAR],
            [_DAY, {"LOWER": "of", "OP": "?"}, month],
            [{"LOWER": {"IN": ["early", "mid", "late"]}}, {"ORTH": "-", "OP": "?"}, month],
            [_DEICTIC, month],
        ]
    # "(the) first of March": after an ordinal and "of", even "march" or "may" in lower case can
    # only be the month.
    patterns.append([{"LOWER": "the", "OP": "?"}, _ORDINAL, {"LOWER": "of"}, _MONTH_FULL_NAME])
    return patterns


def _spelled_year_patterns() -> list[list[dict]]:
    """A month (with or without its day) or a holiday and a year in words: 'April seventeen
    hundred thirty three', 'October two thousand and five', 'Easter two thousand ten'. The
    component keeps a match only when its number words end in a year."""
    number = {"LOWER": {"IN": sorted({*SMALL_NUMBERS, "thousand", "hundred", "oh"})}}
    more = {"LOWER": {"IN": sorted({*SMALL_NUMBERS, "thousand", "hundred", "oh", "and"})}}
    tail = [number, number, *[{**more, "OP": "?"}] * 4]
    months = [[*before, month, *tail] for month in _MONTH_ANY for before in ([], [_DAY])]
    return months + [[*holiday, *tail] for holiday in holiday_patterns()]


#: Token patterns for calendar shapes, by label (the label only helps debugging; the component
#: reads "SPELLED_YEAR").
PATTERNS: dict[str, list[list[dict]]] = {
    "MONTH": _month_patterns(),
    "NUMERIC": [[_NUMERIC_DATE]],
    "WEEKDAY": [
        [{**_DEICTIC, "OP": "?"}, _WEEKDAY],
        *[[short, {"ORTH": {"IN": [".", ","]}}] for short in (_SHORT_WEEKDAY, _SHORT_WEEKDAY_NAME)],
        [{"LOWER": {"REGEX": r"^(tue|tues|thu|thur|thurs|fri)\.$"}}],
    ],
    # "Friday after next", "March after next": the second one to come.
    "AFTER_NEXT": [
        [name, {"LOWER": "after"}, {"LOWER": "next"}] for name in (_WEEKDAY, *_MONTH_ANY)
    ],
    # "Jul 18, Fri": a weekday, abbreviated or not, after the month-day it falls on.
    "DAY_THEN_WEEKDAY": [[month, _DAY, {"ORTH": ","}, _ANY_WEEKDAY] for month in _MONTH_ANY],
    # "Friday the 26th", "Monday the twenty-seventh": a weekday fixing a day of the month.
    "WEEKDAY_DAY": [
        [_ANY_WEEKDAY, {"ORTH": ",", "OP": "?"}, {"LOWER": "the"}, _DAY],
        [_ANY_WEEKDAY, {"ORTH": ",", "OP": "?"}, {"LOWER": "the"}, *_SPELLED_DAY],
    ],
    # "three Fridays from now", "2 Thursdays ago": counted weekdays.
    "COUNTED_WEEKDAY": [
        [_COUNT, _PLURAL_WEEKDAY, {"LOWER": {"IN": ["ago", "back", "hence"]}}],
        [_COUNT, _PLURAL_WEEKDAY, {"LOWER": "from"}, {"LOWER": {"IN": ["now", "today"]}}],
    ],
    # "the 20th of next month", "the 15th day of the month", "the twenty-sixth of this month".
    "DAY_OF_MONTH": [
        [
            {"LOWER": "the", "OP": "?"},
            *day,
            {"LOWER": "day", "OP": "?"},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": {"IN": ["the", *sorted(DEICTIC)]}},
            {"LOWER": {"IN": sorted(DEICTIC)}, "OP": "?"},
            {"LOWER": "month"},
        ]
        for day in ([_DAY], _SPELLED_DAY)
    ],
    "DAY_WORD": [
        [{"LOWER": {"IN": sorted(DAY_WORDS)}}],
        [{"LOWER": {"IN": ["this", "last", "tomorrow", "yesterday"]}}, _PART_OF_DAY],
        [
            {"LOWER": "the", "OP": "?"},
            {"LOWER": "day"},
            {"LOWER": {"IN": ["after", "before"]}},
            {"LOWER": {"IN": ["tomorrow", "yesterday"]}},
        ],
    ],
    "COMPACT": [
        [
            {"TEXT": {"REGEX": r"^\d{4}$"}},
            {"ORTH": {"IN": ["-", "/"]}},
            {"TEXT": {"REGEX": r"^\d\d?$"}},
            {"ORTH": {"IN": ["-", "/"]}, "OP": "?"},
            {"TEXT": {"REGEX": r"^\d\d?$"}, "OP": "?"},
        ],
        [{"TEXT": {"REGEX": r"^\d\d?[-/]\d\d?[-/](\d\d|\d{4})$"}}],
        [{"TEXT": {"REGEX": r"^\d\d?/\d\d?$"}}],
        [{"LOWER": {"REGEX": r"^[a-z]{3,9}[-/]\d{4}$"}}],
        [_YEAR, {"ORTH": "-", "OP": "?"}, {"LOWER": {"REGEX": r"^[qh][1-4]$"}}],
    ],
    "WEEK_NUMBER": [[{"LOWER": "week"}, {"TEXT": {"REGEX": r"^\d\d?$"}}, {"LOWER": "of"}, _YEAR]],
    "HOLIDAY": _holiday_with_context_patterns(),
    "WEEKEND": _weekend_patterns(),
    "SPELLED_YEAR": _spelled_year_patterns(),
    "ORDINAL_PART": _ordinal_part_patterns(),
    "CENTURY": [[{"LOWER": "the", "OP": "?"}, _CENTURY_ORDINAL, _HYPHEN, {"LOWER": "century"}]],
    "DEICTIC": [
        [{"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"}, _DEICTIC, _UNIT],
        [{"LOWER": "the"}, _UNIT, {"LOWER": "after"}, {"LOWER": "next"}],
        [{"LOWER": {"IN": sorted(WITHIN_WORDS)}}, {"LOWER": "in"}, {"LOWER": "the"}, _LONG_UNIT],
        [_DEICTIC, _SEASON],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["last", "past"]}}, _COUNT, _UNIT],
    ],
    "SEASON_YEAR": [
        [{"LOWER": "the", "OP": "?"}, _SEASON, {"LOWER": "of", "OP": "?"}, _YEAR],
        [{"LOWER": "the", "OP": "?"}, _SEASON, {"LOWER": "of", "OP": "?"}, _DEICTIC, _UNIT],
    ],
    "HALF_QUARTER": [
        [
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": [*sorted(ORDINALS), "last"]}},
            {"LOWER": {"IN": ["half", "quarter"]}},
            {"LOWER": "of"},
            _YEAR,
        ],
        [{"LOWER": {"REGEX": r"^[qh][1-4]$"}}, {"ORTH": "-", "OP": "?"}, _YEAR],
    ],
    "AGO": [
        [
            {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
            {"LIKE_NUM": True, "OP": "?"},
            {"LOWER": {"IN": ["few", "several", "many"]}, "OP": "?"},
            _UNIT,
            {"LOWER": {"IN": ["ago", "hence"]}},
        ]
    ],
    "RELATIVE": [
        [
            {"LOWER": {"IN": ["a", "an", "one"]}, "OP": "?"},
            _COUNT,
            _UNIT,
            {"LOWER": {"IN": ["later", "earlier"]}},
        ],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["following", "next", "previous"]}}, _UNIT],
        [{"LOWER": "the"}, _UNIT, {"LOWER": {"IN": ["before", "after", "earlier", "later"]}}],
        [{"LOWER": {"IN": ["a", "an"]}}, _UNIT, {"LOWER": {"IN": ["later", "earlier"]}}],
    ],
    "SAME": [
        [
            {"LOWER": "the"},
            {"LOWER": "same"},
            {"LOWER": {"IN": list(PERIOD_NOUNS)}},
            {"LOWER": {"IN": ["last", "a", "the", "in", "of"]}, "OP": "?"},
            {"LOWER": {"IN": ["year", "previous", "prior"]}, "OP": "?"},
            {"LOWER": {"IN": ["year", "earlier", "before"]}, "OP": "?"},
        ],
        [
            {"LOWER": "the"},
            {"LOWER": "same"},
            {"LOWER": {"IN": list(PERIOD_NOUNS)}},
            {"LOWER": {"IN": ["in", "of"]}},
            _YEAR,
        ],
    ],
    "EDGE": [
        [
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ["end", "beginning", "start", "middle"]}},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["the", "this", "last", "next"]}, "OP": "?"},
            {"LOWER": "same", "OP": "?"},
            _UNIT,
        ],
        [{"ORTH": {"IN": ["EOM", "EOY", "BOM", "BOY"]}}],
    ],
    "RECENT": [[{"LOWER": "recent"}, {"LOWER": {"IN": ["years", "months", "weeks", "days"]}}]],
    "WEEK_OF": [
        [
            {"LOWER": "the"},
            {"LOWER": "week"},
            {"LOWER": "of"},
            _MONTH_NAME,
            _DAY,
            {"ORTH": ",", "OP": "?"},
            _YEAR,
        ]
    ],
}


@lru_cache(maxsize=4)
def date_matcher(vocab: Vocab) -> GatedMatcher:
    """One matcher per vocabulary: building it is slower than matching a whole article. Gated,
    because a plain `Matcher` tries all ~400 patterns at every token, which cost more than the
    model's parse; the gated one finds the same matches around the words they need."""
    return GatedMatcher(vocab, PATTERNS)
