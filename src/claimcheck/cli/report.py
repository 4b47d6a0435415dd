"""`claimcheck report`: the findings as one self-contained HTML page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.app import (
    EXIT_CODES_HELP,
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
    stderr_console,
    user_errors,
    warnings_as_lines,
)

if TYPE_CHECKING:
    from claimcheck.config import Settings
    from claimcheck.io.ledger import Ledger
    from claimcheck.model import Article


def ledger_and_bodies(
    source: Path,
    articles_dir: Path | None,
    model: str | None,
    messages: Messages,
    settings: Settings | None = None,
) -> tuple[Ledger, bool]:
    """The ledger to report on, its articles carrying their text whenever it is known: from
    the folder extracted (SOURCE a folder), or read from `--articles` beside a ledger file;
    and whether every input could be read (exit status 3 otherwise, as for extract)."""
    from claimcheck.io.ledger import LedgerError, load_ledger, results_to_ledger

    if source.is_dir():
        read = read_sources([str(source)], messages=messages)
        options = RunOptions(model=model, settings=settings)
        results, model_name = run_extraction(read.articles, options, messages)
        all_read = read.ok and len(results) == len(read.articles)
        return results_to_ledger(results, model_name), all_read
    try:
        ledger = load_ledger(source)
    except LedgerError as error:
        raise fail(str(error)) from None
    if articles_dir is None:
        return ledger, True
    read = read_sources([str(articles_dir)], messages=messages)
    bodies = {article.id: article for article in read.articles}
    return replace(ledger, articles=with_bodies(ledger.articles, bodies)), read.ok


def with_bodies(known: dict[str, Article], read: dict[str, Article]) -> dict[str, Article]:
    """Ledger articles with the text of the same article read from disk; an article whose text
    changed since the ledger was written keeps none (its claims' offsets would point elsewhere)."""
    console = stderr_console()
    merged = {}
    for article_id, article in known.items():
        found = read.get(article_id)
        if found is not None and found.content_hash == article.content_hash:
            article = replace(article, body=found.body)
        elif found is not None:
            console.print(
                f"[yellow]warning:[/] {article_id}: changed since the ledger was written; "
                "its text is left out of the article view",
                soft_wrap=True,
            )
        merged[article_id] = article
    return merged


@app.command(
    cls=PlainHelpCommand,
    help=f"""Write the findings as one HTML page that opens offline in any browser.

The page shows an overview (articles, outlets, counts, what to look at first), every fact
with a timeline of its values and the table of its claims (conflicts and revisions first;
filters by verdict, kind, outlet, entity and text, kept in the address so a link shares
them), and each article with its claims highlighted and linked to their facts.

A ledger holds no article text: given only a ledger, the article view shows each claim's
sentence; add `--articles DIR` (or give the folder itself) for the full text.

\b
Examples:
  claimcheck report data/articles -o report.html
  claimcheck report data/claims.yaml --articles data/articles -o report.html
  claimcheck report foxes.claims.yaml -o - > page.html

{EXIT_CODES_HELP}""",
)
def report(
    source: Annotated[
        Path | None,
        typer.Argument(
            help="An articles folder (extracted first; quick with the cache), or a ledger "
            "written by `claimcheck extract` (default: the ledger the last extract here wrote).",
            metavar="SOURCE",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Where to write the HTML page (`-`: stdout).", metavar="FILE"
        ),
    ] = Path("report.html"),
    articles_dir: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            "-a",
            help="With a ledger: the folder of its articles, for their full text in the "
            "article view.",
            metavar="DIR",
        ),
    ] = None,
    charts: Annotated[
        int,
        typer.Option(
            "--charts",
            min=0,
            help="Draw a timeline for this many facts (conflicts first).",
            metavar="N",
        ),
    ] = 200,
    title: Annotated[str, typer.Option("--title", help="The page's title.", metavar="TEXT")] = (
        "claimcheck report"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    model: ModelOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    from claimcheck.api import compare
    from claimcheck.io.ledger import write_atomic
    from claimcheck.report.html import ReportOptions, render_report

    messages = messages_for(quiet, verbose)
    settings = load_settings(config)
    if source is None:
        source = default_ledger(messages)
    check_claims_source(source, "report")
    if articles_dir is not None and not articles_dir.is_dir():
        raise fail(f"--articles {articles_dir}: not a folder")
    inputs = [source] if articles_dir is None else [source, articles_dir]
    target = None if str(output) == "-" else checked_output(output, inputs, force)
    ledger, all_read = ledger_and_bodies(source, articles_dir, model, messages, settings)
    with warnings_as_lines(messages):
        comparison = compare(ledger, settings)
    options = ReportOptions(title=title, charts=charts)
    page = render_report(comparison, ledger.articles, ledger.claims, options)
    if target is None:
        typer.echo(page, nl=False)
    else:
        with user_errors():
            write_atomic(target, page)
        found = f"{counted(len(comparison.facts), 'fact')} from "
        found += counted(len(ledger.articles), "article")
        messages.info(f"Wrote {found} to {output}")
    if not all_read:
        raise typer.Exit(EXIT_UNREADABLE)
