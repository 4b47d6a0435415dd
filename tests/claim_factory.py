"""Hand-made claims for the alignment, verdict and report tests (no spaCy needed)."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.kinds import kind_of
from claimcheck.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Item,
    Money,
    PartialDate,
    Quantity,
    Quote,
)


def claim(
    article: str,
    item: Item,
    sentence: str,
    entities: tuple[str, ...] = (),
    source: str | None = None,
    date: str | None = None,
    section: str = "body",
) -> Claim:
    """A claim whose item text stands in `sentence` (offsets as the extractor would give)."""
    start = sentence.find(item.text)
    assert start >= 0, f"{item.text!r} not in {sentence!r}"
    kind = kind_of(item).name
    item = replace(item, start=start, end=start + len(item.text))
    if isinstance(item, DateMention) and date is None:
        date = item.value
    return Claim(
        id=f"{article}:{kind}:{start}",
        article=article,
        kind=kind,  # type: ignore[arg-type]
        item=item,
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        source=source,
        date=date,
        entities=entities,
        section=section,  # type: ignore[arg-type]
    )


def money(text: str, value: float, currency: str = "USD", **kw: object) -> Money:
    return Money(text, 0, len(text), value, currency, **kw)  # type: ignore[arg-type]


def quantity(text: str, value: float, unit: str, **kw: object) -> Quantity:
    return Quantity(text, 0, len(text), value, unit, **kw)  # type: ignore[arg-type]


def date(text: str, value: str | None) -> DateMention:
    return DateMention(text, 0, len(text), value)


def quote(text: str, speaker: str | None = None) -> Quote:
    return Quote(text, 0, len(text), speaker=speaker)


def reported(text: str, source: str) -> Attribution:
    return Attribution(text, 0, len(text), source, "said")


def article(article_id: str, outlet: str, published: str) -> Article:
    return Article(
        article_id, f"{article_id}.md", "", outlet=outlet, published=PartialDate.parse(published)
    )
