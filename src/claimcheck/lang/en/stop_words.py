"""English stop words: the words too common to tell two sentences' topics apart.

spaCy's English list, named here once so that the modules comparing words (blocking keys,
alignment, event words, gated date patterns) take it from the language's folder."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["STOP_WORDS"]
