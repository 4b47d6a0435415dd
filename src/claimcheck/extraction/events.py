"""Finds what an article says was done to what: `struggling to bury the bodies of the dead`,
`Officials continue to struggle with burying the dead`, `The Philadelphia 76ers fired Coach
Maurice Cheeks`.

An event is a verb read from the parse with what it acts on:

- the verb is a full verb that tells of something done: not negated ("did not bury"), not an
  order to the reader ("Hit the jump for more"), not a word of a title ("Meet the Fockers"),
  and not a light verb ("take time"), a verb of saying (reported speech is its own kind) or of
  change (trends);
- what it acts on is its object, or in the passive its subject ("Cheeks was fired"); a part or
  number of something ("the bodies of the dead", "thousands of residents") stands for what it
  is "of"; pronouns, numbers and vague nouns ("a way") name nothing to meet on, and a bare
  singular noun makes an idiom with its verb ("opened fire", "altered course"), not an event;
- its context is what else the parse says of it: its subject, the verb it completes
  ("struggling to bury"), the words qualifying its object; its participants are the names in
  its clause besides the patient ("fired from the Blazers").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.events)
from claimcheck.extraction.doc_index import doc_index
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.kinds.event import SPEC as EVENT
from claimcheck.lang.en.events import LIGHT_VERBS, PARTITIVE_NOUNS, VAGUE_OBJECTS
from claimcheck.lang.en.measures import DIRECTED_VERBS, FALL_VERBS, RISE_VERBS
from claimcheck.lang.en.speech import SPEECH_VERBS
from claimcheck.model import Event
from claimcheck.names import fold

#: Verbs that name no event of their own (see the module's docstring).
NOT_EVENTS = LIGHT_VERBS | SPEECH_VERBS | RISE_VERBS | FALL_VERBS | DIRECTED_VERBS
#: Parts of speech an object names a thing by ("the dead" is an adjective standing for people).
OBJECT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: Dependents that make a noun a particular thing rather than part of an idiom with its verb.
PARTICULAR_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "prep", "acl", "relcl"})
#: Dependents of a noun that qualify it ("a brazen robbery", "Lawrence's option"); a compound
#: is part of the noun's own name ("merchant vessel"), not something more said of it.
QUALIFIER_DEPS = frozenset({"amod", "poss"})
#: Links through which a verb completes another ("struggling to bury", "struggle with burying").
COMPLETES = frozenset({"xcomp", "pcomp", "advcl"})
#: Tokens an event's text holds at most, from its verb to what it acts on.
MAX_TOKENS = 12


def acted_on(verb: Token) -> Token | None:
    """What the verb acts on: its direct object, or in the passive its subject."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def whole_of(noun: Token) -> Token:
    """For a part or number of something ("the bodies of the dead"), the something."""
    if noun.lemma_.lower() not in PARTITIVE_NOUNS:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None else noun


def names_a_thing(noun: Token) -> bool:
    if noun.pos_ not in OBJECT_POS or noun.like_num:
        return False
    if noun.lemma_.lower() in VAGUE_OBJECTS | PARTITIVE_NOUNS:
        return False
    bare_singular = noun.tag_ == "NN" and not any(c.dep_ in PARTICULAR_DEPS for c in noun.children)
    return not bare_singular


def in_a_name(verb: Token) -> bool:
    """A verb that is a word of a name or title ("Universal Pictures' Meet the Fockers", "the
    sequel to Meet the Parents"): tagged inside an entity, or capitalised within its sentence."""
    return bool(verb.ent_type_) or (verb.is_title and not verb.is_sent_start)


def an_order(verb: Token) -> bool:
    """An imperative: a bare verb that heads its sentence with no subject ("Hit the jump")."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )


def name_of(noun: Token) -> str:
    """A proper noun with the names compounded to it ("Coach Maurice Cheeks" -> "maurice
    cheeks" where the model tags the person), else the lemma with its compounds."""
    if noun.pos_ != "PROPN":  # "asylum seeker", "merchant vessel"
        parts = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.is_alpha]
        return " ".join([*parts, noun.lemma_.lower()])
    return proper_name(noun)


def patient_of(noun: Token) -> str:
    """What the event is done to, with its count where it has one: "spent 19 seasons" and
    "spent four seasons" are two acts, whose figures the quantities compare."""
    count = [c.lower_ for c in noun.children if c.dep_ == "nummod"]
    return " ".join([*count, name_of(noun)])


def proper_name(noun: Token) -> str:
    """The name with its compounded names, those of the noun's own entity type where the model
    tags one ("Coach Maurice Cheeks" -> "maurice cheeks")."""
    parts = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if noun.ent_type_:
        parts = [c for c in parts if c.ent_type_ == noun.ent_type_]
    return fold(" ".join([*(c.text for c in parts), noun.text]))


def completed_verb(verb: Token) -> Token | None:
    """The verb this one completes: "struggling" of "struggling to bury" and of "struggle with
    burying"."""
    if verb.dep_ not in COMPLETES:
        return None
    head = verb.head
    if head.pos_ == "ADP":
        head = head.head
    return head if head.pos_ == "VERB" and head.i != verb.i else None


def context_of(verb: Token, patient: Token) -> tuple[str, ...]:
    """What else the parse says of the event, beyond its verb and patient: two tellings that
    share one of these words tell more than a common phrase."""
    words: set[str] = set()
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        words.add(name_of(subject))
    governor = completed_verb(verb)
    if governor is not None and governor.lemma_.lower() not in NOT_EVENTS:
        words.add(governor.lemma_.lower())
    words.update(
        c.lemma_.lower()
        for c in patient.children
        if c.dep_ in QUALIFIER_DEPS and c.is_alpha and not c.is_stop  # not "its", "more"
    )
    words.discard(name_of(patient))
    words.difference_update(c.lower_ for c in patient.children if c.dep_ == "nummod")
    return tuple(sorted(words))


#: Entity labels that are times or figures, not names of participants.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: A `Doc`'s names as (first token, end token, folded text), read once per `Doc`.
Names = list[tuple[int, int, str]]


def names_in(doc: Doc) -> Names:
    entities = doc_index(doc).entities
    return [(e.start, e.end, fold(e.text)) for e in entities if e.label_ not in NOT_NAMES]


def participants_of(verb: Token, noun: Token, names: Names) -> tuple[str, ...]:
    """The names in the verb's clause outside what it acts on (dates are times, not names)."""
    first, end = verb.left_edge.i, verb.right_edge.i + 1
    inside = (noun.left_edge.i, noun.right_edge.i + 1)
    found = {
        name
        for start, stop, name in names
        if first <= start and stop <= end and (stop <= inside[0] or start >= inside[1]) and name
    }
    return tuple(sorted(found))


def event_of(verb: Token, names: Names) -> Event | None:
    lemma = verb.lemma_.lower()
    if lemma in NOT_EVENTS or an_order(verb) or in_a_name(verb):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    noun = acted_on(verb)
    patient = whole_of(noun) if noun is not None else None
    if noun is None or patient is None or not names_a_thing(patient):
        return None
    start = min(verb.i, noun.left_edge.i if noun.i < verb.i else verb.i)
    end = max(verb.i, patient.i) + 1
    if end - start > MAX_TOKENS:
        start = min(verb.i, noun.i)
    span = verb.doc[start:end]
    return Event(
        span.text,
        span.start_char,
        span.end_char,
        lemma,
        patient_of(patient),
        context_of(verb, patient),
        participants_of(verb, noun, names),
    )


def events_in(doc: Doc) -> Iterator[Event]:
    names = names_in(doc)
    for token in doc:
        if token.pos_ == "VERB":
            found = event_of(token, names)
            if found is not None:
                yield found


def find_events(doc: Doc) -> list[Event]:
    """Every event `doc` tells of, in text order."""
    return sorted(events_in(doc), key=lambda e: e.start)


@Language.factory(
    "claimcheck_events",
    requires=["token.dep", "token.lemma", "token.tag", "doc.ents"],
    assigns=[f"doc._.{EVENT.extension}"],
)
def make_events_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(EVENT.extension, find_events)
