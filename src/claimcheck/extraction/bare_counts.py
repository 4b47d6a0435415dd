"""Counts written without a noun after the number: news names what is counted elsewhere.

`the death toll rose to 40`, `a toll of 55`, `the toll, then 12,`, `stands at 282,517` (the
figure is the value of a measure noun: its unit is that noun), `killed 55`, `55 died`,
`1,100 were listed as missing` (the figure is an argument of a verb: its unit is the verb),
`126 dead and 93 missing` (a number followed by a participle or adjective standing for people),
and both ends of `from 9,000 to 1,200 jobs`. Every rule reads the number's dependency role, so
the number must head a noun phrase of its own: a number that only modifies a name or a label
(`Level 4`, `Apollo 11`, `Section 230`) has no such role and is left out, as are numbers the
model tags as dates, times or names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimcheck.extraction.doc_index import doc_index
from claimcheck.lang.en.numbers import CLOCK_PREPOSITIONS, VALUE_PREPOSITIONS
from claimcheck.lang.en.syntax import SUBJECT_DEPS

#: Entity types of numbers that are not counts ("at 5" a time, "Jan 5" a date, "Boeing 747").
NON_COUNT_ENTITIES = frozenset(
    {"DATE", "TIME", "ORDINAL", "MONEY", "PERSON", "ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART"}
)
CLOCK_MAX = 24
#: Tags of a word that stands for the people counted right after a number ("55 dead",
#: "93 missing", "12 injured"): an adjective or participle used as a noun.
STATE_TAGS = frozenset({"JJ", "VBN", "VBG"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def bare_count(doc: Doc, end: int) -> tuple[int, str] | None:
    """For the number that ends before `doc[end]` and counts no noun after it: the index after the
    count's text and its unit, or None when the number is no count."""
    last = doc[end - 1]
    if is_non_count_entity(last) or is_ratio_base(doc, end):
        return None
    if end < len(doc) and doc[end].tag_ == "POS":
        return None  # "200's film": a possessor, a year or a name
    state = state_word(doc, end)
    if state is not None:
        return end + 1, state.lower_
    role = last
    if role.dep_ in ("quantmod", "conj") and role.head.like_num and role.head.i > role.i:
        role = role.head  # "from 9,000 to 1,200": the first end takes the second's role
    elif role.dep_ == "nummod":
        return None  # "page 12", "Level 4": a number that names, not counts
    unit = unit_of_role(role, first_of_range=role is not last)
    return (end, unit) if unit else None


def is_non_count_entity(number: Token) -> bool:
    """The model tagged the number as part of a date, time or name. Its tag is believed only when
    the entity is one phrase in the parse: "40 overnight" tagged TIME in "rose to 40 overnight" is
    two words the parse does not join (the number hangs on "to", the adverb on the verb), so the
    number is still a count; "5 p.m." or "Boeing 747" are one phrase and stay no count."""
    if number.ent_type_ not in NON_COUNT_ENTITIES:
        return False
    entity = doc_index(number.doc).entity_of(number)
    if entity is None:
        return True
    roots = [t for t in entity if not entity.start <= t.head.i < entity.end or t.head.i == t.i]
    return len(roots) <= 1


def is_ratio_base(doc: Doc, end: int) -> bool:
    """The 1 of "1 in 300": the count is the second number."""
    return end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].like_num


def state_word(doc: Doc, end: int) -> Token | None:
    """The adjective or participle right after a number that stands for what is counted
    ("55 dead", "93 missing"), when no noun follows it (else the noun is counted)."""
    if end >= len(doc):
        return None
    word = doc[end]
    if word.tag_ not in STATE_TAGS or word.pos_ not in ("ADJ", "VERB") or not word.is_alpha:
        return None
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is not None and (following.pos_ in NOUN_POS or following.lower_ in ("than",)):
        return None
    return word


def unit_of_role(number: Token, first_of_range: bool = False) -> str | None:
    """What a number heading its own noun phrase counts, read from its role in the clause.
    `first_of_range`: the number is the first of two the parse joins as a range ("by 3 to 40"
    read as "3 to 40": the 3 is the change, the 40 the new value)."""
    head = number.head
    dep = number.dep_
    if dep in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return state_of(head) or head.lower_  # "55 died", "1,100 were listed", "20 were missing"
    if dep == "nummod" and head.pos_ == "NOUN" and head.i > number.i:
        return noun_phrase(head)  # the first end of "from 9,000 to 1,200 jobs"
    if dep == "dobj" and head.pos_ == "VERB" and not is_imperative(head):
        return head.lower_  # "killed 55", "approached 80,000"
    if dep == "attr" and head.pos_ in ("VERB", "AUX"):
        return measure_noun(head)  # "the toll was 55"
    if dep == "appos" and head.pos_ == "NOUN" and has_comma_between(head, number):
        return noun_phrase(head)  # "the toll, then 12,"
    if dep == "pobj" and head.lower_ in VALUE_PREPOSITIONS:
        if head.lower_ in CLOCK_PREPOSITIONS and is_clock_like(number):
            return None
        governor = head.head
        while governor.dep_ == "prep" and governor.lower_ in VALUE_PREPOSITIONS:
            governor = governor.head  # "raised the toll by 3 to 40": the 40 is the toll's too
        if governor.pos_ == "NOUN":
            return noun_phrase(governor)  # "a death toll of 55"
        if governor.pos_ in ("VERB", "AUX"):
            noun = measure_noun(governor)  # "the toll rose to 40", "raised the toll by 3"
            change = head.lower_ == "by" and (first_of_range or not ends_range(number))
            return f"change in {noun}" if noun and change else noun
    return None


def ends_range(number: Token) -> bool:
    """The second number of a range the parse built ("3 to 40")."""
    return any(c.dep_ == "quantmod" and c.lower_ == "to" for c in number.children)


def state_of(verb: Token) -> str | None:
    """What a linking verb says its subject is or became ("20 were missing", "12 are injured",
    "14 remain missing", "3 became ill"): the adjective or participle it takes as complement
    (an `acomp` marks the verb as linking, whatever the verb)."""
    state = next((c for c in verb.children if c.dep_ == "acomp" and c.tag_ in STATE_TAGS), None)
    return state.lower_ if state is not None else None


def is_imperative(verb: Token) -> bool:
    """A command opening its sentence ("Call 911"): its object is a number to dial or key."""
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    opens = verb.i == doc_index(verb.doc).sentence_of(verb.i).start
    return not has_subject and verb.dep_ == "ROOT" and opens


def measure_noun(verb: Token) -> str | None:
    """The noun a verb says the figure of: its object ("raised the toll to 40") else its
    subject ("the toll rose to 40"), climbing through verbs that share their subject."""
    for _ in range(3):
        for deps in (("dobj",), SUBJECT_DEPS):
            noun = next((c for c in verb.children if c.dep_ in deps and is_measure(c)), None)
            if noun is not None:
                return noun_phrase(noun)
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def is_measure(word: Token) -> bool:
    """Whether a verb's subject or object can be what its figure measures: a noun, or an
    adjective the sentence uses as one ("the dead", "the total ... stands at 282,517"). A noun
    that a number of its own counts ("all eleven countries ... stands at 282,517", a misparse
    of "the total for all eleven countries") is already measured by that number."""
    if word.like_num:
        return False
    if word.pos_ == "ADJ":
        return any(child.dep_ == "det" for child in word.children)
    return word.pos_ == "NOUN" and not counted_by_own_number(word)


def counted_by_own_number(noun: Token) -> bool:
    """A noun a number of its own counts ("eleven countries"): that number is its figure."""
    return any(child.dep_ == "nummod" and child.like_num for child in noun.children)


def noun_phrase(noun: Token) -> str:
    """A unit noun with the compound nouns and adjectives right before it ("death toll"); a
    participle there says how the figure was obtained ("the assessed risk", "the estimated
    toll"), not what it counts, and is left out."""
    start = noun.i
    while start > 0 and noun.doc[start - 1].dep_ in ("compound", "amod"):
        modifier = noun.doc[start - 1]
        if modifier.head.i != noun.i or modifier.tag_ == "VBN":
            break
        start -= 1
    return noun.doc[start : noun.i + 1].text


def has_comma_between(left: Token, right: Token) -> bool:
    return any(t.text == "," for t in left.doc[left.i + 1 : right.i])


def is_clock_like(number: Token) -> bool:
    text = number.text
    return "," not in text and text.replace(".", "", 1).isdigit() and float(text) <= CLOCK_MAX
