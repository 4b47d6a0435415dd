"""Calendar arithmetic behind TIMEX3-style date values, kept apart from finding expressions.

A resolved date is a `Period`: a calendar unit (year, half, quarter, season, month, ISO week or
day) and the first day of that unit. Relative expressions are arithmetic on periods ("last month"
is the anchor's month shifted by -1), so every rule about year boundaries, ISO weeks and winters
that straddle two years lives here, in pure functions that are easy to test.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from claimcheck.model import PartialDate

Unit = Literal["year", "half", "quarter", "season", "month", "week", "day"]

#: Units from finest to coarsest; a unit can be derived from a date known to a finer one.
UNIT_ORDER: tuple[Unit, ...] = ("day", "week", "month", "season", "quarter", "half", "year")
#: Months in each unit, for shifting by whole units.
UNIT_MONTHS: dict[Unit, int] = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12}
#: Season codes by the month each season starts in (meteorological seasons, as news uses them).
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: The anchor precision needed to resolve an expression at each unit: "this week" needs the day.
PRECISION_NEEDED: dict[Unit, str] = {
    "day": "day",
    "week": "day",
    "month": "month",
    "season": "month",
    "quarter": "month",
    "half": "month",
    "year": "year",
}
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One calendar unit, identified by its first day (`start`)."""

    start: dt.date
    unit: Unit

    @property
    def timex(self) -> str:
        return timex_value(self)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's length (Jan 31 + 1 month = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def season_code(month: int) -> str:
    """The season a month falls in: Dec-Feb winter, Mar-May spring, and so on."""
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[month - 1]


def period_of(day: dt.date, unit: Unit) -> Period:
    """The period of `unit` that contains `day`.

    A winter is named after the year it starts in (December 2018 to February 2019 is `2018-WI`),
    as Duckling and most TIMEX3 corpora do.
    """
    if unit == "day":
        return Period(day, unit)
    if unit == "week":
        return Period(day - dt.timedelta(days=day.weekday()), unit)
    if unit == "year":
        return Period(dt.date(day.year, 1, 1), unit)
    if unit == "season":
        code = season_code(day.month)
        year = day.year - 1 if code == "WI" and day.month < 12 else day.year
        return Period(dt.date(year, SEASON_START_MONTH[code], 1), unit)
    first_month = 1 + (day.month - 1) // UNIT_MONTHS[unit] * UNIT_MONTHS[unit]
    return Period(dt.date(day.year, first_month, 1), unit)


def shift(period: Period, count: int) -> Period:
    """The period `count` units after (negative: before) `period`."""
    if period.unit == "day":
        return Period(period.start + dt.timedelta(days=count), "day")
    if period.unit == "week":
        return Period(period.start + dt.timedelta(weeks=count), "week")
    return Period(add_months(period.start, count * UNIT_MONTHS[period.unit]), period.unit)


def coarsen(period: Period, unit: Unit) -> Period | None:
    """`period` seen at a coarser (or equal) unit; None when `unit` is finer than what it knows.

    Weeks do not nest in months or years, so only a day can give its week.
    """
    if period.unit == unit:
        return period
    if UNIT_ORDER.index(unit) < UNIT_ORDER.index(period.unit):
        return None
    if unit == "week" and period.unit != "day":
        return None
    if period.unit == "week" and unit != "week":
        return None
    return period_of(period.start, unit)


def with_year(period: Period, year: int) -> Period:
    """The same part of another year ("the same period in 2018")."""
    if period.unit == "week":
        iso = period.start.isocalendar()
        weeks = dt.date(year, 12, 28).isocalendar()[1]
        return Period(dt.date.fromisocalendar(year, min(iso[1], weeks), 1), "week")
    last = calendar.monthrange(year, period.start.month)[1]
    return Period(period.start.replace(year=year, day=min(period.start.day, last)), period.unit)


def timex_value(period: Period) -> str:
    """The TIMEX3-style value: `2019`, `2019-H1`, `2019-Q3`, `2019-SU`, `2019-07`, `2019-W29`,
    `2019-07-16`."""
    start = period.start
    if period.unit == "day":
        return start.isoformat()
    if period.unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period.unit == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if period.unit == "season":
        return f"{start.year:04d}-{season_code(start.month)}"
    if period.unit == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if period.unit == "half":
        return f"{start.year:04d}-H{(start.month - 1) // 6 + 1}"
    return f"{start.year:04d}"


def anchor_allows(anchor: PartialDate | None, unit: Unit) -> bool:
    """Whether a publication date known to `anchor.precision` can place a `unit` relative to it."""
    if anchor is None:
        return False
    return _PRECISION_RANK[anchor.precision] >= _PRECISION_RANK[PRECISION_NEEDED[unit]]


def anchor_period(anchor: PartialDate, unit: Unit) -> Period | None:
    """The period of `unit` holding the publication date, when its precision allows it."""
    if not anchor_allows(anchor, unit):
        return None
    return period_of(dt.date(anchor.year, anchor.month or 1, anchor.day or 1), unit)


def month_near(month: int, anchor: PartialDate, future: bool = False) -> Period:
    """A month named without a year: the latest one not after the publication month (news
    reports the past), or with `future`, the first one not before it."""
    year = anchor.year
    if anchor.month is not None:
        if not future and month > anchor.month:
            year -= 1
        elif future and month < anchor.month:
            year += 1
    return Period(dt.date(year, month, 1), "month")


def season_near(code: str, anchor: PartialDate, offset: int = 0) -> Period | None:
    """`this <season>` (offset 0), `last <season>` (-1) or `next <season>` (+1).

    "this winter" in February is the winter under way, which started the previous December.
    """
    if anchor.month is None:
        return None
    year = anchor.year - 1 if code == "WI" and anchor.month < 3 else anchor.year
    named = Period(dt.date(year, SEASON_START_MONTH[code], 1), "season")
    current = period_of(dt.date(anchor.year, anchor.month, 1), "season")
    if offset < 0 and named >= current:
        named = shift(named, -4)
    elif offset > 0 and named <= current:
        named = shift(named, 4)
    return named


def weekday_near(weekday: int, anchor: dt.date, offset: int = 0) -> dt.date:
    """A weekday (0 = Monday) relative to `anchor`: the latest on or before it (offset 0), the
    latest strictly before it (-1), or the first strictly after it (+1)."""
    back = (anchor.weekday() - weekday) % 7
    if offset > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if offset < 0 and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def counted_weekday(weekday: int, anchor: dt.date, count: int) -> dt.date:
    """The `count`th `weekday` strictly after `anchor` (count < 0: strictly before): "three
    Fridays from now", "two Thursdays ago"."""
    first = weekday_near(weekday, anchor, 1 if count > 0 else -1)
    return first + dt.timedelta(weeks=count - 1 if count > 0 else count + 1)


def nearest(days: list[dt.date], anchor: dt.date, direction: int = 0) -> dt.date | None:
    """The day of `days` closest to `anchor`; with `direction` 1 the first not before it, -1 the
    last not after it (a tie between two equally near days goes to the earlier)."""
    if direction > 0:
        days = [day for day in days if day >= anchor]
    elif direction < 0:
        days = [day for day in days if day <= anchor]
    return min(days, key=lambda day: (abs((day - anchor).days), day), default=None)


def days_of_month_on(weekday: int, day: int, anchor: dt.date, months: int = 12) -> list[dt.date]:
    """The dates within `months` months of `anchor` that are day `day` of their month and fall on
    `weekday` ("Friday the 26th")."""
    found = []
    for offset in range(-months, months + 1):
        start = add_months(anchor.replace(day=1), offset)
        if day <= calendar.monthrange(start.year, start.month)[1]:
            candidate = start.replace(day=day)
            if candidate.weekday() == weekday:
                found.append(candidate)
    return found


def years_of_day_on(
    weekday: int, month: int, day: int, anchor: dt.date, years: int = 12
) -> list[dt.date]:
    """The dates within `years` years of `anchor` that are `month`-`day` on `weekday` ("Fri,
    Jul 18": the weekday fixes the year)."""
    found = []
    for year in range(anchor.year - years, anchor.year + years + 1):
        if 1 <= year <= 9999 and day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate.weekday() == weekday:
                found.append(candidate)
    return found


def shift_by(period: Period, unit: Unit, count: int) -> Period | None:
    """`period` moved by `count` units of another size, keeping its own granularity ("two weeks
    later" after a day is a day; "two years later" after 2019 is a year). None when the move is
    finer than what the period knows (a month after "2019") or does not fit it (weeks and months).
    """
    if period.unit == "day":
        if unit == "day":
            return shift(period, count)
        if unit == "week":
            return shift(period, 7 * count)
        return Period(add_months(period.start, count * UNIT_MONTHS[unit]), "day")
    if period.unit == "week" or unit in ("day", "week"):
        return shift(period, count) if unit == period.unit else None
    months = count * UNIT_MONTHS[unit]
    if UNIT_MONTHS[unit] % UNIT_MONTHS[period.unit]:
        return None
    return Period(add_months(period.start, months), period.unit)


def anchor_as_period(anchor: PartialDate) -> Period:
    """The publication date as a period of its own precision (`2018-09` is a month)."""
    unit: Unit = anchor.precision  # type: ignore[assignment]
    return Period(dt.date(anchor.year, anchor.month or 1, anchor.day or 1), unit)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (0 = Monday) of a month; `nth` -1 is the last one ("the last Monday
    of May"). Raises ValueError when the month has no such day (a fifth Monday)."""
    if nth < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
        if day.month != month:
            raise ValueError(f"no {nth}th weekday {weekday} in {year}-{month:02d}")
        return day
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if day.month != month:
        raise ValueError(f"no {nth}th weekday {weekday} in {year}-{month:02d}")
    return day


def nth_week(container: Period, nth: int) -> Period | None:
    """The `nth` week (-1: the last) of a month or year. A year counts ISO weeks ("the last week
    of 2019" is 2019-W52); a month counts the weeks that hold its first and last days, as a
    reader of "the first week of October" expects October 1 to be in it."""
    if container.unit == "year":
        year = container.start.year
        weeks = dt.date(year, 12, 28).isocalendar()[1]
        number = weeks + nth + 1 if nth < 0 else nth
        if not 1 <= number <= weeks:
            return None
        return Period(dt.date.fromisocalendar(year, number, 1), "week")
    if container.unit != "month":
        return None
    start = container.start
    last = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if nth < 0:
        week = shift(period_of(last, "week"), nth + 1)
        return week if week.start + dt.timedelta(days=6) >= start else None
    week = shift(period_of(start, "week"), nth - 1)
    return week if week.start <= last else None


def nth_day(container: Period, nth: int) -> Period | None:
    """The `nth` day (-1: the last) of a month or year ("the last day of October")."""
    if container.unit not in ("month", "year"):
        return None
    following = shift(container, 1).start
    day = following + dt.timedelta(days=nth) if nth < 0 else container.start + dt.timedelta(nth - 1)
    return Period(day, "day") if container.start <= day < following else None
