"""Where a command may write: the output-path policy every command shares.

`-o` used to destroy whatever it named, because an atomic write renames a temporary file over the
path: a source article, a symbolic link, a hard link, a read-only file, even `/dev/null`. So every
output path is checked here, before any work starts, and refused with one plain line when:

- it is a folder, a device, a FIFO or a socket (claimcheck writes regular files only);
- it has other hard links (replacing it would silently split them);
- it is read-only, or its folder cannot be written;
- it is one of the input files, or sits inside an input folder with a name that would be read
  back as an article next time (`claims.md` inside `articles/`).

A symbolic link is written through: its target is replaced and the link kept. `-` is stdout and
always allowed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from collections.abc import Sequence
from pathlib import Path

from claimcheck.errors import OutputError

STDOUT = "-"
#: Where the default ledger of a folder named `articles` goes: beside it, `data/claims.yaml`.
LEDGER_NAME = "claims.yaml"
LEDGER_SUFFIX = ".claims.yaml"
ARTICLES_FOLDER_NAME = "articles"
LAST_LEDGER_FOLDER = "last-ledger"


def check_output(path: Path, inputs: Sequence[str | Path] = ()) -> Path:
    """The file to write for `path` (a symbolic link's target), or `OutputError` saying why not."""
    target = path.resolve() if path.is_symlink() else path
    _check_folder(target)
    _check_existing(target)
    _check_not_an_input(target, inputs)
    return target


def _check_existing(target: Path) -> None:
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"cannot use {target} as output: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder; give a file name, such as {target / LEDGER_NAME}")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"{target} is not a regular file (a device, FIFO or socket); "
            "claimcheck writes only regular files: choose another name, or `-o -` for stdout"
        )
    if info.st_nlink > 1:
        raise OutputError(
            f"{target} has {info.st_nlink} hard links; replacing it would split them: "
            "write to another name"
        )
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        target, os.W_OK
    ):
        raise OutputError(f"{target} is read-only: make it writable or write to another name")


def _check_folder(target: Path) -> None:
    """The nearest existing folder above `target` must be a folder we may write in."""
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {target}: no permission to write in {folder}")


def _check_not_an_input(target: Path, inputs: Sequence[str | Path]) -> None:
    from claimcheck.io.articles import SUPPORTED_SUFFIXES

    resolved = target.resolve()
    for source in inputs:
        if str(source) == STDOUT or not Path(source).exists():
            continue
        source_path = Path(source).resolve()
        if source_path == resolved:
            raise OutputError(
                f"{target} is one of the inputs; refusing to overwrite it: write to another name"
            )
        inside = source_path.is_dir() and resolved.is_relative_to(source_path)
        if inside and resolved.suffix.lower() in SUPPORTED_SUFFIXES:
            raise OutputError(
                f"{target} is inside the input folder {source} and would be read as an article "
                "next time: write it outside the folder"
            )


def default_ledger_path(sources: Sequence[str]) -> str:
    """Where `claimcheck extract` writes when no `-o` is given.

    A folder named `articles` gets `claims.yaml` beside it (`data/articles` -> `data/claims.yaml`);
    any other folder or file gets a ledger named after it (`foxes/` -> `foxes.claims.yaml`), so
    extracting two folders side by side never writes the same file; stdin goes to stdout."""
    if not sources or sources[0] == STDOUT:
        return STDOUT
    path = Path(sources[0]).resolve()
    if path == Path.cwd():
        return str(Path(sources[0]) / LEDGER_NAME)
    if path.name == ARTICLES_FOLDER_NAME:
        name = LEDGER_NAME
    else:
        name = (path.name if path.is_dir() else path.stem) + LEDGER_SUFFIX
    return str(Path(sources[0]).parent / name)


def recorded_sources(sources: Sequence[str], ledger: Path | str) -> list[str]:
    """The sources as a ledger records them: relative to the ledger's folder (so a committed
    ledger does not name one person's home folder), `-` for stdin, in the order given."""
    base = Path.cwd() if str(ledger) == STDOUT else Path(ledger).resolve().parent
    recorded = []
    for source in sources:
        if source == STDOUT:
            recorded.append(STDOUT)
        else:
            relative = os.path.relpath(Path(source).resolve(), base)
            recorded.append(Path(relative).as_posix())
    return recorded


def _last_ledger_record(state_dir: Path, folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return state_dir / LAST_LEDGER_FOLDER / key[:32]


def remember_ledger(ledger: Path, state_dir: Path, folder: Path | None = None) -> None:
    """Note that the last `extract` run in `folder` (the working folder) wrote `ledger`, so a bare
    `claimcheck compare` there reads it. Best effort: a note that cannot be written is skipped."""
    record = _last_ledger_record(state_dir, folder or Path.cwd())
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(str(ledger.resolve()), encoding="utf-8")
    except OSError:
        pass


def find_ledger(state_dir: Path, folder: Path | None = None) -> Path:
    """The ledger a bare `claimcheck compare` reads: the one the last `extract` in this folder
    wrote, else `data/claims.yaml`, else the only `*claims.yaml` here; `OutputError` saying what
    to run otherwise."""
    folder = folder or Path.cwd()
    try:
        remembered = Path(_last_ledger_record(state_dir, folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        remembered = None
    if remembered is not None and remembered.is_file():
        return remembered
    demo = folder / "data" / LEDGER_NAME
    if demo.is_file():
        return demo
    found = sorted(p for p in folder.glob(f"*{LEDGER_NAME}") if p.is_file())
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(p.name for p in found)
        raise OutputError(
            f"several ledgers here ({names}): name one, e.g. `claimcheck compare {found[0].name}`"
        )
    raise OutputError(
        "no ledger given and none found here: run `claimcheck extract FOLDER` first "
        f"(it writes FOLDER{LEDGER_SUFFIX}), or give a ledger or a folder: "
        "`claimcheck compare FOLDER`"
    )


#: Temporary files older than this whose writer cannot be told (named before the writer's
#: process id was part of the name) are taken as left by a killed run.
STALE_SECONDS = 3600
#: Between `.NAME.` and `.tmp`: the writer's process id (absent in older names) and the eight
#: random characters `tempfile.mkstemp` adds.
_TEMPORARY_MIDDLE = re.compile(r"(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}")


def temporary_prefix(target: Path) -> str:
    """How a temporary file written beside `target` starts: hidden, then the name of the file
    it will replace and the writing process's id, so a later run can tell a temporary left by a
    killed run (its process gone) from one another run is writing now."""
    return f".{target.name}.{os.getpid()}."


def remove_stale_temporaries(target: Path) -> None:
    """Delete the temporaries a killed write of `target` left beside it (`.NAME.PID.XXXX.tmp`
    whose process is gone); best effort, as a stray file does no harm but clutter."""
    start, end = f".{target.name}.", ".tmp"
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(start) and name.endswith(end) and len(name) > len(start) + len(end):
            middle = name[len(start) : -len(end)]
            if _left_by_a_killed_run(entry, middle):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _left_by_a_killed_run(entry: os.DirEntry, middle: str) -> bool:
    """Whether the writer of a temporary is gone: its process id (`PID.XXXXXXXX`) names no
    live process, or, for an older name (`XXXXXXXX`), it is older than `STALE_SECONDS`.
    Anything else is another file's temporary (`.a.5.PID.XXXXXXXX.tmp` for `a.5`): kept."""
    match = _TEMPORARY_MIDDLE.fullmatch(middle)
    if match is None:
        return False
    if match["pid"] is None:
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(int(match["pid"]), 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # alive under another user, or not a process id at all
        return False
    return False
