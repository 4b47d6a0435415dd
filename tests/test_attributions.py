"""Reported speech without quotation marks."""

from __future__ import annotations

from claimcheck.extraction.speech.attributions import find_attributions


def attributions_of(nlp, text):
    doc = nlp(text)
    found = find_attributions(doc)
    for item in found:
        assert doc.text[item.start : item.end] == item.text
    return found


def test_said_that_clause(nlp):
    (item,) = attributions_of(nlp, "Luis Videgaray said that Mexico would take the case to the UN.")
    assert item.source == "Luis Videgaray"
    assert item.text == "Mexico would take the case to the UN"


def test_outlet_reported_after_the_content(nlp):
    (item,) = attributions_of(nlp, "The talks collapsed after two days, Reuters reported.")
    assert item.source == "Reuters" and item.text.startswith("The talks collapsed")


def test_according_to(nlp):
    (item,) = attributions_of(nlp, "According to Reuters, the talks collapsed after two days.")
    assert item.source == "Reuters" and item.cue == "according to"
    assert item.text == "the talks collapsed after two days"


def test_pronoun_source_is_resolved(nlp):
    text = "Jen Psaki met reporters on Monday. She warned that the numbers would keep rising."
    (item,) = attributions_of(nlp, text)
    assert item.source == "Jen Psaki"


def test_no_attribution_inside_or_over_a_quotation(nlp):
    text = "Maria Gonzalez said, “I think the wall will never be built.”"
    assert attributions_of(nlp, text) == []


def test_plain_statement_is_not_reported_speech(nlp):
    assert attributions_of(nlp, "The government announced a $30 billion program in June.") == []


def test_he_said_after_the_words_is_the_last_speaker_not_the_person_spoken_about(nlp):
    text = (
        "An officer stopped Jackson after he saw the truck weaving, said Officer Brad Baehr.\n\n"
        "Jackson was on probation for a previous DUI arrest, he said."
    )
    first, second = attributions_of(nlp, text)
    assert first.source == second.source == "Brad Baehr"
    assert second.text.startswith("Jackson was on probation")


def test_he_said_after_a_quote_credits_the_quoted_officer(nlp):
    text = (
        '"We stopped him on the freeway," said Officer Ray Scheidnes.\n\n'
        "Vincent Jackson failed two sobriety tests that night, he said."
    )
    (item,) = attributions_of(nlp, text)
    assert item.source == "Ray Scheidnes"


def test_a_pronoun_outside_the_reported_words_still_finds_the_person_named(nlp):
    text = "Maria Lopez was released on Monday. She said the charges would be dropped."
    (item,) = attributions_of(nlp, text)
    assert item.source == "Maria Lopez"


def test_a_person_named_after_the_body_they_speak_for_is_the_source(nlp):
    """News names the body first and then who in it speaks; the body stays the source when no
    person is named beside it."""
    text = (
        "The United Nations (UN) emergency relief coordinator Jan Egeland has said that he is "
        "optimistic about the relief effort. The World Bank, the main lender, said that the "
        "loans would be repaid."
    )
    sources = [item.source for item in attributions_of(nlp, text)]
    assert sources == ["Jan Egeland", "World Bank"]
