"""Generate claims for the compare benchmark by perturbing real claims, reproducibly.

Real claims (extracted from real article text) are grouped by the article they came from. Each
generated *story* re-tells one source article at another time, about partly other actors, and
is covered by 2 to 6 outlets; every outlet reports each of the story's claims with probability
`REPORT_RATE`, perturbed the way coverage of one event really differs:

- other values: a money amount or quantity is multiplied by a factor from `VALUE_FACTORS` with
  probability `VALUE_CHANGE_RATE` (a conflict to find), else kept (an agreement);
- dates: all dates of a story move by the same number of years (stories happen at different
  times), and one outlet's date moves by a further year with probability `DATE_CHANGE_RATE`;
- outlets: each coverage is a new article of an outlet from `OUTLETS`;
- paraphrased sentences: wording swaps from `PARAPHRASES`, each with probability
  `PARAPHRASE_RATE`, and the clauses around the first comma swapped with probability
  `CLAUSE_SWAP_RATE`;
- entities: each name of the source article is replaced, for the whole story, by a made-up
  name with probability `RENAME_RATE`, so stories share some actors ("Mexico") and not others.

The result has the shape of a large real ledger: many stories, a few outlets per story, hot
entities shared across many stories. The same seed always yields the same claims.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.types import Article, Claim, DateMention, Money, PartialDate, Quantity

OUTLETS: tuple[str, ...] = (
    "daily-ledger",
    "coastal-post",
    "metro-herald",
    "valley-times",
    "northern-courier",
    "observer-desk",
    "evening-wire",
    "capital-report",
)
OUTLETS_PER_STORY = (2, 6)
REPORT_RATE = 0.7
VALUE_FACTORS: tuple[float, ...] = (0.5, 0.8, 1.25, 2.0, 10.0)
VALUE_CHANGE_RATE = 0.2
DATE_CHANGE_RATE = 0.15
STORY_YEAR_SHIFT = (-8, 4)
PARAPHRASE_RATE = 0.5
CLAUSE_SWAP_RATE = 0.3
RENAME_RATE = 0.6
PARAPHRASES: tuple[tuple[str, str], ...] = (
    ("said", "told reporters"),
    ("announced", "said"),
    ("more than", "over"),
    ("about", "around"),
    ("will", "would"),
    ("according to", "as reported by"),
    ("people", "residents"),
    ("officials", "authorities"),
)
SYLLABLES: tuple[str, ...] = ("ka", "lo", "ven", "dri", "mar", "tu", "sel", "ora", "bek", "ni")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def made_up_name(rng: random.Random) -> str:
    words = ("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(rng.randint(1, 2)))
    return " ".join(words)


def shift_years(text: str | None, years: int) -> str | None:
    if text is None or years == 0:
        return text
    return _YEAR.sub(lambda match: str(int(match.group()) + years), text)


def paraphrase(sentence: str, rng: random.Random) -> str:
    for old, new in PARAPHRASES:
        if rng.random() < PARAPHRASE_RATE:
            sentence = re.sub(rf"\b{re.escape(old)}\b", new, sentence)
    if rng.random() < CLAUSE_SWAP_RATE and ", " in sentence:
        head, tail = sentence.split(", ", 1)
        sentence = f"{tail.rstrip('.')}, {head[:1].lower()}{head[1:]}."
    return sentence


def perturbed_item(claim: Claim, years: int, rng: random.Random):
    item = claim.item
    if isinstance(item, Money | Quantity) and rng.random() < VALUE_CHANGE_RATE:
        factor = rng.choice(VALUE_FACTORS)
        high = getattr(item, "high", None)
        changes = {"value": item.value * factor}
        if high is not None:
            changes["high"] = high * factor
        return replace(item, **changes)
    if isinstance(item, DateMention):
        extra = 1 if rng.random() < DATE_CHANGE_RATE else 0
        return replace(item, value=shift_years(item.value, years + extra))
    return item


def story_claims(
    source: Sequence[Claim], story: int, rng: random.Random
) -> tuple[list[Claim], list[Article]]:
    """One story: a source article's claims, as covered by a few outlets."""
    years = rng.randint(*STORY_YEAR_SHIFT)
    names = {entity for claim in source for entity in claim.entities}
    renamed = {
        name: (made_up_name(rng) if rng.random() < RENAME_RATE else name) for name in sorted(names)
    }
    year = 2015 + years + 4
    published = PartialDate(min(max(year, 1900), 2100), rng.randint(1, 12), rng.randint(1, 28))
    outlets = rng.sample(OUTLETS, rng.randint(*OUTLETS_PER_STORY))
    claims: list[Claim] = []
    articles: list[Article] = []
    for outlet in outlets:
        article_id = f"{outlet}-{story:06d}"
        articles.append(
            Article(id=article_id, path="", body="", outlet=outlet, published=published)
        )
        for claim in source:
            if rng.random() >= REPORT_RATE:
                continue
            item = perturbed_item(claim, years, rng)
            date = item.value if isinstance(item, DateMention) else shift_years(claim.date, years)
            claims.append(
                replace(
                    claim,
                    id=f"{article_id}:{claim.kind}:{item.start}",
                    article=article_id,
                    item=item,
                    sentence=paraphrase(claim.sentence, rng),
                    date=date,
                    entities=tuple(sorted({renamed[e] for e in claim.entities})),
                )
            )
    return claims, articles


def make_claims(
    seed_claims: Sequence[Claim], count: int, seed: int = 7
) -> tuple[list[Claim], dict[str, Article]]:
    """`count` claims (and their articles) from stories re-told from `seed_claims`."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in seed_claims:
        if claim.section == "body":
            by_article[claim.article].append(claim)
    sources = [by_article[name] for name in sorted(by_article)]
    if not sources:
        raise ValueError("no body claims to perturb")
    rng = random.Random(seed)
    claims: list[Claim] = []
    articles: dict[str, Article] = {}
    story = 0
    while len(claims) < count:
        new_claims, new_articles = story_claims(rng.choice(sources), story, rng)
        claims.extend(new_claims)
        articles.update((article.id, article) for article in new_articles)
        story += 1
    claims = claims[:count]
    used = {claim.article for claim in claims}
    return claims, {name: article for name, article in articles.items() if name in used}
