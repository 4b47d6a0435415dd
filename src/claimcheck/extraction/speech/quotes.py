"""Finds quotations, who is quoted, and which quotation marks only set off a term.

A quotation is credited to the subject of the verb of saying that governs it in the parse
(`"...," X said`, `X told Reuters: "..."`, `said his government "will not accept"`), else to
a verb of saying elsewhere in its sentence, else to the speaker of the sentence before it in
the same paragraph (`X said ... . "...," she said. "..."`), and a quotation that runs on into
the next paragraph keeps its speaker there. Subjects become names through `SourceResolver`.

A quotation running over several paragraphs is kept as one `Quote` per paragraph: that is how
the gold format counts them (each segment is what stands between its own marks), and it keeps
every `Quote`'s offsets inside one paragraph, so one stray mark can never swallow an article.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.quotes)
from claimcheck.extraction.doc_index import doc_index
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.speech.quote_marks import MarkedSpan, paragraphs
from claimcheck.extraction.speech.speakers import (
    SourceResolver,
    Speaker,
    according_to,
    is_speech_cue,
    issues_text,
    subject_of,
)
from claimcheck.kinds.quote import SPEC as QUOTE
from claimcheck.lang.en.speech import NAMING_NOUNS, SUBORDINATORS
from claimcheck.model import Quote

#: A quotation of at most this many words that no verb of saying governs is a term, a title or
#: a scare quote (`a "migrant removals pilot"`), not somebody's words.
TERM_MAX_WORDS = 5
#: Dependencies a quotation is not reported speech through: a relative clause inside the
#: reported words (`migrants, which would honor Mexico's status as a "country of refuge"`).
BLOCKING_DEPS = frozenset({"relcl"})
#: Punctuation that introduces a full quotation (`X said: "..."`, `X said, "..."`).
INTRODUCING_PUNCT = frozenset({",", ":", "—", "–", "-"})
#: A one-line paragraph of at most this many words that does not end a sentence is a headline
#: (or a caption, a subhead); its quotation repeats, shortened, one the article body gives.
HEADLINE_MAX_WORDS = 25
#: A source credited after a quotation without a verb has at most this many words.
CREDIT_MAX_WORDS = 6
#: A paragraph that is one quotation and a dash before its source is a pull quote, not a
#: headline.
DASH_CREDIT = re.compile(r'^["“].+["”]\s*[-–—]\s*\w')
#: Marks that end quoted words running on into their verb of saying (`"Never," she said`),
#: which a title never does.
SPEECH_ENDINGS = frozenset({",", "?", "!"})
#: Dependencies of a clause that cannot introduce a quotation with a comma.
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "csubj", "pcomp"})
#: How far after a quotation the verb of a split-off `a reporter asked.` may stand.
CONTINUATION_MAX_WORDS = 6
#: How many sentences before a quotation may name its speaker.
CONTEXT_SENTENCES = 2
SENTENCE_END = (".", "!", "?", '"', "”", "’", ":", ")")


def quote_tokens(doc: Doc, span: MarkedSpan) -> Span:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def sentences_of(doc: Doc, tokens: Span) -> list[Span]:
    """The sentences a quotation touches (a long quotation may hold several)."""
    return doc_index(doc).sentences_between(tokens.start, tokens.end - 1)


def governing_cue(tokens: Span, inside: frozenset[int], paragraph: tuple[int, int]) -> Token | None:
    """The verb of saying (or `according to`) the quotation depends on in the parse.

    Walks up from every token that heads part of the quotation; a relative clause on the way
    means the quoted words sit in a description, not in what is reported, and a noun that
    names words (`the words "..."`) means they are mentioned, not reported."""
    if names_words(tokens):
        return None
    for token in tokens:
        if token.head.i in inside and token.head.i != token.i:
            continue
        node = token
        for _ in range(12):
            if node.dep_ in BLOCKING_DEPS:
                break
            node = node.head
            if not paragraph[0] <= node.idx < paragraph[1]:
                break
            if node.i not in inside:
                if node.pos_ == "NOUN" and node.lemma_.lower() in NAMING_NOUNS:
                    break  # words mentioned by a noun that names them
                if is_speech_cue(node):
                    return node
                cue = according_to(node)
                if cue is not None and cue.i not in inside:
                    return cue
            if node.head.i == node.i:
                break
    return None


def names_words(tokens: Span) -> bool:
    """The quotation follows a noun for words (`added the words "without delay"`)."""
    before = tokens.start - 1
    while before >= 0 and tokens.doc[before].is_punct:
        before -= 1
    word = tokens.doc[before] if before >= 0 else None
    return word is not None and word.pos_ == "NOUN" and word.lemma_.lower() in NAMING_NOUNS


def continuing_cue(
    tokens: Span, quoted: frozenset[int], paragraph: tuple[int, int]
) -> Token | None:
    """The verb of saying of a sentence the parser split off after a quotation that ends in
    a question or exclamation mark (`"Is it safe?" a reporter asked.`): the words after the
    closing mark start in lower case, so the sentence goes on, and its cue is the quote's."""
    doc = tokens.doc
    after = tokens.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc) or doc[after].idx >= paragraph[1] or not doc[after].is_lower:
        return None
    for token in doc[after : min(after + CONTINUATION_MAX_WORDS, len(doc))]:
        if token.i in quoted or (token.is_sent_start and token.i != after):
            return None
        if is_speech_cue(token):
            return token
    return None


def nearest_cue(
    sents: list[Span], tokens: Span, quoted: frozenset[int], paragraph: tuple[int, int]
) -> Token | None:
    """The verb of saying outside quotation marks nearest to the quotation in its sentences
    (within its paragraph: the parser's sentences sometimes run over a paragraph break)."""
    cues = [
        t
        for sent in sents
        for t in sent
        if t.i not in quoted and paragraph[0] <= t.idx < paragraph[1] and is_speech_cue(t)
    ]
    if not cues:
        return None
    return min(cues, key=lambda t: min(abs(t.i - tokens.start), abs(t.i - tokens.end)))


def runs_into_cue(tokens: Span) -> bool:
    """The quotation ends in a comma, question or exclamation mark and the next words are its
    verb of saying or that verb's subject (`"Never," she said`; not `named "X," scored`)."""
    if tokens[-1].text not in SPEECH_ENDINGS:
        return False
    doc = tokens.doc
    after = tokens.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc):
        return False
    word = doc[after]
    return is_speech_cue(word) or (word.dep_ in ("nsubj", "nsubjpass") and is_speech_cue(word.head))


def is_term(tokens: Span, governed: bool) -> bool:
    """Short words in quotation marks that no verb of saying governs, or a title in capitals."""
    words = [t for t in tokens if t.is_alpha]
    if not words:
        return True
    titled = all(t.is_title or t.is_upper or t.is_stop for t in words) and words[0].is_title
    if governed and runs_into_cue(tokens):
        return False  # `"Never," she said`: words that run on into their cue are speech
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    if titled and verbless and len(words) <= TERM_MAX_WORDS + 3:
        return True
    return not governed and len(words) <= TERM_MAX_WORDS


def is_partial(doc: Doc, tokens: Span, sents: list[Span], quoted: frozenset[int]) -> bool:
    """A fragment run into its sentence: words of the sentence on both sides of it, or a
    lower-case start not introduced by a comma or colon."""
    sent_start, sent_end = sents[0].start, sents[-1].end
    outside = [t for t in doc[sent_start:sent_end] if t.i not in quoted]
    before = [t for t in outside if t.i < tokens.start]
    after = [t for t in outside if t.i >= tokens.end]
    words_before = any(t.is_alpha for t in before)
    words_after = any(t.is_alpha for t in after)
    introduced = bool(before) and before[-1].text in INTRODUCING_PUNCT
    first_word = next((t for t in tokens if t.is_alpha), tokens[0])
    if first_word.is_lower and words_before and not introduced:
        return True
    return words_before and words_after and not (introduced and first_word.is_title)


def speaker_in_sentence(
    sent: Span, quoted: frozenset[int], known: dict[int, Speaker], resolver: SourceResolver
) -> Speaker | None:
    """The source a sentence credits: the subject of its last verb of saying outside quotation
    marks, else the speaker already found for a quotation in it."""
    cues = [t for t in sent if t.i not in quoted and (is_speech_cue(t) or issues_text(t))]
    for cue in reversed(cues):
        subject = subject_of(cue)
        speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is not None:
            return speaker
    in_sentence = [
        speaker for start, speaker in known.items() if sent.start_char <= start < sent.end_char
    ]
    return in_sentence[-1] if in_sentence else None


def speaker_from_context(
    doc: Doc,
    sent: Span,
    opens_paragraph: bool,
    bounds: list[tuple[int, int]],
    quoted: frozenset[int],
    known: dict[int, Speaker],
    resolver: SourceResolver,
) -> Speaker | None:
    """The source of a quotation whose own sentence names none: the sentences just before it
    (`X said ... . "..."`, `X told Reuters: "..."`, `"...," she said. "..."`). A quotation that
    opens its paragraph may take it from the end of the previous paragraph."""
    paragraph = paragraph_start_of(bounds, sent.start_char)
    limit = paragraph
    if opens_paragraph:
        index = next((i for i, (start, _) in enumerate(bounds) if start == paragraph), 0)
        limit = bounds[index - 1][0] if index > 0 else paragraph
    current = sent
    for _ in range(CONTEXT_SENTENCES):
        if current.start == 0:
            return None
        current = doc_index(doc).sentence_of(current.start - 1)
        if current.end_char <= limit:
            return None
        speaker = speaker_in_sentence(current, quoted, known, resolver)
        if speaker is not None:
            return speaker
        if current.start_char < paragraph:
            return None  # only the last sentence of the previous paragraph
    return None


def is_headline(text: str) -> bool:
    """A single short line that does not end like a sentence."""
    text = text.strip()
    return (
        not DASH_CREDIT.match(text)
        and "\n" not in text
        and len(text.split()) <= HEADLINE_MAX_WORDS
        and not text.endswith(SENTENCE_END)
    )


def paragraph_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    return next(((start, end) for start, end in bounds if start <= offset < end), (0, 0))


def paragraph_start_of(bounds: list[tuple[int, int]], offset: int) -> int:
    return paragraph_of(bounds, offset)[0]


def colon_intro(tokens: Span) -> Token | None:
    """The verb of a clause that introduces the quotation with a colon (`Sunak defended the
    record: "..."`), or with a comma right after the main verb (`The city reasoned, "..."`):
    whoever is its subject speaks the quotation."""
    doc = tokens.doc
    before = tokens.start - 1
    while before >= 0 and doc[before].is_punct and doc[before].text not in (":", ","):
        before -= 1
    if before < 0 or doc[before].text not in (":", ","):
        return None
    index = doc_index(doc)
    if before == 0 or index.sentence_of(before - 1).start != index.sentence_of(before).start:
        return None
    if doc[before].text == ",":
        return main_verb_before_comma(doc[before - 1])
    clause = doc[before - 1]  # climb to the head of the clause that ends at the colon
    while clause.head.i < before and clause.head.i != clause.i:
        clause = clause.head
    return clause if clause.pos_ in ("VERB", "AUX") else None


def main_verb_before_comma(verb: Token) -> Token | None:
    """`The city reasoned, "..."`: a main clause that ends in its verb, with a subject, so
    that what follows the comma is what the verb introduces (not `When the storm hit, "..."`,
    a subordinate clause)."""
    if verb.pos_ != "VERB" or verb.dep_ in SUBORDINATE_DEPS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i or subject.lower_ in ("it", "there"):
        return None
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in verb.children):
        return None
    return verb


def trailing_credit(
    doc: Doc,
    tokens: Span,
    paragraph: tuple[int, int],
    quoted: frozenset[int],
    resolver: SourceResolver,
) -> Speaker | None:
    """The source named after a quotation with no verb at all, as captions and pull quotes
    credit it (`"..." - Jane Doe`, `"...". Jane Doe, mayor`, `"..." A blogger, "Title"`): a
    short verbless noun phrase up to a comma, and nothing but words without a verb (a role,
    the title of the credited text) after it to the end of the paragraph."""
    rest = [t for t in doc[tokens.end : len(doc)] if t.idx < paragraph[1]]
    credit: list[Token] = []
    for token in rest:
        if token.is_quote or (token.is_punct and not credit) or token.is_space:
            if credit and token.is_quote:
                break
            continue
        if token.text == ",":
            break
        credit.append(token)
    if not credit or len(credit) > CREDIT_MAX_WORDS or not credit[0].is_title:
        return None
    after = [t for t in rest if t.i > credit[-1].i and t.i not in quoted]
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in (*credit, *after)):
        return None  # a clause, not a credit line
    heads = [t for t in credit if t.head.i == t.i or not credit[0].i <= t.head.i <= credit[-1].i]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return resolver.resolve(heads[0])


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quotation in `doc`, with its speaker, whether it is partial, or a term."""
    index = doc_index(doc)
    text = index.text
    bounds = paragraphs(text)
    headlines = [(s, e) for s, e in bounds if is_headline(text[s:e])]
    spans = [
        (span, quote_tokens(doc, span))
        for span in index.quoted_spans
        if not any(s <= span.start < e for s, e in headlines)
    ]
    spans = [(span, tokens) for span, tokens in spans if tokens is not None and len(tokens)]
    quoted = frozenset(t.i for _, tokens in spans for t in tokens)
    resolver = SourceResolver.from_doc(doc, quoted)
    quotes: list[Quote] = []
    known: dict[int, Speaker] = {}
    previous: Speaker | None = None
    credited_until = -1
    for span, tokens in spans:
        inside = frozenset(t.i for t in tokens)
        sents = sentences_of(doc, tokens)
        paragraph = paragraph_of(bounds, span.start)
        governed = governing_cue(tokens, inside, paragraph) or continuing_cue(
            tokens, quoted, paragraph
        )
        cue = governed or nearest_cue(sents, tokens, quoted, paragraph) or colon_intro(tokens)
        if is_term(tokens, governed is not None) or span.start < credited_until:
            quotes.append(Quote(text[span.start : span.end], span.start, span.end, kind="term"))
            continue
        speaker = None
        if cue is not None:
            subject = subject_of(cue)
            named = resolver.people_named(tokens)
            speaker = resolver.resolve(subject, named) if subject is not None else None
        if speaker is None and cue is None:
            speaker = trailing_credit(doc, tokens, paragraph, quoted, resolver)
            if speaker is not None:
                credited_until = paragraph[1]  # a quotation later in the line is a title
        if speaker is None and span.continues:
            speaker = previous
        if speaker is None:
            opens = paragraph[0] >= span.start - 1
            speaker = speaker_from_context(doc, sents[0], opens, bounds, quoted, known, resolver)
        if speaker is not None:
            known[span.start] = speaker
        resolver.remember(speaker, span.end)
        previous = speaker
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                speaker=speaker.name if speaker else None,
                cue=cue.text if cue is not None and speaker is not None else None,
                partial=is_partial(doc, tokens, sents, quoted),
            )
        )
    return quotes


@Language.factory(
    "claimcheck_quotes", requires=["token.dep", "token.tag"], assigns=[f"doc._.{QUOTE.extension}"]
)
def make_quotes_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(QUOTE.extension, find_quotes)
