"""Sentence boundaries at paragraph breaks, set before the parser runs.

The parser happily joins a headline to the first paragraph, or a photo caption to the text
after it, when no full stop separates them. A blank line always ends a sentence in news text, so
the token after one starts a sentence; the parser keeps every boundary already set.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a paragraph: the first after a blank line."""
    spaces = doc.to_array(IS_SPACE).tolist() if len(doc) else []
    return [
        i + 1
        for i in range(len(doc) - 1)
        if spaces[i] and not spaces[i + 1] and doc[i].text.count("\n") >= 2
    ]


@Language.component("claimcheck_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    for index in paragraph_starts(doc):
        doc[index].is_sent_start = True
    return doc
