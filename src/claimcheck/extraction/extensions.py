"""The `Doc` extensions claimcheck's components read and write, registered once at import.

Components communicate only through these attributes, so each can be tested on a hand-made `Doc`
and the order of the pipeline is the only coupling between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from claimcheck.kinds import KINDS

DOC_EXTENSIONS: dict[str, object] = {
    "article_id": None,  # str: the article's id, set by the caller before the pipeline runs
    "published": None,  # PartialDate | None: the publication date, anchor of relative dates
    "sections": None,  # list[tuple[int, int, Section]]: character ranges that are not "body"
    "claims": None,  # list[Claim]
    # one list of items per claim kind: Doc._.money, ._.quantities, ._.dates, ...
    **{spec.extension: None for spec in KINDS},
}


def register_extensions() -> None:
    """Register every extension that is not registered yet (safe to call more than once)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@dataclass(frozen=True)
class DocAnnotator:
    """A pipeline component that stores what `find` makes of a Doc in one Doc extension.

    Every claimcheck component has this shape (read the Doc, write one attribute), so the factories
    only say which attribute and which function: the component itself is written once."""

    attribute: str
    find: Callable[[Doc], Any]

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attribute, self.find(doc))
        return doc


register_extensions()
