"""`python -m claimcheck ...` runs the command line, as the `claimcheck` script does."""

from claimcheck.cli import app

app(prog_name="claimcheck")
