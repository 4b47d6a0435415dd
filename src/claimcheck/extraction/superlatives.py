"""Finds the records an article claims: `the highest risk of earth impact to date`, `one of the
closest passes of Earth ever seen`, `the worst rioting Greece has seen in decades`.

A record is a superlative (tag JJS or RBS, or `most`/`least` before an adjective) read from the
parse in one of two grammatical shapes:

- attributive: it modifies a noun whose phrase is definite (`the`, a possessive noun or `its`,
  or `one of the ...`); the claim is that noun phrase;
- predicative or adverbial: `is the largest in the region`, `came closest to the Earth`; the
  claim is the superlative with what it governs.

Superlatives that claim no record are left out: likelihood, recency and quantity (`the most
likely`, `the latest figures`, `most people`), idioms after `at` (`at least 30`), and the
speaker's own (`our deepest condolences`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.superlatives)
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.kinds.superlative import SPEC as SUPERLATIVE
from claimcheck.lang.en.superlatives import (
    IDIOM_OPENERS,
    NOT_RECORDS,
    PERSONAL_POSSESSIVES,
    RECORD_MARKERS,
)
from claimcheck.model import Superlative

#: Tags of a superlative adjective or adverb ("highest", "closest", "most").
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
#: Dependency labels of a superlative that modifies a noun.
MODIFIER_DEPS = frozenset({"amod", "nummod"})
#: Dependency labels of what stands before a noun inside its phrase.
NOUN_MODIFIER_DEPS = frozenset(
    {
        "det",
        "poss",
        "amod",
        "compound",
        "nummod",
        "advmod",
        "quantmod",
        "predet",
        "nmod",
        "npadvmod",
    }
)
#: Tags of a plural noun: "the wealthiest nations" names a class unless it marks a record.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Tokens a record phrase holds at most: past them, a noun's subtree runs into other clauses.
MAX_TOKENS = 14
#: Content words (tags of nouns, adjectives, verbs) a record holds at least besides its degree:
#: a bare `best` or `biggest` says the most of nothing.
CONTENT_TAGS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: Punctuation that closes a record phrase: what follows a comma is another clause or item.
CLOSING = frozenset({",", ";", ":", "(", ")", "—", "–", '"', "“", "”"})


def degree_of(token: Token) -> Token | None:
    """The superlative word a token makes: itself ("highest"), or for `most`/`least` the
    adjective or adverb it grades ("most powerful" -> powerful); None otherwise."""
    if token.lower_ in ("most", "least"):
        graded = token.head
        if token.dep_ == "advmod" and graded.pos_ in ("ADJ", "ADV") and graded.i != token.i:
            return graded
        return None
    return token if token.tag_ in SUPERLATIVE_TAGS else None


def claims_record(marker: Token, degree: Token) -> bool:
    """Whether a superlative states a record rather than a hedge, a date or an idiom."""
    if degree.lemma_.lower() in NOT_RECORDS or degree.lower_ in NOT_RECORDS:
        return False
    before = marker.doc[marker.i - 1] if marker.i > 0 else None
    return before is None or before.lower_ not in IDIOM_OPENERS


def definite(noun: Token) -> bool:
    """Whether a noun phrase names one thing: `the`, a possessive (not the speaker's own, `our
    deepest condolences`), or `one of the ...`."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ == "the":
            return True
        if child.dep_ == "poss":
            return child.lower_ not in PERSONAL_POSSESSIVES
    return one_of(noun) is not None


def one_of(noun: Token) -> Token | None:
    """The `one` of `one of the closest passes`, when the noun is its partitive."""
    preposition = noun.head
    if noun.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.lower_ == "one":
        return preposition.head
    return None


def record_phrase(degree: Token) -> Span | None:
    """The words of the record a superlative makes, or None when it makes none."""
    noun = degree.head
    if degree.dep_ in MODIFIER_DEPS and noun.pos_ in ("NOUN", "PROPN"):
        if not definite(noun):
            return None
        partitive = one_of(noun)
        if partitive is None and noun.tag_ in PLURAL_TAGS and not marks_record(noun):
            return None  # "the wealthiest nations": a class, not a record
        start = partitive.i if partitive is not None else noun_start(noun)
        return phrase(noun.doc, start, noun.right_edge.i + 1, degree)
    return phrase(degree.doc, degree.left_edge.i, degree.right_edge.i + 1, degree)


def noun_start(noun: Token) -> int:
    """Where a noun phrase begins: its leftmost determiner or modifier (a clause's subject
    before it, "making it the widest release", is not part of it)."""
    before = [c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_MODIFIER_DEPS]
    return min(before, default=noun.i)


def marks_record(noun: Token) -> bool:
    """Whether a noun's phrase holds a word that marks a record ("ever", "in history")."""
    return any(t.lower_ in RECORD_MARKERS for t in noun.subtree)


def phrase(doc: Doc, start: int, end: int, degree: Token) -> Span | None:
    """`doc[start:end]` cut at the first closing mark after the degree and at `MAX_TOKENS`; None
    when it holds no content word but the degree."""
    end = min(end, start + MAX_TOKENS)
    end = next((t.i for t in doc[degree.i + 1 : end] if t.text in CLOSING), end)
    start = next((t.i + 1 for t in reversed(doc[start : degree.i]) if t.text in CLOSING), start)
    span = doc[start:end]
    content = [t for t in span if t.pos_ in CONTENT_TAGS and t.i != degree.i and t.is_alpha]
    return span if content else None


def find_superlatives(doc: Doc) -> list[Superlative]:
    """Every record `doc` claims, in text order, each phrase once."""
    found: dict[tuple[int, int], Superlative] = {}
    for token in doc:
        degree = degree_of(token)
        if degree is None or not claims_record(token, degree):
            continue
        span = record_phrase(degree)
        if span is None:
            continue
        key = (span.start_char, span.end_char)
        about = " ".join(t.text for t in span if t.i not in (token.i, degree.i))
        found.setdefault(key, Superlative(span.text, key[0], key[1], degree.lemma_.lower(), about))
    return sorted(found.values(), key=lambda s: s.start)


@Language.factory(
    "claimcheck_superlatives",
    requires=["token.dep", "token.tag", "token.lemma"],
    assigns=[f"doc._.{SUPERLATIVE.extension}"],
)
def make_superlatives_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(SUPERLATIVE.extension, find_superlatives)
