"""What an article says a named person, body or work is (`Jan Egeland, the UN's chief of emergency
relief`): the `description` kind.

Gold files do not annotate it (no `gold_key`); its pairs are scored as relations. Two
descriptions of one name agree when they share their defining words; differing descriptions are
not a conflict, since one person holds several titles and a film has many traits."""

from __future__ import annotations

from claimcheck.kinds.spec import UNSCORED_RULES, Hook, KindSpec
from claimcheck.model import Description


def display(item: Description) -> str:
    return f"{item.name}: {item.text}"


SPEC = KindSpec(
    name="description",
    extension="descriptions",
    record=Description,
    family="description",
    judge=Hook("claimcheck.comparison.verdicts:judge_descriptions"),
    display=display,  # type: ignore[arg-type]
    **UNSCORED_RULES,
    comparable=Hook("claimcheck.comparison.align:described_words"),
)
