"""Finds attributions in a `Doc` (placeholder: the real recogniser is being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components import extensions  # noqa: F401  (registers Doc._.attributions)
from claimcheck.types import Attribution


def find_attributions(doc: Doc) -> list[Attribution]:
    return []


@Language.factory("claimcheck_attributions", assigns=["doc._.attributions"])
def make_attributions_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.attributions = find_attributions(doc)
        return doc

    return component
