"""`claimcheck compare` as a user runs it on the demo ledger: the report per fact, the output
format from the file name, forgiving choices, and a hint when there is nothing to compare."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claim_factory import article, claim, money
from claimcheck.cli.app import EXIT_CONFLICTS, EXIT_USAGE, app
from claimcheck.io.ledger import write_ledger
from claimcheck.model import ArticleResult

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "data" / "claims.yaml"
runner = CliRunner()


def compare(*args: str):
    return runner.invoke(app, ["compare", str(LEDGER), *args])


def test_report_puts_the_20m_offer_against_the_30b_plan_first():
    result = compare()
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("6 facts in ") and "conflicts" in lines[0]
    first = result.stdout[: result.stdout.index("\n2. ")]
    assert "1. CONFLICT  money" in first
    assert "$20,000,000 USD" in first and "$30,000,000,000 USD" in first


def test_output_extension_picks_json(tmp_path: Path):
    out = tmp_path / "pairs.json"
    assert compare("-o", str(out)).exit_code == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records and {"fact_id", "verdict", "a_url", "b_number"} <= set(records[0])


def test_output_extension_picks_jsonl_and_txt(tmp_path: Path):
    assert compare("-o", str(tmp_path / "pairs.jsonl")).exit_code == 0
    lines = (tmp_path / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["pair_id"] for line in lines)
    assert compare("-o", str(tmp_path / "report.txt")).exit_code == 0
    assert "facts in" in (tmp_path / "report.txt").read_text(encoding="utf-8").splitlines()[0]


def test_a_format_that_contradicts_the_extension_is_a_usage_error(tmp_path: Path):
    result = compare("-o", str(tmp_path / "pairs.csv"), "--format", "json")
    assert result.exit_code == EXIT_USAGE and "contradicts" in result.stderr
    assert not (tmp_path / "pairs.csv").exists()


def test_an_unknown_extension_needs_a_format(tmp_path: Path):
    result = compare("-o", str(tmp_path / "pairs.xlsx"))
    assert result.exit_code == EXIT_USAGE and "--format" in result.stderr
    assert compare("-o", str(tmp_path / "pairs.xlsx"), "-f", "csv").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("--kind", "Money"),
        ("--kind", "quotes"),
        ("--only", "conflict"),
        ("--only", "Agreements"),
        ("--rows", "Values"),
    ],
)
def test_choices_in_any_case_singular_or_plural(args):
    result = compare(*args, "-f", "CSV")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(("pair_id,", "fact_id,"))


def test_unknown_choice_is_a_usage_error_naming_the_choices():
    result = compare("--kind", "euros")
    assert result.exit_code == EXIT_USAGE and "money" in result.stderr


def test_values_export_one_row_per_fact_value(tmp_path: Path):
    out = tmp_path / "values.csv"
    assert compare("-o", str(out), "--rows", "values").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {"fact_id", "as_of", "value", "qualifier", "outlet", "url", "sentence"} <= set(rows[0])
    assert len({r["fact_id"] for r in rows}) == 6
    assert any(r["number"] == "20000000" for r in rows)


def test_excel_writes_a_bom_and_only_for_csv(tmp_path: Path):
    out = tmp_path / "pairs.csv"
    assert compare("-o", str(out), "--excel").exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfpair_id,")
    assert compare("-f", "json", "--excel").exit_code == EXIT_USAGE


def test_limit_bounds_the_table():
    result = compare("--limit", "1")
    assert "2. " not in result.stdout and "5 more facts not shown" in result.stdout


def test_fail_on_conflict_uses_its_exit_code():
    assert compare("--fail-on-conflict").exit_code == EXIT_CONFLICTS
    assert compare("--only", "agreements", "--fail-on-conflict").exit_code == 0


def test_one_article_says_compare_needs_two(tmp_path: Path):
    alone = article("alone", "Solo News", "2022-01-01")
    item = claim("alone", money("$3 million", 3e6), "It cost $3 million.")
    ledger = tmp_path / "claims.yaml"
    write_ledger([ArticleResult(alone, (item,))], ledger)
    result = runner.invoke(app, ["compare", str(ledger)])
    assert result.exit_code == 0
    assert "at least two articles" in result.stderr
    assert result.stdout.startswith("0 facts")


def records(*args: str) -> list[dict]:
    return [json.loads(line) for line in compare(*args, "-f", "jsonl").stdout.splitlines()]


def test_the_pairs_export_keeps_a_pair_by_its_own_verdict():
    """The $30B plan told alike by two outlets is an agreement inside a fact whose verdict is
    conflict (the $20M offer): `--only agreements` still lists that pair."""
    conflict_facts = {r["fact_id"] for r in records("--only", "conflicts")}
    inside = {
        r["pair_id"]
        for r in records()
        if r["fact_id"] in conflict_facts and r["verdict"] == "agree"
    }
    assert inside  # the demo has one
    assert inside <= {r["pair_id"] for r in records("--only", "agreements")}


def test_a_story_syndicated_450_times_still_shows_its_outlier(tmp_path: Path):
    """Issue 13.5: blocks of more than 400 claims were dropped without a word, so 450 copies of
    a story and one outlier gave no pair at all. Now the block is sampled, the outlier's
    conflict is reported, and stderr says so in one plain line (not Python's warning form)."""
    sentence = "The council approved {} for the harbour repairs."
    copies = [
        claim(f"copy{i:03d}", money("$12 million", 12e6), sentence.format("$12 million"))
        for i in range(450)
    ]
    outlier = claim("outlier", money("$21 million", 21e6), sentence.format("$21 million"))
    results = [
        ArticleResult(article(c.article, c.article, "2024-05-01"), (c,)) for c in [*copies, outlier]
    ]
    ledger = tmp_path / "syndicated.yaml"
    write_ledger(results, ledger, "yaml", "m")
    for _ in range(2):  # a warning is said again on every run in one process
        result = runner.invoke(app, ["compare", str(ledger), "--only", "conflicts", "-f", "json"])
        assert result.exit_code == 0, result.output
        conflicts = json.loads(result.stdout)
        assert conflicts and all("outlier" in (p["a_article"], p["b_article"]) for p in conflicts)
        (line,) = result.stderr.splitlines()
        assert line.startswith("warning: ") and "shared by more than 400 claims" in line
        assert "Warning" not in line and ".py" not in line


PLACES = [
    "Albania",
    "Bolivia",
    "Chile",
    "Denmark",
    "Egypt",
    "Finland",
    "Ghana",
    "Hungary",
    "Iceland",
    "Jordan",
    "Kenya",
    "Latvia",
    "Mongolia",
    "Nepal",
    "Oman",
    "Peru",
    "Qatar",
    "Rwanda",
    "Sweden",
    "Togo",
    "Uganda",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Brazil",
    "Canada",
    "Greece",
    "Ireland",
    "Malta",
    "Norway",
]


def many_conflicts_ledger(tmp_path: Path, count: int) -> Path:
    """`count` facts, each two outlets giving other costs of one project."""
    results = []
    for n, place in enumerate(PLACES[:count]):
        for outlet, value in (("Gazette", 3), ("Herald", 5)):
            name = f"{outlet.lower()}-{n}"
            text = f"The {place} bridge cost ${value} million."
            item = claim(name, money(f"${value} million", value * 1e6), text, (place.lower(),))
            results.append(ArticleResult(article(name, outlet, "2022-01-01"), (item,)))
    ledger = tmp_path / "claims.yaml"
    write_ledger(results, ledger)
    return ledger


def test_the_table_shows_the_summary_first_and_25_facts_unless_told(tmp_path: Path):
    ledger = many_conflicts_ledger(tmp_path, 30)
    default = runner.invoke(app, ["compare", str(ledger)]).stdout
    total = int(re.match(r"(\d+) facts in 2 outlets: \1 conflicts", default).group(1))
    assert total > 26  # places with alike names may share a fact
    assert "25. CONFLICT" in default and "26. " not in default
    assert default.rstrip().endswith(f"{total - 25} more facts not shown" + HINT)
    limited = runner.invoke(app, ["compare", str(ledger), "--limit", "3"]).stdout
    assert limited.startswith(f"{total} facts in 2 outlets")
    assert "3. CONFLICT" in limited and "4. " not in limited
    assert limited.rstrip().endswith(f"{total - 3} more facts not shown" + HINT)
    every = runner.invoke(app, ["compare", str(ledger), "--limit", "0"]).stdout
    assert f"{total}. CONFLICT" in every and "not shown" not in every


HINT = " (--limit 0 shows all; --format csv exports them)"
