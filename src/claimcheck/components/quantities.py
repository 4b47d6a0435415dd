"""Finds quantities in a `Doc` (placeholder: the real recogniser is being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components import extensions  # noqa: F401  (registers Doc._.quantities)
from claimcheck.types import Quantity


def find_quantities(doc: Doc) -> list[Quantity]:
    return []


@Language.factory("claimcheck_quantities", assigns=["doc._.quantities"])
def make_quantities_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc

    return component
