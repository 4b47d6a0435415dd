"""The incremental-extraction cache: a daily re-run parses only new or changed articles.

Parsing is the whole cost of `extract`, and a newsroom corpus changes by a few percent a day. Each
article's claims are stored under a key that covers everything the output depends on: the article
text (its content hash, which includes the front matter), its id (claim ids carry it), the tool
(its version and a fingerprint of its source code, so an edited component in a development
checkout never reuses old results), the model (name and version) and the extraction options.
A changed input changes the key, so a stale entry is never found; it is simply never read again
(`Cache.clear` reclaims the space).

Location: `$CLAIMCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/claimcheck`, else `~/.cache/claimcheck`;
an explicit directory overrides all three. One file per key, written through a temporary file and
`os.replace`, so concurrent runs and interrupted runs never leave a half-written entry; an entry
that cannot be read back is treated as missing and recomputed.

What the cache trusts: nothing in an entry is ever run. Entries are JSON data (claims as plain
fields, rebuilt into records by type) with a schema version and the sha256 of their content; an
entry with another version, a wrong hash, a wrong key or a field of the wrong type is treated as
missing and recomputed. The hash catches corruption and careless edits, not a forger who
recomputes it, so the directory itself must be yours: a cache directory owned by another user or
writable by others is refused with `CacheError` (it is created private, mode 0700).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import asdict
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import spacy.util

from claimcheck import __version__
from claimcheck.errors import CacheError
from claimcheck.extraction.pipeline import DEFAULT_MODELS, ModelNotFoundError, model_id
from claimcheck.kinds import item_from_fields
from claimcheck.model import Article, ArticleResult, Claim, Frame

CACHE_DIR_VARIABLE = "CLAIMCHECK_CACHE_DIR"
#: Bumped when the layout of an entry changes (its fields, not what they contain).
ENTRY_FORMAT = 3
ENTRY_SUFFIX = ".json"
#: The claimcheck package: every rule in it (extraction, kinds, word lists) shapes a cached entry.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path:
    """`$CLAIMCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/claimcheck`, else `~/.cache/claimcheck`."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "claimcheck"


@cache
def tool_fingerprint() -> str:
    """The version plus a hash of claimcheck's own source: an edited rule is a new tool.

    Hashing ~30 small files once per process costs a millisecond and protects development
    checkouts, where the version number stays the same while the components change."""
    digest = hashlib.sha256(f"{__version__}:{ENTRY_FORMAT}".encode())
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE_ROOT)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def resolve_model_id(model: str | None) -> str:
    """The id `pipeline.model_id` would give the loaded model, read from its meta.json alone.

    The parent process of a worker pool never loads the model, yet needs its id for the keys.
    """
    for candidate in (model,) if model else DEFAULT_MODELS:
        path = Path(candidate)
        if path.is_dir() and (path / "meta.json").is_file():
            meta_path = path / "meta.json"
        elif spacy.util.is_package(candidate):
            meta_path = spacy.util.get_package_path(candidate) / "meta.json"
        else:
            continue
        return model_id(SimpleNamespace(meta=spacy.util.load_meta(meta_path)))
    raise ModelNotFoundError(f"No spaCy model found (tried: {model or DEFAULT_MODELS})")


def entry_key(article: Article, model: str, options: Mapping[str, object] | None = None) -> str:
    """sha256 over the article's content hash and id, the tool, the model id and the options."""
    content = article.content_hash or hashlib.sha256(article.body.encode("utf-8")).hexdigest()
    parts = {
        "content": content,
        "article": article.id,
        "published": str(article.published),
        "tool": tool_fingerprint(),
        "model": model,
        "options": dict(options or {}),
    }
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    """Claims per article on disk, keyed by `entry_key`.

    `model` is the model id (see `resolve_model_id`; `engines.run` sets it to the model it
    uses); `options` anything else that changes the output (for example a future
    `--no-comments` flag). `hits` and `misses` count lookups, for the command's summary."""

    def __init__(
        self,
        directory: Path | str | None = None,
        model: str = "",
        options: Mapping[str, object] | None = None,
    ) -> None:
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()
        self.model = model
        self.options = dict(options or {})
        self.hits = 0
        self.misses = 0
        self._checked = False

    def key(self, article: Article) -> str:
        return entry_key(article, self.model, self.options)

    def path(self, key: str) -> Path:
        # Two-level fan-out keeps directories small on million-article corpora.
        return self.directory / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def get(self, article: Article) -> ArticleResult | None:
        """The cached result for this exact article, or None (missing, stale, edited or not an
        entry of this format: only data is read, rebuilt by type, never code)."""
        key = self.key(article)
        self.check_directory()
        try:
            entry = json.loads(self.path(key).read_bytes())
            claims, ledger_yaml = entry_payload(entry, key)
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        # The article itself comes from this run: its path may have moved, its text has not.
        return ArticleResult(article=article, claims=claims, ledger_yaml=ledger_yaml)

    def put(self, result: ArticleResult) -> None:
        """Store one article's claims atomically (a failed write only costs a re-parse later)."""
        key = self.key(result.article)
        path = self.path(key)
        try:
            self.check_directory()
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(entry_bytes(key, result))
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def check_directory(self) -> None:
        """Create the directory private, or refuse it (`CacheError`) when another user owns it
        or others may write to it: they could plant entries that claimcheck would trust.
        Checked once per `Cache`; `engines.run` calls it before any work starts."""
        if self._checked:
            return
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.directory.stat()
        except OSError:
            return  # an unusable cache only costs re-parsing; nothing can be read from it
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise CacheError(
                f"cache directory {self.directory} belongs to another user; choose another "
                "with --cache-dir or run with --no-cache"
            )
        if info.st_mode & stat.S_IWOTH:
            raise CacheError(
                f"cache directory {self.directory} is writable by others; make it private "
                f"(chmod 700 {self.directory}) or choose another with --cache-dir"
            )
        self._checked = True

    def clear(self) -> int:
        """Delete every entry (and only entries); returns how many were removed."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.glob(f"??/*{ENTRY_SUFFIX}"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed


def entry_bytes(key: str, result: ArticleResult) -> bytes:
    """One entry as JSON: its key, the claims as plain fields and the YAML fragment, with the
    sha256 of that content so a changed or truncated file is never taken for an entry."""
    content = {
        "key": key,
        "claims": [asdict(claim) for claim in result.claims],
        "ledger_yaml": result.ledger_yaml,
    }
    body = json.dumps(content, sort_keys=True, ensure_ascii=False, allow_nan=True)
    digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    entry = {"format": ENTRY_FORMAT, "sha256": digest, "content": content}
    return json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")


def entry_payload(entry: object, key: str) -> tuple[tuple[Claim, ...], str]:
    """The claims and YAML fragment of an entry read back, or `ValueError` (another format, a
    hash that does not match, another key) or `TypeError`/`KeyError` (a field of the wrong type)."""
    if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT:
        raise ValueError("not a cache entry of this format")
    content = entry["content"]
    body = json.dumps(content, sort_keys=True, ensure_ascii=False, allow_nan=True)
    if hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest() != entry["sha256"]:
        raise ValueError("content does not match its hash")
    if content["key"] != key or not isinstance(content["ledger_yaml"], str):
        raise ValueError("entry of another key")
    return tuple(claim_from_fields(fields) for fields in content["claims"]), content["ledger_yaml"]


def claim_from_fields(fields: dict) -> Claim:
    """A `Claim` from `asdict(claim)`, each field checked against the record's type."""
    frame = fields.get("frame")
    claim = Claim(
        **{
            **fields,
            "item": item_from_fields(fields["kind"], fields["item"]),
            "entities": tuple(fields["entities"]),
            "frame": None if frame is None else Frame(**_with_tuples(frame, "subject", "cues")),
        }
    )
    _check_types(claim)
    return claim


def _with_tuples(fields: dict, *names: str) -> dict:
    return {**fields, **{name: tuple(fields[name]) for name in names}}


def _check_types(claim: Claim) -> None:
    """JSON gives only strings, numbers, booleans, lists and null: an edited entry with a number
    where text belongs (or the reverse) is refused rather than passed on to the ledger."""
    texts = (claim.id, claim.article, claim.sentence, claim.item.text, *claim.entities)
    numbers = (claim.sentence_start, claim.sentence_end, claim.item.start, claim.item.end)
    if not all(isinstance(text, str) for text in texts):
        raise TypeError("text field is not a string")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        raise TypeError("offset is not an integer")
