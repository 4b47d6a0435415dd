"""Text no article should contain still extracts in bounded work: run-on lines, runs without
spaces, floods of tokens, thousands of figures. (How long each takes is measured by
scripts/fuzz.py, not here: these tests pin the bounds that keep it short.)"""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from claimcheck.extraction import pipeline
from claimcheck.extraction.doc_index import CharRanges
from claimcheck.extraction.paragraphs import MAX_RUN_TOKENS, run_on_cuts
from claimcheck.extraction.pipeline import MAX_RUN_CHARS, extract_articles, tokenize
from claimcheck.model import Article


def article(name: str, body: str) -> Article:
    return Article(id=name, path=f"{name}.md", body=body)


def test_a_run_on_line_is_cut_into_sentences_and_keeps_its_figures(nlp: Language) -> None:
    """A line without full stops parses as bounded sentences, each figure still found."""
    body = "the minister said $20 million " * 200
    (result,) = extract_articles([article("run-on", body)], nlp)
    doc = nlp(body)
    assert max(len(sent) for sent in doc.sents) <= MAX_RUN_TOKENS + 1
    assert len([c for c in result.claims if c.kind == "money"]) == 200


def test_text_with_full_stops_is_left_to_the_parser(nlp: Language) -> None:
    doc = nlp.make_doc("The fund rose to $5 million from 3 billion euros. " * 100)
    assert run_on_cuts(doc, set()) == []


def test_a_run_on_cut_falls_at_a_line_break_when_there_is_one(nlp: Language) -> None:
    doc = nlp.make_doc("word " * 250 + "\n" + "word " * 100)
    assert [doc[i - 1].text for i in run_on_cuts(doc, set(), limit=300)] == ["\n"]


def test_a_long_run_without_spaces_is_tokenised_in_pieces(nlp: Language) -> None:
    body = "Officials said " + "a." * 10_000 + " the fund was $5 million."
    doc = tokenize(nlp, body)
    assert doc.text == body
    assert max(len(token) for token in doc) <= MAX_RUN_CHARS
    (result,) = extract_articles([article("dots", body)], nlp)
    assert [c.item.text for c in result.claims if c.kind == "money"] == ["$5 million"]


def test_ordinary_text_is_tokenised_as_spacy_does(nlp: Language) -> None:
    body = "See https://example.com/" + "x" * 500 + " for the $5 million fund."
    assert [t.text for t in tokenize(nlp, body)] == [t.text for t in nlp.make_doc(body)]


def test_an_article_of_too_many_tokens_is_reported_in_its_place(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_ARTICLE_TOKENS", 50)
    articles = [
        article("a", "Mexico paid $20 million."),
        article("flood", "a " * 200),
        article("b", "Canada paid $30 million."),
    ]
    results = list(extract_articles(articles, nlp, batch_size=2))
    assert [r.article.id for r in results] == ["a", "flood", "b"]
    assert [r.error is None for r in results] == [True, False, True]
    assert "too long to parse: 200 tokens" in results[1].error
    assert [len(r.claims) for r in results] == [1, 0, 1]


def test_char_ranges_answer_as_a_scan_of_every_range_does() -> None:
    rng = random.Random(3)
    for _ in range(200):
        ranges = [(s, s + rng.randrange(1, 8)) for s in rng.sample(range(60), rng.randrange(6))]
        lookup = CharRanges(ranges)
        for offset in range(70):
            assert lookup.covers(offset) == any(s <= offset < e for s, e in ranges)
            end = offset + rng.randrange(1, 6)
            assert lookup.overlaps(offset, end) == any(s < end and offset < e for s, e in ranges)


def test_a_number_takes_one_decimal_point_across_tokens(nlp: Language) -> None:
    """`6 . 2` is one number, `20 . 1.2` two (it raised ValueError on '20.1.2')."""
    body = "Mr. Smith said that $20 . 1.2m percent of 40 people came, and 6 . 2 left."
    (result,) = extract_articles([article("points", body)], nlp)
    values = [c.item.value for c in result.claims if c.kind == "quantity"]
    assert 40 in values and 20.12 not in values
