"""The library API: what the CLI does is a call a user can make from Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import claimcheck

ROOT = Path(__file__).resolve().parent.parent


def test_extract_folder_then_compare(nlp: Language) -> None:
    ledger, read = claimcheck.extract_folder(ROOT / "data" / "articles", nlp=nlp)
    assert read.ok and len(ledger.articles) == 5
    assert {claim.kind for claim in ledger.claims} >= {"money", "quantity", "date", "quote"}
    found = claimcheck.compare(ledger)
    assert found.pairs and all(pair.a.article != pair.b.article for pair in found.pairs)
    # Every pair belongs to exactly one fact, and a fact spans at least two articles.
    in_facts = [pair for fact in found.facts for pair in fact.pairs]
    assert sorted(p.id for p in in_facts) == sorted(p.id for p in found.pairs)
    assert all(len({claim.article for claim in fact.claims}) >= 2 for fact in found.facts)


def test_every_error_is_exported_and_caught_as_one() -> None:
    """A caller catches `claimcheck.ClaimcheckError` for anything claimcheck refuses, and can
    name each narrower error from the package itself (a full disk is `claimcheck.WriteError`)."""
    import inspect

    import claimcheck.errors

    errors = {
        name
        for name, value in vars(claimcheck.errors).items()
        if inspect.isclass(value) and issubclass(value, Exception)
    }
    assert errors <= set(claimcheck.__all__)
    assert all(issubclass(getattr(claimcheck, name), claimcheck.ClaimcheckError) for name in errors)


def test_importing_the_package_does_not_load_spacy() -> None:
    """`claimcheck --help` and `import claimcheck` must not wait for spaCy to load."""
    import subprocess
    import sys

    code = "import sys, claimcheck; claimcheck.ClaimcheckError; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_evaluate_folder_applies_the_gold_publication_dates(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("It happened last month.", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "articles:\n  a:\n    published: '2019-07-24'\n"
        "    dates: [{text: last month, value: '2019-06'}]\n",
        encoding="utf-8",
    )
    report, _ = claimcheck.evaluate_folder(tmp_path, gold, nlp=nlp)
    assert report.kinds["dates"].value_accuracy == 1.0


def test_an_extractor_gives_the_claims_of_a_text_held_in_memory(nlp: Language) -> None:
    extract = claimcheck.Extractor(nlp=nlp)
    claims = extract("Mexico was offered $20 million last month.", published="2018-09")
    found = {claim.kind: claim for claim in claims}
    assert found["money"].item.value == 20e6 and found["money"].article == "text"
    assert found["date"].item.value == "2018-08"  # "last month", from the publication date
    with pytest.raises(claimcheck.ArticleError):
        extract("Nothing.", published="yesterday")
