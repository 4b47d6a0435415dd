"""A claim that something is the most of its kind (`the highest risk of earth impact to date`,
`one of the closest passes of Earth ever seen`): the `superlative` kind.

Records are what fact-checkers check first ("the largest ever", "the worst in decades"), and
outlets repeat them in other words. Gold files do not annotate it (no `gold_key`); its pairs are
scored as relations. Two superlatives of one degree about one thing agree; a record claimed for
two different things is two facts, so different superlatives are never a conflict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import MATCH_WORDS, Hook, KindSpec, words
from claimcheck.model import Superlative


def not_scored(_item: Superlative, _gold: Mapping[str, Any]) -> None:
    return None


SPEC = KindSpec(
    name="superlative",
    extension="superlatives",
    gold_key=None,
    record=Superlative,
    family="superlative",
    judge=Hook("claimcheck.comparison.verdicts:judge_superlatives"),
    display=words,
    gold_match=MATCH_WORDS,
    gold_value=not_scored,  # type: ignore[arg-type]
    comparable=Hook("claimcheck.comparison.align:quoted_words"),
    one_subject=True,
)
