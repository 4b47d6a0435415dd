"""The README stays true: every command is documented, and every documented command exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme_and_has_help() -> None:
    for name in command_names():
        assert f"claimcheck {name}" in README, f"README does not show `claimcheck {name}`"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_readme_commands_exist() -> None:
    """Command lines in the README's code blocks (`$ claimcheck NAME ...`) name real commands."""
    documented = set(re.findall(r"^\$ (?:\.venv/bin/)?claimcheck ([a-z]+)", README, re.MULTILINE))
    assert documented, "the README shows no command lines"
    assert documented <= set(command_names()), sorted(documented - set(command_names()))


def test_readme_documents_the_two_make_commands() -> None:
    assert "make demo" in README and "make test" in README


def readme_section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_python_api_example_prints_what_the_readme_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python API example runs, from the repository's root, and prints the lines
    shown under it (the demo's $30 billion vs $20 million conflict)."""
    section = readme_section("Python API")
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"\nprints\n\n```\n(.*?)```", section, re.DOTALL)
    assert code and shown, "the Python API section lost its example or its output"
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), "README.md", "exec"), {})  # our own README
    assert capsys.readouterr().out == shown.group(1)


def test_readme_worked_example_shows_what_compare_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worked example's report (`claimcheck compare --only conflicts` on the demo ledger, at
    100 columns) is what compare prints today, line for line."""
    shown = re.search(r"\$ claimcheck compare --only conflicts\n(.*?)```", README, re.DOTALL)
    assert shown, "the README lost its worked compare example"
    monkeypatch.chdir(ROOT)
    result = runner.invoke(
        app, ["compare", "data/claims.yaml", "--only", "conflicts"], env={"COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == shown.group(1)
