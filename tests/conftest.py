"""Shared fixtures: one loaded pipeline for the whole session (loading a model is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck.extraction.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLES = ROOT / "data" / "articles"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own extraction cache, never the user's ~/.cache/claimcheck."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(directory))
    return directory
