"""What every reader shares: limits, decoding, safe ids, publication dates and metadata fields.

Readers turn one input (a file, a JSONL line, stdin) into an `Outcome`: an article with the
warnings that did not stop it being read, or the one reason it could not be read. The caller
decides what to do with failures (report and go on, or stop under `--strict`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from claimcheck.errors import ArticleError
from claimcheck.model import Article, PartialDate

#: Files larger than this are skipped with a message: the longest news articles are well under
#: 100 kB, and a megabyte of text is almost always a mistaken export or a binary. One million
#: bytes also keeps every body within spaCy's default `nlp.max_length` (1,000,000 characters;
#: UTF-8 and Windows-1252 never give more characters than bytes), past which the pipeline
#: raises instead of reading. The limit applies to a text or Markdown file, to stdin, to each
#: line of a JSONL file (not to the whole file, which is read line by line) and to the text
#: extracted from a saved page.
MAX_ARTICLE_BYTES = 1_000_000
#: Saved web pages carry scripts, styles and inlined images around a short article, so they may
#: be larger than a text article before they are skipped.
MAX_PAGE_BYTES = 4 * MAX_ARTICLE_BYTES
METADATA_FIELDS = ("title", "outlet", "url")
#: Formats news APIs, CMS exports and people write publication dates in, beyond ISO 8601 and
#: RFC 2822, with the precision each one gives.
PUBLISHED_FORMATS: tuple[tuple[str, str], ...] = (
    ("%d %B %Y", "day"),
    ("%d %b %Y", "day"),
    ("%B %d, %Y", "day"),
    ("%b %d, %Y", "day"),
    ("%B %d %Y", "day"),
    ("%Y/%m/%d", "day"),
    ("%d.%m.%Y", "day"),
    ("%B %Y", "month"),
    ("%b %Y", "month"),
    ("%Y/%m", "month"),
)
PUBLISHED_HELP = "YYYY, YYYY-MM, YYYY-MM-DD, ISO 8601, RFC 2822 or '14 March 2021'"
#: Years a publication date may have: relative dates are resolved from it, and date arithmetic
#: outside these years overflows (`date` stops at 9999) or means a typing slip.
MIN_YEAR, MAX_YEAR = 1000, 9999
#: Longest quotation of an input value in a warning or error message.
MAX_QUOTED_CHARS = 80
#: Longest article id kept as is; longer ids are cut and given a hash suffix to stay unique.
MAX_ID_LENGTH = 100
#: Names Windows refuses as file names whatever the extension: an id must never be one.
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
_UNSAFE_ID_CHARS = re.compile(r"[^\w .\-]+")
_DOT_RUNS = re.compile(r"\.{2,}")
_SEPARATOR_RUNS = re.compile(r"[ \-]*-[ \-]*| {2,}")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
#: Control characters but tab, line feed and carriage return (C0, DEL, C1): no news text means
#: one, glued to a word by a broken export they hide it from the tokenizer ("$5 million\x07"
#: read as "$5"), and HTML forbids most of them. NEL (U+0085) ends a line.
_BODY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Outcome:
    """One input's result: an article (with warnings) or the reason there is none."""

    path: str
    article: Article | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def failure(path: str | Path, error: BaseException | str) -> Outcome:
    """An `Outcome` for an input that could not be read, with the OS's own words for I/O errors."""
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return Outcome(str(path), error=reason)


def read_limited(stream: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """At most `limit` bytes from `stream`, else `ArticleError`.

    Reads one byte past the limit instead of trusting `stat`, so pipes, FIFOs and files that
    grow while being read are bounded too."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        shown = f"{size:,} bytes" if size else f"more than {limit:,} bytes"
        raise ArticleError(f"too large ({shown}; the limit is {limit:,})")
    return data


#: Byte-order marks of the encodings Windows tools save "Unicode" text in (Notepad, Word's
#: "Unicode text", PowerShell's `>`); UTF-32's first, as its little-endian mark starts UTF-16's.
UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """UTF-16 or UTF-32 with a byte-order mark, UTF-8 (a BOM is dropped), else Windows-1252,
    else a clear error. UTF-16 text is full of NUL bytes, so its mark is looked for before a
    NUL calls the file binary."""
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                raise ArticleError(
                    f"not valid {encoding.upper()} text (byte {error.start})"
                ) from None
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ArticleError(f"not UTF-8 or Windows-1252 text (byte {error.start})") from None


def safe_article_id(raw: object) -> str:
    """An id that is safe as a file name inside an output folder, or `ArticleError`.

    Ids come from file names, front matter and JSONL records written by anyone; they end up in
    claim ids, ledgers and possibly file names, so separators, control characters, `..`,
    leading dots and dashes, reserved device names and overlong ids are rewritten here.
    Letters of every script are kept: `el-país` stays `el-país`."""
    text = unicodedata.normalize("NFC", str(raw))
    cleaned = _UNSAFE_ID_CHARS.sub("-", text)
    cleaned = _DOT_RUNS.sub(".", cleaned)
    cleaned = _SEPARATOR_RUNS.sub(lambda m: "-" if "-" in m.group() else " ", cleaned)
    cleaned = cleaned.strip(" .-")
    if not cleaned:
        raise ArticleError(f"article id {shorten(text)} has no usable characters")
    if cleaned.split(".")[0].lower() in RESERVED_NAMES:
        cleaned = f"{cleaned}_"
    if len(cleaned) > MAX_ID_LENGTH:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cleaned = f"{cleaned[: MAX_ID_LENGTH - 9].rstrip(' .-')}-{digest}"
    return cleaned


def checked_id(raw: object, warnings: list[str]) -> str:
    """`safe_article_id`, with a warning when the id had to be rewritten."""
    article_id = safe_article_id(raw)
    if article_id != str(raw):
        warnings.append(
            f"article id {shorten(str(raw))} is not safe as a file name; using {article_id!r}"
        )
    return article_id


def id_field(metadata: Mapping, default: str, warnings: list[str]) -> str:
    """The `id` a record names for itself, else `default`; only text or a number is an id."""
    value = metadata.get("id")
    if value is None or value == "":
        return default
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"id is not text ({type(value).__name__}); using {default!r}")
    return default


def parse_published(value: object) -> PartialDate:
    """A `PartialDate` from the ways publication dates are written, else `ValueError` (whose
    message quotes the value shortened: it may be a megabyte long)."""
    if not isinstance(value, str | int | dt.date) or isinstance(value, bool):
        raise ValueError(f"published is not a date (a {type(value).__name__})")
    date = _read_published(value)
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise ValueError(f"published year {date.year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return date


def _read_published(value: str | int | dt.date) -> PartialDate:
    unreadable = f"published {shorten(value)} is not a date ({PUBLISHED_HELP})"
    try:
        return PartialDate.parse(value)
    except ValueError:
        if not isinstance(value, str):
            raise ValueError(unreadable) from None
    text = " ".join(value.split())
    try:
        return PartialDate.parse(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    try:
        return PartialDate.parse(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for layout, precision in PUBLISHED_FORMATS:
        try:
            moment = dt.datetime.strptime(text, layout)
        except ValueError:
            continue
        day = moment.day if precision == "day" else None
        return PartialDate(moment.year, moment.month, day)
    raise ValueError(unreadable)


def shorten(value: object, limit: int = MAX_QUOTED_CHARS) -> str:
    """`repr(value)` cut to about `limit` characters: messages quote what the input said, and
    an input can make that a megabyte (or, for a nested structure, far more)."""
    if not isinstance(value, str | int | float | dt.date):
        return f"({type(value).__name__})"
    text = repr(value[: limit + 1] if isinstance(value, str) else value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def text_field(name: str, value: object, warnings: list[str]) -> str | None:
    """A metadata field as one clean line of text; lists and mappings are refused with a warning
    (printing a hostile nested YAML alias structure could take forever)."""
    if value is None:
        return None
    if isinstance(value, Mapping | list | tuple | set | bytes):
        warnings.append(f"{name} is not text ({type(value).__name__}); ignored")
        return None
    return " ".join(clean_text(str(value)).split()) or None


def clean_text(text: str) -> str:
    """Lone surrogates (which JSON escapes can produce) replaced, so the text can be encoded."""
    return _LONE_SURROGATES.sub("\ufffd", text)


def body_text(text: str) -> str:
    """`clean_text`, and each control character a space (NEL a line break): one character for
    one, so every offset into the body is an offset into the file's text."""
    return _BODY_CONTROLS.sub(lambda m: "\n" if m[0] == "\x85" else " ", clean_text(text))


def build_article(
    article_id: str, path: str, body: str, metadata: Mapping, digest_of: str | None = None
) -> Outcome:
    """An article from a body and its metadata fields, shared by every reader.

    An unreadable `published` is a warning, not an error: the article is still worth reading,
    only its relative dates ("on Tuesday") cannot be resolved."""
    warnings: list[str] = []
    body = body_text(body)
    if not body.strip():
        return Outcome(path, error="empty article (no text)")
    if len(body) > MAX_ARTICLE_BYTES:
        return Outcome(
            path,
            error=f"article text too long ({len(body):,} characters; "
            f"the limit is {MAX_ARTICLE_BYTES:,})",
        )
    published = None
    if metadata.get("published") not in (None, ""):
        try:
            published = parse_published(metadata["published"])
        except (ValueError, OverflowError) as error:
            warnings.append(f"{error}; relative dates are left unresolved")
    fields = {name: text_field(name, metadata.get(name), warnings) for name in METADATA_FIELDS}
    if digest_of is None:
        digest_of = json.dumps([body, {k: str(v) for k, v in fields.items()}, str(published)])
    digest = hashlib.sha256(digest_of.encode("utf-8", "surrogatepass")).hexdigest()
    article = Article(
        id=article_id, path=path, body=body, published=published, content_hash=digest, **fields
    )
    return Outcome(path, article=article, warnings=warnings)
