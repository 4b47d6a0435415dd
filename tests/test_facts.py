"""Same-fact rules on hand-made claims: basis, term, actors, events, timestamps, described nouns.

Each rule is tested where it removes a false pair and where it must leave a true one alone."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from claim_factory import article, claim, date, money, quantity
from claimcheck.comparison.align import compare
from claimcheck.comparison.context import basis_of, term_of
from claimcheck.model import Pair
from claimcheck.names import fold

ARTICLES = {
    "gazette": article("gazette", "The Gazette", "2008-12"),
    "herald": article("herald", "The Herald", "2008-12-13"),
}


def words(text: str) -> list[str]:
    return fold(text).split()


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("he earns", "a season through 2012", "per season"),
        ("the deal pays", "per year", "per year"),
        ("it will spend", "annually on schools", "per year"),
        ("an annual salary of", "", "per year"),
        ("scored a total of", "", "total"),
        ("he has", "in all", "total"),
        ("he has driven in", "career runs", None),  # "career" after the figure names no basis
        ("his career total of", "", "career"),
        ("he averaged", "in the series", "average"),
        ("the team paid", "for the stadium", None),
    ],
)
def test_basis_of_a_figure(before, after, expected):
    assert basis_of(words(before), words(after)) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("offered him a seven-year", "deal", (7, "year")),
        ("the Nationals bid", "over eight years", (8, "year")),
        ("he hit 13 homers and", "in 54 games", (54, "game")),
        ("a 10-year", "contract", (10, "year")),
        ("the club paid", "for the land", None),
    ],
)
def test_term_of_a_figure(before, after, expected):
    assert term_of(words(before), words(after)) == expected


def pair_verdicts(claims):
    return [p.verdict for p in compare(claims, ARTICLES)]


def test_a_rate_and_a_total_are_not_one_figure():
    claims = [
        claim(
            "gazette",
            money("$20 million", 20e6),
            "Teixeira wants a contract that pays $20 million a season, his agent said.",
            entities=("teixeira",),
        ),
        claim(
            "herald",
            money("$160 million", 160e6),
            "Teixeira wants a contract that pays $160 million, his agent said.",
            entities=("teixeira",),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_two_rates_on_one_basis_conflict():
    claims = [
        claim(
            "gazette",
            money("$20 million", 20e6),
            "Teixeira wants a contract that pays $20 million a season, his agent said.",
            entities=("teixeira",),
        ),
        claim(
            "herald",
            money("$23 million", 23e6),
            "Teixeira wants a contract that pays $23 million per season, his agent said.",
            entities=("teixeira",),
        ),
    ]
    assert pair_verdicts(claims) == ["conflict"]


def test_offers_over_different_terms_are_different_offers():
    claims = [
        claim(
            "gazette",
            money("$140 million", 140e6),
            "The club offered Teixeira a seven-year, $140 million contract on Monday.",
            entities=("teixeira",),
        ),
        claim(
            "herald",
            money("$160 million", 160e6),
            "The club offered Teixeira $160 million over eight years on Monday.",
            entities=("teixeira",),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_figures_credited_to_different_actors_are_different_facts():
    claims = [
        claim(
            "gazette",
            money("$200 million", 200e6),
            "The Red Sox offered Teixeira $200 million for eight seasons of work.",
            entities=("red sox", "teixeira"),
        ),
        claim(
            "herald",
            money("$160 million", 160e6),
            "The Nationals offered Teixeira $160 million for eight seasons of work.",
            entities=("nationals", "teixeira"),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_the_same_actor_with_two_figures_conflicts():
    claims = [
        claim(
            "gazette",
            money("$200 million", 200e6),
            "The Red Sox offered Teixeira $200 million for eight seasons of work.",
            entities=("red sox", "teixeira"),
        ),
        claim(
            "herald",
            money("$184 million", 184e6),
            "The Red Sox offered Teixeira $184 million, the team's owner confirmed.",
            entities=("red sox", "teixeira"),
        ),
    ]
    assert pair_verdicts(claims) == ["conflict"]


def test_dates_of_two_events_do_not_conflict():
    claims = [
        claim(
            "gazette",
            date("this fall", "2018-FA"),
            "Weeks after being elected as Mexico's new president this fall, López Obrador "
            "presented a migration plan.",
            entities=("mexico", "lopez obrador"),
        ),
        claim(
            "herald",
            date("December 2018", "2018-12"),
            "Before Mexican president López Obrador entered office in December 2018, he "
            "announced a migration plan.",
            entities=("mexican", "lopez obrador"),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_a_publication_timestamp_is_not_the_date_of_an_event():
    claims = [
        claim(
            "gazette",
            date("Wednesday, March 13, 2013", "2013-03-13"),
            "Published: Wednesday, March 13, 2013 Police shot Kimani Gray in Brooklyn.",
            entities=("kimani gray", "brooklyn"),
        ),
        claim(
            "herald",
            date("March 9, 2013", "2013-03-09"),
            "Police shot Kimani Gray in Brooklyn on March 9, 2013, 11:30 pm, officials said.",
            entities=("kimani gray", "brooklyn"),
        ),
        claim(
            "herald",
            date("Saturday", "2013-03-09"),
            "Police shot Kimani Gray in Brooklyn on Saturday, officials said.",
            entities=("kimani gray", "brooklyn"),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_an_age_does_not_conflict_with_a_count_of_years():
    claims = [
        claim(
            "gazette",
            quantity("61-year", 61, "year"),
            "Police arrested 61-year-old Sharron Smith in Staunton on Friday.",
            entities=("sharron smith", "staunton"),
        ),
        claim(
            "herald",
            quantity("41 years", 41, "years"),
            "Police arrested Sharron Smith in Staunton on Friday, 41 years later.",
            entities=("sharron smith", "staunton"),
        ),
    ]
    assert pair_verdicts(claims) == []


def test_ages_of_two_people_do_not_conflict_but_one_age_told_twice_agrees():
    sergeant = claim(
        "gazette",
        quantity("30-year", 30, "year"),
        "The 30-year-old sergeant fired at Kimani Gray in Brooklyn.",
        entities=("kimani gray", "brooklyn"),
    )
    victim = claim(
        "herald",
        quantity("16-year", 16, "year"),
        "The sergeant fired at 16-year-old Kimani Gray in Brooklyn.",
        entities=("kimani gray", "brooklyn"),
    )
    assert pair_verdicts([sergeant, victim]) == []
    same = claim(
        "herald",
        quantity("30-year", 30, "year"),
        "A 30-year-old sergeant fired at Kimani Gray in Brooklyn.",
        entities=("kimani gray", "brooklyn"),
    )
    assert pair_verdicts([sergeant, same]) == ["agree"]


def test_counts_of_differently_described_things_are_not_compared():
    somali = claim(
        "gazette",
        quantity("12 Somali pirates", 12, "Somali pirates"),
        "The Indian Navy captured 12 Somali pirates in the Gulf of Aden.",
        entities=("indian navy", "gulf of aden"),
    )
    yemeni = claim(
        "herald",
        quantity("11 Yemeni pirates", 11, "Yemeni pirates"),
        "The Indian Navy captured 11 Yemeni pirates in the Gulf of Aden.",
        entities=("indian navy", "gulf of aden"),
    )
    assert pair_verdicts([somali, yemeni]) == []
    part = claim(
        "herald",
        quantity("23 pirates", 23, "pirates"),
        "The Indian Navy captured 23 pirates in the Gulf of Aden.",
        entities=("indian navy", "gulf of aden"),
    )
    assert pair_verdicts([somali, part]) == []  # a part against a whole is no conflict
    whole = claim(
        "herald",
        quantity("12 pirates", 12, "pirates"),
        "The Indian Navy captured 12 pirates in the Gulf of Aden.",
        entities=("indian navy", "gulf of aden"),
    )
    assert pair_verdicts([somali, whole]) == ["agree"]


def test_a_pair_labelled_with_its_fact_keeps_every_other_field() -> None:
    a = claim("x", money("$5 million", 5e6), "Officials paid $5 million.")
    b = claim("y", money("$7 million", 7e6), "Officials paid $7 million.")
    pair = Pair("p1", "conflict", 80.0, "money", a, b, "why", ("officials",), None, True)
    assert pair.in_fact("f1") == replace(pair, fact="f1")
    assert len(fields(Pair)) == 10  # a new field must be carried by Pair.in_fact too
