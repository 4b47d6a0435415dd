"""News API exports: one JSON article per line (`id`, `title`, `outlet`, `url`, `published`,
`text`).

Exports run to thousands of lines, and one truncated or hand-edited line must not cost the
others: each line is read on its own, a bad one is reported as `file.jsonl:LINE` with the reason,
and the file is streamed so its total size does not matter (each line is still bounded).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimcheck.io.readers.common import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    Outcome,
    build_article,
    checked_id,
    decode,
    id_field,
)

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_FIELD = "text"
CHUNK_BYTES = 1024 * 1024


def read_jsonl(path: Path) -> Iterator[Outcome]:
    """One `Outcome` per non-blank line of a JSONL file."""
    with path.open("rb") as stream:
        yield from read_jsonl_stream(stream, str(path), path.stem)


def read_jsonl_stream(stream: BinaryIO, name: str, stem: str) -> Iterator[Outcome]:
    """One `Outcome` per non-blank line; articles without an `id` are named `STEM-LINE`."""
    for number, line in enumerate(bounded_lines(stream), start=1):
        where = f"{name}:{number}"
        if line is None:
            yield Outcome(where, error=f"line too long (the limit is {MAX_ARTICLE_BYTES:,} bytes)")
            continue
        if not line.strip():
            continue
        try:
            yield parse_record(line, where, f"{stem}-{number}")
        except ArticleError as error:
            yield Outcome(where, error=str(error))


def bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each line of `stream` without reading more than the limit of any line into memory; an
    overlong line is skipped to its end and given as None so line numbers stay right."""
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_ARTICLE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(CHUNK_BYTES)
        yield None


def parse_record(line: bytes, where: str, default_id: str) -> Outcome:
    """An article from one JSON line, or `ArticleError` saying what is wrong with the line."""
    try:
        record = json.loads(decode(line))
    except json.JSONDecodeError as error:
        raise ArticleError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise ArticleError("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise ArticleError(f"not a JSON object (a {type(record).__name__})")
    body = record.get(TEXT_FIELD)
    if not isinstance(body, str):
        missing = "missing" if body is None else f"not a string ({type(body).__name__})"
        raise ArticleError(f"field {TEXT_FIELD!r} is {missing}")
    if not body.strip():
        raise ArticleError(f"empty article (field {TEXT_FIELD!r} has no text)")
    warnings: list[str] = []
    article_id = checked_id(id_field(record, default_id, warnings), warnings)
    outcome = build_article(article_id, where, body, record)
    outcome.warnings[:0] = warnings
    return outcome
