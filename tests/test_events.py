"""What an article says was done to what (`struggling to bury the bodies of the dead`), and when
two outlets tell one event."""

from __future__ import annotations

import pytest


def events(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.action, e.patient) for e in nlp(text)._.events]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The nations are struggling to bury the bodies of the dead.", ("bury", "dead")),
        ("Officials continue to struggle with burying the dead.", ("bury", "dead")),
        (
            "The Philadelphia 76ers fired Coach Maurice Cheeks on Saturday.",
            ("fire", "maurice cheeks"),
        ),
        ("On Saturday, Cheeks was fired as head coach.", ("fire", "cheeks")),
        ("Police evacuated thousands of residents overnight.", ("evacuate", "resident")),
        ("The gunman shot three people in the office.", ("shoot", "three people")),
        ("The Angels offered an eight-year contract to Mark Teixeira.", ("offer", "year contract")),
    ],
)
def test_an_event_is_read_with_its_action_and_patient(nlp, sentence, event):
    assert event in events(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The officers did not bury the dead.",  # negated: no burial is told
        "Hit the jump for more details.",  # an order to the reader
        "The man burst in and opened fire.",  # a bare noun: an idiom with its verb
        "The logistics will take time.",  # a light verb
        "The minister said the plan would work.",  # saying: reported speech's own kind
        "The death toll rose to 60,000.",  # change: a trend
        "They found a way out.",  # a vague object
        "The top earner is Universal Pictures' Meet the Fockers.",  # a word of a title
        "It is the sequel to 2000's Meet the Parents.",
    ],
)
def test_what_is_no_event(nlp, sentence):
    assert events(nlp, sentence) == []


def test_one_event_told_in_other_words_agrees(pairs_between):
    pairs = pairs_between(
        "The nations struck by the catastrophe are struggling to bury the bodies of the dead.",
        "Officials continue to struggle with burying the dead and delivering provisions.",
        "event",
    )
    assert [(p.verdict, p.a.item.action, p.a.item.patient) for p in pairs] == [
        ("agree", "bury", "dead")
    ]


def test_one_phrase_in_two_stories_is_not_one_event(pairs_between):
    """An act on a common noun with nothing else in common is a phrase, not an event."""
    assert not pairs_between(
        "Two people have been killed in a shooting at the plant.",
        "It is a crime where people are killed or injured.",
        "event",
    )
    assert not pairs_between(  # "his" is no word of the event's context
        "The receiver says he looks forward to proving his innocence.",
        "The lineman said in a statement that he is proving his innocence.",
        "event",
    )


def test_one_act_with_other_participants_is_another_event(pairs_between):
    """Cheeks fired by the Blazers and fired by the 76ers: two firings."""
    assert not pairs_between(
        "Cheeks was fired from the Blazers in the middle of his fourth season.",
        "The Philadelphia 76ers fired Maurice Cheeks on Saturday.",
        "event",
    )


def test_one_act_dated_apart_is_two_events(pairs_between):
    assert not pairs_between(
        "In December 2008, three men emptied the stock of the Harry Winston store.",
        "In August 2013, three men emptied the stock of the Harry Winston store.",
        "event",
    )
    assert pairs_between(
        "In December 2008, three men emptied the stock of the Harry Winston store.",
        "In December 2008, three robbers emptied almost all of the stock of the Harry Winston "
        "store.",
        "event",
    )


def test_different_counts_are_different_acts(pairs_between):
    """ "spent 19 seasons" and "spent four seasons": the quantities compare the figures."""
    assert not pairs_between(
        "DiLeo has spent 19 seasons with the 76ers.",
        "Before that, DiLeo spent four seasons with the 76ers.",
        "event",
    )


def test_an_event_restated_by_paired_figures_is_reported_once(pairs_between):
    pairs = pairs_between(
        "Police evacuated 4,000 residents of the town on Monday.",
        "Police evacuated 4,000 residents of the town.",
        "event",
    )
    assert pairs == []


def test_one_event_told_by_many_outlets_is_one_fact_from_a_few_pairs_each(nlp):
    """Each claim of a kind that only agrees keeps `agree_only_candidates` partners: twelve
    outlets telling one burial make one fact of twelve claims, not 66 pairs."""
    from claimcheck.comparison.align import compare
    from claimcheck.comparison.config import CompareConfig
    from claimcheck.comparison.facts import build_comparison
    from claimcheck.extraction.pipeline import extract_articles
    from claimcheck.model import Article, PartialDate

    articles = [
        Article(
            f"a{n:02d}",
            f"a{n:02d}.md",
            "Officials in Aceh are struggling to bury the bodies of the dead.",
            outlet=f"Outlet {n}",
            published=PartialDate.parse("2004-12-28"),
        )
        for n in range(12)
    ]
    by_id = {a.id: a for a in articles}
    claims = [c for r in extract_articles(articles, nlp) for c in r.claims]
    config = CompareConfig(agree_only_candidates=3)
    events = [p for p in compare(claims, by_id, config) if p.kind == "event"]
    assert 12 <= len(events) <= 12 * 3
    facts = [f for f in build_comparison(events, by_id).facts if f.kind == "event"]
    assert len(facts) == 1 and len({c.article for c in facts[0].claims}) == 12
