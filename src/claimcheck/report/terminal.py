"""What `claimcheck compare` shows and exports: a terminal report and CSV / JSON / JSONL files.

The CSV is opened by fact-checkers in spreadsheets, so it is UTF-8 with one row per pair, its
columns are fixed and documented (`CSV_COLUMNS`), and a cell that a spreadsheet would run as a
formula is neutralised. The terminal report groups pairs by what they are about, conflicts first.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal, TextIO

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from claimcheck.comparison.verdicts import CURRENCY_SYMBOLS, format_amount
from claimcheck.model import Article, Attribution, Claim, DateMention, Money, Pair, Quantity, Quote

ExportFormat = Literal["csv", "json", "jsonl"]
Only = Literal["conflicts", "agreements"]

#: The columns of the CSV export, in order (JSON and JSONL records carry the same keys).
CSV_COLUMNS: tuple[str, ...] = (
    "pair_id",  # stable id of the pair (same input, same id)
    "verdict",  # "conflict" or "agree"
    "score",  # alignment score 0-100: how sure claimcheck is that both state one fact
    "kind",  # money, quantity, date, quote or attribution
    "topic",  # the entities both sentences name, separated by " / "
    "a_article",  # side A: article id (file name without extension)
    "a_outlet",  # side A: outlet from the article's front matter
    "a_published",  # side A: publication date (YYYY, YYYY-MM or YYYY-MM-DD)
    "a_sentence",  # side A: the sentence that carries the claim
    "a_value",  # side A: the value ("$20,000,000 USD", "17,000 immigrants", "2018-12", words)
    "a_source",  # side A: the speaker or credited source, when known
    "a_claim",  # side A: claim id in the ledger (article:kind:offset)
    "b_article",  # side B: as for side A
    "b_outlet",
    "b_published",
    "b_sentence",
    "b_value",
    "b_source",
    "b_claim",
    "explanation",  # one line a person can check against both sentences
)
#: First characters that make spreadsheets (Excel, LibreOffice, Google Sheets) read a cell as
#: a formula; such cells get a leading apostrophe (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
VERDICT_STYLES = {"conflict": "bold red", "agree": "green"}
ONLY_VERDICTS = {"conflicts": "conflict", "agreements": "agree"}


def filter_pairs(
    pairs: Sequence[Pair],
    only: Only | None = None,
    kinds: Sequence[str] = (),
    min_score: float = 0.0,
) -> list[Pair]:
    """The pairs a user asked to see: one verdict (`only`), some kinds, a minimum score."""
    if only is not None and only not in ONLY_VERDICTS:
        raise ValueError(f"only must be one of {sorted(ONLY_VERDICTS)}, not {only!r}")
    verdict = ONLY_VERDICTS.get(only) if only else None
    return [
        pair
        for pair in pairs
        if (verdict is None or pair.verdict == verdict)
        and (not kinds or pair.kind in kinds)
        and pair.score >= min_score
    ]


def claim_value(claim: Claim) -> str:
    """The claim's value as a reader would check it against the sentence."""
    item = claim.item
    if isinstance(item, Money):
        symbol = CURRENCY_SYMBOLS.get(item.currency, "")
        return f"{format_amount(item.value, item.high, symbol)} {item.currency}"
    if isinstance(item, Quantity):
        return f"{item.value:,g} {item.unit}"
    if isinstance(item, DateMention):
        return item.value or f"{item.text} (undetermined)"
    if isinstance(item, Quote | Attribution):
        return item.text
    return ""


def side_record(prefix: str, claim: Claim, article: Article | None) -> dict[str, str]:
    return {
        f"{prefix}_article": claim.article,
        f"{prefix}_outlet": (article.outlet or "") if article else "",
        f"{prefix}_published": str(article.published) if article and article.published else "",
        f"{prefix}_sentence": " ".join(claim.sentence.split()),
        f"{prefix}_value": claim_value(claim),
        f"{prefix}_source": claim.source or "",
        f"{prefix}_claim": claim.id,
    }


def pair_record(pair: Pair, articles: Mapping[str, Article]) -> dict[str, object]:
    """One pair as a flat record with the keys of `CSV_COLUMNS`, in that order."""
    record: dict[str, object] = {
        "pair_id": pair.id,
        "verdict": pair.verdict,
        "score": pair.score,
        "kind": pair.kind,
        "topic": " / ".join(pair.topic),
        **side_record("a", pair.a, articles.get(pair.a.article)),
        **side_record("b", pair.b, articles.get(pair.b.article)),
        "explanation": pair.explanation,
    }
    return {column: record[column] for column in CSV_COLUMNS}


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading `'`."""
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def write_pairs(
    pairs: Sequence[Pair], articles: Mapping[str, Article], fmt: ExportFormat, stream: TextIO
) -> None:
    """Export pairs as CSV (header + one row per pair), a JSON array, or JSON lines."""
    records = [pair_record(pair, articles) for pair in pairs]
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerow({key: neutralise(value) for key, value in record.items()})
    elif fmt == "json":
        json.dump(records, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r} (csv, json or jsonl)")


@contextlib.contextmanager
def output_stream(path: str | Path, force: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text stream for `--output`: `-` is stdout; an existing file is overwritten only
    with `force` (raises FileExistsError otherwise), so an export never silently replaces one."""
    if str(path) == "-":
        yield sys.stdout
        return
    mode = "w" if force else "x"
    with open(path, mode, encoding="utf-8", newline="") as stream:
        yield stream


def topic_groups(pairs: Sequence[Pair]) -> list[tuple[tuple[str, ...], list[Pair]]]:
    """Pairs grouped by topic; groups holding conflicts first, then by their best score."""
    groups: dict[tuple[str, ...], list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(pair.topic, []).append(pair)
    for members in groups.values():
        members.sort(key=lambda p: (p.verdict != "conflict", -p.score, p.id))
    return sorted(
        groups.items(),
        key=lambda g: (
            not any(p.verdict == "conflict" for p in g[1]),
            -max(p.score for p in g[1]),
            g[0],
        ),
    )


def side_cell(claim: Claim, article: Article | None) -> Text:
    outlet = (article.outlet or article.id) if article else claim.article
    published = f" {article.published}" if article and article.published else ""
    cell = Text()
    cell.append(f"{outlet}{published}\n", style="bold")
    cell.append(f"{claim_value(claim)}", style="cyan")
    if claim.source:
        cell.append(f" ({claim.source})", style="magenta")
    cell.append("\n" + " ".join(claim.sentence.split()))
    return cell


def pair_cell(pair: Pair, articles: Mapping[str, Article]) -> Group:
    """Both sides next to each other, and under them the pair's one-line explanation (dim): what
    both sentences share and which values were set against each other, for a person to check
    against the two sentences above it."""
    sides = Table.grid(expand=True, padding=(0, 2))
    sides.add_column(ratio=1)
    sides.add_column(ratio=1)
    sides.add_row(
        side_cell(pair.a, articles.get(pair.a.article)),
        side_cell(pair.b, articles.get(pair.b.article)),
    )
    return Group(sides, Text(pair.explanation, style="dim"))


def print_report(pairs: Sequence[Pair], articles: Mapping[str, Article], console: Console) -> None:
    """The terminal report: one table per topic, conflicts first, both sentences in full."""
    conflicts = sum(p.verdict == "conflict" for p in pairs)
    console.print(
        f"[bold]{len(pairs)} pairs[/]: [bold red]{conflicts} conflicts[/], "
        f"[green]{len(pairs) - conflicts} agreements[/]"
    )
    for topic, members in topic_groups(pairs):
        table = Table(
            title=" / ".join(topic) or "(no shared entity)",
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        table.add_column("verdict", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("A  /  B")
        for pair in members:
            table.add_row(
                Text(pair.verdict, style=VERDICT_STYLES[pair.verdict]),
                f"{pair.score:.0f}",
                pair.kind,
                pair_cell(pair, articles),
            )
        console.print(table)
