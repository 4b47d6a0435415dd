"""Nothing lost, nothing leaked: interrupted runs keep the old ledger and the finished work, and
extraction never touches the network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.io import engines

runner = CliRunner()


def make_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number}.md").write_text(
            f"---\npublished: 2019-07-24\n---\nMexico paid ${number + 1} million last month.\n",
            encoding="utf-8",
        )
    (folder / "page.html").write_text(
        "<html><head><title>T</title></head><body><article><p>Officials said 5,000 people "
        "crossed in May.</p></article></body></html>",
        encoding="utf-8",
    )
    return folder


def test_interrupted_extract_keeps_ledger_and_finished_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(tmp_path, 3)
    ledger = tmp_path / "claims.yaml"
    ledger.write_text("yesterday's ledger\n", encoding="utf-8")
    real = engines.extract_articles

    def interrupted(articles, nlp, **kwargs):
        for done, result in enumerate(real(articles, nlp, **kwargs)):
            if done == 2:
                raise KeyboardInterrupt  # Ctrl-C while the third article is being parsed
            yield result

    monkeypatch.setattr(engines, "extract_articles", interrupted)
    # --force: the placeholder is not a ledger, and extract replaces only its own ledgers.
    result = runner.invoke(app, ["extract", str(folder), "-o", str(ledger), "--force"])
    assert result.exit_code != 0
    assert ledger.read_text(encoding="utf-8") == "yesterday's ledger\n"

    monkeypatch.setattr(engines, "extract_articles", real)
    rerun = runner.invoke(app, ["extract", str(folder), "-o", str(ledger), "--force"])
    assert rerun.exit_code == 0, rerun.output
    assert "2 of 4 articles unchanged" in rerun.stderr
    assert "schema_version" in ledger.read_text(encoding="utf-8")


def test_extract_and_compare_work_with_the_network_blocked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args, **kwargs):
        raise AssertionError("claimcheck tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    folder = make_folder(tmp_path, 2)
    ledger = tmp_path / "claims.yaml"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(ledger)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["compare", str(ledger), "-f", "json"]).exit_code == 0
