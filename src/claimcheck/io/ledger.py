"""The claims ledger: what `claimcheck extract` writes and `claimcheck compare` reads.

The ledger is meant to be committed and diffed, so it is deterministic (same input, same bytes:
no timestamps, stable ordering, no line wrapping) and written atomically (a failed or interrupted
run leaves the previous ledger untouched).
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TextIO

import yaml

from claimcheck import __version__
from claimcheck.errors import LedgerError, WriteError
from claimcheck.kinds import item_from_fields
from claimcheck.model import (
    Article,
    ArticleResult,
    Claim,
    Frame,
    Item,
    PartialDate,
)

SCHEMA_VERSION = 1
#: libyaml's safe dumper and loader when PyYAML was built with it: byte-identical output, about
#: three times faster on large ledgers; the pure-Python safe ones otherwise.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LedgerFormat = Literal["yaml", "json", "jsonl"]
#: Fields every item has; the rest of an item's fields form the claim's `value` mapping.
_POSITION_FIELDS = ("text", "start", "end")


@dataclass(frozen=True)
class Ledger:
    """Articles and their claims, as read back from a ledger file."""

    articles: dict[str, Article]
    claims: list[Claim]
    model: str | None = None


def _plain_number(value: Any) -> Any:
    """Integral floats as ints, so `20000000.0` reads as `20000000` in the ledger."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value


def item_value(item: Item) -> dict[str, Any]:
    """The normalised value of an item: its fields other than text and offsets."""
    return {
        name: _plain_number(value)
        for name, value in dataclasses.asdict(item).items()
        if name not in _POSITION_FIELDS
    }


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": None if article.published is None else str(article.published),
        "content_hash": article.content_hash,
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    item = claim.item
    return {
        "id": claim.id,
        "article": claim.article,
        "kind": claim.kind,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "value": item_value(item),
        "source": claim.source,
        "date": claim.date,
        "entities": list(claim.entities),
        "section": claim.section,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "sentence_end": claim.sentence_end,
    } | ({"frame": frame_record(claim.frame)} if claim.frame is not None else {})


def frame_record(frame: Frame) -> dict[str, Any]:
    """A claim frame as plain data (only money and quantity claims have one)."""
    record = {
        "measure": frame.measure,
        "subject": list(frame.subject),
        "low": _plain_number(frame.low),
        "high": _plain_number(frame.high),
        "as_of": frame.as_of,
        "cues": list(frame.cues),
    }
    if frame.row is not None:  # table cells only: ledgers of prose stay as they were
        record["row"] = frame.row
    return record


def frame_from_record(record: dict[str, Any] | None) -> Frame | None:
    if not record:
        return None
    return Frame(
        measure=record.get("measure"),
        subject=tuple(record.get("subject") or ()),
        low=record.get("low"),
        high=record.get("high"),
        as_of=record.get("as_of"),
        cues=tuple(record.get("cues") or ()),
        row=record.get("row"),
    )


def by_article_id(results: Sequence[ArticleResult]) -> list[ArticleResult]:
    return sorted(results, key=lambda result: result.article.id)


def ledger_header(
    ordered: Sequence[ArticleResult], model: str, sources: Sequence[str] = ()
) -> dict[str, Any]:
    """Everything in the ledger but the claims. `sources` (the inputs it was extracted from) let
    `extract` tell a re-run of the same folder from another folder's run that would clobber it."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"tool": "claimcheck", "version": __version__, "model": model},
        "sources": list(sources),
        "articles": [article_record(result.article) for result in ordered],
    }


def ledger_document(
    results: Sequence[ArticleResult], model: str, sources: Sequence[str] = ()
) -> dict[str, Any]:
    """The whole ledger as plain data, articles and claims sorted by id for stable diffs."""
    ordered = by_article_id(results)
    claims = [claim_record(claim) for result in ordered for claim in result.claims]
    return ledger_header(ordered, model, sources) | {"claims": claims}


def dumps(document: dict[str, Any], fmt: LedgerFormat) -> str:
    """Serialise a ledger document; every format round-trips through `loads`."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        keys = ("schema_version", "generator", "sources")
        header = {key: document[key] for key in keys if key in document}
        lines = [json.dumps({"type": "ledger", **header}, ensure_ascii=False)]
        lines += [
            json.dumps({"type": "article", **a}, ensure_ascii=False) for a in document["articles"]
        ]
        lines += [
            json.dumps({"type": "claim", **c}, ensure_ascii=False) for c in document["claims"]
        ]
        return "\n".join(lines) + "\n"
    return yaml_dump(document)


def yaml_dump(data: Any) -> str:
    """YAML in the ledger's style: block style, keys in order, unicode as is, no line wrapping."""
    return yaml.dump(
        data,
        Dumper=SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=2**20,
        default_flow_style=False,
    )


def claims_yaml(claims: Sequence[Claim]) -> str:
    """Claims exactly as the YAML ledger lists them: a block sequence under `claims:` is written
    without indentation, so the section is the concatenation of per-article fragments."""
    return yaml_dump([claim_record(claim) for claim in claims]) if claims else ""


def with_ledger_yaml(result: ArticleResult) -> ArticleResult:
    """The result with its YAML fragment made (once: kept when it is already there)."""
    if result.ledger_yaml or not result.claims:
        return result
    return replace(result, ledger_yaml=claims_yaml(result.claims))


def yaml_ledger(results: Sequence[ArticleResult], model: str, sources: Sequence[str] = ()) -> str:
    """The YAML ledger from per-article fragments; byte-identical to dumping the whole document
    (tested), but a fragment made by a worker or read from the cache is not made again."""
    ordered = by_article_id(results)
    header = ledger_header(ordered, model, sources)
    if not any(result.claims for result in ordered):
        return yaml_dump(header | {"claims": []})
    fragments = (with_ledger_yaml(result).ledger_yaml for result in ordered)
    return yaml_dump(header) + "claims:\n" + "".join(fragments)


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write through a temporary file in the same folder and rename it into place, so readers
    only ever see the old file or the complete new one.

    A symbolic link is written through (its target replaced, the link kept); the file gets the
    mode the old one had, else what the user's umask allows (a temporary file is created private,
    which made every ledger and report unreadable to colleagues on a shared drive).

    A failure (a full disk, a file size limit, a folder that cannot be made) is a `WriteError`
    naming the file: the operating system's own error names none when a write fails."""
    if path.is_symlink():
        path = path.resolve()
    try:
        _write_through_temporary(path, text, encoding)
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from None


def _write_through_temporary(path: Path, text: str, encoding: str) -> None:
    from claimcheck.io.output import remove_stale_temporaries, temporary_prefix

    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    mode = _mode_for(path)
    prefix = temporary_prefix(path)
    handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permission bits a new `path` should get: the existing file's, else 0666 less umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask. Linux reports it in /proc; elsewhere it can only be read by setting
    it, which is restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_ledger(
    results: Sequence[ArticleResult],
    destination: Path | Literal["-"],
    fmt: LedgerFormat = "yaml",
    model: str = "",
    stdout: TextIO | None = None,
    sources: Sequence[str] = (),
) -> None:
    """Write the ledger to a file (atomically) or to stdout for `-`; `sources` are recorded in
    its header (see `claimcheck.io.output.recorded_sources`)."""
    if fmt == "yaml":
        text = yaml_ledger(results, model, sources)
    else:
        text = dumps(ledger_document(results, model, sources), fmt)
    if destination == "-":
        (stdout or sys.stdout).write(text)
    else:
        write_atomic(Path(destination), text)


def read_header(path: Path) -> dict[str, Any] | None:
    """The header of the ledger at `path` (schema_version, generator, sources), without reading
    its claims when it is YAML or JSONL; None when the file is not a claimcheck ledger."""
    try:
        fmt = format_for(path)
        with path.open(encoding="utf-8") as stream:
            if fmt == "jsonl":
                header = json.loads(stream.readline())
            elif fmt == "json":
                header = json.load(stream)
            else:
                lines = []
                for line in stream:
                    if line.startswith(("claims:", "articles:")):
                        break
                    lines.append(line)
                header = yaml.load("".join(lines), Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return None
    if not isinstance(header, dict) or header.get("schema_version") is None:
        return None
    generator = header.get("generator")
    if not isinstance(generator, dict) or generator.get("tool") != "claimcheck":
        return None
    return header


def format_for(path: Path) -> LedgerFormat:
    """The ledger format a file name implies (YAML unless it ends in .json or .jsonl)."""
    suffix = path.suffix.lower()
    return "jsonl" if suffix == ".jsonl" else "json" if suffix == ".json" else "yaml"


def loads(text: str, fmt: LedgerFormat) -> dict[str, Any]:
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
        for number, record in enumerate(records, 1):
            if not isinstance(record, dict):
                raise LedgerError(f"record {number} is not a JSON object (one per line)")
        header = next((r for r in records if r.get("type") == "ledger"), {})
        strip = lambda r: {k: v for k, v in r.items() if k != "type"}  # noqa: E731
        return {
            **strip(header),
            "articles": [strip(r) for r in records if r.get("type") == "article"],
            "claims": [strip(r) for r in records if r.get("type") == "claim"],
        }
    if fmt == "json":
        return json.loads(text)
    return yaml.load(text, Loader=SafeLoader)  # a safe loader (libyaml's when present)


def claim_from_record(record: dict[str, Any]) -> Claim:
    kind = record["kind"]
    item = item_from_fields(
        kind,
        {"text": record["text"], "start": record["start"], "end": record["end"]} | record["value"],
    )
    return Claim(
        id=record["id"],
        article=record["article"],
        kind=kind,
        item=item,
        sentence=record["sentence"],
        sentence_start=record["sentence_start"],
        sentence_end=record["sentence_end"],
        source=record.get("source"),
        date=record.get("date"),
        entities=tuple(record.get("entities") or ()),
        section=record.get("section", "body"),
        frame=frame_from_record(record.get("frame")),
    )


def article_from_record(record: dict[str, Any]) -> Article:
    published = record.get("published")
    return Article(
        id=record["id"],
        path="",
        body="",
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published=None if published in (None, "") else PartialDate.parse(str(published)),
        content_hash=record.get("content_hash", ""),
    )


def load_ledger(path: Path) -> Ledger:
    """Read a ledger written by `write_ledger` in any of its formats. Any fault of the file (not
    a ledger, a field of the wrong type after a hand edit) is a `LedgerError` of one plain line
    naming the file and the field (`claimcheck.io.ledger_check`)."""
    from claimcheck.io.ledger_check import check_document

    try:
        document = loads(path.read_text(encoding="utf-8"), format_for(path))
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise LedgerError(f"{path}: cannot read: {reason}") from None
    except (yaml.YAMLError, ValueError) as error:
        raise LedgerError(f"{path}: {syntax_problem(error, format_for(path))}") from None
    check_document(document, path, SCHEMA_VERSION)
    try:
        articles = [article_from_record(record) for record in document.get("articles") or ()]
        claims = [claim_from_record(record) for record in document["claims"]]
    except (KeyError, TypeError, ValueError):  # what the check let through: a defect, said plainly
        raise LedgerError(f"{path}: malformed ledger (a field does not fit)") from None
    model = (document.get("generator") or {}).get("model")
    return Ledger(articles={a.id: a for a in articles}, claims=claims, model=model)


def syntax_problem(error: Exception, fmt: LedgerFormat) -> str:
    """Why a ledger file does not parse, in words and with its line (not the parser's repr)."""
    if isinstance(error, LedgerError):
        return str(error)
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(error, "problem", None) or "cannot be parsed"
    if isinstance(error, yaml.YAMLError):
        return f"not valid YAML{where}: {problem} (is it a claimcheck ledger?)"
    return f"not a valid {fmt} ledger: {error}"


def results_to_ledger(results: Iterable[ArticleResult], model: str | None = None) -> Ledger:
    """The in-memory ledger of fresh results (what `load_ledger` would return after a write)."""
    results = list(results)
    return Ledger(
        articles={r.article.id: r.article for r in results},
        claims=[claim for r in results for claim in r.claims],
        model=model,
    )
