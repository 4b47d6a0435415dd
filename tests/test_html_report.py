"""`claimcheck report`: the HTML page, read in a real headless Chromium as a person would.

The browser tests need Debian's `chromium` (installed by `make test` and `.ci/run` when missing)
and Playwright for Python, pointed at that executable; without either they skip with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claim_factory import article, claim, money
from claimcheck.cli.app import app
from claimcheck.comparison.facts import group_facts
from claimcheck.model import Comparison, Pair
from claimcheck.report.html import render_report, text_segments

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "data" / "claims.yaml"
ARTICLES = ROOT / "data" / "articles"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_BODY = (
    'Officials paid $5 million. <script>window.pwned = 1</script> "><img src=x '
    'onerror="window.pwned = 2"> and </textarea><svg onload="window.pwned = 3">'
)
runner = CliRunner()


def chromium_path() -> str | None:
    return os.environ.get("CLAIMCHECK_CHROMIUM") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None
    )


def hostile_comparison():
    """Two articles stating one amount differently; one of them carries markup and a script URL
    in its text, title, outlet and address."""
    a = claim("hostile", money("$5 million", 5e6), HOSTILE_BODY, entities=("officials",))
    b_sentence = "Officials paid $7 million, the auditors found."
    b = claim("plain", money("$7 million", 7e6), b_sentence, entities=("officials",))
    articles = {
        "hostile": replace(
            article("hostile", '<b onmouseover="window.pwned = 4">Outlet</b>', "2020-01-02"),
            body=HOSTILE_BODY,
            title="<script>window.pwned = 5</script>Title",
            url="javascript:window.pwned = 6",
        ),
        "plain": replace(article("plain", "Plain Post", "2020-01-03"), body=b_sentence),
    }
    pair = Pair("p1", "conflict", 80.0, "money", a, b, "$5M vs $7M", ("officials",))
    comparison = Comparison((pair,), tuple(group_facts([pair], articles)))
    return comparison, articles, [a, b]


def test_article_text_is_escaped_and_script_urls_are_not_links() -> None:
    comparison, articles, claims = hostile_comparison()
    page = render_report(comparison, articles, claims)
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "<b onmouseover" not in page


def test_a_figure_inside_a_quote_keeps_its_own_mark() -> None:
    sentence = "She said “we paid $3 million last year” to reporters."
    outer = claim("x", money("we paid $3 million last year", 3e6), sentence)
    inner = claim("x", money("$3 million", 3e6), sentence)
    segments = text_segments(sentence, [outer, inner], {inner.id: "fact-1"})
    assert "".join(s.text for s in segments) == sentence
    marked = {s.text: s for s in segments if s.claim is not None}
    assert marked["$3 million"].claim == inner and marked["$3 million"].fact == "fact-1"
    assert marked["we paid "].claim == outer and marked["we paid "].first
    assert not marked[" last year"].first  # the outer claim's anchor is set once


def test_report_command_writes_the_page_and_refuses_to_overwrite(tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(LEDGER), "-o", str(output), "--charts", "0"])
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "made from a ledger alone" in page  # no bodies: the sentences are shown instead
    again = runner.invoke(app, ["report", str(LEDGER), "-o", str(output)])
    assert again.exit_code == 2 and "--force" in again.output


# --- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium found: install Debian's `chromium` (make test does) to run these")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("report") / "report.html"
    arguments = ["report", str(LEDGER), "--articles", str(ARTICLES), "-o", str(output)]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture()
def page(browser):
    """A fresh page that records console messages, page errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    opened.problems, opened.requests = [], []
    opened.on("console", lambda m: m.type in ("error", "warning") and opened.problems.append(m))
    opened.on("pageerror", lambda error: opened.problems.append(error))
    opened.on("request", lambda request: opened.requests.append(request.url))
    yield opened
    context.close()


def test_demo_report_loads_offline_with_no_console_error(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri())
    assert page.problems == []
    assert page.requests == [demo_report.as_uri()]  # nothing fetched: styles, charts inline
    assert page.locator(".fact img.chart").count() >= 1


def test_counts_match_compare_json(page, demo_report: Path) -> None:
    result = runner.invoke(app, ["compare", str(LEDGER), "--format", "json"])
    verdicts = Counter(record["verdict"] for record in json.loads(result.stdout))
    page.goto(demo_report.as_uri())
    for verdict in ("conflict", "revision", "agree"):
        shown = page.locator(f'[data-count="pairs-{verdict}"]').inner_text()
        assert int(shown) == verdicts[verdict], verdict


def test_the_20m_against_30b_conflict_is_visible(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri())
    first = page.locator(".fact").first
    assert first.is_visible() and first.get_attribute("data-verdict") == "conflict"
    text = first.inner_text()
    assert "$20,000,000" in text and "$30,000,000,000" in text


def test_a_verdict_filter_shows_only_conflicts_and_the_hash_restores_it(
    page, demo_report: Path
) -> None:
    page.goto(demo_report.as_uri())
    page.get_by_label("Conflicts").check()
    visible = page.locator(".fact:visible")
    assert visible.count() >= 1
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.verdict)")) == {"conflict"}
    assert "verdict=conflict" in page.url
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert other.locator('input[name="verdict"][value="conflict"]').is_checked()
    assert other.locator(".fact:visible").count() == visible.count()
    assert other.locator('.fact[data-verdict="agree"]:visible').count() == 0


def test_an_article_claim_links_to_its_fact(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri() + "#article-remezcla-amlo-rejects-20m-offer")
    article_view = page.locator("#article-remezcla-amlo-rejects-20m-offer")
    assert article_view.is_visible()
    link = article_view.locator("a.claim", has_text="$20 million").first
    fact_id = link.get_attribute("href").removeprefix("#")
    link.click()
    fact = page.locator(f"#{fact_id}")
    assert fact.is_visible() and "$20 million" in fact.inner_text()
    assert page.problems == []


def test_keyboard_reaches_the_filters(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.url.endswith("#facts")


def test_a_hostile_article_renders_as_text(page, tmp_path: Path) -> None:
    comparison, articles, claims = hostile_comparison()
    output = tmp_path / "hostile.html"
    output.write_text(render_report(comparison, articles, claims), encoding="utf-8")
    page.goto(output.as_uri() + "#article-hostile")
    body = page.locator("#article-hostile .body")
    assert "<script>window.pwned = 1</script>" in body.inner_text()
    assert body.locator("img, svg, script").count() == 0
    page.locator("#article-hostile h3").hover()
    assert page.evaluate("window.pwned") is None
    assert page.problems == []
