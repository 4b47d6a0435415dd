"""`claimcheck extract`: articles in, claims ledger out."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.app import (
    DEFAULT_ARTICLES,
    EXIT_CODES_HELP,
    EXIT_UNREADABLE,
    ConfigOption,
    LedgerFormatOption,
    ModelOption,
    PlainHelpCommand,
    QuietOption,
    RunOptions,
    VerboseOption,
    app,
    counted,
    default_output,
    fail,
    load_settings,
    messages_for,
    read_sources,
    run_extraction,
    state_dir,
    user_errors,
)

#: Output extensions that name a ledger format (anything else is YAML unless --format says).
LEDGER_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".jsonl"})


class EngineOption(StrEnum):
    local = "local"
    ray = "ray"


@app.command(
    cls=PlainHelpCommand,
    help=f"""Extract money amounts, quantities, dates and attributed quotes into a claims ledger.

Every claim keeps its provenance (article, sentence, character offsets). The ledger is
deterministic and written atomically: an interrupted run leaves the previous one intact. A re-run
parses only new or changed articles (the rest come from the cache).

The ledger records the sources it was extracted from: a ledger is replaced only by a run on the
same sources (or with --force), never by another folder's run.

\b
Examples:
  claimcheck extract data/articles             # writes data/claims.yaml
  claimcheck extract foxes/                    # writes foxes.claims.yaml
  claimcheck extract archive/ --include '*.html' -j 2 -o claims.json
  pbpaste | claimcheck extract - --published 2021-03-14 --outlet Reuters -o -

{EXIT_CODES_HELP}""",
)
def extract(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Folders (read recursively) or files: .md/.txt with optional YAML front matter "
            "(title, outlet, url, published), saved .html pages, .jsonl exports (one article per "
            "line: id, title, outlet, url, published, text); `-` reads one article from stdin. "
            "Default: data/articles.",
            show_default=False,
            metavar="SOURCES",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the ledger; `-` for stdout. Default: beside the folder, named "
            "after it (foxes/ -> foxes.claims.yaml; a folder named articles -> claims.yaml).",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    fmt: Annotated[
        LedgerFormatOption | None,
        typer.Option(
            "--format",
            "-f",
            help="Ledger format: yaml, json or jsonl (default: from the output's extension).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace the output even if it is another file or another ledger."
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date of the article read from stdin (YYYY, YYYY-MM, YYYY-MM-DD...): "
            "relative dates such as 'last month' are resolved against it.",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Outlet of the article read from stdin.", metavar="NAME"),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Title of the article read from stdin.", metavar="TEXT"),
    ] = None,
    model: ModelOption = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            help="Only files matching this glob (repeatable), e.g. '*.md'.",
            metavar="GLOB",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            help="Skip files matching this glob (repeatable), e.g. 'drafts/*'.",
            metavar="GLOB",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Stop at the first input that cannot be read or extracted."),
    ] = False,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            min=0.1,
            metavar="SECONDS",
            help="Seconds one article may take before it is reported and skipped (default 60).",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-j",
            min=1,
            help="Worker processes (each loads the model once).",
            metavar="N",
        ),
    ] = 1,
    engine: Annotated[
        EngineOption,
        typer.Option(
            "--engine",
            help="local, or ray (needs `pip install 'claimcheck[ray]'`) for clusters.",
            case_sensitive=False,
        ),
    ] = EngineOption.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            help="Join this Ray cluster (default: start a local Ray).",
            metavar="ADDRESS",
        ),
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            help="Where unchanged articles' claims are cached (default: $CLAIMCHECK_CACHE_DIR, "
            "else ~/.cache/claimcheck).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article, ignoring the cache.")
    ] = False,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    from claimcheck.io.ledger import write_ledger
    from claimcheck.io.output import recorded_sources, remember_ledger

    messages = messages_for(quiet, verbose)
    settings = load_settings(config)
    if not sources and not DEFAULT_ARTICLES.exists():
        raise fail(
            f"no folder given, and no {DEFAULT_ARTICLES} here: run `claimcheck extract FOLDER`"
        )
    sources = sources or [str(DEFAULT_ARTICLES)]
    stdin_metadata = {"published": published, "outlet": outlet, "title": title}
    with user_errors():
        destination = output or default_output(sources)
        ledger_format = format_of(destination, fmt)
        target = None if destination == "-" else checked_target(destination, sources, force)
        recorded = recorded_sources(sources, target or destination)
        read = read_sources(sources, include or (), exclude or (), strict, messages, stdin_metadata)
        if not read.articles:
            raise fail(nothing_read(sources, read.errors), EXIT_UNREADABLE if read.errors else 2)
        options = RunOptions(
            model, workers, engine.value, ray_address, cache_dir, not no_cache, strict, time_limit
        )
        options = replace(options, settings=settings)
        results, model_name = run_extraction(read.articles, options, messages)
        write_ledger(results, target or "-", ledger_format, model_name, sources=recorded)
    if target is not None:
        remember_ledger(target, state_dir())
        claims = sum(len(result.claims) for result in results)
        found = f"{counted(claims, 'claim')} from {counted(len(results), 'article')}"
        messages.info(f"Wrote {found} to {destination}")
    if not read.ok or len(results) < len(read.articles):
        raise typer.Exit(EXIT_UNREADABLE)


def format_of(destination: str, fmt: LedgerFormatOption | None) -> str:
    """The ledger format: the output's extension (.yaml, .yml, .json, .jsonl), else `--format`,
    else YAML; an explicit `--format` that contradicts the extension is an error."""
    from claimcheck.io.ledger import format_for

    suffix = Path(destination).suffix.lower()
    if destination == "-" or suffix not in LEDGER_SUFFIXES:
        return fmt.value if fmt else "yaml"
    implied = format_for(Path(destination))
    if fmt is not None and fmt.value != implied:
        raise fail(
            f"--format {fmt.value} contradicts the output's name {destination} ({implied}): "
            f"drop --format, or name the file *.{fmt.value}"
        )
    return implied


def checked_target(destination: str, sources: list[str], force: bool) -> Path:
    """The file to write, after the output-path policy and the ledger's own rule: an existing
    file is replaced only when it is a ledger of the same sources (a re-run), or with --force."""
    from claimcheck.io.ledger import read_header
    from claimcheck.io.output import check_output, recorded_sources

    target = check_output(Path(destination), sources)
    if force or not target.exists():
        return target
    header = read_header(target)
    if header is None:
        raise fail(
            f"{destination} exists and is not a claimcheck ledger: add --force to replace it, "
            "or choose another name with -o"
        )
    before = header.get("sources")
    now = recorded_sources(sources, target)
    if before != now:
        written_from = ", ".join(map(str, before)) if before else "unrecorded sources"
        raise fail(
            f"{destination} is the ledger of {written_from}, not of {', '.join(now)}: "
            "add --force to replace it, or choose another name with -o"
        )
    return target


def nothing_read(sources: list[str], errors: list) -> str:
    where = ", ".join(sources)
    if errors:
        return f"no article could be read from {where} ({len(errors)} skipped, see above)"
    return f"no articles found in {where}: nothing to extract, no ledger written"
