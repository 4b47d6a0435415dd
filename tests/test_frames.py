"""Claim frames read from the parse, and the fact verdicts they make possible (revision, slips,
bounds), on sentences written for these tests."""

from __future__ import annotations

import warnings

import pytest
from spacy.language import Language

from claim_factory import article, claim, money, quantity
from claimcheck.comparison.align import compare
from claimcheck.comparison.blocking import OversizedBlockWarning
from claimcheck.comparison.facts import build_comparison
from claimcheck.extraction.pipeline import extract_articles
from claimcheck.lang.en.qualifiers import bounds, qualifier_kind
from claimcheck.model import Article, Claim, Frame, PartialDate


def figures(nlp: Language, text: str, published: str = "2024-05-10") -> list[Claim]:
    body = Article("t", "t.md", text, outlet="Test", published=PartialDate.parse(published))
    (result,) = extract_articles([body], nlp)
    return [c for c in result.claims if c.kind in ("money", "quantity")]


def frame_of(nlp: Language, text: str, figure: str) -> Frame:
    (found,) = [c for c in figures(nlp, text) if c.item.text == figure]
    assert found.frame is not None
    return found.frame


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The death toll from the storm rose to 41 people on Sunday.", "41 people"),
        ("At least 30 people died when the bridge collapsed.", "30 people"),
        ("Rescuers said 25 people were killed in the blast.", "25 people"),
        ("Officials counted 17 deaths in the flooded valley.", "17 deaths"),
    ],
)
def test_deaths_toll_and_killed_are_one_measure(nlp: Language, text: str, figure: str) -> None:
    assert frame_of(nlp, text, figure).measure == "deaths"


def test_a_money_amount_measures_the_noun_it_modifies(nlp: Language) -> None:
    frame = frame_of(nlp, "Norway announced a $40 million pledge for the victims.", "$40 million")
    assert frame.measure == "aid"


def test_a_change_verb_is_a_revision_cue_and_from_dates_a_figure_earlier(nlp: Language) -> None:
    text = "The carmaker cut its investment from $8 billion to $500 million."
    claims = {c.item.text: c.frame for c in figures(nlp, text)}
    assert "cut" in claims["$8 billion"].cues and "from" in claims["$8 billion"].cues
    assert "cut" in claims["$500 million"].cues and "from" not in claims["$500 million"].cues


def test_a_date_in_the_figures_clause_is_its_as_of_time(nlp: Language) -> None:
    frame = frame_of(
        nlp, "The film had grossed $90 million as of March 3, the studio said.", "$90 million"
    )
    assert frame.as_of == "2024-03-03"
    since = frame_of(
        nlp, "The film has grossed $95 million since its release on March 1.", "$95 million"
    )
    assert since.as_of is None  # "since" starts a period: the total is as of writing


STORM = "The storm was upgraded to Category 4 on March 3."


@pytest.mark.parametrize(
    ("then", "as_of"),
    [
        (" It was expected to bring 40 inches of rain.", "2024-03-03"),  # the story goes on
        (" It is expected to bring 40 inches of rain.", None),  # told in the present
        ("\n\nIt was expected to bring 40 inches of rain.", None),  # a new paragraph
        (" It was later expected to bring 40 inches of rain.", None),  # a time of its own
        (" Forecasters expected 40 inches of rain.", None),  # not a pronoun going on
    ],
)
def test_a_past_tense_pronoun_sentence_takes_the_date_of_the_sentence_before(
    nlp: Language, then: str, as_of: str | None
) -> None:
    assert frame_of(nlp, STORM + then, "40 inches").as_of == as_of


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # the story's last step before publication (10 May): the 8 May announcement
        ("The agency announced the plan on May 8. It initially counted 120 jobs.", "2024-05-08"),
        # before the other dated value of its measure, not after it
        (
            "In March the plan was cut to 80 jobs on March 3. It had initially counted 120 jobs.",
            None,
        ),
        # "the first half of 2019" is a period, no first value
        ("The office saw a 20 percent rise in the first half of 2019, in May.", None),
    ],
)
def test_a_first_value_takes_the_last_step_its_story_dates_before_it(
    nlp: Language, text: str, as_of: str | None
) -> None:
    """ "The score was initially 2 out of 10" held before the later steps of its story."""
    figure = "120 jobs" if "120" in text else "20 percent"
    assert frame_of(nlp, text, figure).as_of == as_of


def test_qualifiers_are_one_table_read_as_bounds() -> None:
    assert qualifier_kind("at most") == qualifier_kind("up to") == "upper"
    assert qualifier_kind("more than") == "lower"
    assert bounds(30, None, "at most") == (None, 30)
    assert bounds(30, None, "at least") == (30, None)
    assert bounds(30, 40, None) == (30, 40)


ARTICLES = {
    "early": article("early", "Morning Post", "2024-05-01"),
    "late": article("late", "Evening News", "2024-05-09"),
    "same": article("same", "Daily Wire", "2024-05-01"),
}


def framed(claim_: Claim, **fields: object) -> Claim:
    from dataclasses import replace

    return replace(claim_, frame=Frame(**fields))  # type: ignore[arg-type]


def toll(article_id: str, value: int, sentence: str, **frame: object) -> Claim:
    text = f"{value:,} people"
    return framed(
        claim(article_id, quantity(text, value, "people"), sentence, entities=("valley",)),
        measure="deaths",
        subject=("valley",),
        **frame,
    )


def test_a_toll_marked_as_risen_is_a_revision_not_a_conflict() -> None:
    claims = [
        toll("early", 40, "The toll in the valley stood at 40 people on Monday."),
        toll("late", 55, "The toll in the valley has risen to 55 people.", cues=("rise",)),
    ]
    comparison = build_comparison(compare(claims, ARTICLES), ARTICLES)
    (pair,) = comparison.pairs
    assert pair.verdict == "revision"
    (fact,) = comparison.facts
    assert [c.item.value for c in fact.claims] == [40, 55]  # the history, oldest first
    assert fact.as_of == ("2024-05-01", "2024-05-09")
    assert pair.fact == fact.id


def test_different_values_with_nothing_marking_a_change_conflict() -> None:
    claims = [
        toll("early", 40, "The toll in the valley stood at 40 people."),
        toll("same", 55, "The toll in the valley stood at 55 people."),
    ]
    (pair,) = compare(claims, ARTICLES)
    assert pair.verdict == "conflict"


def test_a_figure_dated_apart_by_its_text_is_a_revision() -> None:
    claims = [
        toll("late", 40, "The toll in the valley was 40 people on May 2.", as_of="2024-05-02"),
        toll("same", 55, "The toll in the valley stood at 55 people."),
    ]
    # the "same" article is of May 1: its 55 and the 40 of May 2 held at different times
    (pair,) = compare(claims, ARTICLES)
    assert pair.verdict == "revision"


def test_a_thousandfold_difference_is_a_conflict_flagged_as_a_slip() -> None:
    sentence = "The city will spend {} on the new stadium, the mayor said."
    claims = [
        claim("early", money("$40 million", 40e6), sentence.format("$40 million"), ("city",)),
        claim("same", money("$40 billion", 40e9), sentence.format("$40 billion"), ("city",)),
    ]
    (pair,) = compare(claims, ARTICLES)
    assert (pair.verdict, pair.slip) == ("conflict", True)


def test_two_donors_aid_is_not_one_fact() -> None:
    claims = [
        framed(
            claim(
                "early",
                money("$40 million", 40e6),
                "Norway pledged $40 million in aid.",
                ("norway",),
            ),
            measure="aid",
            subject=("norway",),
        ),
        framed(
            claim(
                "same",
                money("$60 million", 60e6),
                "Sweden pledged $60 million in aid.",
                ("sweden",),
            ),
            measure="aid",
            subject=("sweden",),
        ),
    ]
    assert compare(claims, ARTICLES) == []


def test_a_widely_shared_story_still_shows_its_outlier() -> None:
    sentence = "The council approved {} for the harbour repairs."
    copies = [
        claim(
            f"copy{i:04d}", money("$12 million", 12e6), sentence.format("$12 million"), ("council",)
        )
        for i in range(1000)
    ]
    outlier = claim(
        "outlier", money("$21 million", 21e6), sentence.format("$21 million"), ("council",)
    )
    articles = {c.article: article(c.article, c.article, "2024-05-01") for c in [*copies, outlier]}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pairs = compare([*copies, outlier], articles)
    conflicts = [
        p for p in pairs if p.verdict == "conflict" and "outlier" in (p.a.article, p.b.article)
    ]
    assert conflicts
    assert any(issubclass(w.category, OversizedBlockWarning) for w in caught)


def test_a_count_with_coordinated_adjectives_still_counts_its_noun(nlp: Language) -> None:
    found = {
        c.item.text: (c.item.value, c.item.unit)
        for c in figures(
            nlp, "The wave hit a dozen Asian and African nations and 14 small or remote islands."
        )
    }
    assert found["a dozen Asian and African nations"] == (12, "nations")
    assert found["14 small or remote islands"] == (14, "islands")


def test_a_noun_counted_by_its_own_number_is_not_another_figures_measure(nlp: Language) -> None:
    text = (
        "According to the agency, the total dead and missing for all eleven countries damaged "
        "by the tsunami now stands at 282,517."
    )
    (total,) = [c for c in figures(nlp, text) if c.item.text == "282,517"]
    assert total.item.unit != "countries"
    assert total.frame is not None and total.frame.measure != "countries"


def test_a_verbs_time_word_belongs_to_the_figure_it_sets(nlp: Language) -> None:
    """ "now" marks 55 as the current value; the 40 in the subject is the earlier one."""
    text = "The toll of 40 now stands at 55."
    earlier, later = (frame_of(nlp, text, figure) for figure in ("40", "55"))
    assert "now" in later.cues
    assert "now" not in earlier.cues


def test_a_fixed_count_told_differently_conflicts_whatever_the_dates(nlp: Language) -> None:
    """A count of countries hit does not change as reports come in: "a dozen" nations and
    "eleven countries" are a conflict, not a revision, even months apart."""
    first = Article(
        "first",
        "first.md",
        "The tsunami that struck coasts of a dozen Asian and African nations has killed "
        "nearly 60,000 people.",
        outlet="Wire",
        published=PartialDate.parse("2004-12-28"),
    )
    later = Article(
        "later",
        "later.md",
        "According to the agency today, the total dead and missing for all eleven countries "
        "damaged by the tsunami now stands at 282,517.",
        outlet="Daily",
        published=PartialDate.parse("2005-03-24"),
    )
    results = extract_articles([first, later], nlp)
    claims = [c for r in results for c in r.claims]
    pairs = compare(claims, {a.id: a for a in (first, later)})
    verdicts = {(p.a.item.text, p.b.item.text): p.verdict for p in pairs}
    key = next(
        k for k in verdicts if set(k) == {"a dozen Asian and African nations", "eleven countries"}
    )
    assert verdicts[key] == "conflict"
    assert not any("282,517" in k for k in verdicts if "a dozen Asian and African nations" in k)
