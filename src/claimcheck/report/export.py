"""The exports of `claimcheck compare`: pairs (one row per pair, `PAIR_COLUMNS`) or fact values
(one row per value a fact's timeline holds, `VALUE_COLUMNS`), as CSV, a JSON array or JSON lines.

Fact-checkers open the CSV in spreadsheets, so its columns are fixed and documented, figures are
also given as plain numbers a spreadsheet sorts (`a_number`: 20000000, not "$20,000,000 USD"),
there is an empty `note` column for a reviewer, a cell that a spreadsheet would run as a formula
is neutralised, and `bom=True` writes the byte-order mark Excel needs to read UTF-8. JSON and
JSONL records carry the same keys with the values unneutralised (JSON is data, not a sheet).
Rows are written one at a time, so an export's memory does not grow with its length.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal, TextIO

from claimcheck.model import Article, Claim, Fact, Pair
from claimcheck.report.fields import (
    claim_number,
    claim_origin,
    claim_qualifier,
    claim_value,
    one_line,
    plain_number,
)
from claimcheck.report.selection import claim_as_of

ExportFormat = Literal["csv", "json", "jsonl"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "jsonl")

#: The columns of one side of a pair (prefixed `a_` or `b_`), in order.
SIDE_COLUMNS: tuple[str, ...] = (
    "as_of",  # when the figure applied: what its sentence says, else the publication date
    "article",  # article id (file name without extension)
    "outlet",  # outlet from the article's front matter
    "title",  # the article's title
    "url",  # the article's URL
    "published",  # publication date (YYYY, YYYY-MM or YYYY-MM-DD)
    "value",  # the value as read ("$20,000,000 USD", "17,000 immigrants", "2018-12", words)
    "qualifier",  # "about", "more than", ... (empty for an exact figure)
    "number",  # the figure as a number (a range's low end): 20000000; empty for dates, quotes
    "number_high",  # a range's high end, else empty
    "unit",  # ISO currency (USD) or what is counted (immigrants)
    "source",  # the speaker or credited source, when known
    "claim",  # claim id in the ledger (article:kind:offset)
    "sentence",  # the sentence that carries the claim
)
#: The columns of the pairs export (`--rows pairs`, the default), in order.
PAIR_COLUMNS: tuple[str, ...] = (
    "pair_id",  # stable id of the pair (same input, same id)
    "fact_id",  # the fact both claims state (same id in the values export and the report)
    "verdict",  # conflict, revision or agree
    "slip",  # a conflict that looks like a typing slip (x1000, transposed digits)
    "score",  # alignment score 0-100: how sure claimcheck is that both state one fact
    "kind",  # money, quantity, date, quote or attribution
    "topic",  # the entities both sentences name, separated by " / "
    *(f"a_{column}" for column in SIDE_COLUMNS),
    *(f"b_{column}" for column in SIDE_COLUMNS),
    "explanation",  # one line a person can check against both sentences
    "note",  # left empty, for a reviewer
)
#: The columns of the fact values export (`--rows values`), in order.
VALUE_COLUMNS: tuple[str, ...] = (
    "fact_id",  # the fact (same id in the pairs export and the report)
    "verdict",  # the fact's verdict: conflict if any pair conflicts, else revision, else agree
    "kind",  # money, quantity, date, quote or attribution
    "measure",  # what is counted or paid, when known ("deaths", "offer")
    "subject",  # what the fact is about, separated by " / "
    *SIDE_COLUMNS,
    "note",  # left empty, for a reviewer
)
#: First characters that make spreadsheets (Excel, LibreOffice, Google Sheets) read a cell as
#: a formula; such text cells get a leading apostrophe (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Their fullwidth forms (＝SUM(A1)), which spreadsheets in CJK locales also read as formulas.
FULLWIDTH_PREFIXES = ("\uff1d", "\uff0b", "\uff0d", "\uff20")
#: What may stand before a formula unseen: whitespace, zero-width characters and the BOM
#: (U+200B-U+200D, U+2060, U+FEFF); a spreadsheet skips them, a naive check did not.
INVISIBLE_LEAD = " \t\r\n\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"
#: File extensions that name an export format (`-o conflicts.csv`).
FORMAT_EXTENSIONS: dict[str, ExportFormat] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def side_record(claim: Claim, fact: Fact, articles: Mapping[str, Article]) -> dict[str, object]:
    """One claim's columns (`SIDE_COLUMNS`); numbers are numbers, missing values empty."""
    origin = claim_origin(claim, articles)
    number = claim_number(claim)
    return {
        "as_of": claim_as_of(fact, claim, articles),
        "article": claim.article,
        "outlet": origin.outlet,
        "title": origin.title,
        "url": origin.url,
        "published": origin.published,
        "value": claim_value(claim),
        "qualifier": claim_qualifier(claim),
        "number": plain_number(number.low),
        "number_high": plain_number(number.high),
        "unit": number.unit,
        "source": claim.source or "",
        "claim": claim.id,
        "sentence": one_line(claim.sentence),
    }


def prefixed(prefix: str, record: Mapping[str, object]) -> dict[str, object]:
    return {f"{prefix}_{key}": value for key, value in record.items()}


def pair_record(pair: Pair, fact: Fact, articles: Mapping[str, Article]) -> dict[str, object]:
    """One pair as a flat record with the keys of `PAIR_COLUMNS`, in that order."""
    record: dict[str, object] = {
        "pair_id": pair.id,
        "fact_id": fact.id,
        "verdict": pair.verdict,
        "slip": pair.slip,
        "score": pair.score,
        "kind": pair.kind,
        "topic": " / ".join(pair.topic),
        **prefixed("a", side_record(pair.a, fact, articles)),
        **prefixed("b", side_record(pair.b, fact, articles)),
        "explanation": pair.explanation,
        "note": "",
    }
    return {column: record[column] for column in PAIR_COLUMNS}


def value_records(fact: Fact, articles: Mapping[str, Article]) -> Iterator[dict[str, object]]:
    """The fact's timeline, one record per value (`VALUE_COLUMNS`), in the order they applied."""
    for claim in fact.claims:
        record: dict[str, object] = {
            "fact_id": fact.id,
            "verdict": fact.verdict,
            "kind": fact.kind,
            "measure": fact.measure or "",
            "subject": " / ".join(fact.subject),
            **side_record(claim, fact, articles),
            "note": "",
        }
        yield {column: record[column] for column in VALUE_COLUMNS}


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading `'`,
    also when the formula hides behind whitespace, a zero-width space or a BOM, or starts with a
    fullwidth sign; numbers are left alone (-2.5 is a number, not a formula)."""
    if not isinstance(cell, str):
        return cell
    if cell.startswith(FORMULA_PREFIXES) or cell.lstrip(INVISIBLE_LEAD).startswith(
        FORMULA_PREFIXES + FULLWIDTH_PREFIXES
    ):
        return "'" + cell
    return cell


def csv_cell(cell: object) -> object:
    """What a CSV cell holds: booleans as `true`/`false` like JSON, None empty, text inert."""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return "" if cell is None else neutralise(cell)


def write_records(
    records: Iterable[Mapping[str, object]],
    columns: tuple[str, ...],
    fmt: ExportFormat,
    stream: TextIO,
) -> int:
    """Write records as CSV (header + one row each), a JSON array or JSON lines, one record at
    a time; returns how many were written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (csv, json or jsonl)")
    count = 0
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        for record in records:
            writer.writerow([csv_cell(record[column]) for column in columns])
            count += 1
        return count
    if fmt == "json":
        stream.write("[")
    for record in records:
        if fmt == "json":
            text = textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  ")
            stream.write(("\n" if count == 0 else ",\n") + text)
        else:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    if fmt == "json":
        stream.write("\n]\n" if count else "]\n")
    return count


def write_pairs(
    pairs: Iterable[tuple[Fact, Pair]],
    articles: Mapping[str, Article],
    fmt: ExportFormat,
    stream: TextIO,
) -> int:
    """Export (fact, pair) couples, one row per pair; returns the number of rows."""
    records = (pair_record(pair, fact, articles) for fact, pair in pairs)
    return write_records(records, PAIR_COLUMNS, fmt, stream)


def write_values(
    facts: Iterable[Fact], articles: Mapping[str, Article], fmt: ExportFormat, stream: TextIO
) -> int:
    """Export facts, one row per value of each fact's timeline; returns the number of rows."""
    records = (record for fact in facts for record in value_records(fact, articles))
    return write_records(records, VALUE_COLUMNS, fmt, stream)


def format_for_path(path: str | Path) -> ExportFormat | None:
    """The export format a file name implies (`.csv`, `.json`, `.jsonl`/`.ndjson`), else None."""
    return FORMAT_EXTENSIONS.get(Path(path).suffix.lower())


@contextlib.contextmanager
def output_stream(path: str | Path, force: bool = False, bom: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text stream for `--output` (`-` is stdout; `bom` starts it with a byte-order
    mark). A file is written beside its destination and renamed into place when the export is
    complete, so a failed or interrupted export leaves no half file and never destroys the one
    it would replace; an existing file is replaced only with `force` (FileExistsError otherwise).
    """
    if str(path) == "-":
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        return
    from claimcheck.io.output import remove_stale_temporaries, temporary_prefix

    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists")
    remove_stale_temporaries(target)
    prefix = temporary_prefix(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~current_umask())
        encoding = "utf-8-sig" if bom else "utf-8"
        with open(handle, "w", encoding=encoding, newline="") as stream:
            yield stream
        if target.exists() and not force:
            raise FileExistsError(f"{target} exists")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask (reading it means setting it: it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
