"""Shared fixtures: one loaded pipeline for the whole session (loading a model is slow)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck.comparison.align import compare
from claimcheck.extraction.pipeline import build_nlp, extract_articles
from claimcheck.model import Article, Pair, PartialDate

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLES = ROOT / "data" / "articles"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def pairs_between(nlp: Language) -> Callable[..., list[Pair]]:
    """`pairs_between(first, second, kind)`: the pairs of one kind that compare finds between
    two one-sentence articles of two outlets, published a few days apart."""

    def pairs(
        first: str, second: str, kind: str, dates: tuple[str, str] = ("2004-12-24", "2004-12-29")
    ) -> list[Pair]:
        articles = [
            Article("one", "one.md", first, outlet="Wire", published=PartialDate.parse(dates[0])),
            Article("two", "two.md", second, outlet="Daily", published=PartialDate.parse(dates[1])),
        ]
        claims = [c for r in extract_articles(articles, nlp) for c in r.claims]
        return [p for p in compare(claims, {a.id: a for a in articles}) if p.kind == kind]

    return pairs


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own extraction cache, never the user's ~/.cache/claimcheck."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(directory))
    return directory
