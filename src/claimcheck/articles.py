"""Reading articles from disk: front matter, encodings, and clear reasons for what cannot be read.

A newsroom folder holds files saved by different tools over years: UTF-8 with and without BOM,
Windows-1252, stray binaries, empty files. Each bad file is reported with one line and skipped;
the rest of the folder is still read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimcheck.types import Article, PartialDate, ReadError

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
#: Files larger than this are skipped with a message: no news article is this long, and a
#: multi-megabyte file is almost always a mistaken export or a binary.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = frozenset({"---", "..."})
METADATA_FIELDS = ("title", "outlet", "url")


class ArticleError(ValueError):
    """Why one article could not be read (the message is shown to the user as is)."""


@dataclass
class ReadResult:
    """The articles read from a folder, in a stable order, and the files that were skipped."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadError] = field(default_factory=list)


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252, else a clear error."""
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


def split_front_matter(text: str) -> tuple[dict, str]:
    """The YAML front matter (empty when there is none) and the body after it."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return {}, text
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in FRONT_MATTER_END:
            header = "".join(lines[1:number])
            body = "".join(lines[number + 1 :])
            break
    else:
        raise ArticleError("front matter opened with '---' is never closed")
    try:
        metadata = yaml.safe_load(header) if header.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise ArticleError(
            f"malformed front matter{where}: {getattr(error, 'problem', error)}"
        ) from None
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        raise ArticleError("front matter is not a mapping of fields")
    return metadata, body


def parse_article(article_id: str, path: str, text: str) -> tuple[Article, list[str]]:
    """An `Article` from a file's decoded text, and warnings that did not stop it being read."""
    metadata, body = split_front_matter(text)
    if not body.strip():
        raise ArticleError("empty article (no text after the front matter)")
    warnings: list[str] = []
    published = None
    if metadata.get("published") not in (None, ""):
        try:
            published = PartialDate.parse(metadata["published"])
        except ValueError as error:
            warnings.append(f"{error}; relative dates are left unresolved")
    fields = {name: _text_field(metadata.get(name)) for name in METADATA_FIELDS}
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = Article(
        id=article_id, path=path, body=body, published=published, content_hash=digest, **fields
    )
    return article, warnings


def _text_field(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


def read_article(path: Path) -> tuple[Article, list[str]]:
    """Read one file; raises `ArticleError` (or `OSError`) with the reason it cannot be used."""
    size = path.stat().st_size
    if size == 0:
        raise ArticleError("empty file")
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(f"too large ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
    return parse_article(path.stem, str(path), decode(path.read_bytes()))


def article_paths(root: Path) -> Iterator[Path]:
    """Article files under `root` (recursively), in a stable order; `root` may be a file."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            yield path


def read_articles(paths: Iterable[Path]) -> ReadResult:
    """Read every file, collecting errors instead of stopping at the first one."""
    result = ReadResult()
    seen: dict[str, str] = {}
    for path in paths:
        try:
            article, warnings = read_article(path)
        except (ArticleError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            result.errors.append(ReadError(str(path), reason))
            continue
        if article.id in seen:
            result.errors.append(
                ReadError(
                    str(path), f"duplicate article id {article.id!r} (also {seen[article.id]})"
                )
            )
            continue
        seen[article.id] = str(path)
        result.articles.append(article)
        result.warnings.extend(ReadError(str(path), warning) for warning in warnings)
    return result


def read_folder(root: Path) -> ReadResult:
    """Read every article file under `root`."""
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    return read_articles(article_paths(root))
