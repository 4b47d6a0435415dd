"""Facts across articles as a fact-checker reads them: running tallies revised over time,
tables read by row and column, counts of one measure whatever their unit words, near figures and
far bounds, dates paired only on one event. Texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claim_factory import article, claim, date, quantity
from claimcheck.comparison.align import compare
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.facts import build_comparison
from claimcheck.comparison.verdicts import judge
from claimcheck.extraction.pipeline import extract_articles
from claimcheck.model import Article, Claim, Frame, PartialDate

CONFIG = CompareConfig()


def ledger(nlp: Language, texts: dict[str, tuple[str, str]]) -> tuple[list[Claim], dict]:
    """Claims of articles {id: (published, body)} and the articles by id."""
    articles = {
        name: Article(name, f"{name}.md", body, outlet=name, published=PartialDate.parse(day))
        for name, (day, body) in texts.items()
    }
    results = extract_articles(list(articles.values()), nlp)
    return [c for r in results for c in r.claims], articles


def pairs_between(claims: list[Claim], articles: dict, a: str, b: str) -> set[tuple[str, str, str]]:
    found = compare(claims, articles)
    return {
        (p.verdict, p.a.item.text, p.b.item.text)
        for p in found
        if {p.a.item.text, p.b.item.text} & {a, b} == {a, b}
    }


TABLE_ARTICLE = (
    "2031-06-20",
    "Officials published new figures for the floods on Friday.\n\n"
    "Flood victims by province\n"
    "Province dead missing\n"
    "Arden 1,204 310\n"
    "Belmar 416 95\n"
    "Total 1,620 405\n",
)


def test_a_toll_is_revised_by_a_later_tables_total_row_not_by_one_province(
    nlp: Language,
) -> None:
    claims, articles = ledger(
        nlp,
        {
            "early": ("2031-06-02", "The death toll from the floods has risen to 870 people."),
            "table": TABLE_ARTICLE,
        },
    )
    found = pairs_between(claims, articles, "870 people", "1,620")
    assert ("revision", "870 people", "1,620") in found
    rows = {p.b.item.text for p in compare(claims, articles) if p.a.item.text == "870 people"}
    assert "1,204" not in rows and "416" not in rows  # a province's row is a part, not the toll


def test_table_cells_are_framed_by_their_row_and_column(nlp: Language) -> None:
    claims, _ = ledger(nlp, {"table": TABLE_ARTICLE})
    frames = {c.item.text: c.frame for c in claims if c.kind == "quantity"}
    assert frames["1,204"].row == "arden" and frames["1,204"].measure == "deaths"
    assert frames["310"].measure == "missing"
    assert frames["1,620"].row == "total" and frames["1,620"].subject == ()


def test_people_who_died_and_deaths_are_one_count(nlp: Language) -> None:
    claims, articles = ledger(
        nlp,
        {
            "early": ("2031-03-01", "The earthquake killed 1,985 people in the mountain towns."),
            "same": ("2031-03-01", "The earthquake caused nearly 2,000 deaths in the mountains."),
        },
    )
    assert ("agree", "1,985 people", "2,000 deaths") in pairs_between(
        claims, articles, "1,985 people", "2,000 deaths"
    )


def test_a_score_out_of_ten_is_a_rating(nlp: Language) -> None:
    claims, _ = ledger(
        nlp, {"x": ("2031-01-01", "The inspectors said the bridge's score was 7 out of 10.")}
    )
    (seven,) = [c for c in claims if c.item.text.startswith("7")]
    assert seven.frame is not None and seven.frame.measure == "rating"


def test_a_year_in_a_name_does_not_date_a_figure(nlp: Language) -> None:
    claims, _ = ledger(
        nlp,
        {
            "x": (
                "2031-01-05",
                "The sequel to 2019's Harbor Lights is playing in 2,400 theatres.",
            )
        },
    )
    (theatres,) = [c for c in claims if c.kind == "quantity"]
    assert theatres.frame is not None and theatres.frame.as_of is None


ARTICLES = {
    "early": article("early", "Morning Post", "2024-05-01"),
    "late": article("late", "Evening News", "2024-05-09"),
    "same": article("same", "Daily Wire", "2024-05-01"),
}


def tally(article_id: str, value: int, sentence: str) -> Claim:
    from dataclasses import replace

    base = claim(article_id, quantity(f"{value} people", value, "people"), sentence, ("harbor",))
    return replace(base, frame=Frame(measure="deaths", subject=("harbor",)))


def test_a_running_tally_published_days_apart_is_a_revision() -> None:
    claims = [
        tally("early", 40, "Rescuers in Harbor counted 40 people dead after the fire."),
        tally("late", 55, "Rescuers in Harbor counted 55 people dead after the fire."),
    ]
    comparison = build_comparison(compare(claims, ARTICLES), ARTICLES)
    (pair,) = comparison.pairs
    assert pair.verdict == "revision"
    (fact,) = comparison.facts
    assert [c.item.value for c in fact.claims] == [40, 55]
    # the same tally published the same day by two outlets is a conflict
    same_day = [claims[0], tally("same", 55, "Rescuers in Harbor counted 55 people dead.")]
    assert [p.verdict for p in compare(same_day, ARTICLES)] == ["conflict"]


def count_pair(a, b):
    return (
        claim("x", a, f"Rescuers counted {a.text} after the fire."),
        claim("y", b, f"After the fire, rescuers counted {b.text}."),
    )


def test_nearly_is_close_under_a_figure_not_any_figure_below_it() -> None:
    nearly = quantity("nearly 60 people", 60, "people", qualifier="nearly")
    assert judge(*count_pair(nearly, quantity("57 people", 57, "people")), CONFIG).verdict == (
        "agree"
    )
    far = judge(*count_pair(nearly, quantity("31 people", 31, "people")), CONFIG)
    assert far.verdict == "conflict"


def test_a_bound_met_from_far_away_says_nothing() -> None:
    ceiling = quantity("up to 300 people", 300, "people", qualifier="up to")
    assert judge(*count_pair(ceiling, quantity("250 people", 250, "people")), CONFIG).bounded
    assert judge(*count_pair(ceiling, quantity("25 people", 25, "people")), CONFIG) is None


def test_a_shared_year_alone_does_not_pair_two_dates() -> None:
    claims = [
        claim(
            "early",
            date("2017", "2017"),
            "The harbor authority bought four cranes for its container port in 2017.",
            entities=("harbor authority",),
        ),
        claim(
            "late",
            date("March 2017", "2017-03"),
            "Teachers in the harbor authority's district went on strike in March 2017.",
            entities=("harbor authority",),
        ),
    ]
    assert compare(claims, ARTICLES) == []


def test_a_point_on_a_scale_set_by_a_change_verb_is_a_rating(nlp: Language) -> None:
    claims, _ = ledger(
        nlp,
        {
            "x": (
                "2031-08-12",
                "Forecasters upgraded the storm to Category 3 on Tuesday. The crew of Apollo 11 "
                "visited the centre, and Section 230 was debated.",
            )
        },
    )
    quantities = {c.item.text: c for c in claims if c.kind == "quantity"}
    assert set(quantities) == {"Category 3"}  # a number that only names a thing stays out
    category = quantities["Category 3"]
    assert category.item.value == 3 and category.frame.measure == "rating"
    assert "upgrade" in category.frame.cues


def test_a_number_word_a_change_verb_sets_is_a_value_other_number_words_are_not(
    nlp: Language,
) -> None:
    claims, _ = ledger(
        nlp,
        {
            "x": (
                "2031-08-12",
                "The hazard rating was lowered to zero on the Palermo scale. Eight theatres "
                "showed the film.",
            )
        },
    )
    quantities = {c.item.text: c for c in claims if c.kind == "quantity"}
    assert set(quantities) == {"zero"}
    assert quantities["zero"].item.value == 0 and quantities["zero"].frame.measure == "rating"


def test_each_step_a_later_article_tells_revises_the_first_value(nlp: Language) -> None:
    """One article may tell two steps of a history (raised, then cut): each supersedes the
    first report's value, and the later value's date ("Dec. 24") is its as-of time."""
    claims, articles = ledger(
        nlp,
        {
            "first": (
                "2031-12-20",
                "Astronomers said the comet's hazard rating was initially 1 out of 10 on the "
                "Palermo scale.",
            ),
            "later": (
                "2031-12-29",
                "The comet's hazard rating was raised to Level 3 Dec. 24, making it the most "
                "watched object in Orion. The hazard rating has since been corrected downward "
                "to zero on the Palermo scale.",
            ),
        },
    )
    verdicts = {(p.verdict, p.a.item.text, p.b.item.text) for p in compare(claims, articles)}
    assert ("revision", "1", "Level 3") in verdicts
    assert ("revision", "1", "zero") in verdicts
    (level,) = [c for c in claims if c.item.text == "Level 3"]
    assert level.frame.as_of == "2031-12-24" and level.frame.subject == ()


def test_a_facts_history_follows_when_each_figure_applied_not_publication_order() -> None:
    """A later article that gives the April figure stands before an earlier article's May one."""
    from dataclasses import replace

    april = tally("late", 30, "Rescuers in Harbor counted 30 people dead in April.")
    april = replace(april, frame=replace(april.frame, as_of="2024-04-20", cues=("then",)))
    may = tally("early", 55, "Rescuers in Harbor counted 55 people dead after the fire.")
    comparison = build_comparison(compare([may, april], ARTICLES), ARTICLES)
    (fact,) = comparison.facts
    assert [c.item.value for c in fact.claims] == [30, 55]
    assert fact.as_of == ("2024-04-20", "2024-05-01")
    assert fact.verdict == "revision"


def test_an_abbreviated_scale_meets_the_word(nlp: Language) -> None:
    claims, articles = ledger(
        nlp,
        {
            "wire": ("2031-02-03", "The state pledged $12bn for the new Kessel dam."),
            "paper": ("2031-02-04", "The state has pledged $12 billion for the Kessel dam."),
        },
    )
    assert ("agree", "$12 billion", "$12bn") in pairs_between(
        claims, articles, "$12bn", "$12 billion"
    )


@pytest.mark.parametrize(
    ("text", "figure", "cue"),
    [
        ("The toll, then 12, has since risen sharply.", "12", "then"),
        ("Officials raised the previous tally of 55 dead.", "55 dead", "previous"),
        ("The death toll now stands at 212 people.", "212 people", "now"),
        ("The storm has killed 48 people so far.", "48 people", "so far"),
        ("The plan was cut from 9,000 jobs to 1,200 jobs.", "9,000 jobs", "from"),
        ("The plan was cut from 9,000 jobs to 1,200 jobs.", "1,200 jobs", "cut"),
    ],
)
def test_time_words_and_change_verbs_are_recorded_as_cues(
    nlp: Language, text: str, figure: str, cue: str
) -> None:
    claims, _ = ledger(nlp, {"x": ("2031-05-10", text)})
    (found,) = [c for c in claims if c.item.text == figure]
    assert cue in found.frame.cues


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The plant will add 1,200 jobs.", "1,200 jobs"),
        ("The plant will hire 300 workers.", "300 workers"),
        ("The firm announced 250 new hires.", "250 new hires"),
    ],
)
def test_jobs_workers_and_hires_are_one_measure(nlp: Language, text: str, figure: str) -> None:
    claims, _ = ledger(nlp, {"x": ("2031-05-10", text)})
    (found,) = [c for c in claims if c.item.text == figure]
    assert found.frame.measure == "jobs"


def test_a_total_dated_by_as_of_is_revised_by_a_later_total_since_release(
    nlp: Language,
) -> None:
    """ "a total of X as of <date>" is dated by its own phrase (not the figure before it in the
    sentence), and a later "Y since its release" is the same running total, revised."""
    claims, articles = ledger(
        nlp,
        {
            "week1": (
                "2031-03-05",
                "Harbor Lights took $20.1 million over the weekend and a total of $52.4 million "
                "as of March 3, according to the studio.",
            ),
            "week3": (
                "2031-03-20",
                "Harbor Lights has taken $96.8 million since its release March 1, according "
                "to the studio.",
            ),
        },
    )
    frames = {c.item.text: c.frame for c in claims if c.kind == "money"}
    assert frames["$52.4 million"].as_of == "2031-03-03"
    assert frames["$52.4 million"].measure == "total"
    # March 3 is the other figure's; this one's is the weekend it was taken over (1-2 March)
    assert frames["$20.1 million"].as_of == "2031-W09"
    assert ("revision", "$52.4 million", "$96.8 million") in pairs_between(
        claims, articles, "$52.4 million", "$96.8 million"
    )


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        ("Last year's figure of 3,100 jobs was cut in half.", "3,100 jobs", "2030"),
        ("The toll, 12 in March, has since risen.", "12", "2031-03"),
        ("The plant employed 900 workers last year.", "900 workers", "2030"),
        ("The storm has killed 48 people so far.", "48 people", None),
        (
            "The sequel to 2012's hit is playing in 1,000 more theatres.",
            "1,000 more theatres",
            None,
        ),
    ],
)
def test_the_as_of_time_is_the_date_the_text_gives_the_figure(
    nlp: Language, text: str, figure: str, as_of: str | None
) -> None:
    """ "last year's figure of", "12 in March": the time the figure applied; without one, the
    frame has none and the publication date stands in (`facts.as_of`)."""
    claims, _ = ledger(nlp, {"x": ("2031-05-10", text)})
    (found,) = [c for c in claims if c.item.text == figure]
    assert found.frame.as_of == as_of


def test_a_count_without_a_noun_meets_a_count_its_verb_was_done_to(nlp: Language) -> None:
    """ "Nearly 4,200 were evacuated" names no noun: it counts whatever was evacuated, so it
    agrees with "4,180 households were evacuated"; a different figure is no conflict (households
    against people), and a count that did the verb ("50 officers arrested") is not the count it
    was done to ("50 were arrested")."""
    later = ("2031-05-02", "Nearly 4,200 were evacuated from Fresno County on Monday.")
    claims, articles = ledger(
        nlp,
        {
            "a": ("2031-05-01", "About 4,180 households were evacuated from Fresno County."),
            "b": later,
        },
    )
    assert pairs_between(claims, articles, "4,180 households", "4,200") == {
        ("agree", "4,180 households", "4,200")
    }
    claims, articles = ledger(
        nlp,
        {"a": ("2031-05-01", "Police evacuated 6,000 households from Fresno County."), "b": later},
    )
    assert pairs_between(claims, articles, "6,000 households", "4,200") == set()
    claims, articles = ledger(
        nlp,
        {
            "a": ("2031-05-01", "In Fresno County, 50 officers arrested protesters."),
            "b": ("2031-05-02", "In Fresno County, 50 were arrested."),
        },
    )
    assert pairs_between(claims, articles, "50 officers", "50") == set()
