"""The incremental cache: a re-run parses only new or changed articles, never a stale entry."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.errors import CacheError
from claimcheck.io import engines
from claimcheck.io.cache import CACHE_DIR_VARIABLE, Cache, default_cache_dir, entry_key
from claimcheck.model import Article, ArticleResult, Claim, Money, PartialDate

ARTICLE_TEXT = """The city council approved a $4.2 million budget on Tuesday, the mayor said.
"We will hire 40 more teachers," said Mayor Ana Ruiz.
"""


def make_article(article_id: str = "gazette-budget", text: str = ARTICLE_TEXT) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id=article_id,
        path=f"/news/{article_id}.md",
        body=text,
        outlet="Example Gazette",
        published=PartialDate(2024, 3, 5),
        content_hash=digest,
    )


def make_result(article: Article) -> ArticleResult:
    money = Money(text="$4.2 million", start=32, end=44, value=4_200_000.0, currency="USD")
    claim = Claim(
        id=f"{article.id}:money:32",
        article=article.id,
        kind="money",
        item=money,
        sentence="The city council approved a $4.2 million budget on Tuesday, the mayor said.",
        sentence_start=0,
        sentence_end=75,
        entities=("city council",),
    )
    return ArticleResult(article=article, claims=(claim,))


def test_default_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "claimcheck"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "explicit"))
    assert default_cache_dir() == tmp_path / "explicit"
    assert Cache().directory == tmp_path / "explicit"
    assert Cache(tmp_path / "argument").directory == tmp_path / "argument"
    monkeypatch.delenv(CACHE_DIR_VARIABLE)
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "claimcheck"


def test_key_covers_everything_that_changes_the_output():
    article = make_article()
    key = entry_key(article, "en_core_web_sm-3.8.0", {"sections": True})
    assert key == entry_key(make_article(), "en_core_web_sm-3.8.0", {"sections": True})
    edited = make_article(text=ARTICLE_TEXT.replace("$4.2 million", "$4.5 million"))
    variants = [
        entry_key(edited, "en_core_web_sm-3.8.0", {"sections": True}),
        entry_key(make_article("other-id"), "en_core_web_sm-3.8.0", {"sections": True}),
        entry_key(article, "en_core_web_md-3.8.0", {"sections": True}),
        entry_key(article, "en_core_web_sm-3.7.1", {"sections": True}),
        entry_key(article, "en_core_web_sm-3.8.0", {"sections": False}),
        entry_key(replace(article, published=None), "en_core_web_sm-3.8.0", {"sections": True}),
    ]
    assert len({key, *variants}) == len(variants) + 1


def test_an_entry_round_trips_and_keeps_the_current_article(tmp_path):
    cache = Cache(tmp_path, model="en_core_web_sm-3.8.0")
    article = make_article()
    cache.put(make_result(article))
    moved = replace(article, path="/elsewhere/gazette-budget.md")
    cached = cache.get(moved)
    assert cached == make_result(moved)
    assert (cache.hits, cache.misses) == (1, 0)
    assert not list(tmp_path.rglob("*.tmp")), "the temporary file must be renamed into place"


def test_a_changed_article_or_model_misses(tmp_path):
    Cache(tmp_path, model="en_core_web_sm-3.8.0").put(make_result(make_article()))
    edited = make_article(text=ARTICLE_TEXT.replace("40 more", "45 more"))
    assert Cache(tmp_path, model="en_core_web_sm-3.8.0").get(edited) is None
    assert Cache(tmp_path, model="en_core_web_lg-3.8.0").get(make_article()) is None
    assert Cache(tmp_path, model="en_core_web_sm-3.8.0").get(make_article()) is not None


@pytest.mark.parametrize("content", [b"", b"not json", b"\x80\x05N.", b"{}", b"[1, 2]"])
def test_a_corrupt_entry_is_ignored(tmp_path, content):
    cache = Cache(tmp_path, model="m-1")
    article = make_article()
    path = cache.path(cache.key(article))
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert cache.get(article) is None
    cache.put(make_result(article))
    assert cache.get(article) == make_result(article)


def test_clear_removes_entries_only(tmp_path):
    cache = Cache(tmp_path, model="m-1")
    cache.put(make_result(make_article()))
    cache.put(make_result(make_article("second")))
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    assert cache.clear() == 2
    assert keep.exists()
    assert cache.get(make_article()) is None


def test_a_rerun_parses_only_new_or_changed_articles(nlp, tmp_path):
    articles = [
        make_article("budget"),
        make_article("schools", ARTICLE_TEXT.replace("budget", "school plan")),
        make_article("transit", ARTICLE_TEXT.replace("council", "transit board")),
    ]
    plain = engines.run(articles, nlp=nlp)
    cold = Cache(tmp_path)
    assert engines.run(articles, nlp=nlp, cache=cold) == plain
    assert (cold.hits, cold.misses) == (0, 3)

    warm = Cache(tmp_path)
    assert engines.run(articles, nlp=nlp, cache=warm) == plain
    assert (warm.hits, warm.misses) == (3, 0)

    articles[1] = make_article("schools", ARTICLE_TEXT.replace("$4.2 million", "€9 billion"))
    articles.append(make_article("parks", ARTICLE_TEXT.replace("teachers", "park rangers")))
    daily = Cache(tmp_path)
    progress: list[int] = []
    assert engines.run(articles, nlp=nlp, cache=daily, progress=progress.append) == engines.run(
        articles, nlp=nlp
    )
    assert (daily.hits, daily.misses) == (2, 2)
    assert sum(progress) == len(articles)


def test_a_planted_pickle_is_never_run(tmp_path):
    cache = Cache(tmp_path, model="m-1")
    article = make_article()
    marker = tmp_path / "ran"
    path = cache.path(cache.key(article))
    path.parent.mkdir(parents=True)

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path.write_bytes(pickle.dumps(Planted()))
    assert cache.get(article) is None
    assert not marker.exists()


def test_entries_are_json_data_with_a_version_and_hash(tmp_path):
    cache = Cache(tmp_path, model="m-1")
    cache.put(make_result(make_article()))
    (entry_path,) = tmp_path.rglob("*.json")
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    assert entry["format"] >= 3
    assert len(entry["sha256"]) == 64
    assert entry["content"]["claims"][0]["item"]["value"] == 4_200_000.0


def rewrite_entry(path: Path, edit, rehash: bool) -> None:
    entry = json.loads(path.read_text(encoding="utf-8"))
    edit(entry["content"])
    if rehash:
        body = json.dumps(entry["content"], sort_keys=True, ensure_ascii=False)
        entry["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    path.write_text(json.dumps(entry), encoding="utf-8")


def set_value(content: dict, value: object) -> None:
    content["claims"][0]["item"]["value"] = value


@pytest.mark.parametrize(
    ("edit", "rehash"),
    [
        (lambda content: set_value(content, 9_999.0), False),  # an edited figure
        (lambda content: content["claims"][0].update(start="0"), True),  # an unknown field
        (lambda content: content["claims"][0].update(sentence_start="0"), True),  # a wrong type
        (lambda content: content["claims"][0].update(kind="pickle"), True),  # an unknown kind
        (lambda content: content.update(key="0" * 64), True),  # another article's entry
    ],
)
def test_an_edited_entry_never_reaches_the_ledger(tmp_path, edit, rehash):
    cache = Cache(tmp_path, model="m-1")
    article = make_article()
    cache.put(make_result(article))
    (entry_path,) = tmp_path.rglob("*.json")
    rewrite_entry(entry_path, edit, rehash)
    assert cache.get(article) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix permissions")
def test_a_cache_directory_others_can_write_is_refused(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(CacheError, match="writable by others"):
        engines.run([make_article()], nlp=object(), cache=Cache(shared))
    shared.chmod(0o700)
    fresh = Cache(tmp_path / "new")
    fresh.put(make_result(make_article()))
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_directory_of_another_user_is_refused(tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chown(theirs, 65534, 65534)
    with pytest.raises(CacheError, match="another user"):
        Cache(theirs).get(make_article())


def test_an_edited_rule_anywhere_in_the_package_is_a_new_tool(monkeypatch, tmp_path):
    """A development checkout keeps its version number while its rules change: an edit to a
    component (not only to the cache's own folder) must retire every cached entry."""
    import shutil

    from claimcheck.io import cache

    copy = tmp_path / "claimcheck"
    shutil.copytree(cache.PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert (copy / "extraction" / "quantities.py").is_file()
    monkeypatch.setattr(cache, "PACKAGE_ROOT", copy)
    before = cache.tool_fingerprint.__wrapped__()
    rule = copy / "extraction" / "quantities.py"
    rule.write_text(rule.read_text() + "\n# an edited rule\n")
    assert cache.tool_fingerprint.__wrapped__() != before
