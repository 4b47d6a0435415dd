"""Verdict rules on hand-made claims: amounts, currencies, date precision, speakers."""

from __future__ import annotations

import pytest

from claim_factory import claim, date, money, quantity, quote, reported
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.verdicts import dates_compatible, judge, same_person, timex_interval

CONFIG = CompareConfig()


def money_pair(a, b):
    return (
        claim("x", a, f"The plan costs {a.text}, officials said."),
        claim("y", b, f"Officials put the plan at {b.text}."),
    )


def test_same_amount_written_differently_agrees():
    verdict = judge(*money_pair(money("$20M", 20e6), money("$20 million", 20e6)), CONFIG)
    assert verdict.verdict == "agree"
    assert "$20,000,000 vs $20,000,000 USD" in verdict.detail


def test_amounts_million_apart_from_billion_conflict():
    verdict = judge(*money_pair(money("$20 million", 20e6), money("$30 billion", 30e9)), CONFIG)
    assert verdict.verdict == "conflict"
    assert verdict.detail == "$20,000,000 vs $30,000,000,000 USD"


def test_tolerance_is_wider_for_approximate_amounts():
    exact = money_pair(money("$100 million", 100e6), money("$105 million", 105e6))
    assert judge(*exact, CONFIG).verdict == "conflict"
    rough = money_pair(
        money("about $100 million", 100e6, qualifier="about"), money("$105 million", 105e6)
    )
    assert judge(*rough, CONFIG).verdict == "agree"


def test_amount_inside_a_range_agrees():
    pair = money_pair(money("$10-12 million", 10e6, high=12e6), money("$11 million", 11e6))
    assert judge(*pair, CONFIG).verdict == "agree"


def test_different_currencies_are_not_judged():
    pair = money_pair(money("€2 million", 2e6, "EUR"), money("$2.5 million", 2.5e6))
    assert judge(*pair, CONFIG) is None


def test_quantities_of_different_things_are_not_compared():
    a = claim("x", quantity("17,000 immigrants", 17000, "immigrants"), "About 17,000 immigrants.")
    b = claim("y", quantity("17,000 jobs", 17000, "jobs"), "It creates 17,000 jobs.")
    assert judge(a, b, CONFIG) is None


def test_quantities_of_one_thing_in_singular_and_plural_compare():
    a = claim("x", quantity("11 miles", 11, "miles"), "The camp moved 11 miles away.")
    b = claim("y", quantity("15 mile", 15, "mile"), "The camp moved a 15 mile distance.")
    assert judge(a, b, CONFIG).verdict == "conflict"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2019", "2019-05", "agree"),  # the year contains the month
        ("2019-05", "2019-05-14", "agree"),
        ("2018-W50", "2018-12", "agree"),  # ISO week inside the month
        ("2018-FA", "2018-10", "agree"),  # autumn holds October
        ("2019-H1", "2019-05", "agree"),
        ("2016", "2017-01", "conflict"),
        ("2018-FA", "2018-12", "conflict"),  # December is winter
        ("2019-Q1", "2019-05", "conflict"),
    ],
)
def test_date_precision(first, second, expected):
    a = claim("x", date("when", first), "It happened when officials met.")
    b = claim("y", date("then", second), "It happened then, officials said.")
    assert judge(a, b, CONFIG).verdict == expected


def test_undetermined_date_is_not_judged():
    a = claim("x", date("Tuesday", None), "It happened Tuesday.")
    b = claim("y", date("2019", "2019"), "It happened in 2019.")
    assert judge(a, b, CONFIG) is None
    assert dates_compatible(None, "2019") is None


def test_winter_runs_into_next_year():
    start, end = timex_interval("2018-WI")
    assert (start.isoformat(), end.isoformat()) == ("2018-12-01", "2019-02-28")


def test_same_speaker_same_words_agree():
    a = claim("x", quote("We will not accept it", "Luis Videgaray"), "“We will not accept it.”")
    b = claim("y", quote("will not accept", "Videgaray"), "He said Mexico “will not accept” it.")
    verdict = judge(a, b, CONFIG)
    assert verdict.verdict == "agree"


def test_same_speaker_negated_words_conflict():
    a = claim("x", quote("We will accept the plan", "Luis Videgaray"), "“We will accept the plan.”")
    b = claim(
        "y", quote("We will not accept the plan", "Videgaray"), "“We will not accept the plan.”"
    )
    assert judge(a, b, CONFIG).verdict == "conflict"


def test_same_words_credited_to_two_people_conflict():
    words = "This offer has not been on the table at all"
    a = claim("x", quote(words, "Marcelo Ebrard"), f"“{words},” Ebrard said.")
    b = claim("y", quote(words, "Olga Sánchez Cordero"), f"“{words},” Sánchez Cordero said.")
    verdict = judge(a, b, CONFIG)
    assert verdict.verdict == "conflict"
    assert "Ebrard" in verdict.detail and "Sánchez Cordero" in verdict.detail


def test_different_people_saying_different_things_are_not_a_pair():
    a = claim("x", quote("The border is secure", "Kelly"), "“The border is secure,” Kelly said.")
    b = claim("y", quote("We need more money", "Tillerson"), "“We need more money,” he said.")
    assert judge(a, b, CONFIG) is None


def test_different_quotes_of_one_speaker_are_not_the_same_words():
    a = claim(
        "x", quote("The economy is growing fast", "Ana Ruiz"), "“The economy is growing fast.”"
    )
    b = claim("y", quote("Migration must be orderly", "Ruiz"), "“Migration must be orderly.”")
    assert judge(a, b, CONFIG) is None


def test_reported_speech_by_one_source_agrees_in_other_words():
    a = claim(
        "x",
        reported("he would take the case to the United Nations", "Luis Videgaray"),
        "Videgaray said he would take the case to the United Nations.",
    )
    b = claim(
        "y",
        reported("Mexico would go to the UN", "Videgaray"),
        "Videgaray said Mexico would go to the UN.",
    )
    assert judge(a, b, CONFIG).verdict == "agree"


def test_speaker_match_uses_last_name_and_accents():
    assert same_person("Andrés Manuel López Obrador", "Lopez Obrador")
    assert same_person("Luis Videgaray", "Videgaray")
    assert not same_person("John Kelly", "Rex Tillerson")
    assert same_person(None, "Videgaray") is None


def test_paraphrases_by_a_group_are_not_one_statement():
    a = claim(
        "x",
        reported("they should get in line", "Mexican officials"),
        "Mexican officials told migrants they should get in line.",
    )
    b = claim(
        "y",
        reported("60,000 migrants will be waiting", "Mexican officials"),
        "Mexican officials estimate 60,000 migrants will be waiting.",
    )
    assert judge(a, b, CONFIG) is None


def test_a_negation_in_a_different_remark_is_not_a_contradiction():
    a = claim(
        "x",
        reported("the permit was denied in March", "Gerry Scherlinck"),
        "Scherlinck said the permit was denied in March.",
    )
    b = claim(
        "y",
        reported("the permit was denied in March but it wasn't clear why", "Scherlinck"),
        "Scherlinck said the permit was denied in March but it wasn't clear why.",
    )
    assert judge(a, b, CONFIG).verdict == "agree"


def test_a_description_does_not_contradict_a_name():
    words = "Jackson failed sobriety tests shortly after 2 a.m."
    a = claim("x", quote(words, "Ray Scheidnes"), f"“{words}” said Ray Scheidnes.")
    b = claim("y", quote(words, "a Highway Patrol officer"), f"“{words}” an officer said.")
    assert judge(a, b, CONFIG).verdict == "agree"


def count_pair(a, b):
    return (
        claim("x", a, f"He has hit {a.text} this season."),
        claim("y", b, f"This season he has hit {b.text}."),
    )


def test_a_bound_conflicts_only_with_figures_past_its_limit():
    at_least = quantity("at least 30 homers", 30, "homers", qualifier="at least")
    assert judge(*count_pair(at_least, quantity("20 homers", 20, "homers")), CONFIG).verdict == (
        "conflict"
    )
    # 35 is within "at least 30": the bound holds, an agreement marked as one by a bound
    within = judge(*count_pair(at_least, quantity("35 homers", 35, "homers")), CONFIG)
    assert (within.verdict, within.bounded) == ("agree", True)
    assert judge(*count_pair(at_least, quantity("30 homers", 30, "homers")), CONFIG).verdict == (
        "agree"
    )
    up_to = quantity("up to 30 homers", 30, "homers", qualifier="up to")
    assert judge(*count_pair(up_to, quantity("40 homers", 40, "homers")), CONFIG).verdict == (
        "conflict"
    )
    assert judge(*count_pair(up_to, quantity("20 homers", 20, "homers")), CONFIG).verdict == "agree"


def test_at_most_and_up_to_are_ceilings_from_the_one_qualifier_table():
    for hedge in ("at most", "up to", "no more than", "below"):
        ceiling = quantity(f"{hedge} 30 homers", 30, "homers", qualifier=hedge)
        verdict = judge(*count_pair(ceiling, quantity("25 homers", 25, "homers")), CONFIG)
        assert verdict.verdict == "agree", hedge
        verdict = judge(*count_pair(ceiling, quantity("45 homers", 45, "homers")), CONFIG)
        assert verdict.verdict == "conflict", hedge


def test_an_additional_figure_is_not_compared_with_a_total():
    extra = quantity("an additional 60 homers", 60, "homers", qualifier="an additional")
    assert judge(*count_pair(extra, quantity("80 homers", 80, "homers")), CONFIG) is None


def test_amounts_a_scale_word_apart_are_a_conflict_flagged_as_a_possible_slip():
    for a, b in (
        (money("$40 million", 40e6), money("$40 billion", 40e9)),
        (money("$2m", 2e6), money("$2bn", 2e9)),
    ):
        verdict = judge(*money_pair(a, b), CONFIG)
        assert (verdict.verdict, verdict.slip) == ("conflict", True)
    transposed = judge(*money_pair(money("$1,985", 1985), money("$1,958", 1958)), CONFIG)
    assert (transposed.verdict, transposed.slip) == ("conflict", True)
    verdict = judge(*money_pair(money("$150", 150), money("$140 million", 140e6)), CONFIG)
    assert (verdict.verdict, verdict.slip) == ("conflict", False)


def test_years_a_digit_apart_are_a_conflict_flagged_as_a_possible_slip():
    """'the sequel to 200's Meet the Parents' against '2000's': a dropped digit; 2019 against
    2091 two transposed ones. Years apart in other ways are a plain conflict."""

    def years(a: str, b: str):
        return judge(
            claim("one", date(a, a), f"The sequel to {a}'s film."),
            claim("two", date(b, b), f"The sequel to {b}'s film."),
            CONFIG,
        )

    for a, b in (("0200", "2000"), ("2019", "2091"), ("2008", "0208")):
        verdict = years(a, b)
        assert (verdict.verdict, verdict.slip) == ("conflict", True), (a, b)
    verdict = years("2016", "2017")
    assert (verdict.verdict, verdict.slip) == ("conflict", False)
