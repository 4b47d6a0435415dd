"""Feed claimcheck thousands of generated hostile inputs and count crashes (there must be none).

Not a test (it takes minutes): `make fuzz`, or `python scripts/fuzz.py --inputs 2000 --seed 7`.
Each batch of generated inputs (random unicode, odd quote marks, fake and broken front matter,
huge lines, binary junk, mangled HTML, JSONL lines, stdin) is written to a temporary folder,
read with `read_inputs` and run through the pipeline with `nlp.pipe`. Bad inputs must come
back as reported errors; any exception is a crash, saved under --crash-dir to reproduce.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from claimcheck.extraction.pipeline import build_nlp, extract_articles
from claimcheck.io.articles import MAX_ARTICLE_BYTES, read_inputs

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


TEXT_GENERATORS: list[tuple[str, Callable[[random.Random], str], float]] = [
    ("unicode", unicode_text, 0.2),
    ("quotes", quote_soup, 0.3),
    ("front-matter", front_matter, 0.2),
    ("huge-line", huge_line, 0.005),
    ("html", html_page, 0.1),
]


def generate(rng: random.Random, folder: Path, index: int) -> tuple[str, int]:
    """Write one generated input under `folder`; its kind and how many inputs it counts as."""
    roll = rng.random()
    if roll < 0.08:
        (folder / f"{index}.bin.txt").write_bytes(binary_junk(rng))
        return "binary", 1
    if roll < 0.12:
        lines = jsonl_lines(rng)
        (folder / f"{index}.jsonl").write_text("\n".join(lines), "utf-8", errors="surrogatepass")
        return "jsonl", len(lines)
    if roll < 0.1205:
        (folder / f"{index}.md").write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
        return "oversize", 1
    if roll < 0.14:
        encoding = rng.choice(["cp1252", "utf-16", "latin-1", "utf-8-sig"])
        text = quote_soup(rng).encode(encoding, errors="replace")
        (folder / f"{index}.txt").write_bytes(text)
        return f"encoded-{encoding}", 1
    kinds, makers, weights = zip(*TEXT_GENERATORS, strict=True)
    choice = rng.choices(range(len(kinds)), weights=weights)[0]
    suffix = rng.choice([".md", ".txt", ".html", ".markdown"])
    (folder / f"{index}{suffix}").write_text(makers[choice](rng), "utf-8", errors="replace")
    return kinds[choice], 1


def run_batch(nlp, rng: random.Random, start: int, size: int, crash_dir: Path, counts: Counter):
    """Generate, read and extract one batch; a crash is counted and its inputs kept."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as tmp:
        folder = Path(tmp)
        produced = 0
        index = start
        while produced < size:
            kind, n = generate(rng, folder, index)
            counts[f"kind:{kind}"] += n
            produced += n
            index += 1
        stdin = io.StringIO(rng.choice([quote_soup, front_matter, html_page])(rng))
        produced += 1
        counts["inputs"] += produced
        articles = []
        try:
            result = read_inputs([folder, "-"], stdin=stdin)
            articles = result.articles
            counts["articles read"] += len(result.articles)
            counts["errors reported"] += len(result.errors)
            counts["warnings"] += len(result.warnings)
            for article_result in extract_articles(result.articles, nlp, batch_size=64):
                counts["claims"] += len(article_result.claims)
        except Exception:  # the whole point: anything raised here is a crash to keep
            counts["crashes"] += 1
            kept = crash_dir / f"batch-{start}"
            kept.mkdir(parents=True, exist_ok=True)
            for path in folder.iterdir():
                (kept / path.name).write_bytes(path.read_bytes())
            (kept / "stdin.txt").write_text(stdin.getvalue(), "utf-8", errors="replace")
            (kept / "traceback.txt").write_text(traceback.format_exc(), "utf-8")
            print(f"CRASH in batch {start}: inputs kept in {kept}", file=sys.stderr)
            traceback.print_exc()
            for article in culprits(nlp, articles):
                print(f"  crashing article {article.path}: {article.body[:200]!r}", file=sys.stderr)
        return index


def culprits(nlp, articles: list) -> list:
    """The articles that crash the pipeline on their own (so a crash report names its input)."""
    crashing = []
    for article in articles:
        try:
            list(extract_articles([article], nlp))
        except Exception:  # looking for exactly these
            crashing.append(article)
    return crashing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to generate")
    parser.add_argument("--batch", type=int, default=500, help="inputs read and piped together")
    parser.add_argument("--seed", type=int, default=20240601, help="same seed, same inputs")
    parser.add_argument(
        "--crash-dir", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-fuzz-crashes"
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    nlp = build_nlp()
    counts: Counter = Counter(crashes=0)
    began = time.perf_counter()
    index = 0
    while counts["inputs"] < args.inputs:
        size = min(args.batch, args.inputs - counts["inputs"])
        index = run_batch(nlp, rng, index, size, args.crash_dir, counts)
        print(f"  {counts['inputs']:>7,} inputs, {counts['crashes']} crashes", file=sys.stderr)
    seconds = time.perf_counter() - began
    for key in ("inputs", "articles read", "errors reported", "warnings", "claims", "crashes"):
        print(f"{key:>16}: {counts[key]:,}")
    print(f"{'seconds':>16}: {seconds:,.1f}")
    kinds = ", ".join(f"{k[5:]} {v:,}" for k, v in sorted(counts.items()) if k.startswith("kind:"))
    print(f"{'input kinds':>16}: {kinds}")
    return 1 if counts["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
