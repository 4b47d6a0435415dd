"""claimcheck's spaCy pipeline components, one module per kind of claim.

Importing this package registers every factory with spaCy (`@Language.factory`), so that
`nlp.add_pipe("claimcheck_money")` works after `import claimcheck.extraction.components`.
"""

# Imported for their factory registrations.
from claimcheck.extraction import (  # noqa: F401
    claims,
    descriptions,
    durations,
    events,
    extensions,
    frames,
    paragraphs,
    quantities,
    sections,
    superlatives,
    trends,
)
from claimcheck.extraction.dates import component as dates  # noqa: F401
from claimcheck.extraction.money import component as money  # noqa: F401
from claimcheck.extraction.speech import attributions, quotes  # noqa: F401

#: The order the components run in: later ones read what earlier ones found (quantities skip
#: money amounts, claims gather everything).
COMPONENT_ORDER: tuple[str, ...] = (
    "claimcheck_sections",
    "claimcheck_money",
    "claimcheck_quantities",
    "claimcheck_dates",
    "claimcheck_quotes",
    "claimcheck_attributions",
    "claimcheck_descriptions",
    "claimcheck_superlatives",
    "claimcheck_trends",
    "claimcheck_events",
    "claimcheck_durations",
    "claimcheck_claims",
    "claimcheck_frames",
)
