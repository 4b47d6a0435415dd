"""Finds what an article says a named person, body or work is: `Jan Egeland, the UN's chief of
emergency relief`, `UN emergency relief coordinator Jan Egeland`, `Meet the Fockers, starring Ben
Stiller`.

Who someone is, is a fact outlets state, get wrong and repeat. News English describes a name in
four grammatical patterns, each read from the parse:

- an appositive after the name (`NAME, the chief of ...`): the noun phrase in apposition;
- the name in apposition to a noun phrase before it (`the agency's chief, NAME`);
- a title compound right before the name (`emergency relief coordinator NAME`);
- a participle clause set off by a comma after the name (`NAME, starring ...`, `NAME, founded by
  ...`).

A description must hold a common noun or a participle: a name next to a name is no description
(`Philadelphia 76ers President Ed Stefanski` describes, `76ers Ed Stefanski` does not).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.descriptions)
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.kinds.description import SPEC as DESCRIPTION
from claimcheck.model import Description

#: Entity labels of names a description can be about: people, bodies, places and works (unlike
#: `names.NAME_LABELS`, which clusters what sentences are about, a film or a book is described).
DESCRIBED_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT"}
)
#: Entity labels of words that are no name to describe ("Friday", "$5").
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
#: Entity labels of figures, which a description never holds.
FIGURE_ENTITIES = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "DATE", "TIME"})
#: Content words a description holds at least: one word ("coach", "program") is a title many
#: share, and two descriptions of one name are only compared on two shared words or more.
MIN_CONTENT_WORDS = 2
#: Tokens a name holds at most: a longer run of proper nouns is a heading or a list of names.
MAX_NAME_TOKENS = 10
#: Tags of a participle that opens a describing clause ("starring", "founded").
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
#: Punctuation that may close a name before the comma of its description ("'Fockers', ...").
CLOSING_MARKS = frozenset({"'", '"', "’", "”", ")"})


def names_in(doc: Doc) -> list[Span]:
    """The names of `doc`, in one pass: its named entities (without a leading "the"), runs of
    proper nouns outside them, and quoted titles. A run longer than `MAX_NAME_TOKENS` is no name
    (a line of capitalised words), and is skipped whole."""
    entities = {e.start: e for e in doc.ents if e.label_ in DESCRIBED_LABELS}
    names: list[Span] = []
    i = 0
    while i < len(doc):
        entity = entities.get(i)
        if entity is not None:
            start = entity.start + (entity[0].lower_ == "the")
            if start < entity.end and len(entity) <= MAX_NAME_TOKENS:
                names.append(doc[start : entity.end])
            i = entity.end
            continue
        end = i
        while end < len(doc) and is_name_word(doc[end]) and end not in entities:
            end += 1
        if end > i:
            if end - i <= MAX_NAME_TOKENS:
                names.append(doc[i:end])
            i = end
            continue
        title = quoted_title(doc[i])
        if title is not None:
            names.append(title)
        i += 1
    return names


def is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in NOT_NAMES


def quoted_title(token: Token) -> Span | None:
    """A capitalised word between quotation marks, as news prints a work's title ('Fockers'),
    which the tagger may read as a common noun."""
    doc = token.doc
    inside = 0 < token.i < len(doc) - 1 and token.is_title
    if inside and doc[token.i - 1].is_quote and doc[token.i + 1].is_quote:
        return doc[token.i : token.i + 1]
    return None


def trimmed(span: Span) -> Span | None:
    """`span` without the punctuation and determiners at its edges."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        if doc[start].is_quote and any(t.is_quote for t in doc[start + 1 : end]):
            break  # the opening mark of a quoted title ('"Twilight" director')
        start += 1
    end = before_punctuation(doc, start, end)
    opening = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        # "at the World Health Organization (WHO": an aside left open is cut
        end = before_punctuation(doc, start, opening)
    return doc[start:end] if start < end else None


def before_punctuation(doc: Doc, start: int, end: int) -> int:
    """`end` moved back over the punctuation that ends `doc[start:end]`."""
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return end


def describes(span: Span) -> bool:
    """A description holds a common noun or a participle, and is not only names. It holds no
    figure: "X, collecting $8 million from 100,000 people" states amounts, which are claims of
    their own kinds, checked as figures."""
    has_word = any(t.pos_ == "NOUN" or t.tag_ in PARTICIPLE_TAGS for t in span)
    content = [t for t in span if t.is_alpha and not t.is_stop]
    if not has_word or len(content) < MIN_CONTENT_WORDS:
        return False
    return not any(t.like_num or t.ent_type_ in FIGURE_ENTITIES for t in span)


def appositive_after(name: Span) -> Span | None:
    """`NAME, the chief of ...`: a common noun in apposition to the name's head."""
    if name.end >= len(name.doc) or name.doc[name.end].text != ",":
        return None  # an apposition is set off by a comma
    for child in name.root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= name.end:
            if in_list(child):
                return None  # "a plant in Honduras, a pipeline ..., and a train": a list
            return trimmed(child.doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def appositive_before(name: Span) -> Span | None:
    """`the agency's chief, NAME`: the name in apposition to a noun phrase that ends, right
    before it, in a common noun (the title)."""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= name.start:
        return None
    phrase = trimmed(after_last_item(root.doc[head.left_edge.i : name.start]))
    if phrase is None or phrase[-1].pos_ != "NOUN":
        return None
    between = root.doc[phrase.end : name.start]
    if any(token.text != "," for token in between):
        return None  # only a comma sets off an apposition: "Image: NAME" is a credit line
    return phrase


def title_before(name: Span) -> Span | None:
    """`emergency relief coordinator NAME`: a common noun compounding the name, right before it,
    with the words that modify that noun."""
    if name.start == 0:
        return None
    title = name.doc[name.start - 1]
    if title.pos_ != "NOUN" or title.dep_ != "compound" or title.head not in name:
        return None
    return trimmed(after_last_item(name.doc[title.left_edge.i : title.i + 1]))


def participle_after(name: Span) -> Span | None:
    """`NAME, starring ...`: a participle clause opening right after the name's comma."""
    doc = name.doc
    i = name.end
    while i < len(doc) and doc[i].text in CLOSING_MARKS:
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    verb = doc[i + 1]
    opens_clause = verb.dep_ in ("acl", "advcl") and verb.left_edge == verb and verb.head in name
    if verb.tag_ not in PARTICIPLE_TAGS or not opens_clause:
        return None
    return trimmed(doc[verb.i : verb.right_edge.i + 1])


def after_last_item(span: Span) -> Span:
    """The last item of a list before a name: in "Secretary of State Rex Tillerson and Homeland
    Security chief John Kelly", Kelly's title starts after the "and"."""
    end = before_punctuation(span.doc, span.start, span.end)  # the name's own comma is no list's
    items = span.doc[span.start : end]
    cut = max((t.i + 1 for t in items if t.dep_ == "cc" or t.text in (",", ";")), default=0)
    return span.doc[cut if span.start < cut < end else span.start : end]


def in_list(noun: Token) -> bool:
    """Whether a noun phrase is an item of a list: it has items joined to it, or ", and" or
    ", or" follows it."""
    if any(child.dep_ == "conj" for child in noun.children):
        return True
    doc, after = noun.doc, noun.right_edge.i + 1
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].dep_ == "cc"


def overlaps(phrase: Span, name: Span) -> bool:
    return phrase.start < name.end and name.start < phrase.end


PATTERNS = (appositive_after, appositive_before, title_before, participle_after)


def find_descriptions(doc: Doc) -> list[Description]:
    """Every described name in `doc`, in text order, each description once."""
    found: dict[tuple[int, int], Description] = {}
    for name in names_in(doc):
        for pattern in PATTERNS:
            phrase = pattern(name)
            if phrase is None or not describes(phrase) or overlaps(phrase, name):
                continue
            key = (phrase.start_char, phrase.end_char)
            found.setdefault(key, Description(phrase.text, key[0], key[1], name.text))
    return sorted(found.values(), key=lambda d: d.start)


@Language.factory(
    "claimcheck_descriptions",
    requires=["token.dep", "token.tag", "doc.ents"],
    assigns=[f"doc._.{DESCRIPTION.extension}"],
)
def make_descriptions_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(DESCRIPTION.extension, find_descriptions)
