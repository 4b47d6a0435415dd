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

from collections.abc import Sequence

from claimcheck.extraction.dates.holiday_rules import HolidayRule
from claimcheck.lang.en.holidays import HOLIDAY_JOINERS, HOLIDAY_NAMES

__all__ = ["HolidayRule", "find_holiday", "holiday_patterns", "holiday_word"]


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
