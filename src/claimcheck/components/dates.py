"""Finds dates in a `Doc` (placeholder: the real recogniser is being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components import extensions  # noqa: F401  (registers Doc._.dates)
from claimcheck.types import DateMention


def find_dates(doc: Doc) -> list[DateMention]:
    return []


@Language.factory("claimcheck_dates", assigns=["doc._.dates"])
def make_dates_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.dates = find_dates(doc)
        return doc

    return component
