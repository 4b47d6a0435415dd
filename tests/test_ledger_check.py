"""A hand-edited ledger that no longer fits is named in one plain line: the file, the field, what
it must be and what it holds; exit status 2 and no traceback (issues 13.8 and 14.4)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import EXIT_USAGE, app
from claimcheck.errors import LedgerError
from claimcheck.io.ledger import load_ledger

DEMO = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
#: (what a person did to the demo ledger: replace this, with that), what the message names.
EDITS = [
    (("  start: 111\n", '  start: "111"\n'), "claims[0]", "start", "must be a whole number"),
    (
        ("  sentence: This week,", "  sentence: null\n  note: This week,"),
        "claims[0]",
        "sentence",
        "must be text, found null",
    ),
    (
        ("\narticles:\n", "\narticles: {first: 1}\nold_articles:\n"),
        "articles",
        "articles",
        "must be a list (one '- ' entry each), found a mapping",
    ),
    (("  kind: date\n", "  type: date\n"), "claims[0]", "kind", "has no 'kind' field"),
    (("  kind: date\n", "  kind: dates2\n"), "claims[0]", "kind", "must be one of"),
    (("schema_version: 1\n", ""), "", "schema_version", "no schema_version"),
    (("schema_version: 1\n", "schema_version: 7\n"), "", "schema_version", "is the number 7"),
    (("    value: null\n", "    value: 2017\n"), "claims[0]", "value.value", "text or null"),
    (("    reason: relative", "    why: relative"), "claims[0]", "why", "unknown field 'why'"),
    (
        ("  published: 2017-02\n", "  published: [2017]\n"),
        "articles[0]",
        "published",
        "must be a date",
    ),
    (
        ("  published: 2017-02\n", "  published: 2017-13\n"),
        "articles[0]",
        "published",
        "must be a date",
    ),
    (("claims:\n", "claims:\n  - [\n"), "", "line", "not valid YAML at line"),
]


def edited_ledger(folder: Path, old: str, new: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert old in text, old
    path = folder / "edited.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "where", "field", "says"), EDITS, ids=lambda v: str(v)[:30])
def test_a_hand_edited_ledger_is_one_plain_line(
    tmp_path: Path, edit: tuple[str, str], where: str, field: str, says: str
) -> None:
    path = edited_ledger(tmp_path, *edit)
    for command, output in (("compare", "out.csv"), ("report", "out.html")):
        result = CliRunner().invoke(app, [command, str(path), "-o", str(tmp_path / output)])
        assert result.exit_code == EXIT_USAGE, result.output
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: {path}: {where}"), line
        assert field in line and says in line, line
        assert not re.search(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|'[a-z]+' object", line)


def test_the_library_raises_a_ledger_error_naming_the_field(tmp_path: Path) -> None:
    document = json.loads(json.dumps({"schema_version": 1, "articles": [], "claims": [{}]}))
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LedgerError, match=r"claims\.json: claims\[0\] has no 'id' field"):
        load_ledger(path)


def test_a_jsonl_line_that_is_not_a_record(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text('{"type": "ledger", "schema_version": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(LedgerError, match=r"claims\.jsonl: record 2 is not a JSON object"):
        load_ledger(path)


def test_the_demo_ledger_passes_the_check() -> None:
    ledger = load_ledger(DEMO)
    assert len(ledger.articles) == 5 and ledger.claims
