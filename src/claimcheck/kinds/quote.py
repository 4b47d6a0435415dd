"""Words between quotation marks and who said them: the `quote` kind."""

from __future__ import annotations

from claimcheck.kinds.spec import SPEECH_RULES, Hook, KindSpec
from claimcheck.model import Quote

SPEC = KindSpec(
    name="quote",
    extension="quotes",
    gold_key="quotes",
    record=Quote,
    comparable=Hook("claimcheck.comparison.align:quoted_words"),
    **SPEECH_RULES,
)
