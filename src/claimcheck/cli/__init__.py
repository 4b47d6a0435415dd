"""The command line: a typer app over the public API, one module per command."""

from claimcheck.cli import compare, evaluate, extract, report  # noqa: F401  (register the commands)
from claimcheck.cli.app import app

__all__ = ["app"]
