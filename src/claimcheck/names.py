"""Names as an article uses them: full names, surnames, aliases, and their normalised form.

An article introduces "Andrés Manuel López Obrador (AMLO)" once and then says "López Obrador",
"AMLO" or "Lopez Obrador". `NameIndex` maps every such mention back to the fullest name the
article gives, so that speakers and entities can be compared within and across articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "LAW", "PRODUCT"})
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ALIAS = re.compile(r"([A-ZÀ-Ý][\w.’'-]*(?:\s+[A-ZÀ-Ý][\w.’'-]*)+)\s+\(([A-Z][A-Za-z.]{1,9})\)")


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive key ("López Obrador’s" -> "lopez obrador")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.strip())
    text = _LEADING_THE.sub("", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def clean_name(text: str) -> str:
    """A mention as it should be shown: possessive and surrounding punctuation removed."""
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    return text.strip(" ,.;:\"'“”‘’()")


@dataclass
class NameIndex:
    """Maps folded mentions (full names, surnames, aliases) to the fullest name in the article."""

    canonical: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Doc) -> NameIndex:
        index = cls()
        for match in _ALIAS.finditer(doc.text):
            full, alias = clean_name(match.group(1)), match.group(2)
            index.add(full)
            index.canonical[fold(alias)] = full
        persons = [clean_name(ent.text) for ent in doc.ents if ent.label_ == "PERSON"]
        for name in sorted(set(persons), key=lambda n: -len(n.split())):
            index.add(name)
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and ent.label_ != "PERSON":
                index.canonical.setdefault(
                    fold(ent.text), clean_name(_LEADING_THE.sub("", ent.text))
                )
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

    def resolve(self, mention: str) -> str:
        """The fullest name the article gives for `mention` (the mention itself if unknown)."""
        return self.canonical.get(fold(mention), clean_name(mention))
