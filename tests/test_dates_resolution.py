"""Dates that resolve right: direction from tense, forward-looking month-days, ranges, counted
and compound forms, and publication dates at the edges of the calendar. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from claimcheck.extraction.dates.component import find_dates
from claimcheck.model import PartialDate


def parse(nlp, text: str, published: str | None) -> list:
    doc = nlp.make_doc(text)
    doc._.published = PartialDate.parse(published) if published else None
    return find_dates(nlp(doc))


def dates_in(nlp, text: str, published: str | None) -> dict[str, str | None]:
    return {mention.text: mention.value for mention in parse(nlp, text, published)}


# --- the edges of the calendar ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "text"),
    [
        ("Prices will rise again next year.", "9999-12-31", "next year"),
        ("The vote is tomorrow.", "9999-12-31", "tomorrow"),
        ("Prices fell last year.", "0001-01-01", "last year"),
        ("The plant closed three years ago.", "0001-01-01", "three years ago"),
        ("The plant closed this year.", "0001-01-01", "this year"),
    ],
)
def test_a_date_beyond_the_years_a_value_can_name_stays_unresolved(
    nlp, sentence, published, text
):
    mentions = {mention.text: mention for mention in parse(nlp, sentence, published)}
    assert text in mentions, mentions
    assert mentions[text].value is None
    assert "outside the years" in (mentions[text].reason or "")
