"""The command line: a typer app over the public API."""

from claimcheck.cli.app import app

__all__ = ["app"]
