"""Generate the speed-benchmark corpus from real article text, reproducibly.

The sources are the demo articles (data/articles) and the news texts of the shared bench suites
(ECB+ and GUM Wikinews, ../shared/bench), about 57,000 words of real news prose. Each generated
article takes the paragraphs of one source article in order, then continues with consecutive
paragraphs of other sources until it reaches about `ARTICLE_WORDS` words, so sentences, names,
figures and quotes are all real and the length per article is that of a typical news story.
Front matter gives each article an outlet from a fixed list and a publication date; the same
seed always yields byte-identical files.

    python scripts/make_corpus.py OUT_DIR --words 200000 --seed 13
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Sequence
from pathlib import Path

from claimcheck.io.articles import read_folder

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench"
SOURCE_FOLDERS: tuple[Path, ...] = (
    ROOT / "data" / "articles",
    SHARED_BENCH / "align-ecbplus" / "articles",
    SHARED_BENCH / "quotes-gum-news" / "articles",
)
ARTICLE_WORDS = 800
OUTLETS: tuple[str, ...] = (
    "Daily Ledger",
    "Coastal Post",
    "Metro Herald",
    "Valley Times",
    "Northern Courier",
    "The Observer Desk",
)
FIRST_YEAR, LAST_YEAR = 2015, 2024


def source_paragraphs(folders: Sequence[Path] = SOURCE_FOLDERS) -> list[list[str]]:
    """Each readable source article as its list of non-empty paragraphs, in a stable order."""
    articles = []
    for folder in folders:
        if folder.is_dir():
            articles.extend(read_folder(folder).articles)
    articles.sort(key=lambda article: article.id)
    paragraphs = [
        [" ".join(p.split()) for p in article.body.split("\n\n") if p.strip()]
        for article in articles
    ]
    return [article for article in paragraphs if article]


def generated_article(
    number: int, sources: Sequence[list[str]], rng: random.Random, words: int
) -> str:
    """One article: a source's paragraphs, continued from other sources up to `words` words."""
    body: list[str] = []
    count = 0
    source = rng.randrange(len(sources))
    start = 0
    while count < words:
        for paragraph in sources[source][start:]:
            body.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
        source = rng.randrange(len(sources))
        start = rng.randrange(len(sources[source]))
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    header = (
        f"---\ntitle: Generated article {number}\noutlet: {rng.choice(OUTLETS)}\n"
        f"published: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n"
    )
    return header + "\n\n".join(body) + "\n"


def make_corpus(out_dir: Path, words: int, seed: int = 13) -> int:
    """Write articles totalling at least `words` body words to `out_dir` (replaced if it
    exists); returns the number of body words written."""
    sources = source_paragraphs()
    if not sources:
        raise SystemExit(f"no source articles found in {', '.join(map(str, SOURCE_FOLDERS))}")
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    total = 0
    number = 0
    while total < words:
        text = generated_article(number, sources, rng, ARTICLE_WORDS)
        (out_dir / f"gen-{number:05d}.md").write_text(text, encoding="utf-8")
        total += len(text.split("---\n", 2)[2].split())
        number += 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    written = make_corpus(args.out_dir, args.words, args.seed)
    print(f"wrote {written:,} words to {args.out_dir}")


if __name__ == "__main__":
    main()
