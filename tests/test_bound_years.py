"""A bound is weak evidence: it does not join two occurrences years apart."""

from __future__ import annotations

CRANE = (
    "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and "
    "wounding 238, according to Saudi Arabia's Civil Defense Authority."
)
HOTEL = (
    "Last week, at least 76 people were killed when the Al-Ghaza Hotel near the Masjid Al-Haram "
    "(Grand Mosque) collapsed, the cause of which is unknown."
)


def test_a_bound_does_not_join_two_disasters_years_apart(pairs_between):
    """107 or more killed in 2015, at least 76 killed in 2006: two disasters, not one toll."""
    assert not pairs_between(CRANE, HOTEL, "quantity", dates=("2015-09-12", "2006-01-12"))


def test_the_same_bound_weeks_apart_still_agrees(pairs_between):
    pairs = pairs_between(CRANE, HOTEL, "quantity", dates=("2015-09-12", "2015-10-12"))
    assert [p.verdict for p in pairs] == ["agree"]
