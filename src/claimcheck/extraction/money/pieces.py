"""Pieces: tokens cut where digits meet letters or currency signs.

spaCy's tokenizer keeps `$30Billion`, `USD115`, `10k$` and `nzd$15` as one token each (and
splits `$20M` in three), so reading money token by token would need a rule per shape. Cutting
every token that mixes digits or currency signs with other characters gives one uniform
sequence (`$` `30` `Billion`) whatever the spacing, and each piece remembers its token (for the
parse and NER labels) and whether it was glued to the previous piece ("20M" is a scale, "20 M"
may not be). Pieces are cut from the text and the token offsets, so spaCy makes a `Token` object
only for the few pieces whose parse is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimcheck.extraction.doc_index import doc_index
from claimcheck.lang.en.currencies import MINOR_UNITS, SYMBOLS

#: Single-character currency signs, where a token is cut.
SIGN_CHARACTERS = "".join(sorted({s for s in (*SYMBOLS, *MINOR_UNITS) if len(s) == 1}))
_SIGN_CLASS = re.escape(SIGN_CHARACTERS)
_CUT = re.compile(
    rf"\d[\d,]*\d(?:\.\d+)?|\d(?:\.\d+)?|\.\d+|[{_SIGN_CLASS}]"
    rf"|[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[^\w\s{_SIGN_CLASS}]"
)
#: Three linear searches instead of one alternation: `\d.*[^\d,.]` backtracks quadratically on
#: a long token without digits (100 kB took minutes, 1 MB hours).
_DIGIT = re.compile(r"\d")
_NOT_NUMERIC = re.compile(r"[^\d,.]")
_SIGN = re.compile(rf"[{_SIGN_CLASS}]")
#: Longest token that is cut: `US$5,000,000,000.00bn` is 21 characters; a longer token (a URL,
#: a hash, a run of glued words) is never one amount, and is kept whole.
MAX_CUT_LENGTH = 64


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    start: int
    end: int
    doc: Doc
    i: int  # index of the token the piece was cut from
    glued: bool  # no whitespace between this piece and the one before
    lower: str

    @property
    def token(self) -> Token:
        return self.doc[self.i]


def cut_token(text: str) -> list[tuple[int, str]]:
    """(offset, text) of the pieces of one token: `"US$5bn"` -> US, $, 5, bn."""
    if not needs_cut(text):
        return [(0, text)]
    return [(match.start(), match.group()) for match in _CUT.finditer(text)]


def needs_cut(text: str) -> bool:
    """Whether a token mixes digits with other characters, or a currency sign with anything."""
    if len(text) > MAX_CUT_LENGTH:
        return False
    if _DIGIT.search(text) and _NOT_NUMERIC.search(text):
        return True
    return len(text) > 1 and _SIGN.search(text) is not None


def doc_pieces(doc: Doc) -> list[Piece]:
    """Every token of `doc` cut into pieces, in order."""
    index = doc_index(doc)
    pieces: list[Piece] = []
    previous_end = -1
    for i, token_start in enumerate(index.starts):
        if index.is_space[i]:
            continue
        for offset, text in cut_token(index.token_text(i)):
            start = token_start + offset
            end = start + len(text)
            pieces.append(Piece(text, start, end, doc, i, start == previous_end, text.lower()))
            previous_end = end
    return pieces
