"""The ledger: deterministic, round-trips in every format, never left half-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.io import ledger as ledger_module
from claimcheck.io.ledger import LedgerError, dumps, ledger_document, load_ledger, write_ledger
from claimcheck.model import (
    Article,
    ArticleResult,
    Attribution,
    Claim,
    DateMention,
    Money,
    PartialDate,
    Quantity,
    Quote,
)

BODY = "Mexico got $20M in May. “No,” said Ana Ruiz. 17,000 people left, Reuters said."


def sample_results() -> list[ArticleResult]:
    article = Article(
        id="b-article",
        path="x",
        body=BODY,
        title="T",
        outlet="O",
        url="u",
        published=PartialDate(2019, 7),
        content_hash="abc",
    )
    items = [
        ("money", Money("$20M", 11, 15, 20000000.0, "USD")),
        ("date", DateMention("May", 19, 22, "2019-05")),
        ("quote", Quote("No,", 25, 28, speaker="Ana Ruiz", cue="said")),
        ("quantity", Quantity("17,000 people", 46, 59, 17000.0, "people", "about")),
        ("attribution", Attribution("17,000 people left", 46, 64, "Reuters", "said")),
    ]
    claims = tuple(
        Claim(
            f"b-article:{kind}:{item.start}",
            "b-article",
            kind,
            item,
            BODY,
            0,
            len(BODY),
            source="Ana Ruiz",
            date="2019-05",
            entities=("mexico",),
        )
        for kind, item in items
    )
    other = Article(id="a-article", path="y", body="Nothing.", content_hash="def")
    return [ArticleResult(article, claims), ArticleResult(other, ())]


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl"])
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    results = sample_results()
    path = tmp_path / f"claims.{fmt}"
    write_ledger(results, path, fmt, model="m-1")
    ledger = load_ledger(path)
    assert ledger.model == "m-1"
    assert ledger.claims == list(results[0].claims)
    assert ledger.articles["b-article"].published == PartialDate(2019, 7)
    assert list(ledger.articles) == ["a-article", "b-article"]  # sorted by id


def test_same_input_gives_identical_bytes() -> None:
    first = dumps(ledger_document(sample_results(), "m"), "yaml")
    second = dumps(ledger_document(list(reversed(sample_results())), "m"), "yaml")
    assert first == second
    assert "20000000\n" in first  # integral amounts are written without ".0"


def test_failed_write_leaves_previous_ledger(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("previous ledger\n")

    def broken_dumps(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger_module.os, "fsync", lambda fd: broken_dumps())
    with pytest.raises(KeyboardInterrupt):
        write_ledger(sample_results(), path)
    assert path.read_text() == "previous ledger\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]  # no temporary file left


def test_stdout_destination(capsys) -> None:
    write_ledger(sample_results(), "-", "json")
    assert '"schema_version": 1' in capsys.readouterr().out


@pytest.mark.parametrize(
    "text", ["not: a ledger\n", "schema_version: 99\nclaims: []\n", "claims: [{kind: money}]\n"]
)
def test_bad_ledgers_raise_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text)
    with pytest.raises(LedgerError, match=r"claims\.yaml"):
        load_ledger(path)


def test_yaml_from_fragments_equals_the_whole_document() -> None:
    """Workers and the cache hand over each article's claims already as YAML; the ledger they
    make must be the very bytes of dumping the whole document at once."""
    from claimcheck.io.ledger import with_ledger_yaml, yaml_ledger

    results = sample_results()
    whole = dumps(ledger_document(results, "m"), "yaml")
    assert yaml_ledger(results, "m") == whole
    assert yaml_ledger([with_ledger_yaml(r) for r in results], "m") == whole
    empty = [ArticleResult(r.article, ()) for r in results]
    assert yaml_ledger(empty, "m") == dumps(ledger_document(empty, "m"), "yaml")
