"""The registry of claim kinds: one module per kind, each a `KindSpec`, looped over by every stage.

Adding a kind is a module here (its names, display, gold rules and judge) added to `KINDS`, plus
its extraction component; see docs/architecture.md for the list of files it touches.
"""

from __future__ import annotations

from claimcheck.kinds import (
    attribution,
    date,
    description,
    event,
    money,
    quantity,
    quote,
    superlative,
    trend,
)
from claimcheck.kinds.spec import Hook, KindSpec, Number
from claimcheck.model import ClaimKind, Item

#: Every claim kind, in the order claims of one sentence are listed. The one place a kind is named.
KINDS: tuple[KindSpec, ...] = (
    money.SPEC,
    quantity.SPEC,
    date.SPEC,
    quote.SPEC,
    attribution.SPEC,
    description.SPEC,
    superlative.SPEC,
    trend.SPEC,
    event.SPEC,
)
KIND_BY_NAME: dict[str, KindSpec] = {spec.name: spec for spec in KINDS}
CLAIM_KINDS: tuple[ClaimKind, ...] = tuple(spec.name for spec in KINDS)
#: Kinds scored against gold files, by gold list name.
GOLD_KINDS: dict[str, KindSpec] = {spec.gold_key: spec for spec in KINDS if spec.gold_key}
_BY_RECORD: dict[type, KindSpec] = {spec.record: spec for spec in KINDS}


def kind_named(word: str) -> KindSpec | None:
    """The kind a user's word names (`Money`, `quantities`, `quote`), or None."""
    return next((spec for spec in KINDS if spec.matches(word)), None)


def kind_of(item: Item) -> KindSpec:
    """The kind of an extracted item, by its record type."""
    return _BY_RECORD[type(item)]


__all__ = [
    "CLAIM_KINDS",
    "GOLD_KINDS",
    "KINDS",
    "KIND_BY_NAME",
    "Hook",
    "KindSpec",
    "Number",
    "kind_named",
    "kind_of",
]
