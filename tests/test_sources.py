"""The source of a figure: who the sentence credits with it, or nobody."""

from __future__ import annotations

import pytest


def figure_sources(nlp, text):
    claims = nlp(text)._.claims
    return [(c.item.text, c.source) for c in claims if c.kind in ("money", "quantity")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "According to a university study, 40 percent of the wells had run dry.",
            "university study",
        ),
        ("Officials said 120 families were moved to the school gym.", "Officials"),
        ("The audit found that 2,000 invoices were never paid.", "audit"),
        (
            "A new plan from the regional council says $4 million will go to ferries.",
            "regional council",
        ),
        ("Ferries carried 9,000 passengers, the port authority said.", "port authority"),
        (
            "According to the website FareWatch.org, 64 percent of fares rose this winter.",
            "FareWatch.org",
        ),
        (
            "An article in the Northern Grain Journal says $3 million was spent on silos.",
            "Northern Grain Journal",
        ),
    ],
)
def test_a_figure_is_credited_to_the_person_body_or_text_the_sentence_names(nlp, text, source):
    ((_, found),) = figure_sources(nlp, text)
    assert found == source


@pytest.mark.parametrize(
    "text",
    [
        "The new figure reveals that 300 homes were lost in the fire.",
        "The data suggest that 12 percent of voters changed their minds.",
        "The latest estimates indicate that 70 boats sank in the harbour.",
        "Rains flooded 300 homes along the river.",
    ],
)
def test_a_figure_credits_nobody_when_the_sentence_names_only_a_figure(nlp, text):
    ((_, found),) = figure_sources(nlp, text)
    assert found is None


def test_of_two_sources_in_a_sentence_a_figure_is_credited_to_the_one_whose_words_hold_it(nlp):
    text = (
        "A spokesman for the Harbour Trust speculated that the bill could pass $90 million, and "
        "a city official said that repairs might cost $40 million in the old port alone."
    )
    assert figure_sources(nlp, text) == [
        ("$90 million", "spokesman for the Harbour Trust"),
        ("$40 million", "city official"),
    ]
