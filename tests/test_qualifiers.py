"""One qualifier table (`claimcheck.lang.en.qualifiers`) serves extraction and verdicts: the hedge
extraction reads off the text is the bound comparison judges by."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claim_factory import claim, quantity
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.verdicts import judge
from claimcheck.extraction import numbers
from claimcheck.lang.en import qualifiers

TOLD = "25 people were hurt in the crash on Monday, the police said."


def hedged_count(nlp: Language, sentence: str):
    [item] = nlp(sentence)._.quantities
    return item


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("At most 30 people were hurt in the crash on Monday, the police said.", "agree"),
        ("Up to 30 people were hurt in the crash on Monday, the police said.", "agree"),
        ("No more than 30 people were hurt in the crash on Monday, the police said.", "agree"),
        ("At least 30 people were hurt in the crash on Monday, the police said.", "conflict"),
        ("More than 30 people were hurt in the crash on Monday, the police said.", "conflict"),
    ],
)
def test_a_hedge_read_from_the_text_is_judged_as_the_bound_it_states(
    nlp: Language, sentence: str, verdict: str
) -> None:
    item = hedged_count(nlp, sentence)
    assert item.value == 30 and item.qualifier is not None
    found = judge(
        claim("x", item, sentence),
        claim("y", quantity("25 people", 25, "people"), TOLD),
        CompareConfig(),
    )
    assert found is not None and found.verdict == verdict, (item.qualifier, found)


def test_extraction_and_verdicts_read_the_same_table() -> None:
    assert numbers.QUALIFIERS is qualifiers.QUALIFIERS
    assert {"at most", "up to"} <= qualifiers.UPPER_BOUNDS
    assert {"at least", "more than"} <= qualifiers.LOWER_BOUNDS
