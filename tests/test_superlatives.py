"""Records an article claims (`the highest risk of earth impact to date`): which superlatives
are records, and when two outlets' records are one fact."""

from __future__ import annotations

import pytest


def records(nlp, text: str) -> list[tuple[str, str]]:
    return [(s.degree, s.text) for s in nlp(text)._.superlatives]


@pytest.mark.parametrize(
    ("sentence", "degree", "record"),
    [
        (
            "The asteroid has the highest risk of earth impact to date.",
            "high",
            "the highest risk of earth impact to date",
        ),
        (
            "It will make one of the closest passes of Earth ever seen.",
            "close",
            "one of the closest passes of Earth",
        ),
        ("The asteroid will come closest to the Earth in 2029.", "close", "closest to the Earth"),
        ("The storm was the country's deadliest in a decade.", "deadly", "deadliest in a decade"),
        (
            "The quake sparked the worst floods in history along the coast.",
            "bad",
            "the worst floods in history",
        ),
        ("It was the most powerful storm on record.", "powerful", "the most powerful storm"),
    ],
)
def test_a_record_is_read_with_what_it_is_the_most_of(nlp, sentence, degree, record):
    assert any(d == degree and record in text for d, text in records(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The most likely contender for the top spot is the sequel.",  # a hedge
        "At least 30 people died, and at most 40.",  # qualifiers
        "The latest figures were released on Monday.",  # recency
        "Most people stayed at home.",  # a quantity
        "We send our deepest condolences to the families.",  # the speaker's own
        "Aid is slow to reach the most remote areas.",  # a class, not a record
        "The biggest was never found.",  # the most of nothing
        "It is in the best interest of the team.",  # taste and idiom
    ],
)
def test_what_is_no_record(nlp, sentence):
    assert records(nlp, sentence) == []


def test_one_record_told_in_other_words_agrees(pairs_between):
    pairs = pairs_between(
        "NASA announced that the asteroid has the highest risk of earth impact to date.",
        "The rank was upgraded on Friday, giving it the highest score ever for a near-Earth "
        "asteroid.",
        "superlative",
    )
    assert [(p.verdict, p.a.item.degree) for p in pairs] == [("agree", "high")]
    assert "earth" in pairs[0].explanation


def test_records_of_different_degrees_or_things_are_not_paired(pairs_between):
    assert not pairs_between(
        "The asteroid has the highest risk of earth impact to date.",
        "The asteroid is the largest object to pass Earth this year.",
        "superlative",
    )
    assert not pairs_between(
        "The flood was the worst disaster in the city's history.",
        "The drought made it the worst season for farmers.",
        "superlative",
    )


def test_the_same_record_of_two_stories_is_two_facts(pairs_between):
    """Each sentence names where its record happened, and neither article names the other's
    place: "the biggest heist" in Paris and in Cannes are two heists."""
    assert not pairs_between(
        "Robbers stole jewels from a store in Paris in one of the biggest jewel heists in history.",
        "A gunman took gems from the Carlton hotel in Cannes in one of the biggest heists ever.",
        "superlative",
    )
