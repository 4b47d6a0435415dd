"""Reports and exports: the CSV a fact-checker opens, JSON for scripts, the terminal report."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from claim_factory import article, claim, date, money
from claimcheck.model import Pair
from claimcheck.report.terminal import (
    CSV_COLUMNS,
    filter_pairs,
    neutralise,
    output_stream,
    print_report,
    write_pairs,
)

ARTICLES = {
    "gazette": article("gazette", "The Gazette", "2018-09"),
    "herald": article("herald", "Héraldo", "2018-12-13"),
}


def make_pair(pair_id, verdict, score, kind, a, b, topic=("mexico",)):
    return Pair(pair_id, verdict, score, kind, a, b, f"both: {' / '.join(topic)}; ...", topic)


@pytest.fixture()
def pairs():
    offer = claim(
        "gazette", money("$20 million", 20e6), "The US offered $20 million.", entities=("mexico",)
    )
    plan = claim(
        "herald",
        money("$30 billion", 30e9),
        "México’s plan costs $30 billion.",
        entities=("mexico",),
    )
    year = claim("gazette", date("2019", "2019"), "In 2019 the tariffs came.")
    month = claim("herald", date("May", "2019-05"), "The tariffs came in May.")
    formula = claim("herald", money("$30 billion", 30e9), '=HYPERLINK("x") $30 billion')
    return [
        make_pair("p1", "conflict", 62.0, "money", offer, plan),
        make_pair("p2", "agree", 51.5, "date", year, month, topic=("trump",)),
        make_pair("p3", "agree", 48.0, "money", plan, formula),
    ]


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_the_documented_columns_and_one_row_per_pair(pairs):
    stream = io.StringIO(newline="")
    write_pairs(pairs, ARTICLES, "csv", stream)
    rows = read_csv(stream.getvalue())
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["pair_id"] for r in rows] == ["p1", "p2", "p3"]
    first = rows[0]
    assert first["verdict"] == "conflict" and first["score"] == "62.0"
    assert first["a_outlet"] == "The Gazette" and first["b_outlet"] == "Héraldo"
    assert first["a_published"] == "2018-09" and first["b_published"] == "2018-12-13"
    assert first["a_value"] == "$20,000,000 USD"
    assert first["b_sentence"] == "México’s plan costs $30 billion."
    assert rows[1]["b_value"] == "2019-05"


def test_csv_neutralises_formula_cells(pairs):
    stream = io.StringIO(newline="")
    write_pairs(pairs, ARTICLES, "csv", stream)
    row = read_csv(stream.getvalue())[2]
    assert row["b_sentence"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_prefix_is_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_plain_cells_and_numbers_are_left_alone():
    assert neutralise("Mexico") == "Mexico"
    assert neutralise(62.0) == 62.0


def test_json_and_jsonl_carry_the_same_records(pairs):
    as_json, as_jsonl = io.StringIO(), io.StringIO()
    write_pairs(pairs, ARTICLES, "json", as_json)
    write_pairs(pairs, ARTICLES, "jsonl", as_jsonl)
    records = json.loads(as_json.getvalue())
    lines = [json.loads(line) for line in as_jsonl.getvalue().splitlines()]
    assert records == lines
    assert list(records[0]) == list(CSV_COLUMNS)
    assert records[2]["b_sentence"].startswith("=HYPERLINK")  # JSON is data, not a sheet
    assert "Héraldo" in as_json.getvalue()  # UTF-8 text, not \\u escapes


def test_unknown_format_is_refused(pairs):
    with pytest.raises(ValueError, match="xml"):
        write_pairs(pairs, ARTICLES, "xml", io.StringIO())  # type: ignore[arg-type]


def test_filters(pairs):
    assert [p.id for p in filter_pairs(pairs, only="conflicts")] == ["p1"]
    assert [p.id for p in filter_pairs(pairs, only="agreements")] == ["p2", "p3"]
    assert [p.id for p in filter_pairs(pairs, kinds=("date",))] == ["p2"]
    assert [p.id for p in filter_pairs(pairs, min_score=50)] == ["p1", "p2"]
    with pytest.raises(ValueError):
        filter_pairs(pairs, only="disagreements")  # type: ignore[arg-type]


def test_output_refuses_to_overwrite_without_force(tmp_path, pairs):
    target = tmp_path / "conflicts.csv"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError), output_stream(target) as stream:
        write_pairs(pairs, ARTICLES, "csv", stream)
    assert target.read_text(encoding="utf-8") == "keep me"
    with output_stream(target, force=True) as stream:
        write_pairs(pairs, ARTICLES, "csv", stream)
    with target.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3


def render(pairs):
    console = Console(record=True, width=160, color_system=None)
    print_report(pairs, ARTICLES, console)
    return console.export_text()


def test_report_shows_conflicts_first_with_outlets_values_and_sentences(pairs):
    text = render(pairs)
    assert "3 pairs: 1 conflicts, 2 agreements" in text
    assert text.index("conflict") < text.index("agree ")
    for expected in (
        "The Gazette 2018-09",
        "Héraldo 2018-12-13",
        "$20,000,000 USD",
        "The US offered $20 million.",
    ):
        assert expected in text
    assert text.index("mexico") < text.index("trump")  # the group with a conflict first


def test_same_input_gives_the_same_report(pairs):
    assert render(pairs) == render(list(reversed(pairs)))


def test_report_shows_each_pairs_explanation_under_its_sentences(pairs):
    pairs[0] = Pair(
        "p1",
        "conflict",
        62.0,
        "money",
        pairs[0].a,
        pairs[0].b,
        "both: mexico; $20,000,000 vs $30,000,000,000 USD",
        ("mexico",),
    )
    text = render(pairs)
    explanation = text.index("$20,000,000 vs $30,000,000,000 USD")
    assert explanation > text.index("The US offered $20 million.")
    assert explanation > text.index("México’s plan costs $30 billion.")
