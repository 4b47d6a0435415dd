"""The TIMEX3 value a date expression's words give at a publication date.

`resolve` applies one rule per shape of expression to the `DateWords` of `date_words`. Rules
work on word classes, never on whole phrases, so "the same quarter a year earlier" and "the same
period in 2018" go through the same rule.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from claimcheck.components.date_holidays import HolidayRule
from claimcheck.components.date_words import (
    DEICTIC,
    ORDINALS,
    RELATIVE_TO_PREVIOUS,
    DateWords,
    valid_day,
)
from claimcheck.components.timex import (
    UNIT_MONTHS,
    Period,
    Unit,
    anchor_as_period,
    anchor_period,
    coarsen,
    month_near,
    nth_day,
    nth_week,
    nth_weekday,
    period_of,
    season_near,
    shift,
    shift_by,
    weekday_near,
    with_year,
)
from claimcheck.types import PartialDate


@dataclass(frozen=True)
class Context:
    """What a value may be resolved against: the publication date, the date mentioned last (for
    "two years later", "the same period last year") and whether the sentence speaks of the
    future (a bare "August" in "by the end of August, there will be ..." is the next August)."""

    anchor: PartialDate | None
    previous: Period | None = None
    future: bool = False


Resolution = tuple[Period | None, str | None]

NO_ANCHOR = "relative date, but the publication date is unknown"
VAGUE = "a vague period"
RANGE = "a range of dates"


def _too_coarse(anchor: PartialDate | None, unit: Unit) -> str:
    if anchor is None:
        return NO_ANCHOR
    return f"relative {unit}, but the publication date is known only to the {anchor.precision}"


def _relative_to_anchor(unit: Unit, offset: int, context: Context) -> Resolution:
    period = anchor_period(context.anchor, unit) if context.anchor else None
    if period is None:
        return None, _too_coarse(context.anchor, unit)
    return shift(period, offset), None


def _anchor_day(context: Context) -> dt.date | None:
    anchor = context.anchor
    if anchor is None or anchor.day is None or anchor.month is None:
        return None
    return dt.date(anchor.year, anchor.month, anchor.day)


def _with_explicit_year(words: DateWords, year: int) -> Resolution:
    """Absolute forms: a year with perhaps a month and day, a season, a half or a quarter."""
    start = dt.date(year, 1, 1)
    if words.has("fiscal", "fy", "school", "academic"):
        return None, "a fiscal or school year"
    if words.unit == "half" and words.ordinal:
        return Period(dt.date(year, 1 + 6 * (words.ordinal - 1), 1), "half"), None
    if words.unit == "quarter" and words.ordinal:
        return Period(dt.date(year, 1 + 3 * (words.ordinal - 1), 1), "quarter"), None
    if words.season:
        return season_near(words.season, PartialDate(year, 6)), None
    if words.unit == "week" and words.month is None and (number := words.ordinal or words.count):
        try:  # "the first week of 2021", "week 3 of 2027": ISO weeks
            return Period(dt.date.fromisocalendar(year, number, 1), "week"), None
        except ValueError:
            return None, "not a week of that year"
    if words.month is None:
        return Period(start, "year"), None
    if words.day is None:
        return Period(dt.date(year, words.month, 1), "month"), None
    try:
        day = dt.date(year, words.month, words.day)
    except ValueError:
        return None, "not a calendar day"
    return Period(day, "week" if words.has("week") else "day"), None


def _same_as_previous(words: DateWords, context: Context) -> Resolution:
    """'the same period last year', 'the same period in 2018', 'the end of the same month'."""
    previous = context.previous
    if previous is None:
        return None, "refers to an earlier date the text does not give"
    if words.unit and words.unit != "year" and not words.unit_plural:
        previous = coarsen(previous, words.unit) or previous
    if words.years:
        return with_year(previous, words.years[-1]), None
    if words.has("year", "years") and (words.deictic == -1 or words.has("earlier", "before")):
        return with_year(previous, previous.start.year - 1), None
    return previous, None


def _counted_shift(words: DateWords, base: Period | None, direction: int) -> Resolution:
    """'two years later' from the previous date, 'three weeks ago' from the publication date, at
    the granularity of the date counted from."""
    if words.unit is None or words.count is None:
        return None, VAGUE
    if base is None:
        return None, "refers to an earlier date the text does not give"
    period = shift_by(base, words.unit, direction * words.count)
    if period is None:
        return None, f"counts {words.unit}s from a date known only to the {base.unit}"
    return period, None


def _month_without_year(words: DateWords, context: Context) -> Resolution:
    anchor = context.anchor
    if anchor is None:
        return None, "month without a year and no publication date"
    month = words.month or 1
    future = context.future or words.deictic == 1
    period = month_near(month, anchor, future=future)
    if words.deictic == -1 and anchor.month == month:
        period = shift(period, -12)
    elif words.deictic == 1 and anchor.month == month:
        period = shift(period, 12)
    elif words.deictic == 0:
        period = Period(dt.date(anchor.year, month, 1), "month")
    if words.day is None:
        return period, None
    try:
        return Period(period.start.replace(day=words.day), "day"), None
    except ValueError:
        return None, "not a calendar day"


def _weekday(words: DateWords, context: Context) -> Resolution:
    day = _anchor_day(context)
    if day is None:
        return None, _too_coarse(context.anchor, "day").replace("relative day", "weekday")
    weekday = words.weekday or 0
    if words.deictic is not None or words.has("week"):
        week = period_of(day, "week")
        if words.deictic:
            week = shift(week, words.deictic)  # "next Wednesday" is in next week
        return Period(week.start + dt.timedelta(days=weekday), "day"), None
    offset = words.deictic if words.deictic is not None else (1 if context.future else 0)
    return Period(weekday_near(weekday, day, offset), "day"), None


def _deictic_unit(words: DateWords, context: Context) -> Resolution:
    """'this week', 'last month', 'next year'; 'the last week' and 'the past six months' are
    periods ending at publication, which no single calendar value names."""
    unit = words.unit or "day"
    position = next(i for i, word in enumerate(words.words) if word in DEICTIC)
    the_before = position > 0 and words.words[position - 1] == "the"
    if words.count is not None or words.unit_plural or the_before:
        if words.deictic == 0 and not words.unit_plural:
            return _relative_to_anchor(unit, 0, context)
        return None, "a period counted back or forward from publication"
    period, reason = _relative_to_anchor(unit, words.deictic or 0, context)
    if period is not None and words.day is not None and unit == "month":
        day = valid_day(
            period.start.year, period.start.month, words.day
        )  # "the 20th of next month"
        return (Period(day, "day"), None) if day else (None, "not a calendar day")
    return period, reason


def _relative_to_previous(words: DateWords) -> int:
    """The direction of "two years later", "the following week", "the next day" (which count
    from the date mentioned before, not from publication); 0 for anything else."""
    if words.words[-2:] == ["after", "next"]:
        return 0  # "the week after next" counts from publication
    if words.words[0] == "the" and not words.unit_plural and words.count is None:
        if len(words.words) == 3 and words.words[-1] in RELATIVE_TO_PREVIOUS:
            words.count = 1  # "the day before", "the year after"
            return RELATIVE_TO_PREVIOUS[words.words[-1]]
        if words.has("next", "following", "previous", "prior"):
            words.count = 1
            return -1 if words.has("previous", "prior") else 1
        return 0
    if words.deictic is not None:
        return 0  # "earlier this week" counts from publication
    return next((RELATIVE_TO_PREVIOUS[w] for w in words.words if w in RELATIVE_TO_PREVIOUS), 0)


#: Words for a part of a unit: "the end of the year" keeps the year.
EDGE_WORDS = frozenset({"end", "beginning", "start", "middle", "rest"})


def edge_of_current(words: DateWords) -> bool:
    """'by the end of the year', 'the beginning of the month': a part of the current unit. Not
    'the end of the day', which is an idiom far more often than a time."""
    return (
        words.has(*EDGE_WORDS)
        and words.has("of")
        and words.unit in ("week", "month", "quarter", "year")
        and not words.unit_plural
        and words.deictic is None
        and words.count is None
        and not words.has("same")
    )


def names_a_range(words: DateWords) -> bool:
    """'from 2014 to 2018', 'Jan-Feb': a link between two dates; not the hyphen inside a name
    ("Eid al-Fitr") or after an ordinal ("third-quarter")."""
    if words.has("between", "to", "until", "till", "through"):
        return True
    return any(
        word == "-" and not words.holiday and (index == 0 or words.words[index - 1] not in ORDINALS)
        for index, word in enumerate(words.words)
    )


def resolve(words: DateWords, context: Context) -> Resolution:
    """The period an expression names, or None with a short reason."""
    anchor = context.anchor
    if words.decade or words.has("century", "decade", "decades"):
        return None, "a decade or century"
    if words.has("weekend", "weekends"):
        return None, "a weekend"
    if words.invalid:
        return None, "not a calendar day"
    if words.numeric is not None:
        return words.numeric, None
    if len(set(words.years)) > 1 or names_a_range(words):
        return None, RANGE
    if words.numeric_partial is not None:
        words.month, words.day = words.numeric_partial
        return _month_without_year(words, context)
    if words.has("same"):
        return _same_as_previous(words, context)
    if words.holiday:
        return _holiday(words, context)
    if words.ordinal is not None and words.part is not None:
        period, reason = _ordinal_part(words, context)
        if period is not None or reason is not None:
            return period, reason
    if is_within_unit(words) and words.unit is not None:
        base = coarsen(context.previous, words.unit) if context.previous else None
        return (base, None) if base else _relative_to_anchor(words.unit, 0, context)
    if words.years:
        return _with_explicit_year(words, words.years[-1])
    if words.has("ago", "hence") or (words.has("from") and words.has("now", "today")):
        if anchor is None:
            return None, NO_ANCHOR
        return _counted_shift(words, anchor_as_period(anchor), -1 if words.has("ago") else 1)
    if words.words[0] == "in" and words.count is not None and words.unit is not None:
        if anchor is None:
            return None, NO_ANCHOR
        return _counted_shift(words, anchor_as_period(anchor), 1)  # "will return in two weeks"
    relative = _relative_to_previous(words)
    if relative and words.unit and words.month is None and words.weekday is None:
        base = context.previous
        if base is None and words.words[0] == "the" and anchor is not None:
            base = anchor_period(anchor, words.unit)  # "the next quarter", nothing said before
        return _counted_shift(words, base, relative)
    if words.month is not None:
        return _month_without_year(words, context)
    if words.weekday is not None:
        return _weekday(words, context)
    if words.day_offset is not None:
        day = _anchor_day(context)
        if day is None:
            return None, _too_coarse(anchor, "day")
        return Period(day + dt.timedelta(days=words.day_offset), "day"), None
    if words.season is not None:
        if words.deictic is None or anchor is None:
            return None, "a season without a year"
        period = season_near(words.season, anchor, words.deictic)
        return (period, None) if period else (None, _too_coarse(anchor, "season"))
    if words.deictic is not None and words.unit is not None:
        return _deictic_unit(words, context)
    if edge_of_current(words) and words.unit is not None:
        return _relative_to_anchor(words.unit, 0, context)
    return None, VAGUE


#: Words before "in the week", "in the year" that place something within that period.
WITHIN_WORDS = frozenset({"earlier", "later", "early", "late"})


def is_within_unit(words: DateWords) -> bool:
    """'later in the year', 'earlier in the week': the current period, or the one just
    mentioned ("It opened in 2015. Later in the year, ...")."""
    return (
        len(words.words) == 4
        and words.words[0] in WITHIN_WORDS
        and words.words[1:3] == ["in", "the"]
        and words.unit not in (None, "day")  # "early in the day" is a time of day
        and not words.unit_plural
    )


def _holiday_in(rule: HolidayRule, year: int) -> Period:
    assert rule is not None
    return Period(rule(year), "day")


def _holiday(words: DateWords, context: Context) -> Resolution:
    """'Thanksgiving 2013', 'last Easter', 'Memorial Day of last year', 'on Labor Day': the
    holiday in the year named, or the one nearest publication in the direction the words or
    the tense point (news reports the past, so a bare holiday is the latest one)."""
    rule, anchor = words.holiday_rule, context.anchor
    if rule is None:
        return None, "a holiday of a lunar calendar"
    if words.years:
        return _holiday_in(rule, words.years[-1]), None
    if anchor is None:
        return None, "holiday without a year and no publication date"
    if words.unit == "year" and words.deictic is not None:
        return _holiday_in(rule, anchor.year + words.deictic), None
    if words.deictic == 0:
        return _holiday_in(rule, anchor.year), None
    if anchor.month is None:
        return None, _too_coarse(anchor, "day").replace("relative day", "holiday")
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    years = [_holiday_in(rule, year) for year in range(anchor.year - 1, anchor.year + 2)]
    if words.deictic == 1 or (words.deictic is None and context.future):
        start = dt.date(anchor.year, anchor.month, anchor.day or 1)
        strict = words.deictic == 1
        return next(p for p in years if p.start > start or (p.start == start and not strict)), None
    end = dt.date(anchor.year, anchor.month, anchor.day or last)
    strict = words.deictic == -1
    earlier = [p for p in years if p.start < end or (p.start == end and not strict)]
    return earlier[-1], None


def _ordinal_container(words: DateWords, context: Context) -> Period | None:
    """The period an ordinal picks a part of: 'of October 2014', 'of 2019', 'of this month',
    "next year's", 'of the month' (the current one); None when the words name none."""
    if words.years:
        year = words.years[-1]
        if words.month is not None:
            return Period(dt.date(year, words.month, 1), "month")
        return Period(dt.date(year, 1, 1), "year")
    if words.month is not None:
        if context.anchor is None:
            return None
        return month_near(words.month, context.anchor, context.future)
    units = [unit for unit in words.units if unit in ("month", "year") and unit != words.part]
    if not units or context.anchor is None:
        return None
    if words.deictic is None and not words.has("the"):
        return None
    return _relative_to_anchor(units[-1], words.deictic or 0, context)[0]


def _part_of(container: Period, part: str, ordinal: int, weekday: int | None) -> Period | None:
    if part in ("quarter", "half"):
        if container.unit != "year":
            return None
        unit: Unit = part  # type: ignore[assignment]
        count = 12 // UNIT_MONTHS[unit]
        number = count if ordinal < 0 else ordinal
        if not 1 <= number <= count:
            return None
        return Period(dt.date(container.start.year, 1 + (number - 1) * UNIT_MONTHS[unit], 1), unit)
    if part == "week":
        return nth_week(container, ordinal)
    if part == "day":
        return nth_day(container, ordinal)
    if part == "weekday" and weekday is not None:
        year = container.start.year
        month = container.start.month if container.unit == "month" else (12 if ordinal < 0 else 1)
        try:
            return Period(nth_weekday(year, month, weekday, ordinal), "day")
        except ValueError:
            return None
    return None


def _quarter_near(ordinal: int, context: Context) -> Resolution:
    """'the third quarter' with no year: the latest one begun by publication, or in a sentence
    about the future, the next one not yet over."""
    assert context.anchor is not None
    current = anchor_period(context.anchor, "quarter")
    named = _part_of(Period(dt.date(context.anchor.year, 1, 1), "year"), "quarter", ordinal, None)
    if current is None or named is None:
        return None, _too_coarse(context.anchor, "quarter")
    if context.future and named < current:
        return shift(named, 4), None
    if not context.future and named > current:
        return shift(named, -4), None
    return named, None


def _ordinal_part(words: DateWords, context: Context) -> Resolution:
    """'the first Monday of October', 'the last week of 2019', "next year's first quarter",
    'the last day of the month'; and 'the third quarter' alone, the latest one by publication.
    (None, None) when the words name no period to take the part of."""
    ordinal, part = words.ordinal or 0, words.part or ""
    container = _ordinal_container(words, context)
    if container is None and part == "quarter" and context.anchor is not None:
        return _quarter_near(ordinal, context)
    if container is None:
        return None, None
    period = _part_of(container, part, ordinal, words.weekday)
    return (period, None) if period else (None, f"no such {part} in that period")
