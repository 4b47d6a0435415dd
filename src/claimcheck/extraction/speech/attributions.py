"""Finds reported speech without quotation marks: `X said (that) ...`, `according to X, ...`.

The reported content is the clause a verb of saying takes as its complement in the parse
(`ccomp`: `X said the talks failed`, `..., Reuters reported`), or for `according to X` the
clause the phrase modifies. Its source is resolved like a quotation's speaker. Words already in
quotation marks are quotes, not attributions, so any clause that touches a quotation is left
to `quotes`.
"""

from __future__ import annotations

from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.attributions)
from claimcheck.extraction.doc_index import doc_index
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.settings import AttributionSettings, default_config
from claimcheck.extraction.speech.speakers import (
    CONTENT_DEPS,
    SourceResolver,
    is_speech_cue,
    speech_cue_candidates,
    subject_of,
)
from claimcheck.kinds.attribution import SPEC as ATTRIBUTION
from claimcheck.lang.en.speech import CONTENT_OPENERS
from claimcheck.model import Attribution

#: The component's thresholds when none are set (`extraction.settings`).
DEFAULTS = AttributionSettings()


def is_edge(token: Token) -> bool:
    return token.is_punct or token.is_space


def content_span(
    doc: Doc, tokens: list[Token], min_words: int = DEFAULTS.min_content_words
) -> Span | None:
    """The contiguous span of `tokens`, trimmed of punctuation and a leading `that`; None when
    fewer than `min_words` words are left."""
    if not tokens:
        return None
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while start < end and (is_edge(doc[start]) or doc[start].lower_ in CONTENT_OPENERS):
        start += 1
    while end > start and is_edge(doc[end - 1]):
        end -= 1
    span = doc[start:end]
    return span if sum(t.is_alpha for t in span) >= min_words else None


def reported_content(cue: Token, min_words: int = DEFAULTS.min_content_words) -> Span | None:
    """What a cue reports: the complement clause of a verb, or the clause `according to X`
    modifies (without the phrase itself)."""
    doc = cue.doc
    if cue.lower_ == "according":
        head = cue.head
        if head.i == cue.i:
            return None
        skip = {t.i for t in cue.subtree}
        index = doc_index(doc)
        sentence = index.sentence_of(cue.i).start
        clause = [
            t for t in head.subtree if t.i not in skip and index.sentence_of(t.i).start == sentence
        ]
        clause = [t for t in clause if not t.is_space or t.i < cue.i]
        return content_span(doc, clause, min_words)
    complement = next((c for c in cue.children if c.dep_ in CONTENT_DEPS), None)
    if complement is None:
        return None
    return content_span(doc, list(complement.subtree), min_words)


def find_attributions(doc: Doc, settings: AttributionSettings = DEFAULTS) -> list[Attribution]:
    """Reported speech outside quotation marks, with the source it is credited to."""
    marks = doc_index(doc).quoted_spans
    marked = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in marks]
    quoted = frozenset(t.i for span in marked if span is not None for t in span)
    resolver = SourceResolver.from_doc(doc, quoted)
    found: list[Attribution] = []
    taken: set[int] = set()
    for i in speech_cue_candidates(doc):
        cue = doc[i]
        if cue.i in quoted or not is_speech_cue(cue, weak_ok=False):
            continue
        content = reported_content(cue, settings.min_content_words)
        if content is None or any(t.i in quoted or t.i in taken for t in content):
            continue
        subject = subject_of(cue)
        source = resolver.resolve(subject) if subject is not None else None
        if source is None:
            continue
        resolver.remember(source, content.end_char)
        taken.update(t.i for t in content)
        found.append(
            Attribution(
                text=content.text,
                start=content.start_char,
                end=content.end_char,
                source=source.name,
                cue=cue.text if cue.lower_ != "according" else "according to",
            )
        )
    return found


@Language.factory(
    "claimcheck_attributions",
    requires=["token.dep"],
    assigns=[f"doc._.{ATTRIBUTION.extension}"],
    default_config=default_config(AttributionSettings),
)
def make_attributions_component(nlp: Language, name: str, min_content_words: int) -> DocAnnotator:
    settings = AttributionSettings(min_content_words)
    return DocAnnotator(ATTRIBUTION.extension, partial(find_attributions, settings=settings))
