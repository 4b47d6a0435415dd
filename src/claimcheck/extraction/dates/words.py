"""The words of a date expression, classified: the year, month, weekday, unit, count and cue
words it holds (`read_words`), and dates written as one chunk ("2019-07-16", "Dec/2018").

Kept apart from `date_values` so that the word lists are in one place and the resolution rules
read as rules, not as string handling.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimcheck.extraction.dates.holidays import HolidayRule, find_holiday
from claimcheck.extraction.dates.timex import UNIT_MONTHS, Period, Unit
from claimcheck.lang.en.dates import (
    COUNT_WORDS,
    DAY_WORDS,
    DEICTIC,
    EDGE_ABBREVIATIONS,
    MONTHS,
    ORDINAL_PARTS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_MULTIPLES,
    UNITS,
    WEEKDAYS,
)
from claimcheck.lang.en.numbers import DAY_ORDINAL_WORDS, SMALL_NUMBERS, TENS_WORDS

_EIGHT_DIGITS = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)$")
_SEPARATOR = re.compile(r"[-/.]")
_QUARTER_OR_HALF = re.compile(r"^([qh])([1-4])$")
_QUARTER = re.compile(r"^q([1-4])$")
_HALF = re.compile(r"^h([12])$")
_DECADE = re.compile(r"^(\d{4}|'?\d0)s$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
#: A day glued to its month: "14april", "3rdmay".
_DAY_AND_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?([a-z]{3,9})$")
_SHORT_YEAR = re.compile(r"^'(\d{2})$")


@dataclass
class DateWords:
    """The date-bearing words of one expression, lower-cased and classified."""

    words: list[str]
    years: list[int] = field(default_factory=list)
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    unit: Unit | None = None
    units: list[Unit] = field(default_factory=list)
    unit_plural: bool = False
    count: int | None = None
    ordinal: int | None = None
    part: str | None = None
    numeric: Period | None = None
    invalid: bool = False
    numeric_partial: tuple[int, int] | None = None
    weekday_plural: bool = False
    holiday: bool = False
    holiday_rule: HolidayRule = None
    day_offset: int | None = None
    deictic: int | None = None
    decade: bool = False

    def has(self, *words: str) -> bool:
        return any(word in self.words for word in words)


def _year_of(text: str) -> int | None:
    if text.isdecimal() and len(text) == 4 and 1000 <= int(text) <= 2999:
        return int(text)
    short = _SHORT_YEAR.match(text)
    return 2000 + int(short.group(1)) if short else None


def _two_digit_year(text: str) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _read_compact(text: str, words: DateWords) -> bool:
    """Dates written as one chunk of parts joined by '-', '/' or '.': 2019-07-16, 7/16/2019,
    16/07/2019, 10/31/74, 2015-03, Dec/2018, 05-Aug-2016, 2019-Q1, 20161016; and 2/15 (no year).

    Parts are read by shape, so the order of day and month is settled by which one can be a day.
    """
    if (eight := _EIGHT_DIGITS.match(text)) and (day := valid_day(*map(int, eight.groups()))):
        words.numeric = Period(day, "day")
        return True
    parts = _SEPARATOR.split(text)
    if len(parts) < 2 or not all(part.isalnum() for part in parts):
        return False
    two_numbers = len(parts) == 2 and all(part.isdecimal() and len(part) != 4 for part in parts)
    if "-" in text and two_numbers:
        return False  # "4-23" is a range more often than a date
    years = [int(part) for part in parts if len(part) == 4 and part.isdecimal()]
    named = [MONTHS[part] for part in parts if part in MONTHS]
    numbers = [int(part) for part in parts if part.isdecimal() and len(part) <= 2]
    marks = [match for part in parts if (match := _QUARTER_OR_HALF.match(part))]
    if len(years) > 1 or len(parts) > 3:
        return False
    if marks and years:
        unit: Unit = "quarter" if marks[0].group(1) == "q" else "half"
        first_month = 1 + (int(marks[0].group(2)) - 1) * UNIT_MONTHS[unit]
        words.numeric = Period(dt.date(years[0], first_month, 1), unit)
        return True
    if named:
        month, days = named[0], numbers
    elif years and len(numbers) == 2 and parts[0].isdecimal() and len(parts[0]) == 4:
        month, days = numbers[0], numbers[1:]
    elif len(numbers) >= 2:
        first, second = numbers[0], numbers[1]
        month, days = (second, [first]) if first > 12 else (first, [second])
        if not years and len(numbers) == 3:
            years = [_two_digit_year(parts[2])]
    elif len(numbers) == 1 and years:
        month, days = numbers[0], []
    else:
        return False
    if not 1 <= month <= 12:
        return False
    if not years:
        if not days or "/" not in text or valid_day(2000, month, days[0]) is None:
            return False
        words.numeric_partial = (month, days[0])
        return True
    if not days:
        words.numeric = Period(dt.date(years[0], month, 1), "month")
        return True
    day = valid_day(years[0], month, days[0])
    if day is None:
        words.invalid = True
        return True
    words.numeric = Period(day, "day")
    return True


def _below_hundred(words: list[str]) -> int | None:
    """'six', 'nineteen', 'ninety', 'ninety six' (hyphens already dropped); None otherwise."""
    if len(words) == 1 and words[0] in SMALL_NUMBERS:
        return SMALL_NUMBERS[words[0]]
    if not words or words[0] not in TENS_WORDS or len(words) > 2:
        return None
    unit = SMALL_NUMBERS.get(words[1], 0) if len(words) == 2 else 0
    return SMALL_NUMBERS[words[0]] + unit if unit < 10 else None


def _spelled_year(words: list[str]) -> int | None:
    """A year written in words, as a reader says it: 'two thousand (and) fifteen', 'nineteen
    hundred (and) ninety three', 'nineteen eighty six', 'twenty twenty'; None for anything else
    ('two', 'twenty five')."""
    words = [word for word in words if word != "-"]
    for scale, size in (("thousand", 1000), ("hundred", 100)):
        if scale in words:
            cut = words.index(scale)
            head, rest = _below_hundred(words[:cut]), words[cut + 1 :]
            rest = rest[1:] if rest[:1] == ["and"] else rest
            tail = _below_hundred(rest) if rest else 0
            low = 1 if size == 1000 else 10
            if head is None or tail is None or head < low or (size == 1000 and head != 2):
                return None
            return head * size + tail
    for cut in (1, 2):
        century, decade = _below_hundred(words[:cut]), words[cut:]
        if decade[:1] == ["oh"] and len(decade) == 2:
            second = SMALL_NUMBERS.get(decade[1])
            second = second if second is not None and second < 10 else None
        else:
            second = _below_hundred(decade)
            second = second if second is not None and second >= 10 else None
        if century is not None and century >= 10 and second is not None:
            return century * 100 + second
    return None


def find_spelled_year(words: list[str]) -> tuple[range, int] | None:
    """Where the words hold a year in words (the longest run of number words ending a run, so
    that in 'January twenty five nineteen eighty six' the year is 'nineteen eighty six'), and
    the year."""
    numeric = {*SMALL_NUMBERS, "thousand", "hundred", "and", "oh", "-"}
    index = 0
    while index < len(words):
        if words[index] not in SMALL_NUMBERS:
            index += 1
            continue
        end = index
        while end < len(words) and words[end] in numeric:
            end += 1
        while end > index and words[end - 1] in ("and", "-"):
            end -= 1
        for start in range(index, end - 1):
            if (year := _spelled_year(words[start:end])) is not None:
                return range(start, end), year
        index = end + 1
    return None


def _day_ordinal(words: list[str], index: int) -> int | None:
    """The day an ordinal word names, with the tens before it ('twenty-seventh' is 27)."""
    text = words[index].rstrip(".")
    if text not in DAY_ORDINAL_WORDS:
        return None
    previous = [word for word in words[:index] if word != "-"][-1:]
    tens = SMALL_NUMBERS[previous[0]] if previous and previous[0] in ("twenty", "thirty") else 0
    day = tens + DAY_ORDINAL_WORDS[text]
    return day if day <= 31 else None


def _next_word(words: list[str], index: int) -> str:
    """The word after `index`, over a hyphen ("third-quarter")."""
    return next((word for word in words[index + 1 :] if word != "-"), "")


def _names_a_container(rest: list[str]) -> bool:
    """Whether the words after "last week", "last Monday" name the period it is the last part
    of ("of October", "in 2019", "of the month"), so that "last" is an ordinal, not "previous"."""
    if not rest or rest[0] not in ("of", "in"):
        return False
    return any(
        word in MONTHS or UNITS.get(word) in ("month", "year") or _year_of(word)
        for word in rest[1:]
    )


def _counted_back(before: list[str]) -> int | None:
    """The ordinal that counts back from the end before "last": 'second (-to-) last' is 2."""
    words = [word for word in before if word not in ("-", "to")]
    return ORDINALS.get(words[-1]) if words else None


def _ordinal_part(text: str, following: str, rest: list[str]) -> tuple[int, str] | None:
    """'third quarter', 'first Monday', 'last week (of 2019)': the ordinal and the part it picks."""
    if following not in ORDINAL_PARTS and following not in WEEKDAYS:
        return None
    part = "weekday" if following in WEEKDAYS else UNITS.get(following, following)
    if text in ORDINALS:
        return ORDINALS[text], part
    if text == "last" and _names_a_container(rest):
        return -1, part
    return None


def _read_unit(text: str, words: DateWords) -> None:
    unit = UNITS[text]
    words.unit = unit
    words.units.append(unit)
    words.unit_plural = text.endswith("s")
    if text in UNIT_MULTIPLES:
        if words.count is None:
            words.unit_plural = True  # "the fortnight" is two weeks, which no week value names
        else:
            words.count *= UNIT_MULTIPLES[text]


def read_words(tokens: Sequence[Token]) -> DateWords:
    """Classify the words of an expression (one pass, left to right)."""
    words = DateWords([token.lower_ for token in tokens])
    compact = "".join(token.lower_ for token in tokens if not token.is_space)
    if _read_compact(compact, words):
        return words
    holiday = find_holiday(words.words)
    if holiday is not None:
        words.holiday, words.holiday_rule = True, holiday[1]
    in_holiday_name = holiday[0] if holiday else range(0)
    spelled_year = find_spelled_year(words.words)
    in_spelled_year = spelled_year[0] if spelled_year else range(0)
    if spelled_year is not None:
        words.years.append(spelled_year[1])
    spelled_out: list[str] = []
    for index, token in enumerate(tokens):
        if index in in_holiday_name or index in in_spelled_year:
            continue
        text = token.lower_.rstrip(".")
        following = _next_word(words.words, index)
        previous = words.words[index - 1] if index > 0 else ""
        if (year := _year_of(text)) is not None and following != "s":
            words.years.append(year)
        elif _DECADE.match(text) or (text.isdecimal() and following == "s"):
            words.decade = True
        elif text in MONTHS and (text != "may" or token.is_title or token.is_upper or index > 0):
            words.month = MONTHS[text]
        elif (glued := _DAY_AND_MONTH.match(text)) and glued.group(2) in MONTHS:
            words.day, words.month = int(glued.group(1)), MONTHS[glued.group(2)]
        elif text in WEEKDAYS:
            words.weekday = WEEKDAYS[text]
        elif text.endswith("s") and len(text) > 6 and text[:-1] in WEEKDAYS:
            words.weekday = WEEKDAYS[text[:-1]]  # "three Fridays from now"
            words.weekday_plural = True
        elif text in SEASONS:
            words.season = SEASONS[text]
        elif text in UNITS:
            _read_unit(text, words)
        elif text in DAY_WORDS or text.rstrip("s") in DAY_WORDS:
            offset = DAY_WORDS.get(text, DAY_WORDS.get(text.rstrip("s"), 0))
            before = words.words[index - 2 : index]  # "the day after tomorrow"
            words.day_offset = offset + ("after" in before) - ("before" in before)
        elif text in PARTS_OF_DAY and words.deictic is not None:
            words.day_offset = min(words.deictic, 0) if text == "night" else 0
        elif text in EDGE_ABBREVIATIONS and token.is_upper:
            edge, unit = EDGE_ABBREVIATIONS[text]
            spelled_out += [edge, "of"]
            words.unit = unit
            words.units.append(unit)
        elif match := _QUARTER.match(text):
            words.unit, words.ordinal = "quarter", int(match.group(1))
            words.units.append("quarter")
        elif match := _HALF.match(text):
            words.unit, words.ordinal = "half", int(match.group(1))
            words.units.append("half")
        elif text == "half":
            words.unit = "half"
            words.units.append("half")
        elif ordinal := _ordinal_part(text, following, words.words[index + 2 :]):
            words.ordinal, words.part = ordinal
            counted_back = _counted_back(words.words[:index])
            if words.ordinal == -1 and counted_back:
                words.ordinal = -counted_back  # "the third last week of 2018"
        elif (
            (day := _DAY_NUMBER.match(text))
            and 1 <= int(day.group(1)) <= 31
            and (
                words.month is not None
                or following in MONTHS
                or following == "of"
                or (following == "day" and words.words[index + 2 : index + 3] == ["of"])
                or (previous == "the" and words.weekday is not None)  # "Friday the 26th"
            )
        ):
            words.day = int(day.group(1))
        elif (ordinal_day := _day_ordinal(words.words, index)) is not None and (
            words.month is not None
            or following in MONTHS
            or following == "of"
            or (following == "day" and words.words[index + 2 : index + 3] == ["of"])
            or words.weekday is not None
        ):
            words.day = ordinal_day
        elif text in COUNT_WORDS and following not in ("few", "couple"):
            words.count = COUNT_WORDS[text]
        elif token.like_num and text.isdecimal():
            words.count = int(text)
        elif text in DEICTIC and words.deictic is None:
            after_next = text == "next" and index > 0 and words.words[index - 1] == "after"
            words.deictic = 2 if after_next else DEICTIC[text]  # "the week after next"
    if spelled_year is not None and words.month is not None and words.day is None:
        _read_spelled_day(words, in_spelled_year)
    words.words += spelled_out  # "EOY" reads as "end of" the year
    return words


def _read_spelled_day(words: DateWords, year: range) -> None:
    """'January twenty five nineteen eighty six', 'fifteen August nineteen ninety three': the
    number words beside the month, outside the year, are the day, not a count."""
    run: list[str] = []
    for index, word in enumerate([*words.words, ""]):
        if index not in year and (word in SMALL_NUMBERS or (word == "-" and run)):
            run.append(word)
            continue
        day = _below_hundred([part for part in run if part != "-"])
        if run and day is not None and 1 <= day <= 31:
            words.day, words.count = day, None
            return
        run = []
