"""Reported speech without quotation marks (`X said that ...`): the `attribution` kind.

Gold files do not annotate it (no `gold_key`); it is judged with quotes (family `speech`)."""

from __future__ import annotations

from claimcheck.kinds.spec import SPEECH_RULES, KindSpec
from claimcheck.model import Attribution

SPEC = KindSpec(
    name="attribution",
    extension="attributions",
    gold_key=None,
    record=Attribution,
    **SPEECH_RULES,
)
