"""A claim that something is the most of its kind (`the highest risk of earth impact to date`,
`one of the closest passes of Earth ever seen`): the `superlative` kind.

Records are what fact-checkers check first ("the largest ever", "the worst in decades"), and
outlets repeat them in other words. Gold files do not annotate it (no `gold_key`); its pairs are
scored as relations. Two superlatives of one degree about one thing agree; a record claimed for
two different things is two facts, so different superlatives are never a conflict."""

from __future__ import annotations

from claimcheck.kinds.spec import UNSCORED_RULES, Hook, KindSpec, words
from claimcheck.model import Superlative

SPEC = KindSpec(
    name="superlative",
    extension="superlatives",
    record=Superlative,
    family="superlative",
    judge=Hook("claimcheck.comparison.verdicts:judge_superlatives"),
    display=words,
    **UNSCORED_RULES,
    comparable=Hook("claimcheck.comparison.align:quoted_words"),
    one_subject=True,
)
