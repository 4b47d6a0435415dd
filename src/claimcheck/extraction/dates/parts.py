"""Resolution rules for the parts of periods a date can name: a holiday in a year, and an
ordinal part of a longer period ("the first Monday of October", "the last week of 2019",
"the third quarter"); with the `Context` every rule resolves against.

Kept apart from `date_values` so each module holds one family of rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from claimcheck.extraction.dates.holidays import HolidayRule
from claimcheck.extraction.dates.timex import (
    UNIT_MONTHS,
    Period,
    Unit,
    anchor_period,
    month_near,
    nth_day,
    nth_week,
    nth_weekday,
    shift,
)
from claimcheck.extraction.dates.words import DateWords
from claimcheck.model import PartialDate


@dataclass(frozen=True)
class Context:
    """What a value may be resolved against: the publication date, the date mentioned last (for
    "two years later", "the same period last year") and whether the sentence speaks of the
    future (a bare "August" in "by the end of August, there will be ..." is the next August) or
    in a plain present ("the court hears the case on Tuesday": the nearest Tuesday)."""

    anchor: PartialDate | None
    previous: Period | None = None
    future: bool = False
    present: bool = False


Resolution = tuple[Period | None, str | None]

NO_ANCHOR = "relative date, but the publication date is unknown"
VAGUE = "a vague period"
RANGE = "a range of dates"


def too_coarse(anchor: PartialDate | None, unit: Unit) -> str:
    if anchor is None:
        return NO_ANCHOR
    return f"relative {unit}, but the publication date is known only to the {anchor.precision}"


def relative_to_anchor(unit: Unit, offset: int, context: Context) -> Resolution:
    period = anchor_period(context.anchor, unit) if context.anchor else None
    if period is None:
        return None, too_coarse(context.anchor, unit)
    return shift(period, offset), None


def _holiday_in(rule: HolidayRule, year: int) -> Period | None:
    """The holiday's day in `year`; None for a year its calendar's tables do not hold."""
    assert rule is not None
    if not 1 <= year <= 9999:
        return None
    day = rule(year)
    return Period(day, "day") if day is not None else None


def _in_year(rule: HolidayRule, year: int) -> Resolution:
    period = _holiday_in(rule, year)
    return (period, None) if period else (None, f"no calendar table gives the holiday in {year}")


def resolve_holiday(words: DateWords, context: Context) -> Resolution:
    """'Thanksgiving 2013', 'last Easter', 'Memorial Day of last year', 'on Labor Day': the
    holiday in the year named, or the one nearest publication in the direction the words or
    the tense point (news reports the past, so a bare holiday is the latest one; told in the
    present, it is the nearest one either side)."""
    rule, anchor = words.holiday_rule, context.anchor
    if rule is None:
        return None, 'no calendar here gives the day of that holiday ("Eid" names two feasts)'
    if words.years:
        return _in_year(rule, words.years[-1])
    if anchor is None:
        return None, "holiday without a year and no publication date"
    if words.unit == "year" and words.deictic is not None:
        return _in_year(rule, anchor.year + words.deictic)
    if words.deictic == 0:
        return _in_year(rule, anchor.year)
    if anchor.month is None:
        return None, too_coarse(anchor, "day").replace("relative day", "holiday")
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    years = [_holiday_in(rule, year) for year in range(anchor.year - 1, anchor.year + 2)]
    known = [period for period in years if period is not None]
    if words.deictic is None and context.present and known:  # "is showing over the New Year"
        middle = dt.date(anchor.year, anchor.month, anchor.day or (last + 1) // 2)
        return min(known, key=lambda period: abs((period.start - middle).days)), None
    if words.deictic == 1 or (words.deictic is None and context.future):
        start = dt.date(anchor.year, anchor.month, anchor.day or 1)
        strict = words.deictic == 1
        later = [p for p in known if p.start > start or (p.start == start and not strict)]
        return (later[0], None) if later else (None, "no calendar table gives the holiday")
    end = dt.date(anchor.year, anchor.month, anchor.day or last)
    strict = words.deictic == -1
    earlier = [p for p in known if p.start < end or (p.start == end and not strict)]
    return (earlier[-1], None) if earlier else (None, "no calendar table gives the holiday")


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
    return relative_to_anchor(units[-1], words.deictic or 0, context)[0]


def _part_of(container: Period, part: str, ordinal: int, weekday: int | None) -> Period | None:
    if part in ("quarter", "half"):
        if container.unit != "year":
            return None
        unit: Unit = part  # type: ignore[assignment]
        count = 12 // UNIT_MONTHS[unit]
        number = count + ordinal + 1 if ordinal < 0 else ordinal
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
        return None, too_coarse(context.anchor, "quarter")
    if context.future and named < current:
        return shift(named, 4), None
    if not context.future and named > current:
        return shift(named, -4), None
    return named, None


def resolve_ordinal_part(words: DateWords, context: Context) -> Resolution:
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
