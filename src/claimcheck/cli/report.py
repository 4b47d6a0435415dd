"""`claimcheck report`: the findings as one self-contained HTML page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.app import (
    DEFAULT_LEDGER,
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
from claimcheck.model import Article


def ledger_and_bodies(source: Path, articles_dir: Path | None, model: str | None) -> Ledger:
    """The ledger to report on, its articles carrying their text whenever it is known: from
    the folder extracted (SOURCE a folder), or read from `--articles` beside a ledger file."""
    if source.is_dir():
        read = read_sources([str(source)])
        results, model_name = run_extraction(read.articles, RunOptions(model=model))
        return results_to_ledger(results, model_name)
    try:
        ledger = load_ledger(source)
    except LedgerError as error:
        raise fail(str(error)) from None
    if articles_dir is None:
        return ledger
    bodies = {article.id: article for article in read_sources([str(articles_dir)]).articles}
    return replace(ledger, articles=with_bodies(ledger.articles, bodies))


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
                f"[yellow]warning:[/] {markup_safe(article_id)}: changed since the ledger was "
                "written; its text is left out of the article view",
                soft_wrap=True,
            )
        merged[article_id] = article
    return merged


@app.command()
def report(
    source: Annotated[
        Path,
        typer.Argument(
            help="An articles folder (extracted first; quick with the cache), or a ledger "
            "written by `claimcheck extract`."
        ),
    ] = DEFAULT_LEDGER,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the HTML page.")
    ] = Path("report.html"),
    articles_dir: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            "-a",
            help="With a ledger: the folder of its articles, for their full text in the "
            "article view.",
        ),
    ] = None,
    charts: Annotated[
        int,
        typer.Option(
            "--charts", min=0, help="Draw a timeline for this many facts (conflicts first)."
        ),
    ] = 200,
    title: Annotated[str, typer.Option("--title", help="The page's title.")] = (
        "claimcheck report"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    model: ModelOption = None,
) -> None:
    """Write the findings as one HTML page that opens offline in any browser.

    The page shows an overview (articles, outlets, counts, what to look at first), every fact
    with a timeline of its values and the table of its claims (conflicts and revisions first;
    filters by verdict, kind, outlet, entity and text, kept in the address so a link shares
    them), and each article with its claims highlighted and linked to their facts.

    A ledger holds no article text: given only a ledger, the article view shows each claim's
    sentence; add `--articles DIR` (or give the folder itself) for the full text.

    Examples: `claimcheck report data/articles -o report.html`,
    `claimcheck report data/claims.yaml --articles data/articles -o report.html`
    """
    from claimcheck.api import compare
    from claimcheck.report.html import ReportOptions, render_report

    if not source.exists():
        raise fail(f"no such ledger or folder: {source} (run `claimcheck extract` first)")
    if articles_dir is not None and not articles_dir.is_dir():
        raise fail(f"--articles {articles_dir}: not a folder")
    if output.exists() and not force:
        raise fail(f"{output} exists; add --force to overwrite it")
    ledger = ledger_and_bodies(source, articles_dir, model)
    comparison = compare(ledger)
    options = ReportOptions(title=title, charts=charts)
    write_atomic(output, render_report(comparison, ledger.articles, ledger.claims, options))
    stderr_console().print(
        f"Wrote {len(comparison.facts)} facts from {len(ledger.articles)} articles to "
        f"{markup_safe(output)}",
        soft_wrap=True,
    )
