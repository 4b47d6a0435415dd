"""The TIMEX3 value a date expression's words give at a publication date.

`resolve` applies one rule per shape of expression to the `DateWords` of `date_words`. Rules
work on word classes, never on whole phrases, so "the same quarter a year earlier" and "the same
period in 2018" go through the same rule.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.extraction.dates.parts import (
    NO_ANCHOR,
    RANGE,
    VAGUE,
    Context,
    Resolution,
    relative_to_anchor,
    resolve_holiday,
    resolve_ordinal_part,
    too_coarse,
)
from claimcheck.extraction.dates.timex import (
    Period,
    anchor_as_period,
    anchor_period,
    coarsen,
    counted_weekday,
    days_of_month_on,
    month_near,
    nearest,
    period_of,
    season_near,
    shift,
    shift_by,
    weekday_near,
    with_year,
    years_of_day_on,
)
from claimcheck.extraction.dates.words import DateWords, valid_day
from claimcheck.lang.en.dates import (
    DEICTIC,
    EDGE_WORDS,
    ORDINALS,
    RELATIVE_TO_PREVIOUS,
    WITHIN_WORDS,
)
from claimcheck.lang.en.numbers import TENS_WORDS
from claimcheck.model import PartialDate


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


def _direction(context: Context) -> int:
    """Where a date without a year or week lies from publication: ahead in a sentence about the
    future, the nearest in a plain present, else behind (news reports the past)."""
    return 1 if context.future else 0 if context.present else -1


def _weekday_fixes_year(words: DateWords, context: Context) -> Resolution:
    """'Fri, Jul 18', 'Monday, Feb 18': the year nearest publication in which that day is that
    weekday."""
    anchor = context.anchor
    assert anchor is not None and words.month is not None and words.day is not None
    around = dt.date(anchor.year, anchor.month or 7, anchor.day or 1)
    days = years_of_day_on(words.weekday or 0, words.month, words.day, around)
    found = nearest(days, around)
    return (Period(found, "day"), None) if found else (None, "no year near publication fits")


def _month_without_year(words: DateWords, context: Context) -> Resolution:
    anchor = context.anchor
    if anchor is None:
        return None, "month without a year and no publication date"
    if words.day is not None and words.weekday is not None and words.deictic is None:
        return _weekday_fixes_year(words, context)
    month = words.month or 1
    anchor_day = _anchor_day(context)
    if words.day is not None and context.present and words.deictic is None and anchor_day:
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        days = [day for year in years if (day := valid_day(year, month, words.day))]
        found = nearest(days, anchor_day)  # "the deadline is Dec. 1": the one nearest
        return (Period(found, "day"), None) if found else (None, "not a calendar day")
    future = context.future or words.deictic in (1, 2)
    period = month_near(month, anchor, future=future)
    if words.deictic == -1 and anchor.month == month:
        period = shift(period, -12)
    elif words.deictic in (1, 2) and anchor.month == month:
        period = shift(period, 12)
    elif words.deictic == 0:
        period = Period(dt.date(anchor.year, month, 1), "month")
    if words.deictic == 2:
        period = shift(period, 12)  # "March after next": the one after the next March
    if words.day is None:
        return period, None
    try:
        return Period(period.start.replace(day=words.day), "day"), None
    except ValueError:
        return None, "not a calendar day"


def _weekday(words: DateWords, context: Context) -> Resolution:
    day = _anchor_day(context)
    if day is None:
        return None, too_coarse(context.anchor, "day").replace("relative day", "weekday")
    weekday = words.weekday or 0
    if words.weekday_plural and words.count:  # "three Fridays from now", "2 Thursdays ago"
        direction = -1 if words.has("ago", "back") else 1
        return Period(counted_weekday(weekday, day, direction * words.count), "day"), None
    if words.deictic == 2 and not words.has("week"):  # "Friday after next": the second to come
        return Period(counted_weekday(weekday, day, 2), "day"), None
    if words.day is not None:  # "Friday the 26th": the nearest month whose 26th is a Friday
        found = nearest(days_of_month_on(weekday, words.day, day), day, _direction(context))
        found = found or nearest(days_of_month_on(weekday, words.day, day), day)
        return (Period(found, "day"), None) if found else (None, "not a calendar day")
    if words.has("coming", "upcoming", "past") and not words.has("week"):
        # "this coming Friday", "this past Wednesday": the nearest one ahead or behind.
        offset = -1 if words.has("past") else 1
        return Period(weekday_near(weekday, day, offset), "day"), None
    if words.deictic is not None or words.has("week"):
        week = period_of(day, "week")
        if words.deictic:
            week = shift(week, words.deictic)  # "next Wednesday" is in next week
        return Period(week.start + dt.timedelta(days=weekday), "day"), None
    if context.present:  # "the court hears the case on Tuesday": the nearest Tuesday
        found = nearest([weekday_near(weekday, day, 0), weekday_near(weekday, day, 1)], day)
        return Period(found or day, "day"), None
    offset = words.deictic if words.deictic is not None else (1 if context.future else 0)
    return Period(weekday_near(weekday, day, offset), "day"), None


def _deictic_unit(words: DateWords, context: Context) -> Resolution:
    """'this week', 'last month', 'next year'; 'the last week' and 'the past six months' are
    periods ending at publication, which no single calendar value names."""
    unit = words.unit or "day"
    position = next(i for i, word in enumerate(words.words) if word in DEICTIC)
    the_before = position > 0 and words.words[position - 1] == "the"
    if words.day is not None and unit == "month" and not words.unit_plural:
        return _day_of(relative_to_anchor(unit, words.deictic or 0, context), words.day)
    if words.count is not None or words.unit_plural or the_before:
        if words.deictic == 0 and not words.unit_plural:
            return relative_to_anchor(unit, 0, context)
        return None, "a period counted back or forward from publication"
    return relative_to_anchor(unit, words.deictic or 0, context)


def _day_of(month: Resolution, day: int) -> Resolution:
    """'the 20th of next month', 'the 15th day of the previous month': a day of a month."""
    period, reason = month
    if period is None:
        return period, reason
    found = valid_day(period.start.year, period.start.month, day)
    return (Period(found, "day"), None) if found else (None, "not a calendar day")


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
    if words.has("between", "until", "till", "through"):
        return True
    text = [word for word in words.words if word != "-"]
    if any(word == "to" and text[i + 1 : i + 2] != ["last"] for i, word in enumerate(text)):
        return True  # not "second-to-last"
    return any(
        word == "-"
        and not words.holiday
        and "last" not in words.words[index + 1 : index + 3]
        and (index == 0 or words.words[index - 1] not in {*ORDINALS, *TENS_WORDS})
        for index, word in enumerate(words.words)
    )


#: The years a TIMEX3 value can name (`YYYY`); arithmetic that leaves them is no date.
FIRST_YEAR, LAST_YEAR = 1000, 9999
OUT_OF_RANGE = f"outside the years {FIRST_YEAR}-{LAST_YEAR}"


def resolve(words: DateWords, context: Context) -> Resolution:
    """The period an expression names, or None with a short reason.

    Counting from a publication date at the edge of the calendar ("next year" in 9999, "last
    year" in year 1) leaves the years a value can name: that date stays unresolved, it never
    raises, as one odd front matter must not stop a whole extraction."""
    try:
        period, reason = _resolve(words, context)
    except (ValueError, OverflowError):
        return None, OUT_OF_RANGE
    if period is not None and not FIRST_YEAR <= period.start.year <= LAST_YEAR:
        return None, OUT_OF_RANGE
    return period, reason


def _resolve(words: DateWords, context: Context) -> Resolution:
    anchor = context.anchor
    if words.decade or words.has("century", "decade", "decades"):
        return None, "a decade or century"
    if words.has("weekend", "weekends", "week-end"):
        return _weekend(words, context)
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
        return resolve_holiday(words, context)
    if words.ordinal is not None and words.part is not None:
        period, reason = resolve_ordinal_part(words, context)
        if period is not None or reason is not None:
            return period, reason
    if is_within_unit(words) and words.unit is not None:
        base = coarsen(context.previous, words.unit) if context.previous else None
        return (base, None) if base else relative_to_anchor(words.unit, 0, context)
    if words.years:
        return _with_explicit_year(words, words.years[-1])
    if words.weekday_plural and words.count:
        return _weekday(words, context)  # "three Fridays from now"
    if words.has("ago", "hence") or (words.has("from") and words.has("now", "today")):
        if anchor is None:
            return None, NO_ANCHOR
        return _counted_shift(words, anchor_as_period(anchor), -1 if words.has("ago") else 1)
    if words.words[0] == "in" and words.count is not None and words.unit is not None:
        if anchor is None:
            return None, NO_ANCHOR
        return _counted_shift(words, anchor_as_period(anchor), 1)  # "will return in two weeks"
    relative = _relative_to_previous(words)
    pinned = words.month is not None or words.weekday is not None or words.day is not None
    if relative and words.unit and not pinned and words.day_offset is None:
        # not "(the) day after tomorrow": a day word pins the day, nothing said before does
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
            return None, too_coarse(anchor, "day")
        return Period(day + dt.timedelta(days=words.day_offset), "day"), None
    if words.season is not None:
        if words.deictic is None or anchor is None:
            return None, "a season without a year"
        period = season_near(words.season, anchor, words.deictic)
        return (period, None) if period else (None, too_coarse(anchor, "season"))
    if words.deictic is not None and words.unit is not None:
        return _deictic_unit(words, context)
    if words.day is not None and words.unit == "month" and words.has("the"):
        return _day_of(relative_to_anchor("month", 0, context), words.day)  # "of the month"
    if edge_of_current(words) and words.unit is not None:
        return relative_to_anchor(words.unit, 0, context)
    return None, VAGUE


#: Weekday numbers (Monday 0) of a weekend's days, and of the holidays whose weekend is the one
#: that follows (Thursday: "Thanksgiving weekend") or precedes (Monday: "Labor Day weekend").
SATURDAY, SUNDAY, MONDAY, THURSDAY = 5, 6, 0, 3


def _weekend(words: DateWords, context: Context) -> Resolution:
    """A weekend, as the ISO week that holds it (`2004-W53`: a week is the finest unit a value
    names that contains both days): of a holiday ("the Labor Day weekend"), else the one the
    words or the tense point to from the publication day ("last weekend", "this weekend",
    "over the weekend" told in the past: the latest one). Counted weekends are a duration."""
    if words.has("weekends") or words.count is not None:
        return None, "weekends (a duration)"
    if words.holiday:
        period, reason = resolve_holiday(words, context)
        return (None, reason) if period is None else _holiday_weekend(period.start)
    if words.years or words.month is not None:
        return None, "a weekend of a named period"
    # a weekend just named: "that weekend", or "over the New Year weekend ... of the weekend"
    named = context.previous if context.previous and context.previous.unit == "week" else None
    if words.has("that"):
        return (named, None) if named else (None, VAGUE)
    day = _anchor_day(context)
    if day is None:
        if named and words.deictic is None:
            return named, None
        return None, too_coarse(context.anchor, "week").replace("relative week", "weekend")
    if words.deictic == 1 or (words.deictic in (None, 0) and (context.future or context.present)):
        after = words.deictic == 1 and day.weekday() >= SATURDAY
        return period_of(day + dt.timedelta(weeks=after), "week"), None
    before = words.deictic == -1 or day.weekday() < SATURDAY
    return period_of(day - dt.timedelta(weeks=before), "week"), None


def _holiday_weekend(holiday: dt.date) -> Resolution:
    weekday = holiday.weekday()
    if weekday == MONDAY:
        return period_of(holiday - dt.timedelta(days=1), "week"), None
    if weekday >= THURSDAY:
        return period_of(holiday, "week"), None
    return None, "a weekend of a midweek holiday (the one before or after)"


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
