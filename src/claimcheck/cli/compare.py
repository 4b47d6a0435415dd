"""`claimcheck compare`: claims across outlets, agreements and conflicts."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from claimcheck.cli.app import (
    DEFAULT_LEDGER,
    EXIT_INPUT_FAILED,
    ModelOption,
    RunOptions,
    app,
    fail,
    read_sources,
    run_extraction,
    stderr_console,
)
from claimcheck.console import markup_safe
from claimcheck.io.ledger import Ledger, LedgerError, load_ledger, results_to_ledger, write_atomic
from claimcheck.model import CLAIM_KINDS, Pair


class ReportFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class Only(StrEnum):
    conflicts = "conflicts"
    agreements = "agreements"


def load_claims(source: Path, model: str | None) -> Ledger:
    """A ledger file as is, or an articles folder extracted first."""
    if source.is_dir():
        read = read_sources([str(source)])
        results, model_name = run_extraction(read.articles, RunOptions(model=model))
        return results_to_ledger(results, model_name)
    try:
        return load_ledger(source)
    except LedgerError as error:
        raise fail(str(error)) from None


def render_pairs(
    pairs: Sequence[Pair], ledger: Ledger, fmt: ReportFormat, width: int | None
) -> str:
    from claimcheck.report.terminal import print_report, write_pairs

    buffer = io.StringIO()
    if fmt is ReportFormat.table:
        console = Console(file=buffer, width=width or 120, highlight=False, force_terminal=False)
        print_report(pairs, ledger.articles, console)
    else:
        write_pairs(pairs, ledger.articles, fmt.value, buffer)
    return buffer.getvalue()


@app.command()
def compare(
    source: Annotated[
        Path,
        typer.Argument(
            help="A ledger written by `claimcheck extract`, or an articles folder to extract first."
        ),
    ] = DEFAULT_LEDGER,
    only: Annotated[
        Only | None, typer.Option("--only", help="Show only conflicts or only agreements.")
    ] = None,
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only pairs of this kind (money, quantity, date, quote, attribution); repeatable.",
        ),
    ] = None,
    min_score: Annotated[
        float, typer.Option("--min-score", min=0, max=100, help="Only pairs scoring at least this.")
    ] = 0.0,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = (
        ReportFormat.table
    ),
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the report to this file (`-`: stdout)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    fail_on_conflict: Annotated[
        bool,
        typer.Option("--fail-on-conflict", help="Exit with status 1 when a conflict is found."),
    ] = False,
    model: ModelOption = None,
) -> None:
    """Align claims across outlets and report where they agree and where they conflict.

    Pairs come only from different articles. Each has a verdict (conflict or agree), a score
    (0-100: how sure the alignment is that both state one fact) and a one-line explanation.

    Examples: `claimcheck compare` (reads data/claims.yaml),
    `claimcheck compare --only conflicts --format csv --output conflicts.csv`
    """
    from claimcheck.api import compare as compare_ledger
    from claimcheck.report.terminal import filter_pairs

    unknown = sorted(set(kinds or ()) - set(CLAIM_KINDS))
    if unknown:
        raise fail(f"unknown --kind {', '.join(unknown)} (choose from {', '.join(CLAIM_KINDS)})")
    destination = None if output in (None, "-") else Path(output)
    if destination is not None and destination.exists() and not force:
        raise fail(f"{destination} exists; add --force to overwrite it")
    if not source.exists():
        raise fail(f"no such ledger or folder: {source} (run `claimcheck extract` first)")
    ledger = load_claims(source, model)
    pairs = filter_pairs(
        compare_ledger(ledger).pairs,
        only=None if only is None else only.value,
        kinds=tuple(kinds or ()),
        min_score=min_score,
    )
    text = render_pairs(pairs, ledger, fmt, None if destination else Console().width)
    if destination is None:
        sys.stdout.write(text)
    else:
        write_atomic(destination, text)
        written = f"Wrote {len(pairs)} pairs to {markup_safe(destination)}"
        stderr_console().print(written, soft_wrap=True)
    if fail_on_conflict and any(pair.verdict == "conflict" for pair in pairs):
        raise typer.Exit(EXIT_INPUT_FAILED)
