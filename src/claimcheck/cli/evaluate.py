"""`claimcheck eval`: extraction and comparison scored against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.app import (
    EXIT_CODES_HELP,
    ModelOption,
    PlainHelpCommand,
    QuietOption,
    VerboseOption,
    app,
    fail,
    load_nlp,
    messages_for,
    user_errors,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


@app.command(
    cls=PlainHelpCommand,
    name="eval",
    help=f"""Score extraction (and comparison, when the gold has relations) against a gold file.

Precision, recall and F1 per kind of item, with value accuracy (money, quantities, dates) or
speaker accuracy (quotes), following the scoring rules in the README.

\b
Examples:
  claimcheck eval data/articles tests/gold/seeds.yaml
  claimcheck eval data/articles tests/gold/seeds.yaml --errors
  claimcheck eval data/articles tests/gold/seeds.yaml --json > scores.json

{EXIT_CODES_HELP}""",
)
def eval_command(
    articles: Annotated[
        Path,
        typer.Argument(
            help="Folder of the annotated articles.", metavar="ARTICLES", show_default=False
        ),
    ],
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold annotation file (YAML, see the README).", metavar="GOLD", show_default=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every miss, false positive and wrong value.")
    ] = False,
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    from rich.console import Console

    from claimcheck.api import evaluate_folder

    messages_for(quiet, verbose)
    if not gold.is_file():
        raise fail(f"no such gold file: {gold}")
    if not articles.exists():
        raise fail(f"no such file or folder: {articles}")
    with user_errors():
        report, _ = evaluate_folder(articles, gold, nlp=load_nlp(model))
    if as_json:
        typer.echo(json.dumps(report.as_dict(errors), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(eval_table(report))
    if report.relations:
        console.print(relations_table(report))
    if report.facts is not None:
        console.print(facts_line(report.facts))
    if errors:
        print_eval_errors(report, console)


def eval_table(report) -> Table:
    from rich.table import Table

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
    from rich.table import Table

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


def facts_line(facts) -> str:
    """The `fact` / `as_of` figures in one line (gold files with fact ids only)."""
    precision = "n/a" if facts.precision is None else f"{facts.precision:.3f}"
    return (
        f"Facts: pair precision {precision} ({facts.pairs_right}/{facts.pairs_judged}), "
        f"same-fact pairs found {facts.same_found}/{facts.same_total}, "
        f"as-of right {facts.as_of_right}/{facts.as_of_total}"
    )


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
    for wrong in report.facts.wrong_pairs if report.facts is not None else ():
        console.print(f"fact pair wrong: {wrong}", soft_wrap=True)
    for score in report.relations.values():
        for why in score.missed:
            console.print(f"relation {score.label} missed: {why}", soft_wrap=True)
