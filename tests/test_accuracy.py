"""Accuracy on the seed gold (tests/gold/seeds.yaml), as thresholds on measured figures.

The five demo articles were also the development set, so these figures overstate accuracy on
unseen articles (the bench suites in `make bench` are the fairer measure). The thresholds sit a
little under the measured figures: one more miss on this small set should fail loudly only when
it drops below the acceptance bar the project set for each kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck.api import evaluate_folder
from claimcheck.evaluation.scoring import EvalReport

TESTS = Path(__file__).resolve().parent
DEMO_ARTICLES = TESTS.parent / "data" / "articles"
GOLD = TESTS / "gold" / "seeds.yaml"

# kind: (minimum F1, minimum value/speaker accuracy). Measured on the seeds (see the closing
# notes / README): money 1.000/1.000, quantity 1.000/1.000, date 1.000/1.000, quote 1.000/0.966
# (28/29 speakers: two more wrong speakers would drop to 0.897, under the 0.90 bar).
THRESHOLDS = {
    "money": (0.95, 1.0),
    "quantities": (0.95, 0.95),
    # dates sit at the measured 1.000: issue 16 asks that the seeds stay there while the date
    # rules change for other articles, so one lost date is a regression to see.
    "dates": (1.0, 1.0),
    "quotes": (0.95, 0.90),
}


@pytest.fixture(scope="module")
def report(nlp: Language) -> EvalReport:
    report, _ = evaluate_folder(DEMO_ARTICLES, GOLD, nlp=nlp, with_relations=True)
    return report


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_extraction_accuracy(report: EvalReport, kind: str) -> None:
    min_f1, min_accuracy = THRESHOLDS[kind]
    score = report.kinds[kind]
    assert score.f1 >= min_f1, score.as_dict(errors=True)
    assert (score.value_accuracy or 0.0) >= min_accuracy, score.as_dict(errors=True)


@pytest.mark.parametrize("label", ["agree", "conflict"])
def test_every_relation_that_is_not_hard_is_found(report: EvalReport, label: str) -> None:
    score = report.relations[label]
    assert score.found - score.hard_found == score.total - score.hard_total, score.missed


def test_the_unrelated_pair_is_not_joined(report: EvalReport) -> None:
    score = report.relations["unrelated"]
    assert score.total >= 1 and score.found == score.total, score.missed


#: The Wikinews evolving-figures suite (shared bench, not in this repository): figures that
#: change over time across 11 articles, every money amount and quantity annotated with a fact.
WIKINEWS = TESTS.parent.parent / "shared" / "bench" / "revisions-wikinews"


@pytest.fixture(scope="module")
def wikinews(nlp: Language) -> EvalReport:
    if not (WIKINEWS / "gold.yaml").is_file():
        pytest.skip("the shared bench suite revisions-wikinews is not beside this checkout")
    report, _ = evaluate_folder(WIKINEWS / "articles", WIKINEWS / "gold.yaml", nlp=nlp)
    return report


def test_revisions_and_facts_on_wikinews(wikinews: EvalReport) -> None:
    relations, facts = wikinews.relations, wikinews.facts
    # Measured: revision 9/10 (6/10 before "upgraded to Level 4" and "corrected to zero" were
    # read as new values and "#108.5 million" as dollars; still missed: "ruled out", a value
    # in words), agree 12/15 (5 before descriptions: Egeland's and Elmquist's titles; 7 before
    # superlatives: "the highest risk ... to date" / "the highest score ever", "closest to the
    # Earth" / "one of the closest passes of Earth"; 9 before trends: "expected to decrease" /
    # "corrected downward"; 10 before events: "struggling to bury the bodies of the dead" /
    # "struggle with burying the dead"; 11 before durations: "will take time, possibly weeks" /
    # "may not receive aid for up to two weeks"; the other 3: a prediction borne out,
    # geography, a snippet across two sentences), conflict
    # 2/2 ("a dozen" nations vs "eleven" countries; the typo "200's" vs "2000's" as a possible
    # slip, 1/2 before a number possessing a title was read as the work's year), unrelated
    # 16/17 (the gold also calls the two Egeland sentences
    # unrelated, on what he said, while it pairs them as agreeing on his title), fact pair
    # precision 0.923 (12/13), same-fact pairs 12/12, as-of right 5/6 (1/4, then 3/6, 4/6
    # before; "initially 2" now takes the article's "December 23 announcement"; left: "first
    # calculated as 2", whose article never dates the first calculation).
    assert relations["revision"].found >= 9, relations["revision"].missed
    assert relations["agree"].found >= 12, relations["agree"].missed
    assert relations["conflict"].found >= 2, relations["conflict"].missed
    assert relations["unrelated"].found >= 16, relations["unrelated"].missed
    # Pair precision is held to the bar (0.85, one wrong pair in 7 on 13 judged), and
    # the pairs it is measured on, and the same-fact pairs found, to what was measured.
    assert facts is not None and facts.pairs_judged >= 13
    assert (facts.precision or 0.0) >= 0.85, facts.wrong_pairs
    assert facts.same_found >= 12, (facts.same_found, facts.same_total)
    assert facts.as_of_right >= 5, (facts.as_of_right, facts.as_of_total)


def test_dates_on_wikinews(wikinews: EvalReport) -> None:
    # Measured: P 1.000, R 1.000 (0.800 before weekends resolved: "the weekend", "the
    # Christmas weekend", "the New Year holiday"; 0.967 before the year of a work, "200's Meet
    # the Parents"), value accuracy 1.000 (0.944 before).
    score = wikinews.kinds["dates"]
    assert score.recall >= 0.99, score.as_dict(errors=True)
    assert score.precision >= 0.95, score.as_dict(errors=True)
    assert (score.value_accuracy or 0.0) >= 0.95, score.as_dict(errors=True)


def test_quantities_on_wikinews(wikinews: EvalReport) -> None:
    # Counts as news writes them (issue 16.1): measured P 1.000 and R 1.000 (61/61; before the
    # counts work: R 0.361; "zero", a new value a change verb sets, is a count in words and not
    # scored); the bar is the R >= 0.85 with P >= 0.95, which a further rule must keep.
    score = wikinews.kinds["quantities"]
    assert score.recall >= 0.85, score.as_dict(errors=True)
    assert score.precision >= 0.95, score.as_dict(errors=True)


#: GUM's news articles with every quotation and its speaker annotated (shared bench).
GUM_NEWS = TESTS.parent.parent / "shared" / "bench" / "quotes-gum-news"


def test_speakers_on_gum_news(nlp: Language) -> None:
    if not (GUM_NEWS / "gold.yaml").is_file():
        pytest.skip("the shared bench suite quotes-gum-news is not beside this checkout")
    report, _ = evaluate_folder(GUM_NEWS / "articles", GUM_NEWS / "gold.yaml", nlp=nlp)
    score = report.kinds["quotes"]
    # Measured: P 0.964, R 0.973, speaker 0.953 (102/107, as in the README; 0.886 before issue
    # 16.3); the bar
    # is the speaker accuracy >= 0.92, F1 kept over 0.95.
    assert (score.value_accuracy or 0.0) >= 0.92, score.as_dict(errors=True)
    assert score.f1 >= 0.95, score.as_dict(errors=True)
