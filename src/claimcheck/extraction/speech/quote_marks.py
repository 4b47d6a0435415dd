"""Pairs quotation marks in raw text, one paragraph at a time.

Marks are paired on characters, not tokens, because whether a mark opens or closes depends on
the characters around it (a space before, a letter after), which tokenisation throws away.
Writers and converters mix curly and straight marks and sometimes turn a curly mark the wrong
way round (`decision.“ However`), so every double mark is read by its surroundings first and by
its glyph only when the surroundings do not decide. A quotation never runs past the end of its
paragraph: an unbalanced mark costs one paragraph, not the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”„«»')
OPENING_GLYPHS = frozenset("“„«")
CLOSING_GLYPHS = frozenset("”»")
SINGLE_OPENERS = frozenset("‘'")
SINGLE_CLOSERS = frozenset("’'")
#: Characters after which a mark followed by a word opens a quotation.
OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;")
#: Longest stretch (in characters) a single-quoted quotation may span: single marks double as
#: apostrophes, so only short, tightly paired ones are trusted.
MAX_SINGLE_QUOTE_CHARS = 200

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The characters between two paired marks (marks excluded, whitespace trimmed).

    `continues` is set when the span starts a paragraph without an opening mark, or opens a
    paragraph right after a quotation left open: news style for one quotation over several
    paragraphs. `closed` is False when the paragraph ended before a closing mark."""

    start: int
    end: int
    continues: bool = False
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs (blank-line separated) of `text`."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def mark_role(text: str, i: int) -> str:
    """Whether the double mark at `i` looks like it "open"s or "close"s a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_by_context = (before in OPEN_CONTEXT or before in DOUBLE_MARKS) and not after.isspace()
    closes_by_context = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens_by_context and not closes_by_context:
        return "open"
    if closes_by_context and not opens_by_context:
        return "close"
    if text[i] in OPENING_GLYPHS:
        return "open"
    if text[i] in CLOSING_GLYPHS:
        return "close"
    return "toggle"


def _trimmed(text: str, start: int, end: int, **flags: bool) -> MarkedSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return MarkedSpan(start, end, **flags) if end > start else None


def double_quoted(text: str, start: int, end: int, after_open: bool) -> list[MarkedSpan]:
    """Spans between double marks in the paragraph `text[start:end]`.

    `after_open` says the previous paragraph ended inside a quotation."""
    spans: list[MarkedSpan] = []
    opened: int | None = None
    continues = False
    seen_mark = False
    for i in range(start, end):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = mark_role(text, i)
        if role == "toggle":
            role = "close" if opened is not None else "open"
        if role == "open":
            if opened is None:
                opened, continues = i + 1, after_open and not seen_mark and not spans
        elif opened is not None:
            span = _trimmed(text, opened, i, continues=continues)
            spans += [span] if span else []
            opened = None
        elif not seen_mark:
            # A closing mark with no opener: the quotation began before it, at the paragraph's
            # start when the last paragraph ended inside one, else at the start of its line (a
            # text whose lines are its paragraphs, an opening mark lost in a copy).
            line = start if after_open else max(start, text.rfind("\n", start, i) + 1)
            span = _trimmed(text, line, i, continues=True)
            spans += [span] if span else []
        seen_mark = True
    if opened is not None:
        span = _trimmed(text, opened, end, continues=continues, closed=False)
        spans += [span] if span else []
    return spans


def single_quoted(text: str, start: int, end: int, taken: list[MarkedSpan]) -> list[MarkedSpan]:
    """Spans between single marks that cannot be apostrophes: an opener after a space or
    bracket and before a letter, a closer before a space or punctuation, not inside a double
    quotation (a quotation inside a quotation belongs to the outer one)."""
    spans: list[MarkedSpan] = []
    i = start
    while i < end:
        if text[i] in SINGLE_OPENERS and _opens_single(text, i) and not _inside(i, taken):
            close = _single_closer(text, i + 1, min(end, i + 1 + MAX_SINGLE_QUOTE_CHARS))
            if close is not None:
                span = _trimmed(text, i + 1, close)
                if span and not _inside(close, taken):
                    spans.append(span)
                    i = close + 1
                    continue
        i += 1
    return spans


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–") and after.isalpha()


def _single_closer(text: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        if text[j] == "\n":
            return None
        if text[j] in SINGLE_CLOSERS:
            before, after = text[j - 1], text[j + 1] if j + 1 < len(text) else " "
            if before.isalpha() and after.isalpha():
                continue  # an apostrophe inside a word: don't, Trump's
            if before == "s" and after.isspace() and text[j - 2 : j].isalpha():
                continue  # most likely a plural possessive: the students' books
            if not before.isspace() and not after.isalnum():
                return j
    return None


def _inside(i: int, spans: list[MarkedSpan]) -> bool:
    return any(span.start - 1 <= i <= span.end for span in spans)


def quoted_spans(text: str) -> list[MarkedSpan]:
    """Every quotation in `text`, in order, each bounded by its paragraph."""
    found: list[MarkedSpan] = []
    after_open = False
    for start, end in paragraphs(text):
        spans = double_quoted(text, start, end, after_open)
        after_open = bool(spans) and not spans[-1].closed
        spans += single_quoted(text, start, end, spans)
        found.extend(sorted(spans, key=lambda span: span.start))
    return found
