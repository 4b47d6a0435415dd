"""Every error a user can cause, as the README's "Errors" table documents it: one plain line on
stderr (what, where, what to do), exit status 2, nothing written, no Python exception in sight."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import EXIT_USAGE, app
from claimcheck.io.ledger import write_ledger

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
runner = CliRunner()
STORY = "---\ntitle: T\noutlet: Daily\npublished: 2020-01-02\n---\nThe city spent $20 million.\n"

#: (command line, what the message must say, stdin). Each message is quoted in the README.
DOCUMENTED = [
    (["extract"], "no folder given", None),
    (["extract", "nope"], "no such file or folder", None),
    (["extract", "foxes", "-o", "."], "is a folder; give a file name", None),
    (["extract", "foxes", "-o", os.devnull], "is not a regular file", None),
    (["extract", "foxes", "-o", "notes.yaml"], "is not a claimcheck ledger", None),
    (["extract", "foxes", "-o", "other.yaml"], "is the ledger of hounds", None),
    (["extract", "story.md", "-o", "story.md"], "is one of the inputs", None),
    (["compare", "other.yaml", "-o", "other.yaml", "--force"], "is one of the inputs", None),
    (["extract", "foxes", "-o", "foxes/notes.md"], "would be read as an article", None),
    (["extract", "foxes", "-o", "x.json", "-f", "yaml"], "contradicts the output's name", None),
    (["extract", "foxes", "--published", "2020"], "applies only to an article read from", None),
    (["extract", "-", "--published", "yesterday"], "is not a date", STORY),
    (["extract", "foxes", "-q", "-v"], "choose one of --quiet and --verbose", None),
    (["extract", "foxes", "-m", "no_such_model", "-o", "m.yaml"], "No spaCy model found", None),
    (["extract", "office"], "no articles found in", None),
    (["extract", "foxes", "--format", "xml"], "Invalid value for '--format'", None),
    (["compare"], "no ledger given and none found here", None),
    (["compare", "nope.yaml"], "no such ledger or folder", None),
    (["compare", "story.md"], "is an article, not a ledger", None),
    (["compare", "edited.yaml"], "start must be a whole number", None),
    (["report", "story.md"], "is an article, not a ledger", None),
    (["compare", "other.yaml", "-o", "notes.yaml"], "exists; add --force", None),
    (["report", "foxes", "-o", "foxes/page.html"], "would be read as an article", None),
    (["eval", "foxes", "nope.yaml"], "no such gold file", None),
    (["eval", "nope", "notes.yaml"], "no such file or folder", None),
    (["frobnicate"], "No such command", None),
]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "foxes").mkdir()
    (tmp_path / "foxes" / "a.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "memo.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.yaml").write_text("shopping: [milk]\n", encoding="utf-8")
    write_ledger([], tmp_path / "other.yaml", "yaml", "m-1", sources=["hounds"])
    edited = (
        "schema_version: 1\nclaims:\n- {id: a, article: a, kind: money, text: $1, start: '0'}\n"
    )
    (tmp_path / "edited.yaml").write_text(edited, encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(("args", "says", "stdin"), DOCUMENTED, ids=lambda v: str(v)[:40])
def test_each_documented_error_is_one_plain_line(
    workspace: Path, args: list[str], says: str, stdin: str | None
) -> None:
    before = snapshot(workspace)
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == EXIT_USAGE, result.output
    # The error is the last line, and the only one (a note such as "ignored 1 file" may precede it).
    *notes, last = result.stderr.splitlines()
    assert last.startswith("error: ") and says in last, result.stderr
    assert not any(line.startswith("error") or says in line for line in notes), result.stderr
    assert not re.search(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|<\w[\w.]* object", result.stderr)
    assert result.stdout == ""
    assert snapshot(workspace) == before  # nothing written, nothing replaced


def test_the_readme_quotes_every_documented_error() -> None:
    section = README.split("### Errors", 1)[1].split("\n## ", 1)[0]
    missing = [says for _, says, _ in DOCUMENTED if says not in section]
    assert not missing, missing
