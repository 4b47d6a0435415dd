"""Nothing lost, nothing leaked: interrupted runs keep the old ledger and the finished work, and
extraction never touches the network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import EXIT_INPUT_FAILED, EXIT_USAGE, app
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


def test_markup_and_control_characters_in_names_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "[").mkdir()
    (folder / "[/x].md").write_text("", encoding="utf-8")  # skipped: empty
    (folder / "clear\x1b[2Jscreen.md").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        '{"id": "[/red]x\\u001b]0;pwned\\u0007", "text": "The port cost $3 million."}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "c.yaml")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "[/x].md: empty file" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "clear\ufffd[2Jscreen.md" in result.stderr


def add_poisoned_article(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `poison.md` in `folder` whose extraction raises, as a bug in a component would."""
    (folder / "poison.md").write_text("The poison pill cost $9 million.\n", encoding="utf-8")
    real = engines.extract_articles

    def fragile(articles, nlp, **kwargs):
        for article in articles:
            if "poison" in article.body:
                raise ValueError("year 10000 is out of range")
            yield from real([article], nlp)

    monkeypatch.setattr(engines, "extract_articles", fragile)


def test_an_article_that_fails_is_named_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(tmp_path, 3)
    add_poisoned_article(folder, monkeypatch)
    ledger = tmp_path / "claims.yaml"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(ledger), "--no-cache"])
    assert result.exit_code == EXIT_INPUT_FAILED
    assert "poison.md: extraction failed: ValueError: year 10000" in result.stderr
    assert "Traceback" not in result.output
    assert ledger.read_text(encoding="utf-8").count("kind: money") == 3

    ledger.unlink()
    strict = ["extract", str(folder), "-o", str(ledger), "--no-cache", "--strict"]
    stopped = runner.invoke(app, strict)
    assert stopped.exit_code == EXIT_INPUT_FAILED
    assert "poison.md" in stopped.stderr and "--strict" in stopped.stderr
    assert not ledger.exists()


@pytest.mark.parametrize("command", ["compare", "report"])
def test_compare_and_report_of_a_folder_exit_3_when_an_article_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """compare DIR left out an article whose extraction failed and exited 0, where extract
    exits 3: a script could not tell that a story was missing from the comparison."""
    folder = make_folder(tmp_path, 2)
    add_poisoned_article(folder, monkeypatch)
    output = ["-f", "json"] if command == "compare" else ["-o", "-", "--charts", "0"]
    result = runner.invoke(app, [command, str(folder), *output])
    assert result.exit_code == EXIT_INPUT_FAILED == 3, result.output
    assert "poison.md: extraction failed" in result.stderr
    assert "Traceback" not in result.output


def test_a_cache_directory_others_can_write_is_one_line(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 1)
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    arguments = ["extract", str(folder), "-o", str(tmp_path / "c.yaml"), "--cache-dir", str(shared)]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_USAGE
    assert "writable by others" in result.stderr
    assert "Traceback" not in result.output
