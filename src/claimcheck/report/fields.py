"""What every view shows of a claim: its value as a reader checks it, as numbers a spreadsheet
can sort, its qualifier, and the article it comes from.

The terminal report and the exports read claims through these functions only, so a value looks
the same in the table, the CSV and the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.comparison.verdicts import CURRENCY_SYMBOLS, format_amount
from claimcheck.model import Article, Attribution, Claim, DateMention, Money, Quantity, Quote


def claim_value(claim: Claim) -> str:
    """The claim's value as a reader would check it against the sentence, without qualifier."""
    item = claim.item
    if isinstance(item, Money):
        symbol = CURRENCY_SYMBOLS.get(item.currency, "")
        return f"{format_amount(item.value, item.high, symbol)} {item.currency}"
    if isinstance(item, Quantity):
        return f"{item.value:,g} {item.unit}"
    if isinstance(item, DateMention):
        return item.value or f"{item.text} (undetermined)"
    if isinstance(item, Quote | Attribution):
        return item.text
    return ""


def claim_qualifier(claim: Claim) -> str:
    """The qualifier as the sentence says it ("about", "more than"); empty for an exact figure."""
    item = claim.item
    if isinstance(item, Money | Quantity):
        return item.qualifier or ""
    return ""


def qualified_value(claim: Claim) -> str:
    """The value with its qualifier in front ("more than 17,000 immigrants"): what was stated."""
    qualifier = claim_qualifier(claim)
    return f"{qualifier} {claim_value(claim)}" if qualifier else claim_value(claim)


@dataclass(frozen=True, slots=True)
class Number:
    """A figure as numbers: `low` (the value, or a range's low end), `high` (a range's high end)
    and `unit` (an ISO currency or what is counted); what a spreadsheet sorts and filters on."""

    low: float | None = None
    high: float | None = None
    unit: str = ""


def claim_number(claim: Claim) -> Number:
    """The claim's figure as numbers; empty for dates, quotes and reported speech."""
    item = claim.item
    if isinstance(item, Money):
        return Number(item.value, item.high, item.currency)
    if isinstance(item, Quantity):
        return Number(item.value, None, item.unit)
    return Number()


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
