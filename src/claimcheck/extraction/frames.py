"""Claim frames: what each money amount and quantity states, read from the parse.

Two figures are one fact only when they measure the same thing of the same subject, and two
different values of one fact are a revision, not a conflict, when they held at different times.
Neither can be read off the words around a figure; both can be read off its place in the
dependency tree: the noun it counts, the clause it completes and that clause's subject, the
change verb it is the new value of ("rose to 55"), the "from" of "from X to Y", the date
attached to its clause. This component runs after `claimcheck_claims` and gives every money and
quantity claim its `Frame`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.claims)
from claimcheck.extraction.bare_counts import counted_by_own_number
from claimcheck.extraction.dates.component import TITLE_YEAR
from claimcheck.extraction.doc_index import doc_index, release_index
from claimcheck.extraction.tables import parse_row
from claimcheck.lang.en.measures import (
    CHANGE_VERBS,
    EARLIER_CUES,
    FIRST_VALUE_CUES,
    GENERIC_COUNTS,
    LATER_CUES,
    MEASURE_OF,
    PERIOD_START,
    TOTAL_ROWS,
)
from claimcheck.lang.en.numbers import VALUE_PREPOSITIONS
from claimcheck.lang.en.qualifiers import bounds
from claimcheck.lang.en.syntax import SUBJECT_DEPS
from claimcheck.model import Claim, DateMention, Frame, Money, Quantity
from claimcheck.names import fold

#: A TIMEX value of the calendar: a year, a month or a day.
CALENDAR_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: Dependency labels by which a figure completes its clause (object, attribute, complement),
#: climbed from the figure to the verb whose subject names what is counted.
COMPLEMENT_DEPS = frozenset({"dobj", "attr", "pobj", "prep", "oprd", "acomp", "npadvmod", "appos"})
#: Labels by which a figure modifies the noun it prices or counts ("$20 million offer").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "quantmod", "poss"})
#: Labels of modifiers read for cues ("initially", "the previous tally", "now").
CUE_DEPS = frozenset({"advmod", "amod", "npadvmod", "prep"})
#: How far up the tree a figure's clause is looked for.
MAX_CLIMB = 4
#: Labels by which a date, modifying a proper name, names a thing rather than dating a clause
#: ("2000's Meet the Parents", "asteroid 2004 YD5"): such a date never dates a figure ("the
#: December 23 announcement", modifying a common noun, still does).
NAMING_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod", "appos"})


def figure_root(doc: Doc, claim: Claim) -> Token | None:
    """The token by which the figure hangs in the tree: of the tokens whose head lies outside
    the figure, the first that is not a determiner or punctuation ("a half-billion dollar
    donation" hangs by "dollar", not by "a")."""
    span = doc.char_span(claim.item.start, claim.item.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    outer = [
        t
        for t in span
        if not (span.start <= t.head.i < span.end) or t.head is t
        if t.dep_ not in ("det", "punct")
    ]
    return outer[-1] if outer else span.root


def phrase(token: Token) -> str:
    """A noun with its compounds, lemmatised ("death toll")."""
    parts = [child.lemma_.lower() for child in token.lefts if child.dep_ == "compound"]
    return " ".join([*parts, token.lemma_.lower()])


def canonical(token: Token) -> str | None:
    """The normalised measure a token names, when the measures table knows it."""
    return (
        MEASURE_OF.get(phrase(token))
        or MEASURE_OF.get(token.lemma_.lower())
        or (MEASURE_OF.get(token.lower_))
    )


def clause_head(root: Token) -> Token:
    """The verb whose clause the figure completes ("rose" in "the toll rose to 55")."""
    token = root
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") or token.dep_ not in COMPLEMENT_DEPS:
            break
        token = token.head
    return token


def clause_subject(verb: Token, root: Token) -> Token | None:
    """The subject of the figure's clause, or of the clause it is the complement of ("the toll
    continues to rise, passing 80,000"), never the figure itself."""
    token = verb
    for _ in range(MAX_CLIMB):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and child is not root and root not in child.subtree:
                return child
        if token.dep_ in ("ROOT",) or token.head is token:
            break
        token = token.head
    return None


def described(noun: Token) -> str | None:
    """What a sentence says of a generic count ("people reported dead", "people who died")."""
    for child in noun.rights:
        if child.dep_ in ("amod", "acl", "relcl"):
            for token in child.subtree:
                found = canonical(token)
                if found:
                    return found
    if noun.dep_ in SUBJECT_DEPS:
        return canonical(noun.head)
    return None


def quantity_measure(root: Token, item: Quantity) -> str:
    unit = item.unit.lower()
    found = MEASURE_OF.get(unit) or canonical(root)
    if found:
        return found
    if root.lemma_.lower() in GENERIC_COUNTS or unit in GENERIC_COUNTS:
        verb = clause_head(root)
        subject = clause_subject(verb, root)
        return (
            described(root)
            or (canonical(subject) if subject is not None else None)
            or canonical(verb)
            or root.lemma_.lower()
        )
    if root.pos_ in ("NOUN", "PROPN"):
        return root.lemma_.lower()
    return clause_measure(root) or unit


def clause_measure(root: Token) -> str | None:
    """For a bare figure ("the death toll might approach 80,000"), the measure its clause's
    subject or verb names."""
    verb = clause_head(root)
    subject = clause_subject(verb, root)
    if subject is not None and counted_by_own_number(subject):
        subject = None  # "all eleven countries ... stands at 282,517": 11 counts the countries
    return (canonical(subject) if subject is not None else None) or canonical(verb)


def rating_scale(root: Token) -> bool:
    """Whether the figure is a score on a scale: "2 out of 10", a point named by a noun and its
    number ("Level 4"), or a value its clause places on a scale ("corrected to zero on the
    Torino scale")."""
    after = root.doc[root.i + 1 : root.i + 4]
    words = [t.lower_ for t in after]
    if words[:2] == ["out", "of"] and len(after) == 3 and after[2].like_num:
        return True
    if root.pos_ in ("NOUN", "PROPN") and any(
        child.dep_ == "nummod" and child.i == root.i + 1 for child in root.children
    ):
        return True
    verb = clause_head(root)
    places = (child for child in verb.children if child.dep_ == "prep" and child is not root)
    return any(
        canonical(noun) == "rating"
        for prep in places
        for noun in prep.children
        if noun.dep_ == "pobj"
    )


def money_measure(root: Token) -> str | None:
    """The noun an amount modifies, else what its clause says is paid: the change verb's
    subject or object ("increased its donation to $350 million"), else the verb itself."""
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        return canonical(root.head) or root.head.lemma_.lower()
    owner = noun_of(root)
    if owner is not None:  # "a total of $108.5 million"
        return canonical(owner) or owner.lemma_.lower()
    verb = clause_head(root)
    if verb.lemma_.lower() in CHANGE_VERBS or verb.lemma_.lower() == "be":
        others = [
            child
            for child in verb.children
            if child.dep_ in (*SUBJECT_DEPS, "dobj") and root not in child.subtree
        ]
        for other in others:
            found = canonical(other)
            if found:
                return found
        if others:
            return others[0].lemma_.lower()
    if verb.pos_ in ("VERB", "AUX"):
        return canonical(verb) or verb.lemma_.lower()
    return None


def noun_of(root: Token) -> Token | None:
    """The noun a figure is the value of through "of" ("a total of $108.5 million", "a toll of
    55"), or None."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "of":
        return None
    noun = preposition.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < preposition.i else None


def range_anchor(root: Token) -> tuple[Token, bool | None]:
    """The token a figure hangs by when the parser read "from $8 billion to $500 million" as one
    range (the first figure a modifier of the second), and whether the figure is that range's
    first value ("to" follows it); None when the figure stands alone."""
    anchor = root
    while anchor.dep_ == "quantmod" and anchor.head is not anchor:
        anchor = anchor.head
    if anchor is root:
        second = any(c.lower_ == "to" and c.dep_ == "quantmod" for c in root.lefts)
        return root, False if second else None
    between = anchor.doc[root.i + 1 : anchor.i]
    return anchor, any(t.lower_ == "to" for t in between)


def cues(root: Token, first_of_range: bool | None = None) -> tuple[str, ...]:
    """Revision cues of a figure: the change verbs above it, "from" in "from X to Y", and
    time words modifying it, the noun it counts or the verbs of its clause."""
    found: set[str] = set()
    if root.head.lower_ == "from" and root.dep_ == "pobj" and first_of_range is not False:
        found.add("from")
    chain = [root]
    token = root
    for _ in range(MAX_CLIMB):
        if token.head is token or sets_another_figure(token):
            break
        token = token.head
        chain.append(token)
        if token.lemma_.lower() in CHANGE_VERBS:
            found.add(token.lemma_.lower())
    for token in chain:
        for child in token.children:
            word = child.lemma_.lower()
            cue = word in EARLIER_CUES or word in LATER_CUES
            if child.dep_ in CUE_DEPS and cue and word != "from":
                found.add(word)
            if (
                child.dep_ == "advmod"
                and word == "far"
                and any(c.lower_ == "so" for c in child.children)
            ):
                found.add("so far")
    return tuple(sorted(found))


def sets_another_figure(token: Token) -> bool:
    """Whether `token` is the subject of a verb whose value is a figure of its own ("the toll
    of 40 now stands at 55", "all eleven countries ... now stands at 282,517"): the verb's time
    words and change belong to that figure, and a figure in its subject is an earlier value or
    another count."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    if any(c.dep_ in ("dobj", "attr") and c.like_num for c in verb.children):
        return True  # "... reached 55"
    return any(
        c.dep_ == "pobj" and c.like_num
        for preposition in verb.children
        if preposition.dep_ == "prep" and preposition.lower_ in VALUE_PREPOSITIONS
        for c in preposition.children
    )  # "... stands at 55"


def attached_date(root: Token, dates: Sequence[DateMention], doc: Doc) -> str | None:
    """The value of a date in the figure's own clause ("$108.5 million as of Dec. 29"), when the
    text dates the figure; None otherwise."""
    head = clause_head(root)
    tokens = {t.i for t in clause_tokens(head, root)} if head.pos_ in ("VERB", "AUX") else set()
    tokens |= {t.i for t in root.subtree}
    owner = noun_of(root)
    phrase_tokens = {t.i for t in root.subtree}
    if owner is not None:  # "a total of $108.5 million as of Dec. 29"
        phrase_tokens |= {t.i for t in owner.subtree}
    tokens |= phrase_tokens
    if head.dep_ == "ccomp":  # "In the December 23 announcement, NASA advised that ..."
        for child in head.head.children:
            if child.dep_ in ("prep", "npadvmod") and child.i < head.i:
                tokens |= {t.i for t in child.subtree}
    for date in dates:
        if not date.value:
            continue
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.i not in tokens:
            continue
        on_figure = span.root.head.i == root.i  # "upgraded to Level 4 Dec. 24"
        if span.root.dep_ in NAMING_DEPS and span.root.head.pos_ == "PROPN" and not on_figure:
            continue
        if possessive(span) and span.root.i not in phrase_tokens:
            continue  # "the sequel to 2000's film is playing in 1,000 theatres": the film's
        path = [t.lower_ for t in span.root.ancestors if t.i in tokens and t.i != head.i]
        if not PERIOD_START.intersection(path):
            return date.value
    return None


def possessive(span: Span) -> bool:
    """A date written as a possessor ("2000's Meet the Parents", "last year's figure"): it dates
    the noun it possesses, so it dates a figure only inside that figure's own phrase ("last
    year's figure of 3,100"), whatever the parse makes of the rest of the clause."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    marked = after is not None and after.tag_ == "POS"
    return marked or any(c.tag_ == "POS" for c in span.root.children)


def clause_tokens(head: Token, root: Token) -> list[Token]:
    """The tokens of the figure's clause, without the conjuncts that hold none of it: in
    "raked in $44.7 million and a total of $108.5 million as of Dec. 29" the date belongs to
    the second figure's phrase only."""
    others = [c for c in head.children if c.dep_ == "conj" and root not in c.subtree]
    skipped = {t.i for c in others for t in c.subtree}
    return [t for t in head.subtree if t.i not in skipped]


def table_row(claim: Claim, doc: Doc) -> str | None:
    """The folded label of the table row whose cell the figure is ("Indonesia 126,473 93,943"),
    or None when its line is prose."""
    text = doc_index(doc).text
    start = text.rfind("\n", 0, claim.item.start) + 1
    end = text.find("\n", claim.item.end)
    line = text[start : len(text) if end < 0 else end]
    row = parse_row(start, line)
    first = next((cell for cell in row.cells if cell is not None), None) if row else None
    if first is None or not any(cell and cell[0] == claim.item.start for cell in row.cells):
        return None
    label = fold(text[start : first[0]]).strip(" *:|")
    return label or None


def table_frame(claim: Claim, item: Quantity, row: str) -> Frame:
    """A table cell's frame: its column heading is the measure, its row label the subject (a
    total row is the whole table: no subject). The parse of a table says nothing more."""
    unit = item.unit.lower()
    subject: tuple[str, ...] = ()
    if row not in TOTAL_ROWS:
        words = set(row.split())
        subject = tuple(e for e in claim.entities if set(e.split()) <= words) or (row,)
    low, high = bounds(item.value, None, item.qualifier)
    return Frame(measure=MEASURE_OF.get(unit, unit), subject=subject, low=low, high=high, row=row)


def frame_of(claim: Claim, doc: Doc, root: Token | None) -> Frame | None:
    """The frame of a figure claim hanging in the tree by `root` (see `figure_root`)."""
    item = claim.item
    if not isinstance(item, Money | Quantity):
        return None
    row = table_row(claim, doc) if isinstance(item, Quantity) else None
    if row is not None:
        return table_frame(claim, item, row)  # type: ignore[arg-type]
    if root is None:
        return None
    root, first_of_range = range_anchor(root)
    if isinstance(item, Quantity):
        measure: str | None = "rating" if rating_scale(root) else quantity_measure(root, item)
        high = None
    else:
        measure = money_measure(root)
        high = item.high
    low_bound, high_bound = bounds(item.value, high, item.qualifier)
    subject = subject_names(root, claim)
    return Frame(
        measure=measure,
        subject=subject,
        low=low_bound,
        high=high_bound,
        as_of=attached_date(root, doc._.dates or (), doc),
        cues=cues(root, first_of_range),
    )


def subject_names(root: Token, claim: Claim) -> tuple[str, ...]:
    """The sentence's entities that the figure is about: those named by the subject of its
    clause or by the agent of the noun it modifies ("China has promised $60 million", "a
    $500 million pledge by the government of Japan"), else those of its whole clause."""
    parts: list[Token] = []
    anchor = root
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        parts.extend(root.head.rights)
        anchor = root.head
    head = clause_head(anchor)
    subject = clause_subject(head, anchor) if head.pos_ in ("VERB", "AUX") else None
    if subject is not None:
        parts.append(subject)
    asides = flags_under(head, lambda t: aside(t, head))
    # Under a `pcomp` or `xcomp` below the figure lies a verb complement inside the figure's
    # own phrase ("a 1 in 37 chance of striking the Earth"): what the counted noun is about,
    # not the figure's subject (a relative clause, "31,355 people who claimed asylum in
    # Mexico", still says whose figure).
    objects = flags_under(root, lambda t: t.dep_ in ("pcomp", "xcomp"))
    clause = [
        t
        for t in head.subtree
        if not (t.i != root.i and t.i in objects and objects[t.head.i])
        and not asides[t.i]
        and not claim.item.start <= t.idx < claim.item.end  # a figure is not its own subject
    ]
    for tokens in ([t for part in parts for t in part.subtree], clause):
        words = set(fold(" ".join(t.text for t in tokens)).split())
        found = tuple(e for e in claim.entities if set(e.split()) <= words)
        if found:
            return found
    return ()


def aside(child: Token, head: Token) -> bool:
    """Whether a token, a child of the figure's clause head, opens a participle clause that
    follows the clause and tells its result ("upgraded to Level 4, giving it the highest score
    ever for a near-Earth asteroid"): the names there are the result's, not what the figure is
    about. A clause with a conjunction ("as the islands in the Indian Ocean are checked") still
    tells where."""
    return (
        child.head.i == head.i
        and child.i != head.i
        and child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in child.children)
    )


def flags_under(top: Token, marked: Callable[[Token], bool]) -> dict[int, bool]:
    """For each token of `top`'s subtree, whether it or one of its ancestors below `top` is
    `marked` (`top` itself: False). Each token's answer is its parent's, found once: a walk up
    the tree per token costs a sentence of n tokens n times its depth, and a run-on line of
    200,000 tokens (a hostile input, a broken export) parses as one sentence of great depth."""
    flags = {top.i: False}
    for token in top.subtree:
        chain = []
        node = token
        while node.i not in flags:
            chain.append(node)
            node = node.head
        flag = flags[node.i]
        for link in reversed(chain):
            flag = flag or marked(link)
            flags[link.i] = flag
    return flags


def with_frames(claims: Iterable[Claim], doc: Doc) -> list[Claim]:
    """Each figure framed, then its as-of carried from the story around it; the tree is read
    once per figure (`roots`, by claim id) for all three steps."""
    claims = list(claims)
    roots = {
        claim.id: figure_root(doc, claim)
        for claim in claims
        if isinstance(claim.item, Money | Quantity)
    }
    framed = [
        replace(claim, frame=frame)
        if (frame := frame_of(claim, doc, roots.get(claim.id))) is not None
        else claim
        for claim in claims
    ]
    return first_value_as_of(continued_as_of(framed, doc, roots), doc, roots)


def continued_as_of(
    claims: Sequence[Claim], doc: Doc, roots: Mapping[str, Token | None]
) -> list[Claim]:
    """Figures whose sentence goes on with the story of the sentence before: a past-tense clause
    whose subject is a third-person pronoun ("This rank was upgraded to Level 4 Dec. 24. It was
    considered to have a 1 in 37 chance"), with no time of its own and no revision cue, applied
    when the previous sentence of the paragraph dates its figure. They get that date."""
    dated: dict[int, str] = {}  # sentence start token -> as-of of its last dated figure
    result = []
    for claim in claims:
        frame = claim.frame
        root = roots.get(claim.id) if frame is not None else None
        if frame is None or root is None:
            result.append(claim)
            continue
        sentence = doc_index(doc).sentence_of(root.i)
        if frame.as_of:
            dated[sentence.start] = frame.as_of
        elif not frame.cues and (earlier := previous_sentence(sentence)) is not None:
            carried = dated.get(earlier.start)
            if carried and continues_story(range_anchor(root)[0]):
                claim = replace(claim, frame=replace(frame, as_of=carried))
        result.append(claim)
    return result


def first_value_as_of(
    claims: Sequence[Claim], doc: Doc, roots: Mapping[str, Token | None]
) -> list[Claim]:
    """A first value with no time of its own ("the score was initially 2 out of 10", in an
    article of 24 December that told of "the December 23 announcement") held before the later
    steps of its story: it gets the latest date the article tells of that is before publication
    and before the other dated values of its measure, when there is one."""
    published = doc._.published
    if published is None:
        return list(claims)
    steps = story_dates(doc, str(published))
    result = []
    for claim in claims:
        frame = claim.frame
        if frame is None or frame.as_of or not FIRST_VALUE_CUES.intersection(frame.cues):
            result.append(claim)
            continue
        root = roots.get(claim.id)
        if root is None or not first_value_cue(
            doc_index(doc).sentence_of(root.i), doc._.dates or ()
        ):
            result.append(claim)
            continue
        later = [
            c.frame.as_of
            for c in claims
            if c.frame is not None and c.frame.as_of and c.frame.measure == frame.measure
        ]
        before = [day for day in steps if all(day < other for other in later)]
        if before:
            claim = replace(claim, frame=replace(frame, as_of=max(before)))
        result.append(claim)
    return result


def first_value_cue(sentence: Span, dates: Sequence[DateMention]) -> bool:
    """Whether the sentence says a value came first ("initially", "first calculated", "the
    initial estimate"): a cue word modifying a verb or a noun, outside the sentence's dates
    ("the first half of 2019" is a period), that counts no number ("the first 15 days")."""
    return any(
        token.lemma_.lower() in FIRST_VALUE_CUES
        and token.dep_ in ("advmod", "amod")  # not "the first along the border": a thing
        and not any(date.start <= token.idx < date.end for date in dates)
        and not (token.dep_ == "amod" and any(c.like_num for c in token.head.children))
        for token in sentence
    )


def story_dates(doc: Doc, published: str) -> list[str]:
    """The calendar dates (a year, month or day) the article tells of before its publication:
    the steps of its story. Not the year of a work ("2000's Meet the Parents") and not a period
    that holds the publication day."""
    return [
        date.value
        for date in doc._.dates or ()
        if date.value
        and CALENDAR_VALUE.match(date.value)
        and date.reason != TITLE_YEAR
        and date.value < published
        and not published.startswith(date.value)
    ]


def previous_sentence(sentence: Span) -> Span | None:
    """The sentence before `sentence` in the same paragraph, or None."""
    if sentence.start == 0:
        return None
    index = doc_index(sentence.doc)
    earlier = index.sentence_of(sentence.start - 1)
    words = [t for t in earlier if not t.is_space]
    if not words:
        return None
    gap = index.text[words[-1].idx + len(words[-1]) : sentence.start_char]
    return earlier if gap.count("\n") < 2 else None


def continues_story(root: Token) -> bool:
    """Whether the figure's clause is told in the past about a third-person pronoun, the way a
    story goes on from its last sentence."""
    head = clause_head(root)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    subject = clause_subject(head, root)
    if subject is None or subject.pos_ != "PRON" or subject.morph.get("Person") != ["3"]:
        return False
    verb = subject.head
    finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb)
    return finite.morph.get("Tense") == ["Past"]


@Language.factory(
    "claimcheck_frames", requires=["doc._.claims", "doc._.dates"], assigns=["doc._.claims"]
)
def make_frames_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.claims = with_frames(doc._.claims or (), doc)
        release_index(doc)  # the last component: the shared lookups are no longer needed
        return doc

    return component
