"""Counts and measures (`17,000 immigrants`, `204 percent`): the `quantity` kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import FIGURE_RULES, KindSpec, Number
from claimcheck.model import Quantity


def display(item: Quantity) -> str:
    return f"{item.value:,g} {item.unit}"


def number(item: Quantity) -> Number:
    return Number(item.value, None, item.unit)


def gold_value(item: Quantity, gold: Mapping[str, Any]) -> bool | None:
    return None if gold.get("value") is None else float(item.value) == float(gold["value"])


def gold_scope(item: Quantity) -> bool:
    """The gold format's quantities are numbers written in digits, so a count in words
    ("Eleven countries") that the annotator left out is neither right nor wrong."""
    return any(character.isdigit() for character in item.text)


SPEC = KindSpec(
    name="quantity",
    extension="quantities",
    gold_key="quantities",
    record=Quantity,
    family="quantity",
    display=display,  # type: ignore[arg-type]
    number=number,  # type: ignore[arg-type]
    gold_value=gold_value,  # type: ignore[arg-type]
    gold_scope=gold_scope,  # type: ignore[arg-type]
    **FIGURE_RULES,
)
