"""Names as an article uses them: full names, surnames, aliases, and their normalised form.

An article introduces "Andrés Manuel López Obrador (AMLO)" once and then says "López Obrador",
"AMLO" or "Lopez Obrador". `NameIndex` maps every such mention back to the fullest name the
article gives, so that speakers and entities can be compared within and across articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.lang.en.names import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "LAW", "PRODUCT"})
_EDGE_PUNCT = " ,.;:\"'“”‘’()"
_POSSESSIVE = re.compile(r"[’']s?$")
#: An alias the entity took in without its closing parenthesis: "World Health Organization (WHO".
_OPEN_PARENTHESIS = re.compile(r"\s*\([^)]*$")
#: A name and the short name it goes by: "López Obrador, commonly known as AMLO".
_KNOWN_AS = re.compile(
    r"([A-ZÀ-Ý](?:\.|[\w’'-]*)(?:\s+[A-ZÀ-Ý](?:\.|[\w’'-]*))*),?\s+"
    r"(?:(?:commonly|better|widely|popularly)"
    r"\s+)?known\s+as\s+([A-ZÀ-Ý][\w.’'-]{1,20})\b"
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ALIAS = re.compile(r"([A-ZÀ-Ý][\w.’'-]*(?:\s+[A-ZÀ-Ý][\w.’'-]*)+)\s+\(([A-Z][A-Za-z.]{1,9})\)")


def full_name(ent: Span) -> Span:
    """A person entity with the given names the model left out of it: the small model often
    tags only "Rivero Benfield" in "María Fernanda Rivero Benfield"; capitalised proper nouns
    that compound into the name belong to it."""
    doc, start = ent.doc, ent.start
    while start > 0:
        token = doc[start - 1]
        if not (token.pos_ == "PROPN" and token.is_title and token.ent_type_ in ("", "PERSON")):
            break
        if token.lower_.rstrip(".") in TITLE_WORDS:
            break
        if token.dep_ != "compound" or not ent.start <= token.head.i < ent.end:
            break
        start -= 1
    return doc[start : ent.end] if start < ent.start else ent


def without_titles(name: str) -> str:
    """ "President-elect Andrés Manuel López Obrador" -> "Andrés Manuel López Obrador"."""
    words = name.split()
    while len(words) > 1 and fold(words[0]).split("-")[0] in TITLE_WORDS | {"the"}:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and space-insensitive key ("López Obrador’s" -> "lopez obrador")."""
    if not text.isascii():  # ASCII has no accents to strip: most text, at 1/10 of the cost
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.strip())
    text = _LEADING_THE.sub("", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def same_folded_name(a: str, b: str) -> bool:
    """Whether two folded names (`fold`) name one speaker: the same last word, or one inside the
    other ("lopez obrador" in "andres manuel lopez obrador"). The gold format's rule for
    speakers, so comparison and evaluation judge a name alike."""
    if not a or not b:
        return False
    return a.split()[-1] == b.split()[-1] or a in b or b in a


def clean_name(text: str) -> str:
    """A mention as it should be shown: possessive and surrounding punctuation removed."""
    text = _OPEN_PARENTHESIS.sub("", " ".join(text.split()))
    closed = text.rstrip(_EDGE_PUNCT.replace(")", "")).endswith(")") and "(" in text
    edges = _EDGE_PUNCT.replace(")", "") if closed else _EDGE_PUNCT  # "Food Bank (North)"
    text = text.strip(edges)
    return _POSSESSIVE.sub("", text).strip(edges)


@dataclass
class NameIndex:
    """Maps folded mentions (full names, surnames, aliases) to the fullest name in the article."""

    canonical: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)

    @classmethod
    def from_doc(cls, doc: Doc) -> NameIndex:
        index = cls()
        entities = doc.ents  # rebuilt by spaCy on every access: read once
        for match in _ALIAS.finditer(doc.text):
            full, alias = without_titles(clean_name(match.group(1))), match.group(2)
            index.add(full)
            index.canonical[fold(alias)] = full
            if _names_a_person(entities, match.start(1), match.end(1)):
                index.persons.add(fold(full))
        persons = [clean_name(full_name(ent).text) for ent in entities if ent.label_ == "PERSON"]
        for name in sorted(dict.fromkeys(persons), key=lambda n: -len(n.split())):
            index.add(name)
            index.persons.add(fold(index.resolve(name)))
        for match in _KNOWN_AS.finditer(doc.text):  # "López Obrador, commonly known as AMLO"
            full = index.resolve(without_titles(clean_name(match.group(1))))
            index.canonical.setdefault(fold(match.group(2)), full)
        for ent in entities:
            if ent.label_ in NAME_LABELS and ent.label_ != "PERSON":
                index.canonical.setdefault(
                    fold(ent.text), clean_name(_LEADING_THE.sub("", ent.text))
                )
        for ent in entities:  # "the Times" for "The New York Times", once all full names are in
            words = fold(ent.text).split()
            if ent.label_ == "ORG" and len(words) >= 2 and ent.text.split()[-1][:1].isupper():
                index.canonical.setdefault(words[-1], index.canonical[" ".join(words)])
        return index

    def add(self, name: str) -> None:
        """Register a name; a multi-word person name also answers to its surname(s)."""
        key = fold(name)
        if not key:
            return
        self.canonical.setdefault(key, name)
        words = key.split()
        if len(words) >= 2:
            for start in range(1, len(words)):
                self.canonical.setdefault(" ".join(words[start:]), self.canonical[key])

    def is_person(self, name: str) -> bool:
        """Whether `name` (as `resolve` returns it) is a person the article names."""
        return fold(name) in self.persons

    def resolve(self, mention: str) -> str:
        """The fullest name the article gives for `mention` (the mention itself if unknown)."""
        key = fold(mention)
        if key in self.canonical:
            return self.canonical[key]
        if len(key.split()) >= 2:  # "María Fernanda Rivero" for "María Fernanda Rivero Benfield"
            longer = [name for name in self.persons if name.startswith(key + " ")]
            if len(longer) == 1:
                return self.canonical[longer[0]]
        return clean_name(mention)


def _names_a_person(entities: tuple[Span, ...], start: int, end: int) -> bool:
    """Whether the model tagged any part of the characters `start:end` as a person."""
    return any(
        ent.label_ == "PERSON" and ent.start_char < end and ent.end_char > start for ent in entities
    )
