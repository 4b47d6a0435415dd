"""A claim that someone did something to something (`struggling to bury the bodies of the
dead`, `police killed an armed teenager`): the `event` kind.

Much of what outlets agree on is told without a figure, date or quote: what happened. Gold files
do not annotate events (no `gold_key`); their pairs are scored as relations. Two events agree
when they have one action and one patient and share more than that phrase (a word of context,
a participant, another name), and are not dated apart or given other participants (see
`comparison.verdicts.judge_events`). Never a conflict: an event told by one outlet and not by
another is no contradiction.
"""

from __future__ import annotations

from claimcheck.kinds.spec import UNSCORED_RULES, Hook, KindSpec
from claimcheck.model import Event


def display(item: Event) -> str:
    return f"{item.action} {item.patient}: {item.text}"


def measure(item: Event) -> str:
    return f"{item.action} {item.patient}"


SPEC = KindSpec(
    name="event",
    extension="events",
    record=Event,
    family="event",
    judge=Hook("claimcheck.comparison.verdicts:judge_events"),
    display=display,  # type: ignore[arg-type]
    measure=measure,  # type: ignore[arg-type]
    **UNSCORED_RULES,
    one_subject=True,
    summary=True,
    agree_only=True,
)
