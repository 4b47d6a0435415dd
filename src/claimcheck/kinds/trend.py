"""A claim that a measure went or goes up or down (`the probability of collision with earth is
expected to decrease`, `the assessed risk has been corrected downward`): the `trend` kind.

Which way a figure moves is a fact outlets state without the figure, and repeat. Gold files do
not annotate it (no `gold_key`); its pairs are scored as relations. Two trends of one measure of
one thing agree when they go the same way. Two that go opposite ways are not paired: without the
times they held, "rose" and "fell" may both be right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import MATCH_WORDS, Hook, KindSpec
from claimcheck.model import Trend


def display(item: Trend) -> str:
    return f"{item.measure} {item.direction}: {item.text}"


def not_scored(_item: Trend, _gold: Mapping[str, Any]) -> None:
    return None


SPEC = KindSpec(
    name="trend",
    extension="trends",
    gold_key=None,
    record=Trend,
    family="trend",
    judge=Hook("claimcheck.comparison.verdicts:judge_trends"),
    display=display,  # type: ignore[arg-type]
    gold_match=MATCH_WORDS,
    gold_value=not_scored,  # type: ignore[arg-type]
    one_subject=True,
    summary=True,
)
