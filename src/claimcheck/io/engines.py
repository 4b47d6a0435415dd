"""How articles go through the pipeline: one process, a local process pool, or a Ray cluster.

Every engine runs the same unit of work, `pipeline.extract_articles(articles, nlp)`, and returns
`ArticleResult`s in input order, so the ledger is byte-identical whichever engine made it.

Why a process pool and not spaCy's `n_process`: `nlp.pipe(n_process=N)` sends Docs back through
msgpack, which cannot carry claimcheck's Doc extensions (frozen dataclasses), and the parent would
re-pickle them anyway. Sending articles out and `ArticleResult`s back (small, picklable) costs
little next to parsing. Each worker loads the model once, in its initializer.

Ray (`pip install 'claimcheck[ray]'`) runs the same work through Ray Data: `map_batches` with a
callable class, so each Ray actor loads the model once. With no address, the command starts a
private local Ray with `workers` CPUs and stops it afterwards; with `ray_address` it joins an
existing cluster, whose nodes must have claimcheck and the model installed.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Literal

from spacy.language import Language

from claimcheck.errors import ArticleFailedError, EngineUnavailableError
from claimcheck.extraction.pipeline import (
    ComponentSettings,
    build_nlp,
    extract_articles,
    model_id,
)
from claimcheck.io.cache import Cache, resolve_model_id
from claimcheck.io.ledger import with_ledger_yaml
from claimcheck.model import Article, ArticleResult

Engine = Literal["local", "ray"]
ENGINES: tuple[str, ...] = ("local", "ray")
#: Docs per `nlp.pipe` batch inside a worker.
BATCH_SIZE = 32
#: Chunks per worker: enough for long and short articles to even out, few enough that the
#: per-chunk overhead (pickling, scheduling) stays negligible.
CHUNKS_PER_WORKER = 8
MAX_CHUNK_ARTICLES = 64
#: Chunks submitted ahead of the one being read, per worker: bounds memory on huge corpora.
IN_FLIGHT_PER_WORKER = 3
#: "forkserver" forks workers from a clean server process that has already imported spaCy: as
#: fast to start as "fork", without forking a parent's threads.
START_METHOD = "forkserver"
PRELOAD_MODULES = ["claimcheck.extraction.pipeline"]
RAY_INSTALL_HINT = "The ray engine needs Ray: pip install 'claimcheck[ray]'"

#: Seconds one article may spend in the pipeline before it is reported and skipped. A long news
#: article takes well under a second; a megabyte of real text about ten. Only a pathological
#: input (a flood of one character, a runaway pattern) gets near this.
ARTICLE_SECONDS = 60.0
#: Longest part of an exception's message repeated in a report (hostile input can make it huge).
MAX_REASON_CHARS = 200

Progress = Callable[[int], None]


class ArticleTimeoutError(Exception):
    """An article used up its time budget (raised from the SIGALRM handler)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `ArticleTimeoutError` in the code running when `seconds` have passed.

    A SIGALRM timer: it interrupts Python code and the `re` module alike (both check for
    signals), so needs the main thread of a Unix process, which the single-process engine and
    every pool worker are; elsewhere (a Ray actor thread, Windows) there is no limit."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_guarded(
    articles: Sequence[Article],
    nlp: Language,
    batch_size: int = BATCH_SIZE,
    budget: float | None = ARTICLE_SECONDS,
) -> Iterator[ArticleResult]:
    """`extract_articles` with the article as the boundary of every failure.

    Articles go through `nlp.pipe` a batch at a time (batching is what makes the parser fast);
    when a batch raises or runs out of time, its articles are run again one by one, each with
    its own budget, so only the article at fault comes back as a failed result (with `error`
    set) and the others are extracted as usual."""
    articles = list(articles)
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        results: list[ArticleResult] = []
        try:
            with time_limit(budget):
                results.extend(extract_articles(batch, nlp, batch_size=batch_size))
        except Exception:  # the articles not finished are retried one by one below
            results += [extract_one(article, nlp, budget) for article in batch[len(results) :]]
        except BaseException:
            yield from results  # Ctrl-C: what is finished still reaches the cache
            raise
        yield from results


def extract_one(article: Article, nlp: Language, budget: float | None) -> ArticleResult:
    """One article's claims, or a failed result saying why (never raises for a bad article)."""
    try:
        with time_limit(budget):
            return next(iter(extract_articles([article], nlp)))
    except ArticleTimeoutError:
        return ArticleResult(article=article, error=f"took more than {budget:g} s; skipped")
    except Exception as error:  # the article boundary: report it and go on
        return ArticleResult(article=article, error=f"extraction failed: {short_reason(error)}")


def short_reason(error: BaseException) -> str:
    """`Type: message`, the message cut: a hostile input must not flood the terminal."""
    message = str(error)
    if len(message) > MAX_REASON_CHARS:
        message = message[:MAX_REASON_CHARS] + "..."
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def run(
    articles: Iterable[Article],
    model: str | None = None,
    workers: int = 1,
    engine: Engine = "local",
    ray_address: str | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
    budget: float | None = ARTICLE_SECONDS,
    strict: bool = False,
    components: ComponentSettings | None = None,
) -> list[ArticleResult]:
    """Extract every article, in input order, through the chosen engine.

    `progress` is called with the number of articles just finished (cache hits at once).
    `nlp`, when given, is used instead of loading `model` in the single-process engine; the
    engines that load it build it with the component settings `components`.
    With a `cache`, only articles without a valid entry are parsed, and their results stored.
    An article whose extraction raises or takes more than `budget` seconds comes back with
    `error` set (and is not cached); with `strict`, `ArticleFailedError` stops the run there.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    articles = list(articles)
    results: list[ArticleResult | None] = [None] * len(articles)
    todo = list(range(len(articles)))
    if cache is not None:
        cache.check_directory()  # a directory it will not trust is refused before any work
        # Keyed by the model this run really uses (read from its meta.json, not loaded here).
        cache.model = model_id(nlp) if nlp is not None else resolve_model_id(model)
        todo = _fill_from_cache(articles, results, cache, progress)
    pending = [articles[index] for index in todo]
    if engine == "ray":
        fresh = run_ray(pending, model, workers, ray_address, progress, budget, components)
    elif workers == 1 or len(pending) <= 1:
        fresh = run_local(pending, model, nlp, progress, budget, components)
    else:
        fresh = run_pool(pending, model, workers, progress, budget, components)
    for index, result in zip(todo, fresh, strict=True):
        if result.error is not None:
            if strict:
                raise ArticleFailedError(f"{result.article.path}: {result.error}")
            results[index] = result
            continue
        if cache is not None:
            result = with_ledger_yaml(result)  # made once, kept for every later run
            cache.put(result)
        results[index] = result
    return results  # type: ignore[return-value]  (every slot is filled above)


def _fill_from_cache(
    articles: Sequence[Article],
    results: list[ArticleResult | None],
    cache: Cache,
    progress: Progress | None,
) -> list[int]:
    """Put cached results in place; return the indexes still to parse."""
    todo = []
    for index, article in enumerate(articles):
        results[index] = cache.get(article)
        if results[index] is None:
            todo.append(index)
    if progress and len(todo) < len(articles):
        progress(len(articles) - len(todo))
    return todo


def run_local(
    articles: Sequence[Article],
    model: str | None = None,
    nlp: Language | None = None,
    progress: Progress | None = None,
    budget: float | None = ARTICLE_SECONDS,
    components: ComponentSettings | None = None,
) -> Iterator[ArticleResult]:
    """One process: the reference every other engine must reproduce."""
    if not articles:
        return iter(())
    nlp = nlp or build_nlp(model, components)
    return _with_progress(extract_guarded(articles, nlp, BATCH_SIZE, budget), progress)


def _with_progress(
    results: Iterable[ArticleResult], progress: Progress | None
) -> Iterator[ArticleResult]:
    for result in results:
        if progress:
            progress(1)
        yield result


# -- local process pool ----------------------------------------------------------------------

_worker_nlp: Language | None = None
#: prctl(2) option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1
#: How often a worker without pidfd support checks that the command is still running.
WATCHDOG_SECONDS = 1.0


def _load_worker_model(
    model: str | None, parent: int | None = None, components: ComponentSettings | None = None
) -> None:
    global _worker_nlp
    if parent is not None:
        die_with(parent)
    _worker_nlp = build_nlp(model, components)


def die_with(parent: int) -> None:
    """End this worker when the command that started it ends, even by `kill -9`.

    A pool worker blocks reading its task queue, whose write end it also holds, so it never
    sees the command go: killed workers were left running with the model loaded (400 MB).
    Two guards: the parent-death signal (the worker's parent is the forkserver) and a daemon
    thread that waits for the command's process itself to exit (a pidfd, else polling)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch, args=(parent,), name="claimcheck-watchdog", daemon=True).start()


def _watch(parent: int) -> None:
    """Return never while `parent` runs; end the process at once when it has exited."""
    try:
        descriptor = os.pidfd_open(parent)
    except (AttributeError, OSError):
        descriptor = None
    if descriptor is not None:
        select.select([descriptor], [], [])  # readable once the process has exited
    else:
        while _alive(parent):
            time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _extract_chunk(articles: list[Article], budget: float | None) -> list[ArticleResult]:
    assert _worker_nlp is not None, "worker initializer did not run"
    # The ledger's YAML for these claims is made here, in parallel, not in the parent.
    results = extract_guarded(articles, _worker_nlp, BATCH_SIZE, budget)
    return [with_ledger_yaml(result) for result in results]


def chunked(items: Sequence[Article], workers: int) -> list[list[Article]]:
    """Consecutive chunks, about `CHUNKS_PER_WORKER` per worker, never more than the cap."""
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    size = max(1, min(MAX_CHUNK_ARTICLES, size))
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def run_pool(
    articles: Sequence[Article],
    model: str | None,
    workers: int,
    progress: Progress | None = None,
    budget: float | None = ARTICLE_SECONDS,
    components: ComponentSettings | None = None,
) -> Iterator[ArticleResult]:
    """`workers` processes, each loading the model once; results streamed in input order."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(PRELOAD_MODULES)
    chunks = chunked(articles, workers)
    workers = min(workers, len(chunks))
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_load_worker_model,
        initargs=(model, os.getpid(), components),
    ) as pool:
        in_flight: deque[Future[list[ArticleResult]]] = deque()
        queued = iter(chunks)
        for chunk in queued:
            in_flight.append(pool.submit(_extract_chunk, chunk, budget))
            if len(in_flight) >= workers * IN_FLIGHT_PER_WORKER:
                break
        while in_flight:
            done = in_flight.popleft().result()
            next_chunk = next(queued, None)
            if next_chunk is not None:
                in_flight.append(pool.submit(_extract_chunk, next_chunk, budget))
            if progress:
                progress(len(done))
            yield from done


# -- Ray -------------------------------------------------------------------------------------


class RayExtractor:
    """A Ray Data callable class: constructed once per actor, so the model loads once per
    worker. Rows carry pickled articles (Arrow has no type for our dataclasses)."""

    def __init__(
        self,
        model: str | None,
        budget: float | None = ARTICLE_SECONDS,
        components: ComponentSettings | None = None,
    ) -> None:
        self.nlp = build_nlp(model, components)
        self.budget = budget

    def __call__(self, batch: dict) -> dict:
        articles = [pickle.loads(blob) for blob in batch["article"]]
        results = extract_guarded(articles, self.nlp, BATCH_SIZE, self.budget)
        return {
            "index": batch["index"],
            "result": [pickle.dumps(result) for result in results],
        }


def quiet_ray_data(context) -> None:
    """Ray Data's progress bars and INFO lines would interleave with claimcheck's own output."""
    context.enable_progress_bars = False
    if hasattr(context, "print_on_execution_start"):
        context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def run_ray(
    articles: Sequence[Article],
    model: str | None,
    workers: int,
    address: str | None = None,
    progress: Progress | None = None,
    budget: float | None = ARTICLE_SECONDS,
    components: ComponentSettings | None = None,
) -> list[ArticleResult]:
    """Ray Data `map_batches` over the articles, on a local Ray (started and stopped here, with
    `workers` CPUs) or on the cluster at `address` (one actor per CPU unless `workers` > 1)."""
    if not articles:
        return []
    try:
        import ray
        import ray.data
    except ImportError:
        raise EngineUnavailableError(RAY_INSTALL_HINT) from None
    started = not ray.is_initialized()
    if started:
        options = {"address": address} if address else {"num_cpus": workers}
        ray.init(**options, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        quiet_ray_data(ray.data.DataContext.get_current())
        actors = workers
        if address and workers == 1:
            actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
        rows = [{"index": i, "article": pickle.dumps(a)} for i, a in enumerate(articles)]
        dataset = ray.data.from_items(rows, override_num_blocks=len(chunked(articles, actors)))
        dataset = dataset.map_batches(
            RayExtractor,
            fn_constructor_kwargs={"model": model, "budget": budget, "components": components},
            batch_size=BATCH_SIZE,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
        results: list[ArticleResult | None] = [None] * len(articles)
        for batch in dataset.iter_batches(batch_format="numpy", batch_size=None):
            for index, blob in zip(batch["index"], batch["result"], strict=True):
                results[int(index)] = pickle.loads(blob)
            if progress:
                progress(len(batch["index"]))
        return results  # type: ignore[return-value]
    finally:
        if started:
            ray.shutdown()
