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

Entries are pickles: only point the cache at a directory you own (as with any cache of Python
objects, a file planted there by someone else would be code run by claimcheck).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import spacy.util

from claimcheck import __version__
from claimcheck.extraction.pipeline import DEFAULT_MODELS, ModelNotFoundError, model_id
from claimcheck.model import Article, ArticleResult, Claim

CACHE_DIR_VARIABLE = "CLAIMCHECK_CACHE_DIR"
#: Bumped when the layout of an entry changes (what is pickled, not what it contains).
ENTRY_FORMAT = 2
ENTRY_SUFFIX = ".pickle"
PACKAGE_ROOT = Path(__file__).resolve().parent


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

    def key(self, article: Article) -> str:
        return entry_key(article, self.model, self.options)

    def path(self, key: str) -> Path:
        # Two-level fan-out keeps directories small on million-article corpora.
        return self.directory / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def get(self, article: Article) -> ArticleResult | None:
        """The cached result for this exact article, or None (missing, stale or unreadable)."""
        try:
            claims, ledger_yaml = pickle.loads(self.path(self.key(article)).read_bytes())
        except Exception:  # missing, truncated or foreign: unpickling can raise almost anything
            claims = ledger_yaml = None
        if not _is_claims(claims) or not isinstance(ledger_yaml, str):
            self.misses += 1
            return None
        self.hits += 1
        # The article itself comes from this run: its path may have moved, its text has not.
        return ArticleResult(article=article, claims=claims, ledger_yaml=ledger_yaml)

    def put(self, result: ArticleResult) -> None:
        """Store one article's claims atomically (a failed write only costs a re-parse later)."""
        path = self.path(self.key(result.article))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    entry = (tuple(result.claims), result.ledger_yaml)
                    pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def clear(self) -> int:
        """Delete every entry (and only entries); returns how many were removed."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.glob(f"??/*{ENTRY_SUFFIX}"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed


def _is_claims(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(claim, Claim) for claim in value)
