"""Descriptions: what an article says a named person, body or work is, and when two outlets
describe one name alike."""

from __future__ import annotations

import pytest
from spacy.language import Language


def described(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(d.name, d.text) for d in nlp(text)._.descriptions}


@pytest.mark.parametrize(
    ("sentence", "name", "description"),
    [
        (
            "Jane Ortiz, the city's chief of emergency planning, said the levee held.",
            "Jane Ortiz",
            "city's chief of emergency planning",
        ),
        (
            "The agency's regional director, Omar Haddad, warned of delays.",
            "Omar Haddad",
            "agency's regional director",
        ),
        (
            "State emergency relief coordinator Jane Ortiz has said she is optimistic.",
            "Jane Ortiz",
            "State emergency relief coordinator",
        ),
        (
            "'Harbor', starring Ana Lima and Tom Reyes, has made more than expected.",
            "Harbor",
            "starring Ana Lima and Tom Reyes",
        ),
    ],
)
def test_four_ways_news_describes_a_name(nlp, sentence, name, description):
    assert (name, description) in described(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # items of a list, not an apposition
        "The plan includes a plant in Honduras, a pipeline from Honduras to the coast, and a "
        "new railway through the region.",
        # a single word is a title many people share
        "The Hawks fired coach Maurice Cheeks on Saturday.",
        # a description never holds a figure: the figures are claims of their own
        "The charity, collecting $8 million from 100,000 donors, closed on Friday.",
        # a credit line: a colon sets off a label, not an apposition
        "The competition was held this week in Washington D.C. Image: United States Navy.",
    ],
)
def test_what_is_not_a_description(nlp, sentence):
    assert described(nlp, sentence) == set()


def test_one_name_described_alike_by_two_outlets_agrees(pairs_between):
    pairs = pairs_between(
        "On Monday, Sara Lund, the UN's chief of emergency relief, said donors were slow.",
        "The UN emergency relief coordinator Sara Lund has said she is increasingly optimistic.",
        "description",
    )
    assert [(p.verdict, p.a.item.name, p.b.item.name) for p in pairs] == [
        ("agree", "Sara Lund", "Sara Lund")
    ]
    assert "emergency" in pairs[0].explanation and "relief" in pairs[0].explanation


def test_different_descriptions_of_one_name_are_no_conflict(pairs_between):
    """A person holds several titles: a differing description is not paired at all."""
    assert not pairs_between(
        "Sara Lund, the UN's chief of emergency relief, said donors were slow.",
        "Sara Lund, a former Norwegian foreign minister, has said she is optimistic.",
        "description",
    )


def test_alike_descriptions_of_two_people_are_not_paired(pairs_between):
    assert not pairs_between(
        "Sara Lund, the UN's chief of emergency relief, said donors were slow.",
        "Omar Haddad, the UN's chief of emergency relief, said donors were slow.",
        "description",
    )


def test_a_former_title_and_the_title_are_two_times_not_one_description(pairs_between):
    assert not pairs_between(
        "Sara Lund, the former chief of emergency relief at the UN, said donors were slow.",
        "Sara Lund, the chief of emergency relief at the UN, said she is optimistic.",
        "description",
    )
    assert pairs_between(
        "Sara Lund, the former chief of emergency relief at the UN, said donors were slow.",
        "Sara Lund, a former UN chief of emergency relief, said she is optimistic.",
        "description",
    )


def test_a_line_of_capitalised_words_is_no_name_to_describe(nlp):
    """A heading or a pasted list of names runs for thousands of proper nouns: it is skipped
    whole (in one pass), while a name of a few words is kept."""
    from spacy.tokens import Doc

    from claimcheck.extraction.descriptions import MAX_NAME_TOKENS, names_in

    words = [chr(ord("A") + i % 26) + "ardon" for i in range(3000)] + ["met", "Sara", "Lund"]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN"] * 3000 + ["VERB", "PROPN", "PROPN"])
    assert [name.text for name in names_in(doc)] == ["Sara Lund"]
    assert MAX_NAME_TOKENS < 3000
