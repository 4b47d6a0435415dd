"""Words between quotation marks and who said them: the `quote` kind."""

from __future__ import annotations

from claimcheck.kinds.spec import Hook, KindSpec
from claimcheck.model import Quote


def display(item: Quote) -> str:
    return item.text


SPEC = KindSpec(
    name="quote",
    extension="quotes",
    gold_key="quotes",
    record=Quote,
    family="speech",
    judge=Hook("claimcheck.comparison.verdicts:judge_speech"),
    display=display,  # type: ignore[arg-type]
    gold_match=Hook("claimcheck.evaluation.scoring:quote_match"),
    gold_value=Hook("claimcheck.evaluation.scoring:speaker_value"),
    gold_field="speaker",
)
