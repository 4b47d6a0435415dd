"""Every engine returns what one process returns: same results, same order, same ledger."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from claimcheck.extraction.pipeline import extract_articles, model_id
from claimcheck.io import engines
from claimcheck.io.articles import read_folder
from claimcheck.io.ledger import dumps, ledger_document
from claimcheck.model import Article, PartialDate

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"

#: Short articles written for these tests: every kind of claim, with and without a publication
#: date, a multi-paragraph text, and one that is a single sentence.
WRITTEN = {
    "harbor-dredging": (
        "The port authority will spend $12 million to dredge the harbor, its director said.\n\n"
        '"This keeps 3,000 jobs in the city," said director Lena Okafor. '
        "The work starts in March 2024.\n"
    ),
    "harbor-dredging-2": (
        "According to the port authority, dredging will cost about $15 million and take "
        "18 months.\n"
    ),
    "one-line": "Officials said 250 homes lost power on 4 July 2022.\n",
}


def written_articles() -> list[Article]:
    return [
        Article(
            id=name,
            path=f"{name}.md",
            body=text,
            published=PartialDate(2023, 6) if name == "harbor-dredging" else None,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        for name, text in WRITTEN.items()
    ]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return read_folder(DEMO_ARTICLES).articles + written_articles()


@pytest.fixture(scope="module")
def plain(articles, nlp):
    return list(extract_articles(articles, nlp))


def ledger_text(results, nlp) -> str:
    return dumps(ledger_document(results, model_id(nlp)), "yaml")


def test_single_process_matches_the_pipeline(articles, plain, nlp):
    results = engines.run(articles, nlp=nlp)
    assert results == plain
    assert [result.article.id for result in results] == [article.id for article in articles]


def test_two_workers_give_the_same_results_in_input_order(articles, plain, nlp):
    progress: list[int] = []
    results = engines.run(articles, workers=2, progress=progress.append)
    assert results == plain
    assert ledger_text(results, nlp) == ledger_text(plain, nlp)
    assert sum(progress) == len(articles)


def test_chunks_are_consecutive_and_cover_every_article():
    items = [f"a{i}" for i in range(1000)]
    chunks = engines.chunked(items, workers=2)
    assert [item for chunk in chunks for item in chunk] == items
    assert max(len(chunk) for chunk in chunks) <= engines.MAX_CHUNK_ARTICLES
    assert len(engines.chunked(items[:3], workers=4)) == 3


def test_nothing_to_do_starts_nothing():
    assert engines.run([], workers=2) == []
    assert engines.run([], engine="ray") == []


def test_bad_arguments_are_refused(articles):
    with pytest.raises(ValueError, match="workers"):
        engines.run(articles, workers=0)
    with pytest.raises(ValueError, match="engine"):
        engines.run(articles, engine="spark")  # type: ignore[arg-type]


def test_ray_missing_says_how_to_install_it(articles, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(engines.EngineUnavailableError, match=r"claimcheck\[ray\]"):
        engines.run(articles, engine="ray")


def test_ray_writes_the_same_ledger(articles, plain, nlp):
    pytest.importorskip("ray.data")
    results = engines.run(articles, workers=2, engine="ray")
    assert results == plain
    assert ledger_text(results, nlp) == ledger_text(plain, nlp)


#: People who share a surname, each later called by the surname alone: which full name the
#: surname resolves to must not depend on the process (its hash seed), or workers disagree.
SHARED_SURNAMES = (
    "Paul Weitz and Chris Weitz directed the film. Weitz said it cost $40 million.\n\n"
    "Venus Williams beat Serena Williams in 2001. Williams said 20,000 fans watched.\n\n"
    "David Miliband lost to Ed Miliband in 2010. Miliband said 175,000 members voted.\n\n"
    "Jeb Bush praised George Bush in March 2015. Bush said the campaign raised $114 million.\n"
)


def test_shared_surnames_resolve_the_same_in_every_worker(nlp):
    articles = [
        Article(id=f"surnames-{n}", path="", body=SHARED_SURNAMES, content_hash=str(n))
        for n in range(4)
    ]
    assert engines.run(articles, workers=2) == list(extract_articles(articles, nlp))


def test_an_article_that_fails_or_stalls_is_reported_and_the_others_extracted(
    nlp, monkeypatch
) -> None:
    import time

    real = engines.extract_articles

    def hostile(articles, nlp, **kwargs):
        for article in articles:
            if article.id == "boom":
                raise ValueError("year 10000 is out of range")
            if article.id == "stall":
                time.sleep(30)  # interrupted by the one-second budget below
        yield from real(articles, nlp, **kwargs)

    monkeypatch.setattr(engines, "extract_articles", hostile)
    articles = [
        Article(id=name, path=f"{name}.md", body="Mexico paid $20 million in 2019.")
        for name in ("a", "boom", "stall", "z")
    ]
    results = engines.run(articles, nlp=nlp, budget=1.0)
    assert [r.error is None for r in results] == [True, False, False, True]
    assert "ValueError: year 10000" in results[1].error
    assert "took more than 1 s" in results[2].error
    assert results[0].claims and results[3].claims
    with pytest.raises(engines.ArticleFailedError, match=r"boom\.md"):
        engines.run(articles, nlp=nlp, budget=1.0, strict=True)
