"""The `Doc` extensions claimcheck's components read and write, registered once at import.

Components communicate only through these attributes, so each can be tested on a hand-made `Doc`
and the order of the pipeline is the only coupling between them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimcheck.model import KINDS

DOC_EXTENSIONS: dict[str, object] = {
    "article_id": None,  # str: the article's id, set by the caller before the pipeline runs
    "published": None,  # PartialDate | None: the publication date, anchor of relative dates
    "sections": None,  # list[tuple[int, int, Section]]: character ranges that are not "body"
    "claims": None,  # list[Claim]
    # one list of items per claim kind: Doc._.money, ._.quantities, ._.dates, ...
    **{spec.plural: None for spec in KINDS},
}


def register_extensions() -> None:
    """Register every extension that is not registered yet (safe to call more than once)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
