"""Marks reader comments and page furniture, so their figures are not taken for the article's.

Saved pages carry text that is not the article: photo credits, "NOW WATCH" teasers, newsletter
blurbs, an author box and the reader comments under it. Each is recognised by the shape of its
line, so the rule holds for outlets this project has never seen.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.sections)
from claimcheck.extraction.doc_index import doc_index
from claimcheck.model import Section

#: A line that opens the reader comments: everything after it is comments.
COMMENTS_START = re.compile(
    r"^\s*(\d+\s+(comments?|responses?|replies)|comments?|reader comments|"
    r"(leave|post) a (reply|comment)|join the conversation|\d+ thoughts on .*)\s*:?\s*$",
    re.IGNORECASE,
)

#: A line that is page furniture wherever it stands.
BOILERPLATE_LINE = re.compile(
    r"^\s*(now watch|watch|read more|related( stories| articles)?|recommended|advertisement|"
    r"lead (photo|image)|photo(graph)?s? by|pictures?|image|credit|share this|click here|"
    r"sign up|subscribe|follow .* on (facebook|twitter|instagram|linkedin)|about (the )?author|"
    r"avatar|.*emails? & alerts|site highlights)\b.*$",
    re.IGNORECASE,
)


def find_sections(text: str) -> list[tuple[int, int, Section]]:
    """Character ranges of `text` that are comments or boilerplate, in order."""
    ranges: list[tuple[int, int, Section]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if COMMENTS_START.match(stripped):
            ranges.append((offset, len(text), "comments"))
            break
        if stripped.strip() and BOILERPLATE_LINE.match(stripped):
            ranges.append((offset, offset + len(stripped), "boilerplate"))
        offset += len(line)
    return ranges


def section_at(ranges: list[tuple[int, int, Section]] | None, char: int) -> Section:
    """The section a character offset falls in ("body" outside every marked range)."""
    for start, end, section in ranges or ():
        if start <= char < end:
            return section
    return "body"


@Language.factory("claimcheck_sections", assigns=["doc._.sections"])
def make_sections_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.sections = find_sections(doc_index(doc).text)
        return doc

    return component
