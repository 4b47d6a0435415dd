"""How long an article says something took or lasts ("will take time, possibly weeks"), and when
two outlets' durations are one fact."""

from __future__ import annotations

import pytest


def durations(nlp, text: str) -> list[tuple[str, str, float | None, float | None, str]]:
    return [(d.measure, d.sense, d.low, d.high, d.length) for d in nlp(text)._.durations]


@pytest.mark.parametrize(
    ("sentence", "duration"),
    [
        (
            "Officials warned that shipping the aid to stricken regions will take time, "
            "possibly weeks.",
            ("aid", "delay", 14.0, None, "possibly weeks"),
        ),
        (
            "Some places may not receive aid for up to two weeks.",
            ("aid", "delay", None, 14.0, "up to two weeks"),
        ),
        ("The blackout lasted three days.", ("blackout", "span", 3.0, 3.0, "three days")),
        (
            "The plant was closed for more than a week.",
            ("close plant", "span", 7.0, None, "more than a week"),
        ),
        (
            "For more than a week, Greece has been shaken by riots.",
            ("shake greece", "span", 7.0, None, "more than a week"),
        ),
        (
            "Trump has been in office for two years.",
            ("trump office", "span", 730.0, 730.0, "two years"),
        ),
        ("The roads remained closed for days.", ("road closed", "span", 2.0, None, "days")),
        (
            "Workers have transported the shuttles for the last 30 years.",
            ("transport shuttle", "span", 10950.0, 10950.0, "the last 30 years"),
        ),
    ],
)
def test_a_duration_is_read_with_its_measure_sense_and_bounds(nlp, sentence, duration):
    assert durations(nlp, sentence) == [duration]


@pytest.mark.parametrize(
    "sentence",
    [
        "An arraignment was scheduled for this month.",  # a month on the calendar
        "It will take weeks.",  # nothing to say what takes them
        "He stayed for a week.",  # a pronoun, and no state
        "They met for the first time in years.",  # "time" is no unit
        "The vote is set for next week.",
        "Prices rose 5 percent over three years.",  # not "for": a figure's period
    ],
)
def test_what_is_no_duration(nlp, sentence):
    assert durations(nlp, sentence) == []


def test_two_delays_of_one_measure_whose_lengths_overlap_agree(pairs_between):
    """ "Possibly weeks" is at least two weeks, "up to two weeks" at most: they meet at two."""
    pairs = pairs_between(
        "The UN relief chief warned that securing the funds and shipping supplies to stricken "
        "regions will take time, possibly weeks.",
        "Regional officials warn that some places may not receive aid for up to two weeks.",
        "duration",
    )
    assert [(p.verdict, p.a.item.measure, p.a.item.sense) for p in pairs] == [
        ("agree", "aid", "delay")
    ]


def test_lengths_apart_are_not_paired_and_never_conflict(pairs_between):
    """A stretch still running grows between two reports: three days and two weeks of one
    blackout are both right when each was written."""
    assert not pairs_between(
        "The blackout in Caracas lasted three days.",
        "The blackout in Caracas lasted two weeks.",
        "duration",
    )


def test_a_delay_is_not_a_span(pairs_between):
    """ "Will take weeks" (until aid arrives) and "for weeks" (how long it kept coming) are two
    measures of the aid."""
    assert not pairs_between(
        "Officials said that shipping the aid to Aceh will take weeks.",
        "Officials said that Aceh has received aid for weeks.",
        "duration",
    )


def test_a_phrase_the_table_does_not_know_needs_a_name_both_sentences_give(pairs_between):
    """ "The talks lasted two days" in two stories is a phrase, not one fact, unless the two
    sentences name the same talks."""
    assert not pairs_between(
        "The talks lasted two days.", "In Geneva, the talks lasted two days.", "duration"
    )
    pairs = pairs_between(
        "The talks in Geneva lasted two days.",
        "In Geneva, the talks lasted two days, officials said.",
        "duration",
    )
    assert [p.verdict for p in pairs] == ["agree"]


def test_a_state_is_part_of_what_lasts(pairs_between):
    """Two years in office and years as a Republican are two stretches of one man's life."""
    assert not pairs_between(
        "Trump has been in office for two years.",
        "Trump has been a Republican for years.",
        "duration",
    )
    pairs = pairs_between(
        "Trump has been in office for two years.",
        "Trump has been in office for years, aides said.",
        "duration",
    )
    assert [p.verdict for p in pairs] == ["agree"]


def test_durations_dated_years_apart_are_not_paired(pairs_between):
    assert not pairs_between(
        "Some places may not receive aid for up to two weeks.",
        "Some villages will not receive aid for two weeks.",
        "duration",
        dates=("2004-12-29", "2010-01-14"),
    )
