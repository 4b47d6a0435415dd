"""Words between quotation marks and who said them: the `quote` kind."""

from __future__ import annotations

from claimcheck.kinds.spec import JUDGE_SPEECH, MATCH_WORDS, SPEAKER_RIGHT, KindSpec, words
from claimcheck.model import Quote

SPEC = KindSpec(
    name="quote",
    extension="quotes",
    gold_key="quotes",
    record=Quote,
    family="speech",
    judge=JUDGE_SPEECH,
    display=words,
    gold_match=MATCH_WORDS,
    gold_value=SPEAKER_RIGHT,
    gold_field="speaker",
)
