"""claimcheck: who claimed what, with which figures and dates, and where news outlets disagree.

The library API is what the command line runs:

- `extract(sources)` reads folders, files or stdin and extracts their claims: the ledger, what
  was skipped, and why (what `claimcheck extract` runs),
- `Extractor()(text, published=...)` loads the pipeline once and gives the claims of a text,
- `extract_folder(folder)` is its short form for one folder: the ledger and what was read,
- `compare(ledger)` groups claims across articles into facts and judges each pair
  (agree, conflict, revision),
- `evaluate_folder(folder, gold)` scores extraction against a gold annotation file
  (`evaluate(results, gold)` scores results already extracted),
- `read_settings(path)` reads a TOML config file (component thresholds, `CompareConfig`) that
  `extract(..., settings=)` and `compare(ledger, settings)` take.

Importing the package is cheap: spaCy loads only when one of these runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it; imported on first use (PEP 562).
_EXPORTS = {
    "compare": "claimcheck.api",
    "extract": "claimcheck.api",
    "Extractor": "claimcheck.api",
    "evaluate": "claimcheck.evaluation.scoring",
    "evaluate_folder": "claimcheck.api",
    "extract_folder": "claimcheck.api",
    "load_ledger": "claimcheck.io.ledger",
    "read_settings": "claimcheck.config",
    "Settings": "claimcheck.config",
    "CompareConfig": "claimcheck.comparison.config",
    "KINDS": "claimcheck.kinds",
    "KindSpec": "claimcheck.kinds",
    "Ledger": "claimcheck.io.ledger",
    "Article": "claimcheck.model",
    "Claim": "claimcheck.model",
    "Comparison": "claimcheck.model",
    "Fact": "claimcheck.model",
    "Frame": "claimcheck.model",
    "Pair": "claimcheck.model",
    "ClaimcheckError": "claimcheck.errors",
    "ConfigError": "claimcheck.errors",
    "ArticleError": "claimcheck.errors",
    "LedgerError": "claimcheck.errors",
    "GoldError": "claimcheck.errors",
    "ModelNotFoundError": "claimcheck.errors",
    "EngineUnavailableError": "claimcheck.errors",
    "ArticleFailedError": "claimcheck.errors",
    "OutputError": "claimcheck.errors",
    "WriteError": "claimcheck.errors",
    "CacheError": "claimcheck.errors",
}

__all__ = [
    "KINDS",
    "Article",
    "ArticleError",
    "ArticleFailedError",
    "CacheError",
    "Claim",
    "ClaimcheckError",
    "CompareConfig",
    "Comparison",
    "ConfigError",
    "EngineUnavailableError",
    "Extractor",
    "Fact",
    "Frame",
    "GoldError",
    "KindSpec",
    "Ledger",
    "LedgerError",
    "ModelNotFoundError",
    "OutputError",
    "Pair",
    "Settings",
    "WriteError",
    "__version__",
    "compare",
    "evaluate",
    "evaluate_folder",
    "extract",
    "extract_folder",
    "load_ledger",
    "read_settings",
]

if TYPE_CHECKING:
    from claimcheck.api import Extractor, compare, evaluate_folder, extract, extract_folder
    from claimcheck.comparison.config import CompareConfig
    from claimcheck.config import Settings, read_settings
    from claimcheck.errors import (
        ArticleError,
        ArticleFailedError,
        CacheError,
        ClaimcheckError,
        ConfigError,
        EngineUnavailableError,
        GoldError,
        LedgerError,
        ModelNotFoundError,
        OutputError,
        WriteError,
    )
    from claimcheck.evaluation.scoring import evaluate
    from claimcheck.io.ledger import Ledger, load_ledger
    from claimcheck.kinds import KINDS, KindSpec
    from claimcheck.model import Article, Claim, Comparison, Fact, Frame, Pair


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
