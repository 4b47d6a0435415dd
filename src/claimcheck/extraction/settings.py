"""The thresholds of claimcheck's spaCy components, each component's in one frozen dataclass.

A component's factory takes these fields as its spaCy `default_config`, so they are set like any
spaCy setting (`nlp.add_pipe("claimcheck_quantities", config={"word_figure_min": 5})`), saved
with a pipeline, and set from a `--config` file's `[extract.quantities]` table
(`claimcheck.config`). This module imports no spaCy: the config file is checked against it
before a model loads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class QuantitySettings:
    """`claimcheck_quantities`."""

    #: A number counts the noun at most this many tokens after it ("17,000 Central American
    #: immigrants"); further on, a noun is what the sentence goes on to say.
    max_unit_distance: int = 4
    #: A count in words is a claim from this value up ("Eleven countries"); one to nine are
    #: prose in news style ("two reporters"), unless scaled ("two thousand families").
    word_figure_min: int = 10


@dataclass(frozen=True, slots=True)
class AttributionSettings:
    """`claimcheck_attributions`."""

    #: Reported content shorter than this many words is not a claim worth listing.
    min_content_words: int = 3


#: Component factory name -> its settings class: every component threshold a user may set.
COMPONENT_SETTINGS: dict[str, type] = {
    "claimcheck_quantities": QuantitySettings,
    "claimcheck_attributions": AttributionSettings,
}


def default_config(settings: type) -> dict[str, Any]:
    """A settings class's defaults as the `default_config` of its spaCy factory."""
    return asdict(settings())
