"""Finds which way an article says a measure went: `the probability of collision with earth is
expected to decrease`, `2004 MN4's assessed risk has been corrected downward`, `the confirmed
death toll will continue to climb`.

A trend is a verb of change read from the parse with the measure it changes:

- the verb says the direction (`rise`, `climb`, `double`; `fall`, `cut`, `decrease`), or a
  word of direction beside a verb of correction does (`corrected downward`, `revised up`);
- the measure is the verb's object when it has one (`raised its pledge`), else its subject,
  passive subject included (`the toll rose`, `jobs were cut`), or the subject of the verb it
  completes (`the probability ... is expected to decrease`);
- the measure is one the measures table knows (`lang/en/measures.py`): "the toll", "deaths" and
  "people killed" are one measure, and an unknown noun ("tensions rose") is no trend to compare.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.trends)
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.frames import canonical
from claimcheck.kinds.trend import SPEC as TREND
from claimcheck.lang.en.measures import DIRECTED_VERBS, DIRECTION_WORDS, FALL_VERBS, RISE_VERBS
from claimcheck.lang.en.syntax import SUBJECT_DEPS
from claimcheck.model import Trend

#: Dependency labels through which a verb takes its subject from the verb it completes
#: ("is expected to decrease", "will continue to climb", "rose and then fell").
COMPLEMENT_DEPS = frozenset({"xcomp", "conj"})
#: Nouns that count what their "of" names ("hundreds of jobs", "a number of deaths").
COUNT_NOUNS = frozenset({"hundred", "thousand", "million", "dozen", "number", "score", "scores"})
#: How many verbs up a subject is looked for.
MAX_CLIMB = 3
#: Tokens a trend's text holds at most, from its measure's phrase to its verb.
MAX_TOKENS = 16


def direction_of(verb: Token) -> str | None:
    """Which way the verb says a measure went: "up", "down", or None."""
    lemma = verb.lemma_.lower()
    if lemma in RISE_VERBS:
        return "up"
    if lemma in FALL_VERBS:
        return "down"
    if lemma in DIRECTED_VERBS:
        return next(
            (DIRECTION_WORDS[c.lower_] for c in verb.children if c.lower_ in DIRECTION_WORDS), None
        )
    return None


def changed_noun(verb: Token) -> Token | None:
    """What the verb changes: its object, else its subject or the subject of the verb it
    completes."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        return obj
    token = verb
    for _ in range(MAX_CLIMB):
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if token.dep_ not in COMPLEMENT_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def measure_of(noun: Token) -> str | None:
    """The measure a noun names, or for a count of something ("hundreds of jobs", "thousands of
    people killed") the measure of what it counts."""
    found = canonical(noun)
    if found is not None:
        return found
    if not (noun.like_num or noun.lemma_.lower() in COUNT_NOUNS):
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return canonical(counted) if counted is not None else None


def trend_of(verb: Token) -> Trend | None:
    direction = direction_of(verb)
    if direction is None:
        return None
    noun = changed_noun(verb)
    measure = measure_of(noun) if noun is not None else None
    if noun is None or measure is None:
        return None
    doc = verb.doc
    direction_word = [c.i for c in verb.children if c.lower_ in DIRECTION_WORDS]
    end = max(noun.i, verb.i, *direction_word) + 1
    start = min(noun.left_edge.i, verb.i)
    if end - start > MAX_TOKENS:
        start = min(noun.i, verb.i)
    span = doc[start:end]
    return Trend(span.text, span.start_char, span.end_char, measure, direction)  # type: ignore[arg-type]


def find_trends(doc: Doc) -> list[Trend]:
    """Every trend `doc` states, in text order."""
    found = (trend_of(token) for token in doc if token.pos_ == "VERB")
    return sorted((t for t in found if t is not None), key=lambda t: t.start)


@Language.factory(
    "claimcheck_trends",
    requires=["token.dep", "token.lemma"],
    assigns=[f"doc._.{TREND.extension}"],
)
def make_trends_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(TREND.extension, find_trends)
