"""Scoring claimcheck against gold annotations (the rules of the project's gold-format spec).

Users annotate their own articles in the gold format and run `claimcheck eval`; this module is the
single implementation of those scoring rules, so the figures quoted anywhere are reproducible.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from claimcheck.errors import GoldError
from claimcheck.kinds import GOLD_KINDS, KIND_BY_NAME, KINDS
from claimcheck.model import ArticleResult, Item, Pair, PartialDate, Quote
from claimcheck.names import fold, same_folded_name

FIGURE_MATCH_RATIO = 90.0
QUOTE_MATCH_RATIO = 90.0
QUOTE_CONTAINMENT_SHARE = 0.8
NEUTRAL_SECTIONS = frozenset({"comments", "boilerplate"})
RELATION_LABELS = ("agree", "conflict", "revision", "unrelated")
#: Claim kind -> the gold list whose items may carry `fact` and `as_of`: the figures'.
FACT_LISTS: dict[str, str] = {s.name: s.gold_key for s in KINDS if s.figure and s.gold_key}

_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Gold:
    """A parsed gold file: per-article annotations by gold list name, and relations."""

    articles: dict[str, dict[str, Any]]
    relations: list[dict[str, Any]]

    def published(self, article_id: str) -> PartialDate | None:
        value = self.articles.get(article_id, {}).get("published")
        return None if value in (None, "") else PartialDate.parse(value)


@dataclass
class KindScore:
    """Counts for one kind of item over all scored articles, and the errors behind them."""

    kind: str
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    value_right: int = 0
    value_total: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_values: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float | None:
        return self.value_right / self.value_total if self.value_total else None

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_accuracy": None
            if self.value_accuracy is None
            else round(self.value_accuracy, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "value_right": self.value_right,
            "value_total": self.value_total,
        }
        if errors:
            data["misses"] = self.misses
            data["false_positives"] = self.false_positives
            data["wrong_values"] = self.wrong_values
        return data


@dataclass
class RelationScore:
    """Found / total gold relations for one label, `hard` ones counted apart."""

    label: str
    found: int = 0
    total: int = 0
    hard_found: int = 0
    hard_total: int = 0
    missed: list[str] = field(default_factory=list)

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "found": self.found,
            "total": self.total,
            "hard_found": self.hard_found,
            "hard_total": self.hard_total,
        }
        if errors:
            data["missed"] = self.missed
        return data


@dataclass
class FactScore:
    """How well reported pairs respect the gold `fact` ids, and as-of times against `as_of`.

    `pairs_right / pairs_judged`: reported pairs whose two sides both match fact-annotated gold
    items, right when the items share a fact id. `same_found / same_total`: gold item pairs of
    one fact in different articles that a reported pair joins. `as_of_right / as_of_total`:
    matched gold items with an `as_of`, right when the claim's as-of time (its frame's, else its
    publication date) equals it."""

    pairs_right: int = 0
    pairs_judged: int = 0
    same_found: int = 0
    same_total: int = 0
    as_of_right: int = 0
    as_of_total: int = 0
    wrong_pairs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.pairs_right / self.pairs_judged if self.pairs_judged else None

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "pair_precision": None if self.precision is None else round(self.precision, 4),
            "pairs_right": self.pairs_right,
            "pairs_judged": self.pairs_judged,
            "same_fact_found": self.same_found,
            "same_fact_total": self.same_total,
            "as_of_right": self.as_of_right,
            "as_of_total": self.as_of_total,
        }
        if errors:
            data["wrong_pairs"] = self.wrong_pairs
        return data


@dataclass
class EvalReport:
    kinds: dict[str, KindScore]
    relations: dict[str, RelationScore]
    facts: FactScore | None = None

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        data = {
            "kinds": {name: score.as_dict(errors) for name, score in self.kinds.items()},
            "relations": {name: score.as_dict(errors) for name, score in self.relations.items()},
        }
        if self.facts is not None:
            data["facts"] = self.facts.as_dict(errors)
        return data


def load_gold(path: Path) -> Gold:
    """Read and check a gold file's structure."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        raise GoldError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a mapping with 'articles' and 'relations'")
    articles = data.get("articles") or {}
    relations = data.get("relations") or []
    if not isinstance(articles, dict) or not isinstance(relations, list):
        raise GoldError(f"{path}: 'articles' must be a mapping and 'relations' a list")
    for article_id, entry in articles.items():
        if not isinstance(entry, dict):
            raise GoldError(f"{path}: article {article_id!r} must be a mapping")
        for name in GOLD_KINDS:
            items = entry.get(name)
            if items is not None and not all(isinstance(i, dict) and "text" in i for i in items):
                raise GoldError(f"{path}: {article_id}.{name} must list items with a 'text'")
    return Gold(articles={str(k): v for k, v in articles.items()}, relations=relations)


def normalise_text(text: str) -> str:
    """Case, surrounding whitespace and punctuation ignored; curly and straight quotes folded."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD).lower()
    return " ".join(_EDGE_PUNCT.sub("", text.strip()).split())


def figure_match(predicted: str, gold: str) -> float:
    """Match score (0 = no match) for money, quantities and dates."""
    a, b = normalise_text(predicted), normalise_text(gold)
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b)
    if a in b or b in a:
        return max(ratio, 1.0)
    return ratio if ratio >= FIGURE_MATCH_RATIO else 0.0


def quote_match(predicted: str, gold: str) -> float:
    """Match score (0 = no match) for quotes: near-equal, or containment of most of the text."""
    a, b = normalise_text(predicted), normalise_text(gold)
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b)
    if ratio >= QUOTE_MATCH_RATIO:
        return ratio
    shorter, longer = sorted((a, b), key=len)
    if shorter in longer and len(shorter) >= QUOTE_CONTAINMENT_SHARE * len(longer):
        return max(ratio, 1.0)
    return 0.0


def speaker_right(predicted: str | None, gold: Mapping[str, Any]) -> bool:
    """Right when the predicted name and the gold speaker (or one of its aliases) share their
    last word, or one contains the other (`names.same_folded_name`, the rule comparison uses)."""
    guess = fold(predicted or "")
    names = [gold.get("speaker"), *(gold.get("aliases") or [])]
    return any(same_folded_name(guess, fold(str(name))) for name in names if name)


def speaker_value(item: Item, gold: Mapping[str, Any]) -> bool | None:
    """Whether a matched quote names the gold speaker (None: the gold names none)."""
    if not gold.get("speaker"):
        return None
    return speaker_right(getattr(item, "speaker", None), gold)


def match_items(
    predicted: Sequence[Item],
    gold: Sequence[Mapping[str, Any]],
    scorer: Callable[[str, str], float],
) -> list[tuple[int, int]]:
    """One-to-one matching, greedy by best score first (ties: earliest items first)."""
    candidates = [
        (score, i, j)
        for i, item in enumerate(predicted)
        for j, truth in enumerate(gold)
        if (score := scorer(item.text, str(truth["text"]))) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def _describe(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text, "start": item.start}
    for name in ("value", "currency", "unit", "speaker"):
        if hasattr(item, name):
            data[name] = getattr(item, name)
    return data


def score_kind(
    score: KindScore,
    article_id: str,
    predicted: Sequence[Item],
    gold: Sequence[Mapping[str, Any]],
) -> None:
    """Add one article's items of one kind to `score`. An item the kind's gold files would not
    annotate (`gold_scope`) and no gold item matches is neither right nor wrong."""
    spec = KIND_BY_NAME[score.kind]
    pairs = dict(match_items(predicted, gold, spec.gold_match))
    matched_gold = set(pairs.values())
    for i, item in enumerate(predicted):
        j = pairs.get(i)
        truth = gold[j] if j is not None else None
        if truth is not None and truth.get("section") in NEUTRAL_SECTIONS:
            continue
        if truth is None and not spec.gold_scope(item):
            continue
        if truth is not None and truth.get("kind") == "term":
            if isinstance(item, Quote) and item.speaker:
                score.predicted += 1
                score.false_positives.append({"article": article_id, **_describe(item)})
            continue
        score.predicted += 1
        if truth is None:
            score.false_positives.append({"article": article_id, **_describe(item)})
            continue
        score.matched += 1
        right = spec.gold_value(item, truth)
        if right is not None:
            score.value_total += 1
            score.value_right += right
            if not right:
                score.wrong_values.append(
                    {"article": article_id, **_describe(item), "gold": truth.get(spec.gold_field)}
                )
    for j, truth in enumerate(gold):
        if truth.get("section") in NEUTRAL_SECTIONS or truth.get("kind") == "term":
            continue
        score.gold += 1
        if j not in matched_gold:
            score.misses.append({"article": article_id, **dict(truth)})


def score_extraction(results: Sequence[ArticleResult], gold: Gold) -> dict[str, KindScore]:
    """Per-kind scores over the articles that the gold file annotates."""
    scores = {name: KindScore(spec.name) for name, spec in GOLD_KINDS.items()}
    for result in results:
        entry = gold.articles.get(result.article.id)
        if entry is None:
            continue
        for name, spec in GOLD_KINDS.items():
            if entry.get(name) is None:
                continue
            predicted = sorted(result.items(spec.name), key=lambda item: item.start)
            score_kind(scores[name], result.article.id, predicted, entry[name])
    return scores


def _side_matches(side: Mapping[str, Any], article: str, sentence: str) -> bool:
    return side.get("article") == article and normalise_text(
        str(side.get("snippet", ""))
    ) in normalise_text(sentence)


def pair_joins(pair: Pair, relation: Mapping[str, Any]) -> bool:
    """Whether a reported pair joins the two sides of a gold relation (in either order)."""
    a, b = relation.get("a", {}), relation.get("b", {})
    x, y = pair.a, pair.b
    return (
        _side_matches(a, x.article, x.sentence) and _side_matches(b, y.article, y.sentence)
    ) or (_side_matches(a, y.article, y.sentence) and _side_matches(b, x.article, x.sentence))


def score_relations(
    pairs: Sequence[Pair], relations: Sequence[Mapping[str, Any]]
) -> dict[str, RelationScore]:
    """Found / total per label: agree/conflict need a joining pair with that verdict, unrelated
    needs no joining pair at all."""
    scores = {label: RelationScore(label) for label in RELATION_LABELS}
    for relation in relations:
        label = str(relation.get("label"))
        score = scores.setdefault(label, RelationScore(label))
        joining = [pair for pair in pairs if pair_joins(pair, relation)]
        found = not joining if label == "unrelated" else any(p.verdict == label for p in joining)
        hard = bool(relation.get("hard"))
        score.total += 1
        score.found += found
        score.hard_total += hard
        score.hard_found += hard and found
        if not found:
            score.missed.append(str(relation.get("why") or relation.get("a", {}).get("snippet")))
    return scores


GoldKey = tuple[str, str, int]  # (article, gold list name, index in that list)


def fact_annotated(gold: Gold) -> bool:
    return any(
        "fact" in item
        for entry in gold.articles.values()
        for name in FACT_LISTS.values()
        for item in entry.get(name) or ()
    )


def gold_of_claims(results: Sequence[ArticleResult], gold: Gold) -> dict[str, GoldKey]:
    """Claim id -> the gold item it matches, over articles and kinds annotated with facts."""
    found: dict[str, GoldKey] = {}
    for result in results:
        entry = gold.articles.get(result.article.id) or {}
        for kind, name in FACT_LISTS.items():
            items = entry.get(name)
            if not items or not any("fact" in item for item in items):
                continue
            claims = sorted(
                (c for c in result.claims if c.kind == kind), key=lambda c: c.item.start
            )
            for i, j in match_items([c.item for c in claims], items, figure_match):
                found[claims[i].id] = (result.article.id, name, j)
    return found


def gold_item(gold: Gold, key: GoldKey) -> Mapping[str, Any]:
    article, name, index = key
    return gold.articles[article][name][index]


def score_facts(
    results: Sequence[ArticleResult], gold: Gold, pairs: Sequence[Pair] | None
) -> FactScore:
    """Pair precision and same-fact recall against gold `fact` ids; as-of accuracy."""
    score = FactScore()
    matched = gold_of_claims(results, gold)
    published = {r.article.id: r.article.published for r in results}
    for result in results:
        for claim in result.claims:
            key = matched.get(claim.id)
            expected = gold_item(gold, key).get("as_of") if key else None
            if expected is None:
                continue
            when = claim.frame.as_of if claim.frame and claim.frame.as_of else None
            when = when or (str(published[claim.article]) if published[claim.article] else None)
            score.as_of_total += 1
            score.as_of_right += when == str(expected)
    joined: set[frozenset[GoldKey]] = set()
    for pair in pairs or ():
        ka, kb = matched.get(pair.a.id), matched.get(pair.b.id)
        if ka is None or kb is None:
            continue
        fa, fb = gold_item(gold, ka).get("fact"), gold_item(gold, kb).get("fact")
        right = fa is not None and fa == fb
        score.pairs_judged += 1
        score.pairs_right += right
        joined.add(frozenset((ka, kb)))
        if not right:
            score.wrong_pairs.append(f"{pair.a.item.text} ({fa}) vs {pair.b.item.text} ({fb})")
    by_fact: dict[str, list[GoldKey]] = {}
    for article, entry in gold.articles.items():
        for name in FACT_LISTS.values():
            for index, item in enumerate(entry.get(name) or ()):
                if item.get("fact"):
                    by_fact.setdefault(str(item["fact"]), []).append((article, name, index))
    for keys in by_fact.values():
        for x, y in ((x, y) for i, x in enumerate(keys) for y in keys[i + 1 :]):
            if x[0] != y[0]:
                score.same_total += 1
                score.same_found += frozenset((x, y)) in joined
    return score


def evaluate(
    results: Sequence[ArticleResult], gold: Gold, pairs: Sequence[Pair] | None = None
) -> EvalReport:
    """Score extraction (and, when `pairs` are given, the comparison) against `gold`; where
    gold items carry `fact` ids or `as_of` times, score those too."""
    relations = score_relations(pairs, gold.relations) if pairs is not None else {}
    facts = score_facts(results, gold, pairs) if fact_annotated(gold) else None
    return EvalReport(kinds=score_extraction(results, gold), relations=relations, facts=facts)
