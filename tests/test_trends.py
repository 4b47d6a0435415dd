"""Which way an article says a measure went (`the probability of collision is expected to
decrease`), and when two outlets' trends are one fact."""

from __future__ import annotations

import pytest

from claimcheck.comparison.align import compare
from claimcheck.extraction.pipeline import extract_articles
from claimcheck.model import Article, PartialDate


def trends(nlp, text: str) -> list[tuple[str, str]]:
    return [(t.measure, t.direction) for t in nlp(text)._.trends]


@pytest.mark.parametrize(
    ("sentence", "trend"),
    [
        ("The death toll will continue to climb.", ("deaths", "up")),
        ("The probability of collision with earth is expected to decrease.", ("odds", "down")),
        ("The asteroid's assessed risk has been corrected downward.", ("odds", "down")),
        ("The company cut 9,000 jobs last year.", ("jobs", "down")),
        ("Japan raised its pledge on Saturday.", ("aid", "up")),
        ("Hundreds of jobs were slashed in the spring.", ("jobs", "down")),
    ],
)
def test_a_trend_is_read_with_its_measure_and_direction(nlp, sentence, trend):
    assert trend in trends(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tensions rose along the border.",  # a measure the table does not know
        "The toll was corrected on Monday.",  # no direction
        "Public anger rose sharply.",
        "The river rose overnight.",
    ],
)
def test_what_is_no_trend(nlp, sentence):
    assert trends(nlp, sentence) == []


def test_one_trend_told_in_other_words_agrees(pairs_between):
    pairs = pairs_between(
        "As scientists gather more data, the probability of collision with earth is expected "
        "to decrease.",
        "According to the program, the asteroid's assessed risk has been corrected downward.",
        "trend",
    )
    assert [(p.verdict, p.a.item.measure, p.a.item.direction) for p in pairs] == [
        ("agree", "odds", "down")
    ]


def test_opposite_trends_and_other_measures_are_not_paired(pairs_between):
    """Without the times each held, "rose" and "fell" may both be right."""
    assert not pairs_between("The death toll rose on Monday.", "The death toll fell.", "trend")
    assert not pairs_between("The death toll rose on Monday.", "Aid pledges rose.", "trend")


def test_a_trend_restated_by_paired_figures_is_reported_once(nlp):
    """ "Rose to 60,000" / "rose to 80,000": the figures' revision says it all; no trend pair."""
    articles = [
        Article(
            "one",
            "one.md",
            "The death toll has risen to 60,000 people.",
            outlet="Wire",
            published=PartialDate.parse("2004-12-28"),
        ),
        Article(
            "two",
            "two.md",
            "The death toll continues to rise, passing 80,000 people.",
            outlet="Daily",
            published=PartialDate.parse("2004-12-29"),
        ),
    ]
    claims = [c for r in extract_articles(articles, nlp) for c in r.claims]
    assert {c.kind for c in claims} >= {"trend", "quantity"}
    pairs = compare(claims, {a.id: a for a in articles})
    assert [p.kind for p in pairs] == ["quantity"]


def test_a_trend_fact_is_named_by_its_measure():
    """The report's header and the values export name a trend fact by what changes ("odds")."""
    from claim_factory import claim
    from claimcheck.comparison.facts import measure_of
    from claimcheck.model import Trend

    text = "the risk was corrected downward"
    found = claim("a", Trend(text, 0, len(text), "odds", "down"), f"Then {text}.")
    assert measure_of(found) == "odds"
