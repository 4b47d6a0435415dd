"""A claim of how long something took or lasts (`logistics ... will take time, possibly weeks`,
`some places may not receive aid for up to two weeks`): the `duration` kind.

Delays and spans are figures outlets state and fact-checkers check ("aid will take weeks to
arrive", "the blackout lasted three days"), written with a unit of time rather than a number of
things, so neither quantities nor dates hold them. Gold files do not annotate them (no
`gold_key`); their pairs are scored as relations. Two durations of one sense and one measure
agree when their bounds overlap (see `comparison.verdicts.judge_durations`). Never a conflict: a
stretch still running when one outlet wrote grows by the time the next one writes.
"""

from __future__ import annotations

from claimcheck.kinds.spec import UNSCORED_RULES, Hook, KindSpec, Number
from claimcheck.model import Duration


def display(item: Duration) -> str:
    return f"{item.measure} {item.sense} {item.length}: {item.text}"


def number(item: Duration) -> Number:
    return Number(item.low, item.high, "days")


def measure(item: Duration) -> str:
    return f"{item.measure} {item.sense}"


SPEC = KindSpec(
    name="duration",
    extension="durations",
    record=Duration,
    family="duration",
    judge=Hook("claimcheck.comparison.verdicts:judge_durations"),
    display=display,  # type: ignore[arg-type]
    number=number,  # type: ignore[arg-type]
    measure=measure,  # type: ignore[arg-type]
    **UNSCORED_RULES,
    one_subject=True,
    agree_only=True,
)
