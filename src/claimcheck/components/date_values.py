"""The TIMEX3 value a date expression's words give at a publication date.

`resolve` applies one rule per shape of expression to the `DateWords` of `date_words`. Rules
work on word classes, never on whole phrases, so "the same quarter a year earlier" and "the same
period in 2018" go through the same rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimcheck.components.date_words import DEICTIC, RELATIVE_TO_PREVIOUS, DateWords, valid_day
from claimcheck.components.timex import (
    Period,
    Unit,
    anchor_as_period,
    anchor_period,
    coarsen,
    month_near,
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
    if words.words[0] == "the" and not words.unit_plural and words.count is None:
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
    if len(set(words.years)) > 1 or words.has("between", "to", "until", "till", "through", "-"):
        return None, RANGE
    if words.numeric_partial is not None:
        words.month, words.day = words.numeric_partial
        return _month_without_year(words, context)
    if words.has("same"):
        return _same_as_previous(words, context)
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
    if words.holiday is not None:
        words.month, words.day = words.holiday
        return _month_without_year(words, context)
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
