"""Finds money in a `Doc` (placeholder: the real recogniser is being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components import extensions  # noqa: F401  (registers Doc._.money)
from claimcheck.types import Money


def find_money(doc: Doc) -> list[Money]:
    return []


@Language.factory("claimcheck_money", assigns=["doc._.money"])
def make_money_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.money = find_money(doc)
        return doc

    return component
