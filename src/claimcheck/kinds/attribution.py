"""Reported speech without quotation marks (`X said that ...`): the `attribution` kind.

Gold files do not annotate it (`gold_key` None); it is paired with quotes (family `speech`)."""

from __future__ import annotations

from claimcheck.kinds.spec import Hook, KindSpec
from claimcheck.model import Attribution


def display(item: Attribution) -> str:
    return item.text


SPEC = KindSpec(
    name="attribution",
    extension="attributions",
    gold_key=None,
    record=Attribution,
    family="speech",
    judge=Hook("claimcheck.comparison.verdicts:judge_speech"),
    display=display,  # type: ignore[arg-type]
    gold_match=Hook("claimcheck.evaluation.scoring:quote_match"),
    gold_value=Hook("claimcheck.evaluation.scoring:speaker_value"),
    gold_field="speaker",
)
