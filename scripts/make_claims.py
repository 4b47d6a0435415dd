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
  name with probability `RENAME_RATE`, so stories share some actors ("Mexico") and not others;
- other words: each content word of the source article is told in another (made-up) word, for
  the whole story, with probability `REWORD_RATE`: two stories about different events are
  not told in the same sentences, while the outlets of one story still share its wording.

The renaming, the rewording and the story's year shift apply to the sentence, the quoted words,
the unit and the source as well as to the claim's fields, and each item's offsets follow its text.
Until 2026-11-23 the text kept the source's names, words and years: with ~2,100 real claims,
a 100k-claim ledger re-tells each source about 50 times, and those re-tellings had word for
word the same sentences, so the pairs compare reported grew from about 1 per claim at 1k
claims to 7 per claim at 100k, and the ledgers of the three sizes were not alike in kind.

The result has the shape of a large real ledger: many stories, a few outlets per story, hot
entities shared across many stories. The same seed always yields the same claims.
"""

from __future__ import annotations

import calendar
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS

from claimcheck.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Money,
    PartialDate,
    Quantity,
    Quote,
)

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
REWORD_RATE = 0.5
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
_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
#: Words a re-telling keeps: function words, the words `PARAPHRASES` swaps and calendar words
#: (the date parts of a sentence stay dates).
KEPT_WORDS = (
    frozenset(STOP_WORDS)
    | {word for pair in PARAPHRASES for phrase in pair for word in phrase.split()}
    | {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}
    | {"said", "says", "told", "according", "reported", "announced", "percent", "million"}
    | {"billion", "trillion", "dollars", "year", "years", "month", "months", "week", "weeks"}
)


def made_up_name(rng: random.Random) -> str:
    words = ("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(rng.randint(1, 2)))
    return " ".join(words)


def shift_years(text: str | None, years: int) -> str | None:
    if text is None or years == 0:
        return text
    return _YEAR.sub(lambda match: str(int(match.group()) + years), text)


@dataclass(frozen=True)
class Retelling:
    """How one story re-tells its source article: which names become which, which words are
    told in other words, by how many years its dates move. Every outlet of the story shares
    it, so the story's claims still state the same facts to each other."""

    names: dict[str, str]
    words: dict[str, str]
    years: int

    def text(self, text: str | None) -> str | None:
        if text is None:
            return None
        for old in sorted(self.names, key=len, reverse=True):
            new = self.names[old].title()
            text = re.sub(rf"\b{re.escape(old)}\b", new, text, flags=re.I)
        text = _WORD.sub(lambda match: self.word(match.group()), text)
        return shift_years(text, self.years)

    def word(self, word: str) -> str:
        new = self.words.get(word.lower())
        if new is None:
            return word
        return new.title() if word[:1].isupper() else new


def retelling(source: Sequence[Claim], rng: random.Random) -> Retelling:
    names = sorted({entity for claim in source for entity in claim.entities})
    words = sorted(
        {w.lower() for claim in source for w in _WORD.findall(claim.sentence)} - KEPT_WORDS
    )
    return Retelling(
        names={n: made_up_name(rng) for n in names if rng.random() < RENAME_RATE},
        words={w: made_up_name(rng).split()[0] for w in words if rng.random() < REWORD_RATE},
        years=rng.randint(*STORY_YEAR_SHIFT),
    )


def retold_item(item, story: Retelling, sentence: str, sentence_start: int):
    """The item with its words, speaker or source re-told, and its offsets moved to where its
    text now stands in the re-told `sentence` (kept when a paraphrase reworded the item)."""
    changes = {"text": story.text(item.text)}
    if isinstance(item, Quote) and item.speaker is not None:
        changes["speaker"] = story.text(item.speaker)
    if isinstance(item, Attribution):
        changes["source"] = story.text(item.source)
    if isinstance(item, Quantity):
        changes["unit"] = story.text(item.unit)
    at = sentence.find(changes["text"])
    if at >= 0:
        changes["start"] = sentence_start + at
        changes["end"] = sentence_start + at + len(changes["text"])
    return replace(item, **changes)


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
    told = retelling(source, rng)
    year = 2015 + told.years + 4
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
            sentence = paraphrase(told.text(claim.sentence), rng)
            item = perturbed_item(claim, told.years, rng)
            item = retold_item(item, told, sentence, claim.sentence_start)
            date = (
                item.value if isinstance(item, DateMention) else shift_years(claim.date, told.years)
            )
            claims.append(
                replace(
                    claim,
                    id=f"{article_id}:{claim.kind}:{claim.item.start}",
                    article=article_id,
                    item=item,
                    sentence=sentence,
                    sentence_end=claim.sentence_start + len(sentence),
                    source=told.text(claim.source),
                    date=date,
                    entities=tuple(sorted({told.names.get(e, e) for e in claim.entities})),
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
