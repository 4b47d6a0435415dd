"""The README stays true: every command is documented, and every documented command exists."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from claimcheck.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
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
