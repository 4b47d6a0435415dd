"""What `claimcheck compare` shows and exports: one report entry per fact, the facts that need a
look first; the pairs CSV a fact-checker sorts in a spreadsheet; the values export for scripts."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from claim_factory import article, claim, money, quantity
from claimcheck.comparison.facts import group_facts
from claimcheck.model import Article, Fact, Pair
from claimcheck.report.export import (
    PAIR_COLUMNS,
    VALUE_COLUMNS,
    format_for_path,
    neutralise,
    output_stream,
    write_pairs,
    write_values,
)
from claimcheck.report.selection import (
    Selection,
    parse_kind,
    parse_verdict,
    select_facts,
    selected_pairs,
    summarise,
)
from claimcheck.report.terminal import print_report

ARTICLES: dict[str, Article] = {
    "gazette": replace(
        article("gazette", "The Gazette", "2021-03-02"),
        title="Port deal signed",
        url="https://gazette.example/port",
    ),
    "herald": replace(article("herald", "Héraldo", "2021-03-04"), url="https://herald.example/p"),
    "courier": article("courier", "Courier", "2021-05-20"),
}


def make_pair(pair_id: str, verdict: str, a, b, topic=("harbour",), slip=False) -> Pair:
    explanation = f"both: {' / '.join(topic)}; {a.item.text} vs {b.item.text}"
    return Pair(pair_id, verdict, 60.0, a.kind, a, b, explanation, topic, slip=slip)  # type: ignore[arg-type]


@pytest.fixture()
def facts() -> list[Fact]:
    """Four facts, one of each rank, listed in the reverse of the order a reader needs."""
    loan = claim("gazette", money("$4 million", 4e6), "The bank lent $4 million.", ("bank",))
    loan2 = claim("herald", money("$4 million", 4e6), "A $4 million loan was agreed.", ("bank",))
    crew = claim("gazette", quantity("200 workers", 200, "workers"), "About 200 workers came.")
    crew = replace(crew, item=replace(crew.item, qualifier="about"))
    crew2 = claim("courier", quantity("350 workers", 350, "workers"), "By May 350 workers came.")
    fee = claim("gazette", money("$12,000", 12e3), "The fee is $12,000.", ("port",))
    fee2 = claim("herald", money("$21,000", 21e3), "The fee is $21,000.", ("port",))
    cost = claim(
        "gazette", money("$90 million", 90e6), "=SUM(A1) The port cost $90 million.", ("port",)
    )
    cost2 = claim("herald", money("$60 million", 60e6), "The port cost $60 million.", ("port",))
    pairs = [
        make_pair("p-agree", "agree", loan, loan2, ("bank",)),
        make_pair("p-revision", "revision", crew, crew2, ("crew",)),
        make_pair("p-slip", "conflict", fee, fee2, ("fee",), slip=True),
        make_pair("p-conflict", "conflict", cost, cost2, ("port",)),
    ]
    return group_facts(pairs, ARTICLES)


def ranked(facts: list[Fact], **selection) -> list[Fact]:
    return select_facts(facts, Selection(**selection))


def fact_of(facts: list[Fact], pair_id: str) -> Fact:
    return next(f for f in facts if any(p.id == pair_id for p in f.pairs))


def render(facts: list[Fact], width: int = 120, limit: int | None = None) -> str:
    stream = io.StringIO()
    console = Console(file=stream, width=width, color_system=None, highlight=False)
    shown = ranked(facts)
    print_report(shown, summarise(shown, ARTICLES), ARTICLES, console, limit)
    return stream.getvalue()


# --- selection: ranking, choices -------------------------------------------------------------


def test_facts_are_ranked_conflict_slip_revision_agreement(facts):
    order = [fact.pairs[0].id for fact in ranked(facts)]
    assert order == ["p-conflict", "p-slip", "p-revision", "p-agree"]


def test_the_comparison_ranks_facts_as_every_view_shows_them(facts):
    """One ranking: the facts `group_facts` returns (the HTML report and the API read them in
    that order) are already in the order compare's report shows, a slip after a conflict."""
    assert [fact.pairs[0].id for fact in facts] == [fact.pairs[0].id for fact in ranked(facts)]


@pytest.mark.parametrize(
    ("word", "kind"), [("Money", "money"), ("quotes", "quote"), ("QUANTITIES", "quantity")]
)
def test_kinds_are_read_in_any_case_singular_or_plural(word, kind):
    assert parse_kind(word) == kind


@pytest.mark.parametrize(
    ("word", "verdict"),
    [
        ("conflict", "conflict"),
        ("Conflicts", "conflict"),
        ("agreement", "agree"),
        ("revisions", "revision"),
    ],
)
def test_verdicts_are_read_in_any_case_singular_or_plural(word, verdict):
    assert parse_verdict(word) == verdict


def test_unknown_choices_name_the_valid_ones():
    with pytest.raises(ValueError, match="money"):
        parse_kind("euros")
    with pytest.raises(ValueError, match="revisions"):
        parse_verdict("disagreements")


def test_selection_by_verdict_kind_and_score(facts):
    assert [f.verdict for f in ranked(facts, verdicts=frozenset({"revision"}))] == ["revision"]
    assert {f.kind for f in ranked(facts, kinds=frozenset({"quantity"}))} == {"quantity"}
    assert ranked(facts, min_score=61) == []


# --- the terminal report --------------------------------------------------------------------


def test_report_starts_with_a_summary_line(facts):
    first = render(facts).splitlines()[0]
    assert first == (
        "4 facts in 3 outlets: 2 conflicts (1 possible slip), 1 revision, 1 agreement "
        "(from 4 pairs)"
    )


def test_report_has_one_entry_per_fact_in_reading_order(facts):
    text = render(facts)
    labels = [line.split()[1] for line in text.splitlines()[1:] if line[:1].isdigit()]
    assert labels == ["CONFLICT", "SLIP?", "REVISION", "AGREE"]


def test_each_entry_shows_its_timeline_as_of_value_outlet_and_sentence(facts):
    text = render(facts)
    revision = text[text.index("REVISION") : text.index("AGREE")]
    first, later = revision.index("2021-03-02"), revision.index("2021-05-20")
    assert first < later  # the values in the order they applied
    assert "about 200 workers — The Gazette" in revision  # the value with its qualifier
    assert "350 workers — Courier" in revision
    assert "By May 350 workers came." in revision


@pytest.mark.parametrize("width", [80, 120])
def test_report_fits_the_width_and_has_no_trailing_spaces(facts, width):
    lines = render(facts, width=width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert all(line == line.rstrip() for line in lines)


def test_limit_bounds_the_report_and_says_how_many_are_left(facts):
    text = render(facts, limit=1)
    assert "SLIP?" not in text and "AGREE" not in text
    assert text.rstrip().endswith(
        "… 3 more facts not shown (--limit 0 shows all; --format csv exports them)"
    )


def test_a_large_report_prints_only_the_limit(facts):
    """Thousands of facts and a limit of 2: two entries, the rest counted, not rendered."""
    many = [replace(fact, id=f"{fact.id}-{n}") for n in range(2_500) for fact in facts]
    stream = io.StringIO()
    console = Console(file=stream, width=100, color_system=None)
    print_report(ranked(many), summarise(many, ARTICLES), ARTICLES, console, limit=2)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("10,000 facts in 3 outlets: 5,000 conflicts")
    assert len(lines) < 40
    assert "9,998 more facts not shown" in lines[-1]


def test_a_fact_about_many_entities_keeps_a_short_heading(facts):
    crowded = replace(facts[0], subject=tuple(f"entity {n}" for n in range(40)))
    heading = render([crowded]).splitlines()[2]
    assert "entity 0 / entity 1 / entity 2 / entity 3 (+36 more)" in heading
    assert "entity 4 " not in heading


def test_article_text_is_never_read_as_markup():
    bold = claim("gazette", money("$5", 5), "[bold red]$5[/] was paid.")
    bold2 = claim("herald", money("$9", 9), "[link=x]$9[/link] was paid.")
    facts = group_facts([make_pair("p", "conflict", bold, bold2)], ARTICLES)
    text = render(facts)
    assert "[bold red]$5[/] was paid." in text and "[link=x]$9[/link]" in text


def test_escape_sequences_in_articles_never_reach_the_terminal():
    """ESC[2J would clear the screen, an OSC sequence retitle the window: shown as U+FFFD."""
    clear = claim("gazette", money("$5", 5), "\x1b[2J\x1b]0;pwned\x07$5 was paid.")
    red = claim("herald", money("$9", 9), "\x9b31m$9 was paid.", source="\x1b[31mX")
    facts = group_facts([make_pair("p", "conflict", clear, red)], ARTICLES)
    text = render(facts)
    assert "\ufffd[2J\ufffd]0;pwned\ufffd$5 was paid." in text and "\ufffd[31mX" in text
    assert not any(char in text for char in "\x1b\x07\x9b")


# --- the pairs export -----------------------------------------------------------------------


def export_pairs(facts, fmt, **selection) -> str:
    stream = io.StringIO(newline="")
    write_pairs(selected_pairs(ranked(facts), Selection(**selection)), ARTICLES, fmt, stream)
    return stream.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_pairs_csv_has_the_documented_columns_one_row_per_pair_in_reading_order(facts):
    rows = read_csv(export_pairs(facts, "csv"))
    assert tuple(rows[0]) == PAIR_COLUMNS
    assert [r["pair_id"] for r in rows] == ["p-conflict", "p-slip", "p-revision", "p-agree"]
    assert [r["verdict"] for r in rows] == ["conflict", "conflict", "revision", "agree"]
    assert rows[1]["slip"] == "true" and rows[0]["slip"] == "false"


def test_pairs_csv_carries_fact_id_as_of_url_title_and_an_empty_note(facts):
    rows = read_csv(export_pairs(facts, "csv"))
    revision = rows[2]
    assert revision["fact_id"] == fact_of(facts, "p-revision").id
    assert (revision["a_as_of"], revision["b_as_of"]) == ("2021-03-02", "2021-05-20")
    loan = rows[3]
    assert loan["a_title"] == "Port deal signed"
    assert loan["a_url"] == "https://gazette.example/port"
    assert loan["b_url"] == "https://herald.example/p"
    assert loan["b_title"] == ""
    assert all(r["note"] == "" for r in rows)


def test_pairs_csv_values_are_numbers_a_spreadsheet_can_sort(facts):
    rows = read_csv(export_pairs(facts, "csv"))
    conflict = rows[0]
    assert conflict["a_value"] == "$90,000,000 USD"  # as read, for a person
    assert (conflict["a_number"], conflict["b_number"]) == ("90000000", "60000000")
    assert conflict["a_unit"] == "USD"
    revision = rows[2]
    assert (revision["a_qualifier"], revision["a_number"]) == ("about", "200")
    by_number = sorted(rows, key=lambda r: float(r["a_number"]))
    assert by_number[0]["pair_id"] == "p-revision"


def test_pairs_csv_neutralises_formulas_and_keeps_numbers(facts):
    row = read_csv(export_pairs(facts, "csv"))[0]
    sides = {row["a_sentence"], row["b_sentence"]}
    assert "'=SUM(A1) The port cost $90 million." in sides


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_prefix_is_neutralised(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell",
    ["\u200b=1+1", "\ufeff=HYPERLINK(x)", "\uff1dSUM(A1)", "  =1+1", "\u00a0+1", "\u200b\uff20x"],
)
def test_a_formula_behind_invisible_characters_or_in_fullwidth_is_neutralised(cell):
    """Issue 13.10: a zero-width space, a BOM or leading spaces hid a formula from the check,
    and the fullwidth equals sign was not one of its prefixes."""
    assert neutralise(cell) == "'" + cell


def test_numbers_and_plain_text_are_left_alone():
    assert neutralise(-2.5) == -2.5
    assert neutralise("Mexico") == "Mexico"
    assert neutralise("  Mexico \u200b= ok") == "  Mexico \u200b= ok"


def test_json_and_jsonl_carry_the_same_records_with_numbers_as_numbers(facts):
    records = json.loads(export_pairs(facts, "json"))
    lines = [json.loads(line) for line in export_pairs(facts, "jsonl").splitlines()]
    assert records == lines
    assert list(records[0]) == list(PAIR_COLUMNS)
    assert records[0]["a_number"] == 90000000 and records[0]["slip"] is False
    assert records[0]["a_sentence"].startswith("=SUM")  # JSON is data, not a sheet
    assert "Héraldo" in export_pairs(facts, "json")  # UTF-8 text, not \\u escapes


def test_pairs_export_keeps_pairs_by_their_own_verdict(facts):
    rows = read_csv(export_pairs(facts, "csv", verdicts=frozenset({"revision"})))
    assert [r["pair_id"] for r in rows] == ["p-revision"]


def test_unknown_format_is_refused(facts):
    with pytest.raises(ValueError, match="xml"):
        write_pairs([], ARTICLES, "xml", io.StringIO())  # type: ignore[arg-type]


# --- the values export ----------------------------------------------------------------------


def test_values_export_has_one_row_per_value_of_each_fact(facts):
    stream = io.StringIO(newline="")
    count = write_values(ranked(facts), ARTICLES, "csv", stream)
    rows = read_csv(stream.getvalue())
    assert count == len(rows) == 8
    for column in ("fact_id", "measure", "subject", "as_of", "value", "qualifier", "outlet"):
        assert column in VALUE_COLUMNS
    assert tuple(rows[0]) == VALUE_COLUMNS
    revision = [r for r in rows if r["fact_id"] == fact_of(facts, "p-revision").id]
    assert [(r["as_of"], r["qualifier"], r["number"]) for r in revision] == [
        ("2021-03-02", "about", "200"),
        ("2021-05-20", "", "350"),
    ]
    assert revision[1]["sentence"] == "By May 350 workers came."


def test_values_export_as_json(facts):
    stream = io.StringIO()
    write_values(ranked(facts), ARTICLES, "json", stream)
    records = json.loads(stream.getvalue())
    assert len(records) == 8 and records[0]["fact_id"] == ranked(facts)[0].id


# --- files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.JSON", "json"), ("a.jsonl", "jsonl"), ("a.txt", None)],
)
def test_format_follows_the_extension(name, fmt):
    assert format_for_path(name) == fmt


def test_output_refuses_to_overwrite_without_force(tmp_path, facts):
    target = tmp_path / "conflicts.csv"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError), output_stream(target) as stream:
        stream.write("new")
    assert target.read_text(encoding="utf-8") == "keep me"
    with output_stream(target, force=True) as stream:
        stream.write("new")
    assert target.read_text(encoding="utf-8") == "new"


def test_excel_csv_starts_with_a_byte_order_mark(tmp_path, facts):
    target = tmp_path / "conflicts.csv"
    with output_stream(target, bom=True) as stream:
        write_pairs(selected_pairs(ranked(facts), Selection()), ARTICLES, "csv", stream)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpair_id,")
    assert "Héraldo".encode() in data


def test_the_readme_documents_every_export_column():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [c for c in (*PAIR_COLUMNS, *VALUE_COLUMNS) if f"`{c}`" not in readme]
    assert not missing, f"README does not document {missing}"


def test_the_summary_and_first_facts_are_written_before_the_rest_is_rendered(facts):
    """The report streams: each entry reaches the terminal when rendered, so the first facts of a
    large ledger are on screen while later ones are still being laid out."""
    shown = ranked(facts)
    broken = replace(shown[-1], claims=None)  # rendering this entry raises
    stream = io.StringIO()
    console = Console(file=stream, width=100, color_system=None, highlight=False)
    with pytest.raises(TypeError):
        print_report([*shown[:-1], broken], summarise(shown, ARTICLES), ARTICLES, console)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("4 facts in 3 outlets")
    assert any(line.startswith("3. ") for line in lines)
