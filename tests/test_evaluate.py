"""The gold-format scoring rules, on hand-made predictions: what users rely on to measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.evaluation.scoring import (
    Gold,
    GoldError,
    figure_match,
    load_gold,
    normalise_text,
    quote_match,
    score_extraction,
    score_relations,
    speaker_right,
)
from claimcheck.model import (
    Article,
    ArticleResult,
    Claim,
    DateMention,
    Item,
    Money,
    Pair,
    Quantity,
    Quote,
)

KIND_OF = {Money: "money", Quantity: "quantity", DateMention: "date", Quote: "quote"}


def result(article_id: str, *items: Item) -> ArticleResult:
    claims = tuple(
        Claim(
            id=f"{article_id}:{i}",
            article=article_id,
            kind=KIND_OF[type(item)],
            item=item,
            sentence=item.text,
            sentence_start=item.start,
            sentence_end=item.end,
        )
        for i, item in enumerate(items)
    )
    return ArticleResult(Article(id=article_id, path="", body=""), claims)


def test_normalise_text_folds_case_quotes_and_edge_punctuation() -> None:
    assert normalise_text("  “Don’t,”  ") == normalise_text('"don\'t"') == "don't"


def test_figure_match_accepts_containment_and_near_equal() -> None:
    assert figure_match("close to 17,000 immigrants", "17,000 immigrants") > 0
    assert figure_match("$20 millions", "$20 million") > 0
    assert figure_match("$3 billion", "$20 million") == 0


def test_quote_match_needs_most_of_the_text() -> None:
    gold = "We are not going to accept it because we don't have to accept it"
    assert quote_match(gold + ",", gold) > 0
    assert quote_match("We are not going to accept it", gold) == 0


def test_speaker_rule_last_token_or_containment() -> None:
    gold = {"speaker": "Olga Sánchez Cordero", "aliases": ["state secretary"]}
    assert speaker_right("Sanchez Cordero", gold)
    assert speaker_right("the incoming state secretary", gold)
    assert not speaker_right("Luis Videgaray", gold)
    assert not speaker_right(None, gold)


def test_scores_with_values_sections_and_terms() -> None:
    gold = Gold(
        articles={
            "a": {
                "money": [
                    {"text": "$20M", "value": 20000000, "currency": "USD"},
                    {"text": "$5", "value": 5, "currency": "USD", "section": "comments"},
                ],
                "dates": [{"text": "May", "value": "2019-05"}, {"text": "May", "value": None}],
                "quotes": [
                    {"text": "Marshall Plan", "kind": "term"},
                    {"text": "We will win.", "speaker": "Ana Ruiz"},
                ],
            },
            "unscored": {"money": []},
        },
        relations=[],
    )
    predictions = result(
        "a",
        Money("$20M", 0, 4, 20000000.0, "USD"),
        Money("$5", 10, 12, 5.0, "USD"),  # in comments: neither hit nor false positive
        Money("$7", 20, 22, 7.0, "USD"),  # false positive
        DateMention("May", 30, 33, "2019-05"),
        DateMention("May", 40, 43, "2018-05"),  # gold null: not counted for values
        Quote("Marshall Plan", 50, 63),  # a term without speaker: neutral
        Quote("We will win.", 70, 82, speaker="Ruiz"),
    )
    scores = score_extraction([predictions, result("other", Money("$1", 0, 2, 1.0, "USD"))], gold)
    money, dates, quotes = scores["money"], scores["dates"], scores["quotes"]
    assert (money.predicted, money.gold, money.matched) == (2, 1, 1)
    assert money.value_accuracy == 1.0 and money.precision == 0.5
    assert (dates.matched, dates.value_right, dates.value_total) == (2, 1, 1)
    assert (quotes.predicted, quotes.gold, quotes.matched, quotes.value_right) == (1, 1, 1, 1)
    assert scores["quantities"].gold == 0  # not annotated: not scored


def test_term_with_a_speaker_is_a_false_positive() -> None:
    gold = Gold(
        articles={"a": {"quotes": [{"text": "Marshall Plan", "kind": "term"}]}}, relations=[]
    )
    scores = score_extraction([result("a", Quote("Marshall Plan", 0, 13, speaker="X"))], gold)
    assert scores["quotes"].predicted == 1 and scores["quotes"].matched == 0


def test_wrong_currency_is_a_wrong_value() -> None:
    gold = Gold(
        articles={"a": {"money": [{"text": "$20M", "value": 20000000, "currency": "USD"}]}},
        relations=[],
    )
    scores = score_extraction([result("a", Money("$20M", 0, 4, 20000000.0, "MXN"))], gold)
    assert scores["money"].value_accuracy == 0.0


def test_a_count_in_words_is_outside_the_gold_quantities_unless_listed() -> None:
    # The gold format's quantities are numbers in digits: "Eleven countries" unlisted is no
    # false positive, a listed one is matched, an unlisted "11 countries" is a false positive.
    gold = Gold(
        articles={"a": {"quantities": [{"text": "a dozen planes", "value": 12}]}}, relations=[]
    )
    items = (
        Quantity("Eleven countries", 0, 16, 11.0, "countries"),
        Quantity("a dozen planes", 20, 34, 12.0, "planes"),
        Quantity("11 countries", 40, 52, 11.0, "countries"),
    )
    scores = score_extraction([result("a", *items)], gold)["quantities"]
    assert (scores.predicted, scores.matched, scores.gold) == (2, 1, 1)
    assert [fp["text"] for fp in scores.false_positives] == ["11 countries"]


def claim(article: str, sentence: str) -> Claim:
    item = Money("$1", 0, 2, 1.0, "USD")
    return Claim(f"{article}:x", article, "money", item, sentence, 0, len(sentence))


RELATIONS = [
    {
        "label": "conflict",
        "a": {"article": "a", "snippet": "offered $20 million"},
        "b": {"article": "b", "snippet": "$30 billion would"},
    },
    {
        "label": "unrelated",
        "hard": True,
        "a": {"article": "a", "snippet": "In 2016"},
        "b": {"article": "b", "snippet": "taking office in 2016"},
    },
]


def test_relations_found_in_either_order_and_unrelated_needs_no_pair() -> None:
    pair = Pair(
        "p",
        "conflict",
        90.0,
        "money",
        claim("b", "Now $30 billion would go."),
        claim("a", "They offered $20 million more."),
        "x",
    )
    scores = score_relations([pair], RELATIONS)
    assert (scores["conflict"].found, scores["conflict"].total) == (1, 1)
    assert (scores["unrelated"].found, scores["unrelated"].hard_found) == (1, 1)
    wrong_label = Pair("p", "agree", 90.0, "money", pair.a, pair.b, "x")
    assert score_relations([wrong_label], RELATIONS)["conflict"].found == 0


def test_unrelated_joined_is_a_miss() -> None:
    pair = Pair(
        "p",
        "agree",
        90.0,
        "date",
        claim("a", "In 2016, it began."),
        claim("b", "Since taking office in 2016, he..."),
        "x",
    )
    assert score_relations([pair], RELATIONS)["unrelated"].found == 0


def test_load_gold_rejects_malformed_files(tmp_path: Path) -> None:
    bad = tmp_path / "gold.yaml"
    bad.write_text("articles:\n  a:\n    money: [{value: 3}]\n")
    with pytest.raises(GoldError, match="text"):
        load_gold(bad)
    bad.write_text("- just a list\n")
    with pytest.raises(GoldError):
        load_gold(bad)


def test_seed_gold_loads() -> None:
    gold = load_gold(Path(__file__).parent / "gold" / "seeds.yaml")
    assert len(gold.articles) == 5 and gold.relations
    assert str(gold.published("nacla-amlo-crumbling-promise")) == "2019-07-24"


def test_fact_ids_score_pair_precision_same_fact_recall_and_as_of() -> None:
    from dataclasses import replace

    from claimcheck.evaluation.scoring import evaluate
    from claimcheck.model import Frame, PartialDate

    early = result(
        "a", Quantity("40 dead", 0, 7, 40, "dead"), Quantity("9 hurt", 10, 16, 9, "hurt")
    )
    late = result("b", Quantity("55 dead", 0, 7, 55, "dead"))
    dated = replace(early.claims[0], frame=Frame(as_of="2024-05-02"))
    early = replace(
        early,
        claims=(dated, early.claims[1]),
        article=replace(early.article, published=PartialDate.parse("2024-05-03")),
    )
    gold = Gold(
        articles={
            "a": {
                "quantities": [
                    {"text": "40 dead", "value": 40, "fact": "deaths", "as_of": "2024-05-02"},
                    {"text": "9 hurt", "value": 9, "fact": "injured"},
                ]
            },
            "b": {"quantities": [{"text": "55 dead", "value": 55, "fact": "deaths"}]},
        },
        relations=[],
    )
    right = Pair("p1", "revision", 80.0, "quantity", early.claims[0], late.claims[0], "x")
    wrong = Pair("p2", "conflict", 60.0, "quantity", early.claims[1], late.claims[0], "x")
    facts = evaluate([early, late], gold, [right, wrong]).facts
    assert facts is not None
    assert (facts.pairs_right, facts.pairs_judged) == (1, 2)
    assert (facts.same_found, facts.same_total) == (1, 1)
    assert (facts.as_of_right, facts.as_of_total) == (1, 1)


def test_revision_is_a_relation_label() -> None:
    relation = {**RELATIONS[0], "label": "revision"}
    pair = Pair(
        "p",
        "revision",
        90.0,
        "money",
        claim("a", "They offered $20 million more."),
        claim("b", "Now $30 billion would go."),
        "x",
    )
    assert score_relations([pair], [relation])["revision"].found == 1
    assert score_relations([], [])["revision"].total == 0
