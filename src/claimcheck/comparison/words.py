"""Content words: what is left of a text once the words too common to tell two facts apart are
gone. Alignment compares them, blocking keys on the rarest, and descriptions agree on shared
ones; each reads them here, through rapidfuzz's default processing (lower case, punctuation as
spaces) and the language's stop words."""

from __future__ import annotations

from rapidfuzz import utils

from claimcheck.lang.en.stop_words import STOP_WORDS


def content_words(text: str) -> list[str]:
    """The words of `text`, in order, without stop words ("the UN's chief" -> un, s, chief)."""
    return [word for word in utils.default_process(text).split() if word not in STOP_WORDS]
