"""Money amounts (`$20 million`, `€3.2-3.5bn`): the `money` kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds.spec import FIGURE_RULES, KindSpec, Number
from claimcheck.model import Money

#: Symbols used when showing an amount; other currencies are shown with their ISO code.
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
#: Relative difference under which an amount equals the gold amount (float noise only).
GOLD_TOLERANCE = 1e-6


def format_amount(value: float, high: float | None, symbol: str) -> str:
    text = f"{symbol}{value:,.0f}" if value == int(value) else f"{symbol}{value:,.2f}"
    if high is not None:
        text += f"-{high:,.0f}"
    return text


def display(item: Money) -> str:
    symbol = CURRENCY_SYMBOLS.get(item.currency, "")
    return f"{format_amount(item.value, item.high, symbol)} {item.currency}"


def number(item: Money) -> Number:
    return Number(item.value, item.high, item.currency)


def gold_value(item: Money, gold: Mapping[str, Any]) -> bool | None:
    """The same currency and the same amount (the low end of a range)."""
    if gold.get("value") is None:
        return None
    expected = float(gold["value"])
    close = abs(item.value - expected) <= GOLD_TOLERANCE * max(abs(expected), 1.0)
    return item.currency == gold.get("currency") and close


SPEC = KindSpec(
    name="money",
    extension="money",
    gold_key="money",
    record=Money,
    family="money",
    display=display,  # type: ignore[arg-type]
    number=number,  # type: ignore[arg-type]
    gold_value=gold_value,  # type: ignore[arg-type]
    **FIGURE_RULES,
)
