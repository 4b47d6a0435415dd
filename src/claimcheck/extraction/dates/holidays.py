"""Named holidays: which words name one, and the day it falls on in a given year.

News dates events by holidays ("over Thanksgiving", "on Easter Monday", "Memorial Day weekend").
Most Western holidays are either a fixed day, the nth weekday of a month, or a fixed distance
from Easter, so one small rule per holiday gives its day in any year. Holidays of lunar
calendars (Eid, Diwali, Passover, Chinese New Year) need astronomical tables, which a guess must
not stand in for: the `holidays` package keeps them (Umm al-Qura for the Islamic calendar, the
Hebrew, Chinese and Hindu lunisolar calendars, 1901-2100 for most), so its calendars give those
days, and a year outside its tables stays unresolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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
#: Tokens between or after a holiday's words that are not part of its name ("New Year's Eve").
HOLIDAY_JOINERS = frozenset({"'s", "’s", "'", "’", "-"})


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


_ISLAMIC, _HEBREW = _IslamicLunar(), _HebrewLunisolar()
_CHINESE, _HINDU, _BUDDHIST = _ChineseLunisolar(), _HinduLunisolar(), _BuddhistLunisolar()
#: Holidays of lunar and lunisolar calendars, by name; a feast of several days ("Hanukkah",
#: "Passover", the month "Ramadan") is its first day, as a range is its start.
LUNAR_HOLIDAYS: dict[str, HolidayRule] = {
    **dict.fromkeys(
        ["eid al fitr", "eid ul fitr"],
        lunar(_ISLAMIC, "eid_al_fitr_dates"),
    ),
    **dict.fromkeys(
        ["eid al adha", "eid ul adha", "bakrid", "feast of the sacrifice", "sacrifice feast"],
        lunar(_ISLAMIC, "eid_al_adha_dates"),
    ),
    "ramadan": lunar(_ISLAMIC, "ramadan_beginning_dates"),
    **dict.fromkeys(
        ["islamic new year", "hijri new year"], lunar(_ISLAMIC, "hijri_new_year_dates")
    ),
    **dict.fromkeys(["ashura", "day of ashura"], lunar(_ISLAMIC, "ashura_dates")),
    **dict.fromkeys(
        ["mawlid", "mawlid al nabi", "mawlid al nabawi", "mawlid an nabawi"],
        lunar(_ISLAMIC, "mawlid_dates"),
    ),
    **dict.fromkeys(
        ["laylat al qadr", "laylat al kadr", "night of power"],
        lunar(_ISLAMIC, "laylat_al_qadr_dates"),
    ),
    **dict.fromkeys(["isra and mi'raj", "isra mi'raj"], lunar(_ISLAMIC, "isra_and_miraj_dates")),
    **dict.fromkeys(["rosh hashanah", "rosh hashana"], lunar(_HEBREW, "rosh_hashanah_date")),
    "yom kippur": lunar(_HEBREW, "yom_kippur_date"),
    **dict.fromkeys(["sukkot", "succot", "succos"], lunar(_HEBREW, "sukkot_date")),
    **dict.fromkeys(["hanukkah", "chanukah", "hanukah"], lunar(_HEBREW, "hanukkah_date")),
    **dict.fromkeys(["passover", "pesach"], lunar(_HEBREW, "passover_date")),
    "shavuot": lunar(_HEBREW, "shavuot_date"),
    "purim": lunar(_HEBREW, "purim_date"),
    "tisha b'av": lunar(_HEBREW, "tisha_bav_date"),
    **dict.fromkeys(
        ["chinese new year", "chinese new year day", "lunar new year", "lunar new year day"],
        lunar(_CHINESE, "lunar_new_year_date"),
    ),
    "mid autumn festival": lunar(_CHINESE, "mid_autumn_date"),
    "dragon boat festival": lunar(_CHINESE, "dragon_boat_date"),
    **dict.fromkeys(["qingming", "qingming festival"], lunar(_CHINESE, "qingming_date")),
    **dict.fromkeys(["diwali", "deepavali"], lunar(_HINDU, "diwali_date")),
    "holi": lunar(_HINDU, "holi_date"),
    **dict.fromkeys(["dussehra", "vijayadashami"], lunar(_HINDU, "dussehra_date")),
    **dict.fromkeys(["navratri", "navaratri"], lunar(_HINDU, "sharad_navratri_date")),
    "ganesh chaturthi": lunar(_HINDU, "ganesh_chaturthi_date"),
    **dict.fromkeys(["janmashtami", "krishna janmashtami"], lunar(_HINDU, "janmashtami_date")),
    "raksha bandhan": lunar(_HINDU, "raksha_bandhan_date"),
    "onam": lunar(_HINDU, "onam_date"),
    "pongal": lunar(_HINDU, "pongal_date"),
    "makar sankranti": lunar(_HINDU, "makar_sankranti_date"),
    **dict.fromkeys(
        ["maha shivaratri", "mahashivratri", "maha shivratri"],
        lunar(_HINDU, "maha_shivaratri_date"),
    ),
    **dict.fromkeys(["vaisakhi", "baisakhi", "vaishakhi"], lunar(_HINDU, "vaisakhi_date")),
    **dict.fromkeys(["karva chauth", "karwa chauth"], lunar(_HINDU, "karwa_chauth_date")),
    **dict.fromkeys(["chhath", "chhath puja"], lunar(_HINDU, "chhath_puja_date")),
    **dict.fromkeys(["ram navami", "rama navami"], lunar(_HINDU, "ram_navami_date")),
    "mahavir jayanti": lunar(_HINDU, "mahavir_jayanti_date"),
    "guru nanak jayanti": lunar(_HINDU, "guru_nanak_jayanti_date"),
    "thaipusam": lunar(_HINDU, "thaipusam_date"),
    **dict.fromkeys(["ugadi", "yugadi", "gudi padwa"], lunar(_HINDU, "gudi_padwa_date")),
    **dict.fromkeys(["basant panchami", "vasant panchami"], lunar(_HINDU, "basant_panchami_date")),
    "govardhan puja": lunar(_HINDU, "govardhan_puja_date"),
    **dict.fromkeys(["rath yatra", "ratha yatra"], lunar(_HINDU, "rath_yatra_date")),
    "hanuman jayanti": lunar(_HINDU, "hanuman_jayanti_date"),
    "guru ravidas jayanti": lunar(_HINDU, "guru_ravidas_jayanti_date"),
    **dict.fromkeys(
        ["valmiki jayanti", "maharishi valmiki jayanti"],
        lunar(_HINDU, "maharshi_valmiki_jayanti_date"),
    ),
    "guru gobind singh jayanti": lunar(_HINDU, "guru_gobind_singh_jayanti_date"),
    **dict.fromkeys(["vesak", "buddha purnima"], lunar(_BUDDHIST, "vesak_date")),
    **dict.fromkeys(["nowruz", "norouz", "persian new year"], lunar(_Persian(), "new_year_date")),
}

#: Holiday names as lower-case words without possessives or dots ("st patrick day" stands for
#: "St. Patrick's Day"); a word may also appear with a plural "s" ("new years eve").
#: US dates where countries differ (Mother's Day, Labor Day, Thanksgiving), as most English news
#: that names them without a country is American.
HOLIDAY_NAMES: dict[str, HolidayRule] = {
    "new year day": fixed(1, 1),
    "new year eve": fixed(12, 31),
    "christmas": fixed(12, 25),
    "christmas day": fixed(12, 25),
    "xmas": fixed(12, 25),
    "christmas eve": fixed(12, 24),
    "boxing day": fixed(12, 26),
    "halloween": fixed(10, 31),
    "valentine": fixed(2, 14),
    "valentine day": fixed(2, 14),
    "st patrick day": fixed(3, 17),
    "saint patrick day": fixed(3, 17),
    "st paddy day": fixed(3, 17),
    "saint paddy day": fixed(3, 17),
    "groundhog day": fixed(2, 2),
    "earth day": fixed(4, 22),
    "international workers day": fixed(5, 1),
    "independence day": fixed(7, 4),
    "juneteenth": fixed(6, 19),
    "bastille day": fixed(7, 14),
    "canada day": fixed(7, 1),
    "australia day": fixed(1, 26),
    "veteran day": fixed(11, 11),
    "armistice day": fixed(11, 11),
    "remembrance day": fixed(11, 11),
    "all saint day": fixed(11, 1),
    "martin luther king day": nth(1, MONDAY, 3),
    "martin luther king jr day": nth(1, MONDAY, 3),
    "mlk day": nth(1, MONDAY, 3),
    "civil rights day": nth(1, MONDAY, 3),
    "mlk jr day": nth(1, MONDAY, 3),
    "president day": nth(2, MONDAY, 3),
    "washington birthday": nth(2, MONDAY, 3),
    "mother day": nth(5, SUNDAY, 2),
    "memorial day": nth(5, MONDAY, -1),
    "father day": nth(6, SUNDAY, 3),
    "labor day": nth(9, MONDAY, 1),
    "labour day": nth(9, MONDAY, 1),
    "columbus day": nth(10, MONDAY, 2),
    "indigenous people day": nth(10, MONDAY, 2),
    "election day": nth(11, MONDAY, 1, days_after=1),
    "thanksgiving": nth(11, THURSDAY, 4),
    "thanksgiving day": nth(11, THURSDAY, 4),
    "black friday": nth(11, THURSDAY, 4, days_after=1),
    "cyber monday": nth(11, THURSDAY, 4, days_after=4),
    "easter": from_easter(0),
    "easter sunday": from_easter(0),
    "easter day": from_easter(0),
    "easter monday": from_easter(1),
    "good friday": from_easter(-2),
    "holy saturday": from_easter(-1),
    "maundy thursday": from_easter(-3),
    "holy thursday": from_easter(-3),
    "palm sunday": from_easter(-7),
    "branch sunday": from_easter(-7),
    "ash wednesday": from_easter(-46),
    "shrove tuesday": from_easter(-47),
    "mardi gras": from_easter(-47),
    "pancake day": from_easter(-47),
    "fat tuesday": from_easter(-47),
    "ascension day": from_easter(39),
    "pentecost": from_easter(49),
    "whit sunday": from_easter(49),
    "whitsunday": from_easter(49),
    "white sunday": from_easter(49),
    "whit monday": from_easter(50),
    "orthodox easter": from_easter(0, orthodox=True),
    "orthodox good friday": from_easter(-2, orthodox=True),
    "orthodox great friday": from_easter(-2, orthodox=True),
    "clean monday": from_easter(-48, orthodox=True),
    "lazarus saturday": from_easter(-8, orthodox=True),
    "eid": None,
    **LUNAR_HOLIDAYS,
}


def holiday_word(text: str) -> str:
    """A token as holiday names spell it: lower case, no possessive, no dots or apostrophes."""
    text = text.lower().replace("’", "'")
    return text.removesuffix("'s").replace("'", "").replace(".", "")


#: Names as word tuples as `holiday_word` spells them ("tisha bav" for "Tisha B'Av"), longest
#: first, so "orthodox easter" wins over "easter".
_NAMES_BY_LENGTH: list[tuple[tuple[str, ...], HolidayRule]] = sorted(
    ((tuple(map(holiday_word, name.split())), rule) for name, rule in HOLIDAY_NAMES.items()),
    key=lambda item: -len(item[0]),
)
#: Their positions in that list by first word, so a word is only tried against the names it can
#: open (a date's words are searched for a holiday once per candidate).
_NAMES_BY_FIRST_WORD: dict[str, list[int]] = {
    first: [position for position, (name, _) in enumerate(_NAMES_BY_LENGTH) if name[0] == first]
    for first in {name[0] for name, _ in _NAMES_BY_LENGTH}
}


def _same_word(word: str, name_word: str) -> bool:
    return word == name_word or word == name_word + "s"


def find_holiday(words: Sequence[str]) -> tuple[range, HolidayRule] | None:
    """Where the words name a holiday (positions in `words`) and its rule, or None."""
    kept = [
        (index, cleaned)
        for index, word in enumerate(words)
        if word not in HOLIDAY_JOINERS and (cleaned := holiday_word(word))
    ]
    for start, (_, first) in enumerate(kept):  # the first name wins: "Chinese New Year's Day"
        for name, rule in _names_opened_by(first):
            window = kept[start : start + len(name)]
            if len(window) == len(name) and all(
                _same_word(word, part) for (_, word), part in zip(window, name, strict=True)
            ):
                return range(window[0][0], window[-1][0] + 1), rule
    return None


def _names_opened_by(word: str) -> list[tuple[tuple[str, ...], HolidayRule]]:
    """The names whose first word `word` is (or is the plural of), in `_NAMES_BY_LENGTH` order."""
    positions = _NAMES_BY_FIRST_WORD.get(word, [])
    if word.endswith("s"):
        positions = sorted(positions + _NAMES_BY_FIRST_WORD.get(word[:-1], []))
    return [_NAMES_BY_LENGTH[position] for position in positions]


def holiday_patterns() -> list[list[dict]]:
    """`Matcher` patterns for every holiday name, allowing possessives, dots, plurals and hyphens
    between its words ("St. Patrick's Day", "new years eve", "Eid al-Fitr")."""
    joiner = {"ORTH": {"IN": sorted(HOLIDAY_JOINERS)}, "OP": "?"}
    patterns = []
    for name in HOLIDAY_NAMES:
        pattern: list[dict] = []
        for word in name.split():
            forms = [word, f"{word}s", f"{word}.", f"{word}'s", f"{word}’s", f"{word}s'"]
            pattern += [{"LOWER": {"IN": forms}}, joiner]
        patterns.append(pattern[:-1])
    return patterns
