"""The terminal report of `claimcheck compare`: one entry per fact, the facts to look at first.

Each entry is a heading (verdict, kind, what the fact is about), the fact's timeline — one line
per stated value: as-of time, value with its qualifier, outlet and source, and under it the
sentence — and the pairs that disagree, with their one-line explanations. Entries are printed one
at a time as they are rendered, after a one-line summary, so the first facts of a large ledger
appear at once and memory does not grow with the number of facts; `limit` bounds the output.
Every text taken from an article is a `rich.text.Text`, never markup, and its control
characters are made visible (`claimcheck.console.printable`), so an article cannot style, hide
or clear the report, nor retitle the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from claimcheck.console import printable
from claimcheck.model import Article, Claim, Fact, Pair
from claimcheck.report.fields import claim_origin, one_line, qualified_value
from claimcheck.report.selection import (
    VERDICT_NOUNS,
    VERDICT_PLURALS,
    Summary,
    attention,
    claim_as_of,
    fact_articles,
)

VERDICT_STYLES = {"conflict": "bold red", "revision": "bold yellow", "agree": "green"}
#: The heading's label for each attention rank (see `selection.attention`).
ATTENTION_LABELS = ("CONFLICT", "SLIP?", "REVISION", "AGREE")
ATTENTION_STYLES = ("bold red", "bold magenta", "bold yellow", "green")
#: Kinds whose value is the words themselves: their sentence is not repeated under them.
WORDS_KINDS = frozenset({"quote", "attribution"})
#: A fact's timeline shows at most this many values, and this many disagreeing pairs.
MAX_VALUES = 12
MAX_PAIRS = 3
#: The heading names at most this many entities of the fact's subject.
MAX_SUBJECTS = 4
INDENT = 2

__all__ = ["print_report"]


def subject_text(subject: Sequence[str]) -> str:
    """The first entities of the subject, and how many more: a fact merged from hundreds of
    articles can name dozens, and its heading must stay one or two lines."""
    shown = " / ".join(subject[:MAX_SUBJECTS])
    hidden = len(subject) - MAX_SUBJECTS
    return f"{shown} (+{hidden} more)" if hidden > 0 else shown


def heading(fact: Fact, number: int) -> Text:
    """ "1. CONFLICT  money · offer · mexico  (3 articles, money-1a2b3c4d5e)": one line that
    wraps as a sentence, so it reads at any width."""
    rank = attention(fact)
    about = Text()
    about.append(f"{number}. ", style="bold")
    about.append(ATTENTION_LABELS[rank], style=ATTENTION_STYLES[rank])
    about.append(f"  {fact.kind}")
    if fact.measure:
        about.append(f" · {printable(fact.measure)}", style="bold")
    if fact.subject:
        about.append(" · " + printable(subject_text(fact.subject)))
    about.append(f"  ({len(fact_articles(fact))} articles, {printable(fact.id)})", style="dim")
    return about


def value_cell(claim: Claim, articles: Mapping[str, Article]) -> Text:
    """The value, who published it and who said it; the sentence under it."""
    origin = claim_origin(claim, articles)
    cell = Text()
    words = claim.kind in WORDS_KINDS
    value = printable(qualified_value(claim))
    cell.append(f"“{value}”" if words else value, style="cyan")
    cell.append(" — ")
    cell.append(printable(origin.outlet), style="bold")
    if origin.published and origin.published not in cell.plain:
        cell.append(f" {printable(origin.published)}", style="dim")
    if claim.source:
        cell.append(f" · {printable(claim.source)}", style="magenta")
    if not words:
        cell.append("\n" + printable(one_line(claim.sentence)), style="dim")
    return cell


def timeline(fact: Fact, articles: Mapping[str, Article]) -> Table:
    """One row per stated value, in the order the values applied."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for claim in fact.claims[:MAX_VALUES]:
        when = claim_as_of(fact, claim, articles)
        grid.add_row(
            Text(printable(when) or "(undated)", style="bold"), value_cell(claim, articles)
        )
    hidden = len(fact.claims) - MAX_VALUES
    if hidden > 0:
        grid.add_row("", Text(f"… {hidden} more values (--format csv --rows values)", "dim"))
    return grid


def pair_line(pair: Pair) -> Text:
    line = Text()
    line.append(pair.verdict, style=VERDICT_STYLES.get(pair.verdict, ""))
    if pair.slip:
        line.append(" (possible slip)", style="magenta")
    line.append(f" {pair.score:.0f}: ", style="dim")
    line.append(printable(pair.explanation), style="dim")
    return line


def disagreements(fact: Fact) -> list[Text]:
    """The fact's conflicts and revisions, surest first; agreements need no explanation."""
    pairs = sorted(
        (pair for pair in fact.pairs if pair.verdict != "agree"),
        key=lambda p: (p.verdict != "conflict", p.slip, -p.score, p.id),
    )
    lines = [pair_line(pair) for pair in pairs[:MAX_PAIRS]]
    if len(pairs) > MAX_PAIRS:
        lines.append(Text(f"… {len(pairs) - MAX_PAIRS} more (--format csv)", style="dim"))
    return lines


def fact_entry(fact: Fact, number: int, articles: Mapping[str, Article]) -> Group:
    """One fact as the report prints it."""
    body = Group(timeline(fact, articles), *disagreements(fact))
    return Group(heading(fact, number), Padding(body, (0, 0, 1, INDENT), expand=False))


def summary_text(summary: Summary) -> Text:
    text = Text(summary.line(), style="bold")
    for verdict, style in VERDICT_STYLES.items():
        words = [VERDICT_NOUNS[verdict], VERDICT_PLURALS[verdict]]  # type: ignore[index]
        text.highlight_words(words, style)
    return text


def emit(console: Console, renderable: RenderableType) -> None:
    """Print one renderable; to a file or a pipe without the spaces that pad table cells to
    their width, so the text diffs and greps cleanly (a terminal shows them as nothing)."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in capture.get().split("\n")))


def more_facts(hidden: int) -> Text:
    facts = f"{hidden:,} more fact{'s' if hidden != 1 else ''}"
    return Text(
        f"… {facts} not shown (--limit 0 shows all; --format csv exports them)", style="dim"
    )


def print_report(
    facts: Sequence[Fact],
    summary: Summary,
    articles: Mapping[str, Article],
    console: Console,
    limit: int | None = None,
) -> None:
    """The summary, then the first `limit` facts (all with None), each printed when rendered."""
    emit(console, summary_text(summary))
    shown = facts if limit is None else facts[:limit]
    if shown:
        console.print()
    for number, fact in enumerate(shown, start=1):
        emit(console, fact_entry(fact, number, articles))
    hidden = len(facts) - len(shown)
    if hidden:
        emit(console, more_facts(hidden))
