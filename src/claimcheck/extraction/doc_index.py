"""Lookups several components make on one Doc, computed once per Doc and shared.

`doc.text`, `doc.sents`, `doc.ents` and `token.sent` are rebuilt by spaCy on every access (the
text is joined token by token, a sentence is found by scanning for its boundaries, the entity
tuple is rebuilt from the IOB tags), so a component that asks for them once per quotation or per
token spends more time there than the model spends parsing. `doc_index(doc)` reads each once,
after the model has annotated the Doc (claimcheck's components change no tokens, sentences or
entities), and answers offset questions by bisection. It lives in `doc.user_data` while the
pipeline runs; the last component (`frames`) drops it, so a finished Doc serialises as usual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from claimcheck.extraction.speech.quote_marks import MarkedSpan
    from claimcheck.names import NameIndex

#: Where the index is kept in `doc.user_data` (spaCy's own per-Doc scratch space).
USER_DATA_KEY = "claimcheck.doc_index"


@dataclass(eq=False)
class DocIndex:
    """Text, token offsets, sentences and entities of one Doc, as plain Python lists."""

    doc: Doc
    text: str
    starts: list[int]  # character offset of each token
    ends: list[int]  # character offset after each token (trailing whitespace excluded)
    is_space: list[bool]
    _entity_at: list[Span | None] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        columns = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
        starts = [row[0] for row in columns]
        ends = [row[0] + row[1] for row in columns]
        return cls(doc, doc.text, starts, ends, [bool(row[2]) for row in columns])

    def token_text(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def first_token_from(self, char: int) -> int:
        """The first token starting at or after character `char` (len(doc) if none)."""
        return bisect_left(self.starts, char)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sent.start for sent in self.sentences]

    def sentence_of(self, i: int) -> Span:
        """The sentence of token `i` (what `doc[i].sent` gives, without the scan)."""
        return self.sentences[bisect_right(self.sentence_starts, i) - 1]

    def sentences_between(self, first: int, last: int) -> list[Span]:
        """The sentences from the one holding token `first` to the one holding token `last`."""
        low = bisect_right(self.sentence_starts, first) - 1
        high = bisect_right(self.sentence_starts, last)
        return self.sentences[low:high]

    @cached_property
    def entities(self) -> tuple[Span, ...]:
        return self.doc.ents

    @cached_property
    def entity_starts(self) -> list[int]:
        return [ent.start for ent in self.entities]

    def entity_of(self, token: Token) -> Span | None:
        """The entity span `token` belongs to, if any."""
        if self._entity_at is None:
            self._entity_at = [None] * len(self.starts)
            for ent in self.entities:
                for i in range(ent.start, ent.end):
                    self._entity_at[i] = ent
        return self._entity_at[token.i]

    @cached_property
    def names(self) -> NameIndex:
        from claimcheck.names import NameIndex

        return NameIndex.from_doc(self.doc)

    @cached_property
    def quoted_spans(self) -> list[MarkedSpan]:
        from claimcheck.extraction.speech.quote_marks import quoted_spans

        return quoted_spans(self.text)


def doc_index(doc: Doc) -> DocIndex:
    """The shared index of `doc`, built on first use."""
    index = doc.user_data.get(USER_DATA_KEY)
    if not isinstance(index, DocIndex) or index.doc is not doc or len(index.starts) != len(doc):
        index = DocIndex.build(doc)  # first use, or a copy of a Doc that carried its index
        doc.user_data[USER_DATA_KEY] = index
    return index


def release_index(doc: Doc) -> None:
    """Drop the index once the pipeline is done with `doc`."""
    doc.user_data.pop(USER_DATA_KEY, None)


def merged_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching stretches (half-open, of characters or tokens) joined, in order:
    the same offsets, held by fewer stretches."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class CharRanges:
    """Character ranges (money amounts, tables, figures found; an empty one holds nothing) asked
    whether they cover an offset or overlap a range, by bisection: a scan of every range for
    every token costs an article with thousands of amounts the square of that (a megabyte of
    them, many minutes)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged = merged_spans([r for r in ranges if r[0] < r[1]])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def covers(self, offset: int) -> bool:
        """Whether a range holds `offset` (start <= offset < end)."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a range shares a character with [start, end)."""
        i = bisect_right(self.ends, start)  # the first range ending after `start`
        return i < len(self.starts) and self.starts[i] < end
