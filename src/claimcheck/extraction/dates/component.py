"""Finds the date expressions of a `Doc` and gives each its TIMEX3-style value.

Candidates come from two sources: spaCy's DATE entities (good recall on news prose, but they also
cover durations like "seven years" and miss bare month names in some contexts) and token
`Matcher` patterns for the calendar shapes news uses. Each candidate is then read word by word
(`date_values.read_words`); durations, ages, sets ("each day") and idioms ("at the end of the
day") have no calendar cue and are dropped. The rest are resolved in document order, so that
"two years later" and "the same period last year" can refer to the date mentioned before them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.dates)
from claimcheck.extraction.dates.patterns import date_matcher
from claimcheck.extraction.dates.timex import Period
from claimcheck.extraction.dates.values import (
    Context,
    edge_of_current,
    is_within_unit,
    resolve,
)
from claimcheck.extraction.dates.words import (
    RELATIVE_TO_PREVIOUS,
    DateWords,
    read_words,
)
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.model import DateMention

#: Words that may open a candidate but are not part of the expression ("in May", "on Tuesday").
LEADING_WORDS = frozenset(
    {"in", "on", "at", "since", "by", "until", "from", "before", "after", "during", "of", "for"}
    | {"between"}
)
#: Words before a unit that make "the ... months" a period on the calendar rather than a
#: duration: "the final years of ...", "the first few months of his presidency".
PERIOD_WORDS = frozenset(
    {"first", "final", "last", "early", "earliest", "late", "closing", "opening", "initial"}
)
#: Words that make an expression a set or a manner, never one date ("each day", "per year").
SET_WORDS = frozenset({"each", "every", "per", "daily", "weekly", "monthly", "yearly", "annual"})
#: Verbs' auxiliaries that put a sentence in the future ("there will be", "they'll meet").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
#: Words joining the two ends of a range, and words opening one.
RANGE_LINKS = frozenset({"to", "-", "–", "—", "through", "thru", "until", "till"})
RANGE_OPENERS = frozenset({"from", "between"})
#: Words a DATE entity sometimes runs on into ("between 2007 and" | "2009").
TRAILING = RANGE_LINKS | {"and", "or"}
#: Words for a vague recent stretch of time ("in recent years").
RECENT_WORDS = frozenset({"recent", "coming", "past", "previous"})
_CENTURY_WORD = re.compile(r"^\d{1,2}(st|nd|rd|th)$")


def trim(span: Span) -> Span:
    """Drop prepositions and punctuation at the edges ("in May," -> "May")."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in LEADING_WORDS or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in TRAILING):
        end -= 1
    return span.doc[start:end]


def candidate_spans(doc: Doc) -> list[Span]:
    """DATE entities and matched calendar shapes, longest first where they overlap, with the
    two ends of a range joined into one."""
    spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    spans += [doc[start:end] for _, start, end in date_matcher(doc.vocab)(doc)]
    spans = [trimmed for span in spans if len(trimmed := trim(span)) > 0]
    return join_ranges(sorted(filter_spans(spans), key=lambda span: span.start))


def join_ranges(spans: list[Span]) -> list[Span]:
    """'from May to Oct 2020', 'between 2007 and 2009', 'Jan-Feb 2017': one range, not two dates
    (the format has one value per item, so a range is reported whole, with no value)."""
    joined: list[Span] = []
    for span in spans:
        if joined and _is_range(joined[-1], span):
            first = joined.pop()
            opener = first.start - 1
            has_opener = opener >= 0 and span.doc[opener].lower_ in RANGE_OPENERS
            joined.append(span.doc[opener if has_opener else first.start : span.end])
        else:
            joined.append(span)
    return joined


def _is_range(first: Span, second: Span) -> bool:
    doc = first.doc
    if second.start - first.end != 1:
        return False
    link = doc[first.end].lower_
    opener = doc[first.start - 1].lower_ if first.start > 0 else ""
    return link in RANGE_LINKS or (link == "and" and opener == "between")


def is_count_of_things(span: Span) -> bool:
    """'2000 pieces', '1500 troops': a number in year range that counts a noun."""
    token = span[0]
    determined = token.i > 0 and token.nbor(-1).pos_ == "DET"  # "the 2018 elections" is a year
    return len(span) == 1 and token.dep_ == "nummod" and token.head.tag_ == "NNS" and not determined


def is_age(span: Span) -> bool:
    """'65 years old', 'a 30-year-old', 'aged 30'."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return after in ("old", "-year", "-years") or "old" in span.text.lower() or before == "aged"


def has_calendar_cue(words: DateWords) -> bool:
    """Whether the words place something on the calendar (not a duration, set or idiom)."""
    if words.has(*SET_WORDS):
        return False
    named = (
        words.years,
        words.month,
        words.weekday,
        words.numeric,
        words.numeric_partial,
        words.holiday,
        words.day_offset,
        words.decade,
    )
    if any(value is not None and value != [] and value is not False for value in named):
        return True
    if words.season is not None or is_within_unit(words):
        return True
    if words.ordinal is not None and words.part is not None:
        container = words.years or words.month or set(words.units) & {"month", "year"}
        if words.part == "quarter" or container:
            return True
    if words.has("century") and any(_CENTURY_WORD.match(word) for word in words.words):
        return True
    if words.unit is None:
        return False
    if words.deictic is not None or words.has("ago", "hence", "same", *RECENT_WORDS):
        return True
    if words.words[0] == "in" and words.count is not None:
        return True
    relative = any(word in RELATIVE_TO_PREVIOUS for word in words.words)
    if relative and (words.count is not None or words.words[0] == "the"):
        return True
    if edge_of_current(words):
        return True
    return words.words[0] == "the" and words.has(*PERIOD_WORDS)


def relative_to_event(span: Span) -> bool:
    """'the day before the vote': counted from an event, not a date the text gives."""
    last = span[-1]
    return last.lower_ in ("before", "after") and any(
        child.dep_ == "pobj" for child in last.children
    )


def speaks_of_future(span: Span) -> bool:
    """Whether the verb governing the expression has a future auxiliary ("will", "'ll")."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and any(
            child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUXILIARIES
            for child in token.children
        ):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def with_future_in(span: Span, future: bool) -> Span:
    """'(they will return) in two weeks' places a date; 'in two weeks, prices rose' is a duration,
    so "in" joins a counted span only in a sentence about the future."""
    doc = span.doc
    counted = span[0].like_num or span[0].lower_ in ("a", "an")
    if future and counted and span.start > 0 and doc[span.start - 1].lower_ == "in":
        return doc[span.start - 1 : span.end]
    return span


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression of the document, resolved against `doc._.published` and the date
    mentioned before it."""
    previous: Period | None = None
    mentions: list[DateMention] = []
    for span in candidate_spans(doc):
        future = speaks_of_future(span)
        span = with_future_in(span, future)
        words = read_words(span)
        if not has_calendar_cue(words) or is_age(span) or is_count_of_things(span):
            continue
        context = Context(doc._.published, previous, future)
        period, reason = resolve(words, context)
        if relative_to_event(span):
            period, reason = None, "counted from an event, not a date"
        if period is not None and not words.has("same"):
            previous = period  # a comparison ("the same period last year") keeps the thread
        mentions.append(
            DateMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=period.timex if period else None,
                reason=reason,
            )
        )
    return mentions


@Language.factory(
    "claimcheck_dates",
    requires=["token.ent_type", "token.dep"],
    assigns=["doc._.dates"],
)
def make_dates_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator("dates", find_dates)
