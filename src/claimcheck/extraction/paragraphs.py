"""Sentence boundaries at paragraph breaks and in run-on text, set before the parser runs.

The parser happily joins a headline to the first paragraph, or a photo caption to the text
after it, when no full stop separates them. A blank line always ends a sentence in news text, so
the token after one starts a sentence; the parser keeps every boundary already set.

Text without any full stop (a line of a million characters, a broken export, a hostile input)
would otherwise parse as one sentence of hundreds of thousands of tokens, and much of the
extraction looks at a figure's whole sentence: its cost grows with the square of the sentence's
length or worse (hours for one article). A run of `MAX_RUN_TOKENS` tokens without a full stop,
question or exclamation mark is no sentence of news, so it is cut there (at its last line
break, when it has one). Text with full stops is left to the parser as before.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

#: Longest run of tokens without sentence-final punctuation left whole. The longest sentences of
#: news, lists and tables are far shorter; a sentence this long still extracts in milliseconds.
MAX_RUN_TOKENS = 300
#: Tokens that may end a sentence (the parser decides whether they do).
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…", "。", "！", "？"})


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a paragraph: the first after a blank line."""
    spaces = doc.to_array(IS_SPACE).tolist() if len(doc) else []
    return [
        i + 1
        for i in range(len(doc) - 1)
        if spaces[i] and not spaces[i + 1] and doc[i].text.count("\n") >= 2
    ]


def run_on_cuts(doc: Doc, starts: set[int], limit: int = MAX_RUN_TOKENS) -> list[int]:
    """Indices of tokens that start a sentence because `limit` tokens went by without a
    paragraph start or sentence-final punctuation: after the run's last line break when it has
    one, else at the limit."""
    cuts: list[int] = []
    run_start = 0
    line_break = None
    for i, token in enumerate(doc):
        text = token.text
        if i in starts or text in SENTENCE_ENDS:
            run_start, line_break = i + (i not in starts), None
            continue
        if "\n" in text:
            line_break = i + 1
        if i - run_start >= limit:
            cut = line_break if line_break is not None and line_break <= i else i
            cuts.append(cut)
            run_start, line_break = cut, None
    return [cut for cut in cuts if 0 < cut < len(doc)]


@Language.component("claimcheck_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    starts = paragraph_starts(doc)
    for index in (*starts, *run_on_cuts(doc, set(starts))):
        doc[index].is_sent_start = True
    return doc
