"""The committed demo ledger is what `claimcheck extract data/articles` writes today."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.extraction.pipeline import extract_articles, model_id
from claimcheck.io.articles import read_folder
from claimcheck.io.ledger import dumps, ledger_document

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
LEDGER = ROOT / "data" / "claims.yaml"
runner = CliRunner()


def test_demo_ledger_is_current_and_deterministic(nlp: Language) -> None:
    articles = read_folder(ARTICLES).articles
    sources = ["articles"]  # what `claimcheck extract data/articles` records, beside the folder
    first = dumps(
        ledger_document(list(extract_articles(articles, nlp)), model_id(nlp), sources), "yaml"
    )
    second = dumps(
        ledger_document(list(extract_articles(articles, nlp)), model_id(nlp), sources), "yaml"
    )
    assert first == second
    assert first == LEDGER.read_text(encoding="utf-8"), (
        "data/claims.yaml is stale: run `claimcheck extract data/articles` and commit it"
    )


def test_compare_csv_export_reads_back_with_the_20m_vs_30b_conflict(tmp_path: Path) -> None:
    out = tmp_path / "conflicts.csv"
    result = runner.invoke(app, ["compare", str(LEDGER), "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    money = [r for r in rows if r["kind"] == "money" and r["verdict"] == "conflict"]
    values = {frozenset((r["a_value"], r["b_value"])) for r in money}
    assert any(
        any("20,000,000" in v for v in pair) and any("30,000,000,000" in v for v in pair)
        for pair in values
    ), values
    assert all(r["a_article"] != r["b_article"] for r in rows)


def test_compare_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    out.write_text("keep me")
    result = runner.invoke(app, ["compare", str(LEDGER), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text() == "keep me"
    assert (
        runner.invoke(
            app, ["compare", str(LEDGER), "-f", "csv", "-o", str(out), "--force"]
        ).exit_code
        == 0
    )
    assert out.read_text() != "keep me"


def test_fail_on_conflict_and_filters() -> None:
    assert runner.invoke(app, ["compare", str(LEDGER), "--fail-on-conflict"]).exit_code == 1
    agreements = runner.invoke(
        app, ["compare", str(LEDGER), "--only", "agreements", "--fail-on-conflict", "-f", "jsonl"]
    )
    assert agreements.exit_code == 0
    verdicts = {json.loads(line)["verdict"] for line in agreements.stdout.splitlines()}
    assert verdicts == {"agree"}
    money_only = runner.invoke(app, ["compare", str(LEDGER), "--kind", "money", "-f", "csv"])
    kinds = {row["kind"] for row in csv.DictReader(io.StringIO(money_only.stdout))}
    assert kinds == {"money"}


def test_compare_without_a_ledger_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(tmp_path / "claims.yaml")])
    assert result.exit_code == 2 and "claimcheck extract" in result.stderr
