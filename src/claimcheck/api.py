"""The library API behind every command: the CLI only parses options and formats output."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from claimcheck.comparison.align import compare as align_claims
from claimcheck.comparison.facts import build_comparison
from claimcheck.comparison.verdicts import CompareConfig
from claimcheck.evaluation.scoring import EvalReport, Gold, evaluate, load_gold
from claimcheck.extraction.pipeline import build_nlp, extract_articles, model_id
from claimcheck.io.articles import ReadResult, read_folder
from claimcheck.io.ledger import Ledger, results_to_ledger
from claimcheck.model import ArticleResult, Comparison


def extract_folder(
    folder: Path | str, nlp: Language | None = None, model: str | None = None
) -> tuple[Ledger, ReadResult]:
    """Extract the claims of every article under `folder`; also returns what could not be read."""
    nlp = nlp or build_nlp(model)
    read = read_folder(Path(folder))
    results = list(extract_articles(read.articles, nlp))
    return results_to_ledger(results, model_id(nlp)), read


def compare(ledger: Ledger, config: CompareConfig | None = None) -> Comparison:
    """The facts the ledger's articles state, and the pairs of claims (from different articles)
    that join them, each with its verdict and the id of its fact. `config` holds every
    threshold and weight (`CompareConfig`'s defaults when None)."""
    pairs = align_claims(ledger.claims, ledger.articles, config)
    return build_comparison(pairs, ledger.articles)


def with_gold_dates(read: ReadResult, gold: Gold) -> ReadResult:
    """Articles with the publication dates the gold file sets (the gold overrides metadata)."""
    articles = [replace(a, published=gold.published(a.id) or a.published) for a in read.articles]
    return ReadResult(articles=articles, errors=read.errors, warnings=read.warnings)


def evaluate_folder(
    folder: Path | str,
    gold_path: Path | str,
    nlp: Language | None = None,
    model: str | None = None,
    with_relations: bool | None = None,
) -> tuple[EvalReport, Sequence[ArticleResult]]:
    """Extract `folder` and score it against a gold file (relations too when it has any)."""
    gold = load_gold(Path(gold_path))
    read = with_gold_dates(read_folder(Path(folder)), gold)
    nlp = nlp or build_nlp(model)
    results = list(extract_articles(read.articles, nlp))
    pairs = None
    if with_relations if with_relations is not None else bool(gold.relations):
        pairs = list(compare(results_to_ledger(results)).pairs)
    return evaluate(results, gold, pairs), results
