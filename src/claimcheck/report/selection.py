"""Which facts and pairs a view shows, in which order, and the one-line summary above them.

A reader checks facts, not pairs: the report and the export of values show facts, the export of
pairs shows pairs in the order of their facts. Facts are ranked by how much a reader should
look at them (`comparison.facts.fact_rank`): a conflict between outlets first, then a conflict
that looks like a typing slip, then a revised figure, then agreements. Every view (terminal,
CSV, JSON) takes its order from here, so the first rows of an export are the first entries of
the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from claimcheck.comparison.facts import as_of, attention, fact_rank, group_facts
from claimcheck.kinds import CLAIM_KINDS, kind_named
from claimcheck.model import (
    VERDICTS,
    Article,
    Claim,
    ClaimKind,
    Comparison,
    Fact,
    Pair,
    Verdict,
)

#: How the summary and the messages name one fact, and several facts, of each verdict.
VERDICT_NOUNS: dict[Verdict, str] = {
    "conflict": "conflict",
    "revision": "revision",
    "agree": "agreement",
}
VERDICT_PLURALS: dict[Verdict, str] = {
    "conflict": "conflicts",
    "revision": "revisions",
    "agree": "agreements",
}
#: Words people use for a verdict that are not its name or its plural.
VERDICT_SYNONYMS: dict[str, Verdict] = {"agrees": "agree", "revised": "revision"}


def parse_kind(text: str) -> ClaimKind:
    """`Money`, `quotes`, `quantities` -> the claim kind; case and plural do not matter."""
    spec = kind_named(text)
    if spec is None:
        raise ValueError(f"unknown kind {text!r} (choose from {', '.join(CLAIM_KINDS)})")
    return spec.name


def parse_verdict(text: str) -> Verdict:
    """`conflict`, `Conflicts`, `agreements`, `revision` -> the verdict."""
    word = text.strip().lower()
    for verdict in VERDICTS:
        if word in (verdict, VERDICT_NOUNS[verdict], VERDICT_PLURALS[verdict]):
            return verdict
    if word in VERDICT_SYNONYMS:
        return VERDICT_SYNONYMS[word]
    choices = ", ".join(VERDICT_PLURALS[v] for v in VERDICTS)
    raise ValueError(f"unknown verdict {text!r} (choose from {choices})")


@dataclass(frozen=True, slots=True)
class Selection:
    """What the user asked to see: some verdicts, some kinds (empty: all), a minimum score."""

    verdicts: frozenset[Verdict] = frozenset()
    kinds: frozenset[ClaimKind] = frozenset()
    min_score: float = 0.0

    def keeps(self, pair: Pair) -> bool:
        return (
            (not self.verdicts or pair.verdict in self.verdicts)
            and (not self.kinds or pair.kind in self.kinds)
            and pair.score >= self.min_score
        )


def fact_articles(fact: Fact) -> set[str]:
    return {claim.article for claim in fact.claims}


#: The order of facts in every view: the one ranking `comparison.facts` defines.
rank_key = fact_rank


def every_fact(comparison: Comparison, articles: Mapping[str, Article]) -> list[Fact]:
    """The comparison's facts, and facts for any pair that none of them holds, so that a view
    built on facts never loses a pair."""
    held = {pair.id for fact in comparison.facts for pair in fact.pairs}
    orphans = [pair for pair in comparison.pairs if pair.id not in held]
    return [*comparison.facts, *(group_facts(orphans, articles) if orphans else ())]


def select_facts(facts: Iterable[Fact], selection: Selection) -> list[Fact]:
    """The facts the selection keeps, ranked. Pairs under the minimum score are dropped from a
    fact (a fact left without pairs is dropped), then a fact is kept when its kind and its
    verdict (judged on the pairs left) are among those asked for."""
    kept = []
    for fact in facts:
        if selection.kinds and fact.kind not in selection.kinds:
            continue
        pairs = tuple(pair for pair in fact.pairs if pair.score >= selection.min_score)
        if not pairs:
            continue
        fact = fact if pairs == fact.pairs else replace(fact, pairs=pairs)
        if not selection.verdicts or fact.verdict in selection.verdicts:
            kept.append(fact)
    return sorted(kept, key=rank_key)


def selected_pairs(facts: Iterable[Fact], selection: Selection) -> Iterator[tuple[Fact, Pair]]:
    """Every pair the selection keeps (by its own verdict, not its fact's), with its fact, in
    the order of the ranked facts; within a fact conflicts, revisions, then agreements, surest
    first."""
    every_verdict = replace(selection, verdicts=frozenset())
    for fact in select_facts(facts, every_verdict):
        pairs = sorted(
            (pair for pair in fact.pairs if selection.keeps(pair)),
            key=lambda p: (VERDICTS.index(p.verdict), -p.score, p.id),
        )
        for pair in pairs:
            yield fact, pair


def first_facts(
    pairs: Iterable[tuple[Fact, Pair]], limit: int | None
) -> Iterator[tuple[Fact, Pair]]:
    """The pairs of the first `limit` facts (all with None), as `selected_pairs` orders them."""
    seen: set[str] = set()
    for fact, pair in pairs:
        if fact.id not in seen:
            if limit is not None and len(seen) == limit:
                return
            seen.add(fact.id)
        yield fact, pair


def claim_as_of(fact: Fact, claim: Claim, articles: Mapping[str, Article]) -> str:
    """When the claim's figure applied, as the fact records it (else as its article dates it)."""
    for member, when in zip(fact.claims, fact.as_of, strict=False):
        if member.id == claim.id:
            return when or ""
    return as_of(claim, articles) or ""


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts for the line above the report: facts by verdict, slips, outlets, pairs."""

    facts: int
    outlets: int
    pairs: int
    by_verdict: dict[Verdict, int]
    slips: int

    def line(self) -> str:
        """The line above the report, such as "12 facts in 3 outlets: 2 conflicts (1 possible
        slip), 3 revisions, 7 agreements (from 40 pairs)"."""
        parts = []
        for verdict in VERDICTS:
            count = self.by_verdict.get(verdict, 0)
            noun = VERDICT_NOUNS[verdict] if count == 1 else VERDICT_PLURALS[verdict]
            part = f"{count:,} {noun}"
            if verdict == "conflict" and self.slips:
                part += f" ({self.slips} possible slip{'s' if self.slips != 1 else ''})"
            parts.append(part)
        facts = f"{self.facts:,} fact{'s' if self.facts != 1 else ''}"
        outlets = f"{self.outlets:,} outlet{'s' if self.outlets != 1 else ''}"
        pairs = f"{self.pairs:,} pair{'s' if self.pairs != 1 else ''}"
        return f"{facts} in {outlets}: {', '.join(parts)} (from {pairs})"


def summarise(facts: Sequence[Fact], articles: Mapping[str, Article]) -> Summary:
    """The summary of facts as `select_facts` returns them (a slip is a fact ranked 1)."""
    by_verdict: dict[Verdict, int] = {}
    outlets: set[str] = set()
    pairs = slips = 0
    for fact in facts:
        by_verdict[fact.verdict] = by_verdict.get(fact.verdict, 0) + 1
        slips += attention(fact) == 1
        pairs += len(fact.pairs)
        for name in fact_articles(fact):
            article = articles.get(name)
            outlets.add((article.outlet or name) if article else name)
    return Summary(len(facts), len(outlets), pairs, by_verdict, slips)
