"""Feed claimcheck thousands of generated hostile inputs, each under a time bound: no input may
crash the run or stall it.

Not a test (it takes minutes): `make fuzz`, or `python scripts/fuzz.py --inputs 2000 --seed 7`.
First a fixed set of hostile inputs, the probes of issue 13: tokens of 100 kB and 1 MB without
digits, a page of 60,000 `&a;`, YAML alias bombs in front matter, publication dates of
9999-12-31 with "next year" and 0001-01-01 with "last year", rich markup and escape sequences in
file names, JSONL ids, outlets and text, UTF-16 and UTF-32, binary, empty files, huge single
lines. Then --inputs generated ones (random unicode, odd quote marks, fake and broken front
matter, mangled HTML, JSONL lines, stdin, and smaller variants of the probes).

Each input is read with `read_inputs` and extracted in a worker process, one input at a time,
each article under the budget `claimcheck extract` gives it (--time-bound, the same SIGALRM
timer): an exception is a crash; an article the budget stops is counted as stopped, which is
extract's designed answer (reported and skipped, the run goes on); an input whose worker has not
answered --grace seconds after the budget ran out is stalled past the budget, the failure this
run exists to find (the worker is replaced). Crashes and overruns are saved under --crash-dir
to reproduce. Last, the probe folder goes through the command line (`claimcheck extract`, then
`compare`, then `report`, whose page holds a chart drawn from hostile outlet names) under the same
bound: a traceback is a crash, and a control character reaching the output or the page is an
escape leak. Exits non-zero on any crash, input over the bound or escape leak.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.extraction.pipeline import build_nlp, extract_articles
from claimcheck.io.articles import MAX_ARTICLE_BYTES, read_inputs
from claimcheck.io.engines import ARTICLE_SECONDS, ArticleTimeoutError, time_limit

#: Seconds one input may take to be read and extracted: the budget `claimcheck extract` gives an
#: article before it reports and skips it. The slowest legitimate input, a body at the size
#: limit (a million characters, 200,000 tokens, 40,000 figures), takes most of it.
TIME_BOUND = ARTICLE_SECONDS
#: Seconds past the budget before an input counts as stalled: the timer interrupts Python code
#: at once, but a long call inside the model's compiled code finishes first.
GRACE_SECONDS = 30.0
#: Address space a worker may use, so that an expansion bomb ends in MemoryError (a crash,
#: counted) instead of taking the machine down.
WORKER_MEMORY_MB = 6_000
#: The command line, installed next to this interpreter.
CLAIMCHECK = Path(sys.executable).with_name("claimcheck")
#: Control characters the command line must never print (tab and newline are fine).
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "``", "''", "「", "」"]
WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "$20",
    "million",
    "€",
    "3.5bn",
    "17,000",
    "people",
    "about",
    "more",
    "than",
    "last",
    "week",
    "in",
    "September",
    "2018",
    "according",
    "to",
    "Reuters",
    "Mr.",
    "López",
    "Obrador",
    "told",
    "reporters",
    "—",
    "percent",
    "%",
    "1.2m",
    "km",
    "2019",
    "next",
    "year",
    "a",
    "third",
    "Q3",
    "H1",
    "said:",
    "asked",
    "...",
    "(AP)",
    "—",
]
#: Code points that break naive text handling: controls (not NUL), combining marks, bidi overrides,
#: zero-width characters, line and paragraph separators, emoji, CJK, private use.
ODD_CHARS = (
    [chr(c) for c in range(1, 32)]  # NUL makes a file binary: see binary_junk
    + ["\u0301", "\u0336", "\u202e", "\u202d", "\u200b", "\u200d", "\ufeff", "\u2028", "\u2029"]
    + ["\u00a0", "\u3000", "\U0001f600", "\U0001f1fa\U0001f1f8", "中", "ب", "\ue000", "\ufffd"]
)
PUBLISHED_VALUES = [
    "2018-09",
    "2018-13-45",
    "last Tuesday",
    "2021-03-14T09:30:00Z",
    "Sun, 14 Mar 2021 09:30:00 GMT",
    "0000-00-00",
    "99999",
    "-5",
    "[2020]",
    "{a: 1}",
    "~",
    "2020-02-30",
]
HTML_TAGS = ["p", "div", "script", "style", "nav", "article", "aside", "section", "span", "table"]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def unicode_text(rng: random.Random) -> str:
    pool = [chr(rng.randrange(0x20, 0x2FFF)) for _ in range(20)] + ODD_CHARS
    return "".join(rng.choice(pool) for _ in range(rng.randrange(1, 400)))


def quote_soup(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 60)):
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(QUOTE_MARKS))
        elif roll < 0.4:
            parts.append(rng.choice(["\n", "\n\n", ".", ",", ":", "?"]))
        else:
            parts.append(words(rng, rng.randrange(1, 8)))
    return rng.choice([" ", ""]).join(parts)


def huge_line(rng: random.Random) -> str:
    return words(rng, rng.randrange(2_000, 8_000)).replace(" . ", " ")


def front_matter(rng: random.Random) -> str:
    fields = [
        f"title: {rng.choice([quote_soup(rng)[:80], '[unclosed', '*alias', '&a x', '|', ''])}",
        f"published: {rng.choice(PUBLISHED_VALUES)}",
        f"id: {rng.choice(['../../etc/passwd', 'CON', 'a/b', '..', '', '“x”', 'ok-id'])}",
        f"outlet: {rng.choice(['Reuters', '{a: [1, 2]}', '!!binary aGk=', '- list', 'null'])}",
        "\tbad indent: x",
    ]
    rng.shuffle(fields)
    fence = rng.choice(["---", "---", "...", ""])
    header = "\n".join(fields[: rng.randrange(0, len(fields) + 1)])
    return f"---\n{header}\n{fence}\n{quote_soup(rng)}"


def html_page(rng: random.Random) -> str:
    parts = ["<!DOCTYPE html><html><head><title>", quote_soup(rng)[:60], "</title>"]
    if rng.random() < 0.5:
        parts.append(
            f'<meta property="article:published_time" content="{rng.choice(PUBLISHED_VALUES)}">'
        )
    parts.append("</head><body>")
    for _ in range(rng.randrange(0, 12)):
        tag = rng.choice(HTML_TAGS)
        closing = f"</{tag}>" if rng.random() < 0.8 else ""
        parts.append(f"<{tag}>{rng.choice([quote_soup, unicode_text, words_30])(rng)}{closing}")
    return "".join(parts) + rng.choice(["</body></html>", "", "<div><div><div>"])


def words_30(rng: random.Random) -> str:
    return words(rng, 30)


def jsonl_lines(rng: random.Random) -> list[str]:
    """JSONL lines, most valid, some broken in each way an export breaks."""
    lines = []
    for _ in range(rng.randrange(1, 20)):
        record = {
            "id": rng.choice(["a", "../x", "", None, 5, [1], "dup", f"n{rng.randrange(10**6)}"]),
            "title": rng.choice([quote_soup(rng)[:50], None, {"x": 1}]),
            "published": rng.choice([*PUBLISHED_VALUES, None, 10**30, 2.5]),
            "text": rng.choice([quote_soup(rng), unicode_text(rng), "", None, 7]),
        }
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        roll = rng.random()
        if roll < 0.1:
            line = line[: rng.randrange(len(line))]
        elif roll < 0.15:
            line = "[" * rng.randrange(1_000, 50_000)
        elif roll < 0.2:
            line = line.replace('"text": "', '"text": "\\ud800', 1)
        lines.append(line)
    return lines


def binary_junk(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randrange(1, 3000))


# --- Hostile inputs (issue 13): each probe that once stalled or aborted a run, and its kin ---

#: Rich markup and terminal escape sequences, as a file name, an id, an outlet or text carries them.
MARKUP = ["[/x]", "[/red]x", "[bold red]x[/]", "[link=file:///etc/passwd]x[/link]", "[", "]["]
ESCAPES = ["\x1b[2J", "\x1b]0;pwned\x07", "\x1b[31m", "\x9b2J", "\x1b]8;;http://x\x1b\\y", "\r"]
#: Relative dates that move a publication date by years, months and days.
RELATIVE = [
    "Next year the toll will reach 2,000, officials said.",
    "Last year it was $5 million.",
    "Tomorrow, next month and in two years the plan costs 3 billion dollars.",
    "Yesterday, last month and a decade ago 40 people were hurt.",
    "By the end of next year, or in the year after next, 12 schools will close.",
]


def long_token(rng: random.Random) -> str:
    """One token without digits, up to 100 kB (a run of letters, of glued punctuation)."""
    unit = rng.choice(["a", "ab", "$a", "a.", "-a", "é", "a\u0301", "_", "'a"])
    return unit * (rng.randrange(1_000, 100_000) // len(unit))


def entity_flood(rng: random.Random) -> str:
    """A page of thousands of (undefined or nested) character references in a row."""
    entity = rng.choice(["&a;", "&amp;", "&#38;", "&amp;amp;", "&#x26;", "&lt;"])
    flood = entity * rng.randrange(1_000, 60_000)
    return f"<!DOCTYPE html><html><body><article><p>{flood}</p></article></body></html>"


def alias_bomb(depth: int = 9, fan: int = 9, field_name: str = "published") -> str:
    """The "billion laughs" in front matter: nested aliases that expand to fan**depth items."""
    lines = ["---", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, depth):
        items = ", ".join([f"*a{level - 1}"] * fan)
        lines.append(f"a{level}: &a{level} [{items}]")
    lines += [f"{field_name}: *a{depth - 1}", "---", "The fund was $20 million."]
    return "\n".join(lines)


def alias_front_matter(rng: random.Random) -> str:
    return alias_bomb(
        rng.randrange(2, 10), rng.randrange(2, 10), rng.choice(["published", "title"])
    )


def extreme_dates(rng: random.Random) -> str:
    """Publication dates at and past the calendar's ends, with relative dates to move them."""
    published = rng.choice(
        ["9999-12-31", "0001-01-01", "1000-01-01", "9999-12", "9999", "0001", "10000-01-01"]
    )
    text = " ".join(rng.sample(RELATIVE, rng.randrange(1, len(RELATIVE) + 1)))
    return f"---\npublished: {published}\n---\n{text}"


def hostile_text(rng: random.Random) -> str:
    """Markup and escape sequences in the title, outlet and body."""
    pool = MARKUP + ESCAPES
    title, outlet = rng.choice(pool) + words(rng, 3), rng.choice(pool) + "Reuters"
    body = " ".join(rng.choice([*pool, *RELATIVE, words(rng, 5)]) for _ in range(12))
    return f"---\ntitle: {json.dumps(title)}\noutlet: {json.dumps(outlet)}\n---\n{body}"


def hostile_name(rng: random.Random, index: int) -> str:
    """A file name carrying markup or an escape sequence (never a slash or a NUL)."""
    return f"{index}{rng.choice(MARKUP + ESCAPES).replace('/', '|')}"


def hostile_jsonl(rng: random.Random) -> list[str]:
    records = [
        {
            "id": rng.choice(MARKUP + ESCAPES) + str(n),
            "outlet": rng.choice(MARKUP + ESCAPES),
            "title": rng.choice(MARKUP + ESCAPES),
            "published": rng.choice(["9999-12-31", "0001-01-01", "2020-01-01"]),
            "text": rng.choice(RELATIVE) + rng.choice(ESCAPES + MARKUP),
        }
        for n in range(rng.randrange(1, 6))
    ]
    return [json.dumps(record) for record in records]


def front(text: str, **fields: str) -> str:
    header = "\n".join(f"{key}: {json.dumps(value)}" for key, value in fields.items())
    return f"---\n{header}\n---\n{text}"


CHART_SENTENCE = "City officials paid {} million\x07 for the new bridge in Springfield.\x1b[2J"


def probes() -> list[tuple[str, str | bytes]]:
    """The fixed hostile inputs: (file name, content), each read and extracted on its own."""
    big = MAX_ARTICLE_BYTES - 1_000
    amounts = "The fund rose to $5 million from 3 billion euros. "
    return [
        ("long-token-100k.txt", "a" * 100_000),
        ("long-token-1mb.txt", "a" * big),
        ("long-token-dollar-1mb.txt", "$" + "a" * big),
        ("long-token-dots-1mb.txt", "a." * (big // 2)),
        ("long-token-hyphens-1mb.txt", "a-" * (big // 2)),
        ("entity-flood.html", entity_flood_of("&a;", 60_000)),
        ("entity-flood-amp.html", entity_flood_of("&amp;", 60_000)),
        ("entity-flood.md", "&a;" * 60_000),
        ("nested-divs.html", "<html><body>" + "<div>" * 50_000 + "x $5 million"),
        ("alias-bomb-published.md", alias_bomb()),
        ("alias-bomb-title.md", alias_bomb(field_name="title")),
        ("date-9999-next-year.md", front(" ".join(RELATIVE), published="9999-12-31")),
        ("date-0001-last-year.md", front(" ".join(RELATIVE), published="0001-01-01")),
        ("date-1000-last-year.md", front(" ".join(RELATIVE), published="1000-01-01")),
        ("date-9999-12-next-month.md", front(" ".join(RELATIVE), published="9999-12")),
        ("years-in-text.md", "In 9999, 10000 and year 0 and 0001 it cost $3 million."),
        ("[/x].md", "The [/x] fund was $20 million [bold]last year[/bold]."),
        ("[/red]x.md", "[/red]x said 40 people died."),
        ("[bold red]x[/].txt", "[link=file:///etc/passwd]click[/link] $5m"),
        ("markup-ids.jsonl", markup_jsonl()),
        ("\x1b[2J.md", "\x1b[2J\x1b]0;pwned\x07 The fund was $20 million."),
        ("escapes.md", front("\x1b[2J\x1b]0;t\x07\x9b31m 40 people died.", outlet="\x1b[31mX")),
        ("bidi-\u202egnp.md", "The \u202efund\u202c was $20 million."),
        ("utf-16.txt", "The fund was $20 million last year.".encode("utf-16")),
        ("utf-16-le.txt", "The fund was $20 million last year.".encode("utf-16-le")),
        ("utf-16-be.md", front("40 people died.", outlet="BE").encode("utf-16-be")),
        ("utf-32.txt", "The fund was $20 million.".encode("utf-32")),
        ("utf-16.html", "<html><body><p>$5 million</p></body></html>".encode("utf-16")),
        ("binary.txt", random.Random(1).randbytes(100_000)),
        ("elf.md", b"\x7fELF\x02\x01\x01" + bytes(1000)),
        ("nul-in-text.md", b"The fund was $20 million.\x00 More."),
        ("empty.md", b""),
        ("empty.html", b""),
        ("empty.jsonl", b""),
        ("blank.txt", " \n\t\n" * 100),
        ("bom-only.txt", "\ufeff".encode()),
        ("front-matter-only.md", "---\ntitle: x\n---\n"),
        ("huge-line.txt", ("the minister said $20 million " * (big // 30))[:big]),
        ("huge-line-amounts.txt", (amounts * (big // len(amounts)))[:big]),
        ("huge-line-quotes.txt", ('"a" said “b” ' * (big // 14))[:big]),
        ("huge-line-digits.txt", ("1" * 9 + " ") * (big // 10)),
        # One fact in two outlets, so that the report draws its chart from hostile text.
        (
            "chart-a.md",
            front(CHART_SENTENCE.format("$5"), outlet="\x07Bell\x1b[31m", published="2020-03-04"),
        ),
        (
            "chart-b.md",
            front(
                CHART_SENTENCE.format("about\x0b $7"),
                outlet="<b>Ink</b>\x9b",
                published="2020-03-09",
            ),
        ),
    ]


def entity_flood_of(entity: str, count: int) -> str:
    return f"<!DOCTYPE html><html><body><article><p>{entity * count}</p></article></body></html>"


def markup_jsonl() -> str:
    ids = ["[/red]x", "[/x]", "\x1b[2J", "[bold]y[/bold]"]
    lines = [
        json.dumps({"id": id_, "outlet": "[/]", "title": "\x1b]0;t\x07", "text": RELATIVE[n]})
        for n, id_ in enumerate(ids)
    ]
    return "\n".join(lines)


TEXT_GENERATORS: list[tuple[str, Callable[[random.Random], str], float]] = [
    ("unicode", unicode_text, 0.2),
    ("quotes", quote_soup, 0.3),
    ("front-matter", front_matter, 0.2),
    ("huge-line", huge_line, 0.005),
    ("html", html_page, 0.1),
    ("long-token", long_token, 0.01),
    ("entity-flood", entity_flood, 0.005),
    ("alias-bomb", alias_front_matter, 0.01),
    ("extreme-dates", extreme_dates, 0.03),
    ("markup-escapes", hostile_text, 0.03),
]


def generate(rng: random.Random, folder: Path, index: int) -> tuple[str, Path, int]:
    """Write one generated input under `folder`: its kind, its path and how many inputs it
    counts as (a JSONL file counts its lines)."""
    roll = rng.random()
    name = hostile_name(rng, index) if rng.random() < 0.05 else str(index)
    if roll < 0.07:
        return write(folder / f"{name}.bin.txt", binary_junk(rng), "binary")
    if roll < 0.075:
        return write(folder / f"{name}{rng.choice(['.md', '.html', '.jsonl'])}", b"", "empty")
    if roll < 0.12:
        lines = hostile_jsonl(rng) if rng.random() < 0.2 else jsonl_lines(rng)
        data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
        kind, path, _ = write(folder / f"{name}.jsonl", data, "jsonl")
        return kind, path, len(lines)
    if roll < 0.1205:
        return write(folder / f"{name}.md", b"a" * (MAX_ARTICLE_BYTES + 1), "oversize")
    if roll < 0.14:
        encoding = rng.choice(
            ["cp1252", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "utf-8-sig"]
        )
        text = quote_soup(rng).encode(encoding, errors="replace")
        return write(folder / f"{name}.txt", text, f"encoded-{encoding}")
    kinds, makers, weights = zip(*TEXT_GENERATORS, strict=True)
    choice = rng.choices(range(len(kinds)), weights=weights)[0]
    suffix = ".html" if kinds[choice] == "entity-flood" else rng.choice(SUFFIXES)
    text = makers[choice](rng).encode("utf-8", errors="replace")
    return write(folder / f"{name}{suffix}", text, kinds[choice])


SUFFIXES = [".md", ".txt", ".html", ".markdown"]


def write(path: Path, data: bytes, kind: str) -> tuple[str, Path, int]:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return kind, path, 1


# --- Running each input in a worker process, under the time bound ---


@dataclass
class Job:
    """One input: a file, or text given on stdin (`path` then names where it is kept)."""

    kind: str
    path: Path
    inputs: int = 1
    stdin: str | None = None


def process(nlp, job: Job, budget: float) -> dict:
    """Read and extract one input (in the worker), each article under extract's budget; its
    figures, or the traceback of a crash."""
    began = time.perf_counter()
    figures: dict = {"status": "ok", "articles": 0, "errors": 0, "warnings": 0, "claims": 0}
    figures["skipped"] = figures["stopped"] = 0
    try:
        stdin = None if job.stdin is None else io.StringIO(job.stdin)
        read = read_inputs(["-" if job.stdin is not None else job.path], stdin=stdin)
        figures.update(articles=len(read.articles), errors=len(read.errors))
        figures["warnings"] = len(read.warnings)
        for article in read.articles:
            try:
                with time_limit(budget):
                    for result in extract_articles([article], nlp):
                        figures["claims"] += len(result.claims)
                        figures["skipped"] += result.error is not None
            except ArticleTimeoutError:
                figures["stopped"] += 1
    except Exception:  # the whole point: anything raised here is a crash
        figures.update(status="crash", traceback=traceback.format_exc())
    figures["seconds"] = time.perf_counter() - began
    return figures


def serve(nlp, connection, memory_mb: int, budget: float) -> None:
    """The worker's loop: one job in, its figures out, until the pipe closes."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(process(nlp, job, budget))


class Worker:
    """A forked process holding the model; replaced when an input overruns or kills it."""

    def __init__(self, nlp, memory_mb: int, budget: float) -> None:
        self.nlp, self.memory_mb, self.budget = nlp, memory_mb, budget
        self.start()

    def start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=serve, args=(self.nlp, child, self.memory_mb, self.budget), daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()

    def run(self, job: Job, bound: float) -> dict:
        """The job's figures; `over` when it ran past `bound`, `died` when the worker died."""
        began = time.perf_counter()
        self.connection.send(job)
        if self.connection.poll(bound):
            try:
                return self.connection.recv()
            except EOFError:
                status = "died"
        else:
            status = "over"
        code = self.process.exitcode
        self.stop()
        self.start()
        seconds = time.perf_counter() - began
        return {"status": status, "seconds": seconds, "traceback": f"worker exit code {code}"}


@dataclass
class Tally:
    """What the run counts, and its slowest input."""

    counts: Counter = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")
    failures: list[str] = field(default_factory=list)

    def add(self, job: Job, figures: dict, keep: Path) -> None:
        counts = self.counts
        counts["inputs"] += job.inputs
        counts[f"kind:{job.kind}"] += job.inputs
        for key in ("articles", "errors", "warnings", "claims", "skipped", "stopped"):
            counts[key] += figures.get(key, 0)
        label = f"{job.kind} {job.path.name!r}"
        if figures["seconds"] > self.slowest[0]:
            self.slowest = (figures["seconds"], label)
        status = figures["status"]
        if status == "ok":
            return
        counts["crashes" if status in ("crash", "died") else "over the bound"] += 1
        kept = keep / f"{len(self.failures):04d}-{status}-{job.path.name}"
        kept.parent.mkdir(parents=True, exist_ok=True)
        data = job.stdin.encode("utf-8", "replace") if job.stdin is not None else None
        kept.write_bytes(data if data is not None else job.path.read_bytes())
        kept.with_name(kept.name + ".traceback.txt").write_text(figures.get("traceback", ""))
        message = f"{status.upper()} {label} after {figures['seconds']:.1f} s: kept as {kept}"
        self.failures.append(message)
        print(message, file=sys.stderr)
        if figures.get("traceback"):
            print(figures["traceback"][-1500:], file=sys.stderr)


def run_jobs(worker: Worker, jobs: list[Job], bound: float, keep: Path, tally: Tally) -> None:
    for job in jobs:
        tally.add(job, worker.run(job, bound), keep)


def probe_jobs(folder: Path) -> list[Job]:
    jobs = []
    for name, content in probes():
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        _, path, _ = write(folder / name, data, "probe")
        lines = data.count(b"\n") + 1 if name.endswith(".jsonl") and data else 1
        jobs.append(Job(f"probe:{name.split('.')[0]}", path, lines))
    return jobs


def generated_jobs(rng: random.Random, folder: Path, start: int, size: int) -> list[Job]:
    """About `size` generated inputs, the last one given on stdin."""
    jobs, produced, index = [], 0, start
    while produced < size - 1:
        kind, path, count = generate(rng, folder, index)
        jobs.append(Job(kind, path, count))
        produced += count
        index += 1
    text = rng.choice([quote_soup, front_matter, html_page, extreme_dates, hostile_text])(rng)
    jobs.append(Job("stdin", folder / f"{index}.stdin.txt", 1, stdin=text))
    return jobs


# --- The probes through the command line ---


def run_cli(args: list[str], bound: float) -> tuple[str, str, float]:
    """(status, output, seconds) of one `claimcheck` command: ok, crash (a traceback or a
    signal), over (past the bound) or leak (a control character in what it printed)."""
    command = [str(CLAIMCHECK), *args]
    began = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=bound, check=False)
    except subprocess.TimeoutExpired:
        return "over", "", time.perf_counter() - began
    seconds = time.perf_counter() - began
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    if done.returncode < 0 or "Traceback" in output:
        return "crash", output, seconds
    leaks = sorted(set(RAW_CONTROLS.findall(output)))
    if leaks:
        return "leak", f"control characters {leaks!r} in:\n{output}", seconds
    return "ok", output, seconds


def page_status(page: Path) -> tuple[str, str]:
    """ok, or leak when the HTML report holds a raw control character (the page shows article
    text, outlets and charts drawn from them), or crash when it was not written."""
    if not page.exists():
        return "crash", "no report written"
    leaks = sorted(set(RAW_CONTROLS.findall(page.read_text("utf-8").replace("\r", ""))))
    return ("leak", f"control characters {leaks!r} in {page}") if leaks else ("ok", "")


def cli_pass(probe_folder: Path, work: Path, bound: float, tally: Tally) -> None:
    """`extract` the probes that are quick to extract, then `compare` their ledger."""
    folder = work / "cli-articles"
    for path in probe_folder.rglob("*"):
        if path.is_file() and path.stat().st_size < 200_000:
            target = folder / path.relative_to(probe_folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    ledger, page = work / "cli.claims.yaml", work / "cli.report.html"
    report = ["report", str(ledger), "--articles", str(folder), "-o", str(page), "--force"]
    steps = [
        ("cli:extract", ["extract", str(folder), "-o", str(ledger), "--no-cache"]),
        ("cli:compare", ["compare", str(ledger), "--limit", "0"]),
        ("cli:report", report),
    ]
    for kind, args in steps:
        status, output, seconds = run_cli(args, bound * 4)
        if status == "ok" and kind == "cli:report":
            status, output = page_status(page)
        tally.counts["inputs"] += 1
        tally.counts[f"kind:{kind}"] += 1
        if status != "ok":
            key = {"over": "over the bound", "leak": "escape leaks"}.get(status, "crashes")
            tally.counts[key] += 1
            tally.failures.append(f"{status.upper()} {kind} after {seconds:.1f} s")
            print(
                f"{status.upper()} {kind} after {seconds:.1f} s:\n"
                f"{output[:500]!r} ... {output[-2000:]!r}",
                file=sys.stderr,
            )
        if seconds > tally.slowest[0]:
            tally.slowest = (seconds, kind)


def report(tally: Tally, seconds: float, bound: float) -> None:
    counts = tally.counts
    for key in ("inputs", "articles", "errors", "warnings", "claims", "skipped"):
        print(f"{key:>16}: {counts[key]:,}")
    print(f"{'crashes':>16}: {counts['crashes']:,}")
    print(
        f"{'stopped':>16}: {counts['stopped']:,} (articles the {bound:g} s budget stopped: "
        "reported and skipped, as extract does)"
    )
    print(f"{'over the bound':>16}: {counts['over the bound']:,} (stalled past the budget)")
    print(f"{'escape leaks':>16}: {counts['escape leaks']:,}")
    print(f"{'slowest input':>16}: {tally.slowest[1]} ({tally.slowest[0]:.2f} s)")
    print(f"{'seconds':>16}: {seconds:,.1f}")
    kinds = ", ".join(f"{k[5:]} {v:,}" for k, v in sorted(counts.items()) if k.startswith("kind:"))
    print(f"{'input kinds':>16}: {kinds}")
    for failure in tally.failures:
        print(f"  {failure}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to generate")
    parser.add_argument("--batch", type=int, default=500, help="inputs generated per folder")
    parser.add_argument("--seed", type=int, default=20240601, help="same seed, same inputs")
    parser.add_argument(
        "--time-bound", type=float, default=TIME_BOUND, help="budget per article, in seconds"
    )
    parser.add_argument(
        "--grace", type=float, default=GRACE_SECONDS, help="seconds past the budget before stalled"
    )
    parser.add_argument("--memory-mb", type=int, default=WORKER_MEMORY_MB)
    parser.add_argument("--no-probes", action="store_true", help="generated inputs only")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line pass")
    parser.add_argument(
        "--crash-dir", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-fuzz-crashes"
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    nlp = build_nlp()
    worker = Worker(nlp, args.memory_mb, args.time_bound)
    wait = args.time_bound + args.grace
    tally = Tally()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as tmp:
        work = Path(tmp)
        if not args.no_probes:
            run_jobs(worker, probe_jobs(work / "probes"), wait, args.crash_dir, tally)
            print(f"  probes: {tally.counts['inputs']:,} inputs", file=sys.stderr)
            if not args.no_cli:
                cli_pass(work / "probes", work, args.time_bound, tally)
        generated = 0
        while generated < args.inputs:
            size = min(args.batch, args.inputs - generated)
            folder = work / f"batch-{generated}"
            jobs = generated_jobs(rng, folder, generated, size)
            run_jobs(worker, jobs, wait, args.crash_dir, tally)
            generated += sum(job.inputs for job in jobs)
            shutil.rmtree(folder)
            print(
                f"  {tally.counts['inputs']:>7,} inputs, {tally.counts['crashes']} crashes, "
                f"{tally.counts['over the bound']} over the bound",
                file=sys.stderr,
            )
    worker.stop()
    report(tally, time.perf_counter() - began, args.time_bound)
    failed = sum(tally.counts[key] for key in ("crashes", "over the bound", "escape leaks"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
