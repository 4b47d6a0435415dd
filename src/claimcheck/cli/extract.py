"""`claimcheck extract`: articles in, claims ledger out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.app import (
    DEFAULT_ARTICLES,
    EXIT_INPUT_FAILED,
    LedgerFormatOption,
    ModelOption,
    RunOptions,
    app,
    default_output,
    read_sources,
    run_extraction,
    stderr_console,
)
from claimcheck.io.ledger import format_for, write_ledger


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
    if not read.ok or len(results) < len(read.articles):
        raise typer.Exit(EXIT_INPUT_FAILED)
