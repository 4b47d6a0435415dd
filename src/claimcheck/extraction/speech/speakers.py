"""Who says something: the cue (a verb of saying, `according to`) and the source it credits.

Quotes and reported speech share one problem: find the verb of saying that governs the words,
take its subject, and turn that subject into the name the article gives the source ("he" ->
"Donald Trump", "the foreign minister" -> "Luis Videgaray", "Videgaray" -> "Luis Videgaray").
Everything is read off the dependency parse and the named entities, so the rules hold for any
news article, not for particular sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction.doc_index import doc_index
from claimcheck.extraction.speech.sources import (
    appositive_name,
    credited_author,
    named_before,
    thing_before,
)
from claimcheck.lang.en.speech import (
    FIGURE_NOUNS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    THING_PRONOUNS,
    WEAK_SPEECH_VERBS,
)
from claimcheck.lang.en.syntax import SUBJECT_DEPS
from claimcheck.names import NameIndex, clean_name, full_name

#: Dependencies through which a verb passes its subject down to the verb of saying
#: (`went on to say`, `issued a statement saying`, `and added`).
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep"})
#: How the parser sometimes attaches the name after an inverted verb of saying.
INVERTED_SUBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "oprd"})
#: Entity labels that can be credited with words.
SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Children left out when a common noun phrase is quoted as a source.
NOUN_PHRASE_DROPS = frozenset({"relcl", "acl", "appos", "punct", "prep", "advmod", "det"})
#: Prepositions by which a source's noun names the body it speaks for ("a spokesman for ...").
BODY_PREPOSITIONS = frozenset({"for", "of", "from", "at"})
#: Dependencies of a verb of saying that carry what was said.
CONTENT_DEPS = frozenset({"ccomp"})
#: How the parser hangs a `, he said` put after the words on the clause it reports.
PARENTHETICAL_DEPS = frozenset({"parataxis", "ccomp"})
#: How many sentences back a pronoun looks for the person it stands for.
PRONOUN_WINDOW = 6


def is_speech_cue(token: Token, weak_ok: bool = True) -> bool:
    """A verb of saying, the `according` of `according to X`, or the `words` of `in the words
    of X`."""
    if token.lower_ == "according":
        return any(child.lower_ == "to" for child in token.children)
    if token.lower_ == "words":
        return token.head.lower_ == "in" and words_of(token) is not None
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBG", "VBN"):
        return False
    if token.lemma_.lower() not in SPEECH_VERBS:
        return False
    return weak_ok or token.lemma_.lower() not in WEAK_SPEECH_VERBS


def speech_cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens `is_speech_cue` may accept (verbs, participles and "according"),
    read from the Doc's arrays so that the other words never become `Token` objects."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    verb_pos = {strings.add(pos) for pos in ("VERB", "AUX")}
    participles = {strings.add(tag) for tag in ("VBG", "VBN")}
    according = strings.add("according")
    rows = doc.to_array([POS, TAG, LOWER]).tolist()
    return [
        i
        for i, (pos, tag, lower) in enumerate(rows)
        if pos in verb_pos or tag in participles or lower == according
    ]


def according_to(token: Token) -> Token | None:
    """The `according to` (or `in the words of`) phrase among a verb's children, if any."""
    for child in token.children:
        if is_speech_cue(child):
            return child
        if child.lower_ == "in":
            words = next((c for c in child.children if c.dep_ == "pobj"), None)
            if words is not None and is_speech_cue(words):
                return words
    return None


def words_of(words: Token) -> Token | None:
    """Whose words `in the words of X` gives: X."""
    of = next((c for c in words.children if c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


def issues_text(verb: Token) -> bool:
    """A verb whose object is a text that speaks for its subject ("issued a statement",
    "released a report"): the words quoted next are the subject's."""
    if verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in verb.children)


def subject_of(cue: Token) -> Token | None:
    """The token that names who speaks: the verb's subject, inherited along xcomp/conj, the
    noun a participle or relative clause hangs on, or the object of `according to`."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if cue.lower_ == "words":
        return words_of(cue)
    if cue.dep_ == "amod" and cue.head.pos_ == "PROPN" and cue.head.i == cue.i + 1:
        return cue.head  # `", added KCNA.` parsed as an adjective on the name
    verb: Token | None = cue
    for _ in range(5):
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return author_of(verb.head)
            return author_of(subject)
        inverted = next(
            (c for c in verb.children if c.i > verb.i and c.dep_ in INVERTED_SUBJECT_DEPS), None
        )
        if inverted is not None and inverted.pos_ == "PROPN":
            return inverted  # `"...," said KCNA` with the name read as an object
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return author_of(verb.head)
        if verb.dep_ in SUBJECT_SHARING_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def author_of(noun: Token) -> Token:
    """Who stands behind a text that "says" something: `a report by The New York Times` ->
    the Times, `a plan from the council` -> the council, `X issued a statement saying` -> X;
    any other noun speaks for itself."""
    agent = credited_author(noun)
    if agent is not None:
        return agent
    if noun.lemma_.lower() in SPEECH_NOUNS and noun.dep_ == "dobj":
        return subject_of(noun.head) or noun
    return noun


@dataclass
class Speaker:
    """A resolved source and the token it was read from (for number and recency)."""

    name: str
    offset: int
    plural: bool = False
    label: str = ""


@dataclass
class SourceResolver:
    """Turns a subject token into the name the article gives the source.

    `history` records every source already credited, in text order, so that a later "they" or
    "it" can stand for a group or outlet the article credited just before."""

    doc: Doc
    names: NameIndex
    roles: dict[str, list[tuple[int, str, frozenset[str]]]]
    quoted: frozenset[int] = frozenset()
    history: list[Speaker] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, quoted: Iterable[int] = ()) -> SourceResolver:
        quoted = frozenset(quoted)
        names = doc_index(doc).names
        return cls(doc, names, role_index(doc, names, quoted), quoted)

    def remember(self, speaker: Speaker | None, offset: int | None = None) -> None:
        """Record a credited source; `offset` is where the credited words end."""
        if speaker is not None:
            self.history.append(
                Speaker(speaker.name, offset or speaker.offset, speaker.plural, speaker.label)
            )

    def resolve(self, token: Token, named: frozenset[str] = frozenset()) -> Speaker | None:
        """The source a subject token stands for, or None when it names nobody. A pronoun
        does not stand for a person in `named`, the people the credited words themselves name
        in the third person (`He said, "Smith was a legend"` is not Smith speaking)."""
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self.person_before(token, named)
        if lower in GROUP_PRONOUNS:
            return self.recent(token.idx, lambda s: s.plural)
        if lower in THING_PRONOUNS:
            return self.thing_before(token)
        if token.pos_ == "PRON":
            return None
        entity = entity_of(token)
        person = person_appositive(token) if entity is None or entity.label_ != "PERSON" else None
        if person is not None:  # "the UN Office ... chief, Michael Elmquist, warned"
            name = self.names.resolve(full_name(person).text)
            return Speaker(name, token.idx, False, "PERSON")
        if entity is not None and entity.label_ in SOURCE_LABELS:
            text = full_name(entity).text if entity.label_ == "PERSON" else entity.text
            return Speaker(self.names.resolve(text), token.idx, False, entity.label_)
        appositive = named_appositive(token)
        if appositive is not None:
            name = self.names.resolve(full_name(appositive).text)
            return Speaker(name, token.idx, False, "PERSON")
        if token.pos_ == "PROPN":
            return Speaker(self.names.resolve(name_phrase(token)), token.idx, False, "PROPN")
        person = self.person_in_role(token)
        if person is not None:
            return Speaker(person, token.idx, False, "PERSON")
        referent = (
            appositive_name(token)
            or credited_author(token)
            or named_before(token, self.quoted, PRONOUN_WINDOW, is_speech_cue)
        )
        if referent is not None:
            return self.resolve(referent, named)
        if token.lemma_.lower() in FIGURE_NOUNS:
            return None  # "the new figure shows": a figure, not who gives it
        phrase = noun_phrase(token)
        if not phrase:
            return None
        return Speaker(phrase, token.idx, token.tag_ in ("NNS", "NNPS") or has_conj(token), "NOUN")

    def thing_before(self, token: Token) -> Speaker | None:
        """What an `it` credited with words stands for: the organisation or text named last,
        unless a source credited since then goes on speaking."""
        credited = self.recent(token.idx, lambda s: s.label in ("ORG", "NORP", "GPE", "NOUN"))
        thing = thing_before(token, self.quoted, PRONOUN_WINDOW)
        if thing is not None and (credited is None or thing.idx > credited.offset):
            return self.resolve(thing)
        return credited

    def person_before(self, token: Token, named: frozenset[str] = frozenset()) -> Speaker | None:
        """The person a he/she stands for: the nearest person named as a subject in the last few
        sentences, else the nearest person named at all (quotations skipped, and the words the
        pronoun is itself credited with: `Jackson was on probation, he said` is not Jackson)."""
        sent_starts = doc_index(self.doc).sentence_starts
        count = bisect_right(sent_starts, token.i)  # sentences up to the pronoun's own
        window_start = sent_starts[count - PRONOUN_WINDOW] if count >= PRONOUN_WINDOW else 0
        reported = reported_by_own_cue(token)
        candidates = []
        for i in range(token.i - 1, window_start - 1, -1):
            if i in self.quoted or i in reported:
                continue
            other = self.doc[i]
            name = self.person_name(other)
            if name and name not in named:
                candidates.append((other, name))
        subjects = [
            (other, name)
            for other, name in candidates
            if other.dep_ in SUBJECT_DEPS or other.head.dep_ in SUBJECT_DEPS
        ]
        last = self.recent(token.idx, lambda s: s.label == "PERSON" and s.name not in named)
        if last is not None and last.offset >= self.doc[window_start].idx:
            nearest = candidates[0][0].idx if candidates else -1
            if self.last_offset(last.name) > nearest:
                return last  # the person quoted since the last named subject goes on speaking
        if subjects:
            return Speaker(subjects[0][1], token.idx, False, "PERSON")
        if candidates:
            return Speaker(candidates[0][1], token.idx, False, "PERSON")
        return self.recent(token.idx, lambda s: s.label == "PERSON" and s.name not in named)

    def people_named(self, tokens: Span) -> frozenset[str]:
        """Full names of the people named in `tokens` (a quotation)."""
        entities = doc_index(self.doc).entities
        return frozenset(
            self.names.resolve(full_name(ent).text)
            for ent in entities
            if ent.label_ == "PERSON" and tokens.start <= ent.start and ent.end <= tokens.end
        )

    def person_name(self, token: Token) -> str | None:
        """The full name of the person `token` names, if it names one."""
        entity = entity_of(token)
        if entity is not None and entity.label_ == "PERSON" and token.i == entity.root.i:
            return self.names.resolve(full_name(entity).text)
        if entity is None and token.pos_ == "NOUN" and token.is_title:
            resolved = self.names.resolve(token.text)  # a surname the model took for a noun
            known = resolved != token.text and self.names.is_person(resolved)
            return resolved if known else None
        if token.pos_ != "PROPN" or (entity is not None and token.i != entity.root.i):
            return None
        resolved = self.names.resolve(name_phrase(token))
        if self.names.is_person(resolved):
            return resolved
        speaks = token.dep_ in SUBJECT_DEPS and is_speech_cue(token.head)
        if entity is None and speaks and token.is_title:
            return resolved  # a name the model did not tag, credited with words
        return None

    def recent(self, offset: int, accept) -> Speaker | None:
        """The last source credited before `offset` that `accept`s."""
        for speaker in reversed(self.history):
            if speaker.offset < offset and accept(speaker):
                return Speaker(speaker.name, speaker.offset, speaker.plural, speaker.label)
        return None

    def last_offset(self, name: str) -> int:
        return max((s.offset for s in self.history if s.name == name), default=-1)

    def person_in_role(self, token: Token) -> str | None:
        """The person the article gives this role ("the foreign minister" -> the person an
        appositive or title calls foreign minister), nearest before, else nearest after."""
        if token.pos_ != "NOUN":
            return None
        people = self.roles.get(token.lemma_.lower(), [])
        if not people:
            return None
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        best = max(len(modifiers & words) for _, _, words in people)
        fitting = [(start, name) for start, name, words in people if len(modifiers & words) == best]
        before = [pair for pair in fitting if pair[0] < token.idx]
        return (before[-1] if before else fitting[0])[1]


def reported_by_own_cue(subject: Token) -> frozenset[int]:
    """The tokens of what `subject` is credited with saying, when it is the subject of a verb
    of saying: the verb's complement clause (`he said [Jackson was on probation]`), or the
    clause a parenthetical `, he said` hangs on. A pronoun cannot stand for a name inside its
    own reported clause (who speaks is not who is spoken about: binding Principle C)."""
    cue = subject.head
    if subject.dep_ not in SUBJECT_DEPS or not is_speech_cue(cue):
        return frozenset()
    reported = {t.i for child in cue.children if child.dep_ in CONTENT_DEPS for t in child.subtree}
    if cue.dep_ in PARENTHETICAL_DEPS and cue.head.i < cue.i:
        own = {t.i for t in cue.subtree}
        reported.update(t.i for t in cue.head.subtree if t.i not in own)
    return frozenset(reported)


def entity_of(token: Token) -> Span | None:
    return doc_index(token.doc).entity_of(token) if token.ent_iob_ != "O" else None


def person_appositive(token: Token) -> Span | None:
    """A person named in apposition to an organisation or title that is the subject ("The United
    Nations (UN) emergency relief coordinator Jan Egeland has said", "the UN Office's chief,
    Michael Elmquist, warned"): news names the body first and then who in it speaks, so the
    person is the source, not the body."""
    for child in token.children:
        if child.dep_ == "appos":
            entity = entity_of(child)
            if entity is not None and entity.label_ == "PERSON" and child.i == entity.root.i:
                return entity
    return None


def named_appositive(token: Token) -> Span | None:
    """`the director, Gretchen Kuhner` / `Kuhner, the director`: the name beside a role noun."""
    for child in token.children:
        if child.dep_ == "appos":
            entity = entity_of(child)
            if entity is not None and entity.label_ == "PERSON":
                return entity
    if token.dep_ == "appos":
        entity = entity_of(token.head)
        if entity is not None and entity.label_ == "PERSON":
            return entity
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
        entity = entity_of(doc[token.i + 2])  # set off by commas, whatever the parse says
        if entity is not None and entity.label_ == "PERSON" and entity.start == token.i + 2:
            return entity
    return None


def name_phrase(token: Token) -> str:
    """A proper name the model did not tag: the token with its proper-noun compounds."""
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    tokens = sorted([*words, token], key=lambda t: t.i)
    return clean_name(token.doc[tokens[0].i : tokens[-1].i + 1].text)


def has_conj(token: Token) -> bool:
    return any(child.dep_ == "conj" for child in token.children)


def noun_phrase(token: Token) -> str:
    """A common-noun source as the article words it ("Mexican officials", "local officials and
    shelter operators", "the report's authors"), without clauses and appositives."""
    keep = {token.i}

    def walk(node: Token) -> None:
        for child in node.children:
            if child.dep_ == "prep" and child.i == token.i + 1 and names_body(child):
                keep.update(t.i for t in child.subtree)  # "a spokesman for the Red Cross"
                continue
            if child.dep_ in NOUN_PHRASE_DROPS:
                continue
            keep.add(child.i)
            walk(child)

    walk(token)
    start, end = min(keep), max(keep) + 1
    return clean_name(token.doc[start:end].text)


def names_body(preposition: Token) -> bool:
    """Whether a preposition right after a source's noun names whom it speaks for ("a spokesman
    for the Red Cross", "officials from Unicef"): its object is a proper name (not a day), and
    the phrase holds no clause."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return (
        preposition.lower_ in BODY_PREPOSITIONS
        and len(objects) == 1
        and objects[0].pos_ == "PROPN"
        and objects[0].ent_type_ not in ("DATE", "TIME")
        and not any(t.dep_ in ("relcl", "acl", "appos") for t in preposition.subtree)
    )


def role_words(person: Span, quoted: frozenset[int]) -> tuple[str, frozenset[str]] | None:
    """The role an article gives a person: the head noun and modifiers of an appositive
    (`Luis Videgaray, the Mexican foreign minister`) or of the title before the name
    (`Foreign Minister Luis Videgaray`, `then-immigration chief, Tonatiuh Guillén`)."""
    root = person.root
    nouns: list[Token] = []
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            nouns.append(child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    first = full_name(person).start
    titles = [
        c
        for c in root.children
        if c.dep_ == "compound" and c.i < first and c.pos_ in ("NOUN", "PROPN")
    ]
    if titles:
        head = titles[-1]
        words = frozenset(t.lemma_.lower() for title in titles for t in title.subtree)
        return head.lemma_.lower(), words
    for noun in nouns:
        if noun.i in quoted:
            continue
        words = frozenset(c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
        return noun.lemma_.lower(), words | {noun.lemma_.lower()}
    return None


def role_index(
    doc: Doc, names: NameIndex, quoted: frozenset[int]
) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
    """Role head noun -> [(offset, person's full name, role words)], in text order."""
    index: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start in quoted:
            continue
        role = role_words(ent, quoted)
        if role is None:
            continue
        head, words = role
        name = names.resolve(full_name(ent).text)
        index.setdefault(head, []).append((ent.start_char, name, words))
    return index
