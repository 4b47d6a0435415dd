"""Facts: the claims that state one measure of one subject, grouped across articles.

A reader checks a fact once, not every pair inside it: claims joined by pairs (directly or
through a third claim) form one fact, whose history is its claims ordered by when each figure
applied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from claimcheck.kinds import kind_of
from claimcheck.lang.en.measures import EARLIER_CUES
from claimcheck.model import Article, Claim, Comparison, Fact, Pair


def as_of(claim: Claim, articles: Mapping[str, Article]) -> str | None:
    """When the claim's figure applied: what its sentence says, else its publication date."""
    if claim.frame is not None and claim.frame.as_of:
        return claim.frame.as_of
    article = articles.get(claim.article)
    return None if article is None or article.published is None else str(article.published)


def connected_claims(pairs: Sequence[Pair]) -> list[tuple[list[Claim], list[Pair]]]:
    """Claims linked by pairs, one group per connected component (union-find over claim ids),
    each with the pairs inside it: found in one pass, since looking up each group's pairs among
    all pairs costs facts times pairs (hours at 100,000 claims)."""
    parent: dict[str, str] = {}
    claims: dict[str, Claim] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for pair in pairs:
        for claim in (pair.a, pair.b):
            claims.setdefault(claim.id, claim)
            parent.setdefault(claim.id, claim.id)
        parent[root(pair.a.id)] = root(pair.b.id)
    groups: dict[str, tuple[list[Claim], list[Pair]]] = {}
    for key in sorted(claims):
        groups.setdefault(root(key), ([], []))[0].append(claims[key])
    for pair in pairs:
        groups[root(pair.a.id)][1].append(pair)
    return list(groups.values())


def fact_id(claims: Sequence[Claim]) -> str:
    """Stable across runs: the same claims give the same id, whatever the input order."""
    digest = hashlib.sha1("\n".join(sorted(c.id for c in claims)).encode()).hexdigest()
    return f"{claims[0].kind}-{digest[:10]}"


def history_order(claim: Claim, when: str | None) -> tuple[str, int, str, str]:
    """Where a claim stands in its fact's history: by as-of time, and at one time a figure the
    text marks as earlier ("initially 2", "from 9,000") before the others."""
    earlier = claim.frame is not None and bool(EARLIER_CUES.intersection(claim.frame.cues))
    return (when or "", 0 if earlier else 1, claim.article, claim.id)


def measure_of(claim: Claim) -> str | None:
    """What a claim measures: its frame's measure (a figure), or the measure its kind names (a
    trend's "odds", an event's "bury dead")."""
    if claim.frame is not None and claim.frame.measure:
        return claim.frame.measure
    return kind_of(claim.item).measure(claim.item)


def group_facts(pairs: Sequence[Pair], articles: Mapping[str, Article]) -> list[Fact]:
    """Facts formed by `pairs`, in `fact_rank` order; each pair inside a fact carries the
    fact's id."""
    facts = []
    for members, inside in connected_claims(pairs):
        when = {claim.id: as_of(claim, articles) for claim in members}
        ordered = sorted(members, key=lambda c: history_order(c, when[c.id]))
        subject = tuple(sorted({name for pair in inside for name in pair.topic}))
        measure = next((m for c in ordered if (m := measure_of(c))), None)
        ident = fact_id(ordered)
        facts.append(
            Fact(
                id=ident,
                kind=ordered[0].kind,
                measure=measure,
                subject=subject,
                claims=tuple(ordered),
                as_of=tuple(when[c.id] for c in ordered),
                pairs=tuple(pair.in_fact(ident) for pair in inside),
            )
        )
    return sorted(facts, key=fact_rank)


def attention(fact: Fact) -> int:
    """0 a conflict between outlets, 1 only conflicts that look like slips, 2 a revision,
    3 agreement: the order in which a fact-checker should read. A possible slip is a conflict,
    but one a reader settles at a glance ($40 million vs $40 billion), so it follows the
    conflicts that need reading."""
    conflicts = [pair for pair in fact.pairs if pair.verdict == "conflict"]
    if any(not pair.slip for pair in conflicts):
        return 0
    if conflicts:
        return 1
    return 2 if any(pair.verdict == "revision" for pair in fact.pairs) else 3


def fact_rank(fact: Fact) -> tuple[int, int, float, str]:
    """The one order of facts, for every view (compare's report and exports, the HTML report):
    attention first; then facts stated by more articles, then surer alignments; the id last so
    that the same input always gives the same order."""
    articles = len({claim.article for claim in fact.claims})
    best = max((pair.score for pair in fact.pairs), default=0.0)
    return (attention(fact), -articles, -best, fact.id)


def build_comparison(pairs: Sequence[Pair], articles: Mapping[str, Article]) -> Comparison:
    """The facts `pairs` form, and the pairs again, each carrying the id of its fact."""
    facts = group_facts(pairs, articles)
    labelled = {pair.id: pair for fact in facts for pair in fact.pairs}  # made once, shared
    return Comparison(
        pairs=tuple(labelled.get(pair.id, pair) for pair in pairs), facts=tuple(facts)
    )
