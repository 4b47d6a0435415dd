"""Finds quotes in a `Doc` (placeholder: the real recogniser is being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components import extensions  # noqa: F401  (registers Doc._.quotes)
from claimcheck.types import Quote


def find_quotes(doc: Doc) -> list[Quote]:
    return []


@Language.factory("claimcheck_quotes", assigns=["doc._.quotes"])
def make_quotes_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc

    return component
