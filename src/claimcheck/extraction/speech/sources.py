"""What a source noun phrase credits: the author a text or a figure names, and the text or
outlet that "the report", "the paper" or "it" stands for.

A claim's source is a person, an organisation, a study or a report. A noun phrase often names
one inside it (`a plan from the city council`, `the ministry's figures`, `a report by the
Times`): the credit goes to that author. A definite `the report` or `the newspaper` points back
to the text or outlet named before, and `it says` to the last text or organisation mentioned.
A noun that only names a figure (`the new figure shows`, `the data suggest`) credits nobody.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from claimcheck.extraction.doc_index import doc_index
from claimcheck.lang.en.speech import (
    AUTHOR_PREPOSITIONS,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    FIGURE_NOUNS,
    OUTLET_NOUNS,
)

#: Entity types that never author a text (`figures from last year`, `a study of 2,000`).
NON_AUTHOR_ENTITIES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
#: Entity types of places and peoples: "the United States" is no outlet.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT"})
#: Labels of the entities an `it` can stand for.
THING_LABELS = frozenset({"ORG"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_author(token: Token) -> bool:
    """A noun that can have written a text: a name or a common noun, not a date or figure."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NON_AUTHOR_ENTITIES:
        return False
    return lemma(token) not in FIGURE_NOUNS


def credited_author(noun: Token) -> Token | None:
    """The author a text or a figure names inside its own phrase: its possessor (`the
    ministry's figures`) or the object of `by` / `from` (`a report by X`, `a new plan from X`).
    A noun for someone who speaks keeps the credit (`Tunisia's coach`, `officials from X`)."""
    if noun.pos_ != "NOUN" or lemma(noun) not in DOCUMENT_NOUNS | FIGURE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and is_author(child):
            return child
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and is_author(agent):
                return agent
        if child.dep_ == "prep" and child.lower_ == "in":
            outlet = next((c for c in child.children if c.dep_ == "pobj"), None)
            if outlet is not None and outlet.pos_ == "PROPN" and is_author(outlet):
                return outlet  # `an article in the Gulf Energy Review`
    return None


def appositive_name(noun: Token) -> Token | None:
    """The name set beside a common noun that says what it is (`the agency Reuters`,
    `web site RottenTomatoes.com`): the name is the source."""
    if noun.pos_ != "NOUN":
        return None
    return next(
        (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and is_author(c)),
        None,
    )


def is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def window_start(token: Token, sentences: int) -> int:
    """The first token of the sentence `sentences` back from the one holding `token`."""
    starts = doc_index(token.doc).sentence_starts
    count = bisect_right(starts, token.i)
    return starts[count - sentences] if count >= sentences else 0


def named_before(
    noun: Token,
    quoted: frozenset[int],
    sentences: int,
    is_cue: Callable[[Token], bool] = lambda token: False,
) -> Token | None:
    """What a definite text or outlet noun points back to within the last `sentences`
    sentences: an earlier mention of the same text (`A report by X ... the report said`) or,
    for an outlet noun, the organisation named last, preferring one that a verb of saying
    (`is_cue`) makes a source or an addressee (`told the Times`) over one only mentioned (a
    photo credit)."""
    if noun.pos_ != "NOUN" or not is_definite(noun):
        return None
    word = lemma(noun)
    if word not in DOCUMENT_NOUNS and word not in OUTLET_NOUNS:
        return None
    doc = noun.doc
    outlets: list[Token] = []
    for i in range(noun.i - 1, window_start(noun, sentences) - 1, -1):
        if i in quoted:
            continue
        other = doc[i]
        if word in OUTLET_NOUNS and (is_organisation(other) or is_titled_name(other)):
            outlets.append(other)
        if word in DOCUMENT_NOUNS and other.pos_ == "NOUN" and lemma(other) == word:
            return other
    speaking = [outlet for outlet in outlets if is_cue(outlet.head)]
    return (speaking or outlets or [None])[0]


def thing_before(pronoun: Token, quoted: frozenset[int], sentences: int) -> Token | None:
    """What an `it` that says something stands for: the last text or organisation named in
    the last `sentences` sentences (`The Guardian obtained the audit. "...," it says.`)."""
    doc = pronoun.doc
    for i in range(pronoun.i - 1, window_start(pronoun, sentences) - 1, -1):
        if i in quoted:
            continue
        other = doc[i]
        if is_organisation(other):
            return other
        if other.pos_ == "NOUN" and lemma(other) in DOCUMENT_NOUNS | OUTLET_NOUNS:
            return other
    return None


def is_organisation(token: Token) -> bool:
    """The head token of an organisation's name."""
    entity = doc_index(token.doc).entity_of(token) if token.ent_type_ else None
    return entity is not None and entity.label_ in THING_LABELS and entity.root.i == token.i


def is_titled_name(token: Token) -> bool:
    """The head of a proper name written with "the", as outlets are ("The Harbour Gazette"):
    a person's name never takes an article, so a model's PERSON tag there is a mistake."""
    heads_phrase = token.dep_ not in ("compound", "flat") and token.head.pos_ != "PROPN"
    has_article = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    label_fits = token.ent_type_ not in PLACE_ENTITIES | NON_AUTHOR_ENTITIES
    return token.pos_ == "PROPN" and heads_phrase and has_article and label_fits
