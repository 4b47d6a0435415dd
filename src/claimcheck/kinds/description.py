"""What an article says a named person, body or work is (`Jan Egeland, the UN's chief of emergency
relief`): the `description` kind.

Gold files do not annotate it (no `gold_key`); its pairs are scored as relations. Two
descriptions of one name agree when they share their defining words; differing descriptions are
not a conflict, since one person holds several titles and a film has many traits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import MATCH_WORDS, Hook, KindSpec
from claimcheck.model import Description


def display(item: Description) -> str:
    return f"{item.name}: {item.text}"


def not_scored(_item: Description, _gold: Mapping[str, Any]) -> None:
    return None


SPEC = KindSpec(
    name="description",
    extension="descriptions",
    gold_key=None,
    record=Description,
    family="description",
    judge=Hook("claimcheck.comparison.verdicts:judge_descriptions"),
    display=display,  # type: ignore[arg-type]
    gold_match=MATCH_WORDS,
    gold_value=not_scored,  # type: ignore[arg-type]
    comparable=Hook("claimcheck.comparison.align:described_words"),
)
