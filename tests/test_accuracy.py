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
# notes / README): money 1.000/1.000, quantity 1.000/1.000, date 1.000/1.000, quote 1.000/0.931
# (27/29 speakers: one more wrong speaker would drop to 0.897, under the 0.90 bar).
THRESHOLDS = {
    "money": (0.95, 1.0),
    "quantities": (0.95, 0.95),
    "dates": (0.95, 0.95),
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
    # Measured: revision 2/10 (before: 0/10; the other 8 need figures extraction misses today:
    # table cells, "#108.5 million", "2 out of 10", or word numbers), agree 3/15 (before 1/15),
    # unrelated 17/17, fact pair precision 1.000 (5/5), as-of right 1/2.
    assert relations["revision"].found >= 2, relations["revision"].missed
    assert relations["agree"].found >= 3, relations["agree"].missed
    assert relations["unrelated"].found >= 16, relations["unrelated"].missed
    assert facts is not None and facts.pairs_judged >= 4
    assert (facts.precision or 0.0) >= 0.85, facts.wrong_pairs
