"""Reading articles from whatever fact-checkers collect: folders, files, exports and stdin.

A newsroom folder holds files saved by different tools over years: Markdown with front matter,
plain text in UTF-8, UTF-16 or Windows-1252, saved web pages, JSONL exports from news APIs, and also
stray binaries, empty files and broken links. Each bad input is reported with one line naming
it and the reason, and the rest is still read; with `strict=True` the first bad input stops the
run instead. The readers for each kind of input live in `claimcheck.io.readers`.
"""

from __future__ import annotations

import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from claimcheck.io.readers.common import (
    MAX_ARTICLE_BYTES,
    MAX_PAGE_BYTES,
    ArticleError,
    Outcome,
    decode,
    failure,
    parse_published,
    read_limited,
    safe_article_id,
)
from claimcheck.io.readers.html import HTML_SUFFIXES, looks_like_html, parse_html_article
from claimcheck.io.readers.jsonl import JSONL_SUFFIXES, read_jsonl
from claimcheck.io.readers.text import parse_text_article, split_front_matter
from claimcheck.io.readers.walk import walk_folder
from claimcheck.model import Article, ReadError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_PAGE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ArticleError",
    "ReadResult",
    "decode",
    "parse_published",
    "read_folder",
    "read_inputs",
    "safe_article_id",
    "split_front_matter",
]

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
#: File kinds read from a folder; a file named explicitly is read whatever its suffix.
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_ID = "stdin"
STDIN_PATH = "<stdin>"


@dataclass
class ReadResult:
    """The articles read, in a stable order, the inputs that were skipped and the warnings."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every input was read (the exit status should say when not)."""
        return not self.errors


def read_inputs(
    sources: Sequence[str | Path],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    stdin: TextIO | None = None,
    strict: bool = False,
) -> ReadResult:
    """Read every source: a folder (recursively, filtered by `include`/`exclude` globs), a file
    of any supported kind, or "-" for one article from `stdin` (default `sys.stdin`).

    Article ids must be unique across all sources: a second article with an id already read is
    reported, never silently merged. With `strict`, the first bad input raises `ArticleError`
    naming it; warnings (such as an unreadable publication date) never stop the run."""
    collector = _Collector(strict)
    read = [
        (Path(source), outcome)
        for source in sources
        for outcome in _read_source(source, include, exclude, stdin)
    ]
    for outcome in with_path_ids(read):
        collector.add(outcome)
    return collector.result


def with_path_ids(read: Sequence[tuple[Path, Outcome]]) -> list[Outcome]:
    """Outcomes whose article is named after its file, given the file's path as id where two
    files share a name (`sub/story.md` and `other/story.md` become `sub-story`, `other-story`;
    a file at the top of the folder, or named on the command line, keeps its name). Ids stay as
    they were wherever names are unique, and do not depend on the order files are read; an id
    an article names for itself (front matter, JSONL) is never changed, and a clash that
    remains is reported by the caller."""
    counts = Counter(o.article.id for _, o in read if o.article is not None)
    named_after_file = [_named_after_file(outcome) for _, outcome in read]
    outcomes = []
    for (source, outcome), from_file in zip(read, named_after_file, strict=True):
        article = outcome.article
        if article is not None and counts[article.id] > 1 and from_file:
            outcome = renamed(outcome, _path_id(source, Path(outcome.path)))
        outcomes.append(outcome)
    return with_suffix_ids(outcomes, named_after_file)


def with_suffix_ids(outcomes: list[Outcome], named_after_file: list[bool]) -> list[Outcome]:
    """Files that still share an id after their paths were used differ only in extension
    (`story.md` and `story.html` side by side): each takes its extension into its id
    (`story-md`, `story-html`) instead of one of them being refused as a duplicate. A clash
    with an id an article gives itself (front matter, JSONL) is left for the caller to report."""
    counts = Counter(o.article.id for o in outcomes if o.article is not None)
    chosen = Counter(  # ids an article chose for itself stay, and their clashes are reported
        o.article.id
        for o, from_file in zip(outcomes, named_after_file, strict=True)
        if o.article is not None and not from_file
    )
    return [
        renamed(outcome, _suffixed_id(outcome))
        if from_file
        and outcome.article is not None
        and counts[outcome.article.id] > 1
        and not chosen[outcome.article.id]
        else outcome
        for outcome, from_file in zip(outcomes, named_after_file, strict=True)
    ]


def renamed(outcome: Outcome, new_id: str | None) -> Outcome:
    """The outcome with its article under `new_id`, and a warning saying why (unchanged when
    there is no usable new id)."""
    article = outcome.article
    if article is None or new_id is None or new_id == article.id:
        return outcome
    outcome = replace(outcome, article=replace(article, id=new_id))
    outcome.warnings.append(
        f"another file is also named {article.id!r}: this one's id is {new_id!r}"
    )
    return outcome


def _suffixed_id(outcome: Outcome) -> str | None:
    suffix = Path(outcome.path).suffix.lstrip(".")
    if outcome.article is None or not suffix:
        return None
    try:
        return safe_article_id(f"{outcome.article.id}-{suffix}")
    except ArticleError:
        return None


def _named_after_file(outcome: Outcome) -> bool:
    path = Path(outcome.path)
    return outcome.article is not None and outcome.article.id == _stem_id(path) and path.is_file()


def _stem_id(path: Path) -> str | None:
    try:
        return safe_article_id(path.stem)
    except ArticleError:
        return None


def _path_id(source: Path, path: Path) -> str | None:
    """A file's path inside the folder it was found in, without its extension, as an id; None
    for a file at the top of the folder or named on the command line (it keeps its name)."""
    if not source.is_dir() or not path.is_relative_to(source):
        return None
    relative = path.relative_to(source).with_suffix("")
    if len(relative.parts) < 2:
        return None
    try:
        return safe_article_id(relative.as_posix())
    except ArticleError:
        return None


def read_folder(root: Path) -> ReadResult:
    """Read every article file under `root` (or `root` itself when it is a file)."""
    if not Path(root).exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    return read_inputs([root])


class _Collector:
    """Gathers outcomes into a `ReadResult`, refusing duplicate ids, stopping early if strict."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.result = ReadResult()
        self.seen: dict[str, str] = {}

    def add(self, outcome: Outcome) -> None:
        article = outcome.article
        if article is not None and article.id in self.seen:
            outcome = Outcome(
                outcome.path,
                error=f"duplicate article id {article.id!r} (also {self.seen[article.id]})",
            )
        if outcome.error is not None or outcome.article is None:
            error = ReadError(outcome.path, outcome.error or "not read")
            if self.strict:
                raise ArticleError(f"{error.path}: {error.reason}")
            self.result.errors.append(error)
            return
        self.seen[outcome.article.id] = outcome.path
        self.result.articles.append(outcome.article)
        self.result.warnings.extend(ReadError(outcome.path, w) for w in outcome.warnings)


def _read_source(
    source: str | Path, include: Sequence[str], exclude: Sequence[str], stdin: TextIO | None
) -> Iterator[Outcome]:
    if str(source) == STDIN:
        yield _guarded(STDIN_PATH, lambda: read_stdin(stdin if stdin is not None else sys.stdin))
        return
    path = Path(source)
    try:
        is_dir = path.is_dir()
        path.stat()
    except OSError as error:
        yield failure(path, error)
        return
    if not is_dir:
        yield from read_file(path)
        return
    for found in walk_folder(path, SUPPORTED_SUFFIXES, include, exclude):
        yield from (read_file(found) if isinstance(found, Path) else (found,))


def read_file(path: Path) -> Iterator[Outcome]:
    """The article(s) in one file: one for text and HTML, one per line for JSONL. A FIFO, a
    device or a socket is skipped with its reason: opening a FIFO waits for a writer forever,
    and a terminal or /dev/zero is no article either."""
    special = special_file_kind(path)
    if special is not None:
        yield Outcome(
            str(path),
            error=f"not a regular file ({special}): claimcheck reads files; "
            "to read a stream, pipe it in and give `-`",
        )
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _guarded_many(path, lambda: read_jsonl(path))
        return
    yield _guarded(str(path), lambda: _read_single(path, suffix))


def special_file_kind(path: Path) -> str | None:
    """What a path is when it is not a regular file (`a FIFO`, `a device`, `a socket`), else
    None (a file, or a path whose stat fails: reading it reports why)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def _read_single(path: Path, suffix: str) -> Outcome:
    limit = MAX_PAGE_BYTES if suffix in HTML_SUFFIXES else MAX_ARTICLE_BYTES
    with path.open("rb") as stream:
        size = path.stat().st_size
        data = read_limited(stream, limit, size)
    if not data:
        return Outcome(str(path), error="empty file")
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data)):
        return parse_html_article(path.stem, str(path), data)
    return parse_text_article(path.stem, str(path), decode(data))


def read_stdin(stream: TextIO) -> Outcome:
    """One article from stdin: text with optional front matter (its `id` names it), or a page."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = read_limited(buffer, MAX_ARTICLE_BYTES)
    else:
        text = stream.read(MAX_ARTICLE_BYTES + 1)
        data = text.encode("utf-8", "surrogatepass")
        if len(text) > MAX_ARTICLE_BYTES or len(data) > MAX_ARTICLE_BYTES:
            raise ArticleError(f"too large (the limit is {MAX_ARTICLE_BYTES:,} bytes)")
    if not data.strip():
        raise ArticleError("empty input")
    if looks_like_html(data):
        return parse_html_article(STDIN_ID, STDIN_PATH, data)
    return parse_text_article(STDIN_ID, STDIN_PATH, decode(data))


def _guarded(path: str, read: Callable[[], Outcome]) -> Outcome:
    """`read()`, with the expected failures of reading turned into a reported outcome."""
    try:
        return read()
    except (ArticleError, OSError, UnicodeError) as error:
        return failure(path, error)


def _guarded_many(path: Path, read: Callable[[], Iterable[Outcome]]) -> Iterable[Outcome]:
    try:
        yield from read()
    except (ArticleError, OSError, UnicodeError) as error:
        yield failure(path, error)
