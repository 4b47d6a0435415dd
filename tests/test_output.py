"""Where claimcheck may write: the output-path policy, atomic writes that keep permissions and
links, the default ledger names and how a bare `compare` finds its ledger."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.errors import OutputError
from claimcheck.io.ledger import read_header, write_atomic, write_ledger
from claimcheck.io.output import (
    check_output,
    default_ledger_path,
    find_ledger,
    recorded_sources,
    remember_ledger,
)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "foxes"
    folder.mkdir()
    (folder / "story.md").write_text("Text.", encoding="utf-8")
    return folder


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def refused(path: Path, inputs: list[Path] = ()) -> str:  # type: ignore[assignment]
    with pytest.raises(OutputError) as caught:
        check_output(path, inputs)
    message = str(caught.value)
    assert "\n" not in message and "Error" not in message
    return message


def test_a_folder_is_refused_with_a_file_name_to_use(articles: Path) -> None:
    assert "is a folder" in refused(articles)


def test_device_and_fifo_are_refused() -> None:
    assert "not a regular file" in refused(Path(os.devnull))


def test_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in refused(fifo)


def test_hard_link_is_refused_and_left_alone(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("keep", encoding="utf-8")
    os.link(first, tmp_path / "b.yaml")
    assert "hard links" in refused(first)


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text("keep", encoding="utf-8")
    locked.chmod(0o444)
    assert "read-only" in refused(locked)


def test_a_parent_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in refused(tmp_path / "notes.txt" / "claims.yaml")


def test_an_input_file_is_never_overwritten(articles: Path) -> None:
    story = articles / "story.md"
    assert "is one of the inputs" in refused(story, [story])


def test_an_output_read_back_as_an_article_is_refused(articles: Path) -> None:
    assert "would be read as an article" in refused(articles / "claims.md", [articles])
    assert "would be read as an article" in refused(articles / "sub" / "out.txt", [articles])
    # A YAML ledger inside the folder is not an article: allowed.
    assert check_output(articles / "claims.yaml", [articles]) == articles / "claims.yaml"


def test_a_symbolic_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert check_output(link) == target
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_new_files_follow_the_umask_not_private(tmp_path: Path, umask_022: None) -> None:
    """mkstemp creates files 0600: colleagues on a shared drive could not read any ledger."""
    path = tmp_path / "claims.yaml"
    write_atomic(path, "x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o664)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_default_ledger_is_named_after_the_folder(tmp_path: Path) -> None:
    assert default_ledger_path(["data/articles"]) == "data/claims.yaml"
    assert default_ledger_path(["foxes/"]) == "foxes.claims.yaml"
    assert default_ledger_path(["news/hounds"]) == "news/hounds.claims.yaml"
    assert default_ledger_path(["-"]) == "-"
    story = tmp_path / "story.md"
    story.write_text("x", encoding="utf-8")
    assert default_ledger_path([str(story)]) == str(tmp_path / "story.claims.yaml")


def test_sources_are_recorded_relative_to_the_ledger(tmp_path: Path) -> None:
    ledger = tmp_path / "data" / "claims.yaml"
    folder = tmp_path / "data" / "articles"
    assert recorded_sources([str(folder), "-"], ledger) == ["articles", "-"]


@pytest.mark.parametrize("name", ["l.yaml", "l.json", "l.jsonl"])
def test_every_ledger_format_records_its_sources(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_ledger([], path, path.suffix[1:], "m-1", sources=["foxes"])  # type: ignore[arg-type]
    header = read_header(path)
    assert header is not None and header["sources"] == ["foxes"]


def test_a_file_that_is_not_a_ledger_has_no_header(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("shopping: [milk]\n", encoding="utf-8")
    assert read_header(notes) is None
    assert read_header(tmp_path / "missing.yaml") is None


def test_bare_compare_finds_the_ledger_the_last_extract_here_wrote(tmp_path: Path) -> None:
    state, here = tmp_path / "state", tmp_path / "work"
    here.mkdir()
    for name in ("foxes.claims.yaml", "hounds.claims.yaml"):
        (here / name).write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="several ledgers here"):
        find_ledger(state, here)
    remember_ledger(here / "hounds.claims.yaml", state, here)
    assert find_ledger(state, here) == (here / "hounds.claims.yaml").resolve()


def test_bare_compare_without_any_ledger_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="run `claimcheck extract FOLDER` first"):
        find_ledger(tmp_path / "state", tmp_path)
    (tmp_path / "only.claims.yaml").write_text("x", encoding="utf-8")
    assert find_ledger(tmp_path / "state", tmp_path) == tmp_path / "only.claims.yaml"


def plain_line(stderr: str) -> str:
    (line,) = stderr.splitlines()
    assert line.startswith("error: ") and "Traceback" not in line and "Error" not in line, line
    return line


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_full_disk_is_one_line_naming_the_file(
    articles: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Issue 13.8: a write that failed (a full disk, `ulimit -f`) ended in a traceback or in
    'error: No space left on device', naming no file; the old file stays, no temporary is left."""
    import errno

    from typer.testing import CliRunner

    from claimcheck.cli.app import app
    from claimcheck.io import ledger as ledger_module

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ledger_module.os, "fsync", full)
    target = articles.parent / ("out.yaml" if command == "extract" else "out.html")
    target.write_text("yesterday\n", encoding="utf-8")
    args = [command, str(articles), "-o", str(target), "--force"]
    result = CliRunner().invoke(app, [*args, "--no-cache"] if command == "extract" else args)
    assert result.exit_code == 2, result.output
    line = plain_line(result.stderr)
    assert f"cannot write {target}: No space left on device" in line
    assert target.read_text(encoding="utf-8") == "yesterday\n"
    assert sorted(p.name for p in articles.parent.iterdir()) == ["foxes", target.name]


def test_a_folder_that_cannot_be_written_is_found_before_extraction(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The permission is checked first: a read-only folder used to fail only after the whole
    extraction. (os.access is patched: the tests may run as root, who may write anywhere.)"""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app
    from claimcheck.io import engines
    from claimcheck.io import output as output_module

    locked = articles.parent / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        output_module.os, "access", lambda p, m: Path(p) != locked and real_access(p, m)
    )
    monkeypatch.setattr(engines, "extract_articles", lambda *a, **k: pytest.fail("extracted"))
    target = locked / "claims.yaml"
    result = CliRunner().invoke(app, ["extract", str(articles), "-o", str(target), "--no-cache"])
    assert result.exit_code == 2, result.output
    line = plain_line(result.stderr)
    assert f"cannot write {target}: no permission to write in {locked}" in line


def test_a_temporary_left_by_a_killed_write_is_removed_by_the_next(tmp_path: Path) -> None:
    """Issue 13.10: kill -9 during the write left `.claims.yaml.XXXX.tmp` beside the ledger for
    good. The next write of that file removes it; a temporary another run is writing now (its
    process alive) and other files' temporaries are kept."""
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "claims.yaml"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from claimcheck.io import ledger\n"
        "ledger.os.fsync = lambda fd: (print('writing', flush=True), time.sleep(600))\n"
        "ledger.write_atomic(Path(sys.argv[1]), 'new\\n')\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    (left,) = tmp_path.glob(".claims.yaml.*.tmp")
    live = tmp_path / f".claims.yaml.{os.getpid()}.abcd1234.tmp"  # another run, writing now
    other = tmp_path / f".claims.yaml.5.{writer.pid}.abcd1234.tmp"  # the file claims.yaml.5's
    old = tmp_path / ".claims.yaml.k3j4h5g6.tmp"  # an older name, two hours old
    for path in (live, other, old):
        path.write_text("partial", encoding="utf-8")
    os.utime(old, (time.time() - 7200,) * 2)

    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert not left.exists() and not old.exists()
    assert live.exists() and other.exists()
