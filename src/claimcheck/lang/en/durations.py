"""English words for reading how long something took or lasts (`extraction.durations`): units of
time in days, the verbs whose object is a stretch of time, and the counts that say "more than
one" without a number.
"""

from __future__ import annotations

#: Lemma of a unit of time -> its length in days (a month and a year as they average out).
UNIT_DAYS: dict[str, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
    "decade": 3650.0,
}
#: Verbs whose object is how long their subject took or lasts ("logistics will take weeks",
#: "the blackout lasted three days").
LASTING_VERBS = frozenset({"take", "last"})
#: Verbs of state whose subject is what lasts ("the plant was closed for a week", "he has been
#: at the plant for 37 years"): their stretch is how long the subject was so.
STATE_VERBS = frozenset({"be", "remain", "stay"})
#: Of the verbs of lasting, those that say how long until something is done: a delay, as is a
#: negated verb with its stretch ("may not receive aid for two weeks").
DELAY_VERBS = frozenset({"take"})
#: Nouns a stretch of time is put as an apposition to ("will take time, possibly weeks").
TIME_NOUNS = frozenset({"time", "while"})
#: Determiners that put a unit on the calendar rather than count it ("for this month", "for
#: the next week") unless a word of length follows ("for the past two weeks").
CALENDAR_DETERMINERS = frozenset({"this", "that", "these", "those", "the", "next", "last"})
#: Words after "the" that make it a stretch up to now ("for the past two weeks").
STRETCH_WORDS = frozenset({"past", "last", "previous"})
#: Counts with no number that mean more than one ("several weeks", "a few days").
VAGUE_COUNTS = frozenset({"several", "few", "many", "some"})
