"""A claim that a measure went or goes up or down (`the probability of collision with earth is
expected to decrease`, `the assessed risk has been corrected downward`): the `trend` kind.

Which way a figure moves is a fact outlets state without the figure, and repeat. Gold files do
not annotate it (no `gold_key`); its pairs are scored as relations. Two trends of one measure of
one thing agree when they go the same way. Two that go opposite ways are not paired: without the
times they held, "rose" and "fell" may both be right.
"""

from __future__ import annotations

from claimcheck.kinds.spec import UNSCORED_RULES, Hook, KindSpec
from claimcheck.model import Trend


def display(item: Trend) -> str:
    return f"{item.measure} {item.direction}: {item.text}"


def measure(item: Trend) -> str:
    return item.measure


SPEC = KindSpec(
    name="trend",
    extension="trends",
    record=Trend,
    family="trend",
    judge=Hook("claimcheck.comparison.verdicts:judge_trends"),
    display=display,  # type: ignore[arg-type]
    measure=measure,  # type: ignore[arg-type]
    **UNSCORED_RULES,
    one_subject=True,
    summary=True,
    agree_only=True,
)
