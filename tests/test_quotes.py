"""Quotations: marks, speakers (names, pronouns, roles), partial quotes and terms."""

from __future__ import annotations

import pytest

from claimcheck.extraction.speech.quote_marks import quoted_spans
from claimcheck.extraction.speech.quotes import find_quotes


def quotes_of(nlp, text):
    doc = nlp(text)
    found = find_quotes(doc)
    for quote in found:
        assert doc.text[quote.start : quote.end] == quote.text
    return found


def only_quote(nlp, text):
    found = [q for q in quotes_of(nlp, text) if q.kind == "quote"]
    assert len(found) == 1, found
    return found[0]


def texts(text):
    return [text[s.start : s.end] for s in quoted_spans(text)]


def test_curly_straight_and_mixed_marks_are_paired():
    assert texts('He said “we won” and "they lost" and “it ended."') == [
        "we won",
        "they lost",
        "it ended.",
    ]


def test_apostrophes_are_not_quotation_marks():
    assert texts("Trump’s plan and the students’ books aren’t new, it’s the ’90s.") == []


def test_single_marks_around_words_are_a_quotation():
    assert texts("The minister called it ‘a disgrace’ on Monday.") == ["a disgrace"]


def test_unbalanced_mark_stops_at_the_paragraph_end():
    text = "He said “this never closes.\n\nThe next paragraph is not quoted."
    assert texts(text) == ["this never closes."]


def test_quotation_over_two_paragraphs_is_one_segment_per_paragraph():
    text = "“First part of it.\n\n“Second part,” she said."
    spans = quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First part of it.", "Second part,"]
    assert not spans[0].closed and spans[1].continues


def test_a_closing_mark_without_an_opener_quotes_back_to_the_start_of_its_line():
    # Lines as paragraphs, and an opening mark lost in the copy: the quotation is its line, not
    # everything since the top of the article.
    text = (
        "Talks over the ferry deal were tense.\nThe mayor spoke to reporters:\n"
        "It will be hard, but we will work it out,” she said.\nVoting is on Monday."
    )
    assert texts(text) == ["It will be hard, but we will work it out,"]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not pay for the wall,” Maria Gonzalez said.",
        "Maria Gonzalez said, “We will not pay for the wall.”",
        "“We will not pay for the wall,” said Maria Gonzalez, the foreign minister.",
        "Maria Gonzalez told Reuters: “We will not pay for the wall.”",
    ],
)
def test_speaker_next_to_the_quote(nlp, text):
    assert only_quote(nlp, text).speaker == "Maria Gonzalez"


def test_split_quote_has_one_speaker(nlp):
    found = quotes_of(nlp, "“We will not pay,” Maria Gonzalez said, “and we never will.”")
    assert [q.speaker for q in found] == ["Maria Gonzalez", "Maria Gonzalez"]


def test_pronoun_speaker_is_the_person_named_before(nlp):
    text = (
        "Maria Gonzalez spoke to reporters in Mexico City on Monday. "
        "“We will not pay for the wall,” she said."
    )
    assert only_quote(nlp, text).speaker == "Maria Gonzalez"


def test_surname_resolves_to_the_full_name(nlp):
    text = (
        "Foreign Minister Luis Videgaray met the delegation. "
        "“We are not going to accept it,” Videgaray said."
    )
    assert only_quote(nlp, text).speaker == "Luis Videgaray"


def test_role_noun_resolves_to_the_person_with_that_role(nlp):
    text = (
        "Luis Videgaray, the foreign minister, arrived in Washington on Tuesday. "
        "“We are not going to accept it,” the foreign minister said."
    )
    assert only_quote(nlp, text).speaker == "Luis Videgaray"


def test_quote_after_the_speakers_sentence(nlp):
    text = (
        "Gretchen Kuhner, the director of the institute, said the system is failing. "
        "“People are waiting for months without any answer from the government.”"
    )
    assert only_quote(nlp, text).speaker == "Gretchen Kuhner"


def test_partial_quote_inside_a_sentence(nlp):
    quote = only_quote(nlp, "Luis Videgaray said his government “will not accept” the plan.")
    assert quote.partial and quote.speaker == "Luis Videgaray"


def test_full_quote_is_not_partial(nlp):
    assert not only_quote(nlp, "“We will not pay for the wall,” Maria Gonzalez said.").partial


@pytest.mark.parametrize(
    "text",
    [
        "He presented details of his $30 billion “Marshall Plan” for Central America.",
        "The money would pay for a “migrant removals pilot” in the south.",
    ],
)
def test_titles_and_scare_quotes_are_terms(nlp, text):
    found = quotes_of(nlp, text)
    assert [(q.kind, q.speaker) for q in found] == [("term", None)]


def test_group_and_outlet_speakers(nlp):
    text = "Mexican officials told the migrants, “Get in line and you can enter our country.”"
    assert only_quote(nlp, text).speaker == "Mexican officials"
    text = "“The talks have collapsed,” Reuters reported on Friday."
    assert only_quote(nlp, text).speaker == "Reuters"


def test_according_to_credits_the_source(nlp):
    text = (
        "The program was cancelled because it was “too successful,” according to Tonatiuh Guillén."
    )
    quote = only_quote(nlp, text)
    assert quote.speaker == "Tonatiuh Guillén" and quote.partial


def test_colon_after_a_clause_introduces_its_subjects_words(nlp):
    text = "Rishi Sunak defended the record: “We are working as quickly as possible on the law.”"
    assert only_quote(nlp, text).speaker == "Rishi Sunak"


def test_quotation_continued_in_the_next_paragraph_keeps_its_speaker(nlp):
    text = (
        "Maria Gonzalez said, “We will not pay for the wall.\n\n"
        "“Nobody in this government will ever agree to that plan.”"
    )
    found = quotes_of(nlp, text)
    assert [q.speaker for q in found] == ["Maria Gonzalez", "Maria Gonzalez"]


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Ruth Okafor heralded the bridge as "a lifeline for the whole valley."',
        'Mayor Ruth Okafor called the bridge "a lifeline for the whole valley."',
        'Mayor Ruth Okafor characterized the bridge as "a lifeline for the whole valley."',
    ],
)
def test_a_characterisation_credits_who_makes_it(nlp, text):
    quote = only_quote(nlp, text)
    assert quote.speaker == "Ruth Okafor"


def test_in_the_words_of_credits_the_person_named(nlp):
    text = (
        'In the words of the defence lawyer, Paul Brennan, "nobody in that room '
        'believed the witness for a second."'
    )
    assert only_quote(nlp, text).speaker == "Paul Brennan"


def test_a_statement_issued_in_the_sentence_before_credits_its_issuer(nlp):
    text = (
        "Governor Lena Marsh issued a statement on the closure of the plant. "
        '"We will fight for every one of these jobs until the last day."'
    )
    assert only_quote(nlp, text).speaker == "Lena Marsh"


def test_a_pull_quote_is_credited_to_the_name_after_the_dash(nlp):
    text = (
        "The debate went on all night.\n\n"
        '"We have waited ten years for this vote, and we will wait no longer." - Omar Haddad\n\n'
        "The council adjourned at dawn."
    )
    assert only_quote(nlp, text).speaker == "Omar Haddad"


def test_a_title_after_a_credit_line_is_a_term(nlp):
    text = (
        "The forum filled up fast.\n\n"
        '"The old guard has lost the argument and it knows it." Anonymous columnist, '
        '"Why the reform will pass"\n\n'
        "Replies poured in."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("quote", "Anonymous columnist"),
        ("term", None),
    ]


def test_a_pronoun_does_not_stand_for_the_person_the_quote_talks_about(nlp):
    text = (
        "For Dana Whitfield, a teacher at the college, Picasso was a giant. "
        'She said, "Pablo Picasso changed how every one of us sees a face."'
    )
    assert only_quote(nlp, text).speaker == "Dana Whitfield"


def test_it_says_credits_the_text_named_before(nlp):
    text = (
        "Inspectors published an audit of the harbour authority on Monday. "
        '"Cash was moved between accounts without any record," it says.'
    )
    assert only_quote(nlp, text).speaker == "audit"


def test_the_report_said_credits_the_author_named_with_the_report(nlp):
    text = (
        "A report by the Coastal Research Council came out this week. "
        '"Half of the dunes will be gone within a generation," the report said.'
    )
    assert only_quote(nlp, text).speaker == "Coastal Research Council"


def test_the_paper_said_credits_the_outlet_named_before(nlp):
    text = (
        "The Harbour Gazette obtained the minutes of the meeting. "
        '"The board knew about the leak for a year," the paper said.'
    )
    assert only_quote(nlp, text).speaker == "Harbour Gazette"


@pytest.mark.parametrize(
    "text",
    [
        'Before the vote she added the words "without delay" to the motion.',
        'Marchers carried banners with the slogan "Homes before hotels" to the square.',
    ],
)
def test_words_named_by_a_noun_for_words_are_a_term(nlp, text):
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("term", None)


def test_a_reporters_question_is_the_reporters_not_the_answerers(nlp):
    text = (
        "Mayor Dana Cole took questions after the flood.\n\n"
        '"Will the dam hold through the weekend?" a reporter asked. '
        '"It will, and we are watching it every hour," Cole said.'
    )
    question, answer = quotes_of(nlp, text)
    assert (question.speaker, answer.speaker) == ("reporter", "Dana Cole")


def test_a_one_word_answer_before_its_cue_is_a_quote(nlp):
    text = (
        "Mayor Dana Cole took questions after the flood.\n\n"
        'A reporter asked Cole, "Will you close the river road?" "Tonight," she said.'
    )
    question, answer = quotes_of(nlp, text)
    assert (question.speaker, answer.kind, answer.speaker) == ("reporter", "quote", "Dana Cole")


def test_a_name_in_marks_with_a_comma_inside_is_still_a_term(nlp):
    text = 'The team built a drone, called "Swift Heron," that won the regional cup.'
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("term", None)


def test_a_surname_paragraphs_after_the_full_name_resolves_to_it(nlp):
    text = (
        "Dr. Amara Quist runs the soil laboratory at the agricultural college.\n\n"
        "Her team sampled forty farms over two summers.\n\n"
        "Most of the farms had lost topsoil since the drought.\n\n"
        '"Every field we tested was thinner than ten years ago," Quist said.'
    )
    assert only_quote(nlp, text).speaker == "Amara Quist"


def test_according_to_credits_a_quotation_in_its_sentence(nlp):
    text = 'According to the fire brigade, "the roof could collapse at any moment."'
    assert only_quote(nlp, text).speaker == "fire brigade"


def test_a_main_clause_ending_in_its_verb_introduces_the_quotation_after_a_comma(nlp):
    text = (
        "The county lost its appeal in March. "
        'The county argued, "because the road serves the whole valley, the state must pay."'
    )
    assert only_quote(nlp, text).speaker == "county"


def test_a_subordinate_clause_before_a_comma_does_not_speak(nlp):
    text = (
        "The valley flooded again on Sunday.\n\n"
        'When the storm hit, "the river rose over the bank in an hour and the bridge went under."'
    )
    assert only_quote(nlp, text).speaker is None


def test_it_says_after_the_newspaper_credits_the_outlet_that_was_told(nlp):
    text = (
        '"The ferries were late every week of the winter," Tom Ash, a harbour pilot, '
        "told the Courier.\n\n"
        "Ferry crossings - Harbour News (AFP)\n\n"
        '"The company cut two crews in January," they told the coastal newspaper.\n\n'
        '"Without the crews, every crossing waits for the morning tide," it says.'
    )
    assert quotes_of(nlp, text)[-1].speaker == "Courier"
