"""claimcheck's spaCy pipeline components, one module per kind of claim.

Importing this package registers every factory with spaCy (`@Language.factory`), so that
`nlp.add_pipe("claimcheck_money")` works after `import claimcheck.components`.
"""

from claimcheck.components import (  # noqa: F401  (imported for their factory registrations)
    attributions,
    claims,
    dates,
    extensions,
    money,
    paragraphs,
    quantities,
    quotes,
    sections,
)

#: The order the components run in: later ones read what earlier ones found (quantities skip
#: money amounts, claims gather everything).
COMPONENT_ORDER: tuple[str, ...] = (
    "claimcheck_sections",
    "claimcheck_money",
    "claimcheck_quantities",
    "claimcheck_dates",
    "claimcheck_quotes",
    "claimcheck_attributions",
    "claimcheck_claims",
)
