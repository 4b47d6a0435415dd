"""`claimcheck report`: the HTML page, read in a real headless Chromium as a person would.

The browser tests need Debian's `chromium` (installed by `make test` and `.ci/run` when missing)
and Playwright for Python, pointed at that executable; without either they skip with the reason.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claim_factory import article, claim, money, quantity
from claimcheck.cli.app import app
from claimcheck.comparison.facts import group_facts
from claimcheck.model import Comparison, Frame, Pair
from claimcheck.report.charts import compact_svg, timeline_image, timeline_spec
from claimcheck.report.html import (
    ROWS_SHOWN,
    ReportOptions,
    claim_row,
    render_report,
    sentence_parts,
    shown_rows,
    text_segments,
)

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


def test_control_characters_in_metadata_are_shown_not_written_into_the_page() -> None:
    comparison, articles, claims = hostile_comparison()
    articles = {
        key: replace(value, outlet="Ink\x1b[31m\x9b", title="Bell\x07")
        for key, value in articles.items()
    }
    page = render_report(comparison, articles, claims)
    assert "Ink\ufffd[31m\ufffd" in page and "Bell\ufffd" in page
    assert not any(ch in page for ch in "\x07\x1b\x9b")


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


def test_a_fact_table_shows_every_value_first_and_folds_the_reprints() -> None:
    """A figure reprinted by many outlets must not push the other value out of view."""
    articles = {f"copy{i}": article(f"copy{i}", f"Outlet {i}", "2021-03-01") for i in range(30)}
    sentence = "The agency counted 400 arrivals at the border."
    copies = [
        claim(f"copy{i}", quantity("400 arrivals", 400, "arrivals"), sentence) for i in range(29)
    ]
    other = claim(
        "copy29", quantity("900 arrivals", 900, "arrivals"), sentence.replace("400", "900")
    )
    rows = [claim_row(c, "2021-03", articles) for c in [*copies, other]]
    shown, folded = shown_rows(rows)
    assert len(shown) == ROWS_SHOWN and len(shown) + len(folded) == 30
    assert {row.value for row in shown} == {"400 arrivals", "900 arrivals"}
    assert shown[0].claim.article == "copy0" and shown[-1].value == "900 arrivals"  # order kept


def test_a_long_sentence_is_cut_around_its_figure_in_whole_words() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    sentence = f"{words} paid $9 million to {words}."
    before, figure, after = sentence_parts(claim("x", money("$9 million", 9e6), sentence), 50)
    assert figure == "$9 million"
    assert before.startswith("… word") and before.endswith(" paid ") and len(before) <= 52
    assert after.startswith(" to word") and after.endswith(" …") and len(after) <= 52


def revision_fact():
    """One outlet's count of 120, then a later article raising it to 180."""
    sentences = ("Rescuers counted 120 deaths by Monday.", "The toll was raised to 180 deaths.")
    first = claim("early", quantity("120 deaths", 120, "deaths"), sentences[0], entities=("quake",))
    later = claim("late", quantity("180 deaths", 180, "deaths"), sentences[1], entities=("quake",))
    first = replace(first, frame=Frame(measure="deaths", subject=("quake",), as_of="2023-02-06"))
    later = replace(later, frame=Frame(measure="deaths", subject=("quake",), as_of="2023-02-09"))
    articles = {
        "early": article("early", "Morning Post", "2023-02-06"),
        "late": article("late", "Evening Star", "2023-02-09"),
    }
    pair = Pair("p1", "revision", 90.0, "quantity", first, later, "120 then 180", ("quake",))
    return group_facts([pair], articles)[0], articles


def test_a_revision_is_drawn_as_a_step_at_the_times_the_figures_applied() -> None:
    fact, articles = revision_fact()
    spec = timeline_spec(fact, articles)
    marks = [layer["mark"] for layer in spec["layer"]]
    steps = [m for m in marks if m.get("type") == "line"]
    assert steps and steps[0]["interpolate"] == "step-after"
    values = spec["data"]["values"]
    assert [(v["when"], v["value"]) for v in values] == [("2023-02-06", 120), ("2023-02-09", 180)]


def test_a_chart_of_text_with_control_characters_is_drawn_with_them_made_visible() -> None:
    fact, articles = revision_fact()
    articles = {**articles, "late": replace(articles["late"], outlet="Evening\x07 Star\x1b[31m")}
    first, later = fact.claims
    hostile = replace(later, item=replace(later.item, qualifier="about\x00"))
    fact = replace(fact, claims=(first, hostile))
    image = timeline_image(fact, articles)  # the renderer aborted the process on \x07 before
    svg = base64.b64decode(image.src.split(",", 1)[1]).decode("utf-8")
    assert "Evening\ufffd Star\ufffd[31m" in svg and "about\ufffd" in svg
    assert not any(ch in svg for ch in "\x00\x07\x1b")


def test_chart_coordinates_are_rounded_but_text_is_not() -> None:
    svg = '<path transform="translate(458.13265737281984,51.6)"/><text x="1.23456">3.14159</text>'
    assert (
        compact_svg(svg) == '<path transform="translate(458.1,51.6)"/><text x="1.2">3.14159</text>'
    )


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


def url_holds(page, part: str, timeout_ms: int = 5000) -> None:
    """The page's address comes to hold `part`: the page writes its state into the hash after
    the click's handlers have run, which a loaded machine may take a moment to do."""
    page.wait_for_function("part => location.href.includes(part)", arg=part, timeout=timeout_ms)
    assert part in page.url


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
    url_holds(page, "verdict=conflict")
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
    url_holds(page, "#facts")


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


def many_facts(count: int):
    """`count` conflicts, each one amount paid to one town stated differently by two outlets."""
    articles = {
        "east": replace(article("east", "East Gazette", "2022-05-01"), body=""),
        "west": replace(article("west", "West Tribune", "2022-05-02"), body=""),
    }
    pairs = []
    for number in range(count):
        town = f"town{number}"
        low = claim("east", money("$2 million", 2e6), f"The state paid $2 million to {town}.")
        high = claim("west", money("$3 million", 3e6), f"The state paid $3 million to {town}.")
        low = replace(low, id=f"east:money:{number}", entities=(town,))
        high = replace(high, id=f"west:money:{number}", entities=(town,))
        pairs.append(Pair(f"p{number}", "conflict", 90.0, "money", low, high, "2M vs 3M", (town,)))
    comparison = Comparison(tuple(pairs), tuple(group_facts(pairs, articles)))
    claims = [claim for pair in pairs for claim in (pair.a, pair.b)]
    return comparison, articles, claims


@pytest.fixture(scope="module")
def paged_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    comparison, articles, claims = many_facts(45)
    output = tmp_path_factory.mktemp("paged") / "report.html"
    page = render_report(comparison, articles, claims, ReportOptions(charts=0, page_size=20))
    output.write_text(page, encoding="utf-8")
    return output


def test_a_large_report_is_paginated_and_the_hash_keeps_the_page(page, paged_report: Path) -> None:
    page.goto(paged_report.as_uri())
    assert page.locator(".fact:visible").count() == 20
    assert "1–20 of 45" in page.locator("#status").inner_text()
    page.get_by_role("button", name="Next").click()
    assert "21–40 of 45" in page.locator("#status").inner_text()
    url_holds(page, "page=2")
    other = page.context.new_page()
    other.goto(page.url)
    assert other.locator(".fact:visible").first.get_attribute("id") == (
        page.locator(".fact:visible").first.get_attribute("id")
    )
    assert page.problems == []


def test_keyboard_alone_filters_the_facts(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri())
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first verdict button, "All"
    assert page.evaluate("document.activeElement.name") == "verdict"
    page.keyboard.press("ArrowRight")  # radio buttons move with the arrow keys: conflicts
    url_holds(page, "verdict=conflict")
    verdicts = page.locator(".fact:visible").evaluate_all("els => els.map(e => e.dataset.verdict)")
    assert verdicts and set(verdicts) == {"conflict"}


def test_filtering_does_not_move_the_controls_or_the_list(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri() + "#facts")
    where = (
        "['#filters', '#fact-list'].map(s => document.querySelector(s).getBoundingClientRect().top)"
    )
    before = page.evaluate(where)
    page.get_by_label("Agreements").check()
    page.get_by_label("Conflicts").check()
    assert page.evaluate(where) == before


def test_readable_at_a_phones_width(browser, demo_report: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(demo_report.as_uri())
    # Nothing wider than the screen except inside the tables' own scrolling boxes.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.locator(".fact").first.is_visible()
    assert float(phone.evaluate("getComputedStyle(document.body).fontSize")[:-2]) >= 14
    context.close()


def test_the_print_stylesheet_leaves_out_the_controls(page, demo_report: Path) -> None:
    page.goto(demo_report.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert not page.locator(".pager").is_visible()
    assert page.locator(".fact").first.is_visible()
