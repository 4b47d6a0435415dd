"""What every view shows of a claim: its value as a reader checks it, as numbers a spreadsheet
can sort, its qualifier, and the article it comes from.

The terminal report and the exports read claims through these functions only, so a value looks
the same in the table, the CSV and the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.kinds import Number, kind_of
from claimcheck.model import Article, Claim


def claim_value(claim: Claim) -> str:
    """The claim's value as a reader would check it against the sentence, without qualifier."""
    return kind_of(claim.item).display(claim.item)


def claim_qualifier(claim: Claim) -> str:
    """The qualifier as the sentence says it ("about", "more than"); empty for an exact figure."""
    return getattr(claim.item, "qualifier", None) or ""


def qualified_value(claim: Claim) -> str:
    """The value with its qualifier in front ("more than 17,000 immigrants"): what was stated."""
    qualifier = claim_qualifier(claim)
    return f"{qualifier} {claim_value(claim)}" if qualifier else claim_value(claim)


def claim_number(claim: Claim) -> Number:
    """The claim's figure as numbers; empty for dates, quotes and reported speech."""
    return kind_of(claim.item).number(claim.item)


def plain_number(value: float | None) -> int | float | None:
    """20000000.0 -> 20000000: a whole number written as one, so a cell reads as it was said."""
    if value is None:
        return None
    return int(value) if value == int(value) and abs(value) < 1e18 else value


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a claim was published: outlet (the article id when the ledger names none), title,
    URL and publication date, each empty when unknown."""

    outlet: str
    title: str
    url: str
    published: str


def claim_origin(claim: Claim, articles: Mapping[str, Article]) -> Origin:
    article = articles.get(claim.article)
    if article is None:
        return Origin(claim.article, "", "", "")
    return Origin(
        outlet=article.outlet or article.id,
        title=article.title or "",
        url=article.url or "",
        published=str(article.published) if article.published else "",
    )


def one_line(text: str) -> str:
    """A sentence on one line: the line breaks and runs of spaces of the article folded."""
    return " ".join(text.split())
