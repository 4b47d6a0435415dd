"""Alignment on hand-made claims: which cross-outlet claims are paired, and how."""

from __future__ import annotations

import gc
import hashlib
import random
from pathlib import Path

import pytest

from claim_factory import article, claim, date, money, quote, reported
from claimcheck.comparison import blocking
from claimcheck.comparison.align import compare
from claimcheck.comparison.blocking import candidate_pairs
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.entity_clusters import entity_clusters
from claimcheck.io.ledger import load_ledger
from claimcheck.model import Quote

DEMO_LEDGER = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
ARTICLES = {
    "gazette": article("gazette", "The Gazette", "2018-09"),
    "herald": article("herald", "The Herald", "2018-12-13"),
    "courier": article("courier", "The Courier", "2019-07"),
}


def offer_vs_plan():
    """Two outlets give very different sums for the same actors' migration funding."""
    return [
        claim(
            "gazette",
            money("$20 million", 20e6),
            "Washington offered the Mexican government $20 million to fly migrants back to "
            "their countries of origin.",
            entities=("washington", "mexican"),
        ),
        claim(
            "herald",
            money("$30 billion", 30e9),
            "The Mexican government says $30 billion will keep migrants from leaving their "
            "countries in Central America.",
            entities=("mexican", "central america"),
        ),
    ]


def test_money_for_the_same_actors_with_different_sums_conflicts():
    pairs = compare(offer_vs_plan(), ARTICLES)
    assert [p.verdict for p in pairs] == ["conflict"]
    explanation = pairs[0].explanation
    assert "$20,000,000 vs $30,000,000,000 USD" in explanation
    assert "mexican" in explanation
    assert "The Gazette 2018-09 vs The Herald 2018-12-13" in explanation


def test_the_same_figure_in_two_outlets_agrees():
    claims = [
        claim(
            "gazette",
            money("$30 billion", 30e9),
            "Mexico presented a $30 billion development plan for Central America.",
            entities=("mexico", "central america"),
        ),
        claim(
            "courier",
            money("$30bn", 30e9),
            "The $30bn Central American development plan was presented by Mexico.",
            entities=("central american", "mexico"),
        ),
    ]
    (pair,) = compare(claims, ARTICLES)
    assert pair.verdict == "agree"
    assert pair.kind == "money"
    assert pair.topic  # "central america" and "central american" are one name


def test_no_pair_within_one_article():
    a, b = offer_vs_plan()
    same_article = [a, claim("gazette", b.item, b.sentence, entities=b.entities)]
    assert compare(same_article, ARTICLES) == []


def test_compare_leaves_the_garbage_collector_as_it_found_it():
    """compare pauses the cyclic collector while it scores; a program embedding it must get
    its own setting back, whether compare returns or raises."""
    assert gc.isenabled()
    compare(offer_vs_plan(), ARTICLES)
    assert gc.isenabled()
    with pytest.raises(AttributeError):
        compare([object()], ARTICLES)  # type: ignore[list-item]
    assert gc.isenabled()
    gc.disable()
    try:
        compare(offer_vs_plan(), ARTICLES)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_look_alike_dates_about_different_events_are_not_joined():
    claims = [
        claim(
            "gazette",
            date("2016", "2016"),
            "In 2016, the Department of Homeland Security issued two memos on deportations.",
            entities=("department of homeland security",),
        ),
        claim(
            "herald",
            date("2016", "2016"),
            "Since taking office in 2016, President Trump has pressed Mexico on immigration.",
            entities=("trump", "mexico"),
        ),
    ]
    assert compare(claims, ARTICLES) == []


def test_the_same_event_dated_differently_conflicts():
    claims = [
        claim(
            "gazette",
            date("2016", "2016"),
            "Since taking office in 2016, President Trump has sparred with Mexico.",
            entities=("trump", "mexico"),
        ),
        claim(
            "herald",
            date("late January", "2017-01"),
            "Trump has sparred with Mexico since the president took office in late January.",
            entities=("trump", "mexico"),
        ),
    ]
    (pair,) = compare(claims, ARTICLES)
    assert pair.verdict == "conflict"
    assert "2016 vs 2017-01" in pair.explanation


def test_comments_and_boilerplate_are_not_compared():
    a, b = offer_vs_plan()
    hidden = claim("herald", b.item, b.sentence, entities=b.entities, section="comments")
    assert compare([a, hidden], ARTICLES) == []


def test_same_input_in_any_order_gives_the_same_pairs():
    claims = [
        *offer_vs_plan(),
        claim(
            "courier",
            quote("We will not accept it", "Luis Videgaray"),
            "“We will not accept it,” Videgaray said.",
            entities=("videgaray",),
        ),
        claim(
            "herald",
            quote("will not accept", "Videgaray"),
            "Videgaray said Mexico “will not accept” the plan.",
            entities=("videgaray", "mexico"),
        ),
    ]
    expected = compare(claims, ARTICLES)
    assert len(expected) == 2
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert compare(shuffled, ARTICLES) == expected
    assert expected[0].verdict == "conflict"  # conflicts first


def test_blocking_skips_claims_with_nothing_in_common():
    claims = [
        claim(
            "gazette",
            money("$5 million", 5e6),
            "Acme paid $5 million for the stadium.",
            entities=("acme",),
        ),
        claim("herald", money("$7m", 7e6), "Volcanic ash cost farmers $7m.", entities=("iceland",)),
        claim("courier", money("$6m", 6e6), "The owner spent $6m on it.", entities=("acme",)),
    ]
    entities = [frozenset({0}), frozenset({1}), frozenset({0})]
    assert candidate_pairs(claims, entities, CompareConfig()).tolist() == [[0, 2]]


def test_spellings_of_one_name_are_clustered():
    clusters = entity_clusters(
        ["un", "united nations", "mexico", "mexican", "cheeks", "maurice cheeks", "iran", "iraq"],
        CompareConfig(),
    )
    assert clusters["un"] == clusters["united nations"]
    assert clusters["mexico"] == clusters["mexican"]
    assert clusters["cheeks"] == clusters["maurice cheeks"]
    assert clusters["iran"] != clusters["iraq"]


def test_initials_do_not_bridge_two_families_of_names():
    """ "Universal Studios" is joined to "Universal" by its words; its initials "US" must not
    also make it the United States ("U.S."), or every U.S. figure would be about the studio."""
    clusters = entity_clusters(
        ["u s", "universal", "universal studios", "universal pictures", "un", "united nations"],
        CompareConfig(),
    )
    assert clusters["universal studios"] == clusters["universal"]
    assert clusters["u s"] != clusters["universal studios"]
    assert clusters["un"] == clusters["united nations"]


def test_reported_speech_pairs_with_a_quote_only_on_what_it_reports():
    take_case = claim(
        "gazette",
        reported("he was willing to take the case to the United Nations", "Luis Videgaray"),
        "Luis Videgaray issued a statement saying he was willing to take the case to the "
        "United Nations.",
        entities=("luis videgaray", "united nations"),
    )
    go_to_un = claim(
        "herald",
        quote("to defend the rights of immigrants", "Luis Videgaray"),
        "Videgaray said Mexico would go to the UN “to defend the rights of immigrants.”",
        entities=("videgaray", "mexico", "un"),
    )
    will_not_accept = claim(
        "herald",
        quote("will not accept", "Luis Videgaray"),
        "Videgaray said Mexico “will not accept” the new immigration proposals.",
        entities=("videgaray", "mexico"),
    )
    assert [p.verdict for p in compare([take_case, go_to_un], ARTICLES)] == ["agree"]
    assert compare([take_case, will_not_accept], ARTICLES) == []


def test_one_speakers_same_words_pair_even_when_the_sentences_share_no_name():
    """The parser found no name in the report ("Doe warned ..."), so only the speaker and the
    words tie the two sentences; the same words make them one statement, other words do not."""
    quoted = claim(
        "gazette",
        quote("hurt every family in the state", "Jane Doe"),
        "Jane Doe said the proposal would “hurt every family in the state.”",
        entities=("jane doe",),
    )
    same_words = claim(
        "herald",
        reported("the plan would hurt every family in the state", "Doe"),
        "Doe warned that the plan would hurt every family in the state.",
    )
    other_words = claim(
        "herald",
        reported("the vote should wait until the budget is known", "Doe"),
        "Doe warned that the vote should wait until the budget is known in the state.",
    )
    assert [p.verdict for p in compare([quoted, same_words], ARTICLES)] == ["agree"]
    assert compare([quoted, other_words], ARTICLES) == []


def test_a_speakers_title_is_no_content_two_of_their_remarks_share():
    """ "the UN's chief of emergency relief, said ... 'stingy'" and "he is optimistic about
    the relief efforts" are two remarks of one speaker: "relief" names his office, not what he
    said. What follows the verb of saying is what he said."""
    stingy = claim(
        "gazette",
        Quote("stingy", 0, 6, speaker="Jan Egeland", cue="said", partial=True),
        "Jan Egeland, the UN's chief of emergency relief, said that rich nations like the U.S. "
        "were being “stingy” by making small contributions.",
        entities=("jan egeland", "un", "u s"),
    )
    optimistic = claim(
        "herald",
        reported("he is optimistic about the relief efforts in the stricken countries", "Egeland"),
        "Egeland has said that he is optimistic about the relief efforts in the stricken "
        "countries.",
        entities=("egeland",),
    )
    small_sums = claim(
        "herald",
        reported("rich nations have made small contributions so far", "Egeland"),
        "Egeland has said that rich nations have made small contributions so far.",
        entities=("egeland",),
    )
    assert compare([stingy, optimistic], ARTICLES) == []
    assert [p.verdict for p in compare([stingy, small_sums], ARTICLES)] == ["agree"]


def test_two_reports_of_one_source_pair_only_on_a_shared_remark():
    probation = claim(
        "gazette",
        reported("Jackson was on probation for a previous arrest", "Brad Baehr"),
        "Officer Brad Baehr said Jackson was on probation for a previous arrest.",
        entities=("brad baehr", "jackson"),
    )
    released = claim(
        "herald",
        reported("Jackson was released from county jail by 6 a.m.", "Brad Baehr"),
        "Officer Brad Baehr said Jackson was released from county jail by 6 a.m.",
        entities=("brad baehr", "jackson"),
    )
    on_probation = claim(
        "herald",
        reported("Jackson had been on probation since an earlier arrest", "Baehr"),
        "Baehr said Jackson had been on probation since an earlier arrest.",
        entities=("baehr", "jackson"),
    )
    assert compare([probation, released], ARTICLES) == []
    assert [p.verdict for p in compare([probation, on_probation], ARTICLES)] == ["agree"]


def test_on_the_demo_ledger_the_candidate_cap_changes_no_pair():
    ledger = load_ledger(DEMO_LEDGER)
    capped = compare(ledger.claims, ledger.articles)
    every = CompareConfig(max_candidates=10**6, agree_only_candidates=10**6)
    every_pair = compare(ledger.claims, ledger.articles, every)
    assert capped == every_pair
    assert len(capped) == 7


def crowded_topic(outlets: int) -> list:
    """One figure told by many outlets, and in each a look-alike sentence about another topic
    that only shares the hot name: the kind of block that grows with a ledger."""
    claims = []
    for n in range(outlets):
        claims.append(
            claim(
                f"outlet{n}",
                money("$30 billion", 30e9),
                "Mexico presented a $30 billion development plan for Central America.",
                entities=("mexico", "central america"),
            )
        )
        claims.append(
            claim(
                f"outlet{n}",
                money("$2 million", 2e6),
                f"Mexico spent $2 million on stadium number {n}.",
                entities=("mexico",),
            )
        )
    return claims


def test_each_claim_keeps_its_best_partners_when_capped():
    claims = crowded_topic(12)
    clusters = entity_clusters((e for c in claims for e in c.entities), CompareConfig())
    entities = [frozenset(clusters[e] for e in c.entities) for c in claims]
    config = CompareConfig(max_candidates=3)
    pairs = candidate_pairs(claims, entities, config).tolist()
    plans = {i for i, c in enumerate(claims) if "plan" in c.sentence}
    for i in plans:
        partners = {b if a == i else a for a, b in pairs if i in (a, b)}
        # its best partners are the other tellings of the plan, not the stadium sentences
        assert len(partners & plans) >= config.max_candidates
    every = candidate_pairs(claims, entities, CompareConfig(max_candidates=10**6)).tolist()
    assert len(pairs) < len(every)
    assert {tuple(p) for p in pairs} <= {tuple(p) for p in every}


def test_a_ledger_too_large_to_pack_finds_the_same_candidates(monkeypatch):
    # Partner scores are summed and ranked on pair codes packed into one int64; a ledger whose
    # codes would not fit is ranked by np.lexsort instead, which must pick the same partners.
    claims = crowded_topic(12)
    clusters = entity_clusters((e for c in claims for e in c.entities), CompareConfig())
    entities = [frozenset(clusters[e] for e in c.entities) for c in claims]
    config = CompareConfig(max_candidates=3)
    packed = candidate_pairs(claims, entities, config).tolist()
    monkeypatch.setattr(blocking, "PACKED_BITS", 0)
    assert candidate_pairs(claims, entities, config).tolist() == packed
    assert len(packed) > 0


def test_capped_compare_still_finds_every_retelling_of_a_figure():
    pairs = compare(crowded_topic(12), {}, CompareConfig(max_candidates=3))
    plan_pairs = [p for p in pairs if "plan" in p.a.sentence and "plan" in p.b.sentence]
    outlets = {p.a.article for p in plan_pairs} | {p.b.article for p in plan_pairs}
    assert len(outlets) == 12
    assert all(p.verdict == "agree" for p in plan_pairs)


def test_a_large_vocabulary_finds_spellings_by_sorted_neighbourhood():
    names = [
        "central america",
        "central americans",
        "qaddafi",
        "gaddafi",
        "iran",
        "iraq",
        *(hashlib.sha1(bytes([n])).hexdigest()[:8] for n in range(200)),  # unrelated names
    ]
    small = CompareConfig(exact_names=10, name_window=1)
    clusters = entity_clusters(names, small)
    assert clusters["central america"] == clusters["central americans"]
    assert clusters["qaddafi"] == clusters["gaddafi"]
    assert clusters["iran"] != clusters["iraq"]
    assert clusters == entity_clusters(names, CompareConfig())


def test_the_api_takes_its_thresholds_from_the_config_it_is_given():
    """Issue 11.7: one documented config object that the API accepts: a stricter bar keeps
    the surer pairs of the demo."""
    from claimcheck import api

    ledger = load_ledger(DEMO_LEDGER)
    default = api.compare(ledger)
    bars = ("min_score", "speech_min_score", "date_conflict_min_score", "revision_min_score")
    strict = api.compare(ledger, CompareConfig(**dict.fromkeys(bars, 70.0)))
    assert len(default.pairs) == 7
    assert 0 < len(strict.pairs) < len(default.pairs)
    assert all(pair.score >= 70.0 for pair in strict.pairs)
