"""Finding article files under a folder: recursive, stable order, globs, and no endless loops.

Symbolic links to folders are followed (newsrooms link shared archives into project folders),
so each folder is identified by device and inode: a link back to a folder already being read is
reported as a loop instead of being walked forever. Hidden files and folders (`.git`,
`.ipynb_checkpoints`, editor backups) are not articles and are skipped.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from claimcheck.io.readers.common import Outcome, failure


def matches(relative: PurePosixPath, patterns: Sequence[str]) -> bool:
    """Whether a path (relative to the folder given) matches one of the glob patterns.

    A pattern is tried against the whole relative path (`*` also crosses `/`, so `drafts/*`
    and `*.html` both work at any depth) and against the bare name."""
    text = relative.as_posix()
    return any(fnmatchcase(text, p) or fnmatchcase(relative.name, p) for p in patterns)


def walk_folder(
    root: Path,
    suffixes: frozenset[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Path | Outcome]:
    """Article files under `root` in name order, depth first; an `Outcome` for each folder or
    link that cannot be walked (unreadable, broken, a loop)."""
    yield from _walk(root, PurePosixPath(), (_identity(root),), suffixes, include, exclude)


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _walk(
    folder: Path,
    relative: PurePosixPath,
    ancestors: tuple[tuple[int, int], ...],
    suffixes: frozenset[str],
    include: Sequence[str],
    exclude: Sequence[str],
) -> Iterator[Path | Outcome]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield failure(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path, rel = Path(entry.path), relative / entry.name
        if exclude and matches(rel, exclude):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            identity = _identity(path) if is_dir else None
            if entry.is_symlink() and not (is_dir or is_file):
                os.stat(path)  # raises ELOOP or ENOENT: the reason the link is unusable
        except OSError as error:
            if error.errno == errno.ENOENT:
                yield Outcome(str(path), error="broken symbolic link (its target does not exist)")
            else:
                yield failure(path, error)
            continue
        if identity is not None:
            if identity in ancestors:
                yield Outcome(str(path), error="symbolic link loop (links back to a parent folder)")
                continue
            yield from _walk(path, rel, (*ancestors, identity), suffixes, include, exclude)
        elif path.suffix.lower() in suffixes and (not include or matches(rel, include)):
            yield path  # a FIFO or device named like an article too: its reader says why it skips
