"""The library API behind every command: the CLI only parses options and formats output.

There is one extraction path: `claimcheck extract` calls `read_articles` then `extract_articles`
(or `extract`, which does both), with the same cache, engines and options a Python caller has.

```python
import claimcheck

run = claimcheck.extract(["data/articles"])
found = claimcheck.compare(run.ledger)
conflicts = [pair for pair in found.pairs if pair.verdict == "conflict"]
```
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from spacy.language import Language

from claimcheck.comparison.align import compare as align_claims
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.facts import build_comparison
from claimcheck.config import Settings
from claimcheck.errors import ArticleError
from claimcheck.evaluation.scoring import EvalReport, Gold, evaluate, load_gold
from claimcheck.extraction.pipeline import build_nlp, model_id
from claimcheck.extraction.pipeline import extract_articles as pipeline_extract
from claimcheck.io.articles import (
    STDIN_PATH,
    SUPPORTED_SUFFIXES,
    ReadResult,
    parse_published,
    read_folder,
    read_inputs,
)
from claimcheck.io.ledger import Ledger, results_to_ledger
from claimcheck.io.readers.walk import matches
from claimcheck.model import Article, ArticleResult, Claim, Comparison, PartialDate, ReadError

#: Metadata a caller may give the article read from stdin (a pasted text has no front matter).
STDIN_FIELDS = ("published", "outlet", "title", "url")


@dataclass(frozen=True)
class ExtractionRun:
    """Results in input order, the id of the model that made them, how many came from the cache,
    and the articles whose extraction failed or ran out of time (left out of `results`)."""

    results: list[ArticleResult]
    model: str
    cache_hits: int = 0
    failed: list[ReadError] = field(default_factory=list)


@dataclass(frozen=True)
class Extraction:
    """What `extract` returns: the ledger, what was read (and skipped), the raw results, and the
    articles read but whose extraction failed (not in the ledger)."""

    ledger: Ledger
    read: ReadResult
    results: list[ArticleResult]
    model: str
    cache_hits: int = 0
    failed: list[ReadError] = field(default_factory=list)


def read_articles(
    sources: Sequence[str | Path],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    strict: bool = False,
    stdin: TextIO | None = None,
    stdin_metadata: Mapping[str, str | None] | None = None,
) -> ReadResult:
    """Read folders, files and `-` (stdin); `stdin_metadata` (published, outlet, title, url)
    fills in the stdin article's fields, so relative dates in a pasted text can be resolved."""
    fields = stdin_fields(sources, stdin_metadata)
    read = read_inputs(sources, include=include, exclude=exclude, stdin=stdin, strict=strict)
    if not fields:
        return read
    articles = [replace(a, **fields) if a.path == STDIN_PATH else a for a in read.articles]
    return ReadResult(articles=articles, errors=read.errors, warnings=read.warnings)


def stdin_fields(
    sources: Sequence[str | Path], metadata: Mapping[str, str | None] | None
) -> dict[str, object]:
    """The article fields `metadata` sets for the stdin article, checked: `ArticleError` for an
    unknown field, a date that is not one, or metadata without `-` among the sources."""
    given = {name: value for name, value in (metadata or {}).items() if value is not None}
    unknown = sorted(set(given) - set(STDIN_FIELDS))
    if unknown:
        raise ArticleError(f"unknown stdin field(s) {', '.join(unknown)}")
    if given and "-" not in [str(s) for s in sources]:
        names = ", ".join(f"--{name}" for name in given)
        raise ArticleError(f"{names} applies only to an article read from stdin (`-`)")
    fields: dict[str, object] = dict(given)
    if "published" in given:
        try:
            fields["published"] = parse_published(given["published"])
        except ValueError as error:
            raise ArticleError(str(error)) from None
    return fields


def ignored_files(
    sources: Sequence[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[Path]:
    """Files in the source folders that claimcheck does not read (.docx, .pdf, images): counted
    and named, so a folder of the wrong kind of file does not give an empty ledger in silence.
    Hidden files and `--exclude`d ones are left out, as the readers leave them out."""
    ignored: list[Path] = []
    for source in sources:
        root = Path(source)
        if str(source) == "-" or not root.is_dir():
            continue
        for folder, folders, files in os.walk(root, followlinks=False):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                path = Path(folder, name)
                relative = path.relative_to(root)
                if name.startswith(".") or path.suffix.lower() in SUPPORTED_SUFFIXES:
                    continue
                if (exclude and matches(relative, exclude)) or (
                    include and not matches(relative, include)
                ):
                    continue
                ignored.append(path)
    return ignored


def extract_articles(
    articles: Sequence[Article],
    model: str | None = None,
    nlp: Language | None = None,
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
    progress: Callable[[int], None] | None = None,
    strict: bool = False,
    time_limit: float | None = None,
    settings: Settings | None = None,
) -> ExtractionRun:
    """Extract claims from `articles` with one process, `workers` processes or Ray; unchanged
    articles come from the cache (see `claimcheck.io.cache`) unless `use_cache` is False.
    An article whose extraction fails is named in `failed` (with `strict`, `ArticleFailedError`
    stops the run there) so one bad article never costs the others; `time_limit` is the seconds
    one article may take before it is failed that way (default `io.engines.ARTICLE_SECONDS`).
    `settings` (`read_settings`) gives the components their thresholds; the cache keeps the
    results of other settings apart."""
    from claimcheck.io.cache import Cache, resolve_model_id
    from claimcheck.io.engines import ARTICLE_SECONDS, run

    components = settings.components if settings is not None else {}
    single = engine == "local" and workers == 1
    if nlp is None and single:
        nlp = build_nlp(model, components)
    model_name = model_id(nlp) if nlp is not None else resolve_model_id(model)
    options = {"components": components} if components else None
    cache = Cache(cache_dir, options=options) if use_cache else None
    results = run(
        articles,
        model=model,
        workers=workers,
        engine=engine,  # type: ignore[arg-type]
        ray_address=ray_address,
        cache=cache,
        progress=progress,
        nlp=nlp,
        budget=time_limit or ARTICLE_SECONDS,
        strict=strict,
        components=components,
    )
    failed = [ReadError(r.article.path, r.error) for r in results if r.error is not None]
    done = [result for result in results if result.error is None]
    return ExtractionRun(done, model_name, cache.hits if cache is not None else 0, failed)


def extract(
    sources: Sequence[str | Path],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    strict: bool = False,
    model: str | None = None,
    nlp: Language | None = None,
    workers: int = 1,
    use_cache: bool = True,
    cache_dir: Path | str | None = None,
    stdin: TextIO | None = None,
    stdin_metadata: Mapping[str, str | None] | None = None,
    settings: Settings | None = None,
) -> Extraction:
    """Read `sources` (folders, files, `-`) and extract their claims: what `claimcheck extract`
    does, without writing the ledger (`claimcheck.io.ledger.write_ledger` does that).
    `settings` (from `read_settings`) sets the components' thresholds."""
    read = read_articles(sources, include, exclude, strict, stdin, stdin_metadata)
    run = extract_articles(
        read.articles,
        model,
        nlp,
        workers,
        cache_dir=cache_dir,
        use_cache=use_cache,
        strict=strict,
        settings=settings,
    )
    ledger = results_to_ledger(run.results, run.model)
    return Extraction(ledger, read, run.results, run.model, run.cache_hits, run.failed)


class Extractor:
    """claimcheck's pipeline loaded once, for claims from texts held in memory (a pasted
    article, a database row): `Extractor()("...", published="2018-09")` gives the claims the
    ledger would list for that text. `settings` (`read_settings`) sets component thresholds;
    `nlp` reuses a pipeline already built."""

    def __init__(
        self,
        model: str | None = None,
        settings: Settings | None = None,
        nlp: Language | None = None,
    ) -> None:
        components = settings.components if settings is not None else None
        self.nlp = nlp or build_nlp(model, components)

    def __call__(
        self, text: str, published: str | PartialDate | None = None, article_id: str = "text"
    ) -> list[Claim]:
        """The claims of one text; `published` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) resolves its
        relative dates ("last month"). `ArticleError` for a date that is not one."""
        try:
            when = PartialDate.parse(published) if isinstance(published, str) else published
        except ValueError as error:
            raise ArticleError(str(error)) from None
        article = Article(id=article_id, path=article_id, body=text, published=when)
        [result] = pipeline_extract([article], self.nlp)
        return list(result.claims)


def extract_folder(
    folder: Path | str, nlp: Language | None = None, model: str | None = None
) -> tuple[Ledger, ReadResult]:
    """Extract the claims of every article under `folder`; also returns what could not be read.
    (The shorter form of `extract`, without the cache.)"""
    if not Path(folder).exists():
        raise ArticleError(f"no such file or folder: {folder}")
    found = extract([folder], nlp=nlp, model=model, use_cache=False)
    return found.ledger, found.read


def compare(ledger: Ledger, config: CompareConfig | Settings | None = None) -> Comparison:
    """The facts the ledger's articles state, and the pairs of claims (from different articles)
    that join them, each with its verdict and the id of its fact. `config` holds every
    threshold and weight (`CompareConfig`'s defaults when None), or the `Settings` a config
    file gives."""
    if isinstance(config, Settings):
        config = config.compare
    pairs = align_claims(ledger.claims, ledger.articles, config)
    return build_comparison(pairs, ledger.articles)


def with_gold_dates(read: ReadResult, gold: Gold) -> ReadResult:
    """Articles with the publication dates the gold file sets (the gold overrides metadata)."""
    articles = [replace(a, published=gold.published(a.id) or a.published) for a in read.articles]
    return ReadResult(articles=articles, errors=read.errors, warnings=read.warnings)


def evaluate_folder(
    folder: Path | str,
    gold_path: Path | str,
    nlp: Language | None = None,
    model: str | None = None,
    with_relations: bool | None = None,
) -> tuple[EvalReport, Sequence[ArticleResult]]:
    """Extract `folder` and score it against a gold file (relations too when it has any)."""
    gold = load_gold(Path(gold_path))
    read = with_gold_dates(read_folder(Path(folder)), gold)
    nlp = nlp or build_nlp(model)
    results = list(pipeline_extract(read.articles, nlp))
    pairs = None
    if with_relations if with_relations is not None else bool(gold.relations):
        pairs = list(compare(results_to_ledger(results)).pairs)
    return evaluate(results, gold, pairs), results
