"""Turns every extracted item into a `Claim`: the item in its sentence, with what it is about.

The comparison step aligns claims across outlets by what they are about (entities, source, the
date they concern), so this component attaches those to each item once, here, from the parse.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.claims)
from claimcheck.extraction.dates.component import TITLE_YEAR, title_after_year
from claimcheck.extraction.doc_index import DocIndex, doc_index
from claimcheck.extraction.sections import section_at
from claimcheck.kinds import KINDS, kind_of
from claimcheck.model import (
    Attribution,
    Claim,
    ClaimKind,
    DateMention,
    Description,
    Item,
    Quote,
    Superlative,
)
from claimcheck.names import NAME_LABELS, NameIndex, fold

#: (Doc extension, claim kind) in the order claims are listed for one sentence.
ITEM_SOURCES: tuple[tuple[str, ClaimKind], ...] = tuple(
    (spec.extension, spec.name) for spec in KINDS
)


def sentence_of(doc: Doc, start: int, end: int) -> Span:
    """The sentence holding character `start` (quotes may run on over several sentences)."""
    index = doc_index(doc)
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        first_ending_after = bisect_right(index.ends, start)
        return index.sentence_of(min(first_ending_after, len(doc) - 1))
    return index.sentence_of(span.start)


def sentence_entities(sent: Span, names: NameIndex) -> tuple[str, ...]:
    """Normalised names of what a sentence is about, resolved through the article's aliases."""
    index = doc_index(sent.doc)
    entities = index.entities
    inside = []
    # Entities are in order and apart: those of the sentence follow the first starting in it.
    for i in range(bisect_left(index.entity_starts, sent.start), len(entities)):
        if entities[i].start >= sent.end:
            break
        if entities[i].end <= sent.end:
            inside.append(entities[i])
    found = {fold(names.resolve(ent.text)) for ent in inside if ent.label_ in NAME_LABELS}
    return tuple(sorted(name for name in found if name))


def item_source(item: Item, spoken: list[tuple[int, int, str]]) -> str | None:
    """Who the claim comes from: the speaker of a quote, the credited source of reported speech,
    for a figure the speaker or source of the quote or report it stands in, else the one source
    its sentence credits. Where the sentence credits several and none holds the figure, none
    is named ("A spokesman speculated that the toll could pass 100,000, and a U.N. official said
    it might approach 80,000": 100,000 is not the official's). A description is the article's
    own ("said Jane Doe, head of the agency": the title is not her claim)."""
    if isinstance(item, Description):
        return None
    if isinstance(item, Quote):
        return item.speaker
    if isinstance(item, Attribution):
        return item.source
    held = holding(item, spoken)
    if held is not None:
        return held[2]
    speakers = {who for _, _, who in spoken}
    return speakers.pop() if len(speakers) == 1 else None


def sentence_speech(sent: Span, doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of the quotes with a speaker and the reports with a source that
    stand in `sent`, quotes first."""
    found = [
        (quote.start, quote.end, quote.speaker)
        for quote in doc._.quotes or ()
        if quote.speaker and quote.kind == "quote"
        if quote.start < sent.end_char and quote.end > sent.start_char
    ]
    found += [
        (report.start, report.end, report.source)
        for report in doc._.attributions or ()
        if report.source and report.start < sent.end_char and report.end > sent.start_char
    ]
    return found


def sentence_date(item: Item, sent: Span, doc: Doc) -> str | None:
    """The date a claim is about: its own value for a date, none for a description (who someone
    is does not happen on the sentence's date), else the first resolved date of the sentence
    that is not the year of a work it names ("the sequel to 2000's Meet the Parents is playing
    in 1,000 more theatres" does not count theatres in 2000)."""
    if isinstance(item, DateMention):
        return item.value
    if isinstance(item, Description):
        return None
    for date in doc._.dates or ():
        if (
            date.value
            and date.reason != TITLE_YEAR
            and sent.start_char <= date.start < sent.end_char
        ):
            return date.value
    return None


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of `text[start:end]` without the surrounding whitespace (a sentence span keeps
    the blank lines after it, which have no place in a ledger or a report)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cached(
    known: dict[int, str | None],
    item: Item,
    sent: Span,
    find: Callable[[Item, Span, Doc], str | None],
) -> str | None:
    """`find(item, sent, doc)`, found once per sentence for figures (their date is their
    sentence's): each search scans the article's dates, and an article of thousands of figures
    would scan them thousands of times."""
    if not kind_of(item).figure:
        return find(item, sent, sent.doc)
    if sent.start not in known:
        known[sent.start] = find(item, sent, sent.doc)
    return known[sent.start]


def claim_entities(
    item: Item,
    in_sentence: tuple[str, ...],
    names: NameIndex,
    spoken: list[tuple[int, int, str]],
    index: DocIndex,
) -> tuple[str, ...]:
    """What a claim is about: its sentence's names, and for a description the name it describes,
    which the model may not have tagged ("Jan Egeland" read as a month in "Monday, Jan
    Egeland, the UN's chief ..."). A record told in a quote or reported speech (`spoken`, the
    sentence's, see `sentence_speech`) is about what those words name: "NASA announced that the
    asteroid has the highest risk" is no record of NASA's. The year of a work is about the work
    ("2000's Meet the Parents"), which the model seldom tags as a name."""
    if isinstance(item, DateMention):
        title = title_after_year(item, index.doc)
        return tuple(sorted({*in_sentence, fold(title)})) if title else in_sentence
    report = holding(item, spoken) if isinstance(item, Superlative) else None
    if report is not None:
        words = fold(index.text[report[0] : report[1]])
        return tuple(name for name in in_sentence if name in words)
    if not isinstance(item, Description):
        return in_sentence
    name = fold(names.resolve(item.name))
    return tuple(sorted({*in_sentence, name})) if name else in_sentence


def holding(item: Item, spoken: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The (start, end, speaker) of the quote or report an item stands in, if any."""
    return next((said for said in spoken if said[0] <= item.start < said[1]), None)


def find_claims(doc: Doc) -> list[Claim]:
    index = doc_index(doc)
    names = index.names
    article = doc._.article_id or ""
    entities_of: dict[int, tuple[str, ...]] = {}  # by sentence start: many claims share one
    speech: dict[int, list[tuple[int, int, str]]] = {}  # by sentence start: its quotes, reports
    dates: dict[int, str | None] = {}
    claims: list[Claim] = []
    for extension, kind in ITEM_SOURCES:
        for item in getattr(doc._, extension) or ():
            if isinstance(item, Quote) and item.kind == "term":
                continue
            sent = sentence_of(doc, item.start, item.end)
            if sent.start not in entities_of:
                entities_of[sent.start] = sentence_entities(sent, names)
                speech[sent.start] = sentence_speech(sent, doc)
            start, end = trimmed(index.text, sent.start_char, sent.end_char)
            claims.append(
                Claim(
                    id=f"{article}:{kind}:{item.start}",
                    article=article,
                    kind=kind,
                    item=item,
                    sentence=index.text[start:end],
                    sentence_start=start,
                    sentence_end=end,
                    source=item_source(item, speech[sent.start]),
                    date=cached(dates, item, sent, sentence_date),
                    entities=claim_entities(
                        item, entities_of[sent.start], names, speech[sent.start], index
                    ),
                    section=section_at(doc._.sections, item.start),
                )
            )
    claims.sort(key=lambda claim: (claim.item.start, claim.kind))
    return claims


@Language.factory(
    "claimcheck_claims",
    requires=["doc._.sections", "token.ent_type", *(f"doc._.{name}" for name, _ in ITEM_SOURCES)],
    assigns=["doc._.claims"],
)
def make_claims_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc

    return component
