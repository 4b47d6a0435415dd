"""`claimcheck compare`: claims across outlets, agreements and conflicts."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.app import (
    EXIT_CODES_HELP,
    EXIT_CONFLICTS,
    EXIT_UNREADABLE,
    Messages,
    ModelOption,
    QuietOption,
    RunOptions,
    VerboseOption,
    app,
    checked_output,
    default_ledger,
    fail,
    messages_for,
    read_sources,
    run_extraction,
    user_errors,
)

if TYPE_CHECKING:
    from claimcheck.io.articles import ReadResult
    from claimcheck.io.ledger import Ledger
    from claimcheck.model import Pair


class ReportFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class Only(StrEnum):
    conflicts = "conflicts"
    agreements = "agreements"


def load_claims(
    source: Path, model: str | None, messages: Messages
) -> tuple[Ledger, ReadResult | None]:
    """A ledger file as is, or an articles folder extracted first (with what was read)."""
    from claimcheck.io.ledger import LedgerError, load_ledger, results_to_ledger

    if source.is_dir():
        read = read_sources([str(source)], messages=messages)
        results, model_name = run_extraction(read.articles, RunOptions(model=model), messages)
        return results_to_ledger(results, model_name), read
    try:
        return load_ledger(source), None
    except LedgerError as error:
        raise fail(str(error)) from None


def render_pairs(
    pairs: Sequence[Pair], ledger: Ledger, fmt: ReportFormat, width: int | None
) -> str:
    from rich.console import Console

    from claimcheck.report.terminal import print_report, write_pairs

    buffer = io.StringIO()
    if fmt is ReportFormat.table:
        console = Console(file=buffer, width=width or 120, highlight=False, force_terminal=False)
        print_report(pairs, ledger.articles, console)
    else:
        write_pairs(pairs, ledger.articles, fmt.value, buffer)
    return buffer.getvalue()


@app.command(
    help=f"""Align claims across outlets and report where they agree and where they conflict.

Pairs come only from different articles. Each has a verdict (conflict or agree), a score (0-100:
how sure the alignment is that both state one fact) and a one-line explanation.

Without SOURCE, reads the ledger the last `claimcheck extract` in this folder wrote (else
data/claims.yaml, else the only *claims.yaml here).

\b
Examples:
  claimcheck compare
  claimcheck compare foxes.claims.yaml --only conflicts
  claimcheck compare --only conflicts --format csv --output conflicts.csv
  claimcheck compare --fail-on-conflict -q

{EXIT_CODES_HELP}"""
)
def compare(
    source: Annotated[
        Path | None,
        typer.Argument(
            help="A ledger written by `claimcheck extract`, or an articles folder to extract "
            "first (default: the ledger the last extract here wrote).",
            show_default=False,
            metavar="SOURCE",
        ),
    ] = None,
    only: Annotated[
        Only | None, typer.Option("--only", help="Show only conflicts or only agreements.")
    ] = None,
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only pairs of this kind (money, quantity, date, quote, attribution); repeatable.",
            metavar="KIND",
        ),
    ] = None,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=0, max=100, help="Only pairs scoring at least this.", metavar="SCORE"
        ),
    ] = 0.0,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = (
        ReportFormat.table
    ),
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (`-`: stdout).", metavar="FILE"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    fail_on_conflict: Annotated[
        bool,
        typer.Option("--fail-on-conflict", help="Exit with status 1 when a conflict is found."),
    ] = False,
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    from claimcheck.api import compare as compare_ledger
    from claimcheck.io.ledger import write_atomic
    from claimcheck.model import CLAIM_KINDS
    from claimcheck.report.terminal import filter_pairs

    messages = messages_for(quiet, verbose)

    unknown = sorted(set(kinds or ()) - set(CLAIM_KINDS))
    if unknown:
        raise fail(f"unknown --kind {', '.join(unknown)} (choose from {', '.join(CLAIM_KINDS)})")
    if source is None:
        source = default_ledger(messages)
    if not source.exists():
        raise fail(f"no such ledger or folder: {source} (run `claimcheck extract` first)")
    destination = None if output in (None, "-") else checked_output(Path(output), [source], force)
    ledger, read = load_claims(source, model, messages)
    pairs = filter_pairs(
        compare_ledger(ledger).pairs,
        only=None if only is None else only.value,
        kinds=tuple(kinds or ()),
        min_score=min_score,
    )
    if len(ledger.articles) < 2:
        messages.info(
            f"{source} has {len(ledger.articles)} article(s): compare pairs claims across "
            "articles, so it needs at least two"
        )
    text = render_pairs(pairs, ledger, fmt, None if destination else terminal_width())
    if destination is None:
        sys.stdout.write(text)
    else:
        with user_errors():
            write_atomic(destination, text)
        messages.info(f"Wrote {len(pairs)} pairs to {output}")
    if read is not None and not read.ok:
        raise typer.Exit(EXIT_UNREADABLE)
    if fail_on_conflict and any(pair.verdict == "conflict" for pair in pairs):
        raise typer.Exit(EXIT_CONFLICTS)


def terminal_width() -> int:
    from rich.console import Console

    return Console().width
