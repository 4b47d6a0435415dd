"""The registry of claim kinds: one module per kind, each a `KindSpec`, looped over by every stage.

Adding a kind is a module here (its names, display, gold rules and judge) added to `KINDS`, plus
its extraction component; see docs/architecture.md for the list of files it touches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.kinds import (
    attribution,
    date,
    description,
    duration,
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
    duration.SPEC,
)
KIND_BY_NAME: dict[str, KindSpec] = {spec.name: spec for spec in KINDS}
CLAIM_KINDS: tuple[ClaimKind, ...] = tuple(spec.name for spec in KINDS)
#: Kinds scored against gold files, by gold list name.
GOLD_KINDS: dict[str, KindSpec] = {spec.gold_key: spec for spec in KINDS if spec.gold_key}
_BY_RECORD: dict[type, KindSpec] = {spec.record: spec for spec in KINDS}


def item_from_fields(kind: str, fields: Mapping[str, Any]) -> Item:
    """A kind's record from its stored fields (a ledger's `value` with the text and offsets, or a
    cache entry). JSON and YAML give lists where a record holds tuples; records are frozen and
    hashed (blocking, facts), so lists are read back as tuples. A `KeyError` names an unknown
    kind."""
    record = KIND_BY_NAME[kind].record
    return record(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})


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
    "item_from_fields",
    "kind_named",
    "kind_of",
]
