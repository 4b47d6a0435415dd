"""Date expressions and their TIMEX3 values (`December 2018`, `last month`): the `date` kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import MATCH_FIGURE, Hook, KindSpec
from claimcheck.model import DateMention


def display(item: DateMention) -> str:
    return item.value or f"{item.text} (undetermined)"


def gold_value(item: DateMention, gold: Mapping[str, Any]) -> bool | None:
    return None if gold.get("value") is None else item.value == str(gold["value"])


SPEC = KindSpec(
    name="date",
    extension="dates",
    gold_key="dates",
    record=DateMention,
    family="date",
    judge=Hook("claimcheck.comparison.verdicts:judge_dates"),
    display=display,  # type: ignore[arg-type]
    gold_match=MATCH_FIGURE,
    gold_value=gold_value,  # type: ignore[arg-type]
    comparable=Hook("claimcheck.comparison.align:date_words"),
    charted=True,
)
