"""Finds how long an article says something took or lasts: `logistics ... will take time,
possibly weeks`, `some places may not receive aid for up to two weeks`, `the blackout lasted
three days`.

A duration is a unit of time read from the parse in one of three places:

- the object of a verb of lasting (`will take weeks`, `lasted three days`), or an apposition to
  its object `time` (`will take time, possibly weeks`): the stretch is how long the verb's
  subject took or lasts;
- the object of `for` after a verb (`may not receive aid for up to two weeks`, `was cut off
  for a week`): how long the verb's act went on, or for a negated verb how long it waits.

Its length is its count times the unit (`up to two weeks` -> at most 14 days, a qualifier read
with the project's one table); a plural with no number is at least two (`weeks`). A unit that a
determiner puts on the calendar (`for this month`, `for the next week`) is a date, not a
length. Its measure is what the stretch is the time of: a measure the measures table knows in
the clause (`aid` of "receive aid", of "securing the funds"), else the words of its subject or
object, and for a verb of state its subject and the state (`trump office` of "Trump has been in
office for two years"). A pronoun, a missing subject or a state the parse does not give leaves
nothing to meet on, and no duration.
"""

from __future__ import annotations

from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.durations)
from claimcheck.extraction.events import acted_on
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.frames import canonical, phrase
from claimcheck.extraction.numbers import words_value
from claimcheck.kinds.duration import SPEC as DURATION
from claimcheck.lang.en.durations import (
    CALENDAR_DETERMINERS,
    DELAY_VERBS,
    LASTING_VERBS,
    STATE_VERBS,
    STRETCH_WORDS,
    TIME_NOUNS,
    UNIT_DAYS,
    VAGUE_COUNTS,
)
from claimcheck.lang.en.qualifiers import bounds, qualifier_kind
from claimcheck.lang.en.syntax import SUBJECT_DEPS
from claimcheck.model import Duration

#: Parts of speech of a word a measure can be named by.
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Tokens a duration's text holds at most, from its measure to its unit.
MAX_TOKENS = 16


def verb_of(unit: Token) -> Token | None:
    """The verb whose stretch of time the unit is, or None when the unit is not one."""
    head = unit.head
    if unit.dep_ == "pobj" and head.lower_ == "for":
        verb = head.head
        if verb.dep_ == "acomp":  # "remained closed for days": the stretch of the state
            verb = verb.head
    elif unit.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in LASTING_VERBS:
        verb = head
    elif unit.dep_ == "appos" and head.lemma_.lower() in TIME_NOUNS and head.dep_ == "dobj":
        verb = head.head
        if verb.lemma_.lower() not in LASTING_VERBS:
            return None
    else:
        return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


def on_the_calendar(unit: Token) -> bool:
    """`for this month`, `for the next week`: a period placed in time, not a length (`for the
    past two weeks` is one)."""
    determiners = [c.lower_ for c in unit.children if c.dep_ in ("det", "amod")]
    if any(word in STRETCH_WORDS for word in determiners):
        return False
    return any(word in CALENDAR_DETERMINERS for word in determiners)


def length_of(unit: Token) -> tuple[float | None, float | None] | None:
    """The bounds in days of the stretch a unit ends, or None when it gives no length."""
    per_unit = UNIT_DAYS[unit.lemma_.lower()]
    count = next((c for c in unit.children if c.dep_ == "nummod"), None)
    article = next((c for c in unit.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    vague = any(c.lower_ in VAGUE_COUNTS for c in unit.children)
    if count is not None:
        value = words_value([count.text])
        first = count
    elif article is not None:
        value, first = 1.0, article
    elif unit.tag_ == "NNS" or vague:
        return 2 * per_unit, None
    else:
        return None
    if value is None:
        return None
    hedge = " ".join(t.lower_ for t in unit.doc[unit.left_edge.i : first.i])
    qualifier = hedge if qualifier_kind(hedge) else None
    return bounds(value * per_unit, None, qualifier)


def measured_by(noun: Token) -> str | None:
    """The measure a noun phrase names: the first word of it the measures table knows
    ("logistics of securing the funds" -> aid)."""
    return next(
        (found for t in noun.subtree if t.pos_ in NOUN_POS and (found := canonical(t))), None
    )


def what_lasts(verb: Token) -> Token | None:
    """The phrase the stretch is the time of: the subject of a verb of lasting or of state
    ("logistics will take weeks", "the mayor has been in office for a year"), any other verb's
    object or passive subject ("receive aid for two weeks", "the plant was closed for a week"),
    or the subject of a verb that has neither ("aid has been flowing for a week"). A clause as
    the subject of a verb of lasting ("shipping the aid will take weeks") counts only where it
    names a measure the table knows."""
    if verb.lemma_.lower() in LASTING_VERBS | STATE_VERBS:
        noun = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    else:
        noun = acted_on(verb)
        if noun is None:
            noun = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if noun is None and verb.lemma_.lower() in LASTING_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "csubj"), None)
        return noun if noun is not None and measured_by(noun) else None
    return noun if noun is not None and noun.pos_ in NOUN_POS else None


def state_of(verb: Token) -> Token | None:
    """What a verb of state says its subject was: its attribute or adjective ("president",
    "closed"), else the object of its preposition ("in office", "at the plant")."""
    for child in verb.children:
        if child.dep_ in ("attr", "acomp"):
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ != "for":
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None:
                return place
    return None


def measure_of(verb: Token, noun: Token, state: Token | None) -> str | None:
    """What the stretch is the time of: a measure the table knows, else the subject of a verb
    of lasting, a verb of state's subject and state ("trump office": "Trump has been in office
    for two years" is not "Trump has been a Republican for years"), or any other verb with what
    it acts on. None for a verb of state whose state the parse does not give."""
    known = measured_by(noun)
    if known is not None:
        return known
    lemma = verb.lemma_.lower()
    if lemma in STATE_VERBS:
        return f"{phrase(noun)} {phrase(state)}" if state is not None else None
    if lemma in LASTING_VERBS:
        return phrase(noun)
    return f"{lemma} {phrase(noun)}"


def sense_of(verb: Token) -> Literal["delay", "span"]:
    """A delay (how long until something is done) or a span (how long it went on)."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    return "delay" if negated or verb.lemma_.lower() in DELAY_VERBS else "span"


def duration_of(unit: Token) -> Duration | None:
    verb = verb_of(unit)
    if verb is None or on_the_calendar(unit):
        return None
    length = length_of(unit)
    noun = what_lasts(verb)
    state = state_of(verb) if verb.lemma_.lower() in STATE_VERBS else None
    measure = measure_of(verb, noun, state) if noun is not None else None
    if length is None or noun is None or measure is None:
        return None
    doc = unit.doc
    stretch = doc[unit.left_edge.i : unit.i + 1]
    start = min(noun.i, verb.i, unit.left_edge.i)
    end = max(noun.i, verb.i, unit.i, state.i if state is not None else 0) + 1
    if end - start > MAX_TOKENS:
        start, end = min(verb.i, unit.left_edge.i), max(verb.i, unit.i) + 1
    span = doc[start:end]
    low, high = length
    return Duration(
        span.text,
        span.start_char,
        span.end_char,
        stretch.text,
        low,
        high,
        sense_of(verb),
        measure,
    )


def find_durations(doc: Doc) -> list[Duration]:
    """Every duration `doc` states, in text order."""
    found = (
        duration_of(token)
        for token in doc
        if token.pos_ == "NOUN" and token.lemma_.lower() in UNIT_DAYS
    )
    return sorted((d for d in found if d is not None), key=lambda d: d.start)


@Language.factory(
    "claimcheck_durations",
    requires=["token.dep", "token.lemma", "token.tag"],
    assigns=[f"doc._.{DURATION.extension}"],
)
def make_durations_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(DURATION.extension, find_durations)
