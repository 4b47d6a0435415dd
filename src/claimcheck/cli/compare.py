"""`claimcheck compare`: the facts several outlets state, where they agree, conflict or revise."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from claimcheck.cli.app import (
    EXIT_CODES_HELP,
    EXIT_CONFLICTS,
    EXIT_UNREADABLE,
    ConfigOption,
    Messages,
    ModelOption,
    PlainHelpCommand,
    QuietOption,
    RunOptions,
    VerboseOption,
    app,
    check_claims_source,
    checked_output,
    counted,
    default_ledger,
    fail,
    load_settings,
    messages_for,
    read_sources,
    run_extraction,
    warnings_as_lines,
)
from claimcheck.kinds import CLAIM_KINDS

if TYPE_CHECKING:
    from claimcheck.config import Settings
    from claimcheck.io.ledger import Ledger
    from claimcheck.model import Fact
    from claimcheck.report.selection import Selection

#: Report formats: the terminal report, or an export (see `claimcheck.report.export`).
FORMATS = ("table", "csv", "json", "jsonl")
#: What an export has one row of: a pair of claims, or a value of a fact's timeline.
ROWS = ("pairs", "values")
#: Extensions that name the table report (any other unknown extension needs --format).
TABLE_EXTENSIONS = ("", ".txt", ".text", ".log")
#: Facts the table shows unless --limit says otherwise; exports hold every fact.
TABLE_LIMIT = 25
#: Width of a table report written to a file (a terminal uses its own width).
FILE_WIDTH = 120


@dataclass(frozen=True)
class Output:
    """Where the report goes and in which form, decided from the options before any work."""

    fmt: str
    rows: str
    destination: Path | None  # None: stdout
    limit: int | None  # None: every fact
    bom: bool


def choice(option: str, value: str, choices: Sequence[str]) -> str:
    """A choice in any case (`--format CSV`), or a usage error naming the choices."""
    word = value.strip().lower()
    if word not in choices:
        raise fail(f"unknown {option} {value!r} (choose from {', '.join(choices)})")
    return word


def output_format(fmt: str | None, output: str | None) -> str:
    """The format `-o` implies by its extension, checked against an explicit --format."""
    from claimcheck.report.export import format_for_path

    chosen = None if fmt is None else choice("--format", fmt, FORMATS)
    if output in (None, "-"):
        return chosen or "table"
    implied = format_for_path(output)
    if implied is None and Path(output).suffix.lower() in TABLE_EXTENSIONS:
        implied = "table"
    if chosen is not None and implied is not None and chosen != implied:
        raise fail(f"--format {chosen} contradicts the extension of --output {output}")
    if chosen is None and implied is None:
        raise fail(
            f"cannot tell the format of --output {output} from its extension: "
            "use .csv, .json, .jsonl or .txt, or give --format"
        )
    return chosen or implied  # type: ignore[return-value]


def plan_output(
    fmt: str | None,
    rows: str | None,
    output: str | None,
    limit: int | None,
    excel: bool,
    force: bool,
    inputs: Sequence[Path],
) -> Output:
    """Check the output options against each other and the output path against the output
    policy (`claimcheck.io.output`) before the ledger is read, so a mistake costs nothing."""
    destination = None if output in (None, "-") else checked_output(Path(output), inputs, force)
    fmt = output_format(fmt, output)
    if rows is not None and fmt == "table":
        raise fail("--rows applies to the csv, json and jsonl exports, not to the table")
    if excel and fmt != "csv":
        raise fail("--excel applies to the csv export (add --format csv or -o FILE.csv)")
    if limit is None:
        limit = TABLE_LIMIT if fmt == "table" else 0
    return Output(
        fmt=fmt,
        rows="pairs" if rows is None else choice("--rows", rows, ROWS),
        destination=destination,
        limit=limit or None,
        bom=excel,
    )


def quiet_stdout() -> None:
    """Point stdout at /dev/null once its reader has gone, so that the interpreter's last flush
    does not fail again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def load_claims(
    source: Path, model: str | None, messages: Messages, settings: Settings | None = None
) -> tuple[Ledger, bool]:
    """A ledger file as is, or an articles folder extracted first (with `settings`' component
    thresholds); and whether every input could be read and extracted (exit status 3 otherwise,
    as for extract and report: an article whose extraction failed used to be left out with exit
    status 0)."""
    from claimcheck.io.ledger import LedgerError, load_ledger, results_to_ledger

    if source.is_dir():
        read = read_sources([str(source)], messages=messages)
        options = RunOptions(model=model, settings=settings)
        results, model_name = run_extraction(read.articles, options, messages)
        all_read = read.ok and len(results) == len(read.articles)
        return results_to_ledger(results, model_name), all_read
    try:
        return load_ledger(source), True
    except LedgerError as error:
        raise fail(str(error)) from None


def make_selection(only: Sequence[str], kinds: Sequence[str], min_score: float) -> Selection:
    """What --only, --kind and --min-score keep; a word no choice matches is a usage error."""
    from claimcheck.report.selection import Selection, parse_kind, parse_verdict

    try:
        verdicts = frozenset(parse_verdict(word) for word in only)
    except ValueError as error:
        raise fail(f"--only: {error}") from None
    try:
        claim_kinds = frozenset(parse_kind(word) for word in kinds)
    except ValueError as error:
        raise fail(f"--kind: {error}") from None
    return Selection(verdicts=verdicts, kinds=claim_kinds, min_score=min_score)


def write_report(
    facts: Sequence[Fact], ledger: Ledger, selection: Selection, output: Output, stream: TextIO
) -> str:
    """Write the report or export of every fact `selection` keeps to `stream`; returns what was
    written, for the message. The pairs export keeps pairs by their own verdict (a revision
    inside a fact that also has a conflict is listed by `--only revisions`)."""
    from rich.console import Console

    from claimcheck.report.export import write_pairs, write_values
    from claimcheck.report.selection import first_facts, select_facts, selected_pairs, summarise
    from claimcheck.report.terminal import print_report

    if output.fmt != "table" and output.rows == "pairs":
        pairs = first_facts(selected_pairs(facts, selection), output.limit)
        return f"{write_pairs(pairs, ledger.articles, output.fmt, stream):,} pairs"  # type: ignore[arg-type]
    chosen = select_facts(facts, selection)
    shown = chosen if output.limit is None else chosen[: output.limit]
    if output.fmt == "table":
        if output.destination is None:
            console = Console(highlight=False)
        else:
            console = Console(file=stream, width=FILE_WIDTH, color_system=None, highlight=False)
        summary = summarise(chosen, ledger.articles)
        print_report(chosen, summary, ledger.articles, console, output.limit)
        return f"{len(shown):,} of {len(chosen):,} facts"
    count = write_values(shown, ledger.articles, output.fmt, stream)  # type: ignore[arg-type]
    return f"{count:,} values of {len(shown):,} facts"


@app.command(
    cls=PlainHelpCommand,
    help=f"""Group the claims of different articles into facts and report, fact by fact, where
outlets agree, conflict (other values for the same time) or revise (a later value).

The report starts with a summary line, then lists facts in the order to read them: conflicts,
possible slips, revisions, agreements; each with its timeline of values (as-of, value, outlet,
source, sentence). Exports: one row per pair (--rows pairs) or per fact value (--rows values).

Without SOURCE, reads the ledger the last `claimcheck extract` in this folder wrote (else
data/claims.yaml, else the only *claims.yaml here).

\b
Examples:
  claimcheck compare
  claimcheck compare foxes.claims.yaml --only conflicts --kind money --limit 10
  claimcheck compare -o conflicts.csv --excel        # one row per pair
  claimcheck compare -o values.json --rows values    # one record per fact value
  claimcheck compare --fail-on-conflict -q

{EXIT_CODES_HELP}""",
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
        list[str] | None,
        typer.Option(
            "--only",
            metavar="VERDICT",
            help="Only facts with this verdict: conflicts, revisions or agreements (any case, "
            "singular or plural); repeatable. In the pairs export: pairs with this verdict.",
        ),
    ] = None,
    kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help=f"Only facts of this kind: {', '.join(CLAIM_KINDS)} (any case, singular or "
            "plural); repeatable.",
        ),
    ] = None,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=0, max=100, help="Only pairs scoring at least this.", metavar="SCORE"
        ),
    ] = 0.0,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table (the report), csv, json or jsonl (exports). Default: from the --output "
            "extension, else table.",
            show_default=False,
        ),
    ] = None,
    rows: Annotated[
        str | None,
        typer.Option(
            "--rows",
            metavar="pairs|values",
            help="What an export has one row of: pairs (default: two claims and their verdict) "
            "or values (each value of each fact's timeline).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=0,
            metavar="N",
            help=f"Only the N facts that most need a look (default: {TABLE_LIMIT} in the "
            "table, all in exports; 0: all).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (`-`: stdout); .csv, .json, .jsonl or .txt picks the format.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="Start the CSV with a byte-order mark so Excel reads UTF-8."),
    ] = False,
    fail_on_conflict: Annotated[
        bool,
        typer.Option(
            "--fail-on-conflict",
            help=f"Exit with status {EXIT_CONFLICTS} when a selected pair conflicts.",
        ),
    ] = False,
    model: ModelOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    from claimcheck.api import compare as compare_ledger
    from claimcheck.report.export import output_stream
    from claimcheck.report.selection import every_fact, selected_pairs

    messages = messages_for(quiet, verbose)
    settings = load_settings(config)
    selection = make_selection(only or (), kinds or (), min_score)
    if source is None:
        source = default_ledger(messages)
    check_claims_source(source, "compare")
    plan = plan_output(fmt, rows, output, limit, excel, force, [source])
    ledger, all_read = load_claims(source, model, messages, settings)
    if len(ledger.articles) < 2:
        messages.problem(
            "warning",
            f"{source} has {counted(len(ledger.articles), 'article')}: compare pairs claims of "
            "different articles, so it needs at least two articles",
        )
    with warnings_as_lines(messages):
        comparison = compare_ledger(ledger, settings)
    facts = every_fact(comparison, ledger.articles)
    try:
        with output_stream(plan.destination or "-", force=force, bom=plan.bom) as stream:
            written = write_report(facts, ledger, selection, plan, stream)
    except BrokenPipeError:
        quiet_stdout()  # the reader stopped (`| head`): not an error
        return
    except OSError as error:
        where = plan.destination or "stdout"
        raise fail(f"cannot write {where}: {error.strerror or error}") from None
    if plan.destination is not None:
        messages.info(f"Wrote {written} to {output}")
    if not all_read:
        raise typer.Exit(EXIT_UNREADABLE)
    conflicts = (pair.verdict == "conflict" for _, pair in selected_pairs(facts, selection))
    if fail_on_conflict and any(conflicts):
        raise typer.Exit(EXIT_CONFLICTS)
