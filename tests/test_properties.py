"""Properties that must hold for any input, checked on generated ones (hypothesis).

Reading never raises on any bytes, ids never escape the output folder, and every claim the
pipeline extracts points at its own text inside its article, the same way on every run.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimcheck.extraction.pipeline import extract_articles
from claimcheck.io.articles import ArticleError, read_inputs, safe_article_id
from claimcheck.io.readers.common import body_text
from claimcheck.io.readers.html import parse_html_article
from claimcheck.io.readers.jsonl import read_jsonl_stream
from claimcheck.io.readers.text import parse_text_article
from claimcheck.model import Article

QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "``", "''", "「", "」"]
NEWS_FRAGMENTS = [
    "$20 million",
    "€3.5bn",
    "about 17,000 people",
    "more than 40%",
    "on Tuesday",
    "last week",
    "in September 2018",
    "said",
    ", the minister said.",
    "according to Reuters",
    "Mr. López Obrador",
    " told reporters",
    "\n\n",
    "\n",
    ".",
    "—",
    "...",
]
fragments = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(NEWS_FRAGMENTS),
    st.text(max_size=12),
    st.text(alphabet="abcdefghij ", min_size=200, max_size=600),  # a long line
)
news_like_text = st.lists(fragments, max_size=25).map(" ".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30)
)
front_matter_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner)
)
front_matter = st.dictionaries(
    st.sampled_from(["id", "title", "outlet", "url", "published", "other"]) | st.text(max_size=8),
    front_matter_values,
    max_size=6,
)
SMALL = settings(max_examples=50, deadline=None)
PIPELINE = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- reading never raises -------------------------------------------------------------------


@SMALL
@given(text=news_like_text)
def test_any_text_reads_or_reports(text: str) -> None:
    outcome = parse_text_article("a", "a.md", text)
    assert (outcome.article is None) != (outcome.error is None)


@SMALL
@given(fields=front_matter, body=news_like_text)
def test_random_front_matter_reads_or_reports(fields: dict, body: str) -> None:
    header = yaml.safe_dump(fields, allow_unicode=True)
    outcome = parse_text_article("a", "a.md", f"---\n{header}---\n{body}")
    if outcome.article is not None:
        assert outcome.article.body == body_text(body)  # control characters read as spaces
        assert len(outcome.article.body) == len(body)
        assert outcome.article.id == safe_article_id(outcome.article.id)


@SMALL
@given(head=st.text(max_size=200), body=st.binary(max_size=300))
def test_raw_front_matter_text_reads_or_reports(head: str, body: bytes) -> None:
    data = b"---\n" + head.encode("utf-8", "replace") + b"\n---\n" + body
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.md").write_bytes(data)
        result = read_inputs([folder])
    assert len(result.articles) + len(result.errors) == 1


@SMALL
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_any_kind_of_file_read_or_report(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("a.txt", "b.html", "c.jsonl", "d"):
            (Path(folder) / name).write_bytes(data)
        result = read_inputs([folder, Path(folder) / "d"])
    assert {Path(e.path.split(":")[0]).name for e in result.errors} <= {
        "a.txt",
        "b.html",
        "c.jsonl",
        "d",
    }


@SMALL
@given(data=st.binary(max_size=2000) | st.text(max_size=300).map(str.encode))
def test_any_html_bytes_read_or_report(data: bytes) -> None:
    outcome = parse_html_article("page", "page.html", b"<html><body><p>" + data)
    assert (outcome.article is None) != (outcome.error is None)


json_records = st.dictionaries(
    st.sampled_from(["id", "text", "title", "outlet", "published"]), front_matter_values
).map(json.dumps)


@SMALL
@given(lines=st.lists(json_records | st.text(max_size=60), max_size=8))
def test_any_jsonl_lines_read_or_report(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    outcomes = list(read_jsonl_stream(io.BytesIO(data), "feed.jsonl", "feed"))
    assert len(outcomes) <= data.count(b"\n") + 1
    for outcome in outcomes:
        assert (outcome.article is None) != (outcome.error is None)
        assert outcome.path.startswith("feed.jsonl:")


@SMALL
@given(text=st.text(max_size=200))
def test_any_stdin_reads_or_reports(text: str) -> None:
    result = read_inputs(["-"], stdin=io.StringIO(text))
    assert len(result.articles) + len(result.errors) == 1


# --- ids never escape the output folder -----------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(raw=st.text(max_size=120) | st.sampled_from(["..", "../..", "/etc/passwd", "a/../../b"]))
def test_article_ids_stay_inside_the_output_folder(raw: str) -> None:
    try:
        article_id = safe_article_id(raw)
    except ArticleError:
        return
    output = Path("/srv/claimcheck/out")
    target = output / f"{article_id}.yaml"
    assert target.parent == output and target.resolve().parent == output
    assert article_id == safe_article_id(article_id)  # idempotent: a safe id is kept as is
    assert not any(ord(c) < 32 for c in article_id) and 0 < len(article_id) <= 100


# --- the pipeline's claims point at their own text ------------------------------------------


def article(body: str) -> Article:
    return Article(id="gen", path="gen.md", body=body)


@PIPELINE
@given(body=news_like_text.filter(str.strip))
@example(body="“We paid $20 million on Tuesday,” the minister said.\n\nAbout 17,000 people left.")
def test_claim_offsets_slice_out_their_text(nlp: Language, body: str) -> None:
    (result,) = extract_articles([article(body)], nlp)
    for claim in result.claims:
        item = claim.item
        assert 0 <= item.start <= item.end <= len(body), claim
        assert body[item.start : item.end] == item.text, claim
        assert 0 <= claim.sentence_start <= claim.sentence_end <= len(body), claim
        assert body[claim.sentence_start : claim.sentence_end] == claim.sentence, claim


@PIPELINE
@given(bodies=st.lists(news_like_text.filter(str.strip), min_size=1, max_size=3))
def test_extraction_is_deterministic(nlp: Language, bodies: list[str]) -> None:
    articles = [Article(id=f"gen{i}", path=f"gen{i}.md", body=b) for i, b in enumerate(bodies)]
    first = list(extract_articles(articles, nlp))
    alone = [next(extract_articles([a], nlp)) for a in reversed(articles)][::-1]
    assert first == list(extract_articles(articles, nlp)) == alone
