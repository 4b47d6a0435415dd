"""How a holiday's day is found in a given year: a fixed day, the nth weekday of a month, a
distance from Easter, or a day of a lunar or lunisolar calendar (from the `holidays` package,
which keeps the astronomical tables a guess must not stand in for).

The rules are the same in every language; which names call which rule is language data
(`claimcheck.lang.en.holidays`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from holidays.calendars import (
    _BuddhistLunisolar,
    _ChineseLunisolar,
    _HebrewLunisolar,
    _HinduLunisolar,
    _IslamicLunar,
    _Persian,
)

from claimcheck.extraction.dates.timex import nth_weekday

#: A holiday's day in a year (None for a year its calendar's tables do not hold); None for
#: holidays whose day no calendar here gives ("Eid" alone names two feasts).
HolidayRule = Callable[[int], dt.date | None] | None

MONDAY, TUESDAY, THURSDAY, FRIDAY, SUNDAY = 0, 1, 3, 4, 6


def _fixed(month: int, day: int, year: int) -> dt.date:
    return dt.date(year, month, day)


def _nth(month: int, weekday: int, nth: int, days_after: int, year: int) -> dt.date:
    return nth_weekday(year, month, weekday, nth) + dt.timedelta(days=days_after)


def _from_easter(days: int, method: int, year: int) -> dt.date:
    return easter(year, method) + dt.timedelta(days=days)


def fixed(month: int, day: int) -> HolidayRule:
    return partial(_fixed, month, day)


def nth(month: int, weekday: int, count: int, days_after: int = 0) -> HolidayRule:
    """The `count`th `weekday` of `month` (-1: the last), moved by `days_after` days."""
    return partial(_nth, month, weekday, count, days_after)


def from_easter(days: int, orthodox: bool = False) -> HolidayRule:
    return partial(_from_easter, days, EASTER_ORTHODOX if orthodox else EASTER_WESTERN)


def _days_in(found: object, year: int) -> list[dt.date]:
    """The days of `year` in what a `holidays` calendar returns: a date, None, a set of dates,
    a (date, estimated) pair or several of them (an Islamic feast may fall twice in a year)."""
    if found is None:
        return []
    if isinstance(found, dt.date):
        return [found] if found.year == year else []
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return _days_in(found[0], year)
    return sorted(day for item in found for day in _days_in(item, year))  # type: ignore[attr-defined]


def _from_calendar(days_of: Callable[[int], object], year: int) -> dt.date | None:
    days = _days_in(days_of(year), year)
    return days[0] if days else None


def lunar(calendar: object, method: str) -> HolidayRule:
    """The first day in a year of a holiday of a lunar or lunisolar calendar, from that
    calendar's method in the `holidays` package (`eid_al_fitr_dates`, `diwali_date`...)."""
    return partial(_from_calendar, getattr(calendar, method))


#: The lunar and lunisolar calendars of the `holidays` package, whose methods give a feast's days.
ISLAMIC, HEBREW = _IslamicLunar(), _HebrewLunisolar()
CHINESE, HINDU, BUDDHIST = _ChineseLunisolar(), _HinduLunisolar(), _BuddhistLunisolar()
PERSIAN = _Persian()
