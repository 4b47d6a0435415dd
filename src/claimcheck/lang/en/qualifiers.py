"""The hedges written before a figure, and what each says about the figure's true value.

One table for the whole project: extraction reads a qualifier off the text with it
(`extraction.numbers.qualifier_before`) and comparison reads the same qualifier as a bound
(`comparison.verdicts`), so "at most 30" is a limit wherever it is read. It imports nothing
heavy, so comparison does not depend on spaCy through it.

Kinds of qualifier:

- `approx`: the figure is rounded ("about 2,000"); compatible values lie within a tolerance;
- `lower`: the figure is a floor ("at least 30", "more than 30"): anything above it holds;
- `upper`: the figure is a ceiling ("up to 30", "at most 30", "nearly 2,000"): anything under;
- `increment`: the figure is an addition to another ("an additional 60,000"), not a total.
"""

from __future__ import annotations

from typing import Literal

QualifierKind = Literal["approx", "lower", "upper", "increment"]

#: Qualifier phrase (lower case, as written before the figure) -> what it says of the value.
QUALIFIER_KINDS: dict[str, QualifierKind] = {
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "an approximate": "approx",
    "approximate": "approx",
    "almost exactly": "approx",
    "nearly exactly": "approx",
    "at a cost of about": "approx",
    # Approaching from below: "nearly 2,000" is under 2,000, close to it (the tolerance applies).
    "nearly": "upper",
    "almost": "upper",
    "close to": "upper",
    "closer to": "upper",
    "just under": "upper",
    "more than": "lower",
    "over": "lower",
    "just over": "lower",
    "well over": "lower",
    "above": "lower",
    "upwards of": "lower",
    "in excess of": "lower",
    "at least": "lower",
    "no less than": "lower",
    "not less than": "lower",
    "no fewer than": "lower",
    "at minimum": "lower",
    "at a minimum": "lower",
    "as little as": "lower",
    "as few as": "lower",
    "up to": "upper",
    "as much as": "upper",
    "as many as": "upper",
    "as high as": "upper",
    "at most": "upper",
    "no more than": "upper",
    "not more than": "upper",
    "less than": "upper",
    "fewer than": "upper",
    "under": "upper",
    "below": "upper",
    "an additional": "increment",
}

#: Every qualifier phrase extraction recognises.
QUALIFIERS: frozenset[str] = frozenset(QUALIFIER_KINDS)
#: Qualifiers that make a figure a floor / a ceiling.
LOWER_BOUNDS: frozenset[str] = frozenset(q for q, k in QUALIFIER_KINDS.items() if k == "lower")
UPPER_BOUNDS: frozenset[str] = frozenset(q for q, k in QUALIFIER_KINDS.items() if k == "upper")


def qualifier_kind(qualifier: str | None) -> QualifierKind | None:
    """What a qualifier says of its figure; None for an exact figure or an unknown hedge."""
    return QUALIFIER_KINDS.get(qualifier.lower()) if qualifier else None


def bounds(
    value: float, high: float | None, qualifier: str | None
) -> tuple[float | None, float | None]:
    """The values a qualified figure allows, as (low, high); None where it sets no limit."""
    top = value if high is None else high
    kind = qualifier_kind(qualifier)
    if kind == "lower":
        return value, None
    if kind == "upper":
        return None, top
    return value, top
