"""Reported speech without quotation marks (`X said that ...`): the `attribution` kind.

Gold files do not annotate it (no `gold_key`); it is judged with quotes (family `speech`)."""

from __future__ import annotations

from claimcheck.kinds.spec import JUDGE_SPEECH, MATCH_WORDS, SPEAKER_RIGHT, KindSpec, words
from claimcheck.model import Attribution

SPEC = KindSpec(
    name="attribution",
    extension="attributions",
    gold_key=None,
    record=Attribution,
    family="speech",
    judge=JUDGE_SPEECH,
    display=words,
    gold_match=MATCH_WORDS,
    gold_value=SPEAKER_RIGHT,
    gold_field="speaker",
)
